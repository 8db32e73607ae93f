"""Deterministic archives: the same tree gives the same bytes on every machine.

Every entry is written in sorted order with owner root (uid/gid 0, empty user and
group names), mtime ``SOURCE_DATE_EPOCH`` and a normalised mode (0755 for
directories and executables, 0644 for other files, 0777 for symbolic links);
gzip streams carry mtime 0 and no file name. A ``.deb`` is an ``ar`` archive of
``debian-binary``, ``control.tar.gz`` and ``data.tar.gz`` written the same way.
"""

from __future__ import annotations

import gzip
import io
import stat
import tarfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from kandidaat_build.errors import BuildError
from kandidaat_build.files import atomic_output

if TYPE_CHECKING:
    from collections.abc import Iterable

DIR_MODE = 0o755
EXEC_MODE = 0o755
FILE_MODE = 0o644
LINK_MODE = 0o777
GZIP_LEVEL = 6


@dataclass(frozen=True)
class Entry:
    """One archive member: a directory, a file (from disk or bytes) or a symbolic link."""

    name: str
    kind: str  # "dir", "file" or "link"
    mode: int = FILE_MODE
    source: Path | None = None
    data: bytes | None = None
    link_target: str = ""


def tree_entries(root: Path, prefix: str) -> list[Entry]:
    """Entries for ``root`` and everything below it, named ``prefix/<relative path>``.

    Raises:
        BuildError: when the tree holds something other than files, folders and links.
    """
    entries = [Entry(prefix, "dir", DIR_MODE)]
    for path in sorted(root.rglob("*")):
        name = f"{prefix}/{path.relative_to(root).as_posix()}"
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            entries.append(Entry(name, "link", LINK_MODE, link_target=str(path.readlink())))
        elif stat.S_ISDIR(info.st_mode):
            entries.append(Entry(name, "dir", DIR_MODE))
        elif stat.S_ISREG(info.st_mode):
            mode = EXEC_MODE if info.st_mode & 0o111 else FILE_MODE
            entries.append(Entry(name, "file", mode, source=path))
        else:
            raise BuildError(f"{path}: geen gewoon bestand, map of link; kan niet inpakken")
    return entries


def _tarinfo(entry: Entry, mtime: int) -> tuple[tarfile.TarInfo, IO[bytes] | None]:
    info = tarfile.TarInfo(entry.name)
    info.mtime = mtime
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = entry.mode
    if entry.kind == "dir":
        info.type = tarfile.DIRTYPE
        return info, None
    if entry.kind == "link":
        info.type = tarfile.SYMTYPE
        info.linkname = entry.link_target
        return info, None
    if entry.data is not None:
        info.size = len(entry.data)
        return info, io.BytesIO(entry.data)
    if entry.source is None:
        raise BuildError(f"{entry.name}: bestand zonder inhoud")
    info.size = entry.source.stat().st_size
    return info, entry.source.open("rb")


def write_tar_gz(entries: Iterable[Entry], handle: IO[bytes], mtime: int) -> None:
    """Write a deterministic gzip-compressed tar of ``entries`` (sorted by name) to ``handle``."""
    ordered = sorted(entries, key=lambda entry: entry.name)
    with (
        gzip.GzipFile(
            filename="", mode="wb", fileobj=handle, mtime=0, compresslevel=GZIP_LEVEL
        ) as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as archive,
    ):
        for entry in ordered:
            info, content = _tarinfo(entry, mtime)
            try:
                archive.addfile(info, content)
            finally:
                if content is not None:
                    content.close()


def tar_gz_bytes(entries: Iterable[Entry], mtime: int) -> bytes:
    """The deterministic tar.gz of ``entries`` as bytes (for small archives)."""
    buffer = io.BytesIO()
    write_tar_gz(entries, buffer, mtime)
    return buffer.getvalue()


def pack_tree(root: Path, prefix: str, target: Path, mtime: int) -> None:
    """Pack ``root`` as ``prefix/...`` into the deterministic tar.gz ``target`` (atomically)."""
    with atomic_output(target) as handle:
        write_tar_gz(tree_entries(root, prefix), handle, mtime)


def _ar_member(name: str, data: bytes, mtime: int) -> bytes:
    if len(name) > 16:
        raise BuildError(f"{name}: naam te lang voor een ar-archief")
    header = (
        f"{name:<16}{mtime:<12}{0:<6}{0:<6}{0o100644:<8o}{len(data):<10}".encode("ascii") + b"`\n"
    )
    padding = b"\n" if len(data) % 2 else b""
    return header + data + padding


@dataclass(frozen=True)
class DebPackage:
    """What goes into the control file of the ``.deb``."""

    package: str
    version: str
    architecture: str
    maintainer: str
    depends: str
    summary: str
    description: Sequence[str]


def control_text(meta: DebPackage, installed_kib: int) -> str:
    """The ``DEBIAN/control`` text (fields in Debian's usual order)."""
    long_lines = "".join(f" {line}\n" if line else " .\n" for line in meta.description)
    return (
        f"Package: {meta.package}\n"
        f"Version: {meta.version}\n"
        f"Architecture: {meta.architecture}\n"
        f"Maintainer: {meta.maintainer}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {meta.depends}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {meta.summary}\n"
        f"{long_lines}"
    )


def write_deb(
    meta: DebPackage,
    root: Path,
    install_dir: str,
    command_link: tuple[str, str],
    target: Path,
    mtime: int,
) -> None:
    """Write a deterministic ``.deb`` that installs ``root`` to ``install_dir``.

    ``command_link`` is ``(link path, link target)``, e.g. ``("usr/bin/kandidaat",
    "/opt/kandidaat/kandidaat")``. Paths inside the archive start with ``./`` as
    dpkg-deb writes them.
    """
    install = install_dir.strip("/")
    data_entries = [Entry(".", "dir", DIR_MODE)]
    parents: set[str] = set()
    for path in (install, command_link[0]):
        parts = path.split("/")[:-1]
        parents.update("/".join(parts[: i + 1]) for i in range(len(parts)))
    data_entries += [Entry(f"./{parent}", "dir", DIR_MODE) for parent in sorted(parents)]
    data_entries += tree_entries(root, f"./{install}")
    data_entries.append(
        Entry(f"./{command_link[0]}", "link", LINK_MODE, link_target=command_link[1])
    )
    size = sum(entry.source.stat().st_size for entry in data_entries if entry.source is not None)
    installed_kib = (size + 1023) // 1024 + len(data_entries)
    control = control_text(meta, installed_kib).encode("utf-8")
    control_entries = [
        Entry(".", "dir", DIR_MODE),
        Entry("./control", "file", FILE_MODE, data=control),
    ]
    control_tar = tar_gz_bytes(control_entries, mtime)
    with atomic_output(target) as handle:
        handle.write(b"!<arch>\n")
        handle.write(_ar_member("debian-binary", b"2.0\n", mtime))
        handle.write(_ar_member("control.tar.gz", control_tar, mtime))
        data_buffer = io.BytesIO()
        write_tar_gz(data_entries, data_buffer, mtime)
        handle.write(_ar_member("data.tar.gz", data_buffer.getvalue(), mtime))
