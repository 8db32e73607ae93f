"""Read any EML_NL file: detect the message type from the root ``Id`` and dispatch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.election import (
    CandidateListsRecord,
    CountRecord,
    ElectionDefinition,
    NominationRecord,
    PollingStationsRecord,
    ResultRecord,
)
from kandidaat.eml.errors import EmlError
from kandidaat.eml.namespaces import e
from kandidaat.eml.read_common import line_of
from kandidaat.eml.read_counts import read_counts
from kandidaat.eml.read_definition import read_definition
from kandidaat.eml.read_lists import read_candidate_lists, read_nomination
from kandidaat.eml.read_polling_stations import read_polling_stations
from kandidaat.eml.read_result import read_result
from kandidaat.eml.safe_xml import parse_bytes, read_file

if TYPE_CHECKING:
    from pathlib import Path

    from lxml import etree

EmlDocument = (
    ElectionDefinition
    | PollingStationsRecord
    | NominationRecord
    | CandidateListsRecord
    | CountRecord
    | ResultRecord
)

MESSAGE_NAMES = {
    "110a": "verkiezingsdefinitie",
    "110b": "stembureaulijst",
    "210": "kandidatenlijst (inlevering)",
    "230b": "kandidatenlijsten",
    "230c": "totaallijsten",
    "510a": "telling stembureau",
    "510b": "telling gemeentelijk stembureau",
    "510c": "telling hoofdstembureau",
    "510d": "totaaltelling centraal stembureau",
    "520": "uitslag",
}


def message_type(tree: etree._ElementTree, source: str) -> str:
    """The EML message type (root ``Id``), checked against what we can read.

    Raises:
        EmlError: not an EML document or a type we do not read.
    """
    root = tree.getroot()
    if root.tag != e("EML"):
        raise EmlError(
            source,
            f"dit is geen EML_NL-bestand: het hoofdelement is {root.tag!r}",
            line_of(root),
        )
    message_id = root.get("Id") or ""
    if message_id not in MESSAGE_NAMES:
        raise EmlError(
            source,
            f"berichttype {message_id!r} wordt niet ondersteund (wel: "
            + ", ".join(MESSAGE_NAMES)
            + ")",
            line_of(root),
        )
    return message_id


def read_tree(tree: etree._ElementTree, source: str) -> EmlDocument:
    """Turn a parsed EML tree into its record."""
    kind = message_type(tree, source)
    if kind == "110a":
        return read_definition(tree, source)
    if kind == "110b":
        return read_polling_stations(tree, source)
    if kind == "210":
        return read_nomination(tree, source)
    if kind in {"230b", "230c"}:
        return read_candidate_lists(tree, source)
    if kind == "520":
        return read_result(tree, source)
    return read_counts(tree, source)


def read_bytes(data: bytes, source: str) -> EmlDocument:
    """Parse safely and read (see :mod:`kandidaat.eml.safe_xml`)."""
    return read_tree(parse_bytes(data, source), source)


def read_path(path: Path) -> EmlDocument:
    """Read an EML file from disk."""
    return read_bytes(read_file(path), path.name)
