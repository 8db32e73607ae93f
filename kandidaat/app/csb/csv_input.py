"""Reading the committee's CSV files: bounded, UTF-8, ``;``, a fixed header, every problem named.

Shared by the register of appellations and the register of
ondersteuningsverklaringen, so both refuse the same way: a file too large, not
UTF-8 or without the header is one Dutch message naming the file; wrong lines
are collected and reported together, and nothing changes.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["MAX_PROBLEMS", "csv_rows", "read_bounded", "refuse_problems"]

MAX_PROBLEMS = 50


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, refused in Dutch when missing, unreadable or too large.

    Raises:
        InputError: naming the file and the reason.
    """
    try:
        if path.stat().st_size > max_bytes:
            raise InputError(f"{path.name}: het bestand is groter dan {max_bytes // 1024} kB")
        return path.read_bytes()
    except FileNotFoundError as error:
        raise InputError(f"{path}: bestand bestaat niet") from error
    except OSError as error:
        raise InputError(
            f"{path.name}: kan niet worden gelezen ({os_reason(error, Action.READ_FILE)})"
        ) from error


def csv_rows(
    data: bytes, source: str, header: tuple[str, ...], max_bytes: int, max_rows: int
) -> list[tuple[int, list[str]]]:
    """The non-empty data lines with their line numbers, after checking size, text and header.

    Raises:
        InputError: too large, not UTF-8, another header, or too many lines (Dutch).
    """
    if len(data) > max_bytes:
        raise InputError(f"{source}: het bestand is groter dan {max_bytes // 1024} kB")
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
    if not rows or tuple(cell.strip().casefold() for cell in rows[0]) != header:
        raise InputError(f"{source}, regel 1: de kop moet '{';'.join(header)}' zijn")
    lines = [
        (line, row)
        for line, row in enumerate(rows[1:], start=2)
        if any(cell.strip() for cell in row)
    ]
    if len(lines) > max_rows:
        raise InputError(f"{source}: meer dan {max_rows} regels")
    return lines


def refuse_problems(problems: list[str], what: str) -> None:
    """Raise one Dutch message with the first problems, when there are any.

    Raises:
        InputError: ``what`` was not read, with every problem up to a bound.
    """
    if not problems:
        return
    shown = problems[:MAX_PROBLEMS]
    more = len(problems) - len(shown)
    tail = f"\n... en nog {more}" if more else ""
    raise InputError(
        f"{what} is niet ingelezen ({len(problems)} probleem/problemen); "
        "er is niets veranderd:\n" + "\n".join(shown) + tail
    )
