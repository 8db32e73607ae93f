"""The Windows signing step, tested offline: Authenticode with osslsigncode on a PE.

The PE (a console program that returns at once) and the whole test PKI (root CA and
code-signing certificate) are made here at test time; nothing is committed. This is
the step docs/release.md plans for the Windows installer; the real certificate lives
in a token and the release adds an RFC 3161 timestamp, which needs the network.
"""

from __future__ import annotations

import datetime as dt
import shutil
import struct
import subprocess
from typing import TYPE_CHECKING

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

if TYPE_CHECKING:
    from pathlib import Path

OSSLSIGNCODE = shutil.which("osslsigncode")
pytestmark = pytest.mark.skipif(OSSLSIGNCODE is None, reason="osslsigncode is niet geïnstalleerd")
CHECKSUM_AT = 0x40 + 4 + 20 + 64  # PE header, COFF header, optional header offset 64
SIGNING_TIME = "1767225600"  # 2026-01-01T00:00:00Z, fixed so that signatures repeat


def tiny_pe() -> bytes:
    """A minimal valid PE32+ console program: headers and one .text section with ``ret``."""
    dos = b"MZ" + b"\0" * 58 + struct.pack("<I", 0x40)
    coff = struct.pack("<HHIIIHH", 0x8664, 1, 0, 0, 0, 240, 0x0022)
    standard = struct.pack("<HBBIIIII", 0x20B, 14, 0, 0x200, 0, 0, 0x1000, 0x1000)
    windows = struct.pack(
        "<QIIHHHHHHIIIIHHQQQQII",
        0x140000000, 0x1000, 0x200, 6, 0, 0, 0, 6, 0, 0, 0x2000, 0x200, 0, 3, 0x8160,
        0x100000, 0x1000, 0x100000, 0x1000, 0, 16,
    )  # fmt: skip
    directories = b"\0" * (16 * 8)
    section = b".text\0\0\0" + struct.pack("<IIIIIIHHI", 0x10, 0x1000, 0x200, 0x200, 0, 0, 0, 0,
                                           0x60000020)  # fmt: skip
    headers = dos + b"PE\0\0" + coff + standard + windows + directories + section
    image = bytearray(headers.ljust(0x200, b"\0") + b"\xc3".ljust(0x200, b"\0"))
    image[CHECKSUM_AT : CHECKSUM_AT + 4] = struct.pack("<I", pe_checksum(bytes(image)))
    return bytes(image)


def pe_checksum(image: bytes) -> int:
    """The PE optional-header checksum: 16-bit one's-complement-style sum plus the length."""
    total = 0
    for offset in range(0, len(image), 2):
        if CHECKSUM_AT <= offset < CHECKSUM_AT + 4:
            continue
        total += int.from_bytes(image[offset : offset + 2], "little")
        total = (total & 0xFFFF) + (total >> 16)
    return ((total & 0xFFFF) + (total >> 16) + len(image)) & 0xFFFFFFFF


def _key_usage(*, digital_signature: bool = False, cert_sign: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_test_pki(folder: Path) -> tuple[Path, Path, Path]:
    """A root CA and a code-signing certificate under it, valid around now."""
    now = dt.datetime.now(dt.UTC)
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = (
        x509.CertificateBuilder()
        .subject_name(_name("kandidaat test-CA"))
        .issuer_name(_name("kandidaat test-CA"))
        .public_key(root_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=400))
        .not_valid_after(now + dt.timedelta(days=400))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            _key_usage(cert_sign=True),
            critical=True,
        )
        .sign(root_key, hashes.SHA256())
    )
    leaf_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    leaf = (
        x509.CertificateBuilder()
        .subject_name(_name("kandidaat test-ondertekenaar"))
        .issuer_name(root.subject)
        .public_key(leaf_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=365))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
        .add_extension(
            _key_usage(digital_signature=True),
            critical=True,
        )
        .sign(root_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    (folder / "root.pem").write_bytes(root.public_bytes(pem))
    (folder / "leaf.pem").write_bytes(leaf.public_bytes(pem))
    key = folder / "leaf.key"
    key.write_bytes(
        leaf_key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    key.chmod(0o600)
    return folder / "root.pem", folder / "leaf.pem", key


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """One test PKI for the module (RSA key generation is the slow part)."""
    return make_test_pki(tmp_path_factory.mktemp("pki"))


def _tool(*args: str) -> subprocess.CompletedProcess[str]:
    assert OSSLSIGNCODE is not None
    return subprocess.run([OSSLSIGNCODE, *args], capture_output=True, text=True, check=False)


def _sign(source: Path, target: Path, cert: Path, key: Path) -> None:
    result = _tool(
        "sign", "-certs", str(cert), "-key", str(key), "-h", "sha256", "-n", "kandidaat",
        "-time", SIGNING_TIME, "-in", str(source), "-out", str(target),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_a_signed_pe_verifies_against_the_test_ca_and_signing_is_repeatable(
    tmp_path: Path, pki: tuple[Path, Path, Path]
) -> None:
    root, cert, key = pki
    unsigned = tmp_path / "kandidaat-setup.exe"
    unsigned.write_bytes(tiny_pe())
    _sign(unsigned, tmp_path / "a.exe", cert, key)
    _sign(unsigned, tmp_path / "b.exe", cert, key)
    assert (tmp_path / "a.exe").read_bytes() == (tmp_path / "b.exe").read_bytes()
    verified = _tool("verify", "-CAfile", str(root), "-in", str(tmp_path / "a.exe"))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "Signature verification: ok" in verified.stdout


def test_removing_the_signature_gives_back_the_unsigned_reproducible_bytes(
    tmp_path: Path, pki: tuple[Path, Path, Path]
) -> None:
    _, cert, key = pki
    unsigned = tmp_path / "kandidaat-setup.exe"
    unsigned.write_bytes(tiny_pe())
    _sign(unsigned, tmp_path / "signed.exe", cert, key)
    stripped = tmp_path / "stripped.exe"
    result = _tool("remove-signature", "-in", str(tmp_path / "signed.exe"), "-out", str(stripped))
    assert result.returncode == 0, result.stderr
    assert stripped.read_bytes() == unsigned.read_bytes()


def test_a_changed_byte_after_signing_fails_verification(
    tmp_path: Path, pki: tuple[Path, Path, Path]
) -> None:
    root, cert, key = pki
    unsigned = tmp_path / "kandidaat-setup.exe"
    unsigned.write_bytes(tiny_pe())
    _sign(unsigned, tmp_path / "signed.exe", cert, key)
    data = bytearray((tmp_path / "signed.exe").read_bytes())
    data[0x200] = 0x90  # the program's first instruction
    (tmp_path / "signed.exe").write_bytes(bytes(data))
    verified = _tool("verify", "-CAfile", str(root), "-in", str(tmp_path / "signed.exe"))
    assert verified.returncode != 0
    assert "Signature verification: ok" not in verified.stdout
