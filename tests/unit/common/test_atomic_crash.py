"""An export killed with SIGKILL at random moments leaves the old or the new file, whole.

The atomic writer (used for every EML, spreadsheet and screenshot export) is
killed while it writes 1 MB and 2 MB contents in turn (seeded delays, bounded
number and time). After every kill the file is exactly one of the two; the
next write removes the temporary file the killed writer left, and nothing else.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from random import Random

import atomic_crash_child
import pytest

from kandidaat.common.atomic import TEMP_SUFFIX, write_bytes_atomically

CHILD = Path(atomic_crash_child.__file__)
REPO_ROOT = Path(__file__).resolve().parents[3]
MAX_KILLS = 40
TIME_BUDGET_SECONDS = 30.0


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_an_export_killed_at_random_moments_leaves_the_old_or_the_new_file(tmp_path):
    rng = Random(20261207)  # noqa: S311 - kill delays of a test, not a secret
    path = tmp_path / "Kandidatenlijst.eml.xml"
    write_bytes_atomically(path, atomic_crash_child.A)
    mine = tmp_path / ".Kandidatenlijst.eml.xml.mijn.tmp"
    mine.write_bytes(b"een bestand van de gebruiker")
    seen = set()
    started = time.monotonic()
    kills = 0
    while kills < MAX_KILLS and time.monotonic() - started < TIME_BUDGET_SECONDS:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(path)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO_ROOT,
            env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        kills += 1
        data = path.read_bytes()
        assert data in {atomic_crash_child.A, atomic_crash_child.B}, f"half a file: {len(data)}"
        seen.add(len(data))
        write_bytes_atomically(path, data)
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]
        assert leftovers == []
    assert kills >= 10
    assert mine.read_bytes() == b"een bestand van de gebruiker"
    assert seen == {len(atomic_crash_child.A), len(atomic_crash_child.B)}


def test_a_file_name_of_250_characters_can_still_be_written_atomically(tmp_path):
    path = tmp_path / ("Kandidatenlijst_" + "A" * 226 + ".eml.xml")
    assert len(path.name) == 250
    write_bytes_atomically(path, b"<EML/>")
    assert path.read_bytes() == b"<EML/>"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
