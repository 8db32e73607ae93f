"""The centraal stembureau's window (issue 12): receive, examine, omissions, numbering, establish.

Election TK2025. Kiesraad calendar: kandidaatstelling Monday 15 September 2025 (lists in
time between 09:00 and 17:00, Kieswet H 1 lid 1), verzuimherstel until Thursday 18
September, public session on validity and numbering Friday 19 September 2025. The
Tweede Kamer has 20 kieskringen (Kieswet E 1), so an establishment writes 20 EML 230b.
The lists are made up by tests/unit/app/csb/csb_samples.py; the names expected below
follow from its rule (initials A., B., ...; last names prefix + "aa", "ab", ...).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from test_dutch_texts import english_words, widget_texts
from test_mnemonics import clashes, in_window, mnemonic

sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "app" / "csb"))
from csb_samples import people, write_210

from kandidaat.app.cli import main
from kandidaat.app.csb.desk import CsbDesk
from kandidaat.eml.read_lists import read_candidate_lists
from kandidaat.eml.safe_xml import parse_file
from kandidaat.gui.csb.csb_window import CsbWindow

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

ALL = tuple(str(n) for n in range(1, 21))
ANNA = "Anna Jansen"


def _new(path: Path) -> Path:
    assert main(["csb", "new", str(path), "--election", "TK2025", "--lid", ANNA]) == 0
    return path


def _import(workspace: Path, file: Path, code: str) -> None:
    args = ["csb", "import", str(workspace), str(file), "--hashcode", code, "--lid", "Bert"]
    assert main([*args, "--ontvangen", "2025-09-15 12:00"]) == 0


@pytest.fixture
def empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A TK2025 workspace with nothing received yet."""
    path = _new(tmp_path / "tk.csb")
    capsys.readouterr()
    return path


@pytest.fixture
def two_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Partij Alfa and Partij Beta, three candidates each, all 20 kieskringen, in time."""
    path = _new(tmp_path / "tk.csb")
    for number, appellation in enumerate(("Partij Alfa", "Partij Beta")):
        file, code = write_210(
            tmp_path / "lijsten", f"{number}.eml.xml", appellation, people(f"P{number}x", 3), ALL
        )
        _import(path, file, code)
    capsys.readouterr()
    return path


@pytest.fixture
def four_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Two appellations with seats in the register and two new lists that tie."""
    path = _new(tmp_path / "tk.csb")
    register = tmp_path / "register.csv"
    register.write_text(
        "aanduiding;stemmen;zetels\nPartij Groot;2000000;30\nPartij Klein;150000;2\n",
        encoding="utf-8",
    )
    assert main(["csb", "register", str(path), "--csv", str(register), "--lid", ANNA]) == 0
    lists = ("Partij Nieuw A", "Partij Klein", "Partij Nieuw B", "Partij Groot")
    for number, appellation in enumerate(lists):
        file, code = write_210(
            tmp_path / "lijsten", f"{number}.eml.xml", appellation, people(f"P{number}x", 2), ALL
        )
        _import(path, file, code)
    capsys.readouterr()
    return path


def _window(qtbot: QtBot, path: Path) -> CsbWindow:
    window = CsbWindow(CsbDesk.open(path))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def window(qtbot: QtBot, empty: Path) -> Iterator[CsbWindow]:
    shown = _window(qtbot, empty)
    yield shown
    shown.close()


def alt(qtbot: QtBot, window: QWidget, key: Qt.Key) -> None:
    # Through the window, as a real keyboard does (mnemonics are resolved there).
    qtbot.keyClick(window.windowHandle(), key, Qt.KeyboardModifier.AltModifier)


def focused() -> object:
    return QApplication.focusWidget()


def type_text(qtbot: QtBot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def key(qtbot: QtBot, pressed: Qt.Key) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, pressed)


def type_name(qtbot: QtBot, window: CsbWindow, name: str = ANNA) -> None:
    alt(qtbot, window, Qt.Key.Key_N)
    assert focused() is window.member
    type_text(qtbot, name)


def type_and_enter(qtbot: QtBot, dialog: QFileDialog, text: str) -> None:
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert isinstance(name, QLineEdit)
    name.setText(text)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # A window manager gives the window back its focus; the offscreen platform does not.
    window = dialog.parentWidget().window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def at(day: int, hour: int, minute: int = 0) -> QDateTime:
    return QDateTime(QDate(2025, 9, day), QTime(hour, minute))


