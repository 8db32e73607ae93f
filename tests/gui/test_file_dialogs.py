"""Choosing files and folders in the Dutch file dialogs: what the user picks is used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit

from kandidaat.gui.new_project import NewProjectDialog

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from kandidaat.gui.main_window import MainWindow


def type_and_enter(qtbot: QtBot, dialog: QFileDialog, text: str) -> None:
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert isinstance(name, QLineEdit)
    name.setText(text)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_project_chosen_in_the_open_dialog_is_opened_on_the_candidates_page(
    qtbot: QtBot, window: MainWindow, project: Path
) -> None:
    dialog = window.choose_project()
    assert dialog.isVisible()
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptOpen
    type_and_enter(qtbot, dialog, project.name)
    session = window.bridge.session
    assert session is not None
    assert session.path == project
    assert window.stack.currentWidget() is window.candidates_page


def test_a_new_project_named_without_extension_gets_dot_kandidaat(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    new_project = NewProjectDialog(window, tmp_path)
    qtbot.addWidget(new_project)
    dialog = new_project.browse()
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    type_and_enter(qtbot, dialog, "Dorpsbelang")
    assert new_project.file.text() == str(tmp_path / "Dorpsbelang.kandidaat")
    # The name typed by the user stays when the appellation changes afterwards.
    qtbot.keyClicks(new_project.appellation, "Anders")
    assert new_project.file.text() == str(tmp_path / "Dorpsbelang.kandidaat")


def test_the_folder_chosen_for_the_documents_is_put_in_the_folder_field(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "stukken").mkdir()
    page = opened.documents_page
    opened.show_page("documenten")
    dialog = page.browse()
    assert dialog.fileMode() == QFileDialog.FileMode.Directory
    assert dialog.directory().absolutePath() == str(tmp_path)
    type_and_enter(qtbot, dialog, "stukken")
    assert page.folder.text() == str(tmp_path / "stukken")


def test_a_spreadsheet_chosen_for_import_shows_the_preview(
    qtbot: QtBot, opened: MainWindow, project: Path
) -> None:
    csv = project.parent / "leden.csv"
    csv.write_text("voorletters;achternaam\nJ.;Jansen\n", encoding="utf-8")
    page = opened.candidates_page
    opened.show_page("kandidaten")
    dialog = page.choose_import()
    # Proposed beside the project, where the exported files go as well.
    assert dialog.directory().absolutePath() == str(project.parent)
    type_and_enter(qtbot, dialog, "leden.csv")
    preview = page.import_dialog
    assert preview is not None
    assert preview.windowTitle() == "Kandidaten inlezen uit leden.csv"


def test_choosing_again_leaves_one_file_dialog_behind_not_one_per_time(
    qtbot: QtBot, window: MainWindow
) -> None:
    for _ in range(3):
        window.choose_project().reject()
    last = window.choose_project()
    qtbot.waitUntil(lambda: len(window.findChildren(QFileDialog)) == 1)
    assert window.findChildren(QFileDialog) == [last]
