"""``kandidaat uitslag`` as a user runs it on the Kiesraad's files.

The official result of the gemeenteraad West Maas en Waal 2022 (17 seats) is
taken from squell/electionchecker ``data/uitslag_GR20220316_Gemeente.csv`` as
transcribed in ``../shared/vectors/real/gr2022_west-maas-en-waal.json``
(``expected_seats``); the numbers below are typed from that source.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

import pytest

from kandidaat.app.cli import main
from kandidaat.domain.election import CountRecord, ReportingUnitCount, ResultRecord
from kandidaat.eml.documents import read_path
from kandidaat.eml.write_common import write_document
from kandidaat.eml.write_counts import build_counts

if TYPE_CHECKING:
    from pathlib import Path

WMW = "eml_nl/samples/GR2022_WestMaasenWaal"
WMW_FILES = {
    "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
    "Telling_GR2022_WestMaasenWaal.eml.xml",
}

OFFICIAL_SEATS_2022 = {1: 3, 2: 2, 3: 3, 4: 2, 5: 2, 6: 2, 7: 2, 8: 1}
"""squell/electionchecker uitslag_GR20220316_Gemeente.csv, West Maas en Waal (G0668)."""


def _wmw(shared_dir: Path) -> tuple[Path, Path]:
    folder = shared_dir / WMW
    found = {p.name for p in folder.iterdir()}
    unexpected = found - WMW_FILES
    assert not unexpected, f"{folder}: onverwachte bestanden {sorted(unexpected)}"
    assert found >= WMW_FILES, f"{folder}: ontbrekend {sorted(WMW_FILES - found)}"
    return (
        folder / "Telling_GR2022_WestMaasenWaal.eml.xml",
        folder / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
    )


def _run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    code = main(["uitslag", *args, "--json"])
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    return code, document


def test_west_maas_en_waal_2022_gives_the_official_seats_and_names_the_elected(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, lists = _wmw(shared_dir)
    code, document = _run_json([str(count), str(lists), "--zetels", "17"], capsys)
    assert code == 0
    assert document["status"] == "result"
    assert document["election"]["id"] == "GR2022_WestMaasenWaal"
    assert document["seats"] == 17
    # Kiesdeler: 9350 valid votes / 17 seats = 550 (hand computation).
    assert document["quota"] == "550/1"
    assert {item["number"]: item["seats"] for item in document["lists"]} == OFFICIAL_SEATS_2022
    assert document["differences"] == []
    # Hand computation (Kieswet P 15, fewer than 19 seats): a candidate with more
    # than 50% of the quota (275) is elected on preference. Lijsttrekker R.A.N.
    # Reuvers of list 1 has 581 votes in the 510b, the others of list 1 fewer
    # than 275, so seats 2 and 3 go in list order to positions 2 and 3.
    first = document["lists"][0]
    assert [(e["position"], e["by"]) for e in first["elected"]] == [
        (1, "voorkeur"),
        (2, "lijstvolgorde"),
        (3, "lijstvolgorde"),
    ]
    assert first["elected"][0]["name"].startswith("R.A.N. Reuvers")
    assert first["elected"][0]["votes"] == 581
    # List 8 (671 votes, 1 seat): nobody passes 275, the seat goes to position 1.
    assert [(e["position"], e["by"]) for e in document["lists"][7]["elected"]] == [
        (1, "lijstvolgorde")
    ]


def test_the_dutch_report_explains_the_result_step_by_step(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, lists = _wmw(shared_dir)
    assert main(["uitslag", str(count), str(lists), "--zetels", "17"]) == 0
    out = capsys.readouterr().out
    assert "Tellingen: geen verschillen" in out
    assert "Kiesdeler (art. P 5): 9350 / 17 = 550" in out
    assert "Gekozen kandidaten" in out


def test_a_count_alone_gives_the_list_seats_and_says_the_candidates_cannot_be_named(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, _ = _wmw(shared_dir)
    code, document = _run_json([str(count), "--zetels", "17"], capsys)
    assert code == 1
    assert {item["number"]: item["seats"] for item in document["lists"]} == OFFICIAL_SEATS_2022
    assert document["candidates_named"] is False
    assert any("kandidatenlijsten (230b)" in f for f in document["findings"])
    assert all("elected" not in item for item in document["lists"])


def test_without_the_number_of_seats_it_says_so_and_never_assumes(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, lists = _wmw(shared_dir)
    assert main(["uitslag", str(count), str(lists)]) == 2
    err = capsys.readouterr().err
    assert "aantal zetels is niet bekend" in err
    assert "--zetels" in err


def test_candidate_lists_of_another_election_are_an_error_not_a_silent_skip(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, _ = _wmw(shared_dir)
    other = shared_dir / "eml_nl/samples/TK2025/Kandidatenlijsten_TK2025_Haarlem.eml.xml"
    code, document = _run_json([str(count), str(other), "--zetels", "17"], capsys)
    assert code == 1
    assert any("TK2025" in f for f in document["findings"])
    assert document["candidates_named"] is False


def _as_central(record: CountRecord, unit_id: str) -> CountRecord:
    """A 510d of a single-municipality election: one unit, the municipality's total."""
    assert record.total is not None
    unit = ReportingUnitCount(unit_id, record.envelope.authority_name, record.total)
    envelope = dataclasses.replace(record.envelope, message_id="510d", authority_id="CSB")
    return dataclasses.replace(record, envelope=envelope, units=(unit,))


