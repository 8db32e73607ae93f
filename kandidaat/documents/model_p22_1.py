"""Model P 22-1: proces-verbaal of the centraal stembureau over several kieskringen.

Kieswet art. P 22 (versie 2026): the centraal stembureau of the Tweede Kamer,
the Europees Parlement and provinciale staten of a province with more than one
kieskring records the result in model P 22-1: the lists and their kieskringen,
the votes per list over all kieskringen (per list of a lijstengroep, art. P 3),
the quota, full and residual seats, the seats of a lijstengroep divided over
its lists (art. P 12, P 13), the elected candidates, the ranking for vacancies
and the signatures. Every figure comes from the same domain objects as
``kandidaat uitslag`` (the totals and the seat engine's result), passed in as the
:class:`~kandidaat.documents.model_p22.ResultSession` of model P 22-2; the hash
code of the EML 520 is printed on every page. Our own texts, following the
sections of the Kiesraad's model (ADR 0140).
"""

from __future__ import annotations

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
    table,
)
from kandidaat.documents.model_p22 import (
    HASH_LABEL,
    PRESENCE_ROWS,
    ResultSession,
    _bold,
    _sort_key,
    _step_row,
)
from kandidaat.domain.seats import Body, format_fraction

if TYPE_CHECKING:
    from datetime import date

    from kandidaat.documents._rl import Flowable
    from kandidaat.domain.seats import Candidate, ListElection, PartyList, SeatResult

MODEL = "P 22-1"
_GROUP_STEP_TEXT = {
    "full_seat": "volle zetel: de groepskiesdeler gehaald (art. P 12)",
    "group_largest_remainder": "grootste overschot (art. P 12)",
    "group_highest_average": "grootste gemiddelde (art. P 13)",
    "exhaustion_removal": "te weinig kandidaten: de lijst levert een zetel in (art. P 12)",
    "seat_left_empty": "geen lijst van de groep kan de zetel vullen (art. P 10)",
    "p16_seat_withdrawn": "zetel afgestaan aan een kandidaat met voorkeurstemmen (art. P 16)",
    "p16_seat_given": "zetel gekregen voor een kandidaat met voorkeurstemmen (art. P 16)",
}


def body_phrase(session: ResultSession) -> str:
    """The body elected, as the title of the model names it."""
    body = session.result.contest.body
    if body is Body.TK:
        return "de Tweede Kamer der Staten-Generaal"
    if body is Body.EP:
        return "het Europees Parlement"
    return f"provinciale staten van {session.municipality}"


def _kieskringen(numbers: tuple[int, ...], session: ResultSession) -> str:
    names = [
        f"{n} {session.kieskring_names[str(n)]}" if str(n) in session.kieskring_names else str(n)
        for n in numbers
    ]
    return ", ".join(names)


def _presence(session: ResultSession) -> list[Flowable]:
    return [
        section("1", "Verslag van de zitting"),
        para(
            f"Het centraal stembureau voor de verkiezing van de leden van "
            f"{body_phrase(session)} heeft in een openbare zitting (art. P 20) de uitslag "
            "vastgesteld op grond van de processen-verbaal en de tellingen van de "
            "hoofdstembureaus (art. O 4) en de gegevens van de kieskringen."
        ),
        field_rows([("Datum en tijd van de zitting", ""), ("Plaats", "")]),
        Spacer(1, 3 * mm),
        _bold("Aanwezige leden van het centraal stembureau"),
        table(["Voorletters", "Achternaam", "Rol"], [], [25, 60, 40], min_rows=PRESENCE_ROWS),
        Spacer(1, 3 * mm),
        _bold(
            "Controlewerkzaamheden: heeft het centraal stembureau tellingen laten "
            "onderzoeken of opnieuw laten tellen?"
        ),
        checkbox_lines(["Nee", "Ja, zie bijlage 2"]),
        _bold("Bezwaren van de aanwezige kiezers: tijdens de zitting zijn"),
        checkbox_lines(
            [
                "geen bezwaren ingebracht",
                (
                    "bezwaren ingebracht; ze staan met de reactie van het centraal "
                    "stembureau in bijlage 3"
                ),
            ]
        ),
    ]


