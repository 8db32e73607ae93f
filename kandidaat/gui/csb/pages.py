"""The pages of the CSB window: receiving, examination, omissions, numbering, establishing.

Each page calls one use case of ``kandidaat csb`` through :class:`CsbDesk`; what is
refused is shown in Dutch in the page's notice and nothing is stored. Every change
takes the member's name from the field above the pages (:class:`MemberField`).
"""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.csb.desk import lot_text, member_problem, omission_state
from kandidaat.app.csb.omissions import MAX_NOTE, OmissionRequest
from kandidaat.domain.csb.numbering import NumberingLotRequired
from kandidaat.domain.csb.omissions import CATALOGUE, Level, catalogue_kind
from kandidaat.domain.errors import KandidaatError
from kandidaat.gui.file_dialogs import ALL_FILES, FileChoice, choose, file_dialog
from kandidaat.gui.text_fit import breakable

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QFileDialog

    from kandidaat.app.csb.desk import CsbDesk, SubmissionRow
    from kandidaat.app.csb.establish import Established
    from kandidaat.app.csb.omissions import OmissionLine
    from kandidaat.domain.csb.numbering import Numbered

__all__ = [
    "EstablishPage",
    "ExaminePage",
    "MemberField",
    "NumberingPage",
    "OmissionsPage",
    "ReceivePage",
    "dutch_message",
    "kieskring_text",
]

EML_FILTER = "EML 210-kandidatenlijst (*.xml)"
_DATE_TIME = "dd-MM-yyyy HH:mm"
_FIELDS = {
    "--hashcode": "hashcode",
    "--kieskring": "kieskring",
    "--kandidaat": "plaats op de lijst",
    "--toelichting": "toelichting",
    "--datum": "datum zitting",
    "--out": "map",
    "--ontvangen": "tijdstip",
    "--vastgesteld": "tijdstip",
    "--inlevering": "inlevering",
    "--verzuim": "verzuim",
    "--lot": "getrokken lijst",
    "--lid": "naam lid",
}
_OPTION = re.compile(r"--[a-z]+")


def dutch_message(text: str) -> str:
    """A use case's message with the command line's options named as the window's fields."""
    named = _OPTION.sub(lambda match: _FIELDS.get(match.group(0), match.group(0)), text)
    first = named.split(" ", 1)[0]
    if not any(char in first for char in "./\\"):
        # A sentence starts with a capital; a file name that starts it stays as it is.
        named = named[:1].upper() + named[1:]
    return breakable(named)


def kieskring_text(numbers: Sequence[str]) -> str:
    """Kieskring numbers as ranges ("1-20", "1, 3, 5-7"); others joined as given."""
    if not numbers or not all(n.isdigit() for n in numbers):
        return ", ".join(numbers)
    values = sorted({int(n) for n in numbers})
    parts: list[str] = []
    start = previous = values[0]
    for value in [*values[1:], None]:
        if value is not None and value == previous + 1:
            previous = value
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if value is not None:
            start = previous = value
    return ", ".join(parts)


def _chosen_time(edit: QDateTimeEdit) -> datetime:
    """The local time in ``edit`` to the minute, as the committee writes it."""
    shown = edit.dateTime()
    day, time = shown.date(), shown.time()
    return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())  # noqa: DTZ001 - local time as the committee writes it


def _table(columns: Sequence[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]], keys: Sequence[object] = ()) -> None:
    """Put ``rows`` in ``table``; ``keys`` (one per row) go in the first cell's user data."""
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column == 0 and row < len(keys):
                item.setData(Qt.ItemDataRole.UserRole, keys[row])
            table.setItem(row, column, item)


