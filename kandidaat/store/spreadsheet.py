"""Candidates from and to spreadsheets: CSV (``;`` or ``,``) and XLSX, one person a row.

The format is documented for users in docs/spreadsheet.md: a header row with
Dutch column names (any order, any case), then one candidate per row in the
order of the list. Reading collects every problem of every row, each with the
file name, the row number and the column, and returns no candidates at all when
there is any problem: an import is whole or not at all.

Kiesbesluit art. H 2 lid 1 and lid 4 (geldend op 2026-01-01) decide the fields
of a candidate: last name, initials, date of birth, woonplaats, optionally the
roepnaam and the gender; Kieswet art. H 9 and H 10 add the correspondence
address, the BSN and the gemachtigde of a candidate living abroad.

Exported cells that start with ``=``, ``+``, ``-`` or ``@`` get a leading
apostrophe in CSV so that no spreadsheet program runs them as a formula; XLSX
cells are written as text cells (docs/adr/0032).
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.domain.nomination.checks.facts import PartialDate
from kandidaat.domain.nomination.model import Agent, Candidate, Gender, PostalAddress
from kandidaat.domain.nomination.text_rules import LIMITS, postcode_problem, text_problem
from kandidaat.domain.nomination.text_rules import shown as shown_text
from kandidaat.store._tables import Cell, Formula, Table, read_table
from kandidaat.store.errors import ProjectFileError, SpreadsheetError, SpreadsheetProblem
from kandidaat.store.reasons import Action, os_reason

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "ImportResult",
    "MergeResult",
    "merge_candidates",
    "read_candidates",
    "write_candidates",
]

COLUMNS: tuple[str, ...] = (
    "positie",
    "voorletters",
    "roepnaam",
    "voorvoegsel",
    "achternaam",
    "geslacht",
    "geboortedatum",
    "woonplaats",
    "landcode",
    "bsn",
    "postadres",
    "postcode",
    "plaats",
    "gemachtigde_voorletters",
    "gemachtigde_voorvoegsel",
    "gemachtigde_achternaam",
    "gemachtigde_postadres",
    "gemachtigde_postcode",
    "gemachtigde_plaats",
)
"""The columns in the order they are exported (docs/spreadsheet.md)."""

REQUIRED_COLUMNS: tuple[str, ...] = ("voorletters", "achternaam")
"""Columns every file must have; all others may be left out."""

_E_KS_ALIASES: dict[str, tuple[str, int]] = {
    "correspondentie_straatnaam": ("postadres", 0),
    "correspondentie_huisnummer": ("postadres", 1),
    "correspondentie_toevoeging": ("postadres", 2),
    "correspondentie_postcode": ("postcode", 0),
    "correspondentie_plaats": ("plaats", 0),
    "gemachtigde_straatnaam": ("gemachtigde_postadres", 0),
    "gemachtigde_huisnummer": ("gemachtigde_postadres", 1),
    "gemachtigde_toevoeging": ("gemachtigde_postadres", 2),
}
"""Columns of the Kiesraad's e-KS export, read as parts of our columns."""

MAX_TEXT = 200
"""Longest text in a field: the BRP holds at most 200 characters for a geslachtsnaam."""
MAX_INITIALS = 20

