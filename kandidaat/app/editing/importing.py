"""Reading candidates from a spreadsheet into the open project, after a preview.

The volunteer first sees what the file would do (who is new, who is updated,
and every problem with its row and column); nothing changes until they
confirm. A file with any problem imports nothing (the store reads it whole or
not at all). The confirmed import is one edit: one undo takes it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.app.editing.edits import ImportCandidates
from kandidaat.domain.nomination.model import Candidate
from kandidaat.store.errors import SpreadsheetProblem
from kandidaat.store.spreadsheet import merge_candidates, read_candidates

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from kandidaat.domain.nomination.model import Nomination

__all__ = ["ImportPreview", "PreviewRow", "preview_import"]


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One candidate of the file: its row, the person as it would be stored, and what happens."""

    row: int
    candidate: Candidate
    new: bool

    @property
    def action(self) -> str:
        """What the import does with this person, in Dutch."""
        return "nieuw" if self.new else "bestaat al: wordt bijgewerkt"


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What importing one file would do; ``problems`` non-empty means it cannot be imported."""

    source: str
    rows: tuple[PreviewRow, ...]
    problems: tuple[SpreadsheetProblem, ...]

    @property
    def ok(self) -> bool:
        """True when the file may be imported."""
        return not self.problems and bool(self.rows)

    def edit(self, list_key: str | None) -> ImportCandidates:
        """The edit that imports the file (onto ``list_key`` in file order, if given)."""
        return ImportCandidates(tuple(row.candidate for row in self.rows), list_key)


def preview_import(
    nomination: Nomination, path: Path, *, today: date | None = None
) -> ImportPreview:
    """What importing the CSV or XLSX file at ``path`` would do; changes nothing.

    Raises:
        InputError: the file cannot be read at all (missing, not a spreadsheet).
    """
    result = read_candidates(path, today=today)
    if not result.ok:
        return ImportPreview(result.source, (), result.problems)
    merged = merge_candidates(nomination.candidates, result)
    by_key = {candidate.key: candidate for candidate in merged.address_book}
    added = set(merged.added)
    rows = tuple(
        PreviewRow(row, by_key[key], key in added)
        for row, key in zip(result.rows, merged.keys, strict=True)
    )
    return ImportPreview(result.source, rows, ())
