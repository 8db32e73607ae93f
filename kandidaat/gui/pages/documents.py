"""Documenten: make the forms into a folder without freezing, preview and print them."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QSignalBlocker, Qt, QThreadPool, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.editing.documents import (
    GeneratedDocuments,
    concept_reasons,
    generate_documents,
    preview_pages,
)
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.common.unprintable import visible
from kandidaat.domain.errors import KandidaatError
from kandidaat.gui.desktop import UrlOpener, file_url, open_with_system
from kandidaat.gui.file_dialogs import FileChoice, choose, file_dialog
from kandidaat.gui.text_fit import breakable

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QFileDialog

    from kandidaat.gui.bridge import SessionBridge


MAX_DETAIL = 200
"""Characters of an unexpected error's own text shown on the page."""


def unexpected_error_text(error: Exception) -> str:
    """A Dutch message for an error nobody foresaw: what failed, never a traceback."""
    detail = visible(str(error))[:MAX_DETAIL]
    return (
        f"er ging onverwacht iets mis ({type(error).__name__}: {detail}). Er is niets "
        "half geschreven; controleer de gegevens en probeer het opnieuw."
    )


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    """Runs one function off the user interface thread; reports back by signal."""

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work = work
        self.finished = False
        """Set as the last step of ``run``; the page drops the job only when no worker runs."""

    def run(self) -> None:
        """Run the work; a Dutch error message on bad input, never a traceback."""
        try:
            result = self._work()
        except KandidaatError as error:
            self.signals.failed.emit(error.message)
        except OSError as error:
            self.signals.failed.emit(f"kan niet schrijven: {os_reason(error, Action.WRITE_FILE)}")
        except Exception as error:  # noqa: BLE001 - any failure must reach the page, in Dutch
            self.signals.failed.emit(unexpected_error_text(error))
        else:
            self.signals.done.emit(result)
        self.finished = True


