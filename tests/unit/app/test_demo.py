"""``kandidaat demo``: the embedded demo election runs from the installed package."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from kandidaat.app.cli import main

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(autouse=True)
def _in_a_scratch_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo writes ./demo-uitvoer/; keep it out of the checkout."""
    monkeypatch.chdir(tmp_path)


def test_the_demo_prints_every_step_of_the_demo_election(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "Zetelverdeling gemeenteraad - Demodorp" in out
    assert "Kiesdeler (art. P 5): 9573 / 17 = 563 2/17" in out
    # D66 wins a residual seat it cannot fill: list exhaustion moves it on (P 10).
    assert "lijstuitputting: lijst 5 heeft te weinig kandidaten" in out
    assert "restzetel 5: lijst 3" in out
    # A candidate below the lijsttrekker's rank is elected on preference votes.
    assert "4. M. (Mohamed) El Amrani (300 stemmen) - voorkeurstemmen [P 15]" in out
    assert "lijst 4: 1, 2, 4, 3, 5, 6, 7" in out


def test_the_demo_names_with_diacritics_survive_intact(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "complete"
    assert sum(result["seats"].values()) == 17
    assert result["seats"]["5"] == 2
    assert result["elected"]["4"] == [1, 2, 4]


def test_the_demo_leaves_the_inputs_the_readme_examples_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    capsys.readouterr()
    folder = tmp_path / "demo-uitvoer"
    # Each JSON input is one line, so two can be concatenated into JSON Lines.
    demo_line = (folder / "zetels_demodorp.json").read_text(encoding="utf-8")
    lot_line = (folder / "zetels_loting.json").read_text(encoding="utf-8")
    assert demo_line.count("\n") == 1
    assert json.loads(demo_line)["seats"] == 17
    assert "voorletters" in (folder / "kandidaten_demodorp.csv").read_text(encoding="utf-8")
    # Lists 2 and 3 (180 votes each) tie for the last residual seat: quota 600/5 = 120,
    # full seats 2 + 1 + 1, remainders 0, 60, 60 (hand computation, art. P 8).
    assert main(["seats", str(folder / "zetels_loting.json")]) == 3
    assert "Gelijk staan de lijsten 2, 3 met 60" in capsys.readouterr().out
    assert main(["seats", str(folder / "zetels_loting.json"), "--lot", "2"]) == 0
    assert json.loads(lot_line)["lists"][1]["votes"] == 180


def test_the_demo_shows_the_centraal_stembureau_from_three_lists_to_the_230b(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "het centraal stembureau ontvangt, onderzoekt en stelt vast" in out
    # Samen Demodorp had seats before (register: 4 seats): number 1 (Kieswet I 12 lid 1).
    # Demodorp Vooruit and the blank list are new, each in the one kieskring: a tie; the
    # demo's committee draws inlevering 3, so the blank list gets number 2 (I 14).
    assert "lijst 1: inlevering 2 (Samen Demodorp)" in out
    assert "lijst 2: inlevering 3 (blanco lijst)" in out
    assert "lijst 3: inlevering 1 (Demodorp Vooruit)" in out
    assert "Onderzoek: 0 fout(en)" in out
    workspace = tmp_path / "demo-uitvoer" / "csb" / "demodorp.csb"
    assert main(["csb", "log", str(workspace)]) == 0
    log = capsys.readouterr().out
    assert "lijsten vastgesteld" in log
    assert "intact" in log
    assert (
        tmp_path / "demo-uitvoer/csb/vastgesteld/Kandidatenlijsten_GR2026_Demodorp.eml.xml"
    ).is_file()


def test_the_demo_can_run_twice_in_the_same_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    assert main(["demo"]) == 0
    assert "lijst 1: inlevering 2 (Samen Demodorp)" in capsys.readouterr().out
