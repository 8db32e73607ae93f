"""A small nomination for the editing session tests (Utrecht, one list of three)."""

from __future__ import annotations

from datetime import date

from kandidaat.domain.nomination.elections import municipal_election
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Candidate,
    CandidateList,
    Nomination,
    Party,
)


def candidate(key: str, last_name: str, initials: str = "A.") -> Candidate:
    return Candidate(
        key=key,
        initials=initials,
        last_name=last_name,
        date_of_birth=date(1980, 5, 17),
        locality="Utrecht",
    )


def small_nomination() -> Nomination:
    people = (
        candidate("jansen", "Jansen", "P."),
        candidate("bakker", "Bakker", "M.J."),
        candidate("visser", "Visser", "K."),
    )
    return Nomination(
        election=municipal_election("Utrecht", 45, date(2026, 3, 18), "0344"),
        party=Party(AppellationKind.REGISTERED, "Partij voor Utrecht", previous_seats=3),
        candidates=people,
        lists=(CandidateList("lijst", ("1",), ("jansen", "bakker", "visser")),),
    )
