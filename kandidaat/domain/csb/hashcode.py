"""Comparing the hash code the committee types from the party's H 1 with the file's.

The code is the SHA-256 as 16 groups of 4 hexadecimal digits. The committee
types it in full, or - as abacus asks - only two groups that the program
leaves blank when it shows the code: one of groups 1-8 and one of groups
10-16, chosen from the digest itself, so the same file always asks for the
same two groups (a member cannot copy them from the screen: they must be read
from the paper).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["GROUPS", "HashCodeError", "blanked_groups", "matches", "parse_typed", "shown_blanked"]

GROUPS = 16
_GROUP_LENGTH = 4
_BLANKED = 2
_MAX_TYPED = 200


class HashCodeError(ValueError):
    """A typed hash code that cannot be read (Dutch message)."""


@dataclass(frozen=True, slots=True)
class TypedCode:
    """What was typed: all 16 groups, or the two blanked ones."""

    groups: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """True when all 16 groups were typed."""
        return len(self.groups) == GROUPS


def _groups(code: str) -> tuple[str, ...]:
    return tuple(code.upper().split())


def parse_typed(text: str) -> TypedCode:
    """Read a typed code: 16 groups, or 2 groups, of 4 hexadecimal digits each.

    Raises:
        HashCodeError: anything else, saying what is wrong.
    """
    if len(text) > _MAX_TYPED:
        msg = f"--hashcode: de code is langer dan {_MAX_TYPED} tekens"
        raise HashCodeError(msg)
    groups = tuple(text.replace("-", " ").upper().split())
    if len(groups) == 1 and len(groups[0]) == GROUPS * _GROUP_LENGTH:
        joined = groups[0]
        groups = tuple(joined[i : i + _GROUP_LENGTH] for i in range(0, len(joined), _GROUP_LENGTH))
    if len(groups) not in {GROUPS, _BLANKED}:
        msg = (
            f"--hashcode: typ alle 16 groepen van 4 tekens, of de 2 weggelaten groepen; "
            f"gevonden: {len(groups)} groep(en)"
        )
        raise HashCodeError(msg)
    for number, group in enumerate(groups, start=1):
        if len(group) != _GROUP_LENGTH or any(char not in "0123456789ABCDEF" for char in group):
            msg = f"--hashcode: groep {number} ({group[:8]!r}) is geen 4 tekens uit 0-9 en A-F"
            raise HashCodeError(msg)
    return TypedCode(groups)


def blanked_groups(code: str) -> tuple[int, int]:
    """The two groups (numbered from 1) left blank for ``code``: one of 1-8, one of 10-16."""
    digest = bytes.fromhex("".join(_groups(code)))
    return (1 + digest[0] % 8, 10 + digest[1] % 7)


def shown_blanked(code: str) -> str:
    """The code as shown to the committee, with the two blanked groups as '....'."""
    blank = blanked_groups(code)
    return " ".join(
        "...." if number in blank else group for number, group in enumerate(_groups(code), start=1)
    )


def matches(typed: TypedCode, code: str) -> bool:
    """True when the typed groups are those of ``code`` (all 16, or the two blanked)."""
    groups = _groups(code)
    if typed.complete:
        return typed.groups == groups
    first, second = blanked_groups(code)
    return typed.groups == (groups[first - 1], groups[second - 1])
