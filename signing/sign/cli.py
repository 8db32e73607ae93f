"""``kandidaat-sign``: sign a release offline, or make a signing key.

Subcommands::

    sign ARTIFACTS --scan-report R --key-file F [--passphrase-fd N] [--public-key P]
    sign ARTIFACTS --scan-report R --pkcs11-module M --token-label T --key-label K [--pin-fd N]
    keygen --key-file F --public-key-out P [--passphrase-fd N]
    token-keygen --pkcs11-module M --token-label T --key-label K --public-key-out P [--pin-fd N]

Passphrases and PINs come from a file descriptor or the terminal, never from an
argument or the environment. Exit codes: 0 done, 1 refused (scan findings,
manifest mismatch), 2 unsafe or incomplete set-up (Dutch message).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.common.dutch_argparse import DutchArgumentParser
from kandidaat.common.guarded_main import run_guarded
from kandidaat.common.selfcheck import ManifestError, key_fingerprint, load_public_key
from kandidaat.domain.errors import InputError
from signing.sign.errors import SigningRefusedError, SigningSetupError
from signing.sign.keys import (
    TokenLocation,
    TokenSigner,
    generate_token_key,
    load_key_file,
    public_key_pem,
    write_key_file,
)
from signing.sign.location import forbidden_roots, refuse_key_inside, softhsm_token_dir
from signing.sign.secret_input import obtain_secret, refuse_secrets_in_environment
from signing.sign.signer import sign_release

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from signing.sign.keys import Signer

EXIT_REFUSED = 1
EXIT_SETUP = 2


class SigningArgumentParser(DutchArgumentParser):
    """Dutch usage errors that never echo an argument's value (it might be a secret).

    Abbreviations are off, so ``--passphrase`` is not taken as ``--passphrase-fd``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401 - argparse's own
        """Create the parser without prefix matching of long options."""
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        """Report the usage error with option names only, then exit with code 2."""
        if "unrecognized arguments:" in message:
            options = [word for word in message.split(":", 1)[1].split() if word.startswith("-")]
            message = "unrecognized arguments: " + " ".join(options) + " (waarden niet getoond)"
        super().error(re.sub(r"'[^']*'", "'...'", message))
        raise SystemExit(EXIT_SETUP)  # not reached: the Dutch parser exits already


def _add_token_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pkcs11-module",
        type=Path,
        metavar="BIBLIOTHEEK",
        help="PKCS#11-bibliotheek van het token",
    )
    parser.add_argument("--token-label", metavar="LABEL", help="label van het token")
    parser.add_argument("--key-label", metavar="LABEL", help="label van de sleutel in het token")
    parser.add_argument(
        "--pin-fd", type=int, metavar="FD", help="lees de pincode van deze bestandsdescriptor"
    )


def build_parser() -> argparse.ArgumentParser:
    """The ``kandidaat-sign`` parser (Dutch help and errors)."""
    parser = SigningArgumentParser(prog="kandidaat-sign", description="Onderteken een uitgave.")
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=SigningArgumentParser
    )
    sign = commands.add_parser("sign", help="onderteken SHA256SUMS van een uitgave")
    sign.add_argument(
        "artifacts", type=Path, metavar="MAP", help="map met artefacten en SHA256SUMS"
    )
    sign.add_argument(
        "--scan-report", type=Path, metavar="RAPPORT", help="JSON-rapport van kandidaat-scan"
    )
    sign.add_argument(
        "--key-file",
        type=Path,
        metavar="BESTAND",
        help="versleuteld sleutelbestand (buiten de repo)",
    )
    sign.add_argument(
        "--passphrase-fd", type=int, metavar="FD", help="lees het wachtwoord van deze descriptor"
    )
    sign.add_argument(
        "--public-key", type=Path, metavar="SLEUTEL", help="verwachte publieke sleutel (PEM)"
    )
    _add_token_options(sign)
    keygen = commands.add_parser("keygen", help="maak een versleuteld sleutelbestand")
    keygen.add_argument(
        "--key-file", type=Path, metavar="BESTAND", required=True, help="nieuw sleutelbestand"
    )
    keygen.add_argument(
        "--public-key-out", type=Path, metavar="SLEUTEL", required=True, help="publieke sleutel"
    )
    keygen.add_argument(
        "--passphrase-fd", type=int, metavar="FD", help="lees het wachtwoord van descriptor"
    )
    token = commands.add_parser("token-keygen", help="maak een sleutel in een PKCS#11-token")
    token.add_argument(
        "--public-key-out", type=Path, metavar="SLEUTEL", required=True, help="publieke sleutel"
    )
    _add_token_options(token)
    return parser


