"""Writing the candidates of the open project to a spreadsheet (CSV or XLSX).

The use case behind "Exporteren naar CSV of Excel…" on the Kandidaten page:
all persons of the project, or the candidates of one list in the order of that
list. The file itself is written by the store's
:func:`kandidaat.store.spreadsheet.write_candidates` (the same format the
import reads and ``kandidaat candidates export`` writes: CSV with ``;`` in
UTF-8 with a byte order mark, or XLSX), atomically: a file that cannot be
written leaves nothing behind. It works on the session's nomination, because
the open project file is locked for a second reader.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.app.nomination.list_edits import find_list
from kandidaat.app.nomination.spreadsheets import candidates_to_export
from kandidaat.store.errors import ProjectFileError
from kandidaat.store.spreadsheet import write_candidates

if TYPE_CHECKING:
    from kandidaat.domain.nomination.model import Nomination

__all__ = [
    "EXPORT_FORMATS",
    "ExportChoice",
    "ExportedCandidates",
    "export_candidates",
    "export_choices",
    "proposed_export_name",
]

EXPORT_FORMATS: tuple[tuple[str, str], ...] = (
    (".csv", "CSV (puntkomma's, UTF-8)"),
    (".xlsx", "Excel-werkmap (.xlsx)"),
)
"""The file types an export can have: suffix and Dutch name."""

_REASONS = {
    errno.EACCES: "u mag in deze map niet schrijven",
    errno.EPERM: "u mag in deze map niet schrijven",
    errno.EROFS: "deze schijf kan alleen worden gelezen",
    errno.ENOSPC: "de schijf is vol",
    errno.ENOENT: "de map bestaat niet",
    errno.ENOTDIR: "de map bestaat niet (er staat een bestand met die naam)",
    errno.EISDIR: "er is al een map met deze naam",
}


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What can be exported: all persons (``list_key`` None) or one list."""

    list_key: str | None
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class ExportedCandidates:
    """A finished export: the file and how many candidates it holds."""

    path: Path
    count: int
    what: str

    @property
    def message(self) -> str:
        """What was written, in Dutch, naming the file and its folder."""
        word = "kandidaat" if self.count == 1 else "kandidaten"
        return (
            f"{self.count} {word} ({self.what}) geschreven naar {self.path.name} "
            f"in de map {self.path.parent}."
        )


def export_choices(nomination: Nomination) -> tuple[ExportChoice, ...]:
    """All persons first, then every list by its number (as the pages show them)."""
    count = len(nomination.candidates)
    choices = [ExportChoice(None, f"alle kandidaten van het project ({count})", count)]
    for number, candidate_list in enumerate(nomination.lists, start=1):
        on_list = len(nomination.candidates_of(candidate_list))
        choices.append(
            ExportChoice(
                candidate_list.key,
                f"lijst {number}, in de volgorde van de lijst ({on_list})",
                on_list,
            )
        )
    return tuple(choices)


def proposed_export_name(project: Path | None, nomination: Nomination, list_key: str | None) -> str:
    """A file name (without suffix) that says what the export holds."""
    stem = project.stem if project is not None else "kandidaten"
    if list_key is None:
        return f"{stem}-kandidaten"
    for number, candidate_list in enumerate(nomination.lists, start=1):
        if candidate_list.key == list_key:
            return f"{stem}-lijst-{number}"
    return f"{stem}-kandidaten"


def export_candidates(
    nomination: Nomination, path: Path, *, list_key: str | None = None
) -> ExportedCandidates:
    """Write all persons, or list ``list_key`` in its order, to ``path`` (CSV or XLSX).

    Kieswet art. H 6 lid 1 (geldend op 2026-01-01): a list is exported in its
    order of preference, position 1 first, so that importing the file onto a
    list gives the same order.

    Raises:
        InputError: no such list, a file type other than .csv or .xlsx, or a
            file that cannot be written (Dutch, naming the file); nothing is
            written then.
    """
    candidates = candidates_to_export(nomination, list_key)
    what = "alle kandidaten"
    if list_key is not None:
        number = nomination.lists.index(find_list(nomination, list_key)) + 1
        what = f"lijst {number}"
    folder = path.parent
    if not folder.exists():
        raise ProjectFileError(path, f"de map {folder} bestaat niet; er is niets geschreven")
    if not folder.is_dir():
        raise ProjectFileError(path, f"{folder} is geen map; er is niets geschreven")
    try:
        write_candidates(path, candidates)
    except ProjectFileError as error:
        cause = error.__cause__
        if isinstance(cause, OSError) and cause.errno in _REASONS:
            reason = _REASONS[cause.errno]
            raise ProjectFileError(
                path, f"kan niet worden geschreven: {reason}; er is niets geschreven"
            ) from error
        raise
    return ExportedCandidates(path, len(candidates), what)
