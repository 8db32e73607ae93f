"""What a party prepares for the nomination: election, party, persons and lists.

Plain frozen records, standard library only. The project file (``store/``), the
EML 210 mapping (``app/``), the documents (``documents/``) and the GUI all work
with these records; the checks in :mod:`kandidaat.domain.nomination.checks`
read them and never change them.

Kieswet chapter H and Kiesbesluit art. H 2 (geldend op 2026-01-01) decide which
fields exist: a candidate is listed with last name, initials, date of birth and
woonplaats (Kb H 2 lid 1), optionally roepnaam and gender (Kb H 2 lid 4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from kandidaat.domain.seats.model import Body

__all__ = [
    "Agent",
    "AppellationKind",
    "Body",
    "Candidate",
    "CandidateList",
    "Election",
    "Gender",
    "Kieskring",
    "Nomination",
    "Party",
    "PostalAddress",
    "StatutoryParty",
    "Submitter",
]


class AppellationKind(StrEnum):
    """How the list is headed (Kieswet art. H 3)."""

    REGISTERED = "geregistreerd"
    """One registered appellation (H 3 lid 1; model H 3-1)."""
    COMBINED = "samengevoegd"
    """A combination of registered appellations (H 3 lid 2; model H 3-2)."""
    BLANK = "blanco"
    """No appellation: a blank list (always H 4 and waarborgsom)."""


class Gender(StrEnum):
    """Gender as it may be printed after the name (Kiesbesluit art. H 2 lid 4)."""

    MALE = "m"
    FEMALE = "v"


@dataclass(frozen=True, slots=True)
class Kieskring:
    """An electoral district of the election: its number (or Roman numeral) and name."""

    number: str
    name: str


@dataclass(frozen=True, slots=True)
class Election:
    """The election a nomination is for.

    ``identifier`` is the EML ElectionIdentifier (e.g. ``GR2026_Demodorp``).
    ``area_name`` is the gemeente, provincie or waterschap whose body is elected
    (None for TK, EK and EP); it decides whether a candidate lives in the area
    (Kieswet art. H 7 lid 3). ``nomination_date`` overrides the date that
    follows from the election date (needed for the Eerste Kamer, Kieswet Q 4).
    """

    body: Body
    identifier: str
    name: str
    election_date: date
    seats: int
    kieskringen: tuple[Kieskring, ...]
    area_name: str | None = None
    area_code: str | None = None
    frisian: bool = False
    nomination_date: date | None = None
    term_years: int = 4

    @property
    def single_kieskring(self) -> bool:
        """True when the election has one kieskring (the list needs none named)."""
        return len(self.kieskringen) == 1


@dataclass(frozen=True, slots=True)
class PostalAddress:
    """A postal address: street and number, postal code, locality, country (ISO 3166)."""

    street: str = ""
    postal_code: str = ""
    locality: str = ""
    country_code: str = "NL"

    def lines(self) -> tuple[str, ...]:
        """The address as printed lines."""
        second = " ".join(part for part in (self.postal_code, self.locality) if part)
        lines = [line for line in (self.street, second) if line]
        if self.country_code and self.country_code != "NL":
            lines.append(self.country_code)
        return tuple(lines)

    @property
    def complete(self) -> bool:
        """Street, postal code (for NL) and locality are all filled in."""
        needs_code = self.country_code in {"", "NL"}
        return bool(self.street and self.locality and (self.postal_code or not needs_code))


@dataclass(frozen=True, slots=True)
class Agent:
    """The gemachtigde of a candidate (Kieswet art. H 10, H 10a): lives in European NL."""

    initials: str
    last_name: str
    prefix: str = ""
    address: PostalAddress = field(default_factory=PostalAddress)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person in the party's address book, reused on any number of lists.

    ``key`` is stable within a project (never the position). ``locality`` is
    the woonplaats (or gemeente) as in the BRP; ``country_code`` is "NL" for
    residents of the Netherlands and the ISO 3166 code otherwise (the
    Caribbean parts use "BQ"). ``lives_in_area`` says whether the candidate
    lives in the gemeente/provincie/waterschap of the election (None: derive it
    from the woonplaats where possible). ``settlement_areas`` lists the areas for
    which the candidate signs a verklaring voorgenomen vestiging (Kieswet art.
    H 7 lid 3); two areas are fatal (art. I 6 lid 1 f).
    """

    key: str
    initials: str
    last_name: str
    prefix: str = ""
    first_name: str = ""
    gender: Gender | None = None
    date_of_birth: date | None = None
    locality: str = ""
    country_code: str = "NL"
    bsn: str = ""
    correspondence: PostalAddress | None = None
    agent: Agent | None = None
    lives_in_area: bool | None = None
    settlement_areas: tuple[str, ...] = ()
    is_member: bool = False
    """Currently a member of the body (then no copy of ID is needed, H 9 lid 3)."""
    nationality: str = "NL"
    """EP: nationality (ISO 3166); another EU state needs a Y 35."""
    place_of_birth: str = ""
    home_state_address: str = ""
    """EP, Y 35: last address in the member state of nationality."""
    date_of_birth_annex: str = ""
    """A date of birth known only in part, as the BRP records it for some people born
    abroad and an EML 210 carries it in kr:DateOfBirthAnnex: ``XX-05-1976``,
    ``XX-XX-1964`` or ``XX-XX-XXXX`` (ADR 0026). Only when ``date_of_birth`` is None."""

    @property
    def display_name(self) -> str:
        """Last name with prefix, initials and roepnaam: "Vries, J.P. (Jan) de"."""
        name = f"{self.last_name}, {self.initials}"
        if self.first_name:
            name += f" ({self.first_name})"
        if self.prefix:
            name += f" {self.prefix}"
        return name

    @property
    def ballot_name(self) -> str:
        """Initials, prefix and last name: "J.P. de Vries"."""
        return " ".join(part for part in (self.initials, self.prefix, self.last_name) if part)

    @property
    def lives_abroad(self) -> bool:
        """Lives outside the European part of the Netherlands (Kieswet art. H 10)."""
        return self.country_code not in {"", "NL"}


