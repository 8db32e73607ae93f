"""The verzuimbrief: the letter to the submitter of one list with its open omissions.

Election: TK2025. Kiesraad calendar: kandidaatstelling Monday 15 September 2025,
onderzoek 16 September, verzuimherstel until Thursday 18 September 2025 (Kieswet
I 2 lid 2). Kieskring 3 of the Tweede Kamer is Assen (Kieswet E 1 and the kieskringen
in its bijlage). The submitter and the candidates are the made-up
persons of ``csb_samples``: inleveraar J. Inleveraar, Laan 2, 3511 AB Utrecht;
vervanger K. Vervanger; candidates A. P0xaa, B. P0xab, C. P0xac of Utrecht. The
text is read with poppler's ``pdftotext`` (what any reader of the PDF sees).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from csb_samples import people, write_210

from kandidaat.app.cli import main
from kandidaat.store.csb import CsbWorkspace

ALL = tuple(str(n) for n in range(1, 21))
EXAMINATION = "2025-09-16"
PLACE = "het secretariaat van het centraal stembureau, Korte Voorhout 7, Den Haag"
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(
    PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed"
)


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Two new lists for all 20 kieskringen, three candidates each, received in time."""
    path = tmp_path / "tk.csb"
    assert main(["csb", "new", str(path), "--election", "TK2025", "--lid", "Anna Jansen"]) == 0
    codes = []
    for number, appellation in enumerate(("Partij Alfa", "Partij Beta")):
        file, code = write_210(
            tmp_path, f"{number}.eml.xml", appellation, people(f"P{number}x", 3), ALL
        )
        codes.append(code)
        args = ["csb", "import", str(path), str(file), "--hashcode", code, "--lid", "Bert"]
        assert main([*args, "--ontvangen", "2025-09-15 12:00"]) == 0
    (tmp_path / "hashcode_1.txt").write_text(codes[0], encoding="utf-8")
    capsys.readouterr()
    return path


def _omission(workspace: Path, *args: str) -> None:
    code = main(
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
    assert code == 0


def _repair(workspace: Path, number: int) -> None:
    args = ["csb", "herstel", str(workspace), "--verzuim", str(number)]
    assert main([*args, "--ontvangen", "2025-09-17 11:00", "--lid", "Bert"]) == 0


def _letter(workspace: Path, out: Path, *extra: str, submission: str = "1") -> int:
    args = ["csb", "verzuimbrief", str(workspace), "--inlevering", submission, "--out", str(out)]
    return main([*args, "--plaats", PLACE, "--lid", "Anna Jansen", *extra])


def _text(pdf: Path) -> str:
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
    )
    return " ".join(done.stdout.decode("utf-8").split())


def _log_actions(workspace: Path) -> list[str]:
    with CsbWorkspace.open(workspace) as opened:
        return [entry.action for entry in opened.log()]


def _three_omissions_one_repaired(workspace: Path) -> None:
    """H 9 of candidate 2 missing, the deposit missing, ID copy of candidate 1 (repaired)."""
    _omission(workspace, "--inlevering", "1", "--code", "H9-ONTBREEKT", "--kandidaat", "2")
    _omission(workspace, "--inlevering", "1", "--code", "WAARBORGSOM")
    _omission(workspace, "--inlevering", "1", "--code", "ID-KOPIE-ONTBREEKT", "--kandidaat", "1")
    _repair(workspace, 3)


