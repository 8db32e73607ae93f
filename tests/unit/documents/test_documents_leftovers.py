"""What a killed documents run leaves is cleaned up into the old or the new set (ADR 0046).

The random SIGKILL test (test_documents_crash.py) found two leftovers the
cleanup mishandled; these tests build them on purpose. A hidden folder holding
the old set is removed child by child; a kill after a sub-folder lost its files
but before the folder itself went left an empty ``EML_210`` (or ``lijst_1``)
next to a manifest that no longer names anything in it. The cleanup took that
empty folder for the user's: it moved it into the documents folder (where the
next run refused it as "niet door kandidaat geschreven") or, when a folder of
that name was already there, kept the hidden folder for ever. A swap that
failed (a full disk) took the user's files, already moved into the work
folder, away with it.

The last tests kill a run (``os._exit`` in a forked child: no ``finally``, no
cleanup, as SIGKILL) before every single file-system step it takes, and after
each kill check what a user would see: the folder holds exactly the old or
the new set, after the cleanup no hidden folder is left, the user's files are
back byte for byte, and the next run accepts the folder. The documents are
small stand-ins for the PDFs (drawing them is slow and not what is tested),
the steps around them are those of the real run.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import shutil
import sys
import traceback
from contextlib import contextmanager
from typing import TYPE_CHECKING

import documents_crash_child
import pytest

import kandidaat.documents.folder as folder_module
import kandidaat.documents.render as render_module
from kandidaat.documents.context import DocumentFile
from kandidaat.documents.folder import (
    JOURNAL_NAME,
    MANIFEST_NAME,
    WORK_MARK_NAME,
    clean_leftovers,
)
from kandidaat.domain.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

SCAN = b"%PDF-1.4 de ondertekende H 1 van de gebruiker \x00\x01\x02"
NOTE = "bel de burgemeester over de ondersteuningsverklaringen\n"
USER_FILES = {"scan_H1_getekend.pdf": SCAN, "lijst_1/notitie.txt": NOTE.encode("utf-8")}
KILLED = 77
"""The exit code of a child that was 'killed' before a file-system step."""
RAISED = 78


def _tree(root: Path) -> dict[str, bytes | None]:
    """Every entry under ``root``: a file's bytes, None for a folder."""
    return {
        path.relative_to(root).as_posix(): None if path.is_dir() else path.read_bytes()
        for path in sorted(root.rglob("*"))
    }


def _without_user_files(tree: dict[str, bytes | None]) -> dict[str, bytes | None]:
    return {name: data for name, data in tree.items() if name not in USER_FILES}


def _hidden(parent: Path) -> list[str]:
    return sorted(path.name for path in parent.iterdir() if path.name.startswith("."))


def _small_documents(planned, context, work, out_dir):
    """Stands in for render._write_all: a few bytes per document instead of the drawn PDF."""
    files = []
    for item in planned:
        target = work / item.relative_path
        target.parent.mkdir(exist_ok=True)
        render_module._write_synced(target, f"{item.relative_path} {context.eml_hash}".encode())
        files.append(
            DocumentFile(
                path=out_dir / item.relative_path,
                model=item.story.model,
                title=item.story.title,
                list_key=item.plan.candidate_list.key,
                pages=1,
            )
        )
    render_module._write_synced(work / render_module.COMBINED_NAME, context.eml_hash.encode())
    return tuple(files)


@pytest.fixture
def reference(tmp_path, monkeypatch) -> dict[str, dict[str, bytes | None]]:
    """The complete sets A (no EML 210) and B (with one) of small documents, each on its own."""
    monkeypatch.setattr(render_module, "_write_all", _small_documents)
    sets = {}
    for name in ("A", "B"):
        out = tmp_path / f"referentie_{name}" / "stukken"
        documents_crash_child.write_set(name, out)
        sets[name] = _tree(out)
    assert not any(name.startswith("EML_210") for name in sets["A"])
    assert "EML_210" in sets["B"]
    assert "lijst_1" in sets["A"]
    assert "lijst_1" in sets["B"]
    return sets


def _start(parent: Path, name: str) -> Path:
    """A documents folder holding set ``name`` and the user's files."""
    out = parent / "stukken"
    documents_crash_child.write_set(name, out)
    for relative, data in USER_FILES.items():
        (out / relative).write_bytes(data)
    return out


