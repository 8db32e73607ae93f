"""EML 210 (one party's kandidatenlijst) from a nomination, and a nomination from a 210.

The mapping follows EML_NL 1.2.2 (``210-nomination-kiesraad-strict.xsd``) and
what the Kiesraad's e-KS writes (nomination-rules.md section 4.3):

- one 210 per candidate list; ``ContestIdentifier`` is ``geen`` for an election
  with one kieskring, ``alle`` when the list covers every kieskring and else the
  first kieskring of the list, with the full set in ``kr:ListData/kr:Contests``;
- ``Nominate`` holds the lijstinleveraar (``inleveraar``) and the vervangers
  (``plaatsvervanger van de inleveraar``, numbered ``Id``); the XSD demands two;
- a candidate's BSN is ``kr:NationalIdentificationNumber``, the
  correspondence address ``Contact/MailingAddress`` and the gemachtigde an
  ``Agent`` with role ``H10`` (lives outside the European part of the
  Netherlands, Kieswet art. H 10) or ``H10a`` (moederlijst, art. H 10a).

A 210 does not carry what only paper carries (the statutory names and
gemachtigden of H 3-1/H 3-2, the previous result, verklaringen voorgenomen
vestiging, EP data of Y 35) nor the number of seats: reading a 210 into an
existing project (``base``) keeps those from the project (ADR 0050).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from kandidaat.domain.election import (
    AddressRecord,
    AffiliationRecord,
    AgentRecord,
    CandidateListsRecord,
    CandidateRecord,
    ElectionIdentifier,
    Envelope,
    NominationRecord,
    Proposer,
)
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.checks.facts import (
    UNKNOWN_ELECTION_DATE,
    Gap,
    PartialDate,
    SourceFacts,
)
from kandidaat.domain.nomination.deadlines import nomination_day_for
from kandidaat.domain.nomination.elections import (
    builtin_election,
    eerste_kamer_election,
    frisian_allowed,
    same_identifier,
    tweede_kamer_election,
)
from kandidaat.domain.nomination.model import (
    Agent,
    AppellationKind,
    Body,
    Candidate,
    CandidateList,
    Election,
    Gender,
    Kieskring,
    Nomination,
    Party,
    PostalAddress,
    Submitter,
)
from kandidaat.domain.nomination.structure import list_structure

__all__ = [
    "CONTEST_ALL",
    "CONTEST_SINGLE",
    "READ_FROM_210",
    "ROLE_SUBMITTER",
    "ROLE_SUBSTITUTE",
    "ReadNomination",
    "contest_of",
    "election_from_identifier",
    "election_identifier",
    "known_election",
    "merge_persons",
    "nomination_from_record",
    "nomination_record",
    "nominations_from_candidate_lists",
    "read_nomination_record",
]

CONTEST_SINGLE = "geen"
"""ContestIdentifier of an election with one kieskring."""
CONTEST_ALL = "alle"
"""ContestIdentifier of a list for every kieskring."""
ROLE_SUBMITTER = "inleveraar"
ROLE_SUBSTITUTE = "plaatsvervanger van de inleveraar"
SMALL_BODY_SEATS = 19
"""Subcategories GR1/AB1 are bodies of fewer than 19 seats (Kieswet P 15, P 19a)."""

_GENDER_TO_EML = {Gender.MALE: "male", Gender.FEMALE: "female", None: "unknown"}
_GENDER_FROM_EML = {"male": Gender.MALE, "female": Gender.FEMALE, "unknown": None}
_UNKNOWN_SEATS = 0
_SHOWN = 80
"""How much of a value from the file an error message repeats."""
READ_FROM_210 = "een EML 210"
"""How the check messages name a bare 210 as the source (Dutch)."""


@dataclass(frozen=True, slots=True)
class ReadNomination:
    """A nomination read from a 210, and what the file did not say (ADR 0024)."""

    nomination: Nomination
    facts: SourceFacts


# ---------------------------------------------------------------------------
# Nomination -> EML 210


def election_identifier(election: Election) -> ElectionIdentifier:
    """The ElectionIdentifier of an election, with its subcategory and nomination day.

    The nomination day follows Kieswet art. J 1 lid 1, Y 8 lid 2 and Q 4
    (geldend op 2026-01-01) unless the election sets it.
    """
    nomination_day = election.nomination_date or nomination_day_for(
        election.body, election.election_date
    )
    return ElectionIdentifier(
        id=election.identifier,
        name=election.name,
        category=election.body.value,
        subcategory=_subcategory(election),
        domain_id=election.area_code,
        domain_name=election.area_name,
        election_date=election.election_date.isoformat(),
        nomination_date=nomination_day.isoformat(),
    )


def _subcategory(election: Election) -> str:
    """GR1/GR2 and AB1/AB2 by size, PS1/PS2 by kieskringen, ER1, else the category."""
    body = election.body
    if body in {Body.GR, Body.AB}:
        small = 0 < election.seats < SMALL_BODY_SEATS
        return f"{body.value}{1 if small else 2}"
    if body is Body.PS:
        return "PS1" if election.single_kieskring else "PS2"
    if body is Body.ER:
        return "ER1"
    return body.value


def contest_of(
    election: Election, candidate_list: CandidateList
) -> tuple[str, str, tuple[str, ...]]:
    """ContestIdentifier, ContestName and kr:Contests of a list.

    ``geen`` for an election with one kieskring (no kr:Contests); ``alle``
    when the list covers every kieskring; else the first kieskring of the list
    in the election's order. Kieswet art. H 2 (geldend op 2026-01-01): the list
    names the kieskringen it is submitted for.

    Raises:
        InputError: the list has no kieskring or one the election does not have.
    """
    known = {kieskring.number: kieskring for kieskring in election.kieskringen}
    unknown = [number for number in candidate_list.kieskringen if number not in known]
    if unknown:
        raise InputError(
            f"lijst {candidate_list.key}: kieskring {', '.join(unknown)} bestaat niet bij "
            f"{election.name} (wel: {', '.join(known)})"
        )
    if election.single_kieskring:
        only = election.kieskringen[0]
        return CONTEST_SINGLE, election.area_name or only.name or election.name, ()
    chosen = set(candidate_list.kieskringen)
    ordered = tuple(k for k in election.kieskringen if k.number in chosen)
    if not ordered:
        raise InputError(
            f"lijst {candidate_list.key}: kies voor welke kieskringen de lijst wordt "
            "ingeleverd (Kieswet art. H 2)"
        )
    numbers = tuple(k.number for k in ordered)
    if len(ordered) == len(election.kieskringen):
        return CONTEST_ALL, "alle kieskringen", numbers
    return ordered[0].number, ordered[0].name, numbers


def _address_record(address: PostalAddress) -> AddressRecord:
    return AddressRecord(
        locality=address.locality,
        address_line=address.street or None,
        postal_code=address.postal_code or None,
        country_code=None if address.country_code in {"", "NL"} else address.country_code,
    )


def _agent_record(candidate: Candidate, agent: Agent) -> AgentRecord:
    return AgentRecord(
        role="H10" if candidate.lives_abroad else "H10a",
        initials=agent.initials,
        last_name=agent.last_name,
        prefix=agent.prefix or None,
        mailing_address=_address_record(agent.address),
        living_locality=agent.address.locality,
        living_country_code=(
            None if agent.address.country_code in {"", "NL"} else agent.address.country_code
        ),
    )


def candidate_record(candidate: Candidate, position: int) -> CandidateRecord:
    """One candidate as a 210 carries it (Kiesbesluit art. H 2, geldend op 2026-01-01)."""
    return CandidateRecord(
        position=position,
        initials=candidate.initials,
        last_name=candidate.last_name,
        first_name=candidate.first_name or None,
        prefix=candidate.prefix or None,
        gender=_GENDER_TO_EML[candidate.gender],
        date_of_birth=(
            candidate.date_of_birth.isoformat() if candidate.date_of_birth is not None else None
        ),
        date_of_birth_annex=(
            candidate.date_of_birth_annex
            if candidate.date_of_birth is None and candidate.date_of_birth_annex
            else None
        ),
        locality=candidate.locality,
        country_code=None if candidate.country_code in {"", "NL"} else candidate.country_code,
        national_id=candidate.bsn or None,
        mailing_address=(
            _address_record(candidate.correspondence)
            if candidate.correspondence is not None
            else None
        ),
        agent=_agent_record(candidate, candidate.agent) if candidate.agent is not None else None,
    )


def _proposer(person: Submitter, role: str, identifier: str | None) -> Proposer:
    return Proposer(
        role=role,
        initials=person.initials,
        last_name=person.last_name,
        prefix=person.prefix or None,
        mailing_address=_address_record(person.address),
        identifier=identifier,
    )


def proposers(party: Party) -> tuple[Proposer, ...]:
    """The lijstinleveraar and the vervangers (Kieswet art. H 1 and H 5, geldend op 2026-01-01).

    Raises:
        InputError: no lijstinleveraar or no vervanger; an EML 210 needs both.
    """
    if party.submitter is None:
        raise InputError(
            "vul de lijstinleveraar in (Kieswet art. H 1): een EML 210 noemt de inleveraar"
        )
    if not party.substitutes:
        raise InputError(
            "vul ten minste één vervanger van de lijstinleveraar in (Kieswet art. H 5): "
            "een EML 210 noemt de inleveraar en ten minste één plaatsvervanger"
        )
    return (
        _proposer(party.submitter, ROLE_SUBMITTER, None),
        *(
            _proposer(person, ROLE_SUBSTITUTE, str(number))
            for number, person in enumerate(party.substitutes, start=1)
        ),
    )


def nomination_record(
    nomination: Nomination,
    candidate_list: CandidateList,
    *,
    created: datetime,
) -> NominationRecord:
    """The EML 210 of one candidate list.

    ``created`` is kr:CreationDateTime (and IssueDate): pass it in so the file,
    and so its hash code, is reproducible. The Affiliation Type (lijstengroep,
    stel gelijkluidende lijsten, op zichzelf staande lijst) and BelongsToSet
    follow Kieswet art. H 11 (geldend op 2026-01-01) over all lists of the
    nomination.

    Raises:
        InputError: the list has no candidates, a key that does not resolve,
            no valid kieskringen, or the party lacks inleveraar or vervanger.
    """
    by_key = {candidate.key: candidate for candidate in nomination.candidates}
    missing = [key for key in candidate_list.candidates if key not in by_key]
    if missing:
        raise InputError(
            f"lijst {candidate_list.key}: kandidaat {', '.join(missing)} staat niet in het "
            "adresboek"
        )
    if not candidate_list.candidates:
        raise InputError(f"lijst {candidate_list.key}: de lijst heeft geen kandidaten")
    contest_id, contest_name, contests = contest_of(nomination.election, candidate_list)
    party = nomination.party
    structure = list_structure(nomination)
    affiliation = AffiliationRecord(
        number=None,
        name="" if party.kind is AppellationKind.BLANK else party.appellation,
        candidates=tuple(
            candidate_record(by_key[key], position)
            for position, key in enumerate(candidate_list.candidates, start=1)
        ),
        list_type=structure.type_of(candidate_list.key).value,
        publish_gender=candidate_list.publish_gender,
        publication_language=candidate_list.language or "nl",
        belongs_to_set=_optional_text(structure.set_number(candidate_list.key)),
        contests=contests,
    )
    return NominationRecord(
        envelope=Envelope(
            message_id="210",
            transaction_id="1",
            issue_date=created.date().isoformat(),
            creation_date_time=created.replace(tzinfo=None).isoformat(timespec="milliseconds"),
            canonicalization=True,
        ),
        election=election_identifier(nomination.election),
        contest_id=contest_id,
        contest_name=contest_name,
        affiliation=affiliation,
        proposers=proposers(party),
    )


def _optional_text(number: int | None) -> str | None:
    return None if number is None else str(number)


# ---------------------------------------------------------------------------
# EML 210 / 230b -> Nomination


def _date(value: str | None, where: str) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{where}: {value!r} is geen geldige datum (JJJJ-MM-DD)") from None


def known_election(identifier: str) -> Election | None:
    """The built-in election with this identifier (TK, EK, EP, PS, ER), else None."""
    try:
        return builtin_election(identifier)
    except InputError:
        return None


def _builtin_with_file_dates(record: NominationRecord, source: str) -> Election | None:
    """The election the file's identifier names when kandidaat knows it, with the file's dates.

    A built-in election (TK2025, PS2027_Fryslân, ...); else, for the Tweede and
    Eerste Kamer, the election the law fixes: 150 seats and the 20 kieskringen
    of Kieswet art. E 1, or 75 seats and the provinces and kiescolleges of art.
    R 1 lid 2 (geldend op 2026-01-01). The built-in dates of future elections
    are provisional (ADR 0024): the dates the 210 states win, so the check
    never silently uses another day.
    """
    identifier = record.election
    election_date = _date(identifier.election_date, f"{source}: ElectionDate")
    nomination_date = _date(identifier.nomination_date, f"{source}: NominationDate")
    election = known_election(identifier.id)
    if election is None and election_date is not None:
        if identifier.category == Body.TK.value:
            election = tweede_kamer_election(election_date)
        elif identifier.category == Body.EK.value:
            election = eerste_kamer_election(election_date)
        if election is not None:
            election = dataclasses.replace(
                election, identifier=identifier.id, name=identifier.name or election.name
            )
    if election is None:
        return None
    return dataclasses.replace(
        election,
        election_date=election_date or election.election_date,
        nomination_date=nomination_date or election.nomination_date,
    )


def election_from_identifier(
    identifier: ElectionIdentifier,
    kieskringen: tuple[Kieskring, ...],
    source: str,
    *,
    allow_unknown_date: bool = False,
) -> Election:
    """An election as far as a 210 or 230b describes it (the number of seats is unknown: 0).

    Without kr:ElectionDate the election is refused, unless
    ``allow_unknown_date`` (the check, which then reports the date as unknown:
    :data:`~kandidaat.domain.nomination.checks.facts.UNKNOWN_ELECTION_DATE`).

    Raises:
        InputError: a category kandidaat does not support or a broken date.
    """
    try:
        body = Body(identifier.category)
    except ValueError:
        raise InputError(
            f"{source}: verkiezingssoort {identifier.category[:_SHOWN]!r} wordt niet ondersteund "
            f"(wel: {', '.join(b.value for b in Body)})"
        ) from None
    election_date = _date(identifier.election_date, f"{source}: ElectionDate")
    if election_date is None and allow_unknown_date:
        election_date = UNKNOWN_ELECTION_DATE
    if election_date is None:
        raise InputError(
            f"{source}: de verkiezingsdatum (kr:ElectionDate) ontbreekt in het bestand; geef de "
            "verkiezingsdefinitie mee met --election (een EML 110a-bestand of een ingebouwde "
            "verkiezing zoals PS2027_Fryslân)"
        )
    return Election(
        body=body,
        identifier=identifier.id,
        name=identifier.name,
        election_date=election_date,
        seats=_UNKNOWN_SEATS,
        kieskringen=kieskringen,
        area_name=identifier.domain_name,
        area_code=identifier.domain_id,
        frisian=frisian_allowed(body, identifier.domain_name, identifier.domain_id, identifier.id),
        nomination_date=_date(identifier.nomination_date, f"{source}: NominationDate"),
    )


def _kieskringen_of_record(
    record: NominationRecord, election: Election | None, source: str, *, strict: bool
) -> tuple[tuple[str, ...], tuple[Kieskring, ...]]:
    """The list's kieskring numbers and the election's kieskringen.

    A kieskring the election lacks is refused when ``strict`` (reading into a
    project); otherwise the list keeps it and the check reports it per list
    (Kieswet art. H 2; ADR 0024).
    """
    contest = record.contest_id
    contests = record.affiliation.contests
    if election is None:
        if contest == CONTEST_SINGLE:
            only = Kieskring("1", record.contest_name)
            return (only.number,), (only,)
        numbers = contests or (contest,)
        names = {contest: record.contest_name}
        kieskringen = tuple(Kieskring(number, names.get(number, "")) for number in numbers)
        return numbers, kieskringen
    known = tuple(k.number for k in election.kieskringen)
    if contest == CONTEST_SINGLE or (contest == CONTEST_ALL and not contests):
        return known, election.kieskringen
    numbers = contests or (contest,)
    unknown = [number for number in numbers if number not in known]
    if unknown and strict:
        raise InputError(
            f"{source}: kieskring {', '.join(unknown)} bestaat niet bij {election.name} "
            f"(wel: {', '.join(known)})"
        )
    return numbers, election.kieskringen


def _postal(address: AddressRecord | None) -> PostalAddress | None:
    if address is None:
        return None
    return PostalAddress(
        street=address.address_line or "",
        postal_code=address.postal_code or "",
        locality=address.locality,
        country_code=address.country_code or "NL",
    )


def _agent(record: AgentRecord) -> Agent:
    address = _postal(record.mailing_address) or PostalAddress(
        locality=record.living_locality, country_code=record.living_country_code or "NL"
    )
    return Agent(
        initials=record.initials,
        last_name=record.last_name,
        prefix=record.prefix or "",
        address=address,
    )


def candidate_from_record(record: CandidateRecord, key: str, where: str) -> Candidate:
    """A candidate of the address book from a 210/230 candidate.

    Raises:
        InputError: a gender or date of birth that is not valid, naming the candidate.
    """
    who = f"{where}, kandidaat {record.position} ({record.display_name})"
    gender_text = record.gender or record.gender_annex
    if gender_text is not None and gender_text not in _GENDER_FROM_EML:
        raise InputError(f"{who}: geslacht {gender_text!r} is niet m of v (Kiesbesluit H 2 lid 4)")
    return Candidate(
        key=key,
        initials=record.initials,
        last_name=record.last_name,
        prefix=record.prefix or "",
        first_name=record.first_name or "",
        gender=_GENDER_FROM_EML[gender_text] if gender_text is not None else None,
        date_of_birth=_date(record.date_of_birth, f"{who}: geboortedatum"),
        locality=record.locality or "",
        country_code=record.country_code or "NL",
        bsn=record.national_id or "",
        correspondence=_postal(record.mailing_address),
        agent=_agent(record.agent) if record.agent is not None else None,
    )


def _submitter(proposer: Proposer) -> Submitter:
    address = _postal(proposer.mailing_address) or PostalAddress()
    return Submitter(
        initials=proposer.initials,
        last_name=proposer.last_name,
        prefix=proposer.prefix or "",
        address=address,
    )


def _identity(candidate: Candidate) -> tuple[str, ...]:
    """How a person is recognised across files: the BSN, else name and date of birth."""
    if candidate.bsn:
        return ("bsn", candidate.bsn)
    born = candidate.date_of_birth.isoformat() if candidate.date_of_birth else ""
    return ("naam", candidate.last_name.casefold(), candidate.initials.casefold(), born)


_PAPER_ONLY_FIELDS = (
    "lives_in_area",
    "settlement_areas",
    "is_member",
    "nationality",
    "place_of_birth",
    "home_state_address",
)


def _merge_candidate(found: Candidate, existing: Candidate | None) -> Candidate:
    """The 210's data with the project's key and paper-only fields of the same person."""
    if existing is None:
        return found
    kept = {name: getattr(existing, name) for name in _PAPER_ONLY_FIELDS}
    return dataclasses.replace(found, key=existing.key, **kept)


def _fresh_key(taken: set[str]) -> str:
    number = len(taken) + 1
    while f"k{number}" in taken:
        number += 1
    key = f"k{number}"
    taken.add(key)
    return key


def nomination_from_record(
    record: NominationRecord,
    *,
    election: Election | None = None,
    base: Nomination | None = None,
    source: str = "EML 210",
) -> Nomination:
    """A nomination (one list) from an EML 210, ours or another program's.

    See :func:`read_nomination_record`, which also says what the file did not
    carry; this returns the nomination alone.

    Raises:
        InputError: the file belongs to another election, names kieskringen
            the election lacks (only when read into ``base``), or holds a
            candidate that cannot be read.
    """
    return read_nomination_record(record, election=election, base=base, source=source).nomination


def read_nomination_record(
    record: NominationRecord,
    *,
    election: Election | None = None,
    base: Nomination | None = None,
    source: str = "EML 210",
    allow_unknown_date: bool = False,
) -> ReadNomination:
    """A nomination (one list) from an EML 210, and the facts the file did not carry.

    ``election`` (from a 110a or a built-in definition) supplies what a 210
    lacks: the seats and the kieskringen' names; without it a built-in election
    with the same identifier (spelled with or without accents) is used, else the
    election as far as the file describes it, with the seats, the kieskring
    names and the other kieskringen marked unknown (ADR 0024). A bare 210 never
    carries what only paper carries. A ``kr:DateOfBirthAnnex`` is kept as a
    partial date of birth (ADR 0026).

    With ``base`` the list is read into that project: a person already in its
    address book (same BSN, else same name, initials and date of birth) keeps
    the key and the fields only paper carries; a list for the same kieskringen
    is replaced, others are kept. A kieskring the election lacks is then
    refused; without ``base`` the list keeps it and the check reports it.
    ``allow_unknown_date`` lets the check read a 210 without kr:ElectionDate
    (the date is then a gap); everything else refuses it.

    Raises:
        InputError: the file belongs to another election, names kieskringen
            the election lacks (with ``base``), or holds a candidate that
            cannot be read.
    """
    if base is not None and election is None:
        election = base.election
    if election is None:
        election = _builtin_with_file_dates(record, source)
    if election is not None and not same_identifier(record.election.id, election.identifier):
        raise InputError(
            f"{source}: het bestand hoort bij verkiezing {record.election.id[:_SHOWN]}, "
            f"niet bij {election.identifier[:_SHOWN]}"
        )
    gaps: set[Gap] = set() if base is not None else {Gap.PAPER}
    numbers, kieskringen = _kieskringen_of_record(record, election, source, strict=base is not None)
    if election is None:
        election = election_from_identifier(
            record.election, kieskringen, source, allow_unknown_date=allow_unknown_date
        )
        if election.election_date == UNKNOWN_ELECTION_DATE:
            gaps.add(Gap.ELECTION_DATE)
        gaps.add(Gap.SEATS)
        if record.contest_id != CONTEST_SINGLE:
            gaps.add(Gap.KIESKRINGEN)
        if any(not kieskring.name.strip() for kieskring in kieskringen):
            gaps.add(Gap.KIESKRING_NAMES)
    existing = {_identity(c): c for c in base.candidates} if base is not None else {}
    taken = {c.key for c in base.candidates} if base is not None else set()
    imported: list[Candidate] = []
    partial: dict[str, PartialDate] = {}
    for item in record.affiliation.candidates:
        found = candidate_from_record(item, "", source)
        match = existing.get(_identity(found))
        merged = _merge_candidate(found, match)
        if match is None:
            merged = dataclasses.replace(merged, key=_fresh_key(taken))
        annex = partial_date_of_birth(item, source)
        if annex is not None and merged.date_of_birth is None:
            partial[merged.key] = annex
            merged = dataclasses.replace(merged, date_of_birth_annex=annex.text)
        imported.append(merged)
    new_list = CandidateList(
        key="",
        kieskringen=numbers,
        candidates=tuple(c.key for c in imported),
        publish_gender=bool(record.affiliation.publish_gender),
        language=record.affiliation.publication_language or "nl",
    )
    party = _party_from_record(record, base.party if base is not None else None)
    if base is None:
        nomination = Nomination(
            election=election,
            party=party,
            candidates=tuple(imported),
            lists=(dataclasses.replace(new_list, key="lijst-1"),),
        )
        source_name = READ_FROM_210
    else:
        nomination = _merged_nomination(base, election, party, imported, new_list)
        source_name = "het project"
    return ReadNomination(nomination, SourceFacts(source_name, frozenset(gaps), partial))


def partial_date_of_birth(record: CandidateRecord, where: str) -> PartialDate | None:
    """The kr:DateOfBirthAnnex of a candidate as a partial date (None: not given).

    Kiesraad EML extension (kiesraad-eml-extensions.xsd): ``XX-05-1976``,
    ``XX-XX-1964`` or ``XX-XX-XXXX`` when the day, month or year is unknown.

    Raises:
        InputError: a value that is not of that form, naming the candidate.
    """
    text = record.date_of_birth_annex
    if text is None or not text.strip():
        return None
    partial = PartialDate.parse(text)
    if partial is None:
        raise InputError(
            f"{where}, kandidaat {record.position} ({record.display_name}): geboortedatum "
            f"(kr:DateOfBirthAnnex) {text[:40]!r} is niet van de vorm XX-MM-JJJJ, XX-XX-JJJJ "
            "of XX-XX-XXXX"
        )
    return partial


def _party_from_record(record: NominationRecord, base: Party | None) -> Party:
    name = record.affiliation.name
    submitters = [_submitter(p) for p in record.proposers if p.role == ROLE_SUBMITTER]
    substitutes = tuple(_submitter(p) for p in record.proposers if p.role == ROLE_SUBSTITUTE)
    if not name:
        kind = AppellationKind.BLANK
    elif base is not None and base.kind is not AppellationKind.BLANK:
        kind = base.kind
    else:
        kind = AppellationKind.REGISTERED
    party = base or Party(kind=kind)
    return dataclasses.replace(
        party,
        kind=kind,
        appellation=name,
        submitter=submitters[0] if submitters else party.submitter,
        substitutes=substitutes or party.substitutes,
    )


def _merged_nomination(
    base: Nomination,
    election: Election,
    party: Party,
    imported: list[Candidate],
    new_list: CandidateList,
) -> Nomination:
    by_key = {c.key: c for c in base.candidates}
    for candidate in imported:
        by_key[candidate.key] = candidate
    lists = list(base.lists)
    same = [i for i, lst in enumerate(lists) if set(lst.kieskringen) == set(new_list.kieskringen)]
    if same:
        lists[same[0]] = dataclasses.replace(new_list, key=lists[same[0]].key)
    else:
        keys = {lst.key for lst in lists}
        number = len(lists) + 1
        while f"lijst-{number}" in keys:
            number += 1
        lists.append(dataclasses.replace(new_list, key=f"lijst-{number}"))
    return Nomination(
        election=election, party=party, candidates=tuple(by_key.values()), lists=tuple(lists)
    )


def nominations_from_candidate_lists(
    record: CandidateListsRecord, *, election: Election | None = None, source: str = "EML 230b"
) -> tuple[Nomination, ...]:
    """Candidate data from an EML 230b/230c: one nomination per list (Affiliation).

    Useful to start from the lists of the previous election. The appellation
    and the candidates come from the file; inleveraar and vervangers are not
    in a 230b.

    Raises:
        InputError: a candidate that cannot be read, naming list and position.
    """
    contest = record.contest_id
    if election is None:
        election = known_election(record.election.id)
    if election is None:
        if contest == CONTEST_SINGLE:
            kieskringen: tuple[Kieskring, ...] = (Kieskring("1", record.contest_name or ""),)
        else:
            kieskringen = (Kieskring(contest, record.contest_name or ""),)
        election = election_from_identifier(record.election, kieskringen, source)
    numbers = (
        tuple(k.number for k in election.kieskringen)
        if contest in {CONTEST_SINGLE, CONTEST_ALL}
        else (contest,)
    )
    nominations = []
    for affiliation in record.affiliations:
        where = f"{source}, lijst {affiliation.number}"
        candidates = tuple(
            candidate_from_record(item, f"k{index}", where)
            for index, item in enumerate(affiliation.candidates, start=1)
        )
        kind = AppellationKind.REGISTERED if affiliation.name else AppellationKind.BLANK
        nominations.append(
            Nomination(
                election=election,
                party=Party(kind=kind, appellation=affiliation.name),
                candidates=candidates,
                lists=(
                    CandidateList(
                        key="lijst-1",
                        kieskringen=numbers,
                        candidates=tuple(c.key for c in candidates),
                        publish_gender=bool(affiliation.publish_gender),
                        language=affiliation.publication_language or "nl",
                    ),
                ),
            )
        )
    return tuple(nominations)


def merge_persons(
    address_book: tuple[Candidate, ...], persons: tuple[Candidate, ...]
) -> tuple[tuple[Candidate, ...], tuple[str, ...]]:
    """Persons from an EML file merged into an address book, and their keys in file order.

    A person already in the book (same BSN, else same last name, initials and
    date of birth) keeps its key and the fields only paper carries and takes
    the file's data; others are added with fresh keys.
    """
    book = {c.key: c for c in address_book}
    existing = {_identity(c): c for c in address_book}
    taken = set(book)
    keys: list[str] = []
    for person in persons:
        match = existing.get(_identity(person))
        merged = _merge_candidate(person, match)
        if match is None:
            merged = dataclasses.replace(merged, key=_fresh_key(taken))
            existing[_identity(merged)] = merged
        book[merged.key] = merged
        keys.append(merged.key)
    return tuple(book.values()), tuple(keys)
