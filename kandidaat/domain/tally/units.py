"""What a reporting unit of a count is: polling station, municipality or kieskring.

The ``ReportingUnitIdentifier/@Id`` of an EML 510 says it (EML_NL 510 XSD,
``ReportingUnitIdentifierType``): ``0668::SB1`` is a polling station, ``0518`` or
``HSB3::0518`` a municipality, ``HSB1`` the hoofdstembureau of a kieskring.
"""

from __future__ import annotations

import re

_STATION = re.compile(r"(?:.*::)?SB\d+")
_MUNICIPALITY = re.compile(r"(?:HSB\d+::)?\d{4}")
_KIESKRING = re.compile(r"HSB\d+")

UNIT_PLURALS = {
    "510a": "stembureaus",
    "510b": "stembureaus",
    "510c": "gemeenten",
    "510d": "gemeenten of kieskringen",
}
"""What the reporting units of each count are, for a summary (docs/eml.md section 4)."""


def unit_kind(unit_id: str) -> str:
    """The Dutch word for a reporting unit with this identifier."""
    if _STATION.fullmatch(unit_id):
        return "stembureau"
    if _MUNICIPALITY.fullmatch(unit_id):
        return "gemeente"
    if _KIESKRING.fullmatch(unit_id):
        return "kieskring"
    return "eenheid"


def unit_label(unit_id: str) -> str:
    """A reporting unit as a message names it: "stembureau 0668::SB1", "gemeente 0654"."""
    return f"{unit_kind(unit_id)} {unit_id}"


_PLURALS = {"stembureau": "stembureaus", "gemeente": "gemeenten", "kieskring": "kieskringen"}


def units_plural(message_id: str, unit_ids: list[str]) -> str:
    """The reporting units of a count in one word, from the units themselves when all agree."""
    kinds = {unit_kind(unit_id) for unit_id in unit_ids}
    fallback = UNIT_PLURALS.get(message_id, "eenheden")
    if len(kinds) == 1:
        return _PLURALS.get(kinds.pop(), fallback)
    return fallback
