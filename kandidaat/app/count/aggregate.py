"""``kandidaat telling optellen``: the 510b of the municipalities added up to a 510c or 510d.

The hoofdstembureau of a kieskring (``--niveau hsb``) adds up the counts of its
municipalities into an EML 510c; the centraal stembureau of an election of one
kieskring (GR, AB, PS of one kieskring, ER; ``--niveau csb``) into the 510d.
Every municipality becomes one reporting unit with its file's totals, and the
total is their exact sum (:func:`kandidaat.domain.tally.aggregate.add_up`).
Each input is checked first with the same checks as ``kandidaat eml check``; a
file with findings, a municipality given twice, files of another election or
another kieskring are refused in Dutch and nothing is written. A 510d over
several kieskringen names its candidates by ShortCode, which the 230b does not
carry: it is refused with that reason (not built).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.election import CountRecord, Envelope, ReportingUnitCount
from kandidaat.domain.errors import InputError
from kandidaat.domain.tally.aggregate import add_up
from kandidaat.domain.tally.checks import check_counts
from kandidaat.eml.canonical import hash_code
from kandidaat.eml.stream_counts import stream_counts
from kandidaat.eml.write_common import to_canonical
from kandidaat.eml.write_counts import build_counts

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

__all__ = ["Aggregated", "aggregate"]

MAX_FILES = 1000
"""More municipalities than any kieskring or election has (the Netherlands: 342)."""


@dataclass(frozen=True, slots=True)
class Aggregated:
    """The file written, its hash code and the municipalities it adds up."""

    path: Path
    hash_code: str
    message_id: str
    municipalities: tuple[str, ...]


def _read(paths: Sequence[Path]) -> list[tuple[Path, CountRecord]]:
    if not paths:
        raise InputError("geef de 510b-bestanden van de gemeenten")
    if len(paths) > MAX_FILES:
        raise InputError(f"te veel bestanden: {len(paths)}, ten hoogste {MAX_FILES}")
    records = []
    for path in paths:
        record = stream_counts(path)
        if record.envelope.message_id != "510b":
            raise InputError(
                f"{path.name}: een {record.envelope.message_id}, geen telling van een "
                "gemeentelijk stembureau (510b)"
            )
        if record.total is None:
            raise InputError(f"{path.name}: de telling heeft geen totaal (TotalVotes)")
        findings = check_counts(record)
        if findings:
            first = findings[0]
            line = f" (regel {first.line})" if first.line else ""
            raise InputError(
                f"{path.name}{line}: {first.message}; los dit eerst op ('kandidaat eml check' "
                f"noemt alle {len(findings)} bevinding(en)). Er is niets geschreven."
            )
        records.append((path, record))
    return records


def _same(records: list[tuple[Path, CountRecord]]) -> None:
    first_path, first = records[0]
    seen: dict[str, str] = {}
    for path, record in records:
        if record.election.id != first.election.id:
            raise InputError(
                f"{path.name}: hoort bij verkiezing {record.election.id}, {first_path.name} bij "
                f"{first.election.id}; er is niets geschreven"
            )
        if record.contest_id != first.contest_id:
            raise InputError(
                f"{path.name}: kieskring {record.contest_id}, {first_path.name}: kieskring "
                f"{first.contest_id}; tel per kieskring op. Er is niets geschreven."
            )
        code = record.envelope.authority_id or ""
        if code in seen:
            raise InputError(
                f"{path.name}: gemeente {code} is al gegeven ({seen[code]}); er is niets geschreven"
            )
        seen[code] = path.name


def aggregate(paths: Sequence[Path], out_dir: Path, *, level: str, day: date) -> Aggregated:
    """Add up the 510b of ``paths`` into a 510c (``hsb``) or 510d (``csb``).

    Kieswet O 2 and P 2 (versie 2026). ``day`` is the IssueDate; the same
    files and day give the same bytes.

    Raises:
        InputError: a file refused (see the module), a 510d over several
            kieskringen, or a folder that cannot be written (Dutch).
    """
    records = _read(paths)
    _same(records)
    first = records[0][1]
    message_id = "510c" if level == "hsb" else "510d"
    if message_id == "510d" and first.contest_id != "geen":
        raise InputError(
            f"een 510d over meer kieskringen (kieskring {first.contest_id} gegeven) noemt de "
            "kandidaten bij ShortCode, en die staan niet in de 230b: dat is nog niet gebouwd. "
            "Tel per kieskring op met --niveau hsb; 'kandidaat uitslag' rekent met de 510c."
        )
    if message_id == "510c" and first.contest_id == "geen":
        raise InputError(
            "deze verkiezing heeft één kieskring (ContestIdentifier 'geen'): er is geen "
            "hoofdstembureau; gebruik --niveau csb voor de 510d"
        )
    units = tuple(
        ReportingUnitCount(
            record.envelope.authority_id or "",
            record.envelope.authority_name,
            record.total,
        )
        for _, record in sorted(records, key=lambda item: item[1].envelope.authority_id or "")
        if record.total is not None
    )
    authority = ("HSB" + first.contest_id) if message_id == "510c" else "CSB"
    name = "Hoofdstembureau" if message_id == "510c" else "Centraal stembureau"
    result = CountRecord(
        envelope=Envelope(
            message_id=message_id,
            authority_id=authority,
            authority_name=f"{name} {first.contest_name or first.election.name or ''}".strip(),
            creation_date_time=f"{day.isoformat()}T00:00:00.000",
            canonicalization=True,
        ),
        election=first.election,
        contest_id=first.contest_id,
        contest_name=first.contest_name,
        total=add_up([unit.counts for unit in units]),
        units=units,
    )
    data = to_canonical(build_counts(result))
    stem = "".join(c if c.isalnum() or c in "_-" else "_" for c in first.election.id)[:80]
    label = f"kieskring_{first.contest_id}" if message_id == "510c" else "totaal"
    path = out_dir / f"Telling_{stem}_{label}.eml.xml"
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"--out: {out_dir} is een bestand, geen map")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, data)
    except OSError as error:
        raise InputError(
            f"--out: kan {path} niet schrijven ({os_reason(error, Action.WRITE_FILE)})"
        ) from None
    return Aggregated(path, hash_code(data), message_id, tuple(unit.id for unit in units))
