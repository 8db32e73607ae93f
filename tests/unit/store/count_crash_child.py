"""Writer of the count crash test: numbered entries on a .tel file, each printed after its commit.

Step N enters slot 1 (odd N, typist Anna) or slot 2 (even N, typist Bert) of polling
station (N + 1) // 2; every step is one transaction with its log entry.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from count_store_samples import SETUP, station_figures
from crash_protocol import report_steps, serve

from kandidaat.domain.election import PollingStation
from kandidaat.store.count import CountSetup, CountWorkspace

STATIONS = 2000
CRASH_SETUP: CountSetup = dataclasses.replace(
    SETUP,
    stations=tuple(PollingStation(n, f"Stembureau {n}", None, 500) for n in range(1, STATIONS + 1)),
)


def step_of(number: int) -> tuple[int, int, str]:
    """(station, slot, typist) of step ``number``."""
    return (number + 1) // 2, 2 - number % 2, "Anna" if number % 2 else "Bert"


def apply(workspace: CountWorkspace, number: int) -> None:
    """Step ``number``."""
    station, slot, typist = step_of(number)
    workspace.add_entry(station, slot, typist, station_figures(station), (), {"stap": number})


def write_for_ever(path: Path, start: int) -> None:
    """Apply steps for ever, reporting each committed one."""
    workspace = CountWorkspace.open(path)
    report_steps(start, lambda number: apply(workspace, number))


if __name__ == "__main__":
    serve(Path(sys.argv[1]), write_for_ever)
