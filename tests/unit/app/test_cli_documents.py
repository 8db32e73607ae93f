"""``kandidaat documents`` as a party volunteer runs it on the demo project."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader

from kandidaat.app.cli import main
from kandidaat.app.nomination.demo_party import run_demo_party

if TYPE_CHECKING:
    from pathlib import Path

BEFORE_NOMINATION_DAY = "2026-01-19"
AFTER_NOMINATION_DAY = "2026-03-01"


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, Path]:
    """The demo party's project and its EML 210."""
    run = run_demo_party(tmp_path / "demo")
    return run.project, run.exported[0].path


def _text(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def test_documents_of_a_clean_project_are_written_per_list_and_exit_0(
    demo: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = demo
    out = tmp_path / "stukken"
    code = main(["documents", str(project), "--out", str(out), "--today", BEFORE_NOMINATION_DAY])
    printed = capsys.readouterr().out
    assert code == 0
    assert "klaar om te printen" in printed
    assert (out / "lijst_1" / "H1.pdf").is_file()
    assert (out / "lijst_1" / "H3-1.pdf").is_file()
    assert len(list((out / "lijst_1").glob("H9_*.pdf"))) == 20
    h1 = "\n".join(_text(out / "lijst_1" / "H1.pdf"))
    assert "Demodorp Vooruit" in h1
    assert "Çelik" in h1
    assert "Ødegård" in h1
    assert "CONCEPT" not in h1
    assert list((out / "EML_210").glob("*.eml.xml"))


def test_documents_with_errors_carry_the_concept_mark_on_every_page_and_say_why(
    demo: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = demo
    out = tmp_path / "stukken"
    code = main(["documents", str(project), "--out", str(out), "--today", AFTER_NOMINATION_DAY])
    printed = capsys.readouterr().out
    assert code == 1
    assert "CONCEPT - niet inleveren" in printed
    assert "[Kieswet H 1 lid 1]" in printed
    pages = _text(out / "alles_afdrukken.pdf")
    assert pages
    assert all("CONCEPT" in page for page in pages)


def test_the_same_project_gives_byte_identical_documents(
    demo: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = demo
    for name in ("een", "twee"):
        assert main(["documents", str(project), "--out", str(tmp_path / name)]) in {0, 1}
    capsys.readouterr()
    first = sorted(p.relative_to(tmp_path / "een") for p in (tmp_path / "een").rglob("*.pdf"))
    assert first
    for relative in first:
        assert (tmp_path / "een" / relative).read_bytes() == (
            tmp_path / "twee" / relative
        ).read_bytes(), relative


def test_documents_of_an_eml_210_file_use_its_creation_date(
    demo: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, eml = demo
    out = tmp_path / "uit-210"
    # A 210 does not carry the council's seats, on which the number of H 4 depends
    # (Kieswet H 4 lid 1): without a 110a only an exempt appellation can be printed.
    arguments = ["documents", str(eml), "--out", str(out), "--today", BEFORE_NOMINATION_DAY]
    code = main([*arguments, "--previous-seats", "1"])
    capsys.readouterr()
    assert code in {0, 1}
    h1 = "\n".join(_text(out / "lijst_1" / "H1.pdf"))
    assert "Wiśniewska" in h1


def test_a_folder_with_other_files_is_refused_and_left_alone(
    demo: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = demo
    out = tmp_path / "bezet"
    out.mkdir()
    (out / "eigen.txt").write_text("van de gebruiker", encoding="utf-8")
    code = main(["documents", str(project), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert "bestaat al" in err
    assert sorted(p.name for p in out.iterdir()) == ["eigen.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".bezet")]


def test_a_missing_target_is_a_dutch_error_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["documents", str(tmp_path / "weg.kandidaat"), "--out", str(tmp_path / "uit")])
    assert code == 2
    assert "bestaat niet" in capsys.readouterr().err
    assert not (tmp_path / "uit").exists()


def test_a_second_run_keeps_the_signed_scan_the_user_put_in_the_folder(
    demo: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = demo
    out = tmp_path / "stukken"
    arguments = ["documents", str(project), "--out", str(out), "--today", BEFORE_NOMINATION_DAY]
    assert main(arguments) == 0
    scan = b"%PDF-1.4 H 1 met handtekening \x00\x01"
    (out / "H1_getekend.pdf").write_bytes(scan)
    (out / "lijst_1" / "opmerking.txt").write_text("nog laten tekenen", encoding="utf-8")
    assert main(arguments) == 0
    capsys.readouterr()
    assert (out / "H1_getekend.pdf").read_bytes() == scan
    assert (out / "lijst_1" / "opmerking.txt").read_text(encoding="utf-8") == "nog laten tekenen"
    assert (out / "lijst_1" / "H1.pdf").is_file()
    assert list((out / "EML_210").glob("*.eml.xml"))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_document_the_user_changed_is_refused_with_exit_2_and_kept(
    demo: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = demo
    out = tmp_path / "stukken"
    arguments = ["documents", str(project), "--out", str(out), "--today", BEFORE_NOMINATION_DAY]
    assert main(arguments) == 0
    (out / "lijst_1" / "H1.pdf").write_bytes(b"ingevuld door de gebruiker")
    capsys.readouterr()
    assert main(arguments) == 2
    err = capsys.readouterr().err
    assert "lijst_1/H1.pdf" in err
    assert "Verplaats of hernoem dat bestand" in err
    assert (out / "lijst_1" / "H1.pdf").read_bytes() == b"ingevuld door de gebruiker"
