"""A tar.gz of a onedir bundle is opened member by member, not taken for one executable.

The release tarball contains the PyInstaller program, whose archive cookie then
sits somewhere inside the tar stream. The scanner must still open the tar first,
so that findings name the member and allowlist entries scoped to members apply
(found by the release check: 110 findings reported against the tarball itself).
"""

from __future__ import annotations

from conftest import _tar_bytes, build_carchive_executable

from signing.scan.scanner import ScanOptions, scan_data


def _bundle_tar_gz() -> bytes:
    program = build_carchive_executable([("welkom.txt", "x", b"Welkom bij kandidaat\n", True)])
    settings = b'gebruikersnaam = "bouwer"\nwachtwoord = "Zomer2023!geheim"\n'
    return _tar_bytes(
        {
            "kandidaat/kandidaat": program,
            "kandidaat/_internal/instellingen.py": settings,
        },
        "w:gz",
    )


def test_a_leak_next_to_the_program_in_a_tarball_is_named_by_its_member() -> None:
    report = scan_data("kandidaat.tar.gz", _bundle_tar_gz(), ScanOptions())
    locations = {finding.location for finding in report.findings}
    assert report.exit_code == 1
    assert any(location.endswith("!kandidaat/_internal/instellingen.py") for location in locations)
    assert "kandidaat.tar.gz" not in locations


def test_the_program_inside_the_tarball_is_still_opened_as_a_pyinstaller_archive() -> None:
    report = scan_data("kandidaat.tar.gz", _bundle_tar_gz(), ScanOptions())
    assert report.members >= 3
    assert not report.problems
