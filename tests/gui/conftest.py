"""The desktop application under test: offscreen, Dutch, isolated settings, a real project."""

from __future__ import annotations

import gc
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from typing import TYPE_CHECKING

import pytest
from gui_samples import west_maas_en_waal
from PySide6.QtCore import QSettings, QStandardPaths

from kandidaat.app.editing.session import EditingSession
from kandidaat.gui.application import make_dutch
from kandidaat.gui.main_window import MainWindow

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(autouse=True)
def _garbage_collected_at_teardown() -> Iterator[None]:
    """Collect the windows a test leaves behind when it ends, not during a later test.

    The cyclic garbage collector once ran in the middle of a later test while a
    documents worker thread was rendering, after several CSB windows had been
    made and closed in the same process, and Python crashed (segmentation fault,
    twice in full runs). A program has one window; the test process makes
    hundreds, so their garbage is collected here, where no worker runs.
    """
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def dutch_application(qapp: QApplication) -> QApplication:
    make_dutch(qapp)
    return qapp


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "instellingen.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def project(tmp_path: Path, shared_dir: Path) -> Path:
    path = tmp_path / "cda-west-maas-en-waal.kandidaat"
    EditingSession.create(path, west_maas_en_waal(shared_dir)).close()
    return path


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings, tmp_path: Path) -> Iterator[MainWindow]:
    main = MainWindow(settings=settings, documents_dir=tmp_path)
    qtbot.addWidget(main)
    main.resize(1100, 750)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    yield main
    main.close()


@pytest.fixture
def opened(window: MainWindow, project: Path) -> MainWindow:
    assert window.open_project(project)
    return window
