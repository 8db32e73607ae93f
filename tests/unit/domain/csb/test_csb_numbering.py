"""Numbering the lists (Kieswet I 12 - I 14): seated groups by votes, the rest by kieskringen.

Every expected order is worked out by hand from the rule in the test's comment;
lots are never drawn by the software: it stops and asks, and replays the answers.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kandidaat.domain.csb.model import RegisterEntry, Submission
from kandidaat.domain.csb.numbering import (
    Numbered,
    NumberingLotRequired,
    lot_question,
    number_lists,
    numbering_units,
)
from kandidaat.domain.errors import InputError, LotAnswerError
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


def _submission(
    number: int, appellation: str, kieskringen: tuple[str, ...], first: str = "Jansen"
) -> Submission:
    candidate = Candidate(key="k1", initials="J.", last_name=first, date_of_birth=date(1980, 1, 1))
    kind = AppellationKind.REGISTERED if appellation else AppellationKind.BLANK
    nomination = Nomination(
        election=TK,
        party=Party(kind=kind, appellation=appellation),
        candidates=(candidate,),
        lists=(CandidateList("lijst-1", kieskringen, ("k1",)),),
    )
    return Submission(
        number, f"{number}.xml", "0" * 64, datetime.fromisoformat("2025-09-15 12:00:00"), nomination
    )


ALL = tuple(str(n) for n in range(1, 21))
REGISTER = (
    RegisterEntry("Partij Groot", 2_000_000, 30),
    RegisterEntry("Partij Klein", 150_000, 2),
    RegisterEntry("Partij Nul", 20_000, 0),
)


def _order(outcome: Numbered | NumberingLotRequired) -> list[tuple[int, str]]:
    assert isinstance(outcome, Numbered)
    return [(item.number, item.unit.appellation) for item in outcome.lists]


def test_seated_groups_come_first_by_their_votes_then_the_others_by_kieskringen() -> None:
    # Part 1 (seats before): Groot 2 000 000 > Klein 150 000. Part 2: Nul (seat-less) in
    # 20 kieskringen, Nieuw in 3, blank list in 1: most kieskringen first.
    submissions = [
        _submission(1, "Partij Nieuw", ("1", "2", "3")),
        _submission(2, "Partij Klein", ALL),
        _submission(3, "Partij Nul", ALL),
        _submission(4, "", ("7",), first="Blanco"),
        _submission(5, "Partij Groot", ALL[:10]),
    ]
    outcome = number_lists(numbering_units(submissions, REGISTER), Body.TK)
    assert _order(outcome) == [
        (1, "Partij Groot"),
        (2, "Partij Klein"),
        (3, "Partij Nul"),
        (4, "Partij Nieuw"),
        (5, ""),
    ]


def test_a_lijstengroep_of_several_submissions_gets_one_number_and_counts_its_kieskringen() -> None:
    # "Partij Nieuw" handed in lists for kieskringen 1-2 and 3-5 (a lijstengroep, H 11):
    # one unit, valid in 5 kieskringen, so before "Partij Vier" (4).
    submissions = [
        _submission(1, "Partij Vier", ("1", "2", "3", "4")),
        _submission(2, "Partij Nieuw", ("1", "2")),
        _submission(3, "partij  nieuw", ("3", "4", "5")),
    ]
    outcome = number_lists(numbering_units(submissions, ()), Body.TK)
    assert isinstance(outcome, Numbered)
    assert [(i.number, i.unit.submissions) for i in outcome.lists] == [(1, (2, 3)), (2, (1,))]


def test_an_invalid_submission_gets_no_number_and_its_kieskringen_do_not_count() -> None:
    # Without submission 3, "Partij Nieuw" is valid in 2 kieskringen only, after "Vier" (4).
    submissions = [
        _submission(1, "Partij Vier", ("1", "2", "3", "4")),
        _submission(2, "Partij Nieuw", ("1", "2")),
        _submission(3, "Partij Nieuw", ("3", "4", "5")),
    ]
    outcome = number_lists(numbering_units(submissions, (), invalid=[3]), Body.TK)
    assert isinstance(outcome, Numbered)
    assert [(i.number, i.unit.submissions) for i in outcome.lists] == [(1, (1,)), (2, (2,))]


def test_a_tie_stops_and_asks_the_committee_and_the_answer_is_replayed() -> None:
    # Three new lists, each in 20 kieskringen: a tie of three needs two draws.
    named = ((1, "A"), (2, "B"), (3, "C"))
    submissions = [_submission(n, f"Partij {name}", ALL) for n, name in named]
    units = numbering_units(submissions, ())
    asked = number_lists(units, Body.TK)
    assert isinstance(asked, NumberingLotRequired)
    assert asked.request.options == (1, 2, 3)
    question = lot_question(asked.request, asked.units)
    assert "inlevering 1 (Partij A); inlevering 2 (Partij B); inlevering 3 (Partij C)" in question
    assert "geldig in 20 kieskring(en)" in question
    second = number_lists(units, Body.TK, [3])
    assert isinstance(second, NumberingLotRequired)
    assert second.request.options == (1, 2)
    done = number_lists(units, Body.TK, [3, 1])
    assert _order(done) == [(1, "Partij C"), (2, "Partij A"), (3, "Partij B")]
    assert isinstance(done, Numbered)
    assert all(item.by_lot for item in done.lists)
    assert number_lists(units, Body.TK, [3, 1]) == done


def test_a_draw_that_is_not_one_of_the_tied_lists_is_refused_in_dutch() -> None:
    submissions = [_submission(n, f"Partij {n}", ALL) for n in (1, 2)]
    units = numbering_units(submissions, ())
    with pytest.raises(LotAnswerError, match="kan niet uit deze loting komen"):
        number_lists(units, Body.TK, [7])
    with pytest.raises(LotAnswerError, match="maar 1 nodig"):
        number_lists(units, Body.TK, [1, 2])


def test_seated_groups_with_equal_votes_are_ordered_by_lot_too() -> None:
    register = (RegisterEntry("Partij A", 1000, 1), RegisterEntry("Partij B", 1000, 1))
    submissions = [_submission(1, "Partij A", ALL), _submission(2, "Partij B", ALL)]
    asked = number_lists(numbering_units(submissions, register), Body.TK)
    assert isinstance(asked, NumberingLotRequired)
    assert "1000 stemmen bij de vorige verkiezing" in lot_question(asked.request, asked.units)


def test_a_seated_appellation_without_votes_in_the_register_is_a_dutch_input_error() -> None:
    register = (RegisterEntry("Partij A", None, 3),)
    with pytest.raises(InputError, match="'Partij A' heeft 3 zetel"):
        numbering_units([_submission(1, "Partij A", ALL)], register)
