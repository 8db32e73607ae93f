"""The CSB window's pages Stukken, Ondersteuning and Documenten (issue 12).

Election TK2025 as in test_csb_window.py: 20 kieskringen (Kieswet E 1), kandidaatstelling
Monday 15 September 2025, repair period until Thursday 18 September, session on Friday
19 September. The checklist of a TK list (Kieswet H 1 attachments, nomination-rules §2.5
and §3): the H 1, the authorisation of the appellation (H 3-1), the H 4 for each of the 20
kieskringen, the H 9 with copies of identity documents and the proof of the deposit
(H 12); no declarations of settlement (only PS, AB, GR, ER) and no Y 13/Y 35 (only EP):
1 + 1 + 20 + 1 + 1 + 1 = 25 documents. A TK list needs 30 ondersteuningsverklaringen per
kieskring outside Bonaire (Kieswet H 4 lid 1).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage
from test_csb_window import (
    ALL,
    ANNA,
    _import,
    _new,
    _window,
    alt,
    at,
    column,
    focused,
    grouped,
    key,
    type_and_enter,
    type_name,
    type_text,
)

sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "app" / "csb"))
from csb_samples import people, write_210

from kandidaat.app.cli import main
from kandidaat.gui.csb import register_pages
from kandidaat.gui.csb.csb_window import csb_screenshot

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QFileDialog
    from pytestqt.qtbot import QtBot


@pytest.fixture
def two_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Partij Alfa (1) and Partij Beta (2), three candidates each, all 20 kieskringen."""
    path = _new(tmp_path / "tk.csb")
    for number, appellation in enumerate(("Partij Alfa", "Partij Beta")):
        file, code = write_210(
            tmp_path / "lijsten", f"{number}.eml.xml", appellation, people(f"P{number}x", 3), ALL
        )
        _import(path, file, code)
    capsys.readouterr()
    return path


def _log(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["csb", "log", str(path)]) == 0
    return capsys.readouterr().out


# -- Stukken -------------------------------------------------------------------------------


def test_a_document_handed_in_is_recorded_with_the_keyboard_and_the_checklist_shows_it(
    qtbot: QtBot, two_lists: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window = _window(qtbot, two_lists)
    page = window.checklist_page
    type_name(qtbot, window)
    alt(qtbot, window, Qt.Key.Key_E)
    assert window.tabs.currentWidget() is page
    # Nothing recorded yet: every one of the 25 documents is missing.
    assert page.table.rowCount() == 25
    assert set(column(page.table, 0)) == {"ontbreekt"}
    alt(qtbot, window, Qt.Key.Key_G)
    assert focused() is page.submission
    key(qtbot, Qt.Key.Key_Down)
    assert page.submission.currentText() == "2: Partij Beta"
    alt(qtbot, window, Qt.Key.Key_T)
    assert focused() is page.code
    type_text(qtbot, "H9")
    assert page.code.currentData() == "H9"
    # The H 9 is counted and belongs to no single kieskring.
    assert page.count.isEnabled()
    assert not page.kieskring.isEnabled()
    alt(qtbot, window, Qt.Key.Key_A)
    assert focused() is page.count
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Up)
    page.at.setDateTime(at(15, 12, 30))
    alt(qtbot, window, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: "ja" in column(page.table, 0))
    h9 = column(page.table, 1).index("instemmingsverklaringen (H 9)")
    assert column(page.table, 0)[h9] == "ja"
    # Three H 9 for the three candidates on Beta's list.
    assert (
        column(page.table, 2)[h9] == "3 stuks, 15-09-2025 12:30 (Anna Jansen); 3 van 3 kandidaten"
    )
    assert column(page.table, 0).count("ontbreekt") == 24
    # The command line sees the same record.
    capsys.readouterr()
    assert main(["csb", "ontvangst", str(two_lists), "2"]) == 0
    out = capsys.readouterr().out
    assert "[x] instemmingsverklaringen (H 9): 3 stuks, 15-09-2025 12:30 (Anna Jansen)" in out
    window.close()


def test_support_declarations_for_one_kieskring_are_recorded_with_that_kieskring(
    qtbot: QtBot, two_lists: Path
) -> None:
    window = _window(qtbot, two_lists)
    window.member.setText(ANNA)
    window.show_page("stukken")
    page = window.checklist_page
    page.code.setCurrentIndex(page.code.findData("H4"))
    assert page.kieskring.isEnabled()
    page.kieskring.setCurrentIndex(page.kieskring.findData("3"))
    page.count.setValue(30)
    page.at.setDateTime(at(15, 11))
    assert page.item_text() == "H4@3=30"
    assert page.record()
    row = column(page.table, 1).index("ondersteuningsverklaringen (H 4), kieskring 3")
    assert column(page.table, 0)[row] == "ja"
    assert column(page.table, 2)[row] == "30 stuks, 15-09-2025 11:00 (Anna Jansen)"
    # Kieskring 4 is still missing.
    other = column(page.table, 1).index("ondersteuningsverklaringen (H 4), kieskring 4")
    assert column(page.table, 0)[other] == "ontbreekt"
    window.close()