_NO_BSN = "kandidaat heeft geen bsn"  # what e-KS writes for a confirmed missing BSN
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_GENDERS = {"m": Gender.MALE, "man": Gender.MALE, "v": Gender.FEMALE, "vrouw": Gender.FEMALE}
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d+)")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?")
_POSTCODE = re.compile(r"([1-9]\d{3}) ?([A-Za-z]{2})")
_COUNTRY = re.compile(r"[A-Z]{2}")
_ADDRESS = ("postadres", "postcode", "plaats")
_COLUMN_LIMITS = {
    "voorvoegsel": LIMITS["prefix"],
    "gemachtigde_voorvoegsel": LIMITS["prefix"],
    "woonplaats": LIMITS["locality"],
    "plaats": LIMITS["locality"],
    "gemachtigde_plaats": LIMITS["locality"],
    "postadres": LIMITS["street"],
    "gemachtigde_postadres": LIMITS["street"],
}
"""Columns with a tighter limit than MAX_TEXT (ADR 0034)."""
_FORMULA_ADVICE = (
    "kandidaat rekent geen formules uit; typ de waarde zelf in de cel "
    "(of kopieer de kolom en plak als waarden)"
)
_COMPOSED = ("postadres", "gemachtigde_postadres")
_AGENT = (
    "gemachtigde_voorletters",
    "gemachtigde_voorvoegsel",
    "gemachtigde_achternaam",
    "gemachtigde_postadres",
    "gemachtigde_postcode",
    "gemachtigde_plaats",
)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What reading a spreadsheet gave: all candidates, or the problems and none.

    ``candidates`` are in list order (the ``positie`` column when present,
    otherwise the order of the rows) with fresh keys; :func:`merge_candidates`
    gives persons already in the address book their existing key.
    ``columns`` are the columns the file has (only those are taken over when a
    person is merged); ``rows`` holds the row number of each candidate.
    """

    source: str
    candidates: tuple[Candidate, ...]
    columns: frozenset[str]
    rows: tuple[int, ...]
    problems: tuple[SpreadsheetProblem, ...]

    @property
    def ok(self) -> bool:
        """True when the file had no problems (and the candidates may be used)."""
        return not self.problems

    def raise_for_problems(self) -> None:
        """Raise one :class:`SpreadsheetError` listing every problem, if there are any."""
        if self.problems:
            raise SpreadsheetError(self.problems)


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The address book after an import and the key of every imported candidate.

    ``keys`` follows the order of the import, so ``CandidateList(key,
    kieskringen, result.keys)`` makes the list as the file ordered it.
    """

    address_book: tuple[Candidate, ...]
    keys: tuple[str, ...]
    added: tuple[str, ...]
    updated: tuple[str, ...]


# -- reading --------------------------------------------------------------------------


def read_candidates(path: Path, *, today: date | None = None) -> ImportResult:
    """Read candidates from a CSV or XLSX file; every problem is reported, none imported.

    ``today`` (default: the current date) decides which dates of birth lie in
    the future.
    """
    table = read_table(path)
    return _parse_table(table, today or date.today())  # noqa: DTZ011 - a calendar date, local


def _parse_table(table: Table, today: date) -> ImportResult:
    columns: dict[str, list[int | None]] = {}
    candidates: list[tuple[int, int | None, Candidate]] = []
    if not table.problems:
        if not table.rows:
            table.problem(None, "", "het bestand is leeg")
        else:
            header_row, header = table.rows[0]
            columns = _read_header(table, header_row, header)
    if not table.problems:
        if len(table.rows) == 1:
            table.problem(None, "", "het bestand bevat alleen een kopregel en geen kandidaten")
        for number, cells in table.rows[1:]:
            row = _Row(table, number, columns, cells)
            candidate = row.candidate(today)
            if candidate is not None:
                candidates.append((number, row.position(), candidate))
        if "positie" in columns:
            candidates = _order_by_position(table, candidates)
        _check_duplicates(table, candidates)
    if table.problems:
        problems = sorted(table.problems, key=_problem_order)
        return ImportResult(table.source, (), frozenset(columns), (), tuple(problems))
    return ImportResult(
        table.source,
        tuple(candidate for _, _, candidate in candidates),
        frozenset(columns),
        tuple(number for number, _, _ in candidates),
        (),
    )


def _problem_order(problem: SpreadsheetProblem) -> tuple[int, int]:
    """File problems first, then by row, and inside a row in the order of the columns."""
    column = _E_KS_ALIASES.get(problem.column, (problem.column, 0))[0]
    place = COLUMNS.index(column) if column in COLUMNS else -1
    return (-1 if problem.row is None else problem.row, place)


