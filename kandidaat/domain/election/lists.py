"""Candidate lists as EML 210 (one party's nomination) and 230b/230c carry them."""

from __future__ import annotations

from dataclasses import dataclass, field

from kandidaat.domain.election.envelope import ElectionIdentifier, Envelope


@dataclass(frozen=True, slots=True)
class AddressRecord:
    """A postal address as EML carries it in Contact/MailingAddress (xAL).

    ``address_line`` is street and number, ``country_code`` (ISO 3166) is set
    for addresses outside the Netherlands.
    """

    locality: str
    address_line: str | None = None
    postal_code: str | None = None
    country_code: str | None = None


@dataclass(frozen=True, slots=True)
class AgentRecord:
    """The gemachtigde of a candidate (Agent in a 210 or 230c).

    ``role`` is ``H10`` (candidate lives outside the European part of the
    Netherlands, Kieswet art. H 10) or ``H10a`` (moederlijst, art. H 10a).
    ``living_locality``/``living_country_code`` are kr:LivingAddress.
    """

    role: str | None
    initials: str
    last_name: str
    prefix: str | None = None
    first_name: str | None = None
    mailing_address: AddressRecord | None = None
    living_locality: str = ""
    living_country_code: str | None = None


@dataclass(frozen=True, slots=True)
class CandidateRecord:
    """One candidate on a list (Kiesbesluit H 2: how a candidate is named).

    ``position`` is the number on the list. ``locality`` is the woonplaats;
    ``country_code`` is set for candidates living abroad. Dates are ISO
    strings as in the file.
    """

    position: int
    initials: str
    last_name: str
    first_name: str | None = None
    prefix: str | None = None
    gender: str | None = None
    gender_annex: str | None = None
    date_of_birth: str | None = None
    date_of_birth_annex: str | None = None
    locality: str | None = None
    country_code: str | None = None
    short_code: str | None = None
    national_id: str | None = None
    mailing_address_lines: tuple[str, ...] = ()
    mailing_address: AddressRecord | None = None
    agent: AgentRecord | None = None
    reference_only: bool = False
    """In a 230c: the person is described at an earlier place; only the ShortCode is written."""

    @property
    def display_name(self) -> str:
        """Initials, prefix and last name, as on the ballot: "C.G.H.M. van Dreumel"."""
        parts = [self.initials, self.prefix or "", self.last_name]
        name = " ".join(part for part in parts if part)
        if self.first_name:
            name += f" ({self.first_name})"
        return name


@dataclass(frozen=True, slots=True)
class AffiliationRecord:
    """One list: its number (absent in a 210), appellation, type and candidates."""

    number: int | None
    name: str
    candidates: tuple[CandidateRecord, ...]
    list_type: str | None = None
    publish_gender: bool | None = None
    publication_language: str | None = None
    belongs_to_set: str | None = None
    belongs_to_combination: str | None = None
    contests: tuple[str, ...] = ()
    """kr:ListData/kr:Contests: every kieskring a 210 is submitted for."""
    line: int | None = field(default=None, compare=False)
    """The line of the Affiliation element in the file it was read from."""


@dataclass(frozen=True, slots=True)
class ContestLists:
    """The lists of one more contest (kieskring) in a 230c."""

    contest_id: str
    contest_name: str | None
    affiliations: tuple[AffiliationRecord, ...]


@dataclass(frozen=True, slots=True)
class CandidateListsRecord:
    """An EML 230b (lists of one kieskring) or 230c (totaallijsten).

    A 230c holds every kieskring: the first in ``contest_id`` and
    ``affiliations``, the others in ``more_contests``.
    """

    envelope: Envelope
    election: ElectionIdentifier
    contest_id: str
    contest_name: str | None
    affiliations: tuple[AffiliationRecord, ...]
    more_contests: tuple[ContestLists, ...] = ()


@dataclass(frozen=True, slots=True)
class Proposer:
    """A person in the Nominate block of a 210 (inleveraar, plaatsvervanger)."""

    role: str
    initials: str
    last_name: str
    prefix: str | None = None
    first_name: str | None = None
    address_lines: tuple[str, ...] = ()
    mailing_address: AddressRecord | None = None
    identifier: str | None = None
    """The ``Id`` element, mandatory for a plaatsvervanger."""


@dataclass(frozen=True, slots=True)
class NominationRecord:
    """An EML 210: one party's list for one contest, with its proposers."""

    envelope: Envelope
    election: ElectionIdentifier
    contest_id: str
    contest_name: str
    affiliation: AffiliationRecord
    proposers: tuple[Proposer, ...] = ()
