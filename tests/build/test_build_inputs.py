"""Pinned inputs, the controlled environment and the records the build writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD_DIR = REPO / "build"
sys.path.insert(0, str(BUILD_DIR))

from kandidaat_build.environment import (  # noqa: E402 - after sys.path
    controlled_environment,
    environment_problems,
    make_clean_home,
)
from kandidaat_build.errors import BuildError  # noqa: E402
from kandidaat_build.locks import read_lock, read_pins  # noqa: E402
from kandidaat_build.sbom import sbom_bytes, sbom_document  # noqa: E402


def _pyproject_pins() -> dict[str, str]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(dep.split("==") for dep in data["project"]["dependencies"])


def test_every_locked_wheel_carries_a_sha256_and_matches_its_pin() -> None:
    for kind in ("bundle", "tools"):
        pins = dict(read_pins(BUILD_DIR / f"requirements-{kind}.in"))
        locked = read_lock(BUILD_DIR / f"requirements-{kind}.lock")
        assert {wheel.name: wheel.version for wheel in locked} == pins
        assert all(len(wheel.sha256) == 64 for wheel in locked)
        assert all(wheel.filename.endswith(".whl") for wheel in locked)


def test_the_bundle_ships_exactly_the_runtime_versions_of_pyproject() -> None:
    bundle = {
        wheel.name: wheel.version for wheel in read_lock(BUILD_DIR / "requirements-bundle.lock")
    }
    for name, version in _pyproject_pins().items():
        assert bundle[name] == version, name


def test_the_build_tools_are_pinned_to_pyinstaller_6_22_3() -> None:
    tools = {
        wheel.name: wheel.version for wheel in read_lock(BUILD_DIR / "requirements-tools.lock")
    }
    assert tools["pyinstaller"] == "6.22.3"


def test_a_version_range_in_the_pins_is_refused(tmp_path: Path) -> None:
    pins = tmp_path / "requirements-bundle.in"
    pins.write_text("lxml>=6\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"regel 1: 'lxml>=6' is geen exacte versie"):
        read_pins(pins)


def test_a_lock_entry_without_a_hash_is_refused(tmp_path: Path) -> None:
    lock = tmp_path / "requirements-bundle.lock"
    lock.write_text("# wheel: lxml-6.1.3-py3-none-any.whl\nlxml==6.1.3\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"lxml==6.1.3 heeft geen --hash=sha256"):
        read_lock(lock)


def test_the_controlled_environment_passes_its_own_check(tmp_path: Path) -> None:
    home = tmp_path / "home"
    make_clean_home(home)
    env = controlled_environment(1_700_000_000, home, "/usr/bin:/bin")
    assert environment_problems(env, 0o022) == []
    assert env["PIP_CONFIG_FILE"] == os.devnull
    assert "PIP_FIND_LINKS" not in env


def test_every_missing_or_wrong_setting_is_named(tmp_path: Path) -> None:
    home = tmp_path / "home"
    make_clean_home(home)
    (home / ".netrc").write_text("machine x login y\n", encoding="utf-8")
    env = {"TZ": "Europe/Amsterdam", "LC_ALL": "C.UTF-8", "HOME": str(home)}
    problems = environment_problems(env, 0o077)
    assert "PYTHONHASHSEED ontbreekt (moet 0 zijn)" in problems
    assert "TZ is 'Europe/Amsterdam' (moet UTC zijn)" in problems
    assert any(p.startswith("SOURCE_DATE_EPOCH ontbreekt") for p in problems)
    assert "umask is 077 (moet 022 zijn)" in problems
    assert f"HOME ({home}) is niet leeg" in problems


def test_the_build_step_refuses_to_run_outside_the_controlled_environment(tmp_path: Path) -> None:
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    command = [sys.executable, str(BUILD_DIR / "reproducible.py"), "--inside"]
    command += ["--out", str(tmp_path / "out"), "--wheelhouse", str(tmp_path / "wh")]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "de build draait niet in de gecontroleerde omgeving" in result.stderr
    assert "PYTHONHASHSEED ontbreekt" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_output_folder_inside_the_repository_is_refused() -> None:
    command = [sys.executable, str(BUILD_DIR / "reproducible.py"), "--out", str(REPO / "kandidaat")]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "ligt in de repository" in result.stderr


def test_the_sbom_is_cyclonedx_1_5_with_purls_and_wheel_hashes_and_is_deterministic() -> None:
    bundle = read_lock(BUILD_DIR / "requirements-bundle.lock")
    tools = [w for w in read_lock(BUILD_DIR / "requirements-tools.lock") if w.name == "pyinstaller"]
    args = ("kandidaat", "0.1.0", "a" * 40, 1_700_000_000, bundle, tools, "3.11.7")
    first, second = sbom_bytes(sbom_document(*args)), sbom_bytes(sbom_document(*args))
    assert first == second
    document = json.loads(first)
    assert document["bomFormat"] == "CycloneDX"
    assert document["specVersion"] == "1.5"
    assert document["serialNumber"].startswith("urn:uuid:")
    assert document["metadata"]["timestamp"] == "2023-11-14T22:13:20Z"
    by_name = {c["name"]: c for c in document["components"]}
    lxml = next(w for w in bundle if w.name == "lxml")
    assert by_name["lxml"]["purl"] == "pkg:pypi/lxml@6.1.3"
    assert by_name["lxml"]["hashes"] == [{"alg": "SHA-256", "content": lxml.sha256}]
    assert by_name["charset-normalizer"]["purl"] == "pkg:pypi/charset-normalizer@3.5.2"
    assert by_name["pyinstaller"]["version"] == "6.22.3"
    assert by_name["cpython"]["version"] == "3.11.7"