def _lists(session: ResultSession) -> list[Flowable]:
    """A. The lists that took part; for a lijstengroep its lists and their kieskringen."""
    contest = session.result.contest
    rows = []
    for party_list in contest.lists:
        if party_list.sublists:
            where = "; ".join(
                f"lijst {s.number}: kieskring {_kieskringen(s.kieskringen, session)}"
                for s in party_list.sublists
            )
            kind = f"lijstengroep (art. P 3): {where}"
        else:
            kind = "dezelfde lijst in alle kieskringen (art. P 2)"
        rows.append([f"{party_list.number}. {party_list.name}", kind])
    flowables: list[Flowable] = [
        section("2", "Uitslag en zetelverdeling"),
        _bold("A. De lijsten die aan de verkiezing hebben deelgenomen"),
        table(["Lijst", "Ingeleverd als"], rows, [60, 90]),
    ]
    if session.kieskring_names:
        names = sorted(session.kieskring_names.items(), key=lambda i: _order(i[0]))
        flowables += [
            Spacer(1, 3 * mm),
            _bold("Kieskringen"),
            table(["Kieskring", "Naam"], [[k, v] for k, v in names], [20, 80]),
        ]
    return flowables


def _order(kieskring: str) -> tuple[int, str]:
    return (int(kieskring) if kieskring.isdigit() else 0, kieskring)


def _votes(session: ResultSession) -> list[Flowable]:
    """B. The votes per list over all kieskringen, and per list of a lijstengroep."""
    contest = session.result.contest
    valid = contest.total_votes
    rows = [[f"{p.number}. {p.name}", str(p.votes)] for p in contest.lists]
    rows += [
        ["Stemmen op kandidaten (geldige stemmen)", str(valid)],
        ["Blanco stemmen", str(session.blank)],
        ["Ongeldige stemmen", str(session.invalid)],
        ["Totaal uitgebrachte stemmen", str(valid + session.blank + session.invalid)],
    ]
    flowables: list[Flowable] = [
        Spacer(1, 3 * mm),
        _bold("B. Stemmen per lijst over alle kieskringen"),
        table(["Lijst", "Stemmen"], rows, [100, 30]),
    ]
    groups = [p for p in contest.lists if p.sublists]
    if groups:
        group_rows = [
            [
                f"{p.number}. {p.name}",
                f"lijst {s.number}",
                _kieskringen(s.kieskringen, session),
                str(s.votes),
            ]
            for p in groups
            for s in p.sublists
        ]
        flowables += [
            Spacer(1, 3 * mm),
            _bold("Stemmen per lijst van een lijstengroep (de kieskringen waar die lijst gold)"),
            table(
                ["Lijstengroep", "Lijst", "Kieskringen", "Stemmen"], group_rows, [50, 20, 60, 20]
            ),
        ]
    return flowables


def _quota(session: ResultSession) -> list[Flowable]:
    """C and D. The quota and the full seats."""
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
        _bold("C. Kiesdeler (art. P 5): de geldige stemmen gedeeld door het aantal zetels"),
        field_rows(
            [
                ("Geldige stemmen", str(contest.total_votes)),
                ("Aantal zetels", str(contest.seats)),
                ("Kiesdeler", quota),
            ]
        ),
        Spacer(1, 3 * mm),
        _bold("D. Volle zetels per lijst (art. P 6): hoe vaak elke lijst de kiesdeler haalt"),
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


