"""The committed allowlist: the only way to accept a string a rule finds.

``signing/allowlist.toml`` holds ``[[allow]]`` entries. Every entry names the
``rule``, the ``pattern`` (the exact string the rule matched, or a regular
expression with ``match = "regex"``), optionally ``where`` (a glob on the location,
for example ``*/base_library.zip!ntpath.pyc``) and a non-empty ``reason``. An entry
without a reason, with an unknown rule or key, or with a broken expression makes the
scanner refuse the whole file: a silent allowlist is how leaks slip through.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
import tomllib
from pathlib import Path

from signing.scan.model import AllowlistError

DEFAULT_ALLOWLIST = Path(__file__).resolve().parents[1] / "allowlist.toml"
_KEYS = frozenset({"rule", "pattern", "match", "where", "reason"})
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclasses.dataclass(frozen=True)
class AllowEntry:
    """One accepted string: rule, pattern, optional location glob and the reason."""

    rule: str
    pattern: str
    regex: re.Pattern[str] | None
    where: str | None
    reason: str

    def accepts(self, rule: str, matched: str, location: str) -> bool:
        """True when this entry covers a hit of ``rule`` on ``matched`` at ``location``."""
        if rule != self.rule:
            return False
        if self.where is not None and not fnmatch.fnmatchcase(location, self.where):
            return False
        if self.regex is not None:
            return self.regex.fullmatch(matched) is not None
        return matched == self.pattern


@dataclasses.dataclass(frozen=True)
class Allowlist:
    """All entries of one allowlist file (possibly none)."""

    entries: tuple[AllowEntry, ...] = ()

    def accepts(self, rule: str, matched: str, location: str) -> bool:
        """True when any entry covers this hit."""
        return any(entry.accepts(rule, matched, location) for entry in self.entries)


def load_allowlist(path: Path, known_rules: frozenset[str]) -> Allowlist:
    """Read and check an allowlist; raise :class:`AllowlistError` with a Dutch message."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise AllowlistError(f"allowlist {path}: bestand bestaat niet") from error
    except (OSError, UnicodeDecodeError) as error:
        raise AllowlistError(
            f"allowlist {path}: bestand is niet te lezen als UTF-8-tekst"
        ) from error
    except tomllib.TOMLDecodeError as error:
        position = _TOML_POSITION.search(str(error))
        where = f" (regel {position.group(1)}, kolom {position.group(2)})" if position else ""
        raise AllowlistError(f"allowlist {path}: geen geldige TOML{where}") from error
    unknown_tables = set(document) - {"allow"}
    if unknown_tables:
        raise AllowlistError(
            f"allowlist {path}: onbekende sleutel(s) {', '.join(sorted(unknown_tables))}; "
            "gebruik alleen [[allow]]"
        )
    raw_entries = document.get("allow", [])
    if not isinstance(raw_entries, list):
        raise AllowlistError(f"allowlist {path}: 'allow' moet een lijst [[allow]] zijn")
    entries = tuple(
        _entry(path, number, raw, known_rules) for number, raw in enumerate(raw_entries, start=1)
    )
    return Allowlist(entries)


def _entry(path: Path, number: int, raw: object, known_rules: frozenset[str]) -> AllowEntry:
    if not isinstance(raw, dict):
        raise AllowlistError(f"allowlist {path}: regel {number} is geen tabel")
    name = (
        f"allowlist {path}, regel {number} "
        f"(rule={raw.get('rule')!r}, pattern={raw.get('pattern')!r})"
    )
    unknown = set(raw) - _KEYS
    if unknown:
        raise AllowlistError(f"{name}: onbekende sleutel(s) {', '.join(sorted(unknown))}")
    for key in ("rule", "pattern", "reason"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise AllowlistError(
                f"{name}: '{key}' ontbreekt of is leeg; elke regel heeft een reden"
            )
    if raw["rule"] not in known_rules:
        raise AllowlistError(f"{name}: onbekende regel {raw['rule']!r}")
    match_kind = raw.get("match", "exact")
    if match_kind not in {"exact", "regex"}:
        raise AllowlistError(f'{name}: \'match\' moet "exact" of "regex" zijn')
    where = raw.get("where")
    if where is not None and (not isinstance(where, str) or not where):
        raise AllowlistError(f"{name}: 'where' moet een niet-lege tekst zijn")
    regex = None
    if match_kind == "regex":
        try:
            regex = re.compile(raw["pattern"])
        except re.error as error:
            raise AllowlistError(f"{name}: ongeldige reguliere expressie") from error
    return AllowEntry(raw["rule"], raw["pattern"], regex, where, raw["reason"].strip())
