"""Everything a volunteer reads in the application is Dutch, including Qt's own buttons."""

from __future__ import annotations

import ast
import re
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QSpinBox,
    QTableView,
    QTreeView,
    QTreeWidget,
    QWidget,
)

from kandidaat.gui.dialogs import show_error
from kandidaat.gui.new_project import NewProjectDialog

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from kandidaat.gui.main_window import MainWindow

GUI = Path(__file__).resolve().parents[2] / "kandidaat" / "gui"

ENGLISH = {
    "add", "and", "apply", "back", "browse", "cancel", "candidate", "candidates", "check",
    "choose", "close", "delete", "directory", "discard", "documents", "done",
    "edit", "error", "exit", "export", "file", "files", "finish", "folder", "for", "help",
    "import", "list", "lists", "loading", "look", "modified", "name", "new", "next", "no",
    "not", "ok", "party",
    "please", "preview", "print", "quit", "redo", "remove", "reset", "save", "search",
    "select", "settings", "size", "the", "to", "undo", "view", "warning", "with", "yes",
}  # fmt: skip
"""Words that betray an untranslated text; none of them is also a Dutch word used here."""

TEXT_CALLS = {
    "QAction", "QCheckBox", "QGroupBox", "QLabel", "QPushButton", "QRadioButton",
    "addItem", "addMenu", "addRow", "setAccessibleName", "setHeaderLabels",
    "setHorizontalHeaderLabels", "setPlaceholderText", "setSpecialValueText", "setText",
    "setTitle", "setToolTip", "setWindowTitle", "_action", "show_error", "show_info", "report",
    "inform", "setNameFilters",
}  # fmt: skip
"""Calls whose string arguments a user reads."""


def english_words(text: str) -> set[str]:
    # File paths are the user's (and the system's) names, not ours: leave them out.
    without_paths = re.sub(r"\S*/\S*", " ", text)
    words = re.findall(r"[A-Za-z]+", without_paths.replace("&", ""))
    return {word.lower() for word in words} & ENGLISH


def widget_texts(root: QWidget) -> list[str]:
    """Every text a user can see or hear (screen readers) in ``root`` and its children."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QSpinBox):
            texts.append(widget.specialValueText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        if isinstance(widget, QTableView) and widget.model() is not None:
            texts += model_texts(widget.model())
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [header.text(column) for column in range(header.columnCount())]
        if isinstance(widget, QMenu):
            texts += [action.text() for action in widget.actions()]
        texts += [action.text() for action in widget.actions()]
    return [text for text in texts if text]


def model_texts(model: QAbstractItemModel) -> list[str]:
    horizontal = Qt.Orientation.Horizontal
    columns = model.columnCount(QModelIndex())
    texts = [str(model.headerData(c, horizontal) or "") for c in range(columns)]
    for row in range(min(model.rowCount(QModelIndex()), 5)):
        texts += [str(model.index(row, c, QModelIndex()).data() or "") for c in range(columns)]
    return texts


def test_every_page_menu_and_dialog_of_the_window_is_dutch(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    seen: list[str] = []
    for name in ("start", "partij", "kandidaten", "lijsten", "controle", "documenten"):
        opened.show_page(name)
        seen += widget_texts(opened)
    for menu in opened.menuBar().findChildren(QMenu):
        seen += [menu.title(), *(action.text() for action in menu.actions())]
    dialog = NewProjectDialog(opened)
    qtbot.addWidget(dialog)
    seen += widget_texts(dialog)
    csv = tmp_path / "een.csv"
    csv.write_text("voorletters;achternaam\nJ.;Jansen\n", encoding="utf-8")
    preview = opened.candidates_page.open_import(csv)
    assert preview is not None
    seen += widget_texts(preview)
    preview.reject()
    box = show_error(opened, "dit is een proef")
    seen += widget_texts(box)
    box.close()
    seen += export_texts(qtbot, opened)
    assert len(seen) > 200
    offenders = {text: english_words(text) for text in seen if english_words(text)}
    assert offenders == {}


def export_texts(qtbot: QtBot, window: MainWindow) -> list[str]:
    """The export dialog, Qt's own file dialog behind Bladeren, and the notice after it."""
    window.show_page("kandidaten")
    dialog = window.candidates_page.open_export()
    assert dialog is not None
    texts = widget_texts(dialog)
    files = dialog.browse()
    texts += widget_texts(files)
    texts += files.nameFilters()
    files.reject()
    with qtbot.waitSignal(window.bridge.notice_shown) as shown:
        dialog.export()
    texts += [str(shown.args[0])]
    notices = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert notices
    for box in notices:
        texts += widget_texts(box)
        box.close()
    return texts


