"""Every real EML_NL file in ../shared is read, checked, summarised and written back."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import CANONICAL_FILES, REAL_FILES, SAMPLES, SHARED, XSD, XSD_MAIN
from lxml import etree

from kandidaat.app.eml.check import check_files
from kandidaat.app.eml.show import summarize
from kandidaat.domain.election import (
    CandidateListsRecord,
    CountRecord,
    ElectionDefinition,
    ResultRecord,
)
from kandidaat.eml.canonical import canonical_bytes, hash_code, hash_file
from kandidaat.eml.documents import read_bytes, read_path
from kandidaat.eml.schema import SchemaSet
from kandidaat.eml.write_common import to_canonical
from kandidaat.eml.write_counts import build_counts
from kandidaat.eml.write_definition import build_definition
from kandidaat.eml.write_lists import build_candidate_lists
from kandidaat.eml.write_result import build_result

if TYPE_CHECKING:
    from pathlib import Path

SCHEMAS = SchemaSet(XSD)
SCHEMAS_MAIN = SchemaSet(XSD_MAIN)
BUILDERS = {
    ElectionDefinition: build_definition,
    CandidateListsRecord: build_candidate_lists,
    CountRecord: build_counts,
    ResultRecord: build_result,
}


def _ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def test_the_samples_folder_holds_the_real_files() -> None:
    assert len(REAL_FILES) == 12
    assert len(CANONICAL_FILES) == 6


@pytest.mark.parametrize("path", REAL_FILES, ids=_ids(REAL_FILES))
def test_a_real_file_is_read_and_checked_without_findings(path: Path) -> None:
    [result] = check_files([path], SCHEMAS)
    assert result.unreadable is None
    assert result.findings == []
    assert result.document is not None


@pytest.mark.parametrize("path", REAL_FILES, ids=_ids(REAL_FILES))
def test_a_real_file_is_summarised_in_dutch(path: Path) -> None:
    document = read_path(path)
    message_id = document.envelope.message_id
    text = summarize(document, message_id)
    assert f"Bericht: EML {message_id}" in text
    assert document.election.name in text
    assert "Verkiezing:" in text


@pytest.mark.parametrize("path", REAL_FILES, ids=_ids(REAL_FILES))
def test_reading_then_writing_gives_a_document_equal_in_content(path: Path) -> None:
    document = read_path(path)
    written = to_canonical(BUILDERS[type(document)](document))
    assert read_bytes(written, path.name) == document


@pytest.mark.parametrize("path", CANONICAL_FILES, ids=_ids(CANONICAL_FILES))
def test_an_osv2020_file_written_again_is_byte_identical(path: Path) -> None:
    document = read_path(path)
    assert to_canonical(BUILDERS[type(document)](document)) == path.read_bytes()


@pytest.mark.parametrize("path", REAL_FILES, ids=_ids(REAL_FILES))
def test_what_we_write_validates_against_the_official_xsd_and_the_13_draft(path: Path) -> None:
    document = read_path(path)
    written = etree.ElementTree(etree.fromstring(to_canonical(BUILDERS[type(document)](document))))
    message_id = document.envelope.message_id
    assert SCHEMAS.validate(written, message_id) == []
    assert SCHEMAS_MAIN.validate(written, message_id) == []


def test_the_hash_code_test_vector_of_osv_is_reproduced() -> None:
    # docs/eml.md section 9: C14N of <a  >xyz</a>, as OSV's SHAXmlDigestCreator test has it.
    data = canonical_bytes(etree.fromstring(b"<a  >xyz</a>"))
    assert hash_code(data) == (
        "B51D C19C C2E1 5197 81D4 49D7 641C 66FB 1368 E85A 01FC 89AD 40A3 C0D2 9DB0 C38D"
    )


@pytest.mark.parametrize("path", CANONICAL_FILES, ids=_ids(CANONICAL_FILES))
def test_the_hash_of_a_canonical_file_equals_the_hash_of_its_canonical_form(path: Path) -> None:
    report = hash_file(path)
    assert report.is_canonical
    assert report.file_hash == report.canonical_hash == report.form_hash
    assert len(report.form_hash.split(" ")) == 16


def test_a_110a_definition_is_hashed_over_its_raw_bytes() -> None:
    report = hash_file(SAMPLES / "TK2023" / "Verkiezingsdefinitie_TK2023.eml.xml")
    assert not report.is_canonical
    assert not report.declares_canonicalization
    assert report.form_hash == report.file_hash != report.canonical_hash


def test_the_tk2023_definition_has_150_seats_20_kieskringen_and_346_municipalities() -> None:
    document = read_path(SAMPLES / "TK2023" / "Verkiezingsdefinitie_TK2023.eml.xml")
    assert isinstance(document, ElectionDefinition)
    assert document.seats == 150
    assert len(document.kieskringen) == 20
    assert sum(1 for r in document.regions if r.category == "GEMEENTE") == 346


def test_limburg_kieskringen_are_written_in_roman_numerals() -> None:
    document = read_path(SAMPLES / "PS2023" / "Verkiezingsdefinitie_PS2023_Limburg.eml.xml")
    assert isinstance(document, ElectionDefinition)
    assert all(k.roman_numerals for k in document.kieskringen)


def test_the_tk2025_nijmegen_lists_have_gaps_and_candidates_abroad() -> None:
    document = read_path(SAMPLES / "TK2025" / "Kandidatenlijsten_TK2025_Nijmegen.eml.xml")
    assert isinstance(document, CandidateListsRecord)
    numbers = [a.number for a in document.affiliations]
    assert 24 not in numbers
    assert 26 in numbers
    assert sum(len(a.candidates) for a in document.affiliations) == 1085
    abroad = [c for a in document.affiliations for c in a.candidates if c.country_code]
    assert len(abroad) == 13


def test_the_tk2025_count_matches_the_nijmegen_candidate_lists_key_for_key() -> None:
    results = check_files(
        [
            SAMPLES / "TK2025" / "Kandidatenlijsten_TK2025_Nijmegen.eml.xml",
            SAMPLES / "TK2025" / "Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml",
        ],
        None,
    )
    assert [r.findings for r in results] == [[], []]


def test_the_trimmed_510d_fixture_is_reported_as_not_adding_up() -> None:
    # derived/: only 3 lists x 2 candidates and 1 municipality were kept (see its README).
    path = SAMPLES / "derived" / "AB2023_Scheldestromen"
    [result] = check_files(sorted(path.glob("*.eml.xml")), SCHEMAS)
    codes = {f.code for f in result.findings}
    assert {"candidate_sum", "total_counted", "units_sum"} <= codes
    assert any(
        "lijst 1 (11741) tellen niet op tot het lijsttotaal (24949)" in f.message
        for f in result.findings
    )


def test_the_invalid_510b_fixture_is_refused_by_the_schema_at_its_line() -> None:
    path = SAMPLES / "synthetic" / "invalid" / "eml510b_with_investigations.eml.xml"
    [result] = check_files([path], SCHEMAS)
    assert [(f.kind, f.line) for f in result.findings] == [("schema", 48)]
    assert "ReportingUnitInvestigations: dit element hoort hier niet" in result.findings[0].message


def test_the_invalid_110b_fixture_is_read_and_its_nomination_date_is_a_finding() -> None:
    # The 110b XSD has no kr:NominationDate (docs/eml.md section 5.4); the file has one.
    path = SAMPLES / "synthetic" / "invalid" / "eml110b_test.eml.xml"
    [with_xsd] = check_files([path], SCHEMAS)
    [without] = check_files([path], None)
    assert with_xsd.unreadable is None
    assert ("schema", 19) in [(f.kind, f.line) for f in with_xsd.findings]
    assert [f.code for f in without.findings] == ["nomination_date_in_110b"]


def test_a_schema_message_keeps_the_repetition_of_its_pattern() -> None:
    # The XSD pattern of a municipality code is \d{4}; {4} is not a namespace to strip.
    path = (
        SHARED / "eml_nl" / "fixtures" / "abacus" / "juinen_eml110b_stembureaulijst-juinen.eml.xml"
    )
    [result] = check_files([path], SCHEMAS)
    [authority] = [f for f in result.findings if f.line == 5]
    assert authority.message.endswith("past niet in het patroon CSB|((HSB|SB)\\d+)|(\\d{4})")


def test_the_synthetic_520_is_read_with_order_of_election_and_preference() -> None:
    document = read_path(SAMPLES / "synthetic" / "valid" / "eml520_test.eml.xml")
    assert isinstance(document, ResultRecord)
    assert document.elected_lists[0] == (1, "Heemdamsenaren")
    first = document.elected[0]
    assert (first.order, first.preferential, first.candidate.last_name) == (1, True, "Oorschot")
