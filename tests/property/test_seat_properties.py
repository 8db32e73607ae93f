"""Properties every correct seat distribution has, checked on generated contests.

Modelled on the invariants abacus fuzzes (seat total, candidates, anonymity, house
and population monotonicity), plus determinism of the replay with drawn lots.
"""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kandidaat.domain.seats import (
    Body,
    Candidate,
    Completed,
    Contest,
    LotsRequired,
    Outcome,
    PartyList,
    allocate,
)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BODIES = st.sampled_from([Body.GR, Body.AB, Body.ER, Body.PS, Body.TK, Body.EP, Body.EK])


@st.composite
def contests(
    draw: st.DrawFn,
    *,
    min_seats: int = 1,
    big_lists: bool = False,
    bodies: st.SearchStrategy[Body] = BODIES,
) -> Contest:
    body = draw(bodies)
    seats = draw(st.integers(min_value=min_seats, max_value=60))
    count = draw(st.integers(min_value=1, max_value=12))
    votes = draw(st.lists(st.integers(0, 20_000), min_size=count, max_size=count))
    if big_lists:
        sizes = [80] * count
    else:
        sizes = draw(st.lists(st.integers(0, 25), min_size=count, max_size=count))
    lists = tuple(
        PartyList(n, f"lijst {n}", v, candidate_count=c)
        for n, (v, c) in enumerate(zip(votes, sizes, strict=True), 1)
    )
    return Contest(body, seats, lists)


def complete(contest: Contest) -> tuple[Outcome, list[int]]:
    """Draw every lot by taking the first option, so any contest completes."""
    answers: list[int] = []
    outcome = allocate(contest, answers)
    while isinstance(outcome, LotsRequired):
        answers.append(outcome.request.options[0])
        outcome = allocate(contest, answers)
    return outcome, answers


@SETTINGS
@given(contests())
def test_seats_never_exceed_the_total_nor_a_lists_candidates(contest: Contest) -> None:
    outcome, _ = complete(contest)
    assert isinstance(outcome, Completed)
    result = outcome.result
    assert sum(result.seats.values()) + result.empty_seats == contest.seats
    for party_list in contest.lists:
        assert 0 <= result.seats[party_list.number] <= party_list.living_candidates


@SETTINGS
@given(contests())
def test_lists_without_votes_never_get_a_seat(contest: Contest) -> None:
    outcome, _ = complete(contest)
    assert isinstance(outcome, Completed)
    for party_list in contest.lists:
        if party_list.votes == 0:
            assert outcome.result.seats[party_list.number] == 0


@SETTINGS
@given(contests(big_lists=True), st.randoms(use_true_random=False))
def test_renumbering_the_lists_changes_nothing_but_the_numbers(
    contest: Contest, rng: st.SearchStrategy[object]
) -> None:
    outcome = allocate(contest)
    assume(isinstance(outcome, Completed))
    assert isinstance(outcome, Completed)
    order = list(contest.lists)
    rng.shuffle(order)  # type: ignore[attr-defined]
    renumbered = tuple(
        PartyList(n, p.name, p.votes, candidate_count=p.candidate_count)
        for n, p in enumerate(order, 1)
    )
    other = allocate(Contest(contest.body, contest.seats, renumbered))
    assume(isinstance(other, Completed))
    assert isinstance(other, Completed)
    by_name = {p.name: outcome.result.seats[p.number] for p in contest.lists}
    assert {p.name: other.result.seats[p.number] for p in renumbered} == by_name


# TK and EP are left out on purpose: their quota threshold (P 7 lid 2) moves with the
# number of seats, so one more seat can lift a small list over the quota and cost the
# largest list a seat (found by this test: 553/553/9940 votes, 19 -> 20 seats).
NO_QUOTA_THRESHOLD = st.sampled_from([Body.GR, Body.AB, Body.ER, Body.PS, Body.EK])


@SETTINGS
@given(contests(min_seats=19, big_lists=True, bodies=NO_QUOTA_THRESHOLD))
def test_one_more_seat_never_costs_a_list_a_seat_from_19_seats_on(contest: Contest) -> None:
    before = allocate(contest)
    after = allocate(Contest(contest.body, contest.seats + 1, contest.lists))
    assume(isinstance(before, Completed) and isinstance(after, Completed))
    assert isinstance(before, Completed)
    assert isinstance(after, Completed)
    for party_list in contest.lists:
        number = party_list.number
        assert after.result.seats[number] >= before.result.seats[number]


@SETTINGS
@given(contests(big_lists=True), st.data())
def test_more_votes_never_cost_a_list_a_seat(contest: Contest, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(contest.lists) - 1))
    extra = data.draw(st.integers(1, 5_000))
    lists = list(contest.lists)
    target = lists[index]
    lists[index] = PartyList(target.number, target.name, target.votes + extra, candidate_count=80)
    before = allocate(contest)
    after = allocate(Contest(contest.body, contest.seats, tuple(lists)))
    assume(isinstance(before, Completed) and isinstance(after, Completed))
    assert isinstance(before, Completed)
    assert isinstance(after, Completed)
    assert after.result.seats[target.number] >= before.result.seats[target.number]


@SETTINGS
@given(contests())
def test_replaying_with_the_drawn_lots_gives_the_same_result_every_time(contest: Contest) -> None:
    first, answers = complete(contest)
    second = allocate(contest, answers)
    assert first == second


@SETTINGS
@given(
    st.integers(1, 45),
    st.lists(st.lists(st.integers(0, 3000), min_size=1, max_size=15), min_size=1, max_size=8),
)
def test_elected_candidates_fill_exactly_the_seats_a_list_can_fill(
    seats: int, votes: list[list[int]]
) -> None:
    lists = tuple(
        PartyList(
            n,
            f"lijst {n}",
            sum(cv),
            tuple(Candidate(i, f"k{i}", v) for i, v in enumerate(cv, 1)),
        )
        for n, cv in enumerate(votes, 1)
    )
    outcome, _ = complete(Contest(Body.GR, seats, lists))
    assert isinstance(outcome, Completed)
    result = outcome.result
    if result.quota is None:
        return
    for election in result.elections:
        assert len(election.elected) == result.seats[election.list_number]
        assert len(set(election.elected)) == len(election.elected)
        assert sorted(election.ranking) == sorted(
            c.position for c in result.contest.list_by_number(election.list_number).candidates
        )
