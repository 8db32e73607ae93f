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

from kandidaat.domain.tally.units import unit_label, units_plural

if TYPE_CHECKING:
    from kandidaat.domain.election import CandidateListsRecord, CountRecord, ListCount, VoteCounts


@dataclass(frozen=True, slots=True)
class CountFinding:
    """One problem in a count: a code for machines, a Dutch message, the line."""

    code: str
    message: str
    line: int | None = None


def check_counts(
    count: CountRecord, lists: CandidateListsRecord | None = None
) -> list[CountFinding]:
    """Every semantic problem of a count, in file order.

    One pass over the reporting units checks each of them and adds it up for the
    comparison with the total; a national count has hundreds of thousands of
    candidate votes, so each list is taken apart once, in C, into its positions
    and its votes.
    """
    findings: list[CountFinding] = []
    message_id = count.envelope.message_id
    if message_id == "510b" and not count.units:
        findings.append(
            CountFinding(
                "no_units",
                "een telling van een gemeentelijk stembureau (510b) zonder stembureaus "
                "(ReportingUnitVotes)",
                count.total.line if count.total is not None else None,
            )
        )
    findings += _check_municipality(count)
    if count.total is not None:
        findings += _check_block(count.total, "totaal", None)
    plural = units_plural(message_id, [unit.id for unit in count.units])
    sums = _UnitSums(plural) if count.total is not None and count.units else None
    seen: set[str] = set()
    for unit in count.units:
        where = unit_label(unit.id)
        if unit.id in seen:
            findings.append(CountFinding("duplicate_unit", f"{where} komt dubbel voor", unit.line))
        seen.add(unit.id)
        findings += _check_block(unit.counts, where, sums)
    if count.total is not None and sums is not None:
        findings += sums.compare(count.total)
    if lists is not None:
        findings += _check_against_lists(count, lists)
    return findings


def _check_municipality(count: CountRecord) -> list[CountFinding]:
    """A 510b of a municipality counts its own polling stations only (``0668::SB1`` of 0668)."""
    authority = count.envelope.authority_id or ""
    if count.envelope.message_id != "510b" or not (authority.isdigit() and len(authority) == 4):
        return []
    return [
        CountFinding(
            "unit_of_other_municipality",
            f"{unit_label(unit.id[:40])} hoort niet bij gemeente {authority}, die deze telling "
            "maakte (ManagingAuthority)",
            unit.line,
        )
        for unit in count.units
        if "::" in unit.id and unit.id.rsplit("::", 2)[-2] != authority
    ]


_NATURAL = tuple(range(1, 1001))
"""1, 2, 3, ...: the candidate positions of almost every list in a count."""


def _rising(positions: tuple[int, ...]) -> bool:
    """Whether the positions (0 = known by ShortCode only, skipped) rise strictly."""
    if positions == _NATURAL[: len(positions)]:
        return True
    numbered = [p for p in positions if p]
    return numbered == sorted(set(numbered))


def _check_block(block: VoteCounts, where: str, sums: _UnitSums | None) -> list[CountFinding]:
    findings = []
    for previous, item in zip(block.lists, block.lists[1:], strict=False):
        if item.number <= previous.number:
            findings.append(
                CountFinding(
                    "list_order",
                    f"{where}: lijst {item.number} staat na lijst {previous.number}; "
                    "lijstnummers moeten oplopen en uniek zijn",
                    item.line,
                )
            )
    list_total = 0
    for item in block.lists:
        list_total += item.votes
        if sums is not None:
            sums.lists[item.number] = sums.lists.get(item.number, 0) + item.votes
        if not item.candidate_votes:
            findings.append(
                CountFinding(
                    "candidate_votes_missing",
                    f"{where}: lijst {item.number} heeft een lijsttotaal ({item.votes}) maar "
                    "geen stemmen per kandidaat; elke kandidaat hoort in de telling, ook met 0",
                    item.line,
                )
            )
            continue
        positions, votes = zip(*item.candidate_votes, strict=True)
        if not _rising(positions):
            findings.append(
                CountFinding(
                    "candidate_order",
                    f"{where}: de kandidaatnummers van lijst {item.number} zijn niet oplopend "
                    "of komen dubbel voor",
                    item.line,
                )
            )
        candidate_total = sum(votes)
        if candidate_total != item.votes:
            findings.append(
                CountFinding(
                    "candidate_sum",
                    f"{where}: de stemmen op de kandidaten van lijst {item.number} "
                    f"({candidate_total}) tellen niet op tot het lijsttotaal ({item.votes})",
                    item.line,
                )
            )
        if sums is not None:
            sums.add_candidates(item.number, positions, votes, item.short_codes)
    if block.total_counted != list_total:
        findings.append(
            CountFinding(
                "total_counted",
                f"{where}: het aantal geldige stemmen (TotalCounted {block.total_counted}) is niet "
                f"gelijk aan de som van de lijsttotalen ({list_total})",
                block.line,
            )
        )
    findings += _check_rejected(block, where)
    if sums is not None:
        sums.figures["TotalCounted"] += block.total_counted
        for reason, number in (*block.rejected, *block.uncounted):
            sums.figures[reason] += number
    return findings


