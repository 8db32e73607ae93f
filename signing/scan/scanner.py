"""The scan: walk folders, open every container, run every rule on what is inside.

Containers are recognised by their content, not their name (a zip renamed to
``.dat`` is still opened). What cannot be opened further is a leaf: its bytes are
read as Latin-1 text (one character per byte, so offsets are byte offsets) and as
the UTF-16LE strings in it; code objects are unmarshalled and their constants and
assignments are scanned instead of the raw bytes.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import lzma
import os
import re
import struct
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from signing.scan.allowlist import Allowlist
from signing.scan.containers import (
    AR_MAGIC,
    Budget,
    CorruptContainerError,
    LimitExceededError,
    Member,
    ar_members,
    compression_of,
    decompress,
    is_tar,
    is_zip,
    refuse_unsupported,
    tar_members,
    zip_members,
)
from signing.scan.keys import find_binary_keys
from signing.scan.model import Finding, Limits, ScanProblem, join_location
from signing.scan.pycode import code_strings, load_code, looks_like_pyc, pyc_magic_matches
from signing.scan.pyinstaller import (
    CODE_TYPES,
    carchive_members,
    find_carchive,
    is_pyz,
    looks_like_a_damaged_executable,
    pyz_members,
    pyz_same_python,
)
from signing.scan.rules import (
    BASE_RULES,
    DESCRIPTIONS,
    Hit,
    Rule,
    ScanText,
    exact_rules,
    find_assignments,
    forbidden_name,
    is_config_name,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

_PRINTABLE = bytes(1 if 0x20 <= value <= 0x7E else 0 for value in range(256))
_ZERO = bytes(1 if value == 0 else 0 for value in range(256))
_RUN = re.compile(rb"\x01\x01\x01\x01\x01\x01+")


def utf16_strings(data: bytes, minimum: int = 6) -> list[tuple[int, int]]:
    r"""(start, end) of every UTF-16LE run of at least ``minimum`` printable ASCII characters.

    Same result as the expression ``(?:[\x20-\x7e]\x00){6,}`` at both alignments, but
    computed on two byte masks combined as big integers: three times faster in CPython.
    """
    runs: list[tuple[int, int]] = []
    pattern = _RUN if minimum == 6 else re.compile(rb"\x01{%d,}" % minimum)
    for parity in (0, 1):
        chars = data[parity::2].translate(_PRINTABLE)
        zeros = data[parity + 1 :: 2].translate(_ZERO)
        size = min(len(chars), len(zeros))
        if size < minimum:
            continue
        both = int.from_bytes(chars[:size], "big") & int.from_bytes(zeros[:size], "big")
        mask = both.to_bytes(size, "big")
        runs.extend((parity + 2 * m.start(), parity + 2 * m.end()) for m in pattern.finditer(mask))
    runs.sort()
    return runs


_PEM_CERTIFICATE = b"-----BEGIN CERTIFICATE-----"
_KEY_RULES = frozenset({"private-key-pem", "private-key-der", "pkcs12", "openssh-private-key"})
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
_UNREADABLE = (
    ValueError,
    OverflowError,
    IndexError,
    KeyError,
    EOFError,
    OSError,
    RecursionError,
    struct.error,
    zlib.error,
    lzma.LZMAError,
    UnicodeDecodeError,
)


@dataclasses.dataclass(frozen=True)
class ScanOptions:
    """What to look for besides the built-in rules, and the limits of the scan."""

    canaries: tuple[str, ...] = ()
    host_users: tuple[str, ...] = ()
    homes: tuple[str, ...] = ()
    allowlist: Allowlist = dataclasses.field(default_factory=Allowlist)
    limits: Limits = dataclasses.field(default_factory=Limits)


@dataclasses.dataclass
class ScanReport:
    """Everything a scan found, what it could not scan, and how much it read."""

    findings: list[Finding] = dataclasses.field(default_factory=list)
    problems: list[ScanProblem] = dataclasses.field(default_factory=list)
    allowed: int = 0
    files: int = 0
    members: int = 0
    bytes_scanned: int = 0
    targets: list[dict[str, str]] = dataclasses.field(default_factory=list)
    """Each file read from disk (named, or inside a folder named) with its SHA-256: ties
    the report to exactly these bytes (the signer refuses a report that scanned others)."""

    @property
    def exit_code(self) -> int:
        """0 clean, 1 findings, 2 when any part could not be scanned."""
        if self.problems:
            return EXIT_ERROR
        return EXIT_FINDINGS if self.findings else EXIT_CLEAN

    def to_json(self) -> dict[str, object]:
        """The report as one JSON-ready mapping."""
        return {
            "exit_code": self.exit_code,
            "findings": [finding.to_json() for finding in self.findings],
            "problems": [problem.to_json() for problem in self.problems],
            "allowed": self.allowed,
            "files": self.files,
            "members": self.members,
            "bytes_scanned": self.bytes_scanned,
            "targets": list(self.targets),
        }


@dataclasses.dataclass(frozen=True)
class _Segment:
    """A piece of scanned text: where it starts in the text and where in the bytes."""

    text_start: int
    raw_offset: int | None
    scale: int = 1


class Scanner:
    """One scan over any number of paths; collects a :class:`ScanReport`."""

    def __init__(self, options: ScanOptions) -> None:
        """Prepare the rules for ``options``."""
        self.options = options
        self.rules: tuple[Rule, ...] = (
            *BASE_RULES,
            *exact_rules(options.canaries, options.host_users, options.homes),
        )
        self.budget = Budget(options.limits)
        self.report = ScanReport()
        self._seen: set[tuple[str, str, int | None, str]] = set()
        self._forbidden_seen: set[str] = set()

    # --- entry points -------------------------------------------------------------

    def scan_path(self, path: Path) -> None:
        """Scan a file or a folder (recursively, without following symbolic links)."""
        if path.is_symlink():
            self._scan_link(str(path), path)
        elif path.is_dir():
            self._scan_folder(path)
        elif path.is_file():
            self._check_name("", path.name, str(path))
            self._scan_file(path, str(path), path.name)
        else:
            self._problem(str(path), "bestand of map bestaat niet of is geen gewoon bestand")

    def scan_bytes(self, location: str, data: bytes) -> None:
        """Scan bytes that did not come from disk (tests, benchmarks, pipes)."""
        self.report.files += 1
        self._explore(location, location.rsplit("/", 1)[-1], data, 0)

    # --- the file system ------------------------------------------------------------

    def _scan_folder(self, root: Path) -> None:
        def unreadable(error: OSError) -> None:
            self._problem(str(error.filename), "map is niet te lezen (rechten of een leesfout)")

        for folder, subfolders, files in os.walk(root, followlinks=False, onerror=unreadable):
            subfolders.sort()
            here = Path(folder)
            for name in sorted(files) + [d for d in subfolders if (here / d).is_symlink()]:
                full = here / name
                relative = full.relative_to(root).as_posix()
                location = f"{root.as_posix()}/{relative}"
                self._check_name(f"{root.as_posix()}/", relative, location)
                if full.is_symlink():
                    self._scan_link(location, full)
                else:
                    self._scan_file(full, location, name)

    def _scan_link(self, location: str, path: Path) -> None:
        self.report.files += 1
        self._scan_leaf(location, path.name, f"-> {path.readlink()}".encode())

    def _scan_file(self, path: Path, location: str, name: str) -> None:
        try:
            data = path.read_bytes()
        except OSError:
            self._problem(location, "bestand is niet te lezen (rechten of een leesfout)")
            return
        digest = hashlib.sha256(data).hexdigest()
        self.report.targets.append({"path": location, "sha256": digest})
        self.report.files += 1
        self._explore(location, name, data, 0)

    def _check_name(self, prefix: str, member_path: str, location: str) -> None:
        """Report a file that must never ship; a forbidden folder counts once.

        ``prefix`` is what comes before ``member_path`` in a location: ``root/`` for a
        folder, ``archive!`` for an archive, empty for a file given on the command line.
        """
        verdict = forbidden_name(member_path)
        if verdict is None:
            return
        part, reason = verdict
        where = location if part == member_path else f"{prefix}{part}"
        if where in self._forbidden_seen:
            return
        self._forbidden_seen.add(where)
        self._add(Hit("forbidden-file", 0, part, f"{part}: {reason}"), where, None)

    # --- containers --------------------------------------------------------------------

    def _explore(self, location: str, name: str, data: bytes, depth: int) -> None:
        if depth > self.options.limits.max_depth:
            self._problem(
                location,
                f"archieven zijn dieper dan {self.options.limits.max_depth} niveaus genest "
                "(grens; mogelijk een zip-bom)",
            )
            return
        try:
            self._open(location, name, data, depth)
        except (LimitExceededError, CorruptContainerError) as error:
            self._problem(location, str(error))
        except _UNREADABLE as error:
            # A library reader tripped over bytes it did not expect: the part is not
            # scanned, so the scan fails closed instead of showing a traceback.
            self._problem(
                location,
                f"kon niet worden gelezen: beschadigd of onverwacht formaat "
                f"({type(error).__name__})",
            )

    def _open(self, location: str, name: str, data: bytes, depth: int) -> None:
        """Open ``data`` by its content: stream, archive, PyInstaller, .pyc, or a leaf.

        Archives (ar, zip, tar: recognised by their first bytes) are opened before
        looking for a PyInstaller archive: a tar of a onedir bundle contains the
        program's CArchive cookie, and must be opened member by member, not
        mistaken for one executable.
        """
        if self._open_compressed(location, name, data, depth):
            return
        members = self._members(data, name)
        if members is not None:
            for member in members:
                self.report.members += 1
                member_location = join_location(location, member.name)
                self._check_name(f"{location}!", member.name, member_location)
                self._explore(member_location, member.name, member.data, depth + 1)
            return
        if self._open_pyinstaller(location, name, data, depth):
            return
        if looks_like_pyc(data) and pyc_magic_matches(data):
            self._scan_marshalled(location, data[16:])
        else:
            refuse_unsupported(data)
            self._scan_leaf(location, name, data)

    def _open_compressed(self, location: str, name: str, data: bytes, depth: int) -> bool:
        """Expand a gzip, bzip2, xz or zlib stream; a zlib look-alike that fails is a leaf."""
        compression = compression_of(data)
        if compression is None:
            return False
        try:
            expanded = decompress(compression, data, self.budget)
        except CorruptContainerError:
            if compression != "zlib":
                raise
            return False
        inner = name.rsplit(".", 1)[0] if "." in name else name
        self._explore(location, inner, expanded, depth + 1)
        return True

    def _open_pyinstaller(self, location: str, name: str, data: bytes, depth: int) -> bool:
        """Open a PYZ or an executable with a CArchive; False when ``data`` is neither."""
        if is_pyz(data):
            same_python = pyz_same_python(data)
            for entry in pyz_members(data, self.budget):
                self.report.members += 1
                member_location = join_location(location, entry.name)
                if same_python:
                    self._scan_marshalled(member_location, entry.data)
                else:  # code of another Python: its strings, without unmarshalling
                    self._scan_leaf(member_location, entry.name, entry.data)
            return True
        archive = find_carchive(data)
        if archive is None:
            if looks_like_a_damaged_executable(data):
                raise CorruptContainerError(
                    "PyInstaller-programma zonder leesbaar archief (CArchive): "
                    "afgebroken of beschadigd, de inhoud is niet gescand"
                )
            return False
        self._scan_leaf(location, name, data[: archive.start])
        for entry in carchive_members(data, archive, self.budget):
            self.report.members += 1
            member_location = join_location(location, entry.name)
            self._check_name(f"{location}!", entry.name, member_location)
            if entry.type_code in CODE_TYPES and archive.same_python:
                self._scan_marshalled(member_location, entry.data)
            else:
                self._explore(member_location, entry.name, entry.data, depth + 1)
        return True

    def _members(self, data: bytes, name: str) -> Iterable[Member] | None:
        if data.startswith(AR_MAGIC):
            return ar_members(data, self.budget)
        if is_zip(data, name):
            return zip_members(data, self.budget)
        if is_tar(data, name):
            return tar_members(data, self.budget)
        return None

    # --- leaves ------------------------------------------------------------------------

    def _scan_leaf(self, location: str, name: str, data: bytes) -> None:
        self.report.bytes_scanned += len(data)
        before = len(self.report.findings)
        text = data.decode("latin-1")
        self._run_rules(location, text, [_Segment(0, 0)], config_file=is_config_name(name))
        if b"\x00" in data:
            self._scan_utf16(location, data)
        for key in find_binary_keys(data):
            self._add(Hit(key.rule, key.offset, key.excerpt, key.excerpt), location, key.offset)
        new = self.report.findings[before:]
        if _PEM_CERTIFICATE in data and any(f.rule in _KEY_RULES for f in new):
            offset = data.find(_PEM_CERTIFICATE)
            excerpt = "-----BEGIN CERTIFICATE----- naast een privésleutel in hetzelfde bestand"
            self._add(Hit("certificate-with-key", offset, excerpt, excerpt), location, offset)

    def _scan_utf16(self, location: str, data: bytes) -> None:
        pieces: list[str] = []
        segments: list[_Segment] = []
        position = 0
        for start, end in utf16_strings(data):
            piece = data[start:end].decode("utf-16-le")
            segments.append(_Segment(position, start, 2))
            pieces.append(piece)
            position += len(piece) + 1
        if pieces:
            self._run_rules(location, "\n".join(pieces), segments, config_file=False)

    def _scan_marshalled(self, location: str, raw: bytes) -> None:
        code = load_code(raw)
        if code is None:
            self._scan_leaf(location, location, raw)
            return
        self.report.bytes_scanned += len(raw)
        strings = code_strings(code)
        pieces: list[str] = []
        segments: list[_Segment] = []
        position = 0
        for constant in strings.constants:
            found = raw.find(constant.encode("utf-8", "surrogatepass"))
            segments.append(_Segment(position, found if found != -1 else None))
            pieces.append(constant)
            position += len(constant) + 1
        self._run_rules(location, "\n".join(pieces), segments, config_file=False)
        for name, value in strings.assignments:
            line = f"{name} = {value!r}"
            found = raw.find(value.encode("utf-8", "surrogatepass"))
            for hit in find_assignments(ScanText(line), config_file=False):
                self._add(hit, location, found if found != -1 else None)
        for key in find_binary_keys(raw):
            self._add(Hit(key.rule, key.offset, key.excerpt, key.excerpt), location, key.offset)

    def _run_rules(
        self, location: str, text: str, segments: Sequence[_Segment], *, config_file: bool
    ) -> None:
        prepared = ScanText(text)
        starts = [segment.text_start for segment in segments]

        def offset_of(position: int) -> int | None:
            segment = segments[bisect.bisect_right(starts, position) - 1]
            if segment.raw_offset is None:
                return None
            return segment.raw_offset + (position - segment.text_start) * segment.scale

        for rule in self.rules:
            for hit in rule.find(prepared):
                self._add(hit, location, offset_of(hit.start))
        for hit in find_assignments(prepared, config_file=config_file):
            self._add(hit, location, offset_of(hit.start))

    # --- results -------------------------------------------------------------------------

    def _add(self, hit: Hit, location: str, offset: int | None) -> None:
        key = (location, hit.rule, offset, hit.excerpt)
        if key in self._seen:
            return
        self._seen.add(key)
        if self.options.allowlist.accepts(hit.rule, hit.matched, location):
            self.report.allowed += 1
            return
        self.report.findings.append(
            Finding(hit.rule, DESCRIPTIONS[hit.rule], location, offset, hit.excerpt)
        )

    def _problem(self, location: str, message: str) -> None:
        self.report.problems.append(ScanProblem(location, message))


def scan_paths(paths: Sequence[Path], options: ScanOptions) -> ScanReport:
    """Scan files and folders; every finding names its location inside nested archives."""
    scanner = Scanner(options)
    for path in paths:
        scanner.scan_path(path)
    return scanner.report


def scan_data(location: str, data: bytes, options: ScanOptions) -> ScanReport:
    """Scan bytes as if they were a file called ``location``."""
    scanner = Scanner(options)
    scanner.scan_bytes(location, data)
    return scanner.report
