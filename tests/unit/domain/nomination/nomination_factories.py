"""Small factories for nomination tests: a valid nomination, changed one field at a time."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from kandidaat.domain.nomination.elections import (
    european_parliament_election,
    municipal_election,
    tweede_kamer_election,
)
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Candidate,
    CandidateList,
    Election,
    Nomination,
    Party,
    PostalAddress,
    StatutoryParty,
    Submitter,
)

GR_DATE = date(2026, 3, 18)
BEFORE_NOMINATION = date(2026, 1, 5)
"""A day before every GR2026 deadline: no deadline findings."""

UTRECHT = PostalAddress("Oudegracht 1", "3511 AA", "Utrecht")


def gemeente(seats: int = 23, name: str = "Utrecht") -> Election:
    return municipal_election(name, seats, GR_DATE, "0344")


def tk() -> Election:
    return tweede_kamer_election(date(2025, 10, 29))


def ep() -> Election:
    return european_parliament_election(date(2029, 5, 24))


def person(key: str, last_name: str = "Jansen", initials: str = "P.", **changes: Any) -> Candidate:
    base = Candidate(
        key=key,
        initials=initials,
        last_name=last_name,
        first_name="",
        date_of_birth=date(1980, 5, 17),
        locality="Utrecht",
        bsn=bsn(int.from_bytes(key.encode()) % 1_000_000 + 500_000),
        correspondence=UTRECHT,
    )
    return dataclasses.replace(base, **changes)


def bsn(number: int) -> str:
    """A BSN that passes the eleven test, different for every ``number``."""
    for last in range(10):
        for extra in range(10):
            digits = f"{number:07d}{extra}{last}"
            weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
            if sum(w * int(d) for w, d in zip(weights, digits, strict=True)) % 11 == 0:
                return digits
    raise AssertionError(number)


def people(count: int, prefix: str = "c", offset: int = 0) -> tuple[Candidate, ...]:
    names = ("Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos")
    return tuple(
        person(f"{prefix}{i}", f"{names[i % len(names)]}{_suffix(i)}", "A.B.", bsn=bsn(i + offset))
        for i in range(1, count + 1)
    )


def _suffix(i: int) -> str:
    # Distinct last names made of letters only: Jansen, Jansenb, Jansenc, ...
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "" if i < 8 else letters[(i // 8) % 26] + letters[i % 26]


def submitter() -> Submitter:
    return Submitter("K.", "de Groot", address=UTRECHT)


def party(
    previous_seats: int | None = 3,
    kind: AppellationKind = AppellationKind.REGISTERED,
    appellation: str = "Partij voor Test",
    groups: tuple[StatutoryParty, ...] | None = None,
) -> Party:
    if groups is None:
        groups = (
            ()
            if kind is AppellationKind.BLANK
            else (StatutoryParty("Vereniging Partij voor Test", "M. de Wit", previous_seats),)
        )
    return Party(
        kind=kind,
        appellation="" if kind is AppellationKind.BLANK else appellation,
        groups=groups,
        previous_seats=previous_seats,
        submitter=submitter(),
        substitutes=(Submitter("L.", "Peters", address=UTRECHT),),
    )


def single_list(
    candidates: tuple[Candidate, ...],
    election: Election | None = None,
    the_party: Party | None = None,
    **list_changes: Any,
) -> Nomination:
    election = election or gemeente()
    the_list = CandidateList(
        key="L1",
        kieskringen=tuple(k.number for k in election.kieskringen),
        candidates=tuple(c.key for c in candidates),
    )
    the_list = dataclasses.replace(the_list, **list_changes)
    return Nomination(
        election=election,
        party=the_party or party(),
        candidates=candidates,
        lists=(the_list,),
    )
