"""How each candidate is listed: required data, naming rules, BSN, gender.

Kiesbesluit art. H 2 lid 1 - 5 and the Kiesraad's beleidsregel (Stcrt. 2015,
26430); Kieswet art. H 9 lid 1 for the BSN (geldend op 2026-01-01).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.nomination.bsn import bsn_problem, normalize_bsn
from kandidaat.domain.nomination.checks.context import sentence
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.names import (
    NameIssue,
    first_name_issues,
    initials_issues,
    last_name_issues,
    prefix_issues,
)

if TYPE_CHECKING:
    from kandidaat.domain.nomination.checks.context import CheckContext
    from kandidaat.domain.nomination.model import Candidate, Nomination

_REQUIRED = (
    ("initials", "de voorletters"),
    ("last_name", "de achternaam"),
    ("date_of_birth", "de geboortedatum"),
    ("locality", "de woonplaats"),
)


def check_required_data(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Initials, last name, date of birth and woonplaats must be filled in.

    Kiesbesluit art. H 2 lid 1 (geldend op 2026-01-01). A list that lacks them
    is not per the model and cannot be repaired (Kieswet art. I 5 onder d). A
    date of birth known only in part, as the BRP records it
    (kr:DateOfBirthAnnex), is given, not missing (ADR 0026).
    """
    del nomination
    findings: list[Finding] = []
    for candidate in context.candidates_on_lists():
        appearance = context.first_appearance(candidate)
        for field, words in _REQUIRED:
            value = getattr(candidate, field)
            if value is None and field == "date_of_birth":
                value = context.facts.partial_birth(candidate)
            if value is None or (isinstance(value, str) and not value.strip()):
                findings.append(
                    Finding(
                        "candidate-data-missing",
                        Severity.ERROR,
                        "Kiesbesluit H 2 lid 1",
                        f"Bij {context.candidate_label(candidate)} ontbreekt {words}.",
                        "Vul het aan zoals in de BRP. Een lijst zonder deze gegevens is niet "
                        "volgens het model en daarom ongeldig (Kieswet I 5 onder d).",
                        list_key=appearance.candidate_list.key if appearance else None,
                        candidate_key=candidate.key,
                        field=field,
                    )
                )
        if candidate.lives_abroad and not candidate.country_code.strip().isalpha():
            findings.append(
                Finding(
                    "country-code-invalid",
                    Severity.ERROR,
                    "Kiesbesluit H 2 lid 1",
                    f"Bij {context.candidate_label(candidate)} is de landcode "
                    f"{candidate.country_code!r} geen geldige code.",
                    "Gebruik de tweeletterige landcode (ISO 3166), bijvoorbeeld BE of DE.",
                    candidate_key=candidate.key,
                    field="country_code",
                )
            )
    return findings


def check_naming(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Every naming rule of Kiesbesluit art. H 2 and the beleidsregel, per candidate.

    Kiesbesluit art. H 2 lid 1 and lid 3 and beleidsregel Stcrt. 2015, 26430
    (geldend op 2026-01-01); see :mod:`kandidaat.domain.nomination.names`.
    """
    del nomination
    findings: list[Finding] = []
    for candidate in context.candidates_on_lists():
        issues: list[NameIssue] = [
            *initials_issues(candidate.initials),
            *prefix_issues(candidate.prefix),
            *last_name_issues(candidate.last_name),
            *first_name_issues(candidate.first_name),
        ]
        appearance = context.first_appearance(candidate)
        findings += [
            Finding(
                issue.code,
                issue.severity,
                "Kiesbesluit H 2 lid 1",
                sentence(f"Bij {context.candidate_label(candidate)}: {issue.message}"),
                issue.advice,
                list_key=appearance.candidate_list.key if appearance else None,
                candidate_key=candidate.key,
                field=issue.field,
            )
            for issue in issues
        ]
    return findings


def check_bsn(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """BSN present, passing the eleven test, and not shared by two people.

    Kieswet art. H 9 lid 1 and model H 9 (geldend op 2026-01-01): the candidate
    states the BSN on the instemmingsverklaring.
    """
    del nomination
    findings: list[Finding] = []
    owners: dict[str, Candidate] = {}
    for candidate in context.candidates_on_lists():
        if not candidate.bsn.strip():
            label = context.candidate_label(candidate)
            findings.append(
                Finding(
                    "bsn-missing",
                    Severity.INFO if candidate.lives_abroad else Severity.WARNING,
                    "Kieswet H 9 lid 1",
                    f"Bij {label} ontbreekt het burgerservicenummer (BSN).",
                    "Het BSN staat op de instemmingsverklaring (model H 9); een kandidaat in "
                    "het buitenland zonder BSN laat het leeg.",
                    candidate_key=candidate.key,
                    field="bsn",
                )
            )
            continue
        problem = bsn_problem(candidate.bsn)
        if problem:
            label = context.candidate_label(candidate)
            findings.append(
                Finding(
                    "bsn-invalid",
                    Severity.ERROR,
                    "Kieswet H 9 lid 1",
                    f"Het BSN {candidate.bsn!r} van {label} is ongeldig: {problem}.",
                    "Neem het BSN over van het identiteitsbewijs of uit de BRP.",
                    candidate_key=candidate.key,
                    field="bsn",
                )
            )
            continue
        bsn = normalize_bsn(candidate.bsn)
        other = owners.setdefault(bsn, candidate)
        if other is not candidate:
            label = context.candidate_label(candidate)
            findings.append(
                Finding(
                    "bsn-shared",
                    Severity.WARNING,
                    "Kieswet H 9 lid 1",
                    sentence(f"{label} heeft hetzelfde BSN als {context.candidate_label(other)}"),
                    "Is dit dezelfde persoon, gebruik dan één adresboekregel; anders is een "
                    "van beide nummers fout.",
                    candidate_key=candidate.key,
                    field="bsn",
                )
            )
    return findings


def check_gender(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """A list that prints gender needs m or v for every candidate.

    Kiesbesluit art. H 2 lid 4 (geldend op 2026-01-01): "(m)" or "(v)" after
    the name; the Kiesraad applies the choice to the whole list.
    """
    by_key = {candidate.key: candidate for candidate in nomination.candidates}
    findings: list[Finding] = []
    for candidate_list in nomination.lists:
        if not candidate_list.publish_gender:
            continue
        for position, key in enumerate(candidate_list.candidates, start=1):
            candidate = by_key.get(key)
            if candidate is None or candidate.gender is not None:
                continue
            appearance = next(
                a
                for a in context.appearances[key]
                if a.candidate_list.key == candidate_list.key and a.position == position
            )
            findings.append(
                Finding(
                    "gender-missing",
                    Severity.WARNING,
                    "Kiesbesluit H 2 lid 4",
                    f"{context.list_label(candidate_list)} vermeldt het geslacht, maar bij "
                    f"{context.candidate_label(candidate, appearance)} ontbreekt het.",
                    "Vul m of v in voor elke kandidaat op deze lijst, of vermeld het geslacht "
                    "bij niemand.",
                    list_key=candidate_list.key,
                    candidate_key=key,
                    field="gender",
                )
            )
    return findings
