"""Benchmark: kandidaat-scan against detect-secrets on the same artifacts, in one run.

1. Recall. The leaky vendor project of the tests (the 2023 incident: user name and
   password, UNC path to the key share, PEM key, URL with credentials, AWS key id,
   Dutch ``wachtwoord``, a build canary, ``.pypirc``, ``.git/``, a ``.pem`` file) is
   packed as a folder, tar.gz, wheel, .deb and PyInstaller executable. For each, we
   count how many planted leaks each tool reports:
   - kandidaat-scan on the artifact itself;
   - detect-secrets 1.5.0 (``SecretsCollection.scan_file`` with default settings) on
     the artifact itself, and on the same files unpacked (tar/zip/deb extracted; the
     PyInstaller PYZ entries decompressed, as marshalled code, one file per module).
   A planted leak counts as found by detect-secrets when it reports anything on the
   line the leak is on (or anywhere in a planted file): generous on purpose.
2. Throughput. Both tools read the same bulk corpus (default: the installed lxml,
   cryptography and reportlab packages, real ELF extensions and Python sources; or a
   PyInstaller onedir given with ``--bundle``), one process, one core. We report the
   bytes each tool actually looked at and MB/s.

Usage: .venv/bin/python bench/bench_scan.py [--bundle DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import sys
import tarfile
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # signing/ and tests/ live beside the package

from detect_secrets.core.secrets_collection import SecretsCollection  # noqa: E402 - after sys.path
from detect_secrets.settings import default_settings  # noqa: E402

from signing.scan.allowlist import DEFAULT_ALLOWLIST, load_allowlist  # noqa: E402
from signing.scan.containers import Budget, ar_members, decompress  # noqa: E402
from signing.scan.model import Limits  # noqa: E402
from signing.scan.pyinstaller import carchive_members, find_carchive, pyz_members  # noqa: E402
from signing.scan.rules import DESCRIPTIONS  # noqa: E402
from signing.scan.scanner import ScanOptions, scan_paths  # noqa: E402
from tests.signing.conftest import (  # noqa: E402 - the same builders as the tests
    Bundle,
    LeakyProject,
    make_project,
    pack_all,
)


def _leak_lines(project: LeakyProject) -> dict[str, int]:
    """The line of settings.py that holds each planted leak (by rule)."""
    lines = project.settings_source.splitlines()
    where = {
        "username-assignment": "SIGNING_USER",
        "credential-assignment": "SIGNING_PASS",
        "unc-path": "CODESIGN_SHARE",
        "internal-host": "CODESIGN_SHARE",
        "url-credentials": "UPDATE_URL",
        "aws-access-key": "AWS_ACCESS_KEY_ID",
        "private-key-pem": "SIGNING_KEY",
        "canary": "BUILD_ENV",
    }
    return {
        rule: next(n for n, line in enumerate(lines, 1) if line.startswith(name))
        for rule, name in where.items()
    }


def _unpack(bundle: Bundle, into: Path) -> Path:
    """The bundle's files on disk, as a person with standard tools would unpack them."""
    into.mkdir(parents=True)
    if bundle.kind == "folder":
        return bundle.path
    if bundle.kind == "tar.gz":
        with tarfile.open(bundle.path) as archive:
            archive.extractall(into, filter="data")
        return into / "vendor-1.0"
    if bundle.kind == "zip":
        with zipfile.ZipFile(bundle.path) as archive:
            archive.extractall(into)  # noqa: S202 - the zip we just built ourselves
        return into
    budget = Budget(Limits())
    data = bundle.path.read_bytes()
    if bundle.kind == "deb":
        member = next(m for m in ar_members(data, budget) if m.name == "data.tar.xz")
        payload = decompress("xz", member.data, budget)
        tar_path = into / "data.tar"
        tar_path.write_bytes(payload)
        with tarfile.open(tar_path) as archive:
            archive.extractall(into, filter="data")
        return into / "opt" / "vendor"
    archive_info = find_carchive(data)
    if archive_info is None:
        raise SystemExit("no CArchive in the PyInstaller bundle")
    for entry in carchive_members(data, archive_info, budget):
        target = into / entry.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if entry.type_code == "z":
            for module in pyz_members(entry.data, budget):
                (into / f"{module.name}.pyc.bin").write_bytes(module.data)
        else:
            target.write_bytes(entry.data)
    return into


def _detect_secrets(paths: list[Path]) -> tuple[dict[str, set[int]], float]:
    """Run detect-secrets on files; return {file: lines with a finding} and CPU seconds."""
    found: dict[str, set[int]] = {}
    collection = SecretsCollection()
    start = time.process_time()
    with default_settings():
        for path in paths:
            collection.scan_file(str(path))
    elapsed = time.process_time() - start
    for filename, secret in collection:
        found.setdefault(Path(filename).name, set()).add(secret.line_number or 0)
    return found, elapsed


def _files(path: Path) -> list[Path]:
    return [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())


