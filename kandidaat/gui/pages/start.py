"""Start: recent projects, a new project, open a project, or the demo in one click."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from pathlib import Path


class StartPage(QWidget):
    """The first page: what a volunteer can start with."""

    TITLE = "Start"
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the page."""
        super().__init__(parent)
        welcome = QLabel(
            "<h2>Welkom bij kandidaat</h2>"
            "<p>Hiermee stelt u de kandidatenlijsten van uw partij samen, controleert u ze aan "
            "de Kieswet en maakt u de formulieren om te printen en te ondertekenen. Alles wat u "
            "wijzigt, wordt meteen bewaard in het projectbestand.</p>"
        )
        welcome.setWordWrap(True)
        welcome.setTextFormat(Qt.TextFormat.RichText)
        self.new_button = QPushButton("&Nieuw project…")
        self.new_button.setObjectName("nieuw")
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton("Project &openen…")
        self.open_button.setObjectName("openen")
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button = QPushButton("&Demo openen")
        self.demo_button.setObjectName("demo")
        self.demo_button.setToolTip("Een oefenproject van de fictieve gemeente Demodorp")
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.recent = QListWidget()
        self.recent.setObjectName("recent")
        self.recent.setAccessibleName("Recente projecten")
        self.recent.itemActivated.connect(self._chosen)
        recent_label = QLabel("&Recente projecten (dubbelklik of Enter om te openen):")
        recent_label.setBuddy(self.recent)

        layout = QVBoxLayout(self)
        layout.addWidget(welcome)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(recent_label)
        layout.addWidget(self.recent, 1)

    def show_recent(self, paths: list[Path]) -> None:
        """List the recent projects, newest first (missing files are left out)."""
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}  –  {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        if not paths:
            item = QListWidgetItem("Nog geen projecten geopend.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    def _chosen(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.recent_chosen.emit(str(path))
