"""Comparison of levels: the counts of a lower level must add up to the level above.

Kieswet art. N 11 and O 3 (versie 2026): the hoofdstembureau adds up the
municipalities' counts of its kieskring, the centraal stembureau the counts of
the kieskringen (or of the municipalities). Every figure that does not add up
is a difference, reported with the files and the numbers on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.domain.result.totals import add_totals

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kandidaat.domain.result.totals import CountTotals, ListTotal

MAX_NAMED_SOURCES = 5
"""A message names at most this many summed files, then says how many more."""


@dataclass(frozen=True, slots=True)
class Difference:
    """One figure that does not add up between two levels.

    ``what`` names the figure in Dutch ("lijst 3, kandidaat 5", "blanco
    stemmen"); ``lower`` is the sum over ``lower_sources``, ``upper`` the figure in
    ``upper_source``.
    """

    what: str
    lower_sources: tuple[str, ...]
    lower: int
    upper_source: str
    upper: int

    @property
    def message(self) -> str:
        """The difference as one Dutch sentence with both files and both numbers."""
        return (
            f"{self.what}: opgeteld uit {_sources(self.lower_sources)} {self.lower}, "
            f"in {self.upper_source} {self.upper} (verschil {self.upper - self.lower:+d})"
        )


def _sources(sources: tuple[str, ...]) -> str:
    if len(sources) <= MAX_NAMED_SOURCES:
        return ", ".join(sources)
    shown = ", ".join(sources[:MAX_NAMED_SOURCES])
    return f"{shown} en {len(sources) - MAX_NAMED_SOURCES} andere bestanden"


def compare_levels(parts: Sequence[CountTotals], upper: CountTotals) -> list[Difference]:
    """Every difference between the sum of ``parts`` and ``upper``.

    Compared: valid, blank and invalid votes, every list's votes and every
    candidate's votes by list position (ShortCodes when both sides carry them).
    """
    lower = add_totals(parts)
    upper_source = upper.sources[0] if upper.sources else "?"
    found: list[Difference] = []

    def differ(what: str, low: int, high: int) -> None:
        if low != high:
            found.append(Difference(what, lower.sources, low, upper_source, high))

    differ("geldige stemmen op lijsten", lower.valid, upper.valid)
    differ("blanco stemmen", lower.blank, upper.blank)
    differ("ongeldige stemmen", lower.invalid, upper.invalid)
    numbers = sorted({item.number for item in lower.lists} | {item.number for item in upper.lists})
    for number in numbers:
        low_list = lower.list_by_number(number)
        high_list = upper.list_by_number(number)
        differ(
            f"lijst {number}",
            low_list.votes if low_list else 0,
            high_list.votes if high_list else 0,
        )
        if low_list is not None and high_list is not None:
            _compare_candidates(number, low_list, high_list, differ)
    return found


def _compare_candidates(number: int, low: ListTotal, high: ListTotal, differ: _Differ) -> None:
    if low.candidates and high.candidates:
        low_votes = dict(low.candidates)
        high_votes = dict(high.candidates)
        for position in sorted(low_votes.keys() | high_votes.keys()):
            differ(
                f"lijst {number}, kandidaat {position}",
                low_votes.get(position, 0),
                high_votes.get(position, 0),
            )
    if low.by_short_code and high.by_short_code:
        low_codes = dict(low.by_short_code)
        high_codes = dict(high.by_short_code)
        for code in sorted(low_codes.keys() | high_codes.keys()):
            differ(
                f"lijst {number}, kandidaat {code}",
                low_codes.get(code, 0),
                high_codes.get(code, 0),
            )


if TYPE_CHECKING:
    from collections.abc import Callable

    _Differ = Callable[[str, int, int], None]
