"""From count totals and candidate lists to the seat engine's contest.

Kieswet art. P 5 - P 19a (versie 2026) work on the list totals (stemcijfers)
and the candidates' votes; this module only converts: the computation is the
one seat engine (:func:`kandidaat.domain.seats.allocate`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.domain.errors import InputError
from kandidaat.domain.seats import Body, Candidate, Contest, PartyList

if TYPE_CHECKING:
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


def body_for(category: str) -> Body:
    """The body elected by an election of this EML category (TK, GR, ...).

    Raises:
        InputError: a category the seat engine does not know (Dutch message).
    """
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
) -> Conversion:
    """The contest of one election from its totals and (optionally) its candidate lists.

    Kieswet art. P 5 (versie 2026): the stemcijfer of a list is its total; art.
    P 15: a candidate's votes are those counted on his name. A count whose lists
    or candidates are not on the candidate lists is reported, never skipped.
    """
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
