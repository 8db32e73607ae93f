"""Compare the artifacts of two builds and explain every difference per file and member."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import tarfile
from typing import TYPE_CHECKING

from kandidaat_build.files import sha256_file

if TYPE_CHECKING:
    from pathlib import Path

AR_MAGIC = b"!<arch>\n"
AR_HEADER = 60


def ar_members(data: bytes) -> dict[str, bytes]:
    """The members of an ``ar`` archive (a ``.deb``) by name."""
    if not data.startswith(AR_MAGIC):
        return {}
    members: dict[str, bytes] = {}
    offset = len(AR_MAGIC)
    while offset + AR_HEADER <= len(data):
        header = data[offset : offset + AR_HEADER]
        name = header[:16].decode("ascii").strip().rstrip("/")
        size = int(header[48:58].decode("ascii").strip())
        start = offset + AR_HEADER
        members[name] = data[start : start + size]
        offset = start + size + (size % 2)
    return members


def _tar_index(data: bytes) -> dict[str, tuple[str, str]]:
    """Member name -> (metadata, content hash) of a (compressed) tar in memory."""
    index: dict[str, tuple[str, str]] = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as archive:
        for member in archive.getmembers():
            meta = (
                f"type={member.type!r} mode={member.mode:o} uid={member.uid} gid={member.gid} "
                f"uname={member.uname!r} gname={member.gname!r} mtime={member.mtime} "
                f"link={member.linkname!r}"
            )
            content = ""
            if member.isfile():
                handle = archive.extractfile(member)
                content = hashlib.sha256(handle.read() if handle else b"").hexdigest()
            index[member.name] = (meta, content)
    return index


def compare_tar_bytes(left: bytes, right: bytes, label: str) -> list[str]:
    """Per-member differences of two tar archives (Dutch lines; empty when equal)."""
    a, b = _tar_index(left), _tar_index(right)
    lines = [f"{label}: lid {name} alleen in build A" for name in sorted(a.keys() - b.keys())]
    lines += [f"{label}: lid {name} alleen in build B" for name in sorted(b.keys() - a.keys())]
    for name in sorted(a.keys() & b.keys()):
        (meta_a, hash_a), (meta_b, hash_b) = a[name], b[name]
        if meta_a != meta_b:
            lines.append(f"{label}: lid {name}: metadata verschilt: {meta_a} <> {meta_b}")
        if hash_a != hash_b:
            lines.append(f"{label}: lid {name}: inhoud verschilt")
    if not lines and left != right:
        lines.append(f"{label}: alle leden gelijk, maar de volgorde of de compressie verschilt")
    return lines


def explain_file(name: str, left: Path, right: Path) -> list[str]:
    """Why two versions of one artifact differ, member by member where possible."""
    data_a, data_b = left.read_bytes(), right.read_bytes()
    if name.endswith((".tar.gz", ".tgz")):
        return compare_tar_bytes(data_a, data_b, name)
    if name.endswith(".deb"):
        members_a, members_b = ar_members(data_a), ar_members(data_b)
        lines: list[str] = []
        for member in sorted(members_a.keys() | members_b.keys()):
            part_a, part_b = members_a.get(member), members_b.get(member)
            if part_a is None or part_b is None:
                lines.append(f"{name}: ar-lid {member} ontbreekt in een van beide")
            elif part_a != part_b and member.endswith(".tar.gz"):
                lines += compare_tar_bytes(part_a, part_b, f"{name}/{member}")
            elif part_a != part_b:
                lines.append(f"{name}: ar-lid {member} verschilt")
        return lines or [f"{name}: de ar-koppen verschillen"]
    return [f"{name}: inhoud verschilt ({len(data_a)} tegen {len(data_b)} bytes)"]


def compare_artifact_dirs(left: Path, right: Path) -> list[str]:
    """Every difference between two artifact folders (Dutch lines; empty when identical)."""
    names_a = {path.name for path in left.iterdir() if path.is_file()}
    names_b = {path.name for path in right.iterdir() if path.is_file()}
    lines = [f"{name}: alleen in build A" for name in sorted(names_a - names_b)]
    lines += [f"{name}: alleen in build B" for name in sorted(names_b - names_a)]
    for name in sorted(names_a & names_b):
        if sha256_file(left / name) != sha256_file(right / name):
            lines += explain_file(name, left / name, right / name)
    return lines


def diffoscope_report(left: Path, right: Path, report: Path) -> bool:
    """Write a diffoscope text report when diffoscope is installed; True if it ran."""
    tool = shutil.which("diffoscope")
    if tool is None:
        return False
    command = [tool, "--text", str(report), str(left), str(right)]
    subprocess.run(command, check=False, capture_output=True)  # noqa: S603 - argument list
    return True
