"""The 2023 incident replayed through the real pipeline: a leaky build is never signed.

One real PyInstaller build (about a minute) of kandidaat plus a module ``vendorcfg``
with a user name and password, a UNC path to a key share, a database URL with
credentials and a PEM private key, all generated now. The leak sits inside the
compressed PYZ of the executable, where grep finds nothing. kandidaat-scan must
report each leak and the signer must refuse, naming each one.

The clean counterpart (the same pipeline with zero findings, signed and verified)
is ``build/release_check.py`` (``make release-check``): a second full build here
would double this test's time.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from kandidaat.common.selfcheck import SIGNATURE_NAME
from signing.sign.cli import main as sign_main
from signing.sign.keys import write_key_file
from signing.sign.secret_input import secret_like_variables

REPO = Path(__file__).resolve().parents[2]
WHEELHOUSE = Path(os.environ.get("KANDIDAAT_OUT", REPO.parent / "out")) / "wheelhouse"


@pytest.fixture(autouse=True)
def _environment_without_password_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """The signer stops on any password-like variable; the machine running tests may have one."""
    for name in secret_like_variables(os.environ):
        monkeypatch.delenv(name)


def leaky_module(path: Path) -> dict[str, str]:
    """Write ``vendorcfg.py`` with fresh fake secrets; return them by kind."""
    pem = (
        ec.generate_private_key(ec.SECP256R1())
        .private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        .decode()
    )
    leaks = {
        "user": f"bouwer{secrets.token_hex(3)}",
        "password": secrets.token_urlsafe(16),
        "unc": rf"\\fs01.intern.vendor.local\codesign$\osv-{secrets.token_hex(3)}.pfx",
        "url": f"postgresql://admin:{secrets.token_urlsafe(12)}@db.intern.vendor.local/osv",
    }
    path.write_text(
        '"""Settings of the installer helper (deliberately leaky test fixture)."""\n'
        f"SIGNING_USER = {leaks['user']!r}\n"
        f"SIGNING_PASS = {leaks['password']!r}\n"
        f"KEY_SHARE = {leaks['unc']!r}\n"
        f"DATABASE_URL = {leaks['url']!r}\n"
        f"SIGNING_KEY = {pem!r}\n",
        encoding="utf-8",
    )
    return leaks


@pytest.mark.slow
def test_a_build_with_leaked_credentials_is_refused_and_every_leak_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("signing.scan.cli", reason="kandidaat-scan is er nog niet")
    module = tmp_path / "vendorcfg.py"
    leaks = leaky_module(module)
    out = tmp_path / "out"
    build = [sys.executable, str(REPO / "build" / "reproducible.py"), "--out", str(out)]
    build += ["--wheelhouse", str(WHEELHOUSE), "--extra-module", str(module)]
    built = subprocess.run(build, capture_output=True, text=True, check=False, timeout=900)
    assert built.returncode == 0, built.stderr[-3000:]
    artifacts = out / "artifacts"
    info = json.loads((artifacts / "build-info.json").read_text(encoding="utf-8"))
    assert set(info["inputs"]["extra_modules"]) == {"vendorcfg"}
    for value in leaks.values():  # compressed inside the PYZ: a plain byte search misses it
        assert (
            value.encode() not in (artifacts / "kandidaat-0.1.0-linux-x86_64.tar.gz").read_bytes()
        )

    scan = [sys.executable, "-m", "signing.scan", str(artifacts), "--json"]
    scanned = subprocess.run(scan, capture_output=True, text=True, check=False, cwd=REPO)
    assert scanned.returncode == 1, scanned.stderr
    report = tmp_path / "scan-report.json"
    report.write_text(scanned.stdout, encoding="utf-8")
    findings = json.loads(scanned.stdout)["findings"]
    in_module = {f["rule"] for f in findings if "vendorcfg" in f["location"]}
    expected = {"username-assignment", "credential-assignment", "unc-path", "url-credentials"}
    assert expected <= in_module
    assert {"private-key-pem", "certificate-with-key", "private-key-der"} & in_module

    keys = tmp_path / "sleutels"
    keys.mkdir()
    passphrase = secrets.token_hex(16).encode()
    write_key_file(keys / "release.p12", passphrase)
    read_end, write_end = os.pipe()
    os.write(write_end, passphrase)
    os.close(write_end)
    argv = ["sign", str(artifacts), "--scan-report", str(report)]
    argv += ["--key-file", str(keys / "release.p12"), "--passphrase-fd", str(read_end)]
    assert sign_main(argv) == 1
    err = capsys.readouterr().err
    assert f"de scan vond {len(findings)} lek(ken); niet ondertekend" in err
    for finding in findings:
        assert f"{finding['rule']}: {finding['location']}" in err
    assert not (artifacts / SIGNATURE_NAME).exists()
