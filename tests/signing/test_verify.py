"""kandidaat-verify: a signed release passes; any change to it is rejected in Dutch."""

from __future__ import annotations

import hashlib
import json
import shutil
from typing import TYPE_CHECKING

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kandidaat.common.selfcheck import (
    EMBEDDED_MANIFEST,
    ManifestError,
    check_files,
    check_installation,
    installed_root,
    parse_manifest,
    self_check,
)
from signing.sign.keys import FileSigner
from signing.sign.signer import sign_release
from signing.verify.cli import main

if TYPE_CHECKING:
    from pathlib import Path

ARTIFACTS = {
    "kandidaat-0.1.0-linux-x86_64.tar.gz": b"\x1f\x8b tar.gz " * 40,
    "kandidaat_0.1.0_amd64.deb": b"!<arch>\n deb",
    "kandidaat-0.1.0.cdx.json": b'{"bomFormat": "CycloneDX"}\n',
}


def _sums(folder: Path) -> str:
    return "".join(
        f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n"
        for path in sorted(folder.iterdir())
        if path.is_file() and not path.name.startswith("SHA256SUMS")
    )


def _pem(key: Ed25519PrivateKey, path: Path) -> Path:
    path.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return path


def make_signed_release(folder: Path, key: Ed25519PrivateKey, files_list: bytes = b"") -> Path:
    """Artifacts, build-info, SHA256SUMS and the signature, made by the real signer."""
    folder.mkdir(parents=True)
    for name, data in ARTIFACTS.items():
        (folder / name).write_bytes(data)
    if files_list:
        (folder / "kandidaat-0.1.0-linux-x86_64.files.sha256").write_bytes(files_list)
    artifacts = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    (folder / "build-info.json").write_text(json.dumps({"artifacts": artifacts}))
    (folder / "SHA256SUMS").write_text(_sums(folder))
    report = folder.parent / f"{folder.name}-scan.json"
    report.write_text(json.dumps({"exit_code": 0, "findings": [], "problems": [], "files": 4}))
    sign_release(folder, report, FileSigner(folder.parent / "in-memory", key))
    return folder


@pytest.fixture
def release(tmp_path: Path) -> tuple[Path, Path]:
    key = Ed25519PrivateKey.generate()
    return make_signed_release(tmp_path / "uitgave", key), _pem(key, tmp_path / "project.pem")


