"""The two key sources: an Ed25519 key in a PKCS#11 token, or an encrypted key file.

Token (preferred): the key is generated inside the token as non-extractable and
sensitive; the signer only ever gets signatures out (PKCS#11 ``CKM_EDDSA``).
Tested with SoftHSM2 through python-pkcs11.

Key file: PKCS#12 with PBES2 (PBKDF2-HMAC-SHA256, 600 000 rounds, AES-256-CBC),
written by ``kandidaat-sign keygen``; encrypted PKCS#8 PEM is accepted too. See
docs/adr/0071-signing-key-sources.md for why PKCS#12 and not PKCS#8.
"""

from __future__ import annotations

import importlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import pkcs12

from kandidaat.common.os_reasons import Action, os_reason
from signing.sign.errors import SigningSetupError

if TYPE_CHECKING:
    from types import ModuleType

KDF_ROUNDS = 600_000
ED25519_OID = "1.3.101.112"
KEY_FILE_NAME = b"kandidaat-release"


class Signer(Protocol):
    """Something that signs bytes with Ed25519 and names its public key."""

    def public_key(self) -> Ed25519PublicKey:
        """The public half of the signing key."""
        ...

    def sign(self, message: bytes) -> bytes:
        """The 64-byte Ed25519 signature over ``message``."""
        ...

    def describe(self) -> str:
        """A Dutch description of where the key is (no secrets)."""
        ...


@dataclass(frozen=True)
class FileSigner:
    """An Ed25519 key decrypted from a key file into memory for one signing run."""

    path: Path
    key: Ed25519PrivateKey

    def public_key(self) -> Ed25519PublicKey:
        """The public half of the key."""
        return self.key.public_key()

    def sign(self, message: bytes) -> bytes:
        """Sign ``message``."""
        return self.key.sign(message)

    def describe(self) -> str:
        """Where the key came from."""
        return f"versleuteld sleutelbestand {self.path}"


def _refuse_loose_permissions(path: Path) -> None:
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SigningSetupError(
            f"{path}: sleutelbestand is toegankelijk voor anderen (rechten "
            f"{stat.S_IMODE(mode):04o}); zet de rechten op 0600"
        )


