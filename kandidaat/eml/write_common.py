"""Writing EML_NL: the envelope, shared structures, canonical and atomic output.

Every file is written in Canonical XML 1.0 with comments (as OSV2020 writes it),
so the SHA-256 of the bytes equals the hash over the canonical form and every
tool shows the same hash code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.eml.canonical import canonical_bytes
from kandidaat.eml.namespaces import C14N_WITH_COMMENTS, NSMAP, ds, e, kr, xal, xnl

if TYPE_CHECKING:
    from pathlib import Path

    from kandidaat.domain.election import (
        AddressRecord,
        AgentRecord,
        CandidateRecord,
        ElectionIdentifier,
        Envelope,
    )


def sub(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    """Append a child element; an element without text is written as <a></a>."""
    child = etree.SubElement(parent, tag, attributes)
    if text is not None:
        child.text = text
    return child


def envelope_root(envelope: Envelope) -> etree._Element:
    """The EML root with the header elements in the order of the XSD."""
    attributes = {"Id": envelope.message_id, "SchemaVersion": "5"}
    # lxml-stubs do not allow the default (None) prefix that EML_NL needs.
    root = etree.Element(e("EML"), attributes, nsmap=NSMAP)  # type: ignore[arg-type]
    sub(root, e("TransactionId"), envelope.transaction_id)
    if envelope.authority_id is not None:
        authority = sub(root, e("ManagingAuthority"))
        sub(authority, e("AuthorityIdentifier"), envelope.authority_name, Id=envelope.authority_id)
        sub(authority, e("AuthorityAddress"))
        if envelope.created_by is not None:
            sub(authority, kr("CreatedByAuthority"), envelope.created_by)
    if envelope.issue_date is not None:
        sub(root, e("IssueDate"), envelope.issue_date)
    if envelope.schema_version is not None:
        sub(root, kr("Schema"), Version=envelope.schema_version)
    sub(root, kr("CreationDateTime"), envelope.creation_date_time)
    if envelope.canonicalization:
        sub(root, ds("CanonicalizationMethod"), Algorithm=C14N_WITH_COMMENTS)
    return root


def election_identifier(parent: etree._Element, election: ElectionIdentifier) -> None:
    """The ElectionIdentifier element."""
    node = sub(parent, e("ElectionIdentifier"), Id=election.id)
    sub(node, e("ElectionName"), election.name)
    sub(node, e("ElectionCategory"), election.category)
    if election.subcategory is not None:
        sub(node, kr("ElectionSubcategory"), election.subcategory)
    if election.domain_name is not None:
        attributes = {"Id": election.domain_id} if election.domain_id is not None else {}
        sub(node, kr("ElectionDomain"), election.domain_name, **attributes)
    sub(node, kr("ElectionDate"), election.election_date)
    if election.nomination_date is not None:
        sub(node, kr("NominationDate"), election.nomination_date)


def person_name(
    parent: etree._Element,
    initials: str,
    last_name: str,
    *,
    first_name: str | None = None,
    prefix: str | None = None,
) -> etree._Element:
    """An xnl:PersonName in the order of the xNL schema."""
    person = sub(parent, xnl("PersonName"))
    sub(person, xnl("NameLine"), initials, NameType="Initials")
    if first_name is not None:
        sub(person, xnl("FirstName"), first_name)
    if prefix is not None:
        sub(person, xnl("NamePrefix"), prefix)
    sub(person, xnl("LastName"), last_name)
    return person


def mailing_address(parent: etree._Element, record: AddressRecord) -> etree._Element:
    """A MailingAddress (xAL): street line, locality, postal code; a country abroad."""
    node = sub(parent, e("MailingAddress"))
    holder = node
    if record.country_code is not None:
        holder = sub(node, xal("Country"))
        sub(holder, xal("CountryNameCode"), record.country_code)
    locality = sub(holder, xal("Locality"))
    if record.address_line is not None:
        sub(locality, xal("AddressLine"), record.address_line)
    sub(locality, xal("LocalityName"), record.locality)
    if record.postal_code is not None:
        sub(sub(locality, xal("PostalCode")), xal("PostalCodeNumber"), record.postal_code)
    return node


def agent(parent: etree._Element, record: AgentRecord) -> etree._Element:
    """An Agent: the gemachtigde of a candidate (Kieswet art. H 10, H 10a)."""
    attributes = {"Role": record.role} if record.role is not None else {}
    node = sub(parent, e("Agent"), **attributes)
    person_name(
        sub(sub(node, e("AgentIdentifier")), e("AgentName")),
        record.initials,
        record.last_name,
        first_name=record.first_name,
        prefix=record.prefix,
    )
    if record.mailing_address is not None:
        mailing_address(sub(node, e("Contact")), record.mailing_address)
    living = sub(node, kr("LivingAddress"))
    sub(living, kr("LocalityName"), record.living_locality)
    if record.living_country_code is not None:
        sub(living, kr("CountryNameCode"), record.living_country_code)
    return node


def candidate(
    parent: etree._Element, record: CandidateRecord, *, identifier: int | None = None
) -> etree._Element:
    """A Candidate element (210, 230, 520), in the order of CandidateStructureKR."""
    node = sub(parent, e("Candidate"))
    attributes = {"Id": str(identifier if identifier is not None else record.position)}
    if record.reference_only and record.short_code:
        # 230c: the person is described at the first place; here only the reference.
        ident = sub(node, e("CandidateIdentifier"), **attributes)
        sub(ident, e("ShortCode"), record.short_code)
        return node
    if record.short_code:
        attributes["ShortCode"] = record.short_code
    sub(node, e("CandidateIdentifier"), **attributes)
    person_name(
        sub(node, e("CandidateFullName")),
        record.initials,
        record.last_name,
        first_name=record.first_name,
        prefix=record.prefix,
    )
    if record.date_of_birth is not None:
        sub(node, e("DateOfBirth"), record.date_of_birth)
    if record.gender is not None:
        sub(node, e("Gender"), record.gender)
    address = sub(node, e("QualifyingAddress"))
    if record.country_code is not None:
        country = sub(address, xal("Country"))
        sub(country, xal("CountryNameCode"), record.country_code)
        if record.locality is not None:
            sub(sub(country, xal("Locality")), xal("LocalityName"), record.locality)
    else:
        sub(sub(address, xal("Locality")), xal("LocalityName"), record.locality or "")
    if record.mailing_address is not None:
        mailing_address(sub(node, e("Contact")), record.mailing_address)
    if record.agent is not None:
        agent(node, record.agent)
    if record.date_of_birth_annex is not None:
        sub(node, kr("DateOfBirthAnnex"), record.date_of_birth_annex)
    if record.national_id is not None:
        sub(node, kr("NationalIdentificationNumber"), record.national_id)
    return node


def to_canonical(root: etree._Element) -> bytes:
    """The canonical bytes of a document built here."""
    return canonical_bytes(etree.ElementTree(root))


def write_document(path: Path, root: etree._Element) -> bytes:
    """Write canonically and atomically (temp file, fsync, rename); return the bytes."""
    data = to_canonical(root)
    write_bytes_atomically(path, data)
    return data
