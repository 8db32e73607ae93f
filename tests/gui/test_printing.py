"""Documenten: "Afdrukken…" hands the one PDF to the PDF viewer; "Map openen" the folder."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from kandidaat.app.editing.edits import SetParty
from kandidaat.documents import COMBINED_NAME
from kandidaat.domain.nomination.model import Submitter

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from kandidaat.gui.main_window import MainWindow


class SystemOpener:
    """Stands in for the operating system: records what would be opened, starts nothing."""

    def __init__(self) -> None:
        self.opened: list[QUrl] = []
        self.has_program = True

    def __call__(self, url: QUrl) -> bool:
        self.opened.append(url)
        return self.has_program

    @property
    def paths(self) -> list[str]:
        return [url.toLocalFile() for url in self.opened]


@pytest.fixture
def system(opened: MainWindow) -> SystemOpener:
    opener = SystemOpener()
    opened.documents_page.open_url = opener
    return opener


@pytest.mark.slow
def test_after_making_documents_printing_opens_exactly_the_combined_pdf(
    qtbot: QtBot, opened: MainWindow, system: SystemOpener, tmp_path: Path
) -> None:
    page = opened.documents_page
    opened.show_page("documenten")
    out_dir = tmp_path / "stukken"
    page.folder.setText(str(out_dir))
    # Nothing to print or open yet.
    assert not page.print_button.isEnabled()
    assert not page.open_folder_button.isEnabled()
    with qtbot.waitSignal(page.finished, timeout=60_000):
        qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
        assert not page.print_button.isEnabled()
    assert page.last_error == ""
    assert page.state.text().endswith(f"{COMBINED_NAME} (knop Afdrukken).")

    # The keyboard reaches the new buttons right after "Documenten maken".
    page.make_button.setFocus(Qt.FocusReason.TabFocusReason)
    chain = [page.make_button]
    for _ in range(3):
        qtbot.keyClick(opened.windowHandle(), Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    assert chain == [page.make_button, page.print_button, page.open_folder_button, page.files]

    with qtbot.waitSignal(opened.bridge.notice_shown) as shown:
        qtbot.keyClick(opened.windowHandle(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert system.paths == [str((out_dir / COMBINED_NAME).resolve())]
    assert system.opened[0].isLocalFile()
    assert shown.args[0].startswith(f"{COMBINED_NAME} is geopend in uw PDF-lezer. Kies daar")

    qtbot.mouseClick(page.open_folder_button, Qt.MouseButton.LeftButton)
    assert system.paths[1:] == [str(out_dir.resolve())]

    # Without a PDF viewer the volunteer is told where the file is.
    system.has_program = False
    with qtbot.waitSignal(opened.bridge.error_shown) as refused:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    advice = f"open het bestand zelf (in {out_dir}) en druk het daar af"
    assert refused.args == [f"er is geen PDF-lezer gevonden om {COMBINED_NAME} te openen; {advice}"]

    # After a change the old paper must not be printed: make the documents again first.
    system.has_program = True
    nomination = opened.bridge.nomination
    assert nomination is not None
    party = replace(nomination.party, submitter=Submitter("K.", "Groot"))
    assert opened.bridge.apply(SetParty(party))
    with qtbot.waitSignal(opened.bridge.error_shown) as outdated:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert str(outdated.args[0]).startswith("het project is gewijzigd nadat de documenten")
    assert len(system.opened) == 3


def test_the_folder_button_opens_a_folder_that_exists_and_is_off_while_it_does_not(
    qtbot: QtBot, opened: MainWindow, system: SystemOpener, tmp_path: Path
) -> None:
    page = opened.documents_page
    opened.show_page("documenten")
    page.folder.setText(str(tmp_path / "nog-niet-gemaakt"))
    assert not page.open_folder_button.isEnabled()
    page.folder.setText(str(tmp_path))
    assert page.open_folder_button.isEnabled()
    assert not page.print_button.isEnabled()
    qtbot.keyClick(opened.windowHandle(), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    # A button pressed by its letter is clicked after a short flash, as Qt shows it.
    qtbot.waitUntil(lambda: len(system.opened) == 1)
    assert system.paths == [str(tmp_path.resolve())]


def test_a_missing_combined_pdf_is_not_opened_and_the_volunteer_is_told_to_make_it_again(
    qtbot: QtBot, opened: MainWindow, system: SystemOpener, tmp_path: Path
) -> None:
    page = opened.documents_page
    opened.show_page("documenten")
    page.folder.setText(str(tmp_path / "stukken"))
    with qtbot.waitSignal(page.finished, timeout=60_000):
        qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    (tmp_path / "stukken" / COMBINED_NAME).unlink()
    with qtbot.waitSignal(opened.bridge.error_shown) as refused:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    advice = "klik op Documenten maken om het opnieuw te maken"
    assert refused.args == [f"{COMBINED_NAME} staat niet meer in {tmp_path / 'stukken'}; {advice}"]
    assert system.opened == []
