"""``kandidaat telling optellen``: 510b of municipalities added up to a 510c or 510d.

Real files from ../shared/eml_nl/samples: West Maas en Waal GR2022 (one
kieskring: the CSB's 510d) and Aa en Hunze TK2023 (kieskring 3: the HSB's
510c). A second municipality is made by giving a copy of the file another
municipality code: every expected total is then exactly twice the file's own
total, read here with a bare lxml parse.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import etree

from kandidaat.app.cli import main

SHARED = Path(__file__).resolve().parents[5] / "shared" / "eml_nl"
WMW = SHARED / "samples/GR2022_WestMaasenWaal/Telling_GR2022_WestMaasenWaal.eml.xml"
AA = SHARED / "samples/TK2023/Telling_TK2023_gemeente_Aa_en_Hunze.eml.xml"
TK25 = SHARED / "samples/TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml"
XSD = SHARED / "xsd"
NS = {"e": "urn:oasis:names:tc:evs:schema:eml"}
pytestmark = pytest.mark.skipif(
    not (WMW.is_file() and AA.is_file()), reason="../shared/eml_nl/samples ontbreekt"
)


def _list_totals(path: Path) -> dict[str, int]:
    root = etree.parse(str(path)).getroot()
    total = root.find(".//e:TotalVotes", NS)
    assert total is not None
    found = {}
    for selection in total.findall("e:Selection", NS):
        ident = selection.find("e:AffiliationIdentifier", NS)
        if ident is not None:
            found[ident.get("Id", "")] = int(selection.findtext("e:ValidVotes", "", NS))
    return found


def _blank(path: Path) -> int:
    root = etree.parse(str(path)).getroot()
    total = root.find(".//e:TotalVotes", NS)
    assert total is not None
    return int(total.findtext("e:RejectedVotes[@ReasonCode='blanco']", "", NS))


def _other_municipality(source: Path, folder: Path, code: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert f'Id="{code}"' in text
    copy = folder / f"kopie_{new}.eml.xml"
    copy.write_text(
        text.replace(f'Id="{code}"', f'Id="{new}"').replace(f'Id="{code}::', f'Id="{new}::'),
        encoding="utf-8",
    )
    return copy


def _optellen(*args: str) -> int:
    return main(["telling", "optellen", *args, "--datum", "2026-03-20"])


def test_the_csb_510d_of_one_municipality_has_its_totals_and_is_schema_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _optellen("--niveau", "csb", "--out", str(tmp_path), str(WMW)) == 0
    written = tmp_path / "Telling_GR2022_WestMaasenWaal_totaal.eml.xml"
    assert "EML 510d geschreven" in capsys.readouterr().out
    assert _list_totals(written) == _list_totals(WMW)
    assert _blank(written) == _blank(WMW)
    if XSD.is_dir():
        assert main(["eml", "check", "--xsd", str(XSD), str(written)]) == 0


def test_the_hsb_510c_of_two_municipalities_is_their_exact_sum(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second = _other_municipality(AA, tmp_path, "1680", "1681")
    out = tmp_path / "uit"
    assert _optellen("--niveau", "hsb", "--out", str(out), str(AA), str(second)) == 0
    capsys.readouterr()
    written = out / "Telling_TK2023_kieskring_3.eml.xml"
    once = _list_totals(AA)
    assert _list_totals(written) == {number: 2 * votes for number, votes in once.items()}
    assert _blank(written) == 2 * _blank(AA)
    root = etree.parse(str(written)).getroot()
    assert root.get("Id") == "510c"
    units = [u.get("Id") for u in root.iterfind(".//e:ReportingUnitIdentifier", NS)]
    assert units == ["1680", "1681"]
    if XSD.is_dir():
        assert main(["eml", "check", "--xsd", str(XSD), str(written)]) == 0, capsys.readouterr()


def test_uitslag_finds_no_difference_between_the_510b_and_our_510d(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _optellen("--niveau", "csb", "--out", str(tmp_path), str(WMW)) == 0
    capsys.readouterr()
    lists = WMW.parent / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
    written = tmp_path / "Telling_GR2022_WestMaasenWaal_totaal.eml.xml"
    main(["uitslag", "--zetels", "19", str(lists), str(WMW), str(written)])
    assert "geen verschillen tussen de gegeven niveaus" in capsys.readouterr().out


def test_the_same_municipality_twice_is_refused_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uit"
    assert _optellen("--niveau", "hsb", "--out", str(out), str(AA), str(AA)) == 2
    assert "gemeente 1680 is al gegeven" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("level", "files", "message"),
    [
        ("csb", (AA,), "een 510d over meer kieskringen"),
        ("hsb", (WMW,), "deze verkiezing heeft één kieskring"),
        ("hsb", (AA, TK25), "hoort bij verkiezing TK2025"),
    ],
)
def test_counts_that_do_not_go_together_are_refused_in_dutch(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    level: str,
    files: tuple[Path, ...],
    message: str,
) -> None:
    out = tmp_path / "uit"
    assert _optellen("--niveau", level, "--out", str(out), *map(str, files)) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_510b_whose_total_does_not_add_up_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = WMW.read_text(encoding="utf-8")
    first = text.index("<ValidVotes>", text.index("<TotalVotes>"))
    end = text.index("</ValidVotes>", first)
    value = int(text[first + len("<ValidVotes>") : end])
    broken = tmp_path / "gewijzigd.eml.xml"
    broken.write_text(
        text[: first + len("<ValidVotes>")] + str(value + 1) + text[end:], encoding="utf-8"
    )
    out = tmp_path / "uit"
    assert _optellen("--niveau", "csb", "--out", str(out), str(broken)) == 2
    assert "los dit eerst op" in capsys.readouterr().err
    assert not out.exists()


def _kieskring_count(folder: Path, kieskring: str, alfa: list[int], nieuw: list[int]) -> Path:
    """A 510c of one kieskring, written with our writer from figures chosen here."""
    from kandidaat.domain.election import (  # noqa: PLC0415 - only this helper builds counts
        CountRecord,
        ElectionIdentifier,
        Envelope,
        ListCount,
        ReportingUnitCount,
        VoteCounts,
    )
    from kandidaat.eml.write_common import to_canonical  # noqa: PLC0415
    from kandidaat.eml.write_counts import build_counts  # noqa: PLC0415

    lists = [ListCount(1, "Partij Alfa", sum(alfa), tuple(enumerate(alfa, start=1)))]
    if nieuw:
        lists.append(ListCount(2, "Partij Nieuw", sum(nieuw), tuple(enumerate(nieuw, start=1))))
    valid = sum(item.votes for item in lists)
    block = VoteCounts(tuple(lists), 1000, valid, (("ongeldig", 3), ("blanco", 2)), ())
    record = CountRecord(
        envelope=Envelope(
            message_id="510c",
            authority_id=f"HSB{kieskring}",
            authority_name=f"Hoofdstembureau {kieskring}",
            creation_date_time="2025-10-31T00:00:00.000",
        ),
        election=ElectionIdentifier(
            id="TK2025",
            name="Tweede Kamer der Staten-Generaal 2025",
            category="TK",
            election_date="2025-10-29",
        ),
        contest_id=kieskring,
        contest_name=f"Kieskring {kieskring}",
        total=block,
        units=(ReportingUnitCount(f"000{kieskring}", f"Gemeente {kieskring}", block),),
    )
    path = folder / f"Telling_TK2025_kieskring_{kieskring}.eml.xml"
    path.write_bytes(to_canonical(build_counts(record)))
    return path


@pytest.fixture
def totaallijsten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The 230c of a TK2025 CSB: Partij Alfa in every kieskring, Partij Nieuw in kieskring 1."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "csb"))
    from csb_samples import people, write_210  # noqa: PLC0415 - the CSB tests' samples

    workspace = tmp_path / "tk.csb"
    assert main(["csb", "new", str(workspace), "--election", "TK2025", "--lid", "A"]) == 0
    every = tuple(str(n) for n in range(1, 21))
    for name, appellation, persons, kieskringen in (
        ("a.xml", "Partij Alfa", people("Alf", 3), every),
        ("b.xml", "Partij Nieuw", people("Nie", 2), ("1",)),
    ):
        file, code = write_210(tmp_path, name, appellation, persons, kieskringen)
        args = ["csb", "import", str(workspace), str(file), "--hashcode", code, "--lid", "A"]
        assert main([*args, "--ontvangen", "2025-09-15 12:00"]) == 0
    out = tmp_path / "vast"
    assert main(["csb", "vaststellen", str(workspace), "--out", str(out), "--lid", "A"]) == 0
    capsys.readouterr()
    return out / "Totaallijsten_TK2025.eml.xml"


def test_the_510d_over_kieskringen_sums_candidates_by_their_shortcode(
    tmp_path: Path, totaallijsten: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Kieskring 1: Alfa 30, 20, 10 and Nieuw 5, 4; kieskring 2: Alfa 7, 8, 9.
    first = _kieskring_count(tmp_path, "1", [30, 20, 10], [5, 4])
    second = _kieskring_count(tmp_path, "2", [7, 8, 9], [])
    out = tmp_path / "csb"
    args = ["--niveau", "csb", "--totaallijsten", str(totaallijsten), "--out", str(out)]
    assert _optellen(*args, str(first), str(second)) == 0, capsys.readouterr().err
    written = out / "Telling_TK2025_totaal.eml.xml"
    root = etree.parse(str(written)).getroot()
    assert root.get("Id") == "510d"
    total = root.find(".//e:TotalVotes", NS)
    assert total is not None
    votes = {}
    for selection in total.findall("e:Selection", NS):
        ident = selection.find("e:Candidate/e:CandidateIdentifier", NS)
        if ident is not None:
            votes[ident.get("ShortCode")] = int(selection.findtext("e:ValidVotes", "", NS))
    # ShortCodes as the 230c gives them: last name letters and initials (Alfaa, A. -> AlfaaA).
    assert votes == {"AlfaaA": 37, "AlfabB": 28, "AlfacC": 19, "NieaaA": 5, "NieabB": 4}
    assert _list_totals(written) == {"1": 84, "2": 9}
    units = [u.get("Id") for u in root.iterfind(".//e:ReportingUnitIdentifier", NS)]
    assert units == ["HSB1", "HSB2"]
    if XSD.is_dir():
        assert main(["eml", "check", "--xsd", str(XSD), str(written)]) == 0, capsys.readouterr()


def test_a_kieskring_the_230c_does_not_have_is_refused(
    tmp_path: Path, totaallijsten: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stray = _kieskring_count(tmp_path, "21", [1, 1, 1], [])
    out = tmp_path / "csb"
    args = ["--niveau", "csb", "--totaallijsten", str(totaallijsten), "--out", str(out)]
    assert _optellen(*args, str(stray)) == 2
    assert "kieskring 21 staat niet in Totaallijsten_TK2025.eml.xml" in capsys.readouterr().err
    assert not out.exists()
