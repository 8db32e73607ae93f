"""What ``kandidaat telling`` refuses, in Dutch, without changing or losing anything."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

import pytest
from test_telling_cli import _csv, _enter, _new
from test_telling_juinen import HAND

from kandidaat.app.cli import main

if TYPE_CHECKING:
    from pathlib import Path


def _complete(shared: Path, tmp_path: Path) -> Path:
    path = _new(shared, tmp_path)
    for station, figures in HAND.items():
        csv = _csv(tmp_path, f"sb{station}.csv", figures)
        assert _enter(path, station, 1, "Anna", csv) == 0
        assert _enter(path, station, 2, "Bert", csv) == 0
    return path


def test_a_tampered_log_is_shown_broken_and_other_commands_refuse_the_file(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _complete(shared_dir, tmp_path)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("UPDATE audit_log SET actor = 'Iemand anders' WHERE seq = 2")
    raw.close()
    capsys.readouterr()
    assert main(["telling", "log", str(path)]) == 1
    out = capsys.readouterr().out
    assert "HET LOGBOEK IS NIET INTACT" in out
    assert "regel 2 van het logboek (invoer" in out
    assert main(["telling", "export", str(path), "--out", str(tmp_path / "uit")]) == 2
    assert "het logboek is niet intact" in capsys.readouterr().err
    assert not (tmp_path / "uit").exists()


def test_the_same_count_exported_twice_gives_the_same_bytes(
    shared_dir: Path, tmp_path: Path
) -> None:
    path = _complete(shared_dir, tmp_path)
    assert main(["telling", "export", str(path), "--out", str(tmp_path / "een")]) == 0
    assert main(["telling", "export", str(path), "--out", str(tmp_path / "twee")]) == 0
    name = "Telling_GR2025_Juinen.eml.xml"
    assert (tmp_path / "een" / name).read_bytes() == (tmp_path / "twee" / name).read_bytes()


def test_an_out_folder_that_is_a_file_is_refused_and_the_file_kept(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _complete(shared_dir, tmp_path)
    blocker = tmp_path / "uit"
    blocker.write_text("van de gebruiker", encoding="utf-8")
    assert main(["telling", "export", str(path), "--out", str(blocker)]) == 2
    assert "is een bestand, geen map" in capsys.readouterr().err
    assert blocker.read_text(encoding="utf-8") == "van de gebruiker"


def test_a_station_not_on_the_110b_and_a_wrong_slot_are_refused(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _new(shared_dir, tmp_path)
    csv = _csv(tmp_path, "sb1.csv", HAND[1])
    assert _enter(path, 9, 1, "Anna", csv) == 2
    assert "stembureau 9 staat niet in de stembureaulijst (110b)" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:
        _enter(path, 1, 3, "Anna", csv)
    assert stopped.value.code == 2
    assert "kies 1 (eerste) of 2 (tweede invoer)" in capsys.readouterr().err
    with pytest.raises(SystemExit) as too_long:
        _enter(path, int("9" * 10), 1, "Anna", csv)
    assert too_long.value.code == 2
    assert "geen stembureaunummer" in capsys.readouterr().err


def test_a_decision_without_two_differing_entries_is_refused(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _complete(shared_dir, tmp_path)
    decision = ["telling", "besluit", str(path), "--stembureau", "2", "--houd", "opnieuw"]
    assert main([*decision, "--coordinator", "Carla"]) == 2
    assert "stembureau 2: klaar; alleen twee verschillende invoeren vragen een besluit" in (
        capsys.readouterr().err
    )
    assert main(["telling", "verschillen", str(path)]) == 0


def test_a_session_with_a_control_character_or_without_members_is_refused(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _new(shared_dir, tmp_path)
    session = ["telling", "zitting", str(path), "--datum", "2025-08-30", "--coordinator", "C"]
    assert main([*session, "--plaats", "Stadhuis\x07", "--lid", "C"]) == 2
    assert "--plaats: de tekst bevat een stuurteken" in capsys.readouterr().err
    assert main([*session, "--plaats", "Stadhuis"]) == 2
    assert "--lid: geef de aanwezige leden" in capsys.readouterr().err
    assert main(["telling", "log", str(path)]) == 0
    assert "intact: 1 regel(s)" in capsys.readouterr().out


def test_a_workspace_name_without_tel_is_refused_and_nothing_is_made(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from juinen_count import juinen_files  # noqa: PLC0415

    definition, stations, lists = juinen_files(shared_dir)
    path = tmp_path / "juinen.csb"
    args = ["telling", "new", str(path), "--election", str(definition), "--stembureaus"]
    assert main([*args, str(stations), "--lijsten", str(lists), "--coordinator", "C"]) == 2
    assert "een telbestand heet ....tel" in capsys.readouterr().err
    assert not path.exists()
