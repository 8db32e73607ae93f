"""A volunteer's whole job, start to finish, and everything is back after reopening."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from gui_samples import west_maas_en_waal
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from kandidaat.documents import COMBINED_NAME
from kandidaat.gui.main_window import MainWindow
from kandidaat.gui.models import CandidatesModel
from kandidaat.gui.new_project import NewProjectDialog
from kandidaat.store.spreadsheet import write_candidates

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot


def fill_in_party(qtbot: QtBot, window: MainWindow) -> None:
    party = window.party_page
    for name, text in (("initials", "A."), ("last_name", "Verbeek"), ("locality", "Wamel")):
        field = party.submitter_fields[name]
        field.setFocus()
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Tab)


def create_project(qtbot: QtBot, window: MainWindow) -> Path:
    # 1. A new project for the municipality.
    window.show_page("start")
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, NewProjectDialog)
    qtbot.keyClicks(dialog.municipality, "West Maas en Waal")
    dialog.seats.setValue(19)
    qtbot.keyClicks(dialog.appellation, "Sociaal Maas en Waal")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    session = window.bridge.session
    assert session is not None
    path = session.path
    assert path is not None
    fill_in_party(qtbot, window)
    return path


def fix_a_missing_date_of_birth(qtbot: QtBot, window: MainWindow) -> str:
    # 4. A finding is fixed by clicking it and typing the date of birth.
    window.show_page("controle")
    tree = window.findings_page.tree
    target = next(
        tree.topLevelItem(row)
        for row in range(tree.topLevelItemCount())
        if tree.topLevelItem(row).data(0, Qt.ItemDataRole.UserRole).field == "date_of_birth"
    )
    fixed_key = target.data(0, Qt.ItemDataRole.UserRole).candidate_key
    tree.scrollToItem(target)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(target).center()
    )
    table = window.candidates_page.table
    assert table.currentIndex().column() == CandidatesModel.column_of("date_of_birth")
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "03-10-1975")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState)
    return str(fixed_key)


@pytest.mark.slow
def test_create_import_order_fix_print_and_find_everything_back(
    qtbot: QtBot, window: MainWindow, settings: QSettings, tmp_path: Path, shared_dir: Path
) -> None:
    path = create_project(qtbot, window)

    # 2. The candidates of 2022 from a spreadsheet onto the list.
    window.show_page("lijsten")
    # A municipality has one kieskring: the new project has its list already.
    assert window.lists_page.lists.count() == 1
    people = west_maas_en_waal(shared_dir, "Sociaal Maas en Waal").candidates
    csv = tmp_path / "sociaal.csv"
    write_candidates(csv, people)
    window.show_page("kandidaten")
    preview = window.candidates_page.open_import(csv)
    assert preview is not None
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    assert window.candidates_page.model.rowCount() == len(people) == 18

    # 3. The number 3 becomes lijsttrekker by drag and drop.
    window.show_page("lijsten")
    model = window.lists_page.model
    third = model.candidate_at(2).last_name
    dragged = model.mimeData([model.index(2, 0)])
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.candidate_at(0).last_name == third

    fixed_key = fix_a_missing_date_of_birth(qtbot, window)

    # 5. The documents, made in the background.
    window.show_page("documenten")
    out_dir = tmp_path / "documenten"
    window.documents_page.folder.setText(str(out_dir))
    with qtbot.waitSignal(window.documents_page.finished, timeout=60_000):
        qtbot.mouseClick(window.documents_page.make_button, Qt.MouseButton.LeftButton)
    assert window.documents_page.last_error == ""
    assert (out_dir / COMBINED_NAME).is_file()
    expected = window.bridge.nomination
    window.close()

    # 6. Another day: the project opens from the recent list with everything in it.
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    again.show()
    assert again.start_page.recent.item(0).data(Qt.ItemDataRole.UserRole) == str(path)
    assert again.open_and_show(path)
    reopened = again.bridge.nomination
    assert reopened == expected
    assert reopened is not None
    assert reopened.candidate(fixed_key).date_of_birth is not None
    assert reopened.candidates_of(reopened.lists[0])[0].last_name == third
    assert reopened.party.submitter is not None
    assert reopened.party.submitter.ballot_name == "A. Verbeek"
    assert not any(
        f.field == "date_of_birth" and f.candidate_key == fixed_key
        for f in again.findings_page.findings
    )
    again.close()
