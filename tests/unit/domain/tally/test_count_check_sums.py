"""Adding up the reporting units: by candidate position, whatever order a unit uses.

The real GR2022 West Maas en Waal count, changed in ways a buggy or hostile writer
could: candidates in another order, a candidate missing, a candidate known by ShortCode
only. Expected figures are computed here from the record with plain dictionaries.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from kandidaat.domain.election import CountRecord, ListCount, ReportingUnitCount
from kandidaat.domain.tally.checks import check_counts
from kandidaat.eml.documents import read_path

SAMPLES = Path(__file__).resolve().parents[4] / ".." / "shared" / "eml_nl" / "samples"
COUNT = SAMPLES / "GR2022_WestMaasenWaal" / "Telling_GR2022_WestMaasenWaal.eml.xml"


@pytest.fixture(scope="module")
def count() -> CountRecord:
    record = read_path(COUNT)
    assert isinstance(record, CountRecord)
    return record


def _with_first_list(count: CountRecord, unit_index: int, item: ListCount) -> CountRecord:
    unit = count.units[unit_index]
    counts = dataclasses.replace(unit.counts, lists=(item, *unit.counts.lists[1:]))
    units = list(count.units)
    units[unit_index] = dataclasses.replace(unit, counts=counts)
    return dataclasses.replace(count, units=tuple(units))


def _units_sum(units: tuple[ReportingUnitCount, ...], number: int, position: int) -> int:
    sums: Counter[int] = Counter()
    for unit in units:
        for item in unit.counts.lists:
            if item.number == number:
                for candidate, votes in item.candidate_votes:
                    sums[candidate] += votes
    return sums[position]


def test_a_unit_with_its_candidates_in_another_order_still_adds_up_by_position(
    count: CountRecord,
) -> None:
    first = count.units[1].counts.lists[0]
    reversed_order = dataclasses.replace(first, candidate_votes=first.candidate_votes[::-1])
    findings = check_counts(_with_first_list(count, 1, reversed_order))
    assert [f.code for f in findings] == ["candidate_order"]
    assert findings[0].message.startswith(f"stembureau {count.units[1].id}: de kandidaatnummers")


def test_a_candidate_missing_in_one_unit_is_named_with_the_sum_of_the_others(
    count: CountRecord,
) -> None:
    first = count.units[0].counts.lists[0]
    position, votes = next((p, v) for p, v in first.candidate_votes if v)
    fewer = dataclasses.replace(
        first,
        candidate_votes=tuple(pair for pair in first.candidate_votes if pair[0] != position),
        votes=first.votes - votes,
    )
    unit = count.units[0]
    counts = dataclasses.replace(
        unit.counts,
        lists=(fewer, *unit.counts.lists[1:]),
        total_counted=unit.counts.total_counted - votes,
    )
    changed = dataclasses.replace(
        count, units=(dataclasses.replace(unit, counts=counts), *count.units[1:])
    )
    assert changed.total is not None
    expected = _units_sum(changed.units, first.number, position)
    total_votes = dict(changed.total.lists[0].candidate_votes)[position]
    messages = [f.message for f in check_counts(changed)]
    assert (
        f"totaal: kandidaat {position} van lijst {first.number} heeft {total_votes} stemmen, "
        f"maar de stembureaus samen {expected}" in messages
    )
    assert (
        f"totaal: lijst {first.number} heeft {changed.total.lists[0].votes} stemmen, "
        f"maar de stembureaus samen {changed.total.lists[0].votes - votes}"
    ) in messages


def test_a_candidate_known_by_short_code_only_is_not_compared_by_position(
    count: CountRecord,
) -> None:
    first = count.units[0].counts.lists[0]
    index = next(i for i, (_, votes) in enumerate(first.candidate_votes) if votes)
    position, votes = first.candidate_votes[index]
    pairs = list(first.candidate_votes)
    pairs[index] = (0, votes)
    codes: list[str | None] = [None] * len(pairs)
    codes[index] = "JansenA"
    by_code = dataclasses.replace(first, candidate_votes=tuple(pairs), short_codes=tuple(codes))
    findings = check_counts(_with_first_list(count, 0, by_code))
    assert [f.code for f in findings] == ["units_sum"]
    assert findings[0].message.startswith(
        f"totaal: kandidaat {position} van lijst {first.number} heeft"
    )
    assert findings[0].message.endswith(
        f"samen {_units_sum(count.units, first.number, position) - votes}"
    )


def test_the_same_unit_read_twice_is_named_and_counted_twice(count: CountRecord) -> None:
    doubled = dataclasses.replace(count, units=(*count.units, count.units[0]))
    messages = [f.message for f in check_counts(doubled)]
    first = count.units[0].counts.lists[0]
    assert f"stembureau {count.units[0].id} komt dubbel voor" in messages
    assert count.total is not None
    assert (
        f"totaal: lijst {first.number} heeft {count.total.lists[0].votes} stemmen, maar de "
        f"stembureaus samen {count.total.lists[0].votes + first.votes}"
    ) in messages
