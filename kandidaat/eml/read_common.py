"""Reading helpers shared by the message readers: envelope, identifiers, names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.election import (
    AddressRecord,
    AgentRecord,
    CandidateRecord,
    ElectionIdentifier,
    Envelope,
)
from kandidaat.eml.errors import EmlError
from kandidaat.eml.namespaces import DS, EML, KR, XAL, XNL, ds, e, kr, xal, xnl

if TYPE_CHECKING:
    from lxml import etree

NS = {"eml": EML, "kr": KR, "xnl": XNL, "xal": XAL, "ds": DS}


def line_of(element: etree._Element | None) -> int | None:
    """The source line of an element, when lxml knows it."""
    value: object = element.sourceline if element is not None else None
    return value if isinstance(value, int) else None


class Reader:
    """Small helpers that name the file, line and element in every error."""

    def __init__(self, source: str) -> None:
        """Remember the file name for messages."""
        self.source = source

    def fail(self, element: etree._Element | None, message: str) -> EmlError:
        """An error at ``element``'s line."""
        return EmlError(self.source, message, line_of(element))

    def child(self, parent: etree._Element, tag: str, what: str) -> etree._Element:
        """The required child ``tag`` of ``parent``."""
        found = parent.find(tag)
        if found is None:
            raise self.fail(parent, f"{_path(parent)}: element {what} ontbreekt")
        return found

    def text(self, parent: etree._Element, tag: str, what: str) -> str:
        """The text of a required child (empty text allowed)."""
        return self.child(parent, tag, what).text or ""

    def integer(self, element: etree._Element, what: str) -> int:
        """A non-negative whole number in ``element``'s text (at most MAX_DIGITS digits)."""
        raw = (element.text or "").strip()
        if not raw.isdigit() or not raw.isascii():
            raise self.fail(element, f"{what} moet een geheel getal >= 0 zijn, niet {shown(raw)}")
        if len(raw) > MAX_DIGITS:
            raise self.fail(element, too_many_digits(what, raw))
        return int(raw)

    def id_number(self, element: etree._Element, what: str) -> int:
        """A positive whole number in the ``Id`` attribute (at most MAX_DIGITS digits)."""
        raw = element.get("Id")
        if raw is None or not raw.isdigit() or not raw.isascii() or raw.startswith("0"):
            raise self.fail(element, f"{what} heeft geen geldig nummer (Id={shown(raw)})")
        if len(raw) > MAX_DIGITS:
            raise self.fail(element, too_many_digits(what, raw))
        return int(raw)


MAX_DIGITS = 12
"""Longest number an EML file may carry: ten times the Dutch electorate has 10 digits."""

_SHOWN = 40
"""At most this many characters of a refused value are echoed in a message."""


def shown(raw: str | None) -> str:
    """A refused value as a message shows it: quoted and cut short."""
    if raw is None:
        return "None"
    if len(raw) <= _SHOWN:
        return repr(raw)
    return f"{raw[:_SHOWN]!r}... ({len(raw)} tekens)"


def too_many_digits(what: str, raw: str) -> str:
    """The Dutch message for a number longer than MAX_DIGITS digits."""
    return f"{what} is een getal van {len(raw)} cijfers; de grens is {MAX_DIGITS} cijfers"


def _path(element: etree._Element) -> str:
    """A short element path such as Count/Election/Contests/Contest."""
    names: list[str] = []
    current: etree._Element | None = element
    while current is not None and len(names) < 4:
        tag = current.tag
        if isinstance(tag, str):
            names.append(tag.rsplit("}", 1)[-1])
        current = current.getparent()
    return "/".join(reversed(names))


