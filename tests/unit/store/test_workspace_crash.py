"""A workspace writer killed with SIGKILL leaves the last committed state and an intact log.

Each step inserts one row and appends one log entry in one transaction. After
every kill the file is opened (integrity check, foreign keys, the log's chain)
and must hold exactly the steps reported, or one more (the step in flight),
with one log entry per step after the creation entry.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from random import Random

import pytest
import workspace_crash_child
from crash_protocol import kill_one_writer
from workspace_samples import create, open_checked

from kandidaat.store import audit_log

CHILD = Path(workspace_crash_child.__file__)
REPO_ROOT = Path(__file__).resolve().parents[3]
MAX_KILLS = 200
TIME_BUDGET_SECONDS = 25.0


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
def test_a_writer_killed_at_random_moments_leaves_the_last_commit_and_the_chain_intact(
    tmp_path: Path,
) -> None:
    rng = Random(20261207)  # noqa: S311 - kill delays of a test, not a secret
    path = tmp_path / "crash.test"
    create(path).close()
    current = 0
    kills = 0
    server = subprocess.Popen(
        [sys.executable, str(CHILD), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": f"{REPO_ROOT}{os.pathsep}{CHILD.parent}"},
        text=True,
    )
    try:
        stop_at = time.monotonic() + TIME_BUDGET_SECONDS
        while kills < MAX_KILLS and time.monotonic() < stop_at:
            reported = kill_one_writer(server, current, rng.uniform(0.0, 0.05))
            assert reported == list(range(current + 1, current + 1 + len(reported)))
            last = reported[-1] if reported else current
            with open_checked(path) as workspace, workspace.read() as connection:
                steps = [n for (n,) in connection.execute("SELECT number FROM step ORDER BY 1")]
                log = audit_log.entries(connection)
                assert audit_log.verify(connection) == ()
            assert steps in (list(range(1, last + 1)), list(range(1, last + 2))), (
                f"kill {kills}: the file holds neither step {last} nor step {last + 1}"
            )
            assert [entry.data for entry in log[1:]] == [{"nummer": n} for n in steps]
            current = len(steps)
            kills += 1
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=10)
    assert kills >= 20, f"only {kills} kills in the time budget"
    assert current > 0
