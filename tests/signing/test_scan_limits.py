"""Bombs, limits and broken archives: a clear Dutch message and exit code 2, never a hang."""

from __future__ import annotations

import gzip
import io
import random
import secrets
import struct
import tarfile
import zipfile
import zlib
from typing import TYPE_CHECKING

import pytest

from signing.scan.cli import main
from signing.scan.model import Limits
from signing.scan.scanner import ScanOptions, scan_data

if TYPE_CHECKING:
    from pathlib import Path

    from tests.signing.conftest import Bundle

MB = 1024 * 1024


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_bomb_stops_at_the_total_limit_before_it_is_expanded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "bom.zip"
    bomb.write_bytes(_zip({"nullen.bin": bytes(40 * MB)}))
    assert bomb.stat().st_size < MB
    code = main([str(bomb), "--max-total-bytes", str(10 * MB)])
    out = capsys.readouterr().out
    assert code == 2
    assert f"NIET GESCAND {bomb}: onderdeel wordt groter dan {10 * MB} bytes uitgepakt" in out
    assert "mogelijk een zip-bom" in out
    assert "niet volledig gescand" in out


def test_a_gzip_bomb_is_stopped_while_it_expands() -> None:
    options = ScanOptions(limits=Limits(max_total_bytes=5 * MB, max_member_bytes=5 * MB))
    report = scan_data("log.gz", gzip.compress(bytes(30 * MB)), options)
    [problem] = report.problems
    assert "grens per onderdeel" in problem.message or "grens voor de hele scan" in problem.message
    assert report.exit_code == 2


def test_archives_nested_deeper_than_the_limit_are_refused() -> None:
    data = b"wachtwoord = 'diep-verstopt-123'\n"
    for level in range(8):
        data = _zip({f"laag{level}.zip" if level else "geheim.txt": data})
    report = scan_data("matroesjka.zip", data, ScanOptions(limits=Limits(max_depth=4)))
    [problem] = report.problems
    assert "dieper dan 4 niveaus genest" in problem.message
    assert problem.location.count("!") == 5
    assert report.exit_code == 2


def test_too_many_members_stop_the_scan() -> None:
    data = _zip({f"bestand{n}.txt": b"x" for n in range(100)})
    report = scan_data("veel.zip", data, ScanOptions(limits=Limits(max_members=20)))
    [problem] = report.problems
    assert problem.message == "meer dan 20 onderdelen in archieven (grens voor de hele scan)"


def test_a_truncated_tar_gz_is_reported_as_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        payload = secrets.token_bytes(200_000)
        info = tarfile.TarInfo("app/data.bin")
        info.size = len(payload)
        archive.addfile(info, io.BytesIO(payload))
    broken = tmp_path / "afgebroken.tar.gz"
    broken.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    assert main([str(broken)]) == 2
    assert (
        f"NIET GESCAND {broken}: gzip-stroom is afgebroken (onvolledig)" in capsys.readouterr().out
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("kapot.zip", b"PK\x03\x04" + bytes(200), "zip-archief is beschadigd"),
        ("kapot.deb", b"!<arch>\ndebian-binary   0   xx", "ar-archief is"),
        ("kapot.tar", b"x" * 257 + b"ustar\x0000" + bytes(250), "tar-archief is beschadigd"),
        ("kapot.gz", b"\x1f\x8b\x08\x00" + bytes(40), "gzip-stroom is beschadigd"),
        ("kapot.pyz", b"PYZ\0" + b"????" + struct.pack("!i", 999), "PYZ-archief"),
        ("data.tar.zst", b"\x28\xb5\x2f\xfd" + bytes(50), "zstd-archief: dit formaat kan"),
        ("setup.msi", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(50), "MSI/OLE-archief"),
        ("extra.7z", b"7z\xbc\xaf\x27\x1c" + bytes(50), "niet gescand"),
    ],
)
def test_a_broken_archive_gives_a_dutch_message_and_exit_code_2(
    name: str, data: bytes, message: str
) -> None:
    if name.endswith(".pyz"):
        import importlib.util  # noqa: PLC0415 - only this case needs the running magic

        data = data[:4] + importlib.util.MAGIC_NUMBER + data[8:]
    report = scan_data(name, data, ScanOptions())
    [problem] = report.problems
    assert problem.location == name
    assert message in problem.message
    assert report.exit_code == 2


