# ruff: noqa: INP001  build/ holds scripts run by path; an __init__.py would shadow PyPA's build
"""Build kandidaat reproducibly: ``python build/reproducible.py [--out DIR]``.

Two stages in two processes:

1. the launcher (this script without ``--inside``): exports the committed source,
   downloads the locked wheels if the wheelhouse lacks them (the only network
   use), creates an empty home folder and starts stage 2 with a controlled
   environment built from nothing (``PYTHONHASHSEED=0``, ``SOURCE_DATE_EPOCH`` =
   commit time, ``TZ=UTC``, ``LC_ALL=C.UTF-8``, umask 022);
2. the build step (``--inside``): refuses to run unless that environment is in
   place, then creates its own venv from the lock files (offline), runs
   PyInstaller and writes the artifacts, ``build-info.json``, the SBOM and
   ``SHA256SUMS`` into ``DIR/artifacts``.

The output folder defaults to ``$KANDIDAAT_OUT`` or ``../out`` beside the checkout,
never inside it. Exit codes: 0 built, 2 refused or failed (Dutch message).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent
REPO = BUILD_DIR.parent
sys.path[:0] = [str(BUILD_DIR), str(REPO)]

from kandidaat_build.environment import (  # noqa: E402 - needs the sys.path line above
    allow_in_home,
    controlled_environment,
    current_umask,
    environment_problems,
    make_clean_home,
)
from kandidaat_build.errors import BuildError  # noqa: E402 - idem
from kandidaat_build.pipeline import (  # noqa: E402 - idem
    WORKSPACE_MARKER,
    BuildInputs,
    Timings,
    Workspace,
    add_extra_modules,
    build,
    exclusive,
    export_source,
    fetch_wheels,
    git_facts,
    lock_paths,
)

SAFE_PATH = "/usr/local/bin:/usr/bin:/bin"


def default_out() -> Path:
    """``$KANDIDAAT_OUT`` or ``../out`` beside the checkout."""
    configured = os.environ.get("KANDIDAAT_OUT")
    return Path(configured) if configured else REPO.parent / "out"


def base_python() -> Path:
    """The interpreter behind the current one (outside any virtual environment)."""
    return Path(getattr(sys, "_base_executable", sys.executable))


def checked_out_dir(out: Path) -> Path:
    """Resolve the output folder; refuse one inside the checkout (except the ignored ``out/``).

    Raises:
        BuildError: when the folder lies inside the repository.
    """
    resolved = out.resolve()
    if resolved.is_relative_to(REPO) and not resolved.is_relative_to(REPO / "out"):
        raise BuildError(
            f"uitvoermap {resolved} ligt in de repository; kies een map erbuiten "
            "(standaard ../out of $KANDIDAAT_OUT)"
        )
    return resolved


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line of both stages."""
    parser = argparse.ArgumentParser(description="Bouw kandidaat reproduceerbaar.")
    parser.add_argument("--out", type=Path, default=None, help="uitvoermap (standaard ../out)")
    parser.add_argument("--wheelhouse", type=Path, default=None, help="map met de wielen")
    parser.add_argument(
        "--extra-module",
        type=Path,
        action="append",
        default=[],
        help="alleen voor tests: voeg deze module toe aan de bundel (staat in build-info.json)",
    )
    parser.add_argument(
        "--canary-file",
        type=Path,
        default=None,
        help="plant nepgeheimen (kanaries) in de thuismap en omgeving van de build en schrijf "
        "ze naar dit bestand, voor kandidaat-scan --canary-file",
    )
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--commit", default="HEAD", help="te bouwen commit (standaard HEAD)")
    return parser.parse_args(argv)


def plant_canaries(home: Path, canary_file: Path) -> dict[str, str]:
    """Plant kandidaat-scan's canaries in the build's home; return the variables to add.

    The values go to ``canary_file`` (outside the artifacts); the scan must not find
    any of them in what the build produced.
    """
    from signing.scan.canaries import plant_canaries as plant  # noqa: PLC0415 - optional

    planted = plant(home)
    allow_in_home(home)
    canary_file.parent.mkdir(parents=True, exist_ok=True)
    canary_file.write_text(planted.canary_file_text(), encoding="utf-8")
    return {name: value for name, value in planted.environment.items() if name != "HOME"}


