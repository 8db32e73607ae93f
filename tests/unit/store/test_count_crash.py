"""A count workspace writer killed with SIGKILL loses at most the entry being made.

After every kill the file is opened (integrity, foreign keys and the log's chain are
checked on opening) and must hold exactly the entries reported as committed, or one
more (the entry in flight), each with the figures that were entered and one log
entry per entry after the creation entry.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from random import Random

import count_crash_child
import pytest
from count_store_samples import station_figures
from crash_protocol import kill_one_writer

from kandidaat.store.count import CountWorkspace

CHILD = Path(count_crash_child.__file__)
REPO_ROOT = Path(__file__).resolve().parents[3]
MAX_KILLS = 200
TIME_BUDGET_SECONDS = 20.0


def _steps_in(path: Path) -> int:
    """How many entries the file holds, checking that content and log agree."""
    with CountWorkspace.open(path) as workspace:
        entries = workspace.entries()
        log = workspace.log()
    steps = len(log) - 1
    expected = [count_crash_child.step_of(n) for n in range(1, steps + 1)]
    assert sorted((e.station, e.slot, e.typist) for e in entries) == sorted(expected)
    assert all(e.figures == station_figures(e.station) for e in entries)
    assert [entry.data["stap"] for entry in log[1:]] == list(range(1, steps + 1))
    return steps


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
def test_a_count_writer_killed_during_entry_loses_at_most_the_station_being_entered(
    tmp_path: Path,
) -> None:
    rng = Random(20261207)  # noqa: S311 - kill delays of a test, not a secret
    path = tmp_path / "crash.tel"
    CountWorkspace.create(path, count_crash_child.CRASH_SETUP, "Carla").close()
    current = 0
    kills = 0
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
            reported = kill_one_writer(server, current, rng.uniform(0.0, 0.05))
            assert reported == list(range(current + 1, current + 1 + len(reported)))
            last = reported[-1] if reported else current
            steps = _steps_in(path)
            assert steps in (last, last + 1), f"kill {kills}: {steps} entries, reported {last}"
            current = steps
            kills += 1
            if current >= 2 * count_crash_child.STATIONS - 50:
                break
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=10)
    assert kills >= 20, f"only {kills} kills in the time budget"
    assert current > 0