def _form() -> QFormLayout:
    """A form whose fields keep their own width (a date is not 1300 pixels wide)."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    return form


def _wide(edit: QWidget, characters: int) -> None:
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0") * characters)


def _labelled(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _notice() -> QLabel:
    notice = QLabel()
    notice.setObjectName("melding")
    notice.setWordWrap(True)
    notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return notice


def _heading(text: str, explain: str, layout: QVBoxLayout) -> None:
    heading = QLabel(text)
    heading.setStyleSheet("font-weight: bold; font-size: 130%;")
    layout.addWidget(heading)
    words = QLabel(explain)
    words.setWordWrap(True)
    layout.addWidget(words)


def _date_time_edit(name: str) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime.currentDateTime())
    edit.setDisplayFormat(_DATE_TIME)
    edit.setAccessibleName(name)
    return edit


class MemberField(QLineEdit):
    """The name of the member who records every change (logged as ``--lid``)."""

    def __init__(self) -> None:
        """An empty name field."""
        super().__init__()
        self.setMaxLength(100)
        self.setAccessibleName("naam van het lid van het centraal stembureau")

    def checked(self, notice: QLabel) -> str | None:
        """The name, or None after saying in ``notice`` why not (the cursor goes here)."""
        problem = member_problem(self.text())
        if problem is None:
            return " ".join(self.text().split())
        notice.setText(dutch_message(problem + "."))
        self.setFocus()
        return None


class ReceivePage(QWidget):
    """The submissions received, and receiving an EML 210 with its hash code."""

    def __init__(self, desk: CsbDesk, member: MemberField) -> None:
        """The page on ``desk``; changes are recorded by ``member``."""
        super().__init__()
        self.setObjectName("inleveringen")
        self.desk, self.member = desk, member
        self.last_file: Path | None = None
        layout = QVBoxLayout(self)
        _heading(
            "Ingeleverde kandidatenlijsten",
            "Typ de hashcode van het H 1 over (alle 16 groepen, of alleen de twee groepen die "
            "het programma open laat) en kies het EML 210-bestand. Een lijst die niet op de dag "
            "van de kandidaatstelling tussen 9 en 17 uur is ontvangen, wordt vastgelegd maar is "
            "ongeldig (Kieswet I 5 onder a).",
            layout,
        )
        form = _form()
        self.hashcode = QLineEdit()
        self.hashcode.setMaxLength(120)
        self.hashcode.setPlaceholderText("bijv. 1A2B 3C4D (de twee open groepen)")
        _wide(self.hashcode, 82)
        form.addRow(_labelled("&Hashcode van het H 1:", self.hashcode), self.hashcode)
        self.received_at = _date_time_edit("tijdstip van ontvangst")
        form.addRow(_labelled("&Tijdstip van ontvangst:", self.received_at), self.received_at)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.choose_button = QPushButton("&Lijst ontvangen…")
        self.choose_button.clicked.connect(self.choose_file)
        self.retry_button = QPushButton("Opnieuw p&roberen")
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self.retry)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.notice = _notice()
        layout.addWidget(self.notice)
        columns = ("Nr.", "Aanduiding", "Kieskringen", "Kandidaten", "Ontvangen", "Op tijd")
        self.table = _table(columns, 1)
        layout.addWidget(_labelled("In&geleverde lijsten:", self.table))
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.hashcode, self.received_at)
        QWidget.setTabOrder(self.received_at, self.choose_button)
        QWidget.setTabOrder(self.choose_button, self.retry_button)
        QWidget.setTabOrder(self.retry_button, self.table)

    def refresh(self) -> None:
        """Show the submissions as the file has them now."""
        try:
            rows = self.desk.submissions()
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            return
        _fill(self.table, [_submission_cells(row) for row in rows], [r.number for r in rows])

    def choose_file(self) -> QFileDialog:
        """Open the file dialog for an EML 210 (returned for tests); the file is received."""
        start = self.last_file.parent if self.last_file else self.desk.path.parent
        dialog = file_dialog(
            self, "EML 210 ontvangen", start, FileChoice.OPEN, [EML_FILTER, ALL_FILES]
        )
        return choose(dialog, self.receive_file)

    def retry(self) -> None:
        """Receive the file chosen last again, with the hash code as typed now."""
        if self.last_file is not None:
            self.receive_file(self.last_file)

    def receive_file(self, file: Path) -> bool:
        """Receive ``file`` with the typed hash code; whether it was stored."""
        self.last_file = file
        member = self.member.checked(self.notice)
        if member is None:
            self.retry_button.setEnabled(True)
            return False
        at = _chosen_time(self.received_at)
        try:
            received = self.desk.receive(file, self.hashcode.text(), at, member)
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            self.retry_button.setEnabled(True)
            self.hashcode.setFocus()
            self.hashcode.selectAll()
            return False
        self.retry_button.setEnabled(False)
        self.hashcode.clear()
        text = (
            f"Inlevering {received.number} ontvangen: "
            f"{received.appellation or 'blanco lijst'}, {received.candidates} kandidaten, "
            f"ontvangen {at:%d-%m-%Y %H:%M}."
        )
        if not received.in_time:
            text += (
                " Let op: niet ontvangen op de dag van de kandidaatstelling tussen 9 en 17 "
                "uur; de lijst is ongeldig (Kieswet I 5 onder a)."
            )
        self.notice.setText(breakable(text))
        self.refresh()
        self.table.selectRow(self.table.rowCount() - 1)
        self.choose_button.setFocus()
        return True


def _submission_cells(row: SubmissionRow) -> tuple[str, ...]:
    return (
        str(row.number),
        row.appellation or "blanco lijst",
        kieskring_text(row.kieskringen),
        str(row.candidates),
        f"{row.received_at:%d-%m-%Y %H:%M}",
        "op tijd" if row.in_time else "te laat (ongeldig)",
    )


class ExaminePage(QWidget):
    """The findings of the examination of every submission."""

    def __init__(self, desk: CsbDesk, member: MemberField) -> None:
        """The page on ``desk``; the examination is logged with ``member`` when given."""
        super().__init__()
        self.setObjectName("onderzoek")
        self.desk, self.member = desk, member
        layout = QVBoxLayout(self)
        _heading(
            "Onderzoek van de lijsten",
            "Alle controles van elke lijst, en wat alleen het centraal stembureau ziet: "
            "dezelfde kandidaat of aanduiding bij meer inleveringen in een kieskring. Leg "
            "wat hersteld kan worden vast op de pagina Verzuimen.",
            layout,
        )
        row = QHBoxLayout()
        self.run_button = QPushButton("Lijsten &controleren")
        self.run_button.clicked.connect(self.run)
        row.addWidget(self.run_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.notice = _notice()
        layout.addWidget(self.notice)
        columns = ("Ernst", "Artikel", "Melding", "Inlevering", "Kieskring", "Kandidaat")
        self.table = _table(columns, 2)
        layout.addWidget(_labelled("&Bevindingen:", self.table))
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Nothing to read before the committee asks for the examination."""

    def run(self) -> None:
        """Examine every submission and show the findings, errors first."""
        member = None if member_problem(self.member.text()) else self.member.text()
        try:
            examination = self.desk.examine(member and " ".join(member.split()))
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            return
        rows = []
        for item in examination.findings:
            finding = item.finding
            where = "" if item.submission is None else f"{item.submission} ({item.appellation})"
            message = finding.message + (f" {finding.advice}" if finding.advice else "")
            rows.append(
                (
                    finding.severity.dutch,
                    finding.article,
                    message,
                    where,
                    kieskring_text(item.kieskring.split(", ")) if item.kieskring else "",
                    item.candidate or "",
                )
            )
        _fill(self.table, rows)
        errors = len(examination.errors)
        self.notice.setText(
            f"{len(examination.submissions)} inlevering(en) onderzocht: "
            + ("geen fouten gevonden." if not errors else f"{errors} fout(en) gevonden.")
            + (
                " Vastgelegd in het logboek."
                if member
                else " Niet vastgelegd in het logboek: vul uw naam in om het onderzoek vast te "
                "leggen."
            )
        )
        self.table.setFocus()


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
        _heading(
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
        self.notice = _notice()
        layout.addWidget(self.notice)
        columns = ("Nr.", "Inlevering", "Verzuim", "Artikel", "Kieskring", "Kandidaat", "Stand")
        self.table = _table(columns, 2)
        layout.addWidget(_labelled("Vastgelegde ve&rzuimen:", self.table))
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
        form = _form()
        self.submission = QComboBox()
        self.submission.currentIndexChanged.connect(self._fit_fields)
        form.addRow(_labelled("Inleverin&g:", self.submission), self.submission)
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
        form.addRow(_labelled("Ver&zuim:", self.code), self.code)
        self.kieskring = QComboBox()
        form.addRow(_labelled("&Kieskring:", self.kieskring), self.kieskring)
        self.place = QSpinBox()
        self.place.setRange(1, 1)
        form.addRow(_labelled("&Plaats op de lijst:", self.place), self.place)
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        _wide(self.note, 82)
        form.addRow(_labelled("&Toelichting:", self.note), self.note)
        self.at = _date_time_edit("tijdstip van vaststellen of herstel")
        form.addRow(_labelled("Tij&dstip (vastgesteld of hersteld):", self.at), self.at)
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
        _fill(
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
            recorded = self.desk.record_omission(request, _chosen_time(self.at), member)
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
        at = _chosen_time(self.at)
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


_PARTS = {1: "zetels bij de vorige verkiezing", 2: "overige lijsten"}


class NumberingPage(QWidget):
    """The numbering of the lists; a tie asks the committee for the drawn list."""

    def __init__(self, desk: CsbDesk, member: MemberField) -> None:
        """The page on ``desk``; a complete numbering is logged with ``member``."""
        super().__init__()
        self.setObjectName("nummering")
        self.desk, self.member = desk, member
        self.lots: list[int] = []
        self.outcome: Numbered | NumberingLotRequired | None = None
        layout = QVBoxLayout(self)
        _heading(
            "Nummering van de lijsten",
            "Eerst de aanduidingen met zetels bij de vorige verkiezing, naar hun stemmen toen, "
            "dan de overige lijsten naar het aantal kieskringen (Kieswet I 12 - I 14). Staan "
            "lijsten gelijk, dan trekt het centraal stembureau het lot; het programma trekt "
            "nooit zelf.",
            layout,
        )
        row = QHBoxLayout()
        self.number_button = QPushButton("Lijsten nu&mmeren")
        self.number_button.clicked.connect(self.number)
        self.clear_button = QPushButton("Trekkingen &wissen")
        self.clear_button.clicked.connect(self.clear_lots)
        row.addWidget(self.number_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.question = QLabel()
        self.question.setObjectName("loting")
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        lot_row = QHBoxLayout()
        self.drawn = QComboBox()
        self.drawn.setEnabled(False)
        lot_row.addWidget(_labelled("&Getrokken lijst:", self.drawn))
        lot_row.addWidget(self.drawn, 1)
        self.confirm_button = QPushButton("Trekking &bevestigen")
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm_draw)
        lot_row.addWidget(self.confirm_button)
        layout.addLayout(lot_row)
        self.notice = _notice()
        layout.addWidget(self.notice)
        self.table = _table(("Nr.", "Lijst", "Deel", "Door loting"), 1)
        layout.addWidget(_labelled("&Lijstnummers:", self.table))
        layout.addWidget(self.table, 1)
        order = (
            self.number_button,
            self.clear_button,
            self.drawn,
            self.confirm_button,
            self.table,
        )
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def refresh(self) -> None:
        """Nothing to read before the committee asks for the numbering."""

    def number(self) -> Numbered | NumberingLotRequired | None:
        """Number with the draws so far: the numbering, or the next draw asked."""
        member = self.member.checked(self.notice)
        if member is None:
            return None
        try:
            outcome = self.desk.number(self.lots, member)
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            return None
        self.outcome = outcome
        if isinstance(outcome, NumberingLotRequired):
            self._ask(outcome)
        else:
            self._show(outcome)
        return outcome

    def _ask(self, outcome: NumberingLotRequired) -> None:
        by_ident = {unit.ident: unit for unit in outcome.units}
        self.question.setText(breakable(lot_text(outcome)))
        self.drawn.clear()
        for option in outcome.request.options:
            self.drawn.addItem(by_ident[option].label, option)
        self.drawn.setEnabled(True)
        self.confirm_button.setEnabled(True)
        self.table.setRowCount(0)
        drawn = ", ".join(str(lot) for lot in self.lots)
        self.notice.setText(
            "Nog niet genummerd: er moet geloot worden."
            + (f" Al getrokken (inlevering): {drawn}." if drawn else "")
        )
        self.drawn.setFocus()

    def _show(self, outcome: Numbered) -> None:
        self.question.setText("")
        self.drawn.clear()
        self.drawn.setEnabled(False)
        self.confirm_button.setEnabled(False)
        _fill(
            self.table,
            [
                (
                    str(item.number),
                    item.unit.label,
                    f"{item.part}: {_PARTS[item.part]}",
                    "ja" if item.by_lot else "nee",
                )
                for item in outcome.lists
            ],
        )
        text = (
            f"{len(outcome.lists)} lijst(en) genummerd en vastgelegd in het logboek."
            if outcome.lists
            else "Geen geldige lijst om te nummeren."
        )
        try:
            late = self.desk.late()
        except KandidaatError:
            late = ()
        if late:
            numbers = ", ".join(str(n) for n in late)
            text += (
                f" Zonder nummer, te laat ingeleverd (Kieswet I 5 onder a): inlevering {numbers}."
            )
        self.notice.setText(breakable(text))
        self.table.setFocus()

    def confirm_draw(self) -> Numbered | NumberingLotRequired | None:
        """Add the drawn list to the draws and number again with them."""
        chosen = self.drawn.currentData()
        if chosen is None or not self.confirm_button.isEnabled():
            return None
        self.lots.append(int(chosen))
        outcome = self.number()
        if outcome is None:
            self.lots.pop()
        return outcome

    def clear_lots(self) -> None:
        """Forget the draws (a draw entered by mistake); the numbering starts again."""
        self.lots.clear()
        self.outcome = None
        self.question.setText("")
        self.drawn.clear()
        self.drawn.setEnabled(False)
        self.confirm_button.setEnabled(False)
        self.table.setRowCount(0)
        self.notice.setText("De trekkingen zijn gewist; kies opnieuw Lijsten nummeren.")


_TOTAL = "totaal"
"""The kieskring of the EML 230c, the totaallijst of every kieskring."""


def _where(kieskring: str) -> str:
    return "alle (230c)" if kieskring == _TOTAL else kieskring


class EstablishPage(QWidget):
    """Establishing the lists: the 230b per kieskring and the I 4, with their hash codes."""

    def __init__(
        self, desk: CsbDesk, member: MemberField, lots: Callable[[], Sequence[int]]
    ) -> None:
        """The page on ``desk``; ``lots`` gives the draws of the numbering page."""
        super().__init__()
        self.setObjectName("vaststellen")
        self.desk, self.member, self.lots = desk, member, lots
        layout = QVBoxLayout(self)
        _heading(
            "Lijsten vaststellen",
            "Schrijft per kieskring een EML 230b met de geldige, genummerde lijsten (met de "
            "trekkingen van de pagina Nummering), bij meer kieskringen de EML 230c met alle "
            "kieskringen, en het proces-verbaal I 4. Kan pas na de "
            "hersteltermijn als er nog verzuimen open zijn.",
            layout,
        )
        form = _form()
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(desk.path.parent / "vastgesteld"))
        _wide(self.folder, 82)
        self.browse_button = QPushButton("Blade&ren…")
        self.browse_button.clicked.connect(self.browse)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        form.addRow(_labelled("&Map:", self.folder), folder_row)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.setCalendarPopup(True)
        form.addRow(_labelled("&Datum zitting:", self.day), self.day)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.establish_button = QPushButton("Vaststellen en &bestanden schrijven")
        self.establish_button.clicked.connect(self.establish)
        row.addWidget(self.establish_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.notice = _notice()
        layout.addWidget(self.notice)
        self.table = _table(("Kieskring", "Bestand", "Lijsten", "Hashcode"), 1)
        layout.addWidget(_labelled("&Geschreven bestanden:", self.table))
        layout.addWidget(self.table, 1)
        order = (self.folder, self.browse_button, self.day, self.establish_button, self.table)
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def refresh(self) -> None:
        """Nothing to read before the committee establishes."""

    def browse(self) -> QFileDialog:
        """Choose the folder for the files (the dialog is returned for tests)."""
        dialog = file_dialog(self, "Map voor de 230b", self.folder.text(), FileChoice.FOLDER)
        return choose(dialog, lambda path: self.folder.setText(str(path)))

    def establish(self) -> Established | None:
        """Write the files; what was written, or None after a Dutch message."""
        member = self.member.checked(self.notice)
        if member is None:
            return None
        if not self.folder.text().strip():
            self.notice.setText("Kies eerst de map voor de bestanden.")
            self.folder.setFocus()
            return None
        shown = self.day.date()
        day = date(shown.year(), shown.month(), shown.day())
        try:
            outcome = self.desk.establish(Path(self.folder.text()), day, self.lots(), member)
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            return None
        if isinstance(outcome, NumberingLotRequired):
            self.table.setRowCount(0)
            self.notice.setText(
                "Er is niets geschreven: de nummering vraagt eerst een loting. Loot op de "
                "pagina Nummering en stel daarna vast."
            )
            return None
        _fill(
            self.table,
            [
                (_where(item.kieskring), item.path.name, str(item.lists), item.hash_code)
                for item in outcome.files
            ],
        )
        lists = sum(1 for item in outcome.files if item.kieskring != _TOTAL)
        documents = ", ".join(path.name for path in outcome.documents)
        text = (
            f"Vastgesteld: {lists} EML 230b"
            + (" en de EML 230c" if len(outcome.files) > lists else "")
            + f" geschreven in {self.folder.text()}, met {documents}."
        )
        if outcome.struck_candidates or outcome.struck_appellations:
            text += (
                f" Geschrapt, geteld per lijst en kieskring: {outcome.struck_candidates} keer een "
                f"kandidaat, {outcome.struck_appellations} keer een aanduiding (Kieswet I 6)."
            )
        self.notice.setText(breakable(text))
        self.table.setFocus()
        return outcome
