"""Dutch reasons for the errors of SQLite and of the operating system.

No English text of ``sqlite3`` or ``OSError`` reaches the user: a table maps
SQLite's result codes and the ``errno`` values a user can run into to a Dutch
reason that says what is true (reading or writing; the file or the folder).
Anything not in the tables gets a Dutch sentence with the technical code, never
the English message (docs/adr/0035).
"""

from __future__ import annotations

from kandidaat.common.os_reasons import Action, os_reason

__all__ = ["Action", "os_reason", "sqlite_reason"]


_ALREADY_OPEN = "het is al geopend in een ander venster of programma; sluit dat eerst"
_DAMAGED = "het bestand is beschadigd"

# SQLite primary result codes (https://sqlite.org/rescode.html) -> Dutch reason.
_SQLITE_CODES: dict[int, str] = {
    5: _ALREADY_OPEN,  # SQLITE_BUSY
    6: _ALREADY_OPEN,  # SQLITE_LOCKED
    7: "er is niet genoeg werkgeheugen",  # SQLITE_NOMEM
    8: "het bestand of de map is alleen-lezen",  # SQLITE_READONLY
    10: "de schijf gaf een leesfout of schrijffout",  # SQLITE_IOERR
    11: _DAMAGED,  # SQLITE_CORRUPT
    13: "de schijf is vol",  # SQLITE_FULL
    14: "het bestand kan niet worden geopend (bestaat de map, en mag kandidaat erin?)",
    # SQLITE_CANTOPEN
    18: "een tekst of waarde in het bestand is te groot",  # SQLITE_TOOBIG
    19: "de inhoud klopt niet met de regels van het bestand",  # SQLITE_CONSTRAINT
    20: _DAMAGED,  # SQLITE_MISMATCH
    23: "geen toestemming van het besturingssysteem",  # SQLITE_AUTH
    26: "het is geen kandidaat-projectbestand (geen SQLite-database)",  # SQLITE_NOTADB
}

# English fragments of messages without a useful code (schema errors of a damaged
# or foreign file: "no such table", "no such column", "malformed database schema").
_SQLITE_TEXTS: tuple[tuple[str, str], ...] = (
    ("no such table", "er ontbreekt een tabel: het bestand is beschadigd of niet van kandidaat"),
    ("no such column", "er ontbreekt een kolom: het bestand is beschadigd of niet van kandidaat"),
    ("malformed", _DAMAGED),
    ("could not decode", "er staat tekst in die geen geldige UTF-8 is: het bestand is beschadigd"),
    ("not a database", "het is geen kandidaat-projectbestand (geen SQLite-database)"),
    ("locked", _ALREADY_OPEN),
    ("readonly", "het bestand of de map is alleen-lezen"),
    ("disk is full", "de schijf is vol"),
)


def sqlite_reason(error: BaseException) -> str:
    """A Dutch reason for an error of ``sqlite3`` (or a decoding error of its text)."""
    if isinstance(error, UnicodeError):
        return "er staat tekst in die geen geldige UTF-8 is: " + _DAMAGED
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _SQLITE_CODES:
        return _SQLITE_CODES[code & 0xFF]
    try:
        text = str(error).lower()
    except UnicodeError:  # pragma: no cover - defensive: message of a damaged schema
        text = ""
    for needle, reason in _SQLITE_TEXTS:
        if needle in text:
            return reason
    name = getattr(error, "sqlite_errorname", None)
    technical = name if isinstance(name, str) else type(error).__name__
    return f"onverwachte fout van de database ({technical}); het bestand is mogelijk beschadigd"
