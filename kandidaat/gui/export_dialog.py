"""Exporting candidates: which ones, which file type, where; then one click."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.editing.exporting import (
    EXPORT_FORMATS,
    ExportedCandidates,
    export_candidates,
    export_choices,
    proposed_export_name,
)
from kandidaat.domain.errors import KandidaatError
from kandidaat.gui.file_dialogs import FileChoice, choose, file_dialog

if TYPE_CHECKING:
    from kandidaat.domain.nomination.model import Nomination

FILE_FILTERS = ";;".join(f"{name} (*{suffix})" for suffix, name in EXPORT_FORMATS)
"""The filters of the file dialog, one per file type, in the order of EXPORT_FORMATS."""


class ExportDialog(QDialog):
    """Choose all candidates or one list, CSV or Excel, and the file; "Exporteren" writes it.

    A file that cannot be written keeps the dialog open with the Dutch reason
    (``failed``), so the volunteer can choose another folder; a written file
    closes it (``exported``).
    """

    exported = Signal(object)
    """The file was written (an :class:`ExportedCandidates`)."""
    failed = Signal(str)
    """The file could not be written (the Dutch reason); nothing was written."""

    def __init__(
        self,
        nomination: Nomination,
        project: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the dialog for ``nomination``; files are proposed beside ``project``."""
        super().__init__(parent)
        self._nomination = nomination
        self._project = project
        self._folder = project.parent if project is not None else Path.home()
        self.result_file: ExportedCandidates | None = None
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle("Kandidaten exporteren")

        explanation = QLabel(
            "Schrijf de kandidaten naar een bestand dat u opent met Excel, LibreOffice of een "
            "ander rekenblad. Hetzelfde bestand kunt u later weer inlezen."
        )
        explanation.setWordWrap(True)

        form = self._build_form()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText("E&xporteren")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText("Annuleren")
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)

        self.setTabOrder(self.which, self.kind)
        self.setTabOrder(self.kind, self.file)
        self.setTabOrder(self.file, self.browse_button)
        self.setTabOrder(self.browse_button, self.export_button)
        self.setTabOrder(self.export_button, self.cancel_button)

        self.which.currentIndexChanged.connect(self._propose_name)
        self.kind.currentIndexChanged.connect(self._change_suffix)
        self.file.textChanged.connect(self._update_note)
        self._propose_name()

    def _build_form(self) -> QFormLayout:
        """Which candidates, which file type, which file."""
        self.which = QComboBox()
        self.which.setObjectName("welke")
        self.which.setAccessibleName("Welke kandidaten")
        for choice in export_choices(self._nomination):
            self.which.addItem(choice.label, choice.list_key)
        self.kind = QComboBox()
        self.kind.setObjectName("soort")
        self.kind.setAccessibleName("Soort bestand")
        for suffix, name in EXPORT_FORMATS:
            self.kind.addItem(name, suffix)
        self.file = QLineEdit()
        self.file.setObjectName("bestand")
        self.file.setAccessibleName("Bestand om naar te exporteren")
        # Room for a whole path; in characters, so it grows with the font (200 %).
        self.file.setMinimumWidth(self.file.fontMetrics().averageCharWidth() * 60)
        self.browse_button = QPushButton("&Bladeren…")
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse_button)
        self.note = QLabel()
        self.note.setObjectName("opmerking")
        self.note.setWordWrap(True)

        form = QFormLayout()
        form.addRow("&Welke kandidaten:", self.which)
        form.addRow("&Soort bestand:", self.kind)
        file_label = QLabel("B&estand:")
        file_label.setBuddy(self.file)
        form.addRow(file_label, file_row)
        return form

    # -- the file ------------------------------------------------------------

    def list_key(self) -> str | None:
        """The list to export (None: all persons of the project)."""
        data = self.which.currentData()
        return None if data is None else str(data)

    def suffix(self) -> str:
        """The chosen file type: ``.csv`` or ``.xlsx``."""
        return str(self.kind.currentData())

    def path(self) -> Path:
        """The file to write, with the suffix of the chosen type when it has none.

        A folder alone (ending in a slash) gets the proposed file name.
        """
        text = self.file.text().strip()
        path = Path(text).expanduser()
        if not path.name or text.endswith(("/", os.sep)):
            name = proposed_export_name(self._project, self._nomination, self.list_key())
            return path / f"{name}{self.suffix()}"
        if path.suffix.casefold() not in {suffix for suffix, _name in EXPORT_FORMATS}:
            path = path.with_name(path.name + self.suffix())
        return path

    def _propose_name(self) -> None:
        name = proposed_export_name(self._project, self._nomination, self.list_key())
        current = self.file.text().strip()
        folder = Path(current).expanduser().parent if current else self._folder
        self.file.setText(str(folder / f"{name}{self.suffix()}"))

    def _change_suffix(self) -> None:
        """Another file type: the file name follows (kandidaten.csv becomes kandidaten.xlsx)."""
        text = self.file.text().strip()
        if not text:
            return
        path = Path(text)
        if path.suffix.casefold() in {suffix for suffix, _name in EXPORT_FORMATS}:
            path = path.with_suffix("")
        self.file.setText(str(path) + self.suffix())

    def _update_note(self) -> None:
        text = self.file.text().strip()
        self.export_button.setEnabled(bool(text))
        if not text:
            self.note.setText("Kies het bestand om naar te schrijven.")
        elif self.path().is_file():
            self.note.setText(f"{self.path().name} bestaat al en wordt vervangen.")
        else:
            self.note.setText("")

    def browse(self) -> QFileDialog:
        """Open a file dialog (Dutch, one filter per file type) for the file to write."""
        filters = FILE_FILTERS.split(";;")
        dialog = file_dialog(
            self, "Kandidaten exporteren naar", self.path(), FileChoice.SAVE, filters
        )
        dialog.selectNameFilter(filters[self.kind.currentIndex()])
        dialog.setDefaultSuffix(self.suffix().lstrip("."))
        dialog.filterSelected.connect(self._filter_chosen)
        self.file_dialog = choose(dialog, self._file_chosen)
        return dialog

    def _filter_chosen(self, name_filter: str) -> None:
        for index, (suffix, _name) in enumerate(EXPORT_FORMATS):
            if name_filter.endswith(f"(*{suffix})"):
                self.kind.setCurrentIndex(index)
                if self.file_dialog is not None:
                    self.file_dialog.setDefaultSuffix(suffix.lstrip("."))

    def _file_chosen(self, path: Path) -> None:
        for index, (suffix, _name) in enumerate(EXPORT_FORMATS):
            if path.suffix.casefold() == suffix:
                self.kind.blockSignals(True)  # noqa: FBT003 - Qt API; the name is already right
                self.kind.setCurrentIndex(index)
                self.kind.blockSignals(False)  # noqa: FBT003 - Qt API
        self.file.setText(str(path))

    # -- writing -------------------------------------------------------------

    def export(self) -> None:
        """Write the file; close on success, stay open with the reason on failure."""
        # 1600 persons of a TK party take about a second as Excel: show that it is busy.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result_file = export_candidates(
                self._nomination, self.path(), list_key=self.list_key()
            )
        except KandidaatError as error:
            self.note.setText(f"Niet gelukt: {error.message}")
            self.failed.emit(error.message)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.exported.emit(self.result_file)
        self.accept()