class DocumentsPage(QWidget):
    """Folder, a button, progress, the files made, a preview, and printing.

    "Afdrukken…" hands the combined PDF to the system's PDF viewer, which
    prints it as made; "Map openen" shows the folder in the file manager. Both
    go through ``open_url`` (tests replace it to see what would be opened).
    """

    TITLE = "Documenten"
    finished = Signal()
    """The documents were made (or making them failed)."""

    def __init__(
        self,
        bridge: SessionBridge,
        parent: QWidget | None = None,
        open_url: UrlOpener = open_with_system,
    ) -> None:
        """Build the page over ``bridge``; ``open_url`` hands files to the system."""
        super().__init__(parent)
        self._bridge = bridge
        self.open_url = open_url
        self._pool = QThreadPool(self)
        self._jobs: set[_Job] = set()
        self.result: GeneratedDocuments | None = None
        self.last_error = ""

        explanation = QLabel(
            "Maak alle formulieren om te printen, te ondertekenen en in te leveren. Zolang de "
            "controle nog fouten vindt, staat op elk blad CONCEPT: die versie mag u niet "
            "inleveren."
        )
        explanation.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("waarschuwing")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00; font-weight: bold;")

        folder_row = self._build_folder_row()

        self.progress = QProgressBar()
        self.progress.setObjectName("voortgang")
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.state = QLabel()
        self.state.setObjectName("toestand")
        self.state.setWordWrap(True)

        print_row = self._build_print_row()
        splitter = self._build_results()

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Documenten</h2>"))
        layout.addWidget(explanation)
        layout.addWidget(self.warning)
        layout.addLayout(folder_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.state)
        layout.addLayout(print_row)
        layout.addWidget(splitter, 1)

        self.setTabOrder(self.folder, self.browse_button)
        self.setTabOrder(self.browse_button, self.make_button)
        self.setTabOrder(self.make_button, self.print_button)
        self.setTabOrder(self.print_button, self.open_folder_button)
        self.setTabOrder(self.open_folder_button, self.files)

        bridge.session_replaced.connect(self._on_project)
        bridge.changed.connect(self._update_warning)
        self._on_project()

    # -- state ---------------------------------------------------------------

    def _build_results(self) -> QSplitter:
        """The files made, beside a preview of the chosen one."""
        self.files = QListWidget()
        self.files.setObjectName("bestanden")
        self.files.setAccessibleName("Gemaakte documenten")
        self.files.currentItemChanged.connect(self._show_preview)
        self.preview = QLabel("Kies links een document om het te bekijken.")
        self.preview.setObjectName("voorbeeld")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        pages = QWidget()
        self._pages_layout = QVBoxLayout(pages)
        self._pages_layout.addWidget(self.preview)
        self._pages_layout.addStretch(1)
        self._more_pages: list[QLabel] = []
        scroll.setWidget(pages)
        splitter = QSplitter()
        splitter.addWidget(self.files)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 2)
        return splitter

    def _build_folder_row(self) -> QHBoxLayout:
        """The folder for the documents and the button that makes them."""
        self.folder = QLineEdit()
        self.folder.setObjectName("map")
        self.folder.setAccessibleName("Map voor de documenten")
        self.browse_button = QPushButton("Blade&ren…")
        self.browse_button.clicked.connect(self.browse)
        folder_label = QLabel("Ma&p:")
        folder_label.setBuddy(self.folder)
        self.make_button = QPushButton("Documenten &maken")
        self.make_button.setObjectName("maken")
        self.make_button.clicked.connect(self.make_documents)
        folder_row = QHBoxLayout()
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        folder_row.addWidget(self.make_button)
        return folder_row

    def _build_print_row(self) -> QHBoxLayout:
        """Print the combined PDF, or open the folder, once the documents are made."""
        self.print_button = QPushButton("&Afdrukken…")
        self.print_button.setObjectName("afdrukken")
        self.print_button.setToolTip(
            "Opent het bestand met alle documenten in uw PDF-lezer; druk het daar af"
        )
        self.print_button.clicked.connect(self.print_documents)
        self.open_folder_button = QPushButton("Map &openen")
        self.open_folder_button.setObjectName("map_openen")
        self.open_folder_button.setToolTip("Toont de map met de documenten in uw bestandsbeheer")
        self.open_folder_button.clicked.connect(self.open_folder)
        self.folder.textChanged.connect(self._update_buttons)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.open_folder_button)
        row.addStretch(1)
        return row

    def _update_buttons(self) -> None:
        """Printing needs documents made now; the folder button needs the folder."""
        idle = self.progress.maximum() != 0
        self.print_button.setEnabled(idle and self.result is not None)
        self.open_folder_button.setEnabled(idle and self._folder_to_open() is not None)

    def _on_project(self) -> None:
        session = self._bridge.session
        self._clear_files()
        self.result = None
        if session is not None and session.path is not None:
            self.folder.setText(str(session.path.with_name(f"{session.path.stem}-documenten")))
        self._update_warning()

    def _update_warning(self) -> None:
        session = self._bridge.session
        self._update_buttons()
        if session is None:
            self.warning.setText("")
            self.make_button.setEnabled(False)
            return
        self.make_button.setEnabled(self.progress.maximum() != 0)
        lines = []
        if session.documents_outdated:
            lines.append(
                "Let op: het project is gewijzigd nadat de documenten zijn gemaakt. Maak ze "
                "opnieuw, print ze opnieuw en laat ze opnieuw ondertekenen."
            )
        reasons = concept_reasons(session)
        if reasons:
            lines.append("De documenten krijgen het merk CONCEPT: " + "; ".join(reasons) + ".")
        self.warning.setText(breakable("\n".join(lines)))

    def browse(self) -> QFileDialog:
        """Let the user choose the folder for the documents (Dutch file dialog)."""
        dialog = file_dialog(self, "Map voor de documenten", self.folder.text(), FileChoice.FOLDER)
        return choose(dialog, lambda path: self.folder.setText(str(path)))

    # -- making --------------------------------------------------------------

    def make_documents(self) -> None:
        """Make the documents in the background; the window stays usable."""
        session = self._bridge.session
        if session is None or not self.folder.text().strip():
            return
        nomination = session.nomination
        try:
            findings = session.findings()
        except KandidaatError as error:
            self._failed(f"de controle kon niet worden uitgevoerd ({error.message})")
            return
        out_dir = Path(self.folder.text().strip()).expanduser()
        self.make_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.state.setText("Bezig met de documenten… u kunt intussen verder werken.")
        self._clear_files()
        self.result = None
        self._update_buttons()
        self._start(
            lambda: generate_documents(nomination, findings, out_dir),
            self._made,
        )

    def _clear_files(self) -> None:
        """Empty the file list without previewing each file that becomes current."""
        blocker = QSignalBlocker(self.files)
        self.files.clear()
        blocker.unblock()

    def wait_for_work(self) -> None:
        """Let running work finish (before the window closes)."""
        self._pool.waitForDone()

    def _start(self, work: Callable[[], object], done: Callable[[object], None]) -> None:
        # A job is dropped only while no worker runs: dropping it from its own "done"
        # signal let Python delete the runnable while the worker thread was still inside
        # run() (a crash under load, seen in the test suite).
        if self._pool.activeThreadCount() == 0:
            self._jobs = {job for job in self._jobs if not job.finished}
            # Collect cyclic garbage (closed dialogs and windows) now, while no worker
            # runs: the collector running during a worker once crashed Python (tests).
            gc.collect()
        job = _Job(work)
        job.setAutoDelete(False)
        self._jobs.add(job)
        job.signals.done.connect(done)
        job.signals.failed.connect(self._failed)
        self._pool.start(job)

    def _made(self, result: object) -> None:
        if not isinstance(result, GeneratedDocuments):
            return
        self.result = result
        session = self._bridge.session
        if session is not None and session.nomination == result.nomination:
            session.mark_documents_printed()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.make_button.setEnabled(True)
        concept = " met het merk CONCEPT" if result.concept else ""
        self.state.setText(
            breakable(
                f"{len(result.files)} documenten gemaakt{concept} in {result.out_dir}. "
                f"Alles in één bestand om te printen: {result.combined.name} "
                "(knop Afdrukken)."
            )
        )
        for path in (result.combined, *result.files):
            item = QListWidgetItem(str(path.relative_to(result.out_dir)))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.files.addItem(item)
        self.files.setCurrentRow(0)
        self._update_warning()
        self.finished.emit()

    def _failed(self, message: str) -> None:
        self.last_error = message
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.make_button.setEnabled(self._bridge.session is not None)
        self.state.setText(breakable(f"De documenten zijn niet gemaakt: {message}"))
        self._update_buttons()
        self.finished.emit()

    # -- printing ------------------------------------------------------------

    def print_documents(self) -> bool:
        """Open the combined PDF in the system's PDF viewer, to print it there.

        Refused (with the Dutch reason) when the project changed after the
        documents were made: paper that does not match the project must not
        be printed and signed.
        """
        result = self.result
        if result is None:
            return False
        session = self._bridge.session
        if session is not None and session.nomination != result.nomination:
            self._bridge.report(
                "het project is gewijzigd nadat de documenten zijn gemaakt; klik eerst op "
                "Documenten maken en druk dan de nieuwe documenten af"
            )
            return False
        if not result.combined.is_file():
            self._bridge.report(
                f"{result.combined.name} staat niet meer in {result.out_dir}; klik op "
                "Documenten maken om het opnieuw te maken"
            )
            return False
        if not self.open_url(file_url(result.combined)):
            self._bridge.report(
                f"er is geen PDF-lezer gevonden om {result.combined.name} te openen; open "
                f"het bestand zelf (in {result.out_dir}) en druk het daar af"
            )
            return False
        self._bridge.inform(
            f"{result.combined.name} is geopend in uw PDF-lezer. Kies daar Afdrukken "
            "(meestal Ctrl+P). Onderteken de papieren; die tellen."
        )
        return True

    def _folder_to_open(self) -> Path | None:
        """The folder of the documents made, else the folder typed if it exists."""
        if self.result is not None and self.result.out_dir.is_dir():
            return self.result.out_dir
        text = self.folder.text().strip()
        if text and Path(text).expanduser().is_dir():
            return Path(text).expanduser()
        return None

    def open_folder(self) -> bool:
        """Show the documents folder in the system's file manager."""
        folder = self._folder_to_open()
        if folder is None:
            self._bridge.report(
                f"de map {self.folder.text().strip()} bestaat nog niet; klik eerst op "
                "Documenten maken"
            )
            return False
        if not self.open_url(file_url(folder)):
            self._bridge.report(
                f"er is geen bestandsbeheerder gevonden om de map {folder} te openen"
            )
            return False
        return True

    # -- preview ------------------------------------------------------------

    def _show_preview(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        pdf = Path(str(item.data(Qt.ItemDataRole.UserRole)))
        for page in self._more_pages:
            page.deleteLater()
        self._more_pages.clear()
        self.preview.setWordWrap(True)
        self.preview.setText(f"Voorbeeld van {pdf.name} wordt gemaakt…")
        self._start(lambda: preview_pages(pdf, pages=2), self._previewed)

    def _previewed(self, result: object) -> None:
        if not isinstance(result, tuple):
            return
        images = [Path(str(path)) for path in result]
        if not images:
            self.preview.setText(
                "Geen voorbeeld: het programma pdftoppm (poppler-utils) is niet gevonden. "
                "Open het bestand met uw PDF-lezer."
            )
            return
        # A word-wrapping label sizes itself by its text; a page is a picture.
        self.preview.setWordWrap(False)
        self.preview.setPixmap(QPixmap(str(images[0])))
        self.preview.setAccessibleName("Voorbeeld van bladzijde 1")
        for number, image in enumerate(images[1:], start=2):
            page = QLabel()
            page.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            page.setPixmap(QPixmap(str(image)))
            page.setAccessibleName(f"Voorbeeld van bladzijde {number}")
            self._pages_layout.insertWidget(number - 1, page)
            self._more_pages.append(page)
