"""Built-in election definitions for every body, and the mapping from an EML 110a.

Standard library only. The kieskringen follow the Kiesraad's election
definitions (TK2023 110a; PS2023 Gelderland and Limburg 110a). Dates of future
elections follow the statutory pattern (J 1, Q 4) and stay provisional until the
decree that calls the election; a CSB's own 110a always wins
(:func:`election_from_definition`). Seats of Provinciale Staten are those of
2023 (Provinciewet art. 8 fixes them from the population on 1 January of the
year before the election).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import TYPE_CHECKING

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.model import Body, Election, Kieskring

if TYPE_CHECKING:
    from kandidaat.domain.election.definition import ElectionDefinition, Region

__all__ = [
    "EK_COLLEGES",
    "FRISIAN_MUNICIPALITIES",
    "FRISIAN_MUNICIPALITY_CODES",
    "PROVINCES",
    "TK_KIESKRINGEN",
    "builtin_election",
    "builtin_elections",
    "eerste_kamer_election",
    "election_from_definition",
    "european_parliament_election",
    "frisian_allowed",
    "island_election",
    "municipal_election",
    "plain_name",
    "provincial_election",
    "same_identifier",
    "tweede_kamer_election",
    "waterschap_election",
]

TK_KIESKRINGEN: tuple[Kieskring, ...] = tuple(
    Kieskring(str(number), name)
    for number, name in enumerate(
        (
            "Groningen",
            "Leeuwarden",
            "Assen",
            "Zwolle",
            "Lelystad",
            "Nijmegen",
            "Arnhem",
            "Utrecht",
            "Amsterdam",
            "Haarlem",
            "Den Helder",
            "'s-Gravenhage",
            "Rotterdam",
            "Dordrecht",
            "Leiden",
            "Middelburg",
            "Tilburg",
            "'s-Hertogenbosch",
            "Maastricht",
            "Bonaire",
        ),
        start=1,
    )
)
"""The 20 kieskringen of the Tweede Kamer (Kieswet art. E 1), as in the TK2023 110a."""

PROVINCES: tuple[tuple[str, int, tuple[Kieskring, ...]], ...] = (
    ("Groningen", 43, ()),
    ("Fryslân", 43, ()),
    ("Drenthe", 43, ()),
    ("Overijssel", 47, ()),
    ("Flevoland", 41, ()),
    ("Gelderland", 55, (Kieskring("1", "Arnhem"), Kieskring("2", "Nijmegen"))),
    ("Utrecht", 49, ()),
    (
        "Noord-Holland",
        55,
        (Kieskring("1", "Haarlem"), Kieskring("2", "Amsterdam"), Kieskring("3", "Den Helder")),
    ),
    (
        "Zuid-Holland",
        55,
        (
            Kieskring("1", "'s-Gravenhage"),
            Kieskring("2", "Rotterdam"),
            Kieskring("3", "Dordrecht"),
            Kieskring("4", "Leiden"),
        ),
    ),
    ("Zeeland", 39, ()),
    ("Noord-Brabant", 55, (Kieskring("1", "'s-Hertogenbosch"), Kieskring("2", "Tilburg"))),
    ("Limburg", 47, (Kieskring("I", "Maastricht"), Kieskring("II", "Venlo"))),
)
"""Provinces in the Kiesraad's order (the number is the position): name, seats in
2023 and the kieskringen (Kieswet art. E 2; empty: one kieskring named after the
province). Limburg numbers its kieskringen with Roman numerals (PS2023 110a)."""

EK_COLLEGES: tuple[str, ...] = (
    "Kiescollege Bonaire",
    "Kiescollege Sint Eustatius",
    "Kiescollege Saba",
    "Kiescollege niet-ingezetenen",
)
"""The kiescolleges that take part in the Eerste Kamer election (Kieswet Ya 30, Pa 1)."""

FRISIAN_MUNICIPALITY_CODES: dict[str, str] = {
    "0059": "Achtkarspelen",
    "0060": "Ameland",
    "0072": "Harlingen",
    "0074": "Heerenveen",
    "0080": "Leeuwarden",
    "0085": "Ooststellingwerf",
    "0086": "Opsterland",
    "0088": "Schiermonnikoog",
    "0090": "Smallingerland",
    "0093": "Terschelling",
    "0096": "Vlieland",
    "0098": "Weststellingwerf",
    "0737": "Tytsjerksteradiel",
    "1891": "Dantumadiel",
    "1900": "Súdwest-Fryslân",
    "1940": "De Fryske Marren",
    "1949": "Waadhoeke",
    "1970": "Noardeast-Fryslân",
}
"""The 18 municipalities of the province of Fryslân by CBS code, where Frisian may be
used (Kiesbesluit H 2 lid 5). Sources: the Kiesraad's election definition TK2023 (EML
110a, ``Verkiezingsdefinitie_TK2023.eml.xml``: these 18 regions, RegionNumber = CBS
code, carry ``FrysianExportAllowed="true"``) and the table of municipalities in
Friesland (https://nl.wikipedia.org/wiki/Tabel_van_gemeenten_in_Friesland: 18
municipalities since 1 January 2019, when Noardeast-Fryslân was formed). No
reorganisation in Fryslân took effect between then and 2026; a new one (CBS
"Gemeentelijke indeling op 1 januari" of the election year) must be added here."""

FRISIAN_MUNICIPALITIES: frozenset[str] = frozenset(FRISIAN_MUNICIPALITY_CODES.values())
"""Names of the Frisian municipalities as the Kiesraad writes them (Frisian official names)."""

_FRISIAN_MUNICIPALITY_ALIASES = (
    "Dantumadeel",
    "Tietjerksteradeel",
    "De Friese Meren",
    "Zuidwest-Friesland",
    "Noordoost-Friesland",
)
"""Dutch names still in use for municipalities whose official name is Frisian."""

FRISIAN_AREAS: frozenset[str] = frozenset({"Fryslân", "Friesland", "Wetterskip Fryslân"})
"""Province and waterschap whose elections may use Frisian."""

_FRISIAN_PROVINCE = frozenset({"fryslan", "friesland", "provinciefryslan", "provinciefriesland"})
_FRISIAN_WATERSCHAP = frozenset(
    {"wetterskipfryslan", "wetterskipfriesland", "waterschapfriesland", "fryslan", "friesland"}
)
"""e-KS names the election of Wetterskip Fryslân ``AB2027_Fryslan``: the bare name counts."""


def plain_name(text: str) -> str:
    """A name reduced for comparing: no accents, case or punctuation ("Fryslân" -> "fryslan")."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in letters.casefold() if c.isalnum())


