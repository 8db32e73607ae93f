"""Readable at 200 %: layouts only, and the window fits a full-HD screen scaled twice."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kandidaat.gui.main_window import MainWindow

GUI = Path(__file__).resolve().parents[2] / "kandidaat" / "gui"
FIXED_SIZE_CALLS = {
    "setFixedSize",
    "setFixedWidth",
    "setFixedHeight",
    "setMinimumSize",
    "setMinimumWidth",
    "setMaximumSize",
}
FULL_HD_AT_200_PERCENT = (960, 540)
"""1920 x 1080 pixels at a scale of 200 % leave 960 x 540 for the window."""


def test_no_widget_gets_a_size_in_pixels() -> None:
    offenders = []
    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [
            f"{path.name}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in FIXED_SIZE_CALLS
            and any(isinstance(arg, ast.Constant) for arg in node.args)
        ]
    assert offenders == []


def test_every_page_fits_a_full_hd_screen_at_200_percent(opened: MainWindow) -> None:
    width, height = FULL_HD_AT_200_PERCENT
    for name in ("start", "partij", "kandidaten", "lijsten", "controle", "documenten"):
        opened.show_page(name)
        needed = opened.minimumSizeHint()
        assert needed.width() <= width, name
        assert needed.height() <= height, name
