"""The lists themselves: present, with candidates and kieskringen, one per kieskring.

Kieswet art. H 1, H 2, H 6 lid 1, H 11 and I 6 lid 2 onder b (geldend op
2026-01-01); Kiesbesluit H 2 lid 5 for the Frisian language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.nomination.checks.context import bounded, count
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import Body
from kandidaat.domain.nomination.structure import ListType

if TYPE_CHECKING:
    from kandidaat.domain.nomination.checks.context import CheckContext
    from kandidaat.domain.nomination.model import Nomination

LANGUAGES = {"nl": "Nederlands", "fy": "Fries"}


def check_lists(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """No lists, empty lists, lists without (valid) kieskringen, unknown candidates.

    Kieswet art. H 1 lid 1, H 2 and H 6 lid 1 (geldend op 2026-01-01).
    """
    if not nomination.lists:
        return [
            Finding(
                "no-lists",
                Severity.ERROR,
                "Kieswet H 1 lid 1",
                "Er is nog geen kandidatenlijst gemaakt.",
                "Maak een kandidatenlijst en zet de kandidaten erop in volgorde van voorkeur.",
            )
        ]
    findings: list[Finding] = []
    election = nomination.election
    known = {k.number for k in election.kieskringen}
    people = {candidate.key for candidate in nomination.candidates}
    for candidate_list in nomination.lists:
        label = context.list_label(candidate_list)
        if not candidate_list.candidates:
            findings.append(
                Finding(
                    "list-without-candidates",
                    Severity.ERROR,
                    "Kieswet H 6 lid 1",
                    f"{label} heeft geen kandidaten.",
                    "Zet ten minste één kandidaat op de lijst, of verwijder de lijst.",
                    list_key=candidate_list.key,
                    field="candidates",
                )
            )
        if not candidate_list.kieskringen and not election.single_kieskring:
            findings.append(
                Finding(
                    "list-without-kieskringen",
                    Severity.ERROR,
                    _kieskring_article(nomination),
                    f"{label} is voor geen enkele kieskring ingediend.",
                    "Kies de kieskring(en) waarvoor deze lijst geldt.",
                    list_key=candidate_list.key,
                    field="kieskringen",
                )
            )
        unknown = [n for n in dict.fromkeys(candidate_list.kieskringen) if n not in known]
        if unknown:
            word = "kieskring" if len(unknown) == 1 else "kieskringen"
            verb = "bestaat" if len(unknown) == 1 else "bestaan"
            existing = bounded(f"{k.number} {k.name}".strip() for k in election.kieskringen)
            findings.append(
                Finding(
                    "unknown-kieskring",
                    Severity.ERROR,
                    _kieskring_article(nomination),
                    f"{label} noemt {word} {bounded(unknown)}, die bij de verkiezing "
                    f"{election.name} niet {verb}; de verkiezing heeft {existing}.",
                    "Kies alleen kieskringen van deze verkiezing; voor een kieskring die niet "
                    "bestaat kan de lijst niet worden ingeleverd.",
                    list_key=candidate_list.key,
                    field="kieskringen",
                )
            )
        missing = [key for key in candidate_list.candidates if key not in people]
        if missing:
            findings.append(
                Finding(
                    "unknown-candidate",
                    Severity.ERROR,
                    "Kieswet H 6 lid 1",
                    f"{label} verwijst naar {count(len(missing), 'kandidaat', 'kandidaten')} "
                    "die niet in het adresboek staan.",
                    "Voeg de kandidaat opnieuw toe vanuit het adresboek.",
                    list_key=candidate_list.key,
                    field="candidates",
                )
            )
    return findings


def check_duplicate_kieskringen(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Two lists of this party for the same kieskring.

    Kieswet art. I 6 lid 2 onder b (geldend op 2026-01-01): an appellation
    above more than one list for one kieskring is struck; a person on both
    lists is struck too (H 7 lid 2).
    """
    findings: list[Finding] = []
    seen: dict[str, str] = {}
    names = {k.number: k.name for k in nomination.election.kieskringen}
    for candidate_list in nomination.lists:
        for number in dict.fromkeys(candidate_list.kieskringen):
            if number in seen:
                first = context.list_number(seen[number])
                findings.append(
                    Finding(
                        "duplicate-kieskring",
                        Severity.ERROR,
                        "Kieswet I 6 lid 2",
                        f"{context.list_label(candidate_list)} is ingediend voor kieskring "
                        f"{number} {names.get(number, '')}".rstrip()
                        + f", waarvoor ook lijst {first} is ingediend.",
                        "Per kieskring mag de partij één lijst indienen; anders vervalt de "
                        "aanduiding boven die lijsten (art. I 6 lid 2 onder b). Haal de "
                        "kieskring bij een van de lijsten weg.",
                        list_key=candidate_list.key,
                        field="kieskringen",
                    )
                )
            else:
                seen[number] = candidate_list.key
        if len(set(candidate_list.kieskringen)) < len(candidate_list.kieskringen):
            findings.append(
                Finding(
                    "kieskring-listed-twice",
                    Severity.WARNING,
                    _kieskring_article(nomination),
                    f"{context.list_label(candidate_list)} noemt dezelfde kieskring twee keer.",
                    "Noem elke kieskring één keer.",
                    list_key=candidate_list.key,
                    field="kieskringen",
                )
            )
    return findings