@dataclass(frozen=True, slots=True)
class CandidateList:
    """One kandidatenlijst: its kieskringen and candidates in order of preference.

    ``key`` is stable within a project. ``kieskringen`` holds kieskring numbers
    of the election. ``candidates`` holds candidate keys, position 1 first
    (Kieswet art. H 6 lid 1).
    """

    key: str
    kieskringen: tuple[str, ...]
    candidates: tuple[str, ...]
    publish_gender: bool = False
    language: str = "nl"


@dataclass(frozen=True, slots=True)
class StatutoryParty:
    """A political group behind the appellation: statutory name and its gemachtigde.

    One for a registered appellation; one per group for a combined appellation
    (model H 3-2). ``previous_seats`` is what this group won at the previous
    election of the same body (None: unknown).
    """

    statutory_name: str
    agent_name: str
    previous_seats: int | None = None


@dataclass(frozen=True, slots=True)
class Submitter:
    """The lijstinleveraar or a vervanger (Kieswet art. H 1, H 5)."""

    initials: str
    last_name: str
    prefix: str = ""
    address: PostalAddress = field(default_factory=PostalAddress)

    @property
    def ballot_name(self) -> str:
        """Initials, prefix and last name."""
        return " ".join(part for part in (self.initials, self.prefix, self.last_name) if part)


@dataclass(frozen=True, slots=True)
class Party:
    """The party side of a nomination.

    ``previous_seats`` are the seats the appellation won at the previous
    election of the same body (None: unknown, treated as none). They decide the
    maximum of 50 or 80 candidates (Kieswet art. H 6 lid 2) and the exemption
    from H 4 and waarborgsom (H 4 lid 8, H 12 lid 2). For a combined
    appellation the groups' own results are in ``groups``.
    """

    kind: AppellationKind
    appellation: str = ""
    groups: tuple[StatutoryParty, ...] = ()
    previous_seats: int | None = None
    submitter: Submitter | None = None
    substitutes: tuple[Submitter, ...] = ()


@dataclass(frozen=True, slots=True)
class Nomination:
    """Everything one party prepares for one election: the project's content."""

    election: Election
    party: Party
    candidates: tuple[Candidate, ...] = ()
    lists: tuple[CandidateList, ...] = ()

    def candidate(self, key: str) -> Candidate:
        """The candidate with ``key`` (KeyError when absent)."""
        for candidate in self.candidates:
            if candidate.key == key:
                return candidate
        raise KeyError(key)

    def candidates_of(self, candidate_list: CandidateList) -> tuple[Candidate, ...]:
        """The candidates of a list in order (keys that do not resolve are skipped)."""
        by_key = {candidate.key: candidate for candidate in self.candidates}
        return tuple(by_key[key] for key in candidate_list.candidates if key in by_key)
