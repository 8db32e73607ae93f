"""The page Verzuimen: the omissions recorded with their state, recording one and its repair."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.csb.desk import omission_state
from kandidaat.app.csb.omissions import MAX_NOTE, OmissionRequest
from kandidaat.domain.csb.omissions import CATALOGUE, Level, catalogue_kind
from kandidaat.domain.errors import KandidaatError
from kandidaat.gui.csb.widgets import (
    MemberField,
    add_heading,
    chosen_time,
    date_time_edit,
    dutch_message,
    fill_table,
    labelled,
    make_form,
    make_notice,
    make_table,
    set_wide,
)

if TYPE_CHECKING:
    from kandidaat.app.csb.desk import CsbDesk
    from kandidaat.app.csb.omissions import OmissionLine

__all__ = [
    "OmissionsPage",
]


class OmissionsPage(QWidget):
    """The omissions recorded with their state; recording one, and its repair."""

    def __init__(self, desk: CsbDesk, member: MemberField) -> None:
        """The page on ``desk``; changes are recorded by ``member``."""
        super().__init__()
        self.setObjectName("verzuimen")
        self.desk, self.member = desk, member
        self._kieskringen: dict[int, tuple[str, ...]] = {}
        self._sizes: dict[int, int] = {}
        layout = QVBoxLayout(self)
        add_heading(
            "Verzuimen en herstel",
            "Leg elk verzuim vast dat bij het onderzoek is gevonden (Kieswet I 2); de "
            "inleveraar kan een herstelbaar verzuim binnen de hersteltermijn herstellen. Wat "
            "niet wordt hersteld, maakt de lijst ongeldig of schrapt de kandidaat of de "
            "aanduiding bij de nummering en het vaststellen.",
            layout,
        )
        layout.addLayout(self._build_form())
        buttons = QHBoxLayout()
        self.record_button = QPushButton("Vast&leggen")
        self.record_button.clicked.connect(self.record)
        self.repair_button = QPushButton("Gekozen verzuim is &hersteld")
        self.repair_button.clicked.connect(self.repair)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.repair_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.notice = make_notice()
        layout.addWidget(self.notice)
        columns = ("Nr.", "Inlevering", "Verzuim", "Artikel", "Kieskring", "Kandidaat", "Stand")
        self.table = make_table(columns, 2)
        layout.addWidget(labelled("Vastgelegde ve&rzuimen:", self.table))
        layout.addWidget(self.table, 1)
        order = (
            self.submission,
            self.code,
            self.kieskring,
            self.place,
            self.note,
            self.at,
            self.record_button,
            self.table,
            self.repair_button,
        )
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _build_form(self) -> QFormLayout:
        form = make_form()
        self.submission = QComboBox()
        self.submission.currentIndexChanged.connect(self._fit_fields)
        form.addRow(labelled("Inleverin&g:", self.submission), self.submission)
        self.code = QComboBox()
        self.code.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.code.setMinimumContentsLength(60)
        for kind in CATALOGUE:
            self.code.addItem(f"{kind.code}: {kind.title}", kind.code)
            self.code.setItemData(
                self.code.count() - 1,
                f"{kind.article}; anders: {kind.consequence.value}",
                Qt.ItemDataRole.ToolTipRole,
            )
        self.code.currentIndexChanged.connect(self._fit_fields)
        form.addRow(labelled("Ver&zuim:", self.code), self.code)
        self.kieskring = QComboBox()
        form.addRow(labelled("&Kieskring:", self.kieskring), self.kieskring)
        self.place = QSpinBox()
        self.place.setRange(1, 1)
        form.addRow(labelled("&Plaats op de lijst:", self.place), self.place)
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        set_wide(self.note, 82)
        form.addRow(labelled("&Toelichting:", self.note), self.note)
        self.at = date_time_edit("tijdstip van vaststellen of herstel")
        form.addRow(labelled("Tij&dstip (vastgesteld of hersteld):", self.at), self.at)
        return form

    def refresh(self) -> None:
        """Read the submissions (for the choice) and the omissions with their state."""
        try:
            rows = self.desk.submissions()
            lines = self.desk.omissions()
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            return
        chosen = self.submission.currentData()
        self.submission.blockSignals(True)  # noqa: FBT003 - Qt's flag
        self.submission.clear()
        for row in rows:
            self.submission.addItem(
                f"{row.number}: {row.appellation or 'blanco lijst'}", row.number
            )
        self._kieskringen = {row.number: row.kieskringen for row in rows}
        self._sizes = {row.number: row.candidates for row in rows}
        found = self.submission.findData(chosen)
        self.submission.setCurrentIndex(max(found, 0))
        self.submission.blockSignals(False)  # noqa: FBT003 - Qt's flag
        self._fit_fields()
        self._show(lines)

    def _show(self, lines: list[OmissionLine]) -> None:
        fill_table(
            self.table,
            [
                (
                    str(line.omission.number),
                    line.appellation,
                    line.kind.title,
                    line.kind.article,
                    line.omission.kieskring or "",
                    line.candidate or "",
                    omission_state(line),
                )
                for line in lines
            ],
            [line.omission.number for line in lines],
        )

    def _fit_fields(self) -> None:
        """Kieskring and place only where the chosen omission needs them."""
        kind = catalogue_kind(str(self.code.currentData()))
        number = self.submission.currentData()
        kieskringen = self._kieskringen.get(number, ()) if number is not None else ()
        self.kieskring.clear()
        for kieskring in kieskringen:
            self.kieskring.addItem(kieskring, kieskring)
        self.kieskring.setEnabled(kind is not None and kind.per_kieskring)
        size = self._sizes.get(number, 1) if number is not None else 1
        self.place.setRange(1, max(size, 1))
        self.place.setEnabled(kind is not None and kind.level is Level.CANDIDATE)

    def chosen_omission(self) -> int | None:
        """The number of the omission chosen in the list, if any."""
        item = self.table.item(self.table.currentRow(), 0)
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def record(self) -> int | None:
        """Record the omission as filled in; its number, or None after a Dutch message."""
        member = self.member.checked(self.notice)
        if member is None:
            return None
        number = self.submission.currentData()
        if number is None:
            self.notice.setText("Er is nog geen inlevering; ontvang eerst een lijst.")
            return None
        request = OmissionRequest(
            int(number),
            str(self.code.currentData()),
            self.kieskring.currentData() if self.kieskring.isEnabled() else None,
            self.place.value() if self.place.isEnabled() else None,
            self.note.text(),
        )
        try:
            recorded = self.desk.record_omission(request, chosen_time(self.at), member)
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            self.code.setFocus()
            return None
        self.note.clear()
        self.notice.setText(f"Verzuim {recorded} vastgelegd bij inlevering {number}.")
        self.refresh()
        self._select(recorded)
        return recorded

    def repair(self) -> bool:
        """Record that the omission chosen in the list was repaired; whether it was."""
        member = self.member.checked(self.notice)
        if member is None:
            return False
        number = self.chosen_omission()
        if number is None:
            self.notice.setText("Kies eerst een verzuim in de lijst.")
            self.table.setFocus()
            return False
        at = chosen_time(self.at)
        try:
            line = self.desk.repair(number, at, self.note.text(), member)
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            self.table.setFocus()
            return False
        self.note.clear()
        self.notice.setText(
            f"Verzuim {number} ({line.kind.code}, {line.appellation}) hersteld op "
            f"{at:%d-%m-%Y %H:%M}."
        )
        self.refresh()
        self._select(number)
        self.table.setFocus()
        return True

    def _select(self, number: int) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == number:
                self.table.selectRow(row)
                return
