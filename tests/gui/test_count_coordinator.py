"""The coordinator's tab of the count window: two differing entries decided (issue 14).

Juinen again (test_count_entry.py's count, paper and keyboard helpers). Anna types
stembureau 1 from the paper; Bert reads list 1's candidate 2 as 29 instead of 30 and,
so that list 1 still adds up to 155 (a list total that does not is an error and is
never stored), candidate 3 as 6 instead of 5. The expected differences are those two
fields, written out by hand below.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from test_count_entry import (
    ABACUS,
    ANNA,
    BERT,
    EXPECTED,
    FILES,
    LIST_TOTALS,
    TOTALS,
    VOTES,
    alt,
    focused,
    open_form,
    paper,
    type_form,
    type_text,
)
from test_mnemonics import clashes, in_window

from kandidaat.app.cli import main
from kandidaat.app.count.desk import CountDesk
from kandidaat.app.count.progress import State, station_progress
from kandidaat.app.count.setup import new_count
from kandidaat.domain.count.figures import ListFigures
from kandidaat.gui.count.count_window import CountWindow
from kandidaat.store.count import CountWorkspace

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QTableWidget
    from pytestqt.qtbot import QtBot

CARLA = "Carla Jansen"
DIRK = "Dirk Invoerder"
BERT_READS = VOTES | {(1, 2): 29, (1, 3): 6}
"""What Bert typed: 29 + 6 = 35 = 30 + 5, so list 1 is still 120 + 35 = 155."""


@pytest.fixture
def tel(tmp_path: Path, shared_dir: Path) -> Path:
    path = tmp_path / "juinen.tel"
    folder = shared_dir / ABACUS
    new_count(path, *(folder / name for name in FILES), CARLA).close()
    return path


@pytest.fixture
def count_window(qtbot: QtBot, tel: Path) -> Iterator[CountWindow]:
    window = CountWindow(CountDesk.open(tel))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    window.close()


def two_differing_entries(qtbot: QtBot, window: CountWindow) -> None:
    """Anna's entry 1 from the paper, Bert's entry 2 with his two misread figures."""
    open_form(qtbot, window, ANNA, 1)
    type_form(qtbot, window, paper(TOTALS, LIST_TOTALS, VOTES))
    open_form(qtbot, window, BERT, 2)
    type_form(qtbot, window, paper(TOTALS, LIST_TOTALS, BERT_READS))
    assert "De twee invoeren verschillen op 2 veld(en)" in window.notice.text()


def to_coordinator(qtbot: QtBot, window: CountWindow, name: str) -> None:
    """Alt+C: the coordinator's tab; the cursor is in the empty name; type it."""
    alt(qtbot, window, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.coordinator_page)
    assert focused() is window.coordinator
    type_text(qtbot, name)


def rows(table: QTableWidget) -> list[tuple[str, ...]]:
    """Every cell's text, row by row, as the coordinator reads the table."""
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]


def test_the_coordinator_keeps_entry_2_and_after_retyping_the_station_has_entry_2_s_figures(
    qtbot: QtBot, count_window: CountWindow, tel: Path
) -> None:
    two_differing_entries(qtbot, count_window)
    to_coordinator(qtbot, count_window, CARLA)
    alt(qtbot, count_window, Qt.Key.Key_R)
    assert focused() is count_window.differing_table
    assert rows(count_window.differing_table) == [("1", "Studio The Rules", "2", ANNA, BERT)]
    assert rows(count_window.fields_table) == [
        ("lijst 1 kandidaat 2", "30", "29"),
        ("lijst 1 kandidaat 3", "5", "6"),
    ]

    alt(qtbot, count_window, Qt.Key.Key_U)  # Invoer 2 houden
    qtbot.waitUntil(lambda: count_window.differing_table.rowCount() == 0)
    assert count_window.decision_notice.text() == (
        "Besluit over stembureau 1 vastgelegd (2 verschil(len)): invoer 2 gehouden; invoer 1 "
        "wordt opnieuw gedaan."
    )
    assert count_window.fields_table.rowCount() == 0
    assert count_window.table.item(0, 2).text() == "wacht op invoer 1"
    with CountWorkspace.open(tel) as workspace:
        (decision,) = workspace.decisions()
        last = workspace.log()[-1]
    assert (decision.station, decision.choice, decision.coordinator) == (1, "2", CARLA)
    assert decision.differences == (("lijst 1 kandidaat 2", 30, 29), ("lijst 1 kandidaat 3", 5, 6))
    assert (last.action, last.actor) == ("besluit", CARLA)

    # Dirk, not Bert, types entry 1 again from the paper, which says what Bert typed.
    alt(qtbot, count_window, Qt.Key.Key_V)
    qtbot.waitUntil(lambda: count_window.tabs.currentWidget() is count_window.choose_page)
    open_form(qtbot, count_window, DIRK, 1)
    type_form(qtbot, count_window, paper(TOTALS, LIST_TOTALS, BERT_READS))
    assert "De twee invoeren zijn gelijk: dit stembureau is klaar." in count_window.notice.text()
    with CountWorkspace.open(tel) as workspace:
        progress = station_progress(workspace, workspace.stations()[0])
    assert progress.state is State.AGREED
    assert progress.typists == (DIRK, BERT)
    assert progress.agreed is not None
    assert progress.agreed.lists[0].candidates[:3] == ((1, 120), (2, 29), (3, 6))


