"""Every documented ``kandidaat`` command runs as pasted, after ``make demo``, in order.

The commands come from the ``sh`` code blocks of README.md and docs/*.md: every line that
runs ``$K ...`` or ``.venv/bin/kandidaat...`` (with the shell variables the block sets).
They run in a fresh folder laid out like the project root (``.venv`` and ``signing`` linked,
``../shared`` beside it) after ``kandidaat demo``, which is what ``make demo`` runs.

Skipped, and only these: lines marked "(needs a display)" (``kandidaat gui``), "(needs a
signed release" (``kandidaat-verify`` of a release built by ``make release-check``) and
"(installed program only)" (``--self-check`` refuses to check a source checkout).
Allowed exit codes: 0, 1 (findings) and 3 (lots); never 2 (bad input) or 4 (a bug); a
comment "exit code N" on the line demands exactly N.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SKIP_MARKERS = ("(needs a display)", "(needs a signed release", "(installed program only)")
ASSIGNMENT = re.compile(r"^[A-Z_]+=")
RUNS_KANDIDAAT = re.compile(r"(^|\|\s*)(\$K\b|\.venv/bin/kandidaat)")
BASH = shutil.which("bash") or "/bin/bash"
DEMANDED = re.compile(r"exit code (\d)")


def _logical_lines(block: str) -> list[str]:
    lines: list[str] = []
    pending = ""
    for raw in block.splitlines():
        if raw.rstrip().endswith("\\"):
            pending += raw.rstrip()[:-1] + " "
            continue
        lines.append(pending + raw)
        pending = ""
    return [line for line in lines if line.strip()]


def _blocks() -> list[tuple[str, list[str]]]:
    found = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        for number, block in enumerate(re.findall(r"```sh\n(.*?)```", text, re.DOTALL), 1):
            lines = _logical_lines(block)
            if any(RUNS_KANDIDAAT.search(line) for line in lines):
                found.append((f"{document.relative_to(ROOT)} blok {number}", lines))
    return found


BLOCKS = _blocks()


def test_the_readme_documents_the_party_and_the_csb_commands() -> None:
    commands = [line for _, lines in BLOCKS for line in lines if RUNS_KANDIDAAT.search(line)]
    assert any("$K new " in line for line in commands)
    assert any("$K seats " in line for line in commands)
    assert any("$K eml check " in line for line in commands)


def test_no_documented_new_command_has_a_fixed_election_date() -> None:
    fixed = [
        line
        for _, lines in BLOCKS
        for line in lines
        if re.search(r"\bnew\b.*--date \d{4}-\d{2}-\d{2}", line)
    ]
    assert not fixed, fixed


@pytest.fixture(scope="module")
def project_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} ontbreekt (de gedeelde EML-voorbeelden en XSD's)")
    base = tmp_path_factory.mktemp("readme")
    (base / "shared").symlink_to(SHARED)
    root = base / "main"
    root.mkdir()
    (root / ".venv").symlink_to(Path(sys.executable).parent.parent)
    (root / "signing").symlink_to(ROOT / "signing")
    demo = subprocess.run(
        [str(root / ".venv" / "bin" / "kandidaat"), "demo"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert demo.returncode == 0, demo.stderr
    return root


def _script(lines: list[str], results: Path) -> tuple[str, list[str]]:
    parts = ["set -u"]
    commands = []
    for line in lines:
        if ASSIGNMENT.match(line):
            parts.append(line)
        elif RUNS_KANDIDAAT.search(line) and not any(m in line for m in SKIP_MARKERS):
            index = len(commands)
            commands.append(line)
            out, err, code = (results / f"{index}.{kind}" for kind in ("out", "err", "rc"))
            parts.append(f"{{ {line}\n}} >'{out}' 2>'{err}'; echo $? >'{code}'")
    return "\n".join(parts) + "\n", commands


def test_every_documented_command_runs_as_pasted_after_the_demo(project_root: Path) -> None:
    failures = []
    ran = 0
    for name, lines in BLOCKS:
        results = project_root.parent / re.sub(r"\W+", "_", name)
        results.mkdir()
        script, commands = _script(lines, results)
        subprocess.run([BASH, "-c", script], cwd=project_root, check=False, timeout=900, text=True)
        for index, command in enumerate(commands):
            ran += 1
            code = int((results / f"{index}.rc").read_text().strip())
            err = (results / f"{index}.err").read_text(encoding="utf-8", errors="replace")
            demanded = DEMANDED.search(command)
            allowed = {int(demanded[1])} if demanded else {0, 1, 3}
            if code not in allowed or "Traceback" in err or "interne fout" in err:
                failures.append(f"{name}: {command}\n  uitgangscode {code}: {err.strip()[:300]}")
    assert ran >= 20, f"maar {ran} opdrachten gevonden"
    assert not failures, "\n".join(failures)
