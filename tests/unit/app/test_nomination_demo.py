"""``kandidaat demo``: the demo party's project, its checks and its EML 210, then the seats."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from kandidaat.app.cli import main
from kandidaat.app.nomination.demo_party import run_demo_party
from kandidaat.eml.canonical import hash_file
from kandidaat.eml.safe_xml import parse_file
from kandidaat.eml.schema import SchemaSet
from kandidaat.store.project import ProjectFile

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

PROJECT = "Demodorp_Vooruit.kandidaat"
EML = "Kandidatenlijst_GR2026_Demodorp_Demodorp-Vooruit_lijst-1.eml.xml"


def test_the_demo_makes_the_party_project_checks_it_and_exports_its_210_before_the_seats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    party_part = out.index("kandidaat demo: kandidaatstelling van de demopartij")
    checks = out.index("Controle van Demodorp_Vooruit.kandidaat: Demodorp Vooruit")
    seats = out.index("Zetelverdeling gemeenteraad - Demodorp")
    assert party_part < checks < seats
    assert "Gecontroleerd alsof het 19 januari 2026 is" in out
    assert f"hashcode: {hash_file(tmp_path / EML).form_hash}" in out
    assert "[Kieswet H 7 lid 3] Voor kandidaat 8, Houten, R. van hoort de verklaring" in out


def test_the_demo_party_has_twenty_candidates_with_their_diacritics_intact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    with ProjectFile.open(tmp_path / PROJECT) as project:
        nomination = project.load()
    [candidate_list] = nomination.lists
    people = nomination.candidates_of(candidate_list)
    assert len(people) == 20
    names = {c.last_name for c in people}
    assert {"Çelik", "Đurić", "Wiśniewska", "Ødegård", "Nguyễn"} <= names
    [abroad] = [c for c in people if c.lives_abroad]
    assert abroad.agent is not None
    assert abroad.agent.address.locality == "Demodorp"
    settling = [c for c in people if c.settlement_areas == ("Demodorp",)]
    assert [c.locality for c in settling] == ["Utrecht", "Oslo"]


def test_the_demo_210_is_valid_and_the_same_on_every_run(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--out", str(tmp_path)]) == 0
    first = (tmp_path / EML).read_bytes()
    # A second run replaces its own project instead of refusing to overwrite it.
    assert main(["demo", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    assert (tmp_path / EML).read_bytes() == first
    schemas = SchemaSet(shared_dir / "eml_nl" / "xsd")
    assert schemas.validate(parse_file(tmp_path / EML), "210") == []


def test_the_demo_json_adds_the_nomination_to_the_seat_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--json", "--out", str(tmp_path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "complete"
    assert sum(result["seats"].values()) == 17
    nomination = result["nomination"]
    assert nomination["check_day"] == "2026-01-19"
    [exported] = nomination["eml210"]
    assert exported["hash_code"] == hash_file(tmp_path / EML).form_hash
    assert not [f for f in nomination["findings"] if f["severity"] == "error"]
    articles = {f["article"] for f in nomination["findings"]}
    assert {"Kieswet H 4 lid 1", "Kieswet H 14 lid 1", "Kieswet H 7 lid 3"} <= articles


def test_the_demo_refuses_an_output_folder_that_is_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    occupied = tmp_path / "bezet"
    occupied.write_text("", encoding="utf-8")
    assert main(["demo", "--out", str(occupied)]) == 2
    assert "bezet" in capsys.readouterr().err


def test_the_demo_writes_the_documents_the_party_prints_and_signs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    documents = tmp_path / "documenten"
    assert f"alles in één keer printen: {documents / 'alles_afdrukken.pdf'}" in out
    assert "CONCEPT" not in out
    assert (documents / "lijst_1" / "H1.pdf").is_file()
    assert len(list((documents / "lijst_1").glob("H9_*.pdf"))) == 20
    assert sorted(p.name for p in (documents / "lijst_1").glob("vestiging_*.pdf")) == [
        "vestiging_8_Houten.pdf",
        "vestiging_9_Odegard.pdf",
    ]
    first = (documents / "alles_afdrukken.pdf").read_bytes()
    assert main(["demo", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    assert (documents / "alles_afdrukken.pdf").read_bytes() == first


def test_the_demo_for_today_stands_for_the_next_election_and_has_no_errors(
    tmp_path: Path,
) -> None:
    # On 7 December 2026 the next ordinary GR election is 20 March 2030 (Kieswet F 1, J 1:
    # Monday 4 February 2030 + 44 days); its nomination day is still ahead, so no error.
    run = run_demo_party(tmp_path, today=date(2026, 12, 7))
    assert run.nomination_day == date(2030, 2, 4)
    assert run.check_day == date(2026, 12, 7)
    assert run.report.errors == ()
    assert "GR2030" in run.exported[0].path.name
    assert not run.documents.concept