def _token_location(args: argparse.Namespace) -> TokenLocation:
    if not (args.pkcs11_module and args.token_label and args.key_label):
        raise SigningSetupError("token: geef --pkcs11-module, --token-label en --key-label")
    return TokenLocation(args.pkcs11_module, args.token_label, args.key_label)


def _open_signer(args: argparse.Namespace) -> Signer:
    roots = forbidden_roots(args.artifacts, os.environ)
    if args.key_file is not None and args.pkcs11_module is not None:
        raise SigningSetupError("kies één sleutelbron: --key-file of --pkcs11-module")
    if args.key_file is not None:
        refuse_key_inside(args.key_file, roots, "sleutelbestand")
        passphrase = obtain_secret(args.passphrase_fd, "wachtwoord van het sleutelbestand")
        return load_key_file(args.key_file, passphrase)
    if args.pkcs11_module is not None:
        token_dir = softhsm_token_dir(os.environ)
        if token_dir is not None:
            refuse_key_inside(token_dir, roots, "tokenopslag (SoftHSM2)")
        location = _token_location(args)
        return TokenSigner(location, obtain_secret(args.pin_fd, "pincode van het token"))
    raise SigningSetupError("geen sleutel: geef --key-file of --pkcs11-module")


def run_sign(args: argparse.Namespace) -> int:
    """Check, sign and report."""
    expected = load_public_key(args.public_key) if args.public_key else None
    signer = _open_signer(args)
    try:
        target = sign_release(args.artifacts, args.scan_report, signer, expected)
    finally:
        if isinstance(signer, TokenSigner):
            signer.close()
    sys.stdout.write(
        f"ondertekend: {target}\nsleutel: {signer.describe()}\n"
        f"vingerafdruk: {key_fingerprint(signer.public_key())}\n"
    )
    return 0


def _write_public_key(path: Path, pem: bytes) -> None:
    if path.exists():
        raise SigningSetupError(f"{path}: bestaat al; kies een nieuwe naam")
    write_bytes_atomically(path, pem)
    path.chmod(0o644)  # a public key is public


def run_keygen(args: argparse.Namespace) -> int:
    """Make an encrypted key file outside the repository and write its public key."""
    refuse_key_inside(
        args.key_file.parent / args.key_file.name,
        forbidden_roots(None, os.environ),
        "sleutelbestand",
    )
    passphrase = obtain_secret(args.passphrase_fd, "nieuw wachtwoord van het sleutelbestand")
    public = write_key_file(args.key_file, passphrase)
    _write_public_key(args.public_key_out, public_key_pem(public))
    sys.stdout.write(f"sleutel gemaakt: {args.key_file}\nvingerafdruk: {key_fingerprint(public)}\n")
    return 0


def run_token_keygen(args: argparse.Namespace) -> int:
    """Make a non-extractable key inside a token and write its public key."""
    location = _token_location(args)
    public = generate_token_key(location, obtain_secret(args.pin_fd, "pincode van het token"))
    _write_public_key(args.public_key_out, public_key_pem(public))
    sys.stdout.write(
        f"sleutel gemaakt in {location.token_label}/{location.key_label}\n"
        f"vingerafdruk: {key_fingerprint(public)}\n"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kandidaat-sign`` and return its exit code (141 on a closed pipe, 4 on a bug)."""
    return run_guarded("kandidaat-sign", _main, argv)


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"sign": run_sign, "keygen": run_keygen, "token-keygen": run_token_keygen}
    try:
        refuse_secrets_in_environment(os.environ)
        return handlers[args.command](args)
    except SigningRefusedError as error:
        sys.stderr.write(f"geweigerd: {error.message}\n")
        return EXIT_REFUSED
    except (InputError, ManifestError) as error:
        sys.stderr.write(f"fout: {error.message}\n")
        return EXIT_SETUP
