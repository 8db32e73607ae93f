"""The documents folder: replace only what kandidaat wrote, keep what the user put there.

ADR 0046. Every set of documents carries a manifest (``.kandidaat-documenten``)
with the SHA-256 and relative path of every file kandidaat wrote. A later run
replaces exactly those files (when they are unchanged); every other file in the
folder (a signed scan, a letter, a changed PDF) is the user's and is kept byte
for byte. A new set is built in a hidden work folder next to the documents
folder; the user's files are moved into it (listed first in a journal), and the
work folder is renamed into place. A run that is killed leaves hidden folders
with a work mark naming the documents folder; the next run moves any user file
in them back and removes them. The manifest and the journal are written whole
(a part file, renamed when synced), and a hidden folder is removed manifest
first and work mark last: a kill at any moment leaves only entries known as
ours or listed as the user's, never a half-removed folder of ours that the next
run would take for the user's. A folder kandidaat never wrote (no manifest) is
only used when it is empty.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.errors import InputError

__all__ = [
    "JOURNAL_NAME",
    "MANIFEST_NAME",
    "WORK_MARK_NAME",
    "check_target",
    "clean_leftovers",
    "install",
    "new_work_folder",
    "remove_work_folder",
    "write_manifest",
]

MANIFEST_NAME = ".kandidaat-documenten"
"""Lists every file kandidaat wrote in a documents folder, with its SHA-256."""
WORK_MARK_NAME = ".kandidaat-werkmap"
"""In every hidden work folder; holds the name of the documents folder it is for."""
JOURNAL_NAME = ".kandidaat-behouden"
"""In a work folder: the user's files moved into it, written before they are moved."""
MANIFEST_HEADER = "kandidaat-documenten 2"
LEGACY_PREFIX = "Geschreven door kandidaat"
"""The marker of sets written before the manifest: our files are known by their names."""
_LEGACY_OURS = re.compile(r"alles_afdrukken\.pdf|lijst_\d+/[^/]+\.pdf|EML_210/[^/]+\.xml")
PART_SUFFIX = ".deel"
"""A manifest or journal being written; renamed to its name once complete."""
_OWN_NAMES = frozenset(
    {
        MANIFEST_NAME,
        WORK_MARK_NAME,
        JOURNAL_NAME,
        MANIFEST_NAME + PART_SUFFIX,
        JOURNAL_NAME + PART_SUFFIX,
    }
)
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_FILES = 20_000
"""More entries than this in a documents folder: refused, not walked."""
PREFIX_LENGTH = 40
"""Characters of the folder's name used in the hidden folders' names (bounded)."""
SHOWN_NAMES = 5
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@dataclass(frozen=True, slots=True)
class _Contents:
    """What is in an existing documents folder: our unchanged files and the user's entries."""

    ours: frozenset[PurePosixPath]
    user: tuple[PurePosixPath, ...]


def _hidden_prefix(out_dir: Path) -> str:
    return f".{out_dir.name[:PREFIX_LENGTH]}."


def new_work_folder(out_dir: Path, suffix: str = ".tmp") -> Path:
    """A new hidden folder next to ``out_dir``, marked as ours for the cleanup.

    Raises:
        InputError: the parent folder cannot be written (Dutch, naming it).
    """
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=_hidden_prefix(out_dir), suffix=suffix, dir=parent))
        _write_synced(work / WORK_MARK_NAME, out_dir.name.encode("utf-8", "replace"))
    except OSError as error:
        raise InputError(
            f"{parent}: hier kan niet worden geschreven ({os_reason(error, Action.WRITE_FOLDER)})."
        ) from error
    return work


def write_manifest(work: Path) -> None:
    """List every file in ``work`` (ours: we just wrote them) with its SHA-256, last."""
    lines = [MANIFEST_HEADER]
    for path in sorted(work.rglob("*")):
        relative = PurePosixPath(path.relative_to(work).as_posix())
        if path.is_file() and relative.name not in _OWN_NAMES:
            lines.append(f"{_sha256(path)}  {relative}")
    # Complete or absent: a kill while it is written leaves no half list.
    _write_replaced(work / MANIFEST_NAME, ("\n".join(lines) + "\n").encode("utf-8"))
    for folder in {path.parent for path in work.rglob("*")} | {work}:
        _fsync_dir(folder)


def check_target(out_dir: Path, new_files: frozenset[PurePosixPath]) -> None:
    """Refuse, before anything is written, a folder the new set cannot go into.

    Raises:
        InputError: ``out_dir`` is a file, holds files but no manifest of ours,
            or holds a file of the user where a new document would go.
    """
    _contents(out_dir, new_files)


