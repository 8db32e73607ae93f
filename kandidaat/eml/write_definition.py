"""Write the election definition: EML 110a."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.eml.namespaces import e, kr
from kandidaat.eml.write_common import election_identifier, envelope_root, sub

if TYPE_CHECKING:
    from lxml import etree

    from kandidaat.domain.election import ElectionDefinition, Region


def build_definition(record: ElectionDefinition) -> etree._Element:
    """The XML tree of an EML 110a."""
    root = envelope_root(record.envelope)
    event = sub(root, e("ElectionEvent"))
    sub(event, e("EventIdentifier"))
    election = sub(event, e("Election"))
    election_identifier(election, record.election)
    contest = sub(election, e("Contest"))
    sub(contest, e("ContestIdentifier"), Id=record.contest_id)
    if record.voting_method is not None:
        sub(contest, e("VotingMethod"), record.voting_method)
    if record.max_votes is not None:
        sub(contest, e("MaxVotes"), record.max_votes)
    sub(election, kr("NumberOfSeats"), str(record.seats))
    if record.preference_threshold is not None:
        sub(election, kr("PreferenceThreshold"), str(record.preference_threshold))
    if record.regions:
        tree = sub(election, kr("ElectionTree"))
        for region in record.regions:
            _region(tree, region)
    if record.registered_parties:
        parties = sub(election, kr("RegisteredParties"))
        for name in record.registered_parties:
            sub(sub(parties, kr("RegisteredParty")), kr("RegisteredAppellation"), name)
    return root


def _region(tree: etree._Element, region: Region) -> None:
    attributes = {"RegionCategory": region.category}
    if region.number is not None:
        attributes["RegionNumber"] = region.number
    if region.roman_numerals is not None:
        attributes["RomanNumerals"] = "true" if region.roman_numerals else "false"
    if region.superior_number is not None:
        attributes["SuperiorRegionNumber"] = region.superior_number
    if region.superior_category is not None:
        attributes["SuperiorRegionCategory"] = region.superior_category
    node = sub(tree, kr("Region"), **attributes)
    sub(node, kr("RegionName"), region.name)
    for committee in region.committees:
        extra = {"CommitteeCategory": committee.category}
        if committee.name is not None:
            extra["CommitteeName"] = committee.name
        if committee.accept_central_submissions is not None:
            extra["AcceptCentralSubmissions"] = committee.accept_central_submissions
        sub(node, kr("Committee"), **extra)
