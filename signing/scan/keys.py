r"""Private keys in binary form, recognised by their ASN.1 structure.

A PEM key is text and the PEM rule finds it; a DER key is bytes. We look for the
object identifiers that only occur inside key structures, then check the bytes in
front of them and the lengths, so random bytes that happen to contain an OID do not
count:

- PKCS#8 ``PrivateKeyInfo``: SEQUENCE { INTEGER 0, SEQUENCE { OID rsaEncryption |
  id-ecPublicKey | Ed25519 | Ed448 | X25519 | X448, ... }, OCTET STRING }
- PKCS#8 ``EncryptedPrivateKeyInfo``: SEQUENCE { SEQUENCE { OID PBES2, ... }, OCTET STRING }
- PKCS#1 ``RSAPrivateKey``: SEQUENCE { INTEGER 0, INTEGER n (512 bits or more), INTEGER e, ... }
- PKCS#12 ``PFX``: SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-data, ... } }; loading it
  with cryptography tells whether it opens without a password.
- OpenSSH's binary key format: ``openssh-key-v1\0`` followed by the cipher name.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.serialization import load_der_private_key, pkcs12

if TYPE_CHECKING:
    from collections.abc import Iterator

_KEY_OIDS = {
    b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01": "RSA",
    b"\x06\x07\x2a\x86\x48\xce\x3d\x02\x01": "EC",
    b"\x06\x03\x2b\x65\x70": "Ed25519",
    b"\x06\x03\x2b\x65\x71": "Ed448",
    b"\x06\x03\x2b\x65\x6e": "X25519",
    b"\x06\x03\x2b\x65\x6f": "X448",
}
_PBES2 = b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x05\x0d"
_PKCS7_DATA = b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01"

_LEN = rb"(?:[\x00-\x7f]|\x81[\x80-\xff]|\x82[\x01-\xff][\x00-\xff]|\x83[\x01-\xff][\x00-\xff]{2})"
# What must stand right in front of the OID (the window ends at the OID).
_PKCS8_PREFIX = re.compile(rb"\x30" + _LEN + rb"\x02\x01\x00\x30" + _LEN + rb"\Z", re.DOTALL)
_ENCRYPTED_PREFIX = re.compile(rb"\x30" + _LEN + rb"\x30" + _LEN + rb"\Z", re.DOTALL)
_PFX_PREFIX = re.compile(rb"\x30" + _LEN + rb"\Z", re.DOTALL)
_PKCS1_START = b"\x02\x01\x00\x02\x82"
_PFX_VERSION = b"\x02\x01\x03\x30"
_OPENSSH = re.compile(rb"openssh-key-v1\x00\x00\x00\x00[\x04-\x20](?:none|aes|chacha|3des)")


@dataclasses.dataclass(frozen=True)
class KeyHit:
    """A binary private key (or key container) at ``offset``."""

    rule: str
    offset: int
    excerpt: str
    end: int


def _read_length(data: bytes, pos: int) -> tuple[int, int] | None:
    """Parse a DER length at ``pos``; return (length, position after it)."""
    if pos >= len(data):
        return None
    first = data[pos]
    if first < 0x80:
        return first, pos + 1
    count = first & 0x7F
    if count == 0 or count > 3 or pos + 1 + count > len(data):
        return None
    return int.from_bytes(data[pos + 1 : pos + 1 + count], "big"), pos + 1 + count


def _sequence_end(data: bytes, start: int) -> int | None:
    """The end of the SEQUENCE at ``start`` when it is one and fits inside ``data``."""
    if not data.startswith(b"\x30", start):
        return None
    parsed = _read_length(data, start + 1)
    if parsed is None:
        return None
    end = parsed[1] + parsed[0]
    return end if end <= len(data) and parsed[0] >= 16 else None


def _occurrences(data: bytes, needle: bytes) -> Iterator[int]:
    position = data.find(needle)
    while position != -1:
        yield position
        position = data.find(needle, position + 1)


def _structure_before(data: bytes, oid_at: int, prefix: re.Pattern[bytes]) -> int | None:
    window_start = max(0, oid_at - 16)
    match = prefix.search(data[window_start:oid_at])
    return None if match is None else window_start + match.start()


def _pkcs8(data: bytes) -> Iterator[KeyHit]:
    for oid, kind in _KEY_OIDS.items():
        for oid_at in _occurrences(data, oid):
            start = _structure_before(data, oid_at, _PKCS8_PREFIX)
            end = None if start is None else _sequence_end(data, start)
            if start is None or end is None or b"\x04" not in data[oid_at : oid_at + 64]:
                continue
            note = "bevestigd met cryptography" if _loads(data[start:end]) else "structuur herkend"
            yield KeyHit("private-key-der", start, f"PKCS#8 {kind}-privésleutel ({note})", end)


def _encrypted_pkcs8(data: bytes) -> Iterator[KeyHit]:
    for oid_at in _occurrences(data, _PBES2):
        start = _structure_before(data, oid_at, _ENCRYPTED_PREFIX)
        end = None if start is None else _sequence_end(data, start)
        if start is None or end is None:
            continue
        yield KeyHit("private-key-der", start, "versleutelde PKCS#8-privésleutel (PBES2)", end)


def _pkcs1(data: bytes) -> Iterator[KeyHit]:
    for version_at in _occurrences(data, _PKCS1_START):
        start = version_at - 4
        end = _sequence_end(data, start) if start >= 0 else None
        modulus = _read_length(data, version_at + 4)
        if end is None or modulus is None or modulus[0] < 64:
            continue
        if not data.startswith(b"\x02", modulus[1] + modulus[0]):
            continue
        bits = (modulus[0] - 1) * 8
        yield KeyHit(
            "private-key-der", start, f"PKCS#1 RSA-privésleutel (ongeveer {bits} bits)", end
        )


def _pfx(data: bytes) -> Iterator[KeyHit]:
    for version_at in _occurrences(data, _PFX_VERSION):
        start = _structure_before(data, version_at, _PFX_PREFIX)
        end = None if start is None else _sequence_end(data, start)
        inner = _read_length(data, version_at + 4)
        if start is None or end is None or inner is None:
            continue
        if not data.startswith(_PKCS7_DATA, inner[1]):
            continue
        try:
            key, _cert, _extra = pkcs12.load_key_and_certificates(data[start:end], None)
        except ValueError:
            note = "met wachtwoord beveiligd"
        else:
            note = "opent zonder wachtwoord" if key is not None else "zonder sleutel"
        yield KeyHit("pkcs12", start, f"PKCS#12-structuur ({note})", end)


def _loads(der: bytes) -> bool:
    try:
        load_der_private_key(der, password=None)
    except (ValueError, TypeError):
        return False
    return True


def find_binary_keys(data: bytes) -> list[KeyHit]:
    """Every DER or binary private key (PKCS#8, PKCS#1, PKCS#12, OpenSSH) in ``data``.

    A key inside another hit (the PKCS#1 key inside a PKCS#8 wrapper, the keys inside a
    PKCS#12 file) is part of that hit and not reported again.
    """
    hits = [*_pfx(data), *_pkcs8(data), *_encrypted_pkcs8(data), *_pkcs1(data)]
    hits.extend(
        KeyHit(
            "openssh-private-key", m.start(), "openssh-key-v1 (binaire OpenSSH-sleutel)", m.end()
        )
        for m in _OPENSSH.finditer(data)
    )
    kept: list[KeyHit] = []
    for hit in sorted(hits, key=lambda h: (h.offset, -h.end)):
        if any(outer.offset <= hit.offset < outer.end for outer in kept):
            continue
        kept.append(hit)
    return kept
