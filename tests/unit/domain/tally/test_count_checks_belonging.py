"""A count and its parts must belong together: every list of the 230b in every block,
and a municipality's 510b only with its own polling stations (real GR2022 files)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kandidaat.domain.election import CandidateListsRecord, CountRecord, Envelope
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


def test_a_list_of_the_230b_left_out_of_the_total_is_named(
    count: CountRecord, lists: CandidateListsRecord
) -> None:
    assert count.total is not None
    without_8 = tuple(item for item in count.total.lists if item.number != 8)
    total = dataclasses.replace(count.total, lists=without_8)
    changed = dataclasses.replace(count, total=total)
    messages = [f.message for f in check_counts(changed, lists) if f.code == "list_missing"]
    expected = (
        "totaal: lijst 8 van de kandidatenlijsten ontbreekt in de telling; elke lijst hoort "
        "erin, ook met 0 stemmen"
    )
    assert messages == [expected]


def test_a_polling_station_of_another_municipality_in_a_510b_is_named(
    count: CountRecord,
) -> None:
    first = dataclasses.replace(count.units[0], id="0669::SB1")
    changed = dataclasses.replace(count, units=(first, *count.units[1:]))
    findings = [f for f in check_counts(changed) if f.code == "unit_of_other_municipality"]
    expected = (
        "stembureau 0669::SB1 hoort niet bij gemeente 0668, die deze telling maakte "
        "(ManagingAuthority)"
    )
    assert [f.message for f in findings] == [expected]


def test_a_510b_of_a_hoofdstembureau_is_not_held_to_one_municipality(
    count: CountRecord,
) -> None:
    envelope: Envelope = dataclasses.replace(count.envelope, authority_id="HSB1")
    assert check_counts(dataclasses.replace(count, envelope=envelope)) == []
