"""Hostile EML 210 files and arguments for ``check`` and ``export210``.

Every case ends in a Dutch message and exit code 0, 1 or 2, never a traceback;
messages stay short whatever the file holds, and nothing the user owns changes.
The files start from e-KS's own PS2027 Groningen export (read from ../shared,
changed in memory) so the hostile part is the only unusual thing in them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from kandidaat.app.cli import main
from kandidaat.app.nomination.demo_party import demo_nomination
from kandidaat.store.project import ProjectFile

if TYPE_CHECKING:
    from pathlib import Path

TODAY = "2027-01-05"
"""Before every deadline of PS2027 (nomination day 1 February 2027)."""
LONGEST_LINE = 2_000
"""No line of output may be longer, however large the file's values are."""
FIRST_BIRTH = "<DateOfBirth>1990-02-01</DateOfBirth>"


def _eks_210(shared_dir: Path) -> str:
    path = shared_dir / "eml_nl" / "fixtures" / "e-ks" / "models_eml_210-ps27-1.eml.xml"
    text = path.read_text(encoding="utf-8")
    assert FIRST_BIRTH in text, f"{path.name} changed: it no longer holds {FIRST_BIRTH}"
    return text


def _write(tmp_path: Path, text: str, name: str = "vijandig.eml.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    for line in (captured.out + captured.err).splitlines():
        assert len(line) <= LONGEST_LINE, f"a line of {len(line)} characters: {line[:200]}..."
    return code, captured.out, captured.err


def _with_birth(shared_dir: Path, annex: str) -> str:
    return _eks_210(shared_dir).replace(
        FIRST_BIRTH, f"<kr:DateOfBirthAnnex>{annex}</kr:DateOfBirthAnnex>", 1
    )


def test_thousands_of_unknown_kieskringen_give_one_short_finding(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contests = "".join(f'<kr:Contest Id="{n}">Nergens</kr:Contest>' for n in range(100, 5100))
    text = (
        _eks_210(shared_dir)
        .replace('<ContestIdentifier Id="geen">', '<ContestIdentifier Id="100">')
        .replace('<kr:Contest Id="1">Groningen</kr:Contest>', contests)
    )
    code, out, _ = _run(capsys, "check", str(_write(tmp_path, text)), "--json", "--today", TODAY)
    assert code == 1
    [unknown] = [f for f in json.loads(out) if f["code"] == "unknown-kieskring"]
    assert "en 4990 andere" in unknown["message"]


def test_a_huge_partial_date_of_birth_is_refused_in_a_short_dutch_message(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, _with_birth(shared_dir, "XX-" * 30_000))
    code, out, err = _run(capsys, "check", str(path))
    assert code == 2
    assert out == ""
    assert "kr:DateOfBirthAnnex" in err
    assert len(err) < 600


def test_a_partial_date_with_digits_of_another_script_is_not_a_date(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # U+0660..U+0669 are digits to Python's \d and int(), but not to the XSD pattern.
    path = _write(tmp_path, _with_birth(shared_dir, "XX-\u0660\u0665-1976"))
    code, _, err = _run(capsys, "check", str(path))
    assert code == 2
    assert "is niet van de vorm XX-MM-JJJJ" in err


def test_a_partial_date_far_in_the_future_is_an_error_not_a_crash(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, _with_birth(shared_dir, "XX-05-9999"))
    code, out, _ = _run(capsys, "check", str(path), "--json", "--today", TODAY)
    assert code == 1
    assert "date-of-birth-in-future" in {f["code"] for f in json.loads(out)}


def test_a_huge_election_argument_is_refused_in_a_short_message(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, _eks_210(shared_dir))
    code, _, err = _run(capsys, "check", str(path), "--election", "PS" * 5_000)
    assert code == 2
    assert "geen bestaand bestand (EML 110a) en geen ingebouwde verkiezing" in err
    assert len(err) < 1_500


def test_a_210_given_as_election_definition_is_refused(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, _eks_210(shared_dir))
    code, _, err = _run(capsys, "check", str(path), "--election", str(path))
    assert code == 2
    assert "geen verkiezingsdefinitie (EML 110a) maar EML 210" in err


@pytest.mark.parametrize(
    "identifier",
    [
        "PS2027_",  # no area at all
        "PS2027_" + "\u0302" * 5_000,  # only combining circumflexes
        "PS2027_Frysl\u00e2n\u200b",  # a zero-width space after the name
        "_" * 500,
    ],
)
def test_odd_election_identifiers_never_crash_the_check(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str], identifier: str
) -> None:
    text = _eks_210(shared_dir).replace('Id="PS2027_Groningen"', f'Id="{identifier}"')
    code, _, _ = _run(capsys, "check", str(_write(tmp_path, text)), "--today", TODAY)
    assert code in {0, 1, 2}


def test_checking_a_210_changes_nothing_in_its_folder(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, _with_birth(shared_dir, "XX-XX-XXXX"))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    code, _, _ = _run(capsys, "check", str(path), "--today", TODAY)
    assert code in {0, 1}
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_export210_into_a_file_instead_of_a_folder_is_refused_and_the_file_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nomination, _, _ = demo_nomination()
    project = tmp_path / "demo.kandidaat"
    ProjectFile.create(project, nomination).close()
    target = tmp_path / "bestaand.txt"
    target.write_text("van de gebruiker", encoding="utf-8")
    code, _, err = _run(capsys, "export210", str(project), "--out", str(target))
    assert code == 2
    assert "dit is geen map" in err
    assert target.read_text(encoding="utf-8") == "van de gebruiker"


def test_an_election_argument_with_a_nul_byte_is_a_dutch_error(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, _eks_210(shared_dir))
    code, _, err = _run(capsys, "check", str(path), "--election", "PS2027\x00Groningen")
    assert code == 2
    assert "--election" in err