def test_a_510b_that_adds_up_to_the_510d_gives_no_differences(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, lists = _wmw(shared_dir)
    record = read_path(count)
    assert isinstance(record, CountRecord)
    central = tmp_path / "Totaaltelling_GR2022_WestMaasenWaal.eml.xml"
    write_document(central, build_counts(_as_central(record, "0668")))
    code, document = _run_json([str(count), str(central), str(lists), "--zetels", "17"], capsys)
    assert code == 0, document
    assert document["level"] == "510d"
    assert document["differences"] == []


def test_one_vote_more_in_the_510d_is_reported_with_both_files_and_numbers(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, lists = _wmw(shared_dir)
    record = read_path(count)
    assert isinstance(record, CountRecord)
    assert record.total is not None
    first = record.total.lists[0]
    changed_list = dataclasses.replace(
        first,
        votes=first.votes + 1,
        candidate_votes=((1, 582), *first.candidate_votes[1:]),
    )
    total = dataclasses.replace(
        record.total,
        lists=(changed_list, *record.total.lists[1:]),
        total_counted=record.total.total_counted + 1,
    )
    central = tmp_path / "Totaaltelling.eml.xml"
    write_document(
        central, build_counts(_as_central(dataclasses.replace(record, total=total), "0668"))
    )
    code, document = _run_json([str(count), str(central), str(lists), "--zetels", "17"], capsys)
    assert code == 1
    by_what = {d["what"]: d for d in document["differences"]}
    assert set(by_what) == {"geldige stemmen op lijsten", "lijst 1", "lijst 1, kandidaat 1"}
    candidate = by_what["lijst 1, kandidaat 1"]
    assert (candidate["lower"], candidate["upper"]) == (581, 582)
    assert candidate["lower_sources"] == ["Telling_GR2022_WestMaasenWaal.eml.xml"]
    assert candidate["upper_source"] == "Totaaltelling.eml.xml"


def test_a_municipality_counted_in_the_510d_but_not_given_is_named_as_missing(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, lists = _wmw(shared_dir)
    record = read_path(count)
    assert isinstance(record, CountRecord)
    central_record = _as_central(record, "0668")
    extra = ReportingUnitCount("0999", "Nergensdorp", central_record.units[0].counts)
    central_record = dataclasses.replace(central_record, units=(*central_record.units, extra))
    central = tmp_path / "Totaaltelling.eml.xml"
    write_document(central, build_counts(central_record))
    code, document = _run_json([str(count), str(central), str(lists), "--zetels", "17"], capsys)
    assert code == 1
    assert any("gemeente Nergensdorp (0999) ontbreekt" in f for f in document["findings"])


def test_an_unreadable_file_is_a_dutch_error_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "kapot.eml.xml"
    broken.write_text("<EML", encoding="utf-8")
    assert main(["uitslag", str(broken), "--zetels", "17"]) == 2
    err = capsys.readouterr().err
    assert "kapot.eml.xml" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "sample",
    [
        "TK2023/Telling_TK2023_gemeente_Aa_en_Hunze.eml.xml",
        "TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml",
    ],
)
def test_a_real_tk_510b_adds_up_to_its_own_total(
    shared_dir: Path, sample: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, document = _run_json(
        [str(shared_dir / "eml_nl/samples" / sample), "--zetels", "150"], capsys
    )
    assert document["differences"] == []
    # Exit 1 because the candidates cannot be named without the 230b and one
    # municipality is not a national result; the file itself adds up.
    assert code == 1
    name = sample.rsplit("/", 1)[-1]
    assert [f for f in document["findings"] if f.startswith(name)] == []
    assert any("kandidatenlijsten (230b)" in f for f in document["findings"])
    assert any("alle kieskringen" in f for f in document["findings"])


def _official_csv(path: Path, seats: dict[int, int]) -> Path:
    rows = ["lijst;zetels;gekozen", *(f"{n};{s};" for n, s in sorted(seats.items()))]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_controleer_agrees_with_the_official_seats_of_west_maas_en_waal(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, lists = _wmw(shared_dir)
    published = _official_csv(tmp_path / "zetels.csv", OFFICIAL_SEATS_2022)
    args = ["uitslag", "controleer", str(count), str(lists), "--zetels", "17"]
    assert main([*args, "--gepubliceerd", str(published)]) == 0
    out = capsys.readouterr().out
    assert "gelijk - zetels per lijst: 8 van 8 lijsten gelijk" in out
    assert "Conclusie: alles komt overeen" in out


def test_controleer_names_a_seat_that_was_published_differently(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, lists = _wmw(shared_dir)
    wrong = {**OFFICIAL_SEATS_2022, 7: 1, 8: 2}
    published = _official_csv(tmp_path / "zetels.csv", wrong)
    args = ["uitslag", "controleer", str(count), str(lists), "--zetels", "17"]
    assert main([*args, "--gepubliceerd", str(published)]) == 1
    out = capsys.readouterr().out
    assert "VERSCHIL - lijst 7 (Sociaal Maas en Waal): berekend 2 zetel(s), gepubliceerd 1" in out
    assert "VERSCHIL - lijst 8 (F.D. Boven-Leeuwen): berekend 1 zetel(s), gepubliceerd 2" in out
    assert "Conclusie: NIET gelijk" in out


def test_controleer_compares_names_and_finds_one_that_differs(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, lists = _wmw(shared_dir)
    published = tmp_path / "zetels.csv"
    # List 8 published with the lijsttrekker written "Hensen, T." (agrees) and
    # list 1 with someone else than number 3 (a difference).
    published.write_text(
        "lijst,zetels,gekozen\n"
        "1,3,Reuvers R.A.N. | R.O.G.M. Orlemans | X. Iemand\n"
        '8,1,"Hensen, T."\n',
        encoding="utf-8",
    )
    args = ["uitslag", "controleer", str(count), str(lists), "--zetels", "17"]
    assert main([*args, "--gepubliceerd", str(published), "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["agrees"] is False
    assert (
        "lijst 1: X. Iemand is gepubliceerd als gekozen, niet berekend" in document["differences"]
    )
    assert any("van Dreumel" in d and "niet gepubliceerd" in d for d in document["differences"])
    assert not any("lijst 8:" in d for d in document["differences"])


def test_controleer_with_a_csv_without_the_seats_column_is_a_dutch_error(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, lists = _wmw(shared_dir)
    published = tmp_path / "zetels.csv"
    published.write_text("lijst,naam\n1,A\n", encoding="utf-8")
    args = ["uitslag", "controleer", str(count), str(lists), "--zetels", "17"]
    assert main([*args, "--gepubliceerd", str(published)]) == 2
    assert "kolom(men) ontbreken: zetels" in capsys.readouterr().err


def test_out_writes_a_valid_eml_520_the_same_bytes_every_time(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, lists = _wmw(shared_dir)
    first, second = tmp_path / "een", tmp_path / "twee"
    first.mkdir()
    second.mkdir()
    for folder in (first, second):
        args = [str(count), str(lists), "--zetels", "17", "--out", str(folder)]
        assert main(["uitslag", *args]) == 0
    name = "Resultaat_GR2022_WestMaasenWaal.eml.xml"
    assert (first / name).read_bytes() == (second / name).read_bytes()
    capsys.readouterr()
    assert main(["eml", "check", str(first / name)]) == 0
    assert "in orde" in capsys.readouterr().out
    record = read_path(first / name)
    assert isinstance(record, ResultRecord)
    # 17 seats, 17 elected candidates; ids are the order of election per list.
    assert len(record.elected) == 17
    first_list = [c for c in record.elected if c.list_number == 1]
    assert [(c.order, c.candidate.last_name, c.preferential) for c in first_list] == [
        (1, "Reuvers", True),
        (2, "Orlemans", False),
        (3, "Dreumel", False),
    ]


def test_controleer_agrees_with_the_520_written_from_the_same_files(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, lists = _wmw(shared_dir)
    assert main(["uitslag", str(count), str(lists), "--zetels", "17", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    published = tmp_path / "Resultaat_GR2022_WestMaasenWaal.eml.xml"
    args = ["uitslag", "controleer", str(count), str(lists), "--zetels", "17"]
    assert main([*args, "--gepubliceerd", str(published)]) == 0
    out = capsys.readouterr().out
    assert "gelijk - gekozen kandidaten: 17 van 17 gelijk" in out


def test_out_without_candidate_lists_writes_nothing_and_says_why(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, _ = _wmw(shared_dir)
    assert main(["uitslag", str(count), "--zetels", "17", "--out", str(tmp_path)]) == 2
    assert "zonder kandidatenlijsten" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_the_same_municipality_given_twice_is_an_error_not_counted_twice(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count, lists = _wmw(shared_dir)
    assert main(["uitslag", str(count), str(count), str(lists), "--zetels", "17"]) == 2
    assert "meer dan eens gegeven" in capsys.readouterr().err


def test_a_tie_for_the_last_seat_asks_for_a_lot_and_the_answer_replays(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two lists of 10 votes each and 1 seat: quota 20, no full seats, equal
    # remainders of 10 (both below 75% of the quota: the seat goes by highest
    # average, 10 against 10): Kieswet P 8 lid 3 and P 20 ask for a lot.
    count, _ = _wmw(shared_dir)
    record = read_path(count)
    assert isinstance(record, CountRecord)
    assert record.total is not None
    first, second = record.total.lists[:2]
    tied = tuple(
        dataclasses.replace(item, votes=10, candidate_votes=((1, 10),)) for item in (first, second)
    )
    total = dataclasses.replace(record.total, lists=tied, total_counted=20)
    unit = ReportingUnitCount("0668::SB1", "Stembureau", total)
    small = dataclasses.replace(record, total=total, units=(unit,))
    path = tmp_path / "Telling.eml.xml"
    write_document(path, build_counts(small))
    assert main(["uitslag", str(path), "--zetels", "1"]) == 3
    assert "LOTING NODIG" in capsys.readouterr().out
    code, document = _run_json([str(path), "--zetels", "1", "--lot", "2"], capsys)
    assert code == 1  # a result, with the finding that candidates are not named
    assert {item["number"]: item["seats"] for item in document["lists"]} == {1: 0, 2: 1}


TK2023 = "eml_nl/samples/TK2023"


def test_the_number_of_seats_comes_from_the_110a(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Kieswet art. C 1 / Grondwet art. 51: the Tweede Kamer has 150 seats; the
    # TK2023 110a says so (MaxVotes/NumberOfPositions), no --zetels needed.
    folder = shared_dir / TK2023
    count = folder / "Telling_TK2023_gemeente_Aa_en_Hunze.eml.xml"
    definition = folder / "Verkiezingsdefinitie_TK2023.eml.xml"
    code, document = _run_json([str(count), str(definition)], capsys)
    assert code == 1  # candidates cannot be named without the 230b
    assert document["seats"] == 150


def test_zetels_that_contradict_the_110a_are_refused(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shared_dir / TK2023
    count = folder / "Telling_TK2023_gemeente_Aa_en_Hunze.eml.xml"
    definition = folder / "Verkiezingsdefinitie_TK2023.eml.xml"
    assert main(["uitslag", str(count), str(definition), "--zetels", "149"]) == 2
    assert "--zetels 149 verschilt van het aantal zetels 150" in capsys.readouterr().err


def _as_kieskring(record: CountRecord, *extra: ReportingUnitCount) -> CountRecord:
    assert record.total is not None
    unit = ReportingUnitCount(
        record.envelope.authority_id or "", record.envelope.authority_name, record.total
    )
    envelope = dataclasses.replace(record.envelope, message_id="510c", authority_id="HSB6")
    return dataclasses.replace(record, envelope=envelope, units=(unit, *extra))


def test_municipalities_that_add_up_to_their_510c_and_one_missing_from_it(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count = shared_dir / "eml_nl/samples/TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml"
    record = read_path(count)
    assert isinstance(record, CountRecord)
    assert record.total is not None
    kieskring = tmp_path / "Telling_TK2025_kieskring_Nijmegen.eml.xml"
    write_document(kieskring, build_counts(_as_kieskring(record)))
    code, document = _run_json([str(count), str(kieskring), "--zetels", "150"], capsys)
    assert document["level"] == "510c"
    assert document["differences"] == []
    missing = ReportingUnitCount("HSB6::0268", "Nijmegen", record.total)
    write_document(kieskring, build_counts(_as_kieskring(record, missing)))
    code, document = _run_json([str(count), str(kieskring), "--zetels", "150"], capsys)
    assert code == 1
    assert any("gemeente Nijmegen (0268) ontbreekt" in f for f in document["findings"])
    # Its total still equals the 510b's, so no difference between the levels, but
    # its own reporting units (twice the 510b) no longer add up to that total.
    assert document["differences"] == []
    own = [f for f in document["findings"] if f.startswith(kieskring.name)]
    assert own, document["findings"]


def test_kieskringen_of_the_110a_without_a_count_are_named(
    shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Kieswet art. E 1 (versie 2026): the Tweede Kamer has 20 kieskringen; one
    # municipality's 510b covers one of them, so 19 are named as missing.
    folder = shared_dir / TK2023
    count = folder / "Telling_TK2023_gemeente_Aa_en_Hunze.eml.xml"
    definition = folder / "Verkiezingsdefinitie_TK2023.eml.xml"
    _, document = _run_json([str(count), str(definition)], capsys)
    missing = [f for f in document["findings"] if f.startswith("kieskring ")]
    assert len(missing) == 19
    assert any(f.startswith("kieskring 1 (Groningen)") for f in missing)


TK2025 = "eml_nl/samples/TK2025"


def _two_kieskringen(shared_dir: Path, tmp_path: Path) -> list[str]:
    """The real TK2025 510b of West Maas en Waal (kieskring 6 Nijmegen) and the same
    count moved to kieskring 10 Haarlem (only the lists Haarlem has), with the real
    230b of both kieskringen."""
    folder = shared_dir / TK2025
    count = folder / "Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml"
    haarlem = folder / "Kandidatenlijsten_TK2025_Haarlem.eml.xml"
    nijmegen = folder / "Kandidatenlijsten_TK2025_Nijmegen.eml.xml"
    record = read_path(count)
    lists = read_path(haarlem)
    assert isinstance(record, CountRecord)
    assert record.total is not None
    known = {a.number for a in getattr(lists, "affiliations", ())}

    def keep(block: Any) -> Any:
        kept = tuple(item for item in block.lists if item.number in known)
        return dataclasses.replace(
            block, lists=kept, total_counted=sum(item.votes for item in kept)
        )

    moved = dataclasses.replace(
        record,
        envelope=dataclasses.replace(
            record.envelope, authority_id="0392", authority_name="Haarlem"
        ),
        contest_id="10",
        contest_name="Haarlem",
        total=keep(record.total),
        units=tuple(
            dataclasses.replace(u, id=u.id.replace("0668", "0392"), counts=keep(u.counts))
            for u in record.units
        ),
    )
    other = tmp_path / "Telling_TK2025_gemeente_Haarlem.eml.xml"
    write_document(other, build_counts(moved))
    return [str(count), str(other), str(haarlem), str(nijmegen)]


def test_candidates_over_two_kieskringen_get_the_votes_of_both(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Kieswet P 2: identical lists in two kieskringen count as one list; a
    # candidate's votes are added up. The same count in both kieskringen: the
    # lijsttrekker of list 1 has 3072 votes in the 510b, so 6144 together.
    code, document = _run_json([*_two_kieskringen(shared_dir, tmp_path), "--zetels", "150"], capsys)
    assert code == 1  # only because two municipalities are not the whole country
    assert document["candidates_named"] is True
    assert [f for f in document["findings"] if "alle kieskringen" not in f] == []
    first = document["lists"][0]
    assert first["votes"] % 2 == 0
    assert first["elected"][0]["name"] == "G. Wilders (Geert)"
    assert first["elected"][0]["votes"] == 6144


def test_a_count_with_a_list_the_kieskring_does_not_have_is_a_finding(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _two_kieskringen(shared_dir, tmp_path)
    # Without the Nijmegen 230b, the count of kieskring 6 has no candidate lists.
    code, document = _run_json([files[0], files[1], files[2], "--zetels", "150"], capsys)
    assert code == 1
    assert document["candidates_named"] is False
    assert any(
        "kieskring 6: de telling is gegeven maar de kandidatenlijsten (230b) niet" in f
        for f in document["findings"]
    )


def test_out_makes_a_missing_folder_and_refuses_a_file_in_its_place(
    tmp_path: Path, shared_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shared_dir / "eml_nl" / "samples" / "GR2022_WestMaasenWaal"
    files = [
        str(folder / "Telling_GR2022_WestMaasenWaal.eml.xml"),
        str(folder / "Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"),
    ]
    out = tmp_path / "nieuw" / "uitslag"
    assert main(["uitslag", *files, "--zetels", "17", "--out", str(out)]) == 0
    assert any(path.name.endswith(".eml.xml") for path in out.iterdir())
    blocker = tmp_path / "bestand"
    blocker.write_text("van de gebruiker", encoding="utf-8")
    capsys.readouterr()
    assert main(["uitslag", *files, "--zetels", "17", "--out", str(blocker)]) == 2
    assert "is een bestand, geen map" in capsys.readouterr().err
    assert blocker.read_text(encoding="utf-8") == "van de gebruiker"
