"""Importing candidates from a spreadsheet: a preview first, then one undoable edit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui_samples import west_maas_en_waal
from PySide6.QtCore import Qt

from kandidaat.store.spreadsheet import write_candidates

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from kandidaat.gui.main_window import MainWindow


def test_a_csv_from_another_list_is_previewed_and_then_put_at_the_bottom_of_the_list(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path, shared_dir: Path
) -> None:
    vvd = west_maas_en_waal(shared_dir, "VVD")
    csv = tmp_path / "vvd.csv"
    write_candidates(csv, vvd.candidates[:5])
    opened.show_page("kandidaten")
    page = opened.candidates_page
    dialog = page.open_import(csv)
    assert dialog is not None
    assert dialog.windowTitle() == "Kandidaten inlezen uit vvd.csv"
    assert dialog.summary.text().startswith("5 kandidaten gevonden: 5 nieuw, 0 al bekend")
    assert dialog.table.item(0, 0).text() == "2"
    assert dialog.table.item(0, 1).text() == vvd.candidates[0].display_name
    assert dialog.table.item(0, 4).text() == "nieuw"
    # Nothing has changed yet.
    assert page.model.rowCount() == 20
    assert dialog.target.currentText() == "achteraan op lijst 1"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 25
    nomination = opened.bridge.nomination
    assert nomination is not None
    on_list = nomination.candidates_of(nomination.lists[0])
    assert [c.last_name for c in on_list[20:]] == [c.last_name for c in vvd.candidates[:5]]
    assert opened.undo_action.text() == "&Ongedaan maken: 5 kandidaten ingelezen"
    opened.undo_action.trigger()
    assert page.model.rowCount() == 20


def test_importing_a_person_already_in_the_project_updates_instead_of_doubling(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path, shared_dir: Path
) -> None:
    cda = west_maas_en_waal(shared_dir)
    csv = tmp_path / "cda-bijgewerkt.csv"
    write_candidates(csv, cda.candidates[:2])
    dialog = opened.candidates_page.open_import(csv)
    assert dialog is not None
    assert dialog.table.item(0, 4).text() == "bestaat al: wordt bijgewerkt"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    nomination = opened.bridge.nomination
    assert nomination is not None
    assert len(nomination.candidates) == 20
    assert len(nomination.lists[0].candidates) == 20


def test_a_file_with_problems_shows_each_row_and_column_and_changes_nothing(
    opened: MainWindow, tmp_path: Path
) -> None:
    csv = tmp_path / "kandidaten.csv"
    csv.write_text(
        "voorletters;achternaam;geboortedatum;woonplaats\n"
        "J.;Jansen;12-04-1961;Wamel\n"
        "P.;Pietersen;31-02-1980;Dreumel\n"
        ";Klaassen;01-01-1970;Alphen\n",
        encoding="utf-8",
    )
    before = opened.bridge.nomination
    dialog = opened.candidates_page.open_import(csv)
    assert dialog is not None
    problems = [dialog.problems.item(row).text() for row in range(dialog.problems.count())]
    assert len(problems) == 2
    assert problems[0].startswith("kandidaten.csv, regel 3, kolom geboortedatum:")
    assert problems[1].startswith("kandidaten.csv, regel 4, kolom voorletters:")
    assert dialog.summary.text().startswith("Het bestand heeft 2 problemen. Er is niets veranderd.")
    assert not dialog.import_button.isEnabled()
    dialog.reject()
    assert opened.bridge.nomination == before


def test_an_excel_file_is_previewed_the_same_way(
    opened: MainWindow, tmp_path: Path, shared_dir: Path
) -> None:
    wamel = west_maas_en_waal(shared_dir, "F.D. Wamel")
    xlsx = tmp_path / "wamel.xlsx"
    write_candidates(xlsx, wamel.candidates[:3])
    dialog = opened.candidates_page.open_import(xlsx)
    assert dialog is not None
    assert dialog.summary.text().startswith("3 kandidaten gevonden: 3 nieuw")
    assert [dialog.table.item(row, 1).text() for row in range(3)] == [
        c.display_name for c in wamel.candidates[:3]
    ]
    dialog.reject()
    assert opened.candidates_page.model.rowCount() == 20
