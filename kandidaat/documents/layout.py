"""Page layout shared by all models: styles, blocks, footer, concept mark, PDF output.

Every page carries a footer with the document name, "pagina x van y", the
application version and the hash code of the EML file the document belongs to
(the list's 210, or the 520 of a result), named by its kind.
When the documents are a concept, a diagonal "CONCEPT - niet inleveren" crosses
every page. Output is deterministic: reportlab's invariant mode, the creation
date from the context, no clock, no random identifiers.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from kandidaat.documents import _replay
from kandidaat.documents._rl import (
    A4,
    TA_RIGHT,
    BaseDocTemplate,
    Canvas,
    Flowable,
    Frame,
    LayoutError,
    PageBreak,
    PageTemplate,
    Paragraph,
    ParagraphStyle,
    Spacer,
    Table,
    TableStyle,
    colors,
    mm,
    stringWidth,
)
from kandidaat.documents.fonts import FontNames, register_fonts
from kandidaat.domain.errors import InputError

if TYPE_CHECKING:
    from datetime import date

    from kandidaat.documents.context import RenderContext

__all__ = [
    "CONCEPT_MARK",
    "Drawn",
    "Story",
    "Styles",
    "boxes",
    "build_pdf",
    "build_print_file",
    "build_single",
    "checkbox_lines",
    "field_rows",
    "header",
    "hint",
    "keep_together",
    "para",
    "render_single",
    "section",
    "signature_block",
    "styles",
    "table",
]

CONCEPT_MARK = "CONCEPT - niet inleveren"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 24 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
LINE_COLOR = colors.Color(0.35, 0.35, 0.35)
BAND_COLOR = colors.Color(0.88, 0.88, 0.88)


_NO_PADDING = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
)


@dataclass(frozen=True, slots=True)
class Styles:
    """The paragraph styles of the models (DejaVu Sans, sizes as on the Kiesraad forms)."""

    fonts: FontNames
    model: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    hint: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle


@cache
def styles() -> Styles:
    """The styles, after registering the embedded font."""
    fonts = register_fonts()
    base = ParagraphStyle("body", fontName=fonts.regular, fontSize=9.5, leading=12.5)
    return Styles(
        fonts=fonts,
        model=ParagraphStyle(
            "model", parent=base, fontName=fonts.bold, fontSize=10, alignment=TA_RIGHT
        ),
        title=ParagraphStyle(
            "title", parent=base, fontName=fonts.bold, fontSize=15, leading=19, spaceAfter=2
        ),
        subtitle=ParagraphStyle("subtitle", parent=base, fontSize=10.5, leading=14),
        section=ParagraphStyle("section", parent=base, fontName=fonts.bold, fontSize=10.5),
        body=base,
        small=ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        hint=ParagraphStyle(
            "hint", parent=base, fontSize=8, leading=10.5, textColor=colors.Color(0.3, 0.3, 0.3)
        ),
        cell=ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        cell_head=ParagraphStyle(
            "cell_head", parent=base, fontName=fonts.bold, fontSize=8.5, leading=10.5
        ),
    )


def para(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain text (escaped: names may hold "&" or "<")."""
    return Paragraph(escape(text), style or styles().body)


CELL_PADDING = 6
"""reportlab's default left and right padding of a table cell (points)."""


def _cell(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """Plain text when it fits on one line (fast), else a wrapping paragraph."""
    fits = stringWidth(text, style.fontName, style.fontSize) <= width - 2 * CELL_PADDING - 1
    return text if fits and "\n" not in text else para(text, style)


def hint(text: str) -> Paragraph:
    """An explanation in small grey type, as the "toelichting" on the models."""
    return para(text, styles().hint)


def header(model: str, title: str, subtitle: str) -> list[Flowable]:
    """Model number at the top right, the title and what the document is for."""
    return [
        para(f"Model {model}" if model else "", styles().model),
        para(title, styles().title),
        para(subtitle, styles().subtitle),
        Spacer(1, 3 * mm),
    ]


def section(number: str, title: str) -> Flowable:
    """A numbered section heading on a grey band, kept with what follows."""
    label = f"{number}. {title}" if number else title
    band = Table(
        [[para(label, styles().section)]],
        colWidths=[CONTENT_WIDTH],
        spaceBefore=2.5 * mm,
        spaceAfter=1.5 * mm,
    )
    band.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BAND_COLOR),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ]
        )
    )
    band.keepWithNext = 1
    return band