_FRISIAN_GR = frozenset(
    plain_name(name) for name in (*FRISIAN_MUNICIPALITIES, *_FRISIAN_MUNICIPALITY_ALIASES)
)


def same_identifier(first: str, second: str) -> bool:
    """True when two ElectionIdentifiers name the same election, however spelled.

    Compared without accents, case and punctuation: ``PS2027_Fryslan`` (e-KS)
    is ``PS2027_Fryslân`` (the Kiesraad's spelling of the province).
    """
    return bool(plain_name(first)) and plain_name(first) == plain_name(second)


def _area_of_identifier(identifier: str) -> str:
    """The area part of an ElectionIdentifier: "PS2027_Fryslan" -> "Fryslan"."""
    _, _, area = identifier.partition("_")
    return area


def frisian_allowed(
    body: Body, area_name: str | None, area_code: str | None = None, identifier: str = ""
) -> bool:
    """True when lists for this election may be in Frisian.

    Kiesbesluit art. H 2 lid 5 (geldend op 2026-01-01): Frisian may be used at
    the elections of Provinciale Staten of Fryslân, of the algemeen bestuur of
    Wetterskip Fryslân and of the gemeenteraad of a municipality in Fryslân.
    Names are compared without accents, case and punctuation ("Fryslan",
    "Friesland" and "Fryslân" alike); a gemeenteraad is also recognised by its
    CBS code (``0080`` or ``GM0080``); without a name the area part of the
    identifier counts (``PS2027_Fryslan``). ADR 0025.
    """
    names = [plain_name(area_name or ""), plain_name(_area_of_identifier(identifier))]
    names = [name for name in names if name]
    if body is Body.PS:
        return any(name in _FRISIAN_PROVINCE for name in names)
    if body is Body.AB:
        return any(name in _FRISIAN_WATERSCHAP for name in names)
    if body is Body.GR:
        code = (area_code or "").strip().upper().removeprefix("GM")
        code = code.zfill(4) if code.isdigit() else code
        return code in FRISIAN_MUNICIPALITY_CODES or any(name in _FRISIAN_GR for name in names)
    return False


