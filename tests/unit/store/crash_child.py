"""The writer of the crash test: numbered steps applied to a project, each one reported.

``python crash_child.py PROJECT`` imports kandidaat once and then, for every
number START it reads from stdin, forks a writer process and prints
``pid <pid>``. The writer opens the project (which holds the state after step
START), prints ``ready``, then applies steps START+1, START+2, ... for ever,
printing each step's number right after its transaction committed. The test
kills the writer with SIGKILL at a random moment; this process reaps it and
prints ``dead <pid>``, so every line the writer wrote comes before that one.
Forking spares the test a Python start-up per kill.

:func:`next_state` lets the test compute the state after any step without
touching the file.
"""

from __future__ import annotations

import dataclasses
import sys
from datetime import date
from pathlib import Path

from crash_protocol import serve

from kandidaat.domain.nomination.model import (
    AppellationKind,
    Body,
    Candidate,
    CandidateList,
    Election,
    Gender,
    Kieskring,
    Nomination,
    Party,
    PostalAddress,
)
from kandidaat.store.project import ProjectFile

MAX_PERSONS = 240
"""Above this, steps that would add a person remove the oldest one instead."""


def initial() -> Nomination:
    """The state before step 1."""
    return Nomination(
        election=Election(
            body=Body.TK,
            identifier="TK2029",
            name="stand 0",
            election_date=date(2029, 3, 21),
            seats=150,
            kieskringen=tuple(Kieskring(str(n), f"kieskring {n}") for n in range(1, 21)),
        ),
        party=Party(kind=AppellationKind.REGISTERED, appellation="Crashpartij", previous_seats=4),
    )


def _person(number: int) -> Candidate:
    return Candidate(
        key=f"k{number}",
        initials="A.B.",
        last_name=f"Persoon {number}",
        first_name="Anna" if number % 2 else "",
        gender=Gender.FEMALE if number % 3 else None,
        date_of_birth=date(1950 + number % 50, 1 + number % 12, 1 + number % 28),
        locality="Zwolle",
        bsn=f"{number:09d}",
        correspondence=PostalAddress(f"Straat {number}", "8011 AA", "Zwolle"),
        settlement_areas=("Zwolle",) if number % 7 == 0 else (),
    )


Step = tuple[str, object]
"""The store call of one step: (method name, argument)."""


def next_state(state: Nomination, number: int) -> tuple[Nomination, Step]:
    """The state after step ``number`` and the store call that makes it."""
    kind = number % 10
    persons = state.candidates
    if kind == 4 and persons:
        changed = dataclasses.replace(persons[number % len(persons)], locality=f"plaats {number}")
        new = tuple(changed if p.key == changed.key else p for p in persons)
        return dataclasses.replace(state, candidates=new), ("put_candidate", changed)
    if kind == 7 and persons:
        keys = tuple(p.key for p in persons)[-80:]
        members = keys if number % 2 else tuple(reversed(keys))
        kieskringen = tuple(str(1 + (number + i) % 20) for i in range(1 + number % 3))
        new_list = CandidateList(f"lijst-{number % 3}", kieskringen, members, bool(number % 2))
        lists = tuple(new_list if lst.key == new_list.key else lst for lst in state.lists)
        if new_list not in lists:
            lists = (*lists, new_list)
        return dataclasses.replace(state, lists=lists), ("put_list", new_list)
    if kind in {9, 0}:
        election = dataclasses.replace(state.election, name=f"stand {number}")
        new_state = dataclasses.replace(state, election=election)
        return new_state, ("save", new_state)
    if (kind == 8 or len(persons) >= MAX_PERSONS) and persons:
        gone = persons[0].key
        lists = tuple(
            dataclasses.replace(lst, candidates=tuple(k for k in lst.candidates if k != gone))
            for lst in state.lists
        )
        return (
            dataclasses.replace(state, candidates=persons[1:], lists=lists),
            ("remove_candidate", gone),
        )
    person = _person(number)
    return dataclasses.replace(state, candidates=(*persons, person)), ("put_candidate", person)


def write_for_ever(path: Path, start: int) -> None:
    """Apply steps for ever, reporting each committed step on stdout."""
    project = ProjectFile.open(path)
    state = project.load()
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    number = start
    while True:
        number += 1
        state, (method, argument) = next_state(state, number)
        getattr(project, method)(argument)
        sys.stdout.write(f"{number}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve(Path(sys.argv[1]), write_for_ever)