def _old_set_aside(parent: Path, name: str) -> Path:
    """Set ``name`` in a hidden folder marked as ours, as the swap leaves the old set."""
    out = parent / "stukken"
    aside = parent / ".stukken.oud12345.tmp"
    documents_crash_child.write_set(name, parent / "elders" / "stukken")
    (parent / "elders" / "stukken").rename(aside)
    shutil.rmtree(parent / "elders")
    (aside / WORK_MARK_NAME).write_bytes(out.name.encode("utf-8"))
    return aside


def _assert_set_with_user_files(out: Path, sets: dict[str, dict[str, bytes | None]]) -> str:
    tree = _tree(out)
    for relative, data in USER_FILES.items():
        assert tree.get(relative) == data, f"the user's {relative} is not back byte for byte"
    found = _without_user_files(tree)
    matching = [name for name, expected in sets.items() if found == expected]
    assert matching, f"the folder holds neither set A nor set B: {sorted(found)}"
    return matching[0]


def test_an_old_set_killed_while_its_eml_folder_was_removed_leaves_nothing_in_the_way(
    tmp_path, reference
):
    out = _start(tmp_path, "A")
    aside = _old_set_aside(tmp_path, "B")
    # The kill came after the EML 210 file went, before its folder and the manifest did.
    for xml in (aside / "EML_210").iterdir():
        xml.unlink()
    assert (aside / MANIFEST_NAME).is_file()
    clean_leftovers(out)
    assert _hidden(tmp_path) == []
    assert _assert_set_with_user_files(out, reference) == "A"
    assert not (out / "EML_210").exists()
    documents_crash_child.write_set("B", out)  # refused before: "De map ... bevat EML_210"
    assert _assert_set_with_user_files(out, reference) == "B"


def test_an_old_set_killed_while_a_list_folder_was_removed_leaves_no_hidden_folder(
    tmp_path, reference
):
    out = _start(tmp_path, "B")
    aside = _old_set_aside(tmp_path, "A")
    for document in (aside / "lijst_1").iterdir():
        document.unlink()
    clean_leftovers(out)
    assert _hidden(tmp_path) == []  # kept for ever before: out/lijst_1 was in the way
    assert _assert_set_with_user_files(out, reference) == "B"
    documents_crash_child.write_set("A", out)
    assert _assert_set_with_user_files(out, reference) == "A"


def test_a_file_of_the_user_in_a_half_removed_hidden_folder_is_moved_back(tmp_path):
    out = _start(tmp_path, "A")
    aside = _old_set_aside(tmp_path, "B")
    for xml in (aside / "EML_210").iterdir():
        xml.unlink()
    (out / "scan_H1_getekend.pdf").rename(aside / "scan_H1_getekend.pdf")
    clean_leftovers(out)
    assert (out / "scan_H1_getekend.pdf").read_bytes() == SCAN
    assert _hidden(tmp_path) == []


def test_a_swap_that_fails_puts_the_users_files_back_and_changes_nothing(
    tmp_path, monkeypatch, reference
):
    out = _start(tmp_path, "A")

    def disk_full(*_: Path) -> bool:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(folder_module, "_exchange", disk_full)
    with pytest.raises(InputError, match="er is niets veranderd"):
        documents_crash_child.write_set("B", out)
    # Before, the work folder went with the user's files that had been moved into it.
    assert _assert_set_with_user_files(out, reference) == "A"
    assert _hidden(tmp_path) == []


# --- a kill before every file-system step ------------------------------------------------


_STEPPED_OS = ("rename", "replace", "unlink", "remove", "rmdir", "mkdir", "fsync")


def _stop_before_step(target: int) -> None:
    """From now on in this (forked) process: exit abruptly before file-system step ``target``."""
    count = 0

    def step() -> None:
        nonlocal count
        count += 1
        if count == target:
            os._exit(KILLED)

    def stepped(function: Callable[..., object]) -> Callable[..., object]:
        def wrapper(*args: object, **kwargs: object) -> object:
            step()
            return function(*args, **kwargs)

        return wrapper

    for name in _STEPPED_OS:
        setattr(os, name, stepped(getattr(os, name)))
    original_open = io.open

    def opened(file, mode="r", *args, **kwargs):
        writes = any(flag in mode for flag in "wax+")
        if writes:
            step()  # before the file exists
        handle = original_open(file, mode, *args, **kwargs)
        if writes:
            step()  # the file exists, empty
        return handle

    io.open = opened
    builtins.open = opened
    folder_module._exchange = stepped(folder_module._exchange)


