"""Deadlines that have passed or are near (Kieswet G 1, H 1, J 1; Kiesbesluit H 3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.nomination.checks.facts import ELECTION_HINT, Gap
from kandidaat.domain.nomination.deadlines import dutch_date
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import AppellationKind
from kandidaat.domain.nomination.structure import deposit_rule, exempt_from_support

if TYPE_CHECKING:
    from kandidaat.domain.nomination.checks.context import CheckContext
    from kandidaat.domain.nomination.model import Nomination


def check_deadlines(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Registration, deposit and nomination day compared with today.

    Kieswet art. G 1 lid 1, H 1 lid 1 and J 1 lid 1, Kiesbesluit art. H 3 lid 1
    (geldend op 2026-01-01); dates from :mod:`kandidaat.domain.nomination.deadlines`.
    """
    dates = context.dates
    if dates is None and context.facts.lacks(Gap.ELECTION_DATE):
        return [
            Finding(
                "dates-not-checkable",
                Severity.WARNING,
                "Kieswet J 1 lid 1",
                f"De termijnen (registratie, waarborgsom, dag van kandidaatstelling) zijn "
                f"{ELECTION_HINT}: {context.dates_problem}.",
                "Geef de verkiezingsdefinitie mee, of controleer het project zelf.",
                field="election",
            )
        ]
    if dates is None:
        return [
            Finding(
                "dates-unknown",
                Severity.ERROR,
                "Kieswet J 1 lid 1",
                f"De termijnen kunnen niet worden berekend: {context.dates_problem}.",
                "Vul de dag van stemming en zo nodig de dag van kandidaatstelling in.",
                field="election",
            )
        ]
    today = context.today
    findings: list[Finding] = []
    if today > dates.nomination_day:
        findings.append(
            Finding(
                "nomination-day-passed",
                Severity.ERROR,
                "Kieswet H 1 lid 1",
                f"De dag van kandidaatstelling ({dutch_date(dates.nomination_day)}) is voorbij; "
                "er kunnen geen lijsten meer worden ingeleverd.",
                "",
            )
        )
        return findings
    if today == dates.nomination_day:
        findings.append(
            Finding(
                "nomination-day-today",
                Severity.WARNING,
                "Kieswet H 1 lid 1",
                "Vandaag is de dag van kandidaatstelling: lever de lijst tussen 09.00 en "
                "17.00 uur persoonlijk in.",
                "",
            )
        )
    party = nomination.party
    if today > dates.registration_deadline and party.kind is not AppellationKind.BLANK:
        findings.append(
            Finding(
                "registration-closed",
                Severity.INFO,
                "Kieswet G 1 lid 1",
                "Registreren van een aanduiding voor deze verkiezing kon tot en met "
                f"{dutch_date(dates.registration_deadline)}; alleen een al geregistreerde "
                "aanduiding kan boven de lijst.",
                "Controleer dat de aanduiding precies zo in het register staat.",
                field="appellation",
            )
        )
    rule = deposit_rule(nomination.election.body)
    if rule.required and not exempt_from_support(party) and today > dates.deposit_deadline:
        findings.append(
            Finding(
                "deposit-deadline-passed",
                Severity.WARNING,
                "Kiesbesluit H 3 lid 1",
                "De waarborgsom moest uiterlijk op "
                f"{dutch_date(dates.deposit_deadline)} zijn ontvangen.",
                "Is de betaling te laat, neem dan contact op met het centraal stembureau: "
                "zonder bewijs van betaling is de lijst ongeldig (Kieswet I 5 onder b).",
            )
        )
    return findings
