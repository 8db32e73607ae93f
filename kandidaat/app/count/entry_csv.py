"""One polling station's proces-verbaal as a CSV file (for scripts and mass entry).

UTF-8 (a BOM is allowed), ``;`` between the columns, the header
``rubriek;lijst;kandidaat;aantal`` and then one line per figure of the form, in any
order:

- the totals and differences by their field name with empty ``lijst`` and
  ``kandidaat``: ``stempassen;;;812`` (the names are in docs/telling.md);
- a list's total: ``lijst;2;;140``;
- a candidate's votes: ``kandidaat;2;5;17`` (list 2, position 5).

Every field of the form exactly once, also when it is 0. All or nothing: every
wrong or missing line is named and nothing is entered.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.count.figures import (
    DIFFERENCE_FIELDS,
    MAX_FIGURE,
    TOTAL_FIELDS,
    ListFigures,
    StationFigures,
    candidate_field,
    list_field,
)
from kandidaat.domain.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

    from kandidaat.domain.count.figures import BallotLayout

__all__ = ["HEADER", "MAX_BYTES", "figures_to_csv", "parse_figures", "read_figures"]

HEADER = ("rubriek", "lijst", "kandidaat", "aantal")
MAX_BYTES = 4 * 1024 * 1024
MAX_ROWS = 50_000
MAX_PROBLEMS = 50
_MAX_DIGITS = 9
_NAMED = 20
"""At most this many missing fields are named."""


def _number(text: str, what: str) -> int | str:
    """A whole number of 0 or more, or a Dutch problem."""
    value = text.strip()
    if not value:
        return f"{what}: leeg; vul het getal van het proces-verbaal in (0 als er niets staat)"
    if not (value.isascii() and value.isdigit()) or len(value) > _MAX_DIGITS:
        return f"{what}: {value[:20]!r} is geen geheel getal van 0 of meer"
    number = int(value)
    if number > MAX_FIGURE:
        return f"{what}: {number} is meer dan {MAX_FIGURE}"
    return number


def _field_of(row: list[str], known: set[str]) -> str | None:
    """The field a row gives a figure for (None: not a field of this form)."""
    kind = " ".join(row[0].split()).casefold()
    number, position = row[1].strip(), row[2].strip()
    if kind in known and not number and not position:
        return kind
    if kind == "lijst" and number.isdigit() and not position:
        return list_field(int(number))
    if kind == "kandidaat" and number.isdigit() and position.isdigit():
        return candidate_field(int(number), int(position))
    return None


def _rows(data: bytes, source: str) -> list[list[str]]:
    """The CSV's rows after the header, checked for size, encoding and header."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{source}: het bestand is groter dan {MAX_BYTES // 1024} kB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{source}: het bestand is geen UTF-8-tekst (byte {error.start + 1}); "
            "sla het op als 'CSV UTF-8'"
        ) from error
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    except csv.Error as error:
        raise InputError(f"{source}: geen geldig CSV-bestand ({error})") from error
    if not rows or tuple(cell.strip().casefold() for cell in rows[0]) != HEADER:
        raise InputError(f"{source}, regel 1: de kop moet '{';'.join(HEADER)}' zijn")
    if len(rows) - 1 > MAX_ROWS:
        raise InputError(f"{source}: meer dan {MAX_ROWS} regels")
    return rows[1:]


def _collect(
    rows: list[list[str]], source: str, wanted: tuple[str, ...]
) -> tuple[dict[str, int], list[str]]:
    """The figure of every field, and every problem (line by line, then what is missing)."""
    known = {name for name, _ in (*TOTAL_FIELDS, *DIFFERENCE_FIELDS)}
    allowed = set(wanted)
    values: dict[str, int] = {}
    seen: dict[str, int] = {}
    problems: list[str] = []
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"{source}, regel {line}"
        if len(row) != len(HEADER):
            problems.append(f"{where}: {len(row)} kolommen, verwacht {len(HEADER)}")
            continue
        field = _field_of(row, known)
        if field is None or field not in allowed:
            shown = ";".join(cell[:20] for cell in row[:3])
            problems.append(f"{where}: {shown!r} is geen veld van dit proces-verbaal")
            continue
        if field in seen:
            problems.append(f"{where}: {field} staat ook op regel {seen[field]}")
            continue
        seen[field] = line
        value = _number(row[3], f"{where}, {field}")
        if isinstance(value, str):
            problems.append(value)
        else:
            values[field] = value
    missing = [name for name in wanted if name not in seen]
    if missing:
        more = f" en {len(missing) - _NAMED} meer" if len(missing) > _NAMED else ""
        problems.append(f"{source}: deze velden ontbreken: {', '.join(missing[:_NAMED])}{more}")
    return values, problems


def parse_figures(data: bytes, source: str, layout: BallotLayout) -> StationFigures:
    """The figures in a CSV for a ballot with this ``layout``.

    Raises:
        InputError: too large, not UTF-8, a wrong header, or wrong, doubled, unknown or
            missing lines (every one named, at most 50); nothing is entered.
    """
    values, problems = _collect(_rows(data, source), source, layout.field_names())
    if problems:
        listed = problems[:MAX_PROBLEMS]
        more = len(problems) - len(listed)
        tail = f"\n... en nog {more}" if more else ""
        raise InputError(
            f"De invoer is niet ingelezen ({len(problems)} probleem/problemen); er is niets "
            "opgeslagen:\n" + "\n".join(listed) + tail
        )
    return StationFigures(
        totals=tuple((name, values[name]) for name, _ in TOTAL_FIELDS),
        differences=tuple((name, values[name]) for name, _ in DIFFERENCE_FIELDS),
        lists=tuple(
            ListFigures(
                item.number,
                values[list_field(item.number)],
                tuple((p, values[candidate_field(item.number, p)]) for p in item.positions),
            )
            for item in layout.lists
        ),
    )


def read_figures(path: Path, layout: BallotLayout) -> StationFigures:
    """:func:`parse_figures` of a file on disk (bounded, Dutch errors)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{path.name}: het bestand is groter dan {MAX_BYTES // 1024} kB")
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise InputError(f"{path}: bestand bestaat niet") from error
    except OSError as error:
        raise InputError(
            f"{path.name}: kan niet worden gelezen ({os_reason(error, Action.READ_FILE)})"
        ) from error
    return parse_figures(data, path.name, layout)


def figures_to_csv(figures: StationFigures) -> str:
    """The CSV of :func:`parse_figures` for these figures (for tests and scripts)."""
    lines = [";".join(HEADER)]
    lines += [f"{name};;;{value}" for name, value in (*figures.totals, *figures.differences)]
    for item in figures.lists:
        lines.append(f"lijst;{item.number};;{item.total}")
        lines += [f"kandidaat;{item.number};{p};{v}" for p, v in item.candidates]
    return "\n".join(lines) + "\n"
