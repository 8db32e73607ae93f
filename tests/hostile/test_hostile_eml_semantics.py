"""Hostile EML files for ``eml check`` and ``eml show``: 110b, lists and counts.

Every case ends in a Dutch message and exit code 1 or 2, never a traceback
(``eml check`` reports a file it cannot read into a record as a [structuur]
finding with its line, exit 1; ``eml show`` refuses it, exit 2);
messages stay short whatever the file holds. The files start from the abacus
Juinen 110b and the real GR2022 West Maas en Waal files (read from ../shared,
changed in memory), so the hostile part is the only unusual thing in them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from kandidaat.app.cli import main
from kandidaat.eml.read_polling_stations import MAX_NAME, MAX_STATIONS

if TYPE_CHECKING:
    from pathlib import Path

LONGEST_LINE = 2_000
"""No line of output may be longer, however large the file's values are."""
STATION = '<PollingStation Id="2">2</PollingStation>'
NAME = "<xal:LocalityName>De Mattenklopper</xal:LocalityName>"


def _juinen(shared_dir: Path) -> str:
    path = (
        shared_dir
        / "eml_nl"
        / "fixtures"
        / "abacus"
        / "juinen_eml110b_stembureaulijst-juinen.eml.xml"
    )
    text = path.read_text(encoding="utf-8")
    for part in (STATION, NAME):
        assert part in text, f"{path.name} changed: it no longer holds {part}"
    return text


def _write(tmp_path: Path, text: str, name: str = "vijandig.eml.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert "Traceback" not in out
    assert all(len(line) <= LONGEST_LINE for line in out.splitlines())
    return code, out


@pytest.mark.parametrize(
    ("station", "words"),
    [
        ('<PollingStation Id="0">2</PollingStation>', "stembureau heeft geen geldig nummer"),
        ('<PollingStation Id="-1">2</PollingStation>', "stembureau heeft geen geldig nummer"),
        ('<PollingStation Id="٣">2</PollingStation>', "stembureau heeft geen geldig nummer"),
        ("<PollingStation>2</PollingStation>", "stembureau heeft geen geldig nummer"),
        ('<PollingStation Id="2">veel</PollingStation>', "moet een geheel getal >= 0 zijn"),
        ('<PollingStation Id="2">-5</PollingStation>', "moet een geheel getal >= 0 zijn"),
    ],
)
def test_a_110b_with_a_wrong_station_number_is_refused_in_dutch(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], station: str, words: str
) -> None:
    path = _write(tmp_path, _juinen(shared_dir).replace(STATION, station))
    code, out = _run(capsys, "eml", "check", str(path))
    assert code == 1
    assert "[structuur] regel " in out
    assert words in out
    code, out = _run(capsys, "eml", "show", str(path))
    assert code == 2
    assert words in out


def test_a_110b_with_more_stations_than_any_municipality_is_refused(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _juinen(shared_dir)
    start = text.index("<PollingPlace")
    end = text.index("</PollingPlace>") + len("</PollingPlace>")
    place = text[start:end]
    path = _write(tmp_path, text[:start] + place * (MAX_STATIONS + 1) + text[end:])
    code, out = _run(capsys, "eml", "check", str(path))
    assert code == 1
    assert f"meer dan {MAX_STATIONS} stembureaus in één bestand" in out


def test_a_station_name_of_a_megabyte_is_kept_short_in_every_message(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_name = "<xal:LocalityName>" + "A" * 1_000_000 + "</xal:LocalityName>"
    path = _write(tmp_path, _juinen(shared_dir).replace(NAME, long_name))
    code, out = _run(capsys, "eml", "show", str(path))
    assert code == 0
    assert "A" * MAX_NAME in out
    assert "A" * (MAX_NAME + 1) not in out


def test_a_110b_whose_stations_all_share_one_number_names_it_once(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _juinen(shared_dir)
    for number in ("2", "3"):
        text = text.replace(f'<PollingStation Id="{number}">', '<PollingStation Id="1">')
    code, out = _run(capsys, "eml", "check", str(_write(tmp_path, text)))
    assert code == 1
    assert out.count("stembureau 1 komt 3 keer voor") == 1


def test_station_voters_beyond_the_municipality_are_a_finding(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _juinen(shared_dir).replace(
        STATION, '<PollingStation Id="2">999999999999</PollingStation>'
    )
    code, out = _run(capsys, "eml", "check", str(_write(tmp_path, text)))
    assert code == 1
    # 1 + 999999999999 + 3 voters against MaxVotes 3353 of Juinen.
    assert "de stembureaus hebben samen 1000000000003 kiesgerechtigden, meer dan de 3353" in out


def test_a_110a_with_an_unknown_category_of_a_megabyte_stays_short(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = (
        shared_dir
        / "eml_nl"
        / "fixtures"
        / "abacus"
        / "juinen_eml110a_verkiezingsdefinitie-juinen.eml.xml"
    )
    text = path.read_text(encoding="utf-8")
    assert "<ElectionCategory>GR</ElectionCategory>" in text, f"{path.name} changed"
    text = text.replace(
        "<ElectionCategory>GR</ElectionCategory>",
        "<ElectionCategory>" + "X" * 1_000_000 + "</ElectionCategory>",
    )
    code, out = _run(capsys, "eml", "check", str(_write(tmp_path, text)))
    assert code == 1
    assert "onbekende verkiezingscategorie" in out


def test_a_count_given_with_twenty_foreign_lists_names_at_most_five(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    samples = shared_dir / "eml_nl" / "samples"
    haarlem = (samples / "TK2025" / "Kandidatenlijsten_TK2025_Haarlem.eml.xml").read_bytes()
    lists = []
    for index in range(20):
        path = tmp_path / f"lijsten_{index}.eml.xml"
        path.write_bytes(haarlem)
        lists.append(str(path))
    count = samples / "GR2022_WestMaasenWaal" / "Telling_GR2022_WestMaasenWaal.eml.xml"
    code, out = _run(capsys, "eml", "check", str(count), *lists)
    assert code == 1
    [line] = [line for line in out.splitlines() if "horen niet bij deze telling" in line]
    assert line.count("lijsten_") == 5
    assert "en 15 meer" in line
