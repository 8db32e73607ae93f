"""The register of ondersteuningsverklaringen (H 4): what counts, what is still needed.

TK2025 needs 30 declarations per kieskring, 10 in Bonaire (Kieswet H 4 lid 1); a voter
can support one list only, so a voter on the forms of two lists counts for neither.
Every expected number below is counted by hand from the CSV written in the test.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from csb_samples import people, write_210

from kandidaat.app.cli import main

HEADER = "inlevering;kieskring;naam;geboortedatum;adres\n"


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """TK2025 with two new parties, each for kieskring 1 (Groningen)."""
    path = tmp_path / "tk.csb"
    assert main(["csb", "new", str(path), "--election", "TK2025", "--lid", "Anna Jansen"]) == 0
    for name, appellation in (("a.eml.xml", "Partij A"), ("b.eml.xml", "Partij B")):
        file, code = write_210(tmp_path, name, appellation, people(appellation[-1], 2), ("1",))
        args = ["csb", "import", str(path), str(file), "--hashcode", code, "--lid", "Bert"]
        assert main([*args, "--ontvangen", "2025-09-15 12:00"]) == 0
    capsys.readouterr()
    return path


def _voters(submission: int, count: int, start: int = 0) -> str:
    return "".join(
        f"{submission};1;Kiezer {n};{1 + n % 28:02d}-03-1970;Straat {n}, Groningen\n"
        for n in range(start, start + count)
    )


def _support(workspace: Path, csv: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code = main(
        ["csb", "ondersteuning", str(workspace), "--csv", str(csv), "--lid", "Cas", "--json"]
    )
    out = capsys.readouterr().out
    return code, json.loads(out[out.index("{") :])


def test_thirty_declarations_are_enough_and_twenty_nine_are_one_short(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "h4.csv"
    csv.write_text(HEADER + _voters(1, 30) + _voters(2, 29, start=100), encoding="utf-8")
    code, data = _support(workspace, csv, capsys)
    assert code == 1
    counts = {(c["inlevering"], c["kieskring"]): c for c in data["tellingen"]}
    assert (counts[1, "1"]["geldig"], counts[1, "1"]["nodig"], counts[1, "1"]["tekort"]) == (
        30,
        30,
        0,
    )
    assert (counts[2, "1"]["geldig"], counts[2, "1"]["tekort"]) == (29, 1)
    short = [f for f in data["bevindingen"] if f["code"] == "support-short"]
    assert [f["submission"] for f in short] == [2]
    assert "er ontbreken er 1" in short[0]["message"]


def test_a_voter_who_signed_for_two_lists_counts_for_neither(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 31 for each list; voter "Kiezer 0" (born 01-03-1970) signed both, written with other
    # case and spacing on the second form: 30 count for each list.
    twice = "2;1;kiezer  0;01-03-1970;Straat 0 Groningen\n"
    csv = tmp_path / "h4.csv"
    csv.write_text(HEADER + _voters(1, 31) + _voters(2, 30, start=200) + twice, encoding="utf-8")
    code, data = _support(workspace, csv, capsys)
    assert code == 1
    counts = {c["inlevering"]: c for c in data["tellingen"]}
    assert (counts[1]["ingeleverd"], counts[1]["tellen_niet_mee"], counts[1]["geldig"]) == (
        31,
        1,
        30,
    )
    assert (counts[2]["ingeleverd"], counts[2]["geldig"]) == (31, 30)
    double = [f for f in data["bevindingen"] if f["code"] == "support-voter-on-two-lists"]
    assert sorted(f["submission"] for f in double) == [1, 2]
    assert "Kiezer 0 (geboren 01-03-1970)" in double[0]["message"]


def test_a_wrong_line_is_named_and_nothing_is_added(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "h4.csv"
    rows = _voters(1, 3) + "7;1;Iemand;01-01-1980;Ergens\n" + "1;1;Iemand;31-02-1980;Ergens\n"
    csv.write_text(HEADER + rows, encoding="utf-8")
    args = ["csb", "ondersteuning", str(workspace), "--csv", str(csv), "--lid", "Cas"]
    assert main(args) == 2
    error = capsys.readouterr().err
    assert "h4.csv, regel 5, kolom inlevering: '7' is geen ingeleverde lijst" in error
    assert "h4.csv, regel 6, kolom geboortedatum: '31-02-1980' is geen geboortedatum" in error
    assert main(["csb", "ondersteuning", str(workspace), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert all(c["ingeleverd"] == 0 for c in data["tellingen"])


def test_adding_declarations_is_logged_with_the_member_and_the_file_hash(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "h4.csv"
    csv.write_text(HEADER + _voters(1, 2), encoding="utf-8")
    args = ["csb", "ondersteuning", str(workspace), "--csv", str(csv), "--lid", "Cas"]
    assert main(args) == 1
    capsys.readouterr()
    assert main(["csb", "log", str(workspace)]) == 0
    log = capsys.readouterr().out
    assert "Cas" in log
    assert "2 ondersteuningsverklaring(en) ingevoerd uit h4.csv (SHA-256" in log
    assert "intact" in log


def test_csv_without_lid_is_refused(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "h4.csv"
    csv.write_text(HEADER + _voters(1, 2), encoding="utf-8")
    assert main(["csb", "ondersteuning", str(workspace), "--csv", str(csv)]) == 2
    assert "--lid" in capsys.readouterr().err