def _header_name(cell: Cell) -> str:
    text = "" if cell is None else str(cell)
    return "_".join(re.split(r"[\s\-]+", text.strip().casefold())).strip("_")


def _read_header(table: Table, row: int, header: list[Cell]) -> dict[str, list[int | None]]:
    """Map each of our columns to the cell indexes holding it (parts for e-KS columns)."""
    names = [_header_name(cell) for cell in header]
    known = set(COLUMNS) | set(_E_KS_ALIASES)
    if not any(name in known for name in names):
        table.problem(
            row,
            "",
            "dit is geen kopregel met kolomnamen; de eerste regel moet kolommen noemen zoals "
            f"{';'.join(COLUMNS[:5])} (zie de handleiding)",
        )
        return {}
    columns: dict[str, list[int | None]] = {}
    seen: set[str] = set()
    for index, name in enumerate(names):
        if not name:
            continue
        if name not in known:
            table.problem(
                row,
                str(header[index]).strip(),
                f"onbekende kolom; bekend zijn: {', '.join(COLUMNS)}",
            )
        elif name in seen:
            table.problem(row, name, "deze kolom staat twee keer in de kopregel")
        else:
            seen.add(name)
            target, part = _E_KS_ALIASES.get(name, (name, 0))
            slots = columns.setdefault(
                target, [None, None, None] if target in _COMPOSED else [None]
            )
            slots[part] = index
    for name in sorted(seen & set(_E_KS_ALIASES)):
        target = _E_KS_ALIASES[name][0]
        if target in seen:
            table.problem(row, name, f"deze kolom en kolom {target} beschrijven hetzelfde")
    for name in REQUIRED_COLUMNS:
        if name not in columns:
            table.problem(row, name, "deze kolom ontbreekt in de kopregel")
    return columns