def read_envelope(root: etree._Element, reader: Reader) -> Envelope:
    """The header of any EML_NL message."""
    if root.tag != e("EML"):
        raise reader.fail(root, f"het hoofdelement is {root.tag!r}, verwacht EML in {EML}")
    message_id = root.get("Id")
    if not message_id:
        raise reader.fail(root, "het EML-element heeft geen Id (berichttype)")
    authority = root.find(f"{e('ManagingAuthority')}/{e('AuthorityIdentifier')}")
    created_by = root.find(f"{e('ManagingAuthority')}/{kr('CreatedByAuthority')}")
    schema = root.find(kr("Schema"))
    return Envelope(
        message_id=message_id,
        transaction_id=root.findtext(e("TransactionId")) or "1",
        authority_id=authority.get("Id") if authority is not None else None,
        authority_name=(authority.text or "") if authority is not None else "",
        created_by=(created_by.text or "") if created_by is not None else None,
        issue_date=root.findtext(e("IssueDate")),
        schema_version=schema.get("Version") if schema is not None else None,
        creation_date_time=root.findtext(kr("CreationDateTime")) or "",
        canonicalization=root.find(ds("CanonicalizationMethod")) is not None,
    )


def read_election_identifier(parent: etree._Element, reader: Reader) -> ElectionIdentifier:
    """The ElectionIdentifier below ``parent``."""
    node = reader.child(parent, e("ElectionIdentifier"), "ElectionIdentifier")
    domain = node.find(kr("ElectionDomain"))
    identifier = node.get("Id")
    if not identifier:
        raise reader.fail(node, "ElectionIdentifier heeft geen Id")
    return ElectionIdentifier(
        id=identifier,
        name=node.findtext(e("ElectionName")) or "",
        category=reader.text(node, e("ElectionCategory"), "ElectionCategory"),
        subcategory=node.findtext(kr("ElectionSubcategory")),
        domain_id=domain.get("Id") if domain is not None else None,
        domain_name=(domain.text or "") if domain is not None else None,
        election_date=node.findtext(kr("ElectionDate")) or "",
        nomination_date=node.findtext(kr("NominationDate")),
    )


_CANDIDATE_IDENTIFIER = e("CandidateIdentifier")
_FULL_NAME = e("CandidateFullName")
_PERSON_NAME = xnl("PersonName")
_NAME_LINE = xnl("NameLine")
_FIRST_NAME = xnl("FirstName")
_PREFIX = xnl("NamePrefix")
_LAST_NAME = xnl("LastName")
_QUALIFYING_ADDRESS = e("QualifyingAddress")
_LOCALITY_NAME = xal("LocalityName")
_COUNTRY_CODE = xal("CountryNameCode")
_CONTACT = e("Contact")
_AGENT = e("Agent")
_MAILING_ADDRESS = e("MailingAddress")
_SIMPLE_FIELDS = {
    e("Gender"): "gender",
    kr("GenderAnnex"): "gender_annex",
    e("DateOfBirth"): "date_of_birth",
    kr("DateOfBirthAnnex"): "date_of_birth_annex",
    kr("NationalIdentificationNumber"): "national_id",
}


def _person_name(person: etree._Element) -> tuple[str, str, str | None, str | None]:
    """Initials, last name, first name and prefix of an xNL PersonName."""
    initials = last_name = ""
    first_name = prefix = None
    for part in person:
        tag = part.tag
        if tag == _NAME_LINE and part.get("NameType") == "Initials":
            initials = part.text or ""
        elif tag == _LAST_NAME:
            last_name = part.text or ""
        elif tag == _FIRST_NAME:
            first_name = part.text
        elif tag == _PREFIX:
            prefix = part.text
    return initials, last_name, first_name, prefix


def _address(address: etree._Element | None) -> tuple[str | None, str | None]:
    """Locality and country code of a QualifyingAddress."""
    locality = country = None
    if address is not None:
        for part in address.iter(_LOCALITY_NAME, _COUNTRY_CODE):
            if part.tag == _LOCALITY_NAME:
                locality = part.text
            else:
                country = part.text
    return locality, country


