"""``kandidaat gui``: a screenshot of any page offscreen; a Dutch message without PySide6."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QImage

from kandidaat.app.cli import main
from kandidaat.gui.qt_start import platform_failure_message

if TYPE_CHECKING:
    from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_a_screenshot_of_the_lists_page_is_written_as_a_png(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    png = tmp_path / "lijsten.png"
    code = main(["gui", str(project), "--screenshot", str(png), "--page", "lijsten"])
    assert code == 0
    assert capsys.readouterr().out == f"schermafdruk van de pagina lijsten bewaard in {png}\n"
    assert png.read_bytes().startswith(PNG_SIGNATURE)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 800)


def test_an_unknown_page_is_refused_in_dutch(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["gui", str(project), "--screenshot", str(tmp_path / "x.png"), "--page", "help"])
    assert stopped.value.code == 2
    assert "ongeldige keuze" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_a_missing_project_is_named_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "weg.kandidaat"
    assert main(["gui", str(missing), "--screenshot", str(tmp_path / "x.png")]) == 2
    assert capsys.readouterr().err == f"fout: {missing}: dit project bestaat niet\n"
    assert not (tmp_path / "x.png").exists()


def test_without_pyside6_the_command_line_still_works_and_gui_explains_in_dutch() -> None:
    # Block PySide6 as if it were not installed, then run the real command line.
    driver = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        "from kandidaat.app.cli import main\n"
        "assert main(['seats', '--help']) == 0\n"
    )
    help_run = subprocess.run(
        [sys.executable, "-c", driver], capture_output=True, text=True, check=False, timeout=60
    )
    assert help_run.returncode == 0, help_run.stderr
    driver = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        "from kandidaat.app.cli import main\n"
        "sys.exit(main(['gui']))\n"
    )
    gui_run = subprocess.run(
        [sys.executable, "-c", driver], capture_output=True, text=True, check=False, timeout=60
    )
    assert gui_run.returncode == 2
    assert "de desktoptoepassing heeft PySide6 nodig" in gui_run.stderr
    assert "Traceback" not in gui_run.stderr


def test_without_a_display_the_window_is_not_started_and_the_reason_is_dutch(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(["gui"]) == 2
    assert capsys.readouterr().err.startswith("fout: er is geen beeldscherm gevonden")


def test_a_display_that_does_not_answer_ends_in_dutch_with_exit_2_instead_of_qts_abort(
    tmp_path: Path,
) -> None:
    # No X server listens on display :947 (a number no test starts); Qt's xcb plugin
    # fails and would abort (exit 134, English "Reinstalling the application").
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"WAYLAND_DISPLAY", "XAUTHORITY"}
    }
    environment |= {"DISPLAY": ":947", "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "kandidaat", "gui"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=environment,
    )
    assert run.returncode == 2, run.stderr
    assert run.stderr.startswith("fout: de desktoptoepassing kon geen venster openen.")
    assert "geen verbinding met het beeldscherm :947" in run.stderr
    assert "Reinstalling" not in run.stderr
    assert "Traceback" not in run.stderr


def test_a_missing_libxcb_cursor_is_named_with_the_package_to_install() -> None:
    qt_lines = [
        "From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin.",
        'Could not load the Qt platform plugin "xcb" in "" even though it was found.',
    ]
    text = platform_failure_message(qt_lines, has_xcb_cursor=False)
    assert "Qt kon het vensterplatform 'xcb' niet starten." in text
    assert "apt-get install libxcb-cursor0" in text
    assert "libxcb-cursor0" not in platform_failure_message(qt_lines, has_xcb_cursor=True)
