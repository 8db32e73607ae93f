"""Kandidaten: a volunteer edits in the table; every change is in the file at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from kandidaat.app.editing.session import EditingSession
from kandidaat.gui.models import CandidatesModel

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from kandidaat.domain.nomination.model import Nomination
    from kandidaat.gui.main_window import MainWindow


def reopen(window: MainWindow, project: Path) -> Nomination:
    window.bridge.replace_session(None)
    session = EditingSession.open(project)
    try:
        return session.nomination
    finally:
        session.close()


def type_into_cell(qtbot: QtBot, window: MainWindow, row: int, field: str, text: str) -> None:
    page = window.candidates_page
    column = CandidatesModel.column_of(field)
    assert column is not None
    index = page.proxy.index(row, column)
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = page.table.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits the text on the next turn of the event loop.
    qtbot.waitUntil(lambda: page.table.state() == QAbstractItemView.State.NoState)


def test_the_table_shows_every_person_with_their_place_on_the_list(opened: MainWindow) -> None:
    page = opened.show_page("kandidaten")
    assert page is opened.candidates_page
    model = opened.candidates_page.proxy
    assert model.rowCount() == 20
    assert model.index(0, 0).data() == "Gelder"
    assert model.index(0, 1).data() == "van"
    assert model.index(0, CandidatesModel.LISTS_COLUMN).data() == "lijst 1: 1"
    assert opened.candidates_page.count_label.text() == "20 kandidaten"


def test_a_date_of_birth_typed_in_the_table_is_in_the_file_at_once(
    qtbot: QtBot, opened: MainWindow, project: Path
) -> None:
    opened.show_page("kandidaten")
    proxy = opened.candidates_page.proxy
    vertical, tooltip = Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole
    # The row number carries the mark of the worst finding; its tooltip says what it is.
    assert proxy.headerData(0, vertical) == "1 ✖"
    assert "ontbreekt de geboortedatum" in proxy.headerData(0, vertical, tooltip)
    type_into_cell(qtbot, opened, 0, "date_of_birth", "07-03-1980")
    assert "geboortedatum" not in proxy.headerData(0, vertical, tooltip)
    assert opened.candidates_page.proxy.index(0, 5).data() == "07-03-1980"
    # The cursor stays on the cell, so the volunteer can go on with the keyboard.
    current = opened.candidates_page.table.currentIndex()
    assert (current.row(), current.column()) == (0, 5)
    nomination = reopen(opened, project)
    assert nomination.candidates[0].date_of_birth is not None
    assert nomination.candidates[0].date_of_birth.isoformat() == "1980-03-07"


def test_a_date_that_does_not_exist_is_refused_in_dutch_naming_the_person(
    qtbot: QtBot, opened: MainWindow, project: Path
) -> None:
    opened.show_page("kandidaten")
    with qtbot.waitSignal(opened.bridge.error_shown) as shown:
        type_into_cell(qtbot, opened, 0, "date_of_birth", "31-02-1980")
    assert shown.args == [
        "geboortedatum van Gelder, F.J.J. (Frans) van: '31-02-1980' bestaat niet als datum"
    ]
    assert opened.statusBar().currentMessage().startswith("Geboortedatum van Gelder")
    assert reopen(opened, project).candidates[0].date_of_birth is None


def test_searching_shows_only_the_matching_people(qtbot: QtBot, opened: MainWindow) -> None:
    page = opened.candidates_page
    opened.show_page("kandidaten")
    qtbot.keyClicks(page.search, "dreumel")
    shown = {page.proxy.index(row, 6).data() for row in range(page.proxy.rowCount())}
    assert shown == {"Dreumel"}
    assert 0 < page.proxy.rowCount() < 20


def test_clicking_a_column_title_sorts_by_that_column(qtbot: QtBot, opened: MainWindow) -> None:
    page = opened.candidates_page
    opened.show_page("kandidaten")
    header = page.table.horizontalHeader()
    position = QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    names = [page.proxy.index(row, 0).data() for row in range(page.proxy.rowCount())]
    assert names == sorted(names, key=str.casefold)
    assert names != [page.model.candidate_at(row).last_name for row in range(20)]


def test_a_new_candidate_can_be_added_named_and_undone(
    qtbot: QtBot, opened: MainWindow, project: Path
) -> None:
    page = opened.candidates_page
    opened.show_page("kandidaten")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 21
    editor = page.table.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Jansen")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() == QAbstractItemView.State.NoState)
    assert page.model.candidate_at(20).last_name == "Jansen"
    assert opened.undo_action.text() == "&Ongedaan maken: kandidaat Jansen, ? bewaard"
    opened.undo_action.trigger()
    assert page.model.candidate_at(20).last_name == "Nieuwe kandidaat"
    opened.undo_action.trigger()
    assert page.model.rowCount() == 20
    assert len(reopen(opened, project).candidates) == 20


def test_removing_a_candidate_takes_them_off_the_list_too(
    qtbot: QtBot, opened: MainWindow, project: Path
) -> None:
    page = opened.candidates_page
    opened.show_page("kandidaten")
    page.table.setCurrentIndex(page.proxy.index(1, 0))
    removed = page.model.candidate_at(1).key
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    nomination = reopen(opened, project)
    assert removed not in {candidate.key for candidate in nomination.candidates}
    assert removed not in nomination.lists[0].candidates
    assert len(nomination.lists[0].candidates) == 19