def read_mailing_address(contact: etree._Element | None) -> AddressRecord | None:
    """Contact/MailingAddress as a structured address (None when there is none)."""
    mailing = contact.find(_MAILING_ADDRESS) if contact is not None else None
    if mailing is None:
        return None
    country = mailing.find(xal("Country"))
    country_code = None
    locality = mailing.find(xal("Locality"))
    if country is not None:
        country_code = country.findtext(_COUNTRY_CODE)
        locality = country.find(xal("Locality"))
    if locality is None:
        return AddressRecord(locality="", country_code=country_code)
    return AddressRecord(
        locality=locality.findtext(_LOCALITY_NAME) or "",
        address_line=locality.findtext(xal("AddressLine")),
        postal_code=locality.findtext(f"{xal('PostalCode')}/{xal('PostalCodeNumber')}"),
        country_code=country_code,
    )


def read_agent(node: etree._Element) -> AgentRecord:
    """An Agent (gemachtigde of a candidate, Kieswet art. H 10/H 10a) of a 210 or 230c."""
    person = node.find(f"{e('AgentIdentifier')}/{e('AgentName')}/{_PERSON_NAME}")
    initials, last_name, first_name, prefix = (
        _person_name(person) if person is not None else ("", "", None, None)
    )
    living = node.find(kr("LivingAddress"))
    return AgentRecord(
        role=node.get("Role"),
        initials=initials,
        last_name=last_name,
        prefix=prefix,
        first_name=first_name,
        mailing_address=read_mailing_address(node.find(_CONTACT)),
        living_locality=(living.findtext(kr("LocalityName")) or "") if living is not None else "",
        living_country_code=living.findtext(kr("CountryNameCode")) if living is not None else None,
    )


def read_candidate(node: etree._Element, reader: Reader) -> CandidateRecord:
    """A Candidate element of a 210, 230 or 520 (one pass over its children)."""
    fields: dict[str, str | None] = {}
    identifier = person = address = contact = agent = None
    for child in node:
        tag = child.tag
        if tag == _CANDIDATE_IDENTIFIER:
            identifier = child
        elif tag == _FULL_NAME:
            person = child.find(_PERSON_NAME)
        elif tag == _QUALIFYING_ADDRESS:
            address = child
        elif tag == _CONTACT:
            contact = child
        elif tag == _AGENT:
            agent = child
        elif tag in _SIMPLE_FIELDS:
            fields[_SIMPLE_FIELDS[str(tag)]] = child.text
    if identifier is None:
        raise reader.fail(node, f"{_path(node)}: element CandidateIdentifier ontbreekt")
    position = reader.id_number(identifier, "kandidaat")
    if person is None:
        raise reader.fail(node, f"kandidaat {position}: CandidateFullName/PersonName ontbreekt")
    initials, last_name, first_name, prefix = _person_name(person)
    locality, country = _address(address)
    lines: tuple[str, ...] = ()
    if contact is not None:
        lines = tuple(str(t).strip() for t in contact.itertext() if str(t).strip())
    return CandidateRecord(
        position=position,
        initials=initials,
        last_name=last_name,
        first_name=first_name,
        prefix=prefix,
        gender=fields.get("gender"),
        gender_annex=fields.get("gender_annex"),
        date_of_birth=fields.get("date_of_birth"),
        date_of_birth_annex=fields.get("date_of_birth_annex"),
        locality=locality,
        country_code=country,
        short_code=identifier.get("ShortCode") or identifier.findtext(e("ShortCode")),
        national_id=fields.get("national_id"),
        mailing_address_lines=lines,
        mailing_address=read_mailing_address(contact),
        agent=read_agent(agent) if agent is not None else None,
    )


def message_body(root: etree._Element, tag: str, reader: Reader) -> etree._Element:
    """The message body element (CandidateList, Count, Result, ...)."""
    return reader.child(root, e(tag), tag)


__all__ = [
    "NS",
    "Reader",
    "e",
    "kr",
    "line_of",
    "message_body",
    "read_agent",
    "read_candidate",
    "read_election_identifier",
    "read_envelope",
    "read_mailing_address",
    "xal",
    "xnl",
]
