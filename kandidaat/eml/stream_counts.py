"""Stream an EML 510b/c/d count: the record :func:`read_counts` gives, in flat memory.

The whole-tree reader holds the file's bytes and libxml2's tree of it at once
(about 8.5 times the file at national scale). Here ``lxml.etree.iterparse`` builds
the tree as it reads, and every ReportingUnitVotes (and the TotalVotes) block is
turned into its record by the same helpers :mod:`kandidaat.eml.read_counts` uses,
then cleared and dropped: what stays is the small head of the file (envelope,
Election, ContestIdentifier), one block and the records.

The guards of :mod:`kandidaat.eml.safe_xml` apply while reading: the size limit,
UTF-8 only, no DOCTYPE or ENTITY declaration, no flood of elements (the same count
of tags per byte, over the bytes read so far), and a depth limit, each refusing
the file as soon as it is seen with a Dutch message naming it. A file is read to
its end before a fault in its counts is reported, so that, as with the whole
tree, broken XML later in the file is what the message names; faults are reported
in the order the whole-tree reader finds them.

Only the Contest :func:`read_count_head` would pick (the first of the first
Contests of the first Election of the Count) is read; blocks anywhere else are
cleared unread, as the whole-tree reader never looks at them.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, BinaryIO

from lxml import etree

from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.eml.errors import EmlError
from kandidaat.eml.namespaces import e
from kandidaat.eml.read_common import Reader
from kandidaat.eml.read_counts import (
    collector_paused,
    count_record,
    read_count_head,
    read_reporting_unit,
    read_vote_counts,
)
from kandidaat.eml.safe_xml import (
    HEAD_BYTES,
    MAX_BYTES,
    MAX_TAGS,
    MIN_BYTES_PER_TAG,
    check_start,
    checked_size,
    declaration_refused,
    dutch_syntax,
)

if TYPE_CHECKING:
    from pathlib import Path

    from kandidaat.domain.election import CountRecord, ReportingUnitCount, VoteCounts

MAX_DEPTH = 64
"""Deepest nesting of elements read (the root is 1): the real 510 samples go 9 deep, a 230b 10.

libxml2 itself stops at 256 without ``huge_tree``; this limit is ours and is checked
for each block before it is read.
"""

CHUNK = 1 << 20
"""Bytes handed to the parser per read: fewer, larger reads make libxml2 faster."""

_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
_OVERLAP = max(map(len, _DECLARATIONS)) - 1
"""Bytes of the previous chunk searched again, so a declaration split over two is seen."""

_CONTEST = e("Contest")
_CONTESTS = e("Contests")
_ELECTION = e("Election")
_COUNT = e("Count")
_CONTEST_ID = e("ContestIdentifier")
_TOTAL = e("TotalVotes")
_UNIT = e("ReportingUnitVotes")
_BLOCKS = (_TOTAL, _UNIT)


def stream_counts(path: Path) -> CountRecord:
    """An EML 510 file read block by block: the record ``read_counts(parse_file(path))`` gives.

    Raises:
        EmlError: the file cannot be read, is too large, not UTF-8, holds a DOCTYPE
            or ENTITY declaration, too many or too deeply nested elements, broken XML,
            or a missing element or wrong number (with its line), in Dutch.
    """
    size = checked_size(path, MAX_BYTES)
    try:
        with path.open("rb") as handle, collector_paused():
            return _Stream(path.name, _GuardedFile(handle, path.name, size)).run()
    except OSError as error:
        raise EmlError(
            str(path), f"bestand is niet te lezen ({os_reason(error, Action.READ_FILE)})"
        ) from None


def peek_message_type(path: Path) -> str | None:
    """The message type (root ``Id``) of an EML file, from the start of the file only.

    None when the start does not show it (not XML, not EML, a declaration, unreadable):
    the caller then reads the file whole, which names the fault.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return None
    if any(declaration in head for declaration in _DECLARATIONS):
        return None
    parser = etree.XMLPullParser(
        events=("start",), resolve_entities=False, no_network=True, load_dtd=False
    )
    try:
        parser.feed(head)
        for _event, element in parser.read_events():
            if not etree.iselement(element) or element.tag != e("EML"):
                return None
            return element.get("Id")
    except etree.XMLSyntaxError:
        return None
    return None


