"""Model P 22-2 of West Maas en Waal 2022: every figure from the result, the hash on every page.

Figures expected here are typed from the official result (17 seats: 3, 2, 3, 2,
2, 2, 2, 1; squell/electionchecker uitslag_GR20220316_Gemeente.csv) and hand
computations (kiesdeler 9350 / 17 = 550; 50% of it = 275; 9350 + 21 blank +
27 invalid = 9398 ballots).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pdf_support import flat, pages_text

from kandidaat.app.cli import main
from kandidaat.eml.canonical import hash_code

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

WMW = "eml_nl/samples/GR2022_WestMaasenWaal"


def _write(shared_dir: Path, out: Path) -> tuple[bytes, bytes]:
    folder = shared_dir / WMW
    count = folder / "Telling_GR2022_WestMaasenWaal.eml.xml"
    lists = folder / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    assert count.is_file(), f"{count} ontbreekt"
    assert lists.is_file(), f"{lists} ontbreekt"
    code = main(["uitslag", str(count), str(lists), "--zetels", "17", "--out", str(out)])
    assert code == 0
    eml = (out / "Resultaat_GR2022_WestMaasenWaal.eml.xml").read_bytes()
    pdf = (out / "Model_P22-2_GR2022_WestMaasenWaal.pdf").read_bytes()
    return eml, pdf


def test_the_proces_verbaal_prints_the_hash_code_of_the_520_on_every_page(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    eml, pdf = _write(shared_dir, tmp_path)
    capsys.readouterr()
    code = flat(hash_code(eml))
    pages = pages_text(pdf)
    assert len(pages) > 3
    missing = [number for number, text in enumerate(pages, 1) if code not in flat(text)]
    assert missing == [], f"pagina's zonder hashcode: {missing}"
    assert all("Model P 22-2" in text for text in pages)


def test_the_proces_verbaal_carries_the_votes_quota_seats_and_elected(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, pdf = _write(shared_dir, tmp_path)
    capsys.readouterr()
    text = flat("\n".join(pages_text(pdf)))
    assert flat("Totaal uitgebrachte stemmen 9398") in text
    assert flat("Kiesdeler 550") in text
    assert flat("Blanco stemmen 21") in text
    assert flat("Ongeldige stemmen 27") in text
    # The seat table: list 3 F.D. Dreumel 2 full + 1 residual = 3 (official: 3).
    assert flat("3. F.D. Dreumel 2 1 3") in text
    assert flat("8. F.D. Boven-Leeuwen 1 0 1") in text
    assert flat("Totaal 17") in text
    assert flat("50% van de kiesdeler (275)") in text
    assert flat("R.A.N. Reuvers (Rob) Beneden-Leeuwen 581") in text
    assert "Ondertekening" in text


def test_the_same_files_give_the_same_pdf(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "een", tmp_path / "twee"
    first.mkdir()
    second.mkdir()
    assert _write(shared_dir, first)[1] == _write(shared_dir, second)[1]
    capsys.readouterr()
