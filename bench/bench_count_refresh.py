"""Benchmark: the count window's station list refreshed after a save (issue 14).

The count is bench_count.py's: abacus' 110b of 420 polling stations, 20 lists of 50
candidates, the same generated figures. Every station is entered twice, except that
five stations have only entry 1 and three have entry 2 with one candidate figure one
higher (so the coordinator's list has three stations). Then, alternately and best of
``--repeat``, what the window calls after each save or decision, each opening the file
as the window does:

- before: ``CountDesk.overview`` (``app.count.progress.overview``: every entry's
  figures read from JSON and compared);
- after: ``CountDesk.states`` (``app.count.progress.station_states``: the entries'
  typists, SQLite comparing the stored figures text; figures read only for the three
  differing stations).

It also checks that both give the same states, typists and differences. With
``--window`` it then times the whole refresh of the count window, shown offscreen at
1366 x 768 (``CountWindow.refresh``: the states and both tables filled). Before this
change the table measured every row for every cell set (columns sized to their
contents): 17.8 s for 420 stations on the 2-core build machine, measured once on
commit c3cfd30 with the same count.

Usage: .venv/bin/python bench/bench_count_refresh.py [--repeat R] [--keep DIR] [--window]
``--keep DIR`` keeps (and on a later run reuses) the count in DIR/refresh.tel.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench_count import STATIONS_110B, alternate, election_files, figures

from kandidaat.app.count.deciding import open_session
from kandidaat.app.count.desk import CountDesk
from kandidaat.app.count.entering import enter
from kandidaat.app.count.setup import new_count
from kandidaat.domain.count.figures import ListFigures, StationFigures

LISTS, CANDIDATES = 20, 50
HALF = 5
"""Stations with only entry 1 (the last ones)."""
DIFFERING = (7, 100, 333)
"""Stations whose entry 2 has candidate 1 of list 1 one higher (and its list total)."""


def typo(pv: StationFigures) -> StationFigures:
    """Candidate 1 of list 1 one vote higher, its list total and E along (still adds up)."""
    first = pv.lists[0]
    changed = ListFigures(
        first.number, first.total + 1, ((1, first.candidates[0][1] + 1), *first.candidates[1:])
    )
    totals = tuple(
        (name, value + 1 if name in ("stemmen op lijsten", "uitgebrachte stemmen") else value)
        for name, value in pv.totals
    )
    totals = tuple((n, v + 1 if n == "toegelaten kiezers" else v) for n, v in totals)
    totals = tuple((n, v + 1 if n == "stempassen" else v) for n, v in totals)
    return dataclasses.replace(pv, totals=totals, lists=(changed, *pv.lists[1:]))


def make_count(folder: Path) -> Path:
    """The 420-station count, entered as the module docstring says; returns its path."""
    path = folder / "refresh.tel"
    if path.exists():
        return path
    definition, lists = election_files(folder, LISTS, CANDIDATES)
    with new_count(path, definition, STATIONS_110B, lists, "C. Coördinator") as workspace:
        open_session(
            workspace,
            date(2022, 3, 17),
            "Stadhuis",
            ["C. Coördinator", "A. Invoerder", "B. Invoerder"],
            "",
            "C. Coördinator",
        )
        numbers = [s.number for s in workspace.stations()]
        for n in numbers:
            pv = figures(n, LISTS, CANDIDATES)
            enter(workspace, n, 1, "A. Invoerder", pv)
            if n in numbers[-HALF:]:
                continue
            second = typo(pv) if n in DIFFERING else pv
            outcome = enter(workspace, n, 2, "B. Invoerder", second)
            if not outcome.stored:
                sys.stderr.write(f"stembureau {n} geweigerd: {outcome.findings[:2]}\n")
                raise SystemExit(1)
    return path


def main() -> int:
    """Make the count, time both refreshes alternately, check they agree, print."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, default=None)
    parser.add_argument("--window", action="store_true", help="time the window's refresh too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = args.keep or Path(name)
        folder.mkdir(parents=True, exist_ok=True)
        desk = CountDesk.open(make_count(folder))
        full, cheap = desk.overview(), desk.states()
        stripped = [dataclasses.replace(p, agreed=None) for p in full.stations]
        same = list(cheap.stations) == stripped
        before, after = alternate(desk.overview, desk.states, args.repeat)
        shown = window_refresh(desk, args.repeat) if args.window else None
    differing = sum(1 for p in cheap.stations if p.differences)
    print(
        f"{len(cheap.stations)} stembureaus x {LISTS} lijsten x {CANDIDATES} kandidaten; "
        f"{differing} met verschillen; dezelfde statussen, invoerders en verschillen: "
        f"{'ja' if same else 'NEE'}"
    )
    print(
        f"lijst verversen na opslaan: voorheen (overview, alle cijfers) {before:.3f} s; "
        f"nu (station_states) {after:.3f} s; {before / after:.1f}x sneller "
        f"(beste van {args.repeat}, afwisselend, met het openen van het bestand)"
    )
    if shown is not None:
        print(f"het hele venster verversen (420 rijen, getoond, 1366 x 768): {shown:.3f} s")
    return 0 if same else 1


def window_refresh(desk: CountDesk, repeat: int) -> float:
    """Best time of the count window's refresh while it shows (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kandidaat.gui.application import application  # noqa: PLC0415 - Qt only with --window
    from kandidaat.gui.count.count_window import CountWindow  # noqa: PLC0415

    app = application()
    window = CountWindow(desk)
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    best = float("inf")
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            window.refresh()
            app.processEvents()
            best = min(best, time.perf_counter() - start)
    finally:
        window.close()
    return best


if __name__ == "__main__":
    sys.exit(main())
