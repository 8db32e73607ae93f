"""Which candidates of a list are elected, and their ranking for later vacancies.

Kieswet art. P 15, P 17, P 19 and P 19a (U 15 for the Eerste Kamer), geldend op
2026-01-01. Lijstengroepen (P 16, P 18) are in :mod:`groups`.
"""

from __future__ import annotations

import itertools
import operator
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from kandidaat.domain.seats.lots import LotKind, LotRequest, LotSupply
from kandidaat.domain.seats.model import ListFacts
from kandidaat.domain.seats.records import slot_setters

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kandidaat.domain.seats.model import Candidate
    from kandidaat.domain.seats.rules import Rules

_POSITION = operator.attrgetter("position")
_DECEASED = operator.attrgetter("deceased")
_VOTES = operator.attrgetter("votes")


@dataclass(frozen=True, slots=True)
class ListElection:
    """Elected candidates of one list (positions) and its ranking (P 19).

    ``preferential`` are elected on preference votes in the order of election
    (P 15); ``in_list_order`` are elected in list order (P 17); ``ranking`` is
    the order for later vacancies; ``ranking_changed`` is False when the list
    order stays as it was.
    """

    list_number: int
    seats: int
    preferential: tuple[int, ...]
    in_list_order: tuple[int, ...]
    ranking: tuple[int, ...]
    ranking_changed: bool
    sublist_number: int | None = None

    @property
    def elected(self) -> tuple[int, ...]:
        """All elected candidates, in list order."""
        return tuple(sorted((*self.preferential, *self.in_list_order)))

    @property
    def unfilled_seats(self) -> int:
        """Seats the list won but cannot fill (no candidate left)."""
        return self.seats - len(self.preferential) - len(self.in_list_order)


(
    _SET_LIST_NUMBER,
    _SET_SEATS,
    _SET_PREFERENTIAL,
    _SET_IN_LIST_ORDER,
    _SET_RANKING,
    _SET_RANKING_CHANGED,
    _SET_SUBLIST_NUMBER,
) = slot_setters(
    ListElection,
    (
        "list_number",
        "seats",
        "preferential",
        "in_list_order",
        "ranking",
        "ranking_changed",
        "sublist_number",
    ),
)
_NEW = object.__new__


def _list_election(
    list_number: int,
    seats: int,
    preferential: tuple[int, ...],
    in_list_order: tuple[int, ...],
    ranking: tuple[int, ...],
    *,
    ranking_changed: bool,
) -> ListElection:
    """A :class:`ListElection` of a list outside a lijstengroep, built slot by slot.

    The same frozen value as ``ListElection(list_number, seats, preferential,
    in_list_order, ranking, ranking_changed)``: see :mod:`records`. One is built
    for every list of every contest.
    """
    election: ListElection = _NEW(ListElection)
    _SET_LIST_NUMBER(election, list_number)
    _SET_SEATS(election, seats)
    _SET_PREFERENTIAL(election, preferential)
    _SET_IN_LIST_ORDER(election, in_list_order)
    _SET_RANKING(election, ranking)
    _SET_RANKING_CHANGED(election, ranking_changed)
    _SET_SUBLIST_NUMBER(election, None)
    return election


def preference_threshold(kiesdeler: Fraction, rules: Rules) -> Fraction:
    """The voorkeurdrempel: the share of the quota a candidate must exceed.

    Kieswet art. P 15 lid 1 and 2, U 15 lid 3 (geldend op 2026-01-01); see
    :func:`kandidaat.domain.seats.rules.rules_for` for the share per body.
    """
    share = rules.preference_fraction
    # The product written out: one exact Fraction, without Fraction.__mul__'s dispatch.
    return Fraction(
        kiesdeler.numerator * share.numerator, kiesdeler.denominator * share.denominator
    )


def minimum_votes(threshold: Fraction, rules: Rules) -> int:
    """The fewest whole votes that meet the preference threshold.

    Kieswet art. P 15 lid 1: strictly more than the threshold ("groter dan");
    U 15 lid 3 (Eerste Kamer): at least the threshold. Working with this whole
    number keeps every comparison exact and cheap.
    """
    whole, rest = divmod(threshold.numerator, threshold.denominator)
    if rules.preference_inclusive:
        return whole + (1 if rest else 0)
    return whole + 1


