"""A documents run killed with SIGKILL at random moments never leaves half a set.

A fork server (documents_crash_child.py) forks writers that write the documents
(with their EML 210 files) of two nominations A and B in turn into one folder
that also holds a scan of the user. The test kills each writer after a random
delay (seeded, bounded in number and time). After every kill the folder, if it
exists (on Linux it always does: the sets are swapped in one step), holds
exactly the complete set A or the complete set B (every file the
manifest names, with its hash, and no other document); after the next run's
cleanup no hidden folder remains and the user's scan is back, byte for byte.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from random import Random
from typing import IO

import documents_crash_child
import pytest

from kandidaat.documents.folder import MANIFEST_NAME, _exchange, clean_leftovers

CHILD = Path(documents_crash_child.__file__)
REPO_ROOT = Path(__file__).resolve().parents[3]
MAX_KILLS = 60
TIME_BUDGET_SECONDS = 40.0
SCAN = b"%PDF-1.4 de ondertekende H 1 \x00\x01\x02"


def _next_line(stdout: IO[str]) -> str:
    line = stdout.readline()
    if not line:
        pytest.fail("the crash server stopped")
    return line.strip()


def _documents(out: Path) -> frozenset[str]:
    return frozenset(
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and p.suffix in {".pdf", ".xml"}
    )


def _complete_set(out: Path) -> frozenset[str]:
    """The documents in ``out``; fails unless the manifest names exactly them, hashes right."""
    manifest = out / MANIFEST_NAME
    assert manifest.is_file(), f"{out} has documents but no manifest: {sorted(_documents(out))}"
    lines = manifest.read_text(encoding="utf-8").splitlines()[1:]
    listed = {name: digest for digest, name in (line.split("  ", 1) for line in lines)}
    for name, digest in listed.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
    found = _documents(out) - {"scan_H1_getekend.pdf"}
    assert found == frozenset(listed), "the folder holds another set than its manifest"
    return found


def _writer_died(pid: int, how: str, stderr: Path) -> None:
    """Fail: a writer loops for ever, so one that ended before its kill hit a bug."""
    output = stderr.read_text(encoding="utf-8", errors="replace")[-6000:]
    pytest.fail(
        f"the writer {pid} ended before it was killed ({how}); its stderr:\n{output}",
        pytrace=False,
    )


def _kill_writer(server: subprocess.Popen[str], pid: int, stderr: Path) -> None:
    """SIGKILL the writer and wait until the server reaped it; fail if it had ended itself."""
    assert server.stdout is not None
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        # Never a race: the server reaps a writer (and frees its pid) only once it ended.
        _writer_died(pid, "no such process at the kill", stderr)
    while not (line := _next_line(server.stdout)).startswith(f"dead {pid} "):
        pass
    if line != f"dead {pid} {-signal.SIGKILL}":
        _writer_died(pid, f"exit code {line.split()[-1]}", stderr)


def _start_writer(server: subprocess.Popen[str], first: str) -> int:
    """Let the server fork a writer that starts with set ``first``; its pid."""
    assert server.stdin is not None
    assert server.stdout is not None
    server.stdin.write(first + "\n")
    server.stdin.flush()
    lines = sorted([_next_line(server.stdout), _next_line(server.stdout)])
    assert lines[0].startswith("pid ")
    assert lines[1] == "ready"
    return int(lines[0].removeprefix("pid "))


def _exchange_works(tmp_path: Path) -> bool:
    """Whether this file system swaps two folders in one step (then none is ever absent)."""
    first, second = tmp_path / "proef_a", tmp_path / "proef_b"
    first.mkdir()
    second.mkdir()
    (first / "a").write_bytes(b"a")
    works = _exchange(first, second) and (second / "a").is_file()
    shutil.rmtree(first)
    shutil.rmtree(second)
    return works


def _reference_sets(tmp_path: Path) -> dict[frozenset[str], str]:
    sets = {}
    for name in ("A", "B"):
        folder = tmp_path / f"referentie_{name}"
        documents_crash_child.write_set(name, folder)
        sets[_documents(folder)] = name
    assert len(sets) == 2, "the two nominations must give different sets of documents"
    return sets


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
def test_a_documents_run_killed_at_random_moments_leaves_the_old_or_the_new_set(tmp_path):
    rng = Random(20261207)  # noqa: S311 - kill delays of a test, not a secret
    sets = _reference_sets(tmp_path)
    out = tmp_path / "stukken"
    documents_crash_child.write_set("A", out)
    (out / "scan_H1_getekend.pdf").write_bytes(SCAN)
    started = time.monotonic()
    took = time.monotonic()
    documents_crash_child.write_set("B", out)
    one_run = time.monotonic() - took
    seen: set[str] = set()
    stderr = tmp_path / "schrijvers.stderr"
    stderr_file = stderr.open("w", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, str(CHILD), str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr_file,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(CHILD.parent), str(REPO_ROOT)])},
    )
    assert server.stdin is not None
    assert server.stdout is not None
    kills = 0
    pid = 0
    atomic_swap = _exchange_works(tmp_path)
    try:
        while kills < MAX_KILLS and time.monotonic() - started < TIME_BUDGET_SECONDS:
            pid = _start_writer(server, rng.choice("AB"))
            time.sleep(rng.uniform(0, 2.5 * one_run))
            _kill_writer(server, pid, stderr)
            pid = 0
            kills += 1
            if atomic_swap:
                assert out.is_dir(), "the folder vanished although it is swapped in one step"
            if out.exists():
                seen.add(sets[_complete_set(out)])
            clean_leftovers(out)
            assert out.is_dir(), "after the cleanup the folder must be back"
            seen.add(sets[_complete_set(out)])
            assert (out / "scan_H1_getekend.pdf").read_bytes() == SCAN
            hidden = {
                p.name: sorted(str(q.relative_to(p)) for q in p.rglob("*"))[:10]
                for p in tmp_path.iterdir()
                if p.name.startswith(".")
            }
            assert hidden == {}, "a hidden folder survived the cleanup"
    finally:
        if pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        server.stdin.close()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        stderr_file.close()
    assert kills >= 10, f"only {kills} kills in the time budget"
    assert seen == {"A", "B"}, "the kills never caught one of the two sets"
