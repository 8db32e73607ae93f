"""Candidates from and to a spreadsheet (CSV with ';' or XLSX), through the store's importer.

An import is all or nothing: the importer reports every malformed row with its
line and column, and then nothing is changed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.app.nomination.list_edits import find_list, place_candidates
from kandidaat.app.nomination.project import load_project, update_project
from kandidaat.store.spreadsheet import merge_candidates, read_candidates, write_candidates

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from kandidaat.domain.nomination.model import Candidate, Nomination

__all__ = ["ImportSummary", "export_candidates", "import_candidates", "import_into"]


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import changed: persons read, added and updated, and the list filled."""

    read: int
    added: int
    updated: int
    list_key: str | None
    keys: tuple[str, ...]


def import_into(
    nomination: Nomination,
    path: Path,
    *,
    list_key: str | None = None,
    today: date | None = None,
) -> tuple[Nomination, ImportSummary]:
    """The nomination with the spreadsheet's persons merged into its address book.

    With ``list_key`` the list gets exactly these persons in the file's order
    (Kieswet art. H 6 lid 1, geldend op 2026-01-01: the order of preference).

    Raises:
        InputError: the file cannot be read or has problems (every row named),
            or the list does not exist; the nomination is then not changed.
    """
    if list_key is not None:
        find_list(nomination, list_key)
    result = read_candidates(path, today=today)
    result.raise_for_problems()
    merged = merge_candidates(nomination.candidates, result)
    changed = dataclasses.replace(nomination, candidates=merged.address_book)
    if list_key is not None:
        changed = place_candidates(changed, list_key, merged.keys)
    summary = ImportSummary(
        read=len(result.candidates),
        added=len(merged.added),
        updated=len(merged.updated),
        list_key=list_key,
        keys=merged.keys,
    )
    return changed, summary


def import_candidates(
    project: Path, path: Path, *, list_key: str | None = None, today: date | None = None
) -> ImportSummary:
    """Import a spreadsheet into a project file in one transaction (all or nothing).

    Raises:
        InputError: see :func:`import_into`; the project file is then unchanged.
    """
    found: list[ImportSummary] = []

    def change(nomination: Nomination) -> Nomination:
        changed, summary = import_into(nomination, path, list_key=list_key, today=today)
        found.append(summary)
        return changed

    update_project(project, change)
    return found[0]


def export_candidates(project: Path, path: Path, *, list_key: str | None = None) -> int:
    """Write the address book, or one list in its order, as CSV or XLSX; return the count.

    Raises:
        InputError: no such list, or the file cannot be written (nothing half-written).
    """
    nomination = load_project(project)
    candidates: tuple[Candidate, ...] = (
        nomination.candidates_of(find_list(nomination, list_key))
        if list_key is not None
        else nomination.candidates
    )
    write_candidates(path, candidates)
    return len(candidates)
