"""Starting the desktop application, or rendering one page to a PNG and stopping."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from kandidaat.app.nomination.demo_party import run_demo_party
from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.errors import KandidaatError
from kandidaat.gui.main_window import MainWindow
from kandidaat.gui.qt_start import create_application

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QSettings

__all__ = ["application", "demo_project", "main_window", "make_dutch", "run", "screenshot"]

SCREENSHOT_SIZE = (1280, 800)
_DUTCH_PROPERTY = "kandidaat_nederlands"


def application() -> QApplication:
    """The one QApplication, Dutch throughout (Qt's own texts via qtbase_nl)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else create_application(sys.argv[:1])
    make_dutch(app)
    return app


def make_dutch(app: QApplication) -> None:
    """Dutch locale and Qt's own Dutch translations (buttons, context menus, dialogs)."""
    if app.property(_DUTCH_PROPERTY):
        return
    app.setApplicationName("kandidaat")
    app.setOrganizationName("kandidaat")
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalogue in ("qtbase_nl",):
        translator = QTranslator(app)
        if translator.load(catalogue, folder):
            app.installTranslator(translator)
    app.setProperty(_DUTCH_PROPERTY, True)  # noqa: FBT003 - Qt property value


def main_window(project: Path | None = None, settings: QSettings | None = None) -> MainWindow:
    """A main window, with ``project`` open when given."""
    window = MainWindow(settings=settings, demo_factory=demo_project)
    if project is not None and window.open_project(project):
        window.show_page("kandidaten")
    return window


def demo_project(folder: Path) -> Path:
    """Write the demo party's project (Demodorp Vooruit) into ``folder``; its path.

    The demo stands for the next ordinary municipal election after today
    (ADR 0090): the window checks against today, so a past election would show
    "1 fout" for a nomination day long gone.
    """
    return run_demo_party(folder, today=datetime.now(tz=UTC).date()).project


def run(project: Path | None = None) -> int:
    """Show the main window until the user closes it; the exit code of the event loop."""
    app = application()
    window = main_window(project)
    window.fit_to_screen()
    window.show()
    return app.exec()


def screenshot(png: Path, project: Path | None = None, page: str = "start") -> None:
    """Render ``page`` of the window (with ``project`` open) to ``png``; no event loop.

    Raises:
        KandidaatError: unknown page, unreadable project, or the PNG cannot be written.
    """
    app = application()
    window = main_window(project)
    try:
        if project is not None and window.bridge.session is None:
            raise KandidaatError(f"{project.name}: het project kon niet worden geopend")
        window.resize(*SCREENSHOT_SIZE)
        window.show_page(page)
        window.show()
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
