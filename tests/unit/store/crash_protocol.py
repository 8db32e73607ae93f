"""The SIGKILL crash tests' protocol, shared by every workspace's test and child.

The child (``serve``) reads start numbers from stdin, forks one writer per number
and reports ``pid N``, then the writer prints ``ready`` and each step number after
its commit, and the server prints ``dead N`` when the writer is gone. The test
(``kill_one_writer``) starts a writer, kills it after a delay and returns the step
numbers it reported as committed.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import traceback
from typing import IO, TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    import subprocess
    from collections.abc import Callable
    from pathlib import Path


def report_steps(start: int, apply_step: Callable[[int], object]) -> None:
    """In a writer: say ``ready``, then apply steps START+1, START+2, ... for ever."""
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    number = start
    while True:
        number += 1
        apply_step(number)
        sys.stdout.write(f"{number}\n")
        sys.stdout.flush()


def serve(path: Path, write_for_ever: Callable[[Path, int], None]) -> None:
    """In the child: fork one writer per line of stdin; report its pid and its end."""
    for line in sys.stdin:
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                write_for_ever(path, int(line))
            except Exception:  # noqa: BLE001 - show any failure; finally ends the writer
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                os._exit(1)
        sys.stdout.write(f"pid {pid}\n")
        sys.stdout.flush()
        os.waitpid(pid, 0)
        sys.stdout.write(f"dead {pid}\n")
        sys.stdout.flush()


def next_line(stdout: IO[str]) -> str:
    """In the test: the server's next line, or a clear failure when it stopped."""
    line = stdout.readline()
    if not line:
        pytest.fail("the crash server stopped")
    return line.strip()


def kill_one_writer(server: subprocess.Popen[str], start: int, delay: float) -> list[int]:
    """In the test: let the server fork a writer at ``start``, kill it after ``delay`` s.

    Returns the step numbers the writer reported as committed.
    """
    assert server.stdin is not None
    assert server.stdout is not None
    server.stdin.write(f"{start}\n")
    server.stdin.flush()
    pid = 0
    ready = False
    while not (pid and ready):
        line = next_line(server.stdout)
        if line.startswith("pid "):
            pid = int(line.removeprefix("pid "))
        elif line == "ready":
            ready = True
        else:
            pytest.fail(f"the writer did not start: {line!r}")
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    reported = []
    while (line := next_line(server.stdout)) != f"dead {pid}":
        reported.append(int(line))
    return reported
