"""Built-in election definitions and the mapping of real EML 110a files."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from kandidaat.domain.election import ElectionDefinition
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.domain.nomination.elections import (
    FRISIAN_MUNICIPALITIES,
    builtin_election,
    builtin_elections,
    election_from_definition,
    municipal_election,
    provincial_election,
    waterschap_election,
)
from kandidaat.domain.nomination.model import Body
from kandidaat.eml.documents import read_path

if TYPE_CHECKING:
    from pathlib import Path


def _definition(shared_dir: Path, relative: str) -> ElectionDefinition:
    document = read_path(shared_dir / "eml_nl" / "samples" / relative)
    assert isinstance(document, ElectionDefinition)
    return document


def test_tk2025_has_20_kieskringen_named_as_in_the_tk2023_definition(shared_dir: Path) -> None:
    tk = builtin_election("TK2025")
    sample = _definition(shared_dir, "TK2023/Verkiezingsdefinitie_TK2023.eml.xml")
    assert [(k.number, k.name) for k in tk.kieskringen] == [
        (r.number, r.name) for r in sample.kieskringen
    ]
    assert tk.kieskringen[19].name == "Bonaire"
    assert tk.seats == 150
    assert election_dates(tk).nomination_day == date(2025, 9, 15)


def test_ek2027_has_12_provinces_and_4_kiescolleges_and_its_q4_nomination_day() -> None:
    ek = builtin_election("EK2027")
    names = [k.name for k in ek.kieskringen]
    assert len(names) == 16
    assert names[1] == "Fryslân"
    assert names[12:] == [
        "Kiescollege Bonaire",
        "Kiescollege Sint Eustatius",
        "Kiescollege Saba",
        "Kiescollege niet-ingezetenen",
    ]
    assert election_dates(ek).nomination_day == date(2027, 4, 20)


def test_ep2029_has_one_kieskring_and_a_five_year_term() -> None:
    ep = builtin_election("EP2029")
    assert ep.single_kieskring
    assert ep.term_years == 5


def test_ps2027_kieskringen_per_province_and_572_seats_in_total() -> None:
    ps = {e.area_name: e for e in builtin_elections() if e.body is Body.PS}
    assert len(ps) == 12
    counts = {name: len(e.kieskringen) for name, e in ps.items()}
    assert counts["Gelderland"] == 2
    assert counts["Noord-Brabant"] == 2
    assert counts["Zuid-Holland"] == 4
    assert counts["Noord-Holland"] == 3
    assert counts["Limburg"] == 2
    assert all(
        counts[n] == 1
        for n in ps
        if n not in {"Gelderland", "Noord-Brabant", "Zuid-Holland", "Noord-Holland", "Limburg"}
    )
    assert sum(e.seats for e in ps.values()) == 572
    assert ps["Fryslân"].frisian
    assert not ps["Groningen"].frisian
    assert builtin_election("PS2027_Gelderland").area_name == "Gelderland"


def test_ps_limburg_builtin_matches_the_roman_numerals_of_the_ps2023_sample(
    shared_dir: Path,
) -> None:
    sample = election_from_definition(
        _definition(shared_dir, "PS2023/Verkiezingsdefinitie_PS2023_Limburg.eml.xml")
    )
    builtin = provincial_election("Limburg", date(2027, 3, 17))
    assert sample.kieskringen == builtin.kieskringen
    assert [k.number for k in sample.kieskringen] == ["I", "II"]
    assert sample.seats == builtin.seats == 47


def test_eilandsraad_elections_for_the_three_islands() -> None:
    er = {e.area_name: e.seats for e in builtin_elections() if e.body is Body.ER}
    assert er == {"Bonaire": 9, "Sint Eustatius": 5, "Saba": 5}


def test_identifiers_are_unique_and_follow_the_eml_pattern() -> None:
    ids = [e.identifier for e in builtin_elections()]
    assert len(ids) == len(set(ids))
    assert "PS2027_Noord-Holland" in ids
    assert "ER2027_SintEustatius" in ids


def test_an_unknown_identifier_or_province_gives_a_dutch_error() -> None:
    with pytest.raises(InputError, match="onbekende verkiezing 'TK1999'"):
        builtin_election("TK1999")
    with pytest.raises(InputError, match="onbekende provincie"):
        provincial_election("Holland", date(2027, 3, 17))


def test_a_frisian_municipality_may_use_frisian_and_others_may_not() -> None:
    assert len(FRISIAN_MUNICIPALITIES) == 18
    leeuwarden = municipal_election("Súdwest-Fryslân", 31, date(2026, 3, 18), "1900")
    assert leeuwarden.frisian
    assert leeuwarden.identifier == "GR2026_Súdwest-Fryslân"
    assert not municipal_election("Stadskanaal", 23, date(2026, 3, 18)).frisian


def test_municipal_and_waterschap_factories_have_one_kieskring_named_after_the_area() -> None:
    gr = municipal_election("West Maas en Waal", 19, date(2026, 3, 18), "0668")
    assert gr.identifier == "GR2026_WestMaasenWaal"
    assert gr.kieskringen[0].name == "West Maas en Waal"
    assert gr.area_code == "0668"
    ws = waterschap_election("Wetterskip Fryslân", 27, date(2027, 3, 17))
    assert ws.body is Body.AB
    assert ws.frisian
    assert ws.single_kieskring
    with pytest.raises(InputError, match="ten minste 1"):
        municipal_election("Nergens", 0, date(2026, 3, 18))


@pytest.mark.parametrize(
    ("relative", "body", "seats", "kieskringen", "area"),
    [
        ("TK2023/Verkiezingsdefinitie_TK2023.eml.xml", Body.TK, 150, 20, None),
        ("PS2023/Verkiezingsdefinitie_PS2023_Drenthe.eml.xml", Body.PS, 43, 1, "Drenthe"),
        ("PS2023/Verkiezingsdefinitie_PS2023_Gelderland.eml.xml", Body.PS, 55, 2, "Gelderland"),
        ("PS2023/Verkiezingsdefinitie_PS2023_Limburg.eml.xml", Body.PS, 47, 2, "Limburg"),
        ("AB2023_Limburg/Verkiezingsdefinitie_AB2023_Limburg.eml.xml", Body.AB, 26, 1, "Limburg"),
        (
            "GR2026_Stadskanaal/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml",
            Body.GR,
            23,
            1,
            "Stadskanaal",
        ),
    ],
)
def test_every_real_110a_sample_maps_to_an_election_with_its_j1_nomination_day(
    shared_dir: Path, relative: str, body: Body, seats: int, kieskringen: int, area: str | None
) -> None:
    election = election_from_definition(_definition(shared_dir, relative))
    assert election.body is body
    assert election.seats == seats
    assert len(election.kieskringen) == kieskringen
    assert election.area_name == area
    assert election.nomination_date is not None
    # The nomination date in the file is the one J 1 gives.
    assert election_dates(election).nomination_day == election.nomination_date
    assert (election.election_date - election.nomination_date).days == 44


def test_the_gelderland_sample_keeps_its_kieskring_names(shared_dir: Path) -> None:
    election = election_from_definition(
        _definition(shared_dir, "PS2023/Verkiezingsdefinitie_PS2023_Gelderland.eml.xml")
    )
    assert [(k.number, k.name) for k in election.kieskringen] == [
        ("1", "Arnhem"),
        ("2", "Nijmegen"),
    ]
    assert election.kieskringen == provincial_election("Gelderland", date(2027, 3, 17)).kieskringen


def test_a_110a_of_another_category_is_refused_in_dutch(shared_dir: Path) -> None:
    defn = _definition(
        shared_dir, "GR2026_Stadskanaal/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml"
    )
    other = type(defn)(
        envelope=defn.envelope,
        election=type(defn.election)(
            id="BC2026_X", name="x", category="BC", election_date="2026-03-18"
        ),
        contest_id=defn.contest_id,
        seats=defn.seats,
        preference_threshold=None,
        regions=defn.regions,
    )
    with pytest.raises(InputError, match="verkiezingssoort 'BC' wordt niet ondersteund"):
        election_from_definition(other)
    bad_date = type(defn)(
        envelope=defn.envelope,
        election=type(defn.election)(
            id="GR2026_X", name="x", category="GR", election_date="18-03-2026"
        ),
        contest_id=defn.contest_id,
        seats=defn.seats,
        preference_threshold=None,
        regions=defn.regions,
    )
    with pytest.raises(InputError, match="ElectionDate '18-03-2026' is geen geldige datum"):
        election_from_definition(bad_date)
