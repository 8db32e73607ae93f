"""Where the count stands: per polling station missing, half entered, differing or agreed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from kandidaat.domain.count.compare import FieldDifference, compare_entries
from kandidaat.domain.count.figures import StationFigures
from kandidaat.domain.election import PollingStation
from kandidaat.store.count import EarlierResult

if TYPE_CHECKING:
    from kandidaat.store.count import CountWorkspace, EntryHead, StoredEntry

__all__ = [
    "Overview",
    "State",
    "StationProgress",
    "overview",
    "overview_json",
    "render_overview",
    "station_progress",
    "station_states",
]


class State(StrEnum):
    """The state of one polling station; the value is what a user reads."""

    MISSING = "nog niet ingevoerd"
    FIRST_ONLY = "wacht op invoer 2"
    SECOND_ONLY = "wacht op invoer 1"
    DIFFERENT = "verschil: de coördinator beslist"
    AGREED = "klaar"


@dataclass(frozen=True, slots=True)
class StationProgress:
    """One polling station: its state, the typists, and where the entries differ."""

    station: PollingStation
    state: State
    typists: tuple[str | None, str | None]
    differences: tuple[FieldDifference, ...] = ()
    agreed: StationFigures | None = None
    earlier: EarlierResult | None = None
    """The latest earlier result when the station was reopened for an investigation."""


@dataclass(frozen=True, slots=True)
class Overview:
    """Every polling station's progress, in number order."""

    stations: tuple[StationProgress, ...]

    @property
    def complete(self) -> bool:
        """Whether every polling station is agreed (only then may the 510b be made)."""
        return all(p.state is State.AGREED for p in self.stations)

    def open_stations(self) -> tuple[StationProgress, ...]:
        """The stations that are not agreed yet."""
        return tuple(p for p in self.stations if p.state is not State.AGREED)


def _progress(station: PollingStation, entries: dict[int, StoredEntry]) -> StationProgress:
    first, second = entries.get(1), entries.get(2)
    typists = (first.typist if first else None, second.typist if second else None)
    if first is None and second is None:
        return StationProgress(station, State.MISSING, typists)
    if first is None:
        return StationProgress(station, State.SECOND_ONLY, typists)
    if second is None:
        return StationProgress(station, State.FIRST_ONLY, typists)
    # Equal figures (the usual case) need no field-by-field comparison: tuple equality
    # is exact and avoids building every field name of both entries (bench_count).
    same = first.figures == second.figures
    differences = () if same else compare_entries(first.figures, second.figures)
    if differences:
        return StationProgress(station, State.DIFFERENT, typists, differences)
    return StationProgress(station, State.AGREED, typists, agreed=first.figures)


def station_progress(workspace: CountWorkspace, station: PollingStation) -> StationProgress:
    """The progress of one polling station."""
    progress = _progress(station, {e.slot: e for e in workspace.entries(station.number)})
    earlier = [r for r in workspace.earlier_results() if r.station == station.number]
    return dataclasses.replace(progress, earlier=earlier[-1]) if earlier else progress


def overview(workspace: CountWorkspace) -> Overview:
    """The progress of every polling station of the workspace."""
    by_station: dict[int, dict[int, StoredEntry]] = {}
    for entry in workspace.entries():
        by_station.setdefault(entry.station, {})[entry.slot] = entry
    earlier = {r.station: r for r in workspace.earlier_results()}
    return Overview(
        tuple(
            dataclasses.replace(
                _progress(s, by_station.get(s.number, {})), earlier=earlier.get(s.number)
            )
            for s in workspace.stations()
        )
    )


