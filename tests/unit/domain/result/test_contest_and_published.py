"""Count totals become the seat engine's contest; a published result is compared name by name.

Expected values are hand computations written in each test.
"""

from __future__ import annotations

from kandidaat.domain.election import (
    AffiliationRecord,
    CandidateListsRecord,
    CandidateRecord,
    ElectionIdentifier,
    Envelope,
)
from kandidaat.domain.result.contest import to_contest, to_kieskring_contest
from kandidaat.domain.result.published import PublishedList, name_key, verify_result
from kandidaat.domain.result.totals import CountTotals, ListTotal
from kandidaat.domain.seats import Body, Completed, allocate

ELECTION = ElectionIdentifier("GR2099_Test", "Gemeenteraad Test 2099", "GR")


def _lists(*affiliations: AffiliationRecord) -> CandidateListsRecord:
    return CandidateListsRecord(Envelope("230b"), ELECTION, "geen", None, affiliations)


def _candidate(position: int, initials: str, last_name: str) -> CandidateRecord:
    return CandidateRecord(position=position, initials=initials, last_name=last_name)


LISTS = _lists(
    AffiliationRecord(1, "Lokaal", (_candidate(1, "A.", "Aalders"), _candidate(2, "B.", "Bos"))),
    AffiliationRecord(2, "Dorp", (_candidate(1, "C.", "Claes"), _candidate(2, "D.", "Dijk"))),
)

# 3 seats, 300 votes: quota 100; list 1 200 votes = 2 seats, list 2 100 = 1 seat.
# Threshold (GR < 19 seats, P 15): 50% of 100 = 50. List 1: Bos 120 and Aalders
# 80 both above 50, elected on preference, Bos first (more votes). List 2: Claes
# 40 and Dijk 60: Dijk above 50 is elected on preference.
TOTALS = CountTotals(
    ("telling.xml",),
    (
        ListTotal(1, "Lokaal", 200, ((1, 80), (2, 120))),
        ListTotal(2, "Dorp", 100, ((1, 40), (2, 60))),
    ),
    300,
    2,
    1,
)


def _result() -> Completed:
    conversion = to_contest(Body.GR, 3, TOTALS, LISTS, "Test")
    assert conversion.findings == ()
    assert conversion.named
    outcome = allocate(conversion.contest)
    assert isinstance(outcome, Completed)
    return outcome


def test_counts_with_candidate_lists_elect_named_candidates_by_preference() -> None:
    result = _result().result
    assert result.seats == {1: 2, 2: 1}
    by_list = {e.list_number: e for e in result.elections}
    assert by_list[1].preferential == (2, 1)
    assert by_list[2].preferential == (2,)


def test_a_candidate_counted_but_not_on_the_candidate_list_is_a_finding() -> None:
    totals = CountTotals(
        ("telling.xml",),
        (ListTotal(1, "Lokaal", 200, ((1, 80), (2, 100), (3, 20))), TOTALS.lists[1]),
        300,
        0,
        0,
    )
    conversion = to_contest(Body.GR, 3, totals, LISTS)
    assert conversion.named is False
    assert any("kandidaat 3 staat niet op de kandidatenlijst" in f for f in conversion.findings)
    # The list seats are still computed from the list totals.
    outcome = allocate(conversion.contest)
    assert isinstance(outcome, Completed)
    assert outcome.result.seats == {1: 2, 2: 1}


def test_a_list_counted_but_not_on_the_candidate_lists_is_a_finding() -> None:
    totals = CountTotals(
        ("telling.xml",),
        (*TOTALS.lists, ListTotal(3, "Nieuw", 0, ((1, 0),))),
        300,
        0,
        0,
    )
    conversion = to_contest(Body.GR, 3, totals, LISTS)
    assert "lijst 3 (Nieuw) staat niet op de kandidatenlijsten" in conversion.findings


