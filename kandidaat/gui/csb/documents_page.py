"""The page Documenten: the proces-verbaal I 1, the verzuimbrief and writing everything.

The buttons do what ``csb pv-onderzoek``, ``csb verzuimbrief`` and ``csb finalise`` do,
through :class:`~kandidaat.app.csb.desk.CsbDesk`. A file name is asked in a save
dialog and an existing file is never overwritten (the use case refuses it, in Dutch).
Every file written is listed with its hash code.
"""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.csb.desk import file_hash
from kandidaat.app.csb.omission_letter import MAX_PLACE
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

    from kandidaat.app.csb.desk import CsbDesk
    from kandidaat.app.csb.establish import Established

__all__ = ["PDF_FILTER", "DocumentsPage"]

PDF_FILTER = "PDF-bestand (*.pdf)"
_DOCUMENT_NAMES = ("proces-verbaal I 4", "proces-verbaal I 1", "publicatie", "hashcodes")
"""What :attr:`Established.documents` holds, in its order (as ``csb finalise`` names them)."""


class DocumentsPage(QWidget):
    """Writing the I 1, the verzuimbrief and all documents; what was written, with hash codes."""

    def __init__(
        self, desk: CsbDesk, member: MemberField, lots: Callable[[], Sequence[int]]
    ) -> None:
        """The page on ``desk``; ``lots`` gives the draws of the numbering page."""
        super().__init__()
        self.setObjectName("documenten")
        self.desk, self.member, self.lots = desk, member, lots
        self.written: list[tuple[str, str, str]] = []
        layout = QVBoxLayout(self)
        add_heading(
            "Documenten",
            "Schrijf het proces-verbaal I 1 van het onderzoek, de verzuimbrief aan de "
            "inleveraar van een lijst (Kieswet I 2) of alles in één keer: de vaststelling met "
            "de 230b, de 230c, de processen-verbaal I 1 en I 4, de publicatie en een pagina "
            "met de hashcodes. Een bestaand bestand wordt nooit overschreven.",
            layout,
        )
        layout.addLayout(self._build_form())
        buttons = QHBoxLayout()
        self.i1_button = QPushButton("Proces-verbaal I 1 schri&jven…")
        self.i1_button.clicked.connect(self.choose_i1)
        self.letter_button = QPushButton("Verzuimbrie&f schrijven…")
        self.letter_button.clicked.connect(self.choose_letter)
        self.finalise_button = QPushButton("&Alles vaststellen en schrijven")
        self.finalise_button.clicked.connect(self.finalise)
        for button in (self.i1_button, self.letter_button, self.finalise_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.notice = make_notice()
        layout.addWidget(self.notice)
        self.table = make_table(("Stuk", "Bestand", "Hashcode"), 1)
        layout.addWidget(labelled("Geschreven &bestanden:", self.table))
        layout.addWidget(self.table, 1)
        order = (
            self.day,
            self.submission,
            self.place,
            self.folder,
            self.browse_button,
            self.i1_button,
            self.letter_button,
            self.finalise_button,
            self.table,
        )
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _build_form(self) -> QFormLayout:
        form = make_form()
        self.day = QDateEdit(QDate.currentDate())
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.setCalendarPopup(True)
        form.addRow(labelled("&Datum (zitting of brief):", self.day), self.day)
        self.submission = QComboBox()
        form.addRow(labelled("Inleverin&g (verzuimbrief):", self.submission), self.submission)
        self.place = QLineEdit()
        self.place.setMaxLength(MAX_PLACE)
        self.place.setPlaceholderText("bijv. het secretariaat, Stadhuisplein 1, Utrecht")
        set_wide(self.place, 60)
        form.addRow(labelled("&Plaats van herstel:", self.place), self.place)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(self.desk.path.parent / "stukken"))
        set_wide(self.folder, 60)
        self.browse_button = QPushButton("Blade&ren…")
        self.browse_button.clicked.connect(self.browse)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        form.addRow(labelled("&Map (alles vaststellen):", self.folder), folder_row)
        return form

    def refresh(self) -> None:
        """Read the submissions for the choice of the verzuimbrief."""
        try:
            rows = self.desk.submissions()
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            return
        chosen = self.submission.currentData()
        self.submission.clear()
        for row in rows:
            self.submission.addItem(
                f"{row.number}: {row.appellation or 'blanco lijst'}", row.number
            )
        self.submission.setCurrentIndex(max(self.submission.findData(chosen), 0))

    def _chosen_day(self) -> date:
        shown = self.day.date()
        return date(shown.year(), shown.month(), shown.day())

    def _save_dialog(self, title: str, name: str) -> QFileDialog:
        start = self.desk.path.parent / name
        dialog = file_dialog(self, title, start, FileChoice.SAVE, [PDF_FILTER])
        # The use case refuses an existing file in Dutch; Qt's own question is not needed.
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, on=True)
        dialog.setDefaultSuffix("pdf")
        return dialog

    def browse(self) -> QFileDialog:
        """Choose the folder for all documents (the dialog is returned for tests)."""
        dialog = file_dialog(self, "Map voor alle stukken", self.folder.text(), FileChoice.FOLDER)
        return choose(dialog, lambda path: self.folder.setText(str(path)))

    def choose_i1(self) -> QFileDialog:
        """Ask where to write the I 1 (the dialog is returned for tests)."""
        dialog = self._save_dialog("Proces-verbaal I 1 bewaren", "Proces-verbaal_I1.pdf")
        return choose(dialog, self.write_i1)

    def write_i1(self, out: Path) -> Path | None:
        """Write the I 1 to ``out``; the path, or None after a Dutch message."""
        member = self.member.checked(self.notice)
        if member is None:
            return None
        try:
            path = self.desk.write_i1(_as_pdf(out), self._chosen_day(), member)
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            return None
        self._add([("proces-verbaal I 1", path)])
        self.notice.setText(breakable(f"Proces-verbaal I 1 geschreven: {path}."))
        return path

    def choose_letter(self) -> QFileDialog | None:
        """Ask where to write the verzuimbrief of the chosen submission (for tests)."""
        number = self.submission.currentData()
        if number is None:
            self.notice.setText("Er is nog geen inlevering; ontvang eerst een lijst.")
            return None
        if not self.place.text().strip():
            self.notice.setText("Vul eerst de plaats van herstel in (waar de inleveraar herstelt).")
            self.place.setFocus()
            return None
        name = f"Verzuimbrief_inlevering_{number}.pdf"
        dialog = self._save_dialog("Verzuimbrief bewaren", name)
        return choose(dialog, self.write_letter)

    def write_letter(self, out: Path) -> Path | None:
        """Write the verzuimbrief of the chosen submission to ``out``; None after a message."""
        member = self.member.checked(self.notice)
        number = self.submission.currentData()
        if member is None or number is None:
            return None
        day = self._chosen_day()
        try:
            path = self.desk.write_letter(int(number), _as_pdf(out), day, self.place.text(), member)
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            return None
        self._add([(f"verzuimbrief inlevering {number}", path)])
        self.notice.setText(breakable(f"Verzuimbrief voor inlevering {number} geschreven: {path}."))
        return path

    def finalise(self) -> Established | None:
        """Establish and write every document into the folder; None after a Dutch message."""
        member = self.member.checked(self.notice)
        if member is None:
            return None
        if not self.folder.text().strip():
            self.notice.setText("Kies eerst de map voor de bestanden.")
            self.folder.setFocus()
            return None
        folder = Path(self.folder.text())
        try:
            outcome = self.desk.finalise(folder, self._chosen_day(), self.lots(), member)
        except KandidaatError as error:
            self.notice.setText(dutch_message(error.message))
            return None
        if isinstance(outcome, NumberingLotRequired):
            self.notice.setText(
                "Er is niets geschreven: de nummering vraagt eerst een loting. Loot op de "
                "pagina Nummering en kies daarna opnieuw Alles vaststellen en schrijven."
            )
            return None
        self._add(list(zip(_DOCUMENT_NAMES, outcome.documents, strict=False)))
        self.written += [
            (
                "EML 230c, alle kieskringen"
                if item.kieskring == "totaal"
                else f"EML 230b, kieskring {item.kieskring}",
                item.path.name,
                item.hash_code,
            )
            for item in outcome.files
        ]
        fill_table(self.table, self.written)
        self.notice.setText(
            breakable(
                f"Vastgesteld en geschreven in {folder}: {len(outcome.files)} EML-bestand(en) "
                f"en {len(outcome.documents)} PDF-bestand(en)."
            )
        )
        self.table.setFocus()
        return outcome

    def _add(self, written: Sequence[tuple[str, Path]]) -> None:
        for what, path in written:
            try:
                code = file_hash(path)
            except OSError:
                code = "(niet te lezen)"
            self.written.append((what, path.name, code))
        fill_table(self.table, self.written)


def _as_pdf(path: Path) -> Path:
    """A name typed without an extension gets ``.pdf`` (the dialog's only filter)."""
    return path if path.suffix else path.with_suffix(".pdf")
