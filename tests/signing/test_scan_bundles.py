"""The 2023 incident, replayed: a leaky vendor tool in every installer format.

Every planted leak must be found by the right rule at the right place inside the
nested archives, in a folder, a tar.gz, a wheel, a .deb and a PyInstaller executable;
the clean variant of the same project must give nothing at all.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from signing.scan.cli import main
from signing.scan.scanner import ScanOptions, scan_paths

if TYPE_CHECKING:
    from tests.signing.conftest import Bundle, LeakyProject

REPO = Path(__file__).resolve().parents[2]
KINDS = ("folder", "tar.gz", "zip", "deb", "pyinstaller")


def _bundle(bundles: tuple[Bundle, ...], kind: str) -> Bundle:
    return next(b for b in bundles if b.kind == kind)


@pytest.mark.parametrize("kind", KINDS)
def test_every_planted_leak_is_found_by_its_rule_where_it_was_planted(
    kind: str, leaky_project: LeakyProject, leaky_bundles: tuple[Bundle, ...]
) -> None:
    bundle = _bundle(leaky_bundles, kind)
    report = scan_paths([bundle.path], ScanOptions(canaries=(leaky_project.canary,)))
    found = {(f.rule, f.location.split(" ")[0]) for f in report.findings}
    expected = set()
    for leak in leaky_project.leaks:
        location = bundle.location_of(leak.member)
        if leak.member.endswith("/"):
            location = f"{bundle.base}{leak.member}"
        expected.add((leak.rule, location))
    assert expected <= found, sorted(expected - found)
    assert report.exit_code == 1
    assert not report.problems


@pytest.mark.parametrize("kind", KINDS)
def test_the_clean_variant_of_the_same_project_gives_no_finding(
    kind: str, clean_project: LeakyProject, clean_bundles: tuple[Bundle, ...]
) -> None:
    bundle = _bundle(clean_bundles, kind)
    report = scan_paths([bundle.path], ScanOptions(canaries=(clean_project.canary,)))
    assert report.findings == []
    assert report.problems == []
    assert report.exit_code == 0


def test_in_the_pyinstaller_executable_the_leaks_sit_in_the_compressed_pyz_and_are_found_there(
    leaky_project: LeakyProject, leaky_bundles: tuple[Bundle, ...]
) -> None:
    executable = _bundle(leaky_bundles, "pyinstaller").path
    raw = executable.read_bytes()
    assert leaky_project.canary.encode() not in raw  # grep would find nothing
    report = scan_paths([executable], ScanOptions(canaries=(leaky_project.canary,)))
    in_pyz = [
        f for f in report.findings if f.location == f"{executable}!PYZ.pyz!vendorcfg.settings"
    ]
    assert {f.rule for f in in_pyz} >= {"canary", "credential-assignment", "private-key-pem"}
    assert all(f.offset is not None for f in in_pyz)


def test_the_report_never_shows_a_planted_secret_in_full(
    leaky_project: LeakyProject,
    leaky_bundles: tuple[Bundle, ...],
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = [str(b.path) for b in leaky_bundles]
    canary_args = ["--canary-file", str(_canary_file(leaky_project))]
    assert main([*paths, *canary_args]) == 1
    text = capsys.readouterr().out
    assert main(["--json", *paths, *canary_args]) == 1
    machine = capsys.readouterr().out
    lines = leaky_project.settings_source.splitlines()
    secrets_planted = [leaky_project.canary]
    secrets_planted.extend(
        line.split('"')[1]
        for line in lines
        if line.startswith(("SIGNING_PASS", "AWS_ACCESS_KEY_ID", "wachtwoord"))
    )
    pem_body = [line for line in lines if re.fullmatch(r"[A-Za-z0-9+/=]{40,}", line)]
    assert len(pem_body) >= 2
    secrets_planted.extend(pem_body)
    for secret in secrets_planted:
        assert secret not in text
        assert secret not in machine
    assert "BEVINDING [credential-assignment]" in text
    assert "Uitslag: " in text


def _canary_file(project: LeakyProject) -> Path:
    path = project.root.parent / "canaries.txt"
    path.write_text(f"# kanaries van deze bouw\n{project.canary}\n", encoding="utf-8")
    return path


def test_json_output_names_rule_location_offset_and_a_redacted_excerpt(
    leaky_project: LeakyProject,
    leaky_bundles: tuple[Bundle, ...],
    capsys: pytest.CaptureFixture[str],
) -> None:
    deb = _bundle(leaky_bundles, "deb").path
    assert main(["--json", str(deb)]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["exit_code"] == 1
    assert result["problems"] == []
    unc = next(f for f in result["findings"] if f["rule"] == "unc-path")
    assert unc["location"] == f"{deb}!data.tar.xz!./opt/vendor/vendorcfg/settings.py"
    assert unc["offset"] == leaky_project.settings_source.index("\\\\fs01")
    assert unc["excerpt"] == "\\\\fs01.intern.vendor.local\\codesign$\\osv2020.pfx"
    assert unc["description"].startswith("Windows-netwerkpad")


def test_canaries_from_the_environment_variable_are_searched(
    leaky_project: LeakyProject,
    leaky_bundles: tuple[Bundle, ...],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KANDIDAAT_CANARIES", f"nog-een-kanarie-1234, {leaky_project.canary}")
    assert main(["--json", str(_bundle(leaky_bundles, "zip").path)]) == 1
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert "canary" in rules


def test_the_build_user_and_home_given_on_the_command_line_are_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built = tmp_path / "build-info.txt"
    text = "gebouwd door jdevries in /srv/bouw/jdevries op bouwmachine\n"
    built.write_text(text, encoding="utf-8")
    code = main(["--json", "--host-user", "jdevries", "--home", "/srv/bouw/jdevries/", str(built)])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert code == 1
    assert {(f["rule"], f["offset"]) for f in findings} == {
        ("build-user", text.index("jdevries")),
        ("build-user", text.index("/jdevries") + 1),
        ("build-home", text.index("/srv")),
    }


def test_python_dash_m_signing_scan_runs_the_same_command(
    clean_bundles: tuple[Bundle, ...], leaky_bundles: tuple[Bundle, ...]
) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("KANDIDAAT_CANARIES", None)
    clean = subprocess.run(
        [sys.executable, "-m", "signing.scan", str(_bundle(clean_bundles, "tar.gz").path)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=REPO,
    )
    leaky = subprocess.run(
        [sys.executable, "-m", "signing.scan", str(_bundle(leaky_bundles, "tar.gz").path)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=REPO,
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Uitslag: schoon: niets gevonden (uitgangscode 0)." in clean.stdout
    assert leaky.returncode == 1
    assert "dit mag zo niet worden uitgebracht" in leaky.stdout
