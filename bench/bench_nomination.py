"""Benchmark: a large TK party (20 kieskringen x 80 candidates), each row against its own floor.

Issue 16: "export of 20 EML 210 16x, checks 8x a bare sqlite3 query - name a fair
reference for each row (the checks and the export do not touch sqlite) and reach 2x
of it". Builds a fictitious Tweede Kamer party with a different list of 80
candidates in each of the 20 kieskringen (1 600 persons), writes it as a
``.kandidaat`` project and measures four rows. Each row is timed alternately with
its own reference, in the same run, best of ``--repeat`` (ADR 0141):

1. **open + load**: ``ProjectFile.open`` + ``load``. Reference: one bare ``sqlite3``
   connection reading every row of the ten tables ``load`` reads (election,
   kieskring, party, statutory_party, submitter, candidate, settlement_area,
   candidate_list, list_kieskring, list_member), each row turned into a plain dict.
   Opening does more on purpose (ADR 0035): the header check, an integrity check
   and a trial read of the whole nomination through a read-only connection before
   the writable connection takes its lock, so a damaged file is refused unchanged;
   the nomination is therefore read twice.
2. **save**: ``ProjectFile.save`` of the whole nomination on a project already open
   (opening is row 1). Reference: a bare ``sqlite3`` file with the same schema (its
   ``CREATE`` statements copied from the project file at run time) and the same
   rows; in one transaction every table is emptied and the same rows are put back
   with ``executemany``; sqlite3's defaults are the project's journal (DELETE) and
   synchronous (FULL), so both commits are equally durable.
3. **checks**: ``run_checks`` as on 1 August 2025. Reference: the floor any checker
   must do, written plainly here (:func:`checks_floor`): one pass over every
   candidate of every list computing the same kinds of facts the checks report:
   the identity key used to find a person on two lists (BSN, else name and date of
   birth), the age on election day from the date of birth, the length of every
   name field and its characters with one precompiled regex, the eleven test of
   the BSN, and the number of candidates per list. It makes no messages, no
   findings and no distinction of which rule failed, so no checker can do less and
   still answer the questions the checks answer: it is a floor, not a rival.
4. **export**: ``export_all_210`` (20 files). Two references, both building the same
   20 files' content as a bare lxml tree from the candidates in memory (the same
   elements, attributes and text for each candidate as our 210, no records, no
   checks) and writing each with ``Path.write_bytes``: **tostring** serialises with
   ``etree.tostring``; **C14N** serialises as Canonical XML 1.0 with comments,
   which our files are (the hash code on the H 1 is the SHA-256 of the file). The
   goal uses the C14N reference: a 210 that is not canonical is not our output.
   The C14N reference's bytes are compared with ours and the bench says whether
   they are the same (then the reference is exactly as much XML as ours). Our
   export also writes atomically (temporary file, fsync, rename; one fsync of the
   folder after the last file, ADR 0141); the references do not, and the bench
   prints what that durable writing of the same bytes costs by itself (written
   plainly with ``os``), so the ratio can be read without it.

Goal: every row at most **2.0x** its reference. Usage:
.venv/bin/python bench/bench_nomination.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import sqlite3
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from kandidaat.app.nomination.eml_files import export_all_210, file_name_210
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
from kandidaat.eml.namespaces import C14N_WITH_COMMENTS, NSMAP, ds, e, kr, xal, xnl
from kandidaat.store.project import ProjectFile

if TYPE_CHECKING:
    from collections.abc import Callable

GOAL = 2.0
"""Every row at most 2.0x its own reference."""
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


def alternate(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Best wall-clock time of each, measured alternately ``repeat`` times."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for index, action in enumerate((first, second)):
            gc.collect()
            start = time.perf_counter()
            action()
            best[index] = min(best[index], time.perf_counter() - start)
    return best[0], best[1]


LOADED_TABLES = (
    "election", "kieskring", "party", "statutory_party", "submitter", "candidate",
    "settlement_area", "candidate_list", "list_kieskring", "list_member",
)  # fmt: skip
"""The tables ``ProjectFile.load`` reads (``meta`` is not part of the nomination)."""


def bare_read(path: Path) -> dict[str, list[dict[str, object]]]:
    """Reference of open + load: every row of the loaded tables as a plain dict."""
    connection = sqlite3.connect(path)
    try:
        tables = {}
        for table in LOADED_TABLES:
            cursor = connection.execute(f"SELECT * FROM {table} ORDER BY rowid")  # noqa: S608 - fixed names
            columns = [column[0] for column in cursor.description]
            tables[table] = [dict(zip(columns, row, strict=True)) for row in cursor]
    finally:
        connection.close()
    return tables


def bare_copy(project: Path, copy: Path) -> dict[str, tuple[str, list[tuple[object, ...]]]]:
    """A bare sqlite3 file with the project's schema (copied at run time) and its rows.

    Returns per table the INSERT statement and the rows, for :func:`bare_save`.
    """
    source = sqlite3.connect(project)
    target = sqlite3.connect(copy, isolation_level=None)
    try:
        schema = source.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        ).fetchall()
        for (statement,) in schema:
            target.execute(statement)
        rows = {}
        for table in LOADED_TABLES:
            cursor = source.execute(f"SELECT * FROM {table} ORDER BY rowid")  # noqa: S608 - fixed names
            marks = ", ".join("?" for _ in cursor.description)
            rows[table] = (f"INSERT INTO {table} VALUES ({marks})", cursor.fetchall())  # noqa: S608
            target.executemany(rows[table][0], rows[table][1])
    finally:
        source.close()
        target.close()
    return rows


def bare_save(copy: Path, rows: dict[str, tuple[str, list[tuple[object, ...]]]]) -> None:
    """Reference of save: empty every table and put the same rows back, one transaction."""
    connection = sqlite3.connect(copy, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        for table in reversed(LOADED_TABLES):
            connection.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
        for statement, values in rows.values():
            connection.executemany(statement, values)
        connection.execute("COMMIT")
    finally:
        connection.close()


_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|[ '’.-])*")
"""Letters, then letters, spaces, hyphens, apostrophes and dots: a plain name."""
_NAME_MAX = 100


def checks_floor(nomination: Nomination, election_day: date) -> int:
    """Reference of run_checks: one plain pass computing the same kinds of facts.

    For every candidate of every list: the identity key (BSN, else last name,
    initials and date of birth) collected over the lists, the age on election day,
    the length and the characters of the four name fields (one precompiled regex),
    the eleven test of the BSN; per list the number of candidates. Returns how many
    facts were remarkable (a person on two lists, younger than 18, a name not plain
    or too long, a BSN failing the test, a list over 80).
    """
    by_key = {candidate.key: candidate for candidate in nomination.candidates}
    lists_of: dict[object, set[str]] = {}
    remarkable = 0
    for candidate_list in nomination.lists:
        if len(candidate_list.candidates) > PER_LIST:
            remarkable += 1
        for key in candidate_list.candidates:
            person = by_key[key]
            born = person.date_of_birth
            identity = person.bsn or (person.last_name.casefold(), person.initials, born)
            lists_of.setdefault(identity, set()).add(candidate_list.key)
            if born is not None:
                age = election_day.year - born.year
                if (election_day.month, election_day.day) < (born.month, born.day):
                    age -= 1
                remarkable += age < 18
            for name in (person.initials, person.prefix, person.last_name, person.first_name):
                if len(name) > _NAME_MAX or (name and _NAME.fullmatch(name) is None):
                    remarkable += 1
            digits = person.bsn
            if len(digits) == 9 and digits.isdigit():
                total = sum(
                    int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True)
                )
                remarkable += total % 11 != 0
            else:
                remarkable += 1
    return remarkable + sum(len(found) > 1 for found in lists_of.values())


def _el(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    child = etree.SubElement(parent, tag, attributes)
    if text is not None:
        child.text = text
    return child


def _name(
    parent: etree._Element, initials: str, last: str, first: str = "", prefix: str = ""
) -> None:
    person = _el(parent, xnl("PersonName"))
    _el(person, xnl("NameLine"), initials, NameType="Initials")
    if first:
        _el(person, xnl("FirstName"), first)
    if prefix:
        _el(person, xnl("NamePrefix"), prefix)
    _el(person, xnl("LastName"), last)


def _mail(parent: etree._Element, address: PostalAddress) -> None:
    locality = _el(_el(_el(parent, e("Contact")), e("MailingAddress")), xal("Locality"))
    _el(locality, xal("AddressLine"), address.street)
    _el(locality, xal("LocalityName"), address.locality)
    _el(_el(locality, xal("PostalCode")), xal("PostalCodeNumber"), address.postal_code)


def bare_210(nomination: Nomination, created: datetime) -> list[etree._Element]:  # noqa: PLR0915 - one plain tree
    """Reference of the export: the 20 files' content as bare lxml trees.

    The same elements, attributes and text as our 210 for this party, straight from
    the candidates in memory: no records, no checks, no list structure computed
    (every list here is a lijstengroep list; the nomination day of 29 October 2025
    was 15 September 2025).
    """
    election = nomination.election
    by_key = {candidate.key: candidate for candidate in nomination.candidates}
    names = {k.number: k.name for k in election.kieskringen}
    party = nomination.party
    trees = []
    for candidate_list in nomination.lists:
        root = etree.Element(e("EML"), {"Id": "210", "SchemaVersion": "5"}, nsmap=NSMAP)  # type: ignore[arg-type]
        _el(root, e("TransactionId"), "1")
        _el(root, e("IssueDate"), created.date().isoformat())
        _el(root, kr("CreationDateTime"), created.strftime("%Y-%m-%dT%H:%M:%S.000"))
        _el(root, ds("CanonicalizationMethod"), Algorithm=C14N_WITH_COMMENTS)
        node = _el(root, e("Nomination"))
        ident = _el(node, e("ElectionIdentifier"), Id=election.identifier)
        _el(ident, e("ElectionName"), election.name)
        _el(ident, e("ElectionCategory"), "TK")
        _el(ident, kr("ElectionSubcategory"), "TK")
        _el(ident, kr("ElectionDate"), election.election_date.isoformat())
        _el(ident, kr("NominationDate"), "2025-09-15")
        number = candidate_list.kieskringen[0]
        _el(_el(node, e("ContestIdentifier"), Id=number), e("ContestName"), names[number])
        affiliation = _el(node, e("Affiliation"))
        _el(_el(affiliation, e("AffiliationIdentifier")), e("RegisteredName"), party.appellation)
        _el(affiliation, e("Type"), "lijstengroep")
        data = _el(affiliation, kr("ListData"), PublicationLanguage="nl", PublishGender="true")
        _el(_el(data, kr("Contests")), kr("Contest"), Id=number)
        for position, key in enumerate(candidate_list.candidates, start=1):
            person = by_key[key]
            item = _el(affiliation, e("Candidate"))
            _el(item, e("CandidateIdentifier"), Id=str(position))
            _name(
                _el(item, e("CandidateFullName")),
                person.initials,
                person.last_name,
                person.first_name,
                person.prefix,
            )
            if person.date_of_birth is not None:
                _el(item, e("DateOfBirth"), person.date_of_birth.isoformat())
            _el(item, e("Gender"), "male" if person.gender is Gender.MALE else "female")
            qualifying = _el(item, e("QualifyingAddress"))
            if person.country_code != "NL":
                qualifying = _el(qualifying, xal("Country"))
                _el(qualifying, xal("CountryNameCode"), person.country_code)
            _el(_el(qualifying, xal("Locality")), xal("LocalityName"), person.locality)
            if person.correspondence is not None:
                _mail(item, person.correspondence)
            if person.agent is not None:
                agent = _el(item, e("Agent"), Role="H10")
                _name(
                    _el(_el(agent, e("AgentIdentifier")), e("AgentName")),
                    person.agent.initials,
                    person.agent.last_name,
                )
                _mail(agent, person.agent.address)
                living = _el(agent, kr("LivingAddress"))
                _el(living, kr("LocalityName"), person.agent.address.locality)
            _el(item, kr("NationalIdentificationNumber"), person.bsn)
        nominate = _el(node, e("Nominate"))
        people = [(party.submitter, "inleveraar", None)]
        people += [
            (someone, "plaatsvervanger van de inleveraar", str(n))
            for n, someone in enumerate(party.substitutes, start=1)
        ]
        for someone, role, number_text in people:
            if someone is None:
                continue
            proposer = _el(nominate, e("Proposer"))
            _name(_el(proposer, e("Name")), someone.initials, someone.last_name)
            _mail(proposer, someone.address)
            _el(proposer, e("JobTitle"), role)
            if number_text is not None:
                _el(proposer, e("Id"), number_text)
        trees.append(root)
    return trees


def bare_export(
    nomination: Nomination, folder: Path, created: datetime, *, canonical: bool
) -> list[bytes]:
    """Build the bare trees, serialise (tostring or C14N), write each plainly."""
    folder.mkdir(exist_ok=True)
    written = []
    for candidate_list, root in zip(nomination.lists, bare_210(nomination, created), strict=True):
        if canonical:
            data: bytes = etree.tostring(etree.ElementTree(root), method="c14n", with_comments=True)
        else:
            data = etree.tostring(root, encoding="UTF-8")
        (folder / file_name_210(nomination, candidate_list)).write_bytes(data)
        written.append(data)
    return written


def durable_write(folder: Path, files: list[bytes]) -> None:
    """What our atomic writing costs by itself, written plainly with ``os``.

    Each file: a temporary file, write, fsync, rename; then one fsync of the folder
    (as ``export_all_210`` does since ADR 0141).
    """
    folder.mkdir(exist_ok=True)
    for index, data in enumerate(files):
        temporary = folder / f".{index}.tmp"
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(folder / f"{index}.eml.xml")
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def verdict(ratio: float) -> str:
    """The goal line's last word."""
    return "holds" if ratio <= GOAL else "DOES NOT HOLD"


