"""Writer of the CSB crash test: numbered steps on a .csb file, each printed after its commit.

Odd steps receive a submission (bytes "inlevering N"), even steps replace the
register; every step is one transaction with its log entry.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

from kandidaat.domain.csb.model import RegisterEntry
from kandidaat.store.csb import CsbWorkspace

RECEIVED = datetime.fromisoformat("2026-02-02 12:00")


def register_of(number: int) -> tuple[RegisterEntry, ...]:
    """The register after even step ``number``."""
    return tuple(RegisterEntry(f"Partij {n}", n * 100, n % 3) for n in range(1, 2 + number % 7))


def apply(workspace: CsbWorkspace, number: int) -> None:
    """Step ``number``."""
    if number % 2:
        workspace.add_submission(
            f"{number}.eml.xml", f"inlevering {number}".encode(), RECEIVED, "volledig", "Lid", {}
        )
    else:
        workspace.replace_register(register_of(number), f"stap {number}", "Lid")


def write_for_ever(path: Path, start: int) -> None:
    """Apply steps for ever, reporting each committed one."""
    workspace = CsbWorkspace.open(path)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    number = start
    while True:
        number += 1
        apply(workspace, number)
        sys.stdout.write(f"{number}\n")
        sys.stdout.flush()


def serve(path: Path) -> None:
    """Fork one writer per line of stdin; report its pid and its end."""
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


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
