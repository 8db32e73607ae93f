# ruff: noqa: INP001  build/ holds scripts run by path; an __init__.py would shadow PyPA's build
"""The whole release pipeline on this machine, as evidence: ``python build/release_check.py``.

Stages, each timed: build twice under different callers (with canaries planted in
each build's home and environment), compare byte for byte, check that the tar.gz
and the .deb carry the licence texts (``licenties/``, ADR 0075), unpack the tar.gz and
start the program in it (``kandidaat demo`` and a screenshot of the desktop
application with Qt's offscreen platform, then on the xcb platform under Xvfb when
``xvfb-run`` and ``xauth`` are installed, ADR 0076), scan with
kandidaat-scan, make a throw-away SoftHSM2 token with a non-extractable Ed25519
key (PIN generated now, passed through a pipe), sign, verify the release and the
unpacked program, then tamper with a copy and verify again: that must fail.

The token lives in a temporary folder outside the repository and the workspace and
is deleted at the end. The stages and their times also go to ``summary.json`` in the
work folder (``make bench-release`` prints them with their goals). Run it with the
project's interpreter (it needs ``cryptography`` and ``python-pkcs11``); the builds
make their own venvs.
Exit codes: 0 every stage as expected, 1 a stage failed, 2 missing tools.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BUILD_DIR = Path(__file__).resolve().parent
REPO = BUILD_DIR.parent
sys.path[:0] = [str(BUILD_DIR), str(REPO)]

from kandidaat_build.compare import compare_artifact_dirs  # noqa: E402 - after sys.path
from kandidaat_build.errors import BuildError  # noqa: E402 - idem
from kandidaat_build.licences import LICENCE_DIR, shipped_problems  # noqa: E402 - idem
from kandidaat_build.pipeline import exclusive, git_facts  # noqa: E402 - idem

SOFTHSM_MODULES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
)
HSM_LABEL = "kandidaat-release-check"
KEY_LABEL = "release"
# Each caller gets a fresh user name: the build must not carry it into the artifacts.
CALLERS = (
    ("a", {"TZ": "Europe/Amsterdam", "LANG": "nl_NL.UTF-8"}, 0o022),
    ("b-tweede/build", {"TZ": "Pacific/Auckland", "LANG": "C"}, 0o077),
)
CALLER_USERS = {name: f"bouwer{secrets.token_hex(4)}" for name, _, _ in CALLERS}


def mark(*, ok: bool, detail: str) -> str:
    """The four-letter outcome of a stage: ``ok``, ``FOUT`` or ``skip`` (not run here)."""
    if not ok:
        return "FOUT"
    return "skip" if detail.startswith("OVERGESLAGEN") else "ok  "


@dataclass
class Summary:
    """One line per stage: name, seconds, outcome."""

    rows: list[tuple[str, float, bool, str]] = field(default_factory=list)

    def add(self, name: str, started: float, *, ok: bool, detail: str = "") -> bool:
        """Record a stage that started at ``started`` (monotonic) and ended now."""
        self.rows.append((name, time.monotonic() - started, ok, detail))
        sys.stdout.write(
            f"[{mark(ok=ok, detail=detail)}] {name} ({self.rows[-1][1]:.1f} s) {detail}\n"
        )
        sys.stdout.flush()
        return ok

    def as_json(self) -> str:
        """The stages as JSON (``summary.json``; ``make bench-release`` prints them)."""
        stages = [
            {"name": name, "seconds": round(seconds, 1), "outcome": mark(ok=ok, detail=detail)}
            for name, seconds, ok, detail in self.rows
        ]
        return json.dumps({"stages": stages}, ensure_ascii=False, indent=2) + "\n"

    def render(self) -> str:
        """The one-screen summary."""
        lines = ["", "Samenvatting release-check", "-" * 72]
        lines += [
            f"{mark(ok=ok, detail=detail)}  {seconds:7.1f} s  {name}"
            + (f": {detail}" if detail else "")
            for name, seconds, ok, detail in self.rows
        ]
        total = sum(row[1] for row in self.rows)
        verdict = "alles zoals verwacht" if all(row[2] for row in self.rows) else "MISLUKT"
        skipped = [row[0] for row in self.rows if mark(ok=row[2], detail=row[3]) == "skip"]
        if skipped and verdict != "MISLUKT":
            verdict += f" (NIET gedraaid: {'; '.join(skipped)})"
        lines += ["-" * 72, f"      {total:7.1f} s  totaal: {verdict}"]
        return "\n".join(lines) + "\n"


def run(
    command: list[str],
    env: dict[str, str] | None = None,
    cwd: Path | str | None = None,
    pass_fds: tuple[int, ...] = (),
) -> subprocess.CompletedProcess[str]:
    """Run an argument list (never a shell), capturing text output; callers read the code."""
    return subprocess.run(  # noqa: S603 - argument list
        command, capture_output=True, text=True, env=env, cwd=cwd, pass_fds=pass_fds, check=False
    )


def signer_env(conf: Path | None) -> dict[str, str]:
    """A minimal environment for the signer: no inherited secrets, nothing the signer refuses."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    env["HOME"] = os.environ.get("HOME", "/")
    if conf is not None:
        env["SOFTHSM2_CONF"] = str(conf)
    return env


