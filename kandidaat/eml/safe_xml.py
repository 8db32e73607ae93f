"""Parse untrusted EML files safely.

No DTDs, no entity expansion, no network, no ``huge_tree`` (so libxml2 keeps its
limits on depth and text size), a size limit: XXE, billion-laughs and
external-DTD files are refused with a Dutch message before anything is expanded.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, BinaryIO

from lxml import etree

from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.eml.errors import EmlError

if TYPE_CHECKING:
    from pathlib import Path

MAX_BYTES = 256 * 1024 * 1024
"""Largest EML file we read (a TK 510b of a big city is tens of MB)."""


def safe_parser() -> etree.XMLParser:
    """The parser every EML file goes through (also what benchmarks compare with)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        remove_comments=False,
        collect_ids=False,
    )


def checked_size(path: Path, limit: int = MAX_BYTES) -> int:
    """The size a file says it has, once it is known to exist, be a file and be small enough.

    Raises:
        EmlError: missing, unreadable, a folder, or larger than ``limit``.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise EmlError(str(path), "bestand bestaat niet") from None
    except OSError as error:
        raise EmlError(
            str(path), f"bestand is niet te lezen ({os_reason(error, Action.READ_FILE)})"
        ) from None
    if path.is_dir():
        raise EmlError(str(path), "dit is een map, geen EML-bestand")
    if size > limit:
        raise EmlError(path.name, f"bestand is te groot ({size} bytes; de grens is {limit} bytes)")
    return size


def read_file(path: Path, *, limit: int = MAX_BYTES) -> bytes:
    """Read a file's bytes with a clear Dutch error for each way it can fail.

    Raises:
        EmlError: missing, unreadable, a folder, or larger than ``limit``.
    """
    source = path.name
    size = checked_size(path, limit)
    try:
        with path.open("rb") as handle:
            data = _read_bounded(handle, size, limit)
    except OSError as error:
        raise EmlError(
            str(path), f"bestand is niet te lezen ({os_reason(error, Action.READ_FILE)})"
        ) from None
    if len(data) > limit:
        raise EmlError(source, f"bestand is te groot (meer dan {limit} bytes)")
    return data


_DECLARED_ENCODING = re.compile(
    rb"""<\?xml[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']"""
)
"""The encoding an XML declaration names (EML_NL allows only UTF-8)."""


MAX_TAGS = 20_000_000
"""Most tags (start, end and empty) a file may hold: a real 256 MB count has about 17 million."""

MIN_BYTES_PER_TAG = 8
"""Real EML files have 15 to 55 bytes per tag; a file much denser is a flood of empty elements."""


def _check_markup_count(data: bytes, source: str) -> None:
    """Refuse a flood of elements before the parser builds a tree of them.

    A 240 MB file of ``<a/>`` is under the size limit but would become 60 million
    nodes (16 GB). Real files (see ../shared/docs/eml.md section 8) have at least 15
    bytes per tag, so a file with more than MAX_TAGS tags, or (beyond a small file)
    fewer than MIN_BYTES_PER_TAG bytes per tag, is refused; counting is one C pass.
    """
    tags = data.count(b"<")
    if tags > MAX_TAGS or tags > len(data) // MIN_BYTES_PER_TAG + 100_000:
        raise EmlError(
            source,
            f"het bestand bevat {tags} elementtags in {len(data)} bytes; zoveel elementen "
            "heeft geen echt EML-bestand en ze worden niet ingelezen (te veel geheugen)",
        )


def _read_bounded(handle: BinaryIO, size: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes, without a buffer of the limit's size up front.

    ``read(limit + 1)`` would allocate 256 MB for every small file; a file that
    says its size is read in one go, a pipe or special file (size 0) in chunks.
    """
    if size > 0:
        first = handle.read(min(size, limit) + 1)
        if len(first) <= size:
            return first
        chunks = [first]
        total = len(first)
    else:
        chunks, total = [], 0
    while total <= limit:
        chunk = handle.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


HEAD_BYTES = 4096
"""How much of the start of a file :func:`check_start` looks at."""


def check_start(head: bytes, source: str) -> None:
    """Refuse a file whose first HEAD_BYTES bytes show it is not UTF-8.

    Raises:
        EmlError: UTF-16 (a byte-order mark or a NUL byte) or another declared encoding.
    """
    head = head.lstrip()
    if head[:2] in {b"\xff\xfe", b"\xfe\xff"} or head[:1] == b"\x00":
        raise EmlError(source, "het bestand is geen UTF-8 (EML_NL is altijd UTF-8)")
    declared = _DECLARED_ENCODING.match(head)
    if declared is not None and declared.group(1).lower() not in {b"utf-8", b"utf8"}:
        raise EmlError(
            source,
            f"het bestand zegt dat het in {declared.group(1).decode('ascii')} is geschreven; "
            "EML_NL is altijd UTF-8 (sla het bestand op als UTF-8)",
            1,
        )


def declaration_refused(source: str, line: int) -> EmlError:
    """The refusal of a file with a DOCTYPE or ENTITY declaration (XXE, billion laughs)."""
    return EmlError(
        source,
        "het bestand bevat een DOCTYPE- of ENTITY-declaratie; die horen niet in EML_NL "
        "en worden om veiligheidsredenen geweigerd",
        line,
    )


def parse_bytes(data: bytes, source: str) -> etree._ElementTree:
    """Parse EML bytes; refuse DTDs, entities, deep nesting and broken XML.

    Raises:
        EmlError: with the line number where parsing failed.
    """
    # isspace() stops at the first other byte; strip() would copy the whole file.
    if not data or data.isspace():
        raise EmlError(source, "het bestand is leeg")
    check_start(data[:HEAD_BYTES], source)
    _check_markup_count(data, source)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        line = data[: max(data.find(b"<!DOCTYPE"), data.find(b"<!ENTITY"), 0)].count(b"\n") + 1
        raise declaration_refused(source, line)
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser()))
    except etree.XMLSyntaxError as error:
        raise EmlError(
            source, f"geen geldige XML ({_dutch_syntax(error)})", error.lineno or None
        ) from None
    return tree


def parse_file(path: Path) -> etree._ElementTree:
    """Read and parse an EML file safely (see :func:`parse_bytes`)."""
    return parse_bytes(read_file(path), path.name)


def _dutch_syntax(error: etree.XMLSyntaxError) -> str:
    """A short Dutch explanation of the most common libxml2 parse errors."""
    return dutch_syntax(str(error.msg or ""))


def dutch_syntax(text: str) -> str:
    """A short Dutch explanation of a libxml2 parse error's message."""
    table = (
        ("Premature end of data", "het bestand houdt midden in een element op"),
        ("EndTag", "een eindtag ontbreekt of klopt niet"),
        ("Opening and ending tag mismatch", "begin- en eindtag passen niet bij elkaar"),
        ("Document is empty", "het bestand is leeg"),
        ("Start tag expected", "het bestand begint niet met een XML-element"),
        ("Input is not proper UTF-8", "het bestand is geen geldige UTF-8-tekst"),
        ("Invalid bytes in character encoding", "het bestand is geen geldige UTF-8-tekst"),
        ("Extra content at the end", "er staat tekst na het laatste element"),
        ("Namespace prefix", "een namespace-voorvoegsel is niet gedeclareerd"),
        ("Couldn't find end of Start Tag", "een begintag is niet afgesloten"),
        ("Excessive depth", "de elementen zijn te diep genest"),
        ("internal error: Huge input lookup", "het bestand is te groot of te diep genest"),
    )
    for english, dutch in table:
        if english.lower() in text.lower():
            return dutch
    return "de XML-structuur klopt niet"
