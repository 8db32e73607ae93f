"""Enter one polling station's proces-verbaal: check, confirm warnings, store, compare.

The typist never sees the other entry's figures: after storing, only whether the two
entries agree and, if not, how many fields differ (the coordinator sees which).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.domain.count.checks import blocking, check_entry, warnings_of
from kandidaat.domain.count.compare import compare_entries
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.findings import Finding

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kandidaat.domain.count.figures import StationFigures
    from kandidaat.store.count import CountWorkspace

__all__ = ["EntryOutcome", "enter"]


@dataclass(frozen=True, slots=True)
class EntryOutcome:
    """What happened to one entry.

    ``stored`` is False when an error blocked it or a warning was not confirmed
    (``unconfirmed``). ``differing`` is None while the other entry is missing, else
    the number of fields where the two entries differ (0: agreed).
    """

    station: int
    slot: int
    findings: tuple[Finding, ...]
    stored: bool
    unconfirmed: tuple[Finding, ...] = ()
    differing: int | None = None

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The errors that blocked the entry."""
        return blocking(self.findings)


def enter(
    workspace: CountWorkspace,
    station: int,
    slot: int,
    typist: str,
    figures: StationFigures,
    confirm: Sequence[str] = (),
) -> EntryOutcome:
    """Check ``figures`` and store them as entry ``slot`` of ``station`` when they may be.

    Errors block the entry; each warning needs its code in ``confirm`` (the confirmation
    is logged with the entry).

    Raises:
        InputError: a confirmed code that is not a warning of this entry.
        WorkspaceError: an unknown station, a slot already entered, or the other
            slot's typist (nothing is stored).
    """
    findings = check_entry(figures, workspace.layout())
    if blocking(findings):
        return EntryOutcome(station, slot, findings, stored=False)
    warnings = warnings_of(findings)
    codes = {f.code for f in warnings}
    unknown = sorted(set(confirm) - codes)
    if unknown:
        raise InputError(
            f"--bevestig {unknown[0][:60]}: deze invoer heeft die waarschuwing niet"
            + (f" (wel: {', '.join(sorted(codes))})" if codes else "")
            + "; er is niets opgeslagen"
        )
    unconfirmed = tuple(f for f in warnings if f.code not in set(confirm))
    if unconfirmed:
        return EntryOutcome(station, slot, findings, stored=False, unconfirmed=unconfirmed)
    workspace.add_entry(
        station,
        slot,
        typist,
        figures,
        tuple(sorted(codes)),
        {"waarschuwingen": [[f.code, f.message] for f in warnings]},
    )
    other = next((e for e in workspace.entries(station) if e.slot == 3 - slot), None)
    differing = None if other is None else len(compare_entries(figures, other.figures))
    return EntryOutcome(station, slot, findings, stored=True, differing=differing)
