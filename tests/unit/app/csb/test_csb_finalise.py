"""``kandidaat csb finalise``: every document of the establishment in one folder.

Uses the e-KS fixture of PS 2027 Groningen (one kieskring, list "Kiesraad Demo", two
candidates; nomination day 1 February 2027 for the election of 17 March 2027).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from kandidaat.app.cli import main

SHARED = Path(__file__).resolve().parents[5] / "shared"
EKS = SHARED / "eml_nl" / "fixtures" / "e-ks"
XSD = SHARED / "eml_nl" / "xsd"
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    not (EKS / "models_eml_110a-ps27-1.eml.xml").is_file(),
    reason="../shared/eml_nl/fixtures/e-ks ontbreekt naast het project",
)


@pytest.fixture
def finalised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ps.csb"
    election = str(EKS / "models_eml_110a-ps27-1.eml.xml")
    assert main(["csb", "new", str(path), "--election", election, "--lid", "A. Jansen"]) == 0
    args = ["csb", "import", str(path), str(EKS / "models_eml_210-ps27-1.eml.xml")]
    args += ["--hashcode", "113F 9E1F", "--ontvangen", "2027-02-01 10:00", "--lid", "A. Jansen"]
    assert main(args) == 0
    out = tmp_path / "af"
    args = ["csb", "finalise", str(path), "--out", str(out), "--lid", "A. Jansen"]
    assert main([*args, "--datum", "2027-02-08"]) == 0
    capsys.readouterr()
    return out


def test_finalise_writes_the_230b_the_230c_and_every_document(finalised: Path) -> None:
    assert sorted(p.name for p in finalised.iterdir()) == [
        "Hashcodes.pdf",
        "Kandidatenlijsten_PS2027_Groningen.eml.xml",
        "Proces-verbaal_I1.pdf",
        "Proces-verbaal_I4.pdf",
        "Publicatie_kandidatenlijsten.pdf",
        "Totaallijsten_PS2027_Groningen.eml.xml",
    ]


@pytest.mark.skipif(not XSD.is_dir(), reason="../shared/eml_nl/xsd ontbreekt")
def test_the_eml_files_are_valid_against_the_official_schema(
    finalised: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(p) for p in sorted(finalised.glob("*.eml.xml"))]
    assert main(["eml", "check", "--xsd", str(XSD), *files]) == 0, capsys.readouterr().out


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) ontbreekt")
def test_the_hash_page_names_every_file_with_its_sha256(finalised: Path) -> None:
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, str(finalised / "Hashcodes.pdf"), "-"], capture_output=True, check=True
    )
    text = " ".join(done.stdout.decode("utf-8").split())
    for name in (
        "Kandidatenlijsten_PS2027_Groningen.eml.xml",
        "Totaallijsten_PS2027_Groningen.eml.xml",
        "Proces-verbaal_I4.pdf",
        "Proces-verbaal_I1.pdf",
        "Publicatie_kandidatenlijsten.pdf",
    ):
        digest = hashlib.sha256((finalised / name).read_bytes()).hexdigest().upper()
        first_groups = " ".join(digest[i : i + 4] for i in range(0, 32, 4))
        assert first_groups in text, name


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) ontbreekt")
def test_the_publication_lists_the_numbered_list_with_its_candidates(finalised: Path) -> None:
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, "-layout", str(finalised / "Publicatie_kandidatenlijsten.pdf"), "-"],
        capture_output=True,
        check=True,
    )
    text = " ".join(done.stdout.decode("utf-8").split())
    assert "Publicatie van de kandidatenlijsten" in text
    assert "Lijst 1. Kiesraad Demo" in text
    assert "Candidate" in text


def test_the_230b_reads_back_into_a_party_project(
    finalised: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "partij.kandidaat"
    election = str(EKS / "models_eml_110a-ps27-1.eml.xml")
    args = ["new", str(project), "--election-file", election, "--aanduiding", "Kiesraad Demo"]
    assert main(args) == 0
    source = finalised / "Kandidatenlijsten_PS2027_Groningen.eml.xml"
    assert main(["candidates", "import", str(project), str(source)]) == 0
    capsys.readouterr()
    assert main(["candidates", "show", str(project)]) == 0
    shown = capsys.readouterr().out
    assert shown.count("Candidate") >= 2
