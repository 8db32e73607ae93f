"""Any candidate the importer accepts comes back unchanged from its own CSV and XLSX export."""

from __future__ import annotations

import dataclasses
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kandidaat.domain.nomination.model import Agent, Candidate, Gender, PostalAddress
from kandidaat.store.errors import ProjectFileError
from kandidaat.store.spreadsheet import read_candidates, write_candidates

TODAY = date(2026, 11, 23)
WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def _text(min_size: int = 0, max_size: int = 150) -> st.SearchStrategy[str]:
    # What a person can type: no control characters, surrogates, unassigned code
    # points, non-characters or format characters (refused at input, ADR 0034).
    characters = st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Cf"))
    return (
        st.text(characters, min_size=min_size, max_size=max_size)
        .map(str.strip)
        .filter(lambda text: len(text) >= min_size)
    )


@st.composite
def _bsn(draw: st.DrawFn) -> str:
    digits = draw(st.lists(st.integers(0, 9), min_size=8, max_size=8))
    check = sum(d * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11
    if check == 10 or (check == 0 and not any(digits)):
        return ""
    return "".join(map(str, digits)) + str(check)


_postcode = st.builds(
    lambda number, letters: f"{number} {letters}",
    st.integers(1000, 9999),
    st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2).filter(
        lambda letters: letters not in {"SA", "SD", "SS"}  # never issued by PostNL
    ),
)
_address = st.builds(PostalAddress, _text(1, 80), _postcode, _text(1, 80), st.just("NL"))
_candidate = st.builds(
    Candidate,
    key=st.just(""),
    initials=_text(1, 20),
    last_name=_text(1),
    prefix=_text(max_size=10),
    first_name=_text(),
    gender=st.none() | st.sampled_from(Gender),
    date_of_birth=st.none() | st.dates(date(1900, 1, 1), TODAY),
    locality=_text(max_size=80),
    country_code=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
    bsn=_bsn(),
    correspondence=st.none() | _address,
    agent=st.none() | st.builds(Agent, _text(1, 20), _text(1), _text(max_size=10), _address),
)


@st.composite
def candidate_lists(draw: st.DrawFn) -> list[Candidate]:
    """Up to six different persons: distinct BSNs and names made distinct by a number."""
    drawn = draw(st.lists(_candidate, min_size=1, max_size=6, unique_by=lambda c: c.bsn or id(c)))
    return [
        dataclasses.replace(c, last_name=f"{c.last_name} {index}")
        for index, c in enumerate(drawn, start=1)
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(candidates=candidate_lists())
def test_any_valid_candidate_survives_export_and_import(suffix, candidates):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"lijst{suffix}"
        write_candidates(path, candidates)
        result = read_candidates(path, today=TODAY)
    assert [str(problem) for problem in result.problems] == []
    assert [dataclasses.replace(c, key="") for c in result.candidates] == candidates


def test_a_value_starting_with_apostrophes_and_a_formula_survives_csv(tmp_path):
    tricky = Candidate(key="", initials="J.", last_name="''=1+1", locality="'s-Gravenhage")
    path = tmp_path / "lijst.csv"
    write_candidates(path, [tricky])
    (back,) = read_candidates(path, today=TODAY).candidates
    assert (back.last_name, back.locality) == ("''=1+1", "'s-Gravenhage")


def test_a_control_character_excel_cannot_store_is_refused_by_name(tmp_path):
    broken = Candidate(key="k", initials="J.", last_name="Dam\x01")
    with pytest.raises(ProjectFileError, match=r"kandidaat Dam\x01, J\. \(positie 1\)"):
        write_candidates(tmp_path / "lijst.xlsx", [broken])
    assert list(tmp_path.iterdir()) == []
