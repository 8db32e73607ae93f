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
