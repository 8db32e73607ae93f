"""Properties over generated proces-verbaal: sums are exact, a lone typo never passes."""

from __future__ import annotations

import dataclasses

from count_figures import LAYOUT, figures
from hypothesis import given
from hypothesis import strategies as st

from kandidaat.domain.count.checks import blocking, check_entry
from kandidaat.domain.count.figures import ListFigures, StationFigures
from kandidaat.domain.count.record import count_record
from kandidaat.domain.election import ElectionIdentifier, PollingStation

ELECTION = ElectionIdentifier("GR2026_Ons", "Ons", "GR", "GR2", "42", "Ons", "2026-03-18")
VOTES = st.integers(min_value=0, max_value=500)
STATION = st.tuples(
    st.tuples(VOTES, VOTES, VOTES),
    st.tuples(VOTES, VOTES),
    st.integers(min_value=0, max_value=20),
    st.integers(min_value=0, max_value=20),
)


def _pv(station: tuple[tuple[int, ...], tuple[int, ...], int, int]) -> StationFigures:
    one, two, blank, invalid = station
    cast = sum(one) + sum(two) + blank + invalid
    return figures(
        lists=((1, one), (2, two)), stempassen=cast, volmacht=0, blank=blank, invalid=invalid
    )


@given(st.lists(STATION, min_size=1, max_size=6))
def test_the_total_of_a_510b_is_the_sum_of_its_stations_candidate_by_candidate(
    stations: list[tuple[tuple[int, ...], tuple[int, ...], int, int]],
) -> None:
    entries = [_pv(s) for s in stations]
    for entry in entries:
        assert blocking(check_entry(entry, LAYOUT)) == ()
    record = count_record(
        ELECTION,
        "geen",
        ("42", "Ons"),
        [(PollingStation(n, f"SB {n}"), e) for n, e in enumerate(entries, 1)],
        LAYOUT,
        eligible=None,
        created="2026-03-18T21:00:00.000",
    )
    assert record.total is not None
    one = [sum(s[0][i] for s in stations) for i in range(3)]
    two = [sum(s[1][i] for s in stations) for i in range(2)]
    assert [v for _, v in record.total.lists[0].candidate_votes] == one
    assert [v for _, v in record.total.lists[1].candidate_votes] == two
    assert record.total.total_counted == sum(one) + sum(two)
    assert dict(record.total.rejected)["blanco"] == sum(s[2] for s in stations)


@given(STATION, st.integers(min_value=0, max_value=4), st.integers(min_value=1, max_value=9))
def test_one_candidate_figure_typed_differently_is_always_an_error(
    station: tuple[tuple[int, ...], tuple[int, ...], int, int], which: int, delta: int
) -> None:
    entry = _pv(station)
    number, position = (1, which + 1) if which < 3 else (2, which - 2)
    lists = []
    for item in entry.lists:
        votes = tuple(
            (p, v + delta if (item.number, p) == (number, position) else v)
            for p, v in item.candidates
        )
        lists.append(ListFigures(item.number, item.total, votes))
    typo = dataclasses.replace(entry, lists=tuple(lists))
    codes = {f.code for f in blocking(check_entry(typo, LAYOUT))}
    assert "count-list-candidates-sum" in codes
