"""Checks only the centraal stembureau can make: across all submissions of an election."""

from __future__ import annotations

from datetime import date, datetime

from kandidaat.domain.csb.cross import (
    check_across,
    same_appellation_in_a_kieskring,
    same_person_in_a_kieskring,
)
from kandidaat.domain.csb.model import Submission
from kandidaat.domain.nomination.findings import Severity
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Body,
    Candidate,
    CandidateList,
    Election,
    Kieskring,
    Nomination,
    Party,
)

TK = Election(
    Body.TK,
    "TK2025",
    "Tweede Kamer 2025",
    date(2025, 10, 29),
    150,
    tuple(Kieskring(str(n), f"kieskring {n}") for n in range(1, 21)),
)
GR = Election(
    Body.GR, "GR2026_Ons", "Gemeenteraad Ons", date(2026, 3, 18), 19, (Kieskring("1", "Ons"),)
)
JAN = ("J.", "Jansen", date(1980, 5, 17))
PIET = ("P.", "Pietersen", date(1975, 1, 2))
KLAAS = ("K.", "Klaassen", date(1990, 12, 31))


def _submission(
    number: int,
    appellation: str,
    persons: list[tuple[str, str, date]],
    kieskringen: tuple[str, ...] = (),
    election: Election = TK,
) -> Submission:
    candidates = tuple(
        Candidate(key=f"k{i}", initials=ini, last_name=last, date_of_birth=born)
        for i, (ini, last, born) in enumerate(persons, start=1)
    )
    kind = AppellationKind.REGISTERED if appellation else AppellationKind.BLANK
    nomination = Nomination(
        election=election,
        party=Party(kind=kind, appellation=appellation),
        candidates=candidates,
        lists=(CandidateList("lijst-1", kieskringen, tuple(c.key for c in candidates)),),
    )
    return Submission(
        number, f"{number}.xml", "0" * 64, datetime.fromisoformat("2025-09-15 12:00:00"), nomination
    )


def test_one_person_on_lists_of_two_parties_for_one_kieskring_is_struck_from_both() -> None:
    first = _submission(1, "Partij A", [PIET, JAN], ("3",))
    second = _submission(2, "Partij B", [KLAAS, JAN], ("3", "4"))
    findings = same_person_in_a_kieskring([first, second])
    assert [(f.submission, f.kieskring, f.candidate) for f in findings] == [
        (1, "3", "Jansen, J. (plaats 2)"),
        (2, "3", "Jansen, J. (plaats 2)"),
    ]
    assert all(f.finding.severity is Severity.ERROR for f in findings)
    assert all(f.finding.article == "Kieswet H 7 lid 2 en I 6 lid 1 onder g" for f in findings)
    assert "op al die lijsten geschrapt" in findings[0].finding.message
    assert [f.appellation for f in findings] == ["Partij A", "Partij B"]


def test_the_same_person_on_lists_for_different_kieskringen_is_allowed() -> None:
    first = _submission(1, "Partij A", [JAN], ("3",))
    second = _submission(2, "Partij B", [JAN], ("4",))
    assert same_person_in_a_kieskring([first, second]) == []


def test_in_a_municipality_every_list_is_for_the_one_kieskring() -> None:
    first = _submission(1, "Partij A", [JAN], election=GR)
    blank = _submission(2, "", [PIET, JAN], election=GR)
    findings = same_person_in_a_kieskring([first, blank])
    assert [(f.submission, f.kieskring) for f in findings] == [(1, "1"), (2, "1")]
    assert "blanco lijst" in findings[0].finding.message


def test_a_namesake_with_another_date_of_birth_is_another_person() -> None:
    other_jan = ("J.", "Jansen", date(1981, 5, 17))
    first = _submission(1, "Partij A", [JAN], election=GR)
    second = _submission(2, "Partij B", [other_jan], election=GR)
    assert same_person_in_a_kieskring([first, second]) == []


def test_one_appellation_above_two_lists_in_a_kieskring_is_struck_above_both() -> None:
    first = _submission(1, "Partij A", [JAN], ("1", "2"))
    second = _submission(2, "partij  á", [PIET], ("2",))
    other = _submission(3, "Partij A", [KLAAS], ("5",))
    findings = same_appellation_in_a_kieskring([first, second, other])
    assert [(f.submission, f.kieskring) for f in findings] == [(1, "2"), (2, "2")]
    assert all(f.finding.article == "Kieswet I 6 lid 2 onder b" for f in findings)
    assert "geschrapt" in findings[0].finding.message


def test_blank_lists_never_share_an_appellation() -> None:
    first = _submission(1, "", [JAN], election=GR)
    second = _submission(2, "", [PIET], election=GR)
    assert same_appellation_in_a_kieskring([first, second]) == []


def test_the_eerste_kamer_cites_its_own_articles() -> None:
    ek = Election(
        Body.EK, "EK2027", "Eerste Kamer 2027", date(2027, 5, 25), 75, (Kieskring("1", "GR"),)
    )
    first = _submission(1, "Partij A", [JAN], election=ek)
    second = _submission(2, "Partij B", [JAN], election=ek)
    assert {f.finding.article for f in check_across([first, second])} == {"Kieswet R 5 en S 4"}


def test_no_submissions_no_findings() -> None:
    assert check_across([]) == []