def check_structure(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Tell how the lists count: lijstengroep, stel or standalone list (Kieswet H 11)."""
    if len(nomination.lists) < 2 and nomination.election.single_kieskring:
        return []
    findings: list[Finding] = []
    for unit in context.structure.units:
        numbers = ", ".join(str(context.list_number(key)) for key in unit.list_keys)
        word = "Lijst" if len(unit.list_keys) == 1 else "Lijsten"
        meaning = {
            ListType.GROUP: "vormen samen een lijstengroep",
            ListType.SET: "vormen een stel gelijkluidende lijsten"
            if len(unit.list_keys) > 1
            else "geldt voor meer kieskringen en is een stel gelijkluidende lijsten",
            ListType.STANDALONE: "is een op zichzelf staande lijst",
        }[unit.kind]
        findings.append(
            Finding(
                "list-structure",
                Severity.INFO,
                "Kieswet R 10" if nomination.election.body is Body.EK else "Kieswet H 11",
                f"{word} {numbers} {meaning}; dat telt als één lijst voor de nummering"
                + (" en de waarborgsom." if nomination.election.body is not Body.EK else "."),
                "",
                list_key=unit.list_keys[0],
            )
        )
    return findings


def check_language(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Frisian only where the law allows it (Kiesbesluit H 2 lid 5, geldend op 2026-01-01)."""
    findings: list[Finding] = []
    for candidate_list in nomination.lists:
        label = context.list_label(candidate_list)
        if candidate_list.language not in LANGUAGES:
            findings.append(
                Finding(
                    "unknown-language",
                    Severity.ERROR,
                    "Kiesbesluit H 2 lid 5",
                    f"{label} heeft taal {candidate_list.language!r}; "
                    "alleen Nederlands (nl) en Fries (fy) zijn mogelijk.",
                    "Kies Nederlands, of Fries bij een verkiezing in Fryslân.",
                    list_key=candidate_list.key,
                    field="language",
                )
            )
        elif candidate_list.language == "fy" and not nomination.election.frisian:
            findings.append(
                Finding(
                    "frisian-not-allowed",
                    Severity.ERROR,
                    "Kiesbesluit H 2 lid 5",
                    f"{label} is in het Fries, maar bij de verkiezing {nomination.election.name} "
                    "mag alleen het Nederlands worden gebruikt.",
                    "Fries is toegestaan bij verkiezingen in Fryslân (provincie, Wetterskip "
                    "Fryslân en de Friese gemeenten). Kies Nederlands.",
                    list_key=candidate_list.key,
                    field="language",
                )
            )
    return findings


def _kieskring_article(nomination: Nomination) -> str:
    """The article that makes a list name its kieskringen."""
    return "Kieswet R 1 lid 2" if nomination.election.body is Body.EK else "Kieswet H 2"
