# ruff: noqa: INP001  PyInstaller finds a hook by this file name, in a folder that is no package
"""kandidaat's hook for ``PySide6.QtGui``: PyInstaller's own collection, only the plugins we ship.

PyInstaller's hook for QtGui collects every plugin of every type QtGui can use (eglfs,
VNC, Wayland, the GTK theme, image formats, ...); its binary analysis then copies what
those plugins link to (Wayland, GTK, cairo, Kerberos, ...) from the build machine into
the bundle. This hook does the same collection (``add_qt6_dependencies``) but hands
PyInstaller only the plugins named in the spec's ``hooksconfig["kandidaat_qt"]["plugins"]``
(folder -> file names), before the binary analysis sees them (ADR 0074).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PyInstaller.utils.hooks import get_hook_config  # type: ignore[import-untyped]  # no py.typed
from PyInstaller.utils.hooks.qt import add_qt6_dependencies  # type: ignore[import-untyped]  # idem


def hook(hook_api: Any) -> None:  # noqa: ANN401 - PyInstaller's untyped hook API object
    """Add QtGui's hidden imports, translations and the configured plugins to the analysis."""
    wanted = get_hook_config(hook_api, "kandidaat_qt", "plugins")
    if not isinstance(wanted, dict) or not wanted:
        message = "hooksconfig['kandidaat_qt']['plugins'] ontbreekt in build/kandidaat.spec"
        raise SystemExit(message)
    hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
    kept = [
        (source, folder)
        for source, folder in binaries
        if Path(source).name in wanted.get(Path(folder).name, ())
    ]
    hook_api.add_imports(*hiddenimports)
    hook_api.add_binaries(kept)
    hook_api.add_datas(datas)
