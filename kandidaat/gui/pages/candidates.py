"""Kandidaten: every person of the project in one table, edited in place."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.editing.edits import PutCandidate, RemoveCandidate
from kandidaat.app.editing.importing import preview_import
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.nomination.model import Candidate
from kandidaat.gui.export_dialog import ExportDialog
from kandidaat.gui.file_dialogs import ALL_FILES, FileChoice, choose, file_dialog
from kandidaat.gui.import_dialog import ImportDialog
from kandidaat.gui.models import CandidatesModel
from kandidaat.gui.pages.candidate_details import DETAIL_FIELDS, CandidateDetails

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog

    from kandidaat.app.editing.exporting import ExportedCandidates
    from kandidaat.gui.bridge import SessionBridge

IMPORT_FILTERS = ("CSV- of Excel-bestand (*.csv *.xlsx)", ALL_FILES)
"""The filters of the file dialog behind "Inlezen uit CSV of Excel…"."""


class CandidatesPage(QWidget):
    """The table of candidates with search, sorting, add, remove, import and export."""

    TITLE = "Kandidaten"

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        """Build the page over ``bridge``."""
        super().__init__(parent)
        self._bridge = bridge
        self.model = CandidatesModel(bridge)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortLocaleAware(True)

        heading = QLabel("<h2>Kandidaten</h2>")
        explanation = QLabel(
            "Alle personen van dit project. Klik twee keer op een cel (of druk F2) om haar te "
            "wijzigen; elke wijziging wordt meteen bewaard. Op welke lijst iemand staat, regelt "
            "u op de pagina Lijsten."
        )
        explanation.setWordWrap(True)

        self.search = QLineEdit()
        self.search.setObjectName("zoeken")
        self.search.setPlaceholderText("Zoek op naam of woonplaats")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Zoeken in kandidaten")
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        search_label = QLabel("&Zoeken:")
        search_label.setBuddy(self.search)

        self._build_table()
        self.details = CandidateDetails(bridge)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        bridge.session_replaced.connect(self._start_at_first_row)

        self._build_buttons()

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._scrolling(self.details))
        layout.addLayout(buttons)

        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.add_button)
        self.setTabOrder(self.add_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.import_button)
        self.setTabOrder(self.import_button, self.export_button)

        bridge.changed.connect(self._update_count)
        self._update_count()

    def _build_buttons(self) -> None:
        """Add, remove, import and export buttons, and the count of candidates."""
        self.add_button = QPushButton("Kandidaat &toevoegen")
        self.add_button.clicked.connect(self.add_candidate)
        self.remove_button = QPushButton("Kandidaat &verwijderen")
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton("&Inlezen uit CSV of Excel…")
        self.import_button.setObjectName("inlezen")
        self.import_button.clicked.connect(self.choose_import)
        self.import_dialog: ImportDialog | None = None
        self.export_button = QPushButton("&Exporteren naar CSV of Excel…")
        self.export_button.setObjectName("exporteren")
        self.export_button.setToolTip(
            "Alle kandidaten, of die van één lijst in de volgorde van de lijst, als CSV-bestand "
            "of Excel-werkmap"
        )
        self.export_button.clicked.connect(self.open_export)
        self.export_dialog: ExportDialog | None = None
        self.count_label = QLabel()

    def _build_table(self) -> None:
        """The table of candidates: sortable, editable in place."""
        self.table = QTableView()
        self.table.setObjectName("kandidatentabel")
        self.table.setAccessibleName("Tabel met kandidaten")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def _update_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(f"{count} kandidaat" if count == 1 else f"{count} kandidaten")
        enabled = self._bridge.nomination is not None
        for widget in (
            self.add_button,
            self.remove_button,
            self.import_button,
            self.export_button,
            self.table,
        ):
            widget.setEnabled(enabled)

    def add_candidate(self) -> None:
        """Add an empty person and start editing the last name."""
        session = self._bridge.session
        if session is None:
            return
        key = session.new_candidate_key()
        candidate = Candidate(key=key, initials="?", last_name="Nieuwe kandidaat")
        if self._bridge.apply(PutCandidate(candidate)):
            self.select_candidate(key, "last_name", edit=True)

    def remove_selected(self) -> None:
        """Remove the selected person from the project and every list (undo brings it back)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        candidate = self.model.candidate_at(self.proxy.mapToSource(index).row())
        self._bridge.apply(RemoveCandidate(candidate.key, candidate.display_name))

    @staticmethod
    def _scrolling(widget: QWidget) -> QScrollArea:
        """``widget`` in a scroll area: on a narrow screen (200 %) it scrolls, not the window."""
        area = QScrollArea()
        area.setWidget(widget)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scrollbar = area.horizontalScrollBar().sizeHint().height()
        area.setMinimumHeight(widget.sizeHint().height() + scrollbar)
        return area

    def _start_at_first_row(self) -> None:
        """A newly opened project starts with the cursor on the first candidate."""
        if self.proxy.rowCount() > 0:
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.details.show_candidate(None)
            return
        row = self.proxy.mapToSource(current).row()
        self.details.show_candidate(self.model.candidate_at(row).key)

    def select_candidate(self, key: str, field: str | None = None, *, edit: bool = False) -> bool:
        """Select the candidate's row (and the cell of ``field``) and give it focus.

        Fields outside the table (the correspondence address, the gemachtigde)
        get focus in the details below the table.
        """
        row = self.model.row_of(key)
        if row is None:
            return False
        self.search.clear()
        column = CandidatesModel.column_of(field) if field else None
        source = self.model.index(row, column if column is not None else 0, QModelIndex())
        index = self.proxy.mapFromSource(source)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.details.show_candidate(key)
        if field in DETAIL_FIELDS:
            self.details.focus(field)
            return True
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if edit:
            self.table.edit(index)
        return True

    # -- import ----------------------------------------------------------------

    def choose_import(self) -> QFileDialog:
        """Let the user pick a CSV or Excel file and show what importing it would do."""
        session = self._bridge.session
        start = session.path.parent if session is not None and session.path else Path.home()
        dialog = file_dialog(self, "Kandidaten inlezen", start, FileChoice.OPEN, IMPORT_FILTERS)
        return choose(dialog, self.open_import)

    def open_import(self, path: Path) -> ImportDialog | None:
        """Read ``path`` and show the preview; nothing changes until the user confirms."""
        nomination = self._bridge.nomination
        if nomination is None:
            return None
        try:
            preview = preview_import(nomination, path)
        except KandidaatError as error:
            self._bridge.report(error.message)
            return None
        dialog = ImportDialog(nomination, preview, self)
        dialog.accepted.connect(lambda: self._bridge.apply(preview.edit(dialog.list_key())))
        dialog.open()
        self.import_dialog = dialog
        return dialog

    # -- export ----------------------------------------------------------------

    def open_export(self) -> ExportDialog | None:
        """Ask which candidates go into which file; the dialog writes it."""
        session = self._bridge.session
        if session is None:
            return None
        dialog = ExportDialog(session.nomination, session.path, self)
        dialog.exported.connect(self._exported)
        dialog.failed.connect(self._bridge.report)
        dialog.open()
        self.export_dialog = dialog
        return dialog

    def _exported(self, result: ExportedCandidates) -> None:
        self._bridge.inform(result.message)
