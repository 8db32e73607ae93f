"""Raw tables from CSV and XLSX files: rows of cells with the row numbers a user sees.

Reading only decodes, splits and guards against hostile files (size, zip
bombs, DTDs); what the cells mean is decided in :mod:`kandidaat.store.spreadsheet`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from kandidaat.store.errors import SpreadsheetProblem
from kandidaat.store.reasons import Action, os_reason

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

__all__ = ["MAX_FILE_BYTES", "MAX_ROWS", "Cell", "Formula", "Table", "read_table"]


@dataclass(frozen=True, slots=True)
class Formula:
    """An XLSX cell that holds a formula: kandidaat never computes one (its text, "=A1&B1")."""

    text: str


Cell = str | int | float | bool | date | datetime | Formula | None
"""A cell value: always str from CSV; from XLSX whatever the cell holds."""

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Larger files are refused: 20 MB holds hundreds of thousands of candidates."""
MAX_ROWS = 10_000
"""More rows than this are refused (a party's address book is far smaller)."""
MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024
"""What all parts of an XLSX file may unpack to together (zip bomb guard)."""
MAX_XLSX_RATIO = 100
"""The largest compression ratio of a large part (real sheets stay far below)."""
MAX_XLSX_PARTS = 1_000

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DELIMITERS = (";", "\t", ",")
_FORBIDDEN_IN_XML = ("<!doctype", "<!entity")
# XML 1.0 Appendix F: the encoding of an XML entity from its first bytes.
_XML_SIGNATURES = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)
_ENCODING_DECLARATION = re.compile(
    rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']"""
)
_XML_ENCODINGS = frozenset({"utf-8", "utf_8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1"})
_PREFERRED_SHEET = "kandidaten"


@dataclass(slots=True)
class Table:
    """The rows of one sheet: ``rows`` holds (row number, cells), blank rows left out."""

    source: str
    row_word: str
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)
    problems: list[SpreadsheetProblem] = field(default_factory=list)

    def problem(self, row: int | None, column: str, message: str) -> None:
        """Record a problem at a row (None: the whole file) and column."""
        self.problems.append(SpreadsheetProblem(self.source, row, column, message, self.row_word))


def read_table(path: Path) -> Table:
    """Read a CSV or XLSX file (decided by its content, not its name) into a table."""
    source = path.name
    data = _read_bytes(path)
    if isinstance(data, str):
        return _failed(source, data)
    if data.startswith(_ZIP_MAGIC):
        return _read_xlsx(source, data)
    if data.startswith(_OLE_MAGIC):
        return _failed(
            source, "dit is een oud Excel-bestand (.xls); sla het op als .xlsx of als CSV"
        )
    return _read_csv(source, data)


def _read_bytes(path: Path) -> bytes | str:
    """The file's bytes, or a Dutch reason why they cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return f"het bestand is te groot ({size // (1024 * 1024)} MB)"
        with path.open("rb") as handle:  # read at most the limit, even if the file grows
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            return f"het bestand is te groot (meer dan {MAX_FILE_BYTES // (1024 * 1024)} MB)"
    except FileNotFoundError:
        return "het bestand bestaat niet"
    except IsADirectoryError:
        return "dit is een map, geen bestand"
    except OSError as error:
        return f"het bestand kan niet worden gelezen ({os_reason(error, Action.READ_FILE)})"
    return data


def _failed(source: str, message: str, row_word: str = "regel") -> Table:
    table = Table(source, row_word)
    table.problem(None, "", message)
    return table


# -- CSV -------------------------------------------------------------------------------


def _decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _delimiter(text: str) -> str:
    """The separator of the first non-blank line: the most frequent of ; tab , (outside quotes)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in first:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])  # ties: the earlier one (; first)
    return best if counts[best] else ";"


def _read_csv(source: str, data: bytes) -> Table:
    table = Table(source, "regel")
    text = _decode(data)
    if text is None:
        table.problem(None, "", "dit is geen tekstbestand (onbekende tekenset); is het een CSV?")
        return table
    if "\x00" in text:
        table.problem(None, "", "dit is geen CSV-bestand: het bevat binaire gegevens")
        return table
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    line = 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                if len(table.rows) > MAX_ROWS:
                    table.problem(None, "", f"het bestand heeft meer dan {MAX_ROWS} regels")
                    return table
                table.rows.append((line, list(record)))
            line = reader.line_num + 1
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            table.problem(line, "", f"een veld is langer dan {csv.field_size_limit()} tekens")
        else:
            table.problem(
                line,
                "",
                'de aanhalingstekens kloppen niet (een veld begint met " maar sluit niet af)',
            )
    return table


# -- XLSX ------------------------------------------------------------------------------


