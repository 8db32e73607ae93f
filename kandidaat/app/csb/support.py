"""``kandidaat csb ondersteuning``: enter the H 4 declarations and see what still counts.

The CSV (UTF-8, ``;``) has the header ``inlevering;kieskring;naam;geboortedatum;adres``:
per declaration the number of the submission it supports, the kieskring number,
and the voter as on the form (name, date of birth ``dd-mm-jjjj`` or
``jjjj-mm-dd``, address). A file is added whole or not at all; the log records
it with its SHA-256. The rules are in :mod:`kandidaat.domain.csb.support`.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Any

from kandidaat.app.csb.csv_input import csv_rows, read_bounded, refuse_problems
from kandidaat.app.csb.workspace import load_submissions
from kandidaat.domain.csb.support import SupportDeclaration, SupportTally, tally_support
from kandidaat.store.csb import CsbWorkspace

if TYPE_CHECKING:
    from pathlib import Path

    from kandidaat.domain.csb.model import Submission

__all__ = [
    "HEADER",
    "import_support",
    "parse_support",
    "render_support",
    "support_json",
    "support_tally",
]

HEADER = ("inlevering", "kieskring", "naam", "geboortedatum", "adres")
MAX_BYTES = 32 * 1024 * 1024
MAX_ROWS = 200_000
"""Far above the 19 x 30 + 10 = 580 a TK list needs in every kieskring, times the lists."""
MAX_TEXT = 200
_OLDEST = date(1900, 1, 1)
_DIGITS = 6


def _date(text: str) -> date | None:
    value = text.strip()
    for separator in ("-", "/", "."):
        parts = value.split(separator)
        if len(parts) == 3 and all(
            part.isascii() and part.isdigit() and len(part) <= 4 for part in parts
        ):
            first, second, third = (int(part) for part in parts)
            try:
                if len(parts[0]) == 4:
                    return date(first, second, third)
                return date(third, second, first)
            except ValueError:
                return None
    return None


def _text_problem(text: str, what: str) -> str:
    if not text:
        return f"{what} is leeg"
    if len(text) > MAX_TEXT:
        return f"{what} is langer dan {MAX_TEXT} tekens"
    if any(unicodedata.category(char).startswith("C") for char in text):
        return f"{what} bevat een stuurteken"
    return ""


def parse_support(
    data: bytes, source: str, kieskringen_of: dict[int, tuple[str, ...]], today: date
) -> tuple[SupportDeclaration, ...]:
    """The declarations of a CSV, every wrong line named (nothing is returned then).

    ``kieskringen_of`` maps each submission number to its kieskringen (a
    declaration for another kieskring is accepted and reported by the tally).

    Raises:
        InputError: a file or lines that cannot be read (Dutch, naming line and column).
    """
    lines = csv_rows(data, source, HEADER, MAX_BYTES, MAX_ROWS)
    problems: list[str] = []
    declarations: list[SupportDeclaration] = []
    for line, row in lines:
        where = f"{source}, regel {line}"
        if len(row) != len(HEADER):
            problems.append(f"{where}: {len(row)} kolommen, verwacht {len(HEADER)}")
            continue
        number_text, kieskring, name, born_text, address = (" ".join(c.split()) for c in row)
        found: list[str] = []
        digits = number_text.isascii() and number_text.isdigit() and len(number_text) <= _DIGITS
        number = int(number_text) if digits else None
        if number is None or number not in kieskringen_of:
            found.append(f"kolom inlevering: '{number_text[:20]}' is geen ingeleverde lijst")
        if not kieskring or len(kieskring) > 10:
            found.append(f"kolom kieskring: '{kieskring[:20]}' is geen kieskringnummer")
        born = _date(born_text)
        if born is None or not _OLDEST <= born <= today:
            found.append(f"kolom geboortedatum: '{born_text[:20]}' is geen geboortedatum")
        for column, value in (("naam", name), ("adres", address)):
            problem = _text_problem(value, f"kolom {column}")
            if problem:
                found.append(problem)
        if found:
            problems.extend(f"{where}, {problem}" for problem in found)
            continue
        assert number is not None  # noqa: S101 - checked above
        assert born is not None  # noqa: S101 - checked above
        declarations.append(SupportDeclaration(number, kieskring, name, born, address))
    refuse_problems(problems, "Het bestand met ondersteuningsverklaringen")
    return tuple(declarations)


def _submissions(workspace: CsbWorkspace) -> list[Submission]:
    return load_submissions(workspace)[2]


def import_support(workspace_path: Path, csv_path: Path, actor: str, today: date) -> int:
    """Add the declarations of ``csv_path`` (all or nothing, logged); returns how many.

    Raises:
        InputError: an unreadable or wrong CSV, or workspace; nothing changes.
    """
    data = read_bounded(csv_path, MAX_BYTES)
    with CsbWorkspace.open(workspace_path) as workspace:
        kieskringen_of = {s.number: s.kieskringen for s in _submissions(workspace)}
        declarations = parse_support(data, csv_path.name, kieskringen_of, today)
        digest = hashlib.sha256(data).hexdigest()
        workspace.add_support_declarations(declarations, csv_path.name, digest, actor)
    return len(declarations)


def support_tally(workspace_path: Path) -> SupportTally:
    """The count of every submission and kieskring, with the findings (Kieswet H 4)."""
    with CsbWorkspace.open(workspace_path) as workspace:
        submissions = _submissions(workspace)
        declarations = workspace.support_declarations()
    return tally_support(declarations, submissions)


def support_json(tally: SupportTally) -> dict[str, Any]:
    """The tally as one JSON object: counts per submission and kieskring, and findings."""
    return {
        "tellingen": [
            {
                "inlevering": c.submission,
                "aanduiding": c.appellation,
                "kieskring": c.kieskring,
                "ingeleverd": c.handed_in,
                "tellen_niet_mee": c.not_counted,
                "geldig": c.counted,
                "nodig": 0 if c.exempt else c.needed,
                "vrijgesteld": c.exempt,
                "tekort": c.short,
            }
            for c in tally.counts
        ],
        "bevindingen": [
            {
                "severity": f.finding.severity.value,
                "article": f.finding.article,
                "message": f.finding.message,
                "code": f.finding.code,
                "submission": f.submission,
                "kieskring": f.kieskring,
            }
            for f in tally.findings
        ],
    }


def render_support(tally: SupportTally) -> str:
    """The tally as the committee reads it (Dutch)."""
    lines = ["Ondersteuningsverklaringen (model H 4) per inlevering en kieskring:"]
    for c in tally.counts:
        if c.exempt:
            state = "vrijgesteld (H 4 lid 8)"
        else:
            state = f"{c.counted} geldig van {c.needed} nodig" + (
                f", TEKORT {c.short}" if c.short else ", genoeg"
            )
        lines.append(
            f"  inlevering {c.submission} ({c.appellation or 'blanco lijst'}), kieskring "
            f"{c.kieskring}: {c.handed_in} ingeleverd, {c.not_counted} tellen niet mee; {state}"
        )
    if tally.findings:
        lines.append("")
        lines.extend(f"- [{f.finding.article}] {f.finding.message}" for f in tally.findings)
    return "\n".join(lines) + "\n"