def test_names_compare_however_the_published_result_writes_them() -> None:
    assert name_key("R.A.N. Reuvers (Rob)") == name_key("Reuvers, R.A.N.")
    assert name_key("C.G.H.M. van Dreumel") == name_key("C.G.H.M. VAN DREUMEL")
    assert name_key("É. Çelik") == name_key("E. Celik")
    assert name_key("A. Bos") != name_key("A. Bosch")


def test_a_published_result_that_agrees_gives_one_line_per_class_and_no_differences() -> None:
    published = (
        PublishedList(1, 2, ("Bos, B.", "Aalders, A.")),
        PublishedList(2, 1, ("D. Dijk",)),
    )
    verification = verify_result(_result().result, published, "zetels.csv")
    assert verification.agrees
    assert verification.agreements == (
        "zetels per lijst: 2 van 2 lijsten gelijk",
        "gekozen kandidaten: 3 van 3 gelijk",
    )


def test_a_published_seat_or_name_that_differs_is_named() -> None:
    published = (
        PublishedList(1, 1, ("B. Bos",)),
        PublishedList(2, 2, ("D. Dijk", "C. Claes")),
    )
    verification = verify_result(_result().result, published, "zetels.csv")
    assert not verification.agrees
    assert verification.differences == (
        "lijst 1 (Lokaal): berekend 2 zetel(s), gepubliceerd 1",
        "lijst 1: A. Aalders is berekend als gekozen, niet gepubliceerd",
        "lijst 2 (Dorp): berekend 1 zetel(s), gepubliceerd 2",
        "lijst 2: C. Claes is gepubliceerd als gekozen, niet berekend",
    )


def _kieskring_lists(contest_id: str, *affiliations: AffiliationRecord) -> CandidateListsRecord:
    return CandidateListsRecord(Envelope("230b"), ELECTION, contest_id, None, affiliations)


def test_identical_lists_form_one_list_and_different_ones_a_lijstengroep() -> None:
    # Kieswet P 2: list 1 is the same in kieskringen 1 and 2 (a stel): one list,
    # votes added (Aalders 30 + 20 = 50). P 3: list 2 differs (Claes/Dijk in 1,
    # Dijk/Claes in 2): a lijstengroep with two lists, of kieskring 1 and 2.
    same = AffiliationRecord(
        1, "Lokaal", (_candidate(1, "A.", "Aalders"), _candidate(2, "B.", "Bos"))
    )
    first = AffiliationRecord(
        2, "Dorp", (_candidate(1, "C.", "Claes"), _candidate(2, "D.", "Dijk"))
    )
    second = AffiliationRecord(
        2, "Dorp", (_candidate(1, "D.", "Dijk"), _candidate(2, "C.", "Claes"))
    )
    totals = {
        "1": CountTotals(
            ("a",),
            (
                ListTotal(1, "Lokaal", 40, ((1, 30), (2, 10))),
                ListTotal(2, "Dorp", 9, ((1, 5), (2, 4))),
            ),
            49,
            0,
            0,
        ),
        "2": CountTotals(
            ("b",),
            (
                ListTotal(1, "Lokaal", 25, ((1, 20), (2, 5))),
                ListTotal(2, "Dorp", 7, ((1, 6), (2, 1))),
            ),
            32,
            0,
            0,
        ),
    }
    lists = {"1": _kieskring_lists("1", same, first), "2": _kieskring_lists("2", same, second)}
    conversion = to_kieskring_contest(Body.TK, 150, totals, lists)
    assert conversion.named
    local, village = conversion.contest.lists
    assert (local.votes, [(c.name, c.votes) for c in local.candidates]) == (
        65,
        [("A. Aalders", 50), ("B. Bos", 15)],
    )
    assert village.votes == 16
    assert [(s.kieskringen, s.votes) for s in village.sublists] == [((1,), 9), ((2,), 7)]
    # Dijk is one person on both lists of the group (same key): 4 + 6 votes.
    dijk = [c for s in village.sublists for c in s.candidates if c.name == "D. Dijk"]
    assert {c.key for c in dijk} == {"D. Dijk"}
    assert sum(c.votes for c in dijk) == 10
