"""The licence texts and notices that travel with every installer (``licenties/``).

The bundle carries, in ``licenties/`` beside the program:

- the licence files of every distribution the bundle holds, copied byte for byte
  from their ``.dist-info`` folders in the build's own venv (``licenses/`` and the
  ``License-File`` entries), one folder ``<name>-<version>/`` each;
- the licence of the interpreter (``LICENSE.txt`` of the CPython that runs the build)
  and of PyInstaller's bootloader (from the PyInstaller wheel);
- the full LGPL-3.0 and GPL-3.0 texts (committed in ``build/licences/``: the
  PySide6-Essentials and shiboken6 wheels carry no licence file) and the Qt notice
  with the written offer and how to replace the Qt libraries (LGPL-3.0 art. 4 and 6);
- ``OVERZICHT.txt``: which component is under which licence, and where its text is.

A bundled distribution without any licence file stops the build, so a new
dependency cannot ship without its licence. Everything is sorted and copied
unchanged, so the folder is the same on every build.
"""

from __future__ import annotations

import re
import shutil
import string
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from kandidaat_build.errors import BuildError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

LICENCE_DIR = "licenties"
COMMITTED_DIR = "build/licences"  # in the exported source of the commit
FULL_TEXTS = ("LGPL-3.0.txt", "GPL-3.0.txt")
QT_NOTICE_TEMPLATE = "QT-LGPL-BRONCODE.txt.in"
QT_NOTICE = "QT-LGPL-BRONCODE.txt"
OVERVIEW = "OVERZICHT.txt"
PYTHON_DIR = "python"
# Distributions whose wheels carry no licence file: the committed texts cover them.
COVERED_BY_QT_NOTICE = frozenset({"pyside6-essentials", "shiboken6"})
# The bootloader of PyInstaller is inside the program; the rest of the tool is not.
BOOTLOADER = "pyinstaller"

# What each component is and under which licence it reaches the user (Dutch, for the
# overview); the texts themselves come from the wheels.
COMPONENTS: dict[str, str] = {
    "charset-normalizer": "tekenset-herkenning (voor reportlab): MIT",
    "cffi": "C-koppeling (voor cryptography): MIT-0",
    "cryptography": (
        "handtekeningcontrole (--self-check): Apache-2.0 OF BSD-3-Clause; de ingebouwde "
        "OpenSSL 3 valt onder de Apache-2.0 (tekst in LICENSE.APACHE)"
    ),
    "et-xmlfile": "XML schrijven (voor openpyxl): MIT",
    "lxml": (
        "EML_NL lezen en schrijven: BSD-3-Clause; de ingebouwde libxml2, libxslt en "
        "libexslt: MIT, zlib: zlib-licentie, iconv: LGPL-2.1 (zie LICENSES.txt)"
    ),
    "openpyxl": "XLSX-kandidatenlijsten: MIT",
    "pillow": "afbeeldingen in PDF's (voor reportlab): MIT-CMU, met de ingebouwde bibliotheken",
    "pycparser": "C-ontleder (voor cffi): BSD-3-Clause",
    "pyinstaller": (
        "de opstarter (bootloader) van het programma: GPL-2.0-or-later met de "
        "bootloader-uitzondering (de bundel mag elke licentie hebben)"
    ),
    "pyside6-essentials": "de desktoptoepassing (Qt 6): LGPL-3.0, zie QT-LGPL-BRONCODE.txt",
    "reportlab": "de PDF's van de officiële modellen: BSD-3-Clause",
    "shiboken6": "koppeling Python-Qt (voor PySide6): LGPL-3.0, zie QT-LGPL-BRONCODE.txt",
}


