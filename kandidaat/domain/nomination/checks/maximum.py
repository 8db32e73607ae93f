"""The maximum number of candidates per list (Kieswet H 6 lid 2; EK R 4 lid 2)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.nomination.checks.context import count
from kandidaat.domain.nomination.checks.facts import Gap
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import AppellationKind, Body
from kandidaat.domain.nomination.structure import (
    LARGE_PREVIOUS_SEATS,
    MAX_CANDIDATES,
    MAX_CANDIDATES_LARGE,
    max_candidates,
    previous_seats,
)

if TYPE_CHECKING:
    from kandidaat.domain.nomination.checks.context import CheckContext
    from kandidaat.domain.nomination.model import CandidateList, Nomination


def check_maximum(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """A list longer than 50 (or 80) candidates.

    Kieswet art. H 6 lid 2 (EK: R 4 lid 2), geldend op 2026-01-01: at most 50,
    or 80 when the appellation won more than 15 seats at the previous election
    of the same body. The CSB strikes the candidates beyond the maximum from
    the bottom (art. I 6 lid 1 onder i). When the source does not carry the
    previous result (a bare EML 210 without ``--previous-seats``), 51 to 80
    candidates cannot be judged and the finding says so (ADR 0024).
    """
    party = nomination.party
    limit = max_candidates(party)
    article = "Kieswet R 4 lid 2" if nomination.election.body is Body.EK else "Kieswet H 6 lid 2"
    if limit > 50:
        seats = count(previous_seats(party), "zetel", "zetels")
        reason = f"de aanduiding bij de vorige verkiezing {seats} behaalde"
    elif party.kind is AppellationKind.BLANK:
        reason = "een blanco lijst ten hoogste 50 kandidaten mag tellen"
    else:
        reason = (
            f"de aanduiding bij de vorige verkiezing minder dan {LARGE_PREVIOUS_SEATS} "
            "zetels behaalde"
        )
    unknown = (
        context.facts.lacks(Gap.PAPER)
        and party.kind is not AppellationKind.BLANK
        and party.previous_seats is None
        and all(group.previous_seats is None for group in party.groups)
    )
    if unknown:
        # Without the previous result only the largest maximum is certain.
        limit = MAX_CANDIDATES_LARGE
        reason = f"een lijst nooit meer dan {MAX_CANDIDATES_LARGE} kandidaten mag tellen"
    findings: list[Finding] = []
    for candidate_list in nomination.lists:
        number = len(candidate_list.candidates)
        if unknown and MAX_CANDIDATES < number <= MAX_CANDIDATES_LARGE:
            findings.append(_maximum_not_checkable(candidate_list, number, article, context))
        elif number > limit:
            findings.append(
                Finding(
                    "too-many-candidates",
                    Severity.ERROR,
                    article,
                    f"{context.list_label(candidate_list)} telt {number} kandidaten; ten hoogste "
                    f"{limit} zijn toegestaan omdat {reason}.",
                    f"Haal {count(number - limit, 'kandidaat', 'kandidaten')} van de lijst. "
                    "Anders schrapt het "
                    f"centraal stembureau de kandidaten vanaf nummer {limit + 1} "
                    "(art. I 6 lid 1 onder i).",
                    list_key=candidate_list.key,
                    field="candidates",
                )
            )
    return findings


def _maximum_not_checkable(
    candidate_list: CandidateList, number: int, article: str, context: CheckContext
) -> Finding:
    """51 to 80 candidates while the source does not say the previous result (ADR 0024)."""
    return Finding(
        "maximum-not-checkable",
        Severity.WARNING,
        article,
        f"{context.list_label(candidate_list)} telt {number} kandidaten: ten hoogste "
        f"{MAX_CANDIDATES} zijn toegestaan, of {MAX_CANDIDATES_LARGE} als de aanduiding bij "
        f"de vorige verkiezing meer dan {LARGE_PREVIOUS_SEATS - 1} zetels behaalde; die "
        f"uitslag staat niet in {context.facts.source}, dus dit is niet te controleren.",
        "Geef het aantal zetels bij de vorige verkiezing mee met --previous-seats.",
        list_key=candidate_list.key,
        field="candidates",
    )


def check_previous_result_known(nomination: Nomination, context: CheckContext) -> list[Finding]:
    """Say what we assume when the previous result is not filled in (e-KS does the same)."""
    party = nomination.party
    if party.kind is AppellationKind.BLANK:
        return []
    known = party.previous_seats is not None or any(
        group.previous_seats is not None for group in party.groups
    )
    if known:
        return []
    if context.facts.lacks(Gap.PAPER):
        where = f"staat niet in {context.facts.source}"
        advice = "Geef het aantal zetels bij de vorige verkiezing mee met --previous-seats."
    else:
        where = "is niet ingevuld"
        advice = "Vul het aantal zetels bij de vorige verkiezing van hetzelfde orgaan in."
    return [
        Finding(
            "previous-result-unknown",
            Severity.INFO,
            "Kieswet H 6 lid 2",
            f"De uitslag van de aanduiding bij de vorige verkiezing {where}; we gaan "
            "uit van geen zetels: ten hoogste 50 kandidaten, ondersteuningsverklaringen en "
            "een waarborgsom.",
            advice,
            field="previous_seats",
        )
    ]
