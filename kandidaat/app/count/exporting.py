"""The count as EML 510b: only when every polling station is agreed, checked, atomic.

Beside the 510b goes the proces-verbaal of the gemeentelijk stembureau (model
Na 31-1, :mod:`kandidaat.app.count.report`), made from the same record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.app.count.progress import overview
from kandidaat.app.count.report import file_name as report_name
from kandidaat.app.count.report import proces_verbaal
from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.count.record import count_record
from kandidaat.domain.election import CandidateListsRecord, PollingStationsRecord
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.tally.checks import check_counts
from kandidaat.domain.tally.stations import check_against_stations
from kandidaat.eml.canonical import hash_code
from kandidaat.eml.documents import read_bytes
from kandidaat.eml.write_common import to_canonical
from kandidaat.eml.write_counts import build_counts

if TYPE_CHECKING:
    from kandidaat.app.count.progress import Overview, StationProgress
    from kandidaat.domain.election import CountRecord
    from kandidaat.store.count import CountWorkspace

__all__ = ["Exported", "NotReadyError", "count_of", "export", "file_name"]

_SAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")


class NotReadyError(KandidaatError):
    """Not every polling station is agreed: nothing is written (a finding, exit 1)."""

    def __init__(self, open_stations: tuple[StationProgress, ...]) -> None:
        """Name the stations that are not agreed (at most 10)."""
        shown = "; ".join(
            f"stembureau {p.station.number}: {p.state.value}" for p in open_stations[:10]
        )
        more = f"; en nog {len(open_stations) - 10}" if len(open_stations) > 10 else ""
        super().__init__(
            f"de telling is niet klaar: {len(open_stations)} stembureau(s) zonder twee gelijke "
            f"invoeren ({shown}{more}); er is niets geschreven"
        )
        self.open_stations = open_stations


@dataclass(frozen=True, slots=True)
class Exported:
    """The 510b written: where, its bytes, its hash code; and the proces-verbaal beside it."""

    path: Path
    data: bytes
    hash_code: str
    proces_verbaal: Path | None = None
    """Model Na 31-1 (PDF), written after the 510b."""


def count_of(workspace: CountWorkspace) -> CountRecord:
    """The 510b record of a complete count, checked as ``eml check`` checks a 510b.

    The record is checked against the workspace's own 230b and 110b (as received):
    every list and candidate counted, every polling station counted, units that add
    up to the total. A finding here is a bug, never bad input.

    Raises:
        NotReadyError: a polling station without two equal entries.
    """
    return _counted(workspace)[1]


def _counted(
    workspace: CountWorkspace,
) -> tuple[Overview, CountRecord, CandidateListsRecord]:
    """The overview, the checked 510b record and the 230b it was checked against.

    Raises:
        NotReadyError: a polling station without two equal entries.
    """
    report = overview(workspace)
    if not report.complete:
        raise NotReadyError(report.open_stations())
    election, contest_id, municipality, eligible = workspace.election()
    record = count_record(
        election,
        contest_id,
        municipality,
        [(p.station, p.agreed) for p in report.stations if p.agreed is not None],
        workspace.layout(),
        eligible=eligible,
        created=workspace.last_change() or "",
        investigations={
            p.station.number: (p.earlier.kind, p.earlier.figures != p.agreed)
            for p in report.stations
            if p.earlier is not None
        },
    )
    lists, stations = _sources(workspace)
    findings = check_counts(record, lists) + check_against_stations(record, stations)
    if findings:
        msg = "the 510b made from agreed entries has findings: " + "; ".join(
            f.message for f in findings[:5]
        )
        raise RuntimeError(msg)
    return report, record, lists


def _sources(workspace: CountWorkspace) -> tuple[CandidateListsRecord, PollingStationsRecord]:
    """The 230b and 110b the workspace was made of, read again from their bytes."""
    lists = read_bytes(workspace.source("230b"), "230b")
    stations = read_bytes(workspace.source("110b"), "110b")
    if not isinstance(lists, CandidateListsRecord) or not isinstance(
        stations, PollingStationsRecord
    ):
        msg = "the sources of the count workspace are not a 230b and a 110b"
        raise TypeError(msg)
    return lists, stations


def file_name(record: CountRecord) -> str:
    """``Telling_{ElectionId}.eml.xml`` (GR) or ``..._gemeente_{Name}`` (as OSV2020 names them)."""
    name = f"Telling_{_SAFE_NAME.sub('_', record.election.id)[:80]}"
    if record.election.category != "GR":
        name += f"_gemeente_{_SAFE_NAME.sub('_', record.envelope.authority_name)[:60]}"
    return f"{name}.eml.xml"


def export(workspace: CountWorkspace, directory: Path, coordinator: str | None) -> Exported:
    """Write the 510b into ``directory`` atomically; log it when a coordinator is named.

    The proces-verbaal (model Na 31-1) is made before anything is written and goes
    beside the 510b after it, atomically too; a refused export writes neither.

    Raises:
        NotReadyError: the count is not complete (nothing written).
        KandidaatError: the directory cannot be made or written.
    """
    report, record, lists = _counted(workspace)
    name = file_name(record)
    data = to_canonical(build_counts(record))
    pdf = proces_verbaal(workspace, report, record, lists, name, data)
    if directory.exists() and not directory.is_dir():
        raise KandidaatError(f"--out: {directory} is een bestand, geen map")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = os_reason(error, Action.WRITE_FOLDER)
        raise KandidaatError(f"--out: map {directory} kan niet worden gemaakt ({reason})") from None
    path = directory / name
    pdf_path = directory / report_name(record)
    for target, content in ((path, data), (pdf_path, pdf)):
        try:
            write_bytes_atomically(target, content)
        except OSError as error:
            raise KandidaatError(
                f"--out: kan {target} niet schrijven ({os_reason(error, Action.WRITE_FILE)})"
            ) from None
    code = hash_code(data)
    if coordinator is not None:
        workspace.record(
            "export",
            {
                "bestand": path.name,
                "hashcode": code,
                "stembureaus": len(record.units),
                "proces-verbaal": pdf_path.name,
            },
            coordinator,
        )
    return Exported(path, data, code, pdf_path)
