"""What any text or number typed or imported into a project may be (ADR 0034).

One function per kind of value, used by every input path (command line,
spreadsheet import, the desktop application through ``app/editing``, EML import
into a project, and the project file as the last guard):

- text may hold no character that XML 1.0 forbids or that is a control
  character (C0, DEL, C1), no lone surrogate, no non-character (U+FFFE, U+FFFF,
  U+FDD0-U+FDEF) and no bidirectional override; the message names the field and
  the position ("teken 5 is een stuurteken (ESC)");
- text has a maximum length per field (:data:`LIMITS`); the appellation has at
  most 35 characters not counting spaces (Kieswet art. G 1 lid 4, versie 2026;
  ADR 0022) and at most :data:`APPELLATION_TOTAL_MAX` with spaces;
- numbers are bounded (:data:`MAX_SEATS`);
- a Dutch postcode is four digits not starting with 0, an optional space and
  two letters other than SA, SD and SS (PostNL's postcode system).

Every problem is a Dutch sentence that starts with the field's name.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.names import APPELLATION_MAX, INITIALS_MAX, appellation_length

if TYPE_CHECKING:
    from collections.abc import Iterator

    from kandidaat.domain.nomination.model import (
        Candidate,
        CandidateList,
        Election,
        Nomination,
        Party,
        PostalAddress,
    )

__all__ = [
    "APPELLATION_TOTAL_MAX",
    "LIMITS",
    "MAX_SEATS",
    "appellation_problem",
    "candidate_problems",
    "check_number",
    "check_text",
    "count_from_text",
    "election_problems",
    "list_problems",
    "nomination_problems",
    "number_problem",
    "party_problems",
    "postcode_problem",
    "shown",
    "text_problem",
]

MAX_SEATS = 150
"""The largest body elected under the Kieswet: the Tweede Kamer (Grondwet art. 51 lid 2)."""
APPELLATION_TOTAL_MAX = 70
"""With spaces: twice the legal 35 (which does not count spaces); longer is never registered."""

LIMITS: dict[str, int] = {
    "initials": INITIALS_MAX,
    "prefix": 10,  # BRP element 02.30 voorvoegsel geslachtsnaam: 10 positions
    "last_name": 200,  # BRP element 02.40 geslachtsnaam: 200 positions
    "first_name": 200,  # BRP element 02.10 voornamen: 200 positions
    "locality": 80,  # BAG woonplaatsnaam: 80 positions
    "street": 120,  # BAG openbare ruimte naam (80) plus house number and addition
    "postal_code": 12,  # the longest foreign postcodes (e.g. Brazil "12345-678")
    "country_code": 2,  # ISO 3166-1 alpha-2
    "name": 200,  # statutory names, names of gemachtigden, election names
    "identifier": 60,
    "key": 100,
    "area": 80,  # gemeente, provincie, waterschap, kieskring, area of settlement
    "long_text": 300,  # an address abroad in one field (Y 35)
    "language": 10,
    "bsn": 11,  # 9 digits with separators
}
"""Maximum lengths in characters per kind of field (ADR 0034)."""

_CONTROL_NAMES = (
    "NUL",
    "SOH",
    "STX",
    "ETX",
    "EOT",
    "ENQ",
    "ACK",
    "BEL",
    "BS",
    "TAB",
    "LF",
    "VT",
    "FF",
    "CR",
    "SO",
    "SI",
    "DLE",
    "DC1",
    "DC2",
    "DC3",
    "DC4",
    "NAK",
    "SYN",
    "ETB",
    "CAN",
    "EM",
    "SUB",
    "ESC",
    "FS",
    "GS",
    "RS",
    "US",
)
_BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
_SHOWN_NUMBER_MAX = 10**12
_DEL = 0x7F
_C1 = range(0x80, 0xA0)
_SURROGATES = range(0xD800, 0xE000)
_NONCHARACTERS = range(0xFDD0, 0xFDF0)
_POSTCODE = re.compile(r"[1-9][0-9]{3} ?([A-Za-z]{2})")
_FORBIDDEN_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})


def _character_problem(char: str, *, multiline: bool) -> str | None:
    code = ord(char)
    if code < len(_CONTROL_NAMES):
        return None if multiline and char == "\n" else f"een stuurteken ({_CONTROL_NAMES[code]})"
    kind: str | None = None
    if code == _DEL or code in _C1:
        kind = "een stuurteken"
    elif code in _SURROGATES:
        kind = "een losse surrogaatcode, geen teken"
    elif code in _NONCHARACTERS or (code & 0xFFFE) == 0xFFFE:
        kind = "geen teken"
    elif code in _BIDI_CONTROLS:
        kind = "een onzichtbaar teken dat de schrijfrichting omkeert"
    return None if kind is None else f"{kind} (U+{code:04X})"


_NONCHARACTER_ENDS = "".join(f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(0x11))
_FORBIDDEN_CLASS = (
    "\\x7f-\\x9f\\ud800-\\udfff\\ufdd0-\\ufdef\\u202a-\\u202e\\u2066-\\u2069" + _NONCHARACTER_ENDS
)
_FORBIDDEN_ONE_LINE = re.compile(f"[\\x00-\\x1f{_FORBIDDEN_CLASS}]")
_FORBIDDEN_MULTILINE = re.compile(f"[\\x00-\\x09\\x0b-\\x1f{_FORBIDDEN_CLASS}]")
"""Every character :func:`_character_problem` refuses, as one precompiled class.

