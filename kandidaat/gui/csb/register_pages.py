"""The pages Stukken (the checklist of documents handed in) and Ondersteuning (the H 4 register).

Like the other pages, each calls a use case of ``kandidaat csb`` through
:class:`~kandidaat.app.csb.desk.CsbDesk` (``csb ontvangst`` and ``csb ondersteuning``);
what is refused is shown in Dutch and nothing is stored.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kandidaat.domain.csb.checklist import DOCUMENTS, MAX_COUNT
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
)
from kandidaat.gui.file_dialogs import ALL_FILES, FileChoice, choose, file_dialog
from kandidaat.gui.text_fit import breakable

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    from kandidaat.app.csb.desk import CsbDesk
    from kandidaat.domain.csb.support import SupportTally

__all__ = ["CSV_FILTER", "ChecklistPage", "SupportPage"]

CSV_FILTER = "CSV-bestand (*.csv)"


class ChecklistPage(QWidget):
    """The checklist of the chosen submission, and recording a document handed in."""

    def __init__(self, desk: CsbDesk, member: MemberField) -> None:
        """The page on ``desk``; documents are recorded by ``member``."""
        super().__init__()
        self.setObjectName("stukken")
        self.desk, self.member = desk, member
        self._kieskringen: dict[int, tuple[str, ...]] = {}
        layout = QVBoxLayout(self)
        add_heading(
            "Ingeleverde stukken",
            "De checklist van de stukken die bij een kandidatenlijst horen (de bijlagen van "
            "het H 1), met wat is ingeleverd, wanneer en door wie vastgelegd. Wat ontbreekt, "
            "is een mogelijk verzuim: leg dat vast op de pagina Verzuimen (Kieswet I 2).",
            layout,
        )
        layout.addLayout(self._build_form())
        buttons = QHBoxLayout()
        self.record_button = QPushButton("Vast&leggen")
        self.record_button.clicked.connect(self.record)
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.notice = make_notice()
        layout.addWidget(self.notice)
        self.table = make_table(("Ingeleverd", "Stuk", "Vastgelegd"), 2)
        layout.addWidget(labelled("&Checklist:", self.table))
        layout.addWidget(self.table, 1)
        order = (
            self.submission,
            self.code,
            self.kieskring,
            self.count,
            self.at,
            self.record_button,
            self.table,
        )
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _build_form(self) -> QFormLayout:
        form = make_form()
        self.submission = QComboBox()
        self.submission.currentIndexChanged.connect(self._submission_chosen)
        form.addRow(labelled("Inleverin&g:", self.submission), self.submission)
        self.code = QComboBox()
        for kind in DOCUMENTS.values():
            self.code.addItem(f"{kind.code}: {kind.name}", kind.code)
        self.code.currentIndexChanged.connect(self._fit_fields)
        form.addRow(labelled("S&tuk:", self.code), self.code)
        self.kieskring = QComboBox()
        form.addRow(labelled("&Kieskring (alleen bij H 4):", self.kieskring), self.kieskring)
        self.count = QSpinBox()
        self.count.setRange(0, MAX_COUNT)
        self.count.setAccessibleName("aantal ingeleverde stuks")
        form.addRow(labelled("&Aantal:", self.count), self.count)
        self.at = date_time_edit("tijdstip van ontvangst van het stuk")
        form.addRow(labelled("Tij&dstip van ontvangst:", self.at), self.at)
        return form

    def refresh(self) -> None:
        """Read the submissions (for the choice) and the checklist of the one chosen."""
        try:
            rows = self.desk.submissions()
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
        self.submission.setCurrentIndex(max(self.submission.findData(chosen), 0))
        self.submission.blockSignals(False)  # noqa: FBT003 - Qt's flag
        self._submission_chosen()

    def _submission_chosen(self) -> None:
        self._fit_fields()
        self._show_checklist()

    def _fit_fields(self) -> None:
        """Kieskring only for the H 4; a number only for documents that are counted."""
        kind = DOCUMENTS.get(str(self.code.currentData()))
        number = self.submission.currentData()
        self.kieskring.clear()
        for kieskring in self._kieskringen.get(number, ()) if number is not None else ():
            self.kieskring.addItem(kieskring, kieskring)
        self.kieskring.setEnabled(kind is not None and kind.per_kieskring)
        self.count.setEnabled(kind is not None and kind.counted)

    def _show_checklist(self) -> None:
        number = self.submission.currentData()
        if number is None:
            self.table.setRowCount(0)
            return
        try:
            rows = self.desk.checklist(int(number))
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            return
        fill_table(
            self.table,
            [("ja" if row.handed_in else "ontbreekt", row.document, row.recorded) for row in rows],
        )

    def item_text(self) -> str:
        """The document as ``csb ontvangst --stuk`` takes it: ``CODE[@KIESKRING][=AANTAL]``."""
        text = str(self.code.currentData())
        if self.kieskring.isEnabled() and self.kieskring.currentData() is not None:
            text += f"@{self.kieskring.currentData()}"
        if self.count.isEnabled():
            text += f"={self.count.value()}"
        return text

    def record(self) -> bool:
        """Record the document as filled in for the chosen submission; whether it was."""
        member = self.member.checked(self.notice)
        if member is None:
            return False
        number = self.submission.currentData()
        if number is None:
            self.notice.setText("Er is nog geen inlevering; ontvang eerst een lijst.")
            return False
        at = chosen_time(self.at)
        try:
            self.desk.record_documents(int(number), [self.item_text()], at, member)
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            self.code.setFocus()
            return False
        self.notice.setText(
            breakable(
                f"Vastgelegd bij inlevering {number}: {self.code.currentText()}, ontvangen "
                f"{at:%d-%m-%Y %H:%M}."
            )
        )
        self._show_checklist()
        self.code.setFocus()
        return True


def _needed(exempt: bool, needed: int, short: int) -> tuple[str, str]:  # noqa: FBT001 - a pair
    if exempt:
        return "vrijgesteld (H 4 lid 8)", "0"
    return str(needed), str(short)


class SupportPage(QWidget):
    """The H 4 register: the tally per submission and kieskring, and adding a CSV."""

    def __init__(self, desk: CsbDesk, member: MemberField) -> None:
        """The page on ``desk``; a CSV is added in the name of ``member``."""
        super().__init__()
        self.setObjectName("ondersteuning")
        self.desk, self.member = desk, member
        self.last_file: Path | None = None
        layout = QVBoxLayout(self)
        add_heading(
            "Ondersteuningsverklaringen (model H 4)",
            "Per inlevering en kieskring: ingeleverd, hoeveel niet meetellen, hoeveel geldig "
            "zijn en hoeveel er nog nodig zijn (Kieswet H 4 lid 1). Een kiezer die voor meer "
            "dan één lijst tekende, telt voor geen van die lijsten. Een CSV-bestand (kop "
            "inlevering;kieskring;naam;geboortedatum;adres) wordt helemaal of niet toegevoegd.",
            layout,
        )
        row = QHBoxLayout()
        self.import_button = QPushButton("&CSV-bestand inlezen…")
        self.import_button.clicked.connect(self.choose_file)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.notice = make_notice()
        layout.addWidget(self.notice)
        columns = (
            "Inlevering",
            "Kieskring",
            "Ingeleverd",
            "Tellen niet mee",
            "Geldig",
            "Nodig",
            "Nog nodig",
        )
        self.table = make_table(columns, len(columns) - 1)
        layout.addWidget(labelled("&Telling per inlevering en kieskring:", self.table))
        layout.addWidget(self.table, 2)
        self.findings = make_table(("Artikel", "Inlevering", "Kieskring", "Melding"), 3)
        layout.addWidget(
            labelled(
                "&Bevindingen (tekorten, kiezers die voor twee lijsten tekenden):", self.findings
            )
        )
        layout.addWidget(self.findings, 1)
        QWidget.setTabOrder(self.import_button, self.table)
        QWidget.setTabOrder(self.table, self.findings)

    def refresh(self) -> SupportTally | None:
        """Show the tally as the file has it now (returned for tests)."""
        try:
            tally = self.desk.support()
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            return None
        rows = []
        for count in tally.counts:
            needed, short = _needed(count.exempt, count.needed, count.short)
            rows.append(
                (
                    f"{count.submission} ({count.appellation or 'blanco lijst'})",
                    count.kieskring,
                    str(count.handed_in),
                    str(count.not_counted),
                    str(count.counted),
                    needed,
                    short,
                )
            )
        fill_table(self.table, rows)
        fill_table(
            self.findings,
            [
                (
                    f.finding.article,
                    "" if f.submission is None else str(f.submission),
                    f.kieskring or "",
                    f.finding.message,
                )
                for f in tally.findings
            ],
        )
        return tally

    def choose_file(self) -> QFileDialog:
        """Open the file dialog for a CSV of declarations (returned for tests)."""
        start = self.last_file.parent if self.last_file else self.desk.path.parent
        dialog = file_dialog(
            self,
            "Ondersteuningsverklaringen inlezen",
            start,
            FileChoice.OPEN,
            [CSV_FILTER, ALL_FILES],
        )
        return choose(dialog, self.import_file)

    def import_file(self, file: Path) -> bool:
        """Add the declarations of ``file``; whether they were stored."""
        self.last_file = file
        member = self.member.checked(self.notice)
        if member is None:
            return False
        try:
            added = self.desk.import_support(file, member, date.today())  # noqa: DTZ011 - the committee's day
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            self.import_button.setFocus()
            return False
        self.notice.setText(
            breakable(f"{added} ondersteuningsverklaring(en) toegevoegd uit {file.name}.")
        )
        self.refresh()
        self.table.setFocus()
        return True
