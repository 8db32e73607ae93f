"""The polling stations of a municipality, as EML 110b (stembureaulijst) carries them."""

from __future__ import annotations

from dataclasses import dataclass, field

from kandidaat.domain.election.envelope import ElectionIdentifier, Envelope

STATION_KINDS = {"FixedLocation": "vast", "Mobile": "mobiel", "Special": "bijzonder"}
"""kr:ReportingUnitType (EML_NL 1.3) and the Dutch word for each kind of polling station."""


@dataclass(frozen=True, slots=True)
class PollingStation:
    """One polling station (PollingPlace/PhysicalLocation of a 110b).

    ``number`` is ``PollingStation/@Id`` (the stembureau number, ``SB<number>`` in a
    510b); ``name`` is the location's ``xal:LocalityName`` (the name of the building);
    ``postal_code`` is ``xal:PostalCodeNumber`` as written (``1234 AB``); ``voters``
    the text of ``PollingStation``: the eligible voters assigned to it (0 for a
    station without its own voters, None when the file leaves it empty); ``kind``
    kr:ReportingUnitType (FixedLocation, Mobile, Special) or None when absent
    (EML_NL before 1.3); ``channel`` the PollingPlace ``Channel`` (polling, postal).
    """

    number: int
    name: str
    postal_code: str | None = None
    voters: int | None = None
    kind: str | None = None
    shared_location: bool | None = None
    channel: str = "polling"
    line: int | None = field(default=None, compare=False)

    @property
    def unit_id(self) -> str:
        """The station's part of a 510b ReportingUnitIdentifier: ``SB<number>``."""
        return f"SB{self.number}"

    @property
    def kind_name(self) -> str | None:
        """The kind in Dutch: vast, mobiel, bijzonder (None when the file does not say)."""
        return STATION_KINDS.get(self.kind, self.kind) if self.kind is not None else None


@dataclass(frozen=True, slots=True)
class PollingStationsRecord:
    """An EML 110b: the polling stations of one municipality for one election.

    ``municipality_id``/``municipality_name`` are the ReportingUnit (the 4-digit CBS
    code and the name); ``max_votes`` is ``MaxVotes``, the eligible voters of the
    municipality (None when empty).
    """

    envelope: Envelope
    election: ElectionIdentifier
    contest_id: str
    municipality_id: str
    municipality_name: str
    stations: tuple[PollingStation, ...]
    voting_method: str | None = None
    max_votes: int | None = None
