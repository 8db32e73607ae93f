"""The pages Inleveringen (receiving an EML 210 with its hash code) and Onderzoek.

The other pages are in :mod:`~kandidaat.gui.csb.omissions_page` and
:mod:`~kandidaat.gui.csb.numbering_page`. Each page calls one use case of
``kandidaat csb`` through :class:`CsbDesk`; what is refused is shown in Dutch in the
page's notice and nothing is stored. Every change takes the member's name from the
field above the pages (:class:`MemberField`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.csb.desk import member_problem
from kandidaat.domain.errors import KandidaatError
from kandidaat.gui.csb.widgets import (
    EML_FILTER,
    MemberField,
    add_heading,
    chosen_time,
    date_time_edit,
    dutch_message,
    fill_table,
    kieskring_text,
    labelled,
    make_form,
    make_notice,
    make_table,
    set_wide,
)
from kandidaat.gui.file_dialogs import ALL_FILES, FileChoice, choose, file_dialog
from kandidaat.gui.text_fit import breakable

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    from kandidaat.app.csb.desk import CsbDesk, SubmissionRow

__all__ = [
    "ExaminePage",
    "ReceivePage",
]


class ReceivePage(QWidget):
    """The submissions received, and receiving an EML 210 with its hash code."""

    def __init__(self, desk: CsbDesk, member: MemberField) -> None:
        """The page on ``desk``; changes are recorded by ``member``."""
        super().__init__()
        self.setObjectName("inleveringen")
        self.desk, self.member = desk, member
        self.last_file: Path | None = None
        layout = QVBoxLayout(self)
        add_heading(
            "Ingeleverde kandidatenlijsten",
            "Typ de hashcode van het H 1 over (alle 16 groepen, of alleen de twee groepen die "
            "het programma open laat) en kies het EML 210-bestand. Een lijst die niet op de dag "
            "van de kandidaatstelling tussen 9 en 17 uur is ontvangen, wordt vastgelegd maar is "
            "ongeldig (Kieswet I 5 onder a).",
            layout,
        )
        form = make_form()
        self.hashcode = QLineEdit()
        self.hashcode.setMaxLength(120)
        self.hashcode.setPlaceholderText("bijv. 1A2B 3C4D (de twee open groepen)")
        set_wide(self.hashcode, 82)
        form.addRow(labelled("&Hashcode van het H 1:", self.hashcode), self.hashcode)
        self.received_at = date_time_edit("tijdstip van ontvangst")
        form.addRow(labelled("&Tijdstip van ontvangst:", self.received_at), self.received_at)
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
        self.notice = make_notice()
        layout.addWidget(self.notice)
        columns = ("Nr.", "Aanduiding", "Kieskringen", "Kandidaten", "Ontvangen", "Op tijd")
        self.table = make_table(columns, 1)
        layout.addWidget(labelled("In&geleverde lijsten:", self.table))
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
        fill_table(self.table, [_submission_cells(row) for row in rows], [r.number for r in rows])

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
        at = chosen_time(self.received_at)
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
        add_heading(
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
        self.notice = make_notice()
        layout.addWidget(self.notice)
        columns = ("Ernst", "Artikel", "Melding", "Inlevering", "Kieskring", "Kandidaat")
        self.table = make_table(columns, 2)
        layout.addWidget(labelled("&Bevindingen:", self.table))
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
        fill_table(self.table, rows)
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
