"""The form of one polling station's proces-verbaal, typed with the keyboard only.

Every figure of the CSV of ``kandidaat telling invoer`` has one field, in the order of
the paper form: A-D, E-H, the difference between D and H with its explanations, then
per list the votes of each candidate and, under them, the list total.
Enter and Tab move to the next field, only digits are accepted, an empty field is 0.
Each field the cursor leaves with a changed figure is announced (``field_left``) so the
window saves it to the entry's draft; a draft opened again fills the form (ADR 0139).
The form holds no rules: the checks run in ``app/count`` when the typist saves.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRegularExpression, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kandidaat.domain.count.figures import (
    DIFFERENCE_FIELDS,
    TOTAL_FIELDS,
    ListFigures,
    StationFigures,
    candidate_field,
    list_field,
)
from kandidaat.gui.text_fit import ElidingLabel, breakable

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from kandidaat.domain.count.figures import BallotLayout, ListLayout
    from kandidaat.domain.nomination.findings import Finding

__all__ = ["LIST_COLUMNS", "MAX_DIGITS", "EntryForm", "FigureField"]

MAX_DIGITS = 8
"""Digits a field takes: the largest figure (10 000 000) has eight."""
LIST_COLUMNS = 3
"""At most this many groups side by side (fewer when the window is narrow)."""
_FIELD_CHARACTERS = MAX_DIGITS + 3
_NAME_CHARACTERS = 28
_SCROLL_MARGIN = 40
_ERROR_STYLE = "QLineEdit { border: 2px solid #b00020; }"

_GROUPS = (
    ("Toegelaten kiezers", TOTAL_FIELDS[:4]),
    ("Uitgebrachte stemmen", TOTAL_FIELDS[4:]),
    ("Verschil tussen D en H", DIFFERENCE_FIELDS),
)


class FigureField(QLineEdit):
    """One figure: digits only, right-aligned; Enter moves on as Tab does."""

    def __init__(self, field: str, label: str, parent: QWidget | None = None) -> None:
        """An empty field for the form's ``field`` (its name in the CSV and the checks)."""
        super().__init__(parent)
        self.field = field
        self.setObjectName(field)
        self.setAccessibleName(label)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setValidator(
            QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{MAX_DIGITS}}}"), self)
        )
        self.setMaxLength(MAX_DIGITS)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("0" * _FIELD_CHARACTERS))
        self.on_focus: Callable[[FigureField], None] | None = None
        self.on_leave: Callable[[FigureField], None] | None = None

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        """Tell the form which field the typist is in (to come back to it)."""
        super().focusInEvent(event)
        if self.on_focus is not None:
            self.on_focus(self)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        """Tell the form the typist left this field (Enter, Tab, a click elsewhere)."""
        super().focusOutEvent(event)
        if self.on_leave is not None:
            self.on_leave(self)

    def value(self) -> int:
        """The typed figure; an empty field is 0."""
        text = self.text().strip()
        return int(text) if text else 0

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Enter and Return go to the next field (the scroll area follows)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)


