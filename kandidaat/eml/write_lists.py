"""Write candidate lists: EML 230b/230c and 210."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.eml.namespaces import e, kr, xal
from kandidaat.eml.write_common import (
    candidate,
    election_identifier,
    envelope_root,
    mailing_address,
    person_name,
    sub,
)

if TYPE_CHECKING:
    from lxml import etree

    from kandidaat.domain.election import (
        AffiliationRecord,
        CandidateListsRecord,
        NominationRecord,
    )


def _affiliation(parent: etree._Element, record: AffiliationRecord) -> etree._Element:
    node = sub(parent, e("Affiliation"))
    attributes = {"Id": str(record.number)} if record.number is not None else {}
    identifier = sub(node, e("AffiliationIdentifier"), **attributes)
    sub(identifier, e("RegisteredName"), record.name)
    if record.list_type is not None:
        sub(node, e("Type"), record.list_type)
    data: dict[str, str] = {}
    if record.publication_language is not None:
        data["PublicationLanguage"] = record.publication_language
    if record.publish_gender is not None:
        data["PublishGender"] = "true" if record.publish_gender else "false"
    if record.belongs_to_set is not None:
        data["BelongsToSet"] = record.belongs_to_set
    if record.belongs_to_combination is not None:
        data["BelongsToCombination"] = record.belongs_to_combination
    list_data = sub(node, kr("ListData"), **data)
    if record.contests:
        contests = sub(list_data, kr("Contests"))
        for contest_id in record.contests:
            sub(contests, kr("Contest"), Id=contest_id)
    for item in record.candidates:
        candidate(node, item)
    return node


def build_candidate_lists(record: CandidateListsRecord) -> etree._Element:
    """The XML tree of an EML 230b/230c."""
    root = envelope_root(record.envelope)
    election = sub(sub(root, e("CandidateList")), e("Election"))
    election_identifier(election, record.election)
    contests = [(record.contest_id, record.contest_name, record.affiliations)]
    contests.extend((c.contest_id, c.contest_name, c.affiliations) for c in record.more_contests)
    for contest_id, contest_name, affiliations in contests:
        contest = sub(election, e("Contest"))
        identifier = sub(contest, e("ContestIdentifier"), Id=contest_id)
        if contest_name is not None:
            sub(identifier, e("ContestName"), contest_name)
        for affiliation in affiliations:
            _affiliation(contest, affiliation)
    return root


def build_nomination(record: NominationRecord) -> etree._Element:
    """The XML tree of an EML 210 (one party's list with its proposers)."""
    root = envelope_root(record.envelope)
    nomination = sub(root, e("Nomination"))
    election_identifier(nomination, record.election)
    contest = sub(nomination, e("ContestIdentifier"), Id=record.contest_id)
    sub(contest, e("ContestName"), record.contest_name)
    _affiliation(nomination, record.affiliation)
    nominate = sub(nomination, e("Nominate"))
    for proposer in record.proposers:
        node = sub(nominate, e("Proposer"))
        person_name(
            sub(node, e("Name")),
            proposer.initials,
            proposer.last_name,
            first_name=proposer.first_name,
            prefix=proposer.prefix,
        )
        contact = sub(node, e("Contact"))
        if proposer.mailing_address is not None:
            mailing_address(contact, proposer.mailing_address)
        else:
            locality = sub(sub(contact, e("MailingAddress")), xal("Locality"))
            sub(
                locality,
                xal("LocalityName"),
                proposer.address_lines[-1] if proposer.address_lines else "",
            )
        sub(node, e("JobTitle"), proposer.role)
        if proposer.identifier is not None:
            sub(node, e("Id"), proposer.identifier)
    return root
