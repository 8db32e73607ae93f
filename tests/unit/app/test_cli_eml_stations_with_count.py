"""``kandidaat eml check`` of a municipality's count (510b) with its polling stations (110b)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.app.cli import main

if TYPE_CHECKING:
    import pytest

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared" / "eml_nl"
JUINEN = SHARED / "fixtures" / "abacus" / "juinen_eml110b_stembureaulijst-juinen.eml.xml"
WMW_COUNT = SHARED / "samples" / "GR2022_WestMaasenWaal" / "Telling_GR2022_WestMaasenWaal.eml.xml"
# The 21 polling stations of the real West Maas en Waal count: SB1-SB11 and SB112-SB121.
WMW_STATIONS = [*range(1, 12), *range(112, 122)]
PLACE = (
    '<PollingPlace Channel="polling"><PhysicalLocation><Address><Locality>'
    "<xal:LocalityName>Stembureau {number}</xal:LocalityName></Locality></Address>"
    '<PollingStation Id="{number}">0</PollingStation></PhysicalLocation></PollingPlace>'
)


def _wmw_stations(tmp_path: Path, numbers: list[int]) -> Path:
    """The Juinen 110b turned into one of West Maas en Waal (0668) with these stations."""
    text = JUINEN.read_text(encoding="utf-8")
    for old in ('Id="GR2025_Juinen"', 'ReportingUnitIdentifier Id="42"'):
        assert old in text, f"{JUINEN.name} changed: it no longer holds {old}"
    text = text.replace('Id="GR2025_Juinen"', 'Id="GR2022_WestMaasenWaal"')
    text = text.replace('ReportingUnitIdentifier Id="42"', 'ReportingUnitIdentifier Id="0668"')
    start = text.index("<PollingPlace")
    end = text.rindex("</PollingPlace>") + len("</PollingPlace>")
    places = "".join(PLACE.format(number=number) for number in numbers)
    path = tmp_path / "stembureaus.eml.xml"
    path.write_text(text[:start] + places + text[end:], encoding="utf-8")
    return path


def test_a_count_with_its_own_polling_stations_is_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stations = _wmw_stations(tmp_path, WMW_STATIONS)
    code = main(["eml", "check", str(WMW_COUNT), str(stations)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "EML 510b, in orde" in out
    assert "EML 110b, in orde" in out


def test_stations_counted_but_not_listed_and_listed_but_not_counted_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stations = _wmw_stations(tmp_path, [*range(1, 12), 99])
    code = main(["eml", "check", str(WMW_COUNT), str(stations)])
    out = capsys.readouterr().out
    assert code == 1
    assert "stembureau SB112 staat niet in de stembureaulijst (110b) van de gemeente" in out
    assert out.count("staat niet in de stembureaulijst") == 10
    assert "noemt stembureau 99, maar de telling heeft er geen uitslag van" in out


def test_the_stations_of_another_municipality_do_not_belong_to_the_count(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["eml", "check", str(WMW_COUNT), str(JUINEN)])
    out = capsys.readouterr().out
    assert code == 1
    assert (
        "deze stembureaulijst (verkiezing GR2025_Juinen, gemeente 42) hoort bij geen van de "
        "meegegeven tellingen (510b)"
    ) in out
    assert (
        "de meegegeven stembureaulijsten (110b) horen niet bij deze telling (verkiezing "
        "GR2022_WestMaasenWaal, gemeente 0668)"
    ) in out