def _detect_secrets_hits(
    project: LeakyProject, found: dict[str, set[int]], settings_names: tuple[str, ...]
) -> list[str]:
    """The planted leaks detect-secrets reported (by our rule name or planted file)."""
    lines = _leak_lines(project)
    settings_lines: set[int] = set().union(*(found.get(n, set()) for n in settings_names))
    hits = [rule for rule, line in lines.items() if line in settings_lines]
    # The three planted files: any report inside them counts.
    return hits + [name for name in (".pypirc", "config", "signing.pem") if name in found]


def recall(workdir: Path) -> None:
    """Print, per format, how many planted leaks each tool finds."""
    project = make_project(workdir / "leaky", leaky=True)
    bundles = pack_all(project, workdir / "packed")
    planted = len(project.leaks)
    print(f"Recall on the planted-leak bundle ({planted} planted leaks per format)")
    print(f"{'format':<12} {'kandidaat-scan':>15} {'detect-secrets':>15} {'d-s unpacked':>13}")
    totals = [0, 0, 0]
    seen: dict[str, list[str]] = {}
    for bundle in bundles:
        report = scan_paths([bundle.path], ScanOptions(canaries=(project.canary,)))
        ours = {(f.rule, f.location) for f in report.findings}
        hit = 0
        for leak in project.leaks:
            location = bundle.location_of(leak.member)
            if leak.member.endswith("/"):
                location = f"{bundle.base}{leak.member}"
            hit += (leak.rule, location) in ours
        packed, _ = _detect_secrets(_files(bundle.path))
        unpacked_root = _unpack(bundle, workdir / "unpacked" / bundle.kind)
        unpacked, _ = _detect_secrets(_files(unpacked_root))
        names = ("settings.py", "vendorcfg.settings.pyc.bin")
        packed_names = names if bundle.kind == "folder" else (bundle.path.name,)
        ds_packed = len(_detect_secrets_hits(project, packed, packed_names))
        unpacked_hits = _detect_secrets_hits(project, unpacked, names)
        ds_unpacked = len(unpacked_hits)
        if bundle.kind in {"folder", "pyinstaller"}:
            seen[bundle.kind] = unpacked_hits
        totals = [totals[0] + hit, totals[1] + ds_packed, totals[2] + ds_unpacked]
        print(
            f"{bundle.kind:<12} {hit:>12}/{planted} {ds_packed:>12}/{planted} "
            f"{ds_unpacked:>10}/{planted}"
        )
    total = planted * len(bundles)
    print(f"{'total':<12} {totals[0]:>11}/{total} {totals[1]:>11}/{total} {totals[2]:>9}/{total}")
    for kind, hits in seen.items():
        print(f"detect-secrets on the unpacked {kind} found: {', '.join(hits) or 'nothing'}")


def _bulk_corpus() -> list[Path]:
    roots = []
    for name in ("lxml", "cryptography", "reportlab"):
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise SystemExit(f"{name} is not installed; use --bundle")
        roots.append(Path(spec.origin).parent)
    return roots


def throughput(corpus: list[Path], repeat: int) -> None:
    """Print MB/s of both tools on the same files (CPU time of this process, best of ``repeat``).

    CPU time, not wall time: the build machine is shared, and both tools run on one core.
    """
    files = [f for root in corpus for f in _files(root)]
    size = sum(f.stat().st_size for f in files)
    for f in files:  # warm the page cache for both tools alike
        f.read_bytes()
    ours_best = ds_best = float("inf")
    options = ScanOptions(allowlist=load_allowlist(DEFAULT_ALLOWLIST, frozenset(DESCRIPTIONS)))
    report = None
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        report = scan_paths(corpus, options)
        ours_best = min(ours_best, time.process_time() - start)
        gc.collect()
        _, elapsed = _detect_secrets(files)
        ds_best = min(ds_best, elapsed)
    if report is None:
        raise SystemExit("--repeat must be at least 1")
    text_bytes = sum(f.stat().st_size for f in files if _is_text(f))
    print(
        f"\nThroughput on {len(files)} files, {size / 1e6:.1f} MB ({', '.join(map(str, corpus))})"
    )
    print(
        f"kandidaat-scan: {ours_best:.2f} s CPU, {size / 1e6 / ours_best:.1f} MB/s over all bytes; "
        f"expanded and scanned {report.bytes_scanned / 1e6:.1f} MB "
        f"({report.members} archive members), {len(report.findings)} findings, "
        f"{report.allowed} allowed by signing/allowlist.toml"
    )
    print(
        f"detect-secrets: {ds_best:.2f} s CPU, {size / 1e6 / ds_best:.2f} MB/s over all bytes; "
        f"it reads only UTF-8 text files ({text_bytes / 1e6:.1f} MB, "
        f"{text_bytes / 1e6 / ds_best:.2f} MB/s) and skips binaries and archives"
    )
    print(f"ratio (detect-secrets time / kandidaat-scan time): {ds_best / ours_best:.2f}")


def _is_text(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def main() -> None:
    """Run both parts and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="a PyInstaller onedir (or any folder) to time")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}; zlib {zlib.ZLIB_VERSION}")
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as tmp:
        recall(Path(tmp))
    throughput([args.bundle] if args.bundle else _bulk_corpus(), args.repeat)


if __name__ == "__main__":
    main()
