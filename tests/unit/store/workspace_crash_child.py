"""Writer of the workspace crash test: numbered steps, each printed after its commit.

``python workspace_crash_child.py FILE`` forks one writer per start number read
from stdin (like crash_child.py); each writer opens the file (verifying the log
chain), prints ``ready`` and then adds steps START+1, START+2, ... for ever.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from workspace_samples import add_step, open_checked


def write_for_ever(path: Path, start: int) -> None:
    """Add steps for ever, reporting each committed one."""
    workspace = open_checked(path)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    number = start
    while True:
        number += 1
        add_step(workspace, number)
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
