"""Small helpers shared by the nomination subcommands: Dutch argument types and help."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from kandidaat.domain.nomination.model import PostalAddress, StatutoryParty, Submitter

__all__ = [
    "add_help",
    "group",
    "iso_date",
    "new_parser",
    "non_negative_int",
    "person",
    "positive_int",
]

PERSON_FORMAT = "VOORLETTERS;TUSSENVOEGSEL;ACHTERNAAM;STRAAT EN NUMMER;POSTCODE;WOONPLAATS"
_PERSON_FIELDS = 6
GROUP_FORMAT = "STATUTAIRE NAAM;GEMACHTIGDE[;ZETELS VORIGE KEER]"


def add_help(parser: argparse.ArgumentParser) -> None:
    """A Dutch ``-h/--help``."""
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")


def new_parser(subparsers: Any, name: str, help_text: str, description: str) -> Any:  # noqa: ANN401 - argparse's private type
    """A subcommand parser with Dutch help."""
    parser = subparsers.add_parser(name, help=help_text, description=description, add_help=False)
    add_help(parser)
    return parser


def positive_int(text: str) -> int:
    """A whole number of at least 1, with a Dutch error."""
    value = non_negative_int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} moet 1 of meer zijn")
    return value


def non_negative_int(text: str) -> int:
    """A whole number of at least 0, with a Dutch error."""
    if not text.strip().isdigit() or not text.strip().isascii():
        raise argparse.ArgumentTypeError(f"{text!r} is geen geheel getal van 0 of meer")
    return int(text.strip())


def iso_date(text: str) -> date:
    """A date written JJJJ-MM-DD, with a Dutch error."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is geen geldige datum (gebruik JJJJ-MM-DD)"
        ) from None


def person(text: str) -> Submitter:
    """A lijstinleveraar or vervanger written as six fields separated by ';'."""
    parts = [part.strip() for part in text.split(";")]
    if len(parts) != _PERSON_FIELDS:
        raise argparse.ArgumentTypeError(
            f"{text!r}: verwacht 6 velden gescheiden door ';' ({PERSON_FORMAT}), "
            f"gevonden {len(parts)}"
        )
    initials, prefix, last_name, street, postal_code, locality = parts
    if not initials or not last_name:
        raise argparse.ArgumentTypeError(f"{text!r}: voorletters en achternaam zijn verplicht")
    return Submitter(
        initials=initials,
        last_name=last_name,
        prefix=prefix,
        address=PostalAddress(street=street, postal_code=postal_code, locality=locality),
    )


def project_path(text: str) -> Path:
    """The project file argument."""
    return Path(text)


def group(text: str) -> StatutoryParty:
    """A political group behind the appellation: statutory name, its gemachtigde, seats."""
    parts = [part.strip() for part in text.split(";")]
    if len(parts) not in {2, 3} or not parts[0] or not parts[1]:
        raise argparse.ArgumentTypeError(
            f"{text!r}: verwacht statutaire naam en gemachtigde gescheiden door ';' "
            f"({GROUP_FORMAT})"
        )
    seats = non_negative_int(parts[2]) if len(parts) == 3 else None
    return StatutoryParty(statutory_name=parts[0], agent_name=parts[1], previous_seats=seats)
