"""Read candidate lists: EML 230b/230c (per kieskring, totaallijsten) and 210 (one party)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.election import (
    AffiliationRecord,
    CandidateListsRecord,
    NominationRecord,
    Proposer,
)
from kandidaat.eml.namespaces import e, kr, xnl
from kandidaat.eml.read_common import (
    Reader,
    line_of,
    message_body,
    read_candidate,
    read_election_identifier,
    read_envelope,
    read_mailing_address,
)

if TYPE_CHECKING:
    from lxml import etree


def _bool(value: str | None) -> bool | None:
    if value is None:
        return None
    return value.strip().lower() == "true"


def read_affiliation(node: etree._Element, reader: Reader, *, numbered: bool) -> AffiliationRecord:
    """An Affiliation: list number (not in a 210), appellation, type, candidates."""
    identifier = reader.child(node, e("AffiliationIdentifier"), "AffiliationIdentifier")
    number = reader.id_number(identifier, "lijst") if numbered else None
    if not numbered and identifier.get("Id"):
        number = reader.id_number(identifier, "lijst")
    list_data = node.find(kr("ListData"))
    candidates = tuple(read_candidate(c, reader) for c in node.iterfind(e("Candidate")))
    positions = [c.position for c in candidates]
    where = f"lijst {number}" if number is not None else "de lijst"
    for previous, current, candidate in zip(
        positions, positions[1:], node.iterfind(e("Candidate")), strict=False
    ):
        if current <= previous:
            raise reader.fail(
                candidate,
                f"{where}: kandidaatnummers zijn niet oplopend ({previous} gevolgd door {current})",
            )
    return AffiliationRecord(
        number=number,
        name=identifier.findtext(e("RegisteredName")) or "",
        candidates=candidates,
        list_type=node.findtext(e("Type")),
        publish_gender=_bool(list_data.get("PublishGender")) if list_data is not None else None,
        publication_language=(
            list_data.get("PublicationLanguage") if list_data is not None else None
        ),
        belongs_to_set=list_data.get("BelongsToSet") if list_data is not None else None,
        belongs_to_combination=(
            list_data.get("BelongsToCombination") if list_data is not None else None
        ),
        contests=tuple(
            contest.get("Id") or ""
            for contest in list_data.iterfind(f"{kr('Contests')}/{kr('Contest')}")
        )
        if list_data is not None
        else (),
        line=line_of(node),
    )


def read_candidate_lists(tree: etree._ElementTree, source: str) -> CandidateListsRecord:
    """An EML 230b or 230c document.

    Raises:
        EmlError: a missing element or a wrong number, with its line.
    """
    reader = Reader(source)
    root = tree.getroot()
    envelope = read_envelope(root, reader)
    election = reader.child(message_body(root, "CandidateList", reader), e("Election"), "Election")
    contest = reader.child(election, e("Contest"), "Contest")
    contest_id = reader.child(contest, e("ContestIdentifier"), "ContestIdentifier")
    affiliations = tuple(
        read_affiliation(a, reader, numbered=True) for a in contest.iterfind(e("Affiliation"))
    )
    _require_increasing_lists(affiliations, contest, reader)
    return CandidateListsRecord(
        envelope=envelope,
        election=read_election_identifier(election, reader),
        contest_id=contest_id.get("Id") or "",
        contest_name=contest_id.findtext(e("ContestName")),
        affiliations=affiliations,
    )


def read_short_codes(
    tree: etree._ElementTree, source: str
) -> dict[str, dict[tuple[int, int], str]]:
    """Per contest (kieskring) of an EML 230c: (list number, position) -> ShortCode.

    A person is described at the first place with ``CandidateIdentifier@ShortCode``
    and referred to at later places by a ``ShortCode`` child; both count.

    Raises:
        EmlError: not a 230c, or a candidate without ShortCode, with its line.
    """
    reader = Reader(source)
    root = tree.getroot()
    envelope = read_envelope(root, reader)
    if envelope.message_id != "230c":
        raise reader.fail(root, f"een {envelope.message_id}, geen totaallijst (230c)")
    election = reader.child(message_body(root, "CandidateList", reader), e("Election"), "Election")
    codes: dict[str, dict[tuple[int, int], str]] = {}
    for contest in election.iterfind(e("Contest")):
        contest_id = reader.child(contest, e("ContestIdentifier"), "ContestIdentifier").get("Id")
        here = codes.setdefault(contest_id or "", {})
        for affiliation in contest.iterfind(e("Affiliation")):
            ident = reader.child(affiliation, e("AffiliationIdentifier"), "AffiliationIdentifier")
            number = reader.id_number(ident, "lijst")
            for candidate in affiliation.iterfind(e("Candidate")):
                node = reader.child(candidate, e("CandidateIdentifier"), "CandidateIdentifier")
                position = reader.id_number(node, "kandidaat")
                code = node.get("ShortCode") or node.findtext(e("ShortCode"))
                if not code:
                    raise reader.fail(
                        node, f"lijst {number}, kandidaat {position}: de ShortCode ontbreekt"
                    )
                here[(number, position)] = code.strip()
    return codes


def _require_increasing_lists(
    affiliations: tuple[AffiliationRecord, ...], contest: etree._Element, reader: Reader
) -> None:
    numbers = [a.number for a in affiliations if a.number is not None]
    nodes = list(contest.iterfind(e("Affiliation")))
    for index in range(1, len(numbers)):
        if numbers[index] <= numbers[index - 1]:
            raise reader.fail(
                nodes[index],
                f"lijstnummers zijn niet oplopend ({numbers[index - 1]} gevolgd door "
                f"{numbers[index]})",
            )


def read_nomination(tree: etree._ElementTree, source: str) -> NominationRecord:
    """An EML 210 document: one party's list and its proposers.

    Raises:
        EmlError: a missing element or a wrong number, with its line.
    """
    reader = Reader(source)
    root = tree.getroot()
    envelope = read_envelope(root, reader)
    nomination = message_body(root, "Nomination", reader)
    contest = reader.child(nomination, e("ContestIdentifier"), "ContestIdentifier")
    affiliation = reader.child(nomination, e("Affiliation"), "Affiliation")
    proposers = []
    for nominate in nomination.iterfind(f"{e('Nominate')}/{e('Proposer')}"):
        person = nominate.find(f"{e('Name')}/{xnl('PersonName')}")
        initials = ""
        if person is not None:
            for line in person.iterfind(xnl("NameLine")):
                if line.get("NameType") == "Initials":
                    initials = line.text or ""
        address = nominate.find(kr("LivingAddress"))
        proposers.append(
            Proposer(
                role=nominate.findtext(e("JobTitle")) or "",
                initials=initials,
                last_name=person.findtext(xnl("LastName")) or "" if person is not None else "",
                prefix=person.findtext(xnl("NamePrefix")) if person is not None else None,
                first_name=person.findtext(xnl("FirstName")) if person is not None else None,
                address_lines=tuple(str(t).strip() for t in address.itertext() if str(t).strip())
                if address is not None
                else (),
                mailing_address=read_mailing_address(nominate.find(e("Contact"))),
                identifier=nominate.findtext(e("Id")),
            )
        )
    return NominationRecord(
        envelope=envelope,
        election=read_election_identifier(nomination, reader),
        contest_id=contest.get("Id") or "",
        contest_name=contest.findtext(e("ContestName")) or "",
        affiliation=read_affiliation(affiliation, reader, numbered=False),
        proposers=tuple(proposers),
    )
