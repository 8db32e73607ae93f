"""The steps of the reproducible build, from a committed tree to signed-ready artifacts.

Layout of one workspace (``$KANDIDAAT_OUT``, default ``../out``)::

    .kandidaat-build-workspace   marker: the signer refuses keys below this folder
    wheelhouse/                  downloaded wheels (checked against the lock hashes)
    work/src/                    ``git archive`` of the commit: kandidaat/ and the spec
    work/home/                   the empty home folder of the build
    work/venv/                   the build's own virtual environment (from the locks)
    work/pyinstaller/, work/dist/
    artifacts/                   what leaves the build: tar.gz, .deb, file list,
                                 SBOM, build-info.json and SHA256SUMS
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat_build.errors import BuildError
from kandidaat_build.files import sha256_file, tree_sums, write_atomically, write_sums
from kandidaat_build.licences import COMMITTED_DIR, site_packages_of, write_licences
from kandidaat_build.locks import LockedWheel, read_lock
from kandidaat_build.packing import DebPackage, pack_tree, write_deb
from kandidaat_build.sbom import sbom_bytes, sbom_document

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

WORKSPACE_MARKER = ".kandidaat-build-workspace"
EMBEDDED_MANIFEST = "_internal/kandidaat-files.sha256"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_NAMES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
PLATFORM_TAG = "linux-x86_64"
LOCK_KINDS = ("bundle", "tools")
HOOKS_DIR = "build/pyinstaller_hooks"
SOURCE_BUILD_FILES = (
    "build/kandidaat.spec",
    HOOKS_DIR,
    COMMITTED_DIR,
    *(f"build/requirements-{kind}.lock" for kind in LOCK_KINDS),
)


def lock_paths(source: Path) -> list[Path]:
    """The lock files of the exported commit (never those of the working tree)."""
    return [source / "build" / f"requirements-{kind}.lock" for kind in LOCK_KINDS]


@dataclass(frozen=True)
class Workspace:
    """The folders of one build (see the module docstring)."""

    root: Path
    wheelhouse: Path

    @property
    def work(self) -> Path:
        """Scratch space of the build; removed and recreated on every build."""
        return self.root / "work"

    @property
    def source(self) -> Path:
        """The exported commit."""
        return self.work / "src"

    @property
    def home(self) -> Path:
        """The build's empty home folder."""
        return self.work / "home"

    @property
    def venv(self) -> Path:
        """The build's own virtual environment."""
        return self.work / "venv"

    @property
    def dist(self) -> Path:
        """PyInstaller's output folder."""
        return self.work / "dist"

    @property
    def artifacts(self) -> Path:
        """What the build hands to the scanner and the signer."""
        return self.root / "artifacts"


@dataclass
class Timings:
    """Seconds spent per step, in the order the steps ran."""

    steps: list[tuple[str, float]] = field(default_factory=list)

    def run(self, name: str, start: float) -> None:
        """Record that step ``name`` started at ``start`` (``time.monotonic``) and ended now."""
        self.steps.append((name, time.monotonic() - start))


