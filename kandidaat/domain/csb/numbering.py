"""Numbering the candidate lists (lijstnummering), with the committee's lots.

Kieswet art. I 12 - I 14 (Eerste Kamer: S 10 - S 12), geldend op 2026-01-01, as
summarised in the reference (nomination-rules §2.11): the centraal stembureau
numbers the valid lists. A lijstengroep or a stel gelijkluidende lijsten counts
as one list and gets one number for all its kieskringen. First come the lists
whose appellation won one or more seats at the previous election of the same
body, in the order of the votes cast on it then, most first (part 1); then the
other lists, in the order of the number of kieskringen for which they are
valid, most first (part 2). Where lists stand equal, the lot decides.

The software never draws. A tie of ``k`` lists needs ``k - 1`` draws: each
draw names the list (by the number of its first submission, "inlevering 3")
that gets the next number among those still tied. When a draw is missing the
numbering stops with a :class:`NumberingLotRequired`; the committee draws, and
the whole numbering is replayed with the answers in the order asked
(:class:`~kandidaat.domain.seats.lots.LotSupply`, the seat engine's protocol).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.checks.duplicates import person_identity
from kandidaat.domain.nomination.model import Body
from kandidaat.domain.seats.lots import LotKind, LotRequest, LotsNeeded, LotSupply

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from kandidaat.domain.csb.model import RegisterEntry, Submission

__all__ = [
    "Numbered",
    "NumberedList",
    "NumberingLotRequired",
    "NumberingUnit",
    "lot_question",
    "number_lists",
    "numbering_units",
]


@dataclass(frozen=True, slots=True)
class NumberingUnit:
    """What gets one number: a lijstengroep, a stel or a list on its own.

    ``submissions`` are the numbers of the submissions it is made of (in order
    of receipt); the first names it in a lot. ``kieskringen`` are those for which
    it is valid. ``previous_votes`` and ``previous_seats`` come from the register
    (None: the appellation did not take part or is blank).
    """

    appellation: str
    submissions: tuple[int, ...]
    kieskringen: frozenset[str]
    previous_votes: int | None = None
    previous_seats: int | None = None

    @property
    def ident(self) -> int:
        """The number of its first submission: how the committee names it in a lot."""
        return self.submissions[0]

    @property
    def seated(self) -> bool:
        """Won one or more seats at the previous election (part 1 of the numbering)."""
        return bool(self.previous_seats)

    @property
    def label(self) -> str:
        """'inlevering 3 (Partij A)', or with every submission of a group."""
        numbers = ", ".join(str(number) for number in self.submissions)
        word = "inlevering" if len(self.submissions) == 1 else "inleveringen"
        return f"{word} {numbers} ({self.appellation or 'blanco lijst'})"


@dataclass(frozen=True, slots=True)
class NumberedList:
    """A unit with its list number, its part (1: seated before, 2: the others) and why."""

    number: int
    unit: NumberingUnit
    part: int
    by_lot: bool


@dataclass(frozen=True, slots=True)
class Numbered:
    """The numbering is complete; ``lots_drawn`` are the draws it used, in order."""

    lists: tuple[NumberedList, ...]
    lots_drawn: tuple[tuple[LotRequest, int], ...]


@dataclass(frozen=True, slots=True)
class NumberingLotRequired:
    """The committee must draw: which of ``request.options`` gets the next number."""

    request: LotRequest
    lots_drawn: tuple[tuple[LotRequest, int], ...]
    units: tuple[NumberingUnit, ...]


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def _group_key(submission: Submission) -> tuple[str, ...]:
    """Lists of one lijstengroep or stel: the same appellation, else the same first candidate.

    Kieswet art. H 11 (EK: R 10), geldend op 2026-01-01: lists with the same
    appellation form a lijstengroep; lists without appellation with the same
    candidates in the same order a stel, here found by the same first candidate.
    """
    if submission.appellation:
        return ("aanduiding", _plain(submission.appellation))
    nomination = submission.nomination
    by_key = {candidate.key: candidate for candidate in nomination.candidates}
    first = next((key for lst in nomination.lists for key in lst.candidates if key in by_key), None)
    if first is None:
        return ("inlevering", str(submission.number))
    return ("blanco", *person_identity(by_key[first]))


def numbering_units(
    submissions: Sequence[Submission],
    register: Iterable[RegisterEntry],
    invalid: Iterable[int] = (),
    invalid_in: Mapping[int, frozenset[str]] | None = None,
) -> tuple[NumberingUnit, ...]:
    """The units to number: the valid submissions grouped, with the register's result.

    ``invalid`` are the submissions the committee declared invalid (Kieswet
    I 5 / I 6); they get no number and do not count as a kieskring.
    ``invalid_in`` gives, per submission, the kieskringen where its list is
    invalid (I 5, e.g. too few support declarations there): those do not count
    for the number of kieskringen (I 13), and a submission invalid everywhere
    gets no number.

    Raises:
        InputError: an appellation with seats in the register but no votes (the
            numbering of part 1 needs them; Dutch, naming the appellation).
    """
    struck = set(invalid)
    lost = invalid_in or {}
    results = {_plain(entry.appellation): entry for entry in register}
    groups: dict[tuple[str, ...], list[Submission]] = {}
    valid_in: dict[int, frozenset[str]] = {}
    for submission in submissions:
        here = frozenset(submission.kieskringen) - lost.get(submission.number, frozenset())
        if submission.number not in struck and here:
            valid_in[submission.number] = here
            groups.setdefault(_group_key(submission), []).append(submission)
    units = []
    for members in groups.values():
        appellation = members[0].appellation
        entry = results.get(_plain(appellation)) if appellation else None
        seats = entry.previous_seats if entry is not None else None
        votes = entry.previous_votes if entry is not None else None
        if seats and votes is None:
            raise InputError(
                f"register van aanduidingen: '{appellation[:60]}' heeft {seats} zetel(s) bij de "
                "vorige verkiezing maar geen aantal stemmen; de nummering (Kieswet I 12) "
                "rangschikt deze lijsten naar dat aantal: vul het aan in het register"
            )
        units.append(
            NumberingUnit(
                appellation=appellation,
                submissions=tuple(sorted(s.number for s in members)),
                kieskringen=frozenset(k for s in members for k in valid_in[s.number]),
                previous_votes=votes,
                previous_seats=seats,
            )
        )
    return tuple(sorted(units, key=lambda unit: unit.ident))


def _article(body: Body) -> str:
    return "Kieswet S 10 - S 12" if body is Body.EK else "Kieswet I 12 - I 14"


def _order(
    units: list[NumberingUnit],
    value: dict[int, int],
    supply: LotSupply,
    article: str,
) -> list[tuple[NumberingUnit, bool]]:
    """``units`` by ``value`` (most first), each tie settled by draws of the committee.

    Each unit comes with whether the lot decided its place (it was tied).
    """
    ordered: list[tuple[NumberingUnit, bool]] = []
    for figure in sorted({value[unit.ident] for unit in units}, reverse=True):
        tied = [unit for unit in units if value[unit.ident] == figure]
        by_lot = len(tied) > 1
        while len(tied) > 1:
            request = LotRequest(
                kind=LotKind.LIST_NUMBERING,
                options=tuple(unit.ident for unit in tied),
                value=Fraction(figure),
                article=article,
            )
            drawn = supply.draw(request)
            chosen = next(unit for unit in tied if unit.ident == drawn)
            ordered.append((chosen, True))
            tied.remove(chosen)
        ordered.append((tied[0], by_lot))
    return ordered


def number_lists(
    units: Sequence[NumberingUnit], body: Body, lots: Sequence[int] = ()
) -> Numbered | NumberingLotRequired:
    """Number ``units`` (Kieswet I 12 - I 14, EK S 10 - S 12, geldend op 2026-01-01).

    Part 1: seated at the previous election, by its votes then; part 2: the
    others, by the number of kieskringen for which they are valid. Ties by the
    committee's draws ``lots`` (submission numbers, in the order asked).

    Raises:
        LotAnswerError: a draw that is not one of the tied lists, or draws left over.
    """
    supply = LotSupply(lots)
    article = _article(body)
    seated = [unit for unit in units if unit.seated]
    others = [unit for unit in units if not unit.seated]
    votes = {unit.ident: unit.previous_votes or 0 for unit in seated}
    areas = {unit.ident: len(unit.kieskringen) for unit in others}
    try:
        first = _order(seated, votes, supply, article)
        second = _order(others, areas, supply, article)
    except LotsNeeded as needed:
        return NumberingLotRequired(needed.request, tuple(supply.drawn), tuple(units))
    supply.require_all_used()
    numbered = [
        NumberedList(number, unit, part, by_lot)
        for number, (unit, by_lot, part) in enumerate(
            [(u, lot, 1) for u, lot in first] + [(u, lot, 2) for u, lot in second], start=1
        )
    ]
    return Numbered(tuple(numbered), tuple(supply.drawn))


def lot_question(request: LotRequest, units: Sequence[NumberingUnit]) -> str:
    """The draw the committee must make, in Dutch, naming the tied lists."""
    by_ident = {unit.ident: unit for unit in units}
    tied = "; ".join(by_ident[option].label for option in request.options)
    seated = all(by_ident[option].seated for option in request.options)
    measure = (
        f"{request.value} stemmen bij de vorige verkiezing"
        if seated
        else f"geldig in {request.value} kieskring(en)"
    )
    return (
        f"Loting voor de lijstnummering ({request.article}): gelijk staan {tied}, elk "
        f"{measure}. Trek welke lijst het eerstvolgende nummer krijgt en geef het nummer "
        "van haar (eerste) inlevering op met --lot."
    )
