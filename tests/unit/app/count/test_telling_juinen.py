"""Juinen entered end to end through the use cases the desktop application calls, to EML 510b.

The figures are written by hand (and, for the second test, made by a rule from the
station number); the expected totals are added up by hand or by that rule in the
test. The 510b is read back by ``kandidaat eml check`` with the 230b and the 110b,
and validated against the official XSD; ``kandidaat uitslag`` totals it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from juinen_count import LIST_SIZES, STATIONS, juinen_files, new_juinen, proces_verbaal

from kandidaat.app.cli import main
from kandidaat.app.count.entering import enter
from kandidaat.app.count.exporting import export
from kandidaat.app.count.progress import overview
from kandidaat.domain.count.figures import ListFigures, StationFigures
from kandidaat.domain.election import CountRecord
from kandidaat.eml.canonical import hash_code
from kandidaat.eml.documents import read_path
from kandidaat.eml.safe_xml import parse_file
from kandidaat.eml.schema import SchemaSet

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

    from kandidaat.store.count import CountWorkspace

HAND = {
    # Station 1: D = 290 + 9 = 299; E = 155 + 87 + 40 + 12 = 294; H = 294 + 3 + 2 = 299.
    1: proces_verbaal(
        voters=(290, 9, 0, 299),
        ballots=(294, 3, 2, 299),
        list_totals={1: 155, 2: 87, 3: 40, 4: 12},
        votes={(1, 1): 120, (1, 2): 30, (1, 3): 5, (2, 1): 80, (2, 4): 7, (3, 1): 40, (4, 2): 12},
    ),
    # Station 2: D = 400 + 11 + 2 = 413; E = 201 + 150 + 30 + 25 = 406; H = 406 + 4 + 1 = 411:
    # 2 fewer ballots than voters, both taken away (meegenomen).
    2: proces_verbaal(
        voters=(400, 11, 2, 413),
        ballots=(406, 4, 1, 411),
        list_totals={1: 201, 2: 150, 3: 30, 4: 25},
        votes={
            (1, 1): 200,
            (1, 8): 1,
            (2, 1): 100,
            (2, 6): 50,
            (3, 30): 30,
            (4, 1): 20,
            (4, 50): 5,
        },
        differences={"minder geteld": 2, "meegenomen": 2},
    ),
    # Station 3: D = 150 + 0 + 0 = 150; E = 60 + 40 + 35 + 10 = 145; H = 145 + 2 + 3 = 150.
    3: proces_verbaal(
        voters=(150, 0, 0, 150),
        ballots=(145, 2, 3, 150),
        list_totals={1: 60, 2: 40, 3: 35, 4: 10},
        votes={(1, 1): 60, (2, 2): 40, (3, 1): 20, (3, 2): 15, (4, 3): 10},
    ),
}


def _enter_twice(workspace: CountWorkspace, figures: dict[int, StationFigures]) -> None:
    """Anna types entry 1 and Bert entry 2 of every station, as the window would."""
    for station, pv in figures.items():
        first = enter(workspace, station, 1, "Anna Invoerder", pv)
        assert first.stored, first.findings
        assert first.differing is None
        second = enter(workspace, station, 2, "Bert Invoerder", pv)
        assert second.stored
        assert second.differing == 0


def _check_with_eml_check(shared: Path, written: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The 510b read back by 'kandidaat eml check' with the 230b and the 110b: in orde."""
    _, stations, lists = juinen_files(shared)
    capsys.readouterr()
    code = main(["eml", "check", str(written), str(lists), str(stations)])
    out = capsys.readouterr().out
    assert f"{written.name}: EML 510b, in orde" in out, out
    assert code == 0
    schemas = SchemaSet(shared / "eml_nl" / "xsd")
    assert schemas.validate(parse_file(written), "510b") == []


