"""Controle: every finding with its article; clicking one goes where it is fixed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from gui_samples import west_maas_en_waal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

import kandidaat.domain.nomination.checks
from kandidaat.app.editing.fields import CANDIDATE_FIELDS
from kandidaat.app.editing.session import EditingSession
from kandidaat.domain.nomination.elections import european_parliament_election
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.domain.nomination.model import CandidateList, Nomination
from kandidaat.gui.models import CandidatesModel
from kandidaat.gui.pages.candidate_details import DETAIL_FIELDS
from kandidaat.gui.pages.lists import LIST_FIELDS
from kandidaat.gui.pages.party import PARTY_FIELDS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTreeWidgetItem
    from pytestqt.qtbot import QtBot

    from kandidaat.gui.main_window import MainWindow


def item_for(window: MainWindow, code: str, candidate_key: str | None = None) -> QTreeWidgetItem:
    tree = window.findings_page.tree
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        finding = item.data(0, Qt.ItemDataRole.UserRole)
        assert isinstance(finding, Finding)
        if finding.code == code and finding.candidate_key == candidate_key:
            return item
    raise LookupError(code)


def codes(window: MainWindow) -> list[tuple[str, str | None]]:
    return [(f.code, f.candidate_key) for f in window.findings_page.findings]


def test_errors_come_first_with_their_article_in_dutch(opened: MainWindow) -> None:
    opened.show_page("controle")
    page = opened.findings_page
    assert page.findings
    first = page.tree.topLevelItem(0)
    assert first.text(0).endswith("fout")
    severities = [finding.severity for finding in page.findings]
    assert severities == sorted(
        severities, key=[Severity.ERROR, Severity.WARNING, Severity.INFO].index
    )
    births = item_for(opened, "candidate-data-missing", "k1")
    assert births.text(1) == "Kiesbesluit H 2 lid 1"
    assert "Gelder" in births.text(2)
    assert page.summary.text().startswith(f"{severities.count(Severity.ERROR)} fouten")


def test_clicking_a_missing_date_of_birth_opens_the_cell_and_typing_it_fixes_the_finding(
    qtbot: QtBot, opened: MainWindow
) -> None:
    opened.show_page("controle")
    page = opened.findings_page
    item = item_for(opened, "candidate-data-missing", "k1")
    before = len(page.findings)
    rect = page.tree.visualItemRect(item)
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    candidates = opened.candidates_page
    assert opened.stack.currentWidget() is candidates
    current = candidates.proxy.mapToSource(candidates.table.currentIndex())
    assert candidates.model.candidate_at(current.row()).key == "k1"
    assert current.column() == CandidatesModel.column_of("date_of_birth")
    assert candidates.table.hasFocus()
    qtbot.keyClick(candidates.table, Qt.Key.Key_F2)
    editor = candidates.table.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "12-04-1961")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: candidates.table.state() == QAbstractItemView.State.NoState)
    assert ("candidate-data-missing", "k1") not in codes(opened)
    assert len(page.findings) == before - 1
    assert opened.status.text().startswith("Alles is bewaard in cda-west-maas-en-waal.kandidaat.")


def test_a_missing_submitter_leads_to_the_submitter_field_on_the_party_page(
    qtbot: QtBot, opened: MainWindow
) -> None:
    opened.show_page("controle")
    page = opened.findings_page
    item = item_for(opened, "submitter-missing")
    page.tree.setCurrentItem(item)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    party = opened.party_page
    assert opened.stack.currentWidget() is party
    assert party.submitter_fields["initials"].hasFocus()
    for name, text in (("initials", "K."), ("last_name", "Groot")):
        party.submitter_fields[name].setFocus()
        qtbot.keyClicks(party.submitter_fields[name], text)
        qtbot.keyClick(party.submitter_fields[name], Qt.Key.Key_Tab)
    assert ("submitter-missing", None) not in codes(opened)
    nomination = opened.bridge.nomination
    assert nomination is not None
    assert nomination.party.submitter is not None
    assert nomination.party.submitter.ballot_name == "K. Groot"


def test_a_missing_correspondence_address_is_typed_in_the_details_below_the_table(
    qtbot: QtBot, opened: MainWindow
) -> None:
    opened.show_page("controle")
    page = opened.findings_page
    item = item_for(opened, "correspondence-address", "k2")
    page.tree.scrollToItem(item)
    rect = page.tree.visualItemRect(item)
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    details = opened.candidates_page.details
    assert opened.stack.currentWidget() is opened.candidates_page
    assert details.correspondence["street"].hasFocus()
    assert details.correspondence_box.title().startswith("Correspondentieadres van Ooijen")
    for name, text in (
        ("street", "Dorpsstraat 4"),
        ("postal_code", "6629 KA"),
        ("locality", "Appeltern"),
    ):
        field = details.correspondence[name]
        field.setFocus()
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert ("correspondence-address", "k2") not in codes(opened)
    nomination = opened.bridge.nomination
    assert nomination is not None
    address = nomination.candidate("k2").correspondence
    assert address is not None
    assert address.lines() == ("Dorpsstraat 4", "6629 KA Appeltern")


def test_a_european_candidate_s_y35_data_are_typed_in_the_details(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shared_dir: Path
) -> None:
    cda = west_maas_en_waal(shared_dir)
    belgian = replace(cda.candidates[0], nationality="BE")
    nomination = Nomination(
        election=european_parliament_election(date(2029, 5, 24)),
        party=cda.party,
        candidates=(belgian, *cda.candidates[1:]),
        lists=(CandidateList("ep", ("1",), tuple(c.key for c in cda.candidates)),),
    )
    path = tmp_path / "ep.kandidaat"
    EditingSession.create(path, nomination).close()
    assert window.open_project(path)
    window.show_page("controle")
    item = item_for(window, "y35-data-missing", belgian.key)
    window.findings_page.tree.setCurrentItem(item)
    window.findings_page.tree.setFocus()
    qtbot.keyClick(window.findings_page.tree, Qt.Key.Key_Return)
    details = window.candidates_page.details
    assert details.european_box.isVisibleTo(window)
    assert details.european["home_state_address"].hasFocus()
    for name, text in (("place_of_birth", "Gent"), ("home_state_address", "Veldstraat 1, Gent")):
        details.european[name].setFocus()
        qtbot.keyClicks(details.european[name], text)
        qtbot.keyClick(details.european[name], Qt.Key.Key_Tab)
    assert ("y35-data-missing", belgian.key) not in codes(window)
    current = window.bridge.nomination
    assert current is not None
    assert current.candidate(belgian.key).home_state_address == "Veldstraat 1, Gent"


def test_every_field_a_check_can_name_has_a_place_in_the_application() -> None:
    checks = Path(kandidaat.domain.nomination.checks.__file__).parent
    named = set()
    for path in checks.glob("*.py"):
        named |= set(re.findall(r'field="(\w+)"', path.read_text(encoding="utf-8")))
    columns = {name for name, _title in CANDIDATE_FIELDS}
    known = columns | DETAIL_FIELDS | LIST_FIELDS | PARTY_FIELDS
    assert len(named) > 15
    assert named - known == set()