def with_pin(
    command: list[str], pin: bytes, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run a signing command that reads the PIN from ``--pin-fd`` (a pipe)."""
    read_end, write_end = os.pipe()
    os.write(write_end, pin + b"\n")
    os.close(write_end)
    try:
        return run([*command, "--pin-fd", str(read_end)], env=env, cwd=REPO, pass_fds=(read_end,))
    finally:
        os.close(read_end)


def build(name: str, out: Path, wheelhouse: Path, commit: str, summary: Summary) -> Path | None:
    """One build from a varied caller; return the artifacts folder."""
    extra, umask = next((env, mask) for label, env, mask in CALLERS if label == name)
    started = time.monotonic()
    user = CALLER_USERS[name]
    with tempfile.TemporaryDirectory(prefix=f"kandidaat-caller-{user}-") as home:
        env = {**os.environ, **extra, "HOME": home, "USER": user, "LOGNAME": user}
        command = [sys.executable, str(BUILD_DIR / "reproducible.py"), "--out", str(out / name)]
        command += ["--wheelhouse", str(wheelhouse), "--commit", commit]
        command += ["--canary-file", str(out / f"canaries-{name.replace('/', '-')}.txt")]
        previous = os.umask(umask)
        try:
            result = run(command, env=env, cwd=home)
        finally:
            os.umask(previous)
    ok = result.returncode == 0
    last_lines = " | ".join(result.stderr.strip().splitlines()[-3:])
    summary.add(f"build {name}", started, ok=ok, detail="" if ok else last_lines)
    return out / name / "artifacts" if ok else None


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SMOKE_TIMEOUT = 120
SMOKE_PATH = "/usr/bin:/bin"  # PATH of the unpacked program: nothing of the build's venv


def png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG image (from its IHDR chunk), or None if it is no PNG."""
    if len(data) < 24 or not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def smoke_env(home: Path) -> dict[str, str]:
    """The environment of the unpacked program: Qt offscreen, a fresh home, nothing else.

    The fresh ``HOME`` keeps the GUI's recent-projects list out of the caller's settings.
    """
    return {
        "PATH": SMOKE_PATH,
        "HOME": str(home),
        "LC_ALL": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(home),
    }


def start_program(artifacts: Path, summary: Summary) -> bool:
    """Unpack the tar.gz and run what a user runs first: the demo, then the desktop application.

    ``kandidaat demo --out DIR`` makes the demo project; ``kandidaat gui PROJECT
    --screenshot PNG --page start`` must then render the start page to a PNG of the
    window's size. This proves that the bundle works, not only that it was built.
    """
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kandidaat-start-") as scratch:
        folder = Path(scratch)
        tarball = next(artifacts.glob("*.tar.gz"))
        with tarfile.open(tarball) as archive:
            archive.extractall(folder / "installatie", filter="data")
        program = next((folder / "installatie").glob("kandidaat-*/kandidaat"))
        (folder / "home").mkdir(mode=0o700)
        env = smoke_env(folder / "home")
        try:
            demo = subprocess.run(  # noqa: S603 - argument list
                [str(program), "demo", "--out", str(folder / "demo")],
                capture_output=True,
                text=True,
                env=env,
                cwd=folder,
                timeout=SMOKE_TIMEOUT,
                check=False,
            )
            project = next((folder / "demo").glob("*.kandidaat"), None)
            if demo.returncode != 0 or project is None:
                detail = f"kandidaat demo: code {demo.returncode} {demo.stderr.strip()[-300:]}"
                return summary.add("programma starten", started, ok=False, detail=detail)
            png = folder / "start.png"
            gui = subprocess.run(  # noqa: S603 - argument list
                [str(program), "gui", str(project), "--screenshot", str(png), "--page", "start"],
                capture_output=True,
                text=True,
                env=env,
                cwd=folder,
                timeout=SMOKE_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            detail = f"{' '.join(error.cmd[1:2])}: geen antwoord binnen {SMOKE_TIMEOUT} s"
            return summary.add("programma starten", started, ok=False, detail=detail)
        size = png_size(png.read_bytes()) if png.is_file() else None
        ok = gui.returncode == 0 and size is not None
        detail = (
            f"demo gemaakt; schermafdruk start-pagina {size[0]}x{size[1]} (offscreen)"
            if ok and size is not None
            else f"kandidaat gui: code {gui.returncode}, geen PNG; {gui.stderr.strip()[-300:]}"
        )
        summary.add("programma starten (demo + GUI uit de tar.gz)", started, ok=ok, detail=detail)
        if not ok:
            return False
        return start_gui_on_xcb(program, project, folder, summary)


XVFB_TOOLS = ("xvfb-run", "Xvfb", "xauth")
XVFB_SCREEN = "-screen 0 1280x1024x24"
XCB_STAGE = "GUI op het xcb-platform (X11, onder Xvfb)"
SKIPPED = "OVERGESLAGEN"


def missing_xvfb_tools() -> list[str]:
    """The programs of ``xvfb xauth`` that this machine lacks (empty: the xcb stage can run)."""
    return [tool for tool in XVFB_TOOLS if shutil.which(tool, path=SMOKE_PATH) is None]


def start_gui_on_xcb(program: Path, project: Path, folder: Path, summary: Summary) -> bool:
    """Start the GUI on Qt's xcb platform (what X11 and XWayland desktops use) under Xvfb.

    ``xvfb-run -a`` starts a private X server; ``QT_QPA_PLATFORM=xcb`` makes Qt load
    ``libqxcb.so`` and the xcb libraries of the bundle (``kandidaat gui`` keeps a
    platform that is set), and ``--screenshot`` renders the start page there. Qt stops
    with an error when the platform cannot be loaded, so a missing library fails this
    stage. Without Xvfb the stage is recorded as skipped, never as passed.
    """
    started = time.monotonic()
    missing = missing_xvfb_tools()
    if missing:
        detail = (
            f"{SKIPPED}: {', '.join(missing)} niet geïnstalleerd, dus alleen offscreen getest "
            "(installeer met: apt-get install -y xvfb xauth)"
        )
        summary.add(XCB_STAGE, started, ok=True, detail=detail)
        return True
    (folder / "home-xcb").mkdir(mode=0o700)
    env = {**smoke_env(folder / "home-xcb"), "QT_QPA_PLATFORM": "xcb"}
    png = folder / "start-xcb.png"
    command = ["xvfb-run", "-a", "-s", XVFB_SCREEN, str(program), "gui", str(project)]
    command += ["--screenshot", str(png), "--page", "start"]
    try:
        gui = subprocess.run(  # noqa: S603 - argument list
            command,
            capture_output=True,
            text=True,
            env=env,
            cwd=folder,
            timeout=SMOKE_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        detail = f"kandidaat gui (xcb): geen antwoord binnen {SMOKE_TIMEOUT} s"
        return summary.add(XCB_STAGE, started, ok=False, detail=detail)
    size = png_size(png.read_bytes()) if png.is_file() else None
    ok = gui.returncode == 0 and size is not None
    detail = (
        f"schermafdruk start-pagina {size[0]}x{size[1]} op xcb"
        if ok and size is not None
        else f"kandidaat gui (xcb): code {gui.returncode}, geen PNG; {gui.stderr.strip()[-300:]}"
    )
    return summary.add(XCB_STAGE, started, ok=ok, detail=detail)


MAX_LICENCE_BYTES = 8 << 20  # the whole licenties/ folder is well below 1 MB


def _licence_members(archive: tarfile.TarFile, top: str) -> dict[str, bytes]:
    """The files below ``<top>/licenties/`` of an open tar, relative name -> content.

    ``top`` is a regular expression for the installation folder (``kandidaat-[^/]+`` in
    the tar.gz, ``./opt/kandidaat`` in the .deb).
    """
    below = re.compile(rf"{top}/{LICENCE_DIR}/(.+)")
    files: dict[str, bytes] = {}
    total = 0
    for member in archive:
        match = below.fullmatch(member.name)
        if not member.isfile() or match is None:
            continue
        total += member.size
        handle = archive.extractfile(member)
        if total > MAX_LICENCE_BYTES or handle is None:
            break
        files[match.group(1)] = handle.read()
    return files


def deb_data_from_bytes(data: bytes) -> bytes:
    """The ``data.tar.gz`` member of a ``.deb`` (an ``ar`` archive), or b"" when absent."""
    offset = len(b"!<arch>\n") if data.startswith(b"!<arch>\n") else len(data)
    while offset + 60 <= len(data):
        header = data[offset : offset + 60]
        name, size = header[:16].decode("ascii").strip(), int(header[48:58].decode("ascii"))
        start = offset + 60
        if name.rstrip("/") == "data.tar.gz":
            return data[start : start + size]
        offset = start + size + (size % 2)
    return b""


def shipped_licences(artifacts: Path) -> dict[str, dict[str, bytes]]:
    """The ``licenties/`` folder as the tar.gz and the .deb deliver it, per artifact name."""
    found: dict[str, dict[str, bytes]] = {}
    for tarball in sorted(artifacts.glob("*.tar.gz")):
        with tarfile.open(tarball) as archive:
            found[tarball.name] = _licence_members(archive, r"kandidaat-[^/]+")
    for deb in sorted(artifacts.glob("*.deb")):
        data = deb_data_from_bytes(deb.read_bytes())
        if not data:
            found[deb.name] = {}
            continue
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            found[deb.name] = _licence_members(archive, re.escape("./opt/kandidaat"))
    return found


def check_licences(artifacts: Path, summary: Summary) -> bool:
    """The LGPL-3.0, GPL-3.0, Qt notice and third-party texts are in the tar.gz and the .deb."""
    started = time.monotonic()
    try:
        found = shipped_licences(artifacts)
    except (OSError, tarfile.TarError, ValueError) as error:
        detail = f"uitgave niet leesbaar: {error}"
        return summary.add("licentieteksten in tar.gz en .deb", started, ok=False, detail=detail)
    problems = [
        f"{name}: {problem}" for name, files in found.items() for problem in shipped_problems(files)
    ]
    kinds = {Path(name).suffix for name in found}
    if not {".gz", ".deb"} <= kinds:
        problems.append("tar.gz of .deb ontbreekt in de uitgave")
    counts = ", ".join(f"{name}: {len(files)} bestanden" for name, files in found.items())
    detail = "; ".join(problems[:4]) if problems else f"{LICENCE_DIR}/ compleet ({counts})"
    return summary.add("licentieteksten in tar.gz en .deb", started, ok=not problems, detail=detail)


def make_token(folder: Path, summary: Summary) -> tuple[Path, bytes, Path] | None:
    """A throw-away SoftHSM2 token with an Ed25519 key made inside it."""
    started = time.monotonic()
    module = next((Path(m) for m in SOFTHSM_MODULES if Path(m).is_file()), None)
    util = shutil.which("softhsm2-util")
    if module is None or util is None:
        summary.add("token maken", started, ok=False, detail="SoftHSM2 ontbreekt")
        return None
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
        "log.level = ERROR\n",
        encoding="utf-8",
    )
    pin, so_pin = secrets.token_hex(16), secrets.token_hex(16)
    env = signer_env(conf)
    # softhsm2-util takes PINs only as arguments; this token is thrown away at the end.
    init = [util, "--init-token", "--free", "--label", HSM_LABEL, "--pin", pin]
    result = run([*init, "--so-pin", so_pin], env=env)
    if result.returncode != 0:
        summary.add("token maken", started, ok=False, detail=result.stderr.strip())
        return None
    public = folder / "release.pub.pem"
    keygen = [sys.executable, "-m", "signing.sign", "token-keygen", "--public-key-out", str(public)]
    keygen += ["--pkcs11-module", str(module), "--token-label", HSM_LABEL]
    keygen += ["--key-label", KEY_LABEL]
    result = with_pin(keygen, pin.encode(), env)
    ok = result.returncode == 0
    summary.add(
        "token + Ed25519-sleutel in het token", started, ok=ok, detail=result.stderr.strip()
    )
    return (conf, pin.encode(), public) if ok else None


def scan(artifacts: Path, out: Path, summary: Summary) -> Path | None:
    """kandidaat-scan over the artifacts with the canaries of both builds."""
    started = time.monotonic()
    canaries = out / "canaries.txt"
    canaries.write_text(
        "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("canaries-*.txt"))),
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "signing.scan", str(artifacts), "--json"]
    command += ["--canary-file", str(canaries)]
    for name, _, _ in CALLERS:  # the callers' user names and every home the builds had
        command += ["--host-user", CALLER_USERS[name], "--home", str(out / name / "work" / "home")]
    result = run(command, cwd=REPO)
    report = out / "scan-report.json"
    report.write_text(result.stdout, encoding="utf-8")
    try:
        data = json.loads(result.stdout)
        detail = f"{data['files']} bestanden, {len(data['findings'])} bevindingen"
    except (ValueError, KeyError):
        detail = result.stderr.strip()[-500:]
    summary.add("scan (kandidaat-scan)", started, ok=result.returncode == 0, detail=detail)
    return report if result.returncode == 0 else None


def sign_and_verify(
    artifacts: Path, report: Path, token: tuple[Path, bytes, Path], summary: Summary
) -> None:
    """Sign with the token, verify, then tamper with a copy and verify again."""
    conf, pin, public = token
    module = next(m for m in SOFTHSM_MODULES if Path(m).is_file())
    env = signer_env(conf)
    started = time.monotonic()
    command = [sys.executable, "-m", "signing.sign", "sign", str(artifacts)]
    command += ["--scan-report", str(report), "--public-key", str(public)]
    command += ["--pkcs11-module", module, "--token-label", HSM_LABEL, "--key-label", KEY_LABEL]
    result = with_pin(command, pin, env)
    signed = result.returncode == 0
    if not summary.add("ondertekenen (token)", started, ok=signed, detail=result.stderr.strip()):
        return
    started = time.monotonic()
    verify = [sys.executable, "-m", "signing.verify", str(artifacts), "--public-key", str(public)]
    installed = artifacts.parent / "work" / "dist" / "kandidaat"
    first = run(verify, cwd=REPO, env=signer_env(None))
    second = run([*verify, "--installed", str(installed)], cwd=REPO, env=signer_env(None))
    ok = first.returncode == 0 and second.returncode == 0
    outputs = (first.stdout, second.stdout) if ok else (first.stderr, second.stderr)
    detail = " | ".join(text.strip().splitlines()[0] for text in outputs if text.strip())
    summary.add("verifiëren (uitgave + uitgepakt programma)", started, ok=ok, detail=detail.strip())
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kandidaat-tamper-") as scratch:
        copy = Path(scratch) / "uitgave"
        shutil.copytree(artifacts, copy)
        tarball = next(copy.glob("*.tar.gz"))
        data = bytearray(tarball.read_bytes())
        data[len(data) // 2] ^= 0x01
        tarball.write_bytes(bytes(data))
        tampered = run([*verify[:3], str(copy), *verify[4:]], cwd=REPO, env=signer_env(None))
    ok = tampered.returncode == 1 and tarball.name in tampered.stderr
    detail = tampered.stderr.strip().replace("\n", " ")
    summary.add("gemanipuleerde kopie wordt afgekeurd", started, ok=ok, detail=detail)


def main(argv: list[str] | None = None) -> int:
    """Run every stage and print the summary."""
    parser = argparse.ArgumentParser(description="De hele uitgavestraat als bewijs.")
    default = Path(os.environ.get("KANDIDAAT_OUT", REPO.parent / "out")) / "release-check"
    parser.add_argument("--out", type=Path, default=default, help="werkmap (buiten de repo)")
    parser.add_argument("--wheelhouse", type=Path, default=None, help="gedeelde wielenmap")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    try:
        with exclusive(out):
            return check(out, (args.wheelhouse or out.parent / "wheelhouse").resolve())
    except BuildError as error:
        sys.stderr.write(f"fout: {error.message}\n")
        return 2


def check(out: Path, wheelhouse: Path) -> int:
    """Every stage in ``out`` (emptied first); the summary decides the exit code."""
    for child in out.iterdir():
        if child.name != ".lock":
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    commit, _ = git_facts(REPO)
    summary = Summary()
    builds = [build(name, out, wheelhouse, commit, summary) for name, _, _ in CALLERS]
    if None in builds:
        sys.stdout.write(summary.render())
        return 1
    first, second = (path for path in builds if path is not None)
    started = time.monotonic()
    differences = compare_artifact_dirs(first, second)
    same = f"{len(list(first.iterdir()))} bestanden gelijk"
    detail = "; ".join(differences[:5]) if differences else same
    summary.add("reproduceerbaar (byte voor byte)", started, ok=not differences, detail=detail)
    check_licences(first, summary)
    start_program(first, summary)
    report = scan(first, out, summary)
    with tempfile.TemporaryDirectory(prefix="kandidaat-token-") as token_dir:
        token = make_token(Path(token_dir), summary)
        if report is not None and token is not None:
            sign_and_verify(first, report, token, summary)
    sys.stdout.write(summary.render())
    (out / "summary.json").write_text(summary.as_json(), encoding="utf-8")
    return 0 if all(row[2] for row in summary.rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
