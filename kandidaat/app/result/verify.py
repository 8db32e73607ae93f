"""``kandidaat uitslag controleer``: recompute and compare with a published result.

The published result is an EML 520 (read with the one EML reader) or a CSV
file with the columns ``lijst``, ``zetels`` and ``gekozen`` (elected names
separated by ``|``), comma or semicolon separated; see docs/uitslag.md.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import TYPE_CHECKING

from kandidaat.app.exitcodes import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK
from kandidaat.app.result.output import to_text
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.election import ResultRecord
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.result.published import PublishedList, Verification, verify_result
from kandidaat.domain.seats import Completed
from kandidaat.eml.documents import read_path

if TYPE_CHECKING:
    from pathlib import Path

    from kandidaat.app.result.run import ResultRun

MAX_CSV_BYTES = 4 * 1024 * 1024
MAX_ROWS = 1000
NAME_SEPARATOR = "|"


def published_from_520(record: ResultRecord) -> tuple[PublishedList, ...]:
    """Seats and elected names per list of an EML 520 (seats = elected candidates)."""
    names: dict[int, list[str]] = {number: [] for number, _ in record.elected_lists}
    for elected in sorted(record.elected, key=lambda c: (c.list_number, c.order)):
        names.setdefault(elected.list_number, []).append(elected.candidate.display_name)
    return tuple(
        PublishedList(number, len(found), tuple(found)) for number, found in sorted(names.items())
    )


def _int(text: str, source: str, row: int, column: str) -> int:
    value = text.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 6:
        raise KandidaatError(f"{source}, regel {row}: kolom '{column}' is geen getal: {value!r}")
    return int(value)


def published_from_csv(data: bytes, source: str) -> tuple[PublishedList, ...]:
    """Read the CSV format of docs/uitslag.md.

    Raises:
        KandidaatError: not UTF-8, a missing column, a number that is not a number.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise KandidaatError(f"{source}: het bestand is geen UTF-8-tekst") from None
    first = text.partition("\n")[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = {(c or "").strip().lower() for c in reader.fieldnames or ()}
    missing = {"lijst", "zetels"} - columns
    if missing:
        raise KandidaatError(
            f"{source}: kolom(men) ontbreken: {', '.join(sorted(missing))} "
            "(verwacht: lijst, zetels, gekozen)"
        )
    lists: list[PublishedList] = []
    seen: set[int] = set()
    for row_number, row in enumerate(reader, 2):
        if row_number > MAX_ROWS:
            raise KandidaatError(f"{source}: meer dan {MAX_ROWS} regels")
        clean = {(k or "").strip().lower(): (v or "") for k, v in row.items() if k}
        number = _int(clean.get("lijst", ""), source, row_number, "lijst")
        if number in seen:
            raise KandidaatError(f"{source}, regel {row_number}: lijst {number} komt dubbel voor")
        seen.add(number)
        seats = _int(clean.get("zetels", ""), source, row_number, "zetels")
        names = tuple(
            name.strip() for name in clean.get("gekozen", "").split(NAME_SEPARATOR) if name.strip()
        )
        if names and len(names) != seats:
            raise KandidaatError(
                f"{source}, regel {row_number}: lijst {number} heeft {seats} zetel(s) maar "
                f"{len(names)} gekozen namen"
            )
        lists.append(PublishedList(number, seats, names))
    return tuple(lists)


def load_published(path: Path) -> tuple[PublishedList, ...]:
    """The published result from an EML 520 or a CSV file (Dutch errors)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(MAX_CSV_BYTES + 1)
    except OSError as error:
        raise KandidaatError(
            f"{path}: kan het bestand niet lezen ({os_reason(error, Action.READ_FILE)})"
        ) from None
    if head.lstrip().startswith(b"<"):
        record = read_path(path)
        if not isinstance(record, ResultRecord):
            raise KandidaatError(f"{path.name}: dit is geen uitslag (EML 520)")
        return published_from_520(record)
    if len(head) > MAX_CSV_BYTES:
        raise KandidaatError(f"{path.name}: het bestand is te groot voor een uitslag")
    return published_from_csv(head, path.name)


def verify(run: ResultRun, published_path: Path, *, as_json: bool) -> int:
    """Print the agreements and differences; 0 when all agrees, 1 otherwise, 2 bad input."""
    if run.errors or not isinstance(run.outcome, Completed):
        sys.stderr.write(to_text(run))
        if not run.errors:
            sys.stderr.write("fout: eerst moet een loting worden beslist (--lot)\n")
        return EXIT_BAD_INPUT
    try:
        published = load_published(published_path)
    except KandidaatError as error:
        sys.stderr.write(f"fout: {error.message}\n")
        return EXIT_BAD_INPUT
    verification = verify_result(run.outcome.result, published, published_path.name)
    differences = [d.message for d in run.differences]
    if as_json:
        document = {
            "agrees": verification.agrees and not differences,
            "agreements": list(verification.agreements),
            "differences": list(verification.differences),
            "count_differences": differences,
            "findings": list(run.findings),
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_text(verification, differences, run.findings))
    return EXIT_OK if verification.agrees and not differences else EXIT_FINDINGS


def _text(verification: Verification, differences: list[str], findings: list[str]) -> str:
    lines = ["Controle van de gepubliceerde uitslag:"]
    lines += [f"  gelijk - {line}" for line in verification.agreements]
    lines += [f"  VERSCHIL - {line}" for line in verification.differences]
    lines += [f"  VERSCHIL in de tellingen - {line}" for line in differences]
    lines += [f"  bevinding - {line}" for line in findings]
    verdict = "alles komt overeen" if verification.agrees and not differences else "NIET gelijk"
    lines.append(f"Conclusie: {verdict}")
    return "\n".join(lines) + "\n"
