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
from datetime import date
from typing import TYPE_CHECKING

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.model import Body, Election, Kieskring

if TYPE_CHECKING:
    from kandidaat.domain.election.definition import ElectionDefinition, Region

__all__ = [
    "EK_COLLEGES",
    "FRISIAN_MUNICIPALITIES",
    "PROVINCES",
    "TK_KIESKRINGEN",
    "builtin_election",
    "builtin_elections",
    "eerste_kamer_election",
    "election_from_definition",
    "european_parliament_election",
    "island_election",
    "municipal_election",
    "provincial_election",
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

FRISIAN_MUNICIPALITIES: frozenset[str] = frozenset(
    {
        "Achtkarspelen",
        "Ameland",
        "Dantumadiel",
        "De Fryske Marren",
        "Harlingen",
        "Heerenveen",
        "Leeuwarden",
        "Noardeast-Fryslân",
        "Ooststellingwerf",
        "Opsterland",
        "Schiermonnikoog",
        "Smallingerland",
        "Súdwest-Fryslân",
        "Terschelling",
        "Tytsjerksteradiel",
        "Vlieland",
        "Waadhoeke",
        "Weststellingwerf",
    }
)
"""Municipalities of Fryslân: the Frisian language may be used (Kiesbesluit H 2 lid 5);
the same 18 carry FrysianExportAllowed in the TK2023 110a."""

FRISIAN_AREAS: frozenset[str] = frozenset({"Fryslân", "Friesland", "Wetterskip Fryslân"})
"""Province and waterschap whose elections may use Frisian."""

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

    Raises:
        InputError: ``province`` is not one of the twelve provinces.
    """
    for number, (name, default_seats, kieskringen) in enumerate(PROVINCES, start=1):
        if name == province:
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
                frisian=name in FRISIAN_AREAS,
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
        frisian=name in FRISIAN_AREAS,
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
        frisian=name in FRISIAN_MUNICIPALITIES,
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

    Raises:
        InputError: no built-in election has that identifier.
    """
    elections = builtin_elections()
    for election in elections:
        if election.identifier == identifier:
            return election
    known = ", ".join(election.identifier for election in elections)
    raise InputError(f"onbekende verkiezing {identifier!r} (ingebouwd: {known})")


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
    area_name = ident.domain_name or _area_region_name(defn)
    if not kieskringen and body in _SINGLE_KIESKRING and area_name:
        # A single-kieskring election may leave the kieskring out of its tree
        # (the GR2026 Stadskanaal 110a does): the area is the kieskring.
        kieskringen = (Kieskring("1", area_name),)
    if not kieskringen:
        raise InputError(f"{source}: de verkiezingsdefinitie bevat geen kieskring")
    if body in {Body.TK, Body.EK, Body.EP}:
        area_name = None
    frisian = bool(area_name) and (
        area_name in FRISIAN_AREAS or (body is Body.GR and area_name in FRISIAN_MUNICIPALITIES)
    )
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
