"""Seats per list: quota, full seats, residual seats, P 9 and P 10.

Kieswet art. P 5 - P 10 (and U 7 - U 10 for the Eerste Kamer), geldend op
2026-01-01. All arithmetic is exact: comparisons of averages and remainders are
done on integers or ``fractions.Fraction``, never on floats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING

from kandidaat.domain.seats.lots import LotKind, LotRequest, LotSupply
from kandidaat.domain.seats.steps import ASSIGNMENT_KINDS, Step, StepKind, residual_seat_step

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kandidaat.domain.seats.model import Contest
    from kandidaat.domain.seats.rules import Rules


@dataclass(slots=True)
class Standing:
    """The running seat count of one list during the distribution."""

    number: int
    votes: int
    candidates: int
    full_seats: int
    remainder_scaled: int
    """The remainder (overschot) times the number of seats: an exact integer."""
    scale: int = 1
    residual_seats: int = 0
    largest_remainder_seats: int = 0
    unique_average_seats: int = 0
    retracted: StepKind | None = None

    @property
    def seats(self) -> int:
        """Full plus residual seats."""
        return self.full_seats + self.residual_seats

    @property
    def remainder(self) -> Fraction:
        """The overschot: votes minus full seats times the quota (P 8)."""
        return Fraction(self.remainder_scaled, self.scale)

    @property
    def next_average(self) -> Fraction:
        """Votes per seat if the list got one more seat (P 7 lid 1)."""
        return Fraction(self.votes, self.seats + 1)


@dataclass(slots=True)
class Apportionment:
    """Outcome of P 5 - P 10: seats per list and the steps that led there."""

    quota: Fraction | None
    standings: list[Standing]
    initial_full_seats: dict[int, int]
    steps: list[Step] = field(default_factory=list)
    empty_seats: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def seats(self) -> dict[int, int]:
        """Seats per list number."""
        return {standing.number: standing.seats for standing in self.standings}


def quota(total_votes: int, seats: int) -> Fraction:
    """The kiesdeler: total votes divided by the number of seats.

    Kieswet art. P 5 (U 7 for the Eerste Kamer), geldend op 2026-01-01.
    """
    return Fraction(total_votes, seats)


def full_seats(votes: int, total_votes: int, seats: int) -> int:
    """Full seats: how many times the quota fits in the list's votes.

    Kieswet art. P 6 (U 8), geldend op 2026-01-01. Computed as
    ``votes * seats // total_votes`` so no fraction is rounded.
    """
    return votes * seats // total_votes


def meets_largest_remainder_threshold(votes: int, total_votes: int, seats: int) -> bool:
    """Whether a list reaches 75 % of the quota (niet lager dan drie vierde).

    Kieswet art. P 8 lid 1, geldend op 2026-01-01: ``votes >= 3/4 * V / S``.
    """
    return 4 * votes * seats >= 3 * total_votes


def start(
    contest: Contest, living: Sequence[int] | None = None, total: int | None = None
) -> Apportionment:
    """Quota and full seats: the standings before any residual seat.

    Kieswet art. P 5 and P 6 (U 7, U 8), geldend op 2026-01-01. Without any vote
    there is no quota and no seat can be assigned. ``living`` holds the living
    candidates per list (P 19a) and ``total`` the contest's total votes when the
    caller has counted them already.
    """
    if total is None:
        total = contest.total_votes
    seats = contest.seats
    if living is None:
        living = [party_list.living_candidates for party_list in contest.lists]
    if total == 0:
        standings = [
            Standing(p.number, 0, alive, 0, 0)
            for p, alive in zip(contest.lists, living, strict=True)
        ]
        result = Apportionment(None, standings, {p.number: 0 for p in contest.lists})
        result.empty_seats = seats
        result.warnings.append("no_votes")
        return result
    kiesdeler = Fraction(total, seats)  # P 5, as in quota()
    standings = []
    initial: dict[int, int] = {}
    for party_list, alive in zip(contest.lists, living, strict=True):
        votes = party_list.votes
        full = votes * seats // total  # P 6, as in full_seats()
        # Positional fields: number, votes, candidates, full seats, remainder x seats, scale.
        standings.append(
            Standing(party_list.number, votes, alive, full, votes * seats - full * total, seats)
        )
        initial[party_list.number] = full
    return Apportionment(kiesdeler, standings, initial)


def apportion(
    contest: Contest,
    rules: Rules,
    lots: LotSupply,
    result: Apportionment | None = None,
    total: int | None = None,
) -> Apportionment:
    """Distribute the seats of ``contest`` over its lists.

    Kieswet art. P 5 - P 10 (geldend op 2026-01-01): quota (P 5), full seats
    (P 6), residual seats by highest averages (P 7) or largest remainders and
    averages (P 8), absolute majority (P 9), list exhaustion (P 10). Pass the
    standings from :func:`start` as ``result`` to see how far the distribution
    got when a lot is needed, and ``total`` when the contest's total votes are
    counted already.

    Raises:
        LotsNeeded: when a lot must be drawn that ``lots`` does not hold yet.
    """
    if total is None:
        total = contest.total_votes
    if result is None:
        result = start(contest, total=total)
    if result.quota is None:
        return result
    seats = contest.seats
    assigner = _ResidualAssigner(result, rules, seats, total, lots)
    residual = seats - sum([s.full_seats for s in result.standings])
    assigner.assign(residual, first_seat=1, exclude_exhausted=False)
    if rules.absolute_majority:
        _absolute_majority(result, seats, total, lots)
    _list_exhaustion(result, assigner, next_seat=residual + 1)
    return result


# The kinds of residual seat as module constants: the loop below reads them for
# every seat, and a constant is cheaper to read than an Enum member.
_LARGEST_REMAINDER = StepKind.LARGEST_REMAINDER
_UNIQUE_HIGHEST_AVERAGE = StepKind.UNIQUE_HIGHEST_AVERAGE
_HIGHEST_AVERAGE = StepKind.HIGHEST_AVERAGE


class _ResidualAssigner:
    """Gives residual seats one by one (P 7, P 8), also when continued by P 10."""

    def __init__(
        self, result: Apportionment, rules: Rules, seats: int, total: int, lots: LotSupply
    ) -> None:
        self.result = result
        self.rules = rules
        self.seats = seats
        self.total = total
        self.lots = lots
        # P 8 lid 1: the lists that reach 75 % of the quota (fixed for the contest;
        # meets_largest_remainder_threshold() written out). P 7 does not ask.
        self.reaches_three_quarters: frozenset[int] = frozenset()
        if not rules.highest_averages:
            self.reaches_three_quarters = frozenset(
                [s.number for s in result.standings if 4 * s.votes * seats >= 3 * total]
            )

    def assign(self, count: int, *, first_seat: int, exclude_exhausted: bool) -> None:
        """Assign ``count`` residual seats numbered from ``first_seat``.

        Kieswet art. P 7, P 8 and, with ``exclude_exhausted``, P 10 ("door
        voortgezette toepassing"): lists without unelected candidates and lists
        without votes take no seat; a seat no list can take stays empty.
        """
        last_seat = first_seat + count - 1
        taking_part = self._taking_part()
        steps = self.result.steps
        highest_averages = self.rules.highest_averages
        # The kind and value (as numerator and denominator) of the last step, for
        # the tie group: compared as integers, a/b == c/d exactly when a*d == c*b.
        last_kind, last_num, last_den, tie_group = _last_value(steps)
        for seat_number in range(first_seat, last_seat + 1):
            eligible = taking_part
            if exclude_exhausted:  # P 10: no unelected candidate left
                eligible = [
                    s for s in taking_part if s.full_seats + s.residual_seats < s.candidates
                ]
            if not eligible:
                self._leave_empty(seat_number, last_seat)
                return
            if highest_averages:
                kind = _HIGHEST_AVERAGE
                tied = _best_averages(eligible)
            else:
                kind, tied = self._round(eligible)
            winner = tied[0]
            # The value the report prints, exact (P 7, P 8): remainder or average.
            if kind is _LARGEST_REMAINDER:
                num, den = winner.remainder_scaled, winner.scale
            else:
                num, den = winner.votes, winner.full_seats + winner.residual_seats + 1
            best = Fraction(num, den)
            numbers = (winner.number,) if len(tied) == 1 else tuple([s.number for s in tied])
            by_lot = len(tied) > last_seat - seat_number + 1  # more tied than seats left
            if by_lot:
                winner = self._draw(kind, tied, best, seat_number, last_seat)
            # The seat, counted for the round that gave it (P 8: one per list per round).
            winner.residual_seats += 1
            if kind is _LARGEST_REMAINDER:
                winner.largest_remainder_seats += 1
            elif kind is _UNIQUE_HIGHEST_AVERAGE:
                winner.unique_average_seats += 1
            # The lists that won seats by the same rule at the same value, in a row.
            if kind is last_kind and num * last_den == last_num * den:
                tie_group = (*tie_group, winner.number)
            else:
                tie_group = (winner.number,)
            last_kind, last_num, last_den = kind, num, den
            steps.append(
                residual_seat_step(
                    kind,
                    winner.number,
                    seat_number,
                    best,
                    numbers,
                    tie_group,
                    by_lot=by_lot,
                    after_exhaustion=exclude_exhausted,
                )
            )

    def _leave_empty(self, first: int, last: int) -> None:
        """Seats ``first`` to ``last`` stay empty: no list can take them (P 10)."""
        for empty in range(first, last + 1):
            self.result.steps.append(
                Step(StepKind.SEAT_LEFT_EMPTY, seat_number=empty, after_exhaustion=True)
            )
        self.result.empty_seats += last - first + 1
        self.result.warnings.append("not_all_seats_assigned")

    def _draw(
        self, kind: StepKind, tied: list[Standing], best: Fraction, seat: int, last_seat: int
    ) -> Standing:
        """The list the committee's lot gives seat ``seat`` (P 7, P 8: "beslist het lot")."""
        lot_kind = (
            LotKind.LARGEST_REMAINDER
            if kind is StepKind.LARGEST_REMAINDER
            else LotKind.HIGHEST_AVERAGE
        )
        answer = self.lots.draw(
            LotRequest(
                kind=lot_kind,
                article=kind.article,
                options=tuple([s.number for s in tied]),
                value=best,
                seat_numbers=tuple(range(seat, last_seat + 1)),
            )
        )
        return next(s for s in tied if s.number == answer)

    def _taking_part(self) -> list[Standing]:
        """Lists that can take a residual seat at all.

        Lists without votes never do; for the Tweede Kamer and the European
        Parliament only lists that reached the quota (P 7 lid 2).
        """
        seats, total = self.seats, self.total
        if self.rules.quota_needed_for_residual_seat:
            return [s for s in self.result.standings if s.votes and s.votes * seats >= total]
        return [s for s in self.result.standings if s.votes]

    def _round(self, eligible: list[Standing]) -> tuple[StepKind, list[Standing]]:
        """Which rule of P 8 gives the next seat, and the lists tied at its best value.

        The conditions of :func:`qualifies` for the largest remainders and the
        unique highest averages are written out here: this runs for every seat.
        """
        reaching = self.reaches_three_quarters
        largest = [
            s
            for s in eligible
            if s.number in reaching
            and (
                s.largest_remainder_seats == 0
                or (s.retracted is _LARGEST_REMAINDER and s.largest_remainder_seats == 1)
            )
        ]
        if largest:
            return _LARGEST_REMAINDER, _best_remainders(largest)
        unique = [
            s
            for s in eligible
            if s.unique_average_seats == 0
            or (
                s.retracted is _UNIQUE_HIGHEST_AVERAGE
                and s.unique_average_seats == 1
                and s.largest_remainder_seats <= 1
            )
        ]
        if unique:
            return _UNIQUE_HIGHEST_AVERAGE, _best_averages(unique)
        return _HIGHEST_AVERAGE, _best_averages(eligible)


def _last_value(steps: list[Step]) -> tuple[StepKind | None, int, int, tuple[int, ...]]:
    """The last step's kind, value (numerator, denominator) and tie group, if it has a value."""
    if steps:
        previous = steps[-1]
        if previous.value is not None:
            value = previous.value
            return previous.kind, value.numerator, value.denominator, previous.tie_group
    return None, 0, 0, ()


def _best_remainders(candidates: list[Standing]) -> list[Standing]:
    """The lists sharing the largest remainder, in list order (P 8 lid 1).

    Remainders are compared by their numerators: their denominator is the number
    of seats, the same for every list.
    """
    tied = [candidates[0]]
    lead = tied[0].remainder_scaled
    for standing in candidates[1:]:
        ours = standing.remainder_scaled
        if ours > lead:
            tied = [standing]
            lead = ours
        elif ours == lead:
            tied.append(standing)
    return tied


def _best_averages(candidates: list[Standing]) -> list[Standing]:
    """The lists sharing the highest average v/(s+1), in list order (P 7, P 8 lid 3).

    Averages are compared as v_a*(s_b+1) against v_b*(s_a+1): exact integers.
    """
    lead = candidates[0]
    tied = [lead]
    lead_votes, lead_next = lead.votes, lead.full_seats + lead.residual_seats + 1
    for standing in candidates[1:]:
        ours = standing.votes * lead_next
        theirs = lead_votes * (standing.full_seats + standing.residual_seats + 1)
        if ours > theirs:
            tied = [standing]
            lead_votes = standing.votes
            lead_next = standing.full_seats + standing.residual_seats + 1
        elif ours == theirs:
            tied.append(standing)
    return tied


def qualifies(standing: Standing, kind: StepKind) -> bool:
    """Whether a list may take part in a round of P 8 that allows one seat per list.

    Kieswet art. P 8 lid 1 and lid 3 (geldend op 2026-01-01): a list gets at most
    one seat by largest remainders, and at most one in the round of unique
    highest averages. A seat taken back by P 9 makes the list eligible again for
    the round it lost it from, as the Kiesraad's abacus does.
    """
    if kind is StepKind.LARGEST_REMAINDER:
        won = standing.largest_remainder_seats
        returned = standing.retracted is StepKind.LARGEST_REMAINDER and won == 1
        return won == 0 or returned
    if kind is StepKind.UNIQUE_HIGHEST_AVERAGE:
        won = standing.unique_average_seats
        returned = (
            standing.retracted is StepKind.UNIQUE_HIGHEST_AVERAGE
            and won == 1
            and standing.largest_remainder_seats <= 1
        )
        return won == 0 or returned
    return True


def _absolute_majority(result: Apportionment, seats: int, total: int, lots: LotSupply) -> None:
    """Give a list with an absolute majority of the votes a majority of the seats.

    Kieswet art. P 9 (geldend op 2026-01-01): a list with more than half of all
    votes (strictly; exactly half does not count) but not more than half of the
    seats gets one more seat, taken from the list that got the last residual
    seat; when that seat went to several lists at the same value, the lot
    decides which of them gives it up. Not for the Eerste Kamer (U 9).
    """
    majority = [
        s
        for s in result.standings
        if 2 * s.votes > total and 2 * (s.full_seats + s.residual_seats) <= seats
    ]
    if not majority:
        return
    assignments = [step for step in result.steps if step.kind in ASSIGNMENT_KINDS]
    if not assignments:
        return
    beneficiary = majority[0]
    last = assignments[-1]
    group = tuple(number for number in last.tie_group if number != beneficiary.number)
    if not group:
        # The last seat went to the majority list itself: take the one before it.
        earlier = [s for s in assignments if s.list_number != beneficiary.number]
        if not earlier:
            return
        last = earlier[-1]
        group = (last.list_number,) if last.list_number is not None else ()
    loser_number = group[0]
    if len(group) > 1:
        kind = (
            LotKind.ABSOLUTE_MAJORITY_LARGEST_REMAINDER
            if last.kind is StepKind.LARGEST_REMAINDER
            else LotKind.ABSOLUTE_MAJORITY_HIGHEST_AVERAGE
        )
        loser_number = lots.draw(
            LotRequest(
                kind=kind,
                options=tuple(sorted(group)),
                value=last.value if last.value is not None else Fraction(0),
                seat_numbers=(last.seat_number,) if last.seat_number is not None else (),
                beneficiary=beneficiary.number,
                article="P 9",
            )
        )
    loser = next(s for s in result.standings if s.number == loser_number)
    lost_step = next(s for s in reversed(assignments) if s.list_number == loser_number)
    loser.residual_seats -= 1
    loser.retracted = last.kind
    beneficiary.residual_seats += 1
    result.steps.append(
        Step(
            StepKind.ABSOLUTE_MAJORITY_REASSIGNMENT,
            list_number=beneficiary.number,
            from_list=loser.number,
            seat_number=lost_step.seat_number,
            value=last.value,
            tie_group=group,
            by_lot=len(group) > 1,
        )
    )


def _list_exhaustion(result: Apportionment, assigner: _ResidualAssigner, next_seat: int) -> None:
    """Take away seats a list cannot fill and give them to other lists.

    Kieswet art. P 10 (geldend op 2026-01-01), after P 19a (deceased candidates
    do not count): a list with more seats than candidates loses the excess,
    residual seats first, then full seats; the seats go "door voortgezette
    toepassing" of P 7/P 8 to lists that still have unelected candidates. A seat
    no list can take stays empty.
    """
    over = [s for s in result.standings if s.full_seats + s.residual_seats > s.candidates]
    if not over:
        return
    removed = 0
    for standing in over:
        while standing.seats > standing.candidates:
            full_seat = standing.residual_seats == 0
            if full_seat:
                standing.full_seats -= 1
            else:
                standing.residual_seats -= 1
            result.steps.append(
                Step(
                    StepKind.LIST_EXHAUSTION_REMOVAL,
                    from_list=standing.number,
                    full_seat=full_seat,
                )
            )
            removed += 1
    if any(s.kind is StepKind.ABSOLUTE_MAJORITY_REASSIGNMENT for s in result.steps):
        result.warnings.append("absolute_majority_and_list_exhaustion")
    assigner.assign(removed, first_seat=next_seat, exclude_exhausted=True)
