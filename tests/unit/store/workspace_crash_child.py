"""Writer of the workspace crash test: numbered steps, each printed after its commit.

``python workspace_crash_child.py FILE`` forks one writer per start number read
from stdin (like crash_child.py); each writer opens the file (verifying the log
chain), prints ``ready`` and then adds steps START+1, START+2, ... for ever.
"""

from __future__ import annotations

import sys
from pathlib import Path

from crash_protocol import report_steps, serve
from workspace_samples import add_step, open_checked


def write_for_ever(path: Path, start: int) -> None:
    """Add steps for ever, reporting each committed one."""
    workspace = open_checked(path)
    report_steps(start, lambda number: add_step(workspace, number))


if __name__ == "__main__":
    serve(Path(sys.argv[1]), write_for_ever)
