"""kandidaat-sign: it signs a clean, matching release and refuses everything else."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kandidaat.common.selfcheck import SIGNATURE_NAME, decode_signature, load_public_key
from signing.sign.cli import main
from signing.sign.keys import write_key_file
from signing.sign.secret_input import secret_like_variables
from signing.verify.cli import main as verify_main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _environment_without_password_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """The signer stops on any password-like variable; the machine running tests may have one."""
    for name in secret_like_variables(os.environ):
        monkeypatch.delenv(name)


def make_release(folder: Path) -> Path:
    """A release folder as the build writes it: artifacts, build-info, SBOM, SHA256SUMS."""
    folder.mkdir(parents=True)
    (folder / "kandidaat-0.1.0-linux-x86_64.tar.gz").write_bytes(b"tar.gz bytes " * 50)
    (folder / "kandidaat_0.1.0_amd64.deb").write_bytes(b"!<arch>\ndeb bytes")
    (folder / "kandidaat-0.1.0.cdx.json").write_text('{"bomFormat": "CycloneDX"}\n')
    artifacts = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir()
    }
    info = {"artifacts": artifacts, "inputs": {"extra_modules": {}}}
    (folder / "build-info.json").write_text(json.dumps(info, sort_keys=True) + "\n")
    lines = [
        f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n"
        for path in sorted(folder.iterdir())
    ]
    (folder / "SHA256SUMS").write_text("".join(lines))
    return folder


def clean_report(path: Path) -> Path:
    report = {"exit_code": 0, "findings": [], "problems": [], "files": 4, "members": 9}
    path.write_text(json.dumps(report))
    return path


@pytest.fixture(scope="module")
def key_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, bytes]:
    """An encrypted key file outside the repository, its public key and passphrase."""
    folder = tmp_path_factory.mktemp("sleutels")
    passphrase = os.urandom(24).hex().encode()
    public = write_key_file(folder / "release.p12", passphrase)
    pem = public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    (folder / "release.pub.pem").write_bytes(pem)
    return folder / "release.p12", folder / "release.pub.pem", passphrase


def sign_cli(release: Path, report: Path | None, key: Path, passphrase: bytes, *extra: str) -> int:
    """Run ``kandidaat-sign sign`` with the passphrase on a pipe (never argv/environment)."""
    read_end, write_end = os.pipe()
    os.write(write_end, passphrase + b"\n")
    os.close(write_end)
    argv = ["sign", str(release), "--key-file", str(key), "--passphrase-fd", str(read_end)]
    if report is not None:
        argv += ["--scan-report", str(report)]
    try:
        return main([*argv, *extra])
    finally:
        with contextlib.suppress(OSError):  # the signer closes it after reading
            os.close(read_end)


def test_a_clean_release_is_signed_and_the_signature_verifies(
    tmp_path: Path, key_store: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    key, public, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    code = sign_cli(release, clean_report(tmp_path / "scan.json"), key, passphrase)
    assert code == 0
    assert "ondertekend:" in capsys.readouterr().out
    signature = decode_signature((release / SIGNATURE_NAME).read_bytes(), SIGNATURE_NAME)
    load_public_key(public).verify(signature, (release / "SHA256SUMS").read_bytes())
    assert stat.S_IMODE((release / SIGNATURE_NAME).stat().st_mode) == 0o644
    assert verify_main([str(release), "--public-key", str(public)]) == 0


def test_signing_is_refused_without_a_scan_report(
    tmp_path: Path, key_store: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    key, _, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    assert sign_cli(release, None, key, passphrase) == 1
    assert "geen scanrapport" in capsys.readouterr().err
    assert not (release / SIGNATURE_NAME).exists()


def test_signing_is_refused_when_the_scan_report_file_is_missing(
    tmp_path: Path, key_store: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    key, _, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    assert sign_cli(release, tmp_path / "bestaat-niet.json", key, passphrase) == 1
    assert "scanrapport ontbreekt" in capsys.readouterr().err
    assert not (release / SIGNATURE_NAME).exists()


def test_signing_is_refused_when_the_scan_found_leaks_and_each_leak_is_named(
    tmp_path: Path, key_store: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    key, _, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    findings = [
        {"rule": "unc-path", "location": "k.tar.gz!_internal/PYZ.pyz!vendorcfg", "excerpt": ""},
        {"rule": "pem-private-key", "location": "k.tar.gz!_internal/key.pem", "excerpt": ""},
    ]
    report = tmp_path / "scan.json"
    report.write_text(json.dumps({"exit_code": 1, "findings": findings, "files": 4}))
    assert sign_cli(release, report, key, passphrase) == 1
    err = capsys.readouterr().err
    assert "de scan vond 2 lek(ken); niet ondertekend" in err
    assert "unc-path: k.tar.gz!_internal/PYZ.pyz!vendorcfg" in err
    assert "pem-private-key: k.tar.gz!_internal/key.pem" in err
    assert not (release / SIGNATURE_NAME).exists()


def test_signing_is_refused_when_part_of_the_release_could_not_be_scanned(
    tmp_path: Path, key_store: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    key, _, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    problem = {"location": "k.tar.gz", "message": "te diep genest"}
    report = tmp_path / "scan.json"
    report.write_text(json.dumps({"exit_code": 2, "findings": [], "problems": [problem]}))
    assert sign_cli(release, report, key, passphrase) == 1
    assert "konden niet gescand worden" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("flip", "kandidaat_0.1.0_amd64.deb: inhoud gewijzigd"),
        ("remove", "kandidaat_0.1.0_amd64.deb: ontbreekt"),
        ("extra", "achterdeur.sh: extra bestand, staat niet in de lijst"),
    ],
)
def test_signing_is_refused_when_the_manifest_does_not_match_the_artifacts(
    tmp_path: Path,
    key_store: tuple[Path, Path, bytes],
    capsys: pytest.CaptureFixture[str],
    change: str,
    message: str,
) -> None:
    key, _, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    deb = release / "kandidaat_0.1.0_amd64.deb"
    if change == "flip":
        data = bytearray(deb.read_bytes())
        data[3] ^= 0x01
        deb.write_bytes(bytes(data))
    elif change == "remove":
        deb.unlink()
    else:
        (release / "achterdeur.sh").write_text("#!/bin/sh\n")
    assert sign_cli(release, clean_report(tmp_path / "scan.json"), key, passphrase) == 1
    err = capsys.readouterr().err
    assert "SHA256SUMS klopt niet met de artefacten" in err
    assert message in err
    assert not (release / SIGNATURE_NAME).exists()


def test_a_leaky_test_build_is_never_signed_even_with_a_clean_scan(
    tmp_path: Path, key_store: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    key, _, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    info = json.loads((release / "build-info.json").read_text())
    info["inputs"]["extra_modules"] = {"vendorcfg": "0" * 64}
    (release / "build-info.json").write_text(json.dumps(info))
    sums = "".join(
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n"
        for p in sorted(release.iterdir())
        if p.name != "SHA256SUMS"
    )
    (release / "SHA256SUMS").write_text(sums)
    assert sign_cli(release, clean_report(tmp_path / "scan.json"), key, passphrase) == 1
    assert "testbuild met extra modules (vendorcfg)" in capsys.readouterr().err


def test_a_key_file_inside_the_repository_is_refused_before_the_passphrase_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = make_release(tmp_path / "uitgave")
    inside = REPO / "docs" / "release.p12"  # never created: the refusal comes first
    code = main(
        ["sign", str(release), "--scan-report", str(clean_report(tmp_path / "s.json")),
         "--key-file", str(inside), "--passphrase-fd", "99"]
    )  # fmt: skip
    assert code == 2
    assert f"sleutelbestand {inside} ligt in de repository ({REPO})" in capsys.readouterr().err


def test_a_key_file_in_the_build_workspace_is_refused_also_through_a_symlink(
    tmp_path: Path, key_store: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    key, _, passphrase = key_store
    workspace = tmp_path / "out"
    release = make_release(workspace / "artifacts")
    (workspace / ".kandidaat-build-workspace").write_text("werkmap\n")
    hidden = workspace / "work" / "home" / "release.p12"
    hidden.parent.mkdir(parents=True)
    hidden.write_bytes(key.read_bytes())
    hidden.chmod(0o600)
    link = tmp_path / "elders" / "sleutel.p12"
    link.parent.mkdir()
    link.symlink_to(hidden)
    assert sign_cli(release, clean_report(tmp_path / "scan.json"), link, passphrase) == 2
    assert f"ligt in de werkmap van de build ({workspace})" in capsys.readouterr().err
    assert not (release / SIGNATURE_NAME).exists()


def test_a_passphrase_in_the_environment_is_refused(
    tmp_path: Path,
    key_store: tuple[Path, Path, bytes],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key, _, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    monkeypatch.setenv("KANDIDAAT_SIGN_PASSPHRASE", passphrase.decode())
    assert sign_cli(release, clean_report(tmp_path / "scan.json"), key, passphrase) == 2
    err = capsys.readouterr().err
    assert "KANDIDAAT_SIGN_PASSPHRASE lijken een wachtwoord of pincode te bevatten" in err
    assert passphrase.decode() not in err
    assert not (release / SIGNATURE_NAME).exists()


def test_there_is_no_command_line_option_that_takes_a_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = make_release(tmp_path / "uitgave")
    with pytest.raises(SystemExit) as stopped:
        main(["sign", str(release), "--passphrase", "geheim-uit-argv"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "onbekende argumenten: --passphrase (waarden niet getoond)" in err
    assert "geheim-uit-argv" not in err


def test_without_a_descriptor_or_a_terminal_the_signer_does_not_guess_a_passphrase(
    tmp_path: Path,
    key_store: tuple[Path, Path, bytes],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key, _, _ = key_store
    release = make_release(tmp_path / "uitgave")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    argv = ["sign", str(release), "--scan-report", str(clean_report(tmp_path / "s.json"))]
    assert main([*argv, "--key-file", str(key)]) == 2
    assert "geen terminal om naar te vragen" in capsys.readouterr().err


def test_a_wrong_passphrase_is_a_clear_dutch_error(
    tmp_path: Path, key_store: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    key, _, _ = key_store
    release = make_release(tmp_path / "uitgave")
    assert sign_cli(release, clean_report(tmp_path / "scan.json"), key, b"fout-wachtwoord") == 2
    assert f"{key}: wachtwoord onjuist of bestand beschadigd" in capsys.readouterr().err


def test_an_unencrypted_key_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = make_release(tmp_path / "uitgave")
    plain = tmp_path / "sleutels" / "open.pem"
    plain.parent.mkdir()
    plain.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    plain.chmod(0o600)
    assert sign_cli(release, clean_report(tmp_path / "scan.json"), plain, b"wat-dan-ook") == 2
    assert "sleutelbestand is niet versleuteld" in capsys.readouterr().err


def test_a_key_file_readable_by_others_is_refused(
    tmp_path: Path, key_store: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    key, _, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    loose = tmp_path / "sleutels" / "los.p12"
    loose.parent.mkdir()
    loose.write_bytes(key.read_bytes())
    loose.chmod(0o644)
    assert sign_cli(release, clean_report(tmp_path / "scan.json"), loose, passphrase) == 2
    assert "toegankelijk voor anderen (rechten 0644)" in capsys.readouterr().err


def test_a_signed_release_is_not_signed_again(
    tmp_path: Path, key_store: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    key, _, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    report = clean_report(tmp_path / "scan.json")
    assert sign_cli(release, report, key, passphrase) == 0
    first = (release / SIGNATURE_NAME).read_bytes()
    assert sign_cli(release, report, key, passphrase) == 2
    assert "deze uitgave is al ondertekend" in capsys.readouterr().err
    assert (release / SIGNATURE_NAME).read_bytes() == first


def test_a_key_that_is_not_the_expected_public_key_does_not_sign(
    tmp_path: Path, key_store: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    key, _, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    other = tmp_path / "ander.pub.pem"
    other.write_bytes(
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    report = clean_report(tmp_path / "scan.json")
    assert sign_cli(release, report, key, passphrase, "--public-key", str(other)) == 2
    assert "is niet de verwachte sleutel" in capsys.readouterr().err
    assert not (release / SIGNATURE_NAME).exists()


def test_keygen_writes_a_private_key_only_its_owner_can_read_and_never_overwrites_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sleutels"
    folder.mkdir()
    secret = os.urandom(16).hex().encode()
    read_end, write_end = os.pipe()
    os.write(write_end, secret)
    os.close(write_end)
    argv = ["keygen", "--key-file", str(folder / "k.p12"), "--public-key-out"]
    assert main([*argv, str(folder / "k.pub.pem"), "--passphrase-fd", str(read_end)]) == 0
    assert stat.S_IMODE((folder / "k.p12").stat().st_mode) == 0o600
    assert secret not in (folder / "k.p12").read_bytes()
    assert "vingerafdruk:" in capsys.readouterr().out
    read_end, write_end = os.pipe()
    os.write(write_end, secret)
    os.close(write_end)
    assert main([*argv, str(folder / "k2.pub.pem"), "--passphrase-fd", str(read_end)]) == 2
    assert "bestaat al; overschrijf nooit een sleutel" in capsys.readouterr().err


def test_a_scan_report_that_lists_other_files_than_this_release_is_refused(
    tmp_path: Path, key_store: tuple[Path, Path, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    key, _, passphrase = key_store
    release = make_release(tmp_path / "uitgave")
    targets = [
        {"path": str(path), "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
        for path in sorted(release.iterdir())
    ]
    report = tmp_path / "scan.json"
    report.write_text(json.dumps({"findings": [], "files": 5, "targets": targets}))
    assert sign_cli(release, report, key, passphrase) == 0
    (release / "SHA256SUMS.sig").unlink()
    deb = next(t for t in targets if t["path"].endswith(".deb"))
    deb["sha256"] = "0" * 64  # the scan saw another .deb than the one being signed
    report.write_text(json.dumps({"findings": [], "files": 5, "targets": targets}))
    assert sign_cli(release, report, key, passphrase) == 1
    err = capsys.readouterr().err
    assert "(kandidaat_0.1.0_amd64.deb niet of in een andere versie gescand)" in err
    assert not (release / SIGNATURE_NAME).exists()