def _residual(session: ResultSession) -> list[Flowable]:
    """E and F. The residual seats step by step and the seats per list."""
    result = session.result
    rule = (
        "De restzetels gaan een voor een naar de lijst met het grootste gemiddelde aantal "
        "stemmen per zetel als die zetel erbij komt (art. P 7)"
        if result.rules.highest_averages
        else "Minder dan 19 zetels (art. P 8): eerst de grootste overschotten van lijsten met "
        "minstens 75% van de kiesdeler, één restzetel per lijst; daarna de grootste "
        "gemiddelden, ook één per lijst"
    )
    if result.rules.quota_needed_for_residual_seat:
        rule += "; alleen lijsten die de kiesdeler hebben gehaald doen mee (art. P 7 lid 2)"
    flowables: list[Flowable] = [
        Spacer(1, 3 * mm),
        _bold("E. Verdeling van de restzetels"),
        hint(rule + "."),
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
    return [
        *flowables,
        Spacer(1, 3 * mm),
        _bold("F. Zetels per lijst"),
        table(["Lijst", "Volle zetels", "Restzetels", "Zetels"], seats, [85, 20, 20, 15]),
    ]


def _groups(session: ResultSession) -> list[Flowable]:
    """G. The seats of each lijstengroep divided over its lists (art. P 11 - P 13)."""
    result = session.result
    groups = [p for p in result.contest.lists if p.sublists and result.seats[p.number]]
    flowables: list[Flowable] = [
        Spacer(1, 3 * mm),
        _bold("G. Verdeling van de zetels van een lijstengroep over de lijsten van die groep"),
    ]
    if not groups:
        return [*flowables, para("Niet van toepassing: geen lijstengroep kreeg een zetel.")]
    flowables.append(
        hint(
            "Elke lijst van de groep krijgt zoveel zetels als de groepskiesdeler (de stemmen "
            "van de groep gedeeld door haar zetels) in haar stemmen past (art. P 12); de "
            "overige zetels gaan naar de grootste overschotten en daarna de grootste "
            "gemiddelden (art. P 12, P 13)."
        )
    )
    for party_list in groups:
        per_list = result.group_seats.get(party_list.number, {})
        rows = [
            [
                f"lijst {s.number}",
                _kieskringen(s.kieskringen, session),
                str(s.votes),
                str(per_list.get(s.number, 0)),
            ]
            for s in party_list.sublists
        ]
        steps = [
            [
                f"lijst {g.sublist_number}" if g.sublist_number else "",
                _GROUP_STEP_TEXT.get(g.kind, g.kind) + (" (door loting)" if g.by_lot else ""),
                format_fraction(g.value) if g.value is not None else "",
            ]
            for g in result.group_steps
            if g.group_number == party_list.number
        ]
        flowables += [
            Spacer(1, 2 * mm),
            para(
                f"Lijstengroep {party_list.number}. {party_list.name}: "
                f"{result.seats[party_list.number]} zetel(s)"
            ),
            table(["Lijst", "Kieskringen", "Stemmen", "Zetels"], rows, [20, 80, 25, 15]),
        ]
        if steps:
            flowables += [
                para("Toewijzing binnen de groep, stap voor stap:"),
                table(["Lijst", "Toegekend door", "Waarde"], steps, [20, 90, 30]),
            ]
    return flowables


def _people(party_list: PartyList, election: ListElection) -> dict[int, Candidate]:
    if election.sublist_number is not None:
        for sublist in party_list.sublists:
            if sublist.number == election.sublist_number:
                return {c.position: c for c in sublist.candidates}
    return {c.position: c for c in party_list.candidates}


def _group_votes(party_list: PartyList) -> dict[str, int]:
    """A candidate's votes over all lists of his lijstengroep (the sum art. P 15 uses)."""
    totals: dict[str, int] = {}
    for sublist in party_list.sublists:
        for candidate in sublist.candidates:
            totals[candidate.identity] = totals.get(candidate.identity, 0) + candidate.votes
    return totals


def _place(session: ResultSession, election: ListElection, position: int) -> str:
    sublist = election.sublist_number
    if sublist is not None:
        key = (election.list_number, sublist, position)
        return session.sublist_localities.get(key, "")
    return session.localities.get((election.list_number, position), "")


def _candidates(session: ResultSession) -> list[Flowable]:
    """H. The elected per list and the ranking of the others (art. P 15 - P 19)."""
    result = session.result
    threshold = format_fraction(result.preference_threshold) if result.preference_threshold else "-"
    share = f"{format_fraction(result.rules.preference_fraction * 100)}%"
    flowables: list[Flowable] = [
        PageBreak(),
        section("", "H. Toewijzing van de zetels aan kandidaten en rangschikking"),
        hint(
            f"Met voorkeurstemmen gekozen is wie meer stemmen heeft dan {share} van de kiesdeler "
            f"({threshold}) (art. P 15; bij een lijstengroep tellen de stemmen op alle lijsten "
            "van de groep samen, en de kandidaat wordt gekozen op de lijst waar hij de meeste "
            "stemmen kreeg, art. P 16); de andere zetels gaan in de volgorde van de lijst "
            "(art. P 17). De rangschikking geldt voor opvolging (art. P 19)."
        ),
    ]
    for election in result.elections:
        if not election.seats:
            continue
        flowables += _one_election(session, result, election)
    return flowables


def _one_election(
    session: ResultSession, result: SeatResult, election: ListElection
) -> list[Flowable]:
    party_list = result.contest.list_by_number(election.list_number)
    people = _people(party_list, election)
    group = _group_votes(party_list) if party_list.sublists else {}

    def row(position: int) -> list[str]:
        candidate = people[position]
        votes = group.get(candidate.identity, candidate.votes)
        return [str(position), candidate.name, _place(session, election, position), str(votes)]

    which = f", lijst {election.sublist_number}" if election.sublist_number is not None else ""
    flowables: list[Flowable] = [
        Spacer(1, 3 * mm),
        _bold(f"Lijst {party_list.number}. {party_list.name}{which} - {election.seats} zetel(s)"),
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
    if election.unfilled_seats:
        flowables.append(para(f"Niet te vullen zetels: {election.unfilled_seats} (art. P 10)."))
    rest = election.ranking[election.seats :]
    if rest:
        ranking = [[str(rank), *row(p)[:3]] for rank, p in enumerate(rest, 1)]
        flowables += [
            para("Rangschikking van de overige kandidaten voor opvolging:"),
            table(["Rang", "Nr.", "Naam", "Woonplaats"], ranking, [12, 10, 60, 40]),
        ]
    return flowables


def _alphabetical(session: ResultSession) -> list[Flowable]:
    """I. The elected in alphabetical order."""
    result = session.result
    chosen = []
    for election in result.elections:
        party_list = result.contest.list_by_number(election.list_number)
        people = _people(party_list, election)
        for position in (*election.preferential, *election.in_list_order):
            place = _place(session, election, position)
            chosen.append((people[position].name, place, f"{party_list.number}. {party_list.name}"))
    chosen.sort(key=lambda item: _sort_key(item[0]))
    return [
        Spacer(1, 3 * mm),
        section("", "I. Gekozen kandidaten in alfabetische volgorde"),
        table(["Naam", "Woonplaats", "Lijst"], [list(c) for c in chosen], [60, 40, 50]),
    ]


def _controls(session: ResultSession) -> list[Flowable]:
    flowables: list[Flowable] = [PageBreak(), section("", "Controle van de optellingen")]
    if session.differences:
        flowables.append(para("De optelling van de tellingen geeft deze verschillen:"))
        flowables.append(table(["Verschil"], [[d] for d in session.differences], [1]))
    else:
        flowables.append(para("De gegeven tellingen tellen zonder verschillen op."))
    return [
        *flowables,
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


def _appendix(session: ResultSession) -> list[Flowable]:
    result = session.result
    flowables: list[Flowable] = [
        PageBreak(),
        section("Bijlage 1", "Stemmen per lijst en per kandidaat over alle kieskringen"),
    ]
    for party_list in result.contest.lists:
        parts = (
            [(f", lijst {s.number}", s.candidates, s.votes) for s in party_list.sublists]
            if party_list.sublists
            else [("", party_list.candidates, party_list.votes)]
        )
        for which, candidates, votes in parts:
            rows = [[str(c.position), c.name, str(c.votes)] for c in candidates]
            rows.append(["", "Totaal", str(votes)])
            flowables += [
                _bold(f"Lijst {party_list.number}. {party_list.name}{which}"),
                table(["Nr.", "Naam", "Stemmen"], rows, [10, 80, 20]),
                Spacer(1, 3 * mm),
            ]
    return flowables


def story(session: ResultSession) -> Story:
    """The whole model P 22-1 as one document."""
    title = "Proces-verbaal van het centraal stembureau"
    subtitle = (
        f"Verslag, uitslag en zetelverdeling van de verkiezing van de leden van "
        f"{body_phrase(session)} op {session.election_date} ({session.election_name})"
    )

    def build() -> list[Flowable]:
        return [
            *header(MODEL, title, subtitle),
            *_presence(session),
            PageBreak(),
            *_lists(session),
            *_votes(session),
            *_quota(session),
            *_residual(session),
            *_groups(session),
            *_candidates(session),
            *_alphabetical(session),
            *_controls(session),
            *_appendix(session),
        ]

    return Story(
        MODEL,
        title,
        f"Model {MODEL} - {session.election_name}",
        "",
        "P22-1.pdf",
        build,
        hash_label=HASH_LABEL,
    )


def render_p22_1(session: ResultSession, *, version: str, created: date) -> bytes:
    """The PDF bytes of model P 22-1, deterministic for the same session and date."""
    data, _ = build_pdf(
        [story(session)],
        hashes=[session.hash_code],
        version=version,
        created=created,
        concept=False,
        title=f"Model {MODEL}",
    )
    return data
