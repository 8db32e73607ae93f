"""An investigation (onderzoek) in a later session keeps the first result and shows what changed."""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import TYPE_CHECKING

from juinen_count import juinen_files
from test_telling_cli import _csv, _enter, _moved_vote, _new
from test_telling_juinen import HAND

from kandidaat.app.cli import main
from kandidaat.domain.count.figures import ListFigures
from kandidaat.domain.election import CountRecord
from kandidaat.eml.documents import read_path
from kandidaat.eml.safe_xml import parse_file
from kandidaat.eml.schema import SchemaSet
from kandidaat.store.count import CountWorkspace

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

    from kandidaat.domain.count.figures import StationFigures


def _session(path: Path, reason: str) -> None:
    args = ["telling", "zitting", str(path), "--datum", "2025-09-01", "--plaats", "Stadhuis"]
    assert main([*args, "--lid", "Carla", "--reden", reason, "--coordinator", "Carla"]) == 0


def _complete(shared: Path, tmp_path: Path) -> Path:
    path = _new(shared, tmp_path)
    _session(path, "eerste zitting")
    for station, figures in HAND.items():
        csv = _csv(tmp_path, f"sb{station}.csv", figures)
        assert _enter(path, station, 1, "Anna", csv) == 0
        assert _enter(path, station, 2, "Bert", csv) == 0
    return path


def _recounted() -> StationFigures:
    """Station 2 after the recount: one of the two 'taken away' ballots was for list 1 no. 1."""
    figures = HAND[2]
    first = figures.lists[0]
    recounted = ListFigures(1, 202, ((1, 201), *first.candidates[1:]))
    totals = dict(figures.totals) | {"stemmen op lijsten": 407, "uitgebrachte stemmen": 412}
    differences = dict(figures.differences) | {"minder geteld": 1, "meegenomen": 1}
    return dataclasses.replace(
        figures,
        totals=tuple(totals.items()),
        differences=tuple(differences.items()),
        lists=(recounted, *figures.lists[1:]),
    )


def test_a_reopened_station_is_typed_again_and_the_table_shows_what_changed(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _complete(shared_dir, tmp_path)
    research = ["telling", "onderzoek", str(path), "--stembureau", "2", "--coordinator", "Carla"]
    research += ["--soort", "andere-fout"]
    assert main([*research, "--reden", "twee meegenomen stembiljetten"]) == 2
    assert "hoort in een latere zitting" in capsys.readouterr().err
    _session(path, "onderzoek stembureau 2")
    assert main([*research, "--reden", "twee meegenomen stembiljetten"]) == 0
    assert main(["telling", "verschillen", str(path)]) == 1
    shown = capsys.readouterr().out
    assert (
        "stembureau 2 De Mattenklopper: nog niet ingevoerd "
        "(onderzoek in zitting 2: twee meegenomen stembiljetten)"
    ) in shown
    assert main(["telling", "export", str(path), "--out", str(tmp_path / "uit")]) == 1
    csv = _csv(tmp_path, "sb2-herteld.csv", _recounted())
    assert _enter(path, 2, 1, "Dirk", csv) == 0
    assert _enter(path, 2, 2, "Anna", csv) == 0
    capsys.readouterr()
    assert main(["telling", "tabel", str(path)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].startswith("stembureau;naam;status;invoer 1;invoer 2;toegelaten kiezers (D)")
    row = next(line for line in table if line.startswith("2;"))
    assert row.startswith("2;De Mattenklopper;klaar;Dirk;Anna;413;412;4;1;202;150;30;25;")
    assert (
        "zitting 2: twee meegenomen stembiljetten (gewijzigd: stemmen op lijsten: 406 -> 407" in row
    )
    assert "lijst 1 kandidaat 1: 200 -> 201" in row
    assert main(["telling", "export", str(path), "--out", str(tmp_path / "uit")]) == 0
    record = read_path(tmp_path / "uit" / "Telling_GR2025_Juinen.eml.xml")
    assert isinstance(record, CountRecord)
    assert record.units[1].counts.lists[0].votes == 202
    assert record.total is not None
    assert record.total.lists[0].votes == 155 + 202 + 60
    (investigation,) = record.units[1].trailing_xml
    assert 'ReasonCode="onderzocht vanwege andere fout">true<' in investigation
    assert 'ReasonCode="onderzocht vanwege onverklaard verschil">false<' in investigation
    assert 'ReasonCode="uitslag gecorrigeerd">true<' in investigation
    assert record.units[0].trailing_xml == ()
    written = tmp_path / "uit" / "Telling_GR2025_Juinen.eml.xml"
    assert SchemaSet(shared_dir / "eml_nl" / "xsd").validate(parse_file(written), "510b") == []
    _, stations, lists = juinen_files(shared_dir)
    assert main(["eml", "check", str(written), str(lists), str(stations)]) == 0
    assert f"{written.name}: EML 510b, in orde" in capsys.readouterr().out
    with CountWorkspace.open(path) as workspace:
        (earlier,) = workspace.earlier_results()
    assert earlier.figures == HAND[2]
    assert (earlier.agreed_in, earlier.reopened_in) == (1, 2)
    assert main(["telling", "log", str(path)]) == 0
    assert "onderzoek van stembureau 2 in zitting 2: twee meegenomen stembiljetten" in (
        capsys.readouterr().out
    )


def test_the_table_names_the_fields_where_the_two_entries_differed(
    shared_dir: Path, tmp_path: Path
) -> None:
    path = _new(shared_dir, tmp_path)
    assert _enter(path, 1, 1, "Anna", _csv(tmp_path, "a.csv", HAND[1])) == 0
    assert _enter(path, 1, 2, "Bert", _csv(tmp_path, "b.csv", _moved_vote(HAND[1]))) == 0
    decision = ["telling", "besluit", str(path), "--stembureau", "1", "--houd", "1"]
    assert main([*decision, "--coordinator", "Carla"]) == 0
    assert _enter(path, 1, 2, "Dirk", _csv(tmp_path, "c.csv", HAND[1])) == 0
    table = tmp_path / "tabel.csv"
    assert main(["telling", "tabel", str(path), "--csv", str(table)]) == 0
    rows = table.read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("1;Studio The Rules;klaar;Anna;Dirk;299;299;3;2;155;87;40;12;")
    assert rows[1].endswith(";lijst 1 kandidaat 2: 30/0, lijst 1 kandidaat 3: 5/35;")
    assert rows[2] == "2;De Mattenklopper;nog niet ingevoerd;;;;;;;;;;;;"


def test_a_workspace_of_schema_version_1_is_migrated_on_opening(
    shared_dir: Path, tmp_path: Path
) -> None:
    path = _complete(shared_dir, tmp_path)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("DROP TABLE earlier_result")
    raw.execute("DROP TABLE entry_draft")  # migration 4 (ADR 0139)
    raw.execute("PRAGMA user_version = 1")
    raw.close()
    with CountWorkspace.open(path) as workspace:
        assert workspace.earlier_results() == ()
        assert len(workspace.entries()) == 6
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone() == (4,)
    columns = [row[1] for row in raw.execute("PRAGMA table_info(earlier_result)")]
    assert columns[-1] == "kind"
    raw.close()
