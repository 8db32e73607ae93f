"""Opening containers: compressed streams, tar, zip and ar (the outer layer of a .deb).

Every byte that comes out of a container is charged to a :class:`Budget`, so a
zip bomb or a deeply nested archive stops with a Dutch message instead of filling
the memory of the build machine. Compressed streams are expanded by us, in steps,
never by ``tarfile``; the ar reader is our own (the format is a short header per
member, see ``ar(5)``).
"""

from __future__ import annotations

import bz2
import dataclasses
import io
import lzma
import tarfile
import zipfile
import zlib
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from signing.scan.model import Limits

if TYPE_CHECKING:
    from collections.abc import Iterator


class LimitExceededError(Exception):
    """A limit of :class:`Limits` was reached; the message is Dutch."""


class CorruptContainerError(Exception):
    """A container that claims a format but cannot be read; the message is Dutch."""


@dataclasses.dataclass
class Budget:
    """What the scan may still expand: bytes and members, shared by all levels."""

    limits: Limits
    expanded: int = 0
    members: int = 0

    def charge_bytes(self, count: int) -> None:
        """Account for ``count`` expanded bytes or stop when the total is too large."""
        if count > self.limits.max_member_bytes:
            raise LimitExceededError(
                f"onderdeel wordt groter dan {self.limits.max_member_bytes} bytes uitgepakt "
                "(grens per onderdeel; mogelijk een zip-bom)"
            )
        self.expanded += count
        if self.expanded > self.limits.max_total_bytes:
            raise LimitExceededError(
                f"samen meer dan {self.limits.max_total_bytes} bytes uitgepakt "
                "(grens voor de hele scan; mogelijk een zip-bom)"
            )

    def charge_member(self) -> None:
        """Account for one more member or stop when there are too many."""
        self.members += 1
        if self.members > self.limits.max_members:
            raise LimitExceededError(
                f"meer dan {self.limits.max_members} onderdelen in archieven "
                "(grens voor de hele scan)"
            )

    def member_room(self) -> int:
        """How many bytes one member may still expand to."""
        return min(self.limits.max_member_bytes, self.limits.max_total_bytes - self.expanded)


@dataclasses.dataclass(frozen=True)
class Member:
    """One member of a container: its name inside the container and its bytes."""

    name: str
    data: bytes


