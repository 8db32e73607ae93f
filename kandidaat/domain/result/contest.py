"""From count totals and candidate lists to the seat engine's contest.

Kieswet art. P 5 - P 19a (versie 2026) work on the list totals (stemcijfers)
and the candidates' votes; this module only converts: the computation is the
one seat engine (:func:`kandidaat.domain.seats.allocate`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.domain.errors import InputError
from kandidaat.domain.seats import Body, Candidate, Contest, PartyList, SubList

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from kandidaat.domain.election import AffiliationRecord, CandidateListsRecord
    from kandidaat.domain.result.totals import CountTotals, ListTotal

BODY_BY_CATEGORY = {
    "TK": Body.TK,
    "EK": Body.EK,
    "EP": Body.EP,
    "PS": Body.PS,
    "AB": Body.AB,
    "GR": Body.GR,
    "ER": Body.ER,
}


EK_REFUSED = (
    "de uitslag van de Eerste Kamer (EK) wordt niet uit de tellingen berekend: elke stem "
    "telt met de stemwaarde van zijn provincie of kiescollege (Kieswet art. U 2 en U 3, "
    "versie 2026), en die stemwaarden (inwoners en aantal statenleden) staan niet in de "
    "EML-bestanden; tellen zonder die gewichten gaf een verkeerde uitslag. Bereken de zetels "
    "met 'kandidaat seats' en de stemmen en stemwaarden per provincie ('provinces')"
)


def body_for(category: str) -> Body:
    """The body elected by an election of this EML category (TK, GR, ...).

    The Eerste Kamer is refused: Kieswet art. U 2 and U 3 (versie 2026) weigh
    every vote by the stemwaarde of its province or kiescollege, figures no
    count file carries (see docs/adr/0129).

    Raises:
        InputError: a category the seat engine does not know, or EK (Dutch message).
    """
    if category == Body.EK.value:
        raise InputError(EK_REFUSED)
    try:
        return BODY_BY_CATEGORY[category]
    except KeyError:
        raise InputError(
            f"verkiezingscategorie {category!r} wordt niet ondersteund (wel: "
            + ", ".join(BODY_BY_CATEGORY)
            + ")"
        ) from None


@dataclass(frozen=True, slots=True)
class Conversion:
    """The contest and what kept candidates from being named.

    ``findings`` are Dutch sentences: a list or candidate in the count that is
    not on the candidate lists, a list without candidate lists. When there are
    findings the lists concerned take part with their number of candidates
    only, so the list seats are still computed.
    """

    contest: Contest
    findings: tuple[str, ...]
    named: bool


def to_contest(
    body: Body,
    seats: int,
    totals: CountTotals,
    candidate_lists: CandidateListsRecord | None,
    name: str = "",
    lists_source: str = "",
) -> Conversion:
    """The contest of one election from its totals and (optionally) its candidate lists.

    Kieswet art. P 5 (versie 2026): the stemcijfer of a list is its total; art.
    P 15: a candidate's votes are those counted on his name. A count whose lists
    or candidates are not on the candidate lists is reported, never skipped;
    given the 230b's file name (``lists_source``), the finding names it and the
    count file(s).
    """
    conversion = _to_contest(body, seats, totals, candidate_lists, name)
    if not conversion.findings or not lists_source:
        return conversion
    where = f"{_files(totals)} tegen {lists_source}"
    findings = tuple(f"{where}: {finding}" for finding in conversion.findings)
    return Conversion(conversion.contest, findings, conversion.named)


def _to_contest(
    body: Body,
    seats: int,
    totals: CountTotals,
    candidate_lists: CandidateListsRecord | None,
    name: str,
) -> Conversion:
    findings: list[str] = []
    affiliations: dict[int, AffiliationRecord] = {}
    if candidate_lists is not None:
        affiliations = {a.number: a for a in candidate_lists.affiliations if a.number is not None}
        counted = {item.number for item in totals.lists}
        findings.extend(
            f"lijst {number} ({a.name}) staat op de kandidatenlijsten maar niet in de telling"
            for number, a in sorted(affiliations.items())
            if number not in counted
        )
    lists: list[PartyList] = []
    for item in totals.lists:
        affiliation = affiliations.get(item.number)
        if affiliation is None:
            if candidate_lists is not None:
                findings.append(
                    f"lijst {item.number} ({item.name}) staat niet op de kandidatenlijsten"
                )
            lists.append(_unnamed_list(item))
            continue
        problems = _candidate_problems(item, affiliation)
        if problems:
            findings.extend(problems)
            lists.append(_unnamed_list(item))
            continue
        lists.append(_named_list(item, affiliation))
    contest = Contest(body, seats, tuple(lists), name)
    named = candidate_lists is not None and not findings
    return Conversion(contest, tuple(findings), named)


def _candidate_problems(item: ListTotal, affiliation: AffiliationRecord) -> list[str]:
    known = {c.position for c in affiliation.candidates}
    counted = {position for position, _ in item.candidates}
    problems = [
        f"lijst {item.number}: kandidaat {position} staat niet op de kandidatenlijst "
        f"(die heeft {len(known)} kandidaten)"
        for position in sorted(counted - known)
    ]
    if item.by_short_code and not item.candidates:
        problems.append(
            f"lijst {item.number}: de kandidaten zijn alleen met hun ShortCode geteld; "
            "koppelen aan de kandidatenlijst per kieskring kan nog niet"
        )
    total = sum(votes for _, votes in item.candidates)
    if item.candidates and total != item.votes:
        problems.append(
            f"lijst {item.number}: de stemmen op de kandidaten ({total}) tellen niet op tot "
            f"het stemcijfer van de lijst ({item.votes})"
        )
    return problems


def _named_list(item: ListTotal, affiliation: AffiliationRecord) -> PartyList:
    votes = dict(item.candidates)
    candidates = tuple(
        Candidate(
            position=record.position,
            name=record.display_name,
            votes=votes.get(record.position, 0),
            key=record.short_code or "",
        )
        for record in sorted(affiliation.candidates, key=lambda c: c.position)
    )
    return PartyList(item.number, affiliation.name or item.name, item.votes, candidates)


def _unnamed_list(item: ListTotal) -> PartyList:
    count = max(len(item.candidates), len(item.by_short_code))
    return PartyList(item.number, item.name, item.votes, candidate_count=count)


def _kieskring_number(contest_id: str) -> int | None:
    return int(contest_id) if contest_id.isascii() and contest_id.isdigit() else None


HSB_PREFIX = "HSB"
"""A 510d of a multi-kieskring election has one block per hoofdstembureau: HSB1, HSB2, ..."""


def kieskringen_of_510d(blocks: Sequence[tuple[str, CountTotals]]) -> dict[str, CountTotals]:
    """The totals per kieskring of a 510d from its HSB blocks ("HSB3" is kieskring 3).

    In these blocks the candidates carry their list position in that kieskring
    and their ShortCode (eml.md section 5.7): what links them to the 230b of
    the kieskring. Blocks of another kind (municipalities) give nothing.
    """
    result: dict[str, CountTotals] = {}
    for unit_id, totals in blocks:
        number = unit_id.removeprefix(HSB_PREFIX)
        if unit_id.startswith(HSB_PREFIX) and _kieskring_number(number) is not None:
            result[str(int(number))] = totals
    return result


MAX_NAMED_FILES = 3
"""A message names at most this many count files of a kieskring (a TK kieskring has 30+)."""


def _files(totals: CountTotals) -> str:
    names = list(totals.sources[:MAX_NAMED_FILES])
    rest = len(totals.sources) - len(names)
    return ", ".join(names) + (f" en {rest} andere" if rest > 0 else "")


def to_kieskring_contest(
    body: Body,
    seats: int,
    per_kieskring: dict[str, CountTotals],
    candidate_lists: dict[str, CandidateListsRecord],
    name: str = "",
    list_sources: Mapping[str, str] | None = None,
) -> Conversion:
    """The contest of a multi-kieskring election from the totals and 230b per kieskring.

    Kieswet art. P 2 (versie 2026): identical lists with the same appellation in
    several kieskringen (a stel gelijkluidende lijsten) count as one list, their
    list and candidate votes added up; art. P 3: lists with the same appellation
    that differ form a lijstengroep, one list for the seats, divided over its
    lists by P 12 - P 16 in the engine. The appellation is known by its list
    number, the same in every kieskring. Inside a kieskring a candidate is his
    list position; across kieskringen he is his ShortCode (from the 230b, or
    from the 510d's block of the kieskring; eml.md section 7), and only without
    any ShortCode his name as the 230b writes it. A count whose candidates are
    not on the 230b of its kieskring is a finding naming both files; the
    candidates are then not named. ``list_sources`` names the 230b files.
    """
    sources = dict(list_sources or {})
    findings: list[str] = []
    missing = sorted(set(per_kieskring) - set(candidate_lists))
    findings.extend(
        f"kieskring {k}: de telling is gegeven maar de kandidatenlijsten (230b) niet"
        for k in missing
    )
    bad = [k for k in per_kieskring if _kieskring_number(k) is None]
    findings.extend(f"kieskring {k!r}: geen kieskringnummer" for k in bad)
    numbers = sorted({item.number for totals in per_kieskring.values() for item in totals.lists})
    lists: list[PartyList] = []
    for number in numbers:
        party, problems = _group_list(number, per_kieskring, candidate_lists, sources)
        findings.extend(problems)
        lists.append(party)
    if findings:
        total = _summed_unnamed(numbers, per_kieskring)
        return Conversion(Contest(body, seats, total, name), tuple(findings), named=False)
    return Conversion(Contest(body, seats, tuple(lists), name), (), named=True)


def _summed_unnamed(
    numbers: list[int], per_kieskring: dict[str, CountTotals]
) -> tuple[PartyList, ...]:
    result = []
    for number in numbers:
        items = [t.list_by_number(number) for t in per_kieskring.values()]
        present = [i for i in items if i is not None]
        count = max(max(len(i.candidates), len(i.by_short_code)) for i in present)
        result.append(
            PartyList(
                number,
                present[0].name,
                sum(i.votes for i in present),
                candidate_count=count,
            )
        )
    return tuple(result)


def _code_problems(item: ListTotal, affiliation: AffiliationRecord, where: str) -> list[str]:
    """A count's ShortCode that differs from the 230b's at the same list position."""
    on_list = {c.position: c for c in affiliation.candidates}
    problems = []
    for position, code in item.codes:
        record = on_list.get(position)
        if record is not None and record.short_code and record.short_code != code:
            problems.append(
                f"{where}: lijst {item.number}, kandidaat {position} heeft in de telling "
                f"ShortCode {code}, op de kandidatenlijst {record.short_code} "
                f"({record.display_name})"
            )
    return problems


def _keys(item: ListTotal, affiliation: AffiliationRecord) -> dict[int, str]:
    """The key of each candidate across kieskringen: ShortCode, else the name."""
    counted = dict(item.codes)
    return {
        c.position: c.short_code or counted.get(c.position) or c.display_name
        for c in affiliation.candidates
    }


def _group_list(
    number: int,
    per_kieskring: dict[str, CountTotals],
    candidate_lists: dict[str, CandidateListsRecord],
    sources: dict[str, str],
) -> tuple[PartyList, list[str]]:
    problems: list[str] = []
    stellen: dict[tuple[str, ...], list[tuple[int, ListTotal, AffiliationRecord]]] = {}
    keys: dict[int, dict[int, str]] = {}
    name = ""
    for kieskring, totals in sorted(per_kieskring.items()):
        item = totals.list_by_number(number)
        records = candidate_lists.get(kieskring)
        kieskring_number = _kieskring_number(kieskring)
        if item is None or records is None or kieskring_number is None:
            continue
        lists_file = sources.get(kieskring, "de kandidatenlijsten")
        where = f"kieskring {kieskring} ({_files(totals)} tegen {lists_file})"
        affiliation = next((a for a in records.affiliations if a.number == number), None)
        if affiliation is None:
            problems.append(
                f"{where}: lijst {number} ({item.name}) staat niet op de "
                "kandidatenlijsten van die kieskring"
            )
            continue
        problems.extend(f"{where}: {p}" for p in _candidate_problems(item, affiliation))
        problems.extend(_code_problems(item, affiliation, where))
        name = name or affiliation.name or item.name
        keys[kieskring_number] = _keys(item, affiliation)
        key = tuple(
            keys[kieskring_number][c.position]
            for c in sorted(affiliation.candidates, key=lambda c: c.position)
        )
        stellen.setdefault(key, []).append((kieskring_number, item, affiliation))
    if problems or not stellen:
        return PartyList(number, name, 0), problems
    sublists = []
    ordered = sorted(stellen.values(), key=lambda members: min(k for k, _, _ in members))
    for index, members in enumerate(ordered, 1):
        votes: dict[int, int] = {}
        for _, item, _ in members:
            for position, count in item.candidates:
                votes[position] = votes.get(position, 0) + count
        first, _, affiliation = members[0]
        candidates = tuple(
            Candidate(
                position=record.position,
                name=record.display_name,
                votes=votes.get(record.position, 0),
                key=keys[first][record.position],
            )
            for record in sorted(affiliation.candidates, key=lambda c: c.position)
        )
        sublists.append(
            SubList(
                number=index,
                kieskringen=tuple(sorted(k for k, _, _ in members)),
                candidates=candidates,
                votes=sum(item.votes for _, item, _ in members),
            )
        )
    total = sum(s.votes for s in sublists)
    if len(sublists) == 1:
        return PartyList(number, name, total, sublists[0].candidates), []
    return PartyList(number, name, total, sublists=tuple(sublists)), []
