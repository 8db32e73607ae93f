"""The desktop application in the release bundle: what the spec ships and how the check starts it.

The real proof runs in ``make release-check``: it unpacks the built tar.gz and renders
the start page of the demo project with Qt's offscreen platform. These tests keep the
spec in step with the GUI's code and the installed PySide6, and check the start stage
and the missing-library guard on their own (fast, no build).
"""

from __future__ import annotations

import ast
import importlib.util
import io
import re
import stat
import struct
import sys
import tarfile
import zlib
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD_DIR = REPO / "build"
SPEC = BUILD_DIR / "kandidaat.spec"
GUI = REPO / "kandidaat" / "gui"
sys.path.insert(0, str(BUILD_DIR))

from kandidaat_build.locks import read_lock  # noqa: E402 - after sys.path
from kandidaat_build.pipeline import SOURCE_BUILD_FILES, missing_libraries  # noqa: E402

if TYPE_CHECKING:
    from types import ModuleType


def _release_check() -> ModuleType:
    """``build/release_check.py`` as a module (it is a script, not a package member)."""
    spec = importlib.util.spec_from_file_location("release_check", BUILD_DIR / "release_check.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["release_check"] = module
    spec.loader.exec_module(module)
    return module


def _spec_value(name: str) -> object:
    """The literal assigned to ``name`` at the top level of build/kandidaat.spec."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return ast.literal_eval(node.value)
    message = f"{name} not assigned in {SPEC}"
    raise AssertionError(message)


def _spec_names(name: str) -> list[str]:
    """A list of strings assigned to ``name`` in the spec."""
    value = _spec_value(name)
    assert isinstance(value, list)
    return [str(item) for item in value]


def _spec_plugins() -> dict[str, list[str]]:
    """``QT_PLUGINS`` of the spec: plugin folder -> file names."""
    value = _spec_value("QT_PLUGINS")
    assert isinstance(value, dict)
    return {str(folder): [str(name) for name in names] for folder, names in value.items()}


def _gui_sources() -> str:
    return "".join(path.read_text(encoding="utf-8") for path in sorted(GUI.rglob("*.py")))


def _png(width: int, height: int) -> bytes:
    """A real one-colour PNG of the given size (signature, IHDR, IDAT, IEND)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _bundle_with_program(folder: Path, script: str) -> Path:
    """An artifacts folder whose tar.gz holds ``kandidaat-0.1.0/kandidaat`` = ``script``."""
    artifacts = folder / "artifacts"
    artifacts.mkdir()
    data = script.encode("utf-8")
    info = tarfile.TarInfo("kandidaat-0.1.0/kandidaat")
    info.size = len(data)
    info.mode = stat.S_IFREG | 0o755
    with tarfile.open(artifacts / "kandidaat-0.1.0-linux-x86_64.tar.gz", "w:gz") as archive:
        archive.addfile(info, io.BytesIO(data))
    return artifacts


def test_every_qt_module_the_gui_imports_is_kept_in_the_bundle() -> None:
    imported = set(re.findall(r"\bPySide6\.(Qt\w+)", _gui_sources()))
    unused = _spec_names("QT_UNUSED")
    assert imported
    assert imported.isdisjoint(unused), sorted(imported & set(unused))


def test_every_qt_translation_the_gui_loads_is_shipped() -> None:
    loaded = {f"{name}.qm" for name in re.findall(r"\"(qt\w*_nl)\"", _gui_sources())}
    assert "qtbase_nl.qm" in loaded
    assert set(_spec_names("QT_TRANSLATIONS")) == loaded


def test_the_shipped_qt_plugins_and_translation_exist_in_the_locked_pyside6() -> None:
    pyside = pytest.importorskip("PySide6", reason="PySide6 (kandidaat[gui]) is niet geïnstalleerd")
    locked = {w.name: w.version for w in read_lock(BUILD_DIR / "requirements-bundle.lock")}
    assert metadata.version("PySide6-Essentials") == locked["PySide6-Essentials"]
    assert metadata.version("shiboken6") == locked["shiboken6"]
    qt = Path(pyside.__file__).parent / "Qt"
    plugins = _spec_plugins()
    assert "libqoffscreen.so" in plugins["platforms"]
    assert "libqxcb.so" in plugins["platforms"]
    for folder, names in plugins.items():
        for name in names:
            assert (qt / "plugins" / folder / name).is_file(), f"{folder}/{name}"
    for name in _spec_names("QT_TRANSLATIONS"):
        assert (qt / "translations" / name).is_file(), name


def test_the_build_exports_the_pyinstaller_hook_that_trims_the_qt_plugins() -> None:
    assert "build/pyinstaller_hooks" in SOURCE_BUILD_FILES
    assert (BUILD_DIR / "pyinstaller_hooks" / "hook-PySide6.QtGui.py").is_file()
    assert '"kandidaat_qt": {"plugins": QT_PLUGINS}' in SPEC.read_text(encoding="utf-8")


def test_a_library_pyinstaller_could_not_find_is_named_with_the_binary_that_needs_it() -> None:
    log = (
        "123 WARNING: Library not found: could not resolve 'libxcb-icccm.so.4', dependency of "
        "'/w/venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6XcbQpa.so.6'.\n"
        "124 WARNING: Library not found: could not resolve 'libxcb-keysyms.so.1', dependency of "
        "'/w/venv/lib/python3.11/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so'.\n"
        "125 WARNING: Library not found: could not resolve 'libxcb-icccm.so.4', dependency of "
        "'/w/venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6XcbQpa.so.6'.\n"
        "126 WARNING: Hidden import 'foo' not found\n"
    )
    assert missing_libraries(log) == [
        "libQt6XcbQpa.so.6 heeft libxcb-icccm.so.4 nodig",
        "libqxcb.so heeft libxcb-keysyms.so.1 nodig",
    ]


def test_a_build_log_without_missing_libraries_stops_nothing() -> None:
    assert missing_libraries("4021 WARNING: Hidden import 'sip' not found\n") == []


def test_the_screenshot_check_reads_the_size_of_a_png_and_refuses_anything_else() -> None:
    check = _release_check()
    assert check.png_size(_png(1280, 800)) == (1280, 800)
    assert check.png_size(b"GIF89a" + b"\x00" * 40) is None
    assert check.png_size(b"") is None


def test_a_bundle_whose_program_fails_to_start_fails_the_start_stage(tmp_path: Path) -> None:
    check = _release_check()
    artifacts = _bundle_with_program(
        tmp_path, "#!/bin/sh\necho 'kan libQt6Core.so.6 niet laden' >&2\nexit 3\n"
    )
    summary = check.Summary()
    assert check.start_program(artifacts, summary) is False
    name, _, ok, detail = summary.rows[-1]
    assert name == "programma starten"
    assert not ok
    assert "kandidaat demo: code 3" in detail
    assert "kan libQt6Core.so.6 niet laden" in detail


def test_a_gui_that_ends_without_a_screenshot_fails_the_start_stage(tmp_path: Path) -> None:
    check = _release_check()
    script = (
        "#!/bin/sh\n"
        'if [ "$1" = demo ]; then mkdir -p "$3" && : > "$3/Demodorp_Vooruit.kandidaat"; fi\n'
        "exit 0\n"
    )
    summary = check.Summary()
    assert check.start_program(_bundle_with_program(tmp_path, script), summary) is False
    name, _, ok, detail = summary.rows[-1]
    assert name == "programma starten (demo + GUI uit de tar.gz)"
    assert not ok
    assert detail.startswith("kandidaat gui: code 0, geen PNG")
