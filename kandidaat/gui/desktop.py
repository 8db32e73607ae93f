"""Handing a file or folder to the operating system: the PDF viewer, the file manager.

Printing goes through the user's own PDF viewer: it knows the printers, the
paper trays and double-sided printing, and it prints the PDF exactly as made
(paper is leading). Pages take an :data:`UrlOpener` so that tests can see what
would be opened without starting any program.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["UrlOpener", "file_url", "open_with_system"]

UrlOpener: TypeAlias = Callable[[QUrl], bool]
"""Opens a URL with the program the system has for it; False when there is none."""


def open_with_system(url: QUrl) -> bool:
    """Open ``url`` with the system's program for it (no shell, no network)."""
    return QDesktopServices.openUrl(url)


def file_url(path: Path) -> QUrl:
    """The ``file:`` URL of a local file or folder."""
    return QUrl.fromLocalFile(str(path.resolve()))