class _Row:
    """One data row: its cells by column, and the problems found in it."""

    def __init__(
        self, table: Table, number: int, columns: dict[str, list[int | None]], cells: list[Cell]
    ) -> None:
        self.table = table
        self.number = number
        self.columns = columns
        self.cells = cells
        self.failed = False
        self.failed_columns: set[str] = set()
        used = {index for slots in columns.values() for index in slots if index is not None}
        for index, cell in enumerate(cells):
            if index not in used and not _blank(cell):
                self.problem(
                    "", f"kolom {index + 1} heeft een waarde, maar geen kolomnaam in de kopregel"
                )

    def problem(self, column: str, message: str) -> None:
        self.failed = True
        self.failed_columns.add(column)
        self.table.problem(self.number, column, message)

    def raw(self, column: str) -> Cell:
        slots = self.columns.get(column, [None])
        index = slots[0]
        return None if index is None or index >= len(self.cells) else self.cells[index]

    def text(self, column: str, limit: int = MAX_TEXT) -> str:
        if column in _COMPOSED:
            return self._street(column, limit)
        return self._text_of(column, self.raw(column), limit)

    def _street(self, column: str, limit: int) -> str:
        parts = []
        for index in self.columns.get(column, []):
            cell = None if index is None or index >= len(self.cells) else self.cells[index]
            parts.append(self._text_of(column, cell, limit))
        street = parts[0] if parts else ""
        number = "".join(parts[1:2])
        addition = "".join(parts[2:3])
        if addition:
            number += addition if addition[0].isalpha() else f"-{addition}"
        return " ".join(part for part in (street, number) if part)

    def _text_of(self, column: str, cell: Cell, limit: int) -> str:
        if isinstance(cell, Formula):
            self.problem(column, f"bevat een formule ({_show(cell)}); {_FORMULA_ADVICE}")
            return ""
        text = _cell_text(cell)
        if text is None:
            self.problem(column, f"{_show(cell)} is geen tekst")
            return ""
        if self.table.row_word == "regel" and text[:1] == "'" and _looks_like_formula(text):
            text = text[1:]  # our own export guards formulas with an apostrophe
        problem = text_problem(text, min(limit, _COLUMN_LIMITS.get(column, limit)))
        if problem is not None:
            self.problem(column, problem)
            return ""
        return text

    def position(self) -> int | None:
        if "positie" not in self.columns:
            return None
        cell = self.raw("positie")
        text = _cell_text(cell)
        if text is not None and text.isdigit() and int(text) >= 1:
            return int(text)
        self.problem("positie", f"{_show(cell)} is geen positie (een heel getal vanaf 1)")
        return None

    def candidate(self, today: date) -> Candidate | None:
        initials = self.text("voorletters", MAX_INITIALS)
        last_name = self.text("achternaam")
        for column, value in (("voorletters", initials), ("achternaam", last_name)):
            if not value and column not in self.failed_columns:
                self.problem(column, "is leeg; elke kandidaat heeft voorletters en een achternaam")
        candidate = Candidate(
            key=uuid.uuid4().hex,
            initials=initials,
            last_name=last_name,
            prefix=self.text("voorvoegsel"),
            first_name=self.text("roepnaam"),
            gender=self._gender(),
            date_of_birth=self._date_of_birth(today),
            date_of_birth_annex=self._partial_date_of_birth(),
            locality=self.text("woonplaats"),
            country_code=self._country(),
            bsn=self._bsn(),
            correspondence=self._address(),
            agent=self._agent(),
        )
        return None if self.failed else candidate

    def _gender(self) -> Gender | None:
        text = self.text("geslacht").casefold()
        if not text:
            return None
        if text not in _GENDERS:
            self.problem("geslacht", f"'{text}' is geen geslacht; gebruik m, v of laat het leeg")
        return _GENDERS.get(text)

    def _partial_date_of_birth(self) -> str:
        """XX-05-1976: a date of birth the BRP knows only in part (ADR 0026), else ""."""
        cell = self.raw("geboortedatum")
        if not isinstance(cell, str):
            return ""
        partial = PartialDate.parse(cell.upper())
        return "" if partial is None else partial.text

    def _date_of_birth(self, today: date) -> date | None:
        cell = self.raw("geboortedatum")
        if _blank(cell) or self._partial_date_of_birth():
            return None
        value = _date(cell)
        if isinstance(value, str):
            self.problem("geboortedatum", value)
            return None
        if value > today:
            self.problem("geboortedatum", f"{value:%d-%m-%Y} ligt in de toekomst")
            return None
        return value

    def _country(self) -> str:
        text = self.text("landcode").upper()
        if not text:
            return "NL"
        if not _COUNTRY.fullmatch(text):
            self.problem(
                "landcode",
                f"'{text}' is geen landcode van twee letters (ISO 3166, bijvoorbeeld NL of BE)",
            )
        return text

    def _bsn(self) -> str:
        cell = self.raw("bsn")
        text = self.text("bsn")
        if not text or text.casefold() == _NO_BSN:
            return ""
        digits = text.replace(" ", "").replace(".", "")
        if digits.isdigit() and len(digits) == 8:  # Excel dropped the leading 0
            digits = f"0{digits}"
        if not (digits.isdigit() and len(digits) == 9):
            self.problem("bsn", f"{_show(cell)} is geen BSN: een BSN heeft 9 cijfers")
        elif not _eleven_test(digits):
            self.problem("bsn", f"'{digits}' is geen geldig BSN (de elfproef klopt niet)")
        return digits

    def _postcode(self, column: str) -> str:
        text = self.text(column)
        if not text:
            return ""
        match = _POSTCODE.fullmatch(text.strip())
        problem = postcode_problem(text.strip())
        if match is None or problem is not None:
            self.problem(column, problem or f"'{text}' is geen Nederlandse postcode")
            return text
        return f"{match.group(1)} {match.group(2).upper()}"

    def _address(self) -> PostalAddress | None:
        street, postcode, locality = (
            self.text("postadres"),
            self._postcode("postcode"),
            self.text("plaats"),
        )
        if not (street or postcode or locality):
            return None
        for column, value in zip(_ADDRESS, (street, postcode, locality), strict=True):
            if not value:
                self.problem(
                    column, "is leeg; vul postadres, postcode en plaats alle drie in of geen"
                )
        return PostalAddress(street, postcode, locality, "NL")

    def _agent(self) -> Agent | None:
        initials = self.text("gemachtigde_voorletters", MAX_INITIALS)
        prefix = self.text("gemachtigde_voorvoegsel")
        last_name = self.text("gemachtigde_achternaam")
        street = self.text("gemachtigde_postadres")
        postcode = self._postcode("gemachtigde_postcode")
        locality = self.text("gemachtigde_plaats")
        values = (initials, prefix, last_name, street, postcode, locality)
        if not any(values):
            return None
        for column, value in zip(_AGENT, values, strict=True):
            if not value and column != "gemachtigde_voorvoegsel":
                self.problem(
                    column, "is leeg; een gemachtigde heeft voorletters, achternaam en een adres"
                )
        return Agent(initials, last_name, prefix, PostalAddress(street, postcode, locality, "NL"))


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _show(cell: Cell) -> str:
    if isinstance(cell, Formula):
        return f"de formule '{shown_text(cell.text)}'"
    if isinstance(cell, datetime | date):
        return f"de datum {cell:%d-%m-%Y}"
    return f"'{shown_text(str(cell))}'"


