"""A list inside a lijstengroep with more seats than living candidates (Kieswet P 13, P 19a)."""

from __future__ import annotations

from kandidaat.domain.seats import Body, Candidate, Completed, Contest, PartyList, SubList, allocate


def _contest() -> Contest:
    """GR, 9 seats, 900 votes: quota 100, so the group gets 6 full seats and list 2 gets 3.

    Inside the group (group quota 600 / 6 = 100): list 1 has 500 votes = 5 full seats but
    only one living candidate (b died, P 19a), list 2 has 100 votes = 1 full seat and six
    candidates. List 1 gives up 4 seats; P 13 gives them to list 2 by continued P 12 (its
    remainder seat) and then by highest averages: list 2 ends with 5 seats.
    """
    sub1 = (Candidate(1, "a", 500), Candidate(2, "b", 0, deceased=True))
    sub2 = tuple(Candidate(n, f"c{n}", v) for n, v in enumerate([20, 20, 20, 20, 10, 10], 1))
    group = PartyList(
        1, "Groep", 600, sublists=(SubList(1, (1,), sub1, 500), SubList(2, (2,), sub2, 100))
    )
    single = PartyList(
        2,
        "Enkel",
        300,
        (Candidate(1, "d1", 260), *(Candidate(n, f"d{n}", 5) for n in range(2, 10))),
    )
    return Contest(Body.GR, 9, (group, single))


def test_a_list_in_a_group_without_living_candidates_for_its_seats_passes_them_on_p13() -> None:
    outcome = allocate(_contest())
    assert isinstance(outcome, Completed)
    result = outcome.result
    assert result.seats == {1: 6, 2: 3}
    assert result.group_seats == {1: {1: 1, 2: 5}}
    removals = [s for s in result.group_steps if s.kind == "exhaustion_removal"]
    assert [s.sublist_number for s in removals] == [1, 1, 1, 1]
    by_sublist = {e.sublist_number: e for e in result.elections if e.list_number == 1}
    # a (500 votes) passes the threshold of half the quota (50, P 15 lid 2); nobody on
    # list 2 does, so its 5 seats go in list order (P 17); the deceased b is never elected.
    assert by_sublist[1].elected == (1,)
    assert by_sublist[2].in_list_order == (1, 2, 3, 4, 5)
