"""``kandidaat eml check|show|hash`` as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.app.cli import main

if TYPE_CHECKING:
    import pytest

SAMPLES = Path(__file__).resolve().parents[3] / ".." / "shared" / "eml_nl" / "samples"
XSD = SAMPLES.parent / "xsd"
WMW = SAMPLES / "GR2022_WestMaasenWaal"


def test_check_of_real_files_with_the_xsd_is_clean_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["eml", "check", "--xsd", str(XSD), *map(str, sorted(WMW.glob("*.xml")))])
    out = capsys.readouterr().out
    assert code == 0
    assert "Telling_GR2022_WestMaasenWaal.eml.xml: EML 510b, in orde" in out


def test_check_with_findings_exits_1_and_names_the_line(capsys: pytest.CaptureFixture[str]) -> None:
    path = SAMPLES / "synthetic" / "invalid" / "eml510b_with_investigations.eml.xml"
    code = main(["eml", "check", "--xsd", str(XSD), str(path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "[schema] regel 48: element ReportingUnitInvestigations" in out


def test_check_of_an_unreadable_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "kapot.eml.xml"
    bad.write_bytes(b"<EML")
    code = main(["eml", "check", str(bad)])
    assert code == 2
    assert "kapot.eml.xml: ONLEESBAAR" in capsys.readouterr().out


def test_check_json_gives_machine_readable_findings(capsys: pytest.CaptureFixture[str]) -> None:
    path = SAMPLES / "derived" / "AB2023_Scheldestromen"
    code = main(["eml", "check", "--json", *map(str, path.glob("*.xml"))])
    [result] = json.loads(capsys.readouterr().out)
    assert code == 1
    assert result["type"] == "510d"
    assert result["status"] == "findings"
    assert {"kind", "code", "line", "message"} <= set(result["findings"][0])


def test_show_summarises_a_count_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eml", "show", str(WMW / "Telling_GR2022_WestMaasenWaal.eml.xml")]) == 0
    out = capsys.readouterr().out
    assert "Bericht: EML 510b - telling gemeentelijk stembureau" in out
    assert "lijst   1       1893  FD Partij Beneden-Leeuwen" in out
    assert "Rapporterende eenheden (stembureaus): 21" in out


def test_hash_prints_16_groups_and_says_the_file_is_canonical(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["eml", "hash", str(WMW / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml")]) == 0
    out = capsys.readouterr().out
    code_line = out.splitlines()[0]
    assert code_line.startswith("Hashcode (SHA-256): ")
    assert len(code_line.removeprefix("Hashcode (SHA-256): ").split(" ")) == 16
    assert "canonieke vorm (C14N): de hashcode is overal gelijk" in out


def test_hash_of_a_hostile_file_is_refused_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "xxe.eml.xml"
    bad.write_bytes(b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>')
    assert main(["eml", "hash", str(bad)]) == 2
    assert "DOCTYPE- of ENTITY-declaratie" in capsys.readouterr().err
