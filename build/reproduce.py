# ruff: noqa: INP001  build/ holds scripts run by path; an __init__.py would shadow PyPA's build
"""Build twice under different conditions and compare the artifacts byte for byte.

``python build/reproduce.py [--out DIR]`` runs ``build/reproducible.py`` in two
folders of different name and depth, each started from a caller environment that
differs in home folder, time zone, locale, umask, user name variables and working
folder. The build fixes all of these itself, so the artifacts must be identical.
On a difference it prints a report per file and per archive member (and writes a
diffoscope report when diffoscope is installed).

Not varied here (one machine, one account): the user id, the kernel, the file
system order and the interpreter; see docs/release.md for independent rebuilds.
Exit codes: 0 identical, 1 different, 2 a build failed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent
REPO = BUILD_DIR.parent
sys.path[:0] = [str(BUILD_DIR), str(REPO)]

from kandidaat_build.compare import (  # noqa: E402 - needs the sys.path line above
    compare_artifact_dirs,
    diffoscope_report,
)
from kandidaat_build.errors import BuildError  # noqa: E402 - idem
from kandidaat_build.pipeline import git_facts  # noqa: E402 - idem

# Two deliberately different callers: what each build sees before it controls itself.
VARIANTS = (
    (
        "a",
        {"TZ": "Pacific/Auckland", "LANG": "nl_NL.UTF-8", "USER": "bouwer", "LC_ALL": "C"},
        0o077,
    ),
    (
        "b-andere-map/met/diepere/structuur",
        {"TZ": "America/St_Johns", "LANG": "C", "USER": "herbouwer", "LC_ALL": "C.UTF-8"},
        0o002,
    ),
)


def run_build(
    commit: str, out: Path, wheelhouse: Path, extra_env: dict[str, str], umask: int
) -> float:
    """One build of ``commit`` in ``out`` with a changed caller environment; return seconds."""
    with tempfile.TemporaryDirectory(prefix="kandidaat-caller-home-") as home:
        env = {**os.environ, **extra_env, "HOME": home, "LOGNAME": extra_env["USER"]}
        command = [sys.executable, str(BUILD_DIR / "reproducible.py"), "--out", str(out)]
        command += ["--wheelhouse", str(wheelhouse), "--commit", commit]
        previous = os.umask(umask)
        started = time.monotonic()
        try:
            result = subprocess.run(command, env=env, check=False, cwd=home)  # noqa: S603 - argument list
        finally:
            os.umask(previous)
    if result.returncode != 0:
        raise SystemExit(2)
    return time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    """Build twice, compare, report; exit 0 when identical."""
    parser = argparse.ArgumentParser(description="Bouw twee keer en vergelijk byte voor byte.")
    default = Path(os.environ.get("KANDIDAAT_OUT", REPO.parent / "out")) / "reproduce"
    parser.add_argument("--out", type=Path, default=default, help="map voor beide builds")
    parser.add_argument("--wheelhouse", type=Path, default=None, help="gedeelde wielenmap")
    parser.add_argument("--commit", default="HEAD", help="te bouwen commit (standaard HEAD)")
    args = parser.parse_args(argv)
    try:
        commit, _ = git_facts(REPO, args.commit)
    except BuildError as error:
        sys.stderr.write(f"fout: {error.message}\n")
        return 2
    out = args.out.resolve()
    wheelhouse = (args.wheelhouse or out / "wheelhouse").resolve()
    dirs = []
    for name, extra_env, umask in VARIANTS:
        target = out / name
        shutil.rmtree(target, ignore_errors=True)
        seconds = run_build(commit, target, wheelhouse, extra_env, umask)
        sys.stdout.write(f"build {name}: {seconds:.1f} s\n")
        dirs.append(target / "artifacts")
    differences = compare_artifact_dirs(dirs[0], dirs[1])
    if not differences:
        count = len(list(dirs[0].iterdir()))
        sys.stdout.write(f"reproduceerbaar: alle {count} bestanden byte voor byte gelijk\n")
        return 0
    sys.stdout.write("NIET reproduceerbaar:\n")
    sys.stdout.writelines(f"  {line}\n" for line in differences)
    report = out / "diffoscope.txt"
    if diffoscope_report(dirs[0], dirs[1], report):
        sys.stdout.write(f"diffoscope-rapport: {report}\n")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
