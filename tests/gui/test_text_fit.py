"""User text wraps or is cut short in labels; the window size is a share of the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize

from kandidaat.gui.main_window import fitting_size
from kandidaat.gui.text_fit import ElidingLabel, breakable, short

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def test_a_long_run_without_spaces_gets_invisible_break_points_and_normal_text_none():
    text = "Gemeenteraad " + "X" * 60
    assert breakable(text) == "Gemeenteraad " + "\u200b".join(["X" * 24, "X" * 24, "X" * 12])
    assert breakable("Demodorp Vooruit, lijst 1") == "Demodorp Vooruit, lijst 1"


def test_a_window_title_part_is_cut_to_80_characters():
    assert short("A" * 200) == "A" * 79 + "…"
    assert short("Demodorp Vooruit") == "Demodorp Vooruit"


def test_the_window_takes_17_20ths_of_the_screen_but_never_less_than_it_needs_or_more_than_it_has():
    # 1366 x 768 free: 17/20 of it is 1161 x 652 (computed by hand, rounded down).
    assert fitting_size(QSize(1366, 768), QSize(941, 500)) == QSize(1161, 652)
    # What the window needs wins over the share, up to the screen itself.
    assert fitting_size(QSize(1024, 600), QSize(941, 560)) == QSize(941, 560)
    assert fitting_size(QSize(800, 600), QSize(941, 700)) == QSize(800, 600)


def test_an_eliding_label_never_asks_for_the_width_of_its_text(qtbot: QtBot):
    label = ElidingLabel()
    qtbot.addWidget(label)
    text = "Alles is bewaard in " + "Lang" * 100 + ".kandidaat"
    label.setText(text)
    label.show()
    label.resize(300, 20)
    qtbot.waitUntil(lambda: label.width() == 300)
    assert label.minimumSizeHint().width() < 100
    assert label.full_text() == text
    assert label.toolTip() == text
    assert label.text().endswith(".kandidaat")
    assert "…" in label.text()
    assert label.fontMetrics().horizontalAdvance(label.text()) <= 300
