"""ShortCodes: one key per person across the kieskringen of a 230c.

EML_NL 230 (kiesraad-eml-restrictions.xsd, ``NameShortCodeType``): letters,
optionally followed by up to seven digits, at most 15 characters, unique in the
document. As e-KS writes them (``../shared/docs/nomination-rules.md`` §4.4):
the letters of the last name without prefix, then the initials' letters
("Jansen", "J.P." → ``JansenJP``); a second person with the same code gets
``2``, the next ``3``, ... (``JansenJP2``), shortening the letters so the
whole stays within 15.
"""

from __future__ import annotations

__all__ = ["MAX_SHORT_CODE", "ShortCodes"]

MAX_SHORT_CODE = 15


def _letters(text: str) -> str:
    return "".join(char for char in text if char.isalpha())


class ShortCodes:
    """Hands out ShortCodes for one document: the same person keeps theirs."""

    def __init__(self) -> None:
        """An empty document."""
        self._by_person: dict[tuple[str, ...], str] = {}
        self._used: set[str] = set()

    def code(self, person: tuple[str, ...], last_name: str, initials: str) -> tuple[str, bool]:
        """The code of ``person`` and whether it was handed out before (a later place)."""
        known = self._by_person.get(person)
        if known is not None:
            return known, True
        base = (_letters(last_name) + _letters(initials)) or "Kandidaat"
        candidate = base[:MAX_SHORT_CODE]
        number = 1
        while candidate in self._used:
            number += 1
            suffix = str(number)
            candidate = base[: MAX_SHORT_CODE - len(suffix)] + suffix
        self._used.add(candidate)
        self._by_person[person] = candidate
        return candidate, False
