"""Model I 4: proces-verbaal over de geldigheid en nummering van de kandidatenlijsten.

Kieswet art. I 4 and I 12 - I 17 (versie 2026; Eerste Kamer S 2 and S 10 -
S 15): the centraal stembureau reports, of its public session, the omissions
found and repaired, the lists declared invalid, the candidates and
appellations struck, the valid lists per kieskring and their numbering, and
the objections of the voters present. Every line comes from the same records
as the EML 230b written beside it (:mod:`kandidaat.app.csb.establish`); the
hash code of the 230b is printed on every page. Our own texts, following the
sections of the Kiesraad's model (Kiesregeling, bijlage; as e-KS prints it).
Objections are written by hand during the session: the model leaves room.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.documents._rl import Spacer, mm
from kandidaat.documents.layout import (
    Story,
    build_pdf,
    checkbox_lines,
    field_rows,
    header,
    para,
    section,
    signature_block,
    styles,
    table,
)

if TYPE_CHECKING:
    from datetime import date

    from kandidaat.documents._rl import Flowable

__all__ = ["EstablishedSession", "NumberedRow", "ValidList", "render_i4"]

MODEL = "I 4"
TITLE = "Proces-verbaal over de geldigheid en nummering van de kandidatenlijsten"
OBJECTION_ROWS = 8


@dataclass(frozen=True, slots=True)
class ValidList:
    """A valid list in one kieskring: its number, appellation and candidates.

    ``candidates`` are (place, last name, initials, woonplaats).
    """

    kieskring: str
    number: int
    appellation: str
    candidates: tuple[tuple[int, str, str, str], ...]


@dataclass(frozen=True, slots=True)
class NumberedRow:
    """One line of the numbering: the number, the list and what it was ranked by."""

    number: int
    label: str
    measure: str
    by_lot: bool


@dataclass(frozen=True, slots=True)
class EstablishedSession:
    """What the I 4 prints; every row is (where, what[, why]) as the committee reads it."""

    election_name: str
    election_date: str
    authority: str
    session_date: str
    found: tuple[tuple[str, str], ...]
    repaired: tuple[tuple[str, str], ...]
    invalid: tuple[tuple[str, str], ...]
    struck_candidates: tuple[tuple[str, str, str], ...]
    struck_appellations: tuple[tuple[str, str, str], ...]
    corrected_appellations: tuple[tuple[str, str, str], ...]
    """(list, as handed in, as the register writes it): corrected ex officio (I 6 lid 3)."""
    valid: tuple[ValidList, ...]
    part_1: tuple[NumberedRow, ...]
    part_2: tuple[NumberedRow, ...]
    files: tuple[tuple[str, str], ...]
    """Each 230b written: its file name and hash code."""
    objections: tuple[tuple[str, str, str], ...] | None = None
    """(voter, objection, answer) as recorded; () none raised; None: written by hand."""
    footer_label: str = "EML 230b"
    """What the footer's hash code belongs to: the (first) 230b, e.g. 'EML 230b kieskring 1'."""


def _rows_or(
    rows: tuple[tuple[str, ...], ...], none: str, intro: str, head: list[str]
) -> list[Flowable]:
    if not rows:
        return [para(none)]
    widths = [1.0] + [2.0] * (len(head) - 1)
    return [para(intro), table(head, [list(row) for row in rows], widths)]


def _numbering(session: EstablishedSession) -> list[Flowable]:
    flowables: list[Flowable] = [
        section("9", "Nummering van de kandidatenlijsten"),
        para(
            "Eerst zijn de lijsten genummerd van de politieke groeperingen die bij de vorige "
            "verkiezing een of meer zetels behaalden, in de volgorde van het aantal stemmen dat "
            "toen op hun lijsten is uitgebracht (Kieswet I 12 lid 1). Daarna zijn de overige "
            "lijsten genummerd in de volgorde van het aantal kieskringen waarvoor de lijst geldig "
            "is (I 12 lid 2). Bij gelijke aantallen heeft het lot beslist (I 14)."
        ),
    ]
    for title, rows, measure in (
        ("Deel 1: zetels bij de vorige verkiezing", session.part_1, "stemmen vorige verkiezing"),
        ("Deel 2: overige lijsten", session.part_2, "aantal kieskringen"),
    ):
        flowables.append(para(title, styles().cell_head))
        if rows:
            data = [
                [str(row.number), row.label, row.measure, "ja" if row.by_lot else ""]
                for row in rows
            ]
            flowables.append(table(["nummer", "lijst", measure, "loting"], data, [12, 70, 30, 12]))
        else:
            flowables.append(para("Geen."))
        flowables.append(Spacer(1, 2 * mm))
    return flowables


def _objections(session: EstablishedSession) -> list[Flowable]:
    flowables: list[Flowable] = [section("10", "Bezwaren van de aanwezige kiezers")]
    if session.objections is None:
        return [
            *flowables,
            para("Tijdens de zitting zijn"),
            checkbox_lines(
                ["geen bezwaren ingebracht.", "de volgende bezwaren ingebracht (met het antwoord):"]
            ),
            table(
                ["bezwaar", "antwoord van het centraal stembureau"],
                [],
                [1, 1],
                min_rows=OBJECTION_ROWS,
            ),
        ]
    if not session.objections:
        return [*flowables, para("Tijdens de zitting zijn geen bezwaren ingebracht.")]
    rows = [[who or "-", text, answer] for who, text, answer in session.objections]
    return [
        *flowables,
        para("Tijdens de zitting zijn de volgende bezwaren ingebracht:"),
        table(["kiezer", "bezwaar", "antwoord van het centraal stembureau"], rows, [1, 2, 2]),
    ]


