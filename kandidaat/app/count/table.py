"""The table of every polling station for the committee: figures, differences, investigations.

One row per polling station with its agreed figures (D, H, blank, invalid, each list's
total), where entry 1 and entry 2 differed before the coordinator decided, and, for a
station reopened for an investigation, the reason and the fields that changed.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from kandidaat.app.count.progress import overview
from kandidaat.domain.count.compare import compare_entries
from kandidaat.domain.count.figures import list_field

if TYPE_CHECKING:
    from kandidaat.store.count import CountWorkspace

__all__ = ["station_table", "table_csv"]

_SHOWN = 20
"""At most this many differing fields per cell."""


def _fields(differences: list[str]) -> str:
    more = f", en nog {len(differences) - _SHOWN}" if len(differences) > _SHOWN else ""
    return ", ".join(differences[:_SHOWN]) + more


def station_table(workspace: CountWorkspace) -> list[list[str]]:
    """The header and one row per polling station, as text cells."""
    layout = workspace.layout()
    header = [
        "stembureau",
        "naam",
        "status",
        "invoer 1",
        "invoer 2",
        "toegelaten kiezers (D)",
        "uitgebrachte stemmen (H)",
        "blanco",
        "ongeldig",
        *(list_field(item.number) for item in layout.lists),
        "verschillen tussen invoer 1 en 2",
        "onderzoek",
    ]
    decided: dict[int, list[str]] = {}
    for decision in workspace.decisions():
        decided.setdefault(decision.station, []).extend(
            f"{field}: {first}/{second}" for field, first, second in decision.differences
        )
    rows = [header]
    for progress in overview(workspace).stations:
        figures = progress.agreed
        numbers = (
            [
                str(figures.total(name))
                for name in ("toegelaten kiezers", "uitgebrachte stemmen", "blanco", "ongeldig")
            ]
            + [str(item.total) for item in figures.lists]
            if figures is not None
            else [""] * (4 + len(layout.lists))
        )
        differences = decided.get(progress.station.number, []) + [
            f"{d.field}: {d.first}/{d.second}" for d in progress.differences
        ]
        investigation = ""
        if progress.earlier is not None:
            investigation = f"zitting {progress.earlier.reopened_in}: {progress.earlier.reason}"
            if figures is not None:
                changed = [
                    f"{d.field}: {d.first} -> {d.second}"
                    for d in compare_entries(progress.earlier.figures, figures)
                ]
                investigation += f" (gewijzigd: {_fields(changed) or 'niets'})"
        rows.append(
            [
                str(progress.station.number),
                progress.station.name,
                progress.state.value,
                progress.typists[0] or "",
                progress.typists[1] or "",
                *numbers,
                _fields(differences),
                investigation,
            ]
        )
    return rows


def table_csv(rows: list[list[str]]) -> str:
    """The table as CSV (``;``, UTF-8), as spreadsheets open it."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()
