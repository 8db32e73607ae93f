"""Read the files of one election and sort them by kind and level.

Each count file is reduced to its totals as soon as it is read (and its own
checks are run then), so reading 350 municipalities keeps 350 small records,
never their polling stations. A 510b, 510c or 510d (known from the start of the
file) is read block by block (ADR 0125), so a national count never holds its
whole tree; every other file is read whole.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.election import (
    CandidateListsRecord,
    CountRecord,
    ElectionDefinition,
    ElectionIdentifier,
    ResultRecord,
)
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.result.totals import CountTotals, add_totals, totals_of, totals_of_block
from kandidaat.domain.tally.checks import check_counts
from kandidaat.eml.documents import read_path
from kandidaat.eml.stream_counts import peek_message_type, stream_counts

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

MAX_FILES = 2000
"""More files than any election has (TK: 342 municipalities, 20 kieskringen)."""

COUNT_LEVELS = ("510b", "510c", "510d")


@dataclass(frozen=True, slots=True)
class CountFile:
    """What the result needs of one count file: who made it, its totals, its units."""

    source: str
    level: str
    election: ElectionIdentifier
    contest_id: str
    contest_name: str | None
    authority_id: str
    authority_name: str
    totals: CountTotals | None
    """None for a 510b: its totals are folded into :attr:`ElectionFiles.municipal_sums`."""
    unit_ids: tuple[str, ...]
    unit_names: tuple[str, ...]
    findings: tuple[str, ...]
    created: str = ""
    unit_totals: tuple[tuple[str, CountTotals], ...] = ()
    """A 510d's blocks (unit id, totals): per kieskring (HSBn) with positions and ShortCodes."""


@dataclass(slots=True)
class ElectionFiles:
    """The files given, sorted by kind; ``errors`` are files that could not be read."""

    definition: tuple[str, ElectionDefinition] | None = None
    candidate_lists: list[tuple[str, CandidateListsRecord]] = field(default_factory=list)
    counts: list[CountFile] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    municipal_sums: dict[str, CountTotals] = field(default_factory=dict)
    """The 510b added up per contest (kieskring) while reading: memory stays flat."""

    def municipal_sum(self, contest_ids: set[str] | None = None) -> CountTotals | None:
        """The sum of the 510b of these contests (all when None), or None without any."""
        parts = [
            totals
            for contest_id, totals in sorted(self.municipal_sums.items())
            if contest_ids is None or contest_id in contest_ids
        ]
        return add_totals(parts) if parts else None

    def level(self, level: str) -> list[CountFile]:
        """The count files of one level (510b, 510c, 510d), in the order given."""
        return [count for count in self.counts if count.level == level]


def count_file(record: CountRecord, source: str) -> CountFile | str:
    """Reduce a count to what the result needs, or a Dutch error."""
    level = record.envelope.message_id
    if level not in COUNT_LEVELS:
        return f"{source}: een {level} wordt niet gebruikt voor de uitslag (wel 510b, 510c, 510d)"
    totals = totals_of(record, source)
    if totals is None:
        return f"{source}: de telling heeft geen totaal (TotalVotes)"
    findings = tuple(f"{source}: {finding.message}" for finding in check_counts(record))
    return CountFile(
        source=source,
        level=level,
        election=record.election,
        contest_id=record.contest_id,
        contest_name=record.contest_name,
        authority_id=record.envelope.authority_id or "",
        authority_name=record.envelope.authority_name,
        totals=totals,
        unit_ids=tuple(unit.id for unit in record.units),
        unit_names=tuple(unit.name for unit in record.units),
        findings=findings,
        created=record.envelope.creation_date_time,
        unit_totals=tuple(
            (unit.id, totals_of_block(unit.counts, f"{source} ({unit.id})"))
            for unit in (record.units if level == "510d" else ())
        ),
    )


def read_files(paths: Iterable[Path]) -> ElectionFiles:
    """Read every file once, one after another, and sort it (Dutch errors collected)."""
    files = ElectionFiles()
    for number, path in enumerate(paths, 1):
        if number > MAX_FILES:
            files.errors.append(f"te veel bestanden: ten hoogste {MAX_FILES}")
            break
        try:
            document = _read(path)
        except KandidaatError as error:
            files.errors.append(error.message)
            continue
        except OSError as error:
            files.errors.append(
                f"{path}: kan het bestand niet lezen ({os_reason(error, Action.READ_FILE)})"
            )
            continue
        _sort(files, document, path.name)
    return files


def _read(path: Path) -> object:
    """A count file streamed (same record, flat memory), any other file read whole."""
    if peek_message_type(path) in COUNT_LEVELS:
        return stream_counts(path)
    return read_path(path)


def _sort(files: ElectionFiles, document: object, source: str) -> None:
    if isinstance(document, ElectionDefinition):
        if files.definition is not None:
            files.errors.append(
                f"{source}: er is al een verkiezingsdefinitie gegeven ({files.definition[0]})"
            )
            return
        files.definition = (source, document)
    elif isinstance(document, CandidateListsRecord):
        files.candidate_lists.append((source, document))
    elif isinstance(document, CountRecord):
        reduced = count_file(document, source)
        if isinstance(reduced, str):
            files.errors.append(reduced)
            return
        if reduced.level == "510b" and reduced.totals is not None:
            before = files.municipal_sums.get(reduced.contest_id)
            parts = [reduced.totals] if before is None else [before, reduced.totals]
            files.municipal_sums[reduced.contest_id] = add_totals(parts)
            reduced = dataclasses.replace(reduced, totals=None)
        files.counts.append(reduced)
    elif isinstance(document, ResultRecord):
        files.errors.append(
            f"{source}: dit is een uitslag (520); geef die mee met 'kandidaat uitslag "
            "controleer --gepubliceerd'"
        )
    else:
        files.errors.append(
            f"{source}: dit bestand wordt niet gebruikt voor de uitslag "
            "(wel 110a, 230b, 510b, 510c, 510d)"
        )
