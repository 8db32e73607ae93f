"""``kandidaat csb number``: the committee numbers the lists; a tie stops, asks and replays."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from csb_samples import people, write_210

from kandidaat.app.cli import main

ALL = tuple(str(n) for n in range(1, 21))


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """TK2025 with a register and four submissions (Kiesraad TK2025 calendar: 15 September)."""
    path = tmp_path / "tk.csb"
    assert main(["csb", "new", str(path), "--election", "TK2025", "--lid", "Anna Jansen"]) == 0
    register = tmp_path / "register.csv"
    register.write_text(
        "aanduiding;stemmen;zetels\nPartij Groot;2000000;30\nPartij Klein;150000;2\n",
        encoding="utf-8",
    )
    assert main(["csb", "register", str(path), "--csv", str(register), "--lid", "Anna Jansen"]) == 0
    lists = (
        ("a.eml.xml", "Partij Nieuw A", ALL),
        ("b.eml.xml", "Partij Klein", ALL),
        ("c.eml.xml", "Partij Nieuw B", ALL),
        ("d.eml.xml", "Partij Groot", ALL),
    )
    for number, (name, appellation, kieskringen) in enumerate(lists):
        file, code = write_210(tmp_path, name, appellation, people(f"P{number}x", 2), kieskringen)
        args = ["csb", "import", str(path), str(file), "--hashcode", code, "--lid", "Bert"]
        assert main([*args, "--ontvangen", "2025-09-15 12:00"]) == 0
    capsys.readouterr()
    return path


def test_a_tie_exits_3_with_the_question_and_nothing_is_logged(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Groot (2 000 000 votes) and Klein (150 000) come first; the two new lists, each
    # in all 20 kieskringen, tie: the lot decides (Kieswet I 12 - I 14).
    assert main(["csb", "number", str(workspace), "--lid", "Anna Jansen"]) == 3
    out = capsys.readouterr().out
    assert "inlevering 1 (Partij Nieuw A); inlevering 3 (Partij Nieuw B)" in out
    assert "--lot" in out
    assert main(["csb", "log", str(workspace)]) == 0
    assert "genummerd" not in capsys.readouterr().out


def test_the_drawn_lot_gives_the_numbering_which_is_logged_with_the_member(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["csb", "number", str(workspace), "--lot", "3", "--lid", "Anna Jansen", "--json"]
    assert main(args) == 0
    numbered = json.loads(capsys.readouterr().out)
    assert [(item["nummer"], item["aanduiding"], item["deel"]) for item in numbered["lijsten"]] == [
        (1, "Partij Groot", 1),
        (2, "Partij Klein", 1),
        (3, "Partij Nieuw B", 2),
        (4, "Partij Nieuw A", 2),
    ]
    assert numbered["loten"] == [3]
    assert main(["csb", "log", str(workspace)]) == 0
    log = capsys.readouterr().out
    assert "Anna Jansen" in log
    assert (
        "lijsten genummerd: 1=Partij Groot, 2=Partij Klein, 3=Partij Nieuw B, "
        "4=Partij Nieuw A; loting: 3" in log
    )
    assert "intact" in log


def test_an_unknown_submission_declared_invalid_is_refused_in_dutch(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["csb", "number", str(workspace), "--ongeldig", "9"]) == 2
    assert "--ongeldig 9: er is geen inlevering met dat nummer" in capsys.readouterr().err


def test_declaring_one_new_list_invalid_removes_the_tie(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["csb", "number", str(workspace), "--ongeldig", "1"]) == 0
    out = capsys.readouterr().out
    assert "lijst 3: inlevering 3 (Partij Nieuw B)" in out
    assert "Partij Nieuw A" not in out
