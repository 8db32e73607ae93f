"""The pages Nummering (with the committee's draws) and Vaststellen (the 230b and the I 4)."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.csb.desk import lot_text
from kandidaat.domain.csb.numbering import NumberingLotRequired
from kandidaat.domain.errors import KandidaatError
from kandidaat.gui.csb.widgets import (
    MemberField,
    add_heading,
    dutch_message,
    fill_table,
    labelled,
    make_form,
    make_notice,
    make_table,
    set_wide,
)
from kandidaat.gui.file_dialogs import FileChoice, choose, file_dialog
from kandidaat.gui.text_fit import breakable

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QFileDialog

    from kandidaat.app.csb.desk import CsbDesk
    from kandidaat.app.csb.establish import Established
    from kandidaat.domain.csb.numbering import Numbered

__all__ = [
    "EstablishPage",
    "NumberingPage",
]

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
        add_heading(
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
        lot_row.addWidget(labelled("&Getrokken lijst:", self.drawn))
        lot_row.addWidget(self.drawn, 1)
        self.confirm_button = QPushButton("Trekking &bevestigen")
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm_draw)
        lot_row.addWidget(self.confirm_button)
        layout.addLayout(lot_row)
        self.notice = make_notice()
        layout.addWidget(self.notice)
        self.table = make_table(("Nr.", "Lijst", "Deel", "Door loting"), 1)
        layout.addWidget(labelled("&Lijstnummers:", self.table))
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
        fill_table(
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
        if outcome.lots_drawn:
            drawn = ", ".join(f"inlevering {answer}" for _, answer in outcome.lots_drawn)
            text += f" Getrokken, in deze volgorde: {drawn}."
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
        add_heading(
            "Lijsten vaststellen",
            "Schrijft per kieskring een EML 230b met de geldige, genummerde lijsten (met de "
            "trekkingen van de pagina Nummering), bij meer kieskringen de EML 230c met alle "
            "kieskringen, en het proces-verbaal I 4. Kan pas na de "
            "hersteltermijn als er nog verzuimen open zijn.",
            layout,
        )
        form = make_form()
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(desk.path.parent / "vastgesteld"))
        set_wide(self.folder, 82)
        self.browse_button = QPushButton("Blade&ren…")
        self.browse_button.clicked.connect(self.browse)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        form.addRow(labelled("&Map:", self.folder), folder_row)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.setCalendarPopup(True)
        form.addRow(labelled("&Datum zitting:", self.day), self.day)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.establish_button = QPushButton("Vaststellen en &bestanden schrijven")
        self.establish_button.clicked.connect(self.establish)
        row.addWidget(self.establish_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.notice = make_notice()
        layout.addWidget(self.notice)
        self.table = make_table(("Kieskring", "Bestand", "Lijsten", "Hashcode"), 1)
        layout.addWidget(labelled("&Geschreven bestanden:", self.table))
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
        fill_table(
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
