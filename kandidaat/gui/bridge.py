"""The Qt face of an :class:`~kandidaat.app.editing.session.EditingSession`.

Widgets never change the nomination themselves: they ask the bridge to apply
an edit. The bridge commits it through the session and emits ``changed``;
every page redraws from the session's current state. A refused edit shows
its Dutch message and changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kandidaat.domain.errors import KandidaatError
from kandidaat.gui.dialogs import show_error, show_info

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kandidaat.app.editing.edits import Edit
    from kandidaat.app.editing.session import EditingSession
    from kandidaat.domain.nomination.model import Nomination


class SessionBridge(QObject):
    """Holds the open session (or none) and tells the pages when it changes."""

    changed = Signal()
    """The nomination changed (an edit, undo or redo was committed)."""
    session_replaced = Signal()
    """Another project was opened (or the project was closed)."""
    error_shown = Signal(str)
    """A Dutch error message was shown to the user (for tests and the status bar)."""
    notice_shown = Signal(str)
    """A Dutch notice (something worked) was shown to the user."""

    def __init__(self, parent: QObject | None = None) -> None:
        """Start without a project."""
        super().__init__(parent)
        self._session: EditingSession | None = None
        self.dialog_parent: QWidget | None = None

    @property
    def session(self) -> EditingSession | None:
        """The open session, if any."""
        return self._session

    @property
    def nomination(self) -> Nomination | None:
        """The current nomination of the open project, if any."""
        return None if self._session is None else self._session.nomination

    def replace_session(self, session: EditingSession | None) -> None:
        """Close the current project (everything is already saved) and hold ``session``."""
        if self._session is not None:
            self._session.remove_listener(self._on_session_changed)
            self._session.close()
        self._session = session
        if session is not None:
            session.add_listener(self._on_session_changed)
        self.changed.emit()
        self.session_replaced.emit()

    def apply(self, edit: Edit) -> bool:
        """Apply ``edit``; on a refusal show the Dutch reason and return False."""
        if self._session is None:
            return False
        try:
            self._session.apply(edit)
        except KandidaatError as error:
            self.report(error.message)
            return False
        return True

    def undo(self) -> None:
        """Undo the last edit (committed to the file)."""
        if self._session is not None and self._session.can_undo:
            try:
                self._session.undo()
            except KandidaatError as error:
                self.report(error.message)

    def redo(self) -> None:
        """Redo the last undone edit (committed to the file)."""
        if self._session is not None and self._session.can_redo:
            try:
                self._session.redo()
            except KandidaatError as error:
                self.report(error.message)

    def report(self, message: str) -> None:
        """Show a Dutch error message to the user."""
        self.error_shown.emit(message)
        show_error(self.dialog_parent, message)

    def inform(self, message: str) -> None:
        """Show a Dutch notice to the user (something worked: a file was written)."""
        self.notice_shown.emit(message)
        show_info(self.dialog_parent, message)

    def _on_session_changed(self, _nomination: Nomination) -> None:
        self.changed.emit()
