"""The H 4 tally across submissions: exemption, Bonaire's 10, a wrong kieskring."""

from __future__ import annotations

from datetime import date, datetime

from kandidaat.domain.csb.model import Submission
from kandidaat.domain.csb.support import SupportDeclaration, tally_support
from kandidaat.domain.nomination.elections import builtin_election
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Candidate,
    CandidateList,
    Nomination,
    Party,
)

TK = builtin_election("TK2025")


def _submission(
    number: int, kieskringen: tuple[str, ...], previous_seats: int | None
) -> Submission:
    nomination = Nomination(
        election=TK,
        party=Party(
            kind=AppellationKind.REGISTERED,
            appellation=f"Partij {number}",
            previous_seats=previous_seats,
        ),
        candidates=(Candidate(key="k1", initials="A.", last_name="Aa"),),
        lists=(CandidateList("lijst-1", kieskringen, ("k1",)),),
    )
    return Submission(
        number, f"{number}.xml", "0" * 64, datetime.fromisoformat("2025-09-15 12:00"), nomination
    )


def _declarations(number: int, kieskring: str, count: int) -> list[SupportDeclaration]:
    return [
        SupportDeclaration(
            number, kieskring, f"Kiezer {number}-{kieskring}-{n}", date(1980, 1, 1), "adres"
        )
        for n in range(count)
    ]


def test_bonaire_needs_ten_and_another_kieskring_thirty() -> None:
    # Kieswet H 4 lid 1: 10 in kieskring Bonaire (20), 30 in every other kieskring.
    submission = _submission(1, ("19", "20"), None)
    tally = tally_support(_declarations(1, "20", 10) + _declarations(1, "19", 12), [submission])
    counts = {count.kieskring: count for count in tally.counts}
    assert (counts["20"].needed, counts["20"].short) == (10, 0)
    assert (counts["19"].needed, counts["19"].short) == (30, 18)


def test_an_appellation_with_seats_before_is_exempt_and_never_short() -> None:
    # Kieswet H 4 lid 8: a seat at the previous election of the same body exempts the list.
    tally = tally_support([], [_submission(1, ("1",), 3)])
    (count,) = tally.counts
    assert count.exempt
    assert count.short == 0
    assert tally.findings == ()


def test_declarations_for_a_kieskring_the_list_was_not_handed_in_for_do_not_count() -> None:
    submission = _submission(1, ("1",), 2)
    tally = tally_support(_declarations(1, "5", 4), [submission])
    (count,) = tally.counts
    assert count.handed_in == 0
    (finding,) = tally.findings
    assert finding.finding.code == "support-wrong-kieskring"
    assert finding.kieskring == "5"


def test_a_voter_who_signed_twice_for_the_same_list_counts_for_none() -> None:
    # One declaration per voter per election (Kieswet H 4; kiesraad.nl: "de kiezer heeft
    # meerdere ondersteuningsverklaringen ondertekend" is an omission): both are void.
    submission = _submission(1, ("19",), None)
    twice = SupportDeclaration(1, "19", "Dubbel Kiezer", date(1970, 5, 5), "Laan 1")
    again = SupportDeclaration(1, "19", "dubbel  kiezer", date(1970, 5, 5), "Laan 1, Utrecht")
    tally = tally_support([*_declarations(1, "19", 30), twice, again], [submission])
    [count] = tally.counts
    assert (count.handed_in, count.not_counted, count.counted) == (32, 2, 30)
    assert any("meer dan eens voor dezelfde lijst" in f.finding.message for f in tally.findings)
