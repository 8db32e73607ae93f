"""Turning what a user types into field values, and back, with Dutch errors.

The desktop application edits candidates in a table; every cell is text. These
functions read that text (a date as 12-03-1980, a gender as m or v) and name
the field and the person when the text cannot be read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.checks.facts import PartialDate
from kandidaat.domain.nomination.model import Candidate, Gender
from kandidaat.domain.nomination.text_rules import LIMITS, check_text

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CANDIDATE_FIELDS",
    "candidate_text",
    "format_date",
    "parse_date",
    "with_candidate_text",
]

CANDIDATE_FIELDS: tuple[tuple[str, str], ...] = (
    ("last_name", "Achternaam"),
    ("prefix", "Tussenvoegsel"),
    ("initials", "Voorletters"),
    ("first_name", "Roepnaam"),
    ("gender", "Geslacht"),
    ("date_of_birth", "Geboortedatum"),
    ("locality", "Woonplaats"),
    ("country_code", "Land"),
    ("lives_in_area", "Woont in gebied"),
    ("settlement_areas", "Vestiging in"),
    ("bsn", "BSN"),
)
"""The candidate fields shown as table columns: (field name, Dutch column title)."""

_FIELD_LIMITS = {
    "last_name": LIMITS["last_name"],
    "prefix": LIMITS["prefix"],
    "initials": LIMITS["initials"],
    "first_name": LIMITS["first_name"],
    "locality": LIMITS["locality"],
    "bsn": LIMITS["bsn"],
    "settlement_areas": 10 * LIMITS["area"],
}
"""Maximum characters per typed field (ADR 0034); other fields are short by their rules."""
_SHORT_FIELD = 20

_DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def format_date(day: date | None) -> str:
    """A date as a Dutch user types it: 07-03-1980 (empty when unknown)."""
    return "" if day is None else f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


def parse_date(text: str, what: str) -> date | None:
    """Read a date typed as dd-mm-jjjj (or jjjj-mm-dd); empty text is no date.

    Raises:
        InputError: the text is not a date; the message names ``what``.
    """
    if not text.strip():
        return None
    match = _DATE.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        iso = _ISO_DATE.match(text)
        if not iso:
            raise InputError(f"{what}: {text.strip()!r} is geen datum; typ bijvoorbeeld 07-03-1980")
        year, month, day = (int(part) for part in iso.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(f"{what}: {text.strip()!r} bestaat niet als datum") from None


def candidate_text(candidate: Candidate, field: str) -> str:
    """The value of ``field`` as the table shows it."""
    value = getattr(candidate, field)
    if field == "date_of_birth":
        return format_date(value) if value is not None else candidate.date_of_birth_annex
    if field == "gender":
        return "" if value is None else str(value.value)
    if field == "lives_in_area":
        return {None: "", True: "ja", False: "nee"}[value]
    if field == "settlement_areas":
        return ", ".join(value)
    return str(value)


def _with_date_of_birth(candidate: Candidate, text: str, what: str) -> Candidate:
    """A full date, or one known only in part as the BRP records it (XX-05-1976, ADR 0026)."""
    partial = PartialDate.parse(text.upper())
    if partial is not None:
        return replace(candidate, date_of_birth=None, date_of_birth_annex=partial.text)
    return replace(candidate, date_of_birth=parse_date(text, what), date_of_birth_annex="")


def with_candidate_text(candidate: Candidate, field: str, text: str) -> Candidate:
    """The candidate with ``field`` set from what the user typed.

    Raises:
        InputError: the text does not fit the field; the message names the
            field and the candidate.
    """
    title = dict(CANDIDATE_FIELDS).get(field)
    if title is None:
        raise InputError(f"onbekend veld {field!r}")
    what = f"{title.lower()} van {candidate.display_name[:60]}"
    check_text(what, text.strip(), _FIELD_LIMITS.get(field, _SHORT_FIELD))
    if field == "date_of_birth":
        return _with_date_of_birth(candidate, text, what)
    if field == "gender":
        return replace(candidate, gender=_gender(text, what))
    if field == "lives_in_area":
        return replace(candidate, lives_in_area=_yes_no(text, what))
    if field == "settlement_areas":
        areas = tuple(part.strip() for part in text.split(",") if part.strip())
        for area in areas:
            check_text(what, area, LIMITS["area"])
        return replace(candidate, settlement_areas=areas)
    value = text.strip()
    if field == "bsn":
        value = value.replace(" ", "").replace(".", "")
        if value and not value.isdigit():
            raise InputError(f"{what}: een burgerservicenummer bestaat alleen uit cijfers")
    if field == "country_code":
        value = value.upper()
        if value and not re.fullmatch(r"[A-Z]{2}", value):
            raise InputError(f"{what}: gebruik de landcode van twee letters, zoals NL of BE")
    if field in {"last_name", "initials"} and not value:
        raise InputError(f"{what} mag niet leeg zijn")
    return _TEXT_SETTERS[field](candidate, value)


_TEXT_SETTERS: dict[str, Callable[[Candidate, str], Candidate]] = {
    "last_name": lambda candidate, value: replace(candidate, last_name=value),
    "prefix": lambda candidate, value: replace(candidate, prefix=value),
    "initials": lambda candidate, value: replace(candidate, initials=value),
    "first_name": lambda candidate, value: replace(candidate, first_name=value),
    "locality": lambda candidate, value: replace(candidate, locality=value),
    "country_code": lambda candidate, value: replace(candidate, country_code=value),
    "bsn": lambda candidate, value: replace(candidate, bsn=value),
}


def _yes_no(text: str, what: str) -> bool | None:
    cleaned = text.strip().lower()
    if cleaned in {"", "?", "onbekend"}:
        return None
    if cleaned in {"ja", "j"}:
        return True
    if cleaned in {"nee", "n"}:
        return False
    raise InputError(f"{what}: vul ja of nee in, of laat het leeg als het niet bekend is")


def _gender(text: str, what: str) -> Gender | None:
    cleaned = text.strip().lower()
    if cleaned in {"", "-"}:
        return None
    for gender in Gender:
        if gender.value == cleaned:
            return gender
    raise InputError(f"{what}: vul m of v in, of laat het leeg")
