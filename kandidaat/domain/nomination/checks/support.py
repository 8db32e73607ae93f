"""Ondersteuningsverklaringen: how many per kieskring, or the exemption (Kieswet H 4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.nomination.checks.context import count
from kandidaat.domain.nomination.checks.facts import ELECTION_HINT, Gap
from kandidaat.domain.nomination.deadlines import dutch_date
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import Body
from kandidaat.domain.nomination.structure import (
    exempt_from_support,
    previous_seats,
    support_required,
)

if TYPE_CHECKING:
    from kandidaat.domain.nomination.checks.context import CheckContext
    from kandidaat.domain.nomination.model import CandidateList, Nomination


def check_support(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """How many H 4 declarations each list needs per kieskring, or that none are needed.

    Kieswet art. H 4 lid 1, lid 3 and lid 8 (EK: R 2), geldend op 2026-01-01.
    For a gemeenteraad the number depends on its seats (10, 20 or 30): when the
    source does not carry them (a bare EML 210), the finding says it cannot be
    checked instead of computing with none (ADR 0024).
    """
    election = nomination.election
    party = nomination.party
    if not nomination.lists:
        return []
    if exempt_from_support(party):
        return [
            Finding(
                "support-exempt",
                Severity.INFO,
                "Kieswet H 4 lid 8",
                "Er zijn geen ondersteuningsverklaringen nodig: de aanduiding behaalde bij de "
                f"vorige verkiezing {count(previous_seats(party), 'zetel', 'zetels')}.",
                "",
            )
        ]
    ek = election.body is Body.EK
    names = {k.number: k for k in election.kieskringen}
    window = ""
    if context.dates is not None and not ek:
        window = (
            f" Ondertekenen kan van {dutch_date(context.dates.support_window_start)} tot en met "
            f"{dutch_date(context.dates.support_window_end)}, in de eigen gemeente."
        )
    if election.body is Body.GR and (context.facts.lacks(Gap.SEATS) or election.seats < 1):
        return [_seats_unknown(candidate_list, context) for candidate_list in nomination.lists]
    findings: list[Finding] = []
    for candidate_list in nomination.lists:
        numbers = candidate_list.kieskringen or tuple(names)
        counts = [
            (names[number], support_required(election, names[number]))
            for number in dict.fromkeys(numbers)
            if number in names
        ]
        if not counts:
            continue
        label = context.list_label(candidate_list)
        if ek:
            message = (
                f"{label}: per provincie of kiescollege is één ondersteuningsverklaring nodig "
                f"van een lid van Provinciale Staten of van dat kiescollege ({len(counts)} in "
                "totaal)."
            )
            article = "Kieswet R 2"
        elif len(counts) == 1:
            kieskring, needed = counts[0]
            where = _where(
                single=election.single_kieskring,
                number=kieskring.number,
                name=kieskring.name.strip() or (election.area_name or "").strip(),
            )
            message = (
                f"{label}: {needed} ondersteuningsverklaringen nodig van kiezers in {where}."
                + window
            )
            article = "Kieswet H 4 lid 1"
        else:
            detail = ", ".join(
                f"{_where(single=False, number=k.number, name=k.name.strip())}: {n}"
                for k, n in counts
            )
            message = (
                f"{label}: per kieskring zijn ondersteuningsverklaringen nodig van kiezers in die "
                f"kieskring ({detail}; samen {sum(n for _, n in counts)})." + window
            )
            article = "Kieswet H 4 lid 1"
        findings.append(
            Finding(
                "support-required",
                Severity.INFO,
                article,
                message,
                "Kiezers tekenen model H 4 met de kandidaten in dezelfde volgorde als op de "
                "lijst; een kiezer kan maar één lijst ondersteunen.",
                list_key=candidate_list.key,
            )
        )
    return findings


def _seats_unknown(candidate_list: CandidateList, context: CheckContext) -> Finding:
    """The number of declarations of a gemeenteraad list cannot be told without the seats."""
    return Finding(
        "support-not-checkable",
        Severity.WARNING,
        "Kieswet H 4 lid 1",
        f"{context.list_label(candidate_list)}: hoeveel ondersteuningsverklaringen nodig zijn "
        "hangt af van het aantal zetels van de gemeenteraad (10 bij minder dan 19 zetels, 20 "
        f"bij 19 tot 39 zetels, anders 30); dat staat niet in {context.facts.source}: "
        f"{ELECTION_HINT}.",
        "Geef de verkiezingsdefinitie mee, of controleer het project zelf.",
        list_key=candidate_list.key,
    )


def _where(*, single: bool, number: str, name: str) -> str:
    """The area the signers must live in; a name the source does not give is said so."""
    if single:
        return name or "het gebied van de verkiezing (de naam staat niet in het bestand)"
    return f"kieskring {number} {name}" if name else f"kieskring {number}"
