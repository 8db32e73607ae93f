"""Rules that differ per body (TK, EK, PS, AB, ER) and lijstengroepen (P 12 - P 18)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from kandidaat.domain.errors import InputError, LotAnswerError
from kandidaat.domain.seats import (
    Body,
    Candidate,
    Completed,
    Contest,
    LotKind,
    LotsRequired,
    PartyList,
    SubList,
    allocate,
    rules_for,
)


def _lists(*votes: int, candidates: int = 30) -> tuple[PartyList, ...]:
    return tuple(
        PartyList(i, f"lijst {i}", v, candidate_count=candidates) for i, v in enumerate(votes, 1)
    )


def _seats(body: Body, seats: int, *votes: int) -> list[int]:
    outcome = allocate(Contest(body, seats, _lists(*votes)))
    assert isinstance(outcome, Completed)
    return [outcome.result.seats[n] for n in range(1, len(votes) + 1)]


def test_tk_lists_below_the_quota_take_no_residual_seat_p7_lid_2() -> None:
    # Quota 997.5: list 3 (950 votes) has the second-highest average but no full quota.
    assert _seats(Body.TK, 20, 10500, 8500, 950) == [11, 9, 0]


def test_ps_lists_below_the_quota_do_take_a_residual_seat() -> None:
    assert _seats(Body.PS, 20, 10500, 8500, 950) == [11, 8, 1]


def test_ep_follows_the_tk_rule_for_residual_seats() -> None:
    assert _seats(Body.EP, 20, 10500, 8500, 950) == [11, 9, 0]


def test_gemeenteraad_with_absolute_majority_of_votes_gets_a_majority_of_seats_p9() -> None:
    # 51 % of the votes but 10 of 20 seats by highest averages: P 9 moves the last seat.
    assert _seats(Body.GR, 20, 5100, 2500, 2400) == [11, 5, 4]


def test_eerste_kamer_has_no_absolute_majority_rule_u9() -> None:
    assert _seats(Body.EK, 20, 5100, 2500, 2400) == [10, 5, 5]


def test_eerste_kamer_uses_highest_averages_even_with_few_seats() -> None:
    assert rules_for(Body.EK, 5).highest_averages
    assert not rules_for(Body.GR, 17).highest_averages


def test_eerste_kamer_candidates_with_exactly_the_quota_are_elected_on_preference_u15() -> None:
    candidates = (
        Candidate(1, "A", 1500),
        Candidate(2, "B", 100),
        Candidate(3, "C", 500),  # exactly the quota of 500
        Candidate(4, "D", 400),
    )
    lists = (
        PartyList(1, "lijst 1", 5100, candidate_count=30),
        PartyList(2, "lijst 2", 2500, candidates),
        PartyList(3, "lijst 3", 2400, candidate_count=30),
    )
    outcome = allocate(Contest(Body.EK, 20, lists))
    assert isinstance(outcome, Completed)
    assert outcome.result.preference_threshold == 500
    election = outcome.result.elections[0]
    assert election.preferential == (1, 3)
    assert election.in_list_order == (2, 4)


@pytest.mark.parametrize(
    ("body", "seats", "share"),
    [
        (Body.TK, 150, Fraction(1, 4)),
        (Body.GR, 17, Fraction(1, 2)),
        (Body.GR, 19, Fraction(1, 4)),
        (Body.ER, 9, Fraction(1, 2)),
        (Body.AB, 18, Fraction(1, 4)),
        (Body.PS, 39, Fraction(1, 4)),
        (Body.EK, 75, Fraction(1)),
    ],
)
def test_the_preference_threshold_per_body_p15(body: Body, seats: int, share: Fraction) -> None:
    assert rules_for(body, seats).preference_fraction == share


def test_no_votes_at_all_leaves_every_seat_empty_with_a_warning() -> None:
    outcome = allocate(Contest(Body.GR, 9, _lists(0, 0)))
    assert isinstance(outcome, Completed)
    assert outcome.result.quota is None
    assert outcome.result.empty_seats == 9
    assert "no_votes" in outcome.result.warnings


def test_a_contest_without_seats_is_refused_in_dutch() -> None:
    with pytest.raises(InputError, match="minstens 1"):
        allocate(Contest(Body.GR, 0, _lists(5)))


def _group_contest() -> Contest:
    """PS, 25 seats, quota 400: a lijstengroep of two lists and one single list.

    Group: 7600 votes = 19 full seats, remainder 0. Inside the group (group quota 400):
    list 1 4600 = 11 full, remainder 200; list 2 3000 = 7 full, remainder 200 - a tie for
    the last seat (P 12). p1 is on both lists (3000 + 1000 = 4000 votes, P 15); q too, low.
    """
    sub1 = (
        Candidate(1, "p1", 3000, key="p1"),
        Candidate(2, "p2", 1000),
        Candidate(3, "p3", 500),
        Candidate(4, "q", 20, key="q"),
        Candidate(5, "f1", 80),
        *(Candidate(n, f"f{n - 4}", 0) for n in range(6, 16)),
    )
    sub2 = (
        Candidate(1, "p1", 1000, key="p1"),
        Candidate(2, "p5", 1500),
        Candidate(3, "p6", 400),
        Candidate(4, "q", 30, key="q"),
        Candidate(5, "g1", 70),
        *(Candidate(n, f"g{n - 4}", 0) for n in range(6, 14)),
    )
    group = PartyList(
        1,
        "Groep",
        7600,
        sublists=(SubList(1, (1,), sub1, 4600), SubList(2, (2,), sub2, 3000)),
    )
    single = PartyList(
        2,
        "Enkel",
        2400,
        (Candidate(1, "c1", 1950), *(Candidate(n, f"c{n}", 50) for n in range(2, 11))),
    )
    return Contest(Body.PS, 25, (group, single))


def test_a_tie_inside_a_lijstengroep_asks_for_a_lot_between_its_lists_p12() -> None:
    outcome = allocate(_group_contest())
    assert isinstance(outcome, LotsRequired)
    assert outcome.request.kind is LotKind.GROUP_LARGEST_REMAINDER
    assert outcome.request.options == (1, 2)
    assert outcome.request.list_number == 1
    assert outcome.request.value == 200


def test_lijstengroep_candidates_sum_votes_and_sit_where_they_got_most_p15_to_p18() -> None:
    outcome = allocate(_group_contest(), [2])
    assert isinstance(outcome, Completed)
    result = outcome.result
    assert result.seats == {1: 19, 2: 6}
    assert result.group_seats == {1: {1: 11, 2: 8}}
    by_sublist = {e.sublist_number: e for e in result.elections if e.list_number == 1}
    # p1 (4000 votes in total) sits on list 1 where he got 3000 (P 16).
    assert by_sublist[1].preferential == (1, 2, 3)
    assert by_sublist[2].preferential == (2, 3)
    # q is elected in list order on both lists and keeps list 2 (30 > 20 votes, P 18);
    # list 1 gives the freed seat to the next candidate in list order.
    assert by_sublist[1].in_list_order == tuple(range(5, 13))
    assert by_sublist[2].in_list_order == (4, 5, 6, 7, 8, 9)
    single = next(e for e in result.elections if e.list_number == 2)
    assert single.elected == (1, 2, 3, 4, 5, 6)


def test_the_other_lot_answer_gives_the_group_seat_to_the_other_list() -> None:
    outcome = allocate(_group_contest(), [1])
    assert isinstance(outcome, Completed)
    assert outcome.result.group_seats == {1: {1: 12, 2: 7}}
    by_sublist = {e.sublist_number: e for e in outcome.result.elections}
    assert by_sublist[1].in_list_order == tuple(range(5, 14))
    assert by_sublist[2].in_list_order == (4, 5, 6, 7, 8)


def test_a_lot_answer_that_is_not_an_option_is_refused() -> None:
    with pytest.raises(LotAnswerError, match="lijst 3 kan niet uit deze loting komen"):
        allocate(_group_contest(), [3])


def test_a_lijstengroep_counts_a_person_on_two_lists_once_for_exhaustion_p10() -> None:
    group = _group_contest().lists[0]
    assert group.living_candidates == 15 + 13 - 2


def test_a_preference_candidate_whose_lists_are_full_still_gets_a_seat_p16_lid_2() -> None:
    """Group of 800 votes = 2 seats; inside: list 1 1 full seat, list 2 the remainder seat.

    a (400) and b (150) both pass the threshold (100) and stand only on list 1, so b finds
    no free seat there: he is seated anyway and the seat given last inside the group (the
    remainder seat of list 2) goes to list 1.
    """
    sub1 = (Candidate(1, "a", 400), Candidate(2, "b", 150))
    sub2 = (Candidate(1, "c", 90), Candidate(2, "d", 80), Candidate(3, "e", 80))
    group = PartyList(
        1, "Groep", 800, sublists=(SubList(1, (1,), sub1, 550), SubList(2, (2,), sub2, 250))
    )
    other = PartyList(2, "Ander", 9200, candidate_count=30)
    outcome = allocate(Contest(Body.PS, 25, (group, other)))
    assert isinstance(outcome, Completed)
    assert outcome.result.seats == {1: 2, 2: 23}
    elections = {e.sublist_number: e for e in outcome.result.elections if e.list_number == 1}
    assert elections[1].preferential == (1, 2)
    assert elections[1].seats == 2
    assert elections[2].seats == 0
    assert elections[2].elected == ()
