"""Sign a checked release: Ed25519 over the exact bytes of ``SHA256SUMS``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.common.selfcheck import SIGNATURE_NAME, encode_signature, signature_matches
from signing.sign.errors import SigningSetupError
from signing.sign.release import check_release_folder, check_scan_covers, check_scan_report

if TYPE_CHECKING:
    from pathlib import Path

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from signing.sign.keys import Signer


def sign_release(
    folder: Path,
    scan_report: Path | None,
    signer: Signer,
    expected_key: Ed25519PublicKey | None = None,
) -> Path:
    """Check the release and the scan report, sign ``SHA256SUMS`` and write ``SHA256SUMS.sig``.

    The key location must have been checked by the caller (it knows where the key
    came from). The signature is verified with the signer's public key, and with
    ``expected_key`` when given, before it is written.

    Raises:
        SigningRefusedError: on scan findings or a manifest that does not match.
        SigningSetupError: when the signature does not verify with the expected key.
    """
    check_scan_report(scan_report)
    release = check_release_folder(folder)
    if scan_report is not None:
        check_scan_covers(scan_report, release)
    signature = signer.sign(release.manifest)
    if not signature_matches(signer.public_key(), signature, release.manifest):
        raise SigningSetupError(f"{signer.describe()}: handtekening klopt niet; niet geschreven")
    if expected_key is not None and not signature_matches(
        expected_key, signature, release.manifest
    ):
        raise SigningSetupError(
            f"{signer.describe()}: is niet de verwachte sleutel (--public-key); niet ondertekend"
        )
    target = folder / SIGNATURE_NAME
    write_bytes_atomically(target, encode_signature(signature))
    target.chmod(0o644)  # a signature is public
    return target