def test_juinen_with_hand_written_figures_becomes_a_510b_with_the_hand_added_totals(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = new_juinen(shared_dir, tmp_path / "juinen.tel")
    with workspace:
        _enter_twice(workspace, HAND)
        assert overview(workspace).complete
        written = export(workspace, tmp_path / "uit", "Carla Coördinator")
    assert written.path.name == "Telling_GR2025_Juinen.eml.xml"
    assert written.hash_code == hash_code(written.path.read_bytes())
    record = read_path(written.path)
    assert isinstance(record, CountRecord)
    assert record.envelope.authority_id == "0042"
    assert [u.id for u in record.units] == ["0042::SB1", "0042::SB2", "0042::SB3"]
    total = record.total
    assert total is not None
    # Lists: 155 + 201 + 60, 87 + 150 + 40, 40 + 30 + 35, 12 + 25 + 10.
    assert [item.votes for item in total.lists] == [416, 277, 105, 47]
    votes = {(item.number, p): v for item in total.lists for p, v in item.candidate_votes}
    assert votes[(1, 1)] == 120 + 200 + 60
    assert votes[(3, 1)] == 40 + 20
    assert votes[(4, 50)] == 5
    assert votes[(2, 5)] == 0
    assert total.total_counted == 294 + 406 + 145
    assert dict(total.rejected) == {"blanco": 3 + 4 + 2, "ongeldig": 2 + 1 + 3}
    uncounted = dict(total.uncounted)
    assert uncounted["toegelaten kiezers"] == 299 + 413 + 150
    assert uncounted["geldige kiezerspassen"] == 2
    assert uncounted["minder getelde stembiljetten"] == 2
    assert uncounted["meegenomen stembiljetten"] == 2
    assert total.cast == 3353  # MaxVotes of the 110b
    _check_with_eml_check(shared_dir, written.path, capsys)
    definition, _, lists = juinen_files(shared_dir)
    assert main(["uitslag", str(definition), str(lists), str(written.path)]) == 0
    out = capsys.readouterr().out
    assert "Stemcijfers (totaal 845):" in out  # 416 + 277 + 105 + 47
    assert "Blanco stemmen: 9; ongeldige stemmen: 6" in out


def _by_rule(station: int) -> StationFigures:
    """Figures made from the station number: candidate (l, p) has (7n + 3l + p) % 11 votes."""
    lists = tuple(
        ListFigures(
            number,
            sum((7 * station + 3 * number + p) % 11 for p in range(1, size + 1)),
            tuple((p, (7 * station + 3 * number + p) % 11) for p in range(1, size + 1)),
        )
        for number, size in LIST_SIZES.items()
    )
    valid = sum(item.total for item in lists)
    blank, invalid = station % 4, station % 3
    cast = valid + blank + invalid
    return StationFigures(
        totals=(
            ("stempassen", cast - station),
            ("volmachtbewijzen", station),
            ("kiezerspassen", 0),
            ("toegelaten kiezers", cast),
            ("stemmen op lijsten", valid),
            ("blanco", blank),
            ("ongeldig", invalid),
            ("uitgebrachte stemmen", cast),
        ),
        differences=tuple(
            (name, 0)
            for name in (
                "meer geteld",
                "minder geteld",
                "meegenomen",
                "te weinig uitgereikt",
                "te veel uitgereikt",
                "geen verklaring",
                "andere verklaring",
            )
        ),
        lists=lists,
    )


def test_every_juinen_station_entered_with_figures_by_rule_adds_up_to_the_rules_totals(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = new_juinen(shared_dir, tmp_path / "juinen.tel")
    with workspace:
        stations = [s.number for s in workspace.stations()]
        assert stations == list(STATIONS)
        _enter_twice(workspace, {n: _by_rule(n) for n in stations})
        written = export(workspace, tmp_path / "uit", None)
    record = read_path(written.path)
    assert isinstance(record, CountRecord)
    assert record.total is not None
    for item in record.total.lists:
        for position, counted in item.candidate_votes:
            expected = sum((7 * n + 3 * item.number + position) % 11 for n in STATIONS)
            assert counted == expected, (item.number, position)
    assert dict(record.total.rejected)["blanco"] == 1 + 2 + 3
    assert dict(record.total.rejected)["ongeldig"] == 1 + 2 + 0
    _check_with_eml_check(shared_dir, written.path, capsys)
