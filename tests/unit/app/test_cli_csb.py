"""``kandidaat csb`` as a committee member runs it: new, register, import, examine, log."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "csb"))
from csb_samples import people, write_210

from kandidaat.app.cli import main


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "tk.csb"
    assert main(["csb", "new", str(path), "--election", "TK2025", "--lid", "Anna Jansen"]) == 0
    return path


def test_new_import_examine_and_log_of_two_parties_sharing_a_candidate(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = people("Gedeeld", 1)
    first, code_a = write_210(tmp_path, "a.eml.xml", "Partij A", shared + people("Aa", 2))
    second, code_b = write_210(tmp_path, "b.eml.xml", "Partij B", people("Bb", 2) + shared)
    for file, code in ((first, code_a), (second, code_b)):
        args = ["csb", "import", str(workspace), str(file), "--hashcode", code]
        args += ["--lid", "Bert de Vries", "--ontvangen", "2025-09-15 16:59"]
        assert main(args) == 0
    capsys.readouterr()
    assert main(["csb", "examine", str(workspace), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    cross = [f for f in data["findings"] if f["code"] == "candidate-on-lists-of-two-submissions"]
    assert [(f["submission"], f["party"], f["candidate"]) for f in cross] == [
        (1, "Partij A", "Gedeeldaa, A. (plaats 1)"),
        (2, "Partij B", "Gedeeldaa, A. (plaats 3)"),
    ]
    assert main(["csb", "log", str(workspace)]) == 0
    out = capsys.readouterr().out
    assert "Anna Jansen  werkbestand aangemaakt voor TK2025" in out
    assert "Bert de Vries  inlevering 2 ontvangen: b.eml.xml (Partij B" in out
    assert "Het logboek is intact: 3 regel(s)" in out


def test_a_wrong_hash_code_exits_2_in_dutch_and_stores_nothing(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file, _ = write_210(tmp_path, "a.eml.xml", "Partij A", people("Aa", 2))
    args = ["csb", "import", str(workspace), str(file), "--hashcode", "0000 0000", "--lid", "B"]
    assert main(args) == 2
    assert "komt niet overeen" in capsys.readouterr().err
    assert main(["csb", "log", str(workspace)]) == 0
    assert "intact: 1 regel(s)" in capsys.readouterr().out


def test_a_change_without_lid_is_refused_by_the_parser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["csb", "new", str(tmp_path / "x.csb"), "--election", "TK2025"])
    assert stopped.value.code == 2
    assert "--lid" in capsys.readouterr().err
    assert not (tmp_path / "x.csb").exists()


def test_a_time_of_receipt_in_another_format_is_refused(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file, code = write_210(tmp_path, "a.eml.xml", "Partij A", people("Aa", 2))
    with pytest.raises(SystemExit) as stopped:
        main(["csb", "import", str(workspace), str(file), "--hashcode", code, "--lid", "B",
              "--ontvangen", "15-09-2025 17:00"])  # fmt: skip
    assert stopped.value.code == 2
    assert "JJJJ-MM-DD UU:MM" in capsys.readouterr().err


def test_a_tampered_log_is_shown_broken_with_exit_1_and_other_commands_refuse_it(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = sqlite3.connect(workspace, isolation_level=None)
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("UPDATE audit_log SET actor = 'Iemand anders' WHERE seq = 1")
    raw.close()
    capsys.readouterr()
    assert main(["csb", "log", str(workspace)]) == 1
    out = capsys.readouterr().out
    assert "HET LOGBOEK IS NIET INTACT" in out
    assert "regel 1 van het logboek (aangemaakt" in out
    assert main(["csb", "examine", str(workspace)]) == 2
    assert "het logboek is niet intact" in capsys.readouterr().err


def test_register_from_csv_and_a_broken_csv_exit_2(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "r.csv"
    good.write_text("aanduiding;stemmen;zetels\nPartij A;100;1\n", encoding="utf-8")
    assert main(["csb", "register", str(workspace), "--csv", str(good), "--lid", "C"]) == 0
    assert "1 aanduiding(en)" in capsys.readouterr().out
    bad = tmp_path / "s.csv"
    bad.write_text("aanduiding;stemmen;zetels\nPartij A;-4;1\n", encoding="utf-8")
    assert main(["csb", "register", str(workspace), "--csv", str(bad), "--lid", "C"]) == 2
    assert "s.csv, regel 2, kolom stemmen" in capsys.readouterr().err


def test_a_party_project_is_not_a_csb_workspace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "partij.kandidaat"
    assert main(["new", str(project), "--election", "TK2025", "--aanduiding", "Partij A"]) == 0
    before = project.read_bytes()
    assert main(["csb", "examine", str(project)]) == 2
    assert "is geen CSB-werkbestand" in capsys.readouterr().err
    assert project.read_bytes() == before


def test_ontvangst_records_documents_and_shows_the_checklist(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file, code = write_210(tmp_path, "a.eml.xml", "Partij A", people("Aa", 2))
    args = ["csb", "import", str(workspace), str(file), "--hashcode", code, "--lid", "B"]
    assert main([*args, "--ontvangen", "2025-09-15 11:00"]) == 0
    capsys.readouterr()
    args = ["csb", "ontvangst", str(workspace), "1", "--stuk", "H1", "--stuk", "H9=2"]
    assert main([*args, "--lid", "Carla", "--ontvangen", "2025-09-15 11:05"]) == 0
    out = capsys.readouterr().out
    assert "2 stuk(ken) vastgelegd bij inlevering 1." in out
    assert "[x] instemmingsverklaringen (H 9): 2 stuks, 15-09-2025 11:05 (Carla)" in out
    assert main(["csb", "ontvangst", str(workspace), "1", "--stuk", "H12"]) == 2
    assert "--lid" in capsys.readouterr().err
    assert main(["csb", "ontvangst", str(workspace), "1"]) == 0
    assert "[ ] bewijs van betaling waarborgsom (H 12): niet ingeleverd" in capsys.readouterr().out