_REJECTED_REASONS = ("ongeldig", "blanco")


def _check_rejected(block: VoteCounts, where: str) -> list[CountFinding]:
    """Every block counts the invalid and the blank ballots once each (510 XSD: exactly 2)."""
    reasons = Counter(reason for reason, _ in block.rejected)
    findings = [
        CountFinding(
            "rejected_missing",
            f'{where}: het aantal {reason} stemmen (RejectedVotes ReasonCode="{reason}") ontbreekt',
            block.line,
        )
        for reason in _REJECTED_REASONS
        if not reasons[reason]
    ]
    findings += [
        CountFinding(
            "rejected_duplicate",
            f'{where}: RejectedVotes ReasonCode="{reason}" staat er {reasons[reason]} keer',
            block.line,
        )
        for reason in _REJECTED_REASONS
        if reasons[reason] > 1
    ]
    findings += [
        CountFinding(
            "rejected_unknown",
            f"{where}: onbekende reden voor ongeldige stemmen: {reason[:40]!r} "
            "(alleen ongeldig en blanco)",
            block.line,
        )
        for reason in sorted(set(reasons) - set(_REJECTED_REASONS))
    ]
    return findings


def _by_short_code(item: ListCount) -> bool:
    """A list whose candidates are named by ShortCode only (a 510d over kieskringen)."""
    return len(item.short_codes) == len(item.candidate_votes) and any(
        position == 0 and code
        for (position, _), code in zip(item.candidate_votes, item.short_codes, strict=True)
    )


