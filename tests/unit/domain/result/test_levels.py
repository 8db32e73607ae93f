"""Totals across levels: municipalities add up to their kieskring, kieskringen to the total.

Expected values are hand computations written in each test.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kandidaat.domain.result.compare import compare_levels
from kandidaat.domain.result.totals import CountTotals, ListTotal, add_totals


def _totals(
    source: str, lists: dict[int, list[int]], blank: int = 0, invalid: int = 0
) -> CountTotals:
    items = tuple(
        ListTotal(number, f"Lijst {number}", sum(votes), tuple(enumerate(votes, 1)))
        for number, votes in sorted(lists.items())
    )
    valid = sum(item.votes for item in items)
    return CountTotals((source,), items, valid, blank, invalid)


def test_two_municipalities_add_up_list_by_list_and_candidate_by_candidate() -> None:
    north = _totals("noord.xml", {1: [10, 5], 2: [7]}, blank=1)
    south = _totals("zuid.xml", {1: [3, 2], 2: [1]}, invalid=2)
    total = add_totals([north, south])
    # Hand sums: list 1 = 15 + 5 = 20 (candidate 1: 13, 2: 7), list 2 = 8.
    assert [(item.number, item.votes, item.candidates) for item in total.lists] == [
        (1, 20, ((1, 13), (2, 7))),
        (2, 8, ((1, 8),)),
    ]
    assert (total.valid, total.blank, total.invalid) == (28, 1, 2)
    assert total.sources == ("noord.xml", "zuid.xml")


def test_a_kieskring_that_agrees_with_its_municipalities_has_no_differences() -> None:
    north = _totals("noord.xml", {1: [10, 5]}, blank=1)
    south = _totals("zuid.xml", {1: [3, 2]}, blank=2)
    kieskring = _totals("kieskring.xml", {1: [13, 7]}, blank=3)
    assert compare_levels([north, south], kieskring) == []


def test_every_difference_names_the_files_and_the_numbers_on_both_sides() -> None:
    north = _totals("noord.xml", {1: [10, 5]})
    kieskring = _totals("kieskring.xml", {1: [10, 6]}, blank=4)
    found = {d.what: d for d in compare_levels([north], kieskring)}
    assert set(found) == {
        "geldige stemmen op lijsten",
        "blanco stemmen",
        "lijst 1",
        "lijst 1, kandidaat 2",
    }
    candidate = found["lijst 1, kandidaat 2"]
    assert (candidate.lower, candidate.upper) == (5, 6)
    assert candidate.message == (
        "lijst 1, kandidaat 2: opgeteld uit noord.xml 5, in kieskring.xml 6 (verschil +1)"
    )


def test_a_list_missing_at_one_level_is_a_difference() -> None:
    north = _totals("noord.xml", {1: [4], 2: [3]})
    kieskring = _totals("kieskring.xml", {1: [4]})
    found = {d.what: (d.lower, d.upper) for d in compare_levels([north], kieskring)}
    assert found["lijst 2"] == (3, 0)


_VOTES = st.lists(st.integers(0, 500), min_size=1, max_size=4)
_MUNICIPALITY = st.dictionaries(st.integers(1, 4), _VOTES, min_size=1, max_size=4)


@given(st.lists(_MUNICIPALITY, min_size=2, max_size=6), st.data())
def test_moving_a_vote_between_two_municipality_files_changes_nothing_at_the_510d(
    municipalities: list[dict[int, list[int]]], data: st.DataObject
) -> None:
    # Same lists everywhere so a vote can move: take list 1's shape from the first.
    shape = {n: len(v) for n, v in municipalities[0].items()}
    counts = [
        {n: [(m.get(n, [0] * k) + [0] * k)[i] for i in range(k)] for n, k in shape.items()}
        for m in municipalities
    ]
    parts = [_totals(f"gemeente{i}.xml", c) for i, c in enumerate(counts)]
    central = add_totals(parts)
    central = CountTotals(("510d.xml",), central.lists, central.valid, 0, 0)
    donors = [
        (i, n, p) for i, c in enumerate(counts) for n, v in c.items() for p, x in enumerate(v) if x
    ]
    if not donors:
        return
    giver, number, position = data.draw(st.sampled_from(donors))
    taker = data.draw(st.sampled_from([i for i in range(len(counts)) if i != giver]))
    counts[giver][number][position] -= 1
    counts[taker][number][position] += 1
    moved = [_totals(f"gemeente{i}.xml", c) for i, c in enumerate(counts)]
    assert compare_levels(moved, central) == []


@given(st.lists(_MUNICIPALITY, min_size=1, max_size=6), st.data())
def test_one_vote_more_in_one_510b_without_changing_the_510c_is_always_caught(
    municipalities: list[dict[int, list[int]]], data: st.DataObject
) -> None:
    parts = [_totals(f"gemeente{i}.xml", m) for i, m in enumerate(municipalities)]
    kieskring = add_totals(parts)
    kieskring = CountTotals(("510c.xml",), kieskring.lists, kieskring.valid, 0, 0)
    which = data.draw(st.integers(0, len(municipalities) - 1))
    changed = dict(municipalities[which])
    number = data.draw(st.sampled_from(sorted(changed)))
    position = data.draw(st.integers(0, len(changed[number]) - 1))
    votes = list(changed[number])
    votes[position] += 1
    changed[number] = votes
    parts[which] = _totals(f"gemeente{which}.xml", changed)
    found = {d.what: (d.lower, d.upper) for d in compare_levels(parts, kieskring)}
    upper_list = kieskring.list_by_number(number)
    assert upper_list is not None
    assert found[f"lijst {number}"] == (upper_list.votes + 1, upper_list.votes)
    assert f"lijst {number}, kandidaat {position + 1}" in found
