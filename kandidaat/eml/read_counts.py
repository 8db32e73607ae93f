"""Read counts: EML 510a-d (polling station, municipality, kieskring, total).

A national count holds hundreds of thousands of Selections, so every VoteGroup is
first read by a regular path that lets lxml walk the tree in C and converts the
numbers in bulk. It only accepts a group of the regular shape (identifiers and
ValidVotes alternating, plain numbers, every candidate with a valid Id and no
ShortCode) and it never reports an error itself: any other group is read again by
the careful path, element by element, which gives the same record or the precise
Dutch error with its line. Both paths accept exactly the same files.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from operator import attrgetter, methodcaller
from typing import TYPE_CHECKING, NamedTuple, cast

from lxml import etree

from kandidaat.domain.election import (
    CountRecord,
    Envelope,
    ListCount,
    ReportingUnitCount,
    VoteCounts,
)
from kandidaat.eml.namespaces import KR, e
from kandidaat.eml.read_common import (
    MAX_DIGITS,
    Reader,
    line_of,
    message_body,
    read_election_identifier,
    read_envelope,
    shown,
    too_many_digits,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

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
_EXTENSIONS = f"{{{KR}}}*"

_TEXT = attrgetter("text")
_ID = methodcaller("get", "Id")
_HAS_SHORT_CODE = etree.XPath("boolean(descendant::*/@ShortCode)")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the records of a count are built.

    A count is hundreds of thousands of small tuples of numbers without reference
    cycles; the collector would otherwise scan them again and again while they are
    made. Reference counting still frees everything as usual.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _number(reader: Reader, element: etree._Element | None, what: str, at: etree._Element) -> int:
    if element is None:
        raise reader.fail(at, f"{what} ontbreekt")
    text = element.text or ""
    if not text.isdigit() or not text.isascii():
        raise reader.fail(element, f"{what} moet een geheel getal >= 0 zijn, niet {shown(text)}")
    if len(text) > MAX_DIGITS:
        raise reader.fail(element, too_many_digits(what, text))
    return int(text)


def read_vote_counts(group: etree._Element, reader: Reader, where: str) -> VoteCounts:
    """One VoteGroup: Selections, Cast, TotalCounted, RejectedVotes, UncountedVotes.

    Raises:
        EmlError: a list or candidate without ValidVotes, a wrong number or identifier.
    """
    lists = _regular_lists(group)
    if lists is None:
        lists = _careful_lists(group, reader, where)
    # One scan over the (thousands of) children finds the totals after the Selections.
    found: dict[str, list[etree._Element]] = {
        _CAST: [],
        _TOTAL_COUNTED: [],
        _REJECTED: [],
        _UNCOUNTED: [],
    }
    for child in group.iterchildren(_CAST, _TOTAL_COUNTED, _REJECTED, _UNCOUNTED):
        found[str(child.tag)].append(child)
    cast, total_counted = found[_CAST], found[_TOTAL_COUNTED]
    return VoteCounts(
        lists=tuple(lists),
        cast=_number(reader, cast[0] if cast else None, f"{where}: Cast", group),
        total_counted=_number(
            reader, total_counted[0] if total_counted else None, f"{where}: TotalCounted", group
        ),
        rejected=_reasons(found[_REJECTED], reader, where),
        uncounted=_reasons(found[_UNCOUNTED], reader, where),
        line=line_of(group),
    )


def _regular_lists(group: etree._Element) -> list[ListCount] | None:
    """The lists of a group of the regular shape; None when it must be read carefully."""
    pairs = _pairs(group)
    if pairs is None:
        return None
    identifiers, affiliations, texts = pairs
    ids = list(map(_ID, identifiers))
    if not _plain_ids(ids):
        return None
    numbers = _numbers(cast("list[str]", ids))
    votes = _numbers(texts)
    candidates = tuple(zip(numbers, votes, strict=True))
    starts = []
    at = 0
    for affiliation in affiliations:
        at = identifiers.index(affiliation, at)
        starts.append(at)
    ends = [*starts[1:], len(identifiers)]
    return [
        ListCount(
            numbers[start],
            affiliation[0].text or "" if len(affiliation) else "",
            votes[start],
            candidates[start + 1 : end],
            (),
            line_of(affiliation),
        )
        for affiliation, start, end in zip(affiliations, starts, ends, strict=True)
    ]


_SMALL_NUMBERS = {str(number): number for number in range(1000)}
"""Most positions and polling-station votes: a look-up is cheaper than parsing."""


def _numbers(texts: list[str]) -> list[int]:
    """The numbers in texts already checked to be plain digits."""
    try:
        return list(map(_SMALL_NUMBERS.__getitem__, texts))
    except KeyError:  # a number of 1000 or more, or written with a leading zero
        return list(map(int, texts))


def _pairs(
    group: etree._Element,
) -> tuple[list[etree._Element], list[etree._Element], list[str]] | None:
    """Identifiers, lists and vote texts of a regular group, or None.

    The careful path pairs the AffiliationIdentifier and CandidateIdentifier
    elements with the ValidVotes after them, in document order, anywhere below the
    group. Here the same pairing is proven in C: the ValidVotes elements are exactly
    every second element of that sequence (lxml gives the same Python object for
    the same element, so the comparison is one of identity). The first must be a
    list, every vote text plain digits, and no element may carry a ShortCode.
    """
    nodes = list(group.iter(_AFFILIATION, _CANDIDATE_ID, _VALID))
    if not nodes:
        return [], [], []
    valid = list(group.iter(_VALID))
    if len(nodes) != 2 * len(valid) or nodes[1::2] != valid:
        return None
    identifiers = nodes[0::2]
    affiliations = list(group.iter(_AFFILIATION))
    texts = list(map(_TEXT, valid))
    if (
        not affiliations
        or identifiers[0] is not affiliations[0]
        or not all(texts)
        or not _digits(cast("list[str]", texts))
        or max(map(len, cast("list[str]", texts)), default=0) > MAX_DIGITS
        or _HAS_SHORT_CODE(group)
    ):
        return None
    return identifiers, affiliations, cast("list[str]", texts)


def _digits(texts: list[str]) -> bool:
    """Whether every (non-empty) text is plain ASCII digits."""
    joined = "".join(texts)
    return joined.isdigit() and joined.isascii()


def _plain_ids(values: list[str | None]) -> bool:
    """Whether every value is a positive number in ASCII digits without a leading zero."""
    if not all(values):
        return False
    texts = cast("list[str]", values)
    # Every value is digits only, so " 0" marks exactly a value that starts with 0.
    return (
        _digits(texts)
        and " 0" not in " " + " ".join(texts)
        and max(map(len, texts), default=0) <= MAX_DIGITS
    )


def _careful_lists(group: etree._Element, reader: Reader, where: str) -> list[ListCount]:
    """The lists of any group, element by element, with a precise error for each fault."""
    lists: list[ListCount] = []
    current: tuple[int, str, int, int | None] | None = None
    candidates: list[tuple[int, int]] = []
    codes: list[str | None] = []
    pending: etree._Element | None = None
    for node in group.iter(_AFFILIATION, _CANDIDATE_ID, _VALID):
        tag = node.tag
        if tag != _VALID:
            if pending is not None:
                raise reader.fail(node, f"{where}: een lijst of kandidaat zonder ValidVotes")
            pending = node
            continue
        if pending is None:
            raise reader.fail(node, f"{where}: ValidVotes zonder lijst of kandidaat")
        votes = _number(reader, node, f"{where}: ValidVotes", node)
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
    return lists


def _id(element: etree._Element, reader: Reader, what: str) -> int:
    raw = element.get("Id")
    if raw and raw.isdigit() and raw.isascii() and raw[0] != "0" and len(raw) <= MAX_DIGITS:
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
    reasons = []
    for node in elements:
        code = node.get("ReasonCode")
        text = node.text
        if not text or not text.isdigit() or not text.isascii() or len(text) > MAX_DIGITS:
            _number(reader, node, f"{where}: {code}", node)
        reasons.append((code or "", int(cast("str", text))))
    return tuple(reasons)


def read_counts(tree: etree._ElementTree, source: str) -> CountRecord:
    """An EML 510 document (one contest).

    Raises:
        EmlError: a missing element or a wrong number, with its line.
    """
    with collector_paused():
        return _read_counts(tree, source)


def _read_counts(tree: etree._ElementTree, source: str) -> CountRecord:
    reader = Reader(source)
    head = read_count_head(tree.getroot(), reader)
    total_node = head.contest.find(e("TotalVotes"))
    total = read_vote_counts(total_node, reader, "TotalVotes") if total_node is not None else None
    units = [
        read_reporting_unit(node, reader)
        for node in head.contest.iterchildren(e("ReportingUnitVotes"))
    ]
    return count_record(head, total, units, reader)


class CountHead(NamedTuple):
    """What surrounds the vote counts of a 510: envelope, Election, Contest, its identifier."""

    envelope: Envelope
    election: etree._Element
    contest: etree._Element
    contest_id: etree._Element


def read_count_head(root: etree._Element, reader: Reader) -> CountHead:
    """The envelope and the one Contest of a 510 (Count/Election/Contests/Contest).

    Raises:
        EmlError: not an EML root, or a missing Count, Election, Contests, Contest or
            ContestIdentifier, with its line.
    """
    envelope = read_envelope(root, reader)
    count = message_body(root, "Count", reader)
    election = reader.child(count, e("Election"), "Election")
    contests = reader.child(election, e("Contests"), "Contests")
    contest = reader.child(contests, e("Contest"), "Contest")
    contest_id = reader.child(contest, e("ContestIdentifier"), "ContestIdentifier")
    return CountHead(envelope, election, contest, contest_id)


def read_reporting_unit(node: etree._Element, reader: Reader) -> ReportingUnitCount:
    """One ReportingUnitVotes block: its identifier, its counts and its kr: extensions.

    Raises:
        EmlError: no ReportingUnitIdentifier, or a fault in its counts, with its line.
    """
    identifier = reader.child(node, e("ReportingUnitIdentifier"), "ReportingUnitIdentifier")
    unit_id = identifier.get("Id") or ""
    leading: list[str] = []
    trailing: list[str] = []
    # Kiesraad extensions before the first Selection (kr:ReportingUnitType, ...)
    # and after the totals (kr:ReportingUnitInvestigations), kept verbatim.
    for child in node.iterchildren(_EXTENSIONS):
        text = etree.tostring(child, method="c14n", exclusive=True, with_comments=True).decode()
        after = next(child.itersiblings(_SELECTION, preceding=True), None) is not None
        (trailing if after else leading).append(text)
    return ReportingUnitCount(
        id=unit_id,
        name=identifier.text or "",
        counts=read_vote_counts(node, reader, f"stembureau {unit_id}"),
        leading_xml=tuple(leading),
        trailing_xml=tuple(trailing),
        line=line_of(node),
    )


def count_record(
    head: CountHead,
    total: VoteCounts | None,
    units: Iterable[ReportingUnitCount],
    reader: Reader,
) -> CountRecord:
    """The record of a 510 from its head, its total and its reporting units.

    Raises:
        EmlError: a fault in the ElectionIdentifier, with its line.
    """
    return CountRecord(
        envelope=head.envelope,
        election=read_election_identifier(head.election, reader),
        contest_id=head.contest_id.get("Id") or "",
        contest_name=head.contest_id.findtext(e("ContestName")),
        total=total,
        units=tuple(units),
    )
