"""A small count workspace for the store tests: three polling stations, two lists."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "domain" / "count"))
from count_figures import LAYOUT, figures

from kandidaat.domain.election import ElectionIdentifier, PollingStation
from kandidaat.store.count import CountSetup, CountWorkspace

if TYPE_CHECKING:
    from kandidaat.domain.count.figures import StationFigures

__all__ = ["LAYOUT", "SETUP", "figures", "make", "station_figures"]

SETUP = CountSetup(
    election=ElectionIdentifier(
        "GR2026_Ons", "Gemeenteraad Ons", "GR", "GR2", "42", "Ons", "2026-03-18"
    ),
    contest_id="geen",
    municipality_id="42",
    municipality_name="Ons",
    eligible=3000,
    stations=(
        PollingStation(1, "Dorpshuis", "1234 AB", 1000),
        PollingStation(2, "School", "1234 CD", 1000),
        PollingStation(3, "Kerk", None, 1000),
    ),
    layout=LAYOUT,
    sources=(
        ("110a", "110a.xml", b"<a/>"),
        ("110b", "110b.xml", b"<b/>"),
        ("230b", "230b.xml", b"<c/>"),
    ),
)


def make(path: Path) -> CountWorkspace:
    """A new workspace at ``path`` made by coordinator Carla."""
    return CountWorkspace.create(path, SETUP, "Carla Coördinator")


def station_figures(number: int) -> StationFigures:
    """Figures of station ``number`` that add up: list 1 gets ``number`` more on candidate 1."""
    return figures(lists=((1, (50 + number, 30, 20)), (2, (40, 10))), stempassen=140 + number)
