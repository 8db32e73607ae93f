"""The licence texts every installer carries (LGPL-3.0 art. 4, GPL-3.0 art. 4 and 6).

The folder ``licenties/`` is made here from the project's own venv, which holds the
same locked wheels as the build's venv; ``make release-check`` then opens the real
tar.gz and .deb and checks the same folder in both (``check_licences``).
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import shutil
import sys
import tarfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD_DIR = REPO / "build"
sys.path.insert(0, str(BUILD_DIR))

from kandidaat_build.errors import BuildError  # noqa: E402 - after sys.path
from kandidaat_build.licences import (  # noqa: E402
    SystemPackage,
    common_licences,
    find_components,
    shipped_problems,
    site_packages_of,
    system_packages,
    write_licences,
)
from kandidaat_build.locks import read_lock  # noqa: E402
from kandidaat_build.packing import DebPackage, pack_tree, write_deb  # noqa: E402
from kandidaat_build.pipeline import SOURCE_BUILD_FILES  # noqa: E402

if TYPE_CHECKING:
    from types import ModuleType

# SHA-256 of the FSF's plain-text licences (gnu.org/licenses/lgpl-3.0.txt and
# gpl-3.0.txt), the same files Debian ships in /usr/share/common-licenses.
LGPL3_SHA256 = "e3a994d82e644b03a792a930f574002658412f62407f5fee083f2555c5f23118"
GPL3_SHA256 = "3972dc9744f6499f0f9b2dbf76696f2ae7ad8af9b23dde66d6af86c9dfb36986"
BUNDLED = [wheel.name for wheel in read_lock(BUILD_DIR / "requirements-bundle.lock")]
VENV = Path(sys.prefix)


def _release_check() -> ModuleType:
    """``build/release_check.py`` as a module (it is a script, not a package member)."""
    spec = importlib.util.spec_from_file_location("release_check", BUILD_DIR / "release_check.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["release_check"] = module
    spec.loader.exec_module(module)
    return module


def _bundle(tmp_path: Path) -> Path:
    """A bundle folder with a Qt library where PyInstaller puts it, and its licenties/."""
    bundle = tmp_path / "kandidaat"
    (bundle / "_internal" / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (bundle / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6").write_bytes(b"\x7fELF")
    (bundle / "kandidaat").write_bytes(b"#!/bin/sh\n")
    if not site_packages_of(VENV):
        pytest.fail(f"{VENV}: geen site-packages; draai de tests met .venv/bin/python")
    write_licences(bundle, site_packages_of(VENV), BUNDLED, BUILD_DIR / "licences")
    return bundle


def _folder(bundle: Path) -> dict[str, bytes]:
    root = bundle / "licenties"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_the_bundle_carries_the_complete_lgpl_3_and_gpl_3_texts(tmp_path: Path) -> None:
    folder = _folder(_bundle(tmp_path))
    lgpl, gpl = folder["LGPL-3.0.txt"].decode(), folder["GPL-3.0.txt"].decode()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in lgpl
    assert "Version 3, 29 June 2007" in lgpl
    assert "6. Revised Versions of the GNU Lesser General Public License." in lgpl
    assert "GNU GENERAL PUBLIC LICENSE" in gpl
    assert "Version 3, 29 June 2007" in gpl
    assert "END OF TERMS AND CONDITIONS" in gpl
    assert hashlib.sha256(folder["LGPL-3.0.txt"]).hexdigest() == LGPL3_SHA256
    assert hashlib.sha256(folder["GPL-3.0.txt"]).hexdigest() == GPL3_SHA256


def test_the_committed_texts_are_those_debian_ships_when_this_machine_has_them() -> None:
    common = Path("/usr/share/common-licenses")
    if not (common / "LGPL-3").is_file():
        pytest.skip("geen /usr/share/common-licenses op deze machine; de SHA-256 test hierboven")
    assert (BUILD_DIR / "licences" / "LGPL-3.0.txt").read_bytes() == (
        common / "LGPL-3"
    ).read_bytes()
    assert (BUILD_DIR / "licences" / "GPL-3.0.txt").read_bytes() == (common / "GPL-3").read_bytes()


def test_the_qt_notice_offers_the_source_and_says_how_to_replace_the_libraries(
    tmp_path: Path,
) -> None:
    notice = _folder(_bundle(tmp_path))["QT-LGPL-BRONCODE.txt"].decode()
    pyside = next(w.version for w in read_lock(BUILD_DIR / "requirements-bundle.lock")
                  if w.name == "PySide6-Essentials")  # fmt: skip
    assert f"PySide6-Essentials {pyside}" in notice
    assert "_internal/PySide6/Qt/lib/libQt6Core.so.6" in notice  # the library found in the bundle
    assert "ten minste drie\njaar" in notice  # the written offer of GPL-3.0 art. 6 b
    assert "without relinking anything" in notice
    assert "$" not in notice  # every placeholder of the template filled in


def test_every_bundled_wheel_s_own_licence_files_are_copied_unchanged(tmp_path: Path) -> None:
    folder = _folder(_bundle(tmp_path))
    components = find_components(site_packages_of(VENV), [*BUNDLED, "pyinstaller"])
    copied = 0
    for component in components:
        for relative, source in component.files:
            assert folder[f"{component.folder}/{relative}"] == source.read_bytes()
            copied += 1
    assert copied >= 12
    reportlab = next(v for k, v in folder.items() if k.startswith("reportlab-"))
    assert b"Redistribution and use in source and binary forms" in reportlab
    lxml = b"".join(v for k, v in folder.items() if k.startswith("lxml-"))
    assert b"libxml2" in lxml
    assert b"libxslt" in lxml
    assert b"Bootloader Exception" in next(v for k, v in folder.items() if k.startswith("pyinst"))
    assert b"PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" in folder["python/LICENSE.txt"]


def test_a_complete_folder_has_no_problems_and_a_missing_lgpl_text_is_named(
    tmp_path: Path,
) -> None:
    folder = _folder(_bundle(tmp_path))
    assert shipped_problems(folder) == []
    del folder["LGPL-3.0.txt"]
    folder["GPL-3.0.txt"] = b"GNU GENERAL PUBLIC LICENSE\n(see the website)\n"
    assert shipped_problems(folder) == [
        "licenties/LGPL-3.0.txt ontbreekt",
        "licenties/GPL-3.0.txt: 'Version 3, 29 June 2007' ontbreekt",
        "licenties/GPL-3.0.txt: '6. Conveying Non-Source Forms.' ontbreekt",
        "licenties/GPL-3.0.txt: 'END OF TERMS AND CONDITIONS' ontbreekt",
    ]


def test_a_bundled_distribution_without_a_licence_file_stops_the_build(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    info = site / "naamloos-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: naamloos\nVersion: 1.0\n")
    (info / "RECORD").write_text("naamloos-1.0.dist-info/METADATA,,\n")
    with pytest.raises(BuildError, match=r"naamloos 1\.0: het wiel bevat geen licentiebestand"):
        find_components([site], ["naamloos"])


def test_the_build_exports_the_committed_licence_texts() -> None:
    assert "build/licences" in SOURCE_BUILD_FILES


def test_the_release_check_finds_the_texts_in_the_tar_gz_and_the_deb(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path)
    artifacts = tmp_path / "artifacts"
    artifacts.mkdir()
    pack_tree(bundle, "kandidaat-0.1.0", artifacts / "kandidaat-0.1.0-linux-x86_64.tar.gz", 0)
    meta = DebPackage("kandidaat", "0.1.0", "amd64", "wij", "libc6", "k", ("k",))
    link = ("usr/bin/kandidaat", "/opt/kandidaat/kandidaat")
    write_deb(meta, bundle, "/opt/kandidaat", link, artifacts / "kandidaat_0.1.0_amd64.deb", 0)
    check = _release_check()
    summary = check.Summary()
    assert check.check_licences(artifacts, summary) is True
    name, _, ok, detail = summary.rows[-1]
    assert name == "licentieteksten in tar.gz en .deb"
    assert ok, detail
    count = len(_folder(bundle))
    assert f"kandidaat-0.1.0-linux-x86_64.tar.gz: {count} bestanden" in detail
    assert f"kandidaat_0.1.0_amd64.deb: {count} bestanden" in detail


def test_an_installer_without_the_lgpl_text_fails_the_release_check(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path)
    (bundle / "licenties" / "LGPL-3.0.txt").unlink()
    artifacts = tmp_path / "artifacts"
    artifacts.mkdir()
    pack_tree(bundle, "kandidaat-0.1.0", artifacts / "kandidaat-0.1.0-linux-x86_64.tar.gz", 0)
    (artifacts / "kandidaat_0.1.0_amd64.deb").write_bytes(b"!<arch>\n")
    check = _release_check()
    summary = check.Summary()
    assert check.check_licences(artifacts, summary) is False
    detail = summary.rows[-1][3]
    assert "kandidaat-0.1.0-linux-x86_64.tar.gz: licenties/LGPL-3.0.txt ontbreekt" in detail


def test_the_deb_reader_finds_the_data_member_after_an_odd_sized_one() -> None:
    check = _release_check()
    payload = io.BytesIO()
    with tarfile.open(fileobj=payload, mode="w:gz"):
        pass

    def member(name: str, data: bytes) -> bytes:
        header = f"{name:<16}{0:<12}{0:<6}{0:<6}{0o100644:<8o}{len(data):<10}`\n".encode()
        return header + data + (b"\n" if len(data) % 2 else b"")

    deb = b"!<arch>\n" + member("debian-binary", b"2.0\n") + member("control.tar.gz", b"abc")
    deb += member("data.tar.gz", payload.getvalue())
    assert check.deb_data_from_bytes(deb) == payload.getvalue()


def _system_zlib() -> Path:
    for folder in ("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu"):
        if (Path(folder) / "libz.so.1").is_file():
            return Path(folder) / "libz.so.1"
    pytest.skip("geen libz.so.1 van het systeem op deze machine")


def test_a_library_pyinstaller_took_from_the_build_machine_ships_its_debian_copyright(
    tmp_path: Path,
) -> None:
    if shutil.which("dpkg-query") is None:
        pytest.skip("geen dpkg-query: geen Debian-bouwmachine")
    bundle = tmp_path / "kandidaat"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copyfile(_system_zlib(), bundle / "_internal" / "libz.so.1")
    (bundle / "_internal" / "libstdc++.so.6").write_bytes(b"not the system's copy")
    packages = system_packages(bundle)
    assert [(p.name, p.libraries) for p in packages] == [("zlib1g", ("libz.so.1",))]
    assert "Jean-loup Gailly" in packages[0].copyright_file.read_text(encoding="utf-8")


def test_the_full_texts_a_debian_copyright_file_refers_to_travel_along(tmp_path: Path) -> None:
    copyright_file = tmp_path / "copyright"
    copyright_file.write_text(
        "License: LGPL-2.1\n On Debian systems, the full text can be found in\n"
        " /usr/share/common-licenses/LGPL-2.1.\n",
        encoding="utf-8",
    )
    package = SystemPackage("libvoorbeeld1", copyright_file, ("libvoorbeeld.so.1",))
    if not Path("/usr/share/common-licenses/LGPL-2.1").is_file():
        pytest.skip("geen /usr/share/common-licenses op deze machine")
    assert common_licences([package]) == [Path("/usr/share/common-licenses/LGPL-2.1")]