def network_isolation() -> list[str]:
    """The command prefix that runs the build step without any network, where possible.

    ``unshare -n`` gives the step its own empty network namespace (root, or user
    namespaces allowed). Without it the step still installs with ``--no-index``.
    """
    tool = shutil.which("unshare")
    if tool is None:
        return []
    probe = subprocess.run([tool, "-n", "true"], capture_output=True, check=False)  # noqa: S603 - argument list
    return [tool, "-n"] if probe.returncode == 0 else []


def launch(args: argparse.Namespace) -> int:
    """Stage 1: prepare the workspace and start the build step in a controlled environment."""
    os.umask(0o022)  # whatever the caller had: every file the launcher writes is 0644/0755
    out = checked_out_dir(args.out or default_out())
    ws = Workspace(out, (args.wheelhouse or out / "wheelhouse").resolve())
    commit, epoch = git_facts(REPO, args.commit)
    started = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)
    (out / WORKSPACE_MARKER).write_text("werkmap van de kandidaat-build\n", encoding="utf-8")
    shutil.rmtree(ws.work, ignore_errors=True)
    shutil.rmtree(ws.artifacts, ignore_errors=True)
    export_source(REPO, commit, ws.source)
    extra = add_extra_modules(args.extra_module, ws.source)
    fetched = fetch_wheels(base_python(), lock_paths(ws.source), ws.wheelhouse)
    sys.stderr.write(f"bron {commit[:12]} geëxporteerd, {fetched} wielen gedownload\n")
    make_clean_home(ws.home)
    env = controlled_environment(epoch, ws.home, SAFE_PATH)
    if args.canary_file is not None:
        env.update(plant_canaries(ws.home, args.canary_file))
    isolation = network_isolation()
    sys.stderr.write(
        "build-stap zonder netwerk (unshare -n)\n"
        if isolation
        else "let op: netwerk niet afgesloten (unshare niet bruikbaar); pip gebruikt --no-index\n"
    )
    command = [*isolation, str(base_python()), str(Path(__file__).resolve()), "--inside"]
    command += ["--out", str(out), "--wheelhouse", str(ws.wheelhouse), "--commit", commit]
    for name in extra:
        command += ["--extra-module", name]
    result = subprocess.run(command, env=env, check=False, cwd=ws.work)  # noqa: S603 - argument list
    if result.returncode == 0:
        sys.stderr.write(f"klaar in {time.monotonic() - started:.1f} s: {ws.artifacts}\n")
    return result.returncode


def inside(args: argparse.Namespace) -> int:
    """Stage 2: the build step; refuses to run outside the controlled environment."""
    problems = environment_problems(os.environ, current_umask())
    if problems:
        sys.stderr.write("fout: de build draait niet in de gecontroleerde omgeving:\n")
        sys.stderr.writelines(f"  - {problem}\n" for problem in problems)
        sys.stderr.write("Start de build met: python build/reproducible.py\n")
        return 2
    if args.out is None or args.wheelhouse is None or len(args.commit) != 40:
        raise BuildError("--inside vraagt --out, --wheelhouse en --commit")
    ws = Workspace(args.out, args.wheelhouse)
    inputs = BuildInputs(
        workspace=ws,
        commit=args.commit,
        source_date_epoch=int(os.environ["SOURCE_DATE_EPOCH"]),
        extra_modules=tuple(str(name) for name in args.extra_module),
    )
    timings = Timings()
    artifacts = build(inputs, os.environ, timings)
    for name, seconds in timings.steps:
        sys.stderr.write(f"  {name}: {seconds:.1f} s\n")
    sys.stderr.write(f"artefacten in {artifacts}\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run stage 1 or stage 2; turn every build error into a Dutch message and exit code 2."""
    args = parse_args(argv)
    try:
        if args.inside:
            return inside(args)
        with exclusive(checked_out_dir(args.out or default_out())):
            return launch(args)
    except BuildError as error:
        sys.stderr.write(f"fout: {error.message}\n")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