def above_threshold(
    candidates: Sequence[Candidate],
    threshold: Fraction,
    rules: Rules,
    votes_of: dict[str, int] | None = None,
) -> list[Candidate]:
    """Living candidates above the threshold, by votes (descending), ties in list order.

    Kieswet art. P 15 and P 19a. ``votes_of`` replaces a candidate's votes by
    his votes summed over the lists of a lijstengroep.
    """
    least = minimum_votes(threshold, rules)
    if votes_of is None:
        return _qualifying(candidates, least)
    summed = votes_of
    qualifying = [c for c in candidates if summed[c.identity] >= least and not c.deceased]
    return sorted(qualifying, key=lambda c: -summed[c.identity])


def _qualifying(candidates: Sequence[Candidate], least: int) -> list[Candidate]:
    """Living candidates with at least ``least`` votes, by votes, ties in list order."""
    # Filter at C speed first (most candidates stay below the threshold).
    enough = itertools.compress(candidates, map(least.__le__, map(_VOTES, candidates)))
    qualifying = [c for c in enough if not c.deceased]
    return sorted(qualifying, key=lambda c: -c.votes)


def elect_on_preference(
    ordered: Sequence[tuple[int, int]],
    seats: int,
    lots: LotSupply,
    list_number: int,
) -> list[int]:
    """Elect preference candidates seat by seat, asking for a lot when needed.

    Kieswet art. P 15 lid 1 (geldend op 2026-01-01): in the order of their votes,
    as far as the list has seats; when candidates with equal votes outnumber the
    seats left, the lot decides (the committee draws, P 14). ``ordered`` holds
    (position, votes) sorted by votes descending, ties in list order.
    """
    if len(ordered) <= seats:
        return [position for position, _ in ordered]
    elected: list[int] = []
    remaining = list(ordered)
    for seat in range(1, seats + 1):
        _, votes = remaining[0]
        tied = [position for position, v in remaining if v == votes]
        seats_left = seats - seat + 1
        chosen = tied[0]
        if len(tied) > seats_left:
            chosen = lots.draw(
                LotRequest(
                    kind=LotKind.CANDIDATE,
                    options=tuple(tied),
                    value=Fraction(votes),
                    seat_numbers=tuple(range(seat, seats + 1)),
                    list_number=list_number,
                    article="P 15",
                )
            )
        elected.append(chosen)
        remaining = [(p, v) for p, v in remaining if p != chosen]
    return elected


def fill_in_list_order(
    candidates: Sequence[Candidate], taken: set[int], free_seats: int
) -> list[int]:
    """Give the remaining seats to living, not yet elected candidates in list order.

    Kieswet art. P 17 and P 19a (geldend op 2026-01-01).
    """
    if free_seats <= 0:
        return []
    free = (c.position for c in candidates if not c.deceased and c.position not in taken)
    return list(itertools.islice(free, free_seats))


def rank(
    candidates: Sequence[Candidate],
    preferential: Sequence[int],
    qualifying: Sequence[Candidate],
) -> tuple[int, ...]:
    """The ranking for later vacancies.

    Kieswet art. P 19 (geldend op 2026-01-01): first the candidates elected on
    preference votes in the order of election, then the other candidates above
    the threshold by votes, then the rest in list order. Deceased candidates
    (P 19a) are left out.
    """
    first = list(preferential)
    second = [c.position for c in qualifying if c.position not in first]
    placed = set(first) | set(second)
    rest = [c.position for c in candidates if not c.deceased and c.position not in placed]
    return (*first, *second, *rest)


def _rank_living(
    original: tuple[int, ...], preferential: Sequence[int], qualifying: Sequence[int]
) -> tuple[int, ...]:
    """:func:`rank` for a list without deceased candidates (Kieswet art. P 19).

    ``qualifying`` are the positions of the candidates above the threshold, by votes.
    """
    first = list(preferential)
    placed = set(first)
    second = [position for position in qualifying if position not in placed]
    placed.update(second)
    return (*first, *second, *itertools.filterfalse(placed.__contains__, original))


def elect_list(
    list_number: int,
    candidates: Sequence[Candidate],
    seats: int,
    threshold: Fraction,
    rules: Rules,
    lots: LotSupply,
) -> ListElection:
    """Elect the candidates of one list (no lijstengroep) and rank them.

    Kieswet art. P 15, P 17, P 19, P 19a (geldend op 2026-01-01); see
    :func:`elect_checked_list`, which does the work.
    """
    facts = ListFacts(
        tuple([c.position for c in candidates]),
        [c.votes for c in candidates],
        len([c for c in candidates if c.deceased]),
    )
    least = minimum_votes(threshold, rules)
    return elect_checked_list(list_number, candidates, facts, seats, least, rules, lots)


