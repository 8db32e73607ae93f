"""``kandidaat telling`` as a gemeentelijk stembureau runs it, with Juinen's files and CSVs."""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING

from juinen_count import juinen_files
from test_telling_juinen import HAND

from kandidaat.app.cli import main
from kandidaat.app.count.entry_csv import figures_to_csv
from kandidaat.domain.count.figures import ListFigures

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

    from kandidaat.domain.count.figures import StationFigures


def _new(shared: Path, tmp_path: Path) -> Path:
    definition, stations, lists = juinen_files(shared)
    path = tmp_path / "juinen.tel"
    args = ["telling", "new", str(path), "--election", str(definition)]
    args += ["--stembureaus", str(stations), "--lijsten", str(lists), "--coordinator", "Carla"]
    assert main(args) == 0
    return path


def _csv(tmp_path: Path, name: str, figures: StationFigures) -> str:
    file = tmp_path / name
    file.write_text(figures_to_csv(figures), encoding="utf-8")
    return str(file)


def _enter(path: Path, station: int, slot: int, typist: str, csv: str, *extra: str) -> int:
    args = ["telling", "invoer", str(path), "--stembureau", str(station), "--invoer", str(slot)]
    return main([*args, "--invoerder", typist, "--csv", csv, *extra])


def _moved_vote(figures: StationFigures) -> StationFigures:
    """Station 1 with list 1 candidate 2's 30 votes typed on the row of candidate 3."""
    first = figures.lists[0]
    votes = dict(first.candidates)
    votes[2], votes[3] = 0, votes[3] + votes[2]
    moved = ListFigures(first.number, first.total, tuple(sorted(votes.items())))
    return dataclasses.replace(figures, lists=(moved, *figures.lists[1:]))


