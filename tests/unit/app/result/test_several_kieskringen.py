"""``kandidaat uitslag`` over several kieskringen whose candidate lists differ.

A small Tweede Kamer election written by hand (6 seats, 3 kieskringen), its
EML files generated here: the 230b of each kieskring, the 510c of each
kieskring and the 510d of the centraal stembureau (its blocks per
hoofdstembureau name the candidates by list position and ShortCode, its total
by ShortCode only, as ../shared/docs/eml.md section 5.7 describes).

The election (votes per kieskring 1 / 2 / 3):

- list 1 Partij A, a lijstengroep (Kieswet art. P 3): in kieskringen 1 and 2
  the list Jansen, de Vries, Bakker, Visser; in kieskring 3 Jansen, Smit,
  de Vries. Jansen 800/600/300, de Vries 100/200/250, Bakker 50/100/-,
  Visser 50/100/-, Smit -/-/450. List votes 1000/1000/1000.
- list 2 Partij B, the same list everywhere (P 2): Peters 400/300/200,
  Hendriks 100/100/100, Dekker 100/100/600. List votes 600/500/900.
- list 3 Partij C, a lijstengroep in kieskringen 1 and 2 only: in 1 Willems,
  Jacobs; in 2 Jacobs, Willems (the same people, other positions). Willems
  350/300, Jacobs 200/150. List votes 550/450.

The result by hand, Kieswet (versie 2026):

- P 5/P 6: 6000 votes, 6 seats, quota 1000; list 1 has 3000 (3 seats), list 2
  2000 (2), list 3 1000 (1); no residual seats.
- P 15: threshold 25 % of the quota = 250, strictly more is needed. Votes are
  added over the lists of a group a candidate is on.
- List 1: P 12 gives the list of kieskringen 1-2 (2000 votes) 2 seats and the
  list of kieskring 3 (1000) 1 seat. Above 250: Jansen 1700, de Vries 550, Smit
  450: three seats, all three by preference, in that order. P 16: Jansen has
  most votes on the list of 1-2 (1400 against 300), de Vries too (300 against
  250), Smit is only on the list of 3: Jansen and de Vries are elected on the
  list of kieskringen 1-2, Smit on the list of kieskring 3.
- List 2: Peters 900, Dekker 800, Hendriks 300 are above 250; two seats go by
  votes: Peters and Dekker, not Hendriks.
- List 3: P 12: 0 full seats, the remainder 550 of kieskring 1 beats 450: that
  list has the seat. P 15: Willems 650 (350 + 300, at position 1 in kieskring 1
  and 2 in kieskring 2), Jacobs 350: Willems by preference; P 16: his most
  votes are on the list of kieskring 1 (350 against 300), which has the seat.
  Linked by position instead of by person, position 1 would have 350 + 150.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from kandidaat.app.cli import main
from kandidaat.domain.election import (
    AffiliationRecord,
    CandidateListsRecord,
    CandidateRecord,
    CountRecord,
    ElectionIdentifier,
    Envelope,
    ListCount,
    ReportingUnitCount,
    ResultRecord,
    VoteCounts,
)
from kandidaat.domain.tally.checks import check_counts
from kandidaat.eml.documents import read_path
from kandidaat.eml.write_common import write_document
from kandidaat.eml.write_counts import build_counts
from kandidaat.eml.write_lists import build_candidate_lists

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

ELECTION = ElectionIdentifier(
    id="TK2099_Proef",
    name="Tweede Kamer proefverkiezing",
    category="TK",
    subcategory="TK",
    election_date="2099-03-18",
)
KIESKRINGEN = {1: "Noord", 2: "Midden", 3: "Zuid"}
CREATED = "2099-03-20T10:00:00.000"

PEOPLE = {
    "JansenP": ("P.", "Jansen", None),
    "VriesA": ("A.", "Vries", "de"),
    "BakkerK": ("K.", "Bakker", None),
    "VisserM": ("M.", "Visser", None),
    "SmitL": ("L.", "Smit", None),
    "PetersE": ("E.", "Peters", None),
    "HendriksR": ("R.", "Hendriks", None),
    "DekkerS": ("S.", "Dekker", None),
    "WillemsT": ("T.", "Willems", None),
    "JacobsN": ("N.", "Jacobs", None),
}
PARTIES = {1: "Partij A", 2: "Partij B", 3: "Partij C"}

Election = dict[int, dict[int, list[tuple[str, int]]]]
"""Per kieskring, per list number: (ShortCode, votes) in list order."""

HAND_WRITTEN: Election = {
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

EXPECTED_SEATS = {1: 3, 2: 2, 3: 1}
EXPECTED_ELECTED = {
    1: [
        ("P. Jansen", "voorkeur", [1, 2]),
        ("A. de Vries", "voorkeur", [1, 2]),
        ("L. Smit", "voorkeur", [3]),
    ],
    2: [("E. Peters", "voorkeur", None), ("S. Dekker", "voorkeur", None)],
    3: [("T. Willems", "voorkeur", [1])],
}


def _name(code: str) -> str:
    initials, last, prefix = PEOPLE[code]
    return " ".join(part for part in (initials, prefix, last) if part)


def _lists_record(kieskring: int, election: Election, *, codes: bool) -> CandidateListsRecord:
    affiliations = []
    for number, candidates in sorted(election[kieskring].items()):
        records = []
        for position, (code, _) in enumerate(candidates, 1):
            initials, last, prefix = PEOPLE[code]
            records.append(
                CandidateRecord(
                    position=position,
                    initials=initials,
                    last_name=last,
                    prefix=prefix,
                    locality="Utrecht",
                    short_code=code if codes else None,
                )
            )
        affiliations.append(
            AffiliationRecord(
                number=number,
                name=PARTIES[number],
                candidates=tuple(records),
                list_type="lijstengroep",
                publish_gender=False,
            )
        )
    return CandidateListsRecord(
        envelope=Envelope(
            message_id="230b",
            authority_id="CSB",
            authority_name="Kiesraad",
            creation_date_time=CREATED,
        ),
        election=ELECTION,
        contest_id=str(kieskring),
        contest_name=KIESKRINGEN[kieskring],
        affiliations=tuple(affiliations),
    )


def _counts(lists: list[ListCount]) -> VoteCounts:
    valid = sum(item.votes for item in lists)
    return VoteCounts(
        lists=tuple(lists),
        cast=valid + 100,
        total_counted=valid,
        rejected=(("ongeldig", 3), ("blanco", 7)),
        uncounted=(),
    )


def _kieskring_lists(kieskring: int, election: Election, *, codes: bool) -> list[ListCount]:
    return [
        ListCount(
            number=number,
            name=PARTIES[number],
            votes=sum(votes for _, votes in candidates),
            candidate_votes=tuple(
                (position, votes) for position, (_, votes) in enumerate(candidates, 1)
            ),
            short_codes=tuple(code for code, _ in candidates) if codes else (),
        )
        for number, candidates in sorted(election[kieskring].items())
    ]


def _kieskring_count(kieskring: int, election: Election) -> CountRecord:
    """The 510c of a hoofdstembureau: one municipality, its list positions."""
    counts = _counts(_kieskring_lists(kieskring, election, codes=False))
    return CountRecord(
        envelope=Envelope(
            message_id="510c",
            authority_id=f"HSB{kieskring}",
            authority_name=f"Hoofdstembureau {KIESKRINGEN[kieskring]}",
            creation_date_time=CREATED,
        ),
        election=ELECTION,
        contest_id=str(kieskring),
        contest_name=KIESKRINGEN[kieskring],
        total=counts,
        units=(
            ReportingUnitCount(id=f"{kieskring:04d}", name=f"Gemeente {kieskring}", counts=counts),
        ),
    )


def _central_count(election: Election) -> CountRecord:
    """The 510d: the total by ShortCode only, the HSB blocks by position and ShortCode."""
    totals: dict[int, dict[str, int]] = {}
    for kieskring in sorted(election):
        for number, candidates in election[kieskring].items():
            per_code = totals.setdefault(number, {})
            for code, votes in candidates:
                per_code[code] = per_code.get(code, 0) + votes
    total = _counts(
        [
            ListCount(
                number=number,
                name=PARTIES[number],
                votes=sum(per_code.values()),
                candidate_votes=tuple((0, votes) for votes in per_code.values()),
                short_codes=tuple(per_code),
            )
            for number, per_code in sorted(totals.items())
        ]
    )
    total = VoteCounts(
        lists=total.lists,
        cast=total.cast + 200,
        total_counted=total.total_counted,
        rejected=(("ongeldig", 9), ("blanco", 21)),
        uncounted=(),
    )
    units = tuple(
        ReportingUnitCount(
            id=f"HSB{kieskring}",
            name=KIESKRINGEN[kieskring],
            counts=_counts(_kieskring_lists(kieskring, election, codes=True)),
        )
        for kieskring in sorted(election)
    )
    return CountRecord(
        envelope=Envelope(
            message_id="510d",
            authority_id="CSB",
            authority_name="Kiesraad",
            creation_date_time=CREATED,
        ),
        election=ELECTION,
        contest_id="alle",
        contest_name=None,
        total=total,
        units=units,
    )


def _write(
    folder: Path,
    election: Election = HAND_WRITTEN,
    *,
    codes_on_lists: bool = False,
    level: str = "510d",
) -> tuple[list[str], list[str]]:
    """Write the files; return the counts and the 230b (paths as text)."""
    lists = []
    counts = []
    for kieskring in sorted(election):
        path = folder / f"Kandidatenlijsten_TK2099_{KIESKRINGEN[kieskring]}.eml.xml"
        write_document(
            path,
            build_candidate_lists(_lists_record(kieskring, election, codes=codes_on_lists)),
        )
        lists.append(str(path))
        if level == "510c":
            path = folder / f"Telling_TK2099_kieskring_{KIESKRINGEN[kieskring]}.eml.xml"
            write_document(path, build_counts(_kieskring_count(kieskring, election)))
            counts.append(str(path))
    if level == "510d":
        path = folder / "Totaaltelling_TK2099.eml.xml"
        write_document(path, build_counts(_central_count(election)))
        counts.append(str(path))
    return counts, lists


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    code = main(["uitslag", *args, "--zetels", "6", "--json"])
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    return code, document


def _elected(document: dict[str, Any]) -> dict[int, list[tuple[str, str, list[int] | None]]]:
    return {
        item["number"]: [
            (person["name"], person["by"], person.get("kieskringen")) for person in item["elected"]
        ]
        for item in document["lists"]
    }


def test_the_510d_links_candidates_per_kieskring_by_shortcode_and_gives_the_hand_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counts, lists = _write(tmp_path)
    code, document = _run([*counts, *lists], capsys)
    assert document["findings"] == []
    assert document["differences"] == []
    assert code in {0, 1}  # 1 only for the false tally findings (TALLY_FALSE_FINDING)
    assert document["candidates_named"] is True
    assert document["quota"] == "1000/1"
    assert {item["number"]: item["seats"] for item in document["lists"]} == EXPECTED_SEATS
    assert _elected(document) == EXPECTED_ELECTED


def test_the_510d_reports_the_shortcode_of_each_elected_candidate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counts, lists = _write(tmp_path)
    _, document = _run([*counts, *lists], capsys)
    codes = {p["name"]: p["short_code"] for item in document["lists"] for p in item["elected"]}
    assert codes == {
        "P. Jansen": "JansenP",
        "A. de Vries": "VriesA",
        "L. Smit": "SmitL",
        "E. Peters": "PetersE",
        "S. Dekker": "DekkerS",
        "T. Willems": "WillemsT",
    }


def test_the_510c_of_each_kieskring_give_the_same_hand_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counts, lists = _write(tmp_path, level="510c")
    code, document = _run([*counts, *lists], capsys)
    # 510c alone: the result of the given kieskringen, said as a finding.
    assert [f for f in document["findings"] if "alle kieskringen" not in f] == []
    assert code == 1
    assert {item["number"]: item["seats"] for item in document["lists"]} == EXPECTED_SEATS
    assert _elected(document) == EXPECTED_ELECTED


def test_the_510c_and_the_510d_together_agree_and_give_the_hand_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    regional, lists = _write(tmp_path, level="510c")
    central, _ = _write(tmp_path, level="510d")
    code, document = _run([*regional, *central, *lists], capsys)
    assert document["differences"] == []
    assert document["findings"] == []
    assert code in {0, 1}  # see TALLY_FALSE_FINDING
    assert _elected(document) == EXPECTED_ELECTED


def test_shortcodes_on_the_candidate_lists_that_match_the_count_give_the_hand_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counts, lists = _write(tmp_path, codes_on_lists=True)
    code, document = _run([*counts, *lists], capsys)
    assert document["findings"] == []
    assert code in {0, 1}  # see TALLY_FALSE_FINDING
    assert _elected(document) == EXPECTED_ELECTED


def test_a_count_whose_shortcode_is_not_on_the_230b_of_its_kieskring_names_both_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The 510d counts Smit at position 2 of list 1 in kieskring 3; the 230b of
    # kieskring 3 written here has Mulder there: another kieskring's or another
    # election's lists. The list seats are still computed, nobody is named.
    counts, _ = _write(tmp_path)
    other = {**HAND_WRITTEN, 3: {**HAND_WRITTEN[3], 1: list(HAND_WRITTEN[3][1])}}
    other[3][1][1] = ("MulderJ", 450)
    PEOPLE["MulderJ"] = ("J.", "Mulder", None)
    folder = tmp_path / "ander"
    folder.mkdir()
    _, lists = _write(folder, other, codes_on_lists=True)
    code, document = _run([*counts, *lists], capsys)
    assert code == 1
    assert document["candidates_named"] is False
    assert {item["number"]: item["seats"] for item in document["lists"]} == EXPECTED_SEATS
    wrong = [f for f in document["findings"] if "SmitL" in f]
    assert len(wrong) == 1, document["findings"]
    assert "Totaaltelling_TK2099.eml.xml" in wrong[0]
    assert "Kandidatenlijsten_TK2099_Zuid.eml.xml" in wrong[0]
    assert "MulderJ" in wrong[0]


def test_a_510c_with_a_candidate_the_230b_does_not_have_names_both_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The 510c of kieskring 3 counts three candidates on list 2; the 230b of
    # kieskring 3 given has only two (the lists of another election).
    counts, _ = _write(tmp_path, level="510c")
    shorter = {**HAND_WRITTEN, 3: {**HAND_WRITTEN[3], 2: HAND_WRITTEN[3][2][:2]}}
    folder = tmp_path / "ander"
    folder.mkdir()
    _, lists = _write(folder, shorter)
    code, document = _run([*counts, *lists], capsys)
    assert code == 1
    assert document["candidates_named"] is False
    wrong = [f for f in document["findings"] if "kandidaat 3 staat niet" in f]
    assert len(wrong) == 1
    assert "Telling_TK2099_kieskring_Zuid.eml.xml" in wrong[0]
    assert "Kandidatenlijsten_TK2099_Zuid.eml.xml" in wrong[0]


def test_a_510d_total_by_shortcode_gets_no_false_tally_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The HSB blocks add up exactly to the total, ShortCode by ShortCode.
    counts, lists = _write(tmp_path)
    code, document = _run([*counts, *lists], capsys)
    assert document["findings"] == []
    assert code == 0


def test_one_vote_more_in_one_kieskring_block_is_caught_by_shortcode_at_the_510d() -> None:
    # One vote added to the first candidate of the first HSB block of the 510d (and to its
    # list and ballot totals there), not to the 510d's own total: the blocks no longer add
    # up to the total for exactly that ShortCode, and the list total differs by one.
    count = _central_count(HAND_WRITTEN)
    block = count.units[0].counts
    first = block.lists[0]
    code = first.short_codes[0]
    (position, votes), *rest = first.candidate_votes
    changed = dataclasses.replace(
        first, votes=first.votes + 1, candidate_votes=((position, votes + 1), *rest)
    )
    counts = dataclasses.replace(
        block, lists=(changed, *block.lists[1:]), total_counted=block.total_counted + 1
    )
    unit = dataclasses.replace(count.units[0], counts=counts)
    mutated = dataclasses.replace(count, units=(unit, *count.units[1:]))
    assert check_counts(count) == []
    messages = [finding.message for finding in check_counts(mutated)]
    assert any(f"kandidaat {code} van lijst {first.number} heeft" in m for m in messages)
    assert any(f"lijst {first.number} heeft" in m and "samen" in m for m in messages)


def test_out_writes_a_valid_520_over_all_kieskringen_with_shortcodes_in_order_of_election(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counts, lists = _write(tmp_path)
    out = tmp_path / "uit"
    assert main(["uitslag", *counts, *lists, "--zetels", "6", "--out", str(out)]) in {0, 1}
    written = out / "Resultaat_TK2099_Proef.eml.xml"
    capsys.readouterr()
    assert main(["eml", "check", str(written)]) == 0, capsys.readouterr()
    record = read_path(written)
    assert isinstance(record, ResultRecord)
    assert record.contest_id == "alle"
    assert [number for number, _ in record.elected_lists] == [1, 2, 3]
    elected = [
        (c.list_number, c.order, c.candidate.display_name, c.candidate.short_code, c.preferential)
        for c in record.elected
    ]
    # eml.md section 5.8: the identifier is the order of election within the list.
    assert elected == [
        (1, 1, "P. Jansen", "JansenP", True),
        (1, 2, "A. de Vries", "VriesA", True),
        (1, 3, "L. Smit", "SmitL", True),
        (2, 1, "E. Peters", "PetersE", True),
        (2, 2, "S. Dekker", "DekkerS", True),
        (3, 1, "T. Willems", "WillemsT", True),
    ]


def test_controleer_agrees_with_the_520_written_over_all_kieskringen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the names of a lijstengroep were looked up on the group itself
    # (it has none of its own) and 'controleer' ended with an internal error.
    counts, lists = _write(tmp_path)
    out = tmp_path / "uit"
    main(["uitslag", *counts, *lists, "--zetels", "6", "--out", str(out)])
    published = out / "Resultaat_TK2099_Proef.eml.xml"
    capsys.readouterr()
    args = ["uitslag", "controleer", *counts, *lists, "--zetels", "6"]
    assert main([*args, "--gepubliceerd", str(published), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["agrees"] is True
    assert "gekozen kandidaten: 6 van 6 gelijk" in document["agreements"]


def test_controleer_names_a_published_name_of_a_lijstengroep_that_differs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counts, lists = _write(tmp_path)
    published = tmp_path / "gepubliceerd.csv"
    published.write_text(
        "lijst,zetels,gekozen\n"
        "1,3,P. Jansen|A. de Vries|K. Bakker\n"
        "2,2,E. Peters|S. Dekker\n"
        "3,1,T. Willems\n",
        encoding="utf-8",
    )
    args = ["uitslag", "controleer", *counts, *lists, "--zetels", "6"]
    assert main([*args, "--gepubliceerd", str(published), "--json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["agrees"] is False
    # Smit was elected (by hand: 450 votes on the list of kieskring 3), not Bakker.
    # ADR 0101: a name that differs is two differences, one computed, one published.
    assert len(document["differences"]) == 2, document["differences"]
    assert any("L. Smit" in d for d in document["differences"])
    assert any("K. Bakker" in d for d in document["differences"])
    assert "gekozen kandidaten: 5 van 7 gelijk" in document["agreements"]
