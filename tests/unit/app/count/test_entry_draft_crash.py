"""A typist's program killed with SIGKILL while typing loses at most the field being typed.

A child saves draft fields one by one, as the count window does when the cursor leaves
a field, and is killed at random moments. After every kill the file opens (integrity,
foreign keys and the log's chain are checked on opening), and the drafts hold every
field the child reported as saved, or that and the one in flight: nothing else.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from random import Random

import entry_draft_crash_child as child
import pytest
from crash_protocol import kill_one_writer

from kandidaat.store.count import CountWorkspace

CHILD = Path(child.__file__)
REPO_ROOT = Path(__file__).resolve().parents[4]
MAX_KILLS = 200
TIME_BUDGET_SECONDS = 20.0


def expected_after(steps: int) -> dict[int, dict[str, int]]:
    """The drafts after steps 1..``steps``: per station, each field's last figure."""
    drafts: dict[int, dict[str, int]] = {}
    for number in range(1, steps + 1):
        station, field, figure = child.step_of(number)
        drafts.setdefault(station, {})[field] = figure
    return drafts


def drafts_in(path: Path, up_to_station: int) -> dict[int, dict[str, int]]:
    """The drafts in the file, checking the log: one 'concept begonnen' per station."""
    with CountWorkspace.open(path) as workspace:
        assert workspace.log_problems == ()
        found = {}
        for station in range(1, up_to_station + 2):
            draft = workspace.draft(station, 1)
            if draft is not None:
                assert draft.typist == child.TYPIST
                found[station] = dict(draft.values)
        log = workspace.log()
    assert [(e.action, e.data) for e in log[1:]] == [
        ("concept begonnen", {"stembureau": station, "invoer": 1}) for station in sorted(found)
    ]
    return found


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
def test_a_typist_killed_while_typing_loses_at_most_the_field_in_flight(tmp_path: Path) -> None:
    rng = Random(20261208)  # noqa: S311 - kill delays of a test, not a secret
    path = tmp_path / "concept.tel"
    CountWorkspace.create(path, child.CRASH_SETUP, "Carla").close()
    current = 0
    kills = 0
    in_flight_kept = 0
    server = subprocess.Popen(
        [sys.executable, str(CHILD), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        text=True,
    )
    try:
        stop_at = time.monotonic() + TIME_BUDGET_SECONDS
        while kills < MAX_KILLS and time.monotonic() < stop_at:
            reported = kill_one_writer(server, current, rng.uniform(0.0, 0.08))
            assert reported == list(range(current + 1, current + 1 + len(reported)))
            last = reported[-1] if reported else current
            found = drafts_in(path, child.step_of(last + 1)[0])
            if found == expected_after(last + 1):
                current = last + 1
                in_flight_kept += 1
            else:
                assert found == expected_after(last), f"kill {kills}: reported up to {last}"
                current = last
            kills += 1
            if child.step_of(current + 1)[0] >= child.STATIONS - 5:
                break
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=10)
    print(f"{kills} kills, {current} fields saved, in flight kept {in_flight_kept}")  # noqa: T201
    assert kills >= 20, f"only {kills} kills in the time budget"
    assert current > 2 * len(child.FIELDS)  # more than one station's draft was typed
