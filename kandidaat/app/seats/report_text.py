"""The readable Dutch report of a seat distribution, step by step.

It follows the order of the proces-verbaal of the centraal stembureau: votes,
quota, full seats, every residual seat with its rule and value, P 9, P 10,
the result, the preference threshold and the elected candidates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.seats import (
    KIESWET_VERSION,
    Completed,
    Contest,
    GroupStep,
    LotsRequired,
    Outcome,
    SeatResult,
    Step,
    StepKind,
    format_fraction,
)
from kandidaat.domain.seats.apportionment import Apportionment, full_seats
from kandidaat.domain.seats.rules import LARGE_BODY_SEATS

if TYPE_CHECKING:
    from fractions import Fraction

    from kandidaat.domain.seats.candidates import ListElection

WARNING_TEXTS = {
    "no_votes": "Er zijn geen stemmen uitgebracht: er kunnen geen zetels worden toegewezen.",
    "not_all_seats_assigned": (
        "Niet alle zetels konden worden toegewezen: geen enkele lijst heeft nog een kandidaat "
        "over (art. P 10). Deze zetels blijven onvervuld."
    ),
    "absolute_majority_and_list_exhaustion": (
        "Zowel art. P 9 (volstrekte meerderheid) als art. P 10 (lijstuitputting) is toegepast. "
        "In deze zeldzame combinatie verschillen OSV2020 en abacus mogelijk; laat de uitkomst "
        "bevestigen door de Kiesraad."
    ),
}


def render(outcome: Outcome, contest: Contest) -> str:
    """The whole report for a completed result or a pending drawing of lots."""
    if isinstance(outcome, Completed):
        return render_result(outcome.result)
    return render_lots_required(outcome, contest)


def _header(contest: Contest) -> list[str]:
    title = f"Zetelverdeling {contest.body.dutch_name}"
    if contest.name:
        title += f" - {contest.name}"
    return [title, "=" * len(title), f"Kieswet, geldend op {KIESWET_VERSION}", ""]


def _votes_and_quota(contest: Contest, quota: Fraction | None) -> list[str]:
    total = contest.total_votes
    lines = [f"Aantal zetels: {contest.seats}", f"Stemcijfers (totaal {total}):"]
    width = max(len(p.name) for p in contest.lists)
    lines.extend(f"  lijst {p.number:>3}  {p.name:<{width}}  {p.votes:>10}" for p in contest.lists)
    lines.append("")
    if quota is None:
        lines.append("Kiesdeler (art. P 5): niet te bepalen, er zijn geen stemmen uitgebracht.")
    else:
        lines.append(f"Kiesdeler (art. P 5): {total} / {contest.seats} = {format_fraction(quota)}")
    return lines


def _full_seats(contest: Contest, quota: Fraction | None) -> list[str]:
    if quota is None:
        return []
    total = contest.total_votes
    lines = ["", "Volle zetels (art. P 6):"]
    for p in contest.lists:
        full = full_seats(p.votes, total, contest.seats)
        remainder = p.votes - full * quota
        rest = format_fraction(remainder)
        lines.append(f"  lijst {p.number:>3}: {full:>3} volle zetel(s), overschot {rest}")
    given = sum(full_seats(p.votes, total, contest.seats) for p in contest.lists)
    lines.append(f"  samen {given} volle zetels; {contest.seats - given} restzetel(s) te verdelen")
    return lines


def _residual_rule(contest: Contest) -> str:
    if contest.seats >= LARGE_BODY_SEATS or contest.body.value == "EK":
        rule = "grootste gemiddelden (art. P 7)"
        if contest.body.value in {"TK", "EP"}:
            rule += "; alleen lijsten die de kiesdeler haalden (art. P 7 lid 2)"
        return rule
    return (
        "minder dan 19 zetels (art. P 8): eerst grootste overschotten van lijsten met minstens "
        "75% van de kiesdeler, één per lijst; daarna grootste gemiddelden, één per lijst"
    )


def _step_line(step: Step) -> str:
    value = format_fraction(step.value) if step.value is not None else ""
    lot = " (door loting)" if step.by_lot else ""
    tie = ""
    if len(step.tied) > 1:
        tie = " - gelijk met lijst " + ", ".join(str(n) for n in step.tied if n != step.list_number)
    if step.kind is StepKind.LARGEST_REMAINDER:
        return f"  restzetel {step.seat_number}: lijst {step.list_number}, grootste overschot {value}{tie}{lot} [art. P 8 lid 1]"  # noqa: E501
    if step.kind is StepKind.UNIQUE_HIGHEST_AVERAGE:
        return f"  restzetel {step.seat_number}: lijst {step.list_number}, grootste gemiddelde {value} (één per lijst){tie}{lot} [art. P 8 lid 3]"  # noqa: E501
    if step.kind is StepKind.HIGHEST_AVERAGE:
        return f"  restzetel {step.seat_number}: lijst {step.list_number}, grootste gemiddelde {value}{tie}{lot} [art. P 7]"  # noqa: E501
    if step.kind is StepKind.ABSOLUTE_MAJORITY_REASSIGNMENT:
        return (
            f"  volstrekte meerderheid: lijst {step.list_number} heeft meer dan de helft van de "
            f"stemmen maar niet meer dan de helft van de zetels; lijst {step.from_list} staat "
            f"restzetel {step.seat_number} af{lot} [art. P 9]"
        )
    if step.kind is StepKind.LIST_EXHAUSTION_REMOVAL:
        kind = "volle zetel" if step.full_seat else "restzetel"
        return (
            f"  lijstuitputting: lijst {step.from_list} heeft te weinig kandidaten en levert een "
            f"{kind} in [art. P 10]"
        )
    return (
        f"  zetel {step.seat_number} blijft onvervuld: geen lijst heeft nog kandidaten [art. P 10]"
    )


def _steps(steps: tuple[Step, ...] | list[Step], contest: Contest) -> list[str]:
    if not steps:
        return []
    lines = ["", f"Restzetels - {_residual_rule(contest)}:"]
    lines.extend(_step_line(step) for step in steps)
    return lines


def _result_table(result: SeatResult) -> list[str]:
    lines = ["", "Uitslag:", "  lijst  volle zetels  restzetels  totaal"]
    for p in result.contest.lists:
        n = p.number
        lines.append(
            f"  {n:>5}  {result.full_seats[n]:>12}  {result.residual_seats[n]:>10}  "
            f"{result.seats[n]:>6}   {p.name}"
        )
    lines.append(f"  samen {sum(result.seats.values())} van {result.contest.seats} zetels")
    if result.empty_seats:
        lines.append(f"  onvervuld: {result.empty_seats}")
    return lines


def _candidate_name(contest: Contest, election: ListElection, position: int) -> str:
    party_list = contest.list_by_number(election.list_number)
    candidates = party_list.candidates
    if election.sublist_number is not None:
        sub = next(s for s in party_list.sublists if s.number == election.sublist_number)
        candidates = sub.candidates
    candidate = next(c for c in candidates if c.position == position)
    return f"{position}. {candidate.name} ({candidate.votes} stemmen)"


_GROUP_STEP_TEXTS = {
    "group_largest_remainder": "krijgt een zetel met het grootste overschot {value} [P 12]",
    "group_highest_average": "krijgt een zetel met het grootste gemiddelde {value} [P 13]",
    "exhaustion_removal": "heeft te weinig kandidaten en levert een zetel in [P 13]",
    "seat_left_empty": "- een zetel blijft onvervuld [P 13]",
    "p16_seat_withdrawn": "levert de laatst toegekende zetel in [P 16 lid 2]",
    "p16_seat_given": "krijgt die zetel voor een kandidaat met voorkeurstemmen [P 16 lid 2]",
}


def _group_step_line(step: GroupStep) -> str:
    value = format_fraction(step.value) if step.value is not None else ""
    text = _GROUP_STEP_TEXTS.get(step.kind, step.kind).format(value=value)
    lot = " (door loting)" if step.by_lot else ""
    return f"  groep {step.group_number}, lijst {step.sublist_number} {text}{lot}"


def _group_lines(result: SeatResult) -> list[str]:
    """How the seats of each lijstengroep were divided over its lists."""
    lines: list[str] = []
    if not result.group_seats:
        return lines
    lines.append("")
    lines.append("Zetels binnen lijstengroepen (art. P 12, P 13, P 16 lid 2):")
    for number in result.group_seats:
        full: dict[int, int] = {}
        for step in result.group_steps:
            if step.group_number == number and step.kind == "full_seat":
                full[step.sublist_number] = full.get(step.sublist_number, 0) + 1
        parts = ", ".join(f"lijst {k}: {v}" for k, v in sorted(full.items())) or "geen"
        lines.append(f"  groep {number}, volle zetels binnen de groep: {parts}")
    lines.extend(_group_step_line(step) for step in result.group_steps if step.kind != "full_seat")
    for number, per_sublist in result.group_seats.items():
        parts = ", ".join(f"lijst {k}: {v}" for k, v in per_sublist.items())
        lines.append(f"  groep {number}, uitkomst: {parts}")
    return lines


def _elections(result: SeatResult) -> list[str]:
    if not result.elections or result.preference_threshold is None:
        return []
    share = result.rules.preference_fraction
    compare = "minstens" if result.rules.preference_inclusive else "meer dan"
    lines = [
        "",
        (
            f"Voorkeurdrempel (art. P 15): {share.numerator}/{share.denominator} van de "
            f"kiesdeler = {format_fraction(result.preference_threshold)}; gekozen op voorkeur "
            f"wie {compare} zoveel stemmen heeft"
        ),
    ]
    lines += _group_lines(result)
    lines.extend(["", "Gekozen kandidaten (art. P 15, P 17):"])
    for election in result.elections:
        label = f"lijst {election.list_number}"
        if election.sublist_number is not None:
            label += f", deellijst {election.sublist_number}"
        if election.seats == 0:
            lines.append(f"  {label}: geen zetel")
            continue
        lines.append(f"  {label} ({election.seats} zetel(s)):")
        lines.extend(
            f"    {_candidate_name(result.contest, election, p)} - voorkeurstemmen [P 15]"
            for p in election.preferential
        )
        lines.extend(
            f"    {_candidate_name(result.contest, election, p)} - lijstvolgorde [P 17]"
            for p in election.in_list_order
        )
        if election.unfilled_seats:
            lines.append(f"    {election.unfilled_seats} zetel(s) onvervuld: geen kandidaat over")
    changed = [e for e in result.elections if e.ranking_changed]
    if changed:
        lines.extend(["", "Gewijzigde rangschikking voor latere vacatures (art. P 19):"])
        for election in changed:
            order = ", ".join(str(p) for p in election.ranking)
            lines.append(f"  lijst {election.list_number}: {order}")
    return lines


def _lots(result: SeatResult) -> list[str]:
    if not result.lots_drawn:
        return []
    lines = ["", "Lotingen door het centraal stembureau:"]
    for index, (request, answer) in enumerate(result.lots_drawn, 1):
        lines.append(f"  {index}. {request.describe()} Getrokken: {answer}.")
    return lines


def render_result(result: SeatResult) -> str:
    """The report of a completed distribution."""
    contest = result.contest
    lines = _header(contest)
    lines += _votes_and_quota(contest, result.quota)
    lines += _full_seats(contest, result.quota)
    lines += _steps(result.steps, contest)
    lines += _result_table(result)
    lines += _elections(result)
    lines += _lots(result)
    if result.warnings:
        lines += ["", "Let op:"]
        lines += [f"  - {WARNING_TEXTS.get(w, w)}" for w in result.warnings]
    return "\n".join(lines) + "\n"


def render_lots_required(outcome: LotsRequired, contest: Contest) -> str:
    """The report up to the tie, the question, and how to continue."""
    partial: Apportionment | None = outcome.partial
    quota = partial.quota if partial is not None else None
    lines = _header(contest)
    lines += _votes_and_quota(contest, quota)
    lines += _full_seats(contest, quota)
    if partial is not None:
        lines += _steps(partial.steps, contest)
    number = len(outcome.lots_drawn) + 1
    lines += [
        "",
        f"LOTING NODIG (loting {number}):",
        f"  {outcome.request.describe()}",
        "",
        "  De software trekt nooit zelf een lot. Het centraal stembureau loot in een openbare",
        (
            "  zitting (art. P 20). Voeg het getrokken nummer als antwoord "
            f"{number} toe aan 'lots' in de invoer"
        ),
        "  (of geef --lot NUMMER mee) en voer de berekening opnieuw uit.",
    ]
    return "\n".join(lines) + "\n"