class _GuardedFile:
    """The file as the parser reads it, refused as soon as a guard of safe_xml trips."""

    def __init__(self, handle: BinaryIO, source: str, size: int) -> None:
        self._handle = handle
        self._source = source
        self._size = size
        self._pending = self._start()
        self._read = 0
        self._tags = 0
        self._lines = 0
        self._tail = b""
        self.blank = True
        """Whether every byte so far was white space (an empty file, once at its end)."""

    def _start(self) -> bytes:
        """The first HEAD_BYTES bytes, checked as parse_bytes checks them."""
        head = b""
        while len(head) < HEAD_BYTES:
            chunk = self._handle.read(HEAD_BYTES - len(head))
            if not chunk:
                break
            head += chunk
        if not head or (head.isspace() and len(head) < HEAD_BYTES):
            raise EmlError(self._source, "het bestand is leeg")
        check_start(head, self._source)
        return head

    def read(self, size: int) -> bytes:
        """Up to CHUNK bytes (more than lxml asks; it keeps the rest), each checked."""
        if self._pending:
            chunk, self._pending = self._pending, b""
        else:
            chunk = self._handle.read(max(size, CHUNK))
        if not chunk:
            self._at_end()
            return chunk
        self._read += len(chunk)
        if self._read > MAX_BYTES:
            raise EmlError(self._source, f"bestand is te groot (meer dan {MAX_BYTES} bytes)")
        if self.blank and not chunk.isspace():
            self.blank = False
        self._tags += chunk.count(b"<")
        if self._tags > self._tag_limit(self._size or MAX_BYTES):
            self._too_many_tags()
        window = self._tail + chunk
        # One scan for "<!" (comments and CDATA have it too) before the exact ones.
        if b"<!" in window and any(declaration in window for declaration in _DECLARATIONS):
            raise declaration_refused(self._source, self._declaration_line(window))
        self._lines += chunk.count(b"\n")
        self._tail = window[-_OVERLAP:]
        return chunk

    @staticmethod
    def _tag_limit(size: int) -> int:
        """The most tags a file of ``size`` bytes may hold (see safe_xml._check_markup_count)."""
        return min(MAX_TAGS, size // MIN_BYTES_PER_TAG + 100_000)

    def _too_many_tags(self) -> None:
        raise EmlError(
            self._source,
            f"het bestand bevat al {self._tags} elementtags in de eerste {self._read} bytes; "
            "zoveel elementen heeft geen echt EML-bestand en ze worden niet ingelezen "
            "(te veel geheugen)",
        )

    def _at_end(self) -> None:
        """At the end of the file: an empty one, and the flood rule over its real size."""
        if self.blank:
            raise EmlError(self._source, "het bestand is leeg")
        if self._tags > self._tag_limit(self._read):
            self._too_many_tags()

    def _declaration_line(self, window: bytes) -> int:
        """The line parse_bytes names: the later of the first DOCTYPE and the first ENTITY.

        The declaration not yet seen is looked for in the rest of the file (bytes only,
        nothing parsed), up to the size limit.
        """
        before = self._lines - self._tail.count(b"\n")  # newlines before the window
        lines: dict[bytes, int] = {}
        read = self._read
        while True:
            for token in _DECLARATIONS:
                at = window.find(token)
                if token not in lines and at >= 0:
                    lines[token] = before + window[:at].count(b"\n") + 1
            chunk = self._handle.read(CHUNK) if len(lines) < len(_DECLARATIONS) else b""
            read += len(chunk)
            if not chunk or read > MAX_BYTES:
                return max(lines.values())
            tail = window[-_OVERLAP:]
            before += window.count(b"\n") - tail.count(b"\n")
            window = tail + chunk


class _Stream:
    """One pass over a count: each block of the chosen Contest read as soon as it ends."""

    def __init__(self, source: str, file: _GuardedFile) -> None:
        self._source = source
        self._file = file
        self._reader = Reader(source)
        self._contest: etree._Element | None = None
        self._total: VoteCounts | None = None
        self._total_seen = False
        self._total_error: EmlError | None = None
        self._units: list[ReportingUnitCount] = []
        self._unit_error: EmlError | None = None

    def run(self) -> CountRecord:
        """Read to the end, then report what the whole-tree reader would, in its order."""
        events = etree.iterparse(
            self._file,
            events=("start", "end"),
            tag=(_CONTEST, *_BLOCKS),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_blank_text=False,
            remove_comments=False,
            collect_ids=False,
        )
        try:
            for event, element in events:
                if event == "start":
                    if (
                        element.tag == _CONTEST
                        and self._contest is None
                        and _first_contest(element)
                    ):
                        self._contest = element
                elif element.tag != _CONTEST and not _inside_block(element):
                    self._block(element)
        except etree.XMLSyntaxError as error:
            if self._file.blank:
                raise EmlError(self._source, "het bestand is leeg") from None
            text, line = str(error.msg or ""), error.lineno
            last = events.error_log.last_error
            if not line and last is not None and last.line:
                # Fed in parts, libxml2 may stop on an error (an undeclared entity) and
                # lxml then only says "no element found"; its log has what the whole
                # parse reports.
                text, line = str(last.message), int(last.line)
            raise EmlError(
                self._source, f"geen geldige XML ({dutch_syntax(text)})", line or None
            ) from None
        root = events.root
        _check_depth(root, 1, self._source)
        head = read_count_head(root, self._reader)
        if head.contest is not self._contest:  # pragma: no cover - a bug, never input
            msg = "the streamed Contest is not the one read_count_head picks"
            raise RuntimeError(msg)
        if self._total_error is not None:
            raise self._total_error
        if self._unit_error is not None:
            raise self._unit_error
        return count_record(head, self._total, self._units, self._reader)

    def _block(self, element: etree._Element) -> None:
        """Read one block that has just ended (if it is the chosen Contest's), then drop it."""
        parent = element.getparent()
        _check_depth(element, _depth(element), self._source)
        if parent is None or parent is not self._contest:
            element.clear()
            return
        if element.tag == _TOTAL:
            if not self._total_seen:
                self._total_seen = True
                try:
                    self._total = read_vote_counts(element, self._reader, "TotalVotes")
                except EmlError as error:
                    self._total_error = error
        elif self._unit_error is None:
            try:
                self._units.append(read_reporting_unit(element, self._reader))
            except EmlError as error:
                self._unit_error = error
        element.clear()
        self._drop_before(element, parent)

    def _drop_before(self, element: etree._Element, parent: etree._Element) -> None:
        """Remove the blocks and anything else already read before ``element`` in the Contest.

        ContestIdentifier elements are kept (the head is read at the end); the walk stops
        at the first one, as everything before it went at an earlier block. What is not
        a block was never checked for depth, so it is checked before it goes.
        """
        previous = element.getprevious()
        while previous is not None and previous.tag != _CONTEST_ID:
            before = previous.getprevious()
            if _is_element(previous) and previous.tag not in _BLOCKS:
                _check_depth(previous, _depth(previous), self._source)
            parent.remove(previous)
            previous = before


def _first_contest(contest: etree._Element) -> bool:
    """Whether this Contest is the one read_count_head will pick, now that it starts.

    Everything before it in the file is complete, so each ``find`` gives what it
    will give on the whole file.
    """
    contests = contest.getparent()
    election = contests.getparent() if contests is not None else None
    count = election.getparent() if election is not None else None
    root = count.getparent() if count is not None else None
    return (
        contests is not None
        and election is not None
        and count is not None
        and root is not None
        and root.getparent() is None
        and contests.tag == _CONTESTS
        and election.tag == _ELECTION
        and count.tag == _COUNT
        and contests.find(_CONTEST) is contest
        and election.find(_CONTESTS) is contests
        and count.find(_ELECTION) is election
        and root.find(_COUNT) is count
    )


def _inside_block(element: etree._Element) -> bool:
    """A block inside another block is read (or not) with the block around it."""
    return next(element.iterancestors(*_BLOCKS), None) is not None


def _is_element(node: object) -> bool:
    """Whether ``node`` is an element, not a comment or processing instruction."""
    return isinstance(getattr(node, "tag", None), str)


def _depth(element: etree._Element) -> int:
    """The depth of ``element`` in the file (the root is 1)."""
    return sum(1 for _ in element.iterancestors()) + 1


@cache
def _deeper_than_limit(steps: int) -> etree.XPath:
    """The first element ``steps`` levels below the context node, if there is one."""
    return etree.XPath("(" + "/".join(["*"] * steps) + ")[1]")


def _check_depth(element: etree._Element, depth: int, source: str) -> None:
    """Refuse ``element`` (at ``depth``) when anything in it is nested past MAX_DEPTH.

    Raises:
        EmlError: naming the file and the line of the first element too deep.
    """
    steps = MAX_DEPTH + 1 - depth
    found = _deeper_than_limit(steps)(element) if steps > 0 else [element]
    if not isinstance(found, list) or not found:
        return
    first = found[0]
    line = getattr(first, "sourceline", None)
    raise EmlError(
        source,
        f"de elementen zijn meer dan {MAX_DEPTH} niveaus diep genest; zo diep is "
        "geen echt EML-bestand en het wordt niet ingelezen",
        line if isinstance(line, int) else None,
    )
