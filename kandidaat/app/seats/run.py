"""Run seat distributions from files or JSON Lines, one or many at a time."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from kandidaat.app.seats.input_json import SeatsInput, parse_text
from kandidaat.app.seats.output_json import outcome_to_json
from kandidaat.app.seats.report_text import render
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.seats import Completed, Outcome, allocate

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

MAX_INPUT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ContestRun:
    """The outcome of one contest, or the Dutch error that stopped it."""

    source: str
    outcome: Outcome | None
    error: str | None
    seats_input: SeatsInput | None = None

    def to_json(self) -> dict[str, Any]:
        """One JSON object for this contest."""
        if self.outcome is None:
            return {"status": "error", "source": self.source, "error": self.error}
        document = outcome_to_json(self.outcome)
        return {"source": self.source, **document}

    def to_text(self) -> str:
        """The Dutch report (or the error) for this contest."""
        if self.outcome is None or self.seats_input is None:
            return f"{self.source}: fout: {self.error}\n"
        return render(self.outcome, self.seats_input.contest)


MAX_NAME_SHOWN = 200
"""A file name in a message is cut to this many characters (names come from outside)."""


def _shown(path: Path) -> str:
    name = str(path)
    return name if len(name) <= MAX_NAME_SHOWN else name[:MAX_NAME_SHOWN] + "..."


def read_text(path: Path) -> str:
    """Read a UTF-8 input file with a Dutch error for each way it can fail.

    At most ``MAX_INPUT_BYTES`` + 1 bytes are read, so a device or a pipe that never
    ends (``/dev/zero``) is refused as too large instead of filling the memory.

    Raises:
        KandidaatError: the file is missing, unreadable, too large or not UTF-8.
    """
    shown = _shown(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise KandidaatError(f"{shown}: bestand bestaat niet") from None
    except IsADirectoryError:
        raise KandidaatError(f"{shown}: dit is een map, geen bestand") from None
    except PermissionError:
        raise KandidaatError(f"{shown}: geen toestemming om het bestand te lezen") from None
    except OSError as error:
        reason = os_reason(error, Action.READ_FILE)
        raise KandidaatError(f"{shown}: bestand kan niet worden gelezen ({reason})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise KandidaatError(f"{shown}: bestand is te groot (meer dan {MAX_INPUT_BYTES} bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise KandidaatError(f"{shown}: het bestand is geen UTF-8-tekst") from None


def run_one(text: str, source: str, extra_lots: tuple[int, ...] = ()) -> ContestRun:
    """Parse and compute one contest; errors become part of the run."""
    try:
        seats_input = parse_text(text, source)
    except KandidaatError as error:
        return ContestRun(source, None, error.message)
    try:
        outcome = allocate(seats_input.contest, (*seats_input.lots, *extra_lots))
    except KandidaatError as error:
        return ContestRun(source, None, f"{source}: {error.message}")
    return ContestRun(source, outcome, None, seats_input)


def runs_from_files(paths: list[Path], extra_lots: tuple[int, ...]) -> Iterator[ContestRun]:
    """One run per file, in order."""
    for path in paths:
        try:
            text = read_text(path)
        except KandidaatError as error:
            yield ContestRun(str(path), None, error.message)
            continue
        yield run_one(text, path.name, extra_lots)


def runs_from_json_lines(stream: TextIO) -> Iterator[ContestRun]:
    """One run per non-empty line of JSON Lines input, in order."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        yield run_one(line, f"regel {number}")


def exit_code(runs: list[ContestRun]) -> int:
    """2 when any contest was bad input, else 3 when any needs lots, else 0."""
    if any(run.outcome is None for run in runs):
        return 2
    if any(not isinstance(run.outcome, Completed) for run in runs):
        return 3
    return 0


def to_json_line(run: ContestRun) -> str:
    """A single line of JSON for the batch output."""
    return json.dumps(run.to_json(), ensure_ascii=False, separators=(",", ":"))
