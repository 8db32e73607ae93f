"""``kandidaat eml check`` finds what the XSD cannot: files that do not belong together,
lost candidate votes, empty lists, impossible elections and polling-station lists."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from kandidaat.app.cli import main

if TYPE_CHECKING:
    from collections.abc import Callable

    import pytest

SAMPLES = Path(__file__).resolve().parents[3] / ".." / "shared" / "eml_nl" / "samples"
FIXTURES = SAMPLES.parent / "fixtures" / "abacus"
XSD = SAMPLES.parent / "xsd"
WMW = SAMPLES / "GR2022_WestMaasenWaal"
WMW_COUNT = WMW / "Telling_GR2022_WestMaasenWaal.eml.xml"
WMW_LISTS = WMW / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
TK2025 = SAMPLES / "TK2025"
NIJMEGEN = TK2025 / "Kandidatenlijsten_TK2025_Nijmegen.eml.xml"
HAARLEM = TK2025 / "Kandidatenlijsten_TK2025_Haarlem.eml.xml"
TK_COUNT = TK2025 / "Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml"
STADSKANAAL = SAMPLES / "GR2026_Stadskanaal" / "Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml"
TK2023 = SAMPLES / "TK2023" / "Verkiezingsdefinitie_TK2023.eml.xml"
NS = {
    "e": "urn:oasis:names:tc:evs:schema:eml",
    "kr": "http://www.kiesraad.nl/extensions",
}


def _changed(source: Path, target: Path, change: Callable[[etree._Element], None]) -> Path:
    tree = etree.parse(str(source))
    change(tree.getroot())
    target.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
    return target


def _check(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main(["eml", "check", *map(str, args)])
    return code, capsys.readouterr().out


# Item 1: a count with candidate lists of another election or kieskring.


def test_a_count_with_the_lists_of_another_election_is_told_they_do_not_belong(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = _check(capsys, WMW_COUNT, NIJMEGEN)
    assert code == 1
    assert "Telling_GR2022_WestMaasenWaal.eml.xml: EML 510b, 1 bevinding(en)" in out
    assert "de meegegeven kandidatenlijsten horen niet bij deze telling" in out
    assert "Kandidatenlijsten_TK2025_Nijmegen.eml.xml: EML 230b, 1 bevinding(en)" in out
    assert "horen bij geen van de meegegeven tellingen" in out


def test_a_count_with_the_lists_of_another_kieskring_is_told_they_do_not_belong(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # West Maas en Waal lies in kieskring 6 Nijmegen, not in 10 Haarlem (their ContestIdentifier).
    code, out = _check(capsys, TK_COUNT, HAARLEM)
    assert code == 1
    assert "verkiezing TK2025, kieskring '6' (Nijmegen)" in out
    assert "verkiezing TK2025, kieskring '10' (Haarlem)" in out
    assert "in orde" not in out


def test_a_count_with_its_own_lists_and_a_stray_230b_reports_only_the_stray_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = _check(capsys, TK_COUNT, NIJMEGEN, HAARLEM)
    assert code == 1
    assert "Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml: EML 510b, in orde" in out
    assert "Kandidatenlijsten_TK2025_Nijmegen.eml.xml: EML 230b, in orde" in out
    assert "Kandidatenlijsten_TK2025_Haarlem.eml.xml: EML 230b, 1 bevinding(en)" in out


def test_candidate_lists_checked_without_a_count_need_no_count(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = _check(capsys, NIJMEGEN, HAARLEM)
    assert code == 0
    assert out.count("EML 230b, in orde") == 2


# Item 2: a list total whose candidate votes were deleted.


def _drop_candidates_of_list(number: str, *, total_only: bool) -> Callable[[etree._Element], None]:
    def change(root: etree._Element) -> None:
        groups = root.findall(".//e:TotalVotes", NS)
        if not total_only:
            groups += root.findall(".//e:ReportingUnitVotes", NS)
        for group in groups:
            inside = False
            for selection in group.findall("e:Selection", NS):
                affiliation = selection.find("e:AffiliationIdentifier", NS)
                if affiliation is not None:
                    inside = affiliation.get("Id") == number
                elif inside:
                    group.remove(selection)

    return change


def test_a_total_that_lost_the_candidate_votes_of_a_list_is_a_finding_also_with_the_xsd(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count = _changed(
        WMW_COUNT, tmp_path / "telling.eml.xml", _drop_candidates_of_list("1", total_only=True)
    )
    code, out = _check(capsys, "--xsd", XSD, count, WMW_LISTS)
    assert code == 1
    # List 1 of West Maas en Waal has 1893 votes (the real file) and 48 candidates (230b).
    assert "totaal: lijst 1 heeft een lijsttotaal (1893) maar geen stemmen per kandidaat" in out
    assert "totaal: van lijst 1 ontbreken alle 48 kandidaten van de kandidatenlijst" in out
    assert "totaal: kandidaat 1 van lijst 1 ontbreekt, maar de stembureaus samen" in out


def test_candidate_votes_deleted_in_every_unit_are_named_per_polling_station(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count = _changed(
        WMW_COUNT, tmp_path / "telling.eml.xml", _drop_candidates_of_list("1", total_only=False)
    )
    code, out = _check(capsys, count)
    assert code == 1
    assert "stembureau 0668::SB1: lijst 1 heeft een lijsttotaal" in out
    # The real file has 21 polling stations and the total: 22 blocks lost list 1's candidates.
    assert out.count("lijst 1 heeft een lijsttotaal") == 22


# Item 3: what the XSD says nothing about, or what only --xsd finds.


def test_a_230b_without_lists_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def drop(root: etree._Element) -> None:
        contest = root.find(".//e:Contest", NS)
        assert contest is not None
        for affiliation in contest.findall("e:Affiliation", NS):
            contest.remove(affiliation)

    code, out = _check(capsys, _changed(WMW_LISTS, tmp_path / "lijsten.eml.xml", drop))
    assert code == 1
    assert "het bestand bevat geen enkele kandidatenlijst" in out


def test_a_list_without_candidates_is_a_finding_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def drop(root: etree._Element) -> None:
        second = root.findall(".//e:Affiliation", NS)[1]
        for candidate in second.findall("e:Candidate", NS):
            second.remove(candidate)

    code, out = _check(capsys, _changed(WMW_LISTS, tmp_path / "lijsten.eml.xml", drop))
    assert code == 1
    # The file is written again with an XML declaration: everything else is on line 2.
    assert "[lijsten] regel 2: lijst 2 (VVD) heeft geen kandidaten" in out
    assert "heeft geen kandidaten" in out


def test_a_file_without_managing_authority_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def drop(root: etree._Element) -> None:
        authority = root.find("e:ManagingAuthority", NS)
        assert authority is not None
        root.remove(authority)

    code, out = _check(capsys, _changed(WMW_LISTS, tmp_path / "lijsten.eml.xml", drop))
    assert code == 1
    assert "ManagingAuthority ontbreekt: een EML 230b moet zeggen" in out


def test_a_510b_without_polling_stations_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def drop(root: etree._Element) -> None:
        contest = root.find(".//e:Contest", NS)
        assert contest is not None
        for unit in contest.findall("e:ReportingUnitVotes", NS):
            contest.remove(unit)

    code, out = _check(capsys, _changed(WMW_COUNT, tmp_path / "telling.eml.xml", drop))
    assert code == 1
    assert "zonder stembureaus (ReportingUnitVotes)" in out


def test_a_510b_without_blank_votes_is_a_finding_in_that_block(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def drop(root: etree._Element) -> None:
        total = root.find(".//e:TotalVotes", NS)
        assert total is not None
        for rejected in total.findall("e:RejectedVotes", NS):
            if rejected.get("ReasonCode") == "blanco":
                total.remove(rejected)

    code, out = _check(capsys, _changed(WMW_COUNT, tmp_path / "telling.eml.xml", drop))
    assert code == 1
    assert 'totaal: het aantal blanco stemmen (RejectedVotes ReasonCode="blanco") ontbreekt' in out


def _set(path: str, value: str) -> Callable[[etree._Element], None]:
    def change(root: etree._Element) -> None:
        node = root.find(path, NS)
        assert node is not None
        node.text = value

    return change


def test_a_gr_election_with_a_ps_subcategory_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "def.eml.xml"
    code, out = _check(
        capsys, _changed(STADSKANAAL, target, _set(".//kr:ElectionSubcategory", "PS1"))
    )
    assert code == 1
    assert "de subcategorie 'PS1' past niet bij categorie GR: mogelijk is GR1 of GR2" in out


def test_a_gr1_with_45_seats_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def change(root: etree._Element) -> None:
        _set(".//kr:ElectionSubcategory", "GR1")(root)
        _set(".//kr:NumberOfSeats", "45")(root)

    code, out = _check(capsys, _changed(STADSKANAAL, tmp_path / "def.eml.xml", change))
    assert code == 1
    assert "subcategorie GR1 betekent minder dan 19 zetels, maar het bestand noemt er 45" in out


def test_a_gr2_with_9_seats_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "def.eml.xml"
    code, out = _check(capsys, _changed(STADSKANAAL, target, _set(".//kr:NumberOfSeats", "9")))
    assert code == 1
    assert "subcategorie GR2 betekent 19 zetels of meer, maar het bestand noemt er 9" in out


def test_a_gemeenteraad_of_47_seats_breaks_gemeentewet_article_8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "def.eml.xml"
    code, out = _check(capsys, _changed(STADSKANAAL, target, _set(".//kr:NumberOfSeats", "47")))
    assert code == 1
    assert (
        "47 zetels kan niet voor een GR-verkiezing: van 9 tot en met 45 (Gemeentewet art. 8)" in out
    )


def test_a_preference_threshold_of_50_for_a_council_of_23_seats_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Kieswet art. P 15: 25 % of the quota; 50 % only for a gemeenteraad under 19 seats.
    target = tmp_path / "def.eml.xml"
    change = _set(".//kr:PreferenceThreshold", "50")
    code, out = _check(capsys, _changed(STADSKANAAL, target, change))
    assert code == 1
    assert "voorkeurdrempel 50 % past niet bij een GR-verkiezing met 23 zetels" in out
    assert "de Kieswet geeft 25 %" in out


def test_a_small_council_with_a_25_percent_threshold_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def change(root: etree._Element) -> None:
        _set(".//kr:ElectionSubcategory", "GR1")(root)
        _set(".//kr:NumberOfSeats", "17")(root)

    code, out = _check(capsys, _changed(STADSKANAAL, tmp_path / "def.eml.xml", change))
    assert code == 1
    assert "voorkeurdrempel 25 % past niet bij een GR-verkiezing met 17 zetels" in out
    assert "de Kieswet geeft 50 %" in out


def test_a_tweede_kamer_of_250_seats_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "def.eml.xml"
    code, out = _check(capsys, _changed(TK2023, target, _set(".//kr:NumberOfSeats", "250")))
    assert code == 1
    assert "250 zetels kan niet voor een TK-verkiezing: 150 (Grondwet art. 51 lid 2)" in out


# Item 4: EML 110b.


def test_the_juinen_polling_stations_are_read_and_shown(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = FIXTURES / "juinen_eml110b_stembureaulijst-juinen.eml.xml"
    assert main(["eml", "show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Bericht: EML 110b - stembureaulijst" in out
    assert "Gemeente: Juinen (42)" in out
    assert "Stembureaus: 3" in out
    assert "stembureau    2  De Mattenklopper (postcode 2541 BB, 2 kiesgerechtigden)" in out


def test_the_juinen_polling_stations_pass_the_semantic_checks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = _check(capsys, FIXTURES / "juinen_eml110b_stembureaulijst-juinen.eml.xml")
    assert code == 0
    assert "EML 110b, in orde" in out


def test_the_invalid_110b_sample_gets_a_clear_finding_without_the_xsd(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = _check(capsys, SAMPLES / "synthetic" / "invalid" / "eml110b_test.eml.xml")
    assert code == 1
    assert "kr:NominationDate hoort niet in een stembureaulijst (110b)" in out


def test_duplicate_and_nameless_polling_stations_are_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def change(root: etree._Element) -> None:
        stations = root.findall(".//e:PollingStation", NS)
        stations[2].set("Id", "1")
        names = root.findall(".//{urn:oasis:names:tc:ciq:xsdschema:xAL:2.0}LocalityName")
        names[1].text = ""

    source = FIXTURES / "juinen_eml110b_stembureaulijst-juinen.eml.xml"
    code, out = _check(capsys, _changed(source, tmp_path / "sb.eml.xml", change))
    assert code == 1
    assert "stembureau 1 komt 2 keer voor" in out
    assert "stembureau 2 heeft geen naam (xal:LocalityName)" in out


# Item 5: reporting units named by their kind.


def test_show_of_a_510d_calls_its_units_municipalities(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = SAMPLES / "derived" / "AB2023_Scheldestromen"
    [file] = sorted(path.glob("*.eml.xml"))
    assert main(["eml", "show", str(file)]) == 0
    assert "Rapporterende eenheden (gemeenten): 1" in capsys.readouterr().out


def test_the_check_of_a_510d_names_the_municipality_not_a_polling_station(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = SAMPLES / "derived" / "AB2023_Scheldestromen"
    code, out = _check(capsys, *sorted(path.glob("*.eml.xml")))
    assert code == 1
    assert "gemeente 0654:" in out
    assert "stembureau 0654" not in out
    assert "maar de gemeenten samen" in out
