"""Signing with a key that never leaves its token (SoftHSM2 through PKCS#11).

A throw-away SoftHSM2 token is created in a temporary folder for this module. Its
user PIN and SO PIN are generated here with ``secrets`` (softhsm2-util only takes
them as arguments when it initialises a token; that throw-away token is the only
place a PIN ever appears in argv). The signer itself reads the PIN from a pipe.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kandidaat.common.selfcheck import SIGNATURE_NAME
from signing.sign.cli import main
from signing.sign.secret_input import secret_like_variables
from signing.verify.cli import main as verify_main

if TYPE_CHECKING:
    from collections.abc import Iterator

pkcs11 = pytest.importorskip("pkcs11", reason="python-pkcs11 is niet geïnstalleerd")

MODULES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")
MODULE = next((Path(m) for m in MODULES if Path(m).is_file()), None)
SOFTHSM_UTIL = shutil.which("softhsm2-util")
pytestmark = pytest.mark.skipif(
    MODULE is None or SOFTHSM_UTIL is None, reason="SoftHSM2 is niet geïnstalleerd"
)
SLOT_NAME = "kandidaat-test"  # the token's label (not a secret)


@pytest.fixture(autouse=True)
def _environment_without_password_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """The signer stops on any password-like variable; the machine running tests may have one."""
    for name in secret_like_variables(os.environ):
        monkeypatch.delenv(name)


def _conf(folder: Path, tokens: Path) -> Path:
    tokens.mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    return conf


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[bytes]:
    """A fresh token; yields its user PIN. ``SOFTHSM2_CONF`` is set for the module."""
    folder = tmp_path_factory.mktemp("softhsm")
    conf = _conf(folder, folder / "tokens")
    pin, so_pin = secrets.token_hex(8), secrets.token_hex(8)
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    command = [str(SOFTHSM_UTIL), "--init-token", "--free", "--label", SLOT_NAME]
    subprocess.run(
        [*command, "--pin", pin, "--so-pin", so_pin], env=env, check=True, capture_output=True
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOFTHSM2_CONF", str(conf))
        yield pin.encode()


def _fd(secret: bytes) -> str:
    read_end, write_end = os.pipe()
    os.write(write_end, secret + b"\n")
    os.close(write_end)
    return str(read_end)


def _token_args(key_label: str, pin: bytes) -> list[str]:
    return ["--pkcs11-module", str(MODULE), "--token-label", SLOT_NAME, "--key-label", key_label,
            "--pin-fd", _fd(pin)]  # fmt: skip


def _release(folder: Path) -> tuple[Path, Path]:
    import hashlib  # noqa: PLC0415 - only this helper needs it

    folder.mkdir(parents=True)
    (folder / "kandidaat_0.1.0_amd64.deb").write_bytes(b"!<arch>\n deb")
    (folder / "kandidaat-0.1.0.cdx.json").write_text("{}\n")
    digests = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    (folder / "build-info.json").write_text(json.dumps({"artifacts": digests}))
    (folder / "SHA256SUMS").write_text(
        "".join(
            f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n"
            for p in sorted(folder.iterdir())
        )
    )
    report = folder.parent / "scan.json"
    report.write_text(json.dumps({"exit_code": 0, "findings": [], "problems": [], "files": 3}))
    return folder, report


def test_a_key_made_inside_the_token_cannot_be_exported_and_signs_a_release_that_verifies(
    tmp_path: Path, token: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    public = tmp_path / "token.pub.pem"
    assert main(["token-keygen", "--public-key-out", str(public), *_token_args("rel", token)]) == 0
    lib = pkcs11.lib(str(MODULE))
    with lib.get_token(token_label=SLOT_NAME).open(user_pin=token.decode()) as session:
        private = session.get_key(object_class=pkcs11.ObjectClass.PRIVATE_KEY, label="rel")
        assert private[pkcs11.Attribute.EXTRACTABLE] is False
        assert private[pkcs11.Attribute.NEVER_EXTRACTABLE] is True
        assert private[pkcs11.Attribute.SENSITIVE] is True
        with pytest.raises(pkcs11.exceptions.PKCS11Error):
            private[pkcs11.Attribute.VALUE]
    release, report = _release(tmp_path / "uitgave")
    argv = ["sign", str(release), "--scan-report", str(report), "--public-key", str(public)]
    assert main([*argv, *_token_args("rel", token)]) == 0
    assert f"token '{SLOT_NAME}', sleutel 'rel'" in capsys.readouterr().out
    assert verify_main([str(release), "--public-key", str(public)]) == 0


def test_a_wrong_pin_is_a_clear_dutch_error(
    tmp_path: Path, token: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    release, report = _release(tmp_path / "uitgave")
    argv = ["sign", str(release), "--scan-report", str(report)]
    assert main([*argv, *_token_args("rel", b"0000" + token)]) == 2
    assert f"token '{SLOT_NAME}': openen of inloggen mislukt" in capsys.readouterr().err
    assert not (release / SIGNATURE_NAME).exists()


def test_a_token_key_that_was_ever_extractable_is_refused(
    tmp_path: Path, token: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = pkcs11.lib(str(MODULE))
    ec_util = pytest.importorskip("pkcs11.util.ec")
    with lib.get_token(token_label=SLOT_NAME).open(rw=True, user_pin=token.decode()) as session:
        session.generate_keypair(
            pkcs11.KeyType.EC_EDWARDS,
            mechanism=pkcs11.Mechanism.EC_EDWARDS_KEY_PAIR_GEN,
            public_template={
                pkcs11.Attribute.EC_PARAMS: ec_util.encode_named_curve_parameters("1.3.101.112"),
                pkcs11.Attribute.LABEL: "exporteerbaar",
                pkcs11.Attribute.TOKEN: True,
            },
            private_template={
                pkcs11.Attribute.LABEL: "exporteerbaar",
                pkcs11.Attribute.TOKEN: True,
                pkcs11.Attribute.EXTRACTABLE: True,
                pkcs11.Attribute.SENSITIVE: False,
            },
            store=True,
        )
    release, report = _release(tmp_path / "uitgave")
    argv = ["sign", str(release), "--scan-report", str(report)]
    assert main([*argv, *_token_args("exporteerbaar", token)]) == 2
    assert "is ooit exporteerbaar geweest" in capsys.readouterr().err
    assert not (release / SIGNATURE_NAME).exists()


def test_a_token_stored_inside_the_build_workspace_is_refused(
    tmp_path: Path,
    token: bytes,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace = tmp_path / "out"
    release, report = _release(workspace / "artifacts")
    (workspace / ".kandidaat-build-workspace").write_text("werkmap\n")
    conf = _conf(tmp_path, workspace / "work" / "tokens")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    argv = ["sign", str(release), "--scan-report", str(report)]
    token_args = _token_args("rel", token)[:-1]  # without the descriptor's number
    assert main([*argv, *token_args, "99"]) == 2  # fd 99 is not open: never read
    assert "tokenopslag (SoftHSM2)" in capsys.readouterr().err
    assert not (release / SIGNATURE_NAME).exists()
