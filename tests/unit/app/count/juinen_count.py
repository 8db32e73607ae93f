"""Juinen (abacus' test municipality): its files in ../shared and proces-verbaal builders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.app.count.deciding import open_session
from kandidaat.app.count.setup import new_count
from kandidaat.domain.count.figures import ListFigures, StationFigures

if TYPE_CHECKING:
    from pathlib import Path

    from kandidaat.store.count import CountWorkspace

ABACUS = "eml_nl/fixtures/abacus"
FILES = (
    "juinen_eml110a_verkiezingsdefinitie-juinen.eml.xml",
    "juinen_eml110b_stembureaulijst-juinen.eml.xml",
    "juinen_eml230b_kandidatenlijsten-juinen.eml.xml",
)
LIST_SIZES = {1: 8, 2: 6, 3: 30, 4: 50}
"""Candidates per list in the Juinen 230b (read by eye from the file)."""
STATIONS = (1, 2, 3)
"""The polling stations of the Juinen 110b."""


def juinen_files(shared: Path) -> tuple[Path, Path, Path]:
    """The 110a, 110b and 230b of Juinen."""
    folder = shared / ABACUS
    first, second, third = (folder / name for name in FILES)
    return first, second, third


def new_juinen(shared: Path, path: Path) -> CountWorkspace:
    """A new count workspace of Juinen with its first session."""
    workspace = new_count(path, *juinen_files(shared), "Carla Coördinator")
    open_session(
        workspace,
        __import__("datetime").date(2025, 8, 30),
        "Stadhuis Juinen",
        ["Carla Coördinator", "Anna Invoerder", "Bert Invoerder"],
        "",
        "Carla Coördinator",
    )
    return workspace


def proces_verbaal(
    *,
    voters: tuple[int, int, int, int],
    ballots: tuple[int, int, int, int],
    list_totals: dict[int, int],
    votes: dict[tuple[int, int], int],
    differences: dict[str, int] | None = None,
) -> StationFigures:
    """A proces-verbaal as written by hand: A B C D, E F G H, list totals, candidates.

    Candidates not in ``votes`` have 0; every figure is given as written, nothing is
    computed here.
    """
    names = ("stempassen", "volmachtbewijzen", "kiezerspassen", "toegelaten kiezers")
    ballot_names = ("stemmen op lijsten", "blanco", "ongeldig", "uitgebrachte stemmen")
    given = differences or {}
    difference_names = (
        "meer geteld",
        "minder geteld",
        "meegenomen",
        "te weinig uitgereikt",
        "te veel uitgereikt",
        "geen verklaring",
        "andere verklaring",
    )
    return StationFigures(
        totals=tuple(zip(names, voters, strict=True))
        + tuple(zip(ballot_names, ballots, strict=True)),
        differences=tuple((name, given.get(name, 0)) for name in difference_names),
        lists=tuple(
            ListFigures(
                number,
                list_totals.get(number, 0),
                tuple((p, votes.get((number, p), 0)) for p in range(1, size + 1)),
            )
            for number, size in LIST_SIZES.items()
        ),
    )
