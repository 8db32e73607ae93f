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
    """One VoteGroup: Selections, Cast, TotalCounted, RejectedVotes, UncountedVotes.

    This is the hot loop of reading a national count (tens of thousands of
    selections), so it makes one C-level pass over the identifiers and vote
    counts in document order instead of searching every Selection.
    """
    lists: list[ListCount] = []
    current: tuple[int, str, int, int | None] | None = None
    candidates: list[tuple[int, int]] = []
    codes: list[str | None] = []
    pending: etree._Element | None = None
    # One C-level walk over the three tags that matter, in document order.
    for node in group.iter(_AFFILIATION, _CANDIDATE_ID, _VALID):
        tag = node.tag
        if tag != _VALID:
            if pending is not None:
                raise reader.fail(node, f"{where}: een lijst of kandidaat zonder ValidVotes")
            pending = node
            continue
        if pending is None:
            raise reader.fail(node, f"{where}: ValidVotes zonder lijst of kandidaat")
        text = node.text
        if not text or not text.isdigit() or not text.isascii():
            _number(reader, node, f"{where}: ValidVotes", node)
        votes = int(text)  # type: ignore[arg-type]  # checked just above
        if pending.tag == _AFFILIATION:
            if current is not None:
                lists.append(_list_count(current, candidates, codes))
            number = _id(pending, reader, f"{where}: lijst")
            name = pending[0].text or "" if len(pending) else ""
            current = (number, name, votes, line_of(pending))
            candidates, codes = [], []
        elif current is None:
            raise reader.fail(pending, f"{where}: een kandidaat vóór de eerste lijst")
        else:
            raw = pending.get("Id")
            position = _id(pending, reader, f"{where}: kandidaat") if raw is not None else 0
            candidates.append((position, votes))
            codes.append(pending.get("ShortCode"))
        pending = None
    if pending is not None:
        raise reader.fail(pending, f"{where}: een lijst of kandidaat zonder ValidVotes")
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


def _id(element: etree._Element, reader: Reader, what: str) -> int:
    raw = element.get("Id")
    if raw and raw.isdigit() and raw.isascii() and raw[0] != "0":
        return int(raw)
    return reader.id_number(element, what)


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
