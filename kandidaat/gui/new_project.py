"""The dialog for a new project: which election, which appellation, which file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.editing.session import EditingSession
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.common.safe_names import readable_file_stem
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.nomination.deadlines import dutch_date
from kandidaat.domain.nomination.election_calendar import next_election_day
from kandidaat.domain.nomination.elections import builtin_elections, municipal_election
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Body,
    CandidateList,
    Election,
    Nomination,
    Party,
)
from kandidaat.gui.file_dialogs import FileChoice, choose, file_dialog
from kandidaat.gui.pages.party import KIND_TEXTS

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QFileDialog

SUFFIX = ".kandidaat"
PROJECT_FILTER = f"kandidaat-project (*{SUFFIX})"
FIRST_LIST = "lijst-1"
MAX_NAME_BYTES = 240
"""The longest project file name (255 on most systems, less SQLite's "-journal")."""


def existing_folder(directory: Path | None) -> Path:
    """The folder to propose for a new project: one that exists.

    ``directory`` if it is a folder, else the user's Documenten folder if it
    exists, else the home folder (a fresh account may have no Documenten yet).
    """
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (directory, Path(documents) if documents else None):
        if candidate is not None and candidate.is_dir():
            return candidate
    return Path.home()


class NewProjectDialog(QDialog):
    """Asks for the election, the appellation and the file; builds the first nomination."""

    def __init__(
        self,
        parent: QWidget | None = None,
        directory: Path | None = None,
        create: Callable[[Path, Nomination], EditingSession] = EditingSession.create,
        today: date | None = None,
    ) -> None:
        """Build the dialog; new files go to ``directory`` (default: Documenten, if it exists).

        ``create`` makes the project file; when it fails the dialog stays open
        with everything typed and shows the Dutch reason. The proposed day of
        the municipal election is the next ordinary one after ``today``.
        """
        super().__init__(parent)
        self.setWindowTitle("Nieuw project")
        self._directory = existing_folder(directory)
        self._create = create
        self._today = today or date.today()  # noqa: DTZ011 - the user's own calendar day
        self._elections = builtin_elections()
        self.nomination: Nomination | None = None
        self.path: Path | None = None
        self.session: EditingSession | None = None

        election_box = self._build_election_box()

        party_box = self._build_party_box()

        file_box = self._build_file_box()

        self.problem = QLabel()
        self.problem.setObjectName("probleem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a00000;")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Project &maken")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(election_box)
        layout.addWidget(party_box)
        layout.addWidget(file_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        for widget in (self.municipality, self.appellation):
            widget.textChanged.connect(self._suggest_file)
        self.municipal.toggled.connect(self._on_choice)
        self.kind.currentIndexChanged.connect(self._on_choice)
        self._on_choice()

    def _build_file_box(self) -> QGroupBox:
        """Where the project file goes."""
        self.file = QLineEdit()
        self.file.setObjectName("bestand")
        self.browse_button = QPushButton("&Bladeren…")
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse_button)
        file_box = QGroupBox("Waar bewaren?")
        file_layout = QVBoxLayout(file_box)
        file_layout.addLayout(file_row)
        return file_box

    def _build_party_box(self) -> QGroupBox:
        """The kind of appellation and the appellation itself."""
        self.kind = QComboBox()
        self.kind.setObjectName("soort")
        for kind, text in KIND_TEXTS.items():
            self.kind.addItem(text, kind.value)
        self.appellation = QLineEdit()
        self.appellation.setObjectName("aanduiding")
        self.appellation.setPlaceholderText("zoals geregistreerd bij het centraal stembureau")
        party_box = QGroupBox("Uw partij")
        party_form = QFormLayout(party_box)
        party_form.addRow("&Soort aanduiding:", self.kind)
        party_form.addRow("&Aanduiding:", self.appellation)
        return party_box

    def _build_election_box(self) -> QGroupBox:
        """The choice of election: a municipality, or one of the built-in elections."""
        self.municipal = QRadioButton("&Gemeenteraad")
        self.municipal.setChecked(True)
        self.builtin = QRadioButton("Andere &verkiezing uit de lijst")
        choice = QButtonGroup(self)
        choice.addButton(self.municipal)
        choice.addButton(self.builtin)

        self.municipality = QLineEdit()
        self.municipality.setObjectName("gemeente")
        self.municipality.setPlaceholderText("bijvoorbeeld Utrecht")
        self.seats = QSpinBox()
        self.seats.setObjectName("zetels")
        self.seats.setRange(9, 45)
        self.seats.setValue(17)
        self.election_date = QDateEdit()
        self.election_date.setObjectName("datum")
        self.election_date.setDisplayFormat("dd-MM-yyyy")
        self.election_date.setCalendarPopup(True)
        default = next_election_day(Body.GR, self._today)
        self.election_date.setDate(QDate(default.year, default.month, default.day))
        municipal_form = QFormLayout()
        municipal_form.addRow("&Naam van de gemeente:", self.municipality)
        municipal_form.addRow("Aantal &zetels in de raad:", self.seats)
        municipal_form.addRow("&Dag van stemming:", self.election_date)

        self.election_choice = QComboBox()
        self.election_choice.setObjectName("verkiezing")
        self.election_choice.setAccessibleName("Ingebouwde verkiezing")
        for election in self._elections:
            self.election_choice.addItem(
                f"{election.name} – {dutch_date(election.election_date)}", election.identifier
            )

        election_box = QGroupBox("Voor welke verkiezing?")
        election_layout = QVBoxLayout(election_box)
        election_layout.addWidget(self.municipal)
        election_layout.addLayout(municipal_form)
        election_layout.addWidget(self.builtin)
        election_layout.addWidget(self.election_choice)
        return election_box

    def _on_choice(self) -> None:
        municipal = self.municipal.isChecked()
        for widget in (self.municipality, self.seats, self.election_date):
            widget.setEnabled(municipal)
        self.election_choice.setEnabled(not municipal)
        blank = self.kind.currentData() == AppellationKind.BLANK.value
        self.appellation.setEnabled(not blank)
        self._suggest_file()

    def _suggest_file(self) -> None:
        if self.file.isModified():
            return
        parts = [self.appellation.text().strip() or "project"]
        if self.municipal.isChecked() and self.municipality.text().strip():
            parts.append(self.municipality.text().strip())
        # The user's text, bounded and safe as a file name (ADR 0047).
        name = readable_file_stem(" ".join(parts)) + SUFFIX
        self.file.setText(str(self._directory / name))

    def browse(self) -> QFileDialog:
        """Let the user choose where the project goes (Dutch file dialog)."""
        dialog = file_dialog(
            self, "Project bewaren als", self.file.text(), FileChoice.SAVE, [PROJECT_FILTER]
        )
        dialog.setDefaultSuffix(SUFFIX.lstrip("."))
        return choose(dialog, self._file_chosen)

    def _file_chosen(self, path: Path) -> None:
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        self.file.setText(str(path))
        self.file.setModified(True)

    def election(self) -> Election:
        """The election chosen (raises KandidaatError with a Dutch message)."""
        if self.builtin.isChecked():
            identifier = self.election_choice.currentData()
            for election in self._elections:
                if election.identifier == identifier:
                    return election
            raise KandidaatError("kies een verkiezing uit de lijst")
        name = self.municipality.text().strip()
        if not name:
            raise KandidaatError("vul de naam van de gemeente in")
        chosen = self.election_date.date()
        day = date(chosen.year(), chosen.month(), chosen.day())
        return municipal_election(name, self.seats.value(), day)

    def party(self) -> Party:
        """The party side as far as this dialog asks (raises KandidaatError in Dutch)."""
        kind = AppellationKind(str(self.kind.currentData()))
        appellation = "" if kind is AppellationKind.BLANK else self.appellation.text().strip()
        if kind is not AppellationKind.BLANK and not appellation:
            raise KandidaatError("vul de aanduiding van uw partij in (of kies een blanco lijst)")
        return Party(kind, appellation)

    def project_path(self) -> Path:
        """The new project file (raises KandidaatError in Dutch when it cannot be used)."""
        text = self.file.text().strip()
        if not text:
            raise KandidaatError("kies waar het project bewaard wordt")
        path = Path(text).expanduser()
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        if path.exists():
            raise KandidaatError(f"{path.name} bestaat al; kies een andere naam")
        if not path.parent.is_dir():
            raise KandidaatError(
                f"de map {path.parent} bestaat niet; kies met Bladeren… een map die bestaat "
                "(of maak de map eerst aan)"
            )
        if len(path.name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
            raise KandidaatError("de bestandsnaam is te lang; kies een kortere naam")
        return path

    def accept(self) -> None:
        """Check the answers; stay open with a Dutch explanation when something is missing."""
        try:
            election = self.election()
            # One kieskring (gemeenteraad, waterschap, ...): the one list is there already.
            lists = (
                (CandidateList(FIRST_LIST, (election.kieskringen[0].number,), ()),)
                if election.single_kieskring
                else ()
            )
            nomination = Nomination(election=election, party=self.party(), lists=lists)
            path = self.project_path()
            session = self._create(path, nomination)
        except KandidaatError as error:
            self._show_problem(error.message)
            return
        except OSError as error:
            self._show_problem(
                f"het project kon niet worden gemaakt in {Path(self.file.text()).parent} "
                f"({os_reason(error, Action.WRITE_FOLDER)}); kies een andere map"
            )
            return
        self.nomination = nomination
        self.path = path
        self.session = session
        super().accept()

    def _show_problem(self, message: str) -> None:
        """Stay open with everything typed; say what is wrong, in Dutch."""
        self.problem.setText(message[:1].upper() + message[1:])
