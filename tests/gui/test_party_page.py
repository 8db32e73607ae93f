"""Partij: appellation, groups and gemachtigden, previous result, inleveraar and vervangers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPushButton, QTableWidgetItem

from kandidaat.app.editing.session import EditingSession
from kandidaat.domain.nomination.model import AppellationKind

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from kandidaat.gui.main_window import MainWindow


def type_in(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def test_seventeen_previous_seats_allow_eighty_candidates(opened: MainWindow) -> None:
    page = opened.party_page
    opened.show_page("partij")
    page.previous_seats.setValue(17)
    opened.show_page("lijsten")
    assert opened.lists_page.counter.text() == "20 van 80 kandidaten"
    opened.undo_action.trigger()
    assert page.previous_seats.value() == 3
    assert opened.lists_page.counter.text() == "20 van 50 kandidaten"


def test_the_appellation_groups_and_vervangers_are_kept_in_the_file(
    qtbot: QtBot, opened: MainWindow, project: Path
) -> None:
    page = opened.party_page
    opened.show_page("partij")
    type_in(qtbot, page.appellation, "CDA West Maas en Waal")
    page.groups.setRowCount(1)
    page.groups.setItem(0, 0, QTableWidgetItem("Christen Democratisch Appèl"))
    page.groups.setItem(0, 1, QTableWidgetItem("M. de Wit"))
    page.groups.setItem(0, 2, QTableWidgetItem("3"))
    page.substitutes.setRowCount(1)
    for column, text in enumerate(
        ("L.", "van", "Dam", "Kerkstraat 1", "6658 AB", "Beneden-Leeuwen")
    ):
        page.substitutes.setItem(0, column, QTableWidgetItem(text))
    opened.bridge.replace_session(None)
    session = EditingSession.open(project)
    try:
        party = session.nomination.party
    finally:
        session.close()
    assert party.appellation == "CDA West Maas en Waal"
    assert [(g.statutory_name, g.agent_name, g.previous_seats) for g in party.groups] == [
        ("Christen Democratisch Appèl", "M. de Wit", 3)
    ]
    assert [s.ballot_name for s in party.substitutes] == ["L. van Dam"]
    assert party.substitutes[0].address.lines() == ("Kerkstraat 1", "6658 AB Beneden-Leeuwen")


def test_seats_that_are_not_a_number_are_refused_in_dutch(qtbot: QtBot, opened: MainWindow) -> None:
    page = opened.party_page
    opened.show_page("partij")
    page.groups.setRowCount(1)
    page.groups.setItem(0, 0, QTableWidgetItem("Christen Democratisch Appèl"))
    with qtbot.waitSignal(opened.bridge.error_shown) as shown:
        page.groups.setItem(0, 2, QTableWidgetItem("drie"))
    assert shown.args == [
        (
            "groepering Christen Democratisch Appèl: zetels vorige keer moet een getal zijn, "
            "niet 'drie'"
        )
    ]
    nomination = opened.bridge.nomination
    assert nomination is not None
    assert all(group.previous_seats != "drie" for group in nomination.party.groups)


def test_a_blank_list_has_no_appellation_to_fill_in(opened: MainWindow) -> None:
    page = opened.party_page
    opened.show_page("partij")
    page.kind.setCurrentIndex(page.kind.findData(AppellationKind.BLANK.value))
    nomination = opened.bridge.nomination
    assert nomination is not None
    assert nomination.party.kind is AppellationKind.BLANK
    assert nomination.party.appellation == ""
    assert not page.appellation.isEnabled()
    assert not page.groups_box.isEnabled()
    assert opened.windowTitle().startswith("kandidaat – blanco lijst – ")


def test_a_vervanger_is_added_by_typing_in_a_new_row(qtbot: QtBot, opened: MainWindow) -> None:
    page = opened.party_page
    opened.show_page("partij")
    add = next(
        button
        for button in page.findChildren(QPushButton)
        if button.text() == "Vervanger toevoegen"
    )
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    editor = page.substitutes.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "T.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.substitutes.state() == QAbstractItemView.State.NoState)
    page.substitutes.setItem(0, 2, QTableWidgetItem("Kuipers"))
    nomination = opened.bridge.nomination
    assert nomination is not None
    assert [s.ballot_name for s in nomination.party.substitutes] == ["T. Kuipers"]


def test_the_party_page_names_the_election_and_nomination_day(opened: MainWindow) -> None:
    opened.show_page("partij")
    text = opened.party_page.election.text()
    assert text.startswith(
        "Gemeenteraad West Maas en Waal 2026: 19 zetels, dag van stemming 18 maart 2026."
    )
    assert "2 februari 2026: Dag van kandidaatstelling" in text
