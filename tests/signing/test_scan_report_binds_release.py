"""The scan report names the SHA-256 of every artifact it scanned; the signer holds it to that."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from conftest import _ar_member, _tar_bytes
from test_sign import (  # the signer's own test helpers: the CLI and a key
    _environment_without_password_variables,  # noqa: F401 - autouse fixture, used by pytest
    key_store,  # noqa: F401 - fixture, used by pytest
    sign_cli,
)

from signing.scan.cli import main as scan_main

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

ARTIFACTS = (
    "kandidaat-0.1.0-linux-x86_64.tar.gz",
    "kandidaat_0.1.0_amd64.deb",
    "kandidaat-0.1.0.cdx.json",
)


def make_release(folder: Path) -> Path:
    """A small release with real archives: tar.gz, .deb, build-info and SHA256SUMS."""
    folder.mkdir(parents=True)
    program = {"kandidaat/README.txt": b"kandidaat 0.1.0\n"}
    (folder / ARTIFACTS[0]).write_bytes(_tar_bytes(program, "w:gz"))
    deb = (
        b"!<arch>\n"
        + _ar_member("debian-binary", b"2.0\n")
        + _ar_member("control.tar.gz", _tar_bytes({"./control": b"Package: kandidaat\n"}, "w:gz"))
        + _ar_member("data.tar.gz", _tar_bytes(program, "w:gz"))
    )
    (folder / ARTIFACTS[1]).write_bytes(deb)
    (folder / ARTIFACTS[2]).write_text('{"bomFormat": "CycloneDX"}\n', encoding="utf-8")
    _write_info_and_sums(folder)
    return folder


def _write_info_and_sums(folder: Path) -> None:
    """build-info.json and SHA256SUMS over the artifacts, as the build writes them."""
    artifacts = {
        name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in ARTIFACTS
    }
    info = {"artifacts": artifacts, "inputs": {"extra_modules": {}}}
    (folder / "build-info.json").write_text(json.dumps(info, sort_keys=True) + "\n")
    lines = [
        f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n"
        for path in sorted(folder.iterdir())
        if path.name != "SHA256SUMS"
    ]
    (folder / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


def _scan(release: Path, report: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    scanned = sorted(path for path in release.iterdir() if path.name != "SHA256SUMS")
    code = scan_main(["--json", *map(str, scanned)])
    text = capsys.readouterr().out
    report.write_text(text, encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    assert code == 0, text
    return data


def test_the_scan_report_lists_each_artifact_with_its_sha256(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = make_release(tmp_path / "uitgave")
    data = _scan(release, tmp_path / "scan.json", capsys)
    expected = [
        {"path": str(path), "sha256": hashlib.sha256(path.read_bytes())}
        for path in sorted(release.iterdir())
        if path.name != "SHA256SUMS"
    ]
    assert [
        {"path": t["path"], "sha256": t["sha256"]}
        for t in data["targets"]  # type: ignore[attr-defined]
    ] == [{"path": e["path"], "sha256": e["sha256"].hexdigest()} for e in expected]


def test_a_release_folder_scanned_as_it_is_gets_signed(
    tmp_path: Path,
    key_store: tuple[Path, Path, bytes],  # noqa: F811 - the fixture imported above
    capsys: pytest.CaptureFixture[str],
) -> None:
    key, _, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    report = tmp_path / "scan.json"
    assert scan_main(["--json", str(release)]) == 0
    report.write_text(capsys.readouterr().out, encoding="utf-8")
    code = sign_cli(release, report, key, passphrase)
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert "ondertekend:" in printed.out


def test_an_artifact_changed_after_the_scan_is_not_signed(
    tmp_path: Path,
    key_store: tuple[Path, Path, bytes],  # noqa: F811 - the fixture imported above
    capsys: pytest.CaptureFixture[str],
) -> None:
    key, _, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    report = tmp_path / "scan.json"
    _scan(release, report, capsys)
    deb = release / ARTIFACTS[1]
    deb.write_bytes(deb.read_bytes() + b"na de scan toegevoegd")
    _write_info_and_sums(release)
    assert sign_cli(release, report, key, passphrase) != 0
    assert "hoort niet bij deze uitgave" in capsys.readouterr().err