@contextlib.contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` so that two builds never share a workspace.

    Raises:
        BuildError: when another build holds the lock already.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("a") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"{folder}: een andere build gebruikt deze map al") from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def run_checked(command: Sequence[str], env: Mapping[str, str] | None, what: str) -> str:
    """Run ``command`` (an argument list) and return its stdout.

    Raises:
        BuildError: naming ``what`` and showing the tool's own error output.
    """
    result = subprocess.run(  # noqa: S603 - argument list, never a shell
        list(command),
        check=False,
        env=None if env is None else dict(env),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()[-4000:]
        raise BuildError(f"{what} mislukt (code {result.returncode}):\n{output}")
    return result.stdout


def git_facts(repo: Path, revision: str = "HEAD") -> tuple[str, int]:
    """The commit id of ``revision`` and its commit time (the ``SOURCE_DATE_EPOCH``)."""
    command = ["git", "-C", str(repo), "log", "-1", "--format=%H %ct", revision, "--"]
    out = run_checked(command, None, f"git log (commit {revision} lezen)")
    commit, _, epoch = out.strip().partition(" ")
    return commit, int(epoch)


def export_source(repo: Path, commit: str, target: Path) -> None:
    """Put the committed ``kandidaat/``, spec and lock files of ``commit`` in ``target``.

    Only committed files are built: nothing untracked or changed in the working tree
    (a stray config file, a ``__pycache__``) can end up in an installer.
    """
    command = ["git", "-C", str(repo), "archive", "--format=tar", commit]
    command += ["--", "kandidaat", *SOURCE_BUILD_FILES]
    result = subprocess.run(command, capture_output=True, check=False)  # noqa: S603 - argument list
    if result.returncode != 0:
        raise BuildError(f"git archive mislukt: {result.stderr.decode(errors='replace')}")
    target.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(result.stdout), mode="r:") as archive:
        archive.extractall(target, filter="data")


def add_extra_modules(modules: Sequence[Path], source: Path) -> list[str]:
    """Copy extra top-level modules into the exported source; return their module names.

    Used by the leak test to build a deliberately leaky variant. Every extra module
    is recorded in ``build-info.json``, so such a build can never pass as a clean one.
    """
    names: list[str] = []
    for module in modules:
        if module.suffix != ".py" or not module.is_file():
            raise BuildError(f"{module}: extra module moet een bestaand .py-bestand zijn")
        shutil.copyfile(module, source / module.name)
        names.append(module.stem)
    return sorted(names)


def wheel_missing(wheelhouse: Path, wheel: LockedWheel) -> bool:
    """True when the wheelhouse lacks ``wheel`` or holds a file with another hash."""
    path = wheelhouse / wheel.filename
    return not path.is_file() or sha256_file(path) != wheel.sha256


def fetch_wheels(python: Path, locks: Sequence[Path], wheelhouse: Path) -> int:
    """Download what the wheelhouse misses, hash-checked; return how many were fetched.

    This is the only step of the build that may use the network; it runs before the
    build step, which installs with ``--no-index``.
    """
    wheelhouse.mkdir(parents=True, exist_ok=True)
    fetched = 0
    for lock in locks:
        missing = [wheel for wheel in read_lock(lock) if wheel_missing(wheelhouse, wheel)]
        if not missing:
            continue
        command = [str(python), "-m", "pip", "download", "--isolated", "--quiet"]
        command += ["--require-hashes", "--only-binary", ":all:", "--no-deps"]
        command += ["--dest", str(wheelhouse), "-r", str(lock)]
        run_checked(command, None, f"wielen downloaden voor {lock.name}")
        fetched += len(missing)
    return fetched


def project_version(source: Path) -> str:
    """``__version__`` of the exported package, read without importing it."""
    text = (source / "kandidaat" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, flags=re.MULTILINE)
    if match is None:
        raise BuildError("kandidaat/__init__.py: __version__ niet gevonden")
    return match.group(1)


def shipped_fonts() -> list[Path]:
    """The DejaVu fonts to ship, when this machine has them."""
    return [FONT_DIR / name for name in FONT_NAMES if (FONT_DIR / name).is_file()]


@dataclass(frozen=True)
class BuildInputs:
    """Everything the build step is given (and records in ``build-info.json``)."""

    workspace: Workspace
    commit: str
    source_date_epoch: int
    extra_modules: tuple[str, ...]


def install_tools(ws: Workspace, locks: Sequence[Path], env: Mapping[str, str]) -> str:
    """Create the build's own venv and install the locked wheels offline; return pip's version."""
    run_checked([sys.executable, "-m", "venv", str(ws.venv)], env, "venv aanmaken")
    python = str(ws.venv / "bin" / "python")
    command = [python, "-m", "pip", "install", "--quiet", "--no-index"]
    command += ["--find-links", str(ws.wheelhouse), "--require-hashes"]
    command += ["--only-binary", ":all:", "--no-deps"]
    for lock in locks:
        command += ["-r", str(lock)]
    run_checked(command, env, "pip install uit de lockbestanden")
    version = run_checked([python, "-c", "import pip; print(pip.__version__)"], env, "pip-versie")
    return version.strip()


_MISSING_LIBRARY = re.compile(
    r"Library not found: could not resolve '([^']+)', dependency of '([^']+)'"
)


def missing_libraries(log: str) -> list[str]:
    """The shared libraries PyInstaller could not find, as Dutch lines, from its log output.

    PyInstaller only warns when a collected binary links to a library that is not on the
    build machine, and builds a program that fails when that binary is loaded (for the
    desktop application: the xcb platform plugin). The build treats it as an error.
    """
    lines = {
        f"{Path(referrer).name} heeft {library} nodig"
        for library, referrer in _MISSING_LIBRARY.findall(log)
    }
    return sorted(lines)


def run_pyinstaller(inputs: BuildInputs, env: Mapping[str, str]) -> Path:
    """Run PyInstaller on the committed spec; return the onedir folder.

    Raises:
        BuildError: when PyInstaller fails, makes no program, or could not find a shared
            library that a collected binary needs (install the Debian package and rebuild).
    """
    ws = inputs.workspace
    build_env = {
        **env,
        "KANDIDAAT_BUILD_SOURCE": str(ws.source),
        "KANDIDAAT_BUILD_FONTS": os.pathsep.join(str(font) for font in shipped_fonts()),
        "KANDIDAAT_BUILD_EXTRA_MODULES": ",".join(inputs.extra_modules),
    }
    command = [str(ws.venv / "bin" / "python"), "-m", "PyInstaller", "--noconfirm", "--clean"]
    command += ["--log-level", "WARN", "--distpath", str(ws.dist)]
    command += ["--workpath", str(ws.work / "pyinstaller")]
    command.append(str(ws.source / "build" / "kandidaat.spec"))
    result = subprocess.run(command, env=build_env, capture_output=True, text=True, check=False)  # noqa: S603 - argument list
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()[-4000:]
        raise BuildError(f"PyInstaller mislukt (code {result.returncode}):\n{output}")
    missing = missing_libraries(result.stderr)
    if missing:
        raise BuildError(
            "PyInstaller vond deze gedeelde bibliotheken niet op de bouwmachine; het programma "
            "zou ze missen (installeer de Debian-pakketten en bouw opnieuw):\n  "
            + "\n  ".join(missing)
        )
    bundle = ws.dist / "kandidaat"
    if not (bundle / "kandidaat").is_file():
        raise BuildError(f"PyInstaller maakte geen programma in {bundle}")
    return bundle


@dataclass(frozen=True)
class ArtifactNames:
    """File names of the artifacts of one version."""

    version: str

    @property
    def tarball(self) -> str:
        """The onedir bundle as tar.gz."""
        return f"kandidaat-{self.version}-{PLATFORM_TAG}.tar.gz"

    @property
    def deb(self) -> str:
        """The Debian package."""
        return f"kandidaat_{self.version}_amd64.deb"

    @property
    def file_list(self) -> str:
        """The per-file manifest of the installed folder (also embedded in the bundle)."""
        return f"kandidaat-{self.version}-{PLATFORM_TAG}.files.sha256"

    @property
    def sbom(self) -> str:
        """The CycloneDX SBOM."""
        return f"kandidaat-{self.version}.cdx.json"


DEB = DebPackage(
    package="kandidaat",
    version="",
    architecture="amd64",
    maintainer="kandidaat contributors",
    # Qt's libraries link libGL and libEGL, which PyInstaller never bundles (they belong
    # to the graphics driver); glibc 2.34 is what the manylinux_2_34 wheels require.
    depends="libc6 (>= 2.34), libgl1, libegl1",
    summary="kandidaatstelling en zetelverdeling voor Nederlandse verkiezingen",
    description=(
        "Open-source software voor Nederlandse verkiezingen: kandidatenlijsten",
        "voorbereiden en controleren, en de zetelverdeling berekenen met uitleg",
        "van elke stap. Geïnstalleerd in /opt/kandidaat.",
    ),
)


def package_artifacts(inputs: BuildInputs, bundle: Path, version: str) -> dict[str, str]:
    """Write the embedded file list, tar.gz, .deb and file list; return name -> sha256."""
    names = ArtifactNames(version)
    artifacts = inputs.workspace.artifacts
    listing = tree_sums(bundle, exclude=[EMBEDDED_MANIFEST]).encode("utf-8")
    write_atomically(bundle / EMBEDDED_MANIFEST, listing)
    write_atomically(artifacts / names.file_list, listing)
    epoch = inputs.source_date_epoch
    pack_tree(bundle, f"kandidaat-{version}", artifacts / names.tarball, epoch)
    meta = DebPackage(**{**DEB.__dict__, "version": version})
    link = ("usr/bin/kandidaat", "/opt/kandidaat/kandidaat")
    write_deb(meta, bundle, "/opt/kandidaat", link, artifacts / names.deb, epoch)
    return {
        name: sha256_file(artifacts / name) for name in (names.tarball, names.deb, names.file_list)
    }


def build_info(
    inputs: BuildInputs,
    version: str,
    pip_version: str,
    locks: Mapping[str, list[LockedWheel]],
    lock_files: Sequence[Path],
    artifacts: Mapping[str, str],
) -> dict[str, Any]:
    """The ``build-info.json`` record: inputs, their hashes, tools, commit and time.

    It holds no path and no clock time of the build machine, so it is reproducible too.
    """
    src = inputs.workspace.source
    extra = {name: sha256_file(src / f"{name}.py") for name in inputs.extra_modules}
    return {
        "schema": "kandidaat-build-info/1",
        "name": "kandidaat",
        "version": version,
        "commit": inputs.commit,
        "source_date_epoch": inputs.source_date_epoch,
        "environment": {
            "PYTHONHASHSEED": "0",
            "TZ": "UTC",
            "LC_ALL": "C.UTF-8",
            "umask": "022",
        },
        "python": {
            "implementation": platform.python_implementation(),
            "version": platform.python_version(),
            "executable_sha256": sha256_file(Path(sys.executable).resolve()),
        },
        "tools": {
            "pip": pip_version,
            "pyinstaller": next(w.version for w in locks["tools"] if w.name == "pyinstaller"),
        },
        "inputs": {
            "lock_files": {path.name: sha256_file(path) for path in lock_files},
            "spec": sha256_file(src / "build" / "kandidaat.spec"),
            "hooks": {
                hook.name: sha256_file(hook) for hook in sorted((src / HOOKS_DIR).glob("*.py"))
            },
            "wheels": {
                kind: [
                    {"name": w.name, "version": w.version, "file": w.filename, "sha256": w.sha256}
                    for w in wheels
                ]
                for kind, wheels in locks.items()
            },
            "fonts": {font.name: sha256_file(font) for font in shipped_fonts()},
            "licences": {
                path.name: sha256_file(path)
                for path in sorted((src / COMMITTED_DIR).iterdir())
                if path.is_file()
            },
            "extra_modules": extra,
        },
        "artifacts": dict(sorted(artifacts.items())),
    }


def build(inputs: BuildInputs, env: Mapping[str, str], timings: Timings) -> Path:
    """Run the build step proper (inside the controlled environment); return the artifacts.

    Raises:
        BuildError: when any step fails; the artifacts folder is then left empty.
    """
    ws = inputs.workspace
    lock_files = lock_paths(ws.source)
    locks = {"bundle": read_lock(lock_files[0]), "tools": read_lock(lock_files[1])}
    ws.artifacts.mkdir(parents=True)
    try:
        start = time.monotonic()
        pip_version = install_tools(ws, lock_files, env)
        timings.run("venv + pip install (offline)", start)
        start = time.monotonic()
        bundle = run_pyinstaller(inputs, env)
        timings.run("PyInstaller", start)
        start = time.monotonic()
        bundled = [wheel.name for wheel in locks["bundle"]]
        write_licences(bundle, site_packages_of(ws.venv), bundled, ws.source / COMMITTED_DIR)
        timings.run("licentieteksten (licenties/)", start)
        start = time.monotonic()
        version = project_version(ws.source)
        artifacts = package_artifacts(inputs, bundle, version)
        names = ArtifactNames(version)
        bootloader = [w for w in locks["tools"] if w.name == "pyinstaller"]
        document = sbom_document(
            "kandidaat",
            version,
            inputs.commit,
            inputs.source_date_epoch,
            locks["bundle"],
            bootloader,
            platform.python_version(),
        )
        write_atomically(ws.artifacts / names.sbom, sbom_bytes(document))
        artifacts[names.sbom] = sha256_file(ws.artifacts / names.sbom)
        info = build_info(inputs, version, pip_version, locks, lock_files, artifacts)
        text = json.dumps(info, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        write_atomically(ws.artifacts / "build-info.json", text.encode("utf-8"))
        write_sums(ws.artifacts, [*artifacts, "build-info.json"])
        timings.run("inpakken, SBOM, build-info, SHA256SUMS", start)
    except BaseException:
        shutil.rmtree(ws.artifacts, ignore_errors=True)
        raise
    return ws.artifacts
