"""Ondersteuningsverklaringen: how many per kieskring, or the exemption (Kieswet H 4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.nomination.checks.context import count
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
    from kandidaat.domain.nomination.model import Nomination


def check_support(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """How many H 4 declarations each list needs per kieskring, or that none are needed.

    Kieswet art. H 4 lid 1, lid 3 and lid 8 (EK: R 2), geldend op 2026-01-01.
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
                single=election.single_kieskring, number=kieskring.number, name=kieskring.name
            )
            message = (
                f"{label}: {needed} ondersteuningsverklaringen nodig van kiezers in {where}."
                + window
            )
            article = "Kieswet H 4 lid 1"
        else:
            detail = ", ".join(f"kieskring {k.number} {k.name}: {n}" for k, n in counts)
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


def _where(*, single: bool, number: str, name: str) -> str:
    """The area the signers must live in."""
    return name if single else f"kieskring {number} {name}"