def install(work: Path, out_dir: Path) -> None:
    """Put the finished set in ``work`` in place of ``out_dir``, keeping the user's files.

    Raises:
        InputError: see :func:`check_target` (checked again, the folder may have changed).
        OSError: a rename failed; the old set and the user's files are where they were
            or in a work folder the next run restores.
    """
    new_files = frozenset(
        PurePosixPath(p.relative_to(work).as_posix()) for p in work.rglob("*") if p.is_file()
    )
    contents = _contents(out_dir, new_files)
    if not out_dir.exists():
        work.rename(out_dir)
        _fsync_dir(out_dir.parent)
        _strip_marks(out_dir)
        return
    if contents.user:
        # Complete before the first file moves: a kill leaves every moved file listed.
        journal = "\n".join(str(entry) for entry in contents.user) + "\n"
        _write_replaced(work / JOURNAL_NAME, journal.encode("utf-8"))
    try:
        for entry in contents.user:
            target = work / entry
            target.parent.mkdir(parents=True, exist_ok=True)
            (out_dir / entry).rename(target)
        # The mark goes into the old set first, so that it is known as ours wherever it ends.
        _write_synced(out_dir / WORK_MARK_NAME, out_dir.name.encode("utf-8", "replace"))
        swapped = _exchange(work, out_dir)
    except BaseException:
        _strip_marks(out_dir)
        _move_back(work, out_dir)
        raise
    if swapped:
        # One atomic step: the new set is in place, the old one where the work was.
        _fsync_dir(out_dir.parent)
        _strip_marks(out_dir)
        _remove_leftover(work, out_dir)
        return
    old = _rename_aside(work, out_dir)
    _fsync_dir(out_dir.parent)
    _strip_marks(out_dir)
    _remove_leftover(old, out_dir)


def _rename_aside(work: Path, out_dir: Path) -> Path:
    """The two-rename swap: the old set to a hidden ``.old`` folder, the work in its place.

    On an error the old set goes back and the user's files with it, then it is raised.
    """
    try:
        old = Path(
            tempfile.mkdtemp(prefix=_hidden_prefix(out_dir), suffix=".old", dir=out_dir.parent)
        )
        old.rmdir()
        out_dir.rename(old)
    except BaseException:
        _strip_marks(out_dir)
        _move_back(work, out_dir)
        raise
    try:
        work.rename(out_dir)
    except BaseException:
        with contextlib.suppress(OSError):
            old.rename(out_dir)
            _strip_marks(out_dir)
            _move_back(work, out_dir)
        raise
    return old


def _move_back(work: Path, out_dir: Path) -> None:
    """Put the user's files a failed install moved into ``work`` back where they were."""
    for entry in reversed(_journal(work)):
        source, target = work / entry, out_dir / entry
        if (source.exists() or source.is_symlink()) and not (
            target.exists() or target.is_symlink()
        ):
            with contextlib.suppress(OSError):
                target.parent.mkdir(parents=True, exist_ok=True)
                source.rename(target)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step (Linux ``renameat2`` with RENAME_EXCHANGE).

    False where the system or the file system cannot: then two renames are used,
    with a moment in between in which the folder is absent (the next run restores it).
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    renameat2.restype = ctypes.c_int
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return int(result) == 0


def clean_leftovers(out_dir: Path, *, keep: tuple[Path, ...] = ()) -> None:
    """Restore and remove the hidden folders a killed run of ``out_dir`` left behind.

    Only folders named like ours *and* holding our work mark for ``out_dir``
    are touched; a file of the user in them is moved back into ``out_dir``
    (kept in place when a file of that name is already there).
    """
    parent = out_dir.parent
    if not parent.is_dir():
        return
    prefix = _hidden_prefix(out_dir)
    leftovers = []
    try:
        for path in parent.iterdir():
            if (
                not path.name.startswith(prefix)
                or not path.name.endswith((".tmp", ".old", ".eml"))
                or path in keep
            ):
                continue
            if _is_our_work_folder(path, out_dir):
                leftovers.append(path)
            elif path.is_dir() and not path.is_symlink():
                _remove_unmarked(path, out_dir)
    except OSError:
        return
    if not out_dir.exists():
        complete = [p for p in leftovers if (p / MANIFEST_NAME).is_file()]
        # A complete new set wins (the run died between its two renames); else the old set.
        complete.sort(key=lambda p: (not p.name.endswith(".tmp"), p.name))
        if complete:
            with contextlib.suppress(OSError):
                complete[0].rename(out_dir)
                leftovers.remove(complete[0])
    if out_dir.is_dir():
        _strip_marks(out_dir)
    for path in leftovers:
        with contextlib.suppress(OSError):
            _remove_leftover(path, out_dir)


