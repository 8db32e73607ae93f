"""Find characters that cannot be printed or written to XML in a tree of records.

An old project may hold control characters (input now refuses them) or lone
surrogates; reportlab and lxml fail on them with an exception that names no
field. :func:`find_unprintable` walks dataclasses, tuples, lists and dicts and
returns the first string that holds one, with the path of field names to it.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass

__all__ = ["MAX_DEPTH", "Unprintable", "find_unprintable", "visible"]

MAX_DEPTH = 32
"""Records nest no deeper than this; deeper parts are not looked at."""
_ALLOWED = frozenset("\t\n\r")


@dataclass(frozen=True, slots=True)
class Unprintable:
    """A character that cannot be printed, where it is and what it is."""

    path: tuple[str | int, ...]
    """Field names and sequence indexes from the root to the string."""
    position: int
    """1-based position of the character in the string."""
    character: str

    @property
    def code(self) -> str:
        """``U+0007``."""
        return f"U+{ord(self.character):04X}"


def is_unprintable(character: str) -> bool:
    """A control character (except tab and line breaks), a surrogate or a noncharacter."""
    if character in _ALLOWED:
        return False
    category = unicodedata.category(character)
    return category in {"Cc", "Cs"} or (ord(character) & 0xFFFE) == 0xFFFE


def find_unprintable(value: object) -> Unprintable | None:
    """The first unprintable character in ``value`` (depth first, fields in order)."""
    return _find(value, (), 0)


def visible(text: str) -> str:
    """``text`` with every unprintable character shown as its code (for messages)."""
    return "".join(f"<U+{ord(ch):04X}>" if is_unprintable(ch) else ch for ch in text)


def _find(value: object, path: tuple[str | int, ...], depth: int) -> Unprintable | None:
    if depth > MAX_DEPTH:
        return None
    if isinstance(value, str):
        for index, character in enumerate(value):
            if is_unprintable(character):
                return Unprintable(path, index + 1, character)
        return None
    children: list[tuple[str | int, object]]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        children = [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value)]
    elif isinstance(value, (tuple, list)):
        children = list(enumerate(value))
    elif isinstance(value, dict):
        children = [(str(key), item) for key, item in value.items()]
    else:
        return None
    for name, child in children:
        found = _find(child, (*path, name), depth + 1)
        if found is not None:
            return found
    return None
