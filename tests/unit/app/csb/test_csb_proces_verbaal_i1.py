"""``kandidaat csb pv-onderzoek``: the proces-verbaal I 1 of the examination (Kieswet I 1).

The text is read with poppler's ``pdftotext``. TK2025 (Kiesraad calendar):
nomination Monday 15 September 2025, examination 16 September.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from csb_samples import people, write_210

from kandidaat.app.cli import main

PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) ontbreekt")


def _pages(pdf: Path) -> list[str]:
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
    )
    return [" ".join(p.split()) for p in done.stdout.decode("utf-8").split("\f") if p.strip()]


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Partij Alfa (kieskring 1 and 2, four candidates) and a blank list (kieskring 2, two)."""
    path = tmp_path / "tk.csb"
    assert main(["csb", "new", str(path), "--election", "TK2025", "--lid", "Anna Jansen"]) == 0
    for number, (appellation, persons, kieskringen) in enumerate(
        (("Partij Alfa", people("Alf", 4), ("1", "2")), ("", people("Bla", 2), ("2",)))
    ):
        file, code = write_210(tmp_path, f"{number}.xml", appellation, persons, kieskringen)
        args = ["csb", "import", str(path), str(file), "--hashcode", code, "--lid", "Bert"]
        assert main([*args, "--ontvangen", "2025-09-15 12:00"]) == 0
    args = ["--vastgesteld", "2025-09-16 16:00", "--lid", "Anna Jansen"]
    assert (
        main(["csb", "verzuim", str(path), "--inlevering", "1", "--code", "WAARBORGSOM", *args])
        == 0
    )
    capsys.readouterr()
    return path


def _write(workspace: Path, out: Path) -> int:
    args = ["csb", "pv-onderzoek", str(workspace), "--out", str(out), "--lid", "Anna Jansen"]
    return main([*args, "--datum", "2025-09-16"])


def test_the_i1_lists_per_kieskring_the_lists_with_first_candidate_and_names(
    workspace: Path, tmp_path: Path
) -> None:
    out = tmp_path / "I1.pdf"
    assert _write(workspace, out) == 0
    text = " ".join(_pages(out))
    assert "Proces-verbaal van het onderzoek naar de kandidatenlijsten" in text
    assert "16-09-2025" in text
    # Kieskring 1: only Alfa; kieskring 2: Alfa and the blank list. People are written
    # "last name, initials": the first of people("Alf", 4) is A. Alfaa, of "Bla" A. Blaaa.
    assert text.count("Partij Alfa Alfaa, A. 4") == 2
    assert "blanco lijst Blaaa, A. 2" in text
    assert "Het bewijs dat de waarborgsom is betaald ontbreekt." in text


def test_the_footer_names_the_log_hash_that_csb_log_prints_before_the_report(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "I1.pdf"
    assert _write(workspace, out) == 0
    capsys.readouterr()
    assert main(["csb", "log", str(workspace), "--hashes"]) == 0
    log = capsys.readouterr().out.splitlines()
    hashes = [line.split("hash ", 1)[1] for line in log if line.startswith("      hash ")]
    # The report is the last entry; its footer names the hash of the entry before it.
    assert "proces-verbaal I 1 geschreven" in log[-3]
    for page in _pages(out):
        assert f"Hashcode logboek: {hashes[-2]}" in page


def test_an_existing_file_is_never_overwritten(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "I1.pdf"
    out.write_bytes(b"van de gebruiker")
    assert _write(workspace, out) == 2
    assert "bestaat al" in capsys.readouterr().err
    assert out.read_bytes() == b"van de gebruiker"


def test_a_second_report_differs_only_in_the_log_hash_of_its_footer(
    workspace: Path, tmp_path: Path
) -> None:
    # The second report names a later log hash (the first report is logged); the
    # lists and omissions are the same, so only the footer differs.
    assert _write(workspace, tmp_path / "een.pdf") == 0
    assert _write(workspace, tmp_path / "twee.pdf") == 0
    first = [p.rsplit("Hashcode", 1)[0] for p in _pages(tmp_path / "een.pdf")]
    second = [p.rsplit("Hashcode", 1)[0] for p in _pages(tmp_path / "twee.pdf")]
    assert first == second
