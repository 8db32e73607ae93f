"""Opens the window on a real (Xvfb) screen and prints what a user would see, as JSON.

Run by test_window_on_a_screen.py under ``xvfb-run`` with the xcb platform:
``screen_child.py FOLDER [long]``. It opens the demo project, lets the window
choose its size (as ``kandidaat gui`` does), shows every page and measures the
navigation and the party page; with ``long`` the project holds an appellation
and an election name of 400 characters without a space (as older projects may).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QScrollArea, QWidget

from kandidaat.app.editing.session import EditingSession
from kandidaat.gui.application import application, demo_project, main_window

PAGES = ("start", "partij", "kandidaten", "lijsten", "controle", "documenten")


def _settle(app: object) -> None:
    for _ in range(20):
        app.processEvents()  # type: ignore[attr-defined]


def _inner(field: QWidget) -> bool:
    """The line edit inside a spin box or combo box (measured as part of it)."""
    parent = field.parentWidget()
    return parent is not None and (
        parent.inherits("QAbstractSpinBox") or parent.inherits("QComboBox")
    )


def main() -> None:
    """Measure and print."""
    folder = Path(sys.argv[1])
    app = application()
    project = demo_project(folder / "demo")
    settings = QSettings(str(folder / "instellingen.ini"), QSettings.Format.IniFormat)
    window = main_window(project, settings=settings)
    if len(sys.argv) > 2 and sys.argv[2] == "long":
        nomination = window.bridge.nomination
        assert nomination is not None
        long = dataclasses.replace(
            nomination,
            party=dataclasses.replace(nomination.party, appellation="Lang" * 100),
            election=dataclasses.replace(nomination.election, name="Gemeenteraad" + "X" * 400),
        )
        EditingSession.nomination = property(lambda _session: long)  # type: ignore[method-assign,assignment]
        window.bridge.changed.emit()
        window.status.setText("Alles is bewaard in " + "Lang" * 100 + ".kandidaat")
    window.fit_to_screen()
    window.show()
    _settle(app)
    free = window.screen().availableGeometry()
    nav = window.navigation
    metrics = nav.fontMetrics()
    em = metrics.horizontalAdvance("M")
    items = []
    for row in range(nav.count()):
        item = nav.item(row)
        rect = nav.visualItemRect(item)
        items.append(
            {
                "text": item.text(),
                "needed": metrics.horizontalAdvance(item.text()) + 2 * em,
                "width": rect.width(),
                "right": rect.right(),
                "bottom": rect.bottom(),
            }
        )
    pages = {}
    for name in PAGES:
        window.show_page(name)
        _settle(app)
        pages[name] = {
            "window_width": window.frameGeometry().width(),
            "minimum_width": window.minimumSizeHint().width(),
        }
    window.show_page("partij")
    _settle(app)
    page = window.party_page
    area = page.findChild(QScrollArea)
    fields = [
        {
            "name": field.objectName() or type(field).__name__,
            "width": field.width(),
            "right": field.mapTo(area.widget(), field.rect().topRight()).x(),
        }
        for kind in (QLineEdit, QComboBox, QAbstractSpinBox)
        for field in page.findChildren(kind)
        if field.isVisibleTo(page) and not _inner(field)
    ]
    frame = window.frameGeometry()
    result = {
        "screen": [free.width(), free.height()],
        "window": [frame.width(), frame.height()],
        "window_left_top": [frame.x() - free.x(), frame.y() - free.y()],
        "navigation": {
            "horizontal_bar": nav.horizontalScrollBar().isVisible(),
            "viewport": [nav.viewport().width(), nav.viewport().height()],
            "items": items,
        },
        "pages": pages,
        "party": {
            "horizontal_bar": area.horizontalScrollBar().isVisible(),
            "content_width": area.widget().width(),
            "viewport_width": area.viewport().width(),
            "fields": fields,
        },
    }
    sys.stdout.write(json.dumps(result) + "\n")
    window.close()


if __name__ == "__main__":
    main()
