"""The new-project dialog proposes a folder that exists and never loses what was typed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QApplication

from kandidaat.gui.main_window import MainWindow
from kandidaat.gui.new_project import NewProjectDialog

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot


def _fill_in(qtbot: QtBot, dialog: NewProjectDialog, appellation: str = "Dorpsbelang") -> None:
    qtbot.keyClicks(dialog.municipality, "Wijdemeren")
    dialog.seats.setValue(19)
    dialog.election_date.setDate(QDate(2026, 3, 18))
    qtbot.keyClicks(dialog.appellation, appellation)


def _assert_everything_typed_is_kept(dialog: NewProjectDialog) -> None:
    assert dialog.isVisible()
    assert dialog.municipality.text() == "Wijdemeren"
    assert dialog.seats.value() == 19
    assert dialog.election_date.date() == QDate(2026, 3, 18)
    assert dialog.appellation.text() == "Dorpsbelang"


def test_a_missing_documents_folder_is_not_proposed_for_the_new_project(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    missing = tmp_path / "Documents"
    window = MainWindow(settings=settings, documents_dir=missing)
    qtbot.addWidget(window)
    dialog = NewProjectDialog(window, missing)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.appellation, "Dorpsbelang")
    proposed = dialog.file.text()
    assert not proposed.startswith(str(missing))
    assert dialog.file.text().endswith("Dorpsbelang.kandidaat")
    from pathlib import Path  # noqa: PLC0415 - the proposed path is text in the dialog

    assert Path(proposed).parent.is_dir()


def test_a_folder_that_does_not_exist_keeps_the_dialog_open_with_everything_typed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.show_page("start")
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, NewProjectDialog)
    _fill_in(qtbot, dialog)
    target = tmp_path / "bestaat-niet" / "Dorpsbelang.kandidaat"
    dialog.file.setText(str(target))
    dialog.file.setModified(True)
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    _assert_everything_typed_is_kept(dialog)
    assert dialog.problem.text() == (
        f"De map {target.parent} bestaat niet; kies met Bladeren… een map die bestaat "
        "(of maak de map eerst aan)"
    )
    assert dialog.file.text() == str(target)
    assert window.bridge.session is None
    assert not target.parent.exists()
    # Corrected: the same dialog makes the project.
    dialog.file.setText(str(tmp_path / "Dorpsbelang.kandidaat"))
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.bridge.session is not None
    assert (tmp_path / "Dorpsbelang.kandidaat").is_file()


def test_a_failure_to_write_the_project_keeps_the_dialog_open_with_the_dutch_reason(
    qtbot: QtBot, tmp_path: Path
) -> None:
    def no_room(_path: Path, _nomination: object) -> object:
        raise OSError(28, "No space left on device")

    dialog = NewProjectDialog(None, tmp_path, create=no_room)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_in(qtbot, dialog)
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    _assert_everything_typed_is_kept(dialog)
    assert dialog.problem.text().startswith(f"Het project kon niet worden gemaakt in {tmp_path}")
    assert "de schijf is vol" in dialog.problem.text()  # Dutch, never the English strerror
    assert "No space left on device" not in dialog.problem.text()
    assert dialog.session is None


def test_a_long_appellation_proposes_a_short_file_name(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = NewProjectDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    dialog.appellation.setText("Partij/" + "Lang" * 50)
    name = dialog.file.text().removeprefix(str(tmp_path) + "/")
    assert "/" not in name
    assert name.endswith(".kandidaat")
    assert len(name) <= 60 + len(".kandidaat")
    assert name.startswith("Partij-LangLang")


def test_the_proposed_election_day_is_the_next_ordinary_municipal_election(qtbot: QtBot) -> None:
    # On 7 December 2026 the 2026 elections are over; the next gemeenteraad election:
    # nomination day Monday 4 February 2030 (Kieswet F 1 lid 1: the Monday in 30 January -
    # 5 February; 30 January 2030 is a Wednesday), election day 44 days later (J 1 lid 1):
    # Wednesday 20 March 2030 (computed by hand).
    dialog = NewProjectDialog(None, None, today=date(2026, 12, 7))
    qtbot.addWidget(dialog)
    assert dialog.election_date.date() == QDate(2030, 3, 20)
    before = NewProjectDialog(None, None, today=date(2026, 1, 5))
    qtbot.addWidget(before)
    # Nomination day 2026 (Monday 2 February) is still ahead: 18 March 2026.
    assert before.election_date.date() == QDate(2026, 3, 18)
