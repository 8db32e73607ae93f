"""Semantic checks of a count (EML 510) beyond what the XSD can say.

The paper proces-verbaal is leading; these checks find what a committee must look
at: candidate votes that do not add up to the list total, reporting units that do
not add up to the total, numbers out of order, and lists or candidates that do not
exist in the candidate lists (EML 230b) of the same election.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kandidaat.domain.election import CandidateListsRecord, CountRecord, VoteCounts


@dataclass(frozen=True, slots=True)
class CountFinding:
    """One problem in a count: a code for machines, a Dutch message, the line."""

    code: str
    message: str
    line: int | None = None


def check_counts(
    count: CountRecord, lists: CandidateListsRecord | None = None
) -> list[CountFinding]:
    """Every semantic problem of a count, in file order."""
    findings: list[CountFinding] = []
    if count.total is not None:
        findings += _check_block(count.total, "totaal")
    seen: set[str] = set()
    for unit in count.units:
        if unit.id in seen:
            findings.append(
                CountFinding("duplicate_unit", f"stembureau {unit.id} komt dubbel voor", unit.line)
            )
        seen.add(unit.id)
        findings += _check_block(unit.counts, f"stembureau {unit.id}")
    if count.total is not None and count.units:
        findings += _check_sum_of_units(count)
    if lists is not None:
        findings += _check_against_lists(count, lists)
    return findings


def _check_block(block: VoteCounts, where: str) -> list[CountFinding]:
    findings = []
    numbers = [item.number for item in block.lists]
    for previous, item in zip(numbers, block.lists[1:], strict=False):
        if item.number <= previous:
            findings.append(
                CountFinding(
                    "list_order",
                    f"{where}: lijst {item.number} staat na lijst {previous}; lijstnummers "
                    "moeten oplopen en uniek zijn",
                    item.line,
                )
            )
    for item in block.lists:
        positions = [p for p, _ in item.candidate_votes if p]
        if positions != sorted(set(positions)):
            findings.append(
                CountFinding(
                    "candidate_order",
                    f"{where}: de kandidaatnummers van lijst {item.number} zijn niet oplopend "
                    "of komen dubbel voor",
                    item.line,
                )
            )
        if item.candidate_votes and item.candidate_total != item.votes:
            findings.append(
                CountFinding(
                    "candidate_sum",
                    f"{where}: de stemmen op de kandidaten van lijst {item.number} "
                    f"({item.candidate_total}) tellen niet op tot het lijsttotaal ({item.votes})",
                    item.line,
                )
            )
    if block.total_counted != block.list_total:
        findings.append(
            CountFinding(
                "total_counted",
                f"{where}: het aantal geldige stemmen (TotalCounted {block.total_counted}) is niet "
                f"gelijk aan de som van de lijsttotalen ({block.list_total})",
                block.line,
            )
        )
    return findings


def _check_sum_of_units(count: CountRecord) -> list[CountFinding]:
    total = count.total
    if total is None:
        return []
    list_votes: Counter[int] = Counter()
    candidate_votes: Counter[tuple[int, int]] = Counter()
    figures: Counter[str] = Counter()
    for unit in count.units:
        block = unit.counts
        for item in block.lists:
            list_votes[item.number] += item.votes
            for position, votes in item.candidate_votes:
                candidate_votes[(item.number, position)] += votes
        figures["TotalCounted"] += block.total_counted
        for reason, number in (*block.rejected, *block.uncounted):
            figures[reason] += number
    findings = []
    for item in total.lists:
        if list_votes[item.number] != item.votes:
            findings.append(
                CountFinding(
                    "units_sum",
                    f"totaal: lijst {item.number} heeft {item.votes} stemmen, maar de stembureaus "
                    f"samen {list_votes[item.number]}",
                    item.line,
                )
            )
        for position, votes in item.candidate_votes:
            if position and candidate_votes[(item.number, position)] != votes:
                findings.append(
                    CountFinding(
                        "units_sum",
                        f"totaal: kandidaat {position} van lijst {item.number} heeft {votes} "
                        f"stemmen, maar de stembureaus samen "
                        f"{candidate_votes[(item.number, position)]}",
                        item.line,
                    )
                )
    # Cast (kiesgerechtigden) is not additive: with a kiezerspas or stempas a voter may
    # vote anywhere in the municipality, so polling stations often report 0.
    own = {"TotalCounted": total.total_counted}
    own.update(dict(total.rejected))
    for name, value in own.items():
        if figures[name] != value:
            findings.append(
                CountFinding(
                    "units_sum",
                    f"totaal: {name} is {value}, maar de stembureaus samen {figures[name]}",
                    total.line,
                )
            )
    return findings


def _check_against_lists(count: CountRecord, lists: CandidateListsRecord) -> list[CountFinding]:
    findings = []
    if count.election.id != lists.election.id:
        findings.append(
            CountFinding(
                "election_mismatch",
                f"de telling hoort bij verkiezing {count.election.id}, de kandidatenlijsten bij "
                f"{lists.election.id}",
            )
        )
        return findings
    known = {a.number: {c.position for c in a.candidates} for a in lists.affiliations}
    blocks = [("totaal", count.total)] if count.total is not None else []
    blocks += [(f"stembureau {u.id}", u.counts) for u in count.units]
    for where, block in blocks:
        for item in block.lists:
            if item.number not in known:
                findings.append(
                    CountFinding(
                        "unknown_list",
                        f"{where}: lijst {item.number} staat niet in de kandidatenlijsten",
                        item.line,
                    )
                )
                continue
            counted = {p for p, _ in item.candidate_votes if p}
            if not counted:
                continue
            findings.extend(
                CountFinding(
                    "unknown_candidate",
                    f"{where}: kandidaat {p} van lijst {item.number} staat niet op de lijst",
                    item.line,
                )
                for p in sorted(counted - known[item.number])
            )
            findings.extend(
                CountFinding(
                    "candidate_without_votes",
                    f"{where}: kandidaat {p} van lijst {item.number} heeft geen stemmen",
                    item.line,
                )
                for p in sorted(known[item.number] - counted)
            )
    return findings
