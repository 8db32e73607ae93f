"""The count workspace as the desktop application's entry window uses it.

The window never reads the store itself: it opens a :class:`CountDesk`, shows the
polling stations with their state, asks who types which entry, and hands the typed
figures to :func:`kandidaat.app.count.entering.enter`, the same use case as
``kandidaat telling invoer``. A desk never hands out the figures of an entry: the
second typist starts from an empty form (docs/telling.md, "Invoeren").

The file is opened (and locked) only for each read or entry, so the coordinator's
``kandidaat telling verschillen`` works while a typist has the window open.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Self

from kandidaat.app.count import drafts
from kandidaat.app.count.deciding import decide
from kandidaat.app.count.entering import enter
from kandidaat.app.count.progress import overview, station_progress, station_states
from kandidaat.domain.election import CandidateListsRecord
from kandidaat.eml.documents import read_bytes
from kandidaat.store.audit_log import check_actor
from kandidaat.store.count import SLOTS, SUFFIX, CountWorkspace

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    from kandidaat.app.count.drafts import RestoredDraft
    from kandidaat.app.count.entering import EntryOutcome
    from kandidaat.app.count.progress import Overview, StationProgress
    from kandidaat.domain.count.figures import BallotLayout, StationFigures

__all__ = ["SUFFIX", "CountDesk", "DeskTitle"]


@dataclass(frozen=True, slots=True)
class DeskTitle:
    """What the window's title says: the election and the municipality."""

    election: str
    municipality: str


def _same_name(first: str, second: str) -> bool:
    """Whether two typists' names are one person's (case and spaces do not count)."""
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


def _name_problem(typist: str) -> str | None:
    """Why a typist's name cannot be logged (empty, too long, a control character)."""
    if not " ".join(typist.split()):
        return "vul eerst de naam van de invoerder in"
    try:
        check_actor(typist)
    except ValueError as error:
        return "naam invoerder" + str(error).removeprefix("--lid")
    return None


