"""Real elections from ../shared/vectors/real reproduce the official seats."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from kandidaat.domain.seats import (
    Body,
    Candidate,
    Completed,
    Contest,
    LotKind,
    LotsRequired,
    PartyList,
    allocate,
    stemwaarde,
)

REAL = Path(__file__).resolve().parents[4] / ".." / "shared" / "vectors" / "real"
# TK lists may hold at most 50 or 80 candidates; the vector has no candidate counts, and
# no TK2023 list came near exhaustion (PVV: 37 seats).
TK_CANDIDATES = 80


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REAL / name).read_text(encoding="utf-8"))
    return data


def _tk2023(adjust: dict[str, int] | None = None) -> tuple[Contest, dict[str, int]]:
    data = _load("tk2023.json")
    adjust = adjust or {}
    entries = sorted(data["lists"], key=lambda e: e["list_number"])
    lists = tuple(
        PartyList(
            number=e["list_number"],
            name=e["name"],
            votes=e["votes"] + adjust.get(e["name"], 0),
            candidate_count=TK_CANDIDATES,
        )
        for e in entries
    )
    expected = {e["name"]: e["expected_seats"] for e in entries}
    return Contest(Body.TK, data["seats"], lists, name=data["election"]), expected


def test_tk2023_reproduces_the_official_seats_of_all_26_lists() -> None:
    contest, expected = _tk2023()
    outcome = allocate(contest)
    assert isinstance(outcome, Completed)
    result = outcome.result
    assert result.quota == Fraction(5216363, 75)
    assert {p.name: result.seats[p.number] for p in contest.lists} == expected
    assert sum(result.initial_full_seats.values()) == 140


def test_tk2023_residual_seats_follow_the_highest_averages_in_order() -> None:
    data = _load("tk2023.json")
    contest, _ = _tk2023()
    outcome = allocate(contest)
    assert isinstance(outcome, Completed)
    names = {p.number: p.name for p in contest.lists}
    ours = [(names[s.list_number], s.value) for s in outcome.result.steps if s.list_number]
    want = [(s["list"], Fraction(s["value"])) for s in data["derived_residual_steps"]]
    assert ours == want


D66 = "D66"
SP = "SP (Socialistische Partij)"


def test_tk2023_d66_with_158_more_votes_ties_with_sp_and_the_committee_must_draw() -> None:
    contest, _ = _tk2023({D66: 158})
    outcome = allocate(contest)
    assert isinstance(outcome, LotsRequired)
    numbers = {p.name: p.number for p in contest.lists}
    assert outcome.request.kind is LotKind.HIGHEST_AVERAGE
    assert set(outcome.request.options) == {numbers[D66], numbers[SP]}
    assert outcome.request.seat_numbers == (10,)
    replay = allocate(contest, [numbers[D66]])
    assert isinstance(replay, Completed)
    assert replay.result.seats[numbers[D66]] == 10
    assert replay.result.seats[numbers[SP]] == 4


def test_tk2023_d66_with_159_more_votes_wins_the_last_seat_without_a_lot() -> None:
    contest, _ = _tk2023({D66: 159})
    outcome = allocate(contest)
    assert isinstance(outcome, Completed)
    numbers = {p.name: p.number for p in contest.lists}
    assert outcome.result.seats[numbers[D66]] == 10
    assert outcome.result.seats[numbers[SP]] == 4


@pytest.mark.parametrize(("sp_change", "lot"), [(-79, True), (-80, False)])
def test_tk2023_sp_losing_votes_first_ties_then_loses_the_last_seat(
    sp_change: int, *, lot: bool
) -> None:
    contest, _ = _tk2023({SP: sp_change})
    outcome = allocate(contest)
    assert isinstance(outcome, LotsRequired) == lot
    if not lot:
        assert isinstance(outcome, Completed)
        numbers = {p.name: p.number for p in contest.lists}
        assert outcome.result.seats[numbers[D66]] == 10


def _west_maas_en_waal() -> tuple[Contest, dict[str, Any]]:
    data = _load("gr2022_west-maas-en-waal.json")["contest"]
    lists = []
    for e in sorted(data["lists"], key=lambda e: e["list_number"]):
        candidates = tuple(
            Candidate(position=i, name=f"{e['name']} {i}", votes=v)
            for i, v in enumerate(e["candidate_votes"], 1)
        )
        lists.append(PartyList(e["list_number"], e["name"], e["votes"], candidates))
    return Contest(Body.GR, data["seats"], tuple(lists), name=data["name"]), data


def test_west_maas_en_waal_2022_reproduces_the_official_seats() -> None:
    contest, data = _west_maas_en_waal()
    outcome = allocate(contest)
    assert isinstance(outcome, Completed)
    assert outcome.result.quota == 550
    official = {e["list_number"]: e["expected_seats"] for e in data["lists"]}
    assert outcome.result.seats == official
    names = {p.number: p.name for p in contest.lists}
    residual = [(names[s.list_number], s.value) for s in outcome.result.steps if s.list_number]
    want = [(s["list"], Fraction(s["value"])) for s in data["derived_residual_steps"]]
    assert residual == want


def test_west_maas_en_waal_2022_elects_the_lijsttrekkers_on_preference_votes() -> None:
    contest, data = _west_maas_en_waal()
    outcome = allocate(contest)
    assert isinstance(outcome, Completed)
    assert outcome.result.preference_threshold == 275  # 50 % of 550: fewer than 19 seats
    elections = {e.list_number: e for e in outcome.result.elections}
    for number, want in data["derived_nomination"].items():
        election = elections[int(number)]
        assert list(election.preferential) == want["preferential"]
        assert list(election.in_list_order) == want["other"]
        assert not election.ranking_changed


def test_eerste_kamer_2015_vote_weights_match_all_twelve_provinces() -> None:
    data = _load("ek2015_stemwaarde.json")
    ours = {p["name"]: stemwaarde(p["inhabitants"], p["staten_members"]) for p in data["provinces"]}
    assert ours == {p["name"]: p["expected_stemwaarde"] for p in data["provinces"]}
    assert len(ours) == 12
