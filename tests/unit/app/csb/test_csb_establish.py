"""``kandidaat csb vaststellen``: the established lists as EML 230b, one per kieskring."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from csb_samples import people, write_210
from lxml import etree

from kandidaat.app.cli import main
from kandidaat.eml.read_lists import read_candidate_lists
from kandidaat.eml.safe_xml import parse_file

XSD = Path(__file__).resolve().parents[5] / "shared" / "eml_nl" / "xsd"
ALL = tuple(str(n) for n in range(1, 21))
"""The 20 kieskringen of the Tweede Kamer (Kieswet E 1, bijlage)."""

SHARED = ("C.", "Dubbelganger")


def _import(path: Path, file: Path, code: str, received: str) -> None:
    args = ["csb", "import", str(path), str(file), "--hashcode", code, "--lid", "Bert"]
    assert main([*args, "--ontvangen", received]) == 0


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """TK2025 (nomination day 15 September 2025): three lists, one of them late.

    - 1 Partij Groot, all kieskringen: three candidates, C. Dubbelganger second;
    - 2 Partij Nieuw, kieskring 1 only: two candidates and C. Dubbelganger third;
    - 3 Partij Laat, all kieskringen, received at 17:30 (after 17:00).
    """
    path = tmp_path / "tk.csb"
    assert main(["csb", "new", str(path), "--election", "TK2025", "--lid", "Anna Jansen"]) == 0
    register = tmp_path / "register.csv"
    register.write_text("aanduiding;stemmen;zetels\nPartij Groot;2000000;30\n", encoding="utf-8")
    assert main(["csb", "register", str(path), "--csv", str(register), "--lid", "Anna Jansen"]) == 0
    born = people("Dub", 1)[0][2]
    shared = (*SHARED, born)
    groot = people("Groot", 2)
    file, code = write_210(tmp_path, "a.eml.xml", "Partij Groot", [groot[0], shared, groot[1]], ALL)
    _import(path, file, code, "2025-09-15 10:00")
    file, code = write_210(tmp_path, "b.eml.xml", "Partij Nieuw", [*people("Nieuw", 2), shared])
    _import(path, file, code, "2025-09-15 11:00")
    file, code = write_210(tmp_path, "c.eml.xml", "Partij Laat", people("Laat", 2), ALL)
    _import(path, file, code, "2025-09-15 17:30")
    capsys.readouterr()
    return path


def _establish(workspace: Path, out: Path, *extra: str) -> int:
    args = ["csb", "vaststellen", str(workspace), "--out", str(out), "--lid", "Anna Jansen"]
    return main([*args, "--datum", "2025-09-19", *extra])


def _lists(path: Path) -> list[tuple[int, str, list[str]]]:
    record = read_candidate_lists(parse_file(path), path.name)
    return [
        (
            affiliation.number,
            affiliation.name,
            [f"{c.position} {c.last_name}" for c in affiliation.candidates],
        )
        for affiliation in record.affiliations
    ]


def test_every_kieskring_gets_a_230b_with_the_numbered_valid_lists(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "vastgesteld"
    assert _establish(workspace, out) == 0
    files = sorted(out.glob("Kandidatenlijsten_*.eml.xml"))
    # One 230b per kieskring of the Tweede Kamer, each with one or two lists, and the I 4.
    assert len(files) == 20
    assert (out / "Proces-verbaal_I4.pdf").is_file()
    printed = capsys.readouterr().out
    assert "lijst 1: inlevering 1 (Partij Groot)" in printed
    assert "lijst 2: inlevering 2 (Partij Nieuw)" in printed
    assert "te laat ingeleverd en daarom ongeldig (Kieswet I 5 onder a): inlevering 3" in printed
    assert "hashcode" in printed


def test_a_person_on_two_lists_in_one_kieskring_is_struck_there_and_the_rest_renumbered(
    workspace: Path, tmp_path: Path
) -> None:
    out = tmp_path / "vastgesteld"
    assert _establish(workspace, out) == 0
    first = out / "Kandidatenlijsten_TK2025_kieskring_1.eml.xml"
    second = out / "Kandidatenlijsten_TK2025_kieskring_2.eml.xml"
    # Kieskring 1: Dubbelganger stands on lists 1 and 2 and is struck from both (I 6
    # lid 1 onder g); Groot's third candidate moves up to place 2.
    assert _lists(first) == [
        (1, "Partij Groot", ["1 Grootaa", "2 Grootab"]),
        (2, "Partij Nieuw", ["1 Nieuwaa", "2 Nieuwab"]),
    ]
    # Kieskring 2 has only Partij Groot's list: Dubbelganger keeps place 2 there.
    assert _lists(second) == [(1, "Partij Groot", ["1 Grootaa", "2 Dubbelganger", "3 Grootab"])]


def test_the_late_list_is_in_no_230b(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "vastgesteld"
    assert _establish(workspace, out) == 0
    for path in out.glob("*.eml.xml"):
        assert b"Partij Laat" not in path.read_bytes(), path.name


def test_the_230b_carries_no_correspondence_address(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "vastgesteld"
    assert _establish(workspace, out) == 0
    data = (out / "Kandidatenlijsten_TK2025_kieskring_1.eml.xml").read_bytes()
    # The samples give every candidate the correspondence address 'Straat 1, 3511 AA'.
    assert b"3511 AA" not in data
    assert b"Straat 1" not in data


@pytest.mark.skipif(not XSD.is_dir(), reason="../shared/eml_nl/xsd ontbreekt naast het project")
def test_the_230b_is_valid_against_the_official_schema(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "vastgesteld"
    assert _establish(workspace, out) == 0
    capsys.readouterr()
    path = out / "Kandidatenlijsten_TK2025_kieskring_1.eml.xml"
    assert main(["eml", "check", "--xsd", str(XSD), str(path)]) == 0, capsys.readouterr().out


def test_the_same_workspace_and_date_give_the_same_bytes(workspace: Path, tmp_path: Path) -> None:
    assert _establish(workspace, tmp_path / "een") == 0
    assert _establish(workspace, tmp_path / "twee") == 0
    for path in (tmp_path / "een").iterdir():
        assert path.read_bytes() == (tmp_path / "twee" / path.name).read_bytes(), path.name


def test_establishing_is_logged_with_the_member_and_the_hash_codes(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _establish(workspace, tmp_path / "uit") == 0
    capsys.readouterr()
    assert main(["csb", "log", str(workspace)]) == 0
    log = capsys.readouterr().out
    line = next(line for line in log.splitlines() if "vastgesteld" in line)
    assert "Anna Jansen" in line
    assert "1=Partij Groot, 2=Partij Nieuw; ongeldig: 3" in line
    assert "Kandidatenlijsten_TK2025_kieskring_1.eml.xml (hashcode " in line
    assert "intact" in log


def test_a_tie_stops_with_exit_3_and_writes_nothing(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A second new list for one kieskring ties with Partij Nieuw (one kieskring each):
    # the order is drawn by lot (Kieswet I 14).
    file, code = write_210(tmp_path, "d.eml.xml", "Partij Ander", people("Ander", 2))
    _import(workspace, file, code, "2025-09-15 12:00")
    capsys.readouterr()
    out = tmp_path / "vastgesteld"
    assert _establish(workspace, out) == 3
    assert "--lot" in capsys.readouterr().out
    assert not out.exists() or not any(out.iterdir())
    assert _establish(workspace, out, "--lot", "4") == 0
    assert [n for n, _, _ in _lists(out / "Kandidatenlijsten_TK2025_kieskring_1.eml.xml")] == [
        1,
        2,
        3,
    ]
    names = [name for _, name, _ in _lists(out / "Kandidatenlijsten_TK2025_kieskring_1.eml.xml")]
    assert names == ["Partij Groot", "Partij Ander", "Partij Nieuw"]


def test_an_output_path_that_is_a_file_is_refused_in_dutch(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("van de gebruiker", encoding="utf-8")
    assert _establish(workspace, blocker) == 2
    assert "is een bestand, geen map" in capsys.readouterr().err
    assert blocker.read_text(encoding="utf-8") == "van de gebruiker"


def test_the_230c_holds_every_kieskring_and_describes_each_person_once(
    workspace: Path, tmp_path: Path
) -> None:
    out = tmp_path / "vastgesteld"
    assert _establish(workspace, out) == 0
    root = etree.parse(str(out / "Totaallijsten_TK2025.eml.xml")).getroot()
    ns = {"e": "urn:oasis:names:tc:evs:schema:eml"}
    assert root.get("Id") == "230c"
    contests = root.findall(".//e:Contest", ns)
    assert [c.find("e:ContestIdentifier", ns).get("Id") for c in contests] == list(ALL)
    described = [ident.get("ShortCode") for ident in root.iterfind(".//e:CandidateIdentifier", ns)]
    references = [node.text for node in root.iterfind(".//e:CandidateIdentifier/e:ShortCode", ns)]
    full = [code for code in described if code]
    # Groot's three candidates, Nieuw's two: five people, each described once. In 20
    # kieskringen Groot has 3 places (kieskring 1: 2, Dubbelganger struck there), Nieuw 2
    # in kieskring 1: 19 * 3 + 2 + 2 = 61 places, 56 of them references.
    assert len(full) == len(set(full)) == 5
    assert len(references) == 61 - 5
    assert set(references) <= set(full)
    assert "DubbelgangerC" in full


def test_the_230c_carries_the_correspondence_address_but_no_bsn(
    workspace: Path, tmp_path: Path
) -> None:
    out = tmp_path / "vastgesteld"
    assert _establish(workspace, out) == 0
    data = (out / "Totaallijsten_TK2025.eml.xml").read_bytes()
    assert b"3511 AA" in data
    assert b"NationalIdentificationNumber" not in data


@pytest.mark.skipif(not XSD.is_dir(), reason="../shared/eml_nl/xsd ontbreekt naast het project")
def test_the_230c_is_valid_against_the_official_schema(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "vastgesteld"
    assert _establish(workspace, out) == 0
    capsys.readouterr()
    path = out / "Totaallijsten_TK2025.eml.xml"
    assert main(["eml", "check", "--xsd", str(XSD), str(path)]) == 0, capsys.readouterr().out
