"""A real PyInstaller onedir of a tiny leaky program: the scanner must see inside it.

Slow (a real build takes 10-20 s); skipped only when PyInstaller is not installed in
the running environment.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from signing.scan.allowlist import DEFAULT_ALLOWLIST, load_allowlist
from signing.scan.rules import DESCRIPTIONS
from signing.scan.scanner import ScanOptions, scan_paths

if TYPE_CHECKING:
    from pathlib import Path

    from tests.signing.conftest import LeakyProject

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller is not installed"
    ),
]


def test_a_real_pyinstaller_onedir_gives_up_every_planted_leak_and_nothing_else(
    leaky_project: LeakyProject, tmp_path: Path
) -> None:
    root = leaky_project.root
    dist = tmp_path / "dist"
    separator = os.pathsep
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--onedir",
        "--name",
        "vendor-tool",
        "--paths",
        str(root),
        "--hidden-import",
        "vendorcfg.settings",
        "--add-data",
        f"{root / 'keys'}{separator}keys",
        "--add-data",
        f"{root / '.pypirc'}{separator}.",
        "--distpath",
        str(dist),
        "--workpath",
        str(tmp_path / "work"),
        "--specpath",
        str(tmp_path / "spec"),
        "--log-level",
        "WARN",
        str(root / "main.py"),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "1700000000"}
    subprocess.run(command, check=True, env=env, cwd=tmp_path, capture_output=True)
    bundle = dist / "vendor-tool"
    executable = bundle / "vendor-tool"
    assert leaky_project.canary.encode() not in executable.read_bytes()

    options = ScanOptions(
        canaries=(leaky_project.canary,),
        allowlist=load_allowlist(DEFAULT_ALLOWLIST, frozenset(DESCRIPTIONS)),
    )
    report = scan_paths([bundle], options)

    settings = f"{executable}!PYZ.pyz!vendorcfg.settings"
    expected = {
        (leak.rule, settings) for leak in leaky_project.leaks if leak.member.endswith(".py")
    }
    expected |= {
        ("forbidden-file", f"{bundle}/_internal/.pypirc"),
        ("forbidden-file", f"{bundle}/_internal/keys/signing.pem"),
        ("private-key-pem", f"{bundle}/_internal/keys/signing.pem"),
    }
    found = {(f.rule, f.location) for f in report.findings}
    assert report.problems == []
    assert expected <= found, sorted(expected - found)
    planted_files = (settings, f"{bundle}/_internal/.pypirc", f"{bundle}/_internal/keys/")
    unexpected = [f for f in report.findings if not f.location.startswith(planted_files)]
    assert unexpected == []
