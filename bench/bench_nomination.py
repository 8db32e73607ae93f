"""Benchmark: a large TK party (20 kieskringen x 80 candidates) - checks, opening, saving.

Builds a fictitious Tweede Kamer party with a different list of 80 candidates in
each of the 20 kieskringen (1 600 persons), writes it as a ``.kandidaat``
project and then measures, in one run:

- opening the project and loading the whole nomination (``ProjectFile.open`` + ``load``);
- saving the whole nomination again (``ProjectFile.save``, one transaction);
- all Kieswet checks (``run_checks``, as on 1 August 2025);
- exporting the 20 EML 210 files;
- as the baseline, reading the same rows with a bare ``sqlite3`` query
  (every candidate and every list member, no checks, no records).

Prints the median of the repeats in milliseconds and each figure as a multiple
of the bare query. Usage: .venv/bin/python bench/bench_nomination.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.app.nomination.eml_files import export_all_210
from kandidaat.domain.nomination.checks import run_checks
from kandidaat.domain.nomination.elections import tweede_kamer_election
from kandidaat.domain.nomination.model import (
    Agent,
    AppellationKind,
    Candidate,
    CandidateList,
    Gender,
    Nomination,
    Party,
    PostalAddress,
    StatutoryParty,
    Submitter,
)
from kandidaat.store.project import ProjectFile

if TYPE_CHECKING:
    from collections.abc import Callable

CHECK_DAY = date(2025, 8, 1)
"""The checks run as on this day: before nomination day, so no deadline has passed."""
KIESKRINGEN = 20
PER_LIST = 80
LAST_NAMES = (
    "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Çelik", "Đurić", "Wiśniewska", "Ødegård", "Nguyễn", "Yılmaz", "El Amrani", "Ramdin",
)  # fmt: skip
FIRST_NAMES = ("Anna", "Bram", "Chris", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Ivo", "Jet")
PLACES = ("Amsterdam", "Utrecht", "Zwolle", "Groningen", "Maastricht", "Leeuwarden", "Assen")


def _bsn(number: int) -> str:
    """A nine-digit number that passes the eleven test (fictitious, never issued)."""
    base = 10_000_000 + number * 37
    while True:
        digits = [int(d) for d in f"{base:08d}"]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return f"{base:08d}{check}"
        base += 1


def _person(rng: random.Random, number: int) -> Candidate:
    full = rng.choice(LAST_NAMES)
    prefix, _, last = full.rpartition(" ") if full.startswith(("de ", "van ")) else ("", "", full)
    first = rng.choice(FIRST_NAMES)
    abroad = number % 97 == 0
    return Candidate(
        key=f"p{number}",
        initials=f"{first[0]}.",
        last_name=last,
        prefix=prefix,
        first_name=first,
        gender=rng.choice((Gender.MALE, Gender.FEMALE)),
        date_of_birth=date(1950 + rng.randrange(55), 1 + rng.randrange(12), 1 + rng.randrange(28)),
        locality="Brussel" if abroad else rng.choice(PLACES),
        country_code="BE" if abroad else "NL",
        bsn=_bsn(number),
        correspondence=None if abroad else PostalAddress(f"Straat {number}", "1234 AB", "Utrecht"),
        agent=Agent("G.", "Gemachtigde", address=PostalAddress("Markt 1", "3511 AA", "Utrecht"))
        if abroad
        else None,
    )


def tk_party() -> Nomination:
    """20 lists of 80 different candidates for the 20 kieskringen of TK2025."""
    rng = random.Random(2025)
    election = tweede_kamer_election(date(2025, 10, 29))
    people = tuple(_person(rng, n) for n in range(1, KIESKRINGEN * PER_LIST + 1))
    lists = tuple(
        CandidateList(
            key=f"kieskring-{k.number}",
            kieskringen=(k.number,),
            candidates=tuple(people[index * PER_LIST + offset].key for offset in range(PER_LIST)),
            publish_gender=True,
        )
        for index, k in enumerate(election.kieskringen)
    )
    address = PostalAddress("Binnenhof 1", "2513 AA", "'s-Gravenhage")
    party = Party(
        kind=AppellationKind.REGISTERED,
        appellation="Benchmarkpartij",
        groups=(StatutoryParty("Vereniging Benchmarkpartij", "A. Gemachtigde", 20),),
        previous_seats=20,
        submitter=Submitter("I.", "Inleveraar", address=address),
        substitutes=(Submitter("V.", "Vervanger", address=address),),
    )
    return Nomination(election=election, party=party, candidates=people, lists=lists)


def timed(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``action`` in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_read(path: Path) -> int:
    """Every candidate row and list member with plain sqlite3: the baseline."""
    connection = sqlite3.connect(path)
    try:
        candidates = connection.execute("SELECT * FROM candidate ORDER BY position").fetchall()
        members = connection.execute(
            "SELECT list_key, position, candidate_key FROM list_member ORDER BY list_key, position"
        ).fetchall()
    finally:
        connection.close()
    return len(candidates) + len(members)


def main() -> None:
    """Build the party, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    nomination = tk_party()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tk-partij.kandidaat"
        ProjectFile.create(path, nomination).close()

        def open_and_load() -> Nomination:
            with ProjectFile.open(path) as project:
                return project.load()

        def save() -> None:
            with ProjectFile.open(path) as project:
                project.save(nomination)

        if open_and_load() != nomination:
            raise SystemExit("the project read back differs from what was saved")
        moment = datetime(2025, 9, 1, 12, 0).astimezone()
        figures = {
            "bare sqlite3 query (baseline)": timed(lambda: bare_read(path), args.repeat),
            "open + load project": timed(open_and_load, args.repeat),
            "save whole project": timed(save, args.repeat),
            "all checks (run_checks)": timed(
                lambda: run_checks(nomination, today=CHECK_DAY), args.repeat
            ),
            "export 20 x EML 210": timed(
                lambda: export_all_210(nomination, Path(folder) / "eml", created=moment),
                args.repeat,
            ),
        }
        findings = run_checks(nomination, today=CHECK_DAY)
        size = path.stat().st_size
    base = figures["bare sqlite3 query (baseline)"]
    print(
        f"TK party: {KIESKRINGEN} kieskringen x {PER_LIST} candidates = "
        f"{len(nomination.candidates)} persons; project file {size / 1024:.0f} KiB; "
        f"{len(findings)} findings; median of {args.repeat}"
    )
    for name, seconds in figures.items():
        print(f"  {name:<32} {seconds * 1000:9.1f} ms   {seconds / base:7.1f} x baseline")


if __name__ == "__main__":
    main()
