"""Read the polling stations of a municipality (EML 110b, stembureaulijst).

The 110b has no real sample in our reference material; its shape follows the
official XSD (``110b-electionevent-kiesraad-strict.xsd``, 1.2 and the 1.3 draft)
and the abacus test files (docs/eml.md section 5.4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.election import PollingStation, PollingStationsRecord
from kandidaat.eml.namespaces import e, kr, xal
from kandidaat.eml.read_common import (
    Reader,
    line_of,
    message_body,
    read_election_identifier,
    read_envelope,
)

if TYPE_CHECKING:
    from lxml import etree

MAX_STATIONS = 10_000
"""More polling stations than any municipality has (Amsterdam: about 500)."""

MAX_NAME = 500
"""The longest station name or postcode we keep (characters)."""


def read_polling_stations(tree: etree._ElementTree, source: str) -> PollingStationsRecord:
    """An EML 110b document.

    Raises:
        EmlError: a missing element, a station without a number, a wrong number or
            more than :data:`MAX_STATIONS` stations, with its line.
    """
    reader = Reader(source)
    root = tree.getroot()
    envelope = read_envelope(root, reader)
    event = message_body(root, "ElectionEvent", reader)
    election = reader.child(event, e("Election"), "Election")
    contest = reader.child(election, e("Contest"), "Contest")
    contest_id = reader.child(contest, e("ContestIdentifier"), "ContestIdentifier")
    unit = contest.find(f"{e('ReportingUnit')}/{e('ReportingUnitIdentifier')}")
    max_votes = contest.find(e("MaxVotes"))
    stations: list[PollingStation] = []
    for place in contest.iterchildren(e("PollingPlace")):
        if len(stations) == MAX_STATIONS:
            raise reader.fail(place, f"meer dan {MAX_STATIONS} stembureaus in één bestand")
        stations.append(_station(place, reader))
    return PollingStationsRecord(
        envelope=envelope,
        election=read_election_identifier(election, reader),
        contest_id=contest_id.get("Id") or "",
        municipality_id=(unit.get("Id") or "") if unit is not None else "",
        municipality_name=(unit.text or "").strip()[:MAX_NAME] if unit is not None else "",
        stations=tuple(stations),
        voting_method=(contest.findtext(e("VotingMethod")) or "").strip() or None,
        max_votes=_optional_number(max_votes, reader, "MaxVotes"),
    )


def _station(place: etree._Element, reader: Reader) -> PollingStation:
    location = reader.child(place, e("PhysicalLocation"), "PhysicalLocation")
    station = reader.child(location, e("PollingStation"), "PollingStation")
    locality = location.find(f"{e('Address')}/{e('Locality')}")
    name = postal_code = None
    if locality is not None:
        name = locality.findtext(xal("LocalityName"))
        postal_code = locality.findtext(f"{xal('PostalCode')}/{xal('PostalCodeNumber')}")
    kind = location.findtext(kr("ReportingUnitType"))
    shared = location.findtext(kr("SharedLocation"))
    return PollingStation(
        number=reader.id_number(station, "stembureau"),
        name=(name or "").strip()[:MAX_NAME],
        postal_code=postal_code.strip()[:MAX_NAME] if postal_code else None,
        voters=_optional_number(station, reader, "het aantal kiesgerechtigden van het stembureau"),
        kind=kind.strip()[:MAX_NAME] if kind else None,
        shared_location=shared.strip().lower() in {"true", "1"} if shared else None,
        channel=place.get("Channel") or "",
        line=line_of(station),
    )


def _optional_number(element: etree._Element | None, reader: Reader, what: str) -> int | None:
    """A whole number >= 0, or None for an absent or empty element."""
    if element is None or not (element.text or "").strip():
        return None
    return reader.integer(element, what)