class CountDesk:
    """A ``.tel`` file for typing in processen-verbaal; use :meth:`open`."""

    __slots__ = ("_candidates", "_layout", "_path", "_title")

    def __init__(self, path: Path, layout: BallotLayout, title: DeskTitle) -> None:
        """A desk on ``path`` with what never changes in it (use :meth:`open`)."""
        self._path = path
        self._layout = layout
        self._title = title
        self._candidates: dict[tuple[int, int], str] | None = None

    @classmethod
    def open(cls, path: Path) -> Self:
        """Check that ``path`` is a count workspace that can be opened, and read its ballot.

        Raises:
            WorkspaceError: not a count workspace, damaged, newer, in use by another
                program, or a log whose chain does not hold (Dutch, naming the file).
        """
        with CountWorkspace.open(Path(path)) as workspace:
            identifier, _contest, (_code, municipality), _eligible = workspace.election()
            title = DeskTitle(identifier.name or identifier.id, municipality)
            return cls(workspace.path, workspace.layout(), title)

    @contextmanager
    def _workspace(self) -> Iterator[CountWorkspace]:
        with CountWorkspace.open(self._path) as workspace:
            yield workspace

    @property
    def path(self) -> Path:
        """Where the file is."""
        return self._path

    def title(self) -> DeskTitle:
        """The election's name (or id) and the municipality's name."""
        return self._title

    def layout(self) -> BallotLayout:
        """The lists and their candidate positions, in the order of the ballot."""
        return self._layout

    def candidate_name(self, number: int, position: int) -> str:
        """The candidate's name as on the ballot ("J. de Vries (Jan)"); empty if unknown."""
        if self._candidates is None:
            self._candidates = {}
            with self._workspace() as workspace:
                data = workspace.source("230b")
            record = read_bytes(data, "230b")
            if isinstance(record, CandidateListsRecord):
                for affiliation in record.affiliations:
                    for candidate in affiliation.candidates:
                        key = (affiliation.number or 0, candidate.position)
                        self._candidates[key] = candidate.display_name
        return self._candidates.get((number, position), "")

    def overview(self) -> Overview:
        """Every polling station with its state and typists (never their figures)."""
        with self._workspace() as workspace:
            return overview(workspace)

    def states(self) -> Overview:
        """Every polling station's state, typists and differences, cheaply (for the lists).

        The same as :meth:`overview` without the agreed figures; only stations whose two
        entries differ have their figures read (:func:`station_states`).
        """
        with self._workspace() as workspace:
            return station_states(workspace)

    def decide(self, station: int, choice: str, coordinator: str) -> int:
        """The coordinator's decision, exactly as ``kandidaat telling besluit`` takes it.

        ``choice`` is "1" or "2" (keep that entry) or "opnieuw" (both typed again);
        returns how many fields differed.

        Raises:
            InputError: the station has no two differing entries, or the coordinator's
                name cannot be logged (Dutch; nothing changes).
        """
        with self._workspace() as workspace:
            return decide(workspace, station, choice, coordinator)

    def progress(self, station: int) -> StationProgress:
        """One polling station's state.

        Raises:
            KeyError: the station is not in the 110b.
        """
        with self._workspace() as workspace:
            found = next((s for s in workspace.stations() if s.number == station), None)
            if found is None:
                raise KeyError(station)
            return station_progress(workspace, found)

    def refusal(self, station: int, slot: int, typist: str) -> str | None:
        """Why ``typist`` may not type entry ``slot`` of ``station`` now (None: they may).

        The store refuses the same when the entry is stored; asking first spares the
        typist a whole form typed for nothing.
        """
        problem = _name_problem(typist)
        if problem is not None:
            return problem
        if slot not in SLOTS:
            return f"invoer {slot}: kies 1 of 2"
        try:
            progress = self.progress(station)
        except KeyError:
            return f"stembureau {station} staat niet in de stembureaulijst (110b)"
        done, other = progress.typists[slot - 1], progress.typists[2 - slot]
        if done is not None:
            return (
                f"invoer {slot} van stembureau {station} is al gedaan door {done}; "
                "verschillen beslist de coördinator"
            )
        if other is not None and _same_name(other, typist):
            return (
                f"{other} heeft invoer {3 - slot} van stembureau {station} al gedaan; de twee "
                "invoeren moeten door twee verschillende invoerders gebeuren"
            )
        return None

    def enter(
        self,
        station: int,
        slot: int,
        typist: str,
        figures: StationFigures,
        confirm: Sequence[str] = (),
    ) -> EntryOutcome:
        """Check and store one entry, exactly as ``kandidaat telling invoer`` does.

        Raises:
            InputError: a confirmed code that is not a warning of this entry.
            WorkspaceError: an unknown station, a slot already entered, or the other
                slot's typist (nothing is stored).
        """
        with self._workspace() as workspace:
            return enter(workspace, station, slot, typist, figures, confirm)

    def save_draft(self, station: int, slot: int, typist: str, texts: Mapping[str, str]) -> None:
        """Save fields the typist left to their draft of this entry (docs/adr/0139).

        Raises:
            InputError: a field the ballot does not have, or a text that is not a figure.
            WorkspaceError: the entry may not be typed by ``typist``, or the file is in
                use (nothing is saved).
        """
        with self._workspace() as workspace:
            drafts.save_fields(workspace, station, slot, typist, texts)

    def load_draft(self, station: int, slot: int, typist: str) -> RestoredDraft | None:
        """``typist``'s own draft of this entry, to fill the form with (None: none)."""
        with self._workspace() as workspace:
            return drafts.load_draft(workspace, station, slot, typist)

    def discard_draft(self, station: int, slot: int, typist: str) -> int:
        """Throw away ``typist``'s draft of this entry; returns how many fields it had."""
        with self._workspace() as workspace:
            return drafts.discard_draft(workspace, station, slot, typist)
