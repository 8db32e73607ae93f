"""Everything can be reached with the keyboard, in a sensible order, with a visible focus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from pytestqt.qtbot import QtBot

    from kandidaat.gui.main_window import MainWindow


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    # Through the window, as a real keyboard does (shortcuts are resolved there).
    qtbot.keyClick(window.windowHandle(), key, modifier)


def focus_chain(qtbot: QtBot, window: MainWindow, start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    chain = [start]
    for _ in range(steps):
        press(qtbot, window, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        focused = QApplication.focusWidget()
        assert focused is not None
        chain.append(focused)
    return chain


def test_ctrl_and_a_number_opens_each_page(qtbot: QtBot, opened: MainWindow) -> None:
    expected = [
        opened.start_page,
        opened.party_page,
        opened.candidates_page,
        opened.lists_page,
        opened.findings_page,
        opened.documents_page,
    ]
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6]
    for key, page in zip(keys, expected, strict=True):
        press(qtbot, opened, key, Qt.KeyboardModifier.ControlModifier)
        assert opened.stack.currentWidget() is page


def test_ctrl_z_undoes_and_ctrl_y_redoes_through_the_menu(qtbot: QtBot, opened: MainWindow) -> None:
    opened.show_page("lijsten")
    model = opened.lists_page.model
    first = model.candidate_at(0).key
    opened.lists_page.table.setFocus()
    opened.lists_page.table.selectRow(0)
    press(qtbot, opened, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.candidate_at(1).key == first)
    press(qtbot, opened, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.candidate_at(0).key == first
    press(qtbot, opened, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert model.candidate_at(1).key == first


def test_tab_on_the_lists_page_goes_from_the_lists_to_the_order_and_its_buttons(
    qtbot: QtBot, opened: MainWindow
) -> None:
    page = opened.lists_page
    opened.show_page("lijsten")
    chain = focus_chain(qtbot, opened, page.lists, 6)
    assert chain == [
        page.lists,
        page.add_list_button,
        page.copy_list_button,
        page.remove_list_button,
        page.table,
        page.up_button,
        page.down_button,
    ]


def test_tab_on_the_candidates_page_goes_from_search_to_table_to_buttons_to_addresses(
    qtbot: QtBot, opened: MainWindow
) -> None:
    page = opened.candidates_page
    opened.show_page("kandidaten")
    chain = focus_chain(qtbot, opened, page.search, 6)
    assert chain == [
        page.search,
        page.table,
        page.add_button,
        page.remove_button,
        page.import_button,
        page.export_button,
        page.details.correspondence["street"],
    ]


def test_a_focused_button_shows_a_frame_in_the_highlight_colour(
    qtbot: QtBot, opened: MainWindow
) -> None:
    opened.show_page("lijsten")
    button = opened.lists_page.copy_list_button
    unfocused = button.grab().toImage()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    focused = button.grab().toImage()
    highlight = button.palette().highlight().color()
    corner = focused.pixelColor(1, focused.height() // 2)
    assert unfocused != focused
    assert abs(corner.blue() - highlight.blue()) < 40
    assert abs(corner.red() - highlight.red()) < 40


def test_on_the_candidates_and_documents_pages_every_underlined_letter_is_used_once(
    opened: MainWindow,
) -> None:
    candidates, documents = opened.candidates_page, opened.documents_page
    assert candidates.export_button.text() == "&Exporteren naar CSV of Excel…"
    assert documents.print_button.text() == "&Afdrukken…"
    assert documents.open_folder_button.text() == "Map &openen"
    # Alt and a letter of the menu bar opens that menu on every page.
    menus = [action.text() for action in opened.menuBar().actions()]
    for page in (candidates, documents):
        texts = [*menus, *(button.text() for button in page.findChildren(QPushButton))]
        texts += [label.text() for label in page.findChildren(QLabel) if label.buddy()]
        letters = [text.split("&")[1][0].lower() for text in texts if "&" in text]
        assert len(letters) >= 7
        assert len(letters) == len(set(letters)), letters
