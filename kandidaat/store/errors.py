"""Errors of the project file and the spreadsheet import, in Dutch, naming the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kandidaat.domain.errors import InputError

__all__ = ["ProjectFileError", "SpreadsheetError", "SpreadsheetProblem"]


class ProjectFileError(InputError):
    """A project file that cannot be created, opened, read or written.

    The message starts with the file name, so a volunteer knows which file is
    meant (a party may keep several projects). Bad input: exit code 2.
    """

    def __init__(self, path: Path | str, message: str) -> None:
        """Compose "file: message" in Dutch."""
        name = Path(path).name if str(path) else str(path)
        super().__init__(f"{name}: {message}")
        self.path = Path(path)
        self.detail = message


@dataclass(frozen=True, slots=True)
class SpreadsheetProblem:
    """One problem in an imported spreadsheet: where it is and what is wrong.

    ``row`` is the line (CSV) or row (XLSX) number as the user sees it in the
    program that made the file; None for a problem of the whole file.
    ``column`` is the column name from the header (empty when it is not about
    one column).
    """

    source: str
    row: int | None
    column: str
    message: str
    row_word: str = "regel"

    def __str__(self) -> str:
        """The problem as one Dutch line: "kandidaten.csv, regel 7, kolom x: ..."."""
        parts = [self.source]
        if self.row is not None:
            parts.append(f"{self.row_word} {self.row}")
        if self.column:
            parts.append(f"kolom {self.column}")
        return f"{', '.join(parts)}: {self.message}"


class SpreadsheetError(InputError):
    """A spreadsheet with problems: every problem is listed, one per line."""

    def __init__(self, problems: tuple[SpreadsheetProblem, ...]) -> None:
        """Join all problems into one Dutch message."""
        count = len(problems)
        heading = "1 probleem gevonden" if count == 1 else f"{count} problemen gevonden"
        lines = "\n".join(str(problem) for problem in problems)
        super().__init__(f"De kandidaten zijn niet ingelezen ({heading}):\n{lines}")
        self.problems = problems
