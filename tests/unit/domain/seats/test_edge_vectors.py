"""Every seat-allocation case of ../shared/vectors/edge (transcribed from abacus) must pass.

One test per file: seats, steps, lot requests in the right order with the right
options, elected candidates and rankings.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from kandidaat.domain.errors import InputError
from kandidaat.domain.seats import (
    Body,
    Candidate,
    Completed,
    Contest,
    LotsRequired,
    PartyList,
    Step,
    StepKind,
    allocate,
    rules_for,
)
from kandidaat.domain.seats.candidates import elect_list, preference_threshold
from kandidaat.domain.seats.lots import LotSupply

EDGE = Path(__file__).resolve().parents[4] / ".." / "shared" / "vectors" / "edge"
VECTOR_FILES = sorted(p for p in EDGE.glob("*.json") if p.name != "unit_vectors.json")
STEP_TYPES = {kind.value for kind in StepKind} - {StepKind.SEAT_LEFT_EMPTY.value}
WARNINGS = {
    "AbsoluteMajorityAndListExhaustion": "absolute_majority_and_list_exhaustion",
    "NotAllSeatsAssigned": "not_all_seats_assigned",
}


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _candidates(entry: dict[str, Any], deceased: set[int]) -> tuple[Candidate, ...]:
    votes = entry.get("candidate_votes")
    if votes is None:
        return ()
    numbers = entry.get("candidate_numbers") or list(range(1, len(votes) + 1))
    return tuple(
        Candidate(position=n, name=f"kandidaat {n}", votes=v, deceased=n in deceased)
        for n, v in zip(numbers, votes, strict=True)
    )


def _contest(case: dict[str, Any], seats: int) -> Contest:
    deceased = {int(k): set(v) for k, v in (case.get("deceased_candidates") or {}).items()}
    lists = []
    for entry in case["lists"]:
        dead = deceased.get(entry["number"], set())
        candidates = _candidates(entry, dead)
        lists.append(
            PartyList(
                number=entry["number"],
                name=f"lijst {entry['number']}",
                votes=entry.get("votes", sum(c.votes for c in candidates)),
                candidates=candidates,
                candidate_count=entry.get("candidates", len(candidates)),
                deceased_positions=frozenset(dead) if not candidates else frozenset(),
            )
        )
    return Contest(body=Body.GR, seats=seats, lists=tuple(lists))


def _assert_lots_asked_as_expected(case: dict[str, Any], contest: Contest) -> list[int]:
    """Replay the lots one by one and check each question before answering it."""
    answers: list[int] = []
    for drawn in case.get("lots_drawn_in_order") or []:
        outcome = allocate(contest, answers)
        assert isinstance(outcome, LotsRequired), f"expected lot {drawn} but got {outcome}"
        request = outcome.request
        if "kind" in drawn:
            assert request.kind.value == drawn["kind"]
        assert list(request.options) == drawn["options"]
        if "residual_seat_numbers" in drawn:
            assert list(request.seat_numbers) == drawn["residual_seat_numbers"]
        if "seat_numbers" in drawn:
            assert list(request.seat_numbers) == drawn["seat_numbers"]
        if "number_of_votes" in drawn:
            assert request.value == drawn["number_of_votes"]
        if "list" in drawn:
            assert request.list_number == drawn["list"]
        answers.append(drawn["drawn"])
    return answers


def _check_first_request(case: dict[str, Any], contest: Contest) -> None:
    first = case.get("first_drawing_of_lots_request")
    if not first:
        return
    outcome = allocate(contest, [])
    assert isinstance(outcome, LotsRequired)
    request = outcome.request
    assert request.kind.value == first["kind"]
    assert list(request.options) == first["options"]
    if "assign_to" in first:
        assert request.beneficiary == first["assign_to"]
    if "residual_seat_numbers" in first:
        assert list(request.seat_numbers) == first["residual_seat_numbers"]
    for key in ("max_remainder", "max_average"):
        if key in first:
            assert request.value == Fraction(first[key])


def _step_core(step: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in step.items() if k in {"type", "list", "from_list", "to_list"}}


def _check_steps(want_steps: list[dict[str, Any]], steps: tuple[Step, ...]) -> None:
    ours = []
    for step in steps:
        if step.kind.value not in STEP_TYPES:
            continue
        if step.kind is StepKind.ABSOLUTE_MAJORITY_REASSIGNMENT:
            ours.append(
                {
                    "type": step.kind.value,
                    "from_list": step.from_list,
                    "to_list": step.list_number,
                }
            )
        elif step.kind is StepKind.LIST_EXHAUSTION_REMOVAL:
            ours.append({"type": step.kind.value, "from_list": step.from_list})
        else:
            ours.append({"type": step.kind.value, "list": step.list_number})
    assert ours == [_step_core(want) for want in want_steps]
    assignments = [s for s in steps if s.kind.value in STEP_TYPES]
    for step, want in zip(assignments, want_steps, strict=True):
        if "votes_per_seat" in want:
            assert step.value == Fraction(want["votes_per_seat"])
        if "drawing_lots" in want:
            assert step.by_lot == want["drawing_lots"]
        if "options" in want:
            assert list(step.tied) == want["options"]


def _check_seats(case: dict[str, Any], expected: dict[str, Any], outcome: Completed) -> None:
    result = outcome.result
    numbers = [entry["number"] for entry in case["lists"]]
    if "total_seats" in expected:
        want = expected["total_seats"]
        if isinstance(want, dict):  # one vector gives {list number: seats}
            want = [want[str(n)] for n in numbers]
        assert [result.seats[n] for n in numbers] == want
    if "residual_seats_per_list" in expected:
        assert [result.residual_seats[n] for n in numbers] == expected["residual_seats_per_list"]
    if "full_seats" in expected:
        assert sum(result.full_seats.values()) == expected["full_seats"]
    if "residual_seats" in expected:
        assert sum(result.residual_seats.values()) == expected["residual_seats"]
    if expected.get("quota"):
        assert result.quota == Fraction(expected["quota"])
    if "steps" in expected:
        _check_steps(expected["steps"], result.steps)
    if "has_list_exhaustion_step" in expected:
        has = any(s.kind is StepKind.LIST_EXHAUSTION_REMOVAL for s in result.steps)
        assert has == expected["has_list_exhaustion_step"]
    if "warnings" in expected:
        assert sorted(result.warnings) == sorted(WARNINGS[w] for w in expected["warnings"])


def _check_nomination(
    expected_lists: dict[str, Any], elections: dict[int, Any], case: dict[str, Any]
) -> None:
    for number_text, want in expected_lists.items():
        election = elections[int(number_text)]
        assert list(election.preferential) == want["preferential"], number_text
        assert list(election.in_list_order) == want["other"], number_text
        if want["ranking"] == "original":
            entry = next(e for e in case["lists"] if e["number"] == int(number_text))
            positions = entry.get("candidate_numbers") or list(
                range(1, len(entry["candidate_votes"]) + 1)
            )
            assert list(election.ranking) == positions
            assert not election.ranking_changed
        else:
            assert list(election.ranking) == want["ranking"], number_text


def _run_seat_case(case: dict[str, Any]) -> None:
    expected = case["expected"]
    if expected["outcome"] == "error":
        with pytest.raises(InputError, match="oplopend gesorteerd"):
            allocate(_contest(case, case["seats"]))
        return
    contest = _contest(case, case["seats"])
    if expected["outcome"] == "drawing_lots_required_then_completed":
        first = allocate(contest)
        assert isinstance(first, LotsRequired)
        assert first.request.kind.value == expected["first_lots_request"]["kind"]
        assert list(first.request.options) == expected["first_lots_request"]["options"]
        for option in first.request.options:
            outcome = allocate(contest, [option])
            assert isinstance(outcome, Completed)
            seats = [outcome.result.seats[e["number"]] for e in case["lists"]]
            assert seats == expected["total_seats_any_draw"]
        return
    _check_first_request(case, contest)
    answers = _assert_lots_asked_as_expected(case, contest)
    outcome = allocate(contest, answers)
    assert isinstance(outcome, Completed), outcome
    _check_seats(case, expected, outcome)
    nomination = case.get("expected_nomination")
    if nomination:
        threshold = nomination.get("preference_threshold")
        if threshold:
            assert outcome.result.preference_threshold == Fraction(threshold["votes"])
        elections = {e.list_number: e for e in outcome.result.elections}
        _check_nomination(nomination["lists"], elections, case)


def _run_nomination_case(case: dict[str, Any]) -> None:
    seats = case["council_seats"]
    rules = rules_for(Body.GR, seats)
    threshold = preference_threshold(Fraction(case["quota_given"]), rules)
    assert threshold == Fraction(case["preference_threshold"]["votes"])
    contest = _contest(case, seats)
    lots = LotSupply([drawn["drawn"] for drawn in case.get("lots_drawn_in_order") or []])
    elections = {}
    for party_list in contest.lists:
        list_seats = case["list_seats"][str(party_list.number)]
        elections[party_list.number] = elect_list(
            party_list.number, party_list.candidates, list_seats, threshold, rules, lots
        )
    lots.require_all_used()
    for (request, _), drawn in zip(lots.drawn, case.get("lots_drawn_in_order") or [], strict=True):
        assert list(request.options) == drawn["options"]
        assert list(request.seat_numbers) == drawn["seat_numbers"]
        assert request.list_number == drawn["list"]
        assert request.value == drawn["number_of_votes"]
    _check_nomination(case["expected"], elections, case)


@pytest.mark.parametrize("path", VECTOR_FILES, ids=lambda p: p.stem)
def test_edge_vector_reproduces_the_abacus_result(path: Path) -> None:
    case = _load(path)
    if case["kind"] == "candidate_nomination":
        _run_nomination_case(case)
    else:
        _run_seat_case(case)


def test_the_edge_vector_folder_holds_all_cases() -> None:
    assert len(VECTOR_FILES) >= 70
