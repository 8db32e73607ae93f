"""EML 210 files of made-up TK2025 lists, written by kandidaat's own exporter."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from kandidaat.app.nomination.eml_files import export_210
from kandidaat.domain.nomination.elections import builtin_election
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Candidate,
    CandidateList,
    Gender,
    Nomination,
    Party,
    PostalAddress,
    Submitter,
)

if TYPE_CHECKING:
    from pathlib import Path

ELECTION = "TK2025"
NOMINATION_DAY = date(2025, 9, 15)
"""Kandidaatstelling TK 2025: maandag 15 september 2025 (Kiesraad, verkiezingskalender)."""
IN_TIME = "2025-09-15 14:30"
CREATED = datetime(2025, 9, 1, 12, 0).astimezone()

Person = tuple[str, str, date]


def people(prefix: str, count: int) -> list[Person]:
    """``count`` distinct persons whose last names start with ``prefix``."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [
        (f"{'ABCDEFGH'[n % 8]}.", f"{prefix}{letters[n // 26]}{letters[n % 26]}", _born(n))
        for n in range(count)
    ]


def _born(n: int) -> date:
    return date(1960 + n % 40, 1 + n % 12, 1 + n % 28)


def nomination(appellation: str, persons: list[Person], kieskringen: tuple[str, ...]) -> Nomination:
    """A TK2025 nomination with one list."""
    candidates = tuple(
        Candidate(
            key=f"k{n}",
            initials=initials,
            last_name=last,
            first_name="Sam",
            gender=Gender.FEMALE if n % 2 else Gender.MALE,
            date_of_birth=born,
            locality="Utrecht",
            correspondence=PostalAddress("Straat 1", "3511 AA", "Utrecht"),
        )
        for n, (initials, last, born) in enumerate(persons, start=1)
    )
    kind = AppellationKind.REGISTERED if appellation else AppellationKind.BLANK
    return Nomination(
        election=builtin_election(ELECTION),
        party=Party(
            kind=kind,
            appellation=appellation,
            submitter=Submitter(
                "J.", "Inleveraar", address=PostalAddress("Laan 2", "3511 AB", "Utrecht")
            ),
            substitutes=(
                Submitter("K.", "Vervanger", address=PostalAddress("Laan 3", "3511 AB", "Utrecht")),
            ),
        ),
        candidates=candidates,
        lists=(CandidateList("lijst-1", kieskringen, tuple(c.key for c in candidates)),),
    )


def write_210(
    folder: Path,
    name: str,
    appellation: str,
    persons: list[Person],
    kieskringen: tuple[str, ...] = ("1",),
) -> tuple[Path, str]:
    """Write one list's EML 210; returns the path and its hash code as the H 1 prints it."""
    folder.mkdir(parents=True, exist_ok=True)
    chosen = nomination(appellation, persons, kieskringen)
    path = folder / name
    code = export_210(chosen, chosen.lists[0], path, created=CREATED)
    return path, code
