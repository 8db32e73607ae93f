"""The semantic checks of a count, each shown on the real GR2022 West Maas en Waal files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kandidaat.domain.election import CandidateListsRecord, CountRecord, ListCount
from kandidaat.domain.tally.checks import check_counts
from kandidaat.eml.documents import read_path

SAMPLES = Path(__file__).resolve().parents[4] / ".." / "shared" / "eml_nl" / "samples"
FOLDER = SAMPLES / "GR2022_WestMaasenWaal"


@pytest.fixture(scope="module")
def count() -> CountRecord:
    record = read_path(FOLDER / "Telling_GR2022_WestMaasenWaal.eml.xml")
    assert isinstance(record, CountRecord)
    return record


@pytest.fixture(scope="module")
def lists() -> CandidateListsRecord:
    record = read_path(FOLDER / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml")
    assert isinstance(record, CandidateListsRecord)
    return record


def _change_total_list(count: CountRecord, index: int, **changes: object) -> CountRecord:
    assert count.total is not None
    items = list(count.total.lists)
    items[index] = dataclasses.replace(items[index], **changes)  # type: ignore[arg-type]
    total = dataclasses.replace(count.total, lists=tuple(items))
    return dataclasses.replace(count, total=total)


def test_the_real_count_passes_every_check(count: CountRecord, lists: CandidateListsRecord) -> None:
    assert check_counts(count, lists) == []


def test_candidate_votes_that_do_not_add_up_to_the_list_total_are_named(
    count: CountRecord,
) -> None:
    assert count.total is not None
    first = count.total.lists[0]
    votes = ((1, first.candidate_votes[0][1] + 5), *first.candidate_votes[1:])
    changed = _change_total_list(count, 0, candidate_votes=votes)
    messages = [f.message for f in check_counts(changed)]
    assert (
        "totaal: de stemmen op de kandidaten van lijst 1 (1898) tellen niet op tot het "
        "lijsttotaal (1893)" in messages
    )
    assert (
        "totaal: kandidaat 1 van lijst 1 heeft 586 stemmen, maar de stembureaus samen 581"
        in messages
    )


def test_reporting_units_that_do_not_add_up_to_the_total_are_named(count: CountRecord) -> None:
    unit = count.units[0]
    items = list(unit.counts.lists)
    items[0] = dataclasses.replace(items[0], votes=items[0].votes + 1)
    counts = dataclasses.replace(
        unit.counts, lists=tuple(items), total_counted=unit.counts.total_counted + 1
    )
    changed = dataclasses.replace(
        count, units=(dataclasses.replace(unit, counts=counts), *count.units[1:])
    )
    messages = [f.message for f in check_counts(changed)]
    assert "totaal: lijst 1 heeft 1893 stemmen, maar de stembureaus samen 1894" in messages
    assert "totaal: TotalCounted is 9350, maar de stembureaus samen 9351" in messages
    assert any(
        m.startswith("stembureau 0668::SB1: de stemmen op de kandidaten van lijst 1")
        for m in messages
    )


def test_total_counted_must_equal_the_sum_of_the_lists(count: CountRecord) -> None:
    assert count.total is not None
    changed = dataclasses.replace(count, total=dataclasses.replace(count.total, total_counted=9000))
    codes = [f.code for f in check_counts(changed)]
    assert codes.count("total_counted") == 1


def test_a_reporting_unit_twice_is_named(count: CountRecord) -> None:
    changed = dataclasses.replace(count, units=(*count.units, count.units[0]))
    messages = [f.message for f in check_counts(changed)]
    assert "stembureau 0668::SB1 komt dubbel voor" in messages


def test_lists_out_of_order_are_named(count: CountRecord) -> None:
    assert count.total is not None
    reordered = (count.total.lists[1], count.total.lists[0], *count.total.lists[2:])
    changed = dataclasses.replace(count, total=dataclasses.replace(count.total, lists=reordered))
    assert any(f.code == "list_order" for f in check_counts(changed))


def test_a_list_or_candidate_not_in_the_candidate_lists_is_named(
    count: CountRecord, lists: CandidateListsRecord
) -> None:
    extra = ListCount(9, "Onbekend", 0, ((1, 0),))
    assert count.total is not None
    total = dataclasses.replace(count.total, lists=(*count.total.lists, extra))
    messages = [
        f.message for f in check_counts(dataclasses.replace(count, total=total, units=()), lists)
    ]
    assert "totaal: lijst 9 staat niet in de kandidatenlijsten" in messages


def test_a_candidate_without_votes_is_named(
    count: CountRecord, lists: CandidateListsRecord
) -> None:
    assert count.total is not None
    third = count.total.lists[2]
    fewer = dataclasses.replace(third, candidate_votes=third.candidate_votes[:-1])
    total = dataclasses.replace(
        count.total, lists=(*count.total.lists[:2], fewer, *count.total.lists[3:])
    )
    last = third.candidate_votes[-1][0]
    messages = [
        f.message for f in check_counts(dataclasses.replace(count, total=total, units=()), lists)
    ]
    assert f"totaal: kandidaat {last} van lijst 3 heeft geen stemmen" in messages


def test_a_count_of_another_election_is_not_matched(
    count: CountRecord, lists: CandidateListsRecord
) -> None:
    other = dataclasses.replace(
        lists, election=dataclasses.replace(lists.election, id="GR2022_Elders")
    )
    [finding] = check_counts(count, other)
    assert finding.code == "election_mismatch"