def test_a_signed_release_verifies_and_the_key_fingerprint_is_shown(
    release: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, public = release
    assert main([str(folder), "--public-key", str(public)]) == 0
    out = capsys.readouterr().out
    assert "in orde: handtekening geldig en 4 bestanden gecontroleerd" in out
    assert "sleutel: " in out


def test_the_path_may_also_name_the_sha256sums_file(release: tuple[Path, Path]) -> None:
    folder, public = release
    assert main([str(folder / "SHA256SUMS"), "--public-key", str(public)]) == 0


@pytest.mark.parametrize("name", [*ARTIFACTS, "build-info.json"])
def test_one_flipped_byte_in_any_file_is_rejected_and_the_file_is_named(
    release: tuple[Path, Path], capsys: pytest.CaptureFixture[str], name: str
) -> None:
    folder, public = release
    data = bytearray((folder / name).read_bytes())
    data[len(data) // 2] ^= 0x40
    (folder / name).write_bytes(bytes(data))
    assert main([str(folder), "--public-key", str(public)]) == 1
    assert f"{name}: inhoud gewijzigd (SHA-256 klopt niet)" in capsys.readouterr().err


def test_a_missing_file_is_rejected(
    release: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, public = release
    (folder / "kandidaat_0.1.0_amd64.deb").unlink()
    assert main([str(folder), "--public-key", str(public)]) == 1
    assert "kandidaat_0.1.0_amd64.deb: ontbreekt" in capsys.readouterr().err


def test_an_extra_file_is_rejected(
    release: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, public = release
    (folder / "install-helper.exe").write_bytes(b"MZ")
    assert main([str(folder), "--public-key", str(public)]) == 1
    assert "install-helper.exe: extra bestand, staat niet in de lijst" in capsys.readouterr().err


def test_a_signature_by_another_key_is_rejected(
    release: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = release
    stranger = _pem(Ed25519PrivateKey.generate(), tmp_path / "vreemd.pem")
    assert main([str(folder), "--public-key", str(stranger)]) == 1
    assert "handtekening ongeldig: verkeerde sleutel" in capsys.readouterr().err


def test_a_manifest_swapped_for_another_release_is_rejected_even_if_its_files_match(
    release: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, public = release
    other = tmp_path / "andere-uitgave"
    other.mkdir()
    (other / "kandidaat_0.1.0_amd64.deb").write_bytes(b"!<arch>\n kwaadaardig")
    shutil.copy(other / "kandidaat_0.1.0_amd64.deb", folder / "kandidaat_0.1.0_amd64.deb")
    (folder / "SHA256SUMS").write_text(_sums(folder))  # consistent, but not the signed one
    assert main([str(folder), "--public-key", str(public)]) == 1
    assert "de lijst is gewijzigd of verwisseld" in capsys.readouterr().err


def test_a_missing_signature_cannot_be_checked(
    release: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, public = release
    (folder / "SHA256SUMS.sig").unlink()
    assert main([str(folder), "--public-key", str(public)]) == 2
    assert "SHA256SUMS.sig: de handtekening ontbreekt" in capsys.readouterr().err


def test_a_garbled_signature_file_is_named(
    release: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, public = release
    (folder / "SHA256SUMS.sig").write_text("geen base64 !!\n")
    assert main([str(folder), "--public-key", str(public)]) == 2
    assert "geen geldige base64-handtekening" in capsys.readouterr().err


def test_a_public_key_of_another_type_is_refused(
    release: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = release
    p256 = tmp_path / "p256.pem"
    p256.write_bytes(
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    assert main([str(folder), "--public-key", str(p256)]) == 2
    assert "geen Ed25519-sleutel" in capsys.readouterr().err


def test_a_release_folder_that_does_not_exist_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    public = _pem(Ed25519PrivateKey.generate(), tmp_path / "k.pem")
    assert main([str(tmp_path / "nergens"), "--public-key", str(public)]) == 2
    assert "nergens: map van de uitgave bestaat niet" in capsys.readouterr().err


def _installation(root: Path) -> bytes:
    (root / "_internal").mkdir(parents=True)
    (root / "kandidaat").write_bytes(b"\x7fELF")
    (root / "_internal" / "libpython3.11.so.1.0").write_bytes(b"lib")
    listing = "".join(
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(root).as_posix()}\n"
        for p in sorted(root.rglob("*"))
        if p.is_file()
    ).encode()
    (root / EMBEDDED_MANIFEST).write_bytes(listing)
    return listing


def test_an_installed_copy_is_checked_through_the_signed_file_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = Ed25519PrivateKey.generate()
    listing = _installation(tmp_path / "opt" / "kandidaat")
    folder = make_signed_release(tmp_path / "uitgave", key, listing)
    public = _pem(key, tmp_path / "k.pem")
    installed = tmp_path / "opt" / "kandidaat"
    argv = [str(folder), "--public-key", str(public), "--installed", str(installed)]
    assert main(argv) == 0
    assert "2 bestanden gecontroleerd" in capsys.readouterr().out
    (installed / "_internal" / "libpython3.11.so.1.0").write_bytes(b"lib met achterdeur")
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "_internal/libpython3.11.so.1.0: inhoud gewijzigd" in err


def test_an_installation_whose_file_list_is_not_the_signed_one_is_rejected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = Ed25519PrivateKey.generate()
    listing = _installation(tmp_path / "opt" / "kandidaat")
    folder = make_signed_release(tmp_path / "uitgave", key, listing)
    installed = tmp_path / "opt" / "kandidaat"
    (installed / "kandidaat").write_bytes(b"\x7fELF vervangen")
    (installed / EMBEDDED_MANIFEST).write_text(
        "".join(
            f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(installed).as_posix()}\n"
            for p in sorted(installed.rglob("*"))
            if p.is_file() and p.name != "kandidaat-files.sha256"
        )
    )
    public = _pem(key, tmp_path / "k.pem")
    argv = [str(folder), "--public-key", str(public), "--installed", str(installed)]
    assert main(argv) == 1
    assert "hoort niet bij de ondertekende uitgave" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a" * 64 + "  ../../etc/passwd\n", "onveilig pad '../../etc/passwd'"),
        ("a" * 64 + "  /etc/passwd\n", "onveilig pad '/etc/passwd'"),
        ("a" * 64 + "  x\n" + "b" * 64 + "  x\n", "regel 2: 'x' staat er twee keer in"),
        ("A" * 64 + "  x\n", "regel 1: geen regel '<sha256>  <bestand>'"),
        ("a" * 64 + " x\n", "regel 1: geen regel"),
        ("", "de lijst is leeg"),
    ],
)
def test_a_malformed_or_unsafe_manifest_is_refused_with_its_line(text: str, message: str) -> None:
    with pytest.raises(ManifestError, match=message):
        parse_manifest(text, "SHA256SUMS")


def test_a_library_link_inside_the_installation_counts_as_its_target_but_one_outside_fails(
    tmp_path: Path,
) -> None:
    root = tmp_path / "opt" / "kandidaat"
    (root / "_internal" / "pillow.libs").mkdir(parents=True)
    (root / "_internal" / "pillow.libs" / "libjpeg.so.62").write_bytes(b"jpeg")
    (root / "_internal" / "libjpeg.so.62").symlink_to("pillow.libs/libjpeg.so.62")
    digest = hashlib.sha256(b"jpeg").hexdigest()
    entries = parse_manifest(
        f"{digest}  _internal/libjpeg.so.62\n{digest}  _internal/pillow.libs/libjpeg.so.62\n",
        "lijst",
    )
    assert check_files(root, entries).ok
    outside = tmp_path / "elders.so"
    outside.write_bytes(b"jpeg")
    (root / "_internal" / "libjpeg.so.62").unlink()
    (root / "_internal" / "libjpeg.so.62").symlink_to(outside)
    result = check_files(root, entries)
    assert result.problems == [f"_internal/libjpeg.so.62: link wijst buiten {root}"]


def test_the_installed_program_checks_its_own_files_without_the_release(tmp_path: Path) -> None:
    root = tmp_path / "opt" / "kandidaat"
    _installation(root)
    assert check_installation(root).ok
    assert check_installation(root).checked == 2
    (root / "_internal" / "extra.so").write_bytes(b"ingeschoven")
    (root / "kandidaat").write_bytes(b"\x7fELF vervangen")
    assert check_installation(root).problems == [
        "kandidaat: inhoud gewijzigd (SHA-256 klopt niet)",
        "_internal/extra.so: extra bestand, staat niet in de lijst",
    ]
    (root / EMBEDDED_MANIFEST).unlink()
    with pytest.raises(ManifestError, match="de bestandenlijst van de installatie ontbreekt"):
        check_installation(root)


def test_outside_a_frozen_program_there_is_no_installation_to_check() -> None:
    assert installed_root() is None


def test_the_self_check_reports_in_dutch_with_exit_codes_for_each_case(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    root = tmp_path / "opt" / "kandidaat"
    folder = make_signed_release(tmp_path / "uitgave", key, _installation(root))
    public = _pem(key, tmp_path / "k.pem")
    code, lines = self_check(root)
    assert code == 0
    expected = (
        "zelfcontrole tegen de eigen bestandenlijst (herkomst niet gecontroleerd): "
        f"in orde, 2 bestanden in {root}"
    )
    assert lines == [expected]
    code, lines = self_check(root, folder, public)
    assert code == 0
    assert lines[0].startswith(f"zelfcontrole tegen de ondertekende uitgave in {folder}")
    (root / "kandidaat").write_bytes(b"ander programma")
    code, lines = self_check(root, folder, public)
    assert (code, lines[1]) == (1, "  kandidaat: inhoud gewijzigd (SHA-256 klopt niet)")
    assert self_check(root, folder, None)[0] == 2
    assert self_check(None)[0] == 2  # run from source, not frozen