def elect_checked_list(
    list_number: int,
    candidates: Sequence[Candidate],
    facts: ListFacts,
    seats: int,
    least: int,
    rules: Rules,
    lots: LotSupply,
) -> ListElection:
    """Elect the candidates of one list (no lijstengroep) and rank them.

    Kieswet art. P 15, P 17, P 19, P 19a (geldend op 2026-01-01). ``facts`` are
    the list's positions, votes and deceased count (from validation) and
    ``least`` the fewest votes that meet the preference threshold
    (:func:`minimum_votes`). The ranking keeps the list order when nothing can
    change it: no deceased candidate and no candidate above the threshold, or
    (bodies of 19 seats or more, P 19 lid 5) a list without seats.
    """
    if facts.deceased:
        return _elect_with_deceased(list_number, candidates, seats, least, lots)
    original = facts.positions
    votes = facts.votes
    if (seats == 0 and rules.ranking_kept_for_seatless_lists) or not votes:
        # A list without seats that keeps its order (P 19 lid 5): as nobody above.
        return _list_election(
            list_number, seats, (), original[:seats], original, ranking_changed=False
        )
    # The most votes after the first candidate's: usually only the lijsttrekker,
    # if anyone, reaches the threshold, and then nobody else need be looked at.
    others_most = max(votes[1:]) if len(votes) > 1 else -1
    if others_most < least:
        if votes[0] < least:
            # Nobody above the threshold: seats in list order (P 17), ranking unchanged.
            # Positional: list number, seats, preferential, in list order, ranking.
            return _list_election(
                list_number, seats, (), original[:seats], original, ranking_changed=False
            )
        chosen = [0]
    else:
        # Indices above the threshold, by votes descending; the stable sort keeps
        # ties in list order (P 15).
        chosen = [index for index, count in enumerate(votes) if count >= least]
    above = len(chosen)
    if above > 1:
        chosen.sort(key=votes.__getitem__, reverse=True)
    # No tie across the last seat, so no lot: the first ``seats`` in vote order
    # are elected, exactly as elect_on_preference would elect them seat by seat.
    no_lot = above <= seats or seats == 0 or votes[chosen[seats - 1]] != votes[chosen[seats]]
    if no_lot and chosen == list(range(above)):
        # The candidates above the threshold are the top of the list, in list
        # order (the usual case: the lijsttrekker): the elected are the first
        # ``seats`` of the list and the P 19 ranking is the list order itself.
        elected = min(above, seats)
        # Positional: list number, seats, preferential, in list order, ranking.
        return _list_election(
            list_number,
            seats,
            original[:elected],
            original[elected:seats],
            original,
            ranking_changed=False,
        )
    qualifying = [original[index] for index in chosen]
    if above <= seats:
        preferential = qualifying
    elif no_lot:
        preferential = qualifying[:seats]
    else:
        preferential = elect_on_preference(
            [(original[index], votes[index]) for index in chosen], seats, lots, list_number
        )
    free_seats = seats - len(preferential)
    others = (
        tuple(
            itertools.islice(
                itertools.filterfalse(set(preferential).__contains__, original), free_seats
            )
        )
        if free_seats > 0
        else ()
    )
    if rules.ranking_kept_for_seatless_lists and seats == 0:
        ranking = original
    else:
        ranking = _rank_living(original, preferential, qualifying)
    return _list_election(
        list_number,
        seats,
        tuple(preferential),
        others,
        ranking,
        ranking_changed=ranking != original,
    )


def _elect_with_deceased(
    list_number: int,
    candidates: Sequence[Candidate],
    seats: int,
    least: int,
    lots: LotSupply,
) -> ListElection:
    """:func:`elect_checked_list` for a list with a deceased candidate (P 19a)."""
    qualifying = _qualifying(candidates, least)
    preferential = elect_on_preference(
        [(c.position, c.votes) for c in qualifying], seats, lots, list_number
    )
    others = fill_in_list_order(candidates, set(preferential), seats - len(preferential))
    ranking = rank(candidates, preferential, qualifying)
    return ListElection(
        list_number=list_number,
        seats=seats,
        preferential=tuple(preferential),
        in_list_order=tuple(others),
        ranking=ranking,
        ranking_changed=ranking != tuple(map(_POSITION, candidates)),
    )
