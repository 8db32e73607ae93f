"""File names from user text: bounded, portable, never a path (ADR 0047).

A name a user typed (an appellation, a last name, a kieskring) may be 100 000
characters long, hold slashes, dots, control characters or be a name Windows
reserves. :func:`safe_file_stem` turns it into a part of a file name that every
system accepts: ASCII letters, digits and "-", no leading dot, at most
``max_length`` characters (a cut name ends in 8 hexadecimal characters of its
SHA-256, so that two long names stay apart and the same name gives the same
file name every time), and never a reserved device name.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["MAX_STEM", "WINDOWS_RESERVED", "readable_file_stem", "safe_file_stem"]

MAX_STEM = 60
"""Characters of a stem by default: with a prefix and ``.eml.xml`` far below 255 bytes."""
MAX_STEM_BYTES = 150
"""UTF-8 bytes of a readable stem: room for a suffix and the "-journal" of SQLite in 255."""
MAX_SCANNED = 4096
"""Characters of the text looked at (the hash suffix covers the whole text)."""
SUFFIX_LENGTH = 8

WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{n}" for n in range(10)}
    | {f"LPT{n}" for n in range(10)}
)
"""Device names Windows refuses as a file name, with any extension."""

_ASCII_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
    }
)


def safe_file_stem(text: str, *, max_length: int = MAX_STEM, fallback: str = "naam") -> str:
    """A portable part of a file name made from ``text``.

    "Çelik" -> "Celik", "Ødegård" -> "Odegard", "a/b" -> "a-b", "..." -> ``fallback``,
    "CON" -> "CON-", 200 times "A" -> 51 times "A", "-" and 8 hex characters.
    """
    if max_length <= SUFFIX_LENGTH + 1:
        msg = f"max_length must be more than {SUFFIX_LENGTH + 1}"
        raise ValueError(msg)
    folded = unicodedata.normalize("NFKD", text[:MAX_SCANNED].translate(_ASCII_LETTERS))
    kept = "".join(
        ch if ch.isascii() and ch.isalnum() else "-"
        for ch in folded
        if not unicodedata.combining(ch)
    )
    while "--" in kept:
        kept = kept.replace("--", "-")
    stem = kept.strip("-") or fallback
    if len(stem) > max_length or len(text) > MAX_SCANNED:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        stem = f"{stem[: max_length - SUFFIX_LENGTH - 1].rstrip('-')}-{digest[:SUFFIX_LENGTH]}"
    if stem.split(".")[0].upper() in WINDOWS_RESERVED:
        stem += "-"
    return stem


_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f]+')


def readable_file_stem(text: str, *, max_length: int = MAX_STEM, fallback: str = "project") -> str:
    """A file name stem that keeps the user's letters and spaces, for a name they will read.

    "Dorpsbelang Wijdemeren" stays as it is; what Windows or a path forbids
    (angle brackets, colon, quote, slashes, bar, question mark, star, control
    characters, surrogates) becomes "-", leading and
    trailing dots and spaces go, and the length and device names are bounded as
    in :func:`safe_file_stem`.
    """
    if max_length <= SUFFIX_LENGTH + 1:
        msg = f"max_length must be more than {SUFFIX_LENGTH + 1}"
        raise ValueError(msg)
    part = "".join(
        "-" if unicodedata.category(ch) in {"Cs", "Co", "Cn"} else ch for ch in text[:MAX_SCANNED]
    )
    part = _NOT_IN_NAMES.sub("-", unicodedata.normalize("NFC", part))
    stem = " ".join(part.split()).strip(" .-") or fallback
    too_long = len(stem) > max_length or len(stem.encode()) > MAX_STEM_BYTES
    if too_long or len(text) > MAX_SCANNED:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        cut = stem[: max_length - SUFFIX_LENGTH - 1]
        while len(cut.encode()) > MAX_STEM_BYTES - SUFFIX_LENGTH - 1:
            cut = cut[:-1]
        stem = f"{cut.rstrip(' .-')}-{digest[:SUFFIX_LENGTH]}"
    first, dot, rest = stem.partition(".")
    if first.strip().upper() in WINDOWS_RESERVED:
        stem = f"{first}-{dot}{rest}"
    return stem
