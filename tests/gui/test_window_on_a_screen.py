"""On a real X screen (Xvfb, the xcb platform) the window fits and nothing is cut off.

The window opened at 910 x 512 on a 1366 x 768 screen: the navigation got a
horizontal scroll bar and "Documenten" was cut. These tests start the window
as ``kandidaat gui`` does, under ``xvfb-run`` at 1366 x 768 and 1920 x 1080,
and read what a user would see (tests/gui/screen_child.py prints it as JSON).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

CHILD = Path(__file__).with_name("screen_child.py")
REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENS = [(1366, 768), (1920, 1080)]
SMALLEST_FIELD = 100
"""Pixels a text field needs at the least to show what is typed in it."""

XVFB_RUN = shutil.which("xvfb-run") or "xvfb-run"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("xvfb-run") is None or shutil.which("Xvfb") is None,
        reason="Xvfb is not installed (apt-get install xvfb xauth); .ci/run installs it",
    ),
]


def _measure(tmp_path: Path, screen: tuple[int, int], *extra: str) -> dict[str, Any]:
    width, height = screen
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(REPO_ROOT)}
    completed = subprocess.run(
        [
            XVFB_RUN,
            "--auto-servernum",
            "--server-args",
            f"-screen 0 {width}x{height}x24",
            sys.executable,
            str(CHILD),
            str(tmp_path),
            *extra,
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=REPO_ROOT,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("screen", SCREENS, ids=["1366x768", "1920x1080"])
def test_the_window_opens_at_a_size_that_fits_the_screen_and_shows_everything(
    tmp_path: Path, screen: tuple[int, int]
) -> None:
    seen = _measure(tmp_path, screen)
    free_width, free_height = seen["screen"]
    width, height = seen["window"]
    assert width <= free_width
    assert height <= free_height
    # Larger than the 910 x 512 it opened at: at least four fifths of the free screen.
    assert width >= free_width * 4 // 5
    assert height >= free_height * 4 // 5
    left, top = seen["window_left_top"]
    assert left >= 0
    assert top >= 0

    navigation = seen["navigation"]
    assert navigation["horizontal_bar"] is False
    view_width, view_height = navigation["viewport"]
    assert [item["text"] for item in navigation["items"]] == [
        "Start", "Partij", "Kandidaten", "Lijsten", "Controle", "Documenten",
    ]  # fmt: skip
    for item in navigation["items"]:
        assert item["width"] >= item["needed"], item["text"]
        assert item["right"] < view_width, item["text"]
        assert item["bottom"] < view_height, item["text"]

    party = seen["party"]
    assert party["horizontal_bar"] is False
    assert party["content_width"] <= party["viewport_width"]
    names = {field["name"] for field in party["fields"]}
    assert {"appellation", "submitter_postal_code", "submitter_locality"} <= names
    for field in party["fields"]:
        assert field["width"] >= SMALLEST_FIELD, field["name"]
        assert field["right"] <= party["content_width"], field["name"]


def test_long_user_text_does_not_make_the_window_wider_than_the_screen(tmp_path: Path) -> None:
    seen = _measure(tmp_path, SCREENS[0], "long")
    free_width, _ = seen["screen"]
    for name, page in seen["pages"].items():
        assert page["window_width"] <= free_width, name
        assert page["minimum_width"] <= free_width, name
    assert seen["party"]["horizontal_bar"] is False
    assert seen["navigation"]["horizontal_bar"] is False