def load_key_file(path: Path, passphrase: bytes) -> FileSigner:
    """Decrypt an Ed25519 key from a PKCS#12 file or an encrypted PKCS#8 PEM file.

    Raises:
        SigningSetupError: when the file is missing, readable by others, not
            encrypted, the passphrase is wrong or the key is not Ed25519.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SigningSetupError(
            f"{path}: sleutelbestand niet te lezen ({os_reason(error, Action.READ_FILE)})"
        ) from None
    _refuse_loose_permissions(path)
    key: object
    if data.lstrip().startswith(b"-----"):
        if not _pem_is_encrypted(data):
            raise SigningSetupError(f"{path}: sleutelbestand is niet versleuteld; weigering")
        try:
            key = serialization.load_pem_private_key(data, password=passphrase)
        except (ValueError, TypeError):
            raise SigningSetupError(f"{path}: wachtwoord onjuist of bestand beschadigd") from None
    else:
        try:
            key, _, _ = pkcs12.load_key_and_certificates(data, passphrase)
        except (ValueError, TypeError):
            raise SigningSetupError(f"{path}: wachtwoord onjuist of bestand beschadigd") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningSetupError(f"{path}: geen Ed25519-sleutel")
    return FileSigner(path, key)


def _pem_is_encrypted(data: bytes) -> bool:
    """True when a PEM key needs a passphrase (cryptography says so without one)."""
    try:
        serialization.load_pem_private_key(data, password=None)
    except TypeError:
        return True  # "Password was not given but private key is encrypted"
    except ValueError:
        return True  # unreadable: the load with the passphrase names it damaged
    return False


def write_key_file(path: Path, passphrase: bytes) -> Ed25519PublicKey:
    """Generate an Ed25519 key and write it encrypted (PKCS#12, strong KDF) with mode 0600.

    Raises:
        SigningSetupError: when the file exists already or the passphrase is short.
    """
    if len(passphrase) < 12:
        raise SigningSetupError("wachtwoord van het sleutelbestand: minstens 12 tekens")
    key = Ed25519PrivateKey.generate()
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase)
    )
    data = pkcs12.serialize_key_and_certificates(KEY_FILE_NAME, key, None, None, encryption)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise SigningSetupError(f"{path}: bestaat al; overschrijf nooit een sleutel") from None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return key.public_key()


def public_key_pem(key: Ed25519PublicKey) -> bytes:
    """The public key as PEM (SubjectPublicKeyInfo), the format ``kandidaat-verify`` reads."""
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _pkcs11() -> ModuleType:
    try:
        return importlib.import_module("pkcs11")
    except ImportError:
        raise SigningSetupError(
            "python-pkcs11 is niet geïnstalleerd; nodig voor ondertekenen met een token"
        ) from None


def _raw_ec_point(point: bytes) -> bytes:
    """The 32 key bytes from CKA_EC_POINT (a DER OCTET STRING, or raw on some tokens)."""
    if len(point) == 34 and point[:2] == b"\x04\x20":
        return point[2:]
    if len(point) == 32:
        return point
    raise SigningSetupError("token: onbekend formaat van de publieke sleutel (CKA_EC_POINT)")


@dataclass(frozen=True)
class TokenLocation:
    """Which token and key: the PKCS#11 module, the token label and the key label."""

    module: Path
    token_label: str
    key_label: str


class TokenSigner:
    """An Ed25519 key that never leaves its PKCS#11 token; opened for one signing run."""

    def __init__(self, location: TokenLocation, pin: bytes) -> None:
        """Log in to the token and find the key pair; refuse an extractable key.

        Raises:
            SigningSetupError: when the token, the key or the PIN is wrong, or the
                private key could ever be exported.
        """
        self.location = location
        lib = _pkcs11()
        try:
            token = lib.lib(str(location.module)).get_token(token_label=location.token_label)
            self._session: Any = token.open(user_pin=pin.decode("utf-8"))
        except lib.exceptions.PKCS11Error as error:
            raise SigningSetupError(
                f"token '{location.token_label}': openen of inloggen mislukt "
                f"({type(error).__name__})"
            ) from None
        try:
            self._private: Any = self._session.get_key(
                object_class=lib.ObjectClass.PRIVATE_KEY, label=location.key_label
            )
            public: Any = self._session.get_key(
                object_class=lib.ObjectClass.PUBLIC_KEY, label=location.key_label
            )
        except lib.exceptions.PKCS11Error as error:
            self.close()
            raise SigningSetupError(
                f"token '{location.token_label}': sleutel '{location.key_label}' niet gevonden "
                f"({type(error).__name__})"
            ) from None
        attribute = lib.Attribute
        if (
            self._private[attribute.EXTRACTABLE]
            or not self._private[attribute.SENSITIVE]
            or not self._private[attribute.NEVER_EXTRACTABLE]
        ):
            self.close()
            raise SigningSetupError(
                f"token '{location.token_label}': sleutel '{location.key_label}' is ooit "
                "exporteerbaar geweest; gebruik een sleutel die in het token is gemaakt"
            )
        raw = _raw_ec_point(bytes(public[attribute.EC_POINT]))
        self._public = Ed25519PublicKey.from_public_bytes(raw)

    def public_key(self) -> Ed25519PublicKey:
        """The public half of the token key."""
        return self._public

    def sign(self, message: bytes) -> bytes:
        """Sign ``message`` inside the token (``CKM_EDDSA``)."""
        lib = _pkcs11()
        return bytes(self._private.sign(message, mechanism=lib.Mechanism.EDDSA))

    def describe(self) -> str:
        """Which token and key."""
        return f"token '{self.location.token_label}', sleutel '{self.location.key_label}'"

    def close(self) -> None:
        """Log out and close the session."""
        self._session.close()


def generate_token_key(location: TokenLocation, pin: bytes) -> Ed25519PublicKey:
    """Generate an Ed25519 key pair inside the token: private half sensitive and non-extractable.

    Raises:
        SigningSetupError: when the token cannot be opened or already has a key of that label.
    """
    lib = _pkcs11()
    ec = importlib.import_module("pkcs11.util.ec")
    attribute = lib.Attribute
    try:
        token = lib.lib(str(location.module)).get_token(token_label=location.token_label)
        with token.open(rw=True, user_pin=pin.decode("utf-8")) as session:
            try:
                session.get_key(object_class=lib.ObjectClass.PRIVATE_KEY, label=location.key_label)
            except lib.exceptions.NoSuchKey:
                pass
            else:
                raise SigningSetupError(
                    f"token '{location.token_label}': sleutel '{location.key_label}' bestaat al"
                )
            public, _ = session.generate_keypair(
                lib.KeyType.EC_EDWARDS,
                mechanism=lib.Mechanism.EC_EDWARDS_KEY_PAIR_GEN,
                public_template={
                    attribute.EC_PARAMS: ec.encode_named_curve_parameters(ED25519_OID),
                    attribute.LABEL: location.key_label,
                    attribute.TOKEN: True,
                    attribute.VERIFY: True,
                },
                private_template={
                    attribute.LABEL: location.key_label,
                    attribute.TOKEN: True,
                    attribute.PRIVATE: True,
                    attribute.SIGN: True,
                    attribute.EXTRACTABLE: False,
                    attribute.SENSITIVE: True,
                },
                store=True,
            )
            raw = _raw_ec_point(bytes(public[attribute.EC_POINT]))
    except lib.exceptions.PKCS11Error as error:
        raise SigningSetupError(
            f"token '{location.token_label}': sleutel maken mislukt ({type(error).__name__})"
        ) from None
    return Ed25519PublicKey.from_public_bytes(raw)