def _check_zip(table: Table, data: bytes) -> bool:
    """Refuse broken archives, zip bombs and XML with DTDs before openpyxl reads them."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        table.problem(None, "", "het Excel-bestand is beschadigd (geen geldig zip-archief)")
        return False
    with archive:
        parts = archive.infolist()
        unpacked = sum(part.file_size for part in parts)
        too_dense = any(
            part.file_size > 1024 * 1024
            and part.file_size > MAX_XLSX_RATIO * max(part.compress_size, 1)
            for part in parts
        )
        if len(parts) > MAX_XLSX_PARTS or unpacked > MAX_XLSX_UNPACKED_BYTES or too_dense:
            table.problem(
                None, "", "het Excel-bestand pakt uit tot een onredelijke omvang (zip-bom?)"
            )
            return False
        try:
            for part in parts:
                problem = _xml_part_problem(archive, part)
                if problem is not None:
                    table.problem(None, "", f"het Excel-bestand {problem} en wordt geweigerd")
                    return False
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            table.problem(None, "", "het Excel-bestand is beschadigd (uitpakken mislukt)")
            return False
    return True


def _xml_encoding(head: bytes) -> str | None:
    """The encoding of an XML part by XML 1.0 Appendix F; None when it is not XML."""
    for signature, encoding in _XML_SIGNATURES:
        if head.startswith(signature):
            return encoding
    stripped = head.lstrip()
    if not stripped.startswith(b"<"):
        return None
    declared = _ENCODING_DECLARATION.match(stripped)
    return "utf-8" if declared is None else declared.group(1).decode("ascii").lower()


def _xml_part_problem(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> str | None:
    """Why a part of the archive is refused: a DTD or entity in any encoding, or odd text.

    Every part is looked at, whatever its name: the part is decoded as an XML
    parser would (byte order mark, UTF-16, UTF-32, the declared encoding) before
    DOCTYPE and ENTITY are looked for, so that no encoding hides them.
    """
    with archive.open(part) as handle:
        data = handle.read(MAX_XLSX_UNPACKED_BYTES + 1)
    encoding = _xml_encoding(data[:256])
    if encoding is None:
        if part.filename.lower().endswith((".xml", ".rels")):
            return f"bevat een onderdeel ({part.filename[:60]}) dat geen XML is"
        return None  # pictures and other binary parts: no parser reads them as XML
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        return f"gebruikt een onbekende tekenset ({encoding})"
    if not codec.startswith(("utf-8", "utf-16", "utf-32")) and codec not in _XML_ENCODINGS:
        return f"gebruikt een ongebruikelijke tekenset ({encoding})"
    text = data.decode(codec, errors="replace").lower()
    if any(marker in text for marker in _FORBIDDEN_IN_XML):
        return "bevat een DOCTYPE of ENTITY"
    return None


def _read_xlsx(source: str, data: bytes) -> Table:
    table = Table(source, "rij")
    if not _check_zip(table, data):
        return table
    # openpyxl is imported here: only XLSX files need it.
    import openpyxl  # noqa: PLC0415 - keeps the CSV path and the project file free of it

    try:
        # data_only=False: a formula stays recognisable as a formula (never computed).
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False
        )
    except Exception:  # noqa: BLE001 - openpyxl raises many types for a broken file
        table.problem(None, "", "het bestand kan niet als Excel-werkmap (.xlsx) worden gelezen")
        return table
    try:
        sheets = workbook.worksheets
        if not sheets:
            table.problem(None, "", "de werkmap heeft geen werkblad")
            return table
        sheet = next((s for s in sheets if s.title.casefold() == _PREFERRED_SHEET), sheets[0])
        if len(sheets) > 1:
            table.source = f"{source}, blad {sheet.title}"
        sheet.reset_dimensions()  # a declared A1:XFD1048576 must not pad every row
        _fill_from_sheet(table, sheet.iter_rows())
    except Exception:  # noqa: BLE001 - a broken sheet shows up only while reading rows
        table.rows.clear()
        table.problem(None, "", "het werkblad is beschadigd en kan niet worden gelezen")
    finally:
        workbook.close()
    return table


def _fill_from_sheet(table: Table, rows: Iterable[tuple[object, ...]]) -> None:
    """Copy the non-blank rows; stop with a problem after :data:`MAX_ROWS` rows."""
    for number, values in enumerate(rows, start=1):
        if number > MAX_ROWS + 1:
            table.problem(None, "", f"het werkblad heeft meer dan {MAX_ROWS} rijen")
            return
        cells = [_xlsx_cell(cell) for cell in values]
        if any(cell is not None and str(cell).strip() for cell in cells):
            table.rows.append((number, cells))


def _xlsx_cell(cell: object) -> Cell:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f":
        return Formula(str(value))
    if value is None or isinstance(value, str | int | float | bool | date | datetime):
        return value
    return str(value)
