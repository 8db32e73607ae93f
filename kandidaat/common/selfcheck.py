"""Check a release or an installed kandidaat against its signed manifest.

A release folder holds the artifacts, ``SHA256SUMS`` (one ``<sha256>  <name>``
line per file) and ``SHA256SUMS.sig`` (the Ed25519 signature over the exact
bytes of ``SHA256SUMS``, base64 on one line). The installed program carries its
own per-file list ``_internal/kandidaat-files.sha256``; the same list is an
artifact of the release, so the chain is: signature -> ``SHA256SUMS`` -> file
list -> every installed file.

Used by ``kandidaat-verify`` (``signing/verify``) and by ``kandidaat --self-check``.
Only the standard library and ``cryptography``; every message is Dutch.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.errors import InputError

MANIFEST_NAME = "SHA256SUMS"
SIGNATURE_NAME = "SHA256SUMS.sig"
EMBEDDED_MANIFEST = "_internal/kandidaat-files.sha256"
FILE_LIST_SUFFIX = ".files.sha256"
SIGNATURE_BYTES = 64
_LINE = re.compile(r"^([0-9a-f]{64})  (\S(?:.*\S)?)$")
_CHUNK = 1 << 20


class ManifestError(InputError):
    """A manifest, signature or public key that cannot be read at all."""


@dataclass(frozen=True)
class ManifestEntry:
    """One line of a manifest: the file's relative path and its SHA-256."""

    name: str
    sha256: str
    line: int


@dataclass
class CheckResult:
    """The outcome of a check: empty ``problems`` means everything matched."""

    checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing was wrong."""
        return not self.problems


def sha256_file(path: Path) -> str:
    """The hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and "\\" not in name


def parse_manifest(text: str, source: str) -> list[ManifestEntry]:
    """The entries of a ``SHA256SUMS``-style manifest, strictly.

    Raises:
        ManifestError: on a malformed line, an unsafe or duplicate path (Dutch,
            naming ``source`` and the line number).
    """
    entries: list[ManifestEntry] = []
    seen: set[str] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line and number == text.count("\n") + 1:
            break
        match = _LINE.match(line)
        if match is None:
            raise ManifestError(f"{source} regel {number}: geen regel '<sha256>  <bestand>'")
        digest, name = match.groups()
        if not _safe_name(name):
            raise ManifestError(f"{source} regel {number}: onveilig pad '{name}'")
        if name in seen:
            raise ManifestError(f"{source} regel {number}: '{name}' staat er twee keer in")
        seen.add(name)
        entries.append(ManifestEntry(name, digest, number))
    if not entries:
        raise ManifestError(f"{source}: de lijst is leeg")
    return entries


def load_public_key(path: Path) -> Ed25519PublicKey:
    """Read an Ed25519 public key (PEM, SubjectPublicKeyInfo).

    Raises:
        ManifestError: when the file is missing or holds no Ed25519 public key.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ManifestError(
            f"{path}: publieke sleutel niet te lezen ({os_reason(error, Action.READ_FILE)})"
        ) from None
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        raise ManifestError(f"{path}: geen publieke sleutel in PEM-formaat") from None
    if not isinstance(key, Ed25519PublicKey):
        raise ManifestError(f"{path}: geen Ed25519-sleutel")
    return key


def key_fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw public key, as hex in groups of four (to compare by eye)."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    digest = hashlib.sha256(raw).hexdigest()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def decode_signature(data: bytes, source: str) -> bytes:
    """The 64 signature bytes from the one-line base64 of a ``.sig`` file.

    Raises:
        ManifestError: when the file does not hold exactly one Ed25519 signature.
    """
    try:
        raw = base64.b64decode(data.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ManifestError(f"{source}: geen geldige base64-handtekening") from None
    if len(raw) != SIGNATURE_BYTES:
        raise ManifestError(f"{source}: een Ed25519-handtekening is 64 bytes, niet {len(raw)}")
    return raw


def encode_signature(signature: bytes) -> bytes:
    """The ``.sig`` file content for 64 signature bytes."""
    return base64.b64encode(signature) + b"\n"


def signature_matches(key: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    """True when ``signature`` is ``key``'s Ed25519 signature over ``message``."""
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def check_files(
    root: Path, entries: list[ManifestEntry], ignored: frozenset[str] = frozenset()
) -> CheckResult:
    """Compare every file below ``root`` with ``entries``: changed, missing and extra files.

    A symbolic link counts as the file it points to, and must point inside ``root``.
    ``ignored`` names files that belong to the check itself (the manifest, its signature).
    """
    result = CheckResult()
    base = root.resolve()
    listed = {entry.name for entry in entries}
    for entry in entries:
        path = root / entry.name
        if path.is_symlink() and not path.resolve().is_relative_to(base):
            result.problems.append(f"{entry.name}: link wijst buiten {root}")
        elif not path.is_file():
            result.problems.append(f"{entry.name}: ontbreekt")
        elif sha256_file(path) != entry.sha256:
            result.problems.append(f"{entry.name}: inhoud gewijzigd (SHA-256 klopt niet)")
        else:
            result.checked += 1
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if (path.is_file() or path.is_symlink()) and name not in listed and name not in ignored:
            result.problems.append(f"{name}: extra bestand, staat niet in de lijst")
    return result