def normalise(name: str) -> str:
    """The PyPA normalised form of a distribution name (``PySide6_Essentials`` -> ...)."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Component:
    """One distribution of the bundle and the licence files its wheel installed."""

    name: str
    version: str
    files: tuple[tuple[str, Path], ...]  # (relative name in licenties/<name>-<version>/, source)

    @property
    def folder(self) -> str:
        """Its folder below ``licenties/``."""
        return f"{self.name}-{self.version}"


def _licence_files(dist: metadata.Distribution) -> list[tuple[str, Path]]:
    """The licence files of ``dist``: below ``.dist-info/licenses/`` or named in License-File."""
    declared = set(dist.metadata.get_all("License-File") or [])
    found: dict[str, Path] = {}
    for entry in dist.files or []:
        parts = PurePosixPath(str(entry)).parts
        if len(parts) < 2 or not parts[0].endswith(".dist-info"):
            continue
        inside = PurePosixPath(*parts[1:])
        if inside.parts[0] == "licenses" and len(inside.parts) > 1:
            name = PurePosixPath(*inside.parts[1:]).as_posix()
        elif inside.as_posix() in declared:
            name = inside.as_posix()
        else:
            continue
        found[name] = Path(str(dist.locate_file(entry)))
    return sorted(found.items())


def find_components(site_packages: Sequence[Path], wanted: Iterable[str]) -> list[Component]:
    """The installed distributions named in ``wanted`` with their licence files.

    Raises:
        BuildError: when one is not installed, or has no licence file and no committed
            text covers it.
    """
    installed = {
        normalise(dist.metadata["Name"]): dist
        for dist in metadata.distributions(path=[str(path) for path in site_packages])
    }
    components: list[Component] = []
    for name in sorted({normalise(w) for w in wanted}):
        dist = installed.get(name)
        if dist is None:
            raise BuildError(f"{name}: niet geïnstalleerd in de build-venv; licentie onbekend")
        files = _licence_files(dist)
        if not files and name not in COVERED_BY_QT_NOTICE:
            raise BuildError(
                f"{name} {dist.version}: het wiel bevat geen licentiebestand; voeg de tekst "
                "toe aan build/licences/ en noem hem in build/kandidaat_build/licences.py"
            )
        for relative, source in files:
            if not source.is_file():
                raise BuildError(f"{name}: licentiebestand {relative} ontbreekt ({source})")
        components.append(Component(name, dist.version, tuple(files)))
    return components


def python_licence() -> Path:
    """``LICENSE.txt`` of the interpreter that runs the build (the one in the bundle).

    Raises:
        BuildError: when the interpreter has none (a Python without its licence file).
    """
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    path = Path(sys.base_prefix) / "lib" / version / "LICENSE.txt"
    if not path.is_file():
        raise BuildError(f"{path}: de licentie van de Python-interpreter ontbreekt")
    return path


def qt_libraries(bundle: Path) -> list[str]:
    """The shared objects of PySide6 and shiboken6 in the bundle, relative to it, sorted."""
    internal = bundle / "_internal"
    names = [
        path.relative_to(bundle).as_posix()
        for folder in ("PySide6", "shiboken6")
        for path in (internal / folder).rglob("*.so*")
        if path.is_file() and ".so" in path.name
    ]
    return sorted(names)


def qt_notice(components: Sequence[Component], bundle: Path, committed: Path) -> str:
    """The Qt notice: the committed template with the versions and the libraries filled in."""
    versions = {c.name: c.version for c in components}
    template = string.Template((committed / QT_NOTICE_TEMPLATE).read_text(encoding="utf-8"))
    libraries = qt_libraries(bundle)
    if not libraries:
        raise BuildError(f"{bundle}: geen Qt-bibliotheken gevonden voor de Qt-licentietekst")
    return template.substitute(
        pyside6_version=versions.get("pyside6-essentials", "?"),
        shiboken6_version=versions.get("shiboken6", "?"),
        qt_libraries="\n".join(f"  {name}" for name in libraries) + "\n",
    )


def overview(components: Sequence[Component], packages: Sequence[SystemPackage] = ()) -> str:
    """``OVERZICHT.txt``: every component, its licence and the files that hold the text."""
    lines = [
        "Licenties van kandidaat en van de onderdelen in deze installatie",
        "=" * 64,
        "",
        "kandidaat zelf: EUPL-1.2 (de broncode en de bouwvoorschriften zijn openbaar).",
        f"Python (de interpreter in _internal/): PSF-licentie, zie {PYTHON_DIR}/LICENSE.txt.",
        "",
        "Qt, PySide6 en shiboken6: LGPL-3.0 (volledige tekst: LGPL-3.0.txt, met de GPL-3.0",
        f"in GPL-3.0.txt). Broncode, schriftelijk aanbod en zelf vervangen: {QT_NOTICE}.",
        "",
        "Per onderdeel (map: de licentiebestanden uit het wiel, ongewijzigd):",
        "",
    ]
    for component in components:
        lines.append(f"- {component.name} {component.version}")
        lines.append(f"    {COMPONENTS.get(component.name, 'zie de licentiebestanden')}")
        if component.files:
            lines += [f"    {component.folder}/{relative}" for relative, _ in component.files]
        else:
            lines.append(f"    (het wiel bevat geen licentiebestand; zie {QT_NOTICE})")
    if packages:
        lines += [
            "",
            "Bibliotheken van het bouwsysteem (Debian) die PyInstaller ongewijzigd meenam;",
            f"de licentie van elk pakket staat in {DEBIAN_DIR}/<pakket>/copyright:",
            "",
        ]
        for package in packages:
            lines.append(f"- {package.name}: {', '.join(package.libraries)}")
    return "\n".join(lines) + "\n"


def write_licences(
    bundle: Path, site_packages: Sequence[Path], bundled: Iterable[str], committed: Path
) -> Path:
    """Fill ``bundle/licenties/`` (see the module docstring); return that folder.

    ``bundled`` names the distributions of the bundle lock; PyInstaller (its
    bootloader) is added here. ``committed`` is ``build/licences`` of the exported
    commit (never the working tree).

    Raises:
        BuildError: when a licence text is missing (see ``find_components``).
    """
    components = find_components(site_packages, [*bundled, BOOTLOADER])
    target = bundle / LICENCE_DIR
    if target.exists():
        raise BuildError(f"{target}: bestaat al in de bundel; PyInstaller hoort hem niet te maken")
    target.mkdir()
    for name in FULL_TEXTS:
        shutil.copyfile(committed / name, target / name)
    (target / PYTHON_DIR).mkdir()
    shutil.copyfile(python_licence(), target / PYTHON_DIR / "LICENSE.txt")
    for component in components:
        for relative, source in component.files:
            destination = target / component.folder / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
    packages = system_packages(bundle)
    for package in packages:
        destination = target / DEBIAN_DIR / package.name / "copyright"
        destination.parent.mkdir(parents=True)
        shutil.copyfile(package.copyright_file, destination)
    for text in common_licences(packages):
        destination = target / DEBIAN_DIR / "common-licenses" / text.name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(text, destination)
    (target / QT_NOTICE).write_text(qt_notice(components, bundle, committed), encoding="utf-8")
    (target / OVERVIEW).write_text(overview(components, packages), encoding="utf-8")
    return target


def site_packages_of(venv: Path) -> list[Path]:
    """The site-packages folder(s) of a virtual environment."""
    return sorted(venv.glob("lib/python*/site-packages"))


# What a shipped licenties/ folder must hold, and text that proves each file is the
# whole licence, not a stub: the title, the version line and the last section.
REQUIRED_TEXT: dict[str, tuple[str, ...]] = {
    "LGPL-3.0.txt": (
        "GNU LESSER GENERAL PUBLIC LICENSE",
        "Version 3, 29 June 2007",
        "4. Combined Works.",
        "6. Revised Versions of the GNU Lesser General Public License.",
    ),
    "GPL-3.0.txt": (
        "GNU GENERAL PUBLIC LICENSE",
        "Version 3, 29 June 2007",
        "6. Conveying Non-Source Forms.",
        "END OF TERMS AND CONDITIONS",
    ),
    QT_NOTICE: ("LGPL-3.0", "libQt6Core.so.6", "schriftelijk aanbod", "zelf vervangen"),
    f"{PYTHON_DIR}/LICENSE.txt": ("PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2",),
    OVERVIEW: ("LGPL-3.0.txt", "GPL-3.0.txt"),
}
# Components whose own licence folder must be there, with a text each must contain.
REQUIRED_COMPONENTS: dict[str, str] = {
    "cryptography": "Apache License",
    "et-xmlfile": "MIT",
    "lxml": "libxml2",
    "openpyxl": "MIT",
    "pyinstaller": "Bootloader Exception",
    "reportlab": "Redistribution and use in source and binary forms",
}


def shipped_problems(files: dict[str, bytes]) -> list[str]:
    """What is missing from a shipped ``licenties/`` folder (relative name -> content).

    Empty when every required text is there and complete.
    """
    problems: list[str] = []
    for name, needles in REQUIRED_TEXT.items():
        data = files.get(name)
        if data is None:
            problems.append(f"{LICENCE_DIR}/{name} ontbreekt")
            continue
        text = data.decode("utf-8", errors="replace")
        problems += [f"{LICENCE_DIR}/{name}: '{n}' ontbreekt" for n in needles if n not in text]
    for component, needle in REQUIRED_COMPONENTS.items():
        texts = [
            data.decode("utf-8", errors="replace")
            for name, data in files.items()
            if re.fullmatch(rf"{re.escape(component)}-[0-9][^/]*/.+", name)
        ]
        if not texts:
            problems.append(f"{LICENCE_DIR}/{component}-<versie>/ ontbreekt")
        elif not any(needle in text for text in texts):
            problems.append(f"{LICENCE_DIR}/{component}-<versie>/: '{needle}' ontbreekt")
    return problems


SYSTEM_LIBRARY_DIRS = (Path("/usr/lib/x86_64-linux-gnu"), Path("/lib/x86_64-linux-gnu"))
DEBIAN_DIR = "debian"


@dataclass(frozen=True)
class SystemPackage:
    """A Debian package of the build machine whose libraries PyInstaller bundled."""

    name: str
    copyright_file: Path
    libraries: tuple[str, ...]


def _same_file(bundled: Path, system: Path) -> bool:
    return system.is_file() and system.read_bytes() == bundled.read_bytes()


def system_packages(
    bundle: Path, library_dirs: Sequence[Path] = SYSTEM_LIBRARY_DIRS
) -> list[SystemPackage]:
    """The Debian packages that provided the build machine's libraries in ``_internal/``.

    PyInstaller copies the shared libraries a bundled binary links to (libxcb-*, glib,
    libstdc++, ...) from the build machine, unchanged. A library counts as the
    system's only when its bytes equal the machine's file; ``dpkg-query -S`` names
    the package, whose ``/usr/share/doc/<package>/copyright`` is its licence.

    Raises:
        BuildError: when a package has no copyright file.
    """
    # Debian registers a library under /lib or /usr/lib (merged /usr): ask for both.
    found: dict[str, list[Path]] = {}
    for library in sorted((bundle / "_internal").glob("*.so*")):
        same = [d / library.name for d in library_dirs if _same_file(library, d / library.name)]
        if same and library.is_file():
            found[library.name] = same
    if not found or shutil.which("dpkg-query") is None:
        return []
    paths = [str(path) for candidates in found.values() for path in candidates]
    result = subprocess.run(  # noqa: S603 - argument list
        ["dpkg-query", "-S", *paths],  # noqa: S607 - dpkg-query from the build's fixed PATH
        capture_output=True,
        text=True,
        check=False,
    )
    by_package: dict[str, set[str]] = {}
    for line in result.stdout.splitlines():
        package, _, path = line.partition(": ")
        name = Path(path.strip()).name
        if name in found:
            by_package.setdefault(package.split(":")[0].split(",")[0].strip(), set()).add(name)
    packages: list[SystemPackage] = []
    for package, libraries in sorted(by_package.items()):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if not copyright_file.is_file():
            raise BuildError(
                f"{package}: {copyright_file} ontbreekt; licentie van {sorted(libraries)} onbekend"
            )
        packages.append(SystemPackage(package, copyright_file, tuple(sorted(libraries))))
    return packages


COMMON_LICENCES = Path("/usr/share/common-licenses")
_COMMON_REFERENCE = re.compile(r"/usr/share/common-licenses/([A-Za-z0-9.+-]*[A-Za-z0-9+])")


def common_licences(packages: Sequence[SystemPackage]) -> list[Path]:
    """The full texts in ``/usr/share/common-licenses`` that the copyright files refer to.

    Debian's copyright files name the GPL, LGPL, Apache and other texts by that path
    instead of repeating them; a user of the bundle has no such folder, so the texts
    travel along (``debian/common-licenses/``).
    """
    names: set[str] = set()
    for package in packages:
        text = package.copyright_file.read_text(encoding="utf-8", errors="replace")
        names.update(_COMMON_REFERENCE.findall(text))
    return sorted(COMMON_LICENCES / name for name in names if (COMMON_LICENCES / name).is_file())
