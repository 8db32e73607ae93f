"""Model Na 31-1: proces-verbaal of a gemeentelijk stembureau (the municipality's count).

Kieswet hoofdstuk Na (versie 2026, Wet nieuwe procedure vaststelling
verkiezingsuitslagen): the gemeentelijk stembureau adds up the results of the
polling stations in a public session and records how it went and what the totals
are in a proces-verbaal. Every figure printed here comes from the EML 510b record
written beside it (the agreed entries of ``kandidaat telling``); the hash code of
that 510b is printed on every page. Our own texts, following the sections of the
Kiesraad's model as abacus generates it: the session, the counted polling
stations and their investigations, the municipality's totals, the votes per list
and per candidate, and the signatures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kandidaat.documents._rl import PageBreak, Spacer, mm
from kandidaat.documents.layout import (
    Story,
    build_pdf,
    checkbox_lines,
    field_rows,
    header,
    hint,
    para,
    section,
    signature_block,
    styles,
    table,
)
from kandidaat.domain.election import CountRecord, VoteCounts
from kandidaat.domain.nomination.deadlines import dutch_date

if TYPE_CHECKING:
    from kandidaat.documents._rl import Flowable

MODEL = "Na 31-1"
HASH_LABEL = "EML 510b"
"""The footer names the file it belongs to: the count (510b) written beside it."""
MEMBER_ROWS = 8
OBJECTION_ROWS = 10
REMARK_ROWS = 5


@dataclass(frozen=True, slots=True)
class SessionLine:
    """A session (zitting) of the gemeentelijk stembureau as recorded in the workspace."""

    number: int
    held_on: date
    place: str
    members: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class StationLine:
    """One counted polling station: its number, name and its figures in the 510b."""

    number: int
    name: str
    counts: VoteCounts


@dataclass(frozen=True, slots=True)
class InvestigationLine:
    """An investigation (onderzoek) of a polling station in a later session."""

    station: int
    session: int
    kind: str
    reason: str
    corrected: bool


@dataclass(frozen=True, slots=True)
class MunicipalCount:
    """What the proces-verbaal prints, all from the 510b record and the workspace.

    ``record`` is the EML 510b record exactly as written; ``stations`` its units in
    the same order with their number and name; ``candidate_names`` maps (list,
    position) to the name on the 230b.
    """

    record: CountRecord
    municipality_code: str
    municipality: str
    stations: tuple[StationLine, ...]
    sessions: tuple[SessionLine, ...]
    investigations: tuple[InvestigationLine, ...]
    candidate_names: Mapping[tuple[int, int], str]
    eml_name: str
    hash_code: str


def _bold(text: str) -> Flowable:
    """A line in bold type (the text is escaped like every paragraph)."""
    return para(text, styles().cell_head)


def _day(text: str) -> str:
    """An ISO date as a Dutch reader writes it; anything else as written."""
    try:
        return dutch_date(date.fromisoformat(text[:10]))
    except ValueError:
        return text


def _uncounted(counts: VoteCounts, code: str) -> int:
    return sum(value for name, value in counts.uncounted if name == code)


def _cast(counts: VoteCounts) -> int:
    """H: the votes on lists, blank and invalid together (what the 510b carries)."""
    return counts.total_counted + sum(value for _, value in counts.rejected)


def _intro(count: MunicipalCount) -> list[Flowable]:
    election = count.record.election
    return [
        section("", "Gegevens van het gemeentelijk stembureau"),
        field_rows(
            [
                ("Verkiezing", f"{election.name} ({election.id})"),
                ("Datum van de verkiezing", _day(election.election_date)),
                ("Gemeente", f"{count.municipality} (gemeentecode {count.municipality_code})"),
            ]
        ),
        Spacer(1, 3 * mm),
        para(
            "Het gemeentelijk stembureau telt in een openbare zitting de uitkomsten van alle "
            "stembureaus in de gemeente op. In dit proces-verbaal staat hoe die zitting is "
            "verlopen en wat de uitkomst voor de hele gemeente is."
        ),
        para(
            "Elk proces-verbaal van een stembureau is door twee verschillende invoerders "
            "ingevoerd; alleen twee gelijke invoeren tellen mee. De cijfers hieronder zijn "
            "dezelfde als in het telbestand (EML 510b) dat bij dit proces-verbaal hoort."
        ),
        _bold("Inhoud"),
        para("Deel 1 - Verslag van de zitting (het verloop van het optellen)"),
        para("Deel 2 - Telresultaten van de gemeente"),
        para("Deel 3 - Ondertekening door de leden van het gemeentelijk stembureau"),
    ]


def _sessions(count: MunicipalCount) -> list[Flowable]:
    rows = [
        [
            str(s.number),
            dutch_date(s.held_on),
            s.place,
            s.reason or "eerste zitting",
        ]
        for s in count.sessions
    ]
    members: list[str] = []
    for session in count.sessions:
        members += [m for m in session.members if m not in members]
    return [
        PageBreak(),
        section("1", "Verslag van de zitting"),
        _bold("Zittingen van het gemeentelijk stembureau"),
        table(
            ["Nr.", "Datum", "Plaats", "Reden"],
            rows,
            [10, 35, 55, 60],
            min_rows=0 if rows else 2,
        ),
        *(
            para(
                f"Aanwezig in zitting {s.number}: {', '.join(s.members)}."
                if s.members
                else f"Aanwezig in zitting {s.number}: niet vastgelegd."
            )
            for s in count.sessions
        ),
        Spacer(1, 3 * mm),
        _bold("Presentielijst: aanwezige leden en hun rol"),
        hint("De rollen zijn voorzitter, plaatsvervangend voorzitter of lid."),
        table(
            ["Naam", "Rol", "Aanwezig (van - tot)"],
            [[name, "", ""] for name in members],
            [70, 45, 45],
            min_rows=max(MEMBER_ROWS, len(members)),
        ),
    ]


def _stations(count: MunicipalCount) -> list[Flowable]:
    investigated = {i.station for i in count.investigations}
    rows = [
        [
            str(s.number),
            s.name,
            str(_uncounted(s.counts, "toegelaten kiezers")),
            str(s.counts.total_counted),
            str(s.counts.rejected_votes("blanco")),
            str(s.counts.rejected_votes("ongeldig")),
            str(_cast(s.counts)),
            "ja" if s.number in investigated else "nee",
        ]
        for s in count.stations
    ]
    return [
        Spacer(1, 3 * mm),
        _bold("Getelde stembureaus"),
        para(
            "De uitkomsten van deze stembureaus zijn door het gemeentelijk stembureau "
            "gecontroleerd en opgeteld tot het totaal van de gemeente."
        ),
        hint(
            "D: toegelaten kiezers; E: stemmen op lijsten; F: blanco; G: ongeldig; "
            "H: uitgebrachte stemmen (E+F+G)."
        ),
        table(
            [
                "Nr.",
                "Naam",
                "Kiezers (D)",
                "Lijsten (E)",
                "Blanco (F)",
                "Ongeldig (G)",
                "Totaal (H)",
                "Onderzocht",
            ],
            rows,
            [10, 36, 17, 17, 17, 19, 17, 22],
        ),
    ]


def _investigations(count: MunicipalCount) -> list[Flowable]:
    flowables: list[Flowable] = [Spacer(1, 3 * mm), _bold("Onderzoek in een latere zitting")]
    if not count.investigations:
        return [*flowables, para("Er is geen stembureau opnieuw onderzocht.")]
    rows = [
        [
            str(i.station),
            str(i.session),
            i.kind,
            i.reason,
            "ja" if i.corrected else "nee",
        ]
        for i in count.investigations
    ]
    return [
        *flowables,
        para(
            "Deze stembureaus zijn in een latere zitting heropend en opnieuw twee keer "
            "ingevoerd; de tabel hierboven en de telresultaten bevatten de uitkomst na het "
            "onderzoek."
        ),
        table(
            ["Nr.", "Zitting", "Onderzocht vanwege", "Reden", "Gecorrigeerd"],
            rows,
            [10, 14, 36, 70, 24],
        ),
    ]


def _during() -> list[Flowable]:
    return [
        PageBreak(),
        _bold("Bezwaren van aanwezigen tijdens de zitting"),
        hint(
            "Schrijf elk bezwaar op, ook als het gemeentelijk stembureau het er niet mee eens "
            "is, zonder namen of andere persoonsgegevens, en hoe het is behandeld."
        ),
        table(
            ["Tijdstip", "Bezwaar", "Reactie gemeentelijk stembureau"],
            [],
            [20, 70, 70],
            min_rows=OBJECTION_ROWS,
        ),
        Spacer(1, 3 * mm),
        _bold("Andere bijzonderheden die de telling of de uitkomst kunnen beïnvloeden"),
        hint("Bijvoorbeeld een schorsing van de zitting."),
        table(["Tijdstip", "Bijzonderheid"], [], [20, 140], min_rows=REMARK_ROWS),
    ]


def _totals(count: MunicipalCount) -> list[Flowable]:
    total = count.record.total
    if total is None:
        return [PageBreak(), section("2", "Telresultaten van de gemeente"), para("-")]
    voters = [
        ("A. Geldige stempassen", str(_uncounted(total, "geldige stempassen"))),
        ("B. Geldige volmachtbewijzen", str(_uncounted(total, "geldige volmachtbewijzen"))),
        ("C. Geldige kiezerspassen", str(_uncounted(total, "geldige kiezerspassen"))),
        ("D. Totaal toegelaten kiezers", str(_uncounted(total, "toegelaten kiezers"))),
    ]
    votes = [
        (f"E.{item.number} Totaal lijst {item.number} - {item.name}", str(item.votes))
        for item in total.lists
    ]
    votes += [
        ("E. Totaal stemmen op kandidaten", str(total.total_counted)),
        ("F. Blanco stemmen", str(total.rejected_votes("blanco"))),
        ("G. Ongeldige stemmen", str(total.rejected_votes("ongeldig"))),
        ("H. Totaal uitgebrachte stemmen (E+F+G)", str(_cast(total))),
    ]
    return [
        PageBreak(),
        section("2", "Telresultaten van de gemeente"),
        _bold("Aantal kiesgerechtigden"),
        field_rows([("Z. Kiesgerechtigden", str(total.cast))], label_width=90 * mm),
        Spacer(1, 3 * mm),
        _bold("Toegelaten kiezers"),
        field_rows(voters, label_width=90 * mm),
        Spacer(1, 3 * mm),
        _bold("Uitgebrachte stemmen"),
        field_rows(votes, label_width=110 * mm),
    ]


_EXPLANATIONS = (
    ("meegenomen stembiljetten", "Kiezers hebben het stembiljet meegenomen"),
    ("te weinig uitgereikte stembiljetten", "Er zijn te weinig stembiljetten uitgereikt"),
    ("te veel uitgereikte stembiljetten", "Er zijn te veel stembiljetten uitgereikt"),
    ("andere verklaring", "Andere verklaring"),
    ("geen verklaring", "Geen verklaring"),
)


def _stations_with(count: MunicipalCount, code: str) -> str:
    numbers = [str(s.number) for s in count.stations if _uncounted(s.counts, code) > 0]
    return ", ".join(numbers) or "geen"


def _differences(count: MunicipalCount) -> list[Flowable]:
    total = count.record.total
    if total is None:
        return []
    more = _uncounted(total, "meer getelde stembiljetten")
    fewer = _uncounted(total, "minder getelde stembiljetten")
    return [
        Spacer(1, 3 * mm),
        _bold("Verschillen tussen toegelaten kiezers en uitgebrachte stemmen"),
        para(
            "Is bij alle afzonderlijke stembureaus het aantal uitgebrachte stemmen gelijk aan "
            "het aantal toegelaten kiezers?"
        ),
        checkbox_lines(
            ["Ja", "Nee, er zijn stembureaus met een verschil"],
            checked=[more == 0 and fewer == 0, more > 0 or fewer > 0],
        ),
        field_rows(
            [
                (
                    (
                        "I. Meer getelde stembiljetten "
                        f"(stembureaus: {_stations_with(count, 'meer getelde stembiljetten')})"
                    ),
                    str(more),
                ),
                (
                    (
                        "J. Minder getelde stembiljetten "
                        f"(stembureaus: {_stations_with(count, 'minder getelde stembiljetten')})"
                    ),
                    str(fewer),
                ),
            ],
            label_width=130 * mm,
        ),
        Spacer(1, 2 * mm),
        para("De stembureaus verklaarden de verschillen zo:"),
        field_rows(
            [(label, str(_uncounted(total, code))) for code, label in _EXPLANATIONS],
            label_width=130 * mm,
        ),
        Spacer(1, 3 * mm),
        _bold("Uitkomst van het controleprotocol"),
        checkbox_lines(
            [
                "Er zijn geen verschillen geconstateerd.",
                (
                    "Er zijn verschillen geconstateerd; er is contact opgenomen met de "
                    "Kiesraad. De uitkomst daarvan staat hieronder."
                ),
            ]
        ),
        table(["Uitkomst"], [], [1], min_rows=3),
    ]


def _candidates(count: MunicipalCount) -> list[Flowable]:
    total = count.record.total
    if total is None:
        return []
    flowables: list[Flowable] = [PageBreak(), section("", "Stemmen per lijst en per kandidaat")]
    for item in total.lists:
        rows = [
            [str(p), count.candidate_names.get((item.number, p), ""), str(v)]
            for p, v in item.candidate_votes
        ]
        rows.append(["", f"Totaal lijst {item.number}", str(item.votes)])
        flowables += [
            _bold(f"Lijst {item.number}. {item.name}"),
            table(["Nr.", "Kandidaat", "Stemmen"], rows, [10, 80, 20]),
            Spacer(1, 3 * mm),
        ]
    return flowables


def _signatures(count: MunicipalCount) -> list[Flowable]:
    return [
        PageBreak(),
        section("3", "Ondertekening"),
        para(
            f"Bij dit proces-verbaal hoort het telbestand {count.eml_name} (EML 510b) met "
            f"hashcode {count.hash_code}."
        ),
        field_rows([("Datum en tijd", ""), ("Plaats", "")]),
        _bold("Verplicht: de voorzitter en twee leden van het gemeentelijk stembureau"),
        signature_block("Voorzitter van het gemeentelijk stembureau", place=False),
        signature_block("Lid", place=False),
        signature_block("Lid", place=False),
        _bold("Andere aanwezige leden (niet verplicht)"),
        signature_block("Lid", place=False),
        signature_block("Lid", place=False),
    ]


def story(count: MunicipalCount) -> Story:
    """The whole model Na 31-1 as one document."""
    election = count.record.election
    title = "Proces-verbaal van een gemeentelijk stembureau"
    subtitle = (
        f"Verslag en telresultaten per lijst en kandidaat: {election.name}, "
        f"gemeente {count.municipality}, {_day(election.election_date)}"
    )

    def build() -> list[Flowable]:
        return [
            *header(MODEL, title, subtitle),
            *_intro(count),
            *_sessions(count),
            *_stations(count),
            *_investigations(count),
            *_during(),
            *_totals(count),
            *_differences(count),
            *_candidates(count),
            *_signatures(count),
        ]

    return Story(
        MODEL,
        title,
        f"Model {MODEL} - {count.municipality}",
        "",
        "Na31-1.pdf",
        build,
        hash_label=HASH_LABEL,
    )


def render_na31_1(count: MunicipalCount, *, version: str, created: date) -> bytes:
    """The PDF bytes of model Na 31-1, deterministic for the same count and date."""
    data, _ = build_pdf(
        [story(count)],
        hashes=[count.hash_code],
        version=version,
        created=created,
        concept=False,
        title=f"Model {MODEL}",
    )
    return data
