"""Choosing a file or folder in a Dutch file dialog (never Qt's English leftovers).

Qt's static helpers (``QFileDialog.getOpenFileName`` and friends) block in a nested
event loop and, in Qt's own widget-based dialog, show labels that qtbase_nl leaves
in English ("Look in", "Files of type"). :func:`file_dialog` builds one dialog
instance with every label in Dutch, the list view (the detail view's type column
names folders in English) and Dutch filters; it is opened without blocking, so
tests can look inside it offscreen.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtCore import QFileInfo

__all__ = ["ALL_FILES", "OBJECT_NAME", "FileChoice", "choose", "file_dialog"]

OBJECT_NAME = "bestandskeuze"
ALL_FILES = "Alle bestanden (*)"


class FileChoice(enum.Enum):
    """What the user chooses: an existing file, a file to write, or a folder."""

    OPEN = "openen"
    SAVE = "bewaren"
    FOLDER = "map"


class _DutchFileTypes(QFileIconProvider):
    """The type column of the detail view: "Map" where Qt says "Folder"."""

    def type(self, info: QFileInfo) -> str:
        """The type shown for ``info`` (the system's Dutch file type names otherwise)."""
        if info.isDir():
            return "Map"
        text = super().type(info)
        if text == "File":
            return "Bestand"
        if text.endswith(" File"):
            return f"{text.removesuffix(' File')}-bestand"
        return text


_FILE_TYPES = _DutchFileTypes()
"""One provider for all dialogs (a dialog does not own its provider)."""

_ACCEPT_TEXTS = {
    FileChoice.OPEN: "&Openen",
    FileChoice.SAVE: "Op&slaan",
    FileChoice.FOLDER: "&Kiezen",
}


def file_dialog(
    parent: QWidget,
    title: str,
    start: Path | str,
    choice: FileChoice,
    name_filters: Sequence[str] = (),
) -> QFileDialog:
    """A Dutch file dialog for ``choice``, starting at ``start`` (a folder or a file).

    The dialog is not yet shown; :func:`choose` opens it. Each name filter reads like
    ``"kandidaat-project (*.kandidaat)"``; without filters every file is shown.
    """
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    for old in parent.findChildren(QFileDialog, OBJECT_NAME, direct):
        # One dialog per window: a closed one from an earlier choice is cleared away.
        if not old.isVisible():
            old.deleteLater()
    dialog = QFileDialog(parent, title)
    dialog.setObjectName(OBJECT_NAME)
    labels = QFileDialog.DialogLabel
    # qtbase_nl leaves "Look in" and "Files of type" in English; the rest is set for
    # mnemonics that differ from each other (Alt+I, Alt+N or Alt+M, Alt+B, Alt+O/S/K).
    dialog.setLabelText(labels.LookIn, "Zoeken &in:")
    dialog.setLabelText(
        labels.FileName, "&Map:" if choice is FileChoice.FOLDER else "Bestands&naam:"
    )
    dialog.setLabelText(labels.FileType, "Soort &bestand:")
    dialog.setLabelText(labels.Accept, _ACCEPT_TEXTS[choice])
    dialog.setLabelText(labels.Reject, "Annuleren")
    # The list view shows names only; the detail view (one click away) has our types.
    dialog.setViewMode(QFileDialog.ViewMode.List)
    dialog.setIconProvider(_FILE_TYPES)
    if choice is FileChoice.FOLDER:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, on=True)
    elif choice is FileChoice.SAVE:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if choice is not FileChoice.FOLDER:
        dialog.setNameFilters(list(name_filters) or [ALL_FILES])
    start_path = Path(start).expanduser() if str(start).strip() else Path.home()
    folder = start_path
    while not folder.is_dir() and folder != folder.parent:
        # A folder still to be made (documents) or a file still to be written.
        folder = folder.parent
    dialog.setDirectory(str(folder))
    if choice is FileChoice.SAVE and not start_path.is_dir():
        dialog.selectFile(start_path.name)
    return dialog


def choose(dialog: QFileDialog, chosen: Callable[[Path], object]) -> QFileDialog:
    """Show ``dialog`` without blocking; ``chosen`` gets the path once the user accepts."""
    dialog.fileSelected.connect(lambda text: chosen(Path(text)) if text else None)
    dialog.open()
    return dialog