def test_without_a_coordinator_name_nothing_is_decided_and_the_cursor_goes_to_the_name(
    qtbot: QtBot, count_window: CountWindow, tel: Path
) -> None:
    two_differing_entries(qtbot, count_window)
    to_coordinator(qtbot, count_window, "")
    alt(qtbot, count_window, Qt.Key.Key_R)
    alt(qtbot, count_window, Qt.Key.Key_H)  # Invoer 1 houden
    qtbot.waitUntil(lambda: bool(count_window.decision_notice.text()))
    assert count_window.decision_notice.text() == "Vul eerst de naam van de coördinator in."
    assert focused() is count_window.coordinator
    with CountWorkspace.open(tel) as workspace:
        assert workspace.decisions() == ()
        assert len(workspace.entries(1)) == 2


def test_a_station_decided_meanwhile_on_the_command_line_shows_decide_s_dutch_refusal(
    qtbot: QtBot, count_window: CountWindow, tel: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    two_differing_entries(qtbot, count_window)
    to_coordinator(qtbot, count_window, CARLA)
    alt(qtbot, count_window, Qt.Key.Key_R)
    assert count_window.differing_table.rowCount() == 1
    args = ["telling", "besluit", str(tel), "--stembureau", "1", "--houd", "1"]
    assert main([*args, "--coordinator", "Els de Boer"]) == 0
    capsys.readouterr()
    alt(qtbot, count_window, Qt.Key.Key_B)  # Beide opnieuw, on what the window still showed
    qtbot.waitUntil(lambda: count_window.differing_table.rowCount() == 0)
    assert count_window.decision_notice.text() == (
        "Stembureau 1: wacht op invoer 2; alleen twee verschillende invoeren vragen een besluit."
    )
    with CountWorkspace.open(tel) as workspace:
        (decision,) = workspace.decisions()
        assert [e.typist for e in workspace.entries(1)] == [ANNA]
    assert decision.coordinator == "Els de Boer"


def test_the_quick_refresh_says_what_telling_verschillen_says_of_every_station(
    qtbot: QtBot, count_window: CountWindow, tel: Path
) -> None:
    # The cheap refresh reads the figures of differing stations only; what it says must be
    # what the full overview (the one 'telling verschillen' prints) says, agreed figures
    # left aside.
    two_differing_entries(qtbot, count_window)
    desk = CountDesk.open(tel)
    full, cheap = desk.overview(), desk.states()
    assert [(p.station.number, p.state, p.typists, p.differences) for p in cheap.stations] == [
        (p.station.number, p.state, p.typists, p.differences) for p in full.stations
    ]
    assert [p.state for p in cheap.stations] == [
        State.DIFFERENT,
        State.MISSING,
        State.MISSING,
    ]


def test_each_underlined_letter_of_the_window_with_its_coordinator_tab_reaches_one_thing(
    count_window: CountWindow,
) -> None:
    texts = in_window(count_window, [])
    assert clashes(texts) == {}
    keys = {key for key, _ in texts}
    assert keys >= {"Alt+N", "Alt+S", "Alt+I", "Alt+D", "Alt+R", "Alt+E", "Alt+H", "Alt+U"}
    assert "Alt+B" in keys
    tab_keys = [count_window.tabs.tabText(i) for i in range(count_window.tabs.count())]
    assert tab_keys == ["In&voeren", "&Coördinator"]


def test_kandidaat_gui_writes_the_coordinator_tab_at_1366_by_768_and_ends_with_code_0(
    tel: Path, tmp_path: Path
) -> None:
    # In a program of its own, as 'make screenshots' runs it: a window kept alive until
    # after the application is gone makes Qt abort at the exit (code 134), after the PNG.
    desk = CountDesk.open(tel)
    desk.enter(1, 1, ANNA, EXPECTED)
    first = EXPECTED.lists[0]
    bert = ListFigures(1, 155, ((1, 120), (2, 29), (3, 6), *first.candidates[3:]))
    desk.enter(1, 2, BERT, dataclasses.replace(EXPECTED, lists=(bert, *EXPECTED.lists[1:])))
    png = tmp_path / "telling-coordinator.png"
    environment = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    command = [sys.executable, "-m", "kandidaat", "gui", str(tel), "--screenshot", str(png)]
    run = subprocess.run(
        [*command, "--page", "coordinator"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=environment,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"schermafdruk van de pagina coordinator bewaard in {png}\n"
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1366, 768)
