"""The main window: a navigation list of pages beside the page itself."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QWidget,
)

from kandidaat.app.editing.session import EditingSession
from kandidaat.domain.errors import KandidaatError
from kandidaat.gui.bridge import SessionBridge
from kandidaat.gui.file_dialogs import FileChoice, choose, file_dialog
from kandidaat.gui.new_project import PROJECT_FILTER, NewProjectDialog
from kandidaat.gui.pages.candidate_details import DETAIL_FIELDS
from kandidaat.gui.pages.candidates import CandidatesPage
from kandidaat.gui.pages.documents import DocumentsPage
from kandidaat.gui.pages.findings import FindingsPage, summary_text
from kandidaat.gui.pages.lists import ListsPage
from kandidaat.gui.pages.party import PartyPage
from kandidaat.gui.pages.start import StartPage
from kandidaat.gui.text_fit import ElidingLabel, short

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QFileDialog

    from kandidaat.domain.nomination.findings import Finding

RECENT_KEY = "recente_projecten"
MAX_RECENT = 8
PAGE_NAMES = ("start", "partij", "kandidaten", "lijsten", "controle", "documenten")
"""The pages in order; ``kandidaat gui --page NAME`` uses these names."""


SCREEN_SHARE = Fraction(17, 20)
"""Share of the screen's free area a new window takes (when that shows everything)."""


def navigation_width(navigation: QListWidget) -> int:
    """Wide enough for the longest page name with its padding, a frame and a scroll bar.

    The style sheet pads every item by 1 em left and right; ``sizeHintForColumn``
    does not count that padding, which cut "Documenten" off.
    """
    metrics = navigation.fontMetrics()
    texts = [navigation.item(row).text() for row in range(navigation.count())]
    widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
    padding = 2 * metrics.horizontalAdvance("M")
    frame = 2 * navigation.frameWidth() + 4  # the 2 px focus border on each side
    scroll_bar = navigation.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    return widest + padding + frame + scroll_bar + metrics.horizontalAdvance("  ")


def fitting_size(available: QSize, needed: QSize) -> QSize:
    """The size a new window opens at (a share of the free area of the screen).

    Never smaller than what shows everything, never larger than the screen.
    """
    width = max(needed.width(), int(available.width() * SCREEN_SHARE))
    height = max(needed.height(), int(available.height() * SCREEN_SHARE))
    return QSize(min(width, available.width()), min(height, available.height()))