def field_rows(
    rows: Sequence[tuple[str, str]],
    label_width: float = 50 * mm,
    width: float = CONTENT_WIDTH,
) -> Table:
    """Label and value rows; an empty value is a line to fill in by hand."""
    style = styles()
    value_width = width - label_width
    data = [
        [_cell(label, style.small, label_width), _cell(value, style.body, value_width)]
        for label, value in rows
    ]
    result = Table(data, colWidths=[label_width, value_width])
    result.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), style.fonts.regular, style.small.fontSize),
                ("FONT", (1, 0), (1, -1), style.fonts.regular, style.body.fontSize),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.5, LINE_COLOR),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return result


def table(
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    min_rows: int = 0,
) -> Table:
    """A ruled table with a repeated header row; cells wrap, never overflow.

    ``min_rows`` adds empty rows to fill in by hand.
    """
    style = styles()
    scale = CONTENT_WIDTH / sum(widths)
    col_widths = [w * scale for w in widths]
    data: list[list[Any]] = [[para(text, style.cell_head) for text in head]]
    data.extend(
        [_cell(text, style.cell, width) for text, width in zip(row, col_widths, strict=True)]
        for row in rows
    )
    data.extend([[""] * len(head) for _ in range(max(0, min_rows - len(rows)))])
    blank = max(0, min_rows - len(rows))
    heights: list[float | None] = [None] * (len(rows) + 1) + [7 * mm] * blank
    result = Table(data, colWidths=col_widths, rowHeights=heights, repeatRows=1)
    result.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), style.fonts.regular, style.cell.fontSize),
                ("LEADING", (0, 1), (-1, -1), style.cell.leading),
                ("GRID", (0, 0), (-1, -1), 0.5, LINE_COLOR),
                ("BACKGROUND", (0, 0), (-1, 0), BAND_COLOR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return result


def checkbox_lines(items: Sequence[str], *, checked: Sequence[bool] = ()) -> Table:
    """Items with a square to tick by hand (or printed ticked)."""
    style = styles()
    data = []
    for index, item in enumerate(items):
        mark = "☒" if index < len(checked) and checked[index] else "☐"
        data.append([para(mark, style.body), para(item, style.body)])
    result = Table(data, colWidths=[7 * mm, CONTENT_WIDTH - 7 * mm])
    result.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        )
    )
    return result


def signature_block(
    who: str,
    *,
    place: bool = True,
    words: tuple[str, str, str] = ("Plaats", "Datum", "Handtekening"),
) -> Table:
    """Room for a handwritten signature and the date (and place), on one row.

    ``words`` are the labels for place, date and signature (Frisian models, ADR 0131).
    """
    style = styles()
    place_word, date_word, signature_word = words
    left_rows = [(place_word, ""), (date_word, "")] if place else [(date_word, "")]
    left = field_rows(left_rows, label_width=16 * mm, width=72 * mm)
    box = Table(
        [[para(f"{signature_word} {who}", style.hint)], [""]],
        colWidths=[CONTENT_WIDTH - 78 * mm],
        rowHeights=[5 * mm, 19 * mm],
    )
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, LINE_COLOR)]))
    body = Table([[left, box]], colWidths=[78 * mm, CONTENT_WIDTH - 78 * mm])
    body.setStyle(_NO_PADDING)
    return body


def keep_together(flowables: Sequence[Flowable]) -> Table:
    """Flowables that stay on one page (one table cell: nests, unlike KeepTogether)."""
    result = Table([[list(flowables)]], colWidths=[CONTENT_WIDTH])
    result.setStyle(_NO_PADDING)
    return result


@dataclass(frozen=True, slots=True)
class Story:
    """One document: its model, title, footer name and how to build its content.

    ``build`` makes fresh flowables on each call (reportlab flowables keep
    layout state, so the combined print file builds them again).
    """

    model: str
    title: str
    label: str
    list_key: str
    filename: str
    build: Callable[[], list[Flowable]]
    hash_label: str = "EML 210"
    """The file whose hash code the footer prints: the list's 210, a result's 520."""
    page_words: str = "pagina {page} van {total}"
    """The page number in the footer ("side {page} fan {total}" on a Frisian model)."""


@dataclass(frozen=True, slots=True)
class _DocInfo:
    index: int
    label: str
    hash_code: str
    version: str
    concept: bool
    hash_label: str = "EML 210"
    page_words: str = "pagina {page} van {total}"


