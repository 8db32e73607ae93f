"""Adding up counts one level up: municipalities to a kieskring (510c) or the election (510d).

Kieswet art. O 2 and P 2 (versie 2026; Wet nieuwe procedure vaststelling
verkiezingsuitslagen): the hoofdstembureau adds up the results of the
municipalities of its kieskring, the centraal stembureau those of the
kieskringen (or, with one kieskring, of the municipalities). Every figure is
the exact sum of the blocks below it, list by list and candidate by candidate
(by list position: within one kieskring a candidate is their position), and
every counted kind of ballot and admitted voter (RejectedVotes, UncountedVotes)
by its reason code.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kandidaat.domain.election import ListCount, VoteCounts

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["add_up"]


def _ordered(keys: list[str], more: Sequence[tuple[str, int]]) -> None:
    for key, _ in more:
        if key not in keys:
            keys.append(key)


def add_up(blocks: Sequence[VoteCounts]) -> VoteCounts:
    """The blocks added up (Kieswet O 2, P 2, versie 2026).

    Lists keep the order and names of their first appearance; a list's
    candidates are summed by position and listed in rising position order.
    Reason codes keep the order in which they first appear.
    """
    names: dict[int, str] = {}
    votes: Counter[int] = Counter()
    candidates: dict[int, Counter[int]] = {}
    rejected: Counter[str] = Counter()
    uncounted: Counter[str] = Counter()
    rejected_order: list[str] = []
    uncounted_order: list[str] = []
    for block in blocks:
        for item in block.lists:
            names.setdefault(item.number, item.name)
            votes[item.number] += item.votes
            per = candidates.setdefault(item.number, Counter())
            for position, count in item.candidate_votes:
                per[position] += count
        _ordered(rejected_order, block.rejected)
        _ordered(uncounted_order, block.uncounted)
        rejected.update(dict(block.rejected))
        uncounted.update(dict(block.uncounted))
    return VoteCounts(
        lists=tuple(
            ListCount(
                number,
                name,
                votes[number],
                tuple(sorted(candidates[number].items())),
            )
            for number, name in names.items()
        ),
        cast=sum(block.cast for block in blocks),
        total_counted=sum(block.total_counted for block in blocks),
        rejected=tuple((code, rejected[code]) for code in rejected_order),
        uncounted=tuple((code, uncounted[code]) for code in uncounted_order),
    )
