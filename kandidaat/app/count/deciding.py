"""The coordinator's decisions: a session of the gemeentelijk stembureau; two differing entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.app.count.progress import State, station_progress
from kandidaat.common.unprintable import is_unprintable
from kandidaat.domain.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from kandidaat.store.count import CountWorkspace

__all__ = ["decide", "investigate", "open_session"]

MAX_TEXT = 200
MAX_MEMBERS = 100


def decide(workspace: CountWorkspace, station: int, choice: str, coordinator: str) -> int:
    """Keep entry 1 or 2 of ``station``, or have both typed again; returns the differences.

    The coordinator compares the differing fields with the paper proces-verbaal. The
    entry not kept is typed again by a typist other than the one of the kept entry;
    nothing counts until both agree.

    Raises:
        InputError: the station has no two differing entries (nothing changes).
    """
    known = next((s for s in workspace.stations() if s.number == station), None)
    if known is None:
        raise InputError(f"stembureau {station} staat niet in de stembureaulijst (110b)")
    progress = station_progress(workspace, known)
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

    Kieswet hoofdstuk Na (versie 2026), model Na 31-1/Na 31-2: the gemeentelijk
    stembureau adds up the results in a public session; its proces-verbaal names the
    members present.

    Raises:
        InputError: no place, no member, more than 100 members, a text longer than 200
            characters or with a control character.
    """
    place, reason = " ".join(place.split()), " ".join(reason.split())
    if not place or len(place) > MAX_TEXT:
        raise InputError(f"--plaats: geef de plaats van de zitting (hoogstens {MAX_TEXT} tekens)")
    if not members:
        raise InputError("--lid: geef de aanwezige leden van het gemeentelijk stembureau")
    if len(members) > MAX_MEMBERS:
        raise InputError(f"--lid: hoogstens {MAX_MEMBERS} leden")
    if len(reason) > MAX_TEXT:
        raise InputError(f"--reden: hoogstens {MAX_TEXT} tekens")
    for option, text in (("--plaats", place), ("--reden", reason)):
        if any(is_unprintable(char) for char in text):
            raise InputError(f"{option}: de tekst bevat een stuurteken")
    return workspace.add_session(held_on, place, members, reason or "eerste zitting", coordinator)


def investigate(
    workspace: CountWorkspace, station: int, reason: str, coordinator: str, kind: str
) -> int:
    """Reopen an agreed station in a later session (onderzoek); returns that session.

    The gemeentelijk stembureau may investigate and recount a polling station in a later
    session (Kieswet hoofdstuk Na, versie 2026: an unexplained difference, another
    error, a request of the centraal stembureau; the corrected result goes in a
    corrigendum, model Na 14-1/Na 14-2); the first result is kept with the reason, and
    the station is typed in twice again from the corrected proces-verbaal. ``telling
    tabel`` shows what changed. ``kind`` is "onverklaard verschil" or "andere fout";
    the 510b says it in kr:ReportingUnitInvestigations, with whether the result was
    corrected.

    Raises:
        InputError: no reason, a reason longer than 200 characters or with a control
            character.
        WorkspaceError: the station is not agreed, or no later session was opened.
    """
    reason = " ".join(reason.split())
    if not reason or len(reason) > MAX_TEXT:
        raise InputError(f"--reden: geef de reden van het onderzoek (hoogstens {MAX_TEXT} tekens)")
    if any(is_unprintable(char) for char in reason):
        raise InputError("--reden: de tekst bevat een stuurteken")
    return workspace.reopen(station, reason, coordinator, kind)
