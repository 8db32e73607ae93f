"""``kandidaat-verify PATH --public-key KEY``: is this the release the key holder signed?

Order: the signature over ``SHA256SUMS`` first (with the key the project
publishes), then the manifest itself, then every file: a changed byte, a missing
or extra file, a wrong key or a swapped manifest each give a Dutch message and a
non-zero exit code. ``--installed DIR`` also checks an installed copy against the
signed per-file list.

Exit codes: 0 verified, 1 rejected, 2 cannot check (missing folder, unreadable key).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.common.dutch_argparse import DutchArgumentParser
from kandidaat.common.guarded_main import run_guarded
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.common.selfcheck import (
    MANIFEST_NAME,
    CheckResult,
    ManifestError,
    check_installation_against_release,
    check_release,
    key_fingerprint,
    load_public_key,
)

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_CANNOT_CHECK = 2


def build_parser() -> argparse.ArgumentParser:
    """The ``kandidaat-verify`` parser (Dutch help and errors)."""
    parser = DutchArgumentParser(
        prog="kandidaat-verify",
        description="Controleer een ondertekende uitgave van kandidaat.",
    )
    parser.add_argument(
        "path", type=Path, metavar="UITGAVE", help="map van de uitgave (of het bestand SHA256SUMS)"
    )
    parser.add_argument(
        "--public-key",
        type=Path,
        required=True,
        metavar="SLEUTEL",
        help="publieke sleutel van het project (PEM)",
    )
    parser.add_argument(
        "--installed",
        type=Path,
        metavar="MAP",
        help="controleer ook deze installatie (bijv. /opt/kandidaat)",
    )
    return parser


def verify(path: Path, public_key: Path, installed: Path | None = None) -> CheckResult:
    """Verify a release folder (and optionally an installation) against ``public_key``.

    Raises:
        ManifestError: when the folder, the key, the manifest or the signature cannot be read.
    """
    release = path.parent if path.name == MANIFEST_NAME else path
    if not release.is_dir():
        raise ManifestError(f"{release}: map van de uitgave bestaat niet")
    key = load_public_key(public_key)
    if installed is not None:
        return check_installation_against_release(installed, release, key)
    return check_release(release, key)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kandidaat-verify`` and return its exit code (141 on a closed pipe, 4 on a bug)."""
    return run_guarded("kandidaat-verify", _main, argv)


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result = verify(args.path, args.public_key, args.installed)
        fingerprint = key_fingerprint(load_public_key(args.public_key))
    except ManifestError as error:
        sys.stderr.write(f"kan niet controleren: {error.message}\n")
        return EXIT_CANNOT_CHECK
    except OSError as error:
        name = str(error.filename or "")[:200]
        reason = os_reason(error, Action.READ_FILE)
        sys.stderr.write(f"kan niet controleren: {name}: kan niet worden gelezen ({reason})\n")
        return EXIT_CANNOT_CHECK
    if not result.ok:
        sys.stderr.write("AFGEKEURD:\n")
        sys.stderr.writelines(f"  {problem}\n" for problem in result.problems)
        return EXIT_REJECTED
    sys.stdout.write(
        f"in orde: handtekening geldig en {result.checked} bestanden gecontroleerd\n"
        f"sleutel: {fingerprint}\n"
    )
    return EXIT_OK