class _WarningBox(QCheckBox):
    """A warning the typist ticks after looking at the paper; Enter moves on."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(f"Klopt met het papier: {finding.message}", parent)
        self.code = finding.code

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)


class EntryForm(QWidget):
    """Every field of one proces-verbaal in a scroll area, and Opslaan / Annuleren."""

    save_requested = Signal()
    cancel_requested = Signal()
    field_left = Signal(str, str)
    """(field, text) of a field the cursor left with a text other than the one kept."""

    def __init__(
        self,
        layout: BallotLayout,
        candidate_name: Callable[[int, int], str],
        heading: str,
        parent: QWidget | None = None,
    ) -> None:
        """An empty form for a ballot with ``layout``; nothing of another entry is shown."""
        super().__init__(parent)
        self.setObjectName("invoerformulier")
        self._layout = layout
        self.fields: dict[str, FigureField] = {}
        self._kept: dict[str, str] = {}
        self.last_field: FigureField | None = None
        """The field the typist was in last."""
        self._warnings: list[_WarningBox] = []
        outer = QVBoxLayout(self)
        title = QLabel(breakable(heading))
        title.setObjectName("kop")
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: bold; font-size: 120%;")
        outer.addWidget(title)
        hint = QLabel(
            "Neem elk getal over van het proces-verbaal. Enter of Tab gaat naar het volgende "
            "veld; een leeg veld telt als 0. Aan het eind controleert kandidaat de invoer."
        )
        hint.setWordWrap(True)
        outer.addWidget(hint)
        self.scroll_area = self._build_scroll_area(layout, candidate_name)
        outer.addWidget(self.scroll_area, 1)
        self.message = QLabel()
        self.message.setObjectName("bevindingen")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        outer.addWidget(self.message)
        self.warning_area = QVBoxLayout()
        outer.addLayout(self.warning_area)
        outer.addLayout(self._build_buttons())
        self._chain()

    # -- building ------------------------------------------------------------

    def _build_scroll_area(
        self, layout: BallotLayout, candidate_name: Callable[[int, int], str]
    ) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        content.setObjectName("velden")
        self._grid = QGridLayout(content)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._groups = [self._totals_group(title, fields) for title, fields in _GROUPS]
        self._groups += [self._list_group(item, candidate_name) for item in layout.lists]
        self.columns = 0
        """Groups side by side now: as many as fit the width, at most LIST_COLUMNS."""
        self._place(1)
        area.setWidget(content)
        self._viewport = area.viewport()
        self._viewport.installEventFilter(self)
        return area

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton("&Opslaan")
        self.save_button.setAutoDefault(True)
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button = QPushButton("&Annuleren")
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.clicked.connect(self.cancel_requested)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        return buttons

    def _field(self, field: str, label: str) -> FigureField:
        widget = FigureField(field, label)
        widget.on_focus = self._remember
        widget.on_leave = self._left
        widget.textEdited.connect(self._edited)
        self.fields[field] = widget
        return widget

    def _totals_group(self, title: str, fields: Sequence[tuple[str, str]]) -> QGroupBox:
        group = QGroupBox(title)
        grid = QGridLayout(group)
        grid.setRowStretch(len(fields), 1)
        for row, (field, label) in enumerate(fields):
            text = QLabel(label)
            text.setWordWrap(True)
            text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            text.setMaximumWidth(self.fontMetrics().horizontalAdvance("n" * _NAME_CHARACTERS))
            widget = self._field(field, label)
            text.setBuddy(widget)
            grid.addWidget(text, row, 0)
            grid.addWidget(widget, row, 1, Qt.AlignmentFlag.AlignRight)
        return group

    def _list_group(self, item: ListLayout, candidate_name: Callable[[int, int], str]) -> QGroupBox:
        group = QGroupBox(f"Lijst {item.number}: {item.name}"[:80])
        group.setObjectName(list_field(item.number))
        grid = QGridLayout(group)
        grid.setColumnMinimumWidth(1, self.fontMetrics().horizontalAdvance("n" * _NAME_CHARACTERS))
        grid.setColumnStretch(1, 1)
        for row, position in enumerate(item.positions):
            number = QLabel(str(position))
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name = ElidingLabel()
            name.setText(candidate_name(item.number, position) or f"kandidaat {position}")
            label = f"lijst {item.number}, kandidaat {position}: {name.full_text()}"
            widget = self._field(candidate_field(item.number, position), label)
            grid.addWidget(number, row, 0)
            grid.addWidget(name, row, 1)
            grid.addWidget(widget, row, 2)
        total_label = QLabel(f"Totaal lijst {item.number}")
        total_label.setStyleSheet("font-weight: bold;")
        total = self._field(list_field(item.number), f"totaal van lijst {item.number}")
        total_label.setBuddy(total)
        grid.addWidget(total_label, len(item.positions), 0, 1, 2)
        grid.addWidget(total, len(item.positions), 2)
        return group

    def _place(self, columns: int) -> None:
        """Put the groups in ``columns`` columns (Tab keeps the paper's order anyway)."""
        self.columns = columns
        for group in self._groups:
            self._grid.removeWidget(group)
        for index, group in enumerate(self._groups):
            row, column = divmod(index, columns)
            top = Qt.AlignmentFlag.AlignTop if index >= len(_GROUPS) else Qt.AlignmentFlag(0)
            self._grid.addWidget(group, row, column, top)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """When the scroll area changes width, as many groups side by side as fit."""
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            spacing = self._grid.horizontalSpacing() + 2 * self._grid.contentsMargins().left()
            widest = max(group.sizeHint().width() for group in self._groups) + spacing
            fit = max(1, min(LIST_COLUMNS, self._viewport.width() // widest))
            if fit != self.columns:
                self._place(fit)
        return super().eventFilter(watched, event)

    def _chain(self) -> None:
        """Tab and Enter follow the paper, then the warnings, Opslaan and Annuleren.

        The paper's order: A-H, the difference, each list's candidates and then its total.
        """
        names = [name for name, _ in (*TOTAL_FIELDS, *DIFFERENCE_FIELDS)]
        for item in self._layout.lists:
            names += [candidate_field(item.number, p) for p in item.positions]
            names.append(list_field(item.number))
        order: list[QWidget] = [self.fields[name] for name in names]
        order += [*self._warnings, self.save_button, self.cancel_button]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    # -- reading and showing ---------------------------------------------------

    def first_field(self) -> FigureField:
        """The field typing starts in (A: stempassen)."""
        return self.fields[TOTAL_FIELDS[0][0]]

    def figures(self) -> StationFigures:
        """What is typed, every empty field as 0, in the shape the checks take."""
        value = {name: widget.value() for name, widget in self.fields.items()}
        return StationFigures(
            totals=tuple((name, value[name]) for name, _ in TOTAL_FIELDS),
            differences=tuple((name, value[name]) for name, _ in DIFFERENCE_FIELDS),
            lists=tuple(
                ListFigures(
                    item.number,
                    value[list_field(item.number)],
                    tuple((p, value[candidate_field(item.number, p)]) for p in item.positions),
                )
                for item in self._layout.lists
            ),
        )

    def _remember(self, field: FigureField) -> None:
        self.last_field = field
        self._keep_in_view(field)

    def _keep_in_view(self, widget: QWidget) -> None:
        """Scroll so the whole field shows, not only its text cursor.

        QScrollArea looks at the text cursor only, which leaves a field half hidden when
        a note shows below the form.
        """
        viewport = self.scroll_area.viewport()
        top = widget.mapTo(viewport, QPoint(0, 0)).y()
        bottom = top + widget.height()
        bar = self.scroll_area.verticalScrollBar()
        if top < 0:
            bar.setValue(bar.value() + top - _SCROLL_MARGIN)
        elif bottom > viewport.height():
            bar.setValue(bar.value() + bottom - viewport.height() + _SCROLL_MARGIN)

    def _left(self, field: FigureField) -> None:
        text = field.text()
        if text != self._kept.get(field.field, ""):
            self._kept[field.field] = text
            self.field_left.emit(field.field, text)

    def restore(self, texts: Mapping[str, str], resume_at: str | None) -> None:
        """Fill in a draft and put the cursor in ``resume_at`` (None: on Opslaan)."""
        for field, text in texts.items():
            if field in self.fields:
                self.fields[field].setText(text)
                self._kept[field] = text
        count = len(texts)
        self.show_message(
            f"Concept hersteld: {count} {'veld' if count == 1 else 'velden'}. Controleer ze "
            "met het papier en ga verder waar de cursor staat."
        )
        if resume_at is None:
            self.save_button.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.focus_field(resume_at)

    def back_to_typing(self) -> None:
        """The cursor back in the field the typist was in last."""
        self.focus_field(None if self.last_field is None else self.last_field.field)

    def typed_anything(self) -> bool:
        """Whether any field holds a figure (then leaving the form loses typing)."""
        return any(widget.text() for widget in self.fields.values())

    def focus_field(self, field: str | None) -> None:
        """Put the cursor in ``field`` (shown in the scroll area), or in the first field."""
        widget = self.fields.get(field or "") or self.first_field()
        self.scroll_area.ensureWidgetVisible(widget, 40, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        widget.selectAll()

    def show_message(self, text: str) -> None:
        """A Dutch line under the form (what the checks found, or why nothing was stored)."""
        self.message.setText(breakable(text))
        self.message.setVisible(bool(text))

    def show_note(self, text: str) -> None:
        """A Dutch line under the form while typing goes on; the cursor's field stays in view."""
        self.show_message(text)
        self.message.setStyleSheet("")
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the scroll area shrinks now, not after the next key
        widget = QApplication.focusWidget()
        if isinstance(widget, FigureField) and self.isAncestorOf(widget):
            self._keep_in_view(widget)

    def show_errors(self, errors: Sequence[Finding]) -> None:
        """The errors in Dutch, each field marked, the cursor in the first one's field."""
        self._clear_warnings()
        for widget in self.fields.values():
            widget.setStyleSheet("")
        for finding in errors:
            if finding.field in self.fields:
                self.fields[finding.field].setStyleSheet(_ERROR_STYLE)
        lines = [f"Er is niets opgeslagen: {len(errors)} fout(en)."]
        lines += [f"Fout: {finding.message}." for finding in errors]
        lines.append(
            "Neem het proces-verbaal opnieuw over; staat de fout ook op het papier, meld het "
            "de coördinator."
        )
        self.show_message("\n".join(lines))
        self.message.setStyleSheet("color: #b00020;")
        self.focus_field(errors[0].field if errors else None)

    def ask_confirmation(self, warnings: Sequence[Finding]) -> None:
        """One tick box per warning; the cursor in the first one that is not ticked."""
        ticked = self.confirmed()
        self._clear_warnings()
        for widget in self.fields.values():
            widget.setStyleSheet("")
        for finding in warnings:
            box = _WarningBox(finding)
            box.setChecked(finding.code in ticked)
            self.warning_area.addWidget(box)
            box.show()
            self._warnings.append(box)
        self._chain()
        self.show_message(
            f"Er is niets opgeslagen: {len(warnings)} waarschuwing(en). Controleer elke "
            "waarschuwing met het papier, vink haar aan als het klopt en kies dan Opslaan; "
            "klopt het niet, verbeter dan het getal."
        )
        self.message.setStyleSheet("")
        first = next((box for box in self._warnings if not box.isChecked()), None)
        (first or self.save_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def confirmed(self) -> set[str]:
        """The codes of the warnings the typist ticked."""
        return {box.code for box in self._warnings if box.isChecked()}

    def warning_boxes(self) -> tuple[QCheckBox, ...]:
        """The tick boxes of the warnings shown (for tests and screen readers)."""
        return tuple(self._warnings)

    def _edited(self) -> None:
        """A changed figure makes the shown warnings stale: they are asked again."""
        if self._warnings:
            self._clear_warnings()
            self._chain()
            self.show_message("")

    def _clear_warnings(self) -> None:
        for box in self._warnings:
            box.setParent(None)
            box.deleteLater()
        self._warnings = []
