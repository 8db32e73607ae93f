"""Documenten: made in the background, marked CONCEPT while errors remain, previewed."""

from __future__ import annotations

import shutil
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt

from kandidaat.app.editing.edits import SetParty
from kandidaat.documents import COMBINED_NAME
from kandidaat.domain.nomination.model import Submitter

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from kandidaat.gui.main_window import MainWindow


@pytest.mark.slow
def test_documents_are_made_without_freezing_previewed_and_flagged_after_a_change(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    page = opened.documents_page
    opened.show_page("documenten")
    assert "CONCEPT" in page.warning.text()
    assert "de controle vindt nog" in page.warning.text()
    out_dir = tmp_path / "documenten"
    page.folder.setText(str(out_dir))
    with qtbot.waitSignal(page.finished, timeout=60_000):
        qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
        # The window stays usable while the documents are being made.
        assert not page.make_button.isEnabled()
        opened.show_page("kandidaten")
        opened.show_page("documenten")
    assert page.last_error == ""
    assert page.result is not None
    assert page.result.concept
    assert (out_dir / COMBINED_NAME).is_file()
    assert any("EML 210-bestand kon nog niet worden gemaakt" in r for r in page.result.reasons)
    assert "met het merk CONCEPT" in page.state.text()
    assert page.files.count() == len(page.result.files) + 1
    assert page.files.item(0).text() == COMBINED_NAME
    if shutil.which("pdftoppm"):
        qtbot.waitUntil(lambda: not page.preview.pixmap().isNull())
        # The print file has more than one page: the second is shown below the first.
        qtbot.waitUntil(lambda: len(page._more_pages) == 1)
    else:
        qtbot.waitUntil(lambda: "pdftoppm" in page.preview.text())
    assert "opnieuw" not in page.warning.text()

    # A change after printing: the page says the paper must be printed and signed again.
    nomination = opened.bridge.nomination
    assert nomination is not None
    party = replace(
        nomination.party,
        submitter=Submitter("K.", "Groot"),
        substitutes=(Submitter("L.", "Smits"),),
    )
    assert opened.bridge.apply(SetParty(party))
    assert "print ze opnieuw en laat ze opnieuw ondertekenen" in page.warning.text()
    assert opened.status.text().endswith("print ze opnieuw.")
    with qtbot.waitSignal(page.finished, timeout=60_000):
        qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    assert page.last_error == ""
    assert page.result.reasons[0].startswith("de controle vindt nog")
    assert sorted(path.name for path in (out_dir / "EML_210").iterdir()) == [
        "Kandidatenlijst_GR2026_WestMaasenWaal_CDA_lijst-1.eml.xml"
    ]
    assert "opnieuw" not in page.warning.text()


def test_a_folder_with_other_files_is_refused_in_dutch_and_left_alone(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    page = opened.documents_page
    opened.show_page("documenten")
    folder = tmp_path / "mijn-map"
    folder.mkdir()
    (folder / "brief.txt").write_text("van de penningmeester", encoding="utf-8")
    page.folder.setText(str(folder))
    with qtbot.waitSignal(page.finished, timeout=60_000):
        qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    assert "bevat andere bestanden" in page.last_error
    assert page.state.text().startswith("De documenten zijn niet gemaakt:")
    assert sorted(path.name for path in folder.iterdir()) == ["brief.txt"]
    assert page.make_button.isEnabled()


def test_an_unexpected_error_in_the_worker_reaches_the_page_in_dutch_and_the_page_recovers(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = opened.documents_page
    opened.show_page("documenten")

    def library_failure(*_args: object, **_kwargs: object) -> None:
        # What lxml raises for a control character (the page hung on it before).
        message = "All strings must be XML compatible: no NULL bytes or control characters"
        raise ValueError(message)

    monkeypatch.setattr("kandidaat.gui.pages.documents.generate_documents", library_failure)
    page.folder.setText(str(tmp_path / "documenten"))
    with qtbot.waitSignal(page.finished, timeout=60_000):
        qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    assert page.last_error.startswith("er ging onverwacht iets mis (ValueError: All strings")
    assert page.state.text().startswith("De documenten zijn niet gemaakt: er ging onverwacht")
    assert "Bezig" not in page.state.text()
    assert page.make_button.isEnabled()
    assert page.progress.maximum() == 1
    assert not (tmp_path / "documenten").exists()


def test_a_control_character_in_an_old_project_gives_a_dutch_message_naming_the_field(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kandidaat.app.editing.session import EditingSession  # noqa: PLC0415

    nomination = opened.bridge.nomination
    assert nomination is not None
    # Input refuses control characters now; a project written before holds them still.
    old = replace(nomination, party=replace(nomination.party, appellation="CDA\x07\x1b"))
    monkeypatch.setattr(EditingSession, "nomination", property(lambda _session: old))
    page = opened.documents_page
    opened.show_page("documenten")
    page.folder.setText(str(tmp_path / "documenten"))
    with qtbot.waitSignal(page.finished, timeout=60_000):
        qtbot.mouseClick(page.make_button, Qt.MouseButton.LeftButton)
    assert "het veld aanduiding" in page.last_error
    assert "U+0007" in page.last_error
    assert "\x07" not in page.state.text()
    assert page.make_button.isEnabled()
    assert not (tmp_path / "documenten").exists()
