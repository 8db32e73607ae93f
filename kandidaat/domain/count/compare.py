"""The comparison of entry 1 and entry 2 of one proces-verbaal (four eyes).

Two typists enter the same paper independently; only where their figures differ does
the coordinator look at the paper and decide. Nothing counts until both agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kandidaat.domain.count.figures import StationFigures

__all__ = ["FieldDifference", "compare_entries"]


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """One field where the two entries differ (None: the field is missing in that entry)."""

    field: str
    first: int | None
    second: int | None


def compare_entries(first: StationFigures, second: StationFigures) -> tuple[FieldDifference, ...]:
    """Every field where entry 1 and entry 2 differ, in the order of the form."""
    one = dict(first.fields())
    two = dict(second.fields())
    order = [name for name, _ in first.fields()]
    order += [name for name, _ in second.fields() if name not in one]
    return tuple(
        FieldDifference(name, one.get(name), two.get(name))
        for name in order
        if one.get(name) != two.get(name)
    )
