"""The verzuimbrief: the centraal stembureau's letter to the submitter of one list.

Kieswet art. I 2 (geldend op 2026-01-01): when the examination (I 1) finds
omissions, the centraal stembureau tells the submitter (inleveraar) of the list
and gives the occasion to repair them within the repair period (I 2 lid 2).
The letter names, per omission, where it is (the list, a kieskring, the
appellation or a candidate), what is wrong, how to repair it, what follows
when it is not repaired (I 5, I 6) and the article; then the last day and the
place of repair, and room for the chair's signature. OSV2020 calls it model
OSV 2-1; the Kiesraad's e-KS has one as well. Our own text.

This module holds no rules: ``app/`` chooses the omissions, computes the repair
deadline and writes the consequence sentences; this module only lays them out.
Deterministic bytes: the letter's date is the document's date, never the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from kandidaat.documents._rl import Paragraph, Spacer, Table, TableStyle, mm
from kandidaat.documents.layout import (
    CONTENT_WIDTH,
    LINE_COLOR,
    Story,
    build_pdf,
    header,
    keep_together,
    para,
    section,
    styles,
)
from kandidaat.documents.text import long_date, numeric_date
from kandidaat.domain.nomination.model import Submitter

if TYPE_CHECKING:
    from kandidaat.documents._rl import Flowable

__all__ = ["MODEL", "LetterOmission", "OmissionLetter", "render_verzuimbrief", "story"]

MODEL = "OSV 2-1"
HASH_LABEL = "EML 210"
"""The footer carries the hash code of the list's EML 210, as the H 1 prints it."""
_LABEL_WIDTH = 42 * mm
_SIGNATURE_WIDTH = 90 * mm
_BLANK_LINE = "...................................................."


@dataclass(frozen=True, slots=True)
class LetterOmission:
    """One omission as the letter prints it; every text is already Dutch.

    ``where`` names the list, a kieskring, the appellation or a candidate;
    ``repair`` is empty when the omission cannot be repaired;
    ``consequence`` is a sentence ("De kandidaat wordt van de lijst geschrapt.").
    """

    number: int
    where: str
    text: str
    repair: str
    consequence: str
    article: str
    note: str = ""

    @property
    def recoverable(self) -> bool:
        """True when the submitter can still repair it."""
        return bool(self.repair)


@dataclass(frozen=True, slots=True)
class OmissionLetter:
    """What the verzuimbrief prints.

    ``election`` is the phrase after "Centraal stembureau voor" ("de verkiezing
    van de leden van ... op ..."); ``submitter`` the inleveraar from the list
    (None: a line to fill in); ``substitutes`` the names of the vervangers;
    ``place`` where the repair is handed in, as the committee typed it;
    ``hash_code`` the hash code of the list's EML 210; the articles are those
    of the examination, the repair period and the public session.
    """

    election: str
    day: date
    submission: int
    appellation: str
    submitter: Submitter | None
    substitutes: tuple[str, ...]
    omissions: tuple[LetterOmission, ...]
    repair_end: date
    place: str
    hash_code: str
    examination_article: str = "Kieswet I 1"
    repair_article: str = "Kieswet I 2 lid 2"
    session_article: str = "Kieswet I 4"
    """The articles the letter cites (the Eerste Kamer has its own: S 1, S 1 lid 4, S 2)."""

    @property
    def list_name(self) -> str:
        """How the letter names the list: 'de lijst "Partij X"' or 'de blanco lijst'."""
        return f"de lijst “{self.appellation}”" if self.appellation else "de blanco lijst"


def _labelled(rows: list[tuple[str, str]]) -> Table:
    """Label and value rows without rules (the letter is printed, not filled in)."""
    style = styles()
    data = [[para(label, style.small), para(value, style.body)] for label, value in rows if value]
    result = Table(data, colWidths=[_LABEL_WIDTH, CONTENT_WIDTH - _LABEL_WIDTH])
    result.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return result


def _bold(text: str) -> Paragraph:
    return para(text, styles().cell_head)


def _addressee(letter: OmissionLetter) -> list[Flowable]:
    submitter = letter.submitter
    if submitter is None:
        lines = ["De inleveraar van de kandidatenlijst", _BLANK_LINE, _BLANK_LINE]
    else:
        lines = [submitter.ballot_name, *submitter.address.lines()]
    body = styles().body
    text = "<br/>".join(escape(line) for line in lines)
    return [Paragraph(text, body), Spacer(1, 6 * mm)]


def _omission_block(omission: LetterOmission) -> Flowable:
    if omission.recoverable:
        rows = [
            ("Verzuim", omission.text),
            ("Toelichting", omission.note),
            ("Zo herstelt u het", omission.repair),
            ("Als het niet is hersteld", omission.consequence),
            ("Artikel", omission.article),
        ]
    else:
        rows = [
            ("Verzuim", omission.text),
            ("Toelichting", omission.note),
            ("Gevolg", omission.consequence),
            ("Artikel", omission.article),
        ]
    return keep_together(
        [
            _bold(f"Verzuim {omission.number}: {omission.where}"),
            _labelled(rows),
            Spacer(1, 2.5 * mm),
        ]
    )


