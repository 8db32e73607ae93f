"""Atomic file writing: a file is either fully written or not changed at all.

The temporary file is ``.<name>.<random>.kandidaat.tmp`` next to the target (the
name cut to a bounded length, so a long file name does not make it too long).
A writer killed before the rename leaves one behind; the next write of the same
file removes such leftovers: only names of exactly that pattern (ADR 0046).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".kandidaat.tmp"
MAX_PREFIX_BYTES = 100
"""Bytes of the target's name in the temporary name (ext4 and NTFS allow 255)."""
_RANDOM = r"[a-z0-9_]{8}"
"""What :func:`tempfile.mkstemp` puts between prefix and suffix."""


def write_bytes_atomically(path: Path, data: bytes, *, sync_directory: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync and rename.

    A crash at any moment leaves either the old file or the new one, never a
    half-written file. ``sync_directory=False`` leaves the fsync of the folder
    (which makes the rename durable) to the caller: a writer of many files in one
    folder calls :func:`fsync_directory` once after the last one, before it returns.
    """
    directory = path.parent if str(path.parent) else Path()
    prefix = _temp_prefix(path.name)
    remove_leftovers(path)
    fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp_name).replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp_name).unlink()
        raise
    if sync_directory:
        fsync_directory(directory)


def _temp_prefix(name: str) -> str:
    cut = name.encode("utf-8", "surrogateescape")[:MAX_PREFIX_BYTES]
    return f".{cut.decode('utf-8', 'ignore')}."


def remove_leftovers(path: Path) -> None:
    """Remove the temporary files a killed writer of ``path`` left (only our pattern)."""
    directory = path.parent if str(path.parent) else Path()
    pattern = re.compile(re.escape(_temp_prefix(path.name)) + _RANDOM + re.escape(TEMP_SUFFIX))
    try:
        names = [entry.name for entry in os.scandir(directory) if entry.is_file()]
    except OSError:
        return
    for name in names:
        if pattern.fullmatch(name):
            with contextlib.suppress(OSError):
                (directory / name).unlink()


def write_text_atomically(path: Path, text: str) -> None:
    """Write UTF-8 text atomically (see :func:`write_bytes_atomically`)."""
    write_bytes_atomically(path, text.encode("utf-8"))


def fsync_directory(directory: Path) -> None:
    """Make a rename or a new link durable where the platform allows opening a directory."""
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def link_new_file(tmp: Path, path: Path) -> None:
    """Give a complete temporary file its name without ever replacing an existing file.

    A hard link fails if ``path`` exists; a file system without hard links (FAT on a
    USB stick) gets a check and a rename instead.

    Raises:
        FileExistsError: ``path`` exists already (it is left as it is).
        OSError: the name cannot be made (the caller says so in Dutch).
    """
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        if path.exists():
            raise FileExistsError(errno.EEXIST, "file exists", str(path)) from None
        tmp.replace(path)
    fsync_directory(path.parent if str(path.parent) else Path())
