"""The controlled environment of the build: fixed seed, time, zone, locale and umask.

The launcher (``build/reproducible.py``) builds this environment from nothing, so
nothing of the caller's shell (proxy settings, tokens, pip configuration, a home
folder full of credentials) reaches the build. The build step checks it again
and refuses to run when anything is off.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

REQUIRED_UMASK = 0o022

# Variables the build step requires, with the value each must have (None: any).
FIXED = {
    "PYTHONHASHSEED": "0",
    "TZ": "UTC",
    "LC_ALL": "C.UTF-8",
    "PYTHONDONTWRITEBYTECODE": "1",
}
HOME_MARKER = ".kandidaat-clean-home"


def controlled_environment(source_date_epoch: int, home: Path, path: str) -> dict[str, str]:
    """The complete environment of the build step (nothing inherited but ``PATH``).

    ``PIP_CONFIG_FILE`` points at the null device so no pip configuration of the
    machine (extra indexes, find-links, constraints) can change what is installed.
    """
    return {
        **FIXED,
        "SOURCE_DATE_EPOCH": str(source_date_epoch),
        "HOME": str(home),
        "PATH": path,
        "LANG": "C.UTF-8",
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_NO_CACHE_DIR": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PYINSTALLER_CONFIG_DIR": str(home / "pyinstaller"),
    }


def make_clean_home(home: Path) -> None:
    """Create an empty home folder for the build, marked as made by us."""
    home.mkdir(parents=True, exist_ok=False)
    (home / HOME_MARKER).write_text("# lege thuismap van de build\n", encoding="utf-8")


def allow_in_home(home: Path) -> list[str]:
    """Record what the launcher itself put into the home folder (canaries); return the names.

    The build step accepts exactly these entries besides the marker.
    """
    names = sorted(entry.name for entry in home.iterdir() if entry.name != HOME_MARKER)
    with (home / HOME_MARKER).open("a", encoding="utf-8") as marker:
        marker.writelines(f"{name}\n" for name in names)
    return names


def _allowed_in_home(home: Path) -> set[str]:
    lines = (home / HOME_MARKER).read_text(encoding="utf-8").splitlines()
    return {HOME_MARKER, *(line for line in lines if line and not line.startswith("#"))}


def environment_problems(environ: Mapping[str, str], umask: int) -> list[str]:
    """Every way ``environ`` and ``umask`` differ from the controlled environment (Dutch).

    An empty list means the build may run.
    """
    problems: list[str] = []
    for name, value in FIXED.items():
        actual = environ.get(name)
        if actual is None:
            problems.append(f"{name} ontbreekt (moet {value} zijn)")
        elif actual != value:
            problems.append(f"{name} is '{actual}' (moet {value} zijn)")
    epoch = environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch.isdigit():
        problems.append(
            "SOURCE_DATE_EPOCH ontbreekt of is geen geheel getal "
            "(moet de committijd zijn: git log -1 --format=%ct)"
        )
    if umask != REQUIRED_UMASK:
        problems.append(f"umask is {umask:03o} (moet 022 zijn)")
    home = environ.get("HOME")
    if not home or not (Path(home) / HOME_MARKER).is_file():
        problems.append("HOME is geen lege thuismap van de build (start via build/reproducible.py)")
    elif {entry.name for entry in Path(home).iterdir()} - _allowed_in_home(Path(home)):
        problems.append(f"HOME ({home}) is niet leeg")
    return problems


def current_umask() -> int:
    """The process umask (reading it means setting it; it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
