"""Killing the program mid-editing loses at most the edit in flight."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

from kandidaat.app.editing.session import EditingSession

if TYPE_CHECKING:
    from pathlib import Path

ACKNOWLEDGED_BEFORE_KILL = 25
WATCHDOG_SECONDS = 60

DRIVER = """
import sys
from datetime import date
from pathlib import Path

from kandidaat.app.editing.edits import MoveCandidate, PutCandidate
from kandidaat.app.editing.session import EditingSession
from kandidaat.domain.nomination.model import Candidate

session = EditingSession.open(Path(sys.argv[1]))
number = 0
while True:
    number += 1
    person = Candidate(
        key=f"vrijwilliger-{number}",
        initials="V.",
        last_name=f"Vrijwilliger {number}",
        date_of_birth=date(1990, 1, 1),
        locality="Utrecht",
    )
    session.apply(PutCandidate(person, list_key="lijst"))
    session.apply(MoveCandidate("lijst", len(session.nomination.lists[0].candidates) - 1, 0))
    print(number, flush=True)
"""


def test_a_killed_editor_leaves_every_acknowledged_edit_in_the_file(
    project: Path, tmp_path: Path
) -> None:
    driver = tmp_path / "bewerker.py"
    driver.write_text(DRIVER, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(driver), str(project)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    acknowledged = 0
    # Should the driver hang, the watchdog kills it and the test fails instead of waiting.
    watchdog = threading.Timer(WATCHDOG_SECONDS, process.kill)
    watchdog.start()
    try:
        while acknowledged < ACKNOWLEDGED_BEFORE_KILL:
            line = process.stdout.readline()
            assert line, process.stderr.read() if process.stderr else "geen uitvoer"
            acknowledged = int(line)
    finally:
        watchdog.cancel()
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        process.stdout.close()
        if process.stderr:
            process.stderr.close()
    assert process.returncode == -signal.SIGKILL

    session = EditingSession.open(project)
    try:
        nomination = session.nomination
    finally:
        session.close()
    order = nomination.lists[0].candidates
    in_flight = f"vrijwilliger-{acknowledged + 1}"
    acknowledged_keys = [f"vrijwilliger-{n}" for n in range(acknowledged, 0, -1)]
    # Every acknowledged edit is there, in order, above the original three.
    assert [key for key in order if key != in_flight] == [
        *acknowledged_keys,
        "jansen",
        "bakker",
        "visser",
    ]
    # The edit in flight is either not there, or added (at the bottom), or added and moved.
    if in_flight in order:
        assert order.index(in_flight) in {0, len(order) - 1}
    assert {candidate.key for candidate in nomination.candidates} >= set(order)