def _remove_unmarked(path: Path, out_dir: Path) -> None:
    """A run killed while it made the folder or wrote its mark: empty, or a partial mark only."""
    with contextlib.suppress(OSError):
        entries = list(path.iterdir())
        if entries and [entry.name for entry in entries] != [WORK_MARK_NAME]:
            return
        if entries:
            expected = out_dir.name.encode("utf-8", "replace")
            if not expected.startswith(entries[0].read_bytes()[: len(expected) + 1]):
                return
            entries[0].unlink()
        path.rmdir()


def _is_our_work_folder(path: Path, out_dir: Path) -> bool:
    mark = path / WORK_MARK_NAME
    if path.is_symlink() or not path.is_dir() or not mark.is_file():
        return False
    try:
        return mark.read_bytes()[:1024] == out_dir.name.encode("utf-8", "replace")
    except OSError:
        return False


def _remove_leftover(folder: Path, out_dir: Path) -> None:
    """Move the user's files of a hidden folder back; remove it when none of theirs is left."""
    user = list(_journal(folder))
    if (folder / MANIFEST_NAME).is_file():
        try:
            contents = _contents(folder, frozenset())
        except InputError:
            return
        # An entry the manifest does not name is the user's, unless it is a folder without
        # a single file (one of ours a kill left half removed; it holds nothing of anyone).
        user += [
            entry for entry in contents.user if entry not in user and _holds_a_file(folder / entry)
        ]
    left = False
    for entry in user:
        source = folder / entry
        if not source.exists() and not source.is_symlink():
            continue
        target = out_dir / entry
        if target.exists() or target.is_symlink() or not out_dir.is_dir():
            left = True
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            source.rename(target)
        except OSError:
            left = True
    if not left:
        remove_work_folder(folder)


def _holds_a_file(path: Path) -> bool:
    """Whether ``path`` is a file or link, or a folder with one somewhere inside."""
    if path.is_symlink() or not path.is_dir():
        return path.exists() or path.is_symlink()
    try:
        return any(not child.is_dir() or child.is_symlink() for child in path.rglob("*"))
    except OSError:
        return True


def remove_work_folder(folder: Path) -> None:
    """Remove a hidden folder of ours, in an order that a kill at any moment leaves readable.

    A folder that still holds a file of the user's its journal lists is kept whole
    (the next run's cleanup moves the file back). Otherwise the manifest goes first:
    from then on everything left is ours, whatever the order the rest goes in; the
    journal follows, then the files, and the work mark last, so that a kill leaves
    a folder the next run recognises and removes.
    """
    for entry in _journal(folder):
        if (folder / entry).exists() or (folder / entry).is_symlink():
            return
    for name in (MANIFEST_NAME, JOURNAL_NAME):
        with contextlib.suppress(OSError):
            (folder / name).unlink()
    _fsync_dir(folder)
    for child in folder.iterdir():
        if child.name == WORK_MARK_NAME:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                child.unlink()
    with contextlib.suppress(OSError):
        (folder / WORK_MARK_NAME).unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()


def _journal(folder: Path) -> tuple[PurePosixPath, ...]:
    path = folder / JOURNAL_NAME
    try:
        text = path.read_bytes()[:MAX_MANIFEST_BYTES].decode("utf-8", "replace")
    except OSError:
        return ()
    entries = (_safe_relative(line) for line in text.splitlines())
    return tuple(entry for entry in entries if entry is not None)


def _safe_relative(text: str) -> PurePosixPath | None:
    """A relative path inside the folder, or None (absolute, ``..``, empty)."""
    path = PurePosixPath(text.strip())
    if not text.strip() or path.is_absolute() or ".." in path.parts:
        return None
    return path


def _strip_marks(out_dir: Path) -> None:
    for name in (WORK_MARK_NAME, JOURNAL_NAME):
        with contextlib.suppress(OSError):
            (out_dir / name).unlink()


