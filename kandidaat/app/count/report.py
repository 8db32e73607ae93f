"""The proces-verbaal of the gemeentelijk stembureau (model Na 31-1) beside the 510b.

Made from the very record the 510b is written from (``exporting.count_of``'s data
path): the agreed entries of every polling station, the sessions and the
investigations of the workspace, and the candidates' names of its own 230b. The
hash code on every page is that of the 510b's bytes.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from kandidaat import __version__
from kandidaat.documents.model_na31_1 import (
    InvestigationLine,
    MunicipalCount,
    SessionLine,
    StationLine,
    render_na31_1,
)
from kandidaat.domain.count.record import municipality_code
from kandidaat.eml.canonical import hash_code

if TYPE_CHECKING:
    from kandidaat.app.count.progress import Overview
    from kandidaat.domain.election import CandidateListsRecord, CountRecord
    from kandidaat.store.count import CountWorkspace

__all__ = ["file_name", "proces_verbaal"]

_SAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")


def file_name(record: CountRecord) -> str:
    """``Model_Na31-1_{ElectionId}.pdf``, beside the 510b."""
    return f"Model_Na31-1_{_SAFE_NAME.sub('_', record.election.id)[:80]}.pdf"


def _created(record: CountRecord) -> date:
    """The date printed: that of the latest entry or decision (as the 510b's), never the clock."""
    try:
        return date.fromisoformat(record.envelope.creation_date_time[:10])
    except ValueError:
        return date(2000, 1, 1)


def proces_verbaal(
    workspace: CountWorkspace,
    report: Overview,
    record: CountRecord,
    lists: CandidateListsRecord,
    eml_name: str,
    data: bytes,
) -> bytes:
    """The PDF of model Na 31-1 for a complete count whose 510b is ``data``.

    ``report`` and ``record`` are the overview and the 510b record of the same
    export; the stations are its agreed ones, in the order of the record's units.
    """
    agreed = [p for p in report.stations if p.agreed is not None]
    stations = tuple(
        StationLine(p.station.number, p.station.name, unit.counts)
        for p, unit in zip(agreed, record.units, strict=True)
    )
    investigations = tuple(
        InvestigationLine(
            p.station.number,
            p.earlier.reopened_in,
            p.earlier.kind,
            p.earlier.reason,
            p.earlier.figures != p.agreed,
        )
        for p in agreed
        if p.earlier is not None
    )
    sessions = tuple(
        SessionLine(s.number, s.held_on, s.place, s.members, s.reason) for s in workspace.sessions()
    )
    names = {
        (affiliation.number, candidate.position): candidate.display_name
        for affiliation in lists.affiliations
        if affiliation.number is not None
        for candidate in affiliation.candidates
    }
    _, _, municipality, _ = workspace.election()
    count = MunicipalCount(
        record=record,
        municipality_code=municipality_code(municipality[0]),
        municipality=municipality[1],
        stations=stations,
        sessions=sessions,
        investigations=investigations,
        candidate_names=names,
        eml_name=eml_name,
        hash_code=hash_code(data),
    )
    return render_na31_1(count, version=__version__, created=_created(record))
