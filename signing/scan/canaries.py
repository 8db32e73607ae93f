"""Canaries: fresh fake secrets planted in the build environment before a build.

The build pipeline calls :func:`plant_canaries` on the HOME it gives the build,
adds :attr:`PlantedCanaries.environment` to the build's environment, builds, and
then scans the output for :meth:`PlantedCanaries.values` (``--canary-file`` or the
``KANDIDAAT_CANARIES`` variable). Each value is random and unique, so an exact match
is a leak, never a coincidence; none of them opens anything.
"""

from __future__ import annotations

import dataclasses
import os
import re
import secrets
from collections.abc import Mapping
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from kandidaat.common.atomic import write_bytes_atomically, write_text_atomically
from signing.scan.model import ScanError

CANARY_ENV = "KANDIDAAT_CANARIES"
_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_SEPARATORS = re.compile(r"[\s,]+")


@dataclasses.dataclass(frozen=True)
class Canary:
    """One planted value and where it was planted (Dutch, for the report)."""

    value: str
    planted_in: str


@dataclasses.dataclass(frozen=True)
class PlantedCanaries:
    """The canaries of one build environment and the variables to add to it."""

    home: Path
    canaries: tuple[Canary, ...]
    environment: Mapping[str, str]

    def values(self) -> tuple[str, ...]:
        """The strings the scanner must not find in the build output."""
        return tuple(canary.value for canary in self.canaries)

    def canary_file_text(self) -> str:
        """The content of a ``--canary-file``: one canary per line."""
        return "".join(f"{value}\n" for value in self.values())


def _random(alphabet: str, length: int) -> str:
    return "".join(secrets.choice(alphabet) for _ in range(length))


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_text_atomically(path, text)
    path.chmod(0o600)


def plant_canaries(home: Path) -> PlantedCanaries:
    """Write fake credentials into ``home`` and return them with the fake variables.

    Planted: ``~/.pypirc`` (password), ``~/.netrc`` (password), ``~/.git-credentials``
    (token in a URL), ``~/.ssh/id_ed25519`` (a fresh Ed25519 key in PEM; the canary is
    its base64 line), and the variables ``TWINE_PASSWORD``, ``AWS_ACCESS_KEY_ID``,
    ``AWS_SECRET_ACCESS_KEY``, ``GITHUB_TOKEN`` and ``KANDIDAAT_SIGNING_PASSWORD``.
    """
    if not home.is_dir():
        raise ScanError(f"canaries: map {home} bestaat niet")
    tag = secrets.token_hex(4)
    pypirc = f"kanarie-pypi-{tag}-{secrets.token_urlsafe(18)}"
    netrc = f"kanarie-netrc-{tag}-{secrets.token_urlsafe(18)}"
    git_token = f"kanarie-git-{tag}-{secrets.token_urlsafe(18)}"
    _write_private(
        home / ".pypirc",
        f"[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = {pypirc}\n",
    )
    _write_private(
        home / ".netrc", f"machine bouw.kanarie.invalid login kanarie password {netrc}\n"
    )
    _write_private(home / ".git-credentials", f"https://kanarie:{git_token}@git.kanarie.invalid\n")
    pem = Ed25519PrivateKey.generate().private_bytes(
        Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()
    )
    key_path = home / ".ssh" / "id_ed25519"
    key_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_bytes_atomically(key_path, pem)
    key_path.chmod(0o600)
    key_line = pem.decode("ascii").splitlines()[1]
    environment = {
        "HOME": str(home),
        "TWINE_PASSWORD": f"kanarie-twine-{tag}-{secrets.token_urlsafe(18)}",
        "AWS_ACCESS_KEY_ID": "AKIA" + _random(_BASE32, 16),
        "AWS_SECRET_ACCESS_KEY": _random(_ALNUM, 40),
        "GITHUB_TOKEN": "ghp_" + _random(_ALNUM, 36),
        "KANDIDAAT_SIGNING_PASSWORD": f"kanarie-sign-{tag}-{secrets.token_urlsafe(18)}",
    }
    canaries = (
        Canary(pypirc, "~/.pypirc (password)"),
        Canary(netrc, "~/.netrc (password)"),
        Canary(git_token, "~/.git-credentials (token)"),
        Canary(key_line, "~/.ssh/id_ed25519 (privésleutel)"),
        *(
            Canary(value, f"omgevingsvariabele {name}")
            for name, value in environment.items()
            if name != "HOME"
        ),
    )
    return PlantedCanaries(home, canaries, environment)


def read_canary_file(path: Path) -> tuple[str, ...]:
    """Canaries from a file, one per line; empty lines and ``#`` comments are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as error:
        raise ScanError(f"kanariebestand {path}: bestand bestaat niet") from error
    except (OSError, UnicodeDecodeError) as error:
        raise ScanError(f"kanariebestand {path}: niet te lezen als UTF-8-tekst") from error
    values = tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))
    _check_lengths(values, f"kanariebestand {path}")
    return values


def canaries_from_environment(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """Canaries from ``KANDIDAAT_CANARIES`` (separated by white space or commas)."""
    source = os.environ if environ is None else environ
    values = tuple(v for v in _SEPARATORS.split(source.get(CANARY_ENV, "")) if v)
    _check_lengths(values, f"omgevingsvariabele {CANARY_ENV}")
    return values


def _check_lengths(values: tuple[str, ...], source: str) -> None:
    """A canary shorter than 8 characters would match by accident: refuse it."""
    for number, value in enumerate(values, start=1):
        if len(value) < 8:
            raise ScanError(
                f"{source}: kanarie {number} is korter dan 8 tekens en zou toevallig kunnen passen"
            )
