"""Read counts: EML 510a-d (polling station, municipality, kieskring, total)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from kandidaat.domain.election import CountRecord, ListCount, ReportingUnitCount, VoteCounts
from kandidaat.eml.namespaces import KR, e
from kandidaat.eml.read_common import (
    Reader,
    line_of,
    message_body,
    read_election_identifier,
    read_envelope,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

_SELECTION = e("Selection")
_AFFILIATION = e("AffiliationIdentifier")
_CANDIDATE = e("Candidate")
_CANDIDATE_ID = e("CandidateIdentifier")
_VALID = e("ValidVotes")
_NAME = e("RegisteredName")
_CAST = e("Cast")
_TOTAL_COUNTED = e("TotalCounted")
_REJECTED = e("RejectedVotes")
_UNCOUNTED = e("UncountedVotes")


def _number(reader: Reader, element: etree._Element | None, what: str, at: etree._Element) -> int:
    if element is None:
        raise reader.fail(at, f"{what} ontbreekt")
    text = element.text or ""
    if not text.isdigit() or not text.isascii():
        raise reader.fail(element, f"{what} moet een geheel getal >= 0 zijn, niet {text!r}")
    return int(text)


def read_vote_counts(group: etree._Element, reader: Reader, where: str) -> VoteCounts:
    """One VoteGroup: Selections, Cast, TotalCounted, RejectedVotes, UncountedVotes."""
    lists: list[ListCount] = []
    current: tuple[int, str, int, int | None] | None = None
    candidates: list[tuple[int, int]] = []
    codes: list[str | None] = []
    for selection in group.iterchildren(_SELECTION):
        votes = _number(reader, selection.find(_VALID), f"{where}: ValidVotes", selection)
        affiliation = selection.find(_AFFILIATION)
        if affiliation is not None:
            if current is not None:
                lists.append(_list_count(current, candidates, codes))
            number = reader.id_number(affiliation, f"{where}: lijst")
            current = (number, affiliation.findtext(_NAME) or "", votes, line_of(selection))
            candidates, codes = [], []
            continue
        candidate = selection.find(_CANDIDATE)
        if candidate is None or current is None:
            raise reader.fail(
                selection,
                f"{where}: een Selection zonder lijst of kandidaat, of een kandidaat vóór de "
                "eerste lijst",
            )
        identifier = candidate.find(_CANDIDATE_ID)
        if identifier is None:
            raise reader.fail(candidate, f"{where}: CandidateIdentifier ontbreekt")
        raw = identifier.get("Id")
        position = reader.id_number(identifier, f"{where}: kandidaat") if raw else 0
        candidates.append((position, votes))
        codes.append(identifier.get("ShortCode"))
    if current is not None:
        lists.append(_list_count(current, candidates, codes))
    return VoteCounts(
        lists=tuple(lists),
        cast=_number(reader, group.find(_CAST), f"{where}: Cast", group),
        total_counted=_number(reader, group.find(_TOTAL_COUNTED), f"{where}: TotalCounted", group),
        rejected=_reasons(group.iterchildren(_REJECTED), reader, where),
        uncounted=_reasons(group.iterchildren(_UNCOUNTED), reader, where),
        line=line_of(group),
    )


def _list_count(
    current: tuple[int, str, int, int | None],
    candidates: list[tuple[int, int]],
    codes: list[str | None],
) -> ListCount:
    number, name, votes, line = current
    short_codes = tuple(codes) if any(code is not None for code in codes) else ()
    return ListCount(number, name, votes, tuple(candidates), short_codes, line)


def _reasons(
    elements: Iterable[etree._Element], reader: Reader, where: str
) -> tuple[tuple[str, int], ...]:
    return tuple(
        (
            node.get("ReasonCode") or "",
            _number(reader, node, f"{where}: {node.get('ReasonCode')}", node),
        )
        for node in elements
    )


def read_counts(tree: etree._ElementTree, source: str) -> CountRecord:
    """An EML 510 document (one contest).

    Raises:
        EmlError: a missing element or a wrong number, with its line.
    """
    reader = Reader(source)
    root = tree.getroot()
    envelope = read_envelope(root, reader)
    count = message_body(root, "Count", reader)
    election = reader.child(count, e("Election"), "Election")
    contests = reader.child(election, e("Contests"), "Contests")
    contest = reader.child(contests, e("Contest"), "Contest")
    contest_id = reader.child(contest, e("ContestIdentifier"), "ContestIdentifier")
    total_node = contest.find(e("TotalVotes"))
    total = read_vote_counts(total_node, reader, "TotalVotes") if total_node is not None else None
    units = []
    for node in contest.iterchildren(e("ReportingUnitVotes")):
        identifier = reader.child(node, e("ReportingUnitIdentifier"), "ReportingUnitIdentifier")
        unit_id = identifier.get("Id") or ""
        leading: list[str] = []
        trailing: list[str] = []
        seen_selection = False
        for child in node.iterchildren():
            tag = str(child.tag)
            if tag == _SELECTION:
                seen_selection = True
            elif tag.startswith(f"{{{KR}}}"):
                text = etree.tostring(
                    child, method="c14n", exclusive=True, with_comments=True
                ).decode()
                (trailing if seen_selection else leading).append(text)
        units.append(
            ReportingUnitCount(
                id=unit_id,
                name=identifier.text or "",
                counts=read_vote_counts(node, reader, f"stembureau {unit_id}"),
                leading_xml=tuple(leading),
                trailing_xml=tuple(trailing),
                line=line_of(node),
            )
        )
    return CountRecord(
        envelope=envelope,
        election=read_election_identifier(election, reader),
        contest_id=contest_id.get("Id") or "",
        contest_name=contest_id.findtext(e("ContestName")),
        total=total,
        units=tuple(units),
    )
