# ruff: noqa: INP001  build/ holds scripts run by path; an __init__.py would shadow PyPA's build
"""Regenerate ``build/requirements-{bundle,tools}.lock`` from the ``.in`` pins.

Downloads each pinned wheel (binary only, no dependencies resolved behind our
back) for this platform and Python, hashes it and writes the lock file. This is
the only step that talks to a package index; the build itself never does.

Usage: ``python build/lock.py [--wheelhouse DIR]``
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent
sys.path[:0] = [str(BUILD_DIR), str(BUILD_DIR.parent)]

from kandidaat_build.errors import BuildError  # noqa: E402 - needs the sys.path line above
from kandidaat_build.files import sha256_file, write_atomically  # noqa: E402 - idem
from kandidaat_build.locks import LockedWheel, lock_text, read_pins  # noqa: E402 - idem

LOCKS = ("bundle", "tools")


def download(name: str, version: str, directory: Path) -> Path:
    """Download exactly one wheel of ``name==version`` into an empty ``directory``."""
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--isolated",
        "--quiet",
        "--only-binary",
        ":all:",
        "--no-deps",
        "--dest",
        str(directory),
        f"{name}=={version}",
    ]
    result = subprocess.run(command, check=False, capture_output=True, text=True)  # noqa: S603 - fixed argument list
    wheels = sorted(directory.glob("*.whl"))
    if result.returncode != 0 or len(wheels) != 1:
        raise BuildError(f"{name}=={version}: wiel niet te downloaden:\n{result.stderr.strip()}")
    return wheels[0]


def lock_one(kind: str, wheelhouse: Path) -> Path:
    """Write ``requirements-<kind>.lock`` and keep the wheels in ``wheelhouse``."""
    source = BUILD_DIR / f"requirements-{kind}.in"
    locked: list[LockedWheel] = []
    for name, version in read_pins(source):
        with tempfile.TemporaryDirectory() as scratch:
            wheel = download(name, version, Path(scratch))
            digest = sha256_file(wheel)
            wheel.replace(wheelhouse / wheel.name)
        locked.append(LockedWheel(name, version, wheel.name, digest))
        sys.stdout.write(f"{wheel.name}  sha256:{digest}\n")
    target = BUILD_DIR / f"requirements-{kind}.lock"
    write_atomically(target, lock_text(source.name, locked).encode("utf-8"))
    return target


def main(argv: list[str] | None = None) -> int:
    """Regenerate both lock files; exit 0 when done, 2 on an error (Dutch message)."""
    parser = argparse.ArgumentParser(description="Vernieuw de lockbestanden van de build.")
    parser.add_argument("--wheelhouse", type=Path, help="map om de gedownloade wielen te bewaren")
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            wheelhouse = args.wheelhouse or Path(scratch)
            wheelhouse.mkdir(parents=True, exist_ok=True)
            for kind in LOCKS:
                sys.stdout.write(f"geschreven: {lock_one(kind, wheelhouse)}\n")
    except BuildError as error:
        sys.stderr.write(f"fout: {error.message}\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
