"""The shortcuts in candidate election give what the article-by-article steps give.

``elect_list`` skips work when nothing can change the outcome (nobody above the
preference threshold, a list without seats that keeps its order, no tie across
the last seat). These tests compare it with the plain composition of P 15
(``above_threshold``, ``elect_on_preference``), P 17 (``fill_in_list_order``) and
P 19 (``rank``) on generated lists, including the lots the committee is asked to
draw, and check that validation still runs on every call of ``allocate``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kandidaat.domain.errors import InputError
from kandidaat.domain.seats import Body, Candidate, Contest, PartyList, allocate, rules_for
from kandidaat.domain.seats.candidates import (
    ListElection,
    above_threshold,
    elect_list,
    elect_on_preference,
    fill_in_list_order,
    rank,
)
from kandidaat.domain.seats.lots import LotRequest, LotsNeeded, LotSupply

if TYPE_CHECKING:
    from collections.abc import Callable

    from kandidaat.domain.seats.rules import Rules

LIST_NUMBER = 3


def _step_by_step(
    candidates: list[Candidate], seats: int, threshold: Fraction, rules: Rules, lots: LotSupply
) -> ListElection:
    """P 15, P 17 and P 19 applied one after the other, without any shortcut."""
    qualifying = above_threshold(candidates, threshold, rules)
    preferential = elect_on_preference(
        [(c.position, c.votes) for c in qualifying], seats, lots, LIST_NUMBER
    )
    others = fill_in_list_order(candidates, set(preferential), seats - len(preferential))
    original = tuple(c.position for c in candidates)
    unchanged = not any(c.deceased for c in candidates) and (
        not qualifying or (rules.ranking_kept_for_seatless_lists and seats == 0)
    )
    ranking = original if unchanged else rank(candidates, preferential, qualifying)
    return ListElection(
        list_number=LIST_NUMBER,
        seats=seats,
        preferential=tuple(preferential),
        in_list_order=tuple(others),
        ranking=ranking,
        ranking_changed=ranking != original,
    )


def _run(elect: Callable[[LotSupply], ListElection], answers: list[int]) -> object:
    """The election, or the lot it stops at, with the answers drawn so far."""
    try:
        return elect(LotSupply(answers))
    except LotsNeeded as needed:
        return needed.request


@st.composite
def lists_of_candidates(draw: st.DrawFn) -> tuple[list[Candidate], int, Body, int]:
    """A list with few distinct vote counts (so ties and lots are common)."""
    size = draw(st.integers(min_value=1, max_value=30))
    votes = draw(st.lists(st.sampled_from([0, 1, 2, 5, 9, 10, 40]), min_size=size, max_size=size))
    deceased = draw(st.lists(st.booleans(), min_size=size, max_size=size))
    with_deceased = draw(st.booleans())
    candidates = [
        Candidate(position, f"kandidaat {position}", v, deceased=with_deceased and dead)
        for position, (v, dead) in enumerate(zip(votes, deceased, strict=True), 1)
    ]
    seats = draw(st.integers(min_value=0, max_value=size + 2))
    body = draw(st.sampled_from([Body.GR, Body.TK, Body.EK, Body.AB]))
    body_seats = draw(st.sampled_from([9, 17, 19, 45, 75]))
    return candidates, seats, body, body_seats


@settings(max_examples=400, deadline=None)
@given(case=lists_of_candidates(), quota=st.integers(min_value=1, max_value=60), data=st.data())
def test_the_shortcuts_elect_and_rank_exactly_as_the_articles_one_by_one(
    case: tuple[list[Candidate], int, Body, int], quota: int, data: st.DataObject
) -> None:
    candidates, seats, body, body_seats = case
    rules = rules_for(body, body_seats)
    threshold = Fraction(quota) * rules.preference_fraction
    answers: list[int] = []
    while True:
        fast = _run(
            lambda lots: elect_list(LIST_NUMBER, candidates, seats, threshold, rules, lots),
            answers,
        )
        slow = _run(lambda lots: _step_by_step(candidates, seats, threshold, rules, lots), answers)
        assert fast == slow
        if not isinstance(fast, LotRequest):
            break
        answers.append(data.draw(st.sampled_from(fast.options)))


def test_a_list_without_seats_in_a_large_body_keeps_its_order_even_with_strong_candidates() -> None:
    candidates = [Candidate(1, "A", 10), Candidate(2, "B", 500), Candidate(3, "C", 400)]
    rules = rules_for(Body.TK, 150)
    election = elect_list(LIST_NUMBER, candidates, 0, Fraction(100), rules, LotSupply(()))
    assert election.ranking == (1, 2, 3)
    assert not election.ranking_changed
    assert election.preferential == ()


def test_a_list_without_seats_in_a_small_body_is_ranked_by_preference_votes() -> None:
    candidates = [Candidate(1, "A", 10), Candidate(2, "B", 500), Candidate(3, "C", 400)]
    rules = rules_for(Body.GR, 9)
    election = elect_list(LIST_NUMBER, candidates, 0, Fraction(100), rules, LotSupply(()))
    assert election.ranking == (2, 3, 1)
    assert election.ranking_changed


def test_a_tie_across_the_last_seat_still_asks_the_committee_for_a_lot() -> None:
    candidates = [Candidate(1, "A", 300), Candidate(2, "B", 200), Candidate(3, "C", 200)]
    rules = rules_for(Body.GR, 9)
    with pytest.raises(LotsNeeded) as needed:
        elect_list(LIST_NUMBER, candidates, 2, Fraction(100), rules, LotSupply(()))
    assert needed.value.request.options == (2, 3)
    assert needed.value.request.seat_numbers == (2,)


def test_a_contest_is_checked_again_on_every_call_so_a_bad_one_never_passes() -> None:
    bad = Contest(
        Body.GR,
        9,
        (PartyList(1, "lijst 1", 10, (Candidate(1, "A", 6), Candidate(2, "B", 5))),),
    )
    for _ in range(2):
        with pytest.raises(InputError, match="tellen niet op"):
            allocate(bad)
