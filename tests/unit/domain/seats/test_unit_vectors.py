"""The small helper-level cases of ../shared/vectors/edge/unit_vectors.json."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from kandidaat.domain.seats import Body, Candidate, PartyList
from kandidaat.domain.seats.apportionment import (
    Apportionment,
    Standing,
    _list_exhaustion,
    _ResidualAssigner,
    qualifies,
)
from kandidaat.domain.seats.candidates import (
    above_threshold,
    elect_on_preference,
    fill_in_list_order,
    rank,
)
from kandidaat.domain.seats.lots import LotsNeeded, LotSupply
from kandidaat.domain.seats.rules import rules_for
from kandidaat.domain.seats.steps import StepKind

UNIT = (
    Path(__file__).resolve().parents[4] / ".." / "shared" / "vectors" / "edge" / "unit_vectors.json"
)
GROUPS: dict[str, Any] = json.loads(UNIT.read_text(encoding="utf-8"))["groups"]
RULES = rules_for(Body.GR, 15)


def _cases(group: str) -> list[Any]:
    return [
        pytest.param(case, id=case.get("name", str(i)))
        for i, case in enumerate(GROUPS[group]["cases"])
    ]


def _people(pairs: list[list[int]], deceased: set[int] | None = None) -> list[Candidate]:
    dead = deceased or set()
    return [Candidate(n, f"kandidaat {n}", v, deceased=n in dead) for n, v in pairs]


@pytest.mark.parametrize("case", _cases("preferential_candidate_nomination_scenarios"))
def test_preferential_nomination_elects_seat_by_seat_with_lots_only_when_needed(case: Any) -> None:
    lots = LotSupply([lot["drawn"] for lot in case["lots"]])
    elected = elect_on_preference(
        [(n, v) for n, v in case["candidates"]], case["total_seats"], lots, list_number=1
    )
    assert elected == case["expected"]
    lots.require_all_used()
    for (request, _), lot in zip(lots.drawn, case["lots"], strict=True):
        assert list(request.options) == lot["options"]
        assert list(request.seat_numbers) == lot["seat_numbers"]
        assert request.value == lot["number_of_votes"]


@pytest.mark.parametrize("case", _cases("update_candidate_ranking_scenarios"))
def test_p19_ranking_puts_preference_then_threshold_then_list_order(case: Any) -> None:
    people = _people(case["candidates"])
    by_number = {c.position: c for c in people}
    qualifying = sorted((by_number[n] for n in case["meeting_threshold"]), key=lambda c: -c.votes)
    assert list(rank(people, case["preferential"], qualifying)) == case["expected"]


@pytest.mark.parametrize("case", _cases("candidate_votes_meeting_preference_threshold"))
def test_only_votes_strictly_above_the_threshold_count_in_vote_order(case: Any) -> None:
    chosen = above_threshold(_people(case["candidates"]), Fraction(case["threshold"]), RULES)
    assert [c.position for c in chosen] == case["expected"]


@pytest.mark.parametrize("case", _cases("other_candidate_nomination"))
def test_remaining_seats_go_in_list_order(case: Any) -> None:
    chosen = fill_in_list_order(
        _people(case["candidates"]), set(case["preferential"]), case["non_assigned_seats"]
    )
    assert chosen == case["expected"]


def _standings(votes: list[int], candidates: list[int]) -> Apportionment:
    """Standings "built with quota 100", as the abacus unit tests build them."""
    standings = [
        Standing(i, v, c, full_seats=v // 100, remainder_scaled=v % 100)
        for i, (v, c) in enumerate(zip(votes, candidates, strict=True), 1)
    ]
    return Apportionment(Fraction(100), standings, {s.number: s.full_seats for s in standings})


@pytest.mark.parametrize("case", _cases("number_of_candidates_and_exhaustion"))
def test_candidate_counts_and_list_exhaustion(case: Any) -> None:
    deceased = {int(k): set(v) for k, v in (case.get("deceased") or {}).items()}
    lists = [
        PartyList(
            number,
            f"lijst {number}",
            sum(votes),
            tuple(
                Candidate(i, f"k{i}", v, deceased=i in deceased.get(number, set()))
                for i, v in enumerate(votes, 1)
            ),
        )
        for number, votes in enumerate(case["lists"], 1)
    ]
    living = [p.living_candidates for p in lists]
    if "expected_candidates" in case:
        assert living == case["expected_candidates"]
        return
    result = _standings([p.votes for p in lists], living)
    for number, extra in (case.get("extra_residual") or {}).items():
        result.standings[int(number) - 1].residual_seats += extra
    total = sum(p.votes for p in lists)
    assigner = _ResidualAssigner(result, rules_for(Body.GR, 19), 19, total, LotSupply([]))
    _list_exhaustion(result, assigner, next_seat=1)
    removed: dict[int, int] = {}
    for step in result.steps:
        if step.kind is StepKind.LIST_EXHAUSTION_REMOVAL and step.from_list is not None:
            removed[step.from_list] = removed.get(step.from_list, 0) + 1
    assert sorted(removed.items()) == [tuple(pair) for pair in case["expected_exhausted"]]


def _history(entries: list[str]) -> Standing:
    standing = Standing(number=1, votes=100, candidates=10, full_seats=0, remainder_scaled=0)
    for entry in entries:
        if entry == "LR(LIST)":
            standing.largest_remainder_seats += 1
            standing.residual_seats += 1
        elif entry == "UHA(LIST)":
            standing.unique_average_seats += 1
            standing.residual_seats += 1
        elif entry == "P9(LIST->OTHER)":
            standing.retracted = (
                StepKind.UNIQUE_HIGHEST_AVERAGE
                if "UHA(LIST)" in entries
                else StepKind.LARGEST_REMAINDER
            )
            standing.residual_seats -= 1
    return standing


@pytest.mark.parametrize("case", _cases("list_qualifies_for_extra_seat"))
def test_a_list_takes_one_seat_per_round_unless_p9_took_it_back(case: Any) -> None:
    kind = StepKind.LARGEST_REMAINDER if case["round"] == "LR" else StepKind.UNIQUE_HIGHEST_AVERAGE
    assert qualifies(_history(case["history"]), kind) is case["qualifies"]


@pytest.mark.parametrize("case", _cases("assign_remainder_unit"))
def test_residual_seat_assignment_units(case: Any) -> None:
    votes = case["list_votes"]
    candidates = case.get("candidates") or [50] * len(votes)
    result = _standings(votes, candidates)
    seats = case["seats"]
    total = 100 * seats
    lots = LotSupply(case.get("lots_drawn", []))
    assigner = _ResidualAssigner(result, rules_for(Body.GR, seats), seats, total, lots)
    if "expected_lots_options" in case:
        with pytest.raises(LotsNeeded) as needed:
            assigner.assign(case["residual_to_assign"], first_seat=1, exclude_exhausted=True)
        assert list(needed.value.request.options) == case["expected_lots_options"]
        return
    assigner.assign(case["residual_to_assign"], first_seat=1, exclude_exhausted=True)
    assigned = [s.list_number for s in result.steps if s.kind.is_assignment]
    assert assigned == case["expected_assigned"]
    lots.require_all_used()