ISLANDS: tuple[tuple[str, int], ...] = (("Bonaire", 9), ("Sint Eustatius", 5), ("Saba", 5))
"""The public bodies of Caribbean Netherlands and the seats of their eilandsraad
(Wet openbare lichamen Bonaire, Sint Eustatius en Saba art. 11)."""

TK_SEATS = 150
EK_SEATS = 75
EP_SEATS = 31
"""Seats of the Netherlands in the European Parliament (2024-2029)."""
EP_TERM_YEARS = 5

_SINGLE_KIESKRING = frozenset({Body.GR, Body.AB, Body.ER})
_EML_BODIES = {body.value: body for body in Body}
_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def tweede_kamer_election(election_date: date, *, year: int | None = None) -> Election:
    """An election of the Tweede Kamer: 150 seats, 20 kieskringen (Kieswet art. E 1)."""
    year = year or election_date.year
    return Election(
        body=Body.TK,
        identifier=f"TK{year}",
        name=f"Tweede Kamer der Staten-Generaal {year}",
        election_date=election_date,
        seats=TK_SEATS,
        kieskringen=TK_KIESKRINGEN,
    )


def eerste_kamer_election(election_date: date, nomination_date: date | None = None) -> Election:
    """An election of the Eerste Kamer: the 12 provinces and the kiescolleges as kieskringen.

    Kieswet art. Q 4 (nomination day) and R 1 lid 2 (the list names the
    provinces and kiescolleges), geldend op 2026-01-01. Numbers 1-12 are the
    provinces in the Kiesraad's order, 13-16 the kiescolleges.
    """
    names = [name for name, _, _ in PROVINCES] + list(EK_COLLEGES)
    return Election(
        body=Body.EK,
        identifier=f"EK{election_date.year}",
        name=f"Eerste Kamer der Staten-Generaal {election_date.year}",
        election_date=election_date,
        seats=EK_SEATS,
        kieskringen=tuple(Kieskring(str(n), name) for n, name in enumerate(names, start=1)),
        nomination_date=nomination_date,
    )


def european_parliament_election(election_date: date, seats: int = EP_SEATS) -> Election:
    """An election of the European Parliament: one kieskring (Kieswet art. Y 12), 5-year term."""
    return Election(
        body=Body.EP,
        identifier=f"EP{election_date.year}",
        name=f"Europees Parlement {election_date.year}",
        election_date=election_date,
        seats=seats,
        kieskringen=(Kieskring("1", "Nederland"),),
        term_years=EP_TERM_YEARS,
    )


def provincial_election(province: str, election_date: date, seats: int | None = None) -> Election:
    """An election of Provinciale Staten of ``province`` with its kieskringen.

    The name is matched without accents, case and punctuation; "Friesland"
    is Fryslân (the province's official name since 1997).

    Raises:
        InputError: ``province`` is not one of the twelve provinces.
    """
    wanted = plain_name(province)
    if wanted in _FRISIAN_PROVINCE:
        wanted = plain_name("Fryslân")
    for number, (name, default_seats, kieskringen) in enumerate(PROVINCES, start=1):
        if plain_name(name) == wanted:
            year = election_date.year
            return Election(
                body=Body.PS,
                identifier=f"PS{year}_{_identifier_part(name)}",
                name=f"Provinciale Staten {name} {year}",
                election_date=election_date,
                seats=seats or default_seats,
                kieskringen=kieskringen or (Kieskring("1", name),),
                area_name=name,
                area_code=str(number),
                frisian=frisian_allowed(Body.PS, name),
            )
    known = ", ".join(name for name, _, _ in PROVINCES)
    raise InputError(f"onbekende provincie {province!r} (bekend: {known})")


