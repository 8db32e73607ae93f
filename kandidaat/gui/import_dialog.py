"""The preview of a spreadsheet import: who comes in, what is wrong, before anything changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.editing.fields import format_date

if TYPE_CHECKING:
    from kandidaat.app.editing.importing import ImportPreview
    from kandidaat.domain.nomination.model import Nomination

HEADERS = ("Regel", "Naam", "Geboortedatum", "Woonplaats", "Wat er gebeurt")


class ImportDialog(QDialog):
    """Shows an :class:`ImportPreview`; "Inlezen" only when the file has no problems."""

    def __init__(
        self, nomination: Nomination, preview: ImportPreview, parent: QWidget | None = None
    ) -> None:
        """Build the preview of ``preview`` for the project ``nomination``."""
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(f"Kandidaten inlezen uit {preview.source}")
        self.summary = QLabel()
        self.summary.setObjectName("samenvatting")
        self.summary.setWordWrap(True)

        self.table = QTableWidget(len(preview.rows), len(HEADERS))
        self.table.setObjectName("voorbeeld")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for number, row in enumerate(preview.rows):
            values = (
                str(row.row),
                row.candidate.display_name,
                format_date(row.candidate.date_of_birth),
                row.candidate.locality,
                row.action,
            )
            for column, value in enumerate(values):
                self.table.setItem(number, column, QTableWidgetItem(value))

        self.problems = QListWidget()
        self.problems.setObjectName("problemen")
        self.problems.setAccessibleName("Problemen in het bestand")
        self.problems.addItems([str(problem) for problem in preview.problems])

        self.target = QComboBox()
        self.target.setObjectName("doellijst")
        for number, candidate_list in enumerate(nomination.lists, start=1):
            self.target.addItem(f"achteraan op lijst {number}", candidate_list.key)
        self.target.addItem("nog op geen lijst (alleen bij de kandidaten)", None)
        form = QFormLayout()
        form.addRow("Zet de kandidaten &op:", self.target)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("&Inlezen")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if preview.problems:
            self.summary.setText(
                f"Het bestand heeft {len(preview.problems)} "
                f"{'probleem' if len(preview.problems) == 1 else 'problemen'}. Er is niets "
                "veranderd. Verbeter het bestand en lees het opnieuw in."
            )
            layout.addWidget(self.problems, 1)
            self.table.hide()
            self.target.setEnabled(False)
            self.import_button.setEnabled(False)
        else:
            new = sum(1 for row in preview.rows if row.new)
            self.summary.setText(
                f"{len(preview.rows)} kandidaten gevonden: {new} nieuw, "
                f"{len(preview.rows) - new} al bekend (die worden bijgewerkt). Er verandert "
                "pas iets als u op Inlezen klikt; daarna kunt u het ongedaan maken."
            )
            layout.addWidget(self.table, 1)
            self.problems.hide()
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(self.sizeHint().expandedTo(self.table.sizeHint()))

    def list_key(self) -> str | None:
        """The list the candidates go on (None: only the address book)."""
        data = self.target.currentData()
        return None if data is None else str(data)
