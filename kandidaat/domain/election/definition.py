"""The election definition (EML 110a)."""

from __future__ import annotations

from dataclasses import dataclass

from kandidaat.domain.election.envelope import ElectionIdentifier, Envelope


@dataclass(frozen=True, slots=True)
class Region:
    """A node of the election tree: state, province, kieskring, municipality."""

    number: str
    category: str
    name: str
    superior_number: str | None = None
    superior_category: str | None = None
    roman_numerals: bool = False
    committee_category: str | None = None
    committee_name: str | None = None


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

    @property
    def kieskringen(self) -> tuple[Region, ...]:
        """The electoral districts (kieskringen) of the election."""
        return tuple(r for r in self.regions if r.category.endswith("KIESKRING"))
