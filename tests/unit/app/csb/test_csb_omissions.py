"""Omissions (verzuimen) and their repair, and what an omission not repaired strikes.

Election: TK2025. Kiesraad calendar: kandidaatstelling Monday 15 September 2025,
onderzoek 16 September, verzuimherstel until Thursday 18 September, public session
on validity and numbering Friday 19 September 2025.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from csb_samples import people, write_210

from kandidaat.app.cli import main
from kandidaat.eml.read_lists import read_candidate_lists
from kandidaat.eml.safe_xml import parse_file

ALL = tuple(str(n) for n in range(1, 21))
SESSION = "2025-09-19"
IN_REPAIR = "2025-09-17 11:00"
AFTER_REPAIR = "2025-09-19 09:00"


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Two new lists for all 20 kieskringen, three candidates each, received in time."""
    path = tmp_path / "tk.csb"
    assert main(["csb", "new", str(path), "--election", "TK2025", "--lid", "Anna Jansen"]) == 0
    for number, appellation in enumerate(("Partij Alfa", "Partij Beta")):
        file, code = write_210(
            tmp_path, f"{number}.eml.xml", appellation, people(f"P{number}x", 3), ALL
        )
        args = ["csb", "import", str(path), str(file), "--hashcode", code, "--lid", "Bert"]
        assert main([*args, "--ontvangen", "2025-09-15 12:00"]) == 0
    capsys.readouterr()
    return path


def _omission(workspace: Path, *args: str) -> int:
    return main(
        [
            "csb",
            "verzuim",
            str(workspace),
            *args,
            "--vastgesteld",
            "2025-09-16 16:00",
            "--lid",
            "Anna Jansen",
        ]
    )


def _repair(workspace: Path, number: int, at: str = IN_REPAIR) -> int:
    return main(
        [
            "csb",
            "herstel",
            str(workspace),
            "--verzuim",
            str(number),
            "--ontvangen",
            at,
            "--lid",
            "Bert",
        ]
    )


def _establish(workspace: Path, out: Path, *extra: str) -> int:
    args = ["csb", "vaststellen", str(workspace), "--out", str(out), "--lid", "Anna Jansen"]
    return main([*args, "--datum", SESSION, *extra])


def _lists(out: Path, kieskring: str) -> list[tuple[int, str, list[str]]]:
    path = out / f"Kandidatenlijsten_TK2025_kieskring_{kieskring}.eml.xml"
    record = read_candidate_lists(parse_file(path), path.name)
    return [
        (a.number, a.name, [f"{c.position} {c.last_name}" for c in a.candidates])
        for a in record.affiliations
    ]