def waterschap_election(
    name: str,
    seats: int,
    election_date: date,
    *,
    area_code: str | None = None,
) -> Election:
    """An election of the algemeen bestuur of waterschap ``name``: one kieskring.

    Frisian is allowed for Wetterskip Fryslân (Kiesbesluit H 2 lid 5).
    """
    _check_seats(seats, name)
    return _one_area_election(
        Body.AB,
        name,
        f"Algemeen bestuur van het waterschap {name}",
        seats,
        election_date,
        area_code=area_code,
        frisian=frisian_allowed(Body.AB, name),
    )


def municipal_election(
    name: str,
    seats: int,
    election_date: date,
    cbs_code: str | None = None,
) -> Election:
    """An election of the gemeenteraad of ``name``: one kieskring.

    Frisian is allowed when the municipality lies in Fryslân (Kiesbesluit H 2
    lid 5; :data:`FRISIAN_MUNICIPALITIES`).
    """
    _check_seats(seats, name)
    return _one_area_election(
        Body.GR,
        name,
        f"Gemeenteraad {name}",
        seats,
        election_date,
        area_code=cbs_code,
        frisian=frisian_allowed(Body.GR, name, cbs_code),
    )


def _one_area_election(
    body: Body,
    area: str,
    title: str,
    seats: int,
    election_date: date,
    *,
    area_code: str | None = None,
    frisian: bool = False,
) -> Election:
    """An election in one area with one kieskring: "<title> <year>", id "<body><year>_<area>"."""
    year = election_date.year
    return Election(
        body=body,
        identifier=f"{body.value}{year}_{_identifier_part(area)}",
        name=f"{title} {year}",
        election_date=election_date,
        seats=seats,
        kieskringen=(Kieskring("1", area),),
        area_name=area,
        area_code=area_code,
        frisian=frisian,
    )


def island_election(island: str, election_date: date) -> Election:
    """An election of the eilandsraad of Bonaire, Sint Eustatius or Saba.

    Raises:
        InputError: ``island`` is not one of the three public bodies.
    """
    for name, seats in ISLANDS:
        if name == island:
            return _one_area_election(Body.ER, name, f"Eilandsraad {name}", seats, election_date)
    known = ", ".join(name for name, _ in ISLANDS)
    raise InputError(f"onbekend openbaar lichaam {island!r} (bekend: {known})")


def builtin_elections() -> tuple[Election, ...]:
    """The elections kandidaat knows without a 110a file.

    TK2025 (29 October 2025), EK2027 (nomination 20 April, election 25 May
    2027), EP2029, PS2027 for every province and ER2027 for the three islands
    (17 March 2027, the Wednesday between 14 and 20 March). Gemeenteraad and
    waterschap elections need a name and seats: use :func:`municipal_election`
    and :func:`waterschap_election`.
    """
    march_2027 = date(2027, 3, 17)
    return (
        tweede_kamer_election(date(2025, 10, 29)),
        eerste_kamer_election(date(2027, 5, 25), nomination_date=date(2027, 4, 20)),
        european_parliament_election(date(2029, 5, 24)),
        *(provincial_election(name, march_2027) for name, _, _ in PROVINCES),
        *(island_election(name, march_2027) for name, _ in ISLANDS),
    )


def builtin_election(identifier: str) -> Election:
    """The built-in election with ``identifier`` (e.g. ``PS2027_Gelderland``).

    The identifier is matched as :func:`same_identifier` does, as other
    programs spell it (e-KS writes ``PS2027_Fryslan`` for ``PS2027_Fryslân``).

    Raises:
        InputError: no built-in election has that identifier.
    """
    elections = builtin_elections()
    for election in elections:
        if election.identifier == identifier:
            return election
    for election in elections:
        if same_identifier(election.identifier, identifier):
            return election
    known = ", ".join(election.identifier for election in elections)
    raise InputError(f"onbekende verkiezing {identifier[:80]!r} (ingebouwd: {known})")


