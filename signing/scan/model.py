"""Records shared by the scanner: findings, errors, limits and where something was found."""

from __future__ import annotations

import dataclasses

from kandidaat.domain.errors import InputError

# Separates the levels of a location inside nested archives, as in
# ``kandidaat-0.1.0.tar.gz!kandidaat/_internal/base_library.zip!encodings/x.pyc``.
NESTING_SEPARATOR = "!"


class ScanError(InputError):
    """Input the scanner cannot read at all (missing path, unreadable allowlist)."""


class AllowlistError(ScanError):
    """An allowlist that the scanner refuses (for example an entry without a reason)."""


@dataclasses.dataclass(frozen=True)
class Limits:
    """Bounds that protect the scanner against archive bombs.

    Attributes:
        max_total_bytes: bytes the scanner may expand in total (all members, all levels).
        max_member_bytes: bytes one member may expand to.
        max_depth: how many archives may be nested inside each other.
        max_members: members the scanner opens in total.
    """

    max_total_bytes: int = 4 * 1024**3
    max_member_bytes: int = 1024**3
    max_depth: int = 12
    max_members: int = 500_000


@dataclasses.dataclass(frozen=True)
class Finding:
    """One leak: which rule fired where, with an excerpt that never shows the full secret."""

    rule: str
    description: str
    location: str
    offset: int | None
    excerpt: str

    def to_json(self) -> dict[str, object]:
        """Return the finding as a JSON-ready mapping."""
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class ScanProblem:
    """A part of the input that could not be scanned (corrupt, too big, too deep)."""

    location: str
    message: str

    def to_json(self) -> dict[str, object]:
        """Return the problem as a JSON-ready mapping."""
        return dataclasses.asdict(self)


def join_location(parent: str, member: str) -> str:
    """The location of ``member`` inside the archive at ``parent``."""
    return f"{parent}{NESTING_SEPARATOR}{member}" if parent else member


def redact(secret: str) -> str:
    """Show at most a short prefix of a secret and its length, never the whole value.

    >>> redact("hunter2-very-secret")
    'hu…[19 tekens]'
    """
    shown = secret[:2] if len(secret) >= 8 else ""
    return f"{shown}…[{len(secret)} tekens]"


def shorten(text: str, limit: int = 120) -> str:
    """Cut ``text`` to ``limit`` characters and make control characters visible."""
    printable = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"
