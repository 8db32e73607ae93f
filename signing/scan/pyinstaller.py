r"""PyInstaller archives: the CArchive (PKG) appended to the executable, and the PYZ.

Formats as PyInstaller 6 writes them (``PyInstaller/archive/readers.py``; docs,
"Inspecting Archives"); we read them ourselves so the scanner needs no PyInstaller.

- CArchive: ends with a cookie ``MEI\014\013\012\013\016`` + package length, TOC
  offset, TOC length, Python version, 64-byte libpython name (network byte order).
  TOC entries: entry length, offset, length, uncompressed length, compression flag,
  type code, name (NUL padded). Offsets count from the start of the package.
- PYZ: ``PYZ\0`` + bytecode magic + TOC offset; the TOC is a marshalled list of
  ``(name, (type code, offset, length))``; each entry is a zlib-compressed marshalled
  code object.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import marshal
import re
import struct
import sys
import zlib
from typing import TYPE_CHECKING

from signing.scan.containers import Budget, CorruptContainerError, Member

if TYPE_CHECKING:
    from collections.abc import Iterator

COOKIE_MAGIC = b"MEI\014\013\012\013\016"
COOKIE_FORMAT = "!8sIIII64s"
COOKIE_LENGTH = struct.calcsize(COOKIE_FORMAT)
TOC_ENTRY_FORMAT = "!IIIIBc"
TOC_ENTRY_LENGTH = struct.calcsize(TOC_ENTRY_FORMAT)
PYZ_MAGIC = b"PYZ\0"
# The cookie sits at the very end, unless a signature was appended after it.
_COOKIE_SEARCH = 1024 * 1024
_EMBEDDED_PYZ = re.compile(rb"PYZ\x00[\x00-\xff]{2}\r\n")
# Type codes of entries that hold a marshalled code object (module, package, script).
CODE_TYPES = frozenset({"m", "M", "s"})


@dataclasses.dataclass(frozen=True)
class CArchive:
    """A CArchive found in a file: where it starts and which Python built it."""

    start: int
    toc_offset: int
    toc_length: int
    python_version: int
    end: int

    @property
    def same_python(self) -> bool:
        """True when the running Python can unmarshal the archive's code objects."""
        return self.python_version == sys.version_info.major * 100 + sys.version_info.minor


@dataclasses.dataclass(frozen=True)
class ArchiveEntry(Member):
    """A CArchive or PYZ member with its PyInstaller type code."""

    type_code: str


def find_carchive(data: bytes) -> CArchive | None:
    """Find a CArchive by its cookie near the end of ``data``; None when there is none."""
    cookie_at = data.rfind(COOKIE_MAGIC, max(0, len(data) - _COOKIE_SEARCH))
    if cookie_at == -1 or cookie_at + COOKIE_LENGTH > len(data):
        return None
    _magic, length, toc_offset, toc_length, version, pylib = struct.unpack(
        COOKIE_FORMAT, data[cookie_at : cookie_at + COOKIE_LENGTH]
    )
    end = cookie_at + COOKIE_LENGTH
    start = end - length
    if start < 0 or toc_offset + toc_length > length or not pylib.strip(b"\0"):
        return None
    return CArchive(start, toc_offset, toc_length, version, end)


def looks_like_a_damaged_executable(data: bytes) -> bool:
    """A PyInstaller executable whose archive cannot be found: cut off or damaged.

    Its PYZ (``PYZ`` and a NUL, then a bytecode magic ending in CR LF) is still inside,
    but without a valid cookie at the end we cannot reach it, and its compressed
    content would pass unscanned.
    """
    return _EMBEDDED_PYZ.search(data) is not None


