"""Seats and candidates inside a lijstengroep (lists with one appellation in several kieskringen).

Kieswet art. P 12, P 13, P 15, P 16, P 17, P 18 and P 19 (U 12, U 13, U 15 for
the Eerste Kamer), geldend op 2026-01-01.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from kandidaat.domain.seats.candidates import (
    ListElection,
    above_threshold,
    elect_on_preference,
    rank,
)
from kandidaat.domain.seats.lots import LotKind, LotRequest, LotSupply
from kandidaat.domain.seats.model import Candidate, PartyList, SubList
from kandidaat.domain.seats.steps import GroupStep

if TYPE_CHECKING:
    from kandidaat.domain.seats.rules import Rules


@dataclass(slots=True)
class _SubStanding:
    sublist: SubList
    seats: int
    remainder: Fraction
    living: int
    """Candidates who can take a seat (P 19a): counted once, the list is immutable."""
    remainder_seat: bool = False


def distribute_within_group(
    group: PartyList, group_seats: int, lots: LotSupply, steps: list[GroupStep]
) -> dict[int, int]:
    """Divide a lijstengroep's seats over its lists.

    Kieswet art. P 12 (geldend op 2026-01-01): group quota = group votes / group
    seats; each list gets as many seats as the group quota fits in its votes;
    the remaining seats go to the largest remainders (lists without remainder
    count as the smallest); the lot decides ties. Art. P 13: a list with more
    seats than candidates gives the excess to another list of the group by
    continued application of P 12, then by highest averages (P 7 lid 1).
    """
    standings = [
        _SubStanding(s, 0, Fraction(0), sum(1 for c in s.candidates if not c.deceased))
        for s in group.sublists
    ]
    if group_seats == 0 or group.votes == 0:
        return {s.sublist.number: 0 for s in standings}
    group_quota = Fraction(group.votes, group_seats)
    for standing in standings:
        standing.seats = standing.sublist.votes * group_seats // group.votes
        standing.remainder = standing.sublist.votes - standing.seats * group_quota
        steps.extend(
            GroupStep(group.number, standing.sublist.number, "full_seat")
            for _ in range(standing.seats)
        )
    remaining = group_seats - sum(s.seats for s in standings)
    _continue(group.number, standings, remaining, lots, steps, exclude_exhausted=False)
    excess = 0
    for standing in standings:
        while standing.seats > standing.living:
            standing.seats -= 1
            excess += 1
            steps.append(GroupStep(group.number, standing.sublist.number, "exhaustion_removal"))
    _continue(group.number, standings, excess, lots, steps, exclude_exhausted=True)
    return {s.sublist.number: s.seats for s in standings}


def _continue(
    group_number: int,
    standings: list[_SubStanding],
    count: int,
    lots: LotSupply,
    steps: list[GroupStep],
    *,
    exclude_exhausted: bool,
) -> None:
    """Give ``count`` seats inside the group by largest remainders, then averages."""
    for seat in range(count):
        open_lists = [
            s
            for s in standings
            if s.sublist.votes > 0 and (not exclude_exhausted or s.seats < s.living)
        ]
        if not open_lists:
            steps.append(GroupStep(group_number, 0, "seat_left_empty"))
            continue
        by_remainder = [s for s in open_lists if not s.remainder_seat]
        if by_remainder:
            kind = LotKind.GROUP_LARGEST_REMAINDER
            values = {s.sublist.number: s.remainder for s in by_remainder}
            pool = by_remainder
        else:
            kind = LotKind.GROUP_HIGHEST_AVERAGE
            values = {s.sublist.number: Fraction(s.sublist.votes, s.seats + 1) for s in open_lists}
            pool = open_lists
        best = max(values.values())
        tied = [s for s in pool if values[s.sublist.number] == best]
        winner = tied[0]
        by_lot = len(tied) > count - seat
        if by_lot:
            answer = lots.draw(
                LotRequest(
                    kind=kind,
                    options=tuple(s.sublist.number for s in tied),
                    value=best,
                    list_number=group_number,
                    article="P 12" if kind is LotKind.GROUP_LARGEST_REMAINDER else "P 13",
                )
            )
            winner = next(s for s in tied if s.sublist.number == answer)
        winner.seats += 1
        if kind is LotKind.GROUP_LARGEST_REMAINDER:
            winner.remainder_seat = True
        steps.append(GroupStep(group_number, winner.sublist.number, kind.value, best, by_lot))


def elect_group(
    group: PartyList,
    sublist_seats: dict[int, int],
    threshold: Fraction,
    rules: Rules,
    lots: LotSupply,
    steps: list[GroupStep],
) -> tuple[list[ListElection], dict[int, int]]:
    """Elect the candidates of a lijstengroep, list by list.

    Kieswet art. P 15 - P 18 (geldend op 2026-01-01): a candidate's preference
    votes are summed over all lists of the group he is on (P 15); those above the
    threshold are elected, as far as the group has seats, and placed on the list
    where they got most votes, ties to the lowest kieskring (P 16; when none of
    their lists has a seat left they still get one there, and the seat last
    given inside the group is taken back); the remaining seats go in list order
    (P 17), and a candidate elected on several lists keeps the list with most
    votes for him, the freed seats going in list order again (P 18).
    """
    seats = dict(sublist_seats)
    total_votes: dict[str, int] = {}
    for sublist in group.sublists:
        for candidate in sublist.candidates:
            total_votes[candidate.identity] = total_votes.get(candidate.identity, 0) + (
                candidate.votes
            )
    people = _people_in_list_order(group)
    qualifying = above_threshold(people, threshold, rules, total_votes)
    group_seats = sum(seats.values())
    ordered = [(index, total_votes[c.identity]) for index, c in enumerate(qualifying, 1)]
    chosen = elect_on_preference(ordered, group_seats, lots, group.number)
    preferred = [qualifying[index - 1] for index in chosen]

    placed: dict[int, list[str]] = {s.number: [] for s in group.sublists}
    for person in preferred:
        homes = _lists_by_preference(group, person.identity)
        free = [s for s in homes if len(placed[s.number]) < seats[s.number]]
        target = free[0] if free else homes[0]
        if not free:
            loser = _withdraw_last_group_seat(group, seats, placed, target.number, steps)
            if loser is not None:
                steps.append(GroupStep(group.number, loser, "p16_seat_withdrawn"))
                steps.append(GroupStep(group.number, target.number, "p16_seat_given"))
        placed[target.number].append(person.identity)

    in_order = _fill_in_list_order(group, seats, placed)
    elections = []
    for sublist in group.sublists:
        by_identity = {c.identity: c for c in sublist.candidates}
        preferential = tuple(by_identity[i].position for i in placed[sublist.number])
        others = tuple(by_identity[i].position for i in in_order[sublist.number])
        above_here = above_threshold(sublist.candidates, threshold, rules, total_votes)
        above_here.sort(key=lambda c: -c.votes)
        ranking = rank(sublist.candidates, preferential, above_here)
        elections.append(
            ListElection(
                list_number=group.number,
                seats=seats[sublist.number],
                preferential=preferential,
                in_list_order=others,
                ranking=ranking,
                ranking_changed=ranking != tuple(c.position for c in sublist.candidates),
                sublist_number=sublist.number,
            )
        )
    return elections, seats


def _people_in_list_order(group: PartyList) -> list[Candidate]:
    """Every person of the group once, in the order of first appearance."""
    seen: dict[str, Candidate] = {}
    for sublist in group.sublists:
        for candidate in sublist.candidates:
            seen.setdefault(candidate.identity, candidate)
    return list(seen.values())


def _lists_by_preference(group: PartyList, identity: str) -> list[SubList]:
    """The person's lists, most votes first, ties to the lowest kieskring (P 16, P 18)."""
    homes = [
        (-candidate.votes, min(sublist.kieskringen, default=0), sublist)
        for sublist in group.sublists
        for candidate in sublist.candidates
        if candidate.identity == identity
    ]
    homes.sort(key=lambda item: (item[0], item[1], item[2].number))
    return [sublist for _, _, sublist in homes]


