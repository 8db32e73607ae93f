"""National scale: 350 municipalities of the Tweede Kamer 2023, totalled to 510c and 510d.

Source of the figures: the official result of the Tweede Kamer election of
22 November 2023 as the Kiesraad's proces-verbaal of 4 December 2023 gives it
(per list its votes and seats: PVV 37, GL/PvdA 25, VVD 24, NSC 20, D66 9, BBB 7,
CDA 5, SP 5, DENK 3, PvdD 3, FvD 3, SGP 3, CU 3, Volt 2, JA21 1, the other 11
lists 0), transcribed with its source (the Kiesraad's database
verkiezingsuitslagen.nl, via squell/electionchecker
data/uitslag_TK20231122_Nederland.csv) in ../shared/vectors/real/tk2023.json:
its ``votes`` are the input here, its ``expected_seats`` the published seats
the result must equal.

Generated here, as the Kiesraad publishes them: the 510b of 350 municipalities
(every list's national total spread over them so that they add up exactly, each
municipality one polling station and the votes of two candidates per list), the
510c of each of the 20 kieskringen (the sum of its municipalities) and the 510d
of the centraal stembureau (the sum of the kieskringen, one block per
hoofdstembureau). Lists are small (40 candidates, enough for the 37 seats of the
largest), and no 230b is given: the list seats are what is compared. Marked slow
(a few seconds; the goal is under 30 s on the shared machine).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

from kandidaat.app.cli import main
from kandidaat.domain.election import (
    CountRecord,
    ElectionIdentifier,
    Envelope,
    ListCount,
    ReportingUnitCount,
    VoteCounts,
)
from kandidaat.eml.write_common import write_document
from kandidaat.eml.write_counts import build_counts

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

VECTOR = "vectors/real/tk2023.json"
MUNICIPALITIES = 350
KIESKRINGEN = 20
CANDIDATES = 40
ELECTION = ElectionIdentifier(
    "TK2023", "Tweede Kamer der Staten-Generaal 2023", "TK", "TK", election_date="2023-11-22"
)
CREATED = "2023-11-24T12:00:00.000"

pytestmark = pytest.mark.slow


def _published(shared_dir: Path) -> dict[str, Any]:
    path = shared_dir / VECTOR
    assert path.is_file(), f"{path} ontbreekt: de gepubliceerde uitslag TK2023"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert data["seats"] == 150, f"{path}: verwacht 150 zetels"
    return data


def _share(total: int, index: int) -> int:
    base, extra = divmod(total, MUNICIPALITIES)
    return base + (1 if index < extra else 0)


def _municipal(index: int, lists: Sequence[dict[str, Any]]) -> VoteCounts:
    """One municipality's count: per list its share, given to candidate 1 and one other."""
    counted = []
    for entry in lists:
        votes = _share(entry["votes"], index)
        other = index % CANDIDATES + 1
        first = votes if other == 1 else votes - votes // 3
        rows = ((1, first),) if other == 1 else ((1, first), (other, votes - first))
        counted.append(ListCount(entry["list_number"], entry["name"], votes, rows))
    valid = sum(item.votes for item in counted)
    blank, invalid = index % 7, index % 5
    return VoteCounts(
        lists=tuple(counted),
        cast=valid + blank + invalid + 100,
        total_counted=valid,
        rejected=(("ongeldig", invalid), ("blanco", blank)),
        uncounted=(),
    )


def _add(parts: Sequence[VoteCounts]) -> VoteCounts:
    """The sum of counts, list by list and candidate by candidate (what an HSB or CSB adds)."""
    names: dict[int, str] = {}
    votes: dict[int, int] = {}
    candidates: dict[int, dict[int, int]] = {}
    for part in parts:
        for item in part.lists:
            names[item.number] = item.name
            votes[item.number] = votes.get(item.number, 0) + item.votes
            per = candidates.setdefault(item.number, {})
            for position, count in item.candidate_votes:
                per[position] = per.get(position, 0) + count
    return VoteCounts(
        lists=tuple(
            ListCount(
                number, names[number], votes[number], tuple(sorted(candidates[number].items()))
            )
            for number in sorted(votes)
        ),
        cast=sum(p.cast for p in parts),
        total_counted=sum(p.total_counted for p in parts),
        rejected=tuple(
            (reason, sum(p.rejected_votes(reason) for p in parts))
            for reason in ("ongeldig", "blanco")
        ),
        uncounted=(),
    )


def _record(
    level: str,
    authority: tuple[str, str],
    contest: tuple[str, str | None],
    total: VoteCounts,
    units: tuple[ReportingUnitCount, ...],
) -> CountRecord:
    return CountRecord(
        envelope=Envelope(
            message_id=level,
            authority_id=authority[0],
            authority_name=authority[1],
            creation_date_time=CREATED,
        ),
        election=ELECTION,
        contest_id=contest[0],
        contest_name=contest[1],
        total=total,
        units=units,
    )


