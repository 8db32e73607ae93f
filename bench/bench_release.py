"""Time the release stages after the build: pack, hash, sign, verify, self-check.

Usage: ``python bench/bench_release.py [--out DIR]`` where DIR is a workspace that
``python build/reproducible.py --out DIR`` filled (default ``$KANDIDAAT_OUT`` or
``../out``). The two PyInstaller builds themselves are timed by
``python build/release_check.py``, which prints one line per stage.

Nothing here is secret: the signing key is made in memory for this run only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

if TYPE_CHECKING:
    from collections.abc import Callable

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "build"), str(REPO)]

from kandidaat_build.files import tree_sums  # noqa: E402 - after sys.path
from kandidaat_build.packing import pack_tree  # noqa: E402

from kandidaat.common.selfcheck import check_installation, check_release  # noqa: E402
from signing.sign.keys import FileSigner  # noqa: E402
from signing.sign.signer import sign_release  # noqa: E402

ROUNDS = 3


def timed(label: str, size: int, action: Callable[[], object]) -> None:
    """Run ``action`` ROUNDS times and print the best time and throughput."""
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    rate = f"{size / best / 1e6:8.1f} MB/s" if size else ""
    print(f"{label:<48} {best:8.3f} s {rate}")


def pack(bundle: Path, work: Path) -> None:
    """Pack the onedir as the build does."""
    pack_tree(bundle, "k", work / "k.tar.gz", 0)


def verify(work: Path, public: Ed25519PublicKey) -> None:
    """Verify the signed copy; it must pass."""
    if not check_release(work / "uitgave", public).ok:
        raise SystemExit("verificatie mislukt")


def main(argv: list[str] | None = None) -> int:
    """Time each stage on an existing build; exit 2 when there is no build yet."""
    parser = argparse.ArgumentParser(description=__doc__)
    default = Path(os.environ.get("KANDIDAAT_OUT", REPO.parent / "out"))
    parser.add_argument("--out", type=Path, default=default)
    args = parser.parse_args(argv)
    artifacts, bundle = args.out / "artifacts", args.out / "work" / "dist" / "kandidaat"
    if not (artifacts / "SHA256SUMS").is_file() or not bundle.is_dir():
        print(f"geen build in {args.out}: draai eerst python build/reproducible.py --out DIR")
        return 2
    tree_size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    release_size = sum(p.stat().st_size for p in artifacts.iterdir() if p.is_file())
    files = sum(1 for p in bundle.rglob("*") if p.is_file())
    print(
        f"bundel: {files} bestanden, {tree_size / 1e6:.1f} MB; uitgave {release_size / 1e6:.1f} MB"
    )
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        timed("inpakken tar.gz (deterministisch)", tree_size, lambda: pack(bundle, work))
        timed("bestandenlijst van de bundel (SHA-256)", tree_size, lambda: tree_sums(bundle))
        key = Ed25519PrivateKey.generate()
        report = work / "scan.json"
        report.write_text(json.dumps({"exit_code": 0, "findings": [], "files": 1}))

        def sign() -> None:
            target = work / "uitgave"
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(artifacts, target, ignore=shutil.ignore_patterns("SHA256SUMS.sig"))
            sign_release(target, report, FileSigner(work / "mem", key))

        timed("ondertekenen (controle + Ed25519, incl. kopie)", release_size, sign)
        public = key.public_key()
        timed("verifiëren van de uitgave", release_size, lambda: verify(work, public))
        timed("zelfcontrole van de bundel", tree_size, lambda: check_installation(bundle))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
