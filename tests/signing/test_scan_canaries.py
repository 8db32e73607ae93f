"""Canaries: fresh fake secrets planted in the build environment, searched in the output."""

from __future__ import annotations

import json
import stat
from typing import TYPE_CHECKING

import pytest

from signing.scan.canaries import (
    canaries_from_environment,
    plant_canaries,
    read_canary_file,
)
from signing.scan.cli import main
from signing.scan.model import ScanError
from signing.scan.scanner import ScanOptions, scan_data, scan_paths

if TYPE_CHECKING:
    import types
    from collections.abc import Callable
    from pathlib import Path


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "bouw-home"
    home.mkdir(parents=True)
    return home


def test_planting_writes_private_files_and_returns_unique_values(tmp_path: Path) -> None:
    first = plant_canaries(_home(tmp_path))
    second = plant_canaries(_home(tmp_path / "tweede"))
    for name in (".pypirc", ".netrc", ".git-credentials", ".ssh/id_ed25519"):
        mode = stat.S_IMODE((first.home / name).stat().st_mode)
        assert mode == 0o600, name
    assert len(set(first.values())) == len(first.values()) == 9
    assert not set(first.values()) & set(second.values())
    assert first.environment["HOME"] == str(first.home)
    assert first.environment["AWS_ACCESS_KEY_ID"].startswith("AKIA")
    assert all(len(value) >= 16 for value in first.values())


def test_every_canary_planted_in_home_is_found_there_by_the_scanner(tmp_path: Path) -> None:
    planted = plant_canaries(_home(tmp_path))
    report = scan_paths([planted.home], ScanOptions(canaries=planted.values()))
    found = {
        f.location.removeprefix(f"{planted.home}/") for f in report.findings if f.rule == "canary"
    }
    assert found == {".pypirc", ".netrc", ".git-credentials", ".ssh/id_ed25519"}
    forbidden = {f.location for f in report.findings if f.rule == "forbidden-file"}
    assert f"{planted.home}/.ssh/" in forbidden


def test_a_build_that_copied_its_environment_into_the_bundle_is_caught(
    tmp_path: Path, pyz_builder: Callable[[dict[str, types.CodeType]], bytes]
) -> None:
    planted = plant_canaries(_home(tmp_path))
    module = f"BUILD_ENVIRONMENT = {dict(planted.environment)!r}\n"
    pyz = pyz_builder({"kandidaat._build_info": compile(module, "m", "exec")})
    report = scan_data("dist/PYZ.pyz", pyz, ScanOptions(canaries=planted.values()))
    leaked = {f.excerpt for f in report.findings if f.rule == "canary"}
    env_canaries = [c for c in planted.canaries if c.planted_in.startswith("omgevingsvariabele")]
    assert len(leaked) == len(env_canaries) == 5
    assert all(c.value not in " ".join(leaked) for c in env_canaries)


def test_a_canary_in_utf16_inside_a_binary_is_found(tmp_path: Path) -> None:
    planted = plant_canaries(_home(tmp_path))
    value = planted.environment["KANDIDAAT_SIGNING_PASSWORD"]
    binary = b"MZ" + bytes(300) + value.encode("utf-16-le") + bytes(10)
    report = scan_data("setup.exe", binary, ScanOptions(canaries=planted.values()))
    assert [(f.rule, f.offset) for f in report.findings] == [("canary", 302)]


def test_the_canary_file_and_the_environment_variable_feed_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    planted = plant_canaries(_home(tmp_path))
    canary_file = tmp_path / "kanaries.txt"
    canary_file.write_text(planted.canary_file_text(), encoding="utf-8")
    assert read_canary_file(canary_file) == planted.values()
    monkeypatch.setenv("KANDIDAAT_CANARIES", " ".join(planted.values()[:2]))
    assert canaries_from_environment() == planted.values()[:2]
    artifact = tmp_path / "artifact.txt"
    artifact.write_text(f"token={planted.environment['GITHUB_TOKEN']}\n", encoding="utf-8")
    assert main(["--json", "--canary-file", str(canary_file), str(artifact)]) == 1
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert {"canary", "github-token"} <= rules


def test_an_artifact_without_the_canaries_is_clean(tmp_path: Path) -> None:
    planted = plant_canaries(_home(tmp_path))
    report = scan_data("app.txt", b"kandidaat 0.1.0\n", ScanOptions(canaries=planted.values()))
    assert report.findings == []


def test_a_canary_shorter_than_eight_characters_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    canary_file = tmp_path / "kanaries.txt"
    canary_file.write_text("goed-genoeg-123\nkort\n", encoding="utf-8")
    assert main(["--canary-file", str(canary_file), str(canary_file)]) == 2
    assert "kanarie 2 is korter dan 8 tekens" in capsys.readouterr().err


def test_planting_into_a_missing_home_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ScanError, match="bestaat niet"):
        plant_canaries(tmp_path / "nergens")
