"""The proces-verbaal model P 22-1 of ``kandidaat uitslag --out`` over several kieskringen.

Source of the figures: the official result of the Tweede Kamer election of
22 November 2023 (the Kiesraad's proces-verbaal of 4 December 2023, transcribed
with its source in ../shared/vectors/real/tk2023.json, as test_national_scale.py
uses it): 10 432 726 valid votes, 150 seats, PVV 37, VVD 24, ...; the lijsttrekker
of the PVV, G. Wilders, and of the VVD, D. Yeşilgöz-Zegerius, were elected.
The quota is computed here by hand: 10 432 726 / 150 = 69 551 76/150 = 69 551 38/75.

Generated here: for each of the 20 kieskringen the 230b (every list the same in
all kieskringen, 40 candidates, candidate 1 the real lijsttrekker where named
below, the others invented) and the 510c of its hoofdstembureau (every list's
national total spread over the kieskringen so that they add up exactly, most of
it to candidate 1, the rest to one other candidate, another one per kieskring).
The text of the PDF is read with poppler's ``pdftotext`` (what any reader of the
PDF sees); the 520's hash is computed with hashlib.

Which model for which body (ADR 0140): P 22-1 for TK, EP and PS of more than one
kieskring; P 22-2 for GR, PS of one kieskring, AB and ER; none for the EK.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from typing import TYPE_CHECKING, Any

import pytest

from kandidaat.app.cli import main
from kandidaat.app.result.run import ResultRun
from kandidaat.app.result.write520 import proces_verbaal_model
from kandidaat.domain.election import (
    AffiliationRecord,
    CandidateListsRecord,
    CandidateRecord,
    CountRecord,
    ElectionIdentifier,
    Envelope,
    ListCount,
    ReportingUnitCount,
    VoteCounts,
)
from kandidaat.eml.write_common import write_document
from kandidaat.eml.write_counts import build_counts
from kandidaat.eml.write_lists import build_candidate_lists

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

VECTOR = "vectors/real/tk2023.json"
KIESKRINGEN = 20
CANDIDATES = 40
ELECTION = ElectionIdentifier(
    "TK2023", "Tweede Kamer der Staten-Generaal 2023", "TK", "TK", election_date="2023-11-22"
)
CREATED = "2023-11-24T12:00:00.000"
PDFTOTEXT = shutil.which("pdftotext")
LEADERS = {4: ("G.", "Wilders"), 1: ("D.", "Yeşilgöz-Zegerius")}
"""Candidate 1 of list 4 (PVV) and list 1 (VVD): the published lijsttrekkers."""
SURNAMES = (
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Dijkstra",
    "Kok",
    "Jacobs",
    "Vermeulen",
    "Willems",
    "Koster",
    "Prins",
    "Huisman",
    "Kuipers",
    "Veenstra",
    "Kramer",
    "Schouten",
    "Post",
    "Blom",
    "Timmer",
    "Wolters",
    "Jonker",
    "Molenaar",
    "Boer",
    "Verhoeven",
    "Martens",
    "Maas",
    "Groen",
    "Hoekstra",
    "Koning",
    "Bosman",
    "Sanders",
    "Evers",
    "Gerritsen",
    ").split(",
)


def _published(shared_dir: Path) -> dict[str, Any]:
    path = shared_dir / VECTOR
    assert path.is_file(), f"{path} ontbreekt: de gepubliceerde uitslag TK2023"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert data["seats"] == 150
    return data


def _share(total: int, index: int) -> int:
    base, extra = divmod(total, KIESKRINGEN)
    return base + (1 if index < extra else 0)


def _lists_record(kieskring: int, lists: Sequence[dict[str, Any]]) -> CandidateListsRecord:
    affiliations = []
    for entry in lists:
        number = entry["list_number"]
        records = []
        for position in range(1, CANDIDATES + 1):
            initials, last = (
                LEADERS[number]
                if position == 1 and number in LEADERS
                else ("A.", SURNAMES[position - 1])
            )
            records.append(
                CandidateRecord(
                    position=position, initials=initials, last_name=last, locality="Utrecht"
                )
            )
        affiliations.append(
            AffiliationRecord(
                number=number,
                name=entry["name"],
                candidates=tuple(records),
                list_type="stel gelijkluidende lijsten",
                publish_gender=False,
            )
        )
    return CandidateListsRecord(
        envelope=Envelope("230b", "CSB", "Kiesraad", CREATED),
        election=ELECTION,
        contest_id=str(kieskring),
        contest_name=f"Kieskring {kieskring}",
        affiliations=tuple(affiliations),
    )


def _count_record(kieskring: int, lists: Sequence[dict[str, Any]]) -> CountRecord:
    index = kieskring - 1
    counted = []
    for entry in lists:
        votes = _share(entry["votes"], index)
        other = index % (CANDIDATES - 1) + 2
        second = votes // (3 + index)  # unequal, so no candidate lot (art. P 15) is needed
        counted.append(
            ListCount(
                entry["list_number"], entry["name"], votes, ((1, votes - second), (other, second))
            )
        )
    valid = sum(item.votes for item in counted)
    counts = VoteCounts(
        lists=tuple(counted),
        cast=valid + 30,
        total_counted=valid,
        rejected=(("ongeldig", 10), ("blanco", 20)),
        uncounted=(),
    )
    name = f"Kieskring {kieskring}"
    return CountRecord(
        envelope=Envelope("510c", f"HSB{kieskring}", name, CREATED),
        election=ELECTION,
        contest_id=str(kieskring),
        contest_name=name,
        total=counts,
        units=(ReportingUnitCount(f"{kieskring:04d}", f"Gemeente {kieskring}", counts),),
    )


def _write(folder: Path, lists: Sequence[dict[str, Any]]) -> list[str]:
    paths = []
    for kieskring in range(1, KIESKRINGEN + 1):
        path = folder / f"Kandidatenlijsten_TK2023_{kieskring}.eml.xml"
        write_document(path, build_candidate_lists(_lists_record(kieskring, lists)))
        paths.append(str(path))
        path = folder / f"Telling_TK2023_kieskring_{kieskring}.eml.xml"
        write_document(path, build_counts(_count_record(kieskring, lists)))
        paths.append(str(path))
    return paths


def _pages(pdf: Path) -> list[str]:
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=120
    )
    pages = done.stdout.decode("utf-8").split("\f")
    return [" ".join(page.split()) for page in pages if page.strip()]


def _grouped(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


@pytest.fixture(scope="module")
def tk2023(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The generated files and one ``uitslag --out``; returns (input folder, output folder)."""
    published = _published(shared_dir)
    lists = sorted(published["lists"], key=lambda entry: entry["list_number"])
    folder = tmp_path_factory.mktemp("tk2023")
    paths = _write(folder, lists)
    out = folder / "uit"
    code = main(["uitslag", *paths, "--zetels", "150", "--out", str(out)])
    assert code in {0, 1}  # 1: without a 110a or 510d the coverage is a finding
    return folder, out


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
def test_the_tk_proces_verbaal_is_model_p22_1_with_the_published_quota_seats_and_elected(
    shared_dir: Path, tk2023: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    _, out = tk2023
    published = _published(shared_dir)
    assert sorted(p.name for p in out.iterdir()) == [
        "Model_P22-1_TK2023.pdf",
        "Resultaat_TK2023.eml.xml",
    ]
    text = " ".join(_pages(out / "Model_P22-1_TK2023.pdf"))
    assert "Model P 22-1" in text
    assert "de Tweede Kamer der Staten-Generaal op 2023-11-22" in text
    whole, rest = divmod(published["total_votes"], published["seats"])
    assert (whole, rest) == (69551, 76)  # by hand: 76/150 = 38/75
    assert f"Geldige stemmen {published['total_votes']}" in text
    assert "Kiesdeler 69551 38/75" in text
    # P 15: 25% of the quota, 5216363/300 (the vector's facts): 17387 263/300 by hand.
    assert divmod(5216363, 300) == (17387, 263)
    assert "meer stemmen heeft dan 25% van de kiesdeler (17387 263/300)" in text
    seats = {e["list_number"]: (e["name"], e["expected_seats"]) for e in published["lists"]}
    assert seats[4] == ("PVV (Partij voor de Vrijheid)", 37)
    for number in (4, 1, 3, 19, 11):
        name, expected = seats[number]
        assert f"Lijst {number}. {name} - {expected} zetel(s)" in text, name
    assert "Lijst 18. BVNL / Groep Van Haga - " not in text  # no seat, no elected
    elected = text.split("I. Gekozen kandidaten in alfabetische volgorde", 1)[1]
    elected = elected.split("Controle van de optellingen", 1)[0]
    assert "G. Wilders Utrecht 4. PVV (Partij voor de Vrijheid)" in elected
    assert "D. Yeşilgöz-Zegerius Utrecht 1. VVD" in elected
    assert "Totaal 150" in text


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
def test_every_page_of_the_p22_1_carries_the_hash_of_the_520_written_beside_it(
    tk2023: tuple[Path, Path],
) -> None:
    _, out = tk2023
    eml = (out / "Resultaat_TK2023.eml.xml").read_bytes()
    pages = _pages(out / "Model_P22-1_TK2023.pdf")
    assert len(pages) > 5
    footer = f"Hashcode EML 520: {_grouped(eml)}"
    assert [n for n, text in enumerate(pages, 1) if footer not in text] == []
    assert [n for n, text in enumerate(pages, 1) if "EML 210" in text] == []


def test_the_same_count_files_give_the_same_p22_1_bytes(
    tk2023: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, out = tk2023
    again = folder / "nogmaals"
    paths = sorted(str(p) for p in folder.glob("*.eml.xml"))
    code = main(["uitslag", *paths, "--zetels", "150", "--out", str(again)])
    capsys.readouterr()
    assert code in {0, 1}
    for name in ("Model_P22-1_TK2023.pdf", "Resultaat_TK2023.eml.xml"):
        assert (again / name).read_bytes() == (out / name).read_bytes(), name


@pytest.mark.parametrize(
    ("category", "subcategory", "expected"),
    [
        ("TK", "TK", "P 22-1"),
        ("EP", "EP", "P 22-1"),
        ("PS", "PS2", "P 22-1"),
        ("PS", "PS1", "P 22-2"),
        ("GR", "GR1", "P 22-2"),
        ("AB", "AB2", "P 22-2"),
        ("ER", "ER1", "P 22-2"),
        ("EK", "EK", None),
    ],
)
def test_each_body_gets_the_model_the_kiesregeling_names_for_it(
    category: str, subcategory: str, expected: str | None
) -> None:
    election = ElectionIdentifier("X2027", "Verkiezing", category, subcategory)
    assert proces_verbaal_model(ResultRun(election=election)) == expected


# A small Tweede Kamer election with lijstengroepen, by hand: the example of
# test_several_kieskringen.py (6 seats, 3 kieskringen; votes per kieskring
# 1 / 2 / 3):
# - list 1 Partij A: in kieskringen 1 and 2 Jansen, de Vries, Bakker, Visser;
#   in 3 Jansen, Smit, de Vries. Jansen 800/600/300, de Vries 100/200/250,
#   Bakker 50/100/-, Visser 50/100/-, Smit -/-/450 (1000/1000/1000).
# - list 2 Partij B, the same list everywhere: Peters 400/300/200, Hendriks
#   100/100/100, Dekker 100/100/600 (600/500/900).
# - list 3 Partij C, only in kieskringen 1 and 2, there as two lists: in 1
#   Willems, Jacobs; in 2 Jacobs, Willems. Willems 350/300, Jacobs 200/150
#   (550/450).
# By hand (Kieswet, versie 2026):
# - P 5/P 6: 6000 votes / 6 seats = quota 1000; list 1 (3000) 3 seats, list 2
#   (2000) 2, list 3 (1000) 1; no residual seats.
# - P 12: the group quota of list 1 is 3000/3 = 1000: its list of kieskringen
#   1-2 (2000 votes) 2 seats, its list of kieskring 3 (1000) 1. List 3: group
#   quota 1000/1; neither list reaches it, the largest remainder (550, the list
#   of kieskring 1 against 450) takes the seat.
# - P 15: threshold 250, strictly more, votes added over the lists of a group:
#   Jansen 1700, de Vries 550, Smit 450 elected on preference; Bakker and
#   Visser (150) not. List 2: Peters 900, Dekker 800 (Hendriks 300 is above the
#   threshold, but there are two seats). List 3: Willems 650 (350 + 300).
HAND_KIESKRINGEN = {1: "Noord", 2: "Midden", 3: "Zuid"}
HAND_PARTIES = {1: "Partij A", 2: "Partij B", 3: "Partij C"}
HAND_PEOPLE = {
    "JansenP": ("P.", "Jansen"),
    "VriesA": ("A.", "Vries"),
    "BakkerK": ("K.", "Bakker"),
    "VisserM": ("M.", "Visser"),
    "SmitL": ("L.", "Smit"),
    "PetersE": ("E.", "Peters"),
    "HendriksR": ("R.", "Hendriks"),
    "DekkerS": ("S.", "Dekker"),
    "WillemsT": ("T.", "Willems"),
    "JacobsN": ("N.", "Jacobs"),
}
HAND: dict[int, dict[int, list[tuple[str, int]]]] = {
    1: {
        1: [("JansenP", 800), ("VriesA", 100), ("BakkerK", 50), ("VisserM", 50)],
        2: [("PetersE", 400), ("HendriksR", 100), ("DekkerS", 100)],
        3: [("WillemsT", 350), ("JacobsN", 200)],
    },
    2: {
        1: [("JansenP", 600), ("VriesA", 200), ("BakkerK", 100), ("VisserM", 100)],
        2: [("PetersE", 300), ("HendriksR", 100), ("DekkerS", 100)],
        3: [("JacobsN", 150), ("WillemsT", 300)],
    },
    3: {
        1: [("JansenP", 300), ("SmitL", 450), ("VriesA", 250)],
        2: [("PetersE", 200), ("HendriksR", 100), ("DekkerS", 600)],
    },
}
HAND_ELECTION = ElectionIdentifier(
    "TK2099_Proef", "Tweede Kamer proefverkiezing", "TK", "TK", election_date="2099-03-18"
)


def _hand_files(folder: Path) -> list[str]:
    paths = []
    for kieskring, lists in HAND.items():
        name = HAND_KIESKRINGEN[kieskring]
        affiliations = tuple(
            AffiliationRecord(
                number=number,
                name=HAND_PARTIES[number],
                candidates=tuple(
                    CandidateRecord(
                        position=position,
                        initials=HAND_PEOPLE[code][0],
                        last_name=HAND_PEOPLE[code][1],
                        prefix="de" if code == "VriesA" else None,
                        locality=name,
                    )
                    for position, (code, _) in enumerate(people, 1)
                ),
                list_type="lijstengroep",
                publish_gender=False,
            )
            for number, people in sorted(lists.items())
        )
        record = CandidateListsRecord(
            envelope=Envelope("230b", "CSB", "Kiesraad", CREATED),
            election=HAND_ELECTION,
            contest_id=str(kieskring),
            contest_name=name,
            affiliations=affiliations,
        )
        path = folder / f"Kandidatenlijsten_TK2099_{name}.eml.xml"
        write_document(path, build_candidate_lists(record))
        paths.append(str(path))
        counted = tuple(
            ListCount(
                number,
                HAND_PARTIES[number],
                sum(v for _, v in people),
                tuple((position, v) for position, (_, v) in enumerate(people, 1)),
            )
            for number, people in sorted(lists.items())
        )
        valid = sum(item.votes for item in counted)
        counts = VoteCounts(counted, valid + 10, valid, (("ongeldig", 3), ("blanco", 7)), ())
        count = CountRecord(
            envelope=Envelope("510c", f"HSB{kieskring}", name, CREATED),
            election=HAND_ELECTION,
            contest_id=str(kieskring),
            contest_name=name,
            total=counts,
            units=(ReportingUnitCount(f"{kieskring:04d}", f"Gemeente {name}", counts),),
        )
        path = folder / f"Telling_TK2099_{name}.eml.xml"
        write_document(path, build_counts(count))
        paths.append(str(path))
    return paths


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
def test_the_p22_1_divides_a_lijstengroeps_seats_over_its_lists_as_by_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uit"
    code = main(["uitslag", *_hand_files(tmp_path), "--zetels", "6", "--out", str(out)])
    capsys.readouterr()
    assert code in {0, 1}
    text = " ".join(_pages(out / "Model_P22-1_TK2099_Proef.pdf"))
    assert "Kiesdeler 1000" in text
    groups = text.split("G. Verdeling van de zetels van een lijstengroep", 1)[1]
    groups = groups.split("H. Toewijzing", 1)[0]
    first, third = groups.split("Lijstengroep 1. Partij A: 3 zetel(s)", 1)[1].split(
        "Lijstengroep 3. Partij C: 1 zetel(s)", 1
    )
    assert "1 Noord, 2 Midden 2000 2" in first
    assert "3 Zuid 1000 1" in first
    assert "1 Noord 550 1" in third
    assert "2 Midden 450 0" in third
    assert "grootste overschot (art. P 12) 550" in third
    chosen = text.split("H. Toewijzing", 1)[1].split("I. Gekozen kandidaten", 1)[0]
    assert "T. Willems Noord 650" in chosen  # his votes over both lists of the group
    elected = text.split("I. Gekozen kandidaten in alfabetische volgorde", 1)[1]
    elected = elected.split("Controle van de optellingen", 1)[0]
    expected = ("P. Jansen", "A. de Vries", "L. Smit", "E. Peters", "S. Dekker", "T. Willems")
    for person in expected:
        assert person in elected, person
    for person in ("K. Bakker", "M. Visser", "R. Hendriks", "N. Jacobs"):
        assert person not in elected, person


def _one_kieskring_files(folder: Path, election: ElectionIdentifier) -> list[str]:
    """Two lists of 10 candidates, 600 and 300 votes, one 510b and its 230b."""
    votes = {1: 600, 2: 300}
    affiliations = tuple(
        AffiliationRecord(
            number=number,
            name=f"Partij {number}",
            candidates=tuple(
                CandidateRecord(position=p, initials="A.", last_name=SURNAMES[p], locality="Assen")
                for p in range(1, 11)
            ),
        )
        for number in votes
    )
    lists = CandidateListsRecord(
        envelope=Envelope("230b", "CSB", "Centraal stembureau", CREATED),
        election=election,
        contest_id="geen",
        contest_name=None,
        affiliations=affiliations,
    )
    counted = tuple(
        ListCount(number, f"Partij {number}", total, ((1, total - 100), (2, 100)))
        for number, total in votes.items()
    )
    counts = VoteCounts(counted, 1000, 900, (("ongeldig", 1), ("blanco", 2)), ())
    count = CountRecord(
        envelope=Envelope("510b", "0106", "Assen", CREATED),
        election=election,
        contest_id="geen",
        contest_name=None,
        total=counts,
        units=(ReportingUnitCount("0106::SB1", "Stembureau 1", counts),),
    )
    paths = [folder / "Kandidatenlijsten.eml.xml", folder / "Telling.eml.xml"]
    write_document(paths[0], build_candidate_lists(lists))
    write_document(paths[1], build_counts(count))
    return [str(p) for p in paths]


@pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils (pdftotext) is not installed")
@pytest.mark.parametrize(
    ("category", "subcategory", "domain", "body"),
    [
        ("PS", "PS1", "Drenthe", "provinciale staten van Drenthe"),
        ("AB", "AB1", "Limburg", "het algemeen bestuur van waterschap Limburg"),
        ("ER", "ER1", "Bonaire", "de eilandsraad van Bonaire"),
    ],
)
def test_a_body_of_one_kieskring_gets_the_p22_2_naming_that_body(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    category: str,
    subcategory: str,
    domain: str,
    body: str,
) -> None:
    election = ElectionIdentifier(
        f"{category}2027_{domain}",
        f"Verkiezing {domain} 2027",
        category,
        subcategory,
        domain_name=domain,
        election_date="2027-03-17",
    )
    out = tmp_path / "uit"
    code = main(
        ["uitslag", *_one_kieskring_files(tmp_path, election), "--zetels", "9", "--out", str(out)]
    )
    capsys.readouterr()
    assert code in {0, 1}
    pdf = out / f"Model_P22-2_{category}2027_{domain}.pdf"
    assert sorted(p.name for p in out.iterdir()) == [
        pdf.name,
        f"Resultaat_{category}2027_{domain}.eml.xml",
    ]
    text = " ".join(_pages(pdf))
    assert f"van de leden van {body} op 2027-03-17" in text
    assert "gemeenteraad" not in text
    assert "Kiesdeler 100" in text  # 900 votes / 9 seats, by hand
