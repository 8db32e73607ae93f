"""Read the election definition (EML 110a)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.election import Committee, ElectionDefinition, Region
from kandidaat.eml.namespaces import e, kr
from kandidaat.eml.read_common import (
    Reader,
    message_body,
    read_election_identifier,
    read_envelope,
)

if TYPE_CHECKING:
    from lxml import etree


def read_definition(tree: etree._ElementTree, source: str) -> ElectionDefinition:
    """An EML 110a document.

    Raises:
        EmlError: a missing element or a wrong number, with its line.
    """
    reader = Reader(source)
    root = tree.getroot()
    envelope = read_envelope(root, reader)
    event = message_body(root, "ElectionEvent", reader)
    election = reader.child(event, e("Election"), "Election")
    contest = reader.child(election, e("Contest"), "Contest")
    contest_id = reader.child(contest, e("ContestIdentifier"), "ContestIdentifier")
    seats = reader.integer(reader.child(election, kr("NumberOfSeats"), "kr:NumberOfSeats"), "")
    threshold_node = election.find(kr("PreferenceThreshold"))
    threshold = reader.integer(threshold_node, "") if threshold_node is not None else None
    regions = []
    for node in election.iterfind(f"{kr('ElectionTree')}/{kr('Region')}"):
        roman = node.get("RomanNumerals")
        regions.append(
            Region(
                number=node.get("RegionNumber"),
                category=node.get("RegionCategory") or "",
                name=node.findtext(kr("RegionName")) or "",
                superior_number=node.get("SuperiorRegionNumber"),
                superior_category=node.get("SuperiorRegionCategory"),
                roman_numerals=roman.lower() == "true" if roman is not None else None,
                committees=tuple(
                    Committee(
                        category=committee.get("CommitteeCategory") or "",
                        name=committee.get("CommitteeName"),
                        accept_central_submissions=committee.get("AcceptCentralSubmissions"),
                    )
                    for committee in node.iterfind(kr("Committee"))
                ),
            )
        )
    parties = tuple(
        node.text or ""
        for node in election.iterfind(
            f"{kr('RegisteredParties')}/{kr('RegisteredParty')}/{kr('RegisteredAppellation')}"
        )
    )
    return ElectionDefinition(
        envelope=envelope,
        election=read_election_identifier(election, reader),
        contest_id=contest_id.get("Id") or "",
        seats=seats,
        preference_threshold=threshold,
        regions=tuple(regions),
        registered_parties=parties,
        voting_method=contest.findtext(e("VotingMethod")),
        max_votes=contest.findtext(e("MaxVotes")),
    )