def _write_election(folder: Path, lists: Sequence[dict[str, Any]]) -> list[str]:
    paths: list[str] = []
    per_kieskring: dict[int, list[tuple[str, VoteCounts]]] = {}
    for index in range(MUNICIPALITIES):
        code = f"{index + 1:04d}"
        kieskring = index % KIESKRINGEN + 1
        counts = _municipal(index, lists)
        per_kieskring.setdefault(kieskring, []).append((code, counts))
        unit = ReportingUnitCount(f"{code}::SB1", "Stembureau Gemeentehuis", counts)
        record = _record(
            "510b",
            (code, f"Gemeente {code}"),
            (str(kieskring), f"Kieskring {kieskring}"),
            counts,
            (unit,),
        )
        path = folder / f"Telling_TK2023_gemeente_{code}.eml.xml"
        write_document(path, build_counts(record))
        paths.append(str(path))
    blocks = []
    for kieskring, municipalities in sorted(per_kieskring.items()):
        total = _add([counts for _, counts in municipalities])
        units = tuple(
            ReportingUnitCount(code, f"Gemeente {code}", counts) for code, counts in municipalities
        )
        name = f"Kieskring {kieskring}"
        record = _record("510c", (f"HSB{kieskring}", name), (str(kieskring), name), total, units)
        path = folder / f"Telling_TK2023_kieskring_{kieskring}.eml.xml"
        write_document(path, build_counts(record))
        paths.append(str(path))
        blocks.append(ReportingUnitCount(f"HSB{kieskring}", name, total))
    national = _add([block.counts for block in blocks])
    record = _record("510d", ("CSB", "Kiesraad"), ("alle", None), national, tuple(blocks))
    path = folder / "Totaaltelling_TK2023.eml.xml"
    write_document(path, build_counts(record))
    paths.append(str(path))
    return paths


def test_350_municipalities_totalled_to_510d_give_the_published_tk2023_seats(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    published = _published(shared_dir)
    lists = sorted(published["lists"], key=lambda entry: entry["list_number"])
    paths = _write_election(tmp_path, lists)
    assert len(paths) == MUNICIPALITIES + KIESKRINGEN + 1
    code = main(["uitslag", *paths, "--zetels", "150", "--json"])
    document = json.loads(capsys.readouterr().out)
    assert document["differences"] == []
    assert document["level"] == "510d"
    assert document["total_votes"] == published["total_votes"]
    seats = {item["number"]: item["seats"] for item in document["lists"]}
    assert seats == {entry["list_number"]: entry["expected_seats"] for entry in lists}
    # Without the 230b the candidates cannot be named: that is the one finding.
    assert len(document["findings"]) == 1, document["findings"]
    assert "kandidatenlijsten (230b)" in document["findings"][0]
    assert code == 1
    assert document["blank"] == sum(index % 7 for index in range(MUNICIPALITIES))
    assert document["invalid"] == sum(index % 5 for index in range(MUNICIPALITIES))


def test_one_vote_more_in_one_municipality_of_350_is_caught_at_its_kieskring(
    shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    published = _published(shared_dir)
    lists = sorted(published["lists"], key=lambda entry: entry["list_number"])
    paths = _write_election(tmp_path, lists)
    # Municipality 0123 (kieskring 3): one vote more for candidate 1 of the first list,
    # in the polling station and in the municipality's total, its 510c unchanged.
    target = next(p for p in paths if p.endswith("gemeente_0123.eml.xml"))
    index = 122
    counts = _municipal(index, lists)
    first = counts.lists[0]
    changed = ListCount(
        first.number,
        first.name,
        first.votes + 1,
        ((1, first.candidate_votes[0][1] + 1), *first.candidate_votes[1:]),
    )
    counts = VoteCounts(
        lists=(changed, *counts.lists[1:]),
        cast=counts.cast,
        total_counted=counts.total_counted + 1,
        rejected=counts.rejected,
        uncounted=(),
    )
    unit = ReportingUnitCount("0123::SB1", "Stembureau Gemeentehuis", counts)
    record = _record("510b", ("0123", "Gemeente 0123"), ("3", "Kieskring 3"), counts, (unit,))
    write_document(tmp_path / "Telling_TK2023_gemeente_0123.eml.xml", build_counts(record))
    assert target.endswith("Telling_TK2023_gemeente_0123.eml.xml")
    code = main(["uitslag", *paths, "--zetels", "150", "--json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 1
    kieskring = "Telling_TK2023_kieskring_3.eml.xml"
    assert document["differences"], "het verschil is niet gevonden"
    assert all(d["upper_source"] == kieskring for d in document["differences"])
    own = [d for d in document["differences"] if f"lijst {first.number}" in d["message"]]
    assert own, document["differences"]
