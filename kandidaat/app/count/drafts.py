"""Drafts (concepten) of entries being typed: saved field by field, restored for their typist.

The count window saves each figure when the cursor leaves its field, so a SIGKILL, a
crash or a power cut while a proces-verbaal is typed loses at most the field being
typed. A draft belongs to one entry (station and invoer 1 or 2) and its typist: only
that typist gets it back; another typist of the same entry starts from an empty form,
and invoer 2 never sees anything of invoer 1. The draft ends in the transaction that
stores the entry, or when the typist throws the entry away (docs/adr/0139).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.domain.count.figures import (
    DIFFERENCE_FIELDS,
    TOTAL_FIELDS,
    candidate_field,
    list_field,
)
from kandidaat.domain.errors import InputError, KandidaatError

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from kandidaat.domain.count.figures import BallotLayout
    from kandidaat.store.count import CountWorkspace

__all__ = [
    "MAX_DIGITS",
    "RETRY_SECONDS",
    "DraftKeeper",
    "RestoredDraft",
    "discard_draft",
    "load_draft",
    "paper_order",
    "save_field",
    "save_fields",
]

MAX_DIGITS = 8
"""Digits a field of the form takes (the largest figure, 10 000 000, has eight)."""
RETRY_SECONDS = 5.0
"""After a failed save (the file is in use), fields are kept in memory this long."""


@dataclass(frozen=True, slots=True)
class RestoredDraft:
    """A typist's draft as the form shows it again."""

    texts: dict[str, str]
    """Field to the text it shows, in the order of the paper form."""
    resume_at: str | None
    """The first empty field after the last filled one (None: the last field is filled)."""


def paper_order(layout: BallotLayout) -> tuple[str, ...]:
    """Every field in the order of the paper form (the order Enter and Tab follow).

    A-H, the difference, then per list its candidates and under them its total.
    """
    names = [name for name, _ in (*TOTAL_FIELDS, *DIFFERENCE_FIELDS)]
    for item in layout.lists:
        names += [candidate_field(item.number, p) for p in item.positions]
        names.append(list_field(item.number))
    return tuple(names)


def _same_name(first: str, second: str) -> bool:
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def _value(field: str, text: str) -> int | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    if not cleaned.isascii() or not cleaned.isdigit() or len(cleaned) > MAX_DIGITS:
        msg = f"{field}: {cleaned[:20]!r} is geen getal van ten hoogste {MAX_DIGITS} cijfers"
        raise InputError(msg)
    return int(cleaned)


def save_fields(
    workspace: CountWorkspace, station: int, slot: int, typist: str, texts: Mapping[str, str]
) -> None:
    """Save typed fields of ``typist``'s draft of entry ``slot`` of ``station`` (one transaction).

    An empty text clears the field. Not logged per field (only the draft's start).

    Raises:
        InputError: a field this ballot does not have, or a text that is not a figure.
        WorkspaceError: an unknown station or slot, an entry already stored, the typist
            of the other entry, or a file in use; nothing is saved.
    """
    known = set(paper_order(workspace.layout()))
    values: dict[str, int | None] = {}
    for field, text in texts.items():
        if field not in known:
            msg = f"het stembiljet heeft geen veld {field[:60]!r}; er is niets bewaard"
            raise InputError(msg)
        values[field] = _value(field, text)
    if values:
        workspace.save_draft(station, slot, typist, values)


def save_field(
    workspace: CountWorkspace, station: int, slot: int, typist: str, field: str, text: str
) -> None:
    """Save one field of a draft (see :func:`save_fields`)."""
    save_fields(workspace, station, slot, typist, {field: text})


def load_draft(
    workspace: CountWorkspace, station: int, slot: int, typist: str
) -> RestoredDraft | None:
    """``typist``'s draft of entry ``slot`` of ``station``; None when they have none.

    A draft of another typist is never handed out (None).
    """
    draft = workspace.draft(station, slot)
    if draft is None or not _same_name(draft.typist, typist):
        return None
    order = paper_order(workspace.layout())
    texts = {field: str(draft.values[field]) for field in order if field in draft.values}
    if not texts:
        return None
    last = max(order.index(field) for field in texts)
    resume_at = order[last + 1] if last + 1 < len(order) else None
    return RestoredDraft(texts, resume_at)


def discard_draft(workspace: CountWorkspace, station: int, slot: int, typist: str) -> int:
    """Throw away ``typist``'s draft (Annuleren, Invoer weggooien); returns its field count.

    Logged as "concept verwijderd"; a draft of another typist is left alone (0).
    """
    return workspace.delete_draft(station, slot, typist, "weggegooid door de invoerder")


class DraftKeeper:
    """Saves the fields of one open form as the typist leaves them.

    When a save fails (the coordinator's command line holds the file), the fields stay
    in memory and are saved together with the next field left after
    :data:`RETRY_SECONDS`, so typing never waits on the file more than once in a while.
    """

    __slots__ = ("_clock", "_pending", "_retry_at", "_said", "_save")

    def __init__(
        self,
        save: Callable[[Mapping[str, str]], None],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Keep fields through ``save`` (e.g. :meth:`CountDesk.save_draft` for one entry)."""
        self._save = save
        self._clock = clock
        self._pending: dict[str, str] = {}
        self._retry_at = 0.0
        self._said: str | None = None

    @property
    def pending(self) -> dict[str, str]:
        """The fields left but not saved yet (field to text)."""
        return dict(self._pending)

    def keep(self, field: str, text: str) -> str | None:
        """The typist left ``field`` showing ``text``; None, or a Dutch line when not saved."""
        self._pending[field] = text
        if self._clock() < self._retry_at:
            return None
        return self.flush()

    def flush(self) -> str | None:
        """Save what is pending now; None, or a Dutch line saying why it is not saved.

        The same reason is said once, not again at every retry.
        """
        if not self._pending:
            return None
        try:
            self._save(dict(self._pending))
        except KandidaatError as error:
            self._retry_at = self._clock() + RETRY_SECONDS
            problem = (
                f"Het concept is niet bewaard ({error.message}); het getypte blijft staan "
                "en kandidaat probeert het bij een volgend veld opnieuw."
            )
            said, self._said = self._said, problem
            return None if problem == said else problem
        self._pending.clear()
        self._retry_at = 0.0
        self._said = None
        return None
