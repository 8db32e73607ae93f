"""Candidates above the preference threshold at the top of the list (Kieswet P 15, P 17, P 19).

Hand computations: gemeenteraad of 9 seats, threshold 50 votes (half of a quota of 100,
P 15 lid 2), so a candidate needs strictly more than 50 votes.
"""

from __future__ import annotations

from fractions import Fraction

from kandidaat.domain.seats import Body, Candidate, rules_for
from kandidaat.domain.seats.candidates import elect_list
from kandidaat.domain.seats.lots import LotSupply

RULES = rules_for(Body.GR, 9)
THRESHOLD = Fraction(50)


def _candidates(votes: list[int]) -> list[Candidate]:
    return [Candidate(n, f"kandidaat {n}", v) for n, v in enumerate(votes, 1)]


def test_a_lijsttrekker_above_the_threshold_is_elected_first_and_the_order_stays() -> None:
    election = elect_list(1, _candidates([300, 40, 30, 20]), 3, THRESHOLD, RULES, LotSupply(()))
    assert election.preferential == (1,)
    assert election.in_list_order == (2, 3)
    assert election.ranking == (1, 2, 3, 4)
    assert not election.ranking_changed


def test_more_top_candidates_above_the_threshold_than_seats_elect_the_first_ones() -> None:
    # 1 (300) and 2 (100) pass; one seat: 1 is elected on preference (P 15), 2 stays
    # second in the ranking (P 19 lid 2), which is the list order.
    election = elect_list(1, _candidates([300, 100, 30, 20]), 1, THRESHOLD, RULES, LotSupply(()))
    assert election.preferential == (1,)
    assert election.in_list_order == ()
    assert election.ranking == (1, 2, 3, 4)
    assert not election.ranking_changed


def test_a_second_candidate_with_more_votes_than_the_first_changes_the_ranking() -> None:
    # 2 (300) before 1 (100) in vote order: 2 takes the only seat, the ranking changes.
    election = elect_list(1, _candidates([100, 300, 30, 20]), 1, THRESHOLD, RULES, LotSupply(()))
    assert election.preferential == (2,)
    assert election.in_list_order == ()
    assert election.ranking == (2, 1, 3, 4)
    assert election.ranking_changed


def test_a_list_with_more_seats_than_candidates_elects_them_all() -> None:
    election = elect_list(1, _candidates([300, 10]), 4, THRESHOLD, RULES, LotSupply(()))
    assert election.preferential == (1,)
    assert election.in_list_order == (2,)
    assert election.unfilled_seats == 2
