"""The register of appellations from a CSV: appellation, previous votes, previous seats.

The file is UTF-8 (a BOM is allowed), ``;`` separates the columns and the
first line is the header ``aanduiding;stemmen;zetels``. An empty ``stemmen``
or ``zetels`` means the appellation has no (known) result at the previous
election. All or nothing: every wrong line is named and nothing changes.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from kandidaat.app.csb.csv_input import csv_rows, read_bounded, refuse_problems
from kandidaat.domain.csb.model import RegisterEntry
from kandidaat.store.csb import CsbWorkspace

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["HEADER", "MAX_APPELLATION", "MAX_ROWS", "import_register", "parse_register"]

HEADER = ("aanduiding", "stemmen", "zetels")
MAX_BYTES = 1024 * 1024
MAX_ROWS = 1000
MAX_APPELLATION = 100
"""A bound on the input, not the legal limit: Kieswet G 1 lid 4 allows 35 characters, and
how to count them (spaces, punctuation) is an interpretation the register does not make."""
MAX_VOTES = 20_000_000
MAX_SEATS = 150


def _number(text: str, limit: int, what: str) -> int | str | None:
    """A whole number, None for empty, or a Dutch problem."""
    value = text.strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()):
        return f"{what} '{value[:20]}' is geen geheel getal van 0 of meer"
    number = int(value)
    if number > limit:
        return f"{what} {number} is meer dan {limit}"
    return number


def _name_problem(name: str, seen: dict[str, int]) -> str:
    """What is wrong with an appellation of the register ('' when nothing)."""
    if not name:
        return "leeg"
    if len(name) > MAX_APPELLATION:
        return f"meer dan {MAX_APPELLATION} tekens"
    if any(unicodedata.category(char).startswith("C") for char in name):
        return "bevat een stuurteken"
    if name.casefold() in seen:
        return f"'{name}' staat ook op regel {seen[name.casefold()]}"
    return ""


def parse_register(data: bytes, source: str) -> tuple[RegisterEntry, ...]:
    """The entries of a register CSV.

    Raises:
        InputError: a file too large, not UTF-8, without the header, or with
            wrong lines (every one named).
    """
    lines = csv_rows(data, source, HEADER, MAX_BYTES, MAX_ROWS)
    problems: list[str] = []
    entries: list[RegisterEntry] = []
    seen: dict[str, int] = {}
    for line, row in lines:
        if len(row) != len(HEADER):
            problems.append(f"{source}, regel {line}: {len(row)} kolommen, verwacht 3")
            continue
        name = " ".join(row[0].split())
        votes = _number(row[1], MAX_VOTES, "stemmen")
        seats = _number(row[2], MAX_SEATS, "zetels")
        name_problem = _name_problem(name, seen)
        if name_problem:
            problems.append(f"{source}, regel {line}, kolom aanduiding: {name_problem}")
        else:
            seen.setdefault(name.casefold(), line)
        problems.extend(
            f"{source}, regel {line}, kolom {column}: {value}"
            for column, value in (("stemmen", votes), ("zetels", seats))
            if isinstance(value, str)
        )
        if isinstance(votes, str) or isinstance(seats, str) or name_problem:
            continue
        entries.append(RegisterEntry(name, votes, seats))
    refuse_problems(problems, "Het register")
    return tuple(entries)


def import_register(workspace_path: Path, csv_path: Path, actor: str) -> tuple[RegisterEntry, ...]:
    """Replace the workspace's register by the CSV's entries (one transaction, logged).

    Raises:
        InputError: an unreadable or wrong CSV (nothing changes) or workspace.
    """
    data = read_bounded(csv_path, MAX_BYTES)
    entries = parse_register(data, csv_path.name)
    with CsbWorkspace.open(workspace_path) as workspace:
        workspace.replace_register(entries, csv_path.name, actor)
    return entries