def election_from_definition(defn: ElectionDefinition) -> Election:
    """Our :class:`Election` from an EML 110a election definition.

    The body comes from ElectionCategory, the kieskringen from the regions of
    category KIESKRING (Roman numerals where the 110a says so, as Limburg
    does), the area from ElectionDomain (or the PROVINCIE/WATERSCHAP region).

    Raises:
        InputError: a category we do not nominate for, a bad date, no kieskring.
    """
    ident = defn.election
    source = f"verkiezingsdefinitie {ident.id}"
    body = _EML_BODIES.get(ident.category)
    if body is None:
        raise InputError(
            f"{source}: verkiezingssoort {ident.category!r} wordt niet ondersteund "
            f"(wel: {', '.join(_EML_BODIES)})"
        )
    election_date = _parse_date(ident.election_date, source, "ElectionDate")
    nomination = (
        _parse_date(ident.nomination_date, source, "NominationDate")
        if ident.nomination_date
        else None
    )
    kieskringen = tuple(_kieskring(region, source) for region in defn.kieskringen)
    area_name = ident.domain_name or _area_region_name(defn) or _province_of(body, ident.id)
    single = body in _SINGLE_KIESKRING or ident.subcategory == "PS1"
    if not kieskringen and single and area_name:
        # A single-kieskring election may leave the kieskring out of its tree
        # (the GR2026 Stadskanaal 110a does): the area is the kieskring.
        kieskringen = (Kieskring("1", area_name),)
    if not kieskringen and body is Body.EK:
        # e-KS's EK 110a has an empty tree; the kieskringen of the Eerste Kamer
        # are fixed by Kieswet art. R 1 lid 2: the provinces and the kiescolleges.
        kieskringen = eerste_kamer_election(election_date).kieskringen
    if not kieskringen:
        raise InputError(f"{source}: de verkiezingsdefinitie bevat geen kieskring")
    if body in {Body.TK, Body.EK, Body.EP}:
        area_name = None
    frisian = frisian_allowed(body, area_name, ident.domain_id, ident.id)
    return Election(
        body=body,
        identifier=ident.id,
        name=ident.name,
        election_date=election_date,
        seats=defn.seats,
        kieskringen=kieskringen,
        area_name=area_name,
        area_code=ident.domain_id,
        frisian=frisian,
        nomination_date=nomination,
        term_years=EP_TERM_YEARS if body is Body.EP else 4,
    )


def _province_of(body: Body, identifier: str) -> str | None:
    """The province a PS identifier names ("PS2027_Groningen"), as the Kiesraad spells it.

    e-KS writes a 110a for PS without ElectionDomain and without kieskringen
    (subcategory PS1: one kieskring); the identifier is then all that names the
    province.
    """
    if body is not Body.PS:
        return None
    wanted = plain_name(_area_of_identifier(identifier))
    for name, _, _ in PROVINCES:
        if plain_name(name) == wanted:
            return name
    return None


def _kieskring(region: Region, source: str) -> Kieskring:
    """A kieskring region as our record; Roman numerals where the 110a asks for them."""
    if not region.number:
        raise InputError(f"{source}: kieskring {region.name!r} heeft geen RegionNumber")
    number = region.number
    if region.roman_numerals and number.isdigit():
        number = _roman(int(number))
    return Kieskring(number, region.name)


def _area_region_name(defn: ElectionDefinition) -> str | None:
    """The name of the province or waterschap region, if the 110a has one."""
    for region in defn.regions:
        if region.category in {"PROVINCIE", "WATERSCHAP", "GEMEENTE"} and (
            region.superior_category is None
        ):
            return region.name
    return None


def _parse_date(text: str, source: str, field: str) -> date:
    """An ISO date from the 110a, or a Dutch error naming the field."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"{source}: {field} {text!r} is geen geldige datum (verwacht JJJJ-MM-DD)"
        ) from None


def _roman(number: int) -> str:
    """``number`` (1-39) in Roman numerals, as Limburg numbers its kieskringen."""
    result = ""
    for value, letters in _ROMAN:
        while number >= value:
            result += letters
            number -= value
    return result


def _identifier_part(name: str) -> str:
    """A name as the EML ElectionIdentifier writes it: "West Maas en Waal" -> "WestMaasenWaal"."""
    return re.sub(r"[^\w-]", "", name)


def _check_seats(seats: int, name: str) -> None:
    """Seats must be a positive number."""
    if seats < 1:
        raise InputError(f"{name}: het aantal zetels moet ten minste 1 zijn (nu {seats})")
