"""Fryslân in every spelling, partial dates of birth, and checks that say what they cannot check.

Independent sources: the Kiesraad's TK2023 election definition (which regions
carry ``FrysianExportAllowed``), the pattern of ``kr:DateOfBirthAnnex`` in
kiesraad-eml-extensions.xsd, the calendar (hand computations below) and
Kiesbesluit H 2 lid 5 / Kieswet H 4 lid 1 and H 7 lid 1.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import TYPE_CHECKING

import pytest
from nomination_factories import (
    BEFORE_NOMINATION,
    people,
    single_list,
)

from kandidaat.domain.election import ElectionDefinition
from kandidaat.domain.nomination.checks import Gap, PartialDate, SourceFacts, run_checks
from kandidaat.domain.nomination.checks.residence import lives_in_area
from kandidaat.domain.nomination.elections import (
    FRISIAN_MUNICIPALITY_CODES,
    builtin_election,
    election_from_definition,
    frisian_allowed,
    municipal_election,
    plain_name,
    provincial_election,
    same_identifier,
)
from kandidaat.domain.nomination.model import Body, Nomination
from kandidaat.eml.documents import read_path

if TYPE_CHECKING:
    from pathlib import Path

_FRISIAN_REGION = re.compile(
    r'<kr:Region RegionNumber="(\d+)" RegionCategory="GEMEENTE" FrysianExportAllowed="true"'
    r"[^>]*>\s*<kr:RegionName>([^<]+)</kr:RegionName>"
)


def test_the_frisian_municipalities_are_those_the_kiesraad_marks_in_the_tk2023_definition(
    shared_dir: Path,
) -> None:
    text = (
        shared_dir / "eml_nl" / "samples" / "TK2023" / "Verkiezingsdefinitie_TK2023.eml.xml"
    ).read_text(encoding="utf-8")
    marked = {number.zfill(4): name for number, name in _FRISIAN_REGION.findall(text)}
    assert len(marked) == 18, "the TK2023 110a should mark 18 Frisian municipalities"
    assert marked == FRISIAN_MUNICIPALITY_CODES


@pytest.mark.parametrize(
    ("body", "area", "code", "identifier"),
    [
        (Body.PS, "Fryslân", None, ""),
        (Body.PS, "Friesland", None, ""),
        (Body.PS, None, None, "PS2027_Fryslan"),
        (Body.PS, "FRYSLAN", None, ""),
        (Body.AB, "Wetterskip Fryslân", None, ""),
        (Body.AB, None, None, "AB2027_Fryslan"),
        (Body.AB, "Wetterskip Fryslan", None, ""),
        (Body.GR, "Leeuwarden", None, ""),
        (Body.GR, "Súdwest-Fryslân", None, ""),
        (Body.GR, "Sudwest Fryslan", None, ""),
        (Body.GR, "Tietjerksteradeel", None, ""),
        (Body.GR, None, "0080", ""),
        (Body.GR, None, "GM1970", ""),
        (Body.GR, None, "80", ""),
        (Body.GR, None, None, "GR2026_Leeuwarden"),
    ],
)
def test_elections_in_fryslan_are_recognised_however_they_are_spelled(
    body: Body, area: str | None, code: str | None, identifier: str
) -> None:
    assert frisian_allowed(body, area, code, identifier)


@pytest.mark.parametrize(
    ("body", "area", "code", "identifier"),
    [
        (Body.PS, "Groningen", None, "PS2027_Groningen"),
        (Body.AB, "Noorderzijlvest", None, ""),
        (Body.GR, "Groningen", "0014", "GR2026_Groningen"),
        # Leeuwarden is also a kieskring of the Tweede Kamer: TK lists are in Dutch.
        (Body.TK, "Leeuwarden", None, "TK2025"),
        (Body.EP, None, None, "EP2029"),
        # A GR in Groningen is not Frisian because a Frisian PS id is similar.
        (Body.GR, "Stadskanaal", "0037", "GR2026_Stadskanaal"),
    ],
)
def test_elections_outside_fryslan_are_not_frisian(
    body: Body, area: str | None, code: str | None, identifier: str
) -> None:
    assert not frisian_allowed(body, area, code, identifier)


def test_plain_name_ignores_accents_case_and_punctuation() -> None:
    assert plain_name("Súdwest-Fryslân") == plain_name("sudwest fryslan") == "sudwestfryslan"


def test_a_built_in_election_is_found_as_e_ks_spells_it() -> None:
    election = builtin_election("PS2027_Fryslan")
    assert election.identifier == "PS2027_Fryslân"
    assert same_identifier("PS2027_Fryslan", election.identifier)
    assert not same_identifier("PS2027_Groningen", election.identifier)
    assert election.area_name == "Fryslân"
    assert election.frisian
    assert election.seats == 43  # PROVINCES: Fryslân had 43 seats in 2023


def test_provincial_staten_of_friesland_is_fryslan() -> None:
    assert provincial_election("Friesland", date(2027, 3, 17)).area_name == "Fryslân"


def _eks_definition(shared_dir: Path, name: str) -> ElectionDefinition:
    document = read_path(shared_dir / "eml_nl" / "fixtures" / "e-ks" / name)
    assert isinstance(document, ElectionDefinition)
    return document


def test_the_e_ks_ps_definition_without_a_tree_is_one_kieskring_named_after_the_province(
    shared_dir: Path,
) -> None:
    election = election_from_definition(
        _eks_definition(shared_dir, "models_eml_110a-ps27-1.eml.xml")
    )
    assert [(k.number, k.name) for k in election.kieskringen] == [("1", "Groningen")]
    assert election.seats == 43  # kr:NumberOfSeats of that file


def test_the_e_ks_ek_definition_without_a_tree_has_the_statutory_kieskringen(
    shared_dir: Path,
) -> None:
    election = election_from_definition(_eks_definition(shared_dir, "models_eml_110a-ek27.eml.xml"))
    # Kieswet R 1 lid 2: 12 provinces and 4 kiescolleges.
    assert len(election.kieskringen) == 16
    assert election.kieskringen[1].name == "Fryslân"


def test_a_woonplaats_spelled_without_accents_lives_in_the_area() -> None:
    [candidate] = people(1)
    election = municipal_election("Súdwest-Fryslân", 31, date(2026, 3, 18), "1900")
    assert lives_in_area(dataclasses.replace(candidate, locality="Sudwest-Fryslan"), election)


# --- PartialDate (kr:DateOfBirthAnnex) ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("XX-05-1976", date(1976, 5, 1), date(1976, 5, 31)),
        ("XX-02-2012", date(2012, 2, 1), date(2012, 2, 29)),  # 2012 is a leap year
        ("XX-02-2013", date(2013, 2, 1), date(2013, 2, 28)),
        ("XX-12-1999", date(1999, 12, 1), date(1999, 12, 31)),
        ("XX-XX-1964", date(1964, 1, 1), date(1964, 12, 31)),
        ("XX-XX-XXXX", None, None),
    ],
)
def test_a_partial_date_spans_every_day_it_can_be(
    text: str, earliest: date | None, latest: date | None
) -> None:
    partial = PartialDate.parse(text)
    assert partial is not None
    assert (partial.earliest(), partial.latest()) == (earliest, latest)


@pytest.mark.parametrize(
    "text", ["05-1976", "XX-13-1976", "XX-00-1976", "XX-05-0000", "XX-XX-76", "1976-05-XX", ""]
)
def test_a_value_outside_the_annex_pattern_is_no_partial_date(text: str) -> None:
    assert PartialDate.parse(text) is None


def test_a_partial_date_reads_in_dutch() -> None:
    parsed = [PartialDate.parse(t) for t in ("XX-05-1976", "XX-XX-1964", "XX-XX-XXXX")]
    assert [p.dutch() if p else "" for p in parsed] == [
        "mei 1976 (dag onbekend)",
        "1964 (dag en maand onbekend)",
        "onbekend",
    ]


def _gr_nomination() -> Nomination:
    """GR 18 March 2026 (nomination_factories): the term ends 17 March 2030 (ADR 0023)."""
    return single_list(people(3))


def _age_codes(nomination: Nomination, facts: SourceFacts) -> dict[str, str]:
    findings = run_checks(nomination, today=BEFORE_NOMINATION, facts=facts)
    return {f.candidate_key or "": f.code for f in findings if f.field == "date_of_birth"}


def test_the_age_check_decides_from_the_known_part_of_a_date_of_birth() -> None:
    nomination = _gr_nomination()
    keys = [c.key for c in nomination.candidates]
    without_dates = tuple(dataclasses.replace(c, date_of_birth=None) for c in nomination.candidates)
    nomination = dataclasses.replace(nomination, candidates=without_dates)
    # Term end 17 March 2030. XX-02-2012: 18 by 29 Feb 2030 at the latest: may stand.
    # XX-04-2012: 18 on 1 April 2030 at the earliest: too young.
    # XX-XX-2012: 18 between 1 January and 31 December 2030: cannot be told.
    births = {
        keys[0]: PartialDate.parse("XX-02-2012"),
        keys[1]: PartialDate.parse("XX-04-2012"),
        keys[2]: PartialDate.parse("XX-XX-2012"),
    }
    facts = SourceFacts("een EML 210", frozenset(), {k: v for k, v in births.items() if v})
    assert _age_codes(nomination, facts) == {
        keys[0]: "date-of-birth-partial",
        keys[1]: "too-young",
        keys[2]: "age-not-checkable",
    }


def test_without_a_partial_date_a_missing_date_of_birth_is_still_an_error() -> None:
    nomination = _gr_nomination()
    first = dataclasses.replace(nomination.candidates[0], date_of_birth=None)
    nomination = dataclasses.replace(nomination, candidates=(first, *nomination.candidates[1:]))
    codes = _age_codes(nomination, SourceFacts())
    assert codes == {first.key: "candidate-data-missing"}


# --- Unknown seats and paper-only facts --------------------------------------------


def test_a_gr_without_seats_never_computes_the_support_count() -> None:
    nomination = _gr_nomination()
    zero = dataclasses.replace(nomination.election, seats=0)
    not_exempt = dataclasses.replace(nomination.party, previous_seats=None, groups=())
    unknown = dataclasses.replace(nomination, election=zero, party=not_exempt)
    findings = run_checks(unknown, today=BEFORE_NOMINATION)
    codes = {f.code for f in findings}
    assert "support-required" not in codes
    assert "support-not-checkable" in codes


def test_a_source_without_paper_facts_does_not_call_them_missing() -> None:
    nomination = _gr_nomination()
    party = dataclasses.replace(nomination.party, groups=())
    away = dataclasses.replace(nomination.candidates[0], locality="Elders", lives_in_area=None)
    nomination = dataclasses.replace(
        nomination, party=party, candidates=(away, *nomination.candidates[1:])
    )
    facts = SourceFacts("een EML 210", frozenset({Gap.PAPER}))
    codes = {f.code: f for f in run_checks(nomination, today=BEFORE_NOMINATION, facts=facts)}
    assert "group-missing" not in codes
    assert "residence-unknown" not in codes
    assert codes["group-not-checkable"].message.count("een EML 210") == 1
    assert codes["settlement-not-checkable"].severity.value == "info"
    in_project = {f.code for f in run_checks(nomination, today=BEFORE_NOMINATION)}
    assert {"group-missing", "residence-unknown"} <= in_project


def test_without_the_previous_result_only_more_than_80_candidates_is_certainly_too_many() -> None:
    # Kieswet H 6 lid 2: 50, or 80 after more than 15 seats at the previous election.
    facts = SourceFacts("een EML 210", frozenset({Gap.PAPER}))
    for number, expected in (
        (50, None),
        (60, "maximum-not-checkable"),
        (81, "too-many-candidates"),
    ):
        nomination = single_list(people(number))
        party = dataclasses.replace(nomination.party, previous_seats=None, groups=())
        nomination = dataclasses.replace(nomination, party=party)
        findings = run_checks(nomination, today=BEFORE_NOMINATION, facts=facts)
        codes = {f.code: f for f in findings if f.field == "candidates"}
        found = next(
            (c for c in ("maximum-not-checkable", "too-many-candidates") if c in codes), None
        )
        assert found == expected, number
        if expected == "too-many-candidates":
            assert "ten hoogste 80" in codes[expected].message
            assert "vanaf nummer 81" in codes[expected].advice