class _Marker(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """Zero-size flowable that tells the canvas which document starts here."""

    def __init__(self, info: _DocInfo) -> None:
        super().__init__()
        self.info = info

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        del available_width, available_height
        return (0, 0)

    def draw(self) -> None:
        self.canv.kandidaat_doc = self.info


class _ReplayPage(Flowable):  # type: ignore[misc]  # reportlab ships no type information
    """Zero-size flowable that writes a page drawn before (and names its document)."""

    def __init__(self, parts: tuple[_replay.Part, ...], info: _DocInfo | None) -> None:
        super().__init__()
        self.parts = parts
        self.info = info

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        del available_width, available_height
        return (0, 0)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - reportlab's names
        del x, y, _sW
        if self.info is not None:
            canvas.kandidaat_doc = self.info
        canvas._code.append(_replay.materialize(self.parts, canvas, canvas.kandidaat_font_names))  # noqa: SLF001 - the page's operators


class _FormCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type information
    """Keeps the pages until the end, then draws footers with "pagina x van y"."""

    kandidaat_record = False
    """Keep the pages portable for the print file (:class:`_RecordingCanvas`)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.kandidaat_doc: _DocInfo | None = None
        self.kandidaat_pages: list[dict[str, Any]] = []
        self.kandidaat_totals: list[int] = []
        self.kandidaat_bodies: list[list[str]] = []
        """Each page's operators before its footer (reused by the print file)."""
        self.kandidaat_font_names: dict[str, str] = {}
        self.kandidaat_data = b""
        self.kandidaat_portable: tuple[tuple[_replay.Part, ...], ...] | None = None

    def showPage(self) -> None:  # noqa: N802 - reportlab's method name
        self.kandidaat_pages.append(dict(self.__dict__))
        if self.kandidaat_record:
            self.kandidaat_bodies.append(list(self._code))
        self._startPage()

    def save(self) -> None:
        pages = self.kandidaat_pages
        totals: dict[int, int] = {}
        for state in pages:
            info = state["kandidaat_doc"]
            totals[info.index] = totals.get(info.index, 0) + 1
        seen: dict[int, int] = {}
        for state in pages:
            self.__dict__.update(state)
            info = state["kandidaat_doc"]
            seen[info.index] = seen.get(info.index, 0) + 1
            if info.concept:
                _draw_concept_mark(self)
            _draw_footer(self, info, seen[info.index], totals[info.index])
            Canvas.showPage(self)
        self.kandidaat_totals = [totals[index] for index in sorted(totals)]
        if self.kandidaat_record:
            # Before saving: reportlab forgets the font subsets of a saved document.
            self.kandidaat_portable = _replay.portable_pages(self, self.kandidaat_bodies)
        Canvas.save(self)


class _RecordingCanvas(_FormCanvas):
    """A form canvas that keeps its pages portable for the print file (ADR 0138)."""

    kandidaat_record = True


def _draw_footer(canvas: Canvas, info: _DocInfo, page: int, total: int) -> None:
    fonts = styles().fonts
    canvas.saveState()
    canvas.setStrokeColor(LINE_COLOR)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, 17 * mm, PAGE_WIDTH - MARGIN_X, 17 * mm)
    canvas.setFillColor(colors.black)
    canvas.setFont(fonts.bold, 7.5)
    canvas.drawString(MARGIN_X, 13 * mm, _fit(info.label, fonts.bold, 7.5, CONTENT_WIDTH - 35 * mm))
    pages = info.page_words.format(page=page, total=total)
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, 13 * mm, pages)
    canvas.setFont(fonts.regular, 7)
    canvas.drawString(MARGIN_X, 9 * mm, f"Hashcode {info.hash_label}: {info.hash_code}")
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, 9 * mm, f"kandidaat {info.version}")
    canvas.restoreState()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten ``text`` with "..." until it fits ``width`` (footer labels only)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "...", font, size) > width:
        text = text[:-1]
    return text + "..."


def _draw_concept_mark(canvas: Canvas) -> None:
    fonts = styles().fonts
    diagonal = math.hypot(PAGE_WIDTH, PAGE_HEIGHT)
    size = 60.0
    width = stringWidth(CONCEPT_MARK, fonts.bold, size)
    size *= min(1.0, 0.62 * diagonal / width)
    canvas.saveState()
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(math.degrees(math.atan2(PAGE_HEIGHT, PAGE_WIDTH)))
    canvas.setFillColor(colors.Color(0.85, 0.1, 0.1, alpha=0.28))
    canvas.setFont(fonts.bold, size)
    canvas.drawCentredString(0, -size / 3, CONCEPT_MARK)
    canvas.restoreState()


