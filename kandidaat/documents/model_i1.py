"""Model I 1: proces-verbaal van het onderzoek naar de kandidatenlijsten.

Kieswet art. I 1 (versie 2026; Eerste Kamer S 1): the day after the nomination
the centraal stembureau examines the lists in a closed session and records,
per kieskring, the lists handed in (appellation, first candidate, number of
names) and the recoverable omissions it found. Every row comes from the
workspace's submissions and recorded omissions; the footer carries the last
hash of the workspace's log chain, which ``kandidaat csb log`` prints, so paper
and file can be matched. Our own texts, following the sections of the
Kiesraad's model (as OSV and e-KS print it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.documents._rl import Spacer, mm
from kandidaat.documents.layout import (
    Story,
    build_pdf,
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

__all__ = ["ExaminationSession", "render_i1"]

MODEL = "I 1"
TITLE = "Proces-verbaal van het onderzoek naar de kandidatenlijsten"


@dataclass(frozen=True, slots=True)
class ExaminationSession:
    """What the I 1 prints.

    ``lists`` are per kieskring the rows (appellation, first candidate, names);
    ``omissions`` the rows (list and where, omission).
    """

    election_name: str
    election_date: str
    authority: str
    session_date: str
    lists: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...]
    omissions: tuple[tuple[str, str], ...]
    log_hash: str


def _lists(session: ExaminationSession) -> list[Flowable]:
    flowables: list[Flowable] = [
        section("3", "Ingeleverde kandidatenlijsten"),
        para("Voor de verkiezing zijn de volgende kandidatenlijsten ingeleverd:"),
    ]
    if not session.lists:
        flowables.append(para("Er is geen kandidatenlijst ingeleverd."))
    for kieskring, rows in session.lists:
        if kieskring:
            flowables.append(para(f"Kieskring {kieskring}", styles().cell_head))
        flowables.append(
            table(
                [
                    "aanduiding boven de lijst",
                    "naam en voorletters eerste kandidaat",
                    "aantal namen",
                ],
                [list(row) for row in rows],
                [45, 45, 15],
            )
        )
        flowables.append(Spacer(1, 2 * mm))
    return flowables


def _story(session: ExaminationSession) -> Story:
    def build() -> list[Flowable]:
        omissions: list[Flowable]
        if session.omissions:
            omissions = [
                para("Bij het onderzoek zijn de volgende herstelbare verzuimen geconstateerd:"),
                table(
                    ["lijst", "omschrijving verzuim"], [list(r) for r in session.omissions], [1, 2]
                ),
            ]
        else:
            omissions = [para("Bij het onderzoek zijn geen herstelbare verzuimen geconstateerd.")]
        return [
            *header(
                MODEL,
                TITLE,
                "Verslag van het onderzoek van het centraal stembureau naar de ingeleverde "
                "kandidatenlijsten, in een zitting die niet openbaar is (Kieswet I 1).",
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
            field_rows([("Datum", session.session_date), ("Plaats", ""), ("Tijdstip", "")]),
            *_lists(session),
            section("4", "Geconstateerde verzuimen"),
            *omissions,
            para(
                "De inleveraar van een lijst met een herstelbaar verzuim wordt daarvan direct op "
                "de hoogte gesteld; het verzuim kan binnen de hersteltermijn worden hersteld "
                "(Kieswet I 2)."
            ),
            section("5", "Ondertekening"),
            signature_block("voorzitter van het centraal stembureau"),
            Spacer(1, 2 * mm),
            signature_block("lid"),
            Spacer(1, 2 * mm),
            signature_block("lid"),
        ]

    return Story(
        MODEL,
        TITLE,
        f"Model {MODEL} - {session.election_name}",
        "",
        "I1-proces-verbaal.pdf",
        build,
        hash_label="logboek",
    )


def render_i1(session: ExaminationSession, *, version: str, created: date) -> bytes:
    """The PDF bytes of model I 1, deterministic for the same session and date."""
    data, _ = build_pdf(
        [_story(session)],
        hashes=[session.log_hash],
        version=version,
        created=created,
        concept=False,
        title=f"Model {MODEL}",
    )
    return data
