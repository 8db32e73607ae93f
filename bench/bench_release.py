"""Time the release stages after the build: pack, hash, sign, verify, self-check.

Usage: ``python bench/bench_release.py [--out DIR]``. Without ``--out`` it uses the
build that is already there, in this order: ``make release-check``
(``$KANDIDAAT_OUT/release-check/a``, default ``../out``), ``make build-release``
(``$KANDIDAAT_OUT``) or ``make reproduce`` (``$KANDIDAAT_OUT/reproduce/a``). When
none holds a build it makes one with ``build/reproducible.py`` (and times it).

Each stage prints its figure, a reference measured in the same run on the same bytes
(a bare tar.gz of the tree with ``tarfile``, bare SHA-256 with ``hashlib``), the
ratio and the goal. The stages are all I/O and hashing: the goal is that our code
adds little to the bare work (ADR 0075). The PyInstaller builds themselves are timed
by ``python build/release_check.py``, which prints one line per stage.

Nothing here is secret: the signing key is made in memory for this run only.
Exit codes: 0 measured (a missed goal is printed, not an error), 2 no build.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
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
from kandidaat_build.packing import GZIP_LEVEL, pack_tree  # noqa: E402

from kandidaat.common.selfcheck import check_installation, check_release  # noqa: E402
from signing.sign.keys import FileSigner  # noqa: E402
from signing.sign.signer import sign_release  # noqa: E402

ROUNDS = 3
CHUNK = 1 << 20
# A fresh build of both locks on 2 shared cores took 57-62 s (docs/release.md § 7).
BUILD_GOAL_SECONDS = 120.0
# Goals in seconds for the stages of `make release-check` (2 shared cores; about twice
# what docs/release.md § 7 measured, so a regression shows and a busy machine does not).
STAGE_GOALS = {
    "build": BUILD_GOAL_SECONDS,
    "programma starten": 30.0,
    "GUI op het xcb-platform": 30.0,
    "scan": 90.0,
    "licentieteksten": 10.0,
}
TOTAL_GOAL_SECONDS = 300.0


@dataclass(frozen=True)
class Build:
    """Where a build left its release folder and its onedir."""

    label: str
    artifacts: Path
    bundle: Path

    def complete(self) -> bool:
        """True when both are there (a build that ran to the end)."""
        return (self.artifacts / "SHA256SUMS").is_file() and self.bundle.is_dir()


def workspace(folder: Path, label: str) -> Build:
    """The build of a ``build/reproducible.py --out folder`` workspace."""
    return Build(label, folder / "artifacts", folder / "work" / "dist" / "kandidaat")


def candidates(out: Path) -> list[Build]:
    """The places the make targets leave a build, most recent pipeline first."""
    return [
        workspace(out / "release-check" / "a", "make release-check"),
        workspace(out, "make build-release"),
        workspace(out / "reproduce" / "a", "make reproduce"),
    ]


def build_now(out: Path) -> Build | None:
    """Make one build in ``out`` with ``build/reproducible.py``; print its time."""
    print(f"geen build gevonden; nu bouwen in {out} (doel <= {BUILD_GOAL_SECONDS:.0f} s)")
    started = time.perf_counter()
    command = [sys.executable, str(REPO / "build" / "reproducible.py"), "--out", str(out)]
    result = subprocess.run(command, check=False)  # noqa: S603 - argument list
    seconds = time.perf_counter() - started
    goal = "gehaald" if seconds <= BUILD_GOAL_SECONDS else "NIET gehaald"
    label = "bouwen (reproducible.py)"
    print(f"{label:<48} {seconds:8.1f} s | doel <= {BUILD_GOAL_SECONDS:.0f} s: {goal}")
    built = workspace(out, "zojuist gebouwd")
    return built if result.returncode == 0 and built.complete() else None


def best_of(rounds: int, action: Callable[[], object]) -> float:
    """The best wall time of ``rounds`` runs of ``action``."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def report(label: str, size: int, figure: float, reference: float, goal: float) -> None:
    """One line: figure, throughput, reference, ratio and the goal on the ratio."""
    ratio = figure / reference if reference > 0 else float("inf")
    verdict = "gehaald" if ratio <= goal else "NIET gehaald"
    print(
        f"{label:<48} {figure:8.3f} s {size / figure / 1e6:7.1f} MB/s"
        f" | referentie {reference:7.3f} s | ratio {ratio:5.2f} | doel <= {goal:.2f}: {verdict}"
    )


def bare_tar_gz(bundle: Path, target: Path) -> None:
    """The reference for packing: ``tarfile`` with gzip at the same level, no normalising."""
    with tarfile.open(target, "w:gz", compresslevel=GZIP_LEVEL) as archive:
        archive.add(bundle, arcname="k")


def bare_sha256(files: list[Path]) -> None:
    """The reference for every check: SHA-256 of the same files with ``hashlib``."""
    for path in files:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)


def verify(work: Path, public: Ed25519PublicKey) -> None:
    """Verify the signed copy; it must pass."""
    if not check_release(work / "uitgave", public).ok:
        raise SystemExit("verificatie mislukt")


