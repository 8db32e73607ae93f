"""The burgerservicenummer: normal form and the eleven test.

The BSN is asked on the instemmingsverklaring (model H 9, Kieswet art. H 9)
so the CSB can check the candidate against the BRP.
"""

from __future__ import annotations

import operator

__all__ = ["BSN_LENGTH", "bsn_problem", "is_valid_bsn", "normalize_bsn"]

BSN_LENGTH = 9
_SEPARATORS = str.maketrans("", "", " .-")
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
"""The weights of the eleven test, digit 1 to 9."""


def normalize_bsn(text: str) -> str:
    """The BSN without spaces, dots or hyphens; an 8-digit BSN gets its leading zero."""
    digits = text.translate(_SEPARATORS)
    if len(digits) == BSN_LENGTH - 1 and digits.isdigit():
        return "0" + digits
    return digits


def bsn_problem(text: str) -> str | None:
    """Why ``text`` is not a valid BSN (Dutch), or None when it is.

    The eleven test ("elfproef"): 9 x d1 + 8 x d2 + ... + 2 x d8 - 1 x d9 is a
    multiple of 11, and the number is not all zeros.
    """
    bsn = normalize_bsn(text)
    if not bsn.isascii() or not bsn.isdigit():
        return "een BSN bestaat alleen uit cijfers"
    if len(bsn) != BSN_LENGTH:
        return f"een BSN heeft 9 cijfers (nu {len(bsn)})"
    if set(bsn) == {"0"}:
        return "een BSN kan niet uit alleen nullen bestaan"
    total = sum(map(operator.mul, _WEIGHTS, map(int, bsn)))  # both have 9 elements
    if total % 11:
        return "het nummer voldoet niet aan de elfproef; controleer het op het identiteitsbewijs"
    return None


def is_valid_bsn(text: str) -> bool:
    """True when ``text`` is a BSN that passes the eleven test."""
    return bsn_problem(text) is None
