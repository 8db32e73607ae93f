"""A CSB workspace writer killed with SIGKILL leaves the last committed state and an intact log.

After every kill the file is opened (integrity, foreign keys and the log's
chain are checked on opening) and must hold exactly the steps reported, or one
more (the step in flight): the submissions, the register and one log entry
per step after the creation entry.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from random import Random

import csb_crash_child
import pytest
from crash_protocol import kill_one_writer

from kandidaat.domain.nomination.model import Body, Election, Kieskring
from kandidaat.store.csb import CsbWorkspace

CHILD = Path(csb_crash_child.__file__)
REPO_ROOT = Path(__file__).resolve().parents[3]
MAX_KILLS = 200
TIME_BUDGET_SECONDS = 25.0
ELECTION = Election(
    Body.GR, "GR2026_Ons", "Gemeenteraad Ons", date(2026, 3, 18), 19, (Kieskring("1", "Ons"),)
)


def _steps_in(path: Path) -> int:
    """How many steps the file holds, checking that content and log agree."""
    with CsbWorkspace.open(path) as workspace:
        submissions = workspace.submissions()
        register = workspace.register()
        log = workspace.log()
    steps = len(log) - 1
    odd = [n for n in range(1, steps + 1) if n % 2]
    assert [s.data for s in submissions] == [f"inlevering {n}".encode() for n in odd]
    last_even = steps if steps % 2 == 0 else steps - 1
    expected_register = csb_crash_child.register_of(last_even) if last_even else ()
    assert register == expected_register
    return steps


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
def test_a_csb_writer_killed_at_random_moments_leaves_the_last_commit_and_the_chain_intact(
    tmp_path: Path,
) -> None:
    rng = Random(20261208)  # noqa: S311 - kill delays of a test, not a secret
    path = tmp_path / "crash.csb"
    CsbWorkspace.create(path, ELECTION, "test", "Lid").close()
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
            assert steps in (last, last + 1), f"kill {kills}: {steps} steps, reported {last}"
            current = steps
            kills += 1
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=10)
    assert kills >= 20, f"only {kills} kills in the time budget"
    assert current > 0