def test_without_a_name_no_document_is_recorded_and_the_cursor_goes_to_the_name(
    qtbot: QtBot, two_lists: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _log(two_lists, capsys)
    window = _window(qtbot, two_lists)
    window.show_page("stukken")
    page = window.checklist_page
    assert not page.record()
    assert page.notice.text().startswith("Vul eerst uw naam in")
    assert focused() is window.member
    assert set(column(page.table, 0)) == {"ontbreekt"}
    assert _log(two_lists, capsys) == before
    window.close()


# -- Ondersteuning -------------------------------------------------------------------------


def _support_csv(path: Path) -> Path:
    """Twelve H 4 for Alfa in kieskring 3, two of them by Karel de Boer, who also signed
    once for Beta in kieskring 3; ten other voters signed once for Alfa."""
    lines = ["inlevering;kieskring;naam;geboortedatum;adres"]
    lines += [f"1;3;Kiezer {n};0{1 + n % 9}-03-1980;Straat {n}, Utrecht" for n in range(10)]
    lines += ["1;3;Karel de Boer;01-02-1970;Dorpsweg 1, Houten"] * 2
    lines += ["2;3;karel de  boer;1970-02-01;Dorpsweg 1, Houten"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _chosen_by_dialog(monkeypatch: pytest.MonkeyPatch, file: Path) -> list[QFileDialog]:
    """The file dialog of the page answers ``file`` at once (as if the user chose it)."""
    shown: list[QFileDialog] = []

    def chosen(dialog: QFileDialog, then: Callable[[Path], object]) -> QFileDialog:
        shown.append(dialog)
        then(file)
        return dialog

    monkeypatch.setattr(register_pages, "choose", chosen)
    return shown


def test_a_support_csv_chosen_in_the_dialog_gives_the_tally_with_the_double_voter_void(
    qtbot: QtBot,
    two_lists: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    csv = _support_csv(tmp_path / "h4.csv")
    dialogs = _chosen_by_dialog(monkeypatch, csv)
    window = _window(qtbot, two_lists)
    page = window.support_page
    type_name(qtbot, window)
    alt(qtbot, window, Qt.Key.Key_4)
    assert window.tabs.currentWidget() is page
    # Two lists, each in 20 kieskringen: 40 counts, none handed in yet.
    assert page.table.rowCount() == 40
    alt(qtbot, window, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: bool(dialogs))  # a button's letter clicks it after 100 ms
    assert dialogs[0].directory().absolutePath() == str(tmp_path)
    assert page.notice.text().replace("\u200b", "") == (
        "13 ondersteuningsverklaring(en) toegevoegd uit h4.csv."
    )
    rows = {
        (page.table.item(r, 0).text(), page.table.item(r, 1).text()): [
            page.table.item(r, c).text() for c in range(2, 7)
        ]
        for r in range(page.table.rowCount())
    }
    # Karel de Boer signed for two lists (the same voter: name and date of birth, case and
    # spaces aside), so none of his three declarations count (Kieswet H 4):
    # Alfa: 12 handed in, 2 void, 10 valid of the 30 needed, 20 still needed.
    assert rows[("1 (Partij Alfa)", "3")] == ["12", "2", "10", "30", "20"]
    # Beta: 1 handed in, 1 void, 0 valid, 30 still needed.
    assert rows[("2 (Partij Beta)", "3")] == ["1", "1", "0", "30", "30"]
    assert rows[("1 (Partij Alfa)", "4")] == ["0", "0", "0", "30", "30"]
    twice = [
        (page.findings.item(r, 1).text(), page.findings.item(r, 2).text())
        for r in range(page.findings.rowCount())
        if page.findings.item(r, 3).text().startswith("Kiezer Karel de Boer (geboren 01-02-1970)")
    ]
    assert twice == [("1", "3"), ("2", "3")]  # one line for each list he signed
    assert "Anna Jansen" in next(
        line for line in _log(two_lists, capsys).splitlines() if "h4.csv" in line
    )
    window.close()


def test_a_wrong_line_in_the_support_csv_is_named_in_dutch_and_nothing_is_stored(
    qtbot: QtBot, two_lists: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv = tmp_path / "fout.csv"
    csv.write_text(
        "inlevering;kieskring;naam;geboortedatum;adres\n"
        "1;3;Kiezer Een;01-03-1980;Straat 1, Utrecht\n"
        "1;3;Kiezer Twee;31-02-1980;Straat 2, Utrecht\n",
        encoding="utf-8",
    )
    _chosen_by_dialog(monkeypatch, csv)
    window = _window(qtbot, two_lists)
    window.member.setText(ANNA)
    window.show_page("ondersteuning")
    page = window.support_page
    page.choose_file()
    text = page.notice.text().replace("\u200b", "")
    assert text.startswith("Het bestand met ondersteuningsverklaringen is niet ingelezen")
    assert "er is niets veranderd" in text
    assert "fout.csv, regel 3, kolom geboortedatum: '31-02-1980' is geen geboortedatum" in text
    page.refresh()
    assert set(column(page.table, 2)) == {"0"}
    window.close()


# -- Documenten ----------------------------------------------------------------------------


def test_the_i1_is_written_through_the_page_under_the_name_chosen_and_never_overwritten(
    qtbot: QtBot, two_lists: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, two_lists)
    page = window.documents_page
    type_name(qtbot, window)
    alt(qtbot, window, Qt.Key.Key_1)
    assert window.tabs.currentWidget() is page
    page.day.setDate(QDate(2025, 9, 16))
    dialog = page.choose_i1()
    assert dialog.directory().absolutePath() == str(tmp_path)
    type_and_enter(qtbot, dialog, "onderzoek")
    written = tmp_path / "onderzoek.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert column(page.table, 0) == ["proces-verbaal I 1"]
    assert column(page.table, 1) == ["onderzoek.pdf"]
    assert column(page.table, 2) == [grouped(written.read_bytes())]
    before = written.read_bytes()
    type_and_enter(qtbot, page.choose_i1(), "onderzoek.pdf")
    assert "bestaat al; kies een andere naam (niets overschreven)" in page.notice.text().replace(
        "\u200b", ""
    )
    assert written.read_bytes() == before
    assert page.table.rowCount() == 1
    window.close()


def test_the_verzuimbrief_of_the_chosen_submission_needs_the_place_and_is_written(
    qtbot: QtBot, two_lists: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, two_lists)
    window.member.setText(ANNA)
    omissions = window.omissions_page
    window.show_page("verzuimen")
    omissions.submission.setCurrentIndex(omissions.submission.findData(2))
    omissions.code.setCurrentIndex(omissions.code.findData("WAARBORGSOM"))
    omissions.at.setDateTime(at(16, 10))
    assert omissions.record() == 1
    window.show_page("documenten")
    page = window.documents_page
    page.submission.setCurrentIndex(page.submission.findData(2))
    assert page.choose_letter() is None
    assert page.notice.text().startswith("Vul eerst de plaats van herstel in")
    assert focused() is page.place
    type_text(qtbot, "het secretariaat, Stadhuisplein 1, Utrecht")
    page.day.setDate(QDate(2025, 9, 16))
    dialog = page.choose_letter()
    assert dialog is not None
    type_and_enter(qtbot, dialog, "Verzuimbrief_inlevering_2.pdf")
    letter = tmp_path / "Verzuimbrief_inlevering_2.pdf"
    assert letter.read_bytes().startswith(b"%PDF")
    assert column(page.table, 0) == ["verzuimbrief inlevering 2"]
    assert column(page.table, 2) == [grouped(letter.read_bytes())]
    window.close()


def test_writing_everything_after_the_draw_lists_each_file_with_its_hash_code(
    qtbot: QtBot, two_lists: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, two_lists)
    window.member.setText(ANNA)
    window.show_page("nummering")
    numbering = window.numbering_page
    numbering.number()
    numbering.drawn.setCurrentIndex(numbering.drawn.findData(1))  # Alfa is drawn first
    numbering.confirm_draw()
    window.show_page("documenten")
    page = window.documents_page
    out = tmp_path / "zitting"
    page.folder.setText(str(out))
    page.day.setDate(QDate(2025, 9, 19))
    alt(qtbot, window, Qt.Key.Key_A)
    # 20 EML 230b and the 230c; I 4, I 1, the publication and the page of hash codes.
    qtbot.waitUntil(lambda: page.table.rowCount() == 25)
    for row in range(25):
        written = out / page.table.item(row, 1).text()
        assert page.table.item(row, 2).text() == grouped(written.read_bytes())
    names = column(page.table, 1)
    for pdf in ("Proces-verbaal_I4.pdf", "Proces-verbaal_I1.pdf", "Hashcodes.pdf"):
        assert pdf in names
    assert column(page.table, 0)[:4] == [
        "proces-verbaal I 4",
        "proces-verbaal I 1",
        "publicatie",
        "hashcodes",
    ]
    window.close()


def test_writing_everything_while_the_numbering_asks_a_draw_writes_nothing(
    qtbot: QtBot, two_lists: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, two_lists)
    window.member.setText(ANNA)
    window.show_page("documenten")
    page = window.documents_page
    page.folder.setText(str(tmp_path / "uit"))
    page.day.setDate(QDate(2025, 9, 19))
    assert page.finalise() is None
    assert page.notice.text().startswith("Er is niets geschreven: de nummering vraagt")
    assert not any((tmp_path / "uit").glob("*"))
    window.close()


def test_each_new_page_has_a_screenshot_of_1366_by_768(two_lists: Path, tmp_path: Path) -> None:
    for name in ("stukken", "ondersteuning", "documenten"):
        png = tmp_path / f"{name}.png"
        csb_screenshot(png, two_lists, name)
        image = QImage(str(png))
        assert (image.width(), image.height()) == (1366, 768)
