"""The pages of a document already drawn, made portable so the print file can reuse them.

The print file (``alles_afdrukken.pdf``) holds the same pages as the separate
documents. Laying every story out a second time cost as much as the first time
(ADR 0138). A page's content stream depends on its document in only two ways:
the PDF name of each font (``/F2`` in one file, ``/F3`` in another, in the order
of first use) and the byte each non-ASCII letter gets in the embedded font
subset (also assigned in the order of first use). :func:`portable_pages` turns a
page's drawing operators into parts that name the font and carry the text itself;
:func:`materialize` writes them into another document, asking reportlab for the
names and bytes in the same order a fresh layout would, so the bytes of the print
file stay the same.

Anything else that ties a page to its document (transparency, images, colour
spaces, a second font subset) makes :func:`portable_pages` return ``None``, and
the print file is then laid out again as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kandidaat.documents._rl import Canvas, pdfmetrics

__all__ = ["Mismatch", "Part", "materialize", "portable_pages"]

_TOKEN = re.compile(r"\((?:\\.|[^\\()])*\)|/[^\s/\[\]()<>{}%]+|\bBT\b")
"""A string literal (escapes included), a PDF name, or the start of a text object."""
_FONT_NAME = re.compile(r"/F(\d+)(?:\+(\d+))?")
_ESCAPE = re.compile(r"\\([0-7]{3}|.)", re.DOTALL)
_SIMPLE = {"n": 10, "r": 13, "t": 9, "b": 8, "f": 12}


class Mismatch(Exception):  # noqa: N818 - an internal signal, never shown to a user
    """The target document would encode a recorded text differently: lay it out again."""


@dataclass(frozen=True, slots=True)
class _FontRef:
    font: str
    subset: int | None
    """The TrueType subset, or ``None`` for a font without subsets (reportlab's Type 1)."""


@dataclass(frozen=True, slots=True)
class _Text:
    font: str
    text: str


Part = str | _FontRef | _Text
"""Drawing operators as written, a font name to look up, or text to encode."""


def portable_pages(canvas: Canvas, bodies: list[list[str]]) -> tuple[tuple[Part, ...], ...] | None:
    """The drawing operators of each page in ``bodies`` (drawn on ``canvas``), portable.

    ``None`` when a page uses something else that belongs to its document.
    """
    doc = canvas._doc  # noqa: SLF001 - reportlab keeps the document on the canvas
    by_name = {name: font for font, name in doc.fontMapping.items()}
    refs: dict[str, _FontRef] = {}
    try:
        return tuple(_portable("\n".join(body), by_name, refs, doc) for body in bodies)
    except Mismatch:
        return None


def _portable(
    page: str, by_name: dict[str, str], refs: dict[str, _FontRef], doc: object
) -> tuple[Part, ...]:
    """One page's operators (joined as reportlab joins them into the stream), portable."""
    parts: list[Part] = []
    current: _FontRef | None = None
    start = 0
    for match in _TOKEN.finditer(page):
        token = match.group()
        if token == "BT":  # noqa: S105 - the PDF operator, not a password
            current = None  # every text object of a TrueType font sets its font first
            continue
        if token[0] == "(":
            if "\\" not in token:
                continue  # printable ASCII: the same bytes in every document
            if current is None or current.subset is None:
                raise Mismatch(token)
            part: Part = _Text(current.font, _decode(token, current, doc))
        else:
            current = refs.get(token)
            if current is None:
                current = refs[token] = _font_ref(token, by_name)
            part = current
        if match.start() > start:
            parts.append(page[start : match.start()])
        parts.append(part)
        start = match.end()
    parts.append(page[start:])
    return tuple(parts)


def _font_ref(token: str, by_name: dict[str, str]) -> _FontRef:
    found = _FONT_NAME.fullmatch(token)
    if found is None:
        raise Mismatch(token)
    font = by_name.get(f"/F{found.group(1)}")
    if font is None:
        raise Mismatch(token)
    face = pdfmetrics.getFont(font)
    dynamic = bool(face._dynamicFont)  # noqa: SLF001 - reportlab's flag
    subset = found.group(2)
    if dynamic != (subset is not None) or (subset is not None and subset != "0"):
        raise Mismatch(token)  # a second subset: its bytes depend on more than the text
    if dynamic and not face._asciiReadable:  # noqa: SLF001 - reportlab's flag
        raise Mismatch(token)  # ASCII is then not the same bytes in every document
    return _FontRef(font, 0 if dynamic else None)


def _decode(token: str, ref: _FontRef, doc: object) -> str:
    """The text behind a literal of ``ref``'s subset 0 in ``doc``."""
    raw = _ESCAPE.sub(_unescape, token[1:-1])
    codes = pdfmetrics.getFont(ref.font).state[doc].subsets[0]
    try:
        return "".join(chr(codes[ord(byte)]) for byte in raw)
    except IndexError as error:
        raise Mismatch(token) from error


def _unescape(match: re.Match[str]) -> str:
    value = match.group(1)
    if len(value) == 3:  # an octal escape
        return chr(int(value, 8))
    return chr(_SIMPLE[value]) if value in _SIMPLE else value


def materialize(parts: tuple[Part, ...], canvas: Canvas, names: dict[str, str]) -> str:
    """``parts`` as drawing operators of ``canvas``'s document, as a fresh layout writes them.

    ``names`` holds the PDF name of each font in that document, filled on first use.
    Raises :class:`Mismatch` when a text would not land in subset 0 there.
    """
    doc = canvas._doc  # noqa: SLF001 - reportlab keeps the document on the canvas
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, _FontRef):
            name = names.get(part.font)
            if name is None:
                name = names[part.font] = _register(part, doc)
            out.append(name)
        else:
            chunks = pdfmetrics.getFont(part.font).splitString(part.text, doc)
            if len(chunks) != 1 or chunks[0][0] != 0:
                raise Mismatch(part.text)
            out.append(f"({canvas._escape(chunks[0][1])})")  # noqa: SLF001 - reportlab's escape
    return "".join(out)


def _register(ref: _FontRef, doc: Any) -> str:  # noqa: ANN401 - reportlab's document
    font = pdfmetrics.getFont(ref.font)
    if ref.subset is None:
        return str(doc.getInternalFontName(ref.font))
    # A fresh layout meets the text before the name: the font's state starts from the text.
    font.splitString("", doc)
    return f"{font.getSubsetInternalName(0, doc)}"
