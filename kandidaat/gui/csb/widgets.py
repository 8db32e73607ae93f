"""Small widgets and helpers the CSB pages share: tables, forms, notices, the member's name."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.csb.desk import member_problem
from kandidaat.gui.text_fit import breakable

if TYPE_CHECKING:
    from collections.abc import Sequence


__all__ = [
    "EML_FILTER",
    "MemberField",
    "add_heading",
    "chosen_time",
    "date_time_edit",
    "dutch_message",
    "fill_table",
    "kieskring_text",
    "labelled",
    "make_form",
    "make_notice",
    "make_table",
    "set_wide",
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


def chosen_time(edit: QDateTimeEdit) -> datetime:
    """The local time in ``edit`` to the minute, as the committee writes it."""
    shown = edit.dateTime()
    day, time = shown.date(), shown.time()
    return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())  # noqa: DTZ001 - local time as the committee writes it


def make_table(columns: Sequence[str], stretch: int) -> QTableWidget:
    """A read-only table of whole rows, one chosen at a time; column ``stretch`` takes the rest."""
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


def fill_table(
    table: QTableWidget, rows: Sequence[Sequence[str]], keys: Sequence[object] = ()
) -> None:
    """Put ``rows`` in ``table``; ``keys`` (one per row) go in the first cell's user data."""
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column == 0 and row < len(keys):
                item.setData(Qt.ItemDataRole.UserRole, keys[row])
            table.setItem(row, column, item)


def make_form() -> QFormLayout:
    """A form whose fields keep their own width (a date is not 1300 pixels wide)."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    return form


def set_wide(edit: QWidget, characters: int) -> None:
    """Give ``edit`` room for about ``characters`` digits."""
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0") * characters)


def labelled(text: str, widget: QWidget) -> QLabel:
    """A label whose underlined letter puts the cursor in ``widget``."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def make_notice() -> QLabel:
    """The line where a page says what happened or why not (selectable, wrapping)."""
    notice = QLabel()
    notice.setObjectName("melding")
    notice.setWordWrap(True)
    notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return notice


def add_heading(text: str, explain: str, layout: QVBoxLayout) -> None:
    """A page's heading and its explanation, added to ``layout``."""
    heading = QLabel(text)
    heading.setStyleSheet("font-weight: bold; font-size: 130%;")
    layout.addWidget(heading)
    words = QLabel(explain)
    words.setWordWrap(True)
    layout.addWidget(words)


def date_time_edit(name: str) -> QDateTimeEdit:
    """A date and time field set to now, shown dd-MM-yyyy HH:mm; ``name`` for screen readers."""
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
