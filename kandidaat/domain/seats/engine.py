"""The entry point: from a contest and the lots drawn so far to a result or a question.

Kieswet chapter P (and U for the Eerste Kamer), geldend op 2026-01-01. The
function is pure: the same contest and the same lot answers always give the
same outcome. When a lot is needed that has not been drawn, the outcome is a
:class:`LotsRequired` with the question and everything computed so far.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from kandidaat.domain.seats.apportionment import Apportionment, apportion, start
from kandidaat.domain.seats.candidates import (
    ListElection,
    elect_checked_list,
    minimum_votes,
    preference_threshold,
)
from kandidaat.domain.seats.groups import distribute_within_group, elect_group
from kandidaat.domain.seats.lots import LotRequest, LotsNeeded, LotSupply
from kandidaat.domain.seats.model import Contest, ListFacts, check_contest
from kandidaat.domain.seats.rules import Rules, rules_for
from kandidaat.domain.seats.steps import GroupStep, Step

if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(frozen=True, slots=True)
class SeatResult:
    """Everything the report needs to explain the result step by step."""

    contest: Contest
    rules: Rules
    quota: Fraction | None
    initial_full_seats: dict[int, int]
    full_seats: dict[int, int]
    residual_seats: dict[int, int]
    seats: dict[int, int]
    steps: tuple[Step, ...]
    empty_seats: int
    warnings: tuple[str, ...]
    preference_threshold: Fraction | None
    elections: tuple[ListElection, ...] = ()
    group_seats: dict[int, dict[int, int]] = field(default_factory=dict)
    group_steps: tuple[GroupStep, ...] = ()
    lots_drawn: tuple[tuple[LotRequest, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Completed:
    """The distribution is complete."""

    result: SeatResult


@dataclass(frozen=True, slots=True)
class LotsRequired:
    """The committee must draw a lot; replay with the answer appended."""

    request: LotRequest
    lots_drawn: tuple[tuple[LotRequest, int], ...]
    partial: Apportionment | None


Outcome = Completed | LotsRequired


def allocate(contest: Contest, lots: Sequence[int] = ()) -> Outcome:
    """Compute seats and elected candidates, replaying the lots drawn so far.

    Kieswet art. P 5 - P 19a (U 2 - U 15 for the Eerste Kamer), geldend op
    2026-01-01.

    Raises:
        InputError: when the contest breaks an invariant (Dutch message).
        LotAnswerError: when a lot answer does not fit its question, or answers
            are left over.
    """
    facts = check_contest(contest)
    rules = rules_for(contest.body, contest.seats)
    supply = LotSupply(lots)
    # ListFacts.living written out: len(positions) - deceased.
    living = [
        len(f.positions) - f.deceased if f is not None else party_list.living_candidates
        for f, party_list in zip(facts, contest.lists, strict=True)
    ]
    total = contest.total_votes
    partial = start(contest, living, total)
    try:
        apportion(contest, rules, supply, partial, total)
        result = _nominate(contest, rules, partial, supply, facts)
    except LotsNeeded as needed:
        return LotsRequired(needed.request, tuple(supply.drawn), partial)
    supply.require_all_used()
    return Completed(result)


def _nominate(
    contest: Contest,
    rules: Rules,
    apportionment: Apportionment,
    lots: LotSupply,
    facts: tuple[ListFacts | None, ...],
) -> SeatResult:
    """Distribute seats inside groups and elect candidates (P 12 - P 19a).

    ``facts`` are what :func:`check_contest` gathered about each list.
    """
    threshold = (
        preference_threshold(apportionment.quota, rules)
        if apportionment.quota is not None
        else None
    )
    elections: list[ListElection] = []
    group_seats: dict[int, dict[int, int]] = {}
    group_steps: list[GroupStep] = []
    least = minimum_votes(threshold, rules) if threshold is not None else 0
    standings = apportionment.standings
    # Apportionment.seats, without its property call per list.
    seats = {s.number: s.full_seats + s.residual_seats for s in standings}
    for party_list, list_facts in zip(contest.lists, facts, strict=True):
        list_seats = seats[party_list.number]
        if party_list.sublists:
            per_sublist = distribute_within_group(party_list, list_seats, lots, group_steps)
            if threshold is not None:
                chosen, per_sublist = elect_group(
                    party_list, per_sublist, threshold, rules, lots, group_steps
                )
                elections.extend(chosen)
            group_seats[party_list.number] = per_sublist
        elif list_facts is not None and threshold is not None:
            elections.append(
                elect_checked_list(
                    party_list.number,
                    party_list.candidates,
                    list_facts,
                    list_seats,
                    least,
                    rules,
                    lots,
                )
            )
    # Positional, in the order of the fields: contest, rules, quota, initial full
    # seats, full seats, residual seats, seats, steps, empty seats, warnings,
    # preference threshold, elections, group seats, group steps, lots drawn.
    return SeatResult(
        contest,
        rules,
        apportionment.quota,
        dict(apportionment.initial_full_seats),
        {s.number: s.full_seats for s in standings},
        {s.number: s.residual_seats for s in standings},
        seats,
        tuple(apportionment.steps),
        apportionment.empty_seats,
        tuple(apportionment.warnings),
        threshold,
        tuple(elections),
        group_seats,
        tuple(group_steps),
        tuple(lots.drawn),
    )