def _cell_text(cell: Cell) -> str | None:
    """The text of a cell: numbers without decimals become digits; None when not text-like."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool | datetime | date | Formula):
        return None
    if isinstance(cell, int):
        return str(cell)
    if cell.is_integer():
        return str(int(cell))
    return None


def _date(cell: Cell) -> date | str:
    """A date from an Excel date or from text dd-mm-jjjj or jjjj-mm-dd; else a Dutch reason."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, Formula):
        return f"bevat een formule ({_show(cell)}); {_FORMULA_ADVICE}"
    if not isinstance(cell, str):
        return (
            f"{_show(cell)} is een getal en geen datum; maak de kolom op als datum "
            "of typ dd-mm-jjjj"
        )
    return _date_from_text(cell.strip())


def _date_from_text(text: str) -> date | str:
    """dd-mm-jjjj (also with / or .) or jjjj-mm-dd; else a Dutch reason."""
    day_first = _DAY_FIRST.fullmatch(text)
    iso = _ISO.fullmatch(text)
    if day_first is not None:
        day, month, year = day_first.groups()
    elif iso is not None:
        year, month, day = iso.groups()
    else:
        return f"'{shown_text(text)}' is geen datum; schrijf dd-mm-jjjj, bijvoorbeeld 29-02-1980"
    if len(year) != 4:
        return f"'{text}': schrijf het jaar met vier cijfers (dd-mm-jjjj)"
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return f"'{text}' is geen bestaande datum"


def _eleven_test(digits: str) -> bool:
    """The BSN elfproef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11."""
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(digit) * weight for digit, weight in zip(digits, weights, strict=True))
    return total % 11 == 0 and digits != "000000000"


def _order_by_position(
    table: Table, candidates: list[tuple[int, int | None, Candidate]]
) -> list[tuple[int, int | None, Candidate]]:
    """Sort by the ``positie`` column, which must number the rows 1, 2, 3, ... once each."""
    first_row: dict[int, int] = {}
    for number, position, _ in candidates:
        if position is None:
            continue
        if position in first_row:
            table.problem(
                number, "positie", f"positie {position} staat ook op regel {first_row[position]}"
            )
        else:
            first_row[position] = number
    if not table.problems:
        missing = [p for p in range(1, len(candidates) + 1) if p not in first_row]
        if missing:
            table.problem(
                None,
                "positie",
                f"de posities moeten 1 tot en met {len(candidates)} zijn; "
                f"ontbrekend: {', '.join(map(str, missing[:10]))}",
            )
    return sorted(candidates, key=lambda item: item[1] or 0)