def _valid(session: EstablishedSession) -> list[Flowable]:
    flowables: list[Flowable] = [
        section("8", "Geldige lijsten"),
        para("Het centraal stembureau verklaart de volgende lijsten geldig:"),
    ]
    kieskring = None
    for item in session.valid:
        if item.kieskring != kieskring:
            kieskring = item.kieskring
            flowables.append(para(f"Kieskring {kieskring}", styles().cell_head))
        name = item.appellation or "blanco lijst"
        flowables.append(para(f"Lijst {item.number}. {name}"))
        rows = [[str(p), last, initials, place] for p, last, initials, place in item.candidates]
        flowables.append(table(["nr.", "naam", "voorletters", "woonplaats"], rows, [8, 45, 20, 35]))
        flowables.append(Spacer(1, 2 * mm))
    return flowables


def _story(session: EstablishedSession) -> tuple[Story, str]:
    def build() -> list[Flowable]:
        return [
            *header(
                MODEL,
                TITLE,
                "Verslag van de openbare zitting waarin het centraal stembureau beslist over de "
                "geldigheid en nummering van de kandidatenlijsten en over het handhaven van de "
                "kandidaten op, en de aanduidingen boven, de lijsten.",
            ),
            section("1", "Verkiezing"),
            field_rows(
                [
                    ("Verkiezing", session.election_name),
                    ("Dag van stemming", session.election_date),
                    ("Centraal stembureau", session.authority),
                ]
            ),
            section("2", "Zitting"),
            field_rows([("Datum zitting", session.session_date), ("Plaats", ""), ("Tijdstip", "")]),
            section("3", "Geconstateerde verzuimen"),
            *_rows_or(
                session.found,
                "Bij het onderzoek zijn geen herstelbare verzuimen geconstateerd.",
                "Bij het onderzoek zijn de volgende herstelbare verzuimen geconstateerd:",
                ["lijst", "verzuim"],
            ),
            section("4", "Herstelde verzuimen"),
            *_rows_or(
                session.repaired,
                "Er zijn geen verzuimen hersteld.",
                "De volgende verzuimen zijn hersteld:",
                ["lijst", "verzuim"],
            ),
            section("5", "Ongeldige lijsten"),
            *_rows_or(
                session.invalid,
                "Het centraal stembureau verklaart geen lijst ongeldig.",
                "Het centraal stembureau verklaart de volgende lijsten ongeldig:",
                ["lijst", "reden"],
            ),
            section("6", "Geschrapte kandidaten"),
            *_rows_or(
                session.struck_candidates,
                "Het centraal stembureau schrapt geen kandidaat.",
                "Het centraal stembureau schrapt de volgende kandidaten:",
                ["lijst", "kandidaat", "reden"],
            ),
            section("7", "Geschrapte en aangepaste aanduidingen"),
            *_rows_or(
                session.struck_appellations,
                "Het centraal stembureau schrapt geen aanduiding.",
                "Het centraal stembureau schrapt de aanduiding boven de volgende lijsten; zij "
                "doen mee als blanco lijst:",
                ["lijst", "eerste kandidaat", "reden"],
            ),
            *_rows_or(
                session.corrected_appellations,
                "Het centraal stembureau past geen aanduiding ambtshalve aan.",
                "Het centraal stembureau past de volgende aanduidingen ambtshalve aan zoals zij in "
                "het register staan (Kieswet I 6 lid 3):",
                ["lijst", "aanduiding bij inlevering", "aangepaste aanduiding"],
            ),
            *_valid(session),
            *_numbering(session),
            *_objections(session),
            section("11", "Bestanden"),
            *_rows_or(
                tuple(session.files),
                "Er is geen EML 230b geschreven.",
                "Bij dit proces-verbaal horen de vastgestelde lijsten als EML 230b:",
                ["bestand", "hashcode"],
            ),
            section("12", "Ondertekening"),
            signature_block("voorzitter van het centraal stembureau"),
            Spacer(1, 2 * mm),
            signature_block("lid"),
            Spacer(1, 2 * mm),
            signature_block("lid"),
        ]

    first_hash = session.files[0][1] if session.files else ""
    return Story(
        MODEL,
        TITLE,
        f"Model {MODEL} - {session.election_name}",
        "",
        "I4-proces-verbaal.pdf",
        build,
        hash_label=session.footer_label,
    ), first_hash


def render_i4(session: EstablishedSession, *, version: str, created: date) -> bytes:
    """The PDF bytes of model I 4, deterministic for the same session and date."""
    story, first_hash = _story(session)
    data, _ = build_pdf(
        [story],
        hashes=[first_hash],
        version=version,
        created=created,
        concept=False,
        title=f"Model {MODEL}",
    )
    return data
