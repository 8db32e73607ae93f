"""``kandidaat candidates import|export|show``: spreadsheets in and out, all or nothing."""

from __future__ import annotations

import dataclasses
from importlib import resources
from typing import TYPE_CHECKING

from kandidaat.app.cli import main
from kandidaat.store.project import ProjectFile

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

HEADER = "positie;voorletters;roepnaam;voorvoegsel;achternaam;geslacht;geboortedatum;woonplaats"


def _demo_csv() -> str:
    return (
        resources.files("kandidaat.app.demo_data")
        .joinpath("kandidaten_demodorp_vooruit.csv")
        .read_text(encoding="utf-8")
    )


def _new_project(path: Path) -> Path:
    args = ["new", str(path), "--gemeente", "Demodorp", "--seats", "17", "--date", "2026-03-18"]
    assert main([*args, "--aanduiding", "Demodorp Vooruit"]) == 0
    return path


def _load(path: Path):
    with ProjectFile.open(path) as project:
        return project.load()


def test_import_fills_the_address_book_and_the_list_in_file_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _new_project(tmp_path / "p.kandidaat")
    sheet = tmp_path / "kandidaten.csv"
    sheet.write_text(_demo_csv(), encoding="utf-8")
    capsys.readouterr()
    assert main(["candidates", "import", str(project), str(sheet), "--lijst", "lijst-1"]) == 0
    out = capsys.readouterr().out
    assert "20 kandidaten gelezen uit kandidaten.csv: 20 nieuw, 0 bijgewerkt" in out
    assert "Lijst lijst-1 heeft nu 20 kandidaten" in out
    nomination = _load(project)
    names = [c.last_name for c in nomination.candidates_of(nomination.lists[0])]
    assert names[:5] == ["Veen", "Çelik", "Đurić", "Boer", "Wiśniewska"]
    abroad = [c for c in nomination.candidates if c.lives_abroad]
    assert [(c.last_name, c.country_code) for c in abroad] == [("Ødegård", "NO")]
    assert abroad[0].agent is not None
    assert abroad[0].agent.last_name == "Horst"