def test_all_juinen_stations_entered_twice_from_csv_export_a_510b_with_its_hash_code(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _new(shared_dir, tmp_path)
    assert "3 stembureau(s), 4 lijst(en)" in capsys.readouterr().out
    session = ["telling", "zitting", str(path), "--datum", "2025-08-30", "--plaats", "Stadhuis"]
    assert main([*session, "--lid", "Carla", "--lid", "Dirk", "--coordinator", "Carla"]) == 0
    for station, figures in HAND.items():
        csv = _csv(tmp_path, f"sb{station}.csv", figures)
        assert _enter(path, station, 1, "Anna", csv) == 0
        assert _enter(path, station, 2, "Bert", csv) == 0
        assert "De twee invoeren zijn gelijk" in capsys.readouterr().out
    assert main(["telling", "verschillen", str(path)]) == 0
    assert "3 klaar, 0 met verschillen" in capsys.readouterr().out
    out_dir = tmp_path / "uit"
    assert (
        main(["telling", "export", str(path), "--out", str(out_dir), "--coordinator", "Carla"]) == 0
    )
    out = capsys.readouterr().out
    assert "Telling_GR2025_Juinen.eml.xml" in out
    code = out.split("Hashcode (SHA-256): ")[1].strip()
    assert main(["eml", "hash", str(out_dir / "Telling_GR2025_Juinen.eml.xml")]) == 0
    assert code in capsys.readouterr().out
    assert main(["telling", "log", str(path)]) == 0
    log = capsys.readouterr().out
    assert "Anna  invoer 1 van stembureau 3" in log
    assert "Bert  invoer 2 van stembureau 3" in log
    assert f"EML 510b geschreven: Telling_GR2025_Juinen.eml.xml, hashcode {code}" in log
    assert "Het logboek is intact: 9 regel(s)" in log  # new, zitting, 6 entries, export


def test_two_entries_differing_in_one_candidates_figure_are_shown_and_block_the_export(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _new(shared_dir, tmp_path)
    for station, figures in HAND.items():
        assert _enter(path, station, 1, "Anna", _csv(tmp_path, f"a{station}.csv", figures)) == 0
        second = _moved_vote(figures) if station == 1 else figures
        assert _enter(path, station, 2, "Bert", _csv(tmp_path, f"b{station}.csv", second)) == 0
    out = capsys.readouterr().out
    # The typist learns only that the entries differ, not the other entry's figures.
    assert "De twee invoeren verschillen op 2 veld(en)" in out
    assert "invoer 1 30" not in out
    assert main(["telling", "verschillen", str(path)]) == 1
    shown = capsys.readouterr().out
    assert "2 klaar, 1 met verschillen" in shown
    assert "stembureau 1 Studio The Rules: verschil: de coördinator beslist" in shown
    assert "  lijst 1 kandidaat 2: invoer 1 30, invoer 2 0" in shown
    assert "  lijst 1 kandidaat 3: invoer 1 5, invoer 2 35" in shown
    assert main(["telling", "verschillen", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["klaar"] is False
    assert [s["status"] for s in data["stembureaus"]] == ["different", "agreed", "agreed"]
    assert data["stembureaus"][0]["invoerders"] == ["Anna", "Bert"]
    assert data["stembureaus"][0]["verschillen"] == [
        {"veld": "lijst 1 kandidaat 2", "invoer_1": 30, "invoer_2": 0},
        {"veld": "lijst 1 kandidaat 3", "invoer_1": 5, "invoer_2": 35},
    ]
    out_dir = tmp_path / "uit"
    assert main(["telling", "export", str(path), "--out", str(out_dir)]) == 1
    assert "stembureau 1: verschil" in capsys.readouterr().err
    assert not out_dir.exists() or not any(out_dir.iterdir())
    # The coordinator keeps entry 1; entry 2 is typed again by someone other than Anna.
    decision = ["telling", "besluit", str(path), "--stembureau", "1", "--houd", "1"]
    assert main([*decision, "--coordinator", "Carla"]) == 0
    assert main(["telling", "verschillen", str(path)]) == 1
    assert "stembureau 1 Studio The Rules: wacht op invoer 2" in capsys.readouterr().out
    again = _csv(tmp_path, "c1.csv", HAND[1])
    assert _enter(path, 1, 2, "Anna", again) == 2
    assert "twee verschillende invoerders" in capsys.readouterr().err
    assert _enter(path, 1, 2, "Dirk", again) == 0
    assert main(["telling", "export", str(path), "--out", str(out_dir)]) == 0
    assert main(["telling", "log", str(path)]) == 0
    assert "besluit over stembureau 1: invoer 1 behouden (2 veld(en) verschilden)" in (
        capsys.readouterr().out
    )


def test_a_typist_cannot_do_both_entries_of_a_station(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _new(shared_dir, tmp_path)
    csv = _csv(tmp_path, "sb1.csv", HAND[1])
    assert _enter(path, 1, 1, "Anna de Vries", csv) == 0
    assert _enter(path, 1, 2, "Anna de Vries", csv) == 2
    err = capsys.readouterr().err
    assert "Anna de Vries heeft invoer 1 van stembureau 1 al gedaan" in err
    assert "er is niets opgeslagen" in err


def test_a_typo_in_one_candidate_is_caught_by_the_list_total_and_nothing_is_stored(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _new(shared_dir, tmp_path)
    figures = HAND[3]
    first = figures.lists[0]
    typo = ListFigures(first.number, first.total, ((1, 61), *first.candidates[1:]))  # 60 on paper
    wrong = dataclasses.replace(figures, lists=(typo, *figures.lists[1:]))
    assert _enter(path, 3, 1, "Anna", _csv(tmp_path, "sb3.csv", wrong)) == 1
    out = capsys.readouterr().out
    assert "fout [count-list-candidates-sum] lijst 1:" in out
    assert "(61) tellen niet op tot het lijsttotaal (60)" in out
    assert "er is niets opgeslagen" in out
    assert main(["telling", "verschillen", str(path)]) == 1
    assert "stembureau 3 De Positivozaal: nog niet ingevoerd" in capsys.readouterr().out


def test_a_warning_needs_a_confirmation_that_is_logged(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _new(shared_dir, tmp_path)
    # Station 3 with 5 blank of H = 150 instead of 2: 3.3% blank; E 145 - 3 = 142 on lists.
    figures = HAND[3]
    totals = dict(figures.totals) | {"blanco": 5, "stemmen op lijsten": 142}
    last = figures.lists[3]
    fewer = ListFigures(4, 7, tuple((p, 7 if p == 3 else v) for p, v in last.candidates))
    blank = dataclasses.replace(
        figures, totals=tuple(totals.items()), lists=(*figures.lists[:3], fewer)
    )
    csv = _csv(tmp_path, "sb3.csv", blank)
    assert _enter(path, 3, 1, "Anna", csv) == 1
    out = capsys.readouterr().out
    assert "waarschuwing [count-many-blank] blanco: 5 blanco stembiljetten" in out
    assert "--bevestig CODE" in out
    assert _enter(path, 3, 1, "Anna", csv, "--bevestig", "count-no-such") == 2
    assert "deze invoer heeft die waarschuwing niet" in capsys.readouterr().err
    assert _enter(path, 3, 1, "Anna", csv, "--bevestig", "count-many-blank") == 0
    assert main(["telling", "log", str(path)]) == 0
    log = capsys.readouterr().out
    assert "invoer 1 van stembureau 3, waarschuwingen bevestigd: count-many-blank" in log


def test_a_csv_without_a_candidate_and_with_a_wrong_number_names_both_and_stores_nothing(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _new(shared_dir, tmp_path)
    lines = figures_to_csv(HAND[1]).splitlines()
    lines = [line for line in lines if line != "kandidaat;4;50;0"]
    lines[1] = "stempassen;;;twee"
    file = tmp_path / "kapot.csv"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _enter(path, 1, 1, "Anna", str(file)) == 2
    err = capsys.readouterr().err
    assert "kapot.csv, regel 2, stempassen: 'twee' is geen geheel getal" in err
    assert "deze velden ontbreken: lijst 4 kandidaat 50" in err
    assert "er is niets opgeslagen" in err
    assert main(["telling", "log", str(path)]) == 0
    assert "intact: 1 regel(s)" in capsys.readouterr().out


def test_files_of_two_elections_are_refused_when_the_workspace_is_made(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    definition, _, lists = juinen_files(shared_dir)
    other = shared_dir / "eml_nl/fixtures/abacus/e2e_eml110b_test_420_polling_stations.eml.xml"
    path = tmp_path / "x.tel"
    args = ["telling", "new", str(path), "--election", str(definition), "--stembureaus"]
    assert main([*args, str(other), "--lijsten", str(lists), "--coordinator", "Carla"]) == 2
    assert "hoort bij verkiezing GR2022_Test" in capsys.readouterr().err
    assert not path.exists()
