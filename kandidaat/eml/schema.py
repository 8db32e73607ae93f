"""Validation against the official EML_NL XSDs (one compiled schema per message type).

The XSDs are not shipped with kandidaat: the user points at the folder of the
official release (``--xsd DIR``), and the tests read them from ``../shared``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from lxml import etree

from kandidaat.eml.errors import EmlError

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

SCHEMA_FILES = {
    "110a": "110a-electionevent-kiesraad-strict.xsd",
    "110b": "110b-electionevent-kiesraad-strict.xsd",
    "210": "210-nomination-kiesraad-strict.xsd",
    "230b": "230-candidatelist-kiesraad-strict.xsd",
    "230c": "230-candidatelist-kiesraad-strict.xsd",
    "510a": "510-count-kiesraad-strict.xsd",
    "510b": "510-count-kiesraad-strict.xsd",
    "510c": "510-count-kiesraad-strict.xsd",
    "510d": "510-count-kiesraad-strict.xsd",
    "520": "520-result-kiesraad-strict.xsd",
}


@dataclass(frozen=True, slots=True)
class SchemaFinding:
    """One place where a document does not follow the XSD."""

    line: int | None
    message: str


_PATTERNS = (
    (
        r"This element is not expected\. Expected is (?:one of )?\((.*)\)\.?",
        r"dit element hoort hier niet; verwacht: \1",
    ),
    (r"This element is not expected\.?", "dit element hoort hier niet"),
    (
        r"Missing child element\(s\)\. Expected is (?:one of )?\((.*)\)\.?",
        r"er ontbreekt een verplicht element: \1",
    ),
    (
        r"'(.*)' is not a valid value of the atomic type '(.*)'\.?",
        r"'\1' is geen geldige waarde (type \2)",
    ),
    (r"'(.*)' is not a valid value of the local atomic type\.?", r"'\1' is geen geldige waarde"),
    (
        r"\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '(.*)'\.?",
        r"de waarde '\1' past niet in het patroon \2",
    ),
    (
        r"\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\.?",
        r"de waarde '\1' is niet toegestaan; kies uit \2",
    ),
    (r"The attribute '(.*)' is required but missing\.?", r"het attribuut '\1' ontbreekt"),
    (r"The attribute '(.*)' is not allowed\.?", r"het attribuut '\1' is hier niet toegestaan"),
    (
        r"No match found for key-sequence \[(.*)\] of keyref '(.*)'\.?",
        r"verwijzing \1 bestaat niet (\2)",
    ),
    (
        r"Duplicate key-sequence \[(.*)\] in unique identity-constraint '(.*)'\.?",
        r"\1 komt dubbel voor (\2)",
    ),
)


_NAMESPACE = re.compile(r"\{(?:urn:|https?://)[^}]*\}")
"""A namespace in Clark notation ({urn:...}name); never a pattern's repetition like \\d{4}."""


def _dutch(message: str) -> str:
    text = message
    element = ""
    match = re.match(r"Element '([^']*)'(?:, attribute '([^']*)')?: (.*)", message)
    if match:
        name = _NAMESPACE.sub("", match.group(1))
        element = f"element {name}"
        if match.group(2):
            element += f", attribuut {match.group(2)}"
        text = match.group(3)
    for pattern, replacement in _PATTERNS:
        if re.fullmatch(pattern, text):
            text = re.sub(pattern, replacement, text)
            text = _NAMESPACE.sub("", text)
            text = re.sub(r"\s+", " ", text).strip()
            break
    else:
        text = f"voldoet niet aan het schema ({_NAMESPACE.sub('', text)})"
    return f"{element}: {text}" if element else text


class SchemaSet:
    """Compiled XSDs of one EML_NL release folder, compiled once per message type."""

    def __init__(self, folder: Path) -> None:
        """Remember the folder; compile lazily."""
        self.folder = folder
        self._compiled: dict[str, etree.XMLSchema] = {}

    def schema_for(self, message_id: str) -> etree.XMLSchema:
        """The compiled schema of a message type.

        Raises:
            EmlError: the folder has no schema for this type or it does not compile.
        """
        name = SCHEMA_FILES.get(message_id)
        if name is None:
            raise EmlError(str(self.folder), f"geen XSD bekend voor berichttype {message_id!r}")
        if name not in self._compiled:
            path = self.folder / name
            if not path.is_file():
                raise EmlError(str(self.folder), f"het schema {name} staat niet in deze map")
            parser = etree.XMLParser(no_network=True, resolve_entities=False)
            try:
                self._compiled[name] = etree.XMLSchema(etree.parse(str(path), parser))
            except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as error:
                raise EmlError(name, f"het schema is niet te laden ({error})") from None
        return self._compiled[name]

    def validate(self, tree: etree._ElementTree, message_id: str) -> list[SchemaFinding]:
        """Every place where ``tree`` does not follow its XSD (empty when valid)."""
        schema = self.schema_for(message_id)
        if schema.validate(tree):
            return []
        # lxml-stubs do not declare the error log iterable; at runtime it is.
        entries = cast("Iterable[etree._LogEntry]", schema.error_log)  # noqa: SLF001
        return [
            SchemaFinding(line=entry.line or None, message=_dutch(entry.message))
            for entry in entries
        ]