def carchive_members(data: bytes, archive: CArchive, budget: Budget) -> Iterator[ArchiveEntry]:
    """Yield the entries of a CArchive, decompressed; options (``o``) are skipped."""
    toc = data[
        archive.start + archive.toc_offset : archive.start + archive.toc_offset + archive.toc_length
    ]
    position = 0
    while position < len(toc):
        if position + TOC_ENTRY_LENGTH > len(toc):
            raise CorruptContainerError("PyInstaller-inhoudsopgave (CArchive) is afgebroken")
        entry_length, offset, length, full_length, compressed, type_byte = struct.unpack(
            TOC_ENTRY_FORMAT, toc[position : position + TOC_ENTRY_LENGTH]
        )
        if entry_length < TOC_ENTRY_LENGTH:
            raise CorruptContainerError("PyInstaller-inhoudsopgave (CArchive) is beschadigd")
        name = toc[position + TOC_ENTRY_LENGTH : position + entry_length].rstrip(b"\0")
        position += entry_length
        type_code = type_byte.decode("latin-1")
        if type_code == "o":
            continue
        budget.charge_member()
        begin = archive.start + offset
        if begin + length > archive.end:
            raise CorruptContainerError(
                f"PyInstaller-onderdeel {name.decode('utf-8', 'replace')} ligt buiten het archief"
            )
        raw = data[begin : begin + length]
        content = _inflate(raw, full_length, budget) if compressed else raw
        yield ArchiveEntry(name.decode("utf-8", "replace"), content, type_code)


def _inflate(raw: bytes, expected: int, budget: Budget) -> bytes:
    budget.charge_bytes(expected)
    inflater = zlib.decompressobj()
    try:
        content = inflater.decompress(raw, expected + 1)
    except zlib.error as error:
        raise CorruptContainerError("PyInstaller-onderdeel is beschadigd (zlib)") from error
    if len(content) != expected:
        raise CorruptContainerError("PyInstaller-onderdeel heeft een andere lengte dan opgegeven")
    return content


def is_pyz(data: bytes) -> bool:
    """A PyInstaller PYZ archive (``PYZ`` and a NUL, bytecode magic, TOC offset)."""
    return data.startswith(PYZ_MAGIC) and len(data) >= 12


def pyz_same_python(data: bytes) -> bool:
    """True when the PYZ was written by a Python with the running bytecode magic."""
    return data[4:8] == importlib.util.MAGIC_NUMBER


def pyz_members(data: bytes, budget: Budget) -> Iterator[ArchiveEntry]:
    """Yield the entries of a PYZ, decompressed (still marshalled code objects).

    The TOC is a marshalled list of strings, tuples and integers, which every Python 3
    since 3.4 reads alike; only the code objects inside the entries depend on the
    version, so the caller unmarshals those only for the running Python's magic.
    """
    (toc_offset,) = struct.unpack("!i", data[8:12])
    if not 12 <= toc_offset < len(data):
        raise CorruptContainerError("PYZ-archief is beschadigd (inhoudsopgave buiten het bestand)")
    try:
        # The TOC of our own artifact, written by the running Python (magic checked).
        toc = marshal.loads(data[toc_offset:])  # noqa: S302 - the PYZ format is marshal
        entries = list(toc.items()) if isinstance(toc, dict) else list(toc)
    except (ValueError, EOFError, TypeError) as error:
        raise CorruptContainerError("PYZ-archief is beschadigd (inhoudsopgave)") from error
    for entry in entries:
        try:
            name, (type_code, offset, length) = entry
        except (TypeError, ValueError) as error:
            raise CorruptContainerError(
                "PYZ-archief is beschadigd (regel in inhoudsopgave)"
            ) from error
        budget.charge_member()
        if not (isinstance(offset, int) and isinstance(length, int)) or offset + length > len(data):
            raise CorruptContainerError(f"PYZ-onderdeel {name} ligt buiten het archief")
        raw = data[offset : offset + length]
        if not raw:
            continue  # namespace packages have no code
        try:
            content = zlib.decompressobj().decompress(raw, budget.member_room() + 1)
        except zlib.error as error:
            raise CorruptContainerError(f"PYZ-onderdeel {name} is beschadigd (zlib)") from error
        budget.charge_bytes(len(content))
        yield ArchiveEntry(str(name), content, str(type_code))
