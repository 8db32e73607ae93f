"""Start: a new project in a few answers, the demo in one click, recent projects."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication

from kandidaat.domain.nomination.findings import Severity
from kandidaat.gui.application import demo_project
from kandidaat.gui.main_window import MainWindow
from kandidaat.gui.new_project import NewProjectDialog

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot


def new_project_dialog(qtbot: QtBot, window: MainWindow) -> NewProjectDialog:
    window.show_page("start")
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, NewProjectDialog)
    return dialog


def test_a_new_municipal_project_is_made_from_a_few_answers_and_opened(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = new_project_dialog(qtbot, window)
    assert dialog.windowTitle() == "Nieuw project"
    qtbot.keyClicks(dialog.municipality, "Wijdemeren")
    dialog.seats.setValue(19)
    dialog.election_date.setDate(QDate(2026, 3, 18))
    qtbot.keyClicks(dialog.appellation, "Dorpsbelang")
    assert dialog.file.text() == str(tmp_path / "Dorpsbelang Wijdemeren.kandidaat")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert (tmp_path / "Dorpsbelang Wijdemeren.kandidaat").is_file()
    session = window.bridge.session
    assert session is not None
    assert session.nomination.election.name == "Gemeenteraad Wijdemeren 2026"
    assert session.nomination.election.seats == 19
    assert session.nomination.party.appellation == "Dorpsbelang"
    assert [(item.key, item.kieskringen) for item in session.nomination.lists] == [
        ("lijst-1", ("1",))
    ]
    assert window.windowTitle() == "kandidaat – Dorpsbelang – Gemeenteraad Wijdemeren 2026"
    assert window.stack.currentWidget() is window.party_page
    assert window.recent_projects() == [tmp_path / "Dorpsbelang Wijdemeren.kandidaat"]


def test_a_new_project_without_appellation_or_municipality_explains_what_is_missing(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = new_project_dialog(qtbot, window)
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problem.text() == "Vul de naam van de gemeente in"
    qtbot.keyClicks(dialog.municipality, "Wijdemeren")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.problem.text().startswith("Vul de aanduiding van uw partij in")
    assert window.bridge.session is None
    dialog.reject()


def test_a_built_in_election_can_be_chosen_for_a_blank_list(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = new_project_dialog(qtbot, window)
    dialog.builtin.setChecked(True)
    index = dialog.election_choice.findData("PS2027_Gelderland")
    assert index >= 0
    dialog.election_choice.setCurrentIndex(index)
    dialog.kind.setCurrentIndex(dialog.kind.findData("blanco"))
    assert not dialog.appellation.isEnabled()
    dialog.file.setText(str(tmp_path / "blanco-gelderland"))
    dialog.file.setModified(True)
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    session = window.bridge.session
    assert session is not None
    assert session.path == tmp_path / "blanco-gelderland.kandidaat"
    assert session.nomination.election.identifier == "PS2027_Gelderland"
    # Two kieskringen: the party decides which lists it files where.
    assert session.nomination.lists == ()
    assert window.windowTitle().startswith("kandidaat – blanco lijst – ")


def test_the_demo_opens_in_one_click_on_the_candidates_page(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    window = MainWindow(settings=settings, demo_factory=demo_project, documents_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    assert window.start_page.demo_button.isEnabled()
    qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    session = window.bridge.session
    assert session is not None
    assert session.path is not None
    assert session.path.parent == tmp_path / "kandidaat-demo"
    assert session.nomination.party.appellation == "Demodorp Vooruit"
    assert window.stack.currentWidget() is window.candidates_page
    assert window.candidates_page.model.rowCount() == 20
    # The demo stands for an election still ahead: checked today it has no errors.
    assert session.nomination.election.election_date > datetime.now(tz=UTC).date()
    assert not [f for f in session.findings() if f.severity is Severity.ERROR]
    # A second click starts the demo afresh, also when it is open.
    qtbot.mouseClick(window.start_page.demo_button, Qt.MouseButton.LeftButton)
    assert window.bridge.session is not None
    window.close()


def test_recent_projects_are_listed_and_open_with_enter(
    qtbot: QtBot, window: MainWindow, project: Path, settings: QSettings
) -> None:
    assert window.open_project(project)
    window.bridge.replace_session(None)
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    again.show()
    recent = again.start_page.recent
    assert recent.count() == 1
    assert recent.item(0).text().startswith("cda-west-maas-en-waal.kandidaat")
    recent.setCurrentRow(0)
    recent.setFocus()
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert again.bridge.session is not None
    assert again.stack.currentWidget() is again.candidates_page
    again.close()


def test_a_file_that_is_not_a_project_is_refused_in_dutch(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    stray = tmp_path / "notulen.kandidaat"
    stray.write_text("notulen van de ledenvergadering", encoding="utf-8")
    with qtbot.waitSignal(window.bridge.error_shown) as shown:
        assert not window.open_project(stray)
    assert str(shown.args[0]).startswith("notulen.kandidaat: ")
    assert window.bridge.session is None
