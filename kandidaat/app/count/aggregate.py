"""``kandidaat telling optellen``: the 510b of the municipalities added up to a 510c or 510d.

The hoofdstembureau of a kieskring (``--niveau hsb``) adds up the counts of its
municipalities into an EML 510c; the centraal stembureau of an election of one
kieskring (GR, AB, PS of one kieskring, ER; ``--niveau csb``) into the 510d.
Every municipality becomes one reporting unit with its file's totals, and the
total is their exact sum (:func:`kandidaat.domain.tally.aggregate.add_up`).
Each input is checked first with the same checks as ``kandidaat eml check``; a
file with findings, a municipality given twice, files of another election or
another kieskring are refused in Dutch and nothing is written.

A 510d over several kieskringen (TK, EP, PS of several kieskringen) adds up the
510c of the kieskringen; it names the candidates by ShortCode, because their
positions differ per kieskring (``../shared/docs/eml.md`` §5.7). The ShortCodes
come from the EML 230c of the same centraal stembureau (``--totaallijsten``,
as ``kandidaat csb vaststellen`` writes it): each kieskring block keeps the
position and gets the ShortCode, the total sums the candidates by ShortCode.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.election import (
    CountRecord,
    Envelope,
    ListCount,
    ReportingUnitCount,
    VoteCounts,
)
from kandidaat.domain.errors import InputError
from kandidaat.domain.tally.aggregate import add_up
from kandidaat.domain.tally.checks import check_counts
from kandidaat.eml.canonical import hash_code
from kandidaat.eml.read_lists import read_short_codes
from kandidaat.eml.safe_xml import parse_file
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


def _read(paths: Sequence[Path], kind: str) -> list[tuple[Path, CountRecord]]:
    if not paths:
        raise InputError("geef de telbestanden (510b van de gemeenten of 510c van de kieskringen)")
    if len(paths) > MAX_FILES:
        raise InputError(f"te veel bestanden: {len(paths)}, ten hoogste {MAX_FILES}")
    records = []
    for path in paths:
        record = stream_counts(path)
        if record.envelope.message_id != kind:
            what = (
                "een gemeentelijk stembureau (510b)" if kind == "510b" else "een kieskring (510c)"
            )
            raise InputError(
                f"{path.name}: een {record.envelope.message_id}, geen telling van {what}"
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


def _same(records: list[tuple[Path, CountRecord]], *, per_kieskring: bool) -> None:
    first_path, first = records[0]
    seen: dict[str, str] = {}
    for path, record in records:
        if record.election.id != first.election.id:
            raise InputError(
                f"{path.name}: hoort bij verkiezing {record.election.id}, {first_path.name} bij "
                f"{first.election.id}; er is niets geschreven"
            )
        if not per_kieskring and record.contest_id != first.contest_id:
            raise InputError(
                f"{path.name}: kieskring {record.contest_id}, {first_path.name}: kieskring "
                f"{first.contest_id}; tel per kieskring op. Er is niets geschreven."
            )
        code = record.contest_id if per_kieskring else (record.envelope.authority_id or "")
        what = "kieskring" if per_kieskring else "gemeente"
        if code in seen:
            raise InputError(
                f"{path.name}: {what} {code} is al gegeven ({seen[code]}); er is niets geschreven"
            )
        seen[code] = path.name


def _with_codes(
    block: VoteCounts, codes: dict[tuple[int, int], str], kieskring: str, source: str
) -> VoteCounts:
    lists = []
    for item in block.lists:
        found = []
        for position, _ in item.candidate_votes:
            code = codes.get((item.number, position))
            if code is None:
                raise InputError(
                    f"{source}: kandidaat {position} van lijst {item.number} in kieskring "
                    f"{kieskring} staat niet in de totaallijst (230c); er is niets geschreven"
                )
            found.append(code)
        lists.append(
            ListCount(item.number, item.name, item.votes, item.candidate_votes, tuple(found))
        )
    return VoteCounts(
        tuple(lists), block.cast, block.total_counted, block.rejected, block.uncounted
    )


def _by_short_code(blocks: Sequence[VoteCounts]) -> VoteCounts:
    """The kieskringen added up, candidates by ShortCode (a total has no position)."""
    summed = add_up(
        [
            VoteCounts(
                tuple(ListCount(item.number, item.name, item.votes, ()) for item in block.lists),
                block.cast,
                block.total_counted,
                block.rejected,
                block.uncounted,
            )
            for block in blocks
        ]
    )
    per_list: dict[int, dict[str, int]] = {}
    for block in blocks:
        for item in block.lists:
            votes = per_list.setdefault(item.number, {})
            for (_, count), code in zip(item.candidate_votes, item.short_codes, strict=True):
                if code is not None:
                    votes[code] = votes.get(code, 0) + count
    lists = tuple(
        ListCount(
            item.number,
            item.name,
            item.votes,
            tuple((0, count) for count in per_list.get(item.number, {}).values()),
            tuple(per_list.get(item.number, {}).keys()),
        )
        for item in summed.lists
    )
    return VoteCounts(lists, summed.cast, summed.total_counted, summed.rejected, summed.uncounted)


def _write(out_dir: Path, name: str, data: bytes) -> Path:
    path = out_dir / name
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"--out: {out_dir} is een bestand, geen map")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, data)
    except OSError as error:
        raise InputError(
            f"--out: kan {path} niet schrijven ({os_reason(error, Action.WRITE_FILE)})"
        ) from None
    return path


def _stem(record: CountRecord) -> str:
    return "".join(c if c.isalnum() or c in "_-" else "_" for c in record.election.id)[:80]


def _envelope(message_id: str, authority: str, name: str, day: date) -> Envelope:
    return Envelope(
        message_id=message_id,
        authority_id=authority,
        authority_name=name,
        creation_date_time=f"{day.isoformat()}T00:00:00.000",
        canonicalization=True,
    )


def _over_kieskringen(
    paths: Sequence[Path], totaallijsten: Path, out_dir: Path, day: date
) -> Aggregated:
    records = _read(paths, "510c")
    _same(records, per_kieskring=True)
    codes = read_short_codes(parse_file(totaallijsten), totaallijsten.name)
    units = []
    for path, record in sorted(records, key=lambda item: _order(item[1].contest_id)):
        here = codes.get(record.contest_id)
        if here is None:
            raise InputError(
                f"{path.name}: kieskring {record.contest_id} staat niet in "
                f"{totaallijsten.name}; er is niets geschreven"
            )
        if record.total is None:  # _read refuses these; kept for the type checker
            continue
        units.append(
            ReportingUnitCount(
                f"HSB{record.contest_id}",
                record.contest_name or f"Kieskring {record.contest_id}",
                _with_codes(record.total, here, record.contest_id, path.name),
            )
        )
    first = records[0][1]
    result = CountRecord(
        envelope=_envelope("510d", "CSB", f"Centraal stembureau {first.election.name}", day),
        election=first.election,
        contest_id="alle",
        contest_name=None,
        total=_by_short_code([unit.counts for unit in units]),
        units=tuple(units),
    )
    data = to_canonical(build_counts(result))
    path = _write(out_dir, f"Telling_{_stem(first)}_totaal.eml.xml", data)
    return Aggregated(path, hash_code(data), "510d", tuple(unit.id for unit in units))


def _order(number: str) -> tuple[int, str]:
    return (int(number), "") if number.isdigit() else (10**9, number)


def aggregate(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    level: str,
    day: date,
    totaallijsten: Path | None = None,
) -> Aggregated:
    """Add up counts into a 510c (``hsb``) or 510d (``csb``).

    Kieswet O 2 and P 2 (versie 2026): the 510b of the municipalities of one
    kieskring into its 510c; for an election of one kieskring into the 510d;
    with ``totaallijsten`` (the 230c) the 510c of the kieskringen into the
    510d over all of them. ``day`` is the file's creation date; the same files
    and day give the same bytes.

    Raises:
        InputError: a file refused (see the module), a kieskring or candidate
            the 230c does not have, or a folder that cannot be written (Dutch).
    """
    if totaallijsten is not None:
        if level != "csb":
            raise InputError("--totaallijsten hoort bij --niveau csb (de 510d)")
        return _over_kieskringen(paths, totaallijsten, out_dir, day)
    records = _read(paths, "510b")
    _same(records, per_kieskring=False)
    first = records[0][1]
    message_id = "510c" if level == "hsb" else "510d"
    if message_id == "510d" and first.contest_id != "geen":
        raise InputError(
            f"een 510d over meer kieskringen (kieskring {first.contest_id} gegeven): tel eerst "
            "per kieskring op met --niveau hsb en geef dan de 510c van alle kieskringen met "
            "--niveau csb --totaallijsten 230c (de ShortCodes van de kandidaten)"
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
        envelope=_envelope(
            message_id,
            authority,
            f"{name} {first.contest_name or first.election.name or ''}".strip(),
            day,
        ),
        election=first.election,
        contest_id=first.contest_id,
        contest_name=first.contest_name,
        total=add_up([unit.counts for unit in units]),
        units=units,
    )
    data = to_canonical(build_counts(result))
    label = f"kieskring_{first.contest_id}" if message_id == "510c" else "totaal"
    path = _write(out_dir, f"Telling_{_stem(first)}_{label}.eml.xml", data)
    return Aggregated(path, hash_code(data), message_id, tuple(unit.id for unit in units))
