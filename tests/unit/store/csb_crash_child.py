"""Writer of the CSB crash test: numbered steps on a .csb file, each printed after its commit.

Odd steps receive a submission (bytes "inlevering N"), even steps replace the
register; every step is one transaction with its log entry.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from crash_protocol import report_steps, serve

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
    report_steps(start, lambda number: apply(workspace, number))


if __name__ == "__main__":
    serve(Path(sys.argv[1]), write_for_ever)