def check_release(release: Path, public_key: Ed25519PublicKey) -> CheckResult:
    """Check a release folder: signature first, then the manifest, then every file.

    Raises:
        ManifestError: when ``SHA256SUMS`` or its signature cannot be read at all.
    """
    manifest_path, signature_path = release / MANIFEST_NAME, release / SIGNATURE_NAME
    try:
        manifest_bytes = manifest_path.read_bytes()
    except OSError:
        raise ManifestError(f"{manifest_path}: de lijst SHA256SUMS ontbreekt") from None
    try:
        signature_data = signature_path.read_bytes()
    except OSError:
        raise ManifestError(f"{signature_path}: de handtekening ontbreekt") from None
    signature = decode_signature(signature_data, str(signature_path))
    if not signature_matches(public_key, signature, manifest_bytes):
        problem = (
            f"{MANIFEST_NAME}: handtekening ongeldig: verkeerde sleutel, "
            "of de lijst is gewijzigd of verwisseld"
        )
        return CheckResult(problems=[problem])
    try:
        text = manifest_bytes.decode("utf-8")
    except UnicodeDecodeError:
        raise ManifestError(f"{manifest_path}: geen UTF-8") from None
    entries = parse_manifest(text, MANIFEST_NAME)
    return check_files(release, entries, frozenset({MANIFEST_NAME, SIGNATURE_NAME}))


def installed_root() -> Path | None:
    """The folder of the running, installed program (``None`` when not frozen)."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def check_installation(install_dir: Path) -> CheckResult:
    """Check every installed file against the program's own embedded file list.

    Raises:
        ManifestError: when the embedded list is missing or unreadable.
    """
    listing = install_dir / EMBEDDED_MANIFEST
    try:
        text = listing.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise ManifestError(f"{listing}: de bestandenlijst van de installatie ontbreekt") from None
    entries = parse_manifest(text, EMBEDDED_MANIFEST)
    return check_files(install_dir, entries, frozenset({EMBEDDED_MANIFEST}))


def check_installation_against_release(
    install_dir: Path, release: Path, public_key: Ed25519PublicKey
) -> CheckResult:
    """The full chain: signed release -> its file list -> the installed files.

    Raises:
        ManifestError: when a list or the signature cannot be read at all.
    """
    release_result = check_release(release, public_key)
    if not release_result.ok:
        return release_result
    lists = sorted(release.glob(f"*{FILE_LIST_SUFFIX}"))
    if len(lists) != 1:
        return CheckResult(problems=[f"{release}: geen (of meer dan één) *{FILE_LIST_SUFFIX}"])
    embedded = install_dir / EMBEDDED_MANIFEST
    if not embedded.is_file() or sha256_file(embedded) != sha256_file(lists[0]):
        return CheckResult(
            problems=[
                f"{EMBEDDED_MANIFEST}: hoort niet bij de ondertekende uitgave {lists[0].name}"
            ]
        )
    return check_installation(install_dir)


def self_check(
    install_dir: Path | None = None,
    release: Path | None = None,
    public_key: Path | None = None,
) -> tuple[int, list[str]]:
    """What ``kandidaat --self-check`` prints, and its exit code.

    Without ``release`` the installed files are checked against the embedded list;
    with ``release`` and ``public_key`` the whole signed chain is checked. Exit codes:
    0 in order, 1 problems found, 2 cannot check (not installed, unreadable list or key).
    """
    root = install_dir or installed_root()
    if root is None:
        return 2, ["zelfcontrole: dit is geen geïnstalleerd programma (gestart vanuit de broncode)"]
    if (release is None) != (public_key is None):
        return 2, [
            "zelfcontrole: geef de map van de uitgave én de publieke sleutel, of geen van beide"
        ]
    try:
        if release is not None and public_key is not None:
            key = load_public_key(public_key)
            result = check_installation_against_release(root, release, key)
            scope = f"tegen de ondertekende uitgave in {release} (sleutel {key_fingerprint(key)})"
        else:
            result = check_installation(root)
            scope = "tegen de eigen bestandenlijst (herkomst niet gecontroleerd)"
    except ManifestError as error:
        return 2, [f"zelfcontrole: {error.message}"]
    if not result.ok:
        return 1, [f"zelfcontrole {scope}: AFGEKEURD", *(f"  {p}" for p in result.problems)]
    return 0, [f"zelfcontrole {scope}: in orde, {result.checked} bestanden in {root}"]
