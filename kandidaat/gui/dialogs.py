"""Small message boxes with Dutch buttons (never Qt's English defaults)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

ERROR_TITLE = "Dat lukt niet"
INFO_TITLE = "kandidaat"


def show_error(parent: QWidget | None, message: str) -> QMessageBox:
    """Show a Dutch error message without blocking; the user closes it with "Sluiten"."""
    return _show(parent, ERROR_TITLE, message, QMessageBox.Icon.Warning)


def show_info(parent: QWidget | None, message: str) -> QMessageBox:
    """Show a Dutch notice without blocking."""
    return _show(parent, INFO_TITLE, message, QMessageBox.Icon.Information)


def _show(parent: QWidget | None, title: str, message: str, icon: QMessageBox.Icon) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("melding")
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(_first_upper(message))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.button(QMessageBox.StandardButton.Close).setText("Sluiten")
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _first_upper(message: str) -> str:
    return message[:1].upper() + message[1:]