def station_states(workspace: CountWorkspace) -> Overview:
    """Every polling station's state, typists and differences, without the agreed figures.

    What the count window's station list and the coordinator's list show, refreshed after
    every save and every decision. The states, typists, differences and earlier results
    are those of :func:`overview`; only ``agreed`` stays None. The figures are read only
    for stations whose two entries are stored as different text (SQLite compares the
    text): equal text is equal figures, and the few others are compared as
    :func:`overview` compares them. On 420 stations of 20 lists of 50 candidates this
    reads no figure at all when every station agrees (bench/bench_count_refresh.py).
    """
    heads: dict[int, dict[int, EntryHead]] = {}
    for head in workspace.entry_heads():
        heads.setdefault(head.station, {})[head.slot] = head
    earlier = {r.station: r for r in workspace.earlier_results()}
    stations = []
    for station in workspace.stations():
        found = heads.get(station.number, {})
        first, second = found.get(1), found.get(2)
        if first is not None and second is not None and not first.same_as_other:
            entries = {e.slot: e for e in workspace.entries(station.number)}
            progress = dataclasses.replace(_progress(station, entries), agreed=None)
        else:
            progress = _head_progress(station, first, second)
        stations.append(dataclasses.replace(progress, earlier=earlier.get(station.number)))
    return Overview(tuple(stations))


def _head_progress(
    station: PollingStation, first: EntryHead | None, second: EntryHead | None
) -> StationProgress:
    """The progress of a station whose entries are missing, single or stored as equal."""
    typists = (first.typist if first else None, second.typist if second else None)
    if first is None and second is None:
        return StationProgress(station, State.MISSING, typists)
    if first is None:
        return StationProgress(station, State.SECOND_ONLY, typists)
    if second is None:
        return StationProgress(station, State.FIRST_ONLY, typists)
    return StationProgress(station, State.AGREED, typists)


_SHOWN_DIFFERENCES = 50


def overview_json(report: Overview) -> dict[str, object]:
    """The progress as JSON for scripts: every station, its state and its differences."""
    return {
        "klaar": report.complete,
        "stembureaus": [
            {
                "stembureau": p.station.number,
                "naam": p.station.name,
                "status": p.state.name.lower(),
                "invoerders": list(p.typists),
                "verschillen": [
                    {"veld": d.field, "invoer_1": d.first, "invoer_2": d.second}
                    for d in p.differences
                ],
                "onderzoek": None
                if p.earlier is None
                else {"zitting": p.earlier.reopened_in, "reden": p.earlier.reason},
            }
            for p in report.stations
        ],
    }


def render_overview(report: Overview) -> str:
    """Dutch text for the coordinator: every open station and where its entries differ."""
    counts = dict.fromkeys(State, 0)
    for progress in report.stations:
        counts[progress.state] += 1
    half = counts[State.FIRST_ONLY] + counts[State.SECOND_ONLY]
    summary = (
        f"{len(report.stations)} stembureau(s): {counts[State.AGREED]} klaar, "
        f"{counts[State.DIFFERENT]} met verschillen, {half} half ingevoerd, "
        f"{counts[State.MISSING]} nog niet ingevoerd."
    )
    lines = [summary]
    for progress in report.open_stations():
        who = " en ".join(t for t in progress.typists if t)
        by = f" (ingevoerd door {who})" if who else ""
        reopened = (
            f" (onderzoek in zitting {progress.earlier.reopened_in}: {progress.earlier.reason})"
            if progress.earlier is not None
            else ""
        )
        lines.append(
            f"stembureau {progress.station.number} {progress.station.name}: "
            f"{progress.state.value}{by}{reopened}"
        )
        lines.extend(
            f"  {d.field}: invoer 1 {d.first}, invoer 2 {d.second}"
            for d in progress.differences[:_SHOWN_DIFFERENCES]
        )
        if len(progress.differences) > _SHOWN_DIFFERENCES:
            lines.append(f"  ... en nog {len(progress.differences) - _SHOWN_DIFFERENCES} velden")
    if report.complete:
        lines.append(
            "Alle stembureaus zijn twee keer gelijk ingevoerd; de telling kan naar EML 510b."
        )
    return "\n".join(lines) + "\n"