def measure(build: Build) -> None:
    """Time every stage on ``build`` against its bare reference."""
    bundle, artifacts = build.bundle, build.artifacts
    # What the file list and the self-check hash: every file, a symbolic link (PyInstaller
    # links Qt's libraries into _internal/) as the content it points to.
    tree = sorted(p for p in bundle.rglob("*") if p.is_file())
    release = sorted(p for p in artifacts.iterdir() if p.is_file())
    tree_size = sum(p.stat().st_size for p in tree)
    release_size = sum(p.stat().st_size for p in release)
    print(f"build van {build.label}: {artifacts}")
    links = sum(1 for p in tree if p.is_symlink())
    print(f"bundel: {len(tree)} bestanden ({links} links), {tree_size / 1e6:.1f} MB;", end=" ")
    print(f"uitgave {len(release)} bestanden, {release_size / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        # Packing 180 MB takes tens of seconds: one round each, figure and reference.
        figure = best_of(1, lambda: pack_tree(bundle, "k", work / "k.tar.gz", 0))
        reference = best_of(1, lambda: bare_tar_gz(bundle, work / "bare.tar.gz"))
        report("inpakken tar.gz (deterministisch)", tree_size, figure, reference, 1.25)
        hashing = best_of(ROUNDS, lambda: bare_sha256(tree))
        figure = best_of(ROUNDS, lambda: tree_sums(bundle))
        report("bestandenlijst van de bundel (SHA-256)", tree_size, figure, hashing, 1.25)
        key = Ed25519PrivateKey.generate()
        scan_report = work / "scan.json"
        scan_report.write_text(json.dumps({"exit_code": 0, "findings": [], "files": 1}))
        ignore = shutil.ignore_patterns("SHA256SUMS.sig")

        def copy() -> None:
            target = work / "uitgave"
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(artifacts, target, ignore=ignore)

        def sign() -> None:
            copy()
            sign_release(work / "uitgave", scan_report, FileSigner(work / "mem", key))

        reference = best_of(ROUNDS, copy) + best_of(ROUNDS, lambda: bare_sha256(release))
        figure = best_of(ROUNDS, sign)
        report(
            "ondertekenen (controle + Ed25519, incl. kopie)", release_size, figure, reference, 1.5
        )
        public = key.public_key()
        reference = best_of(ROUNDS, lambda: bare_sha256(release))
        figure = best_of(ROUNDS, lambda: verify(work, public))
        report("verifiëren van de uitgave", release_size, figure, reference, 1.25)
        figure = best_of(ROUNDS, lambda: check_installation(bundle))
        report("zelfcontrole van de bundel", tree_size, figure, hashing, 1.25)


def stage_goal(name: str) -> float | None:
    """The goal of a release-check stage, by the start of its name; None when it has none."""
    return next((goal for start, goal in STAGE_GOALS.items() if name.startswith(start)), None)


def print_release_check(summary: Path) -> None:
    """The stages of the last ``make release-check`` (its ``summary.json``) with their goals."""
    try:
        rows = json.loads(summary.read_text(encoding="utf-8"))["stages"]
    except (OSError, ValueError, KeyError, TypeError):
        print(f"geen tijden van make release-check ({summary} ontbreekt of is onleesbaar)")
        return
    print(f"tijden van de laatste make release-check ({summary}):")
    total = 0.0
    for row in rows:
        name, seconds, outcome = str(row["name"]), float(row["seconds"]), str(row["outcome"])
        total += seconds
        goal = stage_goal(name)
        target = (
            ""
            if goal is None
            else f" | doel <= {goal:.0f} s: " + ("gehaald" if seconds <= goal else "NIET gehaald")
        )
        print(f"  [{outcome}] {name:<46} {seconds:7.1f} s{target}")
    verdict = "gehaald" if total <= TOTAL_GOAL_SECONDS else "NIET gehaald"
    print(f"  {'totaal':<53} {total:7.1f} s | doel <= {TOTAL_GOAL_SECONDS:.0f} s: {verdict}")


def main(argv: list[str] | None = None) -> int:
    """Find (or make) a build, then time each stage; exit 2 when there is no build."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=None, help="werkmap van één build")
    parser.add_argument(
        "--no-build", action="store_true", help="niet zelf bouwen als er geen build is"
    )
    args = parser.parse_args(argv)
    root = Path(os.environ.get("KANDIDAAT_OUT", REPO.parent / "out"))
    places = [workspace(args.out, str(args.out))] if args.out else candidates(root)
    found = next((build for build in places if build.complete()), None)
    if found is None and not args.no_build:
        found = build_now(args.out or root)
    if found is None:
        searched = ", ".join(str(build.artifacts) for build in places)
        print(f"geen build gevonden (gezocht: {searched}); draai eerst make release-check")
        return 2
    if found.label == "make release-check":
        print_release_check(found.artifacts.parents[1] / "summary.json")
    measure(found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
