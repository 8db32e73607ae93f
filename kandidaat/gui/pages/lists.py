"""Lijsten: the candidate lists, their kieskringen and the order of candidates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.editing.edits import (
    AddCandidateToList,
    AddList,
    CopyList,
    MoveCandidate,
    RemoveCandidateFromList,
    RemoveList,
    SetListKieskringen,
    SetListOptions,
)
from kandidaat.domain.nomination.model import CandidateList
from kandidaat.domain.nomination.structure import max_candidates
from kandidaat.gui.models import ListCandidatesModel

if TYPE_CHECKING:
    from kandidaat.domain.nomination.model import Nomination
    from kandidaat.gui.bridge import SessionBridge


LIST_FIELDS = frozenset({"kieskringen", "candidates", "language", "publish_gender"})
"""Fields of a finding about a list that are fixed on this page."""


def list_title(nomination: Nomination, candidate_list: CandidateList) -> str:
    """How a list is named on this page: "Lijst 2 – kieskring 3, 4"."""
    number = next(
        index
        for index, item in enumerate(nomination.lists, start=1)
        if item.key == candidate_list.key
    )
    if nomination.election.single_kieskring:
        return f"Lijst {number}"
    names = {kieskring.number: kieskring.name for kieskring in nomination.election.kieskringen}
    if not candidate_list.kieskringen:
        return f"Lijst {number} – nog geen kieskring gekozen"
    shown = ", ".join(names.get(number, number) for number in candidate_list.kieskringen)
    return f"Lijst {number} – {shown}"


class ListsPage(QWidget):
    """Lists on the left; the chosen list's kieskringen and candidates on the right."""

    TITLE = "Lijsten"

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        """Build the page over ``bridge``."""
        super().__init__(parent)
        self._bridge = bridge
        self._updating = False

        heading = QLabel("<h2>Lijsten</h2>")
        explanation = QLabel(
            "Kies links een lijst. Zet de kandidaten in de goede volgorde door ze te slepen of "
            "met de knoppen Omhoog en Omlaag (Ctrl+pijltje). Plaats 1 is de lijsttrekker."
        )
        explanation.setWordWrap(True)

        left = self._build_lists_column()

        self._build_kieskringen()

        self._build_order_table()

        right = self._build_list_column()

        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addLayout(grid, 1)

        self._set_tab_order()

        bridge.changed.connect(self.refresh)
        self.refresh()

    # -- showing -------------------------------------------------------------

    def _set_tab_order(self) -> None:
        """Tab goes from the lists via the kieskringen to the order and its buttons."""
        for first, second in (
            (self.lists, self.add_list_button),
            (self.add_list_button, self.copy_list_button),
            (self.copy_list_button, self.remove_list_button),
            (self.remove_list_button, self.kieskringen),
            (self.kieskringen, self.table),
            (self.table, self.up_button),
            (self.up_button, self.down_button),
            (self.down_button, self.take_off_button),
            (self.take_off_button, self.candidate_choice),
            (self.candidate_choice, self.put_on_button),
        ):
            self.setTabOrder(first, second)

    def _build_list_column(self) -> QVBoxLayout:
        """Kieskringen, order, buttons and the counter of the chosen list."""
        self.counter = QLabel()
        self.counter.setObjectName("teller")
        self.up_button = QPushButton("Om&hoog")
        self.up_button.setShortcut("Ctrl+Up")
        self.up_button.setToolTip("Gekozen kandidaat één plaats hoger (Ctrl+pijltje omhoog)")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("Om&laag")
        self.down_button.setShortcut("Ctrl+Down")
        self.down_button.setToolTip("Gekozen kandidaat één plaats lager (Ctrl+pijltje omlaag)")
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.take_off_button = QPushButton("&Van lijst halen")
        self.take_off_button.clicked.connect(self.take_off_selected)
        self.candidate_choice = QComboBox()
        self.candidate_choice.setObjectName("kandidaatkeuze")
        self.candidate_choice.setAccessibleName("Kandidaat om op de lijst te zetten")
        self.put_on_button = QPushButton("&Op lijst zetten")
        self.put_on_button.clicked.connect(self.put_on_list)

        order_buttons = QHBoxLayout()
        order_buttons.addWidget(self.up_button)
        order_buttons.addWidget(self.down_button)
        order_buttons.addWidget(self.take_off_button)
        order_buttons.addStretch(1)
        order_buttons.addWidget(self.counter)
        add_row = QHBoxLayout()
        choice_label = QLabel("Kandidaat &toevoegen:")
        choice_label.setBuddy(self.candidate_choice)
        add_row.addWidget(choice_label)
        add_row.addWidget(self.candidate_choice, 1)
        add_row.addWidget(self.put_on_button)

        right = QVBoxLayout()
        right.addWidget(self.kieskringen_box)
        right.addLayout(self._build_options())
        right.addWidget(self.table, 3)
        right.addLayout(order_buttons)
        right.addLayout(add_row)
        return right

    def _build_order_table(self) -> None:
        """The candidates of the chosen list in order; rows are dragged to reorder."""
        self.model = ListCandidatesModel(self._bridge)
        self.table = QTableView()
        self.table.setObjectName("lijstvolgorde")
        self.table.setAccessibleName("Kandidaten op deze lijst, in volgorde")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

    def _build_kieskringen(self) -> None:
        """The kieskringen of the chosen list, each a check box."""
        self.kieskringen = QListWidget()
        self.kieskringen.setObjectName("kieskringen")
        self.kieskringen.setAccessibleName("Kieskringen van deze lijst")
        self.kieskringen.itemChanged.connect(self._on_kieskring_toggled)
        self.kieskringen_box = QGroupBox("K&ieskringen waarvoor deze lijst geldt")
        box_layout = QVBoxLayout(self.kieskringen_box)
        box_layout.addWidget(self.kieskringen)

    def _build_lists_column(self) -> QVBoxLayout:
        """The lists of the project and the buttons to add, copy and remove one."""
        self.lists = QListWidget()
        self.lists.setObjectName("lijsten")
        self.lists.setAccessibleName("Kandidatenlijsten")
        self.lists.currentRowChanged.connect(self._on_list_chosen)
        self.add_list_button = QPushButton("&Nieuwe lijst")
        self.add_list_button.clicked.connect(self.add_list)
        self.copy_list_button = QPushButton("Lijst &kopiëren")
        self.copy_list_button.clicked.connect(self.copy_list)
        self.remove_list_button = QPushButton("Lijst verwij&deren")
        self.remove_list_button.clicked.connect(self.remove_list)

        left = QVBoxLayout()
        lists_label = QLabel("Lijsten van dit &project:")
        lists_label.setBuddy(self.lists)
        left.addWidget(lists_label)
        left.addWidget(self.lists, 1)
        left.addWidget(self.add_list_button)
        left.addWidget(self.copy_list_button)
        left.addWidget(self.remove_list_button)
        return left

    def refresh(self) -> None:
        """Redraw from the session, keeping the chosen list when it still exists."""
        nomination = self._bridge.nomination
        chosen = self.model.list_key
        self._updating = True
        try:
            self.lists.clear()
            if nomination is not None:
                for candidate_list in nomination.lists:
                    item = QListWidgetItem(list_title(nomination, candidate_list))
                    item.setData(Qt.ItemDataRole.UserRole, candidate_list.key)
                    self.lists.addItem(item)
            keys = [] if nomination is None else [item.key for item in nomination.lists]
            row = keys.index(chosen) if chosen in keys else (0 if keys else -1)
            self.lists.setCurrentRow(row)
        finally:
            self._updating = False
        self._show_list(keys[row] if row >= 0 else None)

    def select_list(self, key: str, field: str | None = None) -> bool:
        """Show the list with ``key`` and focus what ``field`` names (default: the order)."""
        for row in range(self.lists.count()):
            if self.lists.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.lists.setCurrentRow(row)
                target: QWidget = self.table
                if field == "kieskringen" and self.kieskringen_box.isVisibleTo(self):
                    target = self.kieskringen
                elif field == "language" and self.language.isVisibleTo(self):
                    target = self.language
                elif field in {"gender", "publish_gender"}:
                    target = self.publish_gender
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def _build_options(self) -> QHBoxLayout:
        """Gender after the names (Kiesbesluit H 2 lid 4) and the language (lid 5)."""
        self.publish_gender = QCheckBox("Ge&slacht (m/v) achter de namen tonen")
        self.publish_gender.setObjectName("geslacht_tonen")
        self.publish_gender.toggled.connect(self._on_options_changed)
        self.language = QComboBox()
        self.language.setObjectName("taal")
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("Fries", "fy")
        self.language.currentIndexChanged.connect(self._on_options_changed)
        self.language_label = QLabel("T&aal van de lijst:")
        self.language_label.setBuddy(self.language)
        row = QHBoxLayout()
        row.addWidget(self.publish_gender)
        row.addStretch(1)
        row.addWidget(self.language_label)
        row.addWidget(self.language)
        return row

    def _on_options_changed(self) -> None:
        if self._updating:
            return
        current = self.model.current_list()
        if current is None:
            return
        language = str(self.language.currentData() or "nl")
        edit = SetListOptions(current.key, self.publish_gender.isChecked(), language)
        self._bridge.apply(edit)

    def select_position(self, key: str, candidate_key: str) -> bool:
        """Show list ``key`` with the row of ``candidate_key`` selected."""
        if not self.select_list(key):
            return False
        for row in range(self.model.rowCount()):
            if self.model.candidate_at(row).key == candidate_key:
                self.table.selectRow(row)
                return True
        return False

    def _on_list_chosen(self, row: int) -> None:
        if self._updating:
            return
        item = self.lists.item(row) if row >= 0 else None
        self._show_list(None if item is None else str(item.data(Qt.ItemDataRole.UserRole)))

    def _show_list(self, key: str | None) -> None:
        self.model.show_list(key)
        nomination = self._bridge.nomination
        current = self.model.current_list()
        self._updating = True
        try:
            self.kieskringen.clear()
            if nomination is not None and current is not None:
                for kieskring in nomination.election.kieskringen:
                    item = QListWidgetItem(f"{kieskring.number}. {kieskring.name}")
                    item.setData(Qt.ItemDataRole.UserRole, kieskring.number)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    checked = kieskring.number in current.kieskringen
                    item.setCheckState(
                        Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    )
                    self.kieskringen.addItem(item)
            self.candidate_choice.clear()
            if nomination is not None and current is not None:
                on_list = set(current.candidates)
                for candidate in nomination.candidates:
                    if candidate.key not in on_list:
                        self.candidate_choice.addItem(candidate.display_name, candidate.key)
        finally:
            self._updating = False
        single = nomination is None or nomination.election.single_kieskring
        self.kieskringen_box.setVisible(not single)
        frisian = nomination is not None and nomination.election.frisian
        self.language.setVisible(frisian)
        self.language_label.setVisible(frisian)
        self._updating = True
        try:
            self.publish_gender.setChecked(current is not None and current.publish_gender)
            language = current.language if current is not None else "nl"
            self.language.setCurrentIndex(max(0, self.language.findData(language)))
        finally:
            self._updating = False
        has_list = current is not None
        for widget in (
            self.copy_list_button,
            self.remove_list_button,
            self.up_button,
            self.down_button,
            self.take_off_button,
            self.table,
            self.publish_gender,
            self.language,
        ):
            widget.setEnabled(has_list)
        self.candidate_choice.setEnabled(has_list and self.candidate_choice.count() > 0)
        self.put_on_button.setEnabled(has_list and self.candidate_choice.count() > 0)
        self.add_list_button.setEnabled(nomination is not None)
        self._update_counter()

    def _update_counter(self) -> None:
        nomination = self._bridge.nomination
        current = self.model.current_list()
        if nomination is None or current is None:
            self.counter.setText("")
            return
        limit = max_candidates(nomination.party)
        count = len(current.candidates)
        text = f"{count} van {limit} kandidaten"
        if count > limit:
            text += f" – {count - limit} te veel (Kieswet H 6 lid 2)"
        self.counter.setText(text)

    # -- editing -------------------------------------------------------------

    def _on_kieskring_toggled(self, _item: QListWidgetItem) -> None:
        if self._updating:
            return
        current = self.model.current_list()
        if current is None:
            return
        chosen = tuple(
            str(self.kieskringen.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.kieskringen.count())
            if self.kieskringen.item(row).checkState() == Qt.CheckState.Checked
        )
        self._bridge.apply(SetListKieskringen(current.key, chosen))

    def add_list(self) -> None:
        """Add an empty list (for the only kieskring when there is one)."""
        session = self._bridge.session
        nomination = self._bridge.nomination
        if session is None or nomination is None:
            return
        kieskringen: tuple[str, ...] = ()
        if nomination.election.single_kieskring:
            kieskringen = (nomination.election.kieskringen[0].number,)
        key = session.new_list_key()
        if self._bridge.apply(AddList(CandidateList(key, kieskringen, ()))):
            self.select_list(key)

    def copy_list(self) -> None:
        """Copy the shown list (same candidates, same order, no kieskring yet)."""
        session = self._bridge.session
        current = self.model.current_list()
        if session is None or current is None:
            return
        key = session.new_list_key()
        if self._bridge.apply(CopyList(current.key, key)):
            self.select_list(key)

    def remove_list(self) -> None:
        """Remove the shown list (undo brings it back)."""
        current = self.model.current_list()
        if current is not None:
            self._bridge.apply(RemoveList(current.key))

    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def move_selected(self, step: int) -> None:
        """Move the selected candidate one place up (-1) or down (+1)."""
        current = self.model.current_list()
        rows = self._selected_rows()
        if current is None or len(rows) != 1:
            return
        row = rows[0]
        target = row + step
        if not 0 <= target < self.model.rowCount():
            return
        if self._bridge.apply(MoveCandidate(current.key, row, target)):
            self.table.selectRow(target)
            self.table.selectionModel().setCurrentIndex(
                self.model.index(target, 0, QModelIndex()),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )

    def take_off_selected(self) -> None:
        """Take the selected candidate off this list (stays in the project)."""
        current = self.model.current_list()
        rows = self._selected_rows()
        if current is None or len(rows) != 1:
            return
        candidate = self.model.candidate_at(rows[0])
        self._bridge.apply(RemoveCandidateFromList(current.key, candidate.key))

    def put_on_list(self) -> None:
        """Put the chosen candidate at the bottom of this list."""
        current = self.model.current_list()
        key = self.candidate_choice.currentData()
        if current is None or not key:
            return
        self._bridge.apply(AddCandidateToList(current.key, str(key)))
