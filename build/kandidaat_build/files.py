"""Hashing, atomic output files and the ``SHA256SUMS`` manifest the build writes."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kandidaat_build.errors import BuildError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    """The hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """Open a temporary file beside ``path``; on success fsync and rename it into place.

    On any error the temporary file is removed, so no half-written artifact remains.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(0o644)
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` in one atomic step (see :func:`atomic_output`)."""
    with atomic_output(path) as handle:
        handle.write(data)


def sums_text(entries: Iterable[tuple[str, str]]) -> str:
    """``SHA256SUMS`` text: one ``<hex>  <name>`` line per file, sorted by name, LF endings."""
    lines = [f"{digest}  {name}\n" for name, digest in sorted(entries)]
    return "".join(lines)


def write_sums(directory: Path, names: Iterable[str], target_name: str = "SHA256SUMS") -> Path:
    """Hash the named files of ``directory`` and write the manifest beside them."""
    entries = [(name, sha256_file(directory / name)) for name in names]
    target = directory / target_name
    write_atomically(target, sums_text(entries).encode("utf-8"))
    return target


def tree_sums(root: Path, exclude: Iterable[str] = ()) -> str:
    """Manifest text of every file under ``root`` (relative POSIX paths).

    A symbolic link (PyInstaller links shared libraries of packages into
    ``_internal``) is listed with the content it points to.

    Raises:
        BuildError: on a link that points outside ``root``: the installed program's
            self-check would then depend on a file it does not ship.
    """
    skipped = set(exclude)
    base = root.resolve()
    entries: list[tuple[str, str]] = []
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if name in skipped:
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(base):
            raise BuildError(f"{path}: symbolische link wijst buiten de bundel")
        if path.is_file():
            entries.append((name, sha256_file(path)))
    return sums_text(entries)
