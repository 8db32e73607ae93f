"""Candidates from and to a spreadsheet (CSV with ';' or XLSX), through the store's importer.

An import is all or nothing: the importer reports every malformed row with its
line and column, and then nothing is changed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.app.nomination.eml210 import merge_persons
from kandidaat.app.nomination.eml_files import read_candidate_data
from kandidaat.app.nomination.list_edits import find_list, place_candidates
from kandidaat.app.nomination.project import load_project, update_project
from kandidaat.domain.errors import InputError
from kandidaat.store.spreadsheet import merge_candidates, read_candidates, write_candidates

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from kandidaat.domain.nomination.model import Candidate, Nomination

__all__ = [
    "ImportSummary",
    "export_candidates",
    "import_candidates",
    "import_eml_into",
    "import_into",
    "is_eml",
]

EML_SUFFIXES = (".xml",)


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


def is_eml(path: Path) -> bool:
    """True for an EML file (``.eml.xml`` or ``.xml``), else a spreadsheet."""
    return path.suffix.casefold() in EML_SUFFIXES


def import_eml_into(
    nomination: Nomination,
    path: Path,
    *,
    appellation: str | None = None,
    list_key: str | None = None,
) -> tuple[Nomination, ImportSummary]:
    """Candidates of one list of an EML 210 or 230b/230c merged into the address book.

    ``appellation`` picks the list (default: the project's own appellation;
    a file with one list needs none). With ``list_key`` that list gets these
    persons in the file's order.

    Raises:
        InputError: unreadable file, no or an ambiguous matching list, unknown list key.
    """
    if list_key is not None:
        find_list(nomination, list_key)
    found = read_candidate_data(path)
    wanted = appellation if appellation is not None else nomination.party.appellation
    matching = [n for n in found if n.party.appellation == wanted]
    if len(found) == 1 and appellation is None:
        matching = list(found)
    if len(matching) != 1:
        names = "; ".join(n.party.appellation or "(blanco)" for n in found)
        raise InputError(
            f"{path.name}: geen lijst met aanduiding {wanted!r}; kies er een met --aanduiding "
            f"(in dit bestand: {names})"
        )
    [source] = matching
    persons = source.candidates_of(source.lists[0])
    book, keys = merge_persons(nomination.candidates, persons)
    changed = dataclasses.replace(nomination, candidates=book)
    if list_key is not None:
        changed = place_candidates(changed, list_key, keys)
    known = {c.key for c in nomination.candidates}
    added = sum(1 for key in keys if key not in known)
    summary = ImportSummary(len(keys), added, len(keys) - added, list_key, keys)
    return changed, summary


def import_candidates(
    project: Path,
    path: Path,
    *,
    list_key: str | None = None,
    today: date | None = None,
    appellation: str | None = None,
) -> ImportSummary:
    """Import a spreadsheet or EML file into a project in one transaction (all or nothing).

    Raises:
        InputError: see :func:`import_into` and :func:`import_eml_into`; the
            project file is then unchanged.
    """
    found: list[ImportSummary] = []

    def change(nomination: Nomination) -> Nomination:
        if is_eml(path):
            changed, summary = import_eml_into(
                nomination, path, appellation=appellation, list_key=list_key
            )
        else:
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
    candidates = candidates_to_export(load_project(project), list_key)
    write_candidates(path, candidates)
    return len(candidates)


def candidates_to_export(nomination: Nomination, list_key: str | None) -> tuple[Candidate, ...]:
    """The whole address book, or list ``list_key`` in its order of preference (H 6 lid 1).

    Raises:
        InputError: no such list (the message names the lists that exist).
    """
    if list_key is None:
        return nomination.candidates
    return nomination.candidates_of(find_list(nomination, list_key))