def shows_files(view: QTreeView) -> bool:
    return view.model().rowCount(view.rootIndex()) > 0


def file_dialog_texts(dialog: QFileDialog) -> list[str]:
    """What a file dialog shows, the detail view (one click away) and its filters included."""
    texts = [*widget_texts(dialog), *dialog.nameFilters()]
    details = dialog.findChild(QTreeView, "treeView")
    assert isinstance(details, QTreeView)
    model = details.model()
    root = details.rootIndex()
    horizontal = Qt.Orientation.Horizontal
    texts += [str(model.headerData(c, horizontal)) for c in range(model.columnCount(root))]
    for row in range(model.rowCount(root)):
        texts += [str(model.index(row, c, root).data() or "") for c in range(model.columnCount())]
    return texts


def test_every_file_dialog_is_dutch_also_where_qt_s_catalogue_is_not(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    # A folder and a file to show in the detail view ("Folder" in Qt's own words).
    (tmp_path / "verkiezing 2026").mkdir()
    (tmp_path / "kandidaten.csv").write_text("voorletters;achternaam\n", encoding="utf-8")
    opened.documents_page.folder.setText(str(tmp_path / "nog te maken"))
    new_project = NewProjectDialog(opened, tmp_path)
    qtbot.addWidget(new_project)
    dialogs = {
        "Project openen": opened.choose_project(),
        "Project bewaren als": new_project.browse(),
        "Kandidaten inlezen": opened.candidates_page.choose_import(),
        "Map voor de documenten": opened.documents_page.browse(),
    }
    for title, dialog in dialogs.items():
        assert dialog.windowTitle() == title
        assert dialog.viewMode() == QFileDialog.ViewMode.List
        assert dialog.directory().absolutePath() == str(tmp_path)
        details = dialog.findChild(QTreeView, "treeView")
        assert isinstance(details, QTreeView)
        qtbot.waitUntil(partial(shows_files, details))
        texts = file_dialog_texts(dialog)
        shown = [text.replace("&", "") for text in texts]
        assert "Zoeken in:" in shown
        assert "Annuleren" in shown
        if title != "Map voor de documenten":
            assert "Soort bestand:" in shown
        # The folder, with the type "Map" in the detail view.
        assert "verkiezing 2026" in shown
        assert "Map" in shown
        assert {text: english_words(text) for text in texts if english_words(text)} == {}
        dialog.reject()
    assert dialogs["Project openen"].nameFilters() == ["kandidaat-project (*.kandidaat)"]
    assert dialogs["Kandidaten inlezen"].nameFilters()[0] == "CSV- of Excel-bestand (*.csv *.xlsx)"


def test_qt_s_own_context_menu_of_a_text_field_is_dutch(qtbot: QtBot, opened: MainWindow) -> None:
    opened.show_page("kandidaten")
    menu = opened.candidates_page.search.createStandardContextMenu()
    qtbot.addWidget(menu)
    texts = [action.text() for action in menu.actions() if action.text()]
    assert any("Plakken" in text.replace("&", "") for text in texts)
    assert {text: english_words(text) for text in texts if english_words(text)} == {}


def test_standard_buttons_of_qt_dialogs_are_translated() -> None:
    app = QApplication.instance()
    assert app is not None
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Close
    )
    texts = sorted(button.text().replace("&", "") for button in buttons.buttons())
    assert texts == ["Annuleren", "Opslaan", "Sluiten"]


def shown_strings(node: ast.AST) -> list[tuple[int, str]]:
    """String constants that end up in the text itself (not those inside nested calls)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [(node.lineno, node.value)]
    if isinstance(node, (ast.Call, ast.Subscript, ast.Attribute, ast.Lambda)):
        return []
    found: list[tuple[int, str]] = []
    for child in ast.iter_child_nodes(node):
        found += shown_strings(child)
    return found


def string_arguments(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        if name not in TEXT_CALLS:
            continue
        for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
            found += shown_strings(argument)
    return found


def test_no_text_in_the_gui_source_is_english() -> None:
    offenders = []
    checked = 0
    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, text in string_arguments(tree):
            checked += 1
            if english_words(text):
                offenders.append(f"{path.name}:{line}: {text!r}")
    assert checked > 100
    assert offenders == []
