"""Every place a secret can hide in an artifact, and the strings that are not secrets."""

from __future__ import annotations

import base64
import bz2
import datetime as dt
import gzip
import importlib.util
import io
import lzma
import marshal
import py_compile
import secrets
import string
import zipfile
import zlib
from typing import TYPE_CHECKING

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    NoEncryption,
    PrivateFormat,
    pkcs12,
)
from cryptography.x509.oid import NameOID

from signing.scan.scanner import ScanOptions, scan_data, scan_paths

if TYPE_CHECKING:
    from pathlib import Path


def _rules(name: str, data: bytes, **options: tuple[str, ...]) -> set[str]:
    report = scan_data(name, data, ScanOptions(**options))  # type: ignore[arg-type]
    assert report.problems == []
    return {finding.rule for finding in report.findings}


def _random(alphabet: str, length: int) -> str:
    return "".join(secrets.choice(alphabet) for _ in range(length))


ALNUM = string.ascii_letters + string.digits


def test_a_pyc_of_the_running_python_is_unmarshalled_and_its_constants_scanned(
    tmp_path: Path,
) -> None:
    password = f"Herfst-{secrets.token_hex(5)}"
    source = tmp_path / "deploy.py"
    source.write_text(
        f"def connect(host, wachtwoord='{password}'):\n    return host\n", encoding="utf-8"
    )
    compiled = tmp_path / "deploy.cpython.pyc"
    py_compile.compile(str(source), cfile=str(compiled), doraise=True)
    report = scan_paths([compiled], ScanOptions())
    [finding] = report.findings
    assert finding.rule == "credential-assignment"
    assert finding.excerpt.startswith("wachtwoord = ")
    assert password not in finding.excerpt
    assert finding.offset == compiled.read_bytes().index(password.encode()) - 16


def test_keyword_arguments_and_dict_literals_in_code_are_paired_with_their_names() -> None:
    token = secrets.token_urlsafe(12)
    code = compile(
        f"client = Client(api_token='{token}')\nconfig = {{'pincode': '{token}'}}\n", "m", "exec"
    )
    pyc = importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)
    report = scan_data("m.pyc", pyc, ScanOptions())
    excerpts = sorted(f.excerpt.split(" = ")[0] for f in report.findings)
    assert excerpts == ["api_token", "pincode"]


def test_a_pyc_of_another_python_version_falls_back_to_its_strings() -> None:
    key_id = "AKIA" + _random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    code = compile(f"KEY = '{key_id}'\n", "m", "exec")
    other_magic = (3000).to_bytes(2, "little") + b"\r\n"
    assert _rules("old.pyc", other_magic + bytes(12) + marshal.dumps(code)) == {"aws-access-key"}


@pytest.mark.parametrize(
    ("suffix", "compress"),
    [
        ("gz", gzip.compress),
        ("bz2", bz2.compress),
        ("xz", lzma.compress),
        ("zz", zlib.compress),
    ],
)
def test_compressed_streams_are_expanded_before_scanning(suffix: str, compress: object) -> None:
    secret = f"smb://nas01/backup/{secrets.token_hex(4)}"
    assert callable(compress)
    data = compress(f"backup naar {secret}\n".encode())
    assert _rules(f"log.txt.{suffix}", data) == {"smb-url"}


def test_a_zip_renamed_to_something_else_is_still_opened() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("config/.env", "LOG_LEVEL=info\n")
    report = scan_data("resources.dat", buffer.getvalue(), ScanOptions())
    assert [(f.rule, f.location) for f in report.findings] == [
        ("forbidden-file", "resources.dat!config/.env")
    ]


def test_utf16_strings_in_a_binary_are_found_with_their_byte_offset() -> None:
    text = "\\\\buildsrv01\\signing$\\osv.pfx"
    binary = b"MZ\x90\x00" + bytes(range(256)) + text.encode("utf-16-le") + b"\x00\x00" + bytes(64)
    report = scan_data("setup.exe", binary, ScanOptions())
    [finding] = report.findings
    assert finding.rule == "unc-path"
    assert finding.offset == 4 + 256
    assert finding.excerpt == text