def test_a_pyinstaller_executable_cut_off_before_its_cookie_is_not_passed_as_clean(
    leaky_bundles: tuple[Bundle, ...],
) -> None:
    executable = next(b for b in leaky_bundles if b.kind == "pyinstaller").path
    cut = executable.read_bytes()[:-100]
    report = scan_data(executable.name, cut, ScanOptions())
    [problem] = report.problems
    assert problem.message.startswith("PyInstaller-programma zonder leesbaar archief")
    assert report.exit_code == 2


def test_a_carchive_whose_entry_points_outside_the_archive_is_broken() -> None:
    name = b"geheim.txt\0" + bytes(-(18 + 11) % 16)
    entry = struct.pack("!IIIIBc", 18 + len(name), 0, 5000, 5000, 0, b"x") + name
    package = entry
    cookie = struct.pack(
        "!8sIIII64s",
        b"MEI\014\013\012\013\016",
        len(package) + 88,
        0,
        len(entry),
        311,
        b"libpython3.11.so",
    )
    report = scan_data("setup", b"\x7fELF" + bytes(100) + package + cookie, ScanOptions())
    [problem] = report.problems
    assert problem.message == "PyInstaller-onderdeel geheim.txt ligt buiten het archief"


def test_findings_in_the_readable_part_are_still_reported_next_to_the_problem() -> None:
    good = _zip({"config.ini": b"[db]\npassword = Zomer2023-test\n"})
    data = _zip({"goed.zip": good, "slecht.zip": b"PK\x03\x04" + bytes(100)})
    report = scan_data("release.zip", data, ScanOptions())
    assert [(f.rule, f.location) for f in report.findings] == [
        ("credential-assignment", "release.zip!goed.zip!config.ini")
    ]
    assert [p.location for p in report.problems] == ["release.zip!slecht.zip"]
    assert report.exit_code == 2


def test_a_path_that_does_not_exist_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "bestaat-niet.deb")]) == 2
    assert "bestand of map bestaat niet" in capsys.readouterr().out


def test_a_zlib_lookalike_text_file_is_scanned_as_text() -> None:
    text = b"x^2 + y^2 en wachtwoord = 'niet-zo-geheim-42'\n"
    report = scan_data("formule.txt", text, ScanOptions())
    assert report.problems == []
    assert [f.rule for f in report.findings] == ["credential-assignment"]


def test_a_usage_error_is_dutch_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--max-depth", "diep", "x"])
    assert stopped.value.code == 2
    assert "fout in de opdracht" in capsys.readouterr().err


def test_zlib_streams_inside_pyz_entries_are_bounded_too() -> None:
    entry = zlib.compress(bytes(20 * MB))
    assert len(entry) < MB
    options = ScanOptions(limits=Limits(max_total_bytes=4 * MB, max_member_bytes=4 * MB))
    report = scan_data("data.zz", entry, options)
    assert report.exit_code == 2
    assert "zip-bom" in report.problems[0].message


def test_damaged_copies_of_every_installer_format_never_crash_the_scanner(
    leaky_bundles: tuple[Bundle, ...],
) -> None:
    rng = random.Random(20230912)  # noqa: S311 - reproducible damage, not cryptography
    archives = [b for b in leaky_bundles if b.kind != "folder"]
    options = ScanOptions(limits=Limits(max_total_bytes=64 * MB))
    codes = set()
    for _ in range(150):
        bundle = rng.choice(archives)
        data = bytearray(bundle.path.read_bytes())
        for _ in range(rng.randint(1, 6)):
            position = rng.randrange(len(data))
            if rng.random() < 0.7:
                data[position] = rng.randrange(256)
            else:
                del data[position : position + rng.randint(1, 200)]
        report = scan_data(bundle.path.name, bytes(data), options)
        codes.add(report.exit_code)
        for problem in report.problems:
            assert problem.location.startswith(bundle.path.name)
            assert "Error" not in problem.message.split("(")[0]
    # Exit 0 is possible only when the damage destroyed what identifies the container
    # (its magic number): then the bytes are just bytes.
    assert codes <= {0, 1, 2}
    assert {1, 2} <= codes