def _identity(candidate: Candidate) -> tuple[str, str, str, date | None]:
    """Initials (without dots), prefix, last name (case and spaces ignored), date of birth."""
    initials = re.sub(r"[\s.]", "", candidate.initials).casefold()
    return (
        initials,
        " ".join(candidate.prefix.casefold().split()),
        " ".join(candidate.last_name.casefold().split()),
        candidate.date_of_birth,
    )


def _same_person(one: Candidate, other: Candidate) -> bool:
    """Same BSN when both have one; otherwise same initials, name and date of birth."""
    if one.bsn and other.bsn:
        return one.bsn == other.bsn
    return _identity(one) == _identity(other)


class _PersonIndex:
    """Finds a person by BSN or by name and date of birth without comparing every pair."""

    def __init__(self) -> None:
        self._by_bsn: dict[str, int] = {}
        self._by_identity: dict[tuple[str, str, str, date | None], list[tuple[int, str]]] = {}

    def find(self, candidate: Candidate) -> int | None:
        """The number of an earlier person that is the same as ``candidate``, if any."""
        if candidate.bsn and candidate.bsn in self._by_bsn:
            return self._by_bsn[candidate.bsn]
        for number, bsn in self._by_identity.get(_identity(candidate), []):
            if not (bsn and candidate.bsn):
                return number
        return None

    def add(self, number: int, candidate: Candidate) -> None:
        """Remember ``candidate`` under ``number``."""
        if candidate.bsn:
            self._by_bsn.setdefault(candidate.bsn, number)
        self._by_identity.setdefault(_identity(candidate), []).append((number, candidate.bsn))


def _check_duplicates(table: Table, candidates: list[tuple[int, int | None, Candidate]]) -> None:
    """The same person twice in one file (same BSN, or same name and date of birth)."""
    index = _PersonIndex()
    for number, _, candidate in candidates:
        earlier = index.find(candidate)
        if earlier is not None:
            table.problem(number, "", f"dezelfde persoon staat al op {table.row_word} {earlier}")
        index.add(number, candidate)


# -- merging into the address book -------------------------------------------------------

_FIELDS_BY_COLUMN: dict[str, tuple[str, ...]] = {
    "voorletters": ("initials",),
    "roepnaam": ("first_name",),
    "voorvoegsel": ("prefix",),
    "achternaam": ("last_name",),
    "geslacht": ("gender",),
    "geboortedatum": ("date_of_birth",),
    "woonplaats": ("locality",),
    "landcode": ("country_code",),
    "bsn": ("bsn",),
    "postadres": ("correspondence",),
    "postcode": ("correspondence",),
    "plaats": ("correspondence",),
    **dict.fromkeys(_AGENT, ("agent",)),
}


def merge_candidates(address_book: Sequence[Candidate], result: ImportResult) -> MergeResult:
    """Merge imported candidates into an address book.

    A person already in the book (same BSN; without BSN on either side: same
    initials, prefix, last name and date of birth) keeps its key, its place and
    every field the file has no column for; the file's columns overwrite the
    rest. New persons come last, in file order. Refuses a result with problems.
    """
    result.raise_for_problems()
    fields = sorted(
        {name for column in result.columns for name in _FIELDS_BY_COLUMN.get(column, ())}
    )
    book = list(address_book)
    index = _PersonIndex()
    for number, candidate in enumerate(book):
        index.add(number, candidate)
    keys: list[str] = []
    added: list[str] = []
    updated: list[str] = []
    for candidate in result.candidates:
        found = index.find(candidate)
        if found is None:
            book.append(candidate)
            index.add(len(book) - 1, candidate)
            added.append(candidate.key)
            keys.append(candidate.key)
            continue
        existing = book[found]
        book[found] = replace(existing, **{name: getattr(candidate, name) for name in fields})
        if existing.key not in added:
            updated.append(existing.key)
        keys.append(existing.key)
    return MergeResult(tuple(book), tuple(keys), tuple(added), tuple(dict.fromkeys(updated)))