def _der_keys() -> dict[str, bytes]:
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return {
        "pkcs8-ec": ec.generate_private_key(ec.SECP256R1()).private_bytes(
            Encoding.DER, PrivateFormat.PKCS8, NoEncryption()
        ),
        "pkcs8-ed25519": ed25519.Ed25519PrivateKey.generate().private_bytes(
            Encoding.DER, PrivateFormat.PKCS8, NoEncryption()
        ),
        "pkcs8-rsa": rsa_key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption()),
        "pkcs1-rsa": rsa_key.private_bytes(
            Encoding.DER, PrivateFormat.TraditionalOpenSSL, NoEncryption()
        ),
        "pkcs8-encrypted": rsa_key.private_bytes(
            Encoding.DER, PrivateFormat.PKCS8, BestAvailableEncryption(b"kanarie-wachtwoord")
        ),
    }


@pytest.mark.parametrize("kind", list(_der_keys()))
def test_der_private_keys_inside_a_binary_are_recognised_by_their_structure(kind: str) -> None:
    der = _der_keys()[kind]
    blob = secrets.token_bytes(1000) + der + secrets.token_bytes(1000)
    report = scan_data("lib.so", blob, ScanOptions())
    keys = [f for f in report.findings if f.rule == "private-key-der"]
    assert [f.offset for f in keys] == [1000]


def _certificate(key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Leverancier Codesigning")])
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )


@pytest.mark.parametrize("password", [None, b"Welkom01"])
def test_a_pkcs12_file_is_found_with_or_without_a_password(password: bytes | None) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    encryption = NoEncryption() if password is None else BestAvailableEncryption(password)
    pfx = pkcs12.serialize_key_and_certificates(b"osv", key, _certificate(key), None, encryption)
    report = scan_data("tools/osv-sign.bin", b"\x00" * 16 + pfx, ScanOptions())
    [finding] = [f for f in report.findings if f.rule == "pkcs12"]
    assert finding.offset == 16
    assert ("met wachtwoord" in finding.excerpt) == (password is not None)


def test_a_certificate_shipped_next_to_its_private_key_is_a_finding_of_its_own() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    bundle = _certificate(key).public_bytes(Encoding.PEM) + pem
    assert _rules("codesign.crt", bundle) == {"private-key-pem", "certificate-with-key"}
    assert _rules("ca.crt", _certificate(key).public_bytes(Encoding.PEM)) == set()


def test_openssh_private_keys_are_found_as_pem_and_as_raw_bytes() -> None:
    key = ed25519.Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, NoEncryption())
    assert _rules("deploy_key", pem) == {"private-key-pem"}
    body = b"".join(pem.splitlines()[1:-1])
    raw = base64.b64decode(body)
    assert _rules("blob.bin", bytes(8) + raw) == {"openssh-private-key"}


def _tokens() -> dict[str, str]:
    return {
        "github-token": "ghp_" + _random(ALNUM, 36),
        "gitlab-token": "glpat-" + _random(ALNUM, 20),
        "slack-token": "xoxb-" + _random(string.digits, 12) + "-" + _random(ALNUM, 24),
        "google-api-key": "AIza" + _random(ALNUM, 35),
        "pypi-token": "pypi-AgEIcHlwaS5vcmc" + _random(ALNUM, 60),
        "npm-token": "npm_" + _random(ALNUM, 36),
        "jwt": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrYW5kaWRhYXQifQ." + _random(ALNUM, 43),
        "azure-sas": "https://x.blob.core.windows.net/c?sv=2022-11-02&sig="
        + _random(ALNUM, 43)
        + "%3D",
    }


@pytest.mark.parametrize("rule", list(_tokens()))
def test_cloud_and_ci_tokens_are_recognised(rule: str) -> None:
    token = _tokens()[rule]
    report = scan_data("notes.txt", f"gebruik: {token}\n".encode(), ScanOptions())
    assert {f.rule for f in report.findings} == {rule}
    assert token not in report.findings[0].excerpt


def test_a_private_jwk_is_recognised() -> None:
    jwk = '{"kty": "OKP", "crv": "Ed25519", "x": "abc", "d": "' + _random(ALNUM, 43) + '"}'
    assert _rules("key.json", jwk.encode()) == {"jwk-private-key"}


