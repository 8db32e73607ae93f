"""Passphrases and PINs: from a file descriptor or a prompt, never from argv or the environment.

An argument is visible to every user in the process list and a variable is
inherited by every child process and often logged; a file descriptor or the
terminal is neither.
"""

from __future__ import annotations

import getpass
import os
import re
import sys
from typing import TYPE_CHECKING

from signing.sign.errors import SigningSetupError

if TYPE_CHECKING:
    from collections.abc import Mapping

_SECRET_NAME = re.compile(r"(PASSPHRASE|PASSWORD|PASSWD|WACHTWOORD|(^|_)PIN$)", re.IGNORECASE)
MAX_SECRET_BYTES = 4096


def secret_like_variables(environ: Mapping[str, str]) -> list[str]:
    """The names in ``environ`` that look like they hold a passphrase, password or PIN."""
    return sorted(name for name in environ if _SECRET_NAME.search(name))


def refuse_secrets_in_environment(environ: Mapping[str, str]) -> None:
    """Refuse to run while a variable that looks like a passphrase or PIN is set.

    Raises:
        SigningSetupError: naming every such variable (never its value).
    """
    names = secret_like_variables(environ)
    if names:
        raise SigningSetupError(
            "omgevingsvariabele(n) "
            + ", ".join(names)
            + " lijken een wachtwoord of pincode te bevatten; de ondertekening leest die "
            "alleen via --passphrase-fd/--pin-fd of de prompt. Haal ze uit de omgeving."
        )


def read_secret_from_fd(fd: int, what: str) -> bytes:
    """Read a secret from an open file descriptor (one trailing newline removed); close it.

    Raises:
        SigningSetupError: when the descriptor is not open, or gives nothing or too much.
    """
    try:
        with os.fdopen(fd, "rb", closefd=True) as handle:
            data = handle.read(MAX_SECRET_BYTES + 1)
    except OSError:
        raise SigningSetupError(f"{what}: bestandsdescriptor {fd} is niet open") from None
    if len(data) > MAX_SECRET_BYTES:
        raise SigningSetupError(f"{what}: meer dan {MAX_SECRET_BYTES} bytes op descriptor {fd}")
    data = data.removesuffix(b"\n").removesuffix(b"\r")
    if not data:
        raise SigningSetupError(f"{what}: leeg op bestandsdescriptor {fd}")
    return data


def obtain_secret(fd: int | None, what: str) -> bytes:
    """The secret from ``fd``, or else from a prompt on the terminal.

    Raises:
        SigningSetupError: when there is no descriptor and no terminal to ask on.
    """
    if fd is not None:
        return read_secret_from_fd(fd, what)
    if not sys.stdin.isatty():
        raise SigningSetupError(
            f"{what}: geen terminal om naar te vragen; geef het via een bestandsdescriptor "
            "(--passphrase-fd N of --pin-fd N)"
        )
    answer = getpass.getpass(f"{what}: ")
    if not answer:
        raise SigningSetupError(f"{what}: leeg")
    return answer.encode("utf-8")