def column(window_table: object, index: int) -> list[str]:
    from PySide6.QtWidgets import QTableWidget  # noqa: PLC0415 - only for the type check

    assert isinstance(window_table, QTableWidget)
    cells = [window_table.item(row, index) for row in range(window_table.rowCount())]
    return [cell.text() if cell is not None else "" for cell in cells]


def grouped(data: bytes) -> str:
    """SHA-256 in 16 groups of 4 upper-case hex digits, as the forms print the hash code."""
    digest = hashlib.sha256(data).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, 64, 4))


# -- Inleveringen --------------------------------------------------------------------


def test_a_list_chosen_in_the_dialog_with_its_two_open_groups_is_received_and_listed(
    qtbot: QtBot, window: CsbWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file, code = write_210(tmp_path, "alfa.eml.xml", "Partij Alfa", people("A", 4), ALL)
    page = window.receive_page
    type_name(qtbot, window)
    page.received_at.setDateTime(at(15, 14, 30))
    # Without a code the program shows the code with two groups left open...
    dialog = page.choose_file()
    assert dialog.directory().absolutePath() == str(tmp_path)
    type_and_enter(qtbot, dialog, file.name)
    assert page.notice.text().startswith("alfa.eml.xml: typ de hashcode van het H 1")
    shown = next(line for line in page.notice.text().splitlines() if "...." in line)
    groups = shown.replace("\u200b", "").split()
    assert len(groups) == 16
    assert groups.count("....") == 2
    assert page.table.rowCount() == 0
    # ...and the committee types those two groups from the printed H 1.
    printed = code.split()
    typed = " ".join(printed[i] for i, group in enumerate(groups) if group == "....")
    assert focused() is page.hashcode
    type_text(qtbot, typed)
    alt(qtbot, window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    assert [page.table.item(0, c).text() for c in range(6)] == [
        "1",
        "Partij Alfa",
        "1-20",
        "4",
        "15-09-2025 14:30",
        "op tijd",
    ]
    assert page.notice.text().replace("\u200b", "").startswith("Inlevering 1 ontvangen")
    capsys.readouterr()
    assert main(["csb", "log", str(window.desk.path)]) == 0
    received = [line for line in capsys.readouterr().out.splitlines() if "ontvangen:" in line]
    assert len(received) == 1
    assert (
        f"{ANNA}  inlevering 1 ontvangen: alfa.eml.xml (Partij Alfa, 4 kandidaten)" in (received[0])
    )
    assert "hashcode twee groepen bevestigd" in received[0]


def test_a_list_received_after_17_00_is_listed_as_late(
    qtbot: QtBot, window: CsbWindow, tmp_path: Path
) -> None:
    file, code = write_210(tmp_path, "laat.eml.xml", "Partij Laat", people("L", 2), ALL)
    page = window.receive_page
    type_name(qtbot, window)
    page.received_at.setDateTime(at(15, 17, 1))
    page.hashcode.setText(code)
    type_and_enter(qtbot, page.choose_file(), file.name)
    assert column(page.table, 5) == ["te laat (ongeldig)"]
    assert "Kieswet I 5 onder a" in page.notice.text().replace("\u200b", "")


def test_a_wrong_hash_code_shows_the_dutch_error_and_stores_nothing(
    qtbot: QtBot, window: CsbWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file, code = write_210(tmp_path, "alfa.eml.xml", "Partij Alfa", people("A", 4), ALL)
    groups = code.split()
    groups[3] = "0000" if groups[3] != "0000" else "1111"
    page = window.receive_page
    type_name(qtbot, window)
    page.received_at.setDateTime(at(15, 10))
    page.hashcode.setText(" ".join(groups))
    type_and_enter(qtbot, page.choose_file(), file.name)
    text = page.notice.text().replace("\u200b", "")
    assert "de getypte hashcode komt niet overeen met dit bestand" in text
    assert text.endswith("Er is niets opgeslagen.")
    assert page.table.rowCount() == 0
    assert CsbDesk.open(window.desk.path).submissions() == []
    capsys.readouterr()
    assert main(["csb", "log", str(window.desk.path)]) == 0
    assert "inlevering 1 ontvangen" not in capsys.readouterr().out


def test_a_hash_code_of_three_groups_is_refused_naming_the_field_not_the_option(
    qtbot: QtBot, window: CsbWindow, tmp_path: Path
) -> None:
    file, _ = write_210(tmp_path, "alfa.eml.xml", "Partij Alfa", people("A", 2), ALL)
    page = window.receive_page
    type_name(qtbot, window)
    page.hashcode.setText("1A2B 3C4D 5E6F")
    type_and_enter(qtbot, page.choose_file(), file.name)
    assert page.notice.text() == (
        "Hashcode: typ alle 16 groepen van 4 tekens, of de 2 weggelaten groepen; "
        "gevonden: 3 groep(en)"
    )
    assert focused() is page.hashcode
    assert page.retry_button.isEnabled()
    assert CsbDesk.open(window.desk.path).submissions() == []


def test_without_a_name_nothing_is_received_and_the_cursor_goes_to_the_name(
    qtbot: QtBot, window: CsbWindow, tmp_path: Path
) -> None:
    file, code = write_210(tmp_path, "alfa.eml.xml", "Partij Alfa", people("A", 2), ALL)
    page = window.receive_page
    page.hashcode.setText(code)
    type_and_enter(qtbot, page.choose_file(), file.name)
    assert page.notice.text().startswith("Vul eerst uw naam in")
    assert focused() is window.member
    assert CsbDesk.open(window.desk.path).submissions() == []


# -- Onderzoek -------------------------------------------------------------------------


def test_the_examination_shows_a_late_list_as_an_error_with_its_article_and_is_logged(
    qtbot: QtBot, window: CsbWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file, code = write_210(tmp_path, "laat.eml.xml", "Partij Laat", people("L", 2), ALL)
    assert main(["csb", "import", str(window.desk.path), str(file), "--hashcode", code,
                 "--ontvangen", "2025-09-15 17:30", "--lid", ANNA]) == 0  # fmt: skip
    type_name(qtbot, window)
    alt(qtbot, window, Qt.Key.Key_O)
    assert window.tabs.currentWidget() is window.examine_page
    alt(qtbot, window, Qt.Key.Key_C)
    page = window.examine_page
    qtbot.waitUntil(lambda: page.table.rowCount() > 0)
    errors = [
        (page.table.item(row, 1).text(), page.table.item(row, 3).text())
        for row in range(page.table.rowCount())
        if page.table.item(row, 0).text() == "fout"
    ]
    assert ("Kieswet H 1 lid 1 en I 5", "1 (Partij Laat)") in errors
    assert "fout(en) gevonden. Vastgelegd in het logboek." in page.notice.text()
    capsys.readouterr()
    assert main(["csb", "log", str(window.desk.path)]) == 0
    examined = [line for line in capsys.readouterr().out.splitlines() if "onderzoek:" in line]
    assert len(examined) == 1
    assert ANNA in examined[0]


# -- Verzuimen -------------------------------------------------------------------------


def test_an_omission_is_recorded_and_repaired_with_the_keyboard_only(
    qtbot: QtBot, two_lists: Path
) -> None:
    window = _window(qtbot, two_lists)
    page = window.omissions_page
    type_name(qtbot, window)
    alt(qtbot, window, Qt.Key.Key_V)
    assert window.tabs.currentWidget() is page
    alt(qtbot, window, Qt.Key.Key_G)
    assert focused() is page.submission
    key(qtbot, Qt.Key.Key_Down)
    assert page.submission.currentText() == "2: Partij Beta"
    alt(qtbot, window, Qt.Key.Key_Z)
    assert focused() is page.code
    type_text(qtbot, "H9")
    assert page.code.currentData() == "H9-ONTBREEKT"
    # A missing H 9 is about one candidate: the place is asked, no kieskring.
    assert page.place.isEnabled()
    assert not page.kieskring.isEnabled()
    alt(qtbot, window, Qt.Key.Key_P)
    assert focused() is page.place
    key(qtbot, Qt.Key.Key_Up)
    assert page.place.value() == 2
    alt(qtbot, window, Qt.Key.Key_T)
    type_text(qtbot, "H 9 van de tweede kandidaat ontbreekt")
    page.at.setDateTime(at(16, 16))
    alt(qtbot, window, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    assert [page.table.item(0, c).text() for c in (0, 1, 5, 6)] == [
        "1",
        "inlevering 2 (Partij Beta)",
        "B. P1xab (plaats 2)",
        "open (herstel tot en met 18-09-2025)",
    ]
    # The submitter brings the H 9 on Wednesday 17 September, within the repair period.
    page.at.setDateTime(at(17, 11))
    alt(qtbot, window, Qt.Key.Key_R)
    assert focused() is page.table
    key(qtbot, Qt.Key.Key_Home)
    alt(qtbot, window, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: column(page.table, 6) == ["hersteld"])
    assert page.notice.text().startswith("Verzuim 1 (H9-ONTBREEKT, inlevering 2 (Partij Beta))")
    window.close()


def test_a_repair_after_the_repair_period_is_refused_in_dutch(
    qtbot: QtBot, two_lists: Path
) -> None:
    window = _window(qtbot, two_lists)
    page = window.omissions_page
    window.member.setText(ANNA)
    window.show_page("verzuimen")
    page.code.setCurrentIndex(page.code.findData("WAARBORGSOM"))
    page.at.setDateTime(at(16, 16))
    assert page.record() == 1
    page.at.setDateTime(at(19, 9))
    page.table.selectRow(0)
    assert not page.repair()
    text = page.notice.text().replace("\u200b", "")
    assert "de hersteltermijn (Kieswet I 2 lid 2) liep tot en met 18-09-2025" in text
    assert column(page.table, 6) == ["open (herstel tot en met 18-09-2025)"]
    window.close()


# -- Nummering and Vaststellen -------------------------------------------------------------


def test_a_tie_in_the_numbering_asks_for_the_draw_and_the_drawn_list_gets_the_number(
    qtbot: QtBot, four_lists: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window = _window(qtbot, four_lists)
    page = window.numbering_page
    type_name(qtbot, window)
    alt(qtbot, window, Qt.Key.Key_U)
    assert window.tabs.currentWidget() is page
    alt(qtbot, window, Qt.Key.Key_M)
    # Groot (2 000 000 votes) and Klein (150 000) first; the two new lists, each in all
    # 20 kieskringen, tie (Kieswet I 12 - I 14): the committee draws.
    qtbot.waitUntil(page.confirm_button.isEnabled)
    question = page.question.text().replace("\u200b", "")
    assert "inlevering 1 (Partij Nieuw A); inlevering 3 (Partij Nieuw B)" in question
    assert "--lot" not in question
    assert page.table.rowCount() == 0
    assert focused() is page.drawn
    options = [page.drawn.itemText(i) for i in range(page.drawn.count())]
    assert options == ["inlevering 1 (Partij Nieuw A)", "inlevering 3 (Partij Nieuw B)"]
    key(qtbot, Qt.Key.Key_Down)  # Nieuw B is drawn
    alt(qtbot, window, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: page.table.rowCount() == 4)
    assert column(page.table, 0) == ["1", "2", "3", "4"]
    assert column(page.table, 1) == [
        "inlevering 4 (Partij Groot)",
        "inlevering 2 (Partij Klein)",
        "inlevering 3 (Partij Nieuw B)",
        "inlevering 1 (Partij Nieuw A)",
    ]
    assert column(page.table, 3) == ["nee", "nee", "ja", "ja"]
    assert page.lots == [3]
    assert page.notice.text() == (
        "4 lijst(en) genummerd en vastgelegd in het logboek. Getrokken, in deze volgorde: "
        "inlevering 3."
    )
    capsys.readouterr()
    assert main(["csb", "log", str(four_lists)]) == 0
    log = capsys.readouterr().out
    assert (
        "lijsten genummerd: 1=Partij Groot, 2=Partij Klein, 3=Partij Nieuw B, "
        "4=Partij Nieuw A; loting: 3" in log
    )
    window.close()


def test_establishing_after_the_draw_writes_a_230b_per_kieskring_with_its_hash_code(
    qtbot: QtBot, two_lists: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, two_lists)
    type_name(qtbot, window)
    window.show_page("nummering")
    numbering = window.numbering_page
    numbering.number()
    numbering.drawn.setCurrentIndex(numbering.drawn.findData(2))  # Beta is drawn first
    numbering.confirm_draw()
    assert numbering.lots == [2]
    alt(qtbot, window, Qt.Key.Key_S)
    page = window.establish_page
    assert window.tabs.currentWidget() is page
    out = tmp_path / "zitting"
    out.mkdir()
    dialog = page.browse()
    # Proposed: a folder "vastgesteld" beside the workspace (not made yet).
    assert dialog.directory().absolutePath() == str(tmp_path)
    type_and_enter(qtbot, dialog, "zitting")
    assert page.folder.text() == str(out)
    page.day.setDate(QDate(2025, 9, 19))
    alt(qtbot, window, Qt.Key.Key_B)
    # One 230b per kieskring and the 230c with all of them (the totaallijst).
    qtbot.waitUntil(lambda: page.table.rowCount() == 21)
    assert sorted(column(page.table, 0)) == sorted([*ALL, "alle (230c)"])
    for row in range(21):
        written = out / page.table.item(row, 1).text()
        assert page.table.item(row, 3).text() == grouped(written.read_bytes())
        # Two lists in each kieskring; the 230c holds the 20 kieskring blocks: 2 x 20.
        total = page.table.item(row, 0).text() == "alle (230c)"
        assert page.table.item(row, 2).text() == ("40" if total else "2")
    path = out / "Kandidatenlijsten_TK2025_kieskring_1.eml.xml"
    record = read_candidate_lists(parse_file(path), path.name)
    assert [(a.number, a.name) for a in record.affiliations] == [
        (1, "Partij Beta"),
        (2, "Partij Alfa"),
    ]
    assert (out / "Proces-verbaal_I4.pdf").read_bytes().startswith(b"%PDF")
    window.close()


def test_establishing_with_an_open_omission_in_the_repair_period_writes_nothing(
    qtbot: QtBot, two_lists: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, two_lists)
    window.member.setText(ANNA)
    omissions = window.omissions_page
    window.show_page("verzuimen")
    omissions.code.setCurrentIndex(omissions.code.findData("WAARBORGSOM"))
    omissions.at.setDateTime(at(16, 16))
    assert omissions.record() == 1
    window.show_page("vaststellen")
    page = window.establish_page
    page.folder.setText(str(tmp_path / "uit"))
    page.day.setDate(QDate(2025, 9, 17))
    assert page.establish() is None
    text = page.notice.text().replace("\u200b", "")
    assert text.startswith("Datum zitting 17-09-2025: de hersteltermijn")
    assert not (tmp_path / "uit").exists()
    window.close()


# -- the window as a whole ---------------------------------------------------------------


def test_on_every_page_each_underlined_letter_reaches_one_thing(window: CsbWindow) -> None:
    tabs = [
        (mnemonic(window.tabs.tabText(i)), window.tabs.tabText(i))
        for i in range(window.tabs.count())
    ]
    pages = list(window.pages.values())
    for name, page in window.pages.items():
        window.show_page(name)
        others = [other for other in pages if other is not page]
        texts = [*tabs, *in_window(window, others)]
        assert clashes(texts) == {}, name
        assert len(texts) >= 8, name


def test_every_text_of_the_csb_window_is_dutch(qtbot: QtBot, four_lists: Path) -> None:
    window = _window(qtbot, four_lists)
    window.member.setText(ANNA)
    seen = []
    for name in window.pages:
        window.show_page(name)
        seen += widget_texts(window)
    window.examine_page.run()
    window.numbering_page.number()
    seen += widget_texts(window)
    assert len(seen) > 100
    assert {text: english_words(text) for text in seen if english_words(text)} == {}
    window.close()


def test_every_page_fits_1366_by_768_and_a_full_hd_screen_at_200_percent(
    qtbot: QtBot, four_lists: Path
) -> None:
    # 1920 x 1080 pixels at a scale of 200 % leave 960 x 540, less than 1366 x 768.
    window = _window(qtbot, four_lists)
    window.member.setText(ANNA)
    window.examine_page.run()
    window.numbering_page.number()  # the question of the tie is on the page
    for name in window.pages:
        window.show_page(name)
        needed = window.minimumSizeHint()
        assert needed.width() <= 960, name
        assert needed.height() <= 540, name
    window.close()


def test_kandidaat_gui_with_a_csb_file_writes_a_screenshot_at_1366_by_768(
    two_lists: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    png = tmp_path / "csb.png"
    assert main(["gui", str(two_lists), "--screenshot", str(png)]) == 0
    assert capsys.readouterr().out == f"schermafdruk van de pagina inleveringen bewaard in {png}\n"
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1366, 768)


def test_a_count_page_or_a_missing_csb_file_is_refused_in_dutch_and_nothing_is_written(
    empty: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    png = tmp_path / "x.png"
    assert main(["gui", str(empty), "--screenshot", str(png), "--page", "invoer"]) == 2
    assert capsys.readouterr().err == (
        "fout: --page invoer: kies bij een CSB-werkbestand inleveringen, onderzoek, "
        "verzuimen, nummering, vaststellen, stukken, ondersteuning, documenten\n"
    )
    missing = tmp_path / "weg.csb"
    assert main(["gui", str(missing), "--screenshot", str(png)]) == 2
    assert capsys.readouterr().err == f"fout: {missing}: dit CSB-werkbestand bestaat niet\n"
    assert not png.exists()
