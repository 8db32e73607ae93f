"""Writes two contents in turn to one file through the atomic writer, until killed."""

from __future__ import annotations

import sys
from pathlib import Path

from kandidaat.common.atomic import write_bytes_atomically

A = b"a" * 1_000_000
B = b"b" * 2_000_000


def main() -> None:
    """``atomic_crash_child.py PATH``: print "ready", then write A, B, A, ... for ever."""
    path = Path(sys.argv[1])
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        for data in (A, B):
            write_bytes_atomically(path, data)


if __name__ == "__main__":
    main()
