"""Write counts: EML 510a-d."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from kandidaat.eml.namespaces import e
from kandidaat.eml.write_common import election_identifier, envelope_root, sub

if TYPE_CHECKING:
    from kandidaat.domain.election import CountRecord, VoteCounts


def _vote_group(parent: etree._Element, counts: VoteCounts) -> None:
    for item in counts.lists:
        selection = sub(parent, e("Selection"))
        identifier = sub(selection, e("AffiliationIdentifier"), Id=str(item.number))
        sub(identifier, e("RegisteredName"), item.name)
        sub(selection, e("ValidVotes"), str(item.votes))
        codes = item.short_codes or (None,) * len(item.candidate_votes)
        for (position, votes), code in zip(item.candidate_votes, codes, strict=True):
            selection = sub(parent, e("Selection"))
            attributes = {"Id": str(position)} if position else {}
            if code is not None:
                attributes["ShortCode"] = code
            sub(sub(selection, e("Candidate")), e("CandidateIdentifier"), **attributes)
            sub(selection, e("ValidVotes"), str(votes))
    sub(parent, e("Cast"), str(counts.cast))
    sub(parent, e("TotalCounted"), str(counts.total_counted))
    for reason, number in counts.rejected:
        sub(parent, e("RejectedVotes"), str(number), ReasonCode=reason)
    for reason, number in counts.uncounted:
        sub(parent, e("UncountedVotes"), str(number), ReasonCode=reason)


def build_counts(record: CountRecord) -> etree._Element:
    """The XML tree of an EML 510."""
    root = envelope_root(record.envelope)
    count = sub(root, e("Count"))
    sub(count, e("EventIdentifier"))
    election = sub(count, e("Election"))
    election_identifier(election, record.election)
    contest = sub(sub(election, e("Contests")), e("Contest"))
    identifier = sub(contest, e("ContestIdentifier"), Id=record.contest_id)
    if record.contest_name is not None:
        sub(identifier, e("ContestName"), record.contest_name)
    if record.total is not None:
        _vote_group(sub(contest, e("TotalVotes")), record.total)
    for unit in record.units:
        node = sub(contest, e("ReportingUnitVotes"))
        sub(node, e("ReportingUnitIdentifier"), unit.name, Id=unit.id)
        for xml in unit.leading_xml:
            node.append(etree.fromstring(xml))
        _vote_group(node, unit.counts)
        for xml in unit.trailing_xml:
            node.append(etree.fromstring(xml))
    return root