def _contents(out_dir: Path, new_files: frozenset[PurePosixPath]) -> _Contents:
    if out_dir.is_symlink() or (out_dir.exists() and not out_dir.is_dir()):
        raise InputError(f"{out_dir} bestaat al en is geen map; kies een andere uitvoermap.")
    if not out_dir.exists():
        return _Contents(frozenset(), ())
    try:
        present = _walk(out_dir)
    except OSError as error:
        raise InputError(
            f"{out_dir}: de map kan niet worden gelezen ({os_reason(error, Action.READ_FILE)})."
        ) from error
    files = [entry for entry, is_dir in present if not is_dir and entry.name not in _OWN_NAMES]
    manifest = out_dir / MANIFEST_NAME
    if not manifest.is_file():
        if files:
            raise InputError(
                f"De map {out_dir} bestaat al en bevat andere bestanden, maar geen documenten "
                "van kandidaat; er is niets veranderd. Kies een nieuwe of lege map voor de "
                "documenten."
            )
        return _Contents(frozenset(), ())
    ours = _ours(out_dir, manifest, files)
    user = _user_entries(out_dir, PurePosixPath(), ours)
    in_the_way = [
        entry
        for entry in user
        if entry in new_files or any(entry in new.parents for new in new_files)
    ]
    if in_the_way:
        shown = ", ".join(str(entry) for entry in in_the_way[:SHOWN_NAMES])
        more = f" en nog {len(in_the_way) - SHOWN_NAMES}" if len(in_the_way) > SHOWN_NAMES else ""
        raise InputError(
            f"De map {out_dir} bevat {shown}{more}: niet door kandidaat geschreven of "
            "sindsdien veranderd, en op die plek komt een nieuw document. Er is niets "
            "veranderd. Verplaats of hernoem dat bestand en maak de documenten opnieuw."
        )
    return _Contents(ours, tuple(user))


def _walk(root: Path) -> list[tuple[PurePosixPath, bool]]:
    found: list[tuple[PurePosixPath, bool]] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        for child in folder.iterdir():
            is_dir = child.is_dir() and not child.is_symlink()
            found.append((PurePosixPath(child.relative_to(root).as_posix()), is_dir))
            if len(found) > MAX_FILES:
                raise InputError(
                    f"De map {root} bevat meer dan {MAX_FILES} bestanden; kies een nieuwe of "
                    "lege map voor de documenten."
                )
            if is_dir:
                pending.append(child)
    return found


def _ours(out_dir: Path, manifest: Path, files: list[PurePosixPath]) -> frozenset[PurePosixPath]:
    """The files of ``out_dir`` kandidaat wrote and nobody changed since."""
    try:
        with manifest.open("rb") as handle:
            raw = handle.read(MAX_MANIFEST_BYTES + 1)
    except OSError as error:
        raise InputError(
            f"{manifest}: kan niet worden gelezen ({os_reason(error, Action.READ_FILE)})."
        ) from error
    if len(raw) > MAX_MANIFEST_BYTES:
        raise InputError(f"{manifest}: dit is geen lijst van kandidaat (te groot).")
    text = raw.decode("utf-8", "replace")
    if text.startswith(LEGACY_PREFIX):
        return frozenset(entry for entry in files if _LEGACY_OURS.fullmatch(str(entry)))
    lines = text.splitlines()
    if not lines or lines[0] != MANIFEST_HEADER:
        raise InputError(
            f"{manifest}: dit is geen lijst van kandidaat; er is niets veranderd. Kies een "
            "nieuwe of lege map voor de documenten."
        )
    listed: dict[PurePosixPath, str] = {}
    for line in lines[1:]:
        digest, _, name = line.partition("  ")
        relative = _safe_relative(name)
        if relative is not None and re.fullmatch(r"[0-9a-f]{64}", digest):
            listed[relative] = digest
    ours = set()
    for entry in files:
        path = out_dir / entry
        if entry in listed and path.is_file() and not path.is_symlink():
            try:
                if _sha256(path) == listed[entry]:
                    ours.add(entry)
            except OSError:
                continue
    return frozenset(ours)


def _user_entries(
    root: Path, relative: PurePosixPath, ours: frozenset[PurePosixPath]
) -> list[PurePosixPath]:
    """The entries under ``relative`` that are not ours: whole folders where possible."""
    entries = []
    for child in sorted((root / relative).iterdir()):
        entry = relative / child.name
        if entry in ours or (relative == PurePosixPath() and child.name in _OWN_NAMES):
            continue
        if child.is_dir() and not child.is_symlink() and any(entry in p.parents for p in ours):
            entries += _user_entries(root, entry, ours)
        else:
            entries.append(entry)
    return entries


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _write_replaced(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all: a part file first, renamed when synced."""
    part = path.with_name(path.name + PART_SUFFIX)
    _write_synced(part, data)
    part.replace(path)
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
