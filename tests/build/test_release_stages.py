"""The xcb stage of the release check, its summary file, and where bench-release looks.

The real run is ``make release-check`` (the GUI of the unpacked tar.gz on xcb under
Xvfb) and ``make bench-release`` after it; these tests check the decisions on their
own, with small stand-in programs.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import struct
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

REPO = Path(__file__).resolve().parents[2]

if TYPE_CHECKING:
    from types import ModuleType


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _release_check() -> ModuleType:
    return _load("release_check", REPO / "build" / "release_check.py")


def _bench() -> ModuleType:
    return _load("bench_release", REPO / "bench" / "bench_release.py")


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _program(folder: Path, body: str) -> Path:
    program = folder / "kandidaat"
    program.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    program.chmod(0o755)
    return program


def test_without_xvfb_the_xcb_stage_says_it_did_not_run_and_is_not_counted_as_passed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check = _release_check()
    monkeypatch.setattr(check.shutil, "which", lambda *_args, **_kwargs: None)
    summary = check.Summary()
    program = _program(tmp_path, "exit 0\n")
    assert check.start_gui_on_xcb(program, tmp_path / "p.kandidaat", tmp_path, summary) is True
    name, _, ok, detail = summary.rows[-1]
    assert name == "GUI op het xcb-platform (X11, onder Xvfb)"
    assert ok
    assert detail.startswith("OVERGESLAGEN: xvfb-run, Xvfb, xauth niet geïnstalleerd")
    assert "apt-get install -y xvfb xauth" in detail
    rendered = summary.render()
    assert "skip " in rendered
    assert "NIET gedraaid: GUI op het xcb-platform (X11, onder Xvfb)" in rendered


def test_a_gui_that_cannot_load_the_xcb_platform_fails_the_stage(tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None or shutil.which("xauth") is None:
        pytest.skip("xvfb-run/xauth niet geïnstalleerd (apt-get install -y xvfb xauth)")
    check = _release_check()
    # What Qt does when libqxcb.so cannot be loaded: a message and an abort.
    program = _program(
        tmp_path,
        'echo "qt.qpa.plugin: Could not load the Qt platform plugin \\"$QT_QPA_PLATFORM\\"" >&2\n'
        "exit 134\n",
    )
    summary = check.Summary()
    assert check.start_gui_on_xcb(program, tmp_path / "p.kandidaat", tmp_path, summary) is False
    _, _, ok, detail = summary.rows[-1]
    assert not ok
    assert detail.startswith("kandidaat gui (xcb): code 134, geen PNG")
    assert 'Could not load the Qt platform plugin "xcb"' in detail


def test_a_gui_that_renders_on_a_real_x_display_passes_the_stage(tmp_path: Path) -> None:
    if shutil.which("xvfb-run") is None or shutil.which("xauth") is None:
        pytest.skip("xvfb-run/xauth niet geïnstalleerd (apt-get install -y xvfb xauth)")
    check = _release_check()
    png = tmp_path / "wit.png"
    png.write_bytes(_png(1280, 800))
    # Writes the PNG only when xvfb-run gave it a display and the platform is xcb.
    program = _program(
        tmp_path,
        f'[ -n "$DISPLAY" ] && [ "$QT_QPA_PLATFORM" = xcb ] && cp {png} "$4" && exit 0\nexit 1\n',
    )
    summary = check.Summary()
    assert check.start_gui_on_xcb(program, tmp_path / "p.kandidaat", tmp_path, summary) is True
    assert summary.rows[-1][3] == "schermafdruk start-pagina 1280x800 op xcb"


def test_the_release_check_summary_is_written_as_json_with_every_stage() -> None:
    check = _release_check()
    summary = check.Summary()
    summary.add("build a", 0.0, ok=True)
    summary.add("scan (kandidaat-scan)", 0.0, ok=False, detail="2 bevindingen")
    summary.add("GUI op het xcb-platform (X11, onder Xvfb)", 0.0, ok=True, detail="OVERGESLAGEN")
    stages = json.loads(summary.as_json())["stages"]
    assert [(s["name"], s["outcome"]) for s in stages] == [
        ("build a", "ok  "),
        ("scan (kandidaat-scan)", "FOUT"),
        ("GUI op het xcb-platform (X11, onder Xvfb)", "skip"),
    ]


def _fake_build(folder: Path) -> None:
    (folder / "artifacts").mkdir(parents=True)
    (folder / "artifacts" / "SHA256SUMS").write_text("", encoding="utf-8")
    (folder / "work" / "dist" / "kandidaat").mkdir(parents=True)


def test_bench_release_finds_the_build_that_make_release_check_left(tmp_path: Path) -> None:
    bench = _bench()
    _fake_build(tmp_path / "release-check" / "a")
    found = next(build for build in bench.candidates(tmp_path) if build.complete())
    assert found.label == "make release-check"
    assert found.artifacts == tmp_path / "release-check" / "a" / "artifacts"
    assert found.bundle == tmp_path / "release-check" / "a" / "work" / "dist" / "kandidaat"


def test_bench_release_without_any_build_and_without_building_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = _bench()
    monkeypatch.setenv("KANDIDAAT_OUT", str(tmp_path))
    assert bench.main(["--no-build"]) == 2
    printed = capsys.readouterr().out
    assert str(tmp_path / "release-check" / "a" / "artifacts") in printed
    assert "draai eerst make release-check" in printed


def test_bench_release_prints_each_release_check_stage_with_its_goal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = _bench()
    summary = tmp_path / "summary.json"
    stages = [
        {"name": "build a", "seconds": 61.6, "outcome": "ok  "},
        {"name": "scan (kandidaat-scan)", "seconds": 95.0, "outcome": "ok  "},
        {"name": "token + Ed25519-sleutel in het token", "seconds": 0.4, "outcome": "ok  "},
    ]
    summary.write_text(json.dumps({"stages": stages}), encoding="utf-8")
    bench.print_release_check(summary)
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].endswith("61.6 s | doel <= 120 s: gehaald")
    assert lines[2].endswith("95.0 s | doel <= 90 s: NIET gehaald")
    assert lines[3].endswith("0.4 s")  # no goal for making the token
    assert lines[4].endswith("157.0 s | doel <= 300 s: gehaald")
