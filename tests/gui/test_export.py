"""Exporting candidates to CSV or Excel from the Kandidaten page, as a volunteer does it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from kandidaat.app.editing.session import EditingSession
from kandidaat.app.nomination.demo_party import demo_nomination
from kandidaat.store.spreadsheet import read_candidates

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from kandidaat.domain.nomination.model import Candidate
    from kandidaat.gui.export_dialog import ExportDialog
    from kandidaat.gui.main_window import MainWindow


def person(candidate: Candidate) -> tuple[object, ...]:
    """What a spreadsheet carries of a person (the key is the project's own)."""
    return (
        candidate.initials,
        candidate.first_name,
        candidate.prefix,
        candidate.last_name,
        candidate.gender,
        candidate.date_of_birth,
        candidate.locality,
        candidate.country_code,
        candidate.bsn,
        candidate.correspondence,
        candidate.agent,
    )


@pytest.fixture
def demo(window: MainWindow, tmp_path: Path) -> MainWindow:
    """The window with the demo party's project (Demodorp Vooruit) open."""
    path = tmp_path / "Demodorp_Vooruit.kandidaat"
    EditingSession.create(path, demo_nomination()[0]).close()
    assert window.open_and_show(path)
    return window


def open_export(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    page = window.candidates_page
    window.show_page("kandidaten")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.export_dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


@pytest.mark.parametrize(("presses", "suffix"), [(0, ".csv"), (1, ".xlsx")])
def test_all_candidates_of_the_demo_are_exported_and_read_back_as_the_same_persons_in_order(
    qtbot: QtBot, demo: MainWindow, tmp_path: Path, presses: int, suffix: str
) -> None:
    dialog = open_export(qtbot, demo)
    assert dialog.windowTitle() == "Kandidaten exporteren"
    assert dialog.which.currentText() == "alle kandidaten van het project (20)"
    for _ in range(presses):
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    expected = tmp_path / f"Demodorp_Vooruit-kandidaten{suffix}"
    assert dialog.file.text() == str(expected)
    with qtbot.waitSignal(demo.bridge.notice_shown) as shown:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert shown.args == [
        f"20 kandidaten (alle kandidaten) geschreven naar {expected.name} in de map {tmp_path}."
    ]
    assert not dialog.isVisible()
    assert demo.statusBar().currentMessage().startswith("20 kandidaten (alle kandidaten)")
    nomination = demo.bridge.nomination
    assert nomination is not None
    back = read_candidates(expected)
    assert back.ok
    assert [person(c) for c in back.candidates] == [person(c) for c in nomination.candidates]


def test_one_list_is_exported_in_the_order_the_volunteer_gave_it(
    qtbot: QtBot, demo: MainWindow, tmp_path: Path
) -> None:
    # The volunteer moves the first candidate down one place on the Lists page.
    demo.show_page("lijsten")
    lists_page = demo.lists_page
    lists_page.table.setFocus()
    lists_page.table.selectRow(0)
    first = lists_page.model.candidate_at(0).key
    # Through the window, as a real keyboard does (the shortcut is resolved there).
    qtbot.keyClick(demo.windowHandle(), Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: lists_page.model.candidate_at(1).key == first)
    nomination = demo.bridge.nomination
    assert nomination is not None
    on_list = nomination.candidates_of(nomination.lists[0])
    assert [c.key for c in on_list] != [c.key for c in nomination.candidates]

    dialog = open_export(qtbot, demo)
    qtbot.keyClick(dialog.which, Qt.Key.Key_Down)
    assert dialog.which.currentText() == "lijst 1, in de volgorde van de lijst (20)"
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    expected = tmp_path / "Demodorp_Vooruit-lijst-1.xlsx"
    assert dialog.file.text() == str(expected)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    back = read_candidates(expected)
    assert [person(c) for c in back.candidates] == [person(c) for c in on_list]


def test_an_export_that_cannot_be_written_shows_a_dutch_error_and_writes_nothing(
    qtbot: QtBot, demo: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "uitvoer"
    (folder / "kandidaten.csv").mkdir(parents=True)
    dialog = open_export(qtbot, demo)
    dialog.file.setText(str(folder / "kandidaten.csv"))
    assert dialog.note.text() == ""
    with qtbot.waitSignal(demo.bridge.error_shown) as shown:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    message = "kandidaten.csv: kan niet worden geschreven: er is al een map met deze naam; "
    assert shown.args == [message + "er is niets geschreven"]
    # The dialog stays open with the reason, so another file can be chosen.
    assert dialog.isVisible()
    assert dialog.note.text().startswith("Niet gelukt: kandidaten.csv: kan niet worden")
    assert [path.name for path in folder.iterdir()] == ["kandidaten.csv"]
    assert list((folder / "kandidaten.csv").iterdir()) == []


def test_a_read_only_folder_is_refused_in_dutch_and_stays_empty(
    qtbot: QtBot, demo: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        probe = folder / "proef"
        try:
            probe.touch()
        except PermissionError:
            pass  # the folder is read-only, as it is for every user but root
        else:
            probe.unlink()
            pytest.skip("this user (root) may write into a read-only folder")
        dialog = open_export(qtbot, demo)
        dialog.file.setText(str(folder / "kandidaten.xlsx"))
        with qtbot.waitSignal(demo.bridge.error_shown) as shown:
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        reason = "u mag in deze map niet schrijven; er is niets geschreven"
        assert shown.args == [f"kandidaten.xlsx: kan niet worden geschreven: {reason}"]
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_an_existing_file_is_announced_before_it_is_replaced(
    qtbot: QtBot, demo: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export(qtbot, demo)
    Path(dialog.file.text()).write_text("oud", encoding="utf-8")
    dialog.file.setText(dialog.file.text())
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Up)
    assert dialog.note.text() == "Demodorp_Vooruit-kandidaten.csv bestaat al en wordt vervangen."
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert len(read_candidates(tmp_path / "Demodorp_Vooruit-kandidaten.csv").candidates) == 20


def test_browsing_offers_csv_and_excel_and_the_chosen_file_is_used(
    qtbot: QtBot, demo: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export(qtbot, demo)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    files = dialog.file_dialog
    assert files is not None
    assert files.windowTitle() == "Kandidaten exporteren naar"
    assert files.nameFilters() == [
        "CSV (puntkomma's, UTF-8) (*.csv)",
        "Excel-werkmap (.xlsx) (*.xlsx)",
    ]
    kinds = files.findChild(QComboBox, "fileTypeCombo")
    name = files.findChild(QLineEdit, "fileNameEdit")
    assert isinstance(kinds, QComboBox)
    assert isinstance(name, QLineEdit)
    qtbot.keyClick(kinds, Qt.Key.Key_Down)
    assert dialog.kind.currentText() == "Excel-werkmap (.xlsx)"
    name.setText("bestuur")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not files.isVisible())
    assert dialog.file.text() == str(tmp_path / "bestuur.xlsx")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert len(read_candidates(tmp_path / "bestuur.xlsx").candidates) == 20


def test_a_keyboard_user_exports_a_list_with_alt_e_the_arrow_keys_and_enter(
    qtbot: QtBot, demo: MainWindow, tmp_path: Path
) -> None:
    page = demo.candidates_page
    demo.show_page("kandidaten")
    page.search.setFocus()
    qtbot.keyClick(demo.windowHandle(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.export_dialog is not None and page.export_dialog.isVisible())
    dialog = page.export_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.which)
    chain = [dialog.which]
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    assert chain == [
        dialog.which,
        dialog.kind,
        dialog.file,
        dialog.browse_button,
        dialog.export_button,
        dialog.cancel_button,
    ]
    dialog.which.setFocus()
    qtbot.keyClick(dialog.which, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.exported):
        qtbot.keyClick(dialog.which, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert len(read_candidates(tmp_path / "Demodorp_Vooruit-lijst-1.csv").candidates) == 20


def test_a_name_without_extension_gets_that_of_the_chosen_type_and_a_folder_the_proposed_name(
    qtbot: QtBot, demo: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export(qtbot, demo)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    dialog.file.setText(str(tmp_path / "voor het bestuur"))
    assert dialog.path() == tmp_path / "voor het bestuur.xlsx"
    dialog.file.setText(f"{tmp_path}/")
    assert dialog.path() == tmp_path / "Demodorp_Vooruit-kandidaten.xlsx"
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert len(read_candidates(tmp_path / "Demodorp_Vooruit-kandidaten.xlsx").candidates) == 20