def test_importing_the_same_file_again_updates_instead_of_duplicating(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _new_project(tmp_path / "p.kandidaat")
    sheet = tmp_path / "kandidaten.csv"
    sheet.write_text(_demo_csv(), encoding="utf-8")
    main(["candidates", "import", str(project), str(sheet), "--lijst", "lijst-1"])
    capsys.readouterr()
    assert main(["candidates", "import", str(project), str(sheet)]) == 0
    assert "20 kandidaten gelezen uit kandidaten.csv: 0 nieuw, 20 bijgewerkt" in (
        capsys.readouterr().out
    )
    assert len(_load(project).candidates) == 20


def test_a_malformed_row_is_named_with_line_and_column_and_nothing_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _new_project(tmp_path / "p.kandidaat")
    before = project.read_bytes()
    sheet = tmp_path / "fout.csv"
    sheet.write_text(
        f"{HEADER}\n1;A.;Anna;;Jansen;v;1980-01-01;Demodorp\n2;B.;Bert;;Bakker;m;31-02-1975;Demodorp\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["candidates", "import", str(project), str(sheet), "--lijst", "lijst-1"]) == 2
    err = capsys.readouterr().err
    assert "fout.csv, regel 3, kolom geboortedatum" in err
    assert project.read_bytes() == before
    assert _load(project).candidates == ()


def test_an_unknown_list_is_refused_before_anything_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _new_project(tmp_path / "p.kandidaat")
    sheet = tmp_path / "kandidaten.csv"
    sheet.write_text(_demo_csv(), encoding="utf-8")
    before = project.read_bytes()
    assert main(["candidates", "import", str(project), str(sheet), "--lijst", "lijst-9"]) == 2
    assert "lijst 'lijst-9' bestaat niet in dit project (wel: lijst-1)" in capsys.readouterr().err
    assert project.read_bytes() == before


def test_a_missing_spreadsheet_or_project_is_a_dutch_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _new_project(tmp_path / "p.kandidaat")
    capsys.readouterr()
    assert main(["candidates", "import", str(project), str(tmp_path / "weg.csv")]) == 2
    assert "weg.csv" in capsys.readouterr().err
    assert main(["candidates", "show", str(tmp_path / "weg.kandidaat")]) == 2
    assert "weg.kandidaat" in capsys.readouterr().err


def test_export_to_xlsx_and_import_into_a_new_project_keeps_every_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _new_project(tmp_path / "a.kandidaat")
    sheet = tmp_path / "kandidaten.csv"
    sheet.write_text(_demo_csv(), encoding="utf-8")
    main(["candidates", "import", str(first), str(sheet), "--lijst", "lijst-1"])
    book = tmp_path / "lijst.xlsx"
    capsys.readouterr()
    assert main(["candidates", "export", str(first), str(book), "--lijst", "lijst-1"]) == 0
    assert "20 kandidaten geschreven naar" in capsys.readouterr().out
    second = _new_project(tmp_path / "b.kandidaat")
    assert main(["candidates", "import", str(second), str(book), "--lijst", "lijst-1"]) == 0
    a, b = _load(first), _load(second)

    def content(nomination):
        return [
            dataclasses.replace(c, key="") for c in nomination.candidates_of(nomination.lists[0])
        ]

    assert content(a) == content(b)


def test_export_to_an_unknown_file_type_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _new_project(tmp_path / "p.kandidaat")
    capsys.readouterr()
    assert main(["candidates", "export", str(project), str(tmp_path / "x.txt")]) == 2
    assert "onbekend bestandstype '.txt'" in capsys.readouterr().err
    assert not (tmp_path / "x.txt").exists()


def test_show_lists_the_address_book_with_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _new_project(tmp_path / "p.kandidaat")
    capsys.readouterr()
    assert main(["candidates", "show", str(project)]) == 0
    assert "Het adresboek is leeg." in capsys.readouterr().out
    sheet = tmp_path / "kandidaten.csv"
    sheet.write_text(_demo_csv(), encoding="utf-8")
    main(["candidates", "import", str(project), str(sheet)])
    capsys.readouterr()
    main(["candidates", "show", str(project)])
    out = capsys.readouterr().out
    assert "Ødegård, I. (Ingrid), 1980-10-28, Oslo (NO)" in out
    assert len(out.splitlines()) == 20


def test_candidates_of_the_previous_election_come_from_the_real_230b(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.kandidaat"
    args = ["new", str(project), "--gemeente", "West Maas en Waal", "--seats", "19"]
    assert main([*args, "--date", "2026-03-18", "--aanduiding", "FD Partij Beneden-Leeuwen"]) == 0
    lists = (
        shared_dir
        / "eml_nl"
        / "samples"
        / "GR2022_WestMaasenWaal"
        / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    )
    capsys.readouterr()
    assert main(["candidates", "import", str(project), str(lists), "--lijst", "lijst-1"]) == 0
    out = capsys.readouterr().out
    nomination = _load(project)
    first = nomination.candidates_of(nomination.lists[0])[0]
    assert (first.initials, first.first_name, first.last_name) == ("R.A.N.", "Rob", "Reuvers")
    assert f"{len(nomination.candidates)} kandidaten gelezen uit {lists.name}" in out


def test_a_230b_without_the_projects_appellation_names_the_lists_it_has(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _new_project(tmp_path / "p.kandidaat")
    before = project.read_bytes()
    lists = (
        shared_dir / "eml_nl" / "samples" / "TK2025" / "Kandidatenlijsten_TK2025_Haarlem.eml.xml"
    )
    capsys.readouterr()
    assert main(["candidates", "import", str(project), str(lists)]) == 2
    err = capsys.readouterr().err
    assert "geen lijst met aanduiding 'Demodorp Vooruit'" in err
    assert "PVV (Partij voor de Vrijheid)" in err
    assert project.read_bytes() == before
    args = [
        "candidates",
        "import",
        str(project),
        str(lists),
        "--aanduiding",
        "Partij voor de Dieren",
    ]
    assert main(args) == 0
    assert len(_load(project).candidates) > 0


def test_a_210_read_into_its_own_project_replaces_the_list_and_keeps_the_persons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _new_project(tmp_path / "p.kandidaat")
    sheet = tmp_path / "kandidaten.csv"
    sheet.write_text(_demo_csv(), encoding="utf-8")
    main(["candidates", "import", str(project), str(sheet), "--lijst", "lijst-1"])
    person = "P.;;Brouwer;Marktplein 5;9999 AA;Demodorp"
    main(["party", str(project), "--inleveraar", person, "--vervanger", person])
    main(["export210", str(project), "--out", str(tmp_path / "uit")])
    [eml] = (tmp_path / "uit").iterdir()
    main(["list", "move", str(project), "lijst-1", "1", "20"])
    before = _load(project)
    capsys.readouterr()
    assert main(["list", "import", str(project), str(eml)]) == 0
    assert "Lijst: lijst-1: 20 kandidaten" in capsys.readouterr().out
    after = _load(project)
    assert {c.key for c in after.candidates} == {c.key for c in before.candidates}
    assert after.candidates_of(after.lists[0])[0].last_name == "Veen"


def test_a_broken_eml_in_list_import_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _new_project(tmp_path / "p.kandidaat")
    before = project.read_bytes()
    broken = tmp_path / "kapot.eml.xml"
    broken.write_bytes(b'<EML Id="210"><Nomination>')
    assert main(["list", "import", str(project), str(broken)]) == 2
    assert "kapot.eml.xml, regel 1: geen geldige XML" in capsys.readouterr().err
    assert project.read_bytes() == before


def test_a_malformed_xlsx_row_is_named_and_nothing_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import Workbook  # noqa: PLC0415 - only this test writes a workbook

    project = _new_project(tmp_path / "p.kandidaat")
    before = project.read_bytes()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(";"))
    sheet.append([1, "A.", "Anna", "", "Jansen", "v", "1980-01-01", "Demodorp"])
    sheet.append([2, "B.", "Bert", "", "Bakker", "x", "1975-02-03", "Demodorp"])
    path = tmp_path / "fout.xlsx"
    book.save(path)
    capsys.readouterr()
    assert main(["candidates", "import", str(project), str(path), "--lijst", "lijst-1"]) == 2
    err = capsys.readouterr().err
    assert "fout.xlsx" in err
    assert "3, kolom geslacht" in err
    assert project.read_bytes() == before
