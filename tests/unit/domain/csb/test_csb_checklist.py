"""The checklist of documents handed in: what is typed, and what a list is asked for."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kandidaat.domain.csb.checklist import ChecklistError, ReceiptItem, checklist_lines, parse_item
from kandidaat.domain.csb.model import Submission
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

AT = datetime.fromisoformat("2026-02-02 10:15")


def _submission(body: Body, kind: AppellationKind, kieskringen: tuple[str, ...]) -> Submission:
    election = Election(
        body,
        f"{body.value}2026",
        "verkiezing",
        date(2026, 3, 18),
        19,
        tuple(Kieskring(str(n), f"kk {n}") for n in range(1, 4)),
    )
    candidates = (Candidate("k1", "A.", "Aap"), Candidate("k2", "B.", "Beer"))
    nomination = Nomination(
        election,
        Party(kind, "" if kind is AppellationKind.BLANK else "Partij A"),
        candidates,
        (CandidateList("l", kieskringen, ("k1", "k2")),),
    )
    return Submission(1, "a.xml", "0" * 64, AT, nomination)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("H1", ("H1", None, None)),
        ("h9=25", ("H9", None, 25)),
        ("H4@3=30", ("H4", "3", 30)),
        ("H 3-1", ("H3-1", None, None)),
        ("ID=0", ("ID", None, 0)),
    ],
)
def test_an_item_is_read_as_code_kieskring_and_count(
    text: str, expected: tuple[str, str | None, int | None]
) -> None:
    assert parse_item(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("H5", "onbekend stuk"),
        ("H4=30", "noem de kieskring"),
        ("H9@2=3", "hoort niet bij één kieskring"),
        ("H9", "geef het aantal"),
        ("H9=-1", "geen geheel getal"),
        ("H9=100001", "geen geheel getal"),
        ("H1" + "x" * 80, "langer dan 60"),
    ],
)
def test_a_wrong_item_is_refused_in_dutch(text: str, reason: str) -> None:
    with pytest.raises(ChecklistError, match=reason):
        parse_item(text)


def test_a_tk_list_is_asked_for_h3_1_h4_per_kieskring_h9_id_and_the_deposit() -> None:
    lines = checklist_lines(_submission(Body.TK, AppellationKind.REGISTERED, ("1", "3")), ())
    assert lines == [
        "[ ] kandidatenlijst (H 1): niet ingeleverd",
        "[ ] machtiging aanduiding (H 3-1): niet ingeleverd",
        "[ ] ondersteuningsverklaringen (H 4), kieskring 1: niet ingeleverd",
        "[ ] ondersteuningsverklaringen (H 4), kieskring 3: niet ingeleverd",
        "[ ] instemmingsverklaringen (H 9): niet ingeleverd",
        "[ ] kopieën identiteitsbewijs: niet ingeleverd",
        "[ ] bewijs van betaling waarborgsom (H 12): niet ingeleverd",
    ]


def test_a_combined_appellation_needs_h3_2_and_a_municipality_the_settlement_declarations() -> None:
    lines = checklist_lines(_submission(Body.GR, AppellationKind.COMBINED, ("1",)), ())
    assert "[ ] machtiging samengevoegde aanduiding (H 3-2): niet ingeleverd" in lines
    assert "[ ] verklaringen voorgenomen vestiging: niet ingeleverd" in lines


def test_a_blank_list_has_no_authorisation_and_the_eerste_kamer_no_deposit() -> None:
    blank = checklist_lines(_submission(Body.GR, AppellationKind.BLANK, ("1",)), ())
    assert not any("H 3-" in line for line in blank)
    ek = checklist_lines(_submission(Body.EK, AppellationKind.REGISTERED, ("1",)), ())
    assert not any("H 12" in line for line in ek)


def test_the_european_parliament_asks_for_y13_and_y35() -> None:
    lines = checklist_lines(_submission(Body.EP, AppellationKind.REGISTERED, ("1",)), ())
    assert lines[-2:] == [
        "[ ] verklaringen Y 13: niet ingeleverd",
        "[ ] verklaringen Y 35: niet ingeleverd",
    ]


def test_received_documents_show_count_time_member_and_h9_against_the_candidates() -> None:
    items = (
        ReceiptItem("H1", None, None, AT, "Anna"),
        ReceiptItem("H9", None, 1, AT, "Anna"),
        ReceiptItem("H9", None, 1, datetime.fromisoformat("2026-02-02 16:50"), "Bert"),
        ReceiptItem("Y13", None, 2, AT, "Anna"),
    )
    lines = checklist_lines(_submission(Body.GR, AppellationKind.REGISTERED, ("1",)), items)
    assert lines[0] == "[x] kandidatenlijst (H 1): 02-02-2026 10:15 (Anna)"
    assert (
        "[x] instemmingsverklaringen (H 9): 1 stuks, 02-02-2026 10:15 (Anna); "
        "1 stuks, 02-02-2026 16:50 (Bert); 2 van 2 kandidaten"
    ) in lines
    assert lines[-1] == "[x] verklaringen Y 13: 2 stuks, 02-02-2026 10:15 (Anna)"
