"""The editing session: one open project, its current state, undo and redo.

Every edit is committed to the project file at once, through the store's
fine-grained calls (one transaction each), before the session shows the new
state; undoing an edit is itself such a committed change. A crash therefore
loses at most the edit in flight. The session holds no Qt: the desktop
application listens to it, and the unit tests drive it without widgets.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from kandidaat.domain.errors import InputError, KandidaatError
from kandidaat.domain.nomination.checks import run_checks
from kandidaat.domain.nomination.model import (
    Nomination,
)
from kandidaat.domain.nomination.text_rules import nomination_problems
from kandidaat.store.project import ProjectFile
from kandidaat.store.reasons import Action, os_reason

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from pathlib import Path

    from kandidaat.app.editing.edits import Edit
    from kandidaat.domain.nomination.findings import Finding
    from kandidaat.domain.nomination.model import (
        Candidate,
        CandidateList,
        Election,
        Party,
    )
    from kandidaat.store.project import ProjectMeta

__all__ = ["Checker", "EditingSession", "ProjectStore", "UndoStep"]

MAX_UNDO_STEPS = 500
"""How many edits can be undone (older ones drop off)."""


class ProjectStore(Protocol):
    """The fine-grained calls of the project file (:class:`kandidaat.store` ProjectFile)."""

    def load(self) -> Nomination:
        """The nomination as committed."""
        ...

    def put_party(self, party: Party) -> None:
        """Commit the party side."""
        ...

    def put_election(self, election: Election) -> None:
        """Commit the election."""
        ...

    def put_candidate(self, candidate: Candidate) -> None:
        """Commit a new or changed candidate."""
        ...

    def remove_candidate(self, key: str) -> None:
        """Commit the removal of a candidate."""
        ...

    def put_list(self, candidate_list: CandidateList) -> None:
        """Commit a new or changed list."""
        ...

    def remove_list(self, key: str) -> None:
        """Commit the removal of a list."""
        ...

    @property
    def meta(self) -> ProjectMeta:
        """Revision and when the documents were printed."""
        ...

    def mark_documents_printed(self) -> None:
        """Record that the documents were printed now."""
        ...

    def close(self) -> None:
        """Release the file."""
        ...


class Checker(Protocol):
    """The nomination checks: ``run_checks(nomination, today=...)``."""

    def __call__(self, nomination: Nomination, *, today: date | None = None) -> tuple[Finding, ...]:
        """Every finding of the nomination."""
        ...


@dataclass(frozen=True, slots=True)
class UndoStep:
    """One edit as it can be undone: the state before and after."""

    description: str
    before: Nomination
    after: Nomination


class EditingSession:
    """One open project: the current nomination, edits, undo/redo and findings."""

    def __init__(
        self, store: ProjectStore, path: Path | None = None, checker: Checker | None = None
    ) -> None:
        """Start a session over ``store`` (already open) and load its nomination.

        ``checker`` defaults to the domain's ``run_checks``.
        """
        self._store = store
        self._checker: Checker = checker or run_checks
        self.path = path
        self._nomination = store.load()
        self._undo: list[UndoStep] = []
        self._redo: list[UndoStep] = []
        self._listeners: list[Callable[[Nomination], None]] = []
        self._findings_for: tuple[Nomination, date | None] | None = None
        self._findings: tuple[Finding, ...] = ()
        self.revision = 0
        """Counts every committed change (edits, undo and redo)."""

    @classmethod
    def open(cls, path: Path) -> EditingSession:
        """Open an existing project file (locked for other programs while open).

        Raises:
            InputError: missing, not a project, damaged or in use (Dutch, naming the file).
        """
        return cls(ProjectFile.open(path), path)

    @classmethod
    def create(cls, path: Path, nomination: Nomination) -> EditingSession:
        """Create a new project file holding ``nomination`` and open it.

        Raises:
            InputError: the file exists or cannot be written (Dutch, naming it).
        """
        return cls(ProjectFile.create(path, nomination), path)

    @property
    def documents_outdated(self) -> bool:
        """Documents were printed and the project changed afterwards: print them again."""
        return self._store.meta.documents_outdated

    def mark_documents_printed(self) -> None:
        """Record that the documents were made from the current state."""
        self._store.mark_documents_printed()

    @property
    def nomination(self) -> Nomination:
        """The current, committed nomination."""
        return self._nomination

    # -- listening ---------------------------------------------------------

    def add_listener(self, listener: Callable[[Nomination], None]) -> None:
        """Call ``listener`` with the new nomination after every committed change."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[Nomination], None]) -> None:
        """Stop calling ``listener``."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    # -- editing -----------------------------------------------------------

    def apply(self, edit: Edit) -> Nomination:
        """Apply ``edit``, commit it to the project file, and make it undoable.

        Raises:
            InputError: the edit is impossible (nothing is changed then), or
                the project file could not be written.
        """
        before = self._nomination
        after = edit.apply(before)
        if after == before:
            return before
        _refuse_new_problems(before, after)
        self._commit(before, after)
        self._undo.append(UndoStep(edit.description, before, after))
        del self._undo[:-MAX_UNDO_STEPS]
        self._redo.clear()
        self._publish()
        return self._nomination

    @property
    def can_undo(self) -> bool:
        """There is an edit to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """There is an undone edit to redo."""
        return bool(self._redo)

    @property
    def undo_description(self) -> str:
        """What undo would undo (Dutch), or empty."""
        return self._undo[-1].description if self._undo else ""

    @property
    def redo_description(self) -> str:
        """What redo would redo (Dutch), or empty."""
        return self._redo[-1].description if self._redo else ""

    def undo(self) -> Nomination:
        """Undo the last edit; the undo is committed to the project file."""
        if not self._undo:
            raise InputError("er is niets om ongedaan te maken")
        step = self._undo[-1]
        self._commit(self._nomination, step.before)
        self._undo.pop()
        self._redo.append(step)
        self._publish()
        return self._nomination

    def redo(self) -> Nomination:
        """Redo the last undone edit; committed to the project file."""
        if not self._redo:
            raise InputError("er is niets om opnieuw te doen")
        step = self._redo[-1]
        self._commit(self._nomination, step.after)
        self._redo.pop()
        self._undo.append(step)
        self._publish()
        return self._nomination

    # -- findings ----------------------------------------------------------

    def findings(self, *, today: date | None = None) -> tuple[Finding, ...]:
        """Every finding of the checks on the current state (computed once per state)."""
        key = (self._nomination, today)
        cached = self._findings_for
        if cached is None or cached[0] is not key[0] or cached[1] != today:
            self._findings = self._checker(self._nomination, today=today)
            self._findings_for = key
        return self._findings

    # -- keys --------------------------------------------------------------

    def new_candidate_key(self) -> str:
        """A key no candidate of the project has."""
        return _new_key("k", {item.key for item in self._nomination.candidates})

    def new_list_key(self) -> str:
        """A key no list of the project has."""
        return _new_key("l", {item.key for item in self._nomination.lists})

    # -- closing -----------------------------------------------------------

    def close(self) -> None:
        """Release the project file (every edit is already committed)."""
        self._store.close()

    # -- internals ---------------------------------------------------------

    def _commit(self, before: Nomination, after: Nomination) -> None:
        """Write the difference to the store and take the committed state as current.

        The caller updates the undo stacks and then publishes, so that
        listeners see the new state and the new undo text together.
        """
        try:
            _write_difference(self._store, before, after)
        except KandidaatError:
            # Whatever part was committed is the truth now; show that, then the reason.
            self._reload()
            raise
        except OSError as error:
            self._reload()
            name = self.path.name if self.path else "het projectbestand"
            reason = os_reason(error, Action.WRITE_FILE)
            raise InputError(f"{name}: de wijziging kon niet worden bewaard ({reason})") from error
        # The file decides the order of new lists and persons: show what is committed.
        self._nomination = self._store.load()

    def _reload(self) -> None:
        self._nomination = self._store.load()
        self._publish()

    def _publish(self) -> None:
        self.revision += 1
        for listener in tuple(self._listeners):
            listener(self._nomination)