def _run_killed(action: Callable[[], object], target: int) -> bool:
    """Run ``action`` in a forked child killed before step ``target``; False if it ended first."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = RAISED
        try:
            _stop_before_step(target)
            action()
            code = 0
        except BaseException:  # noqa: BLE001 - the child reports any error by its exit code
            traceback.print_exc()
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    assert code in {0, KILLED}, f"the run killed before step {target} raised (code {code})"
    return code == KILLED


def _every_kill(action: Callable[[], object], at_least: int) -> Iterator[int]:
    """Kill ``action`` before step 1, 2, ...; yields each step after its kill, until it ends."""
    target = 1
    while _run_killed(action, target):
        yield target
        target += 1
    assert target > at_least, f"only {target - 1} steps: are the steps counted?"


@contextmanager
def _copy_of(parent: Path, into: Path) -> Iterator[Path]:
    """A copy of the folder ``parent`` (documents folder and leftovers) to kill again in."""
    shutil.copytree(parent, into, symlinks=True)
    try:
        yield into
    finally:
        shutil.rmtree(into)


def _documents(out: Path) -> dict[str, bytes | None]:
    """What the folder holds besides the user's files and kandidaat's own marks."""
    return {
        name: data
        for name, data in _without_user_files(_tree(out)).items()
        if name not in {WORK_MARK_NAME, JOURNAL_NAME}
    }


def _check_after_kill(
    parent: Path,
    sets: dict[str, dict[str, bytes | None]],
    step: int,
    next_runs: str = "AB",
    *,
    swapped: bool = True,
) -> None:
    out = parent / "stukken"
    if swapped:
        assert out.is_dir(), f"step {step}: the folder is gone although the sets are swapped"
    if out.exists():
        found = _documents(out)
        assert found in list(sets.values()), f"step {step}: half a set: {sorted(found)}"
    clean_leftovers(out)
    assert out.is_dir(), f"step {step}: the cleanup did not bring the folder back"
    assert _hidden(parent) == [], f"step {step}: a hidden folder survived the cleanup"
    _assert_set_with_user_files(out, sets)
    for name in next_runs:
        documents_crash_child.write_set(name, out)  # never refused: only kandidaat wrote it
        assert _assert_set_with_user_files(out, sets) == name, f"step {step}"
    assert _hidden(parent) == []


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
@pytest.mark.parametrize(
    ("old", "new", "swapped"), [("A", "B", True), ("B", "A", True), ("B", "A", False)]
)
def test_a_run_killed_before_any_step_leaves_the_old_or_the_new_set_and_the_users_files(
    tmp_path, monkeypatch, reference, old, new, swapped
):
    if not swapped:
        # A file system without the one-step swap: the old set goes aside, then the new one in.
        monkeypatch.setattr(folder_module, "_exchange", lambda *_: False)
    parent = tmp_path / "proef"
    parent.mkdir()
    _start(parent, old)
    pristine = tmp_path / "begin"
    shutil.copytree(parent, pristine, symlinks=True)
    seen = set()

    def run() -> None:
        documents_crash_child.write_set(new, parent / "stukken")

    for step in _every_kill(run, 40):
        out = parent / "stukken"
        if out.exists():
            seen.add(_documents(out) == reference[new])
        _check_after_kill(parent, reference, step, swapped=swapped)
        shutil.rmtree(parent)
        shutil.copytree(pristine, parent, symlinks=True)
    assert seen == {False, True}, "the kills never caught one of the two sets"


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_a_cleanup_killed_before_any_step_still_ends_in_one_set_and_the_users_files(
    tmp_path, reference
):
    parent = tmp_path / "proef"
    parent.mkdir()
    _start(parent, "B")
    pristine = tmp_path / "begin"
    shutil.copytree(parent, pristine, symlinks=True)

    def run() -> None:
        documents_crash_child.write_set("A", parent / "stukken")

    cleanups = 0
    for first in _every_kill(run, 40):
        with _copy_of(parent, tmp_path / "opnieuw") as again:
            # Killed once the hidden folders hold a manifest: the user's files and the old set.
            if any((again / name / MANIFEST_NAME).is_file() for name in _hidden(again)):
                for second in _every_kill(lambda: clean_leftovers(again / "stukken"), 1):
                    cleanups += 1
                    # The run that was refused after such a cleanup: set B, with its EML 210.
                    _check_after_kill(again, reference, first * 1000 + second, "B")
                    shutil.rmtree(again)
                    shutil.copytree(parent, again, symlinks=True)
        shutil.rmtree(parent)
        shutil.copytree(pristine, parent, symlinks=True)
    assert cleanups > 0
