"""Builders for the leak-scanner tests: a leaky project in the spirit of the 2023
OSV2020 installer incident, packed the way installers are packed.

Every secret is generated at test time (nothing secret is committed). The packers
write the real formats: tar.gz, zip, a .deb (ar archive with control.tar.gz and
data.tar.xz) and a PyInstaller executable (bootloader bytes + CArchive with a PYZ of
zlib-compressed marshalled code objects, TOC and cookie), following PyInstaller 6's
``archive/readers.py``; they do not use the scanner's own readers.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import marshal
import secrets
import struct
import sys
import tarfile
import types
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

if TYPE_CHECKING:
    from collections.abc import Callable

COOKIE_MAGIC = b"MEI\014\013\012\013\016"
PYTHON_VERSION = sys.version_info.major * 100 + sys.version_info.minor


@dataclasses.dataclass(frozen=True)
class Leak:
    """One planted leak: the rule that must find it and the file (inside the project) it is in."""

    rule: str
    member: str


@dataclasses.dataclass(frozen=True)
class LeakyProject:
    """A project folder with its planted leaks and the canary of its build environment."""

    root: Path
    leaks: tuple[Leak, ...]
    canary: str
    settings_source: str


def _settings_source(*, leaky: bool, canary: str) -> str:
    if not leaky:
        return (
            '"""Settings of the vendor tool (clean)."""\n'
            'APP_NAME = "kandidaat"\n'
            'UPDATE_URL = "https://www.kiesraad.nl/verkiezingen"\n'
            'SIGNING_USER_PROMPT = "Gebruikersnaam voor ondertekenen"\n'
            'PASSWORD_FILE = "~/.config/kandidaat/wachtwoord.txt"\n'
            'RELEASE = "version 10.1.2.3"\n'
            "TIMEOUT_SECONDS = 30\n"
        )
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.TraditionalOpenSSL, NoEncryption()).decode()
    aws = "AKIA" + "".join(secrets.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
    return (
        '"""Settings of the vendor tool, with everything that must never ship."""\n'
        f'SIGNING_USER = "svc-sign-{secrets.token_hex(3)}"\n'
        f'SIGNING_PASS = "Zomer-{secrets.token_urlsafe(9)}"\n'
        f'CODESIGN_SHARE = r"\\\\fs01.intern.vendor.local\\codesign$\\osv2020.pfx"\n'
        f'UPDATE_URL = "https://deploy:{secrets.token_urlsafe(8)}@updates.vendor.local/osv"\n'
        f'AWS_ACCESS_KEY_ID = "{aws}"\n'
        f'wachtwoord = "geheim-{secrets.token_hex(6)}"\n'
        f'BUILD_ENV = "{canary}"\n'
        f'SIGNING_KEY = """{pem}"""\n'
    )


SETTINGS = "vendorcfg/settings.py"
LEAKY_RULES = (
    Leak("username-assignment", SETTINGS),
    Leak("credential-assignment", SETTINGS),
    Leak("unc-path", SETTINGS),
    Leak("internal-host", SETTINGS),
    Leak("url-credentials", SETTINGS),
    Leak("aws-access-key", SETTINGS),
    Leak("private-key-pem", SETTINGS),
    Leak("canary", SETTINGS),
)
LEAKY_FILES = (
    Leak("forbidden-file", ".pypirc"),
    Leak("forbidden-file", ".git/"),
    Leak("forbidden-file", "keys/signing.pem"),
)


def make_project(root: Path, *, leaky: bool) -> LeakyProject:
    """Write the project; the clean variant has the same shape without any leak."""
    canary = f"kanarie-{secrets.token_hex(12)}"
    source = _settings_source(leaky=leaky, canary=canary)
    (root / "vendorcfg").mkdir(parents=True)
    (root / "vendorcfg" / "__init__.py").write_text("", encoding="utf-8")
    (root / SETTINGS).write_text(source, encoding="utf-8")
    (root / "main.py").write_text(
        "import vendorcfg.settings\n\nprint(vendorcfg.settings.APP_NAME if hasattr("
        "vendorcfg.settings, 'APP_NAME') else 'vendor')\n",
        encoding="utf-8",
    )
    (root / "README.txt").write_text("Vendor tool 1.0 - see docs.\n", encoding="utf-8")
    if not leaky:
        return LeakyProject(root, (), canary, source)
    (root / ".pypirc").write_text(
        f"[pypi]\nusername = __token__\npassword = pypi-{secrets.token_urlsafe(24)}\n",
        encoding="utf-8",
    )
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(
        '[remote "origin"]\n\turl = git@git.vendor.local:osv/installer.git\n', encoding="utf-8"
    )
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / "keys").mkdir()
    key = ec.generate_private_key(ec.SECP256R1())
    (root / "keys" / "signing.pem").write_bytes(
        key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    )
    return LeakyProject(root, LEAKY_RULES + LEAKY_FILES, canary, source)


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def pack_tar_gz(project: Path, out: Path, prefix: str) -> Path:
    """A source-style tarball: ``prefix/...``, gzip-compressed."""
    with tarfile.open(out, "w:gz") as archive:
        for path in _files(project):
            archive.add(path, arcname=f"{prefix}/{path.relative_to(project).as_posix()}")
    return out


def pack_zip(project: Path, out: Path) -> Path:
    """A zip (as a wheel or a zipped onedir is)."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in _files(project):
            archive.write(path, arcname=path.relative_to(project).as_posix())
    return out


