"""Hostile command lines: every program answers in Dutch with exit code 2, never a traceback.

Each case is what a careless or malicious caller can type or pipe: bytes that are not UTF-8,
a megabyte-long argument, a number with a thousand digits, a folder where a file belongs,
standard input that never holds a contest, an empty folder to scan, a closed output pipe.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kandidaat.app.cli import main

BIN = Path(sys.executable).parent
ENGLISH = ("usage:", "error:", "invalid", "Traceback", "Exception ignored", "required")


def _run(
    arguments: list[str | bytes], cwd: Path, stdin: bytes = b""
) -> subprocess.CompletedProcess[str]:
    program = BIN / str(arguments[0])
    return subprocess.run(
        [program, *arguments[1:]],
        input=stdin.decode("utf-8", "surrogateescape"),
        capture_output=True,
        text=True,
        errors="replace",
        cwd=cwd,
        check=False,
        timeout=120,
        env={**os.environ, "KANDIDAAT_DEBUG": ""},
    )


def _assert_dutch_bad_input(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    leaked = [phrase for phrase in ENGLISH if phrase in result.stderr]
    assert not leaked, result.stderr
    assert "fout" in result.stderr
    assert "interne fout" not in result.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["kandidaat", "seats", "--lot", "9" * 1000, "x.json"],
        ["kandidaat", "seats", "--lot", "een", "x.json"],
        ["kandidaat", "seats", "--lot"],
        ["kandidaat", "seats"],
        ["kandidaat", "zetels"],
        ["kandidaat", "seats", "--jso", "x.json", "--bogus"],
        ["kandidaat", "eml", "show"],
        ["kandidaat-verify", "--public-key"],
        ["kandidaat-scan", "--max-depth", "diep", "."],
        ["kandidaat-sign", "sign", "--passphrase", "geheim"],
    ],
    ids=lambda a: " ".join(a)[:50],
)
def test_a_malformed_command_line_is_a_dutch_usage_error(
    arguments: list[str], tmp_path: Path
) -> None:
    result = _run([*arguments], tmp_path)
    _assert_dutch_bad_input(result)


def test_a_secret_typed_as_an_argument_is_never_echoed(tmp_path: Path) -> None:
    result = _run(["kandidaat-sign", "sign", "--passphrase", "Zeer-Geheim-42"], tmp_path)
    assert result.returncode == 2
    assert "Zeer-Geheim-42" not in result.stderr + result.stdout


def test_an_argument_of_100_000_characters_is_refused_in_dutch(tmp_path: Path) -> None:
    result = _run(["kandidaat", "seats", "x" * 100_000], tmp_path)
    _assert_dutch_bad_input(result)


def test_a_file_name_that_is_not_utf8_is_refused_in_dutch(tmp_path: Path) -> None:
    result = _run(["kandidaat", "seats", os.fsdecode(b"\xff\xfe-zetels.json")], tmp_path)
    _assert_dutch_bad_input(result)


def test_a_folder_where_a_contest_file_belongs_is_refused_in_dutch(tmp_path: Path) -> None:
    (tmp_path / "map.json").mkdir()
    result = _run(["kandidaat", "seats", "map.json"], tmp_path)
    _assert_dutch_bad_input(result)


@pytest.mark.parametrize(
    "stdin",
    [b"", b"\n\n\n", b"   \t  \n"],
    ids=["leeg", "lege regels", "witruimte"],
)
def test_standard_input_without_a_contest_is_bad_input(stdin: bytes, tmp_path: Path) -> None:
    result = _run(["kandidaat", "seats", "--json", "-"], tmp_path, stdin)
    _assert_dutch_bad_input(result)
    assert result.stdout == ""


def test_binary_garbage_on_standard_input_is_bad_input(tmp_path: Path) -> None:
    result = _run(["kandidaat", "seats", "--json", "-"], tmp_path, b"\x00\xff\xfe{garbage\n")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr


def test_scanning_an_empty_folder_is_not_a_clean_release(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    result = _run(["kandidaat-scan", "leeg"], tmp_path)
    assert result.returncode == 2, result.stdout
    assert "geen enkel bestand gescand" in result.stderr
    assert "schoon" not in result.stdout


def test_a_closed_output_pipe_while_computing_many_contests_is_quiet(tmp_path: Path) -> None:
    line = (
        '{"body": "GR", "seats": 3, "lists": [{"number": 1, "votes": 200, "candidate_count": 5},'
        ' {"number": 2, "votes": 100, "candidate_count": 5}]}\n'
    )
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [BIN / "kandidaat", "seats", "--json", "-"],
            input=line * 2000,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            check=False,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 141, result.stderr
    assert result.stderr == ""


def test_a_device_that_never_ends_is_refused_as_too_large(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("/dev/zero ontbreekt op dit systeem")
    result = _run(["kandidaat", "seats", "/dev/zero"], tmp_path)
    _assert_dutch_bad_input(result)
    assert "te groot" in result.stderr


@pytest.mark.parametrize(
    "program",
    [
        ["kandidaat", "seats"],
        ["kandidaat", "eml", "show"],
        ["kandidaat-scan"],
        ["kandidaat-verify", "--public-key", "sleutel.pem"],
    ],
    ids=" ".join,
)
def test_a_file_name_longer_than_the_system_allows_is_bad_input(
    program: list[str], tmp_path: Path
) -> None:
    result = _run([*program, "x" * 5000], tmp_path)
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert "interne fout" not in result.stderr
    assert "fout" in result.stderr or "kan niet controleren" in result.stderr


@pytest.mark.parametrize(
    "program",
    [["kandidaat", "seats"], ["kandidaat-scan"], ["kandidaat-verify", "--public-key", "k.pem"]],
    ids=" ".join,
)
def test_a_message_cuts_a_huge_file_name_short(program: list[str], tmp_path: Path) -> None:
    result = _run([*program, "x" * 5000], tmp_path)
    assert result.returncode == 2
    assert len(result.stderr) < 2000


def test_a_huge_option_value_is_refused_without_echoing_it_whole(
    capsys: pytest.CaptureFixture[str],
) -> None:
    huge = "9" * 5000
    with pytest.raises(SystemExit) as stopped:
        main(["seats", "x.json", "--lot", huge])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "ongeldige waarde" in err
    assert "(5000 tekens)" in err
    assert huge not in err
    assert len(err) < 1000
