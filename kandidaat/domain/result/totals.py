"""Totals of a count: per list and candidate, and the valid, blank and invalid votes.

A count file is reduced to these totals as soon as it is read, so a national
result keeps one small record per file, never the polling stations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kandidaat.domain.election import CountRecord, VoteCounts


@dataclass(frozen=True, slots=True)
class ListTotal:
    """The votes of one list and of its candidates, by list position.

    ``candidates`` is (position, votes) in list order; a candidate known only by
    ShortCode (510d of a multi-kieskring election) is left out of it and kept in
    ``by_short_code``. ``codes`` is (position, ShortCode) for the candidates
    the count names by both (the HSB blocks of a 510d): the key that links a
    candidate to the 230b of his kieskring.
    """

    number: int
    name: str
    votes: int
    candidates: tuple[tuple[int, int], ...]
    by_short_code: tuple[tuple[str, int], ...] = ()
    codes: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CountTotals:
    """What a count (or a sum of counts) says about one contest.

    ``valid`` is the votes on lists (totaal geldige stemmen), ``blank`` and
    ``invalid`` the blank and invalid ballots; ``sources`` the files summed.
    """

    sources: tuple[str, ...]
    lists: tuple[ListTotal, ...]
    valid: int
    blank: int
    invalid: int

    def list_by_number(self, number: int) -> ListTotal | None:
        """The list with this number, or None."""
        for item in self.lists:
            if item.number == number:
                return item
        return None


def totals_of_block(block: VoteCounts, source: str) -> CountTotals:
    """The totals of one VoteGroup (a file's TotalVotes or one reporting unit)."""
    lists = []
    for item in block.lists:
        codes = item.short_codes or (None,) * len(item.candidate_votes)
        by_position = []
        by_code = []
        linked = []
        for (position, votes), code in zip(item.candidate_votes, codes, strict=False):
            if position:
                by_position.append((position, votes))
                if code:
                    linked.append((position, code))
            elif code:
                by_code.append((code, votes))
        lists.append(
            ListTotal(
                item.number,
                item.name,
                item.votes,
                tuple(by_position),
                tuple(by_code),
                tuple(linked),
            )
        )
    return CountTotals(
        (source,),
        tuple(lists),
        block.total_counted,
        block.rejected_votes("blanco"),
        block.rejected_votes("ongeldig"),
    )


def totals_of(count: CountRecord, source: str) -> CountTotals | None:
    """The totals a count file declares (its TotalVotes), or None when it has none."""
    if count.total is None:
        return None
    return totals_of_block(count.total, source)


def add_totals(parts: Iterable[CountTotals]) -> CountTotals:
    """The sum of several counts of the same contest (list by list, candidate by candidate).

    Lists keep the order of their numbers; a candidate present in one part only
    counts with its votes there.
    """
    sources: list[str] = []
    names: dict[int, str] = {}
    votes: dict[int, int] = {}
    candidates: dict[int, dict[int, int]] = {}
    codes: dict[int, dict[str, int]] = {}
    linked: dict[int, dict[int, str]] = {}
    valid = blank = invalid = 0
    for part in parts:
        sources.extend(part.sources)
        valid += part.valid
        blank += part.blank
        invalid += part.invalid
        for item in part.lists:
            names.setdefault(item.number, item.name)
            votes[item.number] = votes.get(item.number, 0) + item.votes
            per_position = candidates.setdefault(item.number, {})
            for position, count in item.candidates:
                per_position[position] = per_position.get(position, 0) + count
            per_code = codes.setdefault(item.number, {})
            for code, count in item.by_short_code:
                per_code[code] = per_code.get(code, 0) + count
            per_link = linked.setdefault(item.number, {})
            for position, code in item.codes:
                per_link.setdefault(position, code)
    lists = tuple(
        ListTotal(
            number,
            names[number],
            votes[number],
            tuple(sorted(candidates[number].items())),
            tuple(sorted(codes[number].items())),
            tuple(sorted(linked[number].items())),
        )
        for number in sorted(votes)
    )
    return CountTotals(tuple(sources), lists, valid, blank, invalid)
