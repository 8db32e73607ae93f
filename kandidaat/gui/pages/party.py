"""Partij: the appellation, the groups behind it, and who hands in the list."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.editing.edits import SetParty
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.nomination.deadlines import describe, dutch_date, election_dates
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Party,
    PostalAddress,
    StatutoryParty,
    Submitter,
)
from kandidaat.gui.text_fit import breakable

if TYPE_CHECKING:
    from kandidaat.domain.nomination.model import Nomination
    from kandidaat.gui.bridge import SessionBridge

KIND_TEXTS = {
    AppellationKind.REGISTERED: "Geregistreerde aanduiding (model H 3-1)",
    AppellationKind.COMBINED: "Samengevoegde aanduiding van meer groeperingen (model H 3-2)",
    AppellationKind.BLANK: "Geen aanduiding: blanco lijst",
}
GROUP_HEADERS = ("Statutaire naam", "Gemachtigde", "Zetels vorige keer")
PERSON_HEADERS = (
    "Voorletters",
    "Tussenvoegsel",
    "Achternaam",
    "Straat en nr.",
    "Postcode",
    "Woonplaats",
)
UNKNOWN = -1
PARTY_FIELDS = frozenset(
    {"kind", "appellation", "previous_seats", "groups", "submitter", "substitutes", "election"}
)
"""Fields of a finding that are fixed on this page ("election": the dates are shown here)."""


def _seats_box(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(UNKNOWN, 200)
    box.setSpecialValueText("onbekend")
    # One change when the user is done typing "17", not one for "1" and one for "17".
    box.setKeyboardTracking(False)
    return box


class PartyPage(QWidget):
    """A form over :class:`~kandidaat.domain.nomination.model.Party`; each field commits."""

    TITLE = "Partij"

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        """Build the form over ``bridge``."""
        super().__init__(parent)
        self._bridge = bridge
        self._updating = False

        appellation_box = self._build_appellation_box()

        self.groups = self._table("groups", GROUP_HEADERS)
        self.groups_box = QGroupBox("Groeperingen en hun gemachtigden (statutaire naam)")
        groups_layout = QVBoxLayout(self.groups_box)
        groups_layout.addWidget(self.groups)
        groups_layout.addLayout(self._row_buttons(self.groups, "groepering"))

        submitter_box = self._build_submitter_box()

        substitutes_box = self._build_substitutes_box()

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(QLabel("<h2>Partij</h2>"))
        self.election = QLabel()
        self.election.setObjectName("verkiezing")
        self.election.setWordWrap(True)
        self.election.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        election_box = QGroupBox("Verkiezing en belangrijke data")
        QVBoxLayout(election_box).addWidget(self.election)
        column.addWidget(election_box)
        column.addWidget(appellation_box)
        column.addWidget(self.groups_box)
        column.addWidget(submitter_box)
        column.addWidget(substitutes_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        bridge.changed.connect(self.refresh)
        self.refresh()

    # -- building ------------------------------------------------------------

    def _build_substitutes_box(self) -> QGroupBox:
        """The vervangers of the lijstinleveraar, one per row."""
        self.substitutes = self._table("substitutes", PERSON_HEADERS)
        substitutes_box = QGroupBox("Vervangers van de inleveraar (Kieswet H 5)")
        substitutes_layout = QVBoxLayout(substitutes_box)
        substitutes_hint = QLabel(
            "Wie verzuimen mag herstellen als de inleveraar er niet is; vul er minstens één in."
        )
        substitutes_hint.setWordWrap(True)
        substitutes_layout.addWidget(substitutes_hint)
        substitutes_layout.addWidget(self.substitutes)
        substitutes_layout.addLayout(self._row_buttons(self.substitutes, "vervanger"))
        return substitutes_box

    def _build_submitter_box(self) -> QGroupBox:
        """The lijstinleveraar: name and address."""
        self.submitter_fields: dict[str, QLineEdit] = {}
        submitter_box = QGroupBox("Inleveraar van de lijst (Kieswet H 1)")
        submitter_form = QFormLayout(submitter_box)
        for header, name in zip(
            PERSON_HEADERS,
            ("initials", "prefix", "last_name", "street", "postal_code", "locality"),
            strict=True,
        ):
            edit = QLineEdit()
            edit.setObjectName(f"submitter_{name}")
            edit.editingFinished.connect(self._commit)
            self.submitter_fields[name] = edit
            submitter_form.addRow(f"{header}:", edit)
        return submitter_box

    def _build_appellation_box(self) -> QGroupBox:
        """Kind of appellation, the appellation and the previous result."""
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind, text in KIND_TEXTS.items():
            self.kind.addItem(text, kind.value)
        self.kind.currentIndexChanged.connect(self._commit)
        self.appellation = QLineEdit()
        self.appellation.setObjectName("appellation")
        self.appellation.setPlaceholderText("zoals geregistreerd, hoogstens 35 tekens")
        self.appellation.editingFinished.connect(self._commit)
        self.previous_seats = _seats_box("previous_seats")
        self.previous_seats.valueChanged.connect(self._commit)

        appellation_box = QGroupBox("Aanduiding boven de lijst")
        form = QFormLayout(appellation_box)
        form.addRow("&Soort:", self.kind)
        form.addRow("&Aanduiding:", self.appellation)
        form.addRow("&Zetels bij de vorige verkiezing:", self.previous_seats)
        seats_hint = QLabel(
            "De zetels van de vorige verkiezing van hetzelfde orgaan bepalen of er 50 of 80 "
            "kandidaten op een lijst mogen (Kieswet H 6 lid 2) en of ondersteuningsverklaringen "
            "en waarborgsom nodig zijn (H 4 lid 8, H 12)."
        )
        seats_hint.setWordWrap(True)
        form.addRow(seats_hint)
        return appellation_box

    def _table(self, name: str, headers: tuple[str, ...]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(list(headers))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setTabKeyNavigation(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.itemChanged.connect(self._commit)
        # Room for about four rows at any font size; more rows scroll.
        rows = 4
        row_height = table.verticalHeader().defaultSectionSize()
        table.setMaximumHeight(table.horizontalHeader().sizeHint().height() + rows * row_height + 8)
        return table

    def _row_buttons(self, table: QTableWidget, what: str) -> QHBoxLayout:
        add = QPushButton(f"{what.capitalize()} toevoegen")
        add.clicked.connect(lambda: self._add_row(table))
        remove = QPushButton(f"{what.capitalize()} verwijderen")
        remove.clicked.connect(lambda: self._remove_row(table))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        return row

    def _add_row(self, table: QTableWidget) -> None:
        """An empty row to type in; it is saved as soon as it holds something."""
        row = table.rowCount()
        first = QTableWidgetItem("")
        self._updating = True
        try:
            table.insertRow(row)
            table.setItem(row, 0, first)
            for column in range(1, table.columnCount()):
                table.setItem(row, column, QTableWidgetItem(""))
        finally:
            self._updating = False
        table.setCurrentCell(row, 0)
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        table.editItem(first)

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            self._updating = True
            table.removeRow(row)
            self._updating = False
            self._commit()

    def focus_field(self, field: str) -> None:
        """Give focus to the widget of a party field named in a finding."""
        name = field.removeprefix("party.")
        targets: dict[str, QWidget] = {
            "kind": self.kind,
            "appellation": self.appellation,
            "previous_seats": self.previous_seats,
            "groups": self.groups,
            "submitter": self.submitter_fields["initials"],
            "substitutes": self.substitutes,
        }
        for key, edit in self.submitter_fields.items():
            targets[f"submitter.{key}"] = edit
        target = targets.get(name) or targets.get(name.split(".")[0]) or self.appellation
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- showing -------------------------------------------------------------

    def refresh(self) -> None:
        """Fill the form from the session."""
        nomination = self._bridge.nomination
        self.setEnabled(nomination is not None)
        if nomination is None:
            return
        party = nomination.party
        self.election.setText(breakable(election_text(nomination)))
        self._updating = True
        try:
            self.kind.setCurrentIndex(max(0, self.kind.findData(party.kind.value)))
            self.appellation.setText(party.appellation)
            self.previous_seats.setValue(
                UNKNOWN if party.previous_seats is None else party.previous_seats
            )
            self._fill(
                self.groups,
                [
                    (
                        group.statutory_name,
                        group.agent_name,
                        "" if group.previous_seats is None else str(group.previous_seats),
                    )
                    for group in party.groups
                ],
            )
            submitter = party.submitter or Submitter("", "")
            for name, edit in self.submitter_fields.items():
                edit.setText(_person_value(submitter, name))
            self._fill(
                self.substitutes,
                [
                    tuple(
                        _person_value(person, name)
                        for name in (
                            "initials",
                            "prefix",
                            "last_name",
                            "street",
                            "postal_code",
                            "locality",
                        )
                    )
                    for person in party.substitutes
                ],
            )
        finally:
            self._updating = False
        blank = party.kind is AppellationKind.BLANK
        self.appellation.setEnabled(not blank)
        self.previous_seats.setEnabled(not blank)
        self.groups_box.setEnabled(not blank)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))

    # -- committing ----------------------------------------------------------

    def _commit(self) -> None:
        if self._updating:
            return
        nomination = self._bridge.nomination
        if nomination is None:
            return
        party = self.collect(nomination.party)
        if party is not None and party != nomination.party:
            self._bridge.apply(SetParty(party))

    def collect(self, previous: Party) -> Party | None:
        """The party as the form shows it (None with a Dutch message when unreadable)."""
        kind = AppellationKind(str(self.kind.currentData()))
        seats = self.previous_seats.value()
        groups = []
        for row in _rows(self.groups):
            name, agent, seats_text = row
            if not seats_text:
                group_seats = None
            elif seats_text.isdigit():
                group_seats = int(seats_text)
            else:
                self._bridge.report(
                    f"groepering {name or row}: zetels vorige keer moet een getal zijn, "
                    f"niet {seats_text!r}"
                )
                return None
            groups.append(StatutoryParty(name, agent, group_seats))
        fields = {name: edit.text().strip() for name, edit in self.submitter_fields.items()}
        submitter = _person(tuple(fields[name] for name in fields))
        substitutes = tuple(
            person for person in (_person(row) for row in _rows(self.substitutes)) if person
        )
        return replace(
            previous,
            kind=kind,
            appellation="" if kind is AppellationKind.BLANK else self.appellation.text().strip(),
            previous_seats=None if seats == UNKNOWN else seats,
            groups=tuple(groups),
            submitter=submitter,
            substitutes=substitutes,
        )


def _rows(table: QTableWidget) -> list[tuple[str, ...]]:
    """The non-empty rows of a table as stripped text."""
    rows = []
    for row in range(table.rowCount()):
        values = tuple(
            (item.text().strip() if (item := table.item(row, column)) else "")
            for column in range(table.columnCount())
        )
        if any(values):
            rows.append(values)
    return rows


def _person_value(person: Submitter, name: str) -> str:
    if name in {"street", "postal_code", "locality"}:
        return str(getattr(person.address, name))
    return str(getattr(person, name))


def _person(values: tuple[str, ...]) -> Submitter | None:
    initials, prefix, last_name, street, postal_code, locality = values
    if not any(values):
        return None
    return Submitter(
        initials=initials,
        last_name=last_name,
        prefix=prefix,
        address=PostalAddress(street=street, postal_code=postal_code, locality=locality),
    )


def election_text(nomination: Nomination) -> str:
    """The election and the dates a party must not miss, one per line."""
    election = nomination.election
    day = dutch_date(election.election_date)
    lines = [f"{election.name}: {election.seats} zetels, dag van stemming {day}."]
    try:
        rows = describe(election_dates(election))
    except KandidaatError as error:
        return f"{lines[0]}\nDe data konden niet worden berekend: {error.message}"
    lines += [f"{dutch_date(day)}: {label} ({article})" for label, article, day in rows[:-1]]
    return "\n".join(lines)