def test_the_letter_names_the_submitter_the_open_omissions_and_the_last_day_of_repair(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _three_omissions_one_repaired(workspace)
    out = tmp_path / "brief.pdf"
    assert _letter(workspace, out, "--datum", EXAMINATION) == 0
    assert "Verzuimbrief voor inlevering 1 geschreven" in capsys.readouterr().out
    text = _text(out)
    # Addressed to the inleveraar at the address on the list.
    assert "J. Inleveraar Laan 2 3511 AB Utrecht" in text
    assert "Centraal stembureau voor de verkiezing van de leden van de Tweede Kamer" in text
    assert "dinsdag 16 september 2025" in text
    # Omission 1: the consent (H 9) of candidate 2, struck when not repaired (I 6 lid 1 b).
    assert "Verzuim 1: kandidaat nr. 2: B. P0xab (Utrecht)" in text
    assert "(model H 9) ontbreekt" in text
    assert "I 6 lid 1 onder b" in text
    # Omission 2: the deposit, the list invalid everywhere when not repaired (I 5 b).
    assert "Verzuim 2: de lijst, in alle kieskringen" in text
    assert "waarborgsom is betaald ontbreekt" in text
    assert "I 5 onder b" in text
    # Omission 3 (the ID copy of candidate 1) was repaired: not in the letter.
    assert "Verzuim 3" not in text
    assert "identiteitsbewijs" not in text
    assert "P0xaa" not in text
    # The last day of the repair period and where to repair; the vervanger may repair too.
    assert "uiterlijk op donderdag 18-09-2025 (Kieswet I 2 lid 2)" in text
    assert PLACE in text
    assert "K. Vervanger" in text
    assert "Handtekening van de voorzitter" in text


def test_every_page_carries_the_hash_code_of_the_lists_eml_210(
    workspace: Path, tmp_path: Path
) -> None:
    _three_omissions_one_repaired(workspace)
    out = tmp_path / "brief.pdf"
    assert _letter(workspace, out, "--datum", EXAMINATION) == 0
    code = (tmp_path / "hashcode_1.txt").read_text(encoding="utf-8")
    assert f"Hashcode EML 210: {code}" in _text(out)


def test_an_omission_in_one_kieskring_names_that_kieskring_and_its_consequence_there(
    workspace: Path, tmp_path: Path
) -> None:
    _omission(workspace, "--inlevering", "1", "--code", "H4-TEKORT", "--kieskring", "3")
    out = tmp_path / "brief.pdf"
    assert _letter(workspace, out, "--datum", EXAMINATION) == 0
    text = _text(out)
    assert "Verzuim 1: de lijst in kieskring 3 (Assen)" in text
    assert "De lijst wordt ongeldig verklaard voor kieskring 3 (Assen)." in text
    assert "I 5 onder c" in text


def test_an_omission_that_cannot_be_repaired_is_told_without_a_repair_deadline(
    workspace: Path, tmp_path: Path
) -> None:
    _omission(workspace, "--inlevering", "1", "--code", "OVERLEDEN", "--kandidaat", "3")
    out = tmp_path / "brief.pdf"
    assert _letter(workspace, out, "--datum", EXAMINATION) == 0
    text = _text(out)
    assert "Verzuimen die niet kunnen worden hersteld" in text
    assert "Verzuim 1: kandidaat nr. 3: C. P0xac (Utrecht)" in text
    assert "I 6 lid 1 onder h" in text
    assert "uiterlijk op" not in text


def test_the_same_input_gives_the_same_bytes(workspace: Path, tmp_path: Path) -> None:
    _three_omissions_one_repaired(workspace)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert _letter(workspace, first, "--datum", EXAMINATION) == 0
    assert _letter(workspace, second, "--datum", EXAMINATION) == 0
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().startswith(b"%PDF")


def test_the_letter_is_logged_with_the_sha256_of_its_bytes(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _three_omissions_one_repaired(workspace)
    out = tmp_path / "brief.pdf"
    assert _letter(workspace, out, "--datum", EXAMINATION) == 0
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    with CsbWorkspace.open(workspace) as opened:
        entry = opened.log()[-1]
    assert entry.action == "verzuimbrief"
    assert entry.actor == "Anna Jansen"
    assert entry.data["sha256"] == digest
    assert entry.data["verzuimen"] == [1, 2]
    capsys.readouterr()
    assert main(["csb", "log", str(workspace)]) == 0
    shown = capsys.readouterr().out
    assert "verzuimbrief voor inlevering 1 van 2025-09-16 geschreven: brief.pdf" in shown
    assert digest in shown
    assert "Het logboek is intact" in shown


@pytest.mark.parametrize(
    ("submission", "extra", "expected"),
    [
        ("9", ("--datum", EXAMINATION), "er is geen inlevering met dat nummer"),
        ("2", ("--datum", EXAMINATION), "er zijn geen open verzuimen"),
        ("1", ("--datum", "2025-09-19"), "de hersteltermijn (Kieswet I 2 lid 2) liep tot en met"),
    ],
    ids=["unknown submission", "no open omissions", "dated after the repair period"],
)
def test_a_letter_that_cannot_be_written_is_refused_in_dutch_and_nothing_is_written(
    workspace: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    submission: str,
    extra: tuple[str, ...],
    expected: str,
) -> None:
    _three_omissions_one_repaired(workspace)
    before = _log_actions(workspace)
    out = tmp_path / "brief.pdf"
    capsys.readouterr()
    assert _letter(workspace, out, *extra, submission=submission) == 2
    assert expected in capsys.readouterr().err
    assert not out.exists()
    assert _log_actions(workspace) == before


def test_a_submission_whose_omissions_are_all_repaired_gets_no_letter(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _omission(workspace, "--inlevering", "1", "--code", "WAARBORGSOM")
    _repair(workspace, 1)
    out = tmp_path / "brief.pdf"
    capsys.readouterr()
    assert _letter(workspace, out, "--datum", EXAMINATION) == 2
    assert "er zijn geen open verzuimen" in capsys.readouterr().err
    assert not out.exists()


def test_an_existing_file_is_never_overwritten(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _three_omissions_one_repaired(workspace)
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"de brief van de gebruiker")
    before = _log_actions(workspace)
    capsys.readouterr()
    assert _letter(workspace, out, "--datum", EXAMINATION) == 2
    assert "bestaat al; kandidaat overschrijft geen bestaand bestand" in capsys.readouterr().err
    assert out.read_bytes() == b"de brief van de gebruiker"
    assert _log_actions(workspace) == before


def test_a_folder_as_out_is_refused(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _three_omissions_one_repaired(workspace)
    folder = tmp_path / "brieven.pdf"
    folder.mkdir()
    capsys.readouterr()
    assert _letter(workspace, folder, "--datum", EXAMINATION) == 2
    assert "is een map; geef de naam van het PDF-bestand" in capsys.readouterr().err
    assert list(folder.iterdir()) == []
