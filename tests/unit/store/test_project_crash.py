"""A writer killed with SIGKILL at random moments leaves the last committed state.

A child process (crash_child.py) forks writers that apply numbered steps
(put_candidate, put_list, remove_candidate, save of the whole growing content)
and print each step's number after its commit. After every kill the test opens
the file (which runs SQLite's integrity and foreign-key checks) and loads it:
the state must be the one after the last reported step, or after the step that
was in flight when the writer died.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from random import Random

import crash_child
import pytest
from crash_protocol import kill_one_writer

from kandidaat.store.project import ProjectFile

CHILD = Path(crash_child.__file__)
REPO_ROOT = Path(__file__).resolve().parents[3]
MAX_KILLS = 300
TIME_BUDGET_SECONDS = 30.0


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
def test_a_writer_killed_at_random_moments_always_leaves_a_committed_state(tmp_path):
    rng = Random(20261123)  # noqa: S311 - kill delays of a test, not a secret
    path = tmp_path / "crash.kandidaat"
    ProjectFile.create(path, crash_child.initial()).close()
    states = [crash_child.initial()]
    current = 0
    in_flight = 0
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
            reported = kill_one_writer(server, current, rng.uniform(0.0, 0.08))
            assert reported == list(range(current + 1, current + 1 + len(reported)))
            last = reported[-1] if reported else current
            while len(states) <= last + 1:
                states.append(crash_child.next_state(states[-1], len(states))[0])
            with ProjectFile.open(path) as project:
                loaded = project.load()
            assert loaded in (states[last], states[last + 1]), (
                f"kill {kills}: the file holds neither step {last} nor step {last + 1}"
            )
            if loaded == states[last + 1] and loaded != states[last]:
                in_flight += 1
                current = last + 1
            else:
                current = last
            kills += 1
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=10)
    assert kills > 0
    assert current > 0, f"{kills} kills, {current} steps, {in_flight} committed but unreported"
