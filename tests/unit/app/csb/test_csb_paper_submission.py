"""``kandidaat csb papier``: a list handed in on paper only, typed in and confirmed.

TK2025 (Kiesraad calendar): nomination day Monday 15 September 2025.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from csb_samples import people, write_210

from kandidaat.app.cli import main
from kandidaat.eml.read_lists import read_candidate_lists
from kandidaat.eml.safe_xml import parse_file

SHEET = (
    "positie;voorletters;achternaam;geslacht;geboortedatum;woonplaats\n"
    "1;A.;Papier;v;01-02-1970;Utrecht\n"
    "2;B.;Pen;m;03-04-1980;Zeist\n"
)


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "tk.csb"
    assert main(["csb", "new", str(path), "--election", "TK2025", "--lid", "Anna Jansen"]) == 0
    capsys.readouterr()
    return path


def _paper(workspace: Path, sheet: Path, *extra: str) -> int:
    return main(
        [
            "csb",
            "papier",
            str(workspace),
            "--kandidaten",
            str(sheet),
            "--aanduiding",
            "Partij Papier",
            "--kieskring",
            "1",
            "--inleveraar-voorletters",
            "J.",
            "--inleveraar-achternaam",
            "Inleveraar",
            "--vervanger",
            "K.",
            "Vervanger",
            "--ontvangen",
            "2025-09-15 11:00",
            "--lid",
            "Anna Jansen",
            *extra,
        ]
    )


def _sheet(tmp_path: Path, text: str = SHEET, name: str = "lijst.csv") -> Path:
    sheet = tmp_path / name
    sheet.write_text(text, encoding="utf-8")
    return sheet


def _code(out: str) -> str:
    match = re.search(r"Hashcode van de ingetypte lijst: ([0-9A-F ]{79})", out)
    assert match is not None, out
    return match.group(1)


def test_without_hash_code_the_typed_list_is_shown_and_nothing_stored(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _paper(workspace, _sheet(tmp_path)) == 1
    out = capsys.readouterr().out
    assert "Aanduiding: Partij Papier" in out
    assert "  1. Papier, A. 01-02-1970 Utrecht" in out
    assert "  2. Pen, B. 03-04-1980 Zeist" in out
    assert "Niets opgeslagen." in out
    assert main(["csb", "log", str(workspace)]) == 0
    assert "ontvangen" not in capsys.readouterr().out


def test_the_confirmed_list_is_stored_as_typed_from_paper_and_established_like_any_other(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _sheet(tmp_path)
    assert _paper(workspace, sheet) == 1
    code = _code(capsys.readouterr().out)
    assert _paper(workspace, sheet, "--hashcode", code) == 0
    assert "Inlevering 1 ontvangen (op papier, ingetypt)" in capsys.readouterr().out
    assert main(["csb", "log", str(workspace)]) == 0
    assert "inlevering 1 ontvangen op papier, ingetypt in lijst.csv" in capsys.readouterr().out
    out = tmp_path / "uit"
    args = ["csb", "vaststellen", str(workspace), "--out", str(out), "--lid", "Anna Jansen"]
    assert main([*args, "--datum", "2025-09-19"]) == 0
    path = out / "Kandidatenlijsten_TK2025_kieskring_1.eml.xml"
    record = read_candidate_lists(parse_file(path), path.name)
    [affiliation] = record.affiliations
    assert affiliation.name == "Partij Papier"
    assert [(c.position, c.last_name) for c in affiliation.candidates] == [
        (1, "Papier"),
        (2, "Pen"),
    ]


def test_the_two_blanked_groups_confirm_the_list_too(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _sheet(tmp_path)
    assert _paper(workspace, sheet) == 1
    out = capsys.readouterr().out
    shown = re.search(r"weggelaten groepen van\s+(.+?)\)\.", out)
    assert shown is not None, out
    groups = _code(out).split()
    blanked = [i for i, group in enumerate(shown.group(1).split()) if group != groups[i]]
    assert len(blanked) == 2
    typed = " ".join(groups[i] for i in blanked)
    assert _paper(workspace, sheet, "--hashcode", typed) == 0


def test_a_wrong_hash_code_stores_nothing(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _sheet(tmp_path)
    assert _paper(workspace, sheet, "--hashcode", " ".join(["0000"] * 16)) == 2
    assert "hoort niet bij deze ingetypte lijst" in capsys.readouterr().err
    assert main(["csb", "log", str(workspace)]) == 0
    assert "ontvangen" not in capsys.readouterr().out


def test_the_same_list_typed_twice_is_refused_the_second_time(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = _sheet(tmp_path)
    assert _paper(workspace, sheet) == 1
    code = _code(capsys.readouterr().out)
    assert _paper(workspace, sheet, "--hashcode", code) == 0
    capsys.readouterr()
    again = _sheet(tmp_path, name="nogmaals.csv")
    assert _paper(workspace, again) == 1
    code = _code(capsys.readouterr().out)
    assert _paper(workspace, again, "--hashcode", code) == 2
    # The same typed list at the same time gives the same 210: refused as received before.
    assert "al ontvangen als inlevering 1" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("sheet", "extra", "message"),
    [
        ("voorletters;achternaam\n", (), "geen kandidaten"),
        ("voorletters;achternaam;kleur\nA.;Een;rood\n", (), "kleur"),
        (SHEET, ("--kieskring", "21"), "--kieskring 21"),
    ],
)
def test_a_typed_list_that_does_not_fit_is_refused_in_dutch(
    workspace: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    sheet: str,
    extra: tuple[str, ...],
    message: str,
) -> None:
    assert _paper(workspace, _sheet(tmp_path, sheet), *extra) == 2
    assert message in capsys.readouterr().err


def test_an_eml_list_and_a_paper_list_are_numbered_together(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file, code = write_210(tmp_path, "a.eml.xml", "Partij Bestand", people("Bes", 2))
    args = ["csb", "import", str(workspace), str(file), "--hashcode", code, "--lid", "Bert"]
    assert main([*args, "--ontvangen", "2025-09-15 10:00"]) == 0
    sheet = _sheet(tmp_path)
    capsys.readouterr()
    assert _paper(workspace, sheet) == 1
    typed = _code(capsys.readouterr().out)
    assert _paper(workspace, sheet, "--hashcode", typed) == 0
    capsys.readouterr()
    # Both new lists for kieskring 1 only: a tie the committee draws (Kieswet I 14).
    assert main(["csb", "number", str(workspace), "--lot", "2"]) == 0
    out = capsys.readouterr().out
    assert "lijst 1: inlevering 2 (Partij Papier)" in out
    assert "lijst 2: inlevering 1 (Partij Bestand)" in out