class _UnitSums:
    """The reporting units added up, to compare with the total."""

    def __init__(self, plural: str) -> None:
        self.plural = plural
        self.lists: dict[int, int] = {}
        # Per list and order of candidate positions (the same in almost every unit):
        # the votes of every unit, added up column by column at the end.
        self.candidates: dict[tuple[int, tuple[int, ...]], list[tuple[int, ...]]] = {}
        self.figures: Counter[str] = Counter()
        # Across kieskringen a position names another person in each; the ShortCode names
        # the same one (a 510d's total by ShortCode, its blocks per kieskring).
        self.by_code: Counter[tuple[int, str]] = Counter()

    def add_candidates(
        self,
        number: int,
        positions: tuple[int, ...],
        votes: tuple[int, ...],
        codes: tuple[str | None, ...] = (),
    ) -> None:
        """Add the candidate votes of one list of one unit (and by ShortCode where known)."""
        if len(codes) == len(votes):
            for code, counted in zip(codes, votes, strict=True):
                if code:
                    self.by_code[(number, code)] += counted
        key = (number, positions)
        known = self.candidates.get(key)
        if known is None:
            self.candidates[key] = [votes]
        else:
            known.append(votes)

    def compare(self, total: VoteCounts) -> list[CountFinding]:
        """Where the units do not add up to the total (lists, candidates, ballots)."""
        by_candidate: Counter[tuple[int, int]] = Counter()
        for (number, positions), per_unit in self.candidates.items():
            for position, summed in zip(
                positions, map(sum, zip(*per_unit, strict=True)), strict=True
            ):
                by_candidate[(number, position)] += summed
        findings = []
        for item in total.lists:
            units = self.lists.get(item.number, 0)
            if units != item.votes:
                findings.append(
                    CountFinding(
                        "units_sum",
                        f"totaal: lijst {item.number} heeft {item.votes} stemmen, maar de "
                        f"{self.plural} samen {units}",
                        item.line,
                    )
                )
            if _by_short_code(item):
                findings += self._compare_by_code(item)
                continue
            for position, counted in item.candidate_votes:
                if position and by_candidate[(item.number, position)] != counted:
                    findings.append(
                        CountFinding(
                            "units_sum",
                            f"totaal: kandidaat {position} van lijst {item.number} heeft {counted} "
                            f"stemmen, maar de {self.plural} samen "
                            f"{by_candidate[(item.number, position)]}",
                            item.line,
                        )
                    )
        findings += self._missing_from_total(total, by_candidate)
        # Cast (kiesgerechtigden) is not additive: with a kiezerspas or stempas a voter may
        # vote anywhere in the municipality, so polling stations often report 0.
        own = {"TotalCounted": total.total_counted}
        own.update(dict(total.rejected))
        for name, value in own.items():
            if self.figures[name] != value:
                findings.append(
                    CountFinding(
                        "units_sum",
                        f"totaal: {name} is {value}, maar de {self.plural} samen "
                        f"{self.figures[name]}",
                        total.line,
                    )
                )
        return findings

    def _compare_by_code(self, item: ListCount) -> list[CountFinding]:
        """A total list naming its candidates by ShortCode, against the units by ShortCode."""
        named = {(item.number, code) for code in item.short_codes if code}
        if not any(key[0] == item.number for key in self.by_code):
            return []  # the units do not name candidates by ShortCode: nothing to compare
        findings = [
            CountFinding(
                "units_sum",
                f"totaal: kandidaat {code} van lijst {item.number} heeft {counted} stemmen, "
                f"maar de {self.plural} samen {self.by_code[(item.number, code)]}",
                item.line,
            )
            for (_, counted), code in zip(item.candidate_votes, item.short_codes, strict=True)
            if code and self.by_code[(item.number, code)] != counted
        ]
        findings += [
            CountFinding(
                "units_sum",
                f"totaal: kandidaat {code} van lijst {number} ontbreekt, maar de "
                f"{self.plural} samen geven hem of haar {votes} stemmen",
                item.line,
            )
            for (number, code), votes in sorted(self.by_code.items())
            if number == item.number and (number, code) not in named
        ]
        return findings

    def _missing_from_total(
        self, total: VoteCounts, by_candidate: Counter[tuple[int, int]]
    ) -> list[CountFinding]:
        """Lists and candidates the units count but the total leaves out."""
        in_total = {item.number for item in total.lists if not _by_short_code(item)}
        counted = {(item.number, p) for item in total.lists for p, _ in item.candidate_votes}
        findings = [
            CountFinding(
                "units_sum",
                f"totaal: lijst {number} ontbreekt, maar de {self.plural} samen geven haar "
                f"{votes} stemmen",
                total.line,
            )
            for number, votes in sorted(self.lists.items())
            if number not in in_total and number not in {item.number for item in total.lists}
        ]
        findings += [
            CountFinding(
                "units_sum",
                f"totaal: kandidaat {position} van lijst {number} ontbreekt, maar de "
                f"{self.plural} samen geven hem of haar {votes} stemmen",
                total.line,
            )
            for (number, position), votes in sorted(by_candidate.items())
            if position and number in in_total and (number, position) not in counted
        ]
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
    known = {
        a.number: {c.position for c in a.candidates}
        for a in lists.affiliations
        if a.number is not None
    }
    blocks = [("totaal", count.total)] if count.total is not None else []
    blocks += [(unit_label(u.id), u.counts) for u in count.units]
    for where, block in blocks:
        present = {item.number for item in block.lists}
        findings.extend(
            CountFinding(
                "list_missing",
                f"{where}: lijst {number} van de kandidatenlijsten ontbreekt in de telling; "
                "elke lijst hoort erin, ook met 0 stemmen",
                block.line,
            )
            for number in sorted(set(known) - present)
        )
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
                if not item.candidate_votes and known[item.number]:
                    findings.append(
                        CountFinding(
                            "candidates_missing",
                            f"{where}: van lijst {item.number} ontbreken alle "
                            f"{len(known[item.number])} kandidaten van de kandidatenlijst",
                            item.line,
                        )
                    )
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
