"""Exit codes a user can trust: a closed pipe is quiet, a bug is never a finding.

Exit codes (README): 0 ok, 1 findings, 2 bad input, 3 lots required, 4 an
internal error, 141 the reader of the output went away (128 + SIGPIPE, what a
shell reports for ``cat`` or ``grep`` in the same place).
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kandidaat.app import cli

if TYPE_CHECKING:
    import argparse

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
DEMO_SEATS = resources.files("kandidaat.app.demo_data").joinpath("gr_demodorp_2026.json")
SAMPLES = ROOT.parent / "shared" / "eml_nl" / "samples"


def _run_into_closed_pipe(arguments: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a program whose standard output is a pipe nobody reads any more (``| head -0``)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            arguments,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=cwd,
            check=False,
            timeout=120,
        )
    finally:
        os.close(write_end)


def _a_sample_eml() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip(f"{SAMPLES} ontbreekt (de gedeelde EML-voorbeelden)")
    found = sorted(SAMPLES.rglob("*.xml"))
    if not found:
        pytest.fail(f"{SAMPLES}: geen .xml-bestanden; verwacht de EML_NL-voorbeelden")
    return found[0]


@pytest.mark.parametrize(
    "arguments",
    [
        ["kandidaat", "seats", str(DEMO_SEATS)],
        ["kandidaat", "seats", "--json", str(DEMO_SEATS)],
        ["kandidaat", "--help"],
        ["kandidaat-scan", "--help"],
        ["kandidaat-verify", "--help"],
        ["kandidaat-sign", "--help"],
    ],
    ids=lambda a: " ".join(Path(a[0]).name if i == 0 else w for i, w in enumerate(a))[:40],
)
def test_a_reader_that_goes_away_ends_the_program_quietly(
    arguments: list[str], tmp_path: Path
) -> None:
    result = _run_into_closed_pipe([str(BIN / arguments[0]), *arguments[1:]], tmp_path)
    # argparse itself swallows the error of writing the help (exit 0); our own output: 141.
    expected = {0, 141} if "--help" in arguments else {141}
    assert result.returncode in expected, result.stderr
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr
    assert "BrokenPipe" not in result.stderr


def test_eml_show_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    sample = _a_sample_eml()
    result = _run_into_closed_pipe([str(BIN / "kandidaat"), "eml", "show", str(sample)], tmp_path)
    assert result.returncode in {141, 2}, result.stderr
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr


def test_output_that_fits_the_reader_still_exits_zero(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(BIN / "kandidaat"), "seats", str(DEMO_SEATS)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Zetelverdeling" in result.stdout or "zetel" in result.stdout


def _explode(_args: argparse.Namespace) -> int:
    message = "kapot"
    raise RuntimeError(message)


def test_an_unexpected_exception_is_exit_4_with_one_dutch_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("KANDIDAAT_DEBUG", raising=False)
    monkeypatch.setattr(cli, "_self_check", _explode)
    code = cli.main(["--self-check"])
    err = capsys.readouterr().err
    assert code == 4
    assert code not in {1, 2}
    assert "interne fout" in err
    assert "kapot" in err
    assert "SECURITY.md" in err
    assert "Traceback" not in err


def test_the_traceback_of_an_internal_error_only_shows_with_kandidaat_debug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KANDIDAAT_DEBUG", "1")
    monkeypatch.setattr(cli, "_self_check", _explode)
    assert cli.main(["--self-check"]) == 4
    assert "Traceback" in capsys.readouterr().err


def test_bad_input_stays_exit_2_and_is_not_an_internal_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = cli.main(["seats", str(tmp_path / "bestaat-niet.json")])
    err = capsys.readouterr().err
    assert code == 2
    assert "interne fout" not in err
