"""Alt and an underlined letter reaches one thing only, on every page and in every dialog."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QGroupBox, QLabel, QMenu, QWidget

from kandidaat.gui.main_window import PAGE_NAMES
from kandidaat.gui.new_project import NewProjectDialog

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from kandidaat.gui.main_window import MainWindow


def mnemonic(text: str) -> str:
    """The key Qt binds to ``text`` ("Alt+L" for "&Lijsten"); empty without one."""
    return QKeySequence.mnemonic(text).toString()


def widget_mnemonic(widget: QWidget) -> tuple[str, str]:
    """The mnemonic a widget answers to, and its text; ("", "") when it has none."""
    text = ""
    if isinstance(widget, QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QLabel):
        # A label answers to its letter only when it has a buddy to hand the focus to.
        text = widget.text() if widget.buddy() is not None else ""
    elif isinstance(widget, QGroupBox):
        text = widget.title()
    key = mnemonic(text)
    return (key, text) if key else ("", "")


def clashes(texts: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The mnemonics that more than one text claims, with those texts."""
    claimed: defaultdict[str, list[str]] = defaultdict(list)
    for key, text in texts:
        if key:
            claimed[key].append(text)
    return {key: found for key, found in claimed.items() if len(found) > 1}


def in_window(window: QWidget, leave_out: list[QWidget]) -> list[tuple[str, str]]:
    """Mnemonics of ``window``'s widgets (not those of other windows or of ``leave_out``).

    Hidden and disabled widgets count as well: whether a list has kieskringen or a
    button can be clicked depends on the project, the underlined letter does not.
    """
    found = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.window() is not window:
            continue
        if any(other is widget or other.isAncestorOf(widget) for other in leave_out):
            continue
        found.append(widget_mnemonic(widget))
    return [item for item in found if item[0]]


def menu_bar_mnemonics(window: MainWindow) -> list[tuple[str, str]]:
    return [(mnemonic(action.text()), action.text()) for action in window.menuBar().actions()]


def test_on_every_page_each_underlined_letter_is_used_once_menu_bar_included(
    opened: MainWindow,
) -> None:
    pages = list(opened.pages.values())
    seen = {}
    for name, page in opened.pages.items():
        opened.show_page(name)
        others = [other for other in pages if other is not page]
        texts = [*menu_bar_mnemonics(opened), *in_window(opened, others)]
        seen[name] = texts
        assert clashes(texts) == {}, name
    assert set(seen) == set(PAGE_NAMES)
    # The known letters: the menu bar, and a few of the busiest page.
    assert [key for key, _text in menu_bar_mnemonics(opened)] == ["Alt+B", "Alt+W", "Alt+G"]
    lists = dict(seen["lijsten"])
    assert lists["Alt+N"] == "&Nieuwe lijst"
    assert lists["Alt+S"] == "Ge&slacht (m/v) achter de namen tonen"
    assert lists["Alt+I"] == "K&ieskringen waarvoor deze lijst geldt"
    assert len(seen["lijsten"]) >= 15


def test_in_each_menu_each_underlined_letter_is_used_once(opened: MainWindow) -> None:
    owned = [action.menu() for action in opened.menuBar().actions()]
    menus = [menu for menu in owned if isinstance(menu, QMenu)]
    assert len(menus) == 3
    for menu in menus:
        texts = [(mnemonic(action.text()), action.text()) for action in menu.actions()]
        assert clashes(texts) == {}, menu.title()
    go_to = next(menu for menu in menus if menu.title() == "&Ga naar")
    assert [action.text() for action in go_to.actions()] == [
        "&Start",
        "&Partij",
        "&Kandidaten",
        "&Lijsten",
        "&Controle",
        "&Documenten",
    ]


def dialogs_of_the_window(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> list[QWidget]:
    """Every dialog the window opens, each as the user gets it."""
    new_project = NewProjectDialog(window)
    qtbot.addWidget(new_project)
    csv = tmp_path / "een.csv"
    csv.write_text("voorletters;achternaam\nJ.;Jansen\n", encoding="utf-8")
    window.show_page("kandidaten")
    preview = window.candidates_page.open_import(csv)
    export = window.candidates_page.open_export()
    assert preview is not None
    assert export is not None
    return [
        new_project,
        new_project.browse(),
        preview,
        export,
        export.browse(),
        window.choose_project(),
        window.candidates_page.choose_import(),
        window.documents_page.browse(),
    ]


def test_in_every_dialog_each_underlined_letter_is_used_once(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    dialogs = dialogs_of_the_window(qtbot, opened, tmp_path)
    for dialog in dialogs:
        texts = in_window(dialog, [])
        assert len(texts) >= 2, dialog.windowTitle()
        assert clashes(texts) == {}, dialog.windowTitle()
    file_dialogs = [dialog for dialog in dialogs if isinstance(dialog, QFileDialog)]
    assert len(file_dialogs) == 5
    for dialog in file_dialogs:
        keys = {key for key, _text in in_window(dialog, [])}
        # Look in, file name (or folder), file type, and the button that accepts.
        assert {"Alt+I", "Alt+B"} <= keys, dialog.windowTitle()
        dialog.reject()