def main() -> None:
    """Build the party, measure each row alternately with its reference, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    nomination = tk_party()
    moment = datetime(2025, 9, 1, 12, 0).astimezone()
    rows: list[tuple[str, float, str, float]] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "tk-partij.kandidaat"
        ProjectFile.create(path, nomination).close()

        def open_and_load() -> Nomination:
            with ProjectFile.open(path) as project:
                return project.load()

        if open_and_load() != nomination:
            raise SystemExit("the project read back differs from what was saved")
        ours, reference = alternate(open_and_load, lambda: bare_read(path), args.repeat)
        rows.append(("open + load project", ours, "bare sqlite3 read into dicts", reference))

        copy = folder / "bare.sqlite"
        copied = bare_copy(path, copy)
        with ProjectFile.open(path) as project:
            ours, reference = alternate(
                lambda: project.save(nomination), lambda: bare_save(copy, copied), args.repeat
            )
        rows.append(("save whole project", ours, "bare sqlite3 executemany", reference))

        ours, reference = alternate(
            lambda: run_checks(nomination, today=CHECK_DAY),
            lambda: checks_floor(nomination, nomination.election.election_date),
            args.repeat,
        )
        rows.append(("all checks (run_checks)", ours, "one plain pass (checks_floor)", reference))
        findings = run_checks(nomination, today=CHECK_DAY)

        exported = folder / "eml"
        ours, plain = alternate(
            lambda: export_all_210(nomination, exported, created=moment),
            lambda: bare_export(nomination, folder / "plain", moment, canonical=False),
            args.repeat,
        )
        again, canonical = alternate(
            lambda: export_all_210(nomination, exported, created=moment),
            lambda: bare_export(nomination, folder / "c14n", moment, canonical=True),
            args.repeat,
        )
        ours = min(ours, again)
        rows.append(("export 20 x EML 210", ours, "bare lxml tree, C14N", canonical))
        ours_bytes = [p.read_bytes() for p in sorted(exported.iterdir())]
        bare_bytes = [p.read_bytes() for p in sorted((folder / "c14n").iterdir())]
        best_durable = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            durable_write(folder / "durable", ours_bytes)
            best_durable = min(best_durable, time.perf_counter() - start)
        size = path.stat().st_size
    print(
        f"TK party: {KIESKRINGEN} kieskringen x {PER_LIST} candidates = "
        f"{len(nomination.candidates)} persons; project file {size / 1024:.0f} KiB; "
        f"{len(findings)} findings; best of {args.repeat}, each row alternately with its "
        f"reference; goal <= {GOAL}x"
    )
    for row, seconds, label, base in rows:
        ratio = seconds / base
        print(
            f"  {row:<26} {seconds * 1000:8.1f} ms   reference ({label}) {base * 1000:7.1f} ms"
            f"   {ratio:5.2f}x   {verdict(ratio)}"
        )
    print(
        f"  {'':<26} {'':>8}      reference (bare lxml tree, tostring) {plain * 1000:7.1f} ms"
        f"   {ours / plain:5.2f}x   (not the goal: our files are canonical)"
    )
    print(
        f"  export: the C14N reference wrote the same bytes as ours: "
        f"{'yes' if bare_bytes == ours_bytes else 'NO'}; durable writing (temporary file, "
        f"fsync, rename; one fsync of the folder) of those 20 files alone: "
        f"{best_durable * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