:func:`text_problem` looks for one with a single ``search`` and only walks the
text character by character (for the position and the message) when it finds one;
:func:`shown` replaces each by '?' with one ``sub``.
"""


def shown(text: str, limit: int = 40) -> str:
    """``text`` safe to print in a message: forbidden characters as '?', at most ``limit``."""
    safe = _FORBIDDEN_ONE_LINE.sub("?", text[:limit])
    return safe if len(text) <= limit else f"{safe}..."


def text_problem(
    text: str,
    limit: int,
    *,
    multiline: bool = False,
) -> str | None:
    """Why ``text`` cannot be stored or printed (Dutch, without the field), or None.

    ``limit`` is the maximum number of characters. Only ``multiline`` fields
    may hold a line break.
    """
    if (_FORBIDDEN_MULTILINE if multiline else _FORBIDDEN_ONE_LINE).search(text) is not None:
        for position, char in enumerate(text, start=1):
            problem = _character_problem(char, multiline=multiline)
            if problem is not None:
                return f"teken {position} is {problem}"
    if len(text) > limit:
        return f"is te lang: {len(text)} tekens, ten hoogste {limit}"
    return None


def check_text(label: str, text: str, limit: int, *, multiline: bool = False) -> str:
    """``text`` unchanged when it is acceptable; otherwise an InputError naming ``label``.

    Raises:
        InputError: a forbidden character (with its position) or too long.
    """
    problem = text_problem(text, limit, multiline=multiline)
    if problem is not None:
        raise InputError(f"{label}: {problem}")
    return text


def appellation_problem(appellation: str) -> str | None:
    """Why an appellation cannot be stored, or None.

    Kieswet art. G 1 lid 4 (versie 2026): at most 35 letters or other
    characters, counted without spaces as the Kiesraad's e-KS does (ADR 0022).
    """
    problem = text_problem(appellation, APPELLATION_TOTAL_MAX)
    if problem is not None:
        return problem
    length = appellation_length(appellation)
    if length > APPELLATION_MAX:
        return (
            f"telt {length} tekens (zonder spaties); ten hoogste {APPELLATION_MAX} zijn "
            "toegestaan (Kieswet art. G 1 lid 4)"
        )
    return None


def number_problem(value: int, low: int, high: int) -> str | None:
    """Why ``value`` is outside ``low``..``high`` (Dutch, without the field), or None."""
    if value < low:
        return f"is {value}; het kleinste toegestane getal is {low}"
    if value > high:
        # str() of a huge int raises ValueError beyond 4300 digits: never print it whole.
        shown = str(value) if value < _SHOWN_NUMBER_MAX else "een getal van meer dan 12 cijfers"
        return f"is {shown}; ten hoogste {high} is toegestaan"
    return None


def check_number(label: str, value: int, low: int, high: int) -> int:
    """``value`` when it is within bounds; otherwise an InputError naming ``label``.

    Raises:
        InputError: the number is out of bounds.
    """
    problem = number_problem(value, low, high)
    if problem is not None:
        raise InputError(f"{label}: {problem}")
    return value


_MAX_NUMBER_DIGITS = 12


def count_from_text(text: str, low: int, high: int) -> int:
    """A whole number typed as text, within ``low``..``high``.

    The digits are counted before ``int()``, which refuses more than 4300
    digits with an English ValueError; the message never repeats a huge input.

    Raises:
        InputError: not a whole number, or out of bounds (Dutch, without the field).
    """
    digits = text.strip()
    shown = digits if len(digits) <= _MAX_NUMBER_DIGITS else digits[:_MAX_NUMBER_DIGITS] + "..."
    if not digits.isascii() or not digits.isdigit():
        raise InputError(f"'{shown}' is geen geheel getal")
    if len(digits) > _MAX_NUMBER_DIGITS:
        raise InputError(f"is een getal van meer dan 12 cijfers; ten hoogste {high} is toegestaan")
    value = int(digits)
    problem = number_problem(value, low, high)
    if problem is not None:
        raise InputError(problem)
    return value


def postcode_problem(postcode: str) -> str | None:
    """Why ``postcode`` is not a Dutch postcode ("1234 AB"), or None.

    Four digits, the first not 0, an optional space and two letters; PostNL
    never issues the letter pairs SA, SD and SS.
    """
    match = _POSTCODE.fullmatch(postcode)
    if match is None:
        return (
            f"'{shown(postcode)}' is geen Nederlandse postcode: vier cijfers "
            "(niet beginnend met 0) en twee letters, zoals 1234 AB"
        )
    if match.group(1).upper() in _FORBIDDEN_POSTCODE_LETTERS:
        return f"'{shown(postcode)}' is geen Nederlandse postcode: SA, SD en SS komen niet voor"
    return None


def _address_problems(label: str, address: PostalAddress) -> Iterator[str]:
    for field, value, limit in (
        ("straat en huisnummer", address.street, LIMITS["street"]),
        ("postcode", address.postal_code, LIMITS["postal_code"]),
        ("plaats", address.locality, LIMITS["locality"]),
        ("landcode", address.country_code, LIMITS["country_code"]),
    ):
        problem = text_problem(value, limit)
        if problem is not None:
            yield f"{label}, {field}: {problem}"
    code = address.postal_code.strip()
    if code and address.country_code in {"", "NL"}:
        problem = postcode_problem(code)
        if problem is not None:
            yield f"{label}, postcode: {problem}"


def _texts(label: str, fields: tuple[tuple[str, str, int], ...]) -> Iterator[str]:
    for field, value, limit in fields:
        problem = text_problem(value, limit)
        if problem is not None:
            yield f"{label}, {field}: {problem}"


def election_problems(election: Election) -> tuple[str, ...]:
    """Every text and number of the election that cannot be stored."""
    problems = list(
        _texts(
            "verkiezing",
            (
                ("naam", election.name, LIMITS["name"]),
                ("code", election.identifier, LIMITS["identifier"]),
                ("gebied", election.area_name or "", LIMITS["area"]),
                ("gebiedscode", election.area_code or "", LIMITS["identifier"]),
            ),
        )
    )
    seats = number_problem(election.seats, 0, MAX_SEATS)
    if seats is not None:
        problems.append(f"verkiezing, aantal zetels: {seats}")
    for kieskring in election.kieskringen:
        problems.extend(
            _texts(
                f"kieskring {shown(kieskring.number, 20)}",
                (
                    ("nummer", kieskring.number, LIMITS["identifier"]),
                    ("naam", kieskring.name, LIMITS["area"]),
                ),
            )
        )
    return tuple(problems)


def _person_texts(initials: str, prefix: str, last_name: str) -> tuple[tuple[str, str, int], ...]:
    return (
        ("voorletters", initials, LIMITS["initials"]),
        ("voorvoegsel", prefix, LIMITS["prefix"]),
        ("achternaam", last_name, LIMITS["last_name"]),
    )


def party_problems(party: Party) -> tuple[str, ...]:
    """Every text and number of the party that cannot be stored."""
    problems: list[str] = []
    appellation = appellation_problem(party.appellation)
    if appellation is not None:
        problems.append(f"de aanduiding: {appellation}")
    if party.previous_seats is not None:
        seats = number_problem(party.previous_seats, 0, MAX_SEATS)
        if seats is not None:
            problems.append(f"zetels bij de vorige verkiezing: {seats}")
    for number, group in enumerate(party.groups, start=1):
        label = f"groepering {number}"
        problems.extend(
            _texts(
                label,
                (
                    ("statutaire naam", group.statutory_name, LIMITS["name"]),
                    ("gemachtigde", group.agent_name, LIMITS["name"]),
                ),
            )
        )
        if group.previous_seats is not None:
            seats = number_problem(group.previous_seats, 0, MAX_SEATS)
            if seats is not None:
                problems.append(f"{label}, zetels bij de vorige verkiezing: {seats}")
    people = [("lijstinleveraar", party.submitter)] if party.submitter is not None else []
    people += [(f"vervanger {n}", who) for n, who in enumerate(party.substitutes, start=1)]
    for label, who in people:
        problems.extend(_texts(label, _person_texts(who.initials, who.prefix, who.last_name)))
        problems.extend(_address_problems(label, who.address))
    return tuple(problems)


def candidate_problems(candidate: Candidate) -> tuple[str, ...]:
    """Every text of a person in the address book that cannot be stored."""
    name = " ".join(
        part for part in (candidate.initials, candidate.prefix, candidate.last_name) if part
    )
    label = f"kandidaat {shown(name) or shown(candidate.key)}"
    problems = list(
        _texts(
            label,
            (
                ("sleutel", candidate.key, LIMITS["key"]),
                *_person_texts(candidate.initials, candidate.prefix, candidate.last_name),
                ("roepnaam", candidate.first_name, LIMITS["first_name"]),
                ("woonplaats", candidate.locality, LIMITS["locality"]),
                ("landcode", candidate.country_code, LIMITS["country_code"]),
                ("BSN", candidate.bsn, LIMITS["bsn"]),
                ("nationaliteit", candidate.nationality, LIMITS["country_code"]),
                ("geboorteplaats", candidate.place_of_birth, LIMITS["locality"]),
                *(
                    ("vestigingsgebied", area, LIMITS["area"])
                    for area in candidate.settlement_areas
                ),
            ),
        )
    )
    home = text_problem(candidate.home_state_address, LIMITS["long_text"], multiline=True)
    if home is not None:
        problems.append(f"{label}, adres in de lidstaat van herkomst: {home}")
    if candidate.correspondence is not None:
        problems.extend(_address_problems(f"{label}, postadres", candidate.correspondence))
    agent = candidate.agent
    if agent is not None:
        who = f"{label}, gemachtigde"
        problems.extend(_texts(who, _person_texts(agent.initials, agent.prefix, agent.last_name)))
        problems.extend(_address_problems(who, agent.address))
    return tuple(problems)


def list_problems(candidate_list: CandidateList) -> tuple[str, ...]:
    """Every text of a candidate list that cannot be stored."""
    return tuple(
        _texts(
            f"lijst {shown(candidate_list.key)}",
            (
                ("naam", candidate_list.key, LIMITS["key"]),
                ("taal", candidate_list.language, LIMITS["language"]),
            ),
        )
    )


def nomination_problems(nomination: Nomination) -> tuple[str, ...]:
    """Every text and number of a whole nomination that cannot be stored or printed."""
    problems = [*election_problems(nomination.election), *party_problems(nomination.party)]
    for candidate in nomination.candidates:
        problems.extend(candidate_problems(candidate))
    for candidate_list in nomination.lists:
        problems.extend(list_problems(candidate_list))
    return tuple(problems)
