"""The window of ``kandidaat gui TELLING.tel``: typing in the processen-verbaal.

The typist gives a name and entry 1 or 2, chooses a polling station from the list
(with each station's state, never another entry's figures) and types the form. Saving
runs :meth:`CountDesk.enter`, the use case of ``kandidaat telling invoer``: errors
block with their Dutch message and the cursor in their field; each warning is ticked
after a look at the paper and passed on as ``--bevestig`` would be. Each field the
cursor leaves is saved to the entry's draft, which fills the form again when the same
typist opens the same entry after a crash (ADR 0139).

The second tab, Coördinator (Alt+C), is ``kandidaat telling verschillen`` and
``kandidaat telling besluit`` in the window: the stations whose two entries differ,
the differing fields of the chosen one with both values, and the three decisions,
taken by :meth:`CountDesk.decide` (the use case of the command line). A station is
listed there only when both entries are stored, so no figure shows while either entry
is still to be typed.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.count.desk import CountDesk
from kandidaat.app.count.drafts import DraftKeeper
from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.errors import KandidaatError
from kandidaat.gui.application import application
from kandidaat.gui.count.entry_form import EntryForm
from kandidaat.gui.text_fit import breakable, short

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from pathlib import Path

    from kandidaat.app.count.entering import EntryOutcome
    from kandidaat.app.count.progress import Overview, StationProgress

__all__ = ["COUNT_PAGES", "MAX_WIDTH", "CountWindow", "count_screenshot", "run_count"]

MAX_WIDTH = 1366
"""The window never needs more (a common laptop screen)."""
SCREENSHOT_SIZE = (1366, 768)
COUNT_PAGES = ("stembureaus", "invoer", "coordinator")
"""The pages ``kandidaat gui TELLING.tel --screenshot`` shows."""
_COLUMNS = ("Nr.", "Stembureau", "Status", "Invoer 1 door", "Invoer 2 door")
_DIFFERING_COLUMNS = ("Nr.", "Stembureau", "Verschillen", "Invoer 1 door", "Invoer 2 door")
_FIELD_COLUMNS = ("Veld", "Invoer 1", "Invoer 2")
_KEPT = {
    "1": "invoer 1 gehouden; invoer 2 wordt opnieuw gedaan",
    "2": "invoer 2 gehouden; invoer 1 wordt opnieuw gedaan",
    "opnieuw": "beide invoeren worden opnieuw gedaan",
}
"""What ``kandidaat telling besluit`` says of each choice."""


class CountWindow(QMainWindow):
    """The polling stations with their state, and the entry form of one of them."""

    def __init__(self, desk: CountDesk, parent: QWidget | None = None) -> None:
        """A window on a count workspace (opened only for each read or entry)."""
        super().__init__(parent)
        self.desk = desk
        self.form: EntryForm | None = None
        self._entry: tuple[int, int, str] | None = None
        self._drafts: DraftKeeper | None = None
        title = desk.title()
        self.setWindowTitle(short(f"Telling {title.election}, {title.municipality} - kandidaat"))
        self._differing: dict[int, StationProgress] = {}
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.choose_page = self._build_choose_page()
        self.coordinator_page = self._build_coordinator_page()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.choose_page, "In&voeren")
        self.tabs.addTab(self.coordinator_page, "&Coördinator")
        self.tabs.currentChanged.connect(self._tab_shown)
        self.stack.addWidget(self.tabs)
        self.refresh()
        self.typist.setFocus()

    # -- the list of polling stations -----------------------------------------

    def _build_choose_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("stembureaus")
        outer = QVBoxLayout(page)
        heading = QLabel("Processen-verbaal invoeren")
        heading.setStyleSheet("font-weight: bold; font-size: 130%;")
        outer.addWidget(heading)
        explain = QLabel(
            "Elk proces-verbaal wordt door twee verschillende invoerders ingevoerd. Vul uw "
            "naam in, kies invoer 1 of 2 en het stembureau, en neem het papier over. De "
            "cijfers van de andere invoer ziet u niet."
        )
        explain.setWordWrap(True)
        outer.addWidget(explain)
        outer.addLayout(self._build_typist_form(page))
        table_label = QLabel("&Stembureaus:")
        outer.addWidget(table_label)
        self.table = self._build_table()
        table_label.setBuddy(self.table)
        outer.addWidget(self.table, 1)
        self.notice = QLabel()
        self.notice.setObjectName("melding")
        self.notice.setWordWrap(True)
        outer.addWidget(self.notice)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.start_button = QPushButton("&Invoeren")
        self.start_button.setAutoDefault(True)
        self.start_button.clicked.connect(self.start_entry)
        buttons.addWidget(self.start_button)
        outer.addLayout(buttons)
        QWidget.setTabOrder(self.typist, self.first_slot)
        QWidget.setTabOrder(self.first_slot, self.table)
        QWidget.setTabOrder(self.table, self.start_button)
        return page

    def _build_typist_form(self, page: QWidget) -> QFormLayout:
        form = QFormLayout()
        self.typist = QLineEdit()
        self.typist.setMaxLength(100)
        self.typist.setAccessibleName("naam van de invoerder")
        typist_label = QLabel("&Naam invoerder:")
        typist_label.setBuddy(self.typist)
        form.addRow(typist_label, self.typist)
        slots = QHBoxLayout()
        self.first_slot = QRadioButton("Invoer &1")
        self.second_slot = QRadioButton("Invoer &2")
        self.first_slot.setChecked(True)
        self.slot_group = QButtonGroup(page)
        self.slot_group.addButton(self.first_slot, 1)
        self.slot_group.addButton(self.second_slot, 2)
        slots.addWidget(self.first_slot)
        slots.addWidget(self.second_slot)
        slots.addStretch(1)
        form.addRow(QLabel("Invoer:"), slots)
        return form

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(_COLUMNS))
        table.setHorizontalHeaderLabels(list(_COLUMNS))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(self.start_entry)
        return table

    def refresh(self) -> None:
        """Show every polling station's state as the file has it now."""
        try:
            report = self.desk.states()
        except KandidaatError as error:
            self.notice.setText(breakable(error.message))
            self.decision_notice.setText(breakable(error.message))
            return
        self._fill_differing(report)
        current = max(self.table.currentRow(), 0)
        with _sized_once(self.table):
            self.table.setRowCount(len(report.stations))
            for row, progress in enumerate(report.stations):
                first, second = progress.typists
                cells = (
                    str(progress.station.number),
                    progress.station.name,
                    progress.state.value,
                    first or "",
                    second or "",
                )
                _fill_row(self.table, row, cells, progress.station.number, (0,))
        if report.stations:
            self.table.selectRow(min(current, len(report.stations) - 1))

    def select_station(self, number: int) -> None:
        """Make ``number`` the chosen polling station in the list."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == number:
                self.table.selectRow(row)
                return

    def chosen_station(self) -> int | None:
        """The number of the polling station chosen in the list, if any."""
        item = self.table.item(self.table.currentRow(), 0)
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def chosen_slot(self) -> int:
        """Entry 1 or 2, as chosen."""
        return 2 if self.second_slot.isChecked() else 1

    # -- the coordinator -------------------------------------------------------------

    def _build_coordinator_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("coordinator")
        outer = QVBoxLayout(page)
        heading = QLabel("Verschillen: het besluit van de coördinator")
        heading.setStyleSheet("font-weight: bold; font-size: 130%;")
        outer.addWidget(heading)
        explain = QLabel(
            "Hier staan de stembureaus waarvan de twee invoeren verschillen, met de cijfers "
            "van beide invoeren: alleen voor de coördinator. Leg de velden naast het papieren "
            "proces-verbaal en houd de invoer die klopt; de andere wordt opnieuw ingevoerd "
            "door een andere invoerder dan die van de gehouden invoer."
        )
        explain.setWordWrap(True)
        outer.addWidget(explain)
        form = QFormLayout()
        self.coordinator = QLineEdit()
        self.coordinator.setMaxLength(100)
        self.coordinator.setAccessibleName("naam van de coördinator")
        name_label = QLabel("Naam coör&dinator:")
        name_label.setBuddy(self.coordinator)
        form.addRow(name_label, self.coordinator)
        outer.addLayout(form)
        lists = QHBoxLayout()
        stations = QVBoxLayout()
        stations_label = QLabel("Stembureaus met ve&rschillen:")
        self.differing_table = self._plain_table(_DIFFERING_COLUMNS, stretch=1)
        self.differing_table.currentCellChanged.connect(self._show_fields)
        stations_label.setBuddy(self.differing_table)
        stations.addWidget(stations_label)
        stations.addWidget(self.differing_table, 1)
        lists.addLayout(stations, 3)
        fields = QVBoxLayout()
        fields_label = QLabel("Verschillende veld&en:")
        self.fields_table = self._plain_table(_FIELD_COLUMNS, stretch=0)
        fields_label.setBuddy(self.fields_table)
        fields.addWidget(fields_label)
        fields.addWidget(self.fields_table, 1)
        lists.addLayout(fields, 2)
        outer.addLayout(lists, 1)
        self.decision_notice = QLabel()
        self.decision_notice.setObjectName("besluitmelding")
        self.decision_notice.setWordWrap(True)
        outer.addWidget(self.decision_notice)
        outer.addLayout(self._build_decision_buttons())
        QWidget.setTabOrder(self.coordinator, self.differing_table)
        QWidget.setTabOrder(self.differing_table, self.fields_table)
        QWidget.setTabOrder(self.fields_table, self.keep_first_button)
        QWidget.setTabOrder(self.keep_first_button, self.keep_second_button)
        QWidget.setTabOrder(self.keep_second_button, self.both_again_button)
        return page

    def _build_decision_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.keep_first_button = QPushButton("Invoer 1 &houden")
        self.keep_second_button = QPushButton("Invoer 2 ho&uden")
        self.both_again_button = QPushButton("&Beide opnieuw")
        # Bound methods, not lambdas: a lambda holding the window would keep it alive
        # until after the application is gone, and Qt aborts deleting it then.
        self.keep_first_button.clicked.connect(self.keep_first)
        self.keep_second_button.clicked.connect(self.keep_second)
        self.both_again_button.clicked.connect(self.both_again)
        for button in (self.keep_first_button, self.keep_second_button, self.both_again_button):
            button.setAutoDefault(True)
            buttons.addWidget(button)
        return buttons

    def keep_first(self) -> bool:
        """Invoer 1 houden: ``telling besluit --houd 1``."""
        return self.decide_station("1")

    def keep_second(self) -> bool:
        """Invoer 2 houden: ``telling besluit --houd 2``."""
        return self.decide_station("2")

    def both_again(self) -> bool:
        """Beide opnieuw: ``telling besluit --houd opnieuw``."""
        return self.decide_station("opnieuw")

    @staticmethod
    def _plain_table(columns: tuple[str, ...], stretch: int) -> QTableWidget:
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

    def _tab_shown(self, index: int) -> None:
        """Alt+C or Alt+V: the cursor to the first thing to fill in on that tab."""
        if self.tabs.widget(index) is self.coordinator_page:
            empty = not self.coordinator.text().strip()
            (self.coordinator if empty else self.differing_table).setFocus()
        else:
            (self.typist if not self.typist.text().strip() else self.table).setFocus()

    def _fill_differing(self, report: Overview) -> None:
        """The stations whose two entries differ, keeping the chosen one where it stays."""
        chosen = self.differing_station()
        differing = [p for p in report.stations if p.differences]
        self._differing = {p.station.number: p for p in differing}
        table = self.differing_table
        table.blockSignals(True)  # noqa: FBT003 - Qt's own switch
        row_of_chosen = 0
        with _sized_once(table):
            table.setRowCount(len(differing))
            for row, progress in enumerate(differing):
                first, second = progress.typists
                cells = (
                    str(progress.station.number),
                    progress.station.name,
                    str(len(progress.differences)),
                    first or "",
                    second or "",
                )
                _fill_row(table, row, cells, progress.station.number, (0, 2))
                if progress.station.number == chosen:
                    row_of_chosen = row
        table.blockSignals(False)  # noqa: FBT003 - Qt's own switch
        if differing:
            table.selectRow(row_of_chosen)
        self._show_fields()

    def differing_station(self) -> int | None:
        """The number of the station chosen in the coordinator's list, if any."""
        item = self.differing_table.item(self.differing_table.currentRow(), 0)
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _show_fields(self) -> None:
        """The differing fields of the chosen station: field, entry 1, entry 2."""
        number = self.differing_station()
        progress = None if number is None else self._differing.get(number)
        differences = () if progress is None else progress.differences
        with _sized_once(self.fields_table):
            self.fields_table.setRowCount(len(differences))
            for row, difference in enumerate(differences):
                cells = (
                    difference.field,
                    "" if difference.first is None else str(difference.first),
                    "" if difference.second is None else str(difference.second),
                )
                _fill_row(self.fields_table, row, cells, None, (1, 2))
        if differences:
            self.fields_table.selectRow(0)
        for button in (self.keep_first_button, self.keep_second_button, self.both_again_button):
            button.setEnabled(progress is not None)

    def decide_station(self, choice: str) -> bool:
        """Take the coordinator's decision on the chosen station, as ``telling besluit``.

        Returns whether it was recorded; otherwise the Dutch reason shows.
        """
        station, coordinator = self.differing_station(), self.coordinator.text()
        if not coordinator.strip():
            self.decision_notice.setText("Vul eerst de naam van de coördinator in.")
            self.coordinator.setFocus()
            return False
        if station is None:
            self.decision_notice.setText("Kies eerst een stembureau met verschillen.")
            return False
        try:
            count = self.desk.decide(station, choice, coordinator)
        except KandidaatError as error:
            message = error.message
            self.decision_notice.setText(breakable(message[:1].upper() + message[1:] + "."))
            self.refresh()
            return False
        self.refresh()
        self.decision_notice.setText(
            breakable(
                f"Besluit over stembureau {station} vastgelegd ({count} verschil(len)): "
                f"{_KEPT[choice]}."
            )
        )
        self.differing_table.setFocus()
        return True

    # -- one entry ----------------------------------------------------------------

    def start_entry(self) -> None:
        """Open the empty form for the chosen station, or say in Dutch why not."""
        station, slot, typist = self.chosen_station(), self.chosen_slot(), self.typist.text()
        if station is None:
            self.notice.setText("Kies eerst een stembureau.")
            return
        try:
            refusal = self.desk.refusal(station, slot, typist)
        except KandidaatError as error:
            refusal = error.message
        if refusal is not None:
            self.notice.setText(breakable(refusal[:1].upper() + refusal[1:] + "."))
            (self.typist if not typist.strip() else self.table).setFocus()
            return
        shown = self.table.item(self.table.currentRow(), 1)
        name = "" if shown is None else shown.text()
        cleaned = " ".join(typist.split())
        self._entry = (station, slot, cleaned)
        self.form = EntryForm(
            self.desk.layout(),
            self.desk.candidate_name,
            f"Stembureau {station} {name}: invoer {slot} door {cleaned}",
        )
        self.form.save_requested.connect(self.save_entry)
        self.form.cancel_requested.connect(self.cancel_entry)
        self.stack.addWidget(self.form)
        self.stack.setCurrentWidget(self.form)
        self.notice.setText("")
        self._open_draft(self.form, station, slot, cleaned)

    def _open_draft(self, form: EntryForm, station: int, slot: int, typist: str) -> None:
        """Fill in the typist's own draft of this entry, and save each field left to it."""

        def save(texts: Mapping[str, str]) -> None:
            self.desk.save_draft(station, slot, typist, texts)

        keeper = self._drafts = DraftKeeper(save)

        def left(field: str, text: str) -> None:
            if self.form is form and self._drafts is keeper:
                problem = keeper.keep(field, text)
                if problem is not None:
                    form.show_note(problem)

        form.field_left.connect(left)
        try:
            draft = self.desk.load_draft(station, slot, typist)
        except KandidaatError as error:
            form.focus_field(None)
            form.show_message(f"Het concept kon niet worden gelezen: {error.message}.")
            return
        if draft is None:
            form.focus_field(None)
        else:
            form.restore(draft.texts, draft.resume_at)

    def save_entry(self) -> EntryOutcome | None:
        """Check and store the typed figures (the same checks as the command line)."""
        if self.form is None or self._entry is None:
            return None
        station, slot, typist = self._entry
        figures = self.form.figures()
        try:
            outcome = self.desk.enter(station, slot, typist, figures)
            if outcome.unconfirmed and not outcome.errors:
                codes = {f.code for f in outcome.unconfirmed}
                if codes <= self.form.confirmed():
                    outcome = self.desk.enter(station, slot, typist, figures, sorted(codes))
        except KandidaatError as error:
            self.form.show_message(
                f"{error.message}. Er is niets opgeslagen; het getypte blijft staan, kies "
                "straks opnieuw Opslaan."
            )
            self.form.save_button.setFocus()
            return None
        if outcome.errors:
            self.form.show_errors(outcome.errors)
            return outcome
        if not outcome.stored:
            self.form.ask_confirmation(outcome.unconfirmed)
            return outcome
        self._close_form()
        where = f"Stembureau {station}, invoer {slot} is opgeslagen."
        if outcome.differing == 0:
            where += " De twee invoeren zijn gelijk: dit stembureau is klaar."
        elif outcome.differing is not None:
            where += (
                f" De twee invoeren verschillen op {outcome.differing} veld(en); de "
                "coördinator beslist."
            )
        self.refresh()
        self.select_station(station)
        self.notice.setText(where)
        self.table.setFocus()
        return outcome

    def cancel_entry(self) -> QMessageBox | None:
        """Leave the form (nothing is stored); with figures typed, ask first.

        The question does not block: "Verder invoeren" (the default, Enter) goes back
        to the form, "Invoer &weggooien" leaves it. The box is returned for tests.
        """
        if self.form is None:
            return None
        if not self.form.typed_anything():
            self._discard()
            return None
        box = QMessageBox(self)
        box.setObjectName("annuleren")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Invoer annuleren")
        box.setText("Er is al iets ingevoerd. Weggooien? Er wordt dan niets opgeslagen.")
        discard = box.addButton("Invoer &weggooien", QMessageBox.ButtonRole.DestructiveRole)
        go_on = box.addButton("&Verder invoeren", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(go_on)
        box.setEscapeButton(go_on)
        form = self.form

        def answered() -> None:
            if box.clickedButton() is discard and self.form is form:
                self._discard()
            elif self.form is form:
                form.back_to_typing()

        box.finished.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def _discard(self) -> None:
        entry = self._entry
        self._close_form()
        notice = "Invoer geannuleerd; er is niets opgeslagen."
        if entry is not None:
            try:
                self.desk.discard_draft(*entry)
            except KandidaatError as error:
                notice += f" Het concept is niet verwijderd: {error.message}."
        self.notice.setText(breakable(notice))
        self.table.setFocus()

    def _close_form(self) -> None:
        self._drafts = None
        self.stack.setCurrentWidget(self.tabs)
        if self.form is not None:
            self.stack.removeWidget(self.form)
            self.form.deleteLater()
        self.form = None
        self._entry = None


@contextmanager
def _sized_once(table: QTableWidget) -> Iterator[None]:
    """Fill ``table`` with its columns sized to their contents once, at the end.

    A column that resizes to its contents measures every row on every cell set:
    420 stations took 12-15 s to show after each save. Fixed while filling, the
    columns are measured once when their modes come back.
    """
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(column) for column in range(header.count())]
    for column in range(header.count()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    try:
        yield
    finally:
        for column, mode in enumerate(modes):
            header.setSectionResizeMode(column, mode)


def _fill_row(
    table: QTableWidget,
    row: int,
    cells: tuple[str, ...],
    number: int | None,
    right: tuple[int, ...],
) -> None:
    """Show ``cells`` in ``row``, reusing its items; only changed texts are set again.

    ``number`` (a polling station's) goes with the first cell; the columns in ``right``
    are right-aligned (figures).
    """
    for column, text in enumerate(cells):
        item = table.item(row, column)
        if item is None:
            item = QTableWidgetItem(text)
            if column in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == 0 and number is not None:
                item.setData(Qt.ItemDataRole.UserRole, number)
            table.setItem(row, column, item)
            continue
        if item.text() != text:
            item.setText(text)
        if column == 0 and number is not None and item.data(Qt.ItemDataRole.UserRole) != number:
            item.setData(Qt.ItemDataRole.UserRole, number)


def _fit(window: CountWindow) -> None:
    free = window.screen().availableGeometry()
    width = min(free.width(), MAX_WIDTH, max(window.sizeHint().width(), 1100))
    window.resize(width, min(free.height(), 900))
    frame = window.frameGeometry()
    frame.moveCenter(free.center())
    window.move(frame.topLeft())


def run_count(path: Path) -> int:
    """Show the count window on ``path`` until the user closes it; the event loop's code.

    Raises:
        KandidaatError: the file cannot be opened (Dutch, naming it).
    """
    app = application()
    window = CountWindow(CountDesk.open(path))
    _fit(window)
    window.show()
    return app.exec()


def count_screenshot(png: Path, path: Path, page: str = "invoer") -> None:
    """Render the station list, the empty form of the first station or the coordinator's tab.

    On "coordinator" the name C. Jansen is filled in and the first station with two
    differing entries, if any, is chosen.

    Raises:
        KandidaatError: an unknown page, an unreadable file, or the PNG cannot be written.
    """
    if page not in COUNT_PAGES:
        raise KandidaatError(
            f"--page {page[:40]}: kies {', '.join(COUNT_PAGES[:-1])} of {COUNT_PAGES[-1]}"
        )
    app = application()
    window = CountWindow(CountDesk.open(path))
    try:
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        if page == "invoer":
            window.typist.setText("A. de Vries")
            window.start_entry()
        elif page == "coordinator":
            window.coordinator.setText("C. Jansen")
            window.tabs.setCurrentWidget(window.coordinator_page)
        for _ in range(3):
            app.processEvents()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not window.grab().save(buffer, "PNG"):
            raise KandidaatError(f"{png}: de schermafdruk kon niet worden gemaakt")
        try:
            png.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomically(png, bytes(buffer.data().data()))
        except OSError as error:
            reason = os_reason(error, Action.READ_FILE)
            raise KandidaatError(f"{png}: kan de schermafdruk niet schrijven ({reason})") from error
    finally:
        window.close()
