"""The use case of ``kandidaat uitslag``: from the files to seats, elected and differences."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kandidaat.app.exitcodes import (
    EXIT_BAD_INPUT,
    EXIT_FINDINGS,
    EXIT_LOTS_REQUIRED,
    EXIT_OK,
)
from kandidaat.app.result.files import CountFile, ElectionFiles, read_files
from kandidaat.domain.election import CandidateListsRecord, ElectionIdentifier
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.result.compare import Difference, compare_levels
from kandidaat.domain.result.contest import (
    Conversion,
    body_for,
    kieskringen_of_510d,
    to_contest,
    to_kieskring_contest,
)
from kandidaat.domain.result.totals import CountTotals, add_totals
from kandidaat.domain.seats import Completed, Outcome, allocate

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path


MAX_SEATS = 1000


@dataclass(slots=True)
class ResultRun:
    """Everything ``kandidaat uitslag`` reports; ``errors`` stop it (exit 2)."""

    errors: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    election: ElectionIdentifier | None = None
    top_level: str = ""
    totals: CountTotals | None = None
    conversion: Conversion | None = None
    outcome: Outcome | None = None
    candidate_lists: CandidateListsRecord | None = None
    created: str = ""
    kieskring_lists: dict[str, CandidateListsRecord] = field(default_factory=dict)
    """The 230b per kieskring a result over several kieskringen was named from."""

    @property
    def exit_code(self) -> int:
        """2 bad input, 3 a lot is needed, 1 differences or findings, 0 a clean result."""
        if self.errors or self.outcome is None:
            return EXIT_BAD_INPUT
        if not isinstance(self.outcome, Completed):
            return EXIT_LOTS_REQUIRED
        if self.findings or self.differences:
            return EXIT_FINDINGS
        return EXIT_OK


def municipality_code(unit_id: str) -> str:
    """The municipality of a 510c reporting unit id ("0518" or "HSB3::0518")."""
    return unit_id.rsplit("::", 1)[-1]


def _check_complete(
    parts: Sequence[CountFile], upper: CountFile, what: str, run: ResultRun
) -> None:
    """Name every reporting unit of ``upper`` for which no file of ``parts`` was given."""
    given = {part.authority_id for part in parts}
    seen: set[str] = set()
    for part in parts:
        if part.authority_id in seen:
            run.errors.append(
                f"{part.source}: {what} {part.authority_name} ({part.authority_id}) is "
                "meer dan eens gegeven"
            )
        seen.add(part.authority_id)
    for unit_id, unit_name in zip(upper.unit_ids, upper.unit_names, strict=True):
        if municipality_code(unit_id) not in given:
            run.findings.append(
                f"{what} {unit_name} ({municipality_code(unit_id)}) ontbreekt: "
                f"{upper.source} telt die wel mee"
            )
    known = {municipality_code(unit_id) for unit_id in upper.unit_ids}
    run.findings.extend(
        f"{part.source}: {what} {part.authority_name} ({part.authority_id}) komt niet voor in "
        f"{upper.source}"
        for part in parts
        if upper.unit_ids and part.authority_id not in known
    )


def _compare(
    parts: Sequence[CountFile],
    lower: CountTotals | None,
    upper: CountFile,
    what: str,
    run: ResultRun,
) -> None:
    """Compare ``lower`` (the sum of ``parts``) with ``upper``; name what is missing."""
    if not parts or lower is None or upper.totals is None:
        return
    _check_complete(parts, upper, what, run)
    run.differences.extend(compare_levels([lower], upper.totals))


def _sum(files: Sequence[CountFile]) -> CountTotals | None:
    totals = [f.totals for f in files if f.totals is not None]
    return add_totals(totals) if totals else None


def _levels(files: ElectionFiles, run: ResultRun) -> CountTotals | None:
    """Compare the levels given and return the totals of the highest one."""
    municipal = files.level("510b")
    regional = files.level("510c")
    central = files.level("510d")
    if len(central) > 1:
        run.errors.append(
            "meer dan één totaaltelling (510d): " + ", ".join(c.source for c in central)
        )
        return None
    if not (regional or central):
        seen: dict[str, str] = {}
        for m in municipal:
            if m.authority_id in seen:
                run.errors.append(
                    f"{m.source}: gemeente {m.authority_name} ({m.authority_id}) is meer dan "
                    f"eens gegeven (ook in {seen[m.authority_id]})"
                )
            seen.setdefault(m.authority_id, m.source)
    for kieskring in regional:
        parts = [m for m in municipal if m.contest_id == kieskring.contest_id]
        lower = files.municipal_sum({kieskring.contest_id})
        _compare(parts, lower, kieskring, "gemeente", run)
    covered = {k.contest_id for k in regional}
    if central:
        if regional:
            _compare(regional, _sum(regional), central[0], "kieskring", run)
            loose = [m for m in municipal if m.contest_id not in covered]
            run.findings.extend(
                f"{m.source}: geen telling van kieskring {m.contest_id} (510c) gegeven om deze "
                "gemeente mee te vergelijken"
                for m in loose
            )
        else:
            _compare(municipal, files.municipal_sum(), central[0], "gemeente", run)
        run.top_level = "510d"
        return central[0].totals
    if regional:
        run.top_level = "510c"
        return _sum(regional)
    if municipal:
        run.top_level = "510b"
        return files.municipal_sum()
    run.errors.append("er is geen telling (510b, 510c of 510d) gegeven")
    return None


NATIONAL_CATEGORIES = {"TK", "EP", "EK"}
"""Elections whose result the centraal stembureau computes over several kieskringen."""


def _coverage(files: ElectionFiles, run: ResultRun) -> None:
    """Name the kieskringen of the 110a without a count, or say the coverage is unknown."""
    if run.top_level == "510d" or run.election is None:
        return
    given = {count.contest_id for count in files.counts}
    if files.definition is not None:
        kieskringen = {
            region.number: region.name
            for region in files.definition[1].regions
            if region.category == "KIESKRING" and region.number is not None
        }
        run.findings.extend(
            f"kieskring {number} ({name}) van {files.definition[0]} heeft geen telling: de "
            "uitslag telt alleen de gegeven kieskringen"
            for number, name in sorted(kieskringen.items(), key=lambda item: int(item[0]))
            if number not in given
        )
    elif run.election.category in NATIONAL_CATEGORIES:
        run.findings.append(
            f"een {run.election.category}-verkiezing telt over alle kieskringen: zonder de "
            "totaaltelling (510d) of de verkiezingsdefinitie (110a) is niet na te gaan of alle "
            "kieskringen en gemeenten zijn gegeven; dit is de uitslag van alleen de gegeven "
            "tellingen"
        )


def _one_election(files: ElectionFiles, run: ResultRun) -> None:
    ids: dict[str, str] = {}
    for count in files.counts:
        ids.setdefault(count.election.id, count.source)
    if files.definition is not None:
        ids.setdefault(files.definition[1].election.id, files.definition[0])
    if len(ids) > 1:
        run.errors.append(
            "de bestanden horen bij verschillende verkiezingen: "
            + ", ".join(f"{election} ({source})" for election, source in ids.items())
        )
    if files.counts:
        run.election = files.counts[0].election
    for source, lists in files.candidate_lists:
        if lists.election.id not in ids:
            run.findings.append(
                f"{source}: de kandidatenlijsten horen bij verkiezing {lists.election.id}, "
                f"de telling bij {', '.join(ids)}"
            )


def _seats(files: ElectionFiles, seats: int | None, run: ResultRun) -> int | None:
    defined = files.definition[1].seats if files.definition is not None else None
    if seats is not None and not 1 <= seats <= MAX_SEATS:
        run.errors.append(f"--zetels: het aantal zetels moet tussen 1 en {MAX_SEATS} liggen")
        return None
    if seats is not None and defined is not None and seats != defined:
        run.errors.append(
            f"--zetels {seats} verschilt van het aantal zetels {defined} in "
            f"{files.definition[0] if files.definition else ''}"
        )
        return None
    if seats is None:
        seats = defined
    if seats is None:
        run.errors.append(
            "het aantal zetels is niet bekend: het staat niet in de tellingen en de "
            "kandidatenlijsten; geef de verkiezingsdefinitie (110a) mee of --zetels N"
        )
    return seats


def _per_kieskring(files: ElectionFiles, run: ResultRun) -> dict[str, CountTotals] | None:
    """The totals per kieskring when counts and 230b of several kieskringen are given.

    From 510b or 510c, or the HSB blocks of a 510d: there the candidates are
    known by their list position in the kieskring (and in a 510d by ShortCode).
    """
    if run.top_level == "510b":
        sums = dict(files.municipal_sums)
    elif run.top_level == "510c":
        sums = {k.contest_id: k.totals for k in files.level("510c") if k.totals is not None}
    elif run.top_level == "510d" and files.candidate_lists:
        sums = kieskringen_of_510d(files.level("510d")[0].unit_totals) or {
            k.contest_id: k.totals for k in files.level("510c") if k.totals is not None
        }
    else:
        return None
    if not sums:
        return None
    lists = [lists for _, lists in files.candidate_lists]
    kieskringen = set(sums) | {item.contest_id for item in lists}
    if len(kieskringen) < 2 or not all(k.isascii() and k.isdigit() for k in kieskringen):
        return None
    if len({item.contest_id for item in lists}) != len(lists):
        run.errors.append(
            "de kandidatenlijsten (230b) van een kieskring zijn meer dan eens gegeven"
        )
        return None
    return sums


def _candidate_lists(
    files: ElectionFiles, totals: CountTotals, run: ResultRun
) -> CandidateListsRecord | None:
    del totals
    usable = [
        (source, lists)
        for source, lists in files.candidate_lists
        if run.election is not None and lists.election.id == run.election.id
    ]
    if not usable:
        run.findings.append(
            "zonder de kandidatenlijsten (230b) kunnen de gekozen kandidaten niet met naam "
            "worden aangewezen; alleen de zetels per lijst zijn berekend"
        )
        return None
    if len(usable) > 1:
        run.findings.append(
            "de voorkeurstemmen van kandidaten over meer kieskringen koppelen (via ShortCode) "
            "kan nog niet: alleen de zetels per lijst zijn berekend"
        )
        return None
    source, lists = usable[0]
    contests = {count.contest_id for count in files.counts}
    if run.top_level != "510d" and contests - {lists.contest_id}:
        run.findings.append(
            f"{source}: de kandidatenlijsten zijn van kieskring {lists.contest_id}, de "
            f"tellingen van {', '.join(sorted(contests))}"
        )
        return None
    return lists


def compute(paths: Iterable[Path], seats: int | None = None, lots: Sequence[int] = ()) -> ResultRun:
    """Read, compare the levels, convert and compute with the one seat engine."""
    files = read_files(paths)
    run = ResultRun(errors=list(files.errors))
    for count in files.counts:
        run.findings.extend(count.findings)
    _one_election(files, run)
    totals = _levels(files, run)
    _coverage(files, run)
    number = _seats(files, seats, run)
    if run.errors or totals is None or number is None or run.election is None:
        return run
    run.totals = totals
    try:
        body = body_for(run.election.category)
    except KandidaatError as error:
        run.errors.append(error.message)
        return run
    run.created = max((count.created for count in files.counts), default="")
    name = run.election.domain_name or run.election.name
    per_kieskring = _per_kieskring(files, run)
    if per_kieskring is not None:
        usable = {
            lists.contest_id: lists
            for _, lists in files.candidate_lists
            if lists.election.id == run.election.id
        }
        sources = {lists.contest_id: source for source, lists in files.candidate_lists}
        run.conversion = to_kieskring_contest(body, number, per_kieskring, usable, name, sources)
        run.kieskring_lists = usable
    else:
        lists = _candidate_lists(files, totals, run)
        run.candidate_lists = lists
        source = next((s for s, record in files.candidate_lists if record is lists), "")
        run.conversion = to_contest(body, number, totals, lists, name, source)
    run.findings.extend(run.conversion.findings)
    try:
        run.outcome = allocate(run.conversion.contest, lots)
    except KandidaatError as error:
        run.errors.append(error.message)
    return run
