"""Voters' objections in the public session (Kieswet I 4) and their place in the I 4."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from csb_samples import people, write_210

from kandidaat.app.cli import main

PDFTOTEXT = shutil.which("pdftotext")


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """TK2025 with one list for kieskring 1, received in time (15 September 2025)."""
    path = tmp_path / "tk.csb"
    assert main(["csb", "new", str(path), "--election", "TK2025", "--lid", "Anna Jansen"]) == 0
    file, code = write_210(tmp_path, "a.eml.xml", "Partij Alfa", people("Alf", 2))
    args = ["csb", "import", str(path), str(file), "--hashcode", code, "--lid", "Bert"]
    assert main([*args, "--ontvangen", "2025-09-15 12:00"]) == 0
    capsys.readouterr()
    return path


def _objection(workspace: Path, *args: str) -> int:
    return main(["csb", "bezwaar", str(workspace), *args, "--lid", "Anna Jansen"])


def _i4_text(workspace: Path, out: Path) -> str:
    args = ["csb", "vaststellen", str(workspace), "--out", str(out), "--lid", "Anna Jansen"]
    assert main([*args, "--datum", "2025-09-19"]) == 0
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, str(out / "Proces-verbaal_I4.pdf"), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return " ".join(done.stdout.decode("utf-8").split())


def test_an_objection_and_its_answer_are_recorded_and_logged(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        _objection(
            workspace,
            "--bezwaar",
            "De aanduiding lijkt op die van een andere partij.",
            "--kiezer",
            "K. Kiezer",
            "--antwoord",
            "De aanduiding is geregistreerd; het bezwaar leidt niet tot een ander besluit.",
        )
        == 0
    )
    assert "Bezwaar 1 vastgelegd." in capsys.readouterr().out
    assert main(["csb", "bezwaren", str(workspace), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["vastgelegd"] is True
    assert report["bezwaren"][0]["kiezer"] == "K. Kiezer"
    assert main(["csb", "log", str(workspace)]) == 0
    log = capsys.readouterr().out
    assert "Anna Jansen  bezwaar 1 van K. Kiezer: De aanduiding lijkt op" in log
    assert "intact" in log


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) ontbreekt")
def test_the_i4_prints_the_recorded_objection_with_the_answer(
    workspace: Path, tmp_path: Path
) -> None:
    assert (
        _objection(workspace, "--bezwaar", "Lijst te laat.", "--antwoord", "Op tijd ontvangen.")
        == 0
    )
    text = _i4_text(workspace, tmp_path / "uit")
    assert "Tijdens de zitting zijn de volgende bezwaren ingebracht" in text
    assert "Lijst te laat." in text
    assert "Op tijd ontvangen." in text


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) ontbreekt")
def test_none_raised_is_printed_as_such_and_nothing_recorded_leaves_room_to_write(
    workspace: Path, tmp_path: Path
) -> None:
    blank = _i4_text(workspace, tmp_path / "leeg")
    assert "de volgende bezwaren ingebracht (met het antwoord)" in blank
    assert _objection(workspace, "--geen") == 0
    text = _i4_text(workspace, tmp_path / "geen")
    assert "Tijdens de zitting zijn geen bezwaren ingebracht." in text


def test_none_raised_after_an_objection_is_refused_and_the_other_way_round(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _objection(workspace, "--bezwaar", "Bezwaar.", "--antwoord", "Antwoord.") == 0
    capsys.readouterr()
    assert _objection(workspace, "--geen") == 2
    assert "er zijn al bezwaren vastgelegd" in capsys.readouterr().err
    # Another workspace without objections: record 'none', then try one.
    fresh = tmp_path / "vers.csb"
    assert main(["csb", "new", str(fresh), "--election", "TK2025", "--lid", "Anna Jansen"]) == 0
    assert _objection(fresh, "--geen") == 0
    capsys.readouterr()
    assert _objection(fresh, "--bezwaar", "Bezwaar.", "--antwoord", "Antwoord.") == 2
    assert "al vastgelegd dat er geen bezwaren zijn" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--antwoord", "Antwoord."], "--bezwaar: geef het bezwaar"),
        (["--bezwaar", "Bezwaar."], "--antwoord: geef het antwoord"),
        (["--bezwaar", "x" * 2001, "--antwoord", "a"], "te lang"),
        (["--bezwaar", "a\x07b", "--antwoord", "a"], "--bezwaar: teken 2"),
        (["--geen", "--bezwaar", "Bezwaar."], "--geen: geef dan geen"),
    ],
)
def test_an_objection_that_does_not_fit_is_refused_in_dutch_and_nothing_is_stored(
    workspace: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert _objection(workspace, *args) == 2
    assert message in capsys.readouterr().err
    assert main(["csb", "bezwaren", str(workspace)]) == 0
    assert "Nog niets vastgelegd over bezwaren." in capsys.readouterr().out
