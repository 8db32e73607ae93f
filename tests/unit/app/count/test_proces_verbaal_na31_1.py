"""The proces-verbaal of the gemeentelijk stembureau (model Na 31-1) beside the 510b.

Juinen is entered twice through the same use cases as the end-to-end test
(``test_telling_juinen``); the figures were written by hand there and every total
expected here is added up by hand in this file. The PDF is read with poppler's
``pdftotext`` (what any reader of the paper sees); the hash code is computed here
with hashlib over the 510b's bytes, upper-case in groups of four, as the forms
print it (../shared/docs/eml.md section 9). The candidates' names were read by eye
from the Juinen 230b.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import subprocess
from datetime import date
from typing import TYPE_CHECKING

import pytest
from juinen_count import new_juinen
from test_telling_juinen import HAND, _enter_twice

from kandidaat.app.cli import main
from kandidaat.app.count.deciding import investigate, open_session
from kandidaat.app.count.entering import enter
from kandidaat.app.count.exporting import NotReadyError, export
from kandidaat.domain.count.figures import ListFigures

if TYPE_CHECKING:
    from pathlib import Path

    from kandidaat.domain.count.figures import StationFigures

PDFTOTEXT = shutil.which("pdftotext")
PDF_NAME = "Model_Na31-1_GR2025_Juinen.pdf"
EML_NAME = "Telling_GR2025_Juinen.eml.xml"
COORDINATOR = "Carla Coördinator"

pytestmark = pytest.mark.skipif(
    PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed"
)


def _pages(pdf: Path) -> list[str]:
    """The text of every page, whitespace collapsed to single spaces."""
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
    )
    pages = done.stdout.decode("utf-8").split("\f")
    return [" ".join(page.split()) for page in pages if page.strip()]


def _grouped(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def _exported(shared: Path, tmp_path: Path, name: str = "uit") -> Path:
    """Juinen entered twice by Anna and Bert and exported; returns the folder."""
    with new_juinen(shared, tmp_path / f"{name}.tel") as workspace:
        _enter_twice(workspace, HAND)
        export(workspace, tmp_path / name, COORDINATOR)
    return tmp_path / name


def test_the_proces_verbaal_prints_the_municipality_and_the_totals_added_up_by_hand(
    shared_dir: Path, tmp_path: Path
) -> None:
    folder = _exported(shared_dir, tmp_path)
    text = " ".join(_pages(folder / PDF_NAME))
    assert "Model Na 31-1 Proces-verbaal van een gemeentelijk stembureau" in text
    assert "Gemeente Juinen (gemeentecode 0042)" in text
    assert "Datum van de verkiezing 29 augustus 2025" in text
    # The session recorded by new_juinen: date, place and the members present.
    assert "1 30 augustus 2025 Stadhuis Juinen eerste zitting" in text
    assert "Aanwezig in zitting 1: Carla Coördinator, Anna Invoerder, Bert Invoerder." in text
    # Admitted voters: A 290 + 400 + 150, B 9 + 11 + 0, C 0 + 2 + 0, D 299 + 413 + 150.
    assert "A. Geldige stempassen 840" in text
    assert "B. Geldige volmachtbewijzen 20" in text
    assert "C. Geldige kiezerspassen 2" in text
    assert "D. Totaal toegelaten kiezers 862" in text
    assert "Z. Kiesgerechtigden 3353" in text  # MaxVotes of the Juinen 110b
    # List 1: 155 + 201 + 60; list 4: 12 + 25 + 10.
    assert f"E.1 Totaal lijst 1 - Lijst Hekking {155 + 201 + 60}" in text
    assert f"E.4 Totaal lijst 4 - Stadspartij Juinen {12 + 25 + 10}" in text
    assert f"E. Totaal stemmen op kandidaten {294 + 406 + 145}" in text
    assert f"F. Blanco stemmen {3 + 4 + 2}" in text
    assert f"G. Ongeldige stemmen {2 + 1 + 3}" in text
    assert f"H. Totaal uitgebrachte stemmen (E+F+G) {299 + 411 + 150}" in text
    # Candidates: list 1 no. 1 had 120 + 200 + 60; list 4 no. 50 only 5 in station 2.
    assert f"1 T. Hekking (Tjolk) {120 + 200 + 60}" in text
    assert "50 P.N. Nijhuis (Paul) 5" in text
    assert f"Totaal lijst 1 {155 + 201 + 60}" in text
    # Station 2 counted 2 ballots fewer than voters, both taken away.
    assert "J. Minder getelde stembiljetten (stembureaus: 2) 2" in text
    assert "I. Meer getelde stembiljetten (stembureaus: geen) 0" in text
    assert "Kiezers hebben het stembiljet meegenomen 2" in text
    # One row per station: number, name, D, E, F, G, H, investigated.
    assert "1 Studio The Rules 299 294 3 2 299 nee" in text
    assert "2 De Mattenklopper 413 406 4 1 411 nee" in text
    assert "3 De Positivozaal 150 145 2 3 150 nee" in text
    assert "Er is geen stembureau opnieuw onderzocht." in text
    assert "Handtekening Voorzitter van het gemeentelijk stembureau" in text


def test_every_page_carries_the_hash_code_of_the_510b_beside_it(
    shared_dir: Path, tmp_path: Path
) -> None:
    folder = _exported(shared_dir, tmp_path)
    code = _grouped((folder / EML_NAME).read_bytes())
    pages = _pages(folder / PDF_NAME)
    assert len(pages) > 3
    footer = f"Hashcode EML 510b: {code}"
    assert [n for n, page in enumerate(pages, 1) if footer not in page] == []
    assert [n for n, page in enumerate(pages, 1) if "EML 210" in page] == []
    assert f"het telbestand {EML_NAME} (EML 510b) met hashcode {code}." in " ".join(pages)


def test_the_same_count_gives_the_same_proces_verbaal_bytes(
    shared_dir: Path, tmp_path: Path
) -> None:
    with new_juinen(shared_dir, tmp_path / "juinen.tel") as workspace:
        _enter_twice(workspace, HAND)
        first = export(workspace, tmp_path / "een", None)
        second = export(workspace, tmp_path / "twee", COORDINATOR)
    assert first.proces_verbaal == tmp_path / "een" / PDF_NAME
    assert second.proces_verbaal is not None
    assert first.proces_verbaal.read_bytes() == second.proces_verbaal.read_bytes()


def test_a_refused_export_writes_no_proces_verbaal(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uit"
    with new_juinen(shared_dir, tmp_path / "juinen.tel") as workspace:
        _enter_twice(workspace, {1: HAND[1], 2: HAND[2]})
        with pytest.raises(NotReadyError):
            export(workspace, out, COORDINATOR)
    assert not out.exists()
    assert main(["telling", "export", str(tmp_path / "juinen.tel"), "--out", str(out)]) == 1
    assert "stembureau 3: nog niet ingevoerd" in capsys.readouterr().err
    assert not (out / PDF_NAME).exists()
    assert not (out / EML_NAME).exists()


def test_the_cli_names_the_proces_verbaal_it_wrote(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with new_juinen(shared_dir, tmp_path / "juinen.tel") as workspace:
        _enter_twice(workspace, HAND)
    out = tmp_path / "uit"
    assert main(["telling", "export", str(tmp_path / "juinen.tel"), "--out", str(out)]) == 0
    assert f"Proces-verbaal (model Na 31-1) geschreven: {out / PDF_NAME}" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == [PDF_NAME, EML_NAME]


def _recounted() -> StationFigures:
    """Station 2 after the recount: one of the two 'taken away' ballots was for list 1 no. 1."""
    figures = HAND[2]
    first = figures.lists[0]
    recounted = ListFigures(1, 202, ((1, 201), *first.candidates[1:]))
    totals = dict(figures.totals) | {"stemmen op lijsten": 407, "uitgebrachte stemmen": 412}
    differences = dict(figures.differences) | {"minder geteld": 1, "meegenomen": 1}
    return dataclasses.replace(
        figures,
        totals=tuple(totals.items()),
        differences=tuple(differences.items()),
        lists=(recounted, *figures.lists[1:]),
    )


def test_an_investigation_in_a_later_session_is_reported_with_the_corrected_totals(
    shared_dir: Path, tmp_path: Path
) -> None:
    with new_juinen(shared_dir, tmp_path / "juinen.tel") as workspace:
        _enter_twice(workspace, HAND)
        open_session(
            workspace,
            date(2025, 9, 1),
            "Stadhuis Juinen",
            [COORDINATOR],
            "onderzoek stembureau 2",
            COORDINATOR,
        )
        investigate(workspace, 2, "twee meegenomen stembiljetten", COORDINATOR, "andere fout")
        for slot, typist in ((1, "Dirk Invoerder"), (2, "Anna Invoerder")):
            assert enter(workspace, 2, slot, typist, _recounted()).stored
        export(workspace, tmp_path / "uit", COORDINATOR)
    text = " ".join(_pages(tmp_path / "uit" / PDF_NAME))
    assert "2 1 september 2025 Stadhuis Juinen onderzoek stembureau 2" in text
    assert "Aanwezig in zitting 2: Carla Coördinator." in text
    # Station 2, session 2, the kind, the reason, and that the result was corrected.
    assert "2 2 andere fout twee meegenomen stembiljetten ja" in text
    assert "2 De Mattenklopper 413 407 4 1 412 ja" in text
    assert f"E.1 Totaal lijst 1 - Lijst Hekking {155 + 202 + 60}" in text
    assert f"1 T. Hekking (Tjolk) {120 + 201 + 60}" in text
    assert f"H. Totaal uitgebrachte stemmen (E+F+G) {299 + 412 + 150}" in text
