"""Vote counts as EML 510a-d carry them, per reporting unit and in total."""

from __future__ import annotations

from dataclasses import dataclass, field

from kandidaat.domain.election.envelope import ElectionIdentifier, Envelope


@dataclass(frozen=True, slots=True)
class ListCount:
    """Votes of one list and of each of its candidates (by list position).

    ``candidate_votes`` keeps the file order as (position, votes); in a 510d of
    a multi-kieskring election a candidate may be known by ``short_code``
    only, then the position is 0 and ``short_codes`` holds the codes.
    """

    number: int
    name: str
    votes: int
    candidate_votes: tuple[tuple[int, int], ...]
    short_codes: tuple[str | None, ...] = ()
    line: int | None = field(default=None, compare=False)

    @property
    def candidate_total(self) -> int:
        """Sum of the candidate votes."""
        return sum(votes for _, votes in self.candidate_votes)


@dataclass(frozen=True, slots=True)
class VoteCounts:
    """One VoteGroup: list and candidate votes and the ballot totals.

    ``cast`` is the number of eligible voters (opgeroepenen), ``total_counted``
    the valid votes on lists; ``rejected`` maps "ongeldig"/"blanco" to counts;
    ``uncounted`` keeps the other codes (toegelaten kiezers, ...) in file order.
    """

    lists: tuple[ListCount, ...]
    cast: int
    total_counted: int
    rejected: tuple[tuple[str, int], ...]
    uncounted: tuple[tuple[str, int], ...]
    line: int | None = field(default=None, compare=False)

    @property
    def list_total(self) -> int:
        """Sum of the list votes."""
        return sum(item.votes for item in self.lists)

    def rejected_votes(self, code: str) -> int:
        """Rejected ballots with this reason ("ongeldig", "blanco")."""
        return sum(count for reason, count in self.rejected if reason == code)


@dataclass(frozen=True, slots=True)
class ReportingUnitCount:
    """The count of one reporting unit (polling station, municipality, HSB)."""

    id: str
    name: str
    counts: VoteCounts
    leading_xml: tuple[str, ...] = ()
    """Extension elements before the first Selection (kr:ReportingUnitType, ...)."""
    trailing_xml: tuple[str, ...] = ()
    """Extension elements after the totals (kr:ReportingUnitInvestigations)."""
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class CountRecord:
    """An EML 510 (a, b, c or d): total votes and the reporting units."""

    envelope: Envelope
    election: ElectionIdentifier
    contest_id: str
    contest_name: str | None
    total: VoteCounts | None
    units: tuple[ReportingUnitCount, ...]
