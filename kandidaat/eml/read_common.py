"""Reading helpers shared by the message readers: envelope, identifiers, names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.election import CandidateRecord, ElectionIdentifier, Envelope
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
        """A non-negative whole number in ``element``'s text."""
        raw = (element.text or "").strip()
        if not raw.isdigit() or not raw.isascii():
            raise self.fail(element, f"{what} moet een geheel getal >= 0 zijn, niet {raw!r}")
        return int(raw)

    def id_number(self, element: etree._Element, what: str) -> int:
        """A positive whole number in the ``Id`` attribute."""
        raw = element.get("Id")
        if raw is None or not raw.isdigit() or not raw.isascii() or raw.startswith("0"):
            raise self.fail(element, f"{what} heeft geen geldig nummer (Id={raw!r})")
        return int(raw)


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


def read_candidate(node: etree._Element, reader: Reader) -> CandidateRecord:
    """A Candidate element of a 210, 230 or 520."""
    identifier = reader.child(node, e("CandidateIdentifier"), "CandidateIdentifier")
    position = reader.id_number(identifier, "kandidaat")
    person = node.find(f"{e('CandidateFullName')}/{xnl('PersonName')}")
    if person is None:
        raise reader.fail(node, f"kandidaat {position}: CandidateFullName/PersonName ontbreekt")
    initials = ""
    for line in person.iterfind(xnl("NameLine")):
        if line.get("NameType") == "Initials":
            initials = line.text or ""
    address = node.find(e("QualifyingAddress"))
    locality = None
    country = None
    if address is not None:
        locality = address.findtext(f".//{xal('LocalityName')}")
        country = address.findtext(f"{xal('Country')}/{xal('CountryNameCode')}")
    mailing = node.find(f"{e('Contact')}/{e('MailingAddress')}")
    lines: tuple[str, ...] = ()
    if mailing is not None:
        lines = tuple(str(t).strip() for t in mailing.itertext() if str(t).strip())
    return CandidateRecord(
        position=position,
        initials=initials,
        last_name=person.findtext(xnl("LastName")) or "",
        first_name=person.findtext(xnl("FirstName")),
        prefix=person.findtext(xnl("NamePrefix")),
        gender=node.findtext(e("Gender")),
        gender_annex=node.findtext(kr("GenderAnnex")),
        date_of_birth=node.findtext(e("DateOfBirth")),
        date_of_birth_annex=node.findtext(kr("DateOfBirthAnnex")),
        locality=locality,
        country_code=country,
        short_code=identifier.get("ShortCode") or identifier.findtext(e("ShortCode")),
        national_id=node.findtext(kr("NationalIdentificationNumber")),
        mailing_address_lines=lines,
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
    "read_candidate",
    "read_election_identifier",
    "read_envelope",
    "xal",
    "xnl",
]
