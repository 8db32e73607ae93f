"""The editing session the desktop application drives (pure Python, no Qt).

:class:`~kandidaat.app.editing.session.EditingSession` holds the current
:class:`~kandidaat.domain.nomination.model.Nomination`, applies small edit
commands (:mod:`kandidaat.app.editing.edits`), commits each one to the project
file at once through the store's fine-grained calls, and offers undo and redo.
"""