def test_a_missing_consent_not_repaired_strikes_the_candidate_in_every_kieskring(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Kieswet I 6 lid 1 onder b: no H 9 from candidate 2 of Partij Alfa.
    assert (
        _omission(workspace, "--inlevering", "1", "--code", "H9-ONTBREEKT", "--kandidaat", "2") == 0
    )
    assert "Verzuim 1 vastgelegd" in capsys.readouterr().out
    out = tmp_path / "uit"
    # The two lists tie (20 kieskringen each): the committee draws Beta first.
    assert _establish(workspace, out, "--lot", "2") == 0
    for kieskring in ("1", "20"):
        assert _lists(out, kieskring) == [
            (1, "Partij Beta", ["1 P1xaa", "2 P1xab", "3 P1xac"]),
            (2, "Partij Alfa", ["1 P0xaa", "2 P0xac"]),
        ]


def test_a_repaired_omission_strikes_nothing(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        _omission(workspace, "--inlevering", "1", "--code", "H9-ONTBREEKT", "--kandidaat", "2") == 0
    )
    assert _repair(workspace, 1) == 0
    assert "hersteld op 17-09-2025 11:00" in capsys.readouterr().out
    out = tmp_path / "uit"
    assert _establish(workspace, out, "--lot", "2") == 0
    assert _lists(out, "1")[1] == (2, "Partij Alfa", ["1 P0xaa", "2 P0xab", "3 P0xac"])


def test_too_few_support_declarations_in_one_kieskring_make_the_list_invalid_there_only(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # I 5 onder c: Alfa's list is invalid in kieskring 3. Alfa is then valid in 19
    # kieskringen, Beta in 20: Beta gets the lower number without a lot (I 13).
    assert _omission(workspace, "--inlevering", "1", "--code", "H4-TEKORT", "--kieskring", "3") == 0
    out = tmp_path / "uit"
    assert _establish(workspace, out) == 0
    assert [(n, name) for n, name, _ in _lists(out, "3")] == [(1, "Partij Beta")]
    assert main(["csb", "log", str(workspace)]) == 0
    assert "ongeldig in: inlevering 1 in kieskring 3" in capsys.readouterr().out
    assert [(n, name) for n, name, _ in _lists(out, "4")] == [
        (1, "Partij Beta"),
        (2, "Partij Alfa"),
    ]


def test_a_missing_authorisation_strikes_the_appellation_and_the_list_stays(
    workspace: Path, tmp_path: Path
) -> None:
    # I 6 lid 2 onder a: without H 3-1 the list takes part as a blank list.
    assert _omission(workspace, "--inlevering", "2", "--code", "H3-1-ONTBREEKT") == 0
    out = tmp_path / "uit"
    assert _establish(workspace, out, "--lot", "1") == 0
    assert _lists(out, "7") == [
        (1, "Partij Alfa", ["1 P0xaa", "2 P0xab", "3 P0xac"]),
        (2, "", ["1 P1xaa", "2 P1xab", "3 P1xac"]),
    ]


def test_a_list_whose_every_candidate_is_struck_is_invalid(workspace: Path, tmp_path: Path) -> None:
    # I 5 onder g: all three of Alfa's candidates lack an H 9 and nothing is repaired.
    for place in ("1", "2", "3"):
        assert (
            _omission(
                workspace, "--inlevering", "1", "--code", "H9-ONTBREEKT", "--kandidaat", place
            )
            == 0
        )
    out = tmp_path / "uit"
    assert _establish(workspace, out) == 0
    assert [(n, name) for n, name, _ in _lists(out, "1")] == [(1, "Partij Beta")]


def test_establishing_during_the_repair_period_with_open_omissions_is_refused(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _omission(workspace, "--inlevering", "1", "--code", "WAARBORGSOM") == 0
    out = tmp_path / "uit"
    args = ["csb", "vaststellen", str(workspace), "--out", str(out), "--lid", "Anna Jansen"]
    assert main([*args, "--datum", "2025-09-18"]) == 2
    assert (
        "de hersteltermijn (Kieswet I 2 lid 2) loopt tot en met 18-09-2025"
        in capsys.readouterr().err
    )
    assert not out.exists()


def test_a_repair_after_the_repair_period_is_refused_and_not_logged(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _omission(workspace, "--inlevering", "1", "--code", "WAARBORGSOM") == 0
    capsys.readouterr()
    assert _repair(workspace, 1, AFTER_REPAIR) == 2
    assert "liep tot en met 18-09-2025" in capsys.readouterr().err
    assert main(["csb", "log", str(workspace)]) == 0
    assert "hersteld" not in capsys.readouterr().out


def test_an_omission_that_cannot_be_repaired_is_not_repaired(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _omission(workspace, "--inlevering", "1", "--code", "OVERLEDEN", "--kandidaat", "3") == 0
    capsys.readouterr()
    assert _repair(workspace, 1) == 2
    assert "is niet herstelbaar" in capsys.readouterr().err


def test_the_same_omission_twice_is_refused(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _omission(workspace, "--inlevering", "1", "--code", "WAARBORGSOM") == 0
    capsys.readouterr()
    assert _omission(workspace, "--inlevering", "1", "--code", "waarborgsom") == 2
    assert "al vastgelegd (verzuim 1)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--inlevering", "1", "--code", "ONZIN"], "onbekend verzuim"),
        (["--inlevering", "9", "--code", "WAARBORGSOM"], "geen inlevering met dat nummer"),
        (["--inlevering", "1", "--code", "H9-ONTBREEKT"], "geef de plaats"),
        (["--inlevering", "1", "--code", "H9-ONTBREEKT", "--kandidaat", "4"], "heeft 3 kandidaat"),
        (["--inlevering", "1", "--code", "H4-TEKORT"], "geef de kieskring"),
        (["--inlevering", "1", "--code", "H4-TEKORT", "--kieskring", "21"], "--kieskring 21"),
        (
            ["--inlevering", "1", "--code", "WAARBORGSOM", "--kandidaat", "1"],
            "niet over een kandidaat",
        ),
        (["--inlevering", "1", "--code", "WAARBORGSOM", "--toelichting", "x" * 501], "te lang"),
        (
            ["--inlevering", "1", "--code", "WAARBORGSOM", "--toelichting", "a\x1bb"],
            "--toelichting",
        ),
    ],
)
def test_an_omission_that_does_not_fit_is_refused_in_dutch_and_nothing_is_stored(
    workspace: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert _omission(workspace, *args) == 2
    assert message in capsys.readouterr().err
    assert main(["csb", "verzuimen", str(workspace)]) == 0
    assert "Geen verzuimen vastgelegd." in capsys.readouterr().out


def test_the_overview_shows_what_is_open_and_exits_1_until_all_is_repaired(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _omission(workspace, "--inlevering", "2", "--code", "H4-TEKORT", "--kieskring", "5") == 0
    capsys.readouterr()
    assert main(["csb", "verzuimen", str(workspace), "--json"]) == 1
    [item] = json.loads(capsys.readouterr().out)
    assert item["inlevering"] == 2
    assert item["kieskring"] == "5"
    assert item["hersteld"] is False
    assert item["herstel_tot_en_met"] == "2025-09-18"
    assert item["gevolg"] == "lijst ongeldig"
    assert _repair(workspace, 1) == 0
    capsys.readouterr()
    assert main(["csb", "verzuimen", str(workspace)]) == 0
    assert "1 verzuim(en), waarvan 0 nog open." in capsys.readouterr().out


def test_omissions_and_repairs_are_in_the_log_with_the_member(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        _omission(
            workspace,
            "--inlevering",
            "1",
            "--code",
            "ID-KOPIE-ONTBREEKT",
            "--kandidaat",
            "1",
            "--toelichting",
            "kopie paspoort ontbreekt",
        )
        == 0
    )
    assert _repair(workspace, 1) == 0
    capsys.readouterr()
    assert main(["csb", "log", str(workspace)]) == 0
    log = capsys.readouterr().out
    assert (
        "Anna Jansen  verzuim 1 vastgesteld bij inlevering 1, kandidaat op plaats 1: "
        "ID-KOPIE-ONTBREEKT (kopie paspoort ontbreekt)" in log
    )
    assert "Bert  verzuim 1 hersteld op 2025-09-17T11:00:00" in log
    assert "intact" in log


def test_the_catalogue_names_every_code_with_its_consequence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["csb", "verzuimcodes"]) == 0
    text = capsys.readouterr().out
    assert "H9-ONTBREEKT  (kandidaat; herstelbaar; anders: kandidaat geschrapt)" in text
    assert (
        "AANDUIDING-NIET-GEREGISTREERD  (aanduiding; niet herstelbaar; "
        "anders: aanduiding geschrapt)" in text
    )
    assert "H4-TEKORT  (per kieskring; herstelbaar; anders: lijst ongeldig)" in text
