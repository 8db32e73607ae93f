"""The waarborgsom: how many, how much, by when (Kieswet H 12 - H 14, Kiesbesluit H 3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.nomination.checks.context import count
from kandidaat.domain.nomination.deadlines import dutch_date
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.structure import (
    deposit_rule,
    euro,
    exempt_from_support,
    previous_seats,
)

if TYPE_CHECKING:
    from kandidaat.domain.nomination.checks.context import CheckContext
    from kandidaat.domain.nomination.model import Nomination

_EXEMPTION = {
    "Kieswet H 12 lid 1": "Kieswet H 12 lid 2",
    "Kieswet H 13 lid 1": "Kieswet H 13 lid 2",
    "Kieswet H 13a lid 1": "Kieswet H 13a lid 2",
    "Kieswet H 14 lid 1": "Kieswet H 14 lid 2",
}


def check_deposit(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """One waarborgsom per lijstengroep, stel or standalone list, with amount and deadline.

    Kieswet art. H 12 (TK, EP), H 13 (PS), H 13a (waterschap), H 14
    (gemeenteraad, eilandsraad) and Kiesbesluit art. H 3 lid 1 (geldend op
    2026-01-01). Exempt like the support declarations (H 12 lid 2 etc.); the
    Eerste Kamer has none.
    """
    rule = deposit_rule(nomination.election.body)
    if not rule.required or not nomination.lists:
        return []
    party = nomination.party
    if exempt_from_support(party):
        return [
            Finding(
                "deposit-exempt",
                Severity.INFO,
                _EXEMPTION[rule.article],
                "Er is geen waarborgsom nodig: de aanduiding behaalde bij de vorige verkiezing "
                f"{count(previous_seats(party), 'zetel', 'zetels')}.",
                "",
            )
        ]
    deadline = (
        f" De betaling moet uiterlijk op {dutch_date(context.dates.deposit_deadline)} zijn "
        "ontvangen, met vermelding 'waarborgsom kandidaatstelling'."
        if context.dates is not None
        else ""
    )
    findings: list[Finding] = []
    for unit in context.structure.units:
        numbers = ", ".join(str(context.list_number(key)) for key in unit.list_keys)
        what = f"lijst {numbers}" if len(unit.list_keys) == 1 else f"de lijsten {numbers}"
        amount = (
            euro(rule.amount_cents)
            if rule.amount_cents is not None
            else "het bedrag in Amerikaanse dollars dat het centraal stembureau bekendmaakt"
        )
        findings.append(
            Finding(
                "deposit-required",
                Severity.INFO,
                rule.article,
                f"Waarborgsom voor {what} ({unit.kind}): {amount}.{deadline}",
                "Lever het bewijs van betaling (model H 12) in bij de lijst.",
                list_key=unit.list_keys[0],
            )
        )
    return findings
