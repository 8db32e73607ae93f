"""Model P 22-2: proces-verbaal of the centraal stembureau of a municipality.

Kieswet art. P 22 (versie 2026): the centraal stembureau records the result
(votes per list, the quota, full and residual seats, the elected candidates and
the ranking for vacancies) in a proces-verbaal. Every figure comes from the
same domain objects as ``kandidaat uitslag`` (the totals and the seat engine's
result); the hash code of the EML file the result belongs to is printed on
every page. Our own texts, following the sections of the Kiesraad's model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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
from kandidaat.domain.seats import Body, SeatResult, StepKind, format_fraction

if TYPE_CHECKING:
    from datetime import date

    from kandidaat.documents._rl import Flowable
    from kandidaat.domain.seats import Candidate, Step

MODEL = "P 22-2"
HASH_LABEL = "EML 520"
"""The footer names the file it belongs to: the result (520) written beside it."""
LARGE_COUNCIL = 19
PRESENCE_ROWS = 12


@dataclass(frozen=True, slots=True)
class ResultSession:
    """What the proces-verbaal prints, all from the domain objects of the result.

    ``localities`` maps (list number, position) to the candidate's woonplaats;
    ``differences`` are the Dutch sentences of differences between levels.
    Over several kieskringen (model P 22-1) ``sublist_localities`` maps (list
    number, list of the lijstengroep, position) to the woonplaats and
    ``kieskring_names`` the kieskring's number to its name.
    """

    election_name: str
    municipality: str
    election_date: str
    result: SeatResult
    blank: int
    invalid: int
    hash_code: str
    eml_name: str
    localities: Mapping[tuple[int, int], str]
    differences: tuple[str, ...] = ()
    sublist_localities: Mapping[tuple[int, int, int], str] = field(default_factory=dict)
    kieskring_names: Mapping[str, str] = field(default_factory=dict)


def _bold(text: str) -> Flowable:
    """A line in bold type (the text is escaped like every paragraph)."""
    return para(text, styles().cell_head)


def _presence() -> list[Flowable]:
    return [
        section("1", "Verslag van de zitting"),
        _bold(
            "Aanwezige leden van het centraal stembureau (voorzitter, "
            "plaatsvervangend voorzitter of lid)"
        ),
        table(["Voorletters", "Achternaam", "Rol"], [], [25, 60, 40], min_rows=PRESENCE_ROWS),
        Spacer(1, 3 * mm),
        _bold(
            "Controlewerkzaamheden: zijn er controles uitgevoerd vanwege "
            "telverschillen of andere mogelijke fouten?"
        ),
        checkbox_lines(["Nee", "Ja, zie bijlage 2"]),
        _bold("Bezwaren: tijdens de zitting zijn"),
        checkbox_lines(
            [
                "geen bezwaren ingebracht",
                (
                    "bezwaren ingebracht; ze staan met de reactie van het centraal stembureau "
                    "in bijlage 3"
                ),
            ]
        ),
    ]


def _votes(session: ResultSession) -> list[Flowable]:
    contest = session.result.contest
    valid = contest.total_votes
    rows = [[f"{p.number}. {p.name}", str(p.votes)] for p in contest.lists]
    rows += [
        ["Stemmen op kandidaten (geldige stemmen)", str(valid)],
        ["Blanco stemmen", str(session.blank)],
        ["Ongeldige stemmen", str(session.invalid)],
        ["Totaal uitgebrachte stemmen", str(valid + session.blank + session.invalid)],
    ]
    return [
        section("2", "Uitslag en zetelverdeling"),
        _bold("Uitgebrachte stemmen"),
        table(["Lijst", "Stemmen"], rows, [100, 30]),
    ]


def _quota(session: ResultSession) -> list[Flowable]:
    result = session.result
    contest = result.contest
    quota = format_fraction(result.quota) if result.quota is not None else "-"
    rows = [
        [f"{p.number}. {p.name}", str(p.votes), str(result.initial_full_seats[p.number])]
        for p in contest.lists
    ]
    full = sum(result.initial_full_seats.values())
    rows.append(["Totaal", str(contest.total_votes), str(full)])
    return [
        Spacer(1, 3 * mm),
        _bold("Kiesdeler (art. P 5): de geldige stemmen gedeeld door het aantal zetels"),
        field_rows(
            [
                ("Geldige stemmen", str(contest.total_votes)),
                ("Aantal zetels", str(contest.seats)),
                ("Kiesdeler", quota),
            ]
        ),
        Spacer(1, 3 * mm),
        _bold("Volle zetels per lijst (art. P 6): hoe vaak elke lijst de kiesdeler haalt"),
        table(["Lijst", "Stemmen", "Volle zetels"], rows, [90, 25, 25]),
        Spacer(1, 3 * mm),
        field_rows(
            [
                ("Te verdelen zetels", str(contest.seats)),
                ("Toegewezen volle zetels", str(full)),
                ("Restzetels", str(contest.seats - full)),
            ]
        ),
    ]


_STEP_TEXT = {
    StepKind.LARGEST_REMAINDER: "grootste overschot",
    StepKind.UNIQUE_HIGHEST_AVERAGE: "grootste gemiddelde, één per lijst",
    StepKind.HIGHEST_AVERAGE: "grootste gemiddelde",
}


def _step_row(step: Step) -> list[str]:
    value = format_fraction(step.value) if step.value is not None else ""
    lot = " (door loting)" if step.by_lot else ""
    if step.kind.is_assignment:
        what = f"lijst {step.list_number}: {_STEP_TEXT[step.kind]}{lot}"
    elif step.kind is StepKind.ABSOLUTE_MAJORITY_REASSIGNMENT:
        what = (
            f"volstrekte meerderheid: lijst {step.from_list} staat een zetel af aan "
            f"lijst {step.list_number}{lot}"
        )
    elif step.kind is StepKind.LIST_EXHAUSTION_REMOVAL:
        what = f"lijst {step.from_list} heeft te weinig kandidaten en levert een zetel in"
    else:
        what = "een zetel blijft onvervuld"
    seat = str(step.seat_number) if step.seat_number is not None else ""
    return [seat, what, value, f"art. {step.kind.article}"]


def _residual(session: ResultSession) -> list[Flowable]:
    result = session.result
    rule = (
        "Minder dan 19 zetels (art. P 8): eerst de grootste overschotten van lijsten met "
        "minstens 75% van de kiesdeler, één restzetel per lijst; daarna de grootste "
        "gemiddelden, ook één per lijst."
        if result.contest.seats < LARGE_COUNCIL
        else "19 of meer zetels (art. P 7): de restzetels gaan een voor een naar de lijst "
        "met het grootste gemiddelde aantal stemmen per zetel."
    )
    flowables: list[Flowable] = [
        Spacer(1, 3 * mm),
        _bold("Verdeling van de restzetels"),
        hint(rule),
    ]
    if result.steps:
        rows = [_step_row(step) for step in result.steps]
        flowables.append(
            table(["Zetel", "Toegekend aan", "Waarde", "Artikel"], rows, [15, 75, 25, 20])
        )
    else:
        flowables.append(para("Er zijn geen restzetels te verdelen."))
    seats = [
        [
            f"{p.number}. {p.name}",
            str(result.full_seats[p.number]),
            str(result.residual_seats[p.number]),
            str(result.seats[p.number]),
        ]
        for p in result.contest.lists
    ]
    seats.append(["Totaal", "", "", str(sum(result.seats.values()))])
    flowables += [
        Spacer(1, 3 * mm),
        _bold("Verdeling van de zetels"),
        table(["Lijst", "Volle zetels", "Restzetels", "Zetels"], seats, [85, 20, 20, 15]),
    ]
    return flowables


def _candidates(session: ResultSession) -> list[Flowable]:
    result = session.result
    threshold = format_fraction(result.preference_threshold) if result.preference_threshold else "-"
    share = "50%" if result.contest.seats < LARGE_COUNCIL else "25%"
    flowables: list[Flowable] = [
        PageBreak(),
        section("", "Toewijzing van de zetels aan kandidaten"),
        hint(
            f"Met voorkeurstemmen gekozen is wie meer stemmen heeft dan {share} van de "
            f"kiesdeler ({threshold}) (art. P 15); de andere zetels gaan in de volgorde van "
            "de lijst (art. P 17). De rangschikking geldt voor opvolging (art. P 19)."
        ),
    ]
    for election in result.elections:
        if not election.seats:
            continue
        party_list = result.contest.list_by_number(election.list_number)
        people = {c.position: c for c in party_list.candidates}

        def row(
            position: int,
            number: int = election.list_number,
            people: Mapping[int, Candidate] = people,
        ) -> list[str]:
            candidate = people[position]
            place = session.localities.get((number, position), "")
            return [str(position), candidate.name, place, str(candidate.votes)]

        flowables += [
            Spacer(1, 3 * mm),
            _bold(f"Lijst {party_list.number}. {party_list.name} - {election.seats} zetel(s)"),
        ]
        head = ["Nr.", "Naam", "Woonplaats", "Stemmen"]
        widths = [10, 60, 40, 20]
        if election.preferential:
            flowables += [
                para("Gekozen met voorkeurstemmen:"),
                table(head, [row(p) for p in election.preferential], widths),
            ]
        if election.in_list_order:
            flowables += [
                para("Gekozen in de volgorde van de lijst:"),
                table(head, [row(p) for p in election.in_list_order], widths),
            ]
        rest = election.ranking[election.seats :]
        if rest:
            ranking = [[str(rank), *row(p)[:3]] for rank, p in enumerate(rest, 1)]
            flowables += [
                para("Rangschikking van de overige kandidaten voor opvolging:"),
                table(["Rang", "Nr.", "Naam", "Woonplaats"], ranking, [12, 10, 60, 40]),
            ]
    return flowables


def _alphabetical(session: ResultSession) -> list[Flowable]:
    result = session.result
    chosen = []
    for election in result.elections:
        party_list = result.contest.list_by_number(election.list_number)
        people = {c.position: c for c in party_list.candidates}
        for position in (*election.preferential, *election.in_list_order):
            place = session.localities.get((election.list_number, position), "")
            chosen.append((people[position].name, place, f"{party_list.number}. {party_list.name}"))
    chosen.sort(key=lambda item: _sort_key(item[0]))
    return [
        Spacer(1, 3 * mm),
        section("", "Gekozen kandidaten in alfabetische volgorde"),
        table(["Naam", "Woonplaats", "Lijst"], [list(c) for c in chosen], [60, 40, 50]),
    ]


def _sort_key(name: str) -> str:
    """Sort by last name: the word after the initials and any prefix."""
    words = [w for w in name.split(" ") if not w.endswith(".") and not w.startswith("(")]
    return " ".join(words[-1:] + words[:-1]).casefold()


def _controls(session: ResultSession) -> list[Flowable]:
    flowables: list[Flowable] = [
        PageBreak(),
        section("", "Controle van de optellingen"),
    ]
    if session.differences:
        flowables.append(para("De optelling van de tellingen geeft deze verschillen:"))
        flowables.append(table(["Verschil"], [[d] for d in session.differences], [1]))
    else:
        flowables.append(para("De gegeven tellingen tellen zonder verschillen op."))
    flowables += [
        Spacer(1, 3 * mm),
        para(
            f"Bij dit proces-verbaal hoort het bestand {session.eml_name} met hashcode "
            f"{session.hash_code}."
        ),
        section("3", "Ondertekening"),
        field_rows([("Datum en tijd", ""), ("Plaats", "")]),
        signature_block("Voorzitter van het centraal stembureau"),
        signature_block("Plaatsvervangend voorzitter"),
        signature_block("Lid"),
        signature_block("Lid"),
    ]
    return flowables


def _appendix(session: ResultSession) -> list[Flowable]:
    result = session.result
    flowables: list[Flowable] = [
        PageBreak(),
        section("Bijlage 1", "Stemmen per lijst en per kandidaat"),
    ]
    for party_list in result.contest.lists:
        rows = [[str(c.position), c.name, str(c.votes)] for c in party_list.candidates]
        rows.append(["", "Totaal", str(party_list.votes)])
        flowables += [
            _bold(f"Lijst {party_list.number}. {party_list.name}"),
            table(["Nr.", "Naam", "Stemmen"], rows, [10, 80, 20]),
            Spacer(1, 3 * mm),
        ]
    return flowables


_BODY_PHRASES = {
    Body.GR: "de gemeenteraad van {name}",
    Body.PS: "provinciale staten van {name}",
    Body.AB: "het algemeen bestuur van waterschap {name}",
    Body.ER: "de eilandsraad van {name}",
}


_WATER_BOARD_WORDS = ("waterschap", "hoogheemraadschap", "wetterskip")


def _body_phrase(session: ResultSession) -> str:
    """The body the P 22-2 is for: a municipality, a province of one kieskring, AB or ER."""
    body = session.result.contest.body
    name = session.municipality
    if body is Body.AB and name.casefold().startswith(_WATER_BOARD_WORDS):
        return f"het algemeen bestuur van {name}"
    return _BODY_PHRASES.get(body, _BODY_PHRASES[Body.GR]).format(name=name)


def story(session: ResultSession) -> Story:
    """The whole model P 22-2 as one document."""
    title = "Proces-verbaal van het centraal stembureau"
    subtitle = (
        f"Verslag, uitslag en zetelverdeling van de verkiezing van de leden van "
        f"{_body_phrase(session)} op {session.election_date} ({session.election_name})"
    )

    def build() -> list[Flowable]:
        return [
            *header(MODEL, title, subtitle),
            *_presence(),
            PageBreak(),
            *_votes(session),
            *_quota(session),
            *_residual(session),
            *_candidates(session),
            *_alphabetical(session),
            *_controls(session),
            *_appendix(session),
        ]

    return Story(
        MODEL,
        title,
        f"Model {MODEL} - {session.municipality}",
        "",
        "P22-2.pdf",
        build,
        hash_label=HASH_LABEL,
    )


def render_p22(session: ResultSession, *, version: str, created: date) -> bytes:
    """The PDF bytes of model P 22-2, deterministic for the same session and date."""
    data, _ = build_pdf(
        [story(session)],
        hashes=[session.hash_code],
        version=version,
        created=created,
        concept=False,
        title=f"Model {MODEL}",
    )
    return data
