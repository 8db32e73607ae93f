"""The coordinator's decisions: a session of the gemeentelijk stembureau; two differing entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.app.count.progress import State, overview
from kandidaat.domain.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from kandidaat.store.count import CountWorkspace

__all__ = ["decide", "open_session"]

MAX_TEXT = 200


def decide(workspace: CountWorkspace, station: int, choice: str, coordinator: str) -> int:
    """Keep entry 1 or 2 of ``station``, or have both typed again; returns the differences.

    The coordinator compares the differing fields with the paper proces-verbaal. The
    entry not kept is typed again by a typist other than the one of the kept entry;
    nothing counts until both agree.

    Raises:
        InputError: the station has no two differing entries (nothing changes).
    """
    progress = next((p for p in overview(workspace).stations if p.station.number == station), None)
    if progress is None:
        raise InputError(f"stembureau {station} staat niet in de stembureaulijst (110b)")
    if progress.state is not State.DIFFERENT:
        raise InputError(
            f"stembureau {station}: {progress.state.value}; alleen twee verschillende invoeren "
            "vragen een besluit"
        )
    workspace.decide(
        station,
        choice,
        coordinator,
        [(d.field, d.first, d.second) for d in progress.differences],
    )
    return len(progress.differences)


def open_session(
    workspace: CountWorkspace,
    held_on: date,
    place: str,
    members: Sequence[str],
    reason: str,
    coordinator: str,
) -> int:
    """Record a session (zitting) of the gemeentelijk stembureau; returns its number.

    Kieswet N 11 and Na 31 (versie 2026): the gemeentelijk stembureau adds up the
    results in a public session; its proces-verbaal names the members present.

    Raises:
        InputError: no place, no member, or a text longer than 200 characters.
    """
    place = " ".join(place.split())
    if not place or len(place) > MAX_TEXT:
        raise InputError(f"--plaats: geef de plaats van de zitting (hoogstens {MAX_TEXT} tekens)")
    if not members:
        raise InputError("--lid: geef de aanwezige leden van het gemeentelijk stembureau")
    if len(reason) > MAX_TEXT:
        raise InputError(f"--reden: hoogstens {MAX_TEXT} tekens")
    return workspace.add_session(held_on, place, members, reason or "eerste zitting", coordinator)
