"""A count whose candidates are not on the 230b given: a finding naming both files.

The real count of the gemeenteraad West Maas en Waal 2022 against its real
230b with the last candidate of list 1 removed (as the candidate lists of
another election would be): the count has votes for a candidate the lists do
not have. The list seats are still computed, nobody is named, exit 1.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING

from kandidaat.app.cli import main
from kandidaat.domain.election import CandidateListsRecord
from kandidaat.eml.documents import read_path
from kandidaat.eml.write_common import write_document
from kandidaat.eml.write_lists import build_candidate_lists

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

WMW = "eml_nl/samples/GR2022_WestMaasenWaal"
COUNT = "Telling_GR2022_WestMaasenWaal.eml.xml"
LISTS = "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
OFFICIAL_SEATS_2022 = {1: 3, 2: 2, 3: 3, 4: 2, 5: 2, 6: 2, 7: 2, 8: 1}
"""squell/electionchecker uitslag_GR20220316_Gemeente.csv, West Maas en Waal (G0668)."""


def test_a_candidate_counted_but_not_on_the_230b_names_the_count_and_the_230b(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shared_dir / WMW
    assert (folder / COUNT).is_file(), f"{folder / COUNT} ontbreekt"
    record = read_path(folder / LISTS)
    assert isinstance(record, CandidateListsRecord)
    first = record.affiliations[0]
    shorter = dataclasses.replace(first, candidates=first.candidates[:-1])
    other = dataclasses.replace(record, affiliations=(shorter, *record.affiliations[1:]))
    lists = tmp_path / "Kandidatenlijsten_ander.eml.xml"
    write_document(lists, build_candidate_lists(other))
    code = main(["uitslag", str(folder / COUNT), str(lists), "--zetels", "17", "--json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 1
    assert document["candidates_named"] is False
    assert {item["number"]: item["seats"] for item in document["lists"]} == OFFICIAL_SEATS_2022
    missing = len(first.candidates)
    wrong = [f for f in document["findings"] if f"kandidaat {missing} staat niet" in f]
    assert len(wrong) == 1, document["findings"]
    assert COUNT in wrong[0]
    assert lists.name in wrong[0]