# -- writing ----------------------------------------------------------------------------------


def write_candidates(path: Path, candidates: Sequence[Candidate]) -> None:
    """Write candidates in list order as CSV or XLSX (by the file's extension), atomically.

    CSV is ``;``-separated UTF-8 with a byte order mark, as Excel expects it.
    The file is either completely written or left as it was.
    """
    suffix = path.suffix.casefold()
    if suffix == ".csv":
        data = _csv_bytes(candidates)
    elif suffix == ".xlsx":
        data = _xlsx_bytes(path, candidates)
    else:
        raise ProjectFileError(
            path,
            f"onbekend bestandstype '{path.suffix}'; kies een naam die eindigt op .csv of .xlsx",
        )
    try:
        write_bytes_atomically(path, data)
    except OSError as error:
        raise ProjectFileError(
            path,
            f"kan niet worden geschreven ({os_reason(error, Action.WRITE_FILE)}); "
            "er is niets veranderd",
        ) from error


def _row_values(position: int, candidate: Candidate) -> list[str | int | date]:
    postal = candidate.correspondence or PostalAddress("", "", "", "")
    agent = candidate.agent
    agent_address = agent.address if agent else PostalAddress("", "", "", "")
    return [
        position,
        candidate.initials,
        candidate.first_name,
        candidate.prefix,
        candidate.last_name,
        "" if candidate.gender is None else candidate.gender.value,
        candidate.date_of_birth_annex
        if candidate.date_of_birth is None
        else candidate.date_of_birth,
        candidate.locality,
        candidate.country_code,
        candidate.bsn,
        postal.street,
        postal.postal_code,
        postal.locality,
        agent.initials if agent else "",
        agent.prefix if agent else "",
        agent.last_name if agent else "",
        agent_address.street,
        agent_address.postal_code,
        agent_address.locality,
    ]


def _looks_like_formula(value: str) -> bool:
    """Starts with = + - @ (or tab, CR), possibly behind apostrophes we added before."""
    first = value.lstrip("'")[:1]
    return bool(first) and first in _FORMULA_START


def _neutralised(value: str) -> str:
    """A text that no spreadsheet program will run as a formula (docs/adr/0032).

    One apostrophe is added in front; reading removes exactly one again, so a
    value that itself starts with apostrophes survives the round trip.
    """
    return f"'{value}" if _looks_like_formula(value) else value


def _csv_bytes(candidates: Sequence[Candidate]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for position, candidate in enumerate(candidates, start=1):
        writer.writerow(
            [
                f"{value:%d-%m-%Y}" if isinstance(value, date) else _neutralised(str(value))
                for value in _row_values(position, candidate)
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_bytes(path: Path, candidates: Sequence[Candidate]) -> bytes:
    # openpyxl is imported here: only XLSX export needs it.
    from openpyxl import Workbook  # noqa: PLC0415 - keeps the CSV path free of openpyxl
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415 - as above
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # noqa: PLC0415 - as above

    rows = [_row_values(position, c) for position, c in enumerate(candidates, start=1)]
    for position, values in enumerate(rows, start=1):
        if any(isinstance(v, str) and ILLEGAL_CHARACTERS_RE.search(v) for v in values):
            raise ProjectFileError(
                path,
                f"kandidaat {candidates[position - 1].display_name} (positie {position}) heeft "
                "een onzichtbaar stuurteken in een veld; Excel kan dat niet bewaren",
            )

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Kandidaten")
    sheet.append(list(COLUMNS))
    for values in rows:
        cells = []
        for value in values:
            if isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=datetime.combine(value, time()))
                cell.number_format = "DD-MM-YYYY"
            else:
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula, whatever it starts with
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
