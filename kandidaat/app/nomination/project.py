"""Open, create and change a ``.kandidaat`` project; choose its election.

Every change loads the nomination, applies a pure function to it and saves the
result in one transaction: when the function raises (bad input), the project
is left exactly as it was.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.app.nomination.eml210 import ReadNomination
from kandidaat.app.nomination.eml_files import read_210_with_facts
from kandidaat.domain.election import ElectionDefinition
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.checks.facts import SourceFacts
from kandidaat.domain.nomination.elections import (
    builtin_election,
    election_from_definition,
    municipal_election,
    same_identifier,
)
from kandidaat.eml.documents import read_path
from kandidaat.store.project import SUFFIX, ProjectFile

if TYPE_CHECKING:
    from collections.abc import Callable

    from kandidaat.domain.nomination.model import Election, Nomination

__all__ = [
    "builtin",
    "create_project",
    "election_argument",
    "election_from_110a",
    "is_project_file",
    "load_project",
    "load_target",
    "load_target_with_facts",
    "municipal",
    "update_project",
]

_SQLITE_MAGIC = b"SQLite format 3\x00"
_SHOWN = 80
"""How much of a user's argument an error message repeats."""


def create_project(path: Path, nomination: Nomination) -> None:
    """Create a new project file; an existing file is never overwritten.

    Raises:
        InputError: the file exists or cannot be written (Dutch, naming it).
    """
    with ProjectFile.create(path, nomination):
        pass


def load_project(path: Path) -> Nomination:
    """The nomination in a project file.

    Raises:
        InputError: missing, not a project, damaged (Dutch, naming the file).
    """
    with ProjectFile.open(path) as project:
        return project.load()


def update_project(path: Path, change: Callable[[Nomination], Nomination]) -> Nomination:
    """Apply ``change`` to the project's nomination and save it in one transaction.

    Raises:
        InputError: from opening the project or from ``change``; the project
            is then unchanged.
    """
    with ProjectFile.open(path) as project:
        changed = change(project.load())
        project.save(changed)
        return changed


def is_project_file(path: Path) -> bool:
    """True for a ``.kandidaat`` name or a file that starts like an SQLite database."""
    if path.suffix == SUFFIX:
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


def load_target(path: Path, *, election: Election | None = None) -> Nomination:
    """A project file or an EML 210, whichever ``path`` is.

    Raises:
        InputError: the file is missing, unreadable or neither of the two.
    """
    return load_target_with_facts(path, election=election).nomination


def load_target_with_facts(
    path: Path, *, election: Election | None = None, allow_unknown_date: bool = False
) -> ReadNomination:
    """A project file or an EML 210, and what it does not carry (a project: nothing).

    ``allow_unknown_date`` reads a 210 without kr:ElectionDate (for the check).

    Raises:
        InputError: the file is missing, unreadable or neither of the two.
    """
    if not path.exists():
        raise InputError(f"{path}: bestand bestaat niet")
    if is_project_file(path):
        nomination = load_project(path)
        if election is not None:
            if not same_identifier(election.identifier, nomination.election.identifier):
                raise InputError(
                    f"{path.name}: het project hoort bij verkiezing "
                    f"{nomination.election.identifier}, niet bij {election.identifier}"
                )
            nomination = replace(nomination, election=election)
        return ReadNomination(nomination, SourceFacts())
    return read_210_with_facts(path, election=election, allow_unknown_date=allow_unknown_date)


def election_argument(text: str) -> Election:
    """The election of a ``--election`` argument: an EML 110a file or a built-in identifier.

    An existing file is read as a 110a; anything else must be a built-in
    election (TK2025, PS2027_Fryslân, ...; spelled with or without accents).

    Raises:
        InputError: neither a readable 110a nor a built-in election (Dutch).
    """
    if any(unicodedata.category(character) == "Cc" for character in text):
        raise InputError("--election: de waarde bevat een stuurteken; typ de naam opnieuw")
    path = Path(text)
    try:
        is_file = path.is_file()
    except (OSError, ValueError):  # a name too long for the system, or with a NUL
        is_file = False
    if is_file:
        return election_from_110a(path)
    try:
        return builtin_election(text)
    except InputError as error:
        raise InputError(
            f"--election {text[:_SHOWN]!r}: geen bestaand bestand (EML 110a) en geen "
            f"ingebouwde verkiezing; {error.message}"
        ) from None


def election_from_110a(path: Path) -> Election:
    """The election described by an EML 110a (verkiezingsdefinitie).

    Raises:
        InputError: unreadable, or not a 110a (Dutch, naming the file).
    """
    document = read_path(path)
    if not isinstance(document, ElectionDefinition):
        raise InputError(
            f"{path.name}: dit is geen verkiezingsdefinitie (EML 110a) maar EML "
            f"{document.envelope.message_id}"
        )
    return election_from_definition(document)


def builtin(identifier: str) -> Election:
    """A built-in election by identifier (TK2025, PS2027_Gelderland, ...)."""
    return builtin_election(identifier)


def municipal(name: str, seats: int, election_date: str, cbs_code: str | None = None) -> Election:
    """A gemeenteraad election from the command line's fields.

    Raises:
        InputError: a date that is not JJJJ-MM-DD or an impossible number of seats.
    """
    try:
        day = date.fromisoformat(election_date)
    except ValueError:
        raise InputError(
            f"--date {election_date!r}: geen geldige datum (gebruik JJJJ-MM-DD)"
        ) from None
    return municipal_election(name, seats, day, cbs_code)