class _Template(BaseDocTemplate):  # type: ignore[misc]  # reportlab ships no type information
    def __init__(self, target: io.BytesIO, title: str, version: str, created: date) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author="kandidaat",
            subject="Kandidaatstelling",
            creator=f"kandidaat {version}",
            invariant=1,
        )
        self.created = created
        frame = Frame(
            MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="f"
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def beforeDocument(self) -> None:  # noqa: N802 - reportlab's hook name
        stamp = self.created
        self.canv.setDateFormatter(
            lambda *_: f"D:{stamp.year:04d}{stamp.month:02d}{stamp.day:02d}000000+00'00'"
        )


def build_pdf(
    stories: Sequence[Story],
    *,
    hashes: Sequence[str],
    version: str,
    created: date,
    concept: bool,
    title: str,
) -> tuple[bytes, list[int]]:
    """Render ``stories`` into one PDF; each starts on a new page with its own numbering.

    Returns the PDF and the number of pages of each story.
    """
    flowables: list[Flowable] = []
    for index, story in enumerate(stories):
        if index:
            flowables.append(PageBreak())
        info = _DocInfo(
            index, story.label, hashes[index], version, concept, story.hash_label, story.page_words
        )
        flowables.append(_Marker(info))
        flowables.extend(story.build())
    canvas = _build(flowables, title, version, created)
    return canvas.kandidaat_data, list(canvas.kandidaat_totals)


def _build(
    flowables: list[Flowable],
    title: str,
    version: str,
    created: date,
    canvas_class: type[_FormCanvas] = _FormCanvas,
) -> _FormCanvas:
    target = io.BytesIO()
    template = _Template(target, title, version, created)
    try:
        template.build(flowables, canvasmaker=canvas_class)
    except LayoutError as error:
        raise InputError(
            f"{title}: een onderdeel past niet op één pagina; maak de te lange tekst korter "
            "(naam, adres of aanduiding)."
        ) from error
    canvas: _FormCanvas = template.canv
    canvas.kandidaat_data = target.getvalue()
    return canvas


@dataclass(frozen=True, slots=True)
class Drawn:
    """One document written on its own, its pages kept for the print file (ADR 0138)."""

    data: bytes
    pages: int
    story: Story
    hash_code: str
    portable: tuple[tuple[_replay.Part, ...], ...] | None
    """Each page's operators without the footer; ``None`` when they cannot be reused."""


def build_single(
    story: Story, *, hash_code: str, version: str, created: date, concept: bool, title: str
) -> Drawn:
    """``build_pdf`` of one story, keeping its pages for :func:`build_print_file`."""
    info = _DocInfo(0, story.label, hash_code, version, concept, story.hash_label, story.page_words)
    canvas = _build([_Marker(info), *story.build()], title, version, created, _RecordingCanvas)
    [pages] = canvas.kandidaat_totals
    return Drawn(canvas.kandidaat_data, pages, story, hash_code, canvas.kandidaat_portable)


def build_print_file(
    drawn: Sequence[Drawn], *, version: str, created: date, concept: bool, title: str
) -> bytes:
    """The same bytes as ``build_pdf`` of every story in ``drawn``, without laying them out again.

    The pages drawn for the separate files are written into the print file (ADR 0138);
    when one of them cannot be reused, every story is laid out again.
    """
    if all(item.portable is not None for item in drawn):
        flowables: list[Flowable] = []
        for index, item in enumerate(drawn):
            story = item.story
            info = _DocInfo(
                index,
                story.label,
                item.hash_code,
                version,
                concept,
                story.hash_label,
                story.page_words,
            )
            for number, parts in enumerate(item.portable or ()):
                if index or number:
                    flowables.append(PageBreak())
                flowables.append(_ReplayPage(parts, None if number else info))
        try:
            return _build(flowables, title, version, created).kandidaat_data
        except _replay.Mismatch:
            pass  # a text lands elsewhere in the print file's font subset: lay out again
    data, _ = build_pdf(
        [item.story for item in drawn],
        hashes=[item.hash_code for item in drawn],
        version=version,
        created=created,
        concept=concept,
        title=title,
    )
    return data


def boxes(labels: Sequence[str], height_mm: float = 20) -> Table:
    """Side-by-side boxes for a signature and a stamp."""
    width = CONTENT_WIDTH / len(labels)
    data = [[para(label, styles().hint) for label in labels], [""] * len(labels)]
    result = Table(data, colWidths=[width] * len(labels), rowHeights=[5 * mm, height_mm * mm])
    commands: list[tuple[Any, ...]] = [
        ("BOX", (column, 0), (column, 1), 0.8, LINE_COLOR) for column in range(len(labels))
    ]
    result.setStyle(TableStyle(commands))
    return result


def render_single(story: Story, hash_code: str, context: RenderContext) -> bytes:
    """One document as PDF bytes, with the footer of its list."""
    data, _ = build_pdf(
        [story],
        hashes=[hash_code],
        version=context.app_version,
        created=context.created,
        concept=context.concept,
        title=story.label,
    )
    return data
