"""Handing a file or folder to the operating system: the PDF viewer, the file manager.

Printing goes through the user's own PDF viewer: it knows the printers, the
paper trays and double-sided printing, and it prints the PDF exactly as made
(paper is leading). Pages take an :data:`UrlOpener` so that tests can see what
would be opened without starting any program.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, MutableMapping
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["UrlOpener", "file_url", "open_with_system", "system_library_path"]

UrlOpener: TypeAlias = Callable[[QUrl], bool]
"""Opens a URL with the program the system has for it; False when there is none."""


def open_with_system(url: QUrl) -> bool:
    """Open ``url`` with the system's program for it (no shell, no network).

    The installed program (PyInstaller) points ``LD_LIBRARY_PATH`` at its own
    libraries; the PDF viewer or file manager it starts must load the system's,
    so the variable is what it was before the program started while Qt starts it.
    """
    with system_library_path(os.environ, frozen=bool(getattr(sys, "frozen", False))):
        return QDesktopServices.openUrl(url)


@contextlib.contextmanager
def system_library_path(environ: MutableMapping[str, str], *, frozen: bool) -> Iterator[None]:
    """While inside, ``LD_LIBRARY_PATH`` is the one the user started the program with.

    PyInstaller keeps the original value in ``LD_LIBRARY_PATH_ORIG``; without it
    the user had none. Outside a frozen program nothing changes.
    """
    if not frozen:
        yield
        return
    saved = environ.get("LD_LIBRARY_PATH")
    original = environ.get("LD_LIBRARY_PATH_ORIG")
    if original is None:
        environ.pop("LD_LIBRARY_PATH", None)
    else:
        environ["LD_LIBRARY_PATH"] = original
    try:
        yield
    finally:
        if saved is None:
            environ.pop("LD_LIBRARY_PATH", None)
        else:
            environ["LD_LIBRARY_PATH"] = saved


def file_url(path: Path) -> QUrl:
    """The ``file:`` URL of a local file or folder."""
    return QUrl.fromLocalFile(str(path.resolve()))
