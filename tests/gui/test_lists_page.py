"""Lijsten: order by drag and drop or keyboard, copy lists, kieskringen, the 50/80 counter."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt

from kandidaat.app.editing.session import EditingSession
from kandidaat.domain.nomination.elections import builtin_election, municipal_election
from kandidaat.domain.nomination.model import AppellationKind, CandidateList, Nomination, Party

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from kandidaat.gui.main_window import MainWindow


def reopened_order(window: MainWindow, project: Path, number: int = 1) -> list[str]:
    window.bridge.replace_session(None)
    session = EditingSession.open(project)
    try:
        nomination = session.nomination
        return [
            candidate.last_name
            for candidate in nomination.candidates_of(nomination.lists[number - 1])
        ]
    finally:
        session.close()


def shown_order(window: MainWindow) -> list[str]:
    model = window.lists_page.model
    return [model.candidate_at(row).last_name for row in range(model.rowCount())]


def test_the_counter_says_how_many_of_the_maximum_are_on_the_list(opened: MainWindow) -> None:
    opened.show_page("lijsten")
    assert opened.lists_page.counter.text() == "20 van 50 kandidaten"
    assert opened.lists_page.lists.item(0).text() == "Lijst 1"


def test_dropping_two_dragged_rows_moves_them_and_the_file_keeps_the_new_order(
    opened: MainWindow, project: Path
) -> None:
    opened.show_page("lijsten")
    model = opened.lists_page.model
    before = shown_order(opened)
    # What the view hands over when the user drags rows 3 and 4 to the top.
    dragged = model.mimeData([model.index(2, 0), model.index(3, 1)])
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    expected = [before[2], before[3], before[0], before[1], *before[4:]]
    assert shown_order(opened) == expected
    assert model.index(0, 0).data() == "1"
    assert reopened_order(opened, project) == expected


def test_qt_move_rows_puts_the_lijsttrekker_lower_and_undo_puts_him_back(
    opened: MainWindow, project: Path
) -> None:
    opened.show_page("lijsten")
    model = opened.lists_page.model
    before = shown_order(opened)
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    assert shown_order(opened)[:3] == [before[1], before[2], before[0]]
    opened.undo_action.trigger()
    assert shown_order(opened) == before
    assert reopened_order(opened, project) == before


def test_ctrl_down_moves_the_selected_candidate_one_place_and_keeps_the_selection(
    qtbot: QtBot, opened: MainWindow
) -> None:
    page = opened.lists_page
    opened.show_page("lijsten")
    before = shown_order(opened)
    page.table.setFocus()
    page.table.selectRow(0)
    # Shortcuts go through the window, as with a real keyboard.
    qtbot.keyClick(opened.windowHandle(), Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    # A shortcut "animates" the button click: it lands a moment later.
    qtbot.waitUntil(lambda: shown_order(opened)[:2] == [before[1], before[0]])
    assert [index.row() for index in page.table.selectionModel().selectedRows()] == [1]


def test_a_copied_list_has_the_same_order_and_can_be_removed_again(
    qtbot: QtBot, opened: MainWindow, project: Path
) -> None:
    page = opened.lists_page
    opened.show_page("lijsten")
    qtbot.mouseClick(page.copy_list_button, Qt.MouseButton.LeftButton)
    assert page.lists.count() == 2
    assert page.lists.currentRow() == 1
    assert shown_order(opened) == reopened_order_of_first(opened)
    qtbot.mouseClick(page.remove_list_button, Qt.MouseButton.LeftButton)
    assert page.lists.count() == 1
    assert len(reopened_order(opened, project)) == 20


def reopened_order_of_first(window: MainWindow) -> list[str]:
    nomination = window.bridge.nomination
    assert nomination is not None
    return [c.last_name for c in nomination.candidates_of(nomination.lists[0])]


def test_a_person_taken_off_the_list_can_be_put_back_at_the_bottom(
    qtbot: QtBot, opened: MainWindow, project: Path
) -> None:
    page = opened.lists_page
    opened.show_page("lijsten")
    before = shown_order(opened)
    page.table.selectRow(0)
    qtbot.mouseClick(page.take_off_button, Qt.MouseButton.LeftButton)
    assert page.counter.text() == "19 van 50 kandidaten"
    assert page.candidate_choice.count() == 1
    assert page.candidate_choice.currentText().startswith("Gelder")
    qtbot.mouseClick(page.put_on_button, Qt.MouseButton.LeftButton)
    assert reopened_order(opened, project) == [*before[1:], before[0]]


def test_kieskringen_are_chosen_per_list_with_check_boxes(
    window: MainWindow, tmp_path: Path
) -> None:
    election = builtin_election("PS2027_Gelderland")
    path = tmp_path / "gelderland.kandidaat"
    nomination = Nomination(
        election=election,
        party=Party(AppellationKind.REGISTERED, "Gelderse Partij"),
        lists=(CandidateList("l1", (election.kieskringen[0].number,), ()),),
    )
    EditingSession.create(path, nomination).close()
    assert window.open_project(path)
    page = window.lists_page
    window.show_page("lijsten")
    assert page.kieskringen_box.isVisibleTo(window)
    assert page.kieskringen.count() == len(election.kieskringen) == 2
    second = page.kieskringen.item(1)
    second.setCheckState(Qt.CheckState.Checked)
    current = window.bridge.nomination
    assert current is not None
    assert current.lists[0].kieskringen == tuple(k.number for k in election.kieskringen)
    assert page.lists.item(0).text().startswith("Lijst 1 – ")


def test_showing_the_gender_is_a_choice_per_list_and_kept(
    qtbot: QtBot, opened: MainWindow, project: Path
) -> None:
    page = opened.lists_page
    opened.show_page("lijsten")
    assert not page.language.isVisibleTo(opened)
    # The 2022 list of this party showed the gender; this time it does not.
    assert page.publish_gender.isChecked()
    qtbot.mouseClick(page.publish_gender, Qt.MouseButton.LeftButton)
    assert not page.publish_gender.isChecked()
    opened.bridge.replace_session(None)
    session = EditingSession.open(project)
    try:
        assert not session.nomination.lists[0].publish_gender
    finally:
        session.close()


def test_a_frisian_municipality_may_have_a_frisian_list(window: MainWindow, tmp_path: Path) -> None:
    election = municipal_election("Leeuwarden", 39, date(2026, 3, 18))
    path = tmp_path / "ljouwert.kandidaat"
    nomination = Nomination(
        election=election,
        party=Party(AppellationKind.REGISTERED, "Fryske Partij"),
        lists=(CandidateList("l1", ("1",), ()),),
    )
    EditingSession.create(path, nomination).close()
    assert window.open_project(path)
    page = window.lists_page
    window.show_page("lijsten")
    assert page.language.isVisibleTo(window)
    page.language.setCurrentIndex(page.language.findData("fy"))
    current = window.bridge.nomination
    assert current is not None
    assert current.lists[0].language == "fy"