def _tar_bytes(files: dict[str, bytes], mode: str) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _ar_member(name: str, data: bytes) -> bytes:
    header = f"{name:<16}{0:<12}{0:<6}{0:<6}{'100644':<8}{len(data):<10}".encode("ascii") + b"`\n"
    return header + data + (b"\n" if len(data) % 2 else b"")


def pack_deb(project: Path, out: Path, install_prefix: str) -> Path:
    """A Debian package: ar archive of debian-binary, control.tar.gz, data.tar.xz."""
    control = _tar_bytes(
        {"./control": b"Package: vendor-tool\nVersion: 1.0\nArchitecture: all\n"}, "w:gz"
    )
    data = _tar_bytes(
        {
            f"./{install_prefix}/{p.relative_to(project).as_posix()}": p.read_bytes()
            for p in _files(project)
        },
        "w:xz",
    )
    out.write_bytes(
        b"!<arch>\n"
        + _ar_member("debian-binary", b"2.0\n")
        + _ar_member("control.tar.gz", control)
        + _ar_member("data.tar.xz", data)
    )
    return out


def build_pyz(modules: dict[str, str] | dict[str, types.CodeType]) -> bytes:
    """A PYZ: magic, bytecode magic, TOC offset; zlib-compressed marshalled code; marshalled TOC."""
    body = bytearray()
    toc = []
    header_length = 12
    for name, source in modules.items():
        code = (
            source
            if isinstance(source, types.CodeType)
            else compile(source, f"{name.replace('.', '/')}.py", "exec")
        )
        blob = zlib.compress(marshal.dumps(code))
        toc.append((name, (0, header_length + len(body), len(blob))))
        body += blob
    toc_offset = header_length + len(body)
    return (
        b"PYZ\0"
        + importlib.util.MAGIC_NUMBER
        + struct.pack("!i", toc_offset)
        + bytes(body)
        + marshal.dumps(toc)
    )


def build_carchive_executable(entries: list[tuple[str, str, bytes, bool]]) -> bytes:
    """Bootloader bytes + CArchive (entries, TOC, cookie), as PyInstaller 6 appends it.

    ``entries`` are (name, type code, data, compress).
    """
    bootloader = b"\x7fELF" + bytes(60) + b"PyInstaller bootloader stand-in\0" * 32
    package = bytearray()
    toc = bytearray()
    for name, type_code, data, compress in entries:
        stored = zlib.compress(data) if compress else data
        offset = len(package)
        package += stored
        encoded = name.encode("utf-8") + b"\0"
        encoded += b"\0" * (-(18 + len(encoded)) % 16)
        toc += struct.pack(
            "!IIIIBc",
            18 + len(encoded),
            offset,
            len(stored),
            len(data),
            int(compress),
            type_code.encode("ascii"),
        )
        toc += encoded
    toc_offset = len(package)
    package += toc
    cookie_length = struct.calcsize("!8sIIII64s")
    cookie = struct.pack(
        "!8sIIII64s",
        COOKIE_MAGIC,
        len(package) + cookie_length,
        toc_offset,
        len(toc),
        PYTHON_VERSION,
        b"libpython3.11.so.1.0",
    )
    return bootloader + bytes(package) + cookie


