"""Controle: every finding of the checks, kept up to date while the user edits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.nomination.findings import Finding, Severity
from kandidaat.gui.text_fit import breakable

if TYPE_CHECKING:
    from kandidaat.gui.bridge import SessionBridge

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SEVERITY_COLOUR = {Severity.ERROR: "#b00020", Severity.WARNING: "#8a4b00", Severity.INFO: "#1f4e79"}
SEVERITY_SYMBOL = {Severity.ERROR: "✖", Severity.WARNING: "⚠", Severity.INFO: "ℹ"}


class FindingsPage(QWidget):
    """A list of findings; activating one asks the window to go where it is fixed."""

    TITLE = "Controle"
    go_to = Signal(object)
    """Emitted with the :class:`Finding` the user activated."""

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        """Build the page over ``bridge``."""
        super().__init__(parent)
        self._bridge = bridge
        self.summary = QLabel()
        self.summary.setObjectName("samenvatting")
        self.summary.setWordWrap(True)
        hint = QLabel(
            "Klik op een melding (of kies haar en druk Enter) om naar de plek te gaan waar u "
            "haar oplost. De lijst wordt bijgewerkt zodra u iets wijzigt."
        )
        hint.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("bevindingen")
        self.tree.setAccessibleName("Bevindingen van de controle")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Ernst", "Artikel", "Melding"])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 0.3em 0.2em; }")
        header.sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Controle</h2>"))
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        self.detail = QLabel()
        self.detail.setObjectName("toelichting")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setFrameShape(QLabel.Shape.StyledPanel)
        self.detail.setMargin(8)
        layout.addWidget(self.detail)
        self.tree.currentItemChanged.connect(self._show_detail)
        self.findings: tuple[Finding, ...] = ()
        bridge.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Run (or reuse) the checks on the current state and show the findings."""
        session = self._bridge.session
        self.tree.clear()
        if session is None:
            self.findings = ()
            self.summary.setText("Open of maak eerst een project.")
            return
        try:
            findings = session.findings()
        except KandidaatError as error:
            self.findings = ()
            self.summary.setText(
                breakable(f"De controle kon niet worden uitgevoerd: {error.message}")
            )
            return
        self.findings = tuple(sorted(findings, key=lambda item: SEVERITY_ORDER[item.severity]))
        for finding in self.findings:
            text = finding.message
            item = QTreeWidgetItem(
                [
                    f"{SEVERITY_SYMBOL[finding.severity]} {finding.severity.dutch}",
                    finding.article,
                    text,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, finding)
            item.setForeground(0, QBrush(QColor(SEVERITY_COLOUR[finding.severity])))
            item.setToolTip(2, detail_text(finding))
            self.tree.addTopLevelItem(item)
        self.summary.setText(breakable(summary_text(self.findings)))
        self._show_detail(self.tree.topLevelItem(0))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Wrapped messages need their height computed again for the new width."""
        super().resizeEvent(event)
        self.tree.doItemsLayout()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Lay out the wrapped messages for the width the page has now."""
        super().showEvent(event)
        self.tree.doItemsLayout()

    def _show_detail(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        finding = None if item is None else item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(finding, Finding):
            self.detail.setText(breakable(detail_text(finding)))
        else:
            self.detail.setText("Kies een melding om de hele tekst en het advies te lezen.")

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(finding, Finding):
            self.go_to.emit(finding)


def summary_text(findings: tuple[Finding, ...]) -> str:
    """Count per severity ("2 fouten, 1 waarschuwing, ...") or the all-clear."""
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    if not findings:
        return "Geen bevindingen: de controle vond niets om op te lossen."
    errors = counts[Severity.ERROR]
    warnings = counts[Severity.WARNING]
    return (
        f"{errors} {'fout' if errors == 1 else 'fouten'}, "
        f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}, "
        f"{counts[Severity.INFO]} ter informatie."
    )


def detail_text(finding: Finding) -> str:
    """The whole finding as a user reads it: severity, article, message and advice."""
    text = f"{finding.severity.dutch.capitalize()} ({finding.article}): {finding.message}"
    if finding.advice:
        text += f"\nWat te doen: {finding.advice}"
    return text
