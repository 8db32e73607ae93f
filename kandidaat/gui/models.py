"""Table models over the session: the party's candidates and one list's order.

The models read the current nomination from the bridge and turn every change
into an edit (:mod:`kandidaat.app.editing.edits`); they hold no rules.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kandidaat.app.editing.edits import PutCandidate, ReorderList
from kandidaat.app.editing.fields import CANDIDATE_FIELDS, candidate_text, with_candidate_text
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.nomination.findings import Severity

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kandidaat.domain.nomination.model import Candidate, CandidateList
    from kandidaat.gui.bridge import SessionBridge

ModelIndex = QModelIndex | QPersistentModelIndex
_MARKS = {Severity.ERROR: "✖", Severity.WARNING: "⚠"}
_MARK_COLOURS = {"✖": "#b00020", "⚠": "#8a4b00"}
LIST_ROWS_MIME = "application/x-kandidaat-lijstposities"

_NO_INDEX = QModelIndex()


class CandidatesModel(QAbstractTableModel):
    """Every person of the project, one row each, editable in place."""

    FIELDS = CANDIDATE_FIELDS
    LISTS_COLUMN = len(CANDIDATE_FIELDS)

    def __init__(self, bridge: SessionBridge) -> None:
        """Show the candidates of the bridge's project and follow its changes."""
        super().__init__(bridge)
        self._bridge = bridge
        self._rows: tuple[Candidate, ...] = ()
        self._positions: dict[str, str] = {}
        self._marks: dict[str, tuple[str, str]] = {}
        bridge.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Reload from the session (after any committed change).

        When the same people are shown in the same order, only the cells
        change: the cursor, the selection and the sorting stay where the
        user left them.
        """
        nomination = self._bridge.nomination
        rows = () if nomination is None else nomination.candidates
        positions: dict[str, str] = {}
        if nomination is not None:
            places: dict[str, list[str]] = {}
            for number, candidate_list in enumerate(nomination.lists, start=1):
                for position, key in enumerate(candidate_list.candidates, start=1):
                    places.setdefault(key, []).append(f"lijst {number}: {position}")
            positions = {key: ", ".join(value) for key, value in places.items()}
        self._marks = self._findings_per_candidate()
        same_people = [c.key for c in rows] == [c.key for c in self._rows]
        if same_people and rows:
            self._rows, self._positions = rows, positions
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(rows) - 1)
            last = self.index(len(rows) - 1, self.columnCount() - 1, QModelIndex())
            self.dataChanged.emit(self.index(0, 0, QModelIndex()), last)
            return
        self.beginResetModel()
        self._rows, self._positions = rows, positions
        self.endResetModel()

    def _findings_per_candidate(self) -> dict[str, tuple[str, str]]:
        """Per candidate: the mark of the worst finding and every message (for the tooltip)."""
        session = self._bridge.session
        if session is None:
            return {}
        try:
            findings = session.findings()
        except KandidaatError:
            return {}
        messages: dict[str, list[str]] = {}
        worst: dict[str, Severity] = {}
        for finding in findings:
            key = finding.candidate_key
            if key is None or finding.severity is Severity.INFO:
                continue
            messages.setdefault(key, []).append(f"{finding.severity.dutch}: {finding.message}")
            if worst.get(key) is not Severity.ERROR:
                worst[key] = finding.severity
        return {key: (_MARKS[worst[key]], "\n".join(lines)) for key, lines in messages.items()}

    def mark_of(self, row: int) -> str:
        """The finding mark of ``row``: "✖" for an error, "⚠" for a warning, "" for none."""
        return self._marks.get(self._rows[row].key, ("", ""))[0]

    def candidate_at(self, row: int) -> Candidate:
        """The candidate shown in ``row``."""
        return self._rows[row]

    def row_of(self, key: str) -> int | None:
        """The row of the candidate with ``key`` (None when absent)."""
        for row, candidate in enumerate(self._rows):
            if candidate.key == key:
                return row
        return None

    @staticmethod
    def column_of(field: str) -> int | None:
        """The column that shows ``field`` (None when the table has no such column)."""
        for column, (name, _title) in enumerate(CANDIDATE_FIELDS):
            if name == field:
                return column
        return None

    def rowCount(self, parent: ModelIndex = _NO_INDEX) -> int:  # noqa: N802 - Qt API
        """Number of candidates."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = _NO_INDEX) -> int:  # noqa: N802 - Qt API
        """The fields plus the column with the list positions."""
        return 0 if parent.isValid() else len(CANDIDATE_FIELDS) + 1

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:  # noqa: ANN401 - Qt returns any variant
        """Dutch column titles; row numbers."""
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return self._row_header(section, role)
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section < len(CANDIDATE_FIELDS):
            return CANDIDATE_FIELDS[section][1]
        return "Op lijst (plaats)"

    def _row_header(self, row: int, role: int) -> object:
        """Row number with the mark of its worst finding; the messages as tooltip."""
        mark, messages = self._marks.get(self._rows[row].key, ("", ""))
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row + 1} {mark}".strip()
        if role == Qt.ItemDataRole.ToolTipRole and messages:
            return f"{messages}\n(zie de pagina Controle)"
        if role == Qt.ItemDataRole.ForegroundRole and mark:
            return QBrush(QColor(_MARK_COLOURS[mark]))
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401 - Qt variant
        """The cell text (display and edit), and a tooltip for the list column."""
        if not index.isValid():
            return None
        candidate = self._rows[index.row()]
        column = index.column()
        if role in {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole}:
            if column < len(CANDIDATE_FIELDS):
                return candidate_text(candidate, CANDIDATE_FIELDS[column][0])
            return self._positions.get(candidate.key, "niet op een lijst")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.LISTS_COLUMN:
            return "Op welke lijst en plaats deze kandidaat staat"
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Field cells are editable; the list column is not."""
        base = super().flags(index)
        if index.isValid() and index.column() < len(CANDIDATE_FIELDS):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(  # noqa: N802 - Qt API
        self,
        index: ModelIndex,
        value: Any,  # noqa: ANN401 - Qt variant
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        """Commit an edited cell through the session (a Dutch message when refused)."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() >= len(CANDIDATE_FIELDS):
            return False
        candidate = self._rows[index.row()]
        field = CANDIDATE_FIELDS[index.column()][0]
        text = "" if value is None else str(value)
        if candidate_text(candidate, field) == text:
            return False
        try:
            changed = with_candidate_text(candidate, field, text)
        except KandidaatError as error:
            self._bridge.report(error.message)
            return False
        return self._bridge.apply(PutCandidate(changed))


