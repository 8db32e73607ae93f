"""The footer of the proces-verbaal names the file its hash code belongs to: the EML 520.

Kiesraad practice (../shared/docs/eml.md section 9): every page of a proces-verbaal
carries the SHA-256 of the EML file it belongs to, upper-case hex in groups of
four, so paper and file can be matched. The P 22-2 belongs to the 520 written
beside it, not to an EML 210. The text is read with poppler's ``pdftotext``
(what any reader of the PDF sees) and the hash is computed here with hashlib
over the 520's bytes (our EML is written canonical, so the raw bytes are what
the hash covers, as for OSV2020 files).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest

from kandidaat.app.cli import main

if TYPE_CHECKING:
    from pathlib import Path

WMW = "eml_nl/samples/GR2022_WestMaasenWaal"
PDFTOTEXT = shutil.which("pdftotext")


def _pages(pdf: Path) -> list[str]:
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
    )
    pages = done.stdout.decode("utf-8").split("\f")
    return [" ".join(page.split()) for page in pages if page.strip()]


def _grouped(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
def test_every_page_of_the_p22_carries_the_520_hash_labelled_eml_520(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shared_dir / WMW
    count = folder / "Telling_GR2022_WestMaasenWaal.eml.xml"
    lists = folder / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    assert count.is_file(), f"{count} ontbreekt"
    assert lists.is_file(), f"{lists} ontbreekt"
    code = main(["uitslag", str(count), str(lists), "--zetels", "17", "--out", str(tmp_path)])
    capsys.readouterr()
    assert code == 0
    eml = (tmp_path / "Resultaat_GR2022_WestMaasenWaal.eml.xml").read_bytes()
    pages = _pages(tmp_path / "Model_P22-2_GR2022_WestMaasenWaal.pdf")
    assert len(pages) > 3
    footer = f"Hashcode EML 520: {_grouped(eml)}"
    assert [n for n, text in enumerate(pages, 1) if footer not in text] == []
    assert [n for n, text in enumerate(pages, 1) if "EML 210" in text] == []
