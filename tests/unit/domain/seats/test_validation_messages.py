"""Bad contests are refused with a Dutch message naming the list (and the list in a group).

The checks run on every call of ``allocate``; the common path builds no message
text, so these tests pin the messages of each fault it can meet.
"""

from __future__ import annotations

import pytest

from kandidaat.domain.errors import InputError
from kandidaat.domain.seats import Body, Candidate, Contest, PartyList, SubList, allocate


def _list(number: int, votes: list[int], positions: list[int] | None = None) -> PartyList:
    places = positions or list(range(1, len(votes) + 1))
    candidates = tuple(
        Candidate(p, f"kandidaat {p}", v) for p, v in zip(places, votes, strict=True)
    )
    return PartyList(number, f"lijst {number}", sum(votes), candidates)


def test_candidate_votes_that_do_not_add_up_name_the_list_and_both_totals() -> None:
    wrong = PartyList(2, "lijst 2", 10, (Candidate(1, "a", 4), Candidate(2, "b", 5)))
    contest = Contest(Body.GR, 9, (_list(1, [30, 5]), wrong))
    with pytest.raises(InputError, match=r"^lijst 2: de stemmen op de kandidaten \(9\) tellen"):
        allocate(contest)


def test_a_negative_candidate_vote_names_the_list_and_the_candidate() -> None:
    contest = Contest(Body.GR, 9, (_list(1, [30, 5]), _list(2, [7, -1])))
    with pytest.raises(InputError, match=r"^lijst 2, kandidaat 2: het aantal stemmen kan niet"):
        allocate(contest)


def test_candidate_numbers_out_of_order_name_the_list() -> None:
    contest = Contest(Body.GR, 9, (_list(1, [30, 5]), _list(3, [7, 1], positions=[2, 1])))
    with pytest.raises(InputError, match=r"^lijst 3: de kandidaatnummers moeten oplopend"):
        allocate(contest)


def test_a_fault_inside_a_lijstengroep_names_the_group_and_its_list() -> None:
    sublists = (
        SubList(1, (1,), (Candidate(1, "a", 6), Candidate(2, "b", 4)), 10),
        SubList(2, (2,), (Candidate(1, "a", 8), Candidate(2, "c", -3)), 5),
    )
    group = PartyList(1, "groep", 15, sublists=sublists)
    contest = Contest(Body.EP, 31, (group, _list(2, [40, 2])))
    with pytest.raises(InputError, match=r"^lijst 1, deellijst 2, kandidaat 2: het aantal"):
        allocate(contest)