class MainWindow(QMainWindow):
    """The application window; all editing goes through one :class:`SessionBridge`."""

    def __init__(
        self,
        settings: QSettings | None = None,
        demo_factory: Callable[[Path], Path] | None = None,
        documents_dir: Path | None = None,
    ) -> None:
        """Build the window without a project (see :meth:`open_project`).

        ``demo_factory`` writes the demo project into a folder and returns its
        path; ``documents_dir`` is where new projects and demos are proposed.
        """
        super().__init__()
        self.setWindowTitle("kandidaat")
        self._settings = settings or QSettings("kandidaat", "kandidaat")
        self._demo_factory = demo_factory
        self._documents_dir = documents_dir
        self.bridge = SessionBridge(self)
        self.bridge.dialog_parent = self

        self.start_page = StartPage()
        self.party_page = PartyPage(self.bridge)
        self.candidates_page = CandidatesPage(self.bridge)
        self.lists_page = ListsPage(self.bridge)
        self.findings_page = FindingsPage(self.bridge)
        self.documents_page = DocumentsPage(self.bridge)
        self.pages: dict[str, QWidget] = dict(
            zip(
                PAGE_NAMES,
                (
                    self.start_page,
                    self.party_page,
                    self.candidates_page,
                    self.lists_page,
                    self.findings_page,
                    self.documents_page,
                ),
                strict=True,
            )
        )

        self._build_navigation()

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.setStyleSheet(
            "QPushButton:focus, QLineEdit:focus, QComboBox:focus, QSpinBox:focus,"
            " QTableView:focus, QTreeView:focus, QListView:focus"
            " { outline: 2px solid palette(highlight); border: 2px solid palette(highlight); }"
        )

        self.status = ElidingLabel()
        self.status.setObjectName("status")
        self.statusBar().addWidget(self.status, 1)

        self._build_menus()
        self.start_page.new_requested.connect(self.new_project)
        self.start_page.open_requested.connect(self.choose_project)
        self.start_page.demo_requested.connect(self.open_demo)
        self.start_page.recent_chosen.connect(lambda path: self.open_and_show(Path(path)))
        self.start_page.demo_button.setEnabled(demo_factory is not None)
        self.findings_page.go_to.connect(self.go_to_finding)
        self.bridge.changed.connect(self._update_state)
        self.bridge.error_shown.connect(self._show_in_status)
        self.bridge.notice_shown.connect(self._show_in_status)
        self.start_page.show_recent(self.recent_projects())
        self.navigation.setCurrentRow(0)
        self._update_state()

    def _build_navigation(self) -> None:
        """The list of pages beside the page, wide enough for every page's name."""
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigatie")
        self.navigation.setAccessibleName("Pagina's")
        self.stack = QStackedWidget()
        for name, page in self.pages.items():
            item = QListWidgetItem(str(getattr(page, "TITLE", name.capitalize())))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.navigation.addItem(item)
            self.stack.addWidget(page)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setStyleSheet(
            "QListWidget::item { padding: 0.5em 1em; }"
            "QListWidget:focus { border: 2px solid palette(highlight); }"
        )
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        width = navigation_width(self.navigation)
        self.navigation.setMinimumWidth(width)
        self.navigation.setMaximumWidth(width)

    def fit_to_screen(self) -> None:
        """Open at a size that fits the screen the window is on, centred on it."""
        free = self.screen().availableGeometry()
        needed = self.sizeHint().expandedTo(self.minimumSizeHint())
        self.resize(fitting_size(free.size(), needed))
        frame = self.frameGeometry()
        frame.moveCenter(free.center())
        self.move(frame.topLeft())

    # -- menus -----------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Bestand")
        file_menu.addAction(self._action("&Nieuw project…", self.new_project, "Ctrl+N"))
        file_menu.addAction(self._action("Project &openen…", self.choose_project, "Ctrl+O"))
        self.demo_action = self._action("&Demo openen", self.open_demo)
        self.demo_action.setEnabled(self._demo_factory is not None)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Afsluiten", self.close, "Ctrl+Q"))

        edit_menu = self.menuBar().addMenu("Be&werken")
        self.undo_action = self._action("&Ongedaan maken", self.bridge.undo, "Ctrl+Z")
        self.redo_action = self._action("Opnieu&w doen", self.bridge.redo, "Ctrl+Y")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        go_menu = self.menuBar().addMenu("&Ga naar")
        for number, (name, page) in enumerate(self.pages.items(), start=1):
            title = str(getattr(page, "TITLE", name))
            # The first letters of the titles differ: each is the page's underlined letter.
            opener = self._page_opener(name)
            go_menu.addAction(self._action(f"&{title}", opener, f"Ctrl+{number}"))

    def _page_opener(self, name: str) -> Callable[[], object]:
        return lambda: self.show_page(name)

    # -- pages -----------------------------------------------------------------

    def show_page(self, name: str) -> QWidget:
        """Show the page called ``name`` (see :data:`PAGE_NAMES`)."""
        if name not in self.pages:
            known = ", ".join(PAGE_NAMES)
            raise KandidaatError(f"onbekende pagina {name!r} (kies uit: {known})")
        self.navigation.setCurrentRow(PAGE_NAMES.index(name))
        return self.pages[name]

    def go_to_finding(self, finding: Finding) -> None:
        """Show the page and field where ``finding`` is fixed."""
        field = finding.field or ""
        in_table = bool(field) and self.candidates_page.model.column_of(field) is not None
        if finding.candidate_key and (in_table or field in DETAIL_FIELDS):
            self.show_page("kandidaten")
            self.candidates_page.select_candidate(finding.candidate_key, field)
        elif finding.list_key and finding.candidate_key:
            self.show_page("lijsten")
            self.lists_page.select_position(finding.list_key, finding.candidate_key)
        elif finding.candidate_key:
            self.show_page("kandidaten")
            self.candidates_page.select_candidate(finding.candidate_key, field or None)
        elif finding.list_key:
            self.show_page("lijsten")
            self.lists_page.select_list(finding.list_key, field or None)
        else:
            self.show_page("partij")
            self.party_page.focus_field(field)

    # -- projects --------------------------------------------------------------

    def open_project(self, path: Path) -> bool:
        """Open the project at ``path``; a Dutch message when that fails."""
        try:
            session = EditingSession.open(path)
        except KandidaatError as error:
            self.bridge.report(error.message)
            return False
        self._adopt(session)
        return True

    def open_and_show(self, path: Path) -> bool:
        """Open the project at ``path`` and show its candidates."""
        if not self.open_project(path):
            return False
        self.show_page("kandidaten")
        return True

    def new_project(self) -> None:
        """Ask for the election, appellation and file, then create and open the project."""
        dialog = NewProjectDialog(self, self._documents_dir)
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self._create_from(dialog))
        dialog.open()

    def _create_from(self, dialog: NewProjectDialog) -> None:
        # The dialog made the project (or stayed open with the reason it could not).
        if dialog.session is None:
            return
        self._adopt(dialog.session)
        self.show_page("partij")

    def choose_project(self) -> QFileDialog:
        """Let the user pick a project file (Dutch file dialog) and open it."""
        directory = self._documents_dir or Path.home()
        dialog = file_dialog(self, "Project openen", directory, FileChoice.OPEN, [PROJECT_FILTER])
        return choose(dialog, self.open_and_show)

    def open_demo(self) -> None:
        """Write the demo project (Demodorp) and open it."""
        if self._demo_factory is None:
            return
        folder = (self._documents_dir or Path.home()) / "kandidaat-demo"
        # The demo starts afresh; the open project is closed first (it is saved already).
        self.bridge.replace_session(None)
        try:
            path = self._demo_factory(folder)
        except KandidaatError as error:
            self.bridge.report(error.message)
            return
        self.open_and_show(path)

    def _adopt(self, session: EditingSession) -> None:
        self.bridge.replace_session(session)
        if session.path is not None:
            self._remember(session.path)

    # -- recent projects -------------------------------------------------------

    def recent_projects(self) -> list[Path]:
        """Recently opened projects that still exist, newest first."""
        value = self._settings.value(RECENT_KEY, [])
        items: list[object] = [value] if isinstance(value, str) else []
        if isinstance(value, list):
            items = list(value)
        paths = [Path(str(item)) for item in items]
        return [path for path in paths if path.is_file()][:MAX_RECENT]

    def _remember(self, path: Path) -> None:
        resolved = path.resolve()
        recent = [item for item in self.recent_projects() if item.resolve() != resolved]
        recent.insert(0, resolved)
        self._settings.setValue(RECENT_KEY, [str(item) for item in recent[:MAX_RECENT]])
        self._settings.sync()
        self.start_page.show_recent(self.recent_projects())

    # -- state -----------------------------------------------------------------

    def _update_state(self) -> None:
        session = self.bridge.session
        has_project = session is not None
        for name in PAGE_NAMES[1:]:
            item = self.navigation.item(PAGE_NAMES.index(name))
            flags = item.flags()
            if has_project:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
        if session is None:
            self.setWindowTitle("kandidaat")
            self.status.setText("Geen project geopend.")
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)
            return
        nomination = session.nomination
        party = nomination.party.appellation or "blanco lijst"
        self.setWindowTitle(f"kandidaat – {short(party)} – {short(nomination.election.name)}")
        self.undo_action.setEnabled(session.can_undo)
        self.undo_action.setText(
            f"&Ongedaan maken: {session.undo_description}"
            if session.can_undo
            else "&Ongedaan maken"
        )
        self.redo_action.setEnabled(session.can_redo)
        self.redo_action.setText(
            f"Opnieu&w doen: {session.redo_description}" if session.can_redo else "Opnieu&w doen"
        )
        name = session.path.name if session.path else "het project"
        text = f"Alles is bewaard in {name}. Controle: {summary_text(self.findings_page.findings)}"
        if session.documents_outdated:
            text += " Let op: gewijzigd na het maken van de documenten; print ze opnieuw."
        self.status.setText(text)

    def _show_in_status(self, message: str) -> None:
        self.statusBar().showMessage(message[:1].upper() + message[1:], 10_000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Let documents in the making finish, then close the project (already saved)."""
        self.documents_page.wait_for_work()
        self.bridge.replace_session(None)
        super().closeEvent(event)
