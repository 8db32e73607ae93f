"""Benchmark: the .kandidaat project file for a Tweede Kamer party at full size.

20 kieskringen with a list of 80 candidates each: 1 600 persons in the address
book and 20 lists. Times create, load, save (replace everything) and
put_candidate (one edit, one durable transaction), and reads the same rows
with a bare ``sqlite3`` SELECT of every table, so the cost of building the
domain records shows as a ratio. Prints figures; asserts nothing.

Usage: .venv/bin/python bench/bench_store.py [--repeat 5] [--edits 50] [--dir PATH]
"""

from __future__ import annotations

import argparse
import dataclasses
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from collections.abc import Callable

KIESKRINGEN = 20
PER_LIST = 80
TABLES = (
    "meta",
    "election",
    "kieskring",
    "party",
    "statutory_party",
    "submitter",
    "candidate",
    "settlement_area",
    "candidate_list",
    "list_kieskring",
    "list_member",
)


def tk_party() -> Nomination:
    """A TK party with a different list of 80 in each of the 20 kieskringen."""
    persons = tuple(
        Candidate(
            key=f"persoon-{n:04d}",
            initials="J.P.",
            first_name="Jan",
            prefix="van der" if n % 5 == 0 else "",
            last_name=f"Achternaam{n}",
            gender=Gender.MALE if n % 2 else Gender.FEMALE,
            date_of_birth=date(1950 + n % 50, 1 + n % 12, 1 + n % 28),
            locality="Utrecht",
            bsn=f"{n:09d}",
            correspondence=PostalAddress(f"Straatweg {n}", "3511 AA", "Utrecht"),
        )
        for n in range(KIESKRINGEN * PER_LIST)
    )
    lists = tuple(
        CandidateList(
            key=f"lijst-{k + 1}",
            kieskringen=(str(k + 1),),
            candidates=tuple(p.key for p in persons[k * PER_LIST : (k + 1) * PER_LIST]),
        )
        for k in range(KIESKRINGEN)
    )
    return Nomination(
        election=Election(
            body=Body.TK,
            identifier="TK2029",
            name="Tweede Kamer 2029",
            election_date=date(2029, 3, 21),
            seats=150,
            kieskringen=tuple(Kieskring(str(k), f"Kieskring {k}") for k in range(1, 21)),
        ),
        party=Party(kind=AppellationKind.REGISTERED, appellation="Benchpartij", previous_seats=20),
        candidates=persons,
        lists=lists,
    )


def _timed(action: Callable[[], object], repeat: int) -> float:
    """Median seconds of ``repeat`` calls of ``action``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_select(path: Path) -> int:
    """Every row of every table with plain sqlite3: the floor for load()."""
    connection = sqlite3.connect(path)
    try:
        return sum(
            len(connection.execute(f"SELECT * FROM {table}").fetchall())  # noqa: S608 - fixed names
            for table in TABLES
        )
    finally:
        connection.close()


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--dir", type=Path, default=None, help="where the file is written")
    args = parser.parse_args()
    nomination = tk_party()
    with tempfile.TemporaryDirectory(dir=args.dir) as directory:
        folder = Path(directory)
        counter = iter(range(1_000_000))

        def create() -> None:
            ProjectFile.create(folder / f"c{next(counter)}.kandidaat", nomination).close()

        create_s = _timed(create, args.repeat)
        path = folder / "tk.kandidaat"
        ProjectFile.create(path, nomination).close()
        rows = bare_select(path)
        bare_s = _timed(lambda: bare_select(path), args.repeat)
        with ProjectFile.open(path) as project:
            load_s = _timed(project.load, args.repeat)
            save_s = _timed(lambda: project.save(nomination), args.repeat)
            person = nomination.candidates[777]
            edits = [dataclasses.replace(person, locality=f"plaats {i}") for i in range(args.edits)]
            start = time.perf_counter()
            for edit in edits:
                project.put_candidate(edit)
            put_s = (time.perf_counter() - start) / args.edits
        open_s = _timed(lambda: ProjectFile.open(path).close(), args.repeat)
        size = path.stat().st_size
    print(f"TK party: {len(nomination.candidates)} persons, {len(nomination.lists)} lists")
    print(f"file size                    {size / 1024:8.0f} KiB ({rows} rows)")
    print(f"create (new file, all data)  {create_s * 1000:8.1f} ms")
    print(f"open (checks + lock)         {open_s * 1000:8.1f} ms")
    print(f"load (domain records)        {load_s * 1000:8.1f} ms")
    print(f"bare sqlite3 SELECT *        {bare_s * 1000:8.1f} ms")
    print(f"save (replace everything)    {save_s * 1000:8.1f} ms")
    print(f"put_candidate (one edit)     {put_s * 1000:8.1f} ms")
    print(f"load / bare SELECT           {load_s / bare_s:8.1f} x")
    print(f"save / put_candidate         {save_s / put_s:8.1f} x")


if __name__ == "__main__":
    main()