_MAX_SHOWN_PROBLEMS = 5


def _refuse_new_problems(before: Nomination, after: Nomination) -> None:
    """Refuse an edit that brings text or numbers no document could hold (ADR 0034).

    Only problems the edit adds count: a project made by an older version that
    already holds such a value can still be edited (and repaired).

    Raises:
        InputError: every new problem, each naming its field; nothing is written.
    """
    known = set(nomination_problems(before))
    new = [problem for problem in nomination_problems(after) if problem not in known]
    if not new:
        return
    shown = new[:_MAX_SHOWN_PROBLEMS]
    if len(new) > _MAX_SHOWN_PROBLEMS:
        shown.append(f"en nog {len(new) - _MAX_SHOWN_PROBLEMS} andere")
    raise InputError("niet bewaard: " + "; ".join(shown))


def _new_key(prefix: str, taken: set[str]) -> str:
    while True:
        key = f"{prefix}-{uuid.uuid4().hex[:12]}"
        if key not in taken:
            return key


def _write_difference(store: ProjectStore, before: Nomination, after: Nomination) -> None:
    """Commit what changed, in an order where every intermediate state is consistent.

    New and changed candidates first (a list may then refer to them), then
    lists, then removed lists, and removed candidates last (no list refers to
    them any more).
    """
    if after.election != before.election:
        store.put_election(after.election)
    if after.party != before.party:
        store.put_party(after.party)
    old_candidates = {item.key: item for item in before.candidates}
    for candidate in after.candidates:
        if old_candidates.get(candidate.key) != candidate:
            store.put_candidate(candidate)
    old_lists = {item.key: item for item in before.lists}
    for candidate_list in after.lists:
        if old_lists.get(candidate_list.key) != candidate_list:
            store.put_list(candidate_list)
    new_list_keys = {item.key for item in after.lists}
    for key in old_lists:
        if key not in new_list_keys:
            store.remove_list(key)
    new_candidate_keys = {item.key for item in after.candidates}
    for key in old_candidates:
        if key not in new_candidate_keys:
            store.remove_candidate(key)
