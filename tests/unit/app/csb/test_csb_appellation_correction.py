"""Kieswet I 6 lid 3: an appellation not written as in the register is corrected ex officio.

TK2025 (nomination day 15 September 2025). The register has "Partij Één"; a list
handed in as "Partij Een" differs only in accents and is corrected; "Partij Twee"
is another appellation and is not touched.
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
from kandidaat.eml.read_lists import read_candidate_lists
from kandidaat.eml.safe_xml import parse_file

PDFTOTEXT = shutil.which("pdftotext")


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "tk.csb"
    assert main(["csb", "new", str(path), "--election", "TK2025", "--lid", "Anna Jansen"]) == 0
    register = tmp_path / "register.csv"
    register.write_text("aanduiding;stemmen;zetels\nPartij Één;50000;1\n", encoding="utf-8")
    assert main(["csb", "register", str(path), "--csv", str(register), "--lid", "Anna Jansen"]) == 0
    for number, appellation in enumerate(("Partij Een", "Partij Twee")):
        file, code = write_210(tmp_path, f"{number}.xml", appellation, people(f"P{number}x", 2))
        args = ["csb", "import", str(path), str(file), "--hashcode", code, "--lid", "Bert"]
        assert main([*args, "--ontvangen", "2025-09-15 12:00"]) == 0
    capsys.readouterr()
    return path


def test_the_examination_names_the_correction_with_its_article(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["csb", "examine", str(workspace)])
    out = capsys.readouterr().out
    assert "[Kieswet I 6 lid 3]" in out
    assert "De aanduiding 'Partij Een' staat in het register als 'Partij Één'" in out
    assert "'Partij Twee' staat in het register" not in out


def test_the_230b_carries_the_register_spelling_and_the_other_list_as_handed_in(
    workspace: Path, tmp_path: Path
) -> None:
    out = tmp_path / "uit"
    args = ["csb", "vaststellen", str(workspace), "--out", str(out), "--lid", "Anna Jansen"]
    assert main([*args, "--datum", "2025-09-19"]) == 0
    path = out / "Kandidatenlijsten_TK2025_kieskring_1.eml.xml"
    record = read_candidate_lists(parse_file(path), path.name)
    # Partij Één had a seat before: number 1 (I 12 lid 1); Partij Twee is new: number 2.
    assert [(a.number, a.name) for a in record.affiliations] == [
        (1, "Partij Één"),
        (2, "Partij Twee"),
    ]


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) ontbreekt")
def test_the_i4_reports_the_correction_and_the_submission_stays_as_received(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uit"
    args = ["csb", "vaststellen", str(workspace), "--out", str(out), "--lid", "Anna Jansen"]
    assert main([*args, "--datum", "2025-09-19"]) == 0
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, "-layout", str(out / "Proces-verbaal_I4.pdf"), "-"],
        capture_output=True,
        check=True,
    )
    text = " ".join(done.stdout.decode("utf-8").split())
    assert "ambtshalve aan zoals zij in het register staan" in text
    assert "Partij Een" in text
    assert "Partij Één" in text
    capsys.readouterr()
    assert main(["csb", "log", str(workspace)]) == 0
    assert "(Partij Een, 2 kandidaten)" in capsys.readouterr().out
