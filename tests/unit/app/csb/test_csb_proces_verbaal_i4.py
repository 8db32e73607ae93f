"""The proces-verbaal I 4 written by ``csb vaststellen`` beside the 230b.

Kieswet I 4 (versie 2026): the centraal stembureau reports the omissions, the
invalid lists, the struck candidates and appellations, the valid lists and the
numbering. The text is read with poppler's ``pdftotext``, as any reader sees it;
the hash code on every page is computed here with hashlib over the 230b's bytes.
TK2025 (Kiesraad calendar): nomination 15 September 2025, session 19 September.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from csb_samples import people, write_210

from kandidaat.app.cli import main

PDFTOTEXT = shutil.which("pdftotext")
ALL = tuple(str(n) for n in range(1, 21))
pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) ontbreekt")


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


@pytest.fixture
def report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, list[str]]:
    """Alfa (all kieskringen, a missing H 9 repaired, a missing ID copy not), Beta (kieskring
    1, received late), Gamma (kieskring 1, too few support declarations)."""
    path = tmp_path / "tk.csb"
    assert main(["csb", "new", str(path), "--election", "TK2025", "--lid", "Anna Jansen"]) == 0
    lists = (
        ("Partij Alfa", ALL, "2025-09-15 10:00"),
        ("Partij Beta", ("1",), "2025-09-15 17:05"),
        ("Partij Gamma", ("1",), "2025-09-15 16:59"),
    )
    for number, (appellation, kieskringen, received) in enumerate(lists):
        file, code = write_210(
            tmp_path, f"{number}.xml", appellation, people(f"Q{number}x", 3), kieskringen
        )
        args = ["csb", "import", str(path), str(file), "--hashcode", code, "--lid", "Bert"]
        assert main([*args, "--ontvangen", received]) == 0
    member = ["--vastgesteld", "2025-09-16 16:00", "--lid", "Anna Jansen"]
    assert (
        main(
            [
                "csb",
                "verzuim",
                str(path),
                "--inlevering",
                "1",
                "--code",
                "H9-ONTBREEKT",
                "--kandidaat",
                "1",
                *member,
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "csb",
                "verzuim",
                str(path),
                "--inlevering",
                "1",
                "--code",
                "ID-KOPIE-ONTBREEKT",
                "--kandidaat",
                "3",
                *member,
            ]
        )
        == 0
    )
    assert (
        main(["csb", "verzuim", str(path), "--inlevering", "3", "--code", "H4-TEKORT", *member])
        == 0
    )
    assert (
        main(
            [
                "csb",
                "herstel",
                str(path),
                "--verzuim",
                "1",
                "--ontvangen",
                "2025-09-17 10:00",
                "--lid",
                "Bert",
            ]
        )
        == 0
    )
    out = tmp_path / "uit"
    args = ["csb", "vaststellen", str(path), "--out", str(out), "--lid", "Anna Jansen"]
    assert main([*args, "--datum", "2025-09-19"]) == 0
    capsys.readouterr()
    return out, _pages(out / "Proces-verbaal_I4.pdf")


def test_the_i4_reports_found_and_repaired_omissions(report: tuple[Path, list[str]]) -> None:
    text = " ".join(report[1])
    assert "Geconstateerde verzuimen" in text
    assert "Herstelde verzuimen" in text
    assert "De volgende verzuimen zijn hersteld" in text
    assert "A. Q0xaa (plaats 1)" in text


def test_the_i4_names_the_late_list_and_the_list_without_support_as_invalid(
    report: tuple[Path, list[str]],
) -> None:
    text = " ".join(report[1])
    assert (
        "inlevering 2 (Partij Beta) niet op tijd ingeleverd (Kieswet H 1 lid 1, I 5 onder a)"
        in text
    )
    assert "inlevering 3 (Partij Gamma) in" in text
    assert "Kieswet I 2 lid 1 en lid 3, I 5 onder c" in text


def test_the_i4_names_the_struck_candidate_once_for_all_kieskringen(
    report: tuple[Path, list[str]],
) -> None:
    text = " ".join(report[1])
    assert "Het centraal stembureau schrapt de volgende kandidaten" in text
    # Struck in all 20 kieskringen for one reason: one row, not twenty; the other
    # mention is the omission itself in section 3.
    assert text.count("C. Q0xac (plaats 3)") == 2
    assert "alle 20" in text


def test_the_i4_numbers_the_one_valid_list_and_lists_its_candidates(
    report: tuple[Path, list[str]],
) -> None:
    text = " ".join(report[1])
    assert "Lijst 1. Partij Alfa" in text
    assert "Q0xab" in text
    assert "Deel 2: overige lijsten" in text


def test_every_page_of_the_i4_carries_the_hash_code_of_the_230b(
    report: tuple[Path, list[str]],
) -> None:
    out, pages = report
    first = (out / "Kandidatenlijsten_TK2025_kieskring_1.eml.xml").read_bytes()
    expected = f"Hashcode EML 230b kieskring 1: {_grouped(first)}"
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert expected in page, f"pagina {number}"
