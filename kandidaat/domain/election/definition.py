"""The election definition (EML 110a)."""

from __future__ import annotations

from dataclasses import dataclass

from kandidaat.domain.election.envelope import ElectionIdentifier, Envelope


@dataclass(frozen=True, slots=True)
class Committee:
    """A committee of a region (CSB, HSB, ...), as kr:Committee carries it."""

    category: str
    name: str | None = None
    accept_central_submissions: str | None = None


@dataclass(frozen=True, slots=True)
class Region:
    """A node of the election tree: state, province, kieskring, municipality."""

    number: str | None
    category: str
    name: str
    superior_number: str | None = None
    superior_category: str | None = None
    roman_numerals: bool | None = None
    committees: tuple[Committee, ...] = ()


@dataclass(frozen=True, slots=True)
class ElectionDefinition:
    """An EML 110a: the election, its seats, threshold, regions and parties."""

    envelope: Envelope
    election: ElectionIdentifier
    contest_id: str
    seats: int
    preference_threshold: int | None
    regions: tuple[Region, ...] = ()
    registered_parties: tuple[str, ...] = ()
    voting_method: str | None = None
    max_votes: str | None = None

    @property
    def kieskringen(self) -> tuple[Region, ...]:
        """The electoral districts (kieskringen) of the election."""
        return tuple(r for r in self.regions if r.category.endswith("KIESKRING"))
