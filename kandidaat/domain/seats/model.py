"""Input of a seat distribution: the contest, its lists and candidates.

The types are frozen: a contest is a value. Validation of the invariants the
law and the engine rely on (sorted numbers, non-negative votes, consistent
totals) happens in :func:`validate_contest`, with Dutch messages naming the
field.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from kandidaat.domain.errors import InputError

_DECEASED = operator.attrgetter("deceased")


class Body(StrEnum):
    """The representative body (vertegenwoordigend orgaan) that is elected."""

    TK = "TK"  # Tweede Kamer
    EK = "EK"  # Eerste Kamer
    EP = "EP"  # Europees Parlement
    PS = "PS"  # Provinciale Staten
    AB = "AB"  # algemeen bestuur van een waterschap
    GR = "GR"  # gemeenteraad
    ER = "ER"  # eilandsraad

    @property
    def dutch_name(self) -> str:
        """The body's name as a user reads it."""
        return _DUTCH_NAMES[self]


_DUTCH_NAMES = {
    Body.TK: "Tweede Kamer",
    Body.EK: "Eerste Kamer",
    Body.EP: "Europees Parlement",
    Body.PS: "Provinciale Staten",
    Body.AB: "algemeen bestuur van het waterschap",
    Body.GR: "gemeenteraad",
    Body.ER: "eilandsraad",
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate on a list, with the votes cast on his name.

    ``key`` identifies the person across the lists of a lijstengroep (Kieswet
    art. P 15 sums a candidate's votes over all lists he is on); it defaults to
    the name.
    """

    position: int
    name: str
    votes: int
    deceased: bool = False
    key: str = ""

    @property
    def identity(self) -> str:
        """The key that identifies this person inside a lijstengroep."""
        return self.key or self.name or f"#{self.position}"


@dataclass(frozen=True, slots=True)
class SubList:
    """One list (or stel gelijkluidende lijsten, P 2) inside a lijstengroep (P 3).

    ``number`` orders the lists inside the group and is the answer to a lot
    between them; ``kieskringen`` are the electoral districts the list was
    submitted in (the lowest decides ties in P 16 and P 18).
    """

    number: int
    kieskringen: tuple[int, ...]
    candidates: tuple[Candidate, ...]
    votes: int


@dataclass(frozen=True, slots=True)
class PartyList:
    """A list as it takes part in the seat distribution.

    For a lijstengroep (P 3) ``sublists`` holds its lists and ``votes`` is the
    group total. When only the number of candidates is known (a published
    result without candidate votes), ``candidates`` is empty and
    ``candidate_count`` says how many there are; ``deceased_positions`` then
    names deceased candidates (P 19a).
    """

    number: int
    name: str
    votes: int
    candidates: tuple[Candidate, ...] = ()
    candidate_count: int = 0
    deceased_positions: frozenset[int] = frozenset()
    sublists: tuple[SubList, ...] = ()

    @property
    def living_candidates(self) -> int:
        """Number of candidates who can take a seat (Kieswet art. P 19a, P 10).

        In a lijstengroep a person on several of its lists counts once.
        """
        if self.sublists:
            people = {
                candidate.identity
                for sublist in self.sublists
                for candidate in sublist.candidates
                if not candidate.deceased
            }
            return len(people)
        if self.candidates:
            deceased: int = sum(map(_DECEASED, self.candidates))
            return len(self.candidates) - deceased
        return self.candidate_count - len(self.deceased_positions)


@dataclass(frozen=True, slots=True)
class Contest:
    """One seat distribution: the body, the number of seats and the lists."""

    body: Body
    seats: int
    lists: tuple[PartyList, ...]
    name: str = ""

    @property
    def total_votes(self) -> int:
        """Sum of the list totals (Kieswet art. P 5: the basis of the quota)."""
        return sum([party_list.votes for party_list in self.lists])

    def list_by_number(self, number: int) -> PartyList:
        """The list with this number."""
        for party_list in self.lists:
            if party_list.number == number:
                return party_list
        raise KeyError(number)


class ListFacts(NamedTuple):
    """What validation learned about a list with candidate votes, for the engine.

    Gathered in the same passes that check the candidates, so the engine does
    not walk the candidates again: ``positions`` and ``votes`` in list order and
    the number of deceased candidates (P 19a).
    """

    positions: tuple[int, ...]
    votes: list[int]
    deceased: int

    @property
    def living(self) -> int:
        """Candidates who can take a seat (Kieswet art. P 19a)."""
        return len(self.positions) - self.deceased


def validate_contest(contest: Contest) -> None:
    """Check the invariants the engine relies on; raise InputError in Dutch.

    Lists and candidates must be sorted by number (as on the ballot), votes
    must be non-negative whole numbers and candidate votes must add up to the
    list total.
    """
    check_contest(contest)


def check_contest(contest: Contest) -> tuple[ListFacts | None, ...]:
    """Validate like :func:`validate_contest` and return the facts per list.

    The facts are ``None`` for a lijstengroep and for a list given by its
    number of candidates only. Nothing is cached: every call checks again.
    """
    if contest.seats < 1:
        raise InputError(f"'seats': het aantal zetels moet minstens 1 zijn, niet {contest.seats}")
    if not contest.lists:
        raise InputError("'lists': er is geen enkele lijst opgegeven")
    numbers = [party_list.number for party_list in contest.lists]
    _require_sorted_unique(numbers, "lijstnummers", "'lists'")
    return tuple(map(_validate_list, contest.lists))


def _require_sorted_unique(numbers: list[int], what: str, where: str) -> None:
    if all(map(operator.lt, numbers, numbers[1:])):
        return  # strictly increasing: sorted and without doubles
    seen: set[int] = set()
    for number in numbers:
        if number in seen:
            raise InputError(f"{where}: {what} komen dubbel voor ({number})")
        seen.add(number)
    if numbers != sorted(numbers):
        raise InputError(
            f"{where}: de {what} moeten oplopend gesorteerd zijn, gevonden: "
            + ", ".join(str(n) for n in numbers)
        )


def _validate_list(party_list: PartyList) -> ListFacts | None:
    candidates = party_list.candidates
    if candidates and not party_list.sublists and party_list.number >= 1:
        total = party_list.votes
        count = len(candidates)
        # The usual list, in two passes and without building any text: numbered
        # 1, 2, 3, ..., nobody deceased (marked 0, never a number), the candidate
        # votes non-negative and adding up to the list total.
        marked = tuple([0 if c.deceased else c.position for c in candidates])
        if count <= len(_COUNTING) and marked == _COUNTING[:count]:
            votes = [c.votes for c in candidates]
            if sum(votes) == total and min(votes) >= 0:
                # ListFacts(marked, votes, 0), without the NamedTuple's Python-level __new__.
                return tuple.__new__(ListFacts, (marked, votes, 0))
    if (
        party_list.candidates
        and not party_list.sublists
        and party_list.number >= 1
        and party_list.votes >= 0
    ):
        # A list with candidate votes, checked without building any text;
        # when its totals do not add up, the full check below names the fault.
        facts = _validate_candidates(party_list.candidates, party_list.number)
        if sum(facts.votes) == party_list.votes:
            return facts
    return _validate_list_in_full(party_list)


def _validate_list_in_full(party_list: PartyList) -> ListFacts | None:
    where = f"lijst {party_list.number}"
    if party_list.number < 1:
        raise InputError(f"{where}: een lijstnummer moet een positief geheel getal zijn")
    if party_list.votes < 0:
        raise InputError(f"{where}: het stemcijfer kan niet negatief zijn ({party_list.votes})")
    if party_list.sublists:
        _require_sorted_unique(
            [sublist.number for sublist in party_list.sublists],
            "lijstnummers binnen de lijstengroep",
            where,
        )
        for sublist in party_list.sublists:
            _validate_candidates(sublist.candidates, party_list.number, sublist.number)
            if sum(candidate.votes for candidate in sublist.candidates) != sublist.votes:
                raise InputError(
                    f"{where}, deellijst {sublist.number}: de stemmen van de kandidaten tellen "
                    f"niet op tot het stemcijfer {sublist.votes}"
                )
        if sum(sublist.votes for sublist in party_list.sublists) != party_list.votes:
            raise InputError(
                f"{where}: de stemcijfers van de lijsten in de groep tellen niet op tot "
                f"het stemcijfer {party_list.votes} van de lijstengroep"
            )
    elif party_list.candidates:
        facts = _validate_candidates(party_list.candidates, party_list.number)
        candidate_total = sum(facts.votes)
        if candidate_total != party_list.votes:
            raise InputError(
                f"{where}: de stemmen op de kandidaten ({candidate_total}) tellen niet op tot "
                f"het stemcijfer van de lijst ({party_list.votes})"
            )
        return facts
    else:
        if party_list.candidate_count < 0:
            raise InputError(f"{where}: het aantal kandidaten kan niet negatief zijn")
        outside = [
            p for p in party_list.deceased_positions if not 1 <= p <= party_list.candidate_count
        ]
        if outside:
            raise InputError(
                f"{where}: overleden kandidaat {min(outside)} staat niet op de lijst "
                f"(de lijst heeft {party_list.candidate_count} kandidaten)"
            )
    return None


_COUNTING = tuple(range(1, 1001))
"""The usual candidate numbering 1, 2, 3, ...: sliced instead of built per list."""


def _where(list_number: int, sublist_number: int | None) -> str:
    """The place a message names: the list, and the list inside a lijstengroep."""
    if sublist_number is None:
        return f"lijst {list_number}"
    return f"lijst {list_number}, deellijst {sublist_number}"


def _validate_candidates(
    candidates: tuple[Candidate, ...], list_number: int, sublist_number: int | None = None
) -> ListFacts:
    # List comprehensions: attribute reads on slotted records are fastest this way.
    count = len(candidates)
    counting = _COUNTING[:count] if count <= len(_COUNTING) else tuple(range(1, count + 1))
    # One pass for the usual list: numbered 1, 2, 3, ... (sorted, unique and positive
    # at once) and nobody deceased; a deceased candidate is marked 0, never a number.
    marked = tuple([0 if c.deceased else c.position for c in candidates])
    if marked == counting:
        positions = counting
        deceased = 0
    else:
        positions = tuple([c.position for c in candidates])
        deceased = len([c for c in candidates if c.deceased])
    if positions != counting:
        where = _where(list_number, sublist_number)
        if not all(map(operator.lt, positions, positions[1:])):
            _require_sorted_unique(list(positions), "kandidaatnummers", where)
        if positions and positions[0] < 1:
            raise InputError(f"{where}: kandidaatnummer {positions[0]} is ongeldig")
    votes = [c.votes for c in candidates]
    if votes and min(votes) < 0:
        candidate = next(c for c in candidates if c.votes < 0)
        raise InputError(
            f"{_where(list_number, sublist_number)}, kandidaat {candidate.position}: het "
            f"aantal stemmen kan niet negatief zijn ({candidate.votes})"
        )
    return ListFacts(positions, votes, deceased)
