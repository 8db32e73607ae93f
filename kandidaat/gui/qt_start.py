"""Creating the QApplication without Qt's abort when no window system can be reached.

When Qt cannot start its platform plugin (``xcb`` with a ``DISPLAY`` that no
X server answers, a missing ``libxcb-cursor0``, a Wayland socket that is gone)
it reports a fatal message and calls ``abort()``: the process dies with signal 6
(exit 134) after English lines about "Reinstalling the application". A Python
``except`` never sees it. Qt does call the installed message handler first, so
while the application is created a handler collects Qt's messages and, on the
fatal one, writes the reason in Dutch and ends the process with
:data:`~kandidaat.app.exitcodes.EXIT_BAD_INPUT`, the code ``kandidaat gui``
already uses for "geen beeldscherm gevonden".
"""

from __future__ import annotations

import ctypes.util
import os
import re
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from kandidaat.app.exitcodes import EXIT_BAD_INPUT

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import QMessageLogContext

__all__ = ["create_application", "platform_failure_message"]

_DISPLAY = re.compile(r"could not connect to display\s*(?P<display>\S*)")
_PLUGIN = re.compile(r'Could not load the Qt platform plugin "(?P<plugin>[^"]+)"')
_MAX_QUOTED = 60


def platform_failure_message(qt_messages: Sequence[str], *, has_xcb_cursor: bool) -> str:
    """The Dutch explanation of a platform plugin that would not start.

    ``qt_messages`` are Qt's own lines before the fatal one; what is recognised
    in them (the display that did not answer, the plugin that failed) is said in
    Dutch, and the missing ``libxcb-cursor0`` is named only when it is missing.
    """
    joined = "\n".join(qt_messages)
    plugin_match = _PLUGIN.search(joined)
    plugin = plugin_match.group("plugin")[:_MAX_QUOTED] if plugin_match else ""
    display_match = _DISPLAY.search(joined)
    lines = ["fout: de desktoptoepassing kon geen venster openen."]
    if display_match is not None:
        display = display_match.group("display")[:_MAX_QUOTED] or "(leeg)"
        lines.append(f"Er is geen verbinding met het beeldscherm {display} (DISPLAY).")
    if plugin:
        lines.append(f"Qt kon het vensterplatform '{plugin}' niet starten.")
    if plugin in {"", "xcb"} and not has_xcb_cursor:
        lines.append(
            "De systeembibliotheek libxcb-cursor0 ontbreekt; installeer die "
            "(Debian/Ubuntu: apt-get install libxcb-cursor0)."
        )
    lines.append(
        "Start kandidaat gui vanuit een bureaubladsessie, of maak een schermafdruk "
        "zonder scherm met --screenshot."
    )
    return "\n".join(lines) + "\n"


def _has_xcb_cursor() -> bool:
    return ctypes.util.find_library("xcb-cursor") is not None


def create_application(argv: list[str]) -> QApplication:
    """A new QApplication; a platform that cannot start ends the process in Dutch (exit 2)."""
    seen: list[str] = []

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            text = platform_failure_message(seen, has_xcb_cursor=_has_xcb_cursor())
            sys.stderr.write(text)
            sys.stderr.flush()
            os._exit(EXIT_BAD_INPUT)
        seen.append(message)

    qInstallMessageHandler(handler)
    try:
        return QApplication(argv)
    finally:
        qInstallMessageHandler(None)
