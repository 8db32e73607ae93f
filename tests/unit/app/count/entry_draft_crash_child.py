"""Writer of the draft crash test: one field of a draft saved per step, printed after its commit.

Step N saves field ``FIELDS[(N - 1) % 22]`` of typist Anna's draft of invoer 1 of
polling station ``(N - 1) // 44 + 1`` with the figure N, through the desk the count
window uses (the file is opened for every field, as the window does): each station's
22 fields are typed twice, the second figure replacing the first.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "store"))
from count_crash_child import CRASH_SETUP, STATIONS
from crash_protocol import report_steps, serve

from kandidaat.app.count.desk import CountDesk
from kandidaat.app.count.drafts import paper_order

__all__ = ["CRASH_SETUP", "FIELDS", "STATIONS", "TYPIST", "step_of"]

FIELDS = paper_order(CRASH_SETUP.layout)
TYPIST = "Anna"


def step_of(number: int) -> tuple[int, str, int]:
    """(station, field, figure) of step ``number``."""
    index = number - 1
    return index // (2 * len(FIELDS)) + 1, FIELDS[index % len(FIELDS)], number


def apply(desk: CountDesk, number: int) -> None:
    """Step ``number``: one field left by the typist."""
    station, field, figure = step_of(number)
    desk.save_draft(station, 1, TYPIST, {field: str(figure)})


def write_for_ever(path: Path, start: int) -> None:
    """Save fields for ever, reporting each committed one."""
    desk = CountDesk.open(path)
    report_steps(start, lambda number: apply(desk, number))


if __name__ == "__main__":
    serve(Path(sys.argv[1]), write_for_ever)