@pytest.mark.parametrize(
    "text",
    [
        "password = '%s'",
        "password={password}",
        'password: "${SIGNING_PASSWORD}"',
        "token_type = 'bearer-abc'",
        "def login(self, password: str) -> None:",
        "PASSWORD_PROMPT = 'Wachtwoord: '",
        "https://user:***@example.invalid/",
        "versie 10.0.1.2 van de bibliotheek (version 10.1.2.3)",
        "threading.local() and self._local.value",
        "/home/user/ in the documentation",
        "printf('\\\\x41\\\\x42')",
        "see C:\\Users\\%USERNAME%\\AppData",
        "@cython.internal\ncdef class _ReadOnlyProxy:",
        "from reportlab.lib.corp import black",
        "fonts = 'c:\\\\code\\\\fonts'; system = '\\\\windows\\\\fonts'",
        "private_key = ed25519.Ed25519PrivateKey.from_private_bytes(data)",
        'AttributeOID.CHALLENGE_PASSWORD: "challengePassword",',
        'ExtensionOID.PRIVATE_KEY_USAGE_PERIOD: "privateKeyUsagePeriod",',
        "TOKEN_ENDERS = ',;}) +-*/^&=><%'",
        "DialogPassword            = 0x76",
        "interface org.freedesktop.DBus.Local",
        "requested_by_user=\x00\x00Ooops",
    ],
)
def test_strings_that_only_describe_a_secret_or_look_like_one_are_not_findings(text: str) -> None:
    assert _rules("code.py", text.encode()) == set()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("DB_HOST = '10.20.30.40'", "private-ip"),
        ("server 192.168.178.21 port 445", "private-ip"),
        ("listen 172.20.1.5", "private-ip"),
        ("url = 'https://build01.corp/artifacts'", "internal-host"),
        ("share = 'fs01.prod.intern'", "internal-host"),
        ("cache = '/home/jdevries/.cache/pip'", "home-folder"),
        ("C:\\Users\\Builder\\AppData\\Local\\Temp", "home-folder"),
        ("/Users/marieke/src/kandidaat", "home-folder"),
        ("file://fileserver01/osv/keys/", "smb-url"),
        ("sleutel = 'correct-horse-battery'", "credential-assignment"),
        ("DB_GEBRUIKERSNAAM=osv_admin", "username-assignment"),
        ("export API_KEY=3f9a8b7c6d5e", "credential-assignment"),
        ("share = '\\\\\\\\fs02\\\\sleutels$'", "unc-path"),
        ("mail deploy@build.vendor.lan", "internal-host"),
    ],
)
def test_network_locations_build_paths_and_dutch_credentials_are_found(
    text: str, rule: str
) -> None:
    assert _rules("config.txt", text.encode()) == {rule}


@pytest.mark.parametrize(
    "member",
    [
        ".env",
        ".env.production",
        ".netrc",
        ".npmrc",
        ".git-credentials",
        "home/.aws/credentials",
        "home/.ssh/id_ed25519",
        "id_rsa",
        "secrets/kluis.kdbx",
        "cert/osv.pfx",
        "cert/osv.p12",
        "tls/server.key",
    ],
)
def test_files_that_must_never_ship_are_found_by_their_name(member: str) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "inhoud doet er niet toe\n")
    report = scan_data("app.zip", buffer.getvalue(), ScanOptions())
    assert [f.rule for f in report.findings] == ["forbidden-file"]


def test_public_ssh_keys_and_ordinary_files_are_not_forbidden() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member in ("id_rsa.pub", "identity.py", "keys.py", "environment.txt", "git/config"):
            archive.writestr(member, "niets geheims\n")
    assert scan_data("app.zip", buffer.getvalue(), ScanOptions()).findings == []


def test_a_symbolic_link_is_not_followed_but_its_target_is_scanned(tmp_path: Path) -> None:
    bundle = tmp_path / "dist"
    bundle.mkdir()
    (bundle / "sleutel").symlink_to("/home/jdevries/.ssh/id_ed25519")
    report = scan_paths([bundle], ScanOptions())
    assert [(f.rule, f.location, f.excerpt) for f in report.findings] == [
        ("home-folder", f"{bundle}/sleutel", "/home/jdevries/.ssh/id_ed25519")
    ]


def test_a_pyz_of_another_python_version_is_still_expanded_and_its_strings_scanned() -> None:
    key_id = "AKIA" + _random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
    entry = zlib.compress(marshal.dumps(compile(f"KEY = '{key_id}'\n", "m", "exec")))
    toc = marshal.dumps([("vendor.keys", (0, 12, len(entry)))])
    other_magic = (3000).to_bytes(2, "little") + b"\r\n"
    pyz = b"PYZ\0" + other_magic + (12 + len(entry)).to_bytes(4, "big") + entry + toc
    report = scan_data("PYZ.pyz", pyz, ScanOptions())
    assert report.problems == []
    assert [(f.rule, f.location) for f in report.findings] == [
        ("aws-access-key", "PYZ.pyz!vendor.keys")
    ]