def pack_pyinstaller(project: Path, out: Path) -> Path:
    """A onefile-style executable: the script, a PYZ with the modules, data files."""
    modules = {
        "vendorcfg": (project / "vendorcfg" / "__init__.py").read_text(encoding="utf-8"),
        "vendorcfg.settings": (project / SETTINGS).read_text(encoding="utf-8"),
    }
    main = marshal.dumps(compile((project / "main.py").read_text(encoding="utf-8"), "main", "exec"))
    entries: list[tuple[str, str, bytes, bool]] = [
        ("pyi-python-flag Py_GIL_DISABLED", "o", b"", False),
        ("main", "s", main, True),
        ("PYZ.pyz", "z", build_pyz(modules), False),
    ]
    for path in _files(project):
        relative = path.relative_to(project).as_posix()
        if not relative.endswith(".py"):
            entries.append((relative, "x", path.read_bytes(), True))
    out.write_bytes(build_carchive_executable(entries))
    return out


@dataclasses.dataclass(frozen=True)
class Bundle:
    """A packed project: its format, its file and where the project's files are inside it."""

    kind: str
    path: Path
    base: str

    def location_of(self, member: str) -> str:
        """Where the scanner must report a leak in ``member`` (a path in the project)."""
        if self.kind == "pyinstaller" and member.endswith(".py"):
            module = member.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
            return f"{self.path}!PYZ.pyz!{module}"
        return f"{self.base}{member}"


def pack_all(project: LeakyProject, out: Path) -> tuple[Bundle, ...]:
    """The project as a folder, a tar.gz, a zip, a .deb and a PyInstaller executable."""
    out.mkdir()
    tarball = pack_tar_gz(project.root, out / "vendor-1.0.tar.gz", "vendor-1.0")
    wheel = pack_zip(project.root, out / "vendor-1.0-py3-none-any.whl")
    deb = pack_deb(project.root, out / "vendor_1.0_all.deb", "opt/vendor")
    executable = pack_pyinstaller(project.root, out / "vendor-tool")
    return (
        Bundle("folder", project.root, f"{project.root}/"),
        Bundle("tar.gz", tarball, f"{tarball}!vendor-1.0/"),
        Bundle("zip", wheel, f"{wheel}!"),
        Bundle("deb", deb, f"{deb}!data.tar.xz!./opt/vendor/"),
        Bundle("pyinstaller", executable, f"{executable}!"),
    )


@pytest.fixture
def leaky_project(tmp_path: Path) -> LeakyProject:
    """The leaky vendor project as a folder."""
    return make_project(tmp_path / "leaky", leaky=True)


@pytest.fixture
def clean_project(tmp_path: Path) -> LeakyProject:
    """The same project without a single leak."""
    return make_project(tmp_path / "clean", leaky=False)


@pytest.fixture
def leaky_bundles(leaky_project: LeakyProject, tmp_path: Path) -> tuple[Bundle, ...]:
    """The leaky project in every format an installer comes in."""
    return pack_all(leaky_project, tmp_path / "leaky-out")


@pytest.fixture
def clean_bundles(clean_project: LeakyProject, tmp_path: Path) -> tuple[Bundle, ...]:
    """The clean project in every format."""
    return pack_all(clean_project, tmp_path / "clean-out")


@pytest.fixture
def pyz_builder() -> Callable[[dict[str, types.CodeType]], bytes]:
    """The PYZ writer, for tests that put their own modules in a PYZ."""
    return build_pyz