def _withdraw_last_group_seat(
    group: PartyList,
    seats: dict[int, int],
    placed: dict[int, list[str]],
    target: int,
    steps: list[GroupStep],
) -> int | None:
    """P 16 lid 2: move the seat given last inside the group to ``target``.

    Kieswet art. P 16 lid 2 (geldend op 2026-01-01): the seat taken is the one
    assigned last to a list of the group under P 12 or P 13. We walk the
    recorded in-group assignments backwards (the roll-back sequence) and take
    the first seat whose list still has a seat not filled by a preference
    candidate. When only full seats were given, the list with the smallest
    remainder gives up a seat (the seat it would have received last).
    """
    open_seats = {
        s.number: seats[s.number] - len(placed[s.number])
        for s in group.sublists
        if s.number != target
    }
    given = {"group_largest_remainder", "group_highest_average"}
    for step in reversed(steps):
        if step.group_number != group.number or step.kind not in given:
            continue
        if open_seats.get(step.sublist_number, 0) > 0:
            seats[step.sublist_number] -= 1
            seats[target] += 1
            return step.sublist_number
    candidates = [s for s in group.sublists if open_seats.get(s.number, 0) > 0]
    if not candidates:
        return None
    group_quota = Fraction(group.votes, max(sum(seats.values()), 1))
    loser = min(candidates, key=lambda s: s.votes - (seats[s.number] - 1) * group_quota)
    seats[loser.number] -= 1
    seats[target] += 1
    return loser.number


def _fill_in_list_order(
    group: PartyList, seats: dict[int, int], placed: dict[int, list[str]]
) -> dict[int, list[str]]:
    """P 17 and P 18: fill free seats in list order; a person keeps one list only."""
    settled = {identity for names in placed.values() for identity in names}
    refused: dict[int, set[str]] = {s.number: set() for s in group.sublists}
    while True:
        chosen: dict[int, list[str]] = {}
        for sublist in group.sublists:
            free = seats[sublist.number] - len(placed[sublist.number])
            names = [
                c.identity
                for c in sublist.candidates
                if not c.deceased
                and c.identity not in settled
                and c.identity not in refused[sublist.number]
            ]
            chosen[sublist.number] = names[: max(free, 0)]
        elected_on: dict[str, list[int]] = {}
        for number, names in chosen.items():
            for identity in names:
                elected_on.setdefault(identity, []).append(number)
        doubles = {identity: lists for identity, lists in elected_on.items() if len(lists) > 1}
        if not doubles:
            return chosen
        for identity, lists in doubles.items():
            keep = next(
                s.number for s in _lists_by_preference(group, identity) if s.number in lists
            )
            for number in lists:
                if number != keep:
                    refused[number].add(identity)