_UNSUPPORTED = (
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\x04\x22\x4d\x18", "LZ4"),
    (b"MSCF\x00\x00\x00\x00", "CAB"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MSI/OLE"),
)


def refuse_unsupported(data: bytes) -> None:
    """Stop on an archive format we cannot open: its content would pass unscanned.

    A gate that cannot look inside must say so (exit code 2), not report "clean".
    """
    for magic, name in _UNSUPPORTED:
        if data.startswith(magic):
            raise CorruptContainerError(
                f"{name}-archief: dit formaat kan kandidaat-scan niet openen, "
                "dus de inhoud is niet gescand"
            )


def compression_of(data: bytes) -> str | None:
    """The compression format of a whole stream, recognised by its first bytes."""
    if data.startswith(b"\x1f\x8b"):
        return "gzip"
    if data.startswith(b"BZh") and data[4:10] == b"1AY&SY":
        return "bzip2"
    if data.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    if len(data) > 2 and data[0] == 0x78 and data[1] in {0x01, 0x5E, 0x9C, 0xDA}:
        return "zlib"
    return None


def _expand_one(kind: str, data: bytes, max_length: int) -> tuple[bytes, bool, bytes]:
    """Expand one stream: (output of at most ``max_length`` bytes, reached its end, bytes after it).

    When the output is shorter than ``max_length`` the engine has consumed all input
    it could, so one call is enough.
    """
    if kind in {"gzip", "zlib"}:
        inflater = zlib.decompressobj(wbits=47 if kind == "gzip" else 15)
        out = inflater.decompress(data, max_length)
        return out, inflater.eof, inflater.unused_data
    engine = bz2.BZ2Decompressor() if kind == "bzip2" else lzma.LZMADecompressor()
    out = engine.decompress(data, max_length)
    return out, engine.eof, engine.unused_data


def decompress(kind: str, data: bytes, budget: Budget) -> bytes:
    """Expand a gzip, bzip2, xz or zlib stream within the budget.

    Concatenated gzip members are expanded one after the other, as ``gzip -d`` does.
    """
    room = budget.member_room()
    out = bytearray()
    pending = data
    try:
        while pending:
            chunk, finished, pending = _expand_one(kind, pending, room - len(out) + 1)
            out += chunk
            if len(out) > room:
                budget.charge_bytes(len(out))  # raises: a limit is reached
            if not finished:
                raise CorruptContainerError(f"{kind}-stroom is afgebroken (onvolledig)")
            pending = pending.lstrip(b"\x00") if kind == "gzip" else b""
    except (zlib.error, lzma.LZMAError, OSError, EOFError) as error:
        raise CorruptContainerError(f"{kind}-stroom is beschadigd") from error
    budget.charge_bytes(len(out))
    return bytes(out)


def is_tar(data: bytes, name: str) -> bool:
    """A POSIX/GNU tar (magic ``ustar`` at offset 257), or an old tar named ``.tar``."""
    return data[257:262] == b"ustar" or (name.lower().endswith(".tar") and len(data) >= 512)


def tar_members(data: bytes, budget: Budget) -> Iterator[Member]:
    """Yield the regular files of an uncompressed tar; links become their target as text."""
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as archive:
            for info in archive:
                budget.charge_member()
                if info.issym() or info.islnk():
                    yield Member(info.name, f"-> {info.linkname}".encode())
                    continue
                if not info.isfile():
                    continue
                budget.charge_bytes(info.size)
                handle = archive.extractfile(info)
                if handle is None:
                    continue
                yield Member(info.name, handle.read())
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        raise CorruptContainerError("tar-archief is beschadigd") from error


_ZIP_SUFFIXES = frozenset({".zip", ".whl", ".pyz", ".jar", ".egg", ".nupkg", ".apk"})


def is_zip(data: bytes, name: str) -> bool:
    """A zip by its first bytes, or a zip-like name (``.whl``, ``.pyz``) with a zip directory."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return True
    if PurePosixPath(name.lower()).suffix in _ZIP_SUFFIXES:
        return zipfile.is_zipfile(io.BytesIO(data))
    return False


def zip_members(data: bytes, budget: Budget) -> Iterator[Member]:
    """Yield the files of a zip archive (wheels, zipapps, ``base_library.zip``)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                budget.charge_member()
                if info.is_dir():
                    continue
                if info.flag_bits & 0x1:
                    raise CorruptContainerError(
                        f"zip-onderdeel {info.filename} is versleuteld en kan niet worden gescand"
                    )
                budget.charge_bytes(info.file_size)
                with archive.open(info) as handle:
                    content = handle.read(info.file_size + 1)
                if len(content) > info.file_size:
                    raise LimitExceededError(
                        f"zip-onderdeel {info.filename} is groter dan zijn kop opgeeft"
                    )
                yield Member(info.filename, content)
    except (
        zipfile.BadZipFile,
        zlib.error,
        lzma.LZMAError,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
    ) as error:
        raise CorruptContainerError(
            "zip-archief is beschadigd of gebruikt een onbekende methode"
        ) from error


AR_MAGIC = b"!<arch>\n"
_AR_HEADER = 60


def ar_members(data: bytes, budget: Budget) -> Iterator[Member]:
    """Yield the members of an ar archive (System V/GNU and BSD long names).

    A .deb is an ar archive with ``debian-binary``, ``control.tar.*`` and ``data.tar.*``.
    """
    position = len(AR_MAGIC)
    long_names = b""
    while position + _AR_HEADER <= len(data):
        header = data[position : position + _AR_HEADER]
        if header[58:60] != b"`\n":
            raise CorruptContainerError(f"ar-archief is beschadigd (kop op positie {position})")
        try:
            size = int(header[48:58].decode("ascii").strip())
        except ValueError as error:
            raise CorruptContainerError(
                f"ar-archief is beschadigd (grootte op positie {position})"
            ) from error
        start = position + _AR_HEADER
        end = start + size
        if end > len(data):
            raise CorruptContainerError(
                f"ar-archief is afgebroken (onderdeel op positie {position})"
            )
        raw_name = header[:16].decode("latin-1").rstrip()
        body = data[start:end]
        position = end + (end % 2)
        if raw_name == "//":
            long_names = body
            continue
        if raw_name in {"/", "/SYM64/"}:
            continue
        name, body = _ar_name(raw_name, body, long_names)
        budget.charge_member()
        yield Member(name, body)
    if data[position:].strip(b"\n"):
        raise CorruptContainerError(f"ar-archief is afgebroken (kop op positie {position})")


def _ar_name(raw_name: str, body: bytes, long_names: bytes) -> tuple[str, bytes]:
    if raw_name.startswith("#1/"):
        length = int(raw_name[3:])
        return body[:length].decode("utf-8", "replace").rstrip("\x00"), body[length:]
    if raw_name.startswith("/") and raw_name[1:].isdigit():
        offset = int(raw_name[1:])
        end = long_names.find(b"/\n", offset)
        return long_names[offset : end if end != -1 else None].decode("utf-8", "replace"), body
    return raw_name.removesuffix("/"), body
