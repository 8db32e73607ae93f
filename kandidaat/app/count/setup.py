"""Create a count workspace from the election's EML files: 110a, 110b and 230b."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from kandidaat.domain.count.figures import BallotLayout, ListLayout
from kandidaat.domain.count.record import municipality_code
from kandidaat.domain.election import (
    CandidateListsRecord,
    ElectionDefinition,
    PollingStationsRecord,
)
from kandidaat.domain.errors import InputError
from kandidaat.eml.documents import read_bytes
from kandidaat.eml.safe_xml import read_file
from kandidaat.store.count import SUFFIX, CountSetup, CountWorkspace

__all__ = ["MAX_EML_BYTES", "new_count", "read_setup"]

MAX_EML_BYTES = 64 * 1024 * 1024
"""The largest 110a, 110b or 230b read (a TK 230b is about 0.5 MB)."""


_Document = TypeVar("_Document", ElectionDefinition, PollingStationsRecord, CandidateListsRecord)


def _read(path: Path, wanted: type[_Document], kind: str) -> tuple[_Document, bytes]:
    data = read_file(path, limit=MAX_EML_BYTES)
    document = read_bytes(data, path.name)
    if not isinstance(document, wanted) or document.envelope.message_id != kind:
        raise InputError(
            f"{path.name}: dit is geen EML {kind} maar EML {document.envelope.message_id}"
        )
    return document, data


def read_setup(election_file: Path, stations_file: Path, lists_file: Path) -> CountSetup:
    """What a count needs from the 110a, the 110b and the 230b, checked to belong together.

    Raises:
        InputError: an unreadable file, the wrong type, files of different elections,
            a 110b without polling stations or with a number twice, a list without a
            number (every message names the file).
    """
    definition, data_a = _read(election_file, ElectionDefinition, "110a")
    stations, data_b = _read(stations_file, PollingStationsRecord, "110b")
    lists, data_c = _read(lists_file, CandidateListsRecord, "230b")
    for name, other in ((stations_file.name, stations), (lists_file.name, lists)):
        if other.election.id != definition.election.id:
            raise InputError(
                f"{name} hoort bij verkiezing {other.election.id[:80]}, {election_file.name} "
                f"bij {definition.election.id[:80]}; geef de bestanden van één verkiezing"
            )
    if not stations.stations:
        raise InputError(f"{stations_file.name}: de stembureaulijst noemt geen stembureaus")
    numbers = [s.number for s in stations.stations]
    twice = sorted({n for n in numbers if numbers.count(n) > 1})
    if twice:
        raise InputError(
            f"{stations_file.name}: stembureau {', '.join(map(str, twice[:10]))} staat er "
            "meer dan eens in"
        )
    try:
        municipality_code(stations.municipality_id)
    except ValueError as error:
        raise InputError(f"{stations_file.name}: ReportingUnit: {error}") from error
    layout = []
    for affiliation in lists.affiliations:
        if affiliation.number is None:
            raise InputError(
                f"{lists_file.name}: een lijst zonder nummer ({affiliation.name[:40]})"
            )
        positions = tuple(c.position for c in affiliation.candidates)
        layout.append(ListLayout(affiliation.number, affiliation.name, positions))
    if not layout:
        raise InputError(f"{lists_file.name}: de kandidatenlijsten bevatten geen lijst")
    return CountSetup(
        election=definition.election,
        contest_id=lists.contest_id,
        municipality_id=stations.municipality_id,
        municipality_name=stations.municipality_name,
        eligible=stations.max_votes,
        stations=stations.stations,
        layout=BallotLayout(tuple(sorted(layout, key=lambda item: item.number))),
        sources=(
            ("110a", election_file.name, data_a),
            ("110b", stations_file.name, data_b),
            ("230b", lists_file.name, data_c),
        ),
    )


def new_count(
    path: Path, election_file: Path, stations_file: Path, lists_file: Path, coordinator: str
) -> CountWorkspace:
    """Create ``path`` (a ``.tel`` file) from the election's files.

    Raises:
        InputError: a wrong name, an existing file, or files that do not belong together.
    """
    if Path(path).suffix != SUFFIX:
        raise InputError(f"{Path(path).name}: een telbestand heet ...{SUFFIX}")
    setup = read_setup(election_file, stations_file, lists_file)
    return CountWorkspace.create(path, setup, coordinator)
