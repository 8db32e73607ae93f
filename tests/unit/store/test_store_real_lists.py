"""The real TK 2025 lists of kieskring Nijmegen through the project file, CSV and XLSX.

Every candidate of every list (real names with diacritics, prefixes, roepnamen,
candidates abroad) is stored, exported and read back unchanged.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from kandidaat.domain.nomination.model import (
    AppellationKind,
    Body,
    Candidate,
    CandidateList,
    Election,
    Gender,
    Kieskring,
    Nomination,
    Party,
)
from kandidaat.eml.documents import read_path
from kandidaat.store.project import ProjectFile
from kandidaat.store.spreadsheet import read_candidates, write_candidates

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def real_lists(shared_dir):
    path = shared_dir / "eml_nl/samples/TK2025/Kandidatenlijsten_TK2025_Nijmegen.eml.xml"
    record = read_path(path)
    lists = []
    for affiliation in record.affiliations:
        candidates = tuple(
            Candidate(
                key=f"{affiliation.number}-{item.position}",
                initials=item.initials,
                last_name=item.last_name,
                prefix=item.prefix or "",
                first_name=item.first_name or "",
                gender={"male": Gender.MALE, "female": Gender.FEMALE}.get(item.gender or ""),
                date_of_birth=date.fromisoformat(item.date_of_birth)
                if item.date_of_birth
                else None,
                locality=item.locality or "",
                country_code=item.country_code or "NL",
            )
            for item in affiliation.candidates
        )
        lists.append((affiliation.name, candidates))
    return lists


def test_the_real_lists_are_many_and_varied(real_lists):
    persons = [c for _, candidates in real_lists for c in candidates]
    assert len(real_lists) > 20
    assert len(persons) > 500
    assert any(c.prefix for c in persons)
    assert any(c.lives_abroad for c in persons)
    assert any(not c.last_name.isascii() for c in persons)
    assert {c.gender for c in persons} == {Gender.MALE, Gender.FEMALE, None}


def test_every_real_list_survives_the_project_file(real_lists, tmp_path):
    persons = tuple(c for _, candidates in real_lists for c in candidates)
    nomination = Nomination(
        election=Election(
            Body.TK,
            "TK2025",
            "Tweede Kamer 2025",
            date(2025, 10, 29),
            150,
            (Kieskring("9", "Nijmegen"),),
        ),
        party=Party(kind=AppellationKind.REGISTERED, appellation="alle partijen"),
        candidates=persons,
        lists=tuple(
            CandidateList(name, ("9",), tuple(c.key for c in candidates))
            for name, candidates in real_lists
        ),
    )
    with ProjectFile.create(tmp_path / "nijmegen.kandidaat", nomination) as project:
        assert project.load() == nomination


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_every_real_list_reads_back_from_its_export_in_the_same_order(real_lists, tmp_path, suffix):
    for number, (_, candidates) in enumerate(real_lists, start=1):
        path = tmp_path / f"lijst{number}{suffix}"
        write_candidates(path, candidates)
        result = read_candidates(path, today=TODAY)
        assert [str(p) for p in result.problems] == []
        assert [dataclasses.replace(c, key="") for c in result.candidates] == [
            dataclasses.replace(c, key="") for c in candidates
        ]
