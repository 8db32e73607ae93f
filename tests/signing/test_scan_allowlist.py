"""The allowlist: the only way to accept a string, and every entry must say why."""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from signing.scan.allowlist import DEFAULT_ALLOWLIST, load_allowlist
from signing.scan.cli import main
from signing.scan.model import AllowlistError
from signing.scan.rules import DESCRIPTIONS
from signing.scan.scanner import ScanOptions, scan_data

if TYPE_CHECKING:
    import types
    from collections.abc import Callable

RULES = frozenset(DESCRIPTIONS)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "allowlist.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _leaky_file(tmp_path: Path) -> Path:
    path = tmp_path / "hosts.txt"
    path.write_text("backup = 10.1.2.3\nprinter = 10.9.9.9\n", encoding="utf-8")
    return path


def test_an_entry_without_a_reason_makes_the_scanner_refuse_the_allowlist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    allowlist = _write(
        tmp_path,
        '[[allow]]\nrule = "private-ip"\npattern = "10.1.2.3"\nreason = "test-netwerk"\n\n'
        '[[allow]]\nrule = "private-ip"\npattern = "10.9.9.9"\n',
    )
    code = main(["--allowlist", str(allowlist), str(_leaky_file(tmp_path))])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert (
        f"allowlist {allowlist}, regel 2 (rule='private-ip', pattern='10.9.9.9'): "
        "'reason' ontbreekt of is leeg; elke regel heeft een reden"
    ) in captured.err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[allow]]\nrule = "private-ip"\npattern = "10.1.2.3"\nreason = "   "\n',
            "'reason' ontbreekt",
        ),
        (
            '[[allow]]\nrule = "geen-regel"\npattern = "x"\nreason = "r"\n',
            "onbekende regel 'geen-regel'",
        ),
        ('[[allow]]\nrule = "private-ip"\nreason = "r"\n', "'pattern' ontbreekt"),
        (
            '[[allow]]\nrule = "private-ip"\npattern = "(["\nmatch = "regex"\nreason = "r"\n',
            "ongeldige reguliere expressie",
        ),
        (
            '[[allow]]\nrule = "private-ip"\npattern = "x"\nreason = "r"\nwaarom = 1\n',
            "onbekende sleutel(s) waarom",
        ),
        (
            '[[allow]]\nrule = "private-ip"\npattern = "x"\nmatch = "glob"\nreason = "r"\n',
            "'match' moet",
        ),
        ('[[allow]\nrule = "private-ip"\n', "geen geldige TOML (regel 1, kolom"),
        ('[[toestaan]]\nrule = "x"\n', "onbekende sleutel(s) toestaan"),
    ],
)
def test_a_malformed_allowlist_is_refused_with_a_dutch_message(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(AllowlistError) as refused:
        load_allowlist(_write(tmp_path, text), RULES)
    assert message in str(refused.value)


def test_a_missing_allowlist_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--allowlist", str(tmp_path / "weg.toml"), str(_leaky_file(tmp_path))])
    assert code == 2
    assert "weg.toml: bestand bestaat niet" in capsys.readouterr().err


def test_an_allowed_string_is_counted_but_not_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    allowlist = _write(
        tmp_path,
        '[[allow]]\nrule = "private-ip"\npattern = "10.1.2.3"\n'
        'reason = "het testnetwerk uit de handleiding"\n',
    )
    code = main(["--allowlist", str(allowlist), str(_leaky_file(tmp_path))])
    out = capsys.readouterr().out
    assert code == 1
    assert "10.9.9.9" in out
    assert "10.1.2.3" not in out
    assert "1 treffer(s) toegestaan door de allowlist (met reden)." in out


def test_where_limits_an_entry_to_matching_locations(tmp_path: Path) -> None:
    allowlist = load_allowlist(
        _write(
            tmp_path,
            '[[allow]]\nrule = "private-ip"\npattern = "10\\\\.\\\\d+\\\\.\\\\d+\\\\.\\\\d+"\n'
            'match = "regex"\nwhere = "docs/*"\nreason = "voorbeelden in de handleiding"\n',
        ),
        RULES,
    )
    options = ScanOptions(allowlist=allowlist)
    assert scan_data("docs/netwerk.txt", b"host 10.1.2.3\n", options).findings == []
    [finding] = scan_data("app/netwerk.txt", b"host 10.1.2.3\n", options).findings
    assert finding.rule == "private-ip"


def test_the_committed_allowlist_loads_and_every_entry_has_a_specific_reason() -> None:
    allowlist = load_allowlist(DEFAULT_ALLOWLIST, RULES)
    assert allowlist.entries
    for entry in allowlist.entries:
        assert len(entry.reason) >= 60, entry
        assert entry.where is not None, entry


@pytest.mark.slow
def test_the_whole_standard_library_in_a_pyz_is_clean_with_the_committed_allowlist(
    pyz_builder: Callable[[dict[str, types.CodeType]], bytes],
) -> None:
    library = Path(sysconfig.get_paths()["stdlib"])
    skipped = {"test", "idlelib", "lib2to3", "tkinter", "turtledemo", "site-packages", "ensurepip"}
    modules = {}
    for path in sorted(library.rglob("*.py")):
        relative = path.relative_to(library)
        if skipped & set(relative.parts) or "tests" in relative.parts:
            continue
        name = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
        try:
            modules[name] = compile(path.read_bytes(), name, "exec")
        except SyntaxError:
            continue  # a few files are templates, never imported
    assert len(modules) > 400
    assert "urllib.request" in modules
    pyz = pyz_builder(modules)
    options = ScanOptions(allowlist=load_allowlist(DEFAULT_ALLOWLIST, RULES))
    report = scan_data("dist/kandidaat/_internal/PYZ.pyz", pyz, options)
    assert report.problems == []
    assert report.findings == []
    assert report.allowed > 0
    assert sys.version_info[:2] == (3, 11)  # the allowlist names the pinned 3.11.7 prefix
