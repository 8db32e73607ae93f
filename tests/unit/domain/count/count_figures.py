"""A small ballot and a proces-verbaal of it that adds up, for the count tests."""

from __future__ import annotations

from kandidaat.domain.count.figures import (
    DIFFERENCE_FIELDS,
    BallotLayout,
    ListFigures,
    ListLayout,
    StationFigures,
)

LAYOUT = BallotLayout(
    (ListLayout(1, "Partij Een", (1, 2, 3)), ListLayout(2, "Partij Twee", (1, 2)))
)


def figures(  # noqa: PLR0913 - one keyword per figure of the form
    *,
    lists: tuple[tuple[int, tuple[int, ...]], ...] = ((1, (50, 30, 20)), (2, (40, 10))),
    stempassen: int = 140,
    volmacht: int = 12,
    kiezerspassen: int = 0,
    blank: int = 1,
    invalid: int = 1,
    admitted: int | None = None,
    cast: int | None = None,
    **differences: int,
) -> StationFigures:
    """A proces-verbaal; list totals are the candidate sums unless overridden."""
    valid = sum(sum(votes) for _, votes in lists)
    totals = {
        "stempassen": stempassen,
        "volmachtbewijzen": volmacht,
        "kiezerspassen": kiezerspassen,
        "toegelaten kiezers": stempassen + volmacht + kiezerspassen
        if admitted is None
        else admitted,
        "stemmen op lijsten": valid,
        "blanco": blank,
        "ongeldig": invalid,
        "uitgebrachte stemmen": valid + blank + invalid if cast is None else cast,
    }
    diff = {name: differences.get(name.replace(" ", "_"), 0) for name, _ in DIFFERENCE_FIELDS}
    return StationFigures(
        totals=tuple(totals.items()),
        differences=tuple(diff.items()),
        lists=tuple(
            ListFigures(n, sum(votes), tuple(enumerate(votes, start=1))) for n, votes in lists
        ),
    )