def _opening(letter: OmissionLetter) -> list[Flowable]:
    subject = f"Verzuimen bij {letter.list_name} (inlevering {letter.submission})"
    return [
        _labelled(
            [
                ("Datum", long_date(letter.day)),
                ("Betreft", subject),
                ("Inlevering", str(letter.submission)),
            ]
        ),
        Spacer(1, 5 * mm),
        para("Geachte heer, mevrouw,"),
        Spacer(1, 2 * mm),
        para(
            "Het centraal stembureau heeft de kandidatenlijsten onderzocht "
            f"({letter.examination_article}). "
            f"Bij {letter.list_name}, die u hebt ingeleverd, heeft het de verzuimen gevonden "
            "die hieronder staan. Elk verzuim heeft een nummer; noem dat nummer als u het "
            "herstelt."
        ),
    ]


def _repair_text(letter: OmissionLetter, count: int) -> list[Flowable]:
    weekday = long_date(letter.repair_end).partition(" ")[0]
    deadline = f"{weekday} {numeric_date(letter.repair_end)}"
    who = "de inleveraar van de lijst of een van de vervangers die op de lijst staan"
    if letter.substitutes:
        who += f" ({', '.join(letter.substitutes)})"
    what = "het verzuim" if count == 1 else "de verzuimen"
    return [
        section("", "Herstel: waar en wanneer"),
        para(
            f"U kunt {what} herstellen uiterlijk op {deadline} ({letter.repair_article}). "
            f"Het herstel gebeurt bij het centraal stembureau: {letter.place}. "
            f"Herstellen kan {who}."
        ),
        Spacer(1, 2 * mm),
        para(
            "Wat na die dag niet is hersteld, heeft het gevolg dat bij het verzuim staat. Het "
            "centraal stembureau beslist daarover in de openbare zitting over de geldigheid en "
            f"de nummering van de lijsten ({letter.session_article})."
        ),
    ]


def _closing(letter: OmissionLetter) -> list[Flowable]:
    """The greeting and a box for the chair's signature, kept on one page."""
    box = Table(
        [[para("Handtekening van de voorzitter", styles().hint)], [""]],
        colWidths=[_SIGNATURE_WIDTH],
        rowHeights=[5 * mm, 22 * mm],
        hAlign="LEFT",
    )
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, LINE_COLOR)]))
    return [
        Spacer(1, 5 * mm),
        keep_together(
            [
                para("Hoogachtend,"),
                para(f"het centraal stembureau voor {letter.election},"),
                Spacer(1, 3 * mm),
                box,
            ]
        ),
    ]


def story(letter: OmissionLetter) -> Story:
    """The verzuimbrief for one submission as one document."""
    title = "Centraal stembureau"
    subtitle = f"voor {letter.election}"
    recoverable = [o for o in letter.omissions if o.recoverable]
    final = [o for o in letter.omissions if not o.recoverable]

    def build() -> list[Flowable]:
        flowables: list[Flowable] = [
            *header(MODEL, title, subtitle),
            Spacer(1, 4 * mm),
            *_addressee(letter),
            *_opening(letter),
        ]
        if recoverable:
            flowables.append(section("", "Verzuimen die u kunt herstellen"))
            flowables.extend(_omission_block(o) for o in recoverable)
            flowables.extend(_repair_text(letter, len(recoverable)))
        if final:
            flowables.append(section("", "Verzuimen die niet kunnen worden hersteld"))
            flowables.append(
                para(
                    "Deze verzuimen kunnen niet worden hersteld; het gevolg staat vast. Ze staan "
                    "hier zodat u weet wat er met de lijst gebeurt."
                )
            )
            flowables.append(Spacer(1, 2 * mm))
            flowables.extend(_omission_block(o) for o in final)
        flowables.extend(_closing(letter))
        return flowables

    shown = letter.appellation or "blanco lijst"
    return Story(
        MODEL,
        "Verzuimbrief",
        f"Verzuimbrief - inlevering {letter.submission} ({shown})",
        "",
        f"verzuimbrief_inlevering_{letter.submission}.pdf",
        build,
        hash_label=HASH_LABEL,
    )


def render_verzuimbrief(letter: OmissionLetter, *, version: str) -> bytes:
    """The PDF bytes of the verzuimbrief; the same letter gives the same bytes.

    The letter's date is the PDF's creation date (no clock).
    """
    data, _ = build_pdf(
        [story(letter)],
        hashes=[letter.hash_code],
        version=version,
        created=letter.day,
        concept=False,
        title=f"Verzuimbrief inlevering {letter.submission}",
    )
    return data
