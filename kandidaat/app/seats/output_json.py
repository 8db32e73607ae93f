"""The machine-readable result of ``kandidaat seats --json``.

Fractions are written exactly as "numerator/denominator" strings; list numbers
are JSON object keys (strings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kandidaat.domain.seats import (
    Completed,
    LotRequest,
    LotsRequired,
    Outcome,
    SeatResult,
    Step,
)

if TYPE_CHECKING:
    from fractions import Fraction

    from kandidaat.domain.seats.candidates import ListElection


def fraction_text(value: Fraction | None) -> str | None:
    """Write a fraction as "n/d" (and a whole number as "n/1")."""
    if value is None:
        return None
    return f"{value.numerator}/{value.denominator}"


def outcome_to_json(outcome: Outcome) -> dict[str, Any]:
    """Describe an outcome as one JSON object."""
    if isinstance(outcome, Completed):
        return result_to_json(outcome.result)
    return lots_required_to_json(outcome)


def lots_required_to_json(outcome: LotsRequired) -> dict[str, Any]:
    """The question for the committee and everything computed before it."""
    document: dict[str, Any] = {
        "status": "drawing_of_lots_required",
        "lot_request": request_to_json(outcome.request, len(outcome.lots_drawn) + 1),
        "lots_drawn": [
            {**request_to_json(request, index), "drawn": answer}
            for index, (request, answer) in enumerate(outcome.lots_drawn, 1)
        ],
    }
    partial = outcome.partial
    if partial is not None:
        document["quota"] = fraction_text(partial.quota)
        document["steps"] = [step_to_json(step) for step in partial.steps]
    return document


def request_to_json(request: LotRequest, index: int) -> dict[str, Any]:
    """One lot request; ``index`` is its place in the 'lots' answers (1-based)."""
    document: dict[str, Any] = {
        "index": index,
        "kind": request.kind.value,
        "article": request.article,
        "options": list(request.options),
        "value": fraction_text(request.value),
        "seat_numbers": list(request.seat_numbers),
        "question": request.describe(),
    }
    if request.list_number is not None:
        document["list"] = request.list_number
    if request.beneficiary is not None:
        document["assign_to"] = request.beneficiary
    return document


def step_to_json(step: Step) -> dict[str, Any]:
    """One step of the distribution, with its article."""
    document: dict[str, Any] = {"type": step.kind.value, "article": step.kind.article}
    if step.list_number is not None:
        key = "to_list" if step.from_list is not None else "list"
        document[key] = step.list_number
    if step.from_list is not None:
        document["from_list"] = step.from_list
    if step.seat_number is not None:
        document["seat_number"] = step.seat_number
    if step.value is not None:
        document["value"] = fraction_text(step.value)
    if len(step.tied) > 1:
        document["tied"] = list(step.tied)
    if step.by_lot:
        document["drawing_lots"] = True
    if step.kind.value == "list_exhaustion_removal":
        document["full_seat"] = step.full_seat
    return document


def _election_to_json(election: ListElection) -> dict[str, Any]:
    return {
        "seats": election.seats,
        "preferential": list(election.preferential),
        "in_list_order": list(election.in_list_order),
        "elected": list(election.elected),
        "ranking": list(election.ranking),
        "ranking_changed": election.ranking_changed,
        "unfilled_seats": election.unfilled_seats,
    }


def result_to_json(result: SeatResult) -> dict[str, Any]:
    """The complete result."""
    numbers = [party_list.number for party_list in result.contest.lists]
    document: dict[str, Any] = {
        "status": "complete",
        "body": result.contest.body.value,
        "seats_total": result.contest.seats,
        "total_votes": result.contest.total_votes,
        "quota": fraction_text(result.quota),
        "seats": {str(n): result.seats[n] for n in numbers},
        "full_seats": {str(n): result.full_seats[n] for n in numbers},
        "residual_seats": {str(n): result.residual_seats[n] for n in numbers},
        "empty_seats": result.empty_seats,
        "steps": [step_to_json(step) for step in result.steps],
        "warnings": list(result.warnings),
        "lots_drawn": [
            {**request_to_json(request, index), "drawn": answer}
            for index, (request, answer) in enumerate(result.lots_drawn, 1)
        ],
    }
    if result.preference_threshold is not None and result.elections:
        document["preference_threshold"] = fraction_text(result.preference_threshold)
    single = [e for e in result.elections if e.sublist_number is None]
    if single:
        document["elected"] = {str(e.list_number): list(e.elected) for e in single}
        document["candidates"] = {str(e.list_number): _election_to_json(e) for e in single}
    if result.group_seats:
        groups: dict[str, Any] = {}
        for number, per_sublist in result.group_seats.items():
            elections = [e for e in result.elections if e.list_number == number]
            groups[str(number)] = {
                "seats": {str(k): v for k, v in per_sublist.items()},
                "elected": {str(e.sublist_number): list(e.elected) for e in elections},
                "candidates": {str(e.sublist_number): _election_to_json(e) for e in elections},
            }
        document["groups"] = groups
    return document
