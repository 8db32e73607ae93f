"""The documents writer for the SIGKILL test: a fork server that writes sets for ever.

Started with the folder as argument. For every line on stdin it forks a writer,
prints ``pid <n>`` and ``ready``; the writer writes the documents of two
nominations in turn into the folder (with their EML 210 files), printing
``A`` or ``B`` after each completed set, until it is killed. The server prints
``dead <pid> <code>`` when the writer is gone (``-9``: killed by SIGKILL; any
other code means the writer ended on its own, its traceback is on stderr).
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from demo_party import demo_blank_nomination, demo_combined_nomination

from kandidaat.app.editing.documents import generate_documents

MOMENT = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
NOMINATIONS = {"A": demo_blank_nomination(), "B": demo_combined_nomination()}


def write_set(name: str, out: Path) -> None:
    """Write the documents of nomination ``name`` ("A" or "B") into ``out``."""
    generate_documents(NOMINATIONS[name], (), out, created=MOMENT)


def _writer(out: Path, first: str) -> None:
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    order = ["A", "B"] if first == "A" else ["B", "A"]
    while True:
        for name in order:
            write_set(name, out)
            sys.stdout.write(f"{name}\n")
            sys.stdout.flush()


def main() -> None:
    """Serve writers until stdin closes."""
    out = Path(sys.argv[1])
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            _writer(out, line.strip())
            os._exit(0)
        sys.stdout.write(f"pid {pid}\n")
        sys.stdout.flush()
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(f"dead {pid} {os.waitstatus_to_exitcode(status)}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