class ListCandidatesModel(QAbstractTableModel):
    """The candidates of one list in order of preference; rows move by drag and drop."""

    HEADERS = ("Plaats", "Naam", "Woonplaats")

    def __init__(self, bridge: SessionBridge) -> None:
        """Show no list until :meth:`show_list` is called."""
        super().__init__(bridge)
        self._bridge = bridge
        self._list_key: str | None = None
        self._rows: tuple[Candidate, ...] = ()
        bridge.changed.connect(self.refresh)

    @property
    def list_key(self) -> str | None:
        """The key of the list shown."""
        return self._list_key

    def show_list(self, key: str | None) -> None:
        """Show the list with ``key`` (None: nothing)."""
        self._list_key = key
        self.refresh()

    def current_list(self) -> CandidateList | None:
        """The list shown, as in the session now."""
        nomination = self._bridge.nomination
        if nomination is None or self._list_key is None:
            return None
        for candidate_list in nomination.lists:
            if candidate_list.key == self._list_key:
                return candidate_list
        return None

    def refresh(self) -> None:
        """Reload from the session."""
        self.beginResetModel()
        nomination = self._bridge.nomination
        current = self.current_list()
        self._rows = (
            () if nomination is None or current is None else nomination.candidates_of(current)
        )
        self.endResetModel()

    def candidate_at(self, row: int) -> Candidate:
        """The candidate at ``row`` (position ``row + 1``)."""
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = _NO_INDEX) -> int:  # noqa: N802 - Qt API
        """Number of candidates on the list."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = _NO_INDEX) -> int:  # noqa: N802 - Qt API
        """Position, name, woonplaats."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802 - Qt API
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:  # noqa: ANN401 - Qt variant
        """Dutch column titles."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.HEADERS[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401 - Qt variant
        """Position, name as on the ballot, woonplaats."""
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        candidate = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return str(index.row() + 1)
        if column == 1:
            return candidate.display_name
        return candidate.locality

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Rows can be dragged; drops land between rows."""
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        """Rows are moved, never copied."""
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        """Rows are moved, never copied."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        """Only our own row positions."""
        return [LIST_ROWS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt API
        """The dragged rows as a comma-separated list of positions."""
        rows = sorted({index.row() for index in indexes if index.isValid()})
        mime = QMimeData()
        mime.setData(LIST_ROWS_MIME, QByteArray(",".join(map(str, rows)).encode("ascii")))
        return mime

    def dropMimeData(  # noqa: N802 - Qt API
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        _column: int,
        parent: ModelIndex,
    ) -> bool:
        """Move the dragged rows to before ``row`` (or onto ``parent``'s row)."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(LIST_ROWS_MIME):
            return False
        raw = bytes(data.data(LIST_ROWS_MIME).data()).decode("ascii")
        rows = [int(part) for part in raw.split(",") if part]
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._rows)
        return self.move_rows(rows, row)

    def moveRows(  # noqa: N802 - Qt API
        self,
        source_parent: ModelIndex,
        source_row: int,
        count: int,
        destination_parent: ModelIndex,
        destination_child: int,
    ) -> bool:
        """Qt's move of ``count`` rows to before ``destination_child``."""
        if source_parent.isValid() or destination_parent.isValid():
            return False
        return self.move_rows(list(range(source_row, source_row + count)), destination_child)

    def move_rows(self, rows: list[int], destination: int) -> bool:
        """Move ``rows`` (0-based) to before position ``destination``; one undoable edit."""
        current = self.current_list()
        if current is None or not rows:
            return False
        keys = [candidate.key for candidate in self._rows]
        if any(not 0 <= row < len(keys) for row in rows) or not 0 <= destination <= len(keys):
            return False
        moving = [keys[row] for row in rows]
        before = sum(1 for row in rows if row < destination)
        remaining = [key for index, key in enumerate(keys) if index not in set(rows)]
        insert_at = destination - before
        new_order = remaining[:insert_at] + moving + remaining[insert_at:]
        # Keys that did not resolve to a candidate keep their place at the end.
        unresolved = [key for key in current.candidates if key not in set(keys)]
        order = tuple(new_order + unresolved)
        if order == current.candidates:
            return False
        return self._bridge.apply(ReorderList(current.key, order))

    def removeRows(  # noqa: N802 - Qt API
        self, _row: int, _count: int, _parent: ModelIndex = _NO_INDEX
    ) -> bool:
        """The view removes nothing after a drop: the edit has already reordered the list."""
        return False


def replace_kieskringen(
    candidate_list: CandidateList, kieskringen: tuple[str, ...]
) -> CandidateList:
    """The list with other kieskringen (used by the list page)."""
    return replace(candidate_list, kieskringen=kieskringen)
