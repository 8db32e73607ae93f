"""Check EML_NL files: readable, structure, XSD, and the semantic rules for counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.domain.election import CandidateListsRecord, CountRecord, PollingStationsRecord
from kandidaat.domain.election.checks import document_findings
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.tally.checks import check_counts
from kandidaat.domain.tally.stations import check_against_stations, same_municipality
from kandidaat.eml.canonical import hash_report
from kandidaat.eml.documents import EmlDocument, message_type, read_tree
from kandidaat.eml.safe_xml import parse_bytes, read_file

if TYPE_CHECKING:
    from kandidaat.eml.schema import SchemaSet


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a file: kind (structuur, schema, telling), line and Dutch text."""

    kind: str
    message: str
    line: int | None = None
    code: str = ""


@dataclass(slots=True)
class FileCheck:
    """The outcome for one file."""

    path: Path
    message_id: str | None = None
    document: EmlDocument | None = None
    unreadable: str | None = None
    findings: list[Finding] = field(default_factory=list)
    hash_code: str | None = None
    canonical: bool | None = None

    def to_json(self) -> dict[str, Any]:
        """A JSON object for ``--json``."""
        return {
            "file": str(self.path),
            "type": self.message_id,
            "status": "unreadable" if self.unreadable else ("findings" if self.findings else "ok"),
            "error": self.unreadable,
            "hash_code": self.hash_code,
            "canonical": self.canonical,
            "findings": [
                {"kind": f.kind, "code": f.code, "line": f.line, "message": f.message}
                for f in self.findings
            ],
        }


def check_file(path: Path, schemas: SchemaSet | None) -> FileCheck:
    """Read one file and collect every finding; never raises for bad input."""
    result = FileCheck(path)
    try:
        data = read_file(path)
        tree = parse_bytes(data, path.name)
        result.message_id = message_type(tree, path.name)
    except KandidaatError as error:
        result.unreadable = error.message
        return result
    try:
        report = hash_report(data, path.name)
    except KandidaatError as error:
        result.findings.append(Finding("hashcode", getattr(error, "detail", error.message), None))
    else:
        result.hash_code = report.form_hash
        result.canonical = report.is_canonical
    if schemas is not None:
        try:
            findings = schemas.validate(tree, result.message_id)
        except KandidaatError as error:
            result.unreadable = error.message
            return result
        result.findings += [Finding("schema", f.message, f.line, "xsd") for f in findings]
    try:
        result.document = read_tree(tree, path.name)
    except KandidaatError as error:
        line = getattr(error, "line", None)
        result.findings.append(Finding("structuur", getattr(error, "detail", error.message), line))
    return result


def check_files(paths: list[Path], schemas: SchemaSet | None) -> list[FileCheck]:
    """Check every file; counts are also checked against candidate lists given alongside.

    When candidate lists are given, every count must find the lists of its own
    election and kieskring, and every 230b must belong to one of the counts given:
    a pair that does not match is a finding on both sides, never skipped in silence.
    """
    results = [check_file(path, schemas) for path in paths]
    for result in results:
        if result.document is not None:
            result.findings += [
                Finding(kind, f.message, f.line, f.code)
                for kind, f in document_findings(result.document)
            ]
    given = [(r, r.document) for r in results if isinstance(r.document, CandidateListsRecord)]
    counts = [(r, r.document) for r in results if isinstance(r.document, CountRecord)]
    lists = {_key(document): document for _, document in given}
    matched: set[tuple[str, str]] = set()
    for result, count in counts:
        matching = lists.get(_key(count))
        if matching is not None:
            matched.add(_key(count))
        elif given:
            result.findings.append(_count_without_lists(count, [r for r, _ in given]))
        result.findings += [
            Finding("telling", f.message, f.line, f.code) for f in check_counts(count, matching)
        ]
    _link_stations(results, counts)
    if counts:
        for result, document in given:
            if document.envelope.message_id == "230b" and _key(document) not in matched:
                result.findings.append(_lists_without_count(document, [r for r, _ in counts]))
    return results


def _link_stations(results: list[FileCheck], counts: list[tuple[FileCheck, CountRecord]]) -> None:
    """A 110b given with 510b counts: each belongs to one, and its stations are counted."""
    lists = [(r, r.document) for r in results if isinstance(r.document, PollingStationsRecord)]
    municipal = [(r, c) for r, c in counts if c.envelope.message_id == "510b"]
    if not lists or not municipal:
        return
    for count_result, count in municipal:
        if not any(same_municipality(count, stations) for _, stations in lists):
            count_result.findings.append(
                Finding(
                    "koppeling",
                    "de meegegeven stembureaulijsten (110b) horen niet bij deze telling "
                    f"(verkiezing {count.election.id[:80]}, gemeente "
                    f"{(count.envelope.authority_id or '?')[:10]}); de stembureaus zijn daarom "
                    "niet vergeleken",
                    None,
                    "stations_not_matching",
                )
            )
    for result, stations in lists:
        mine = [(r, c) for r, c in municipal if same_municipality(c, stations)]
        if not mine:
            result.findings.append(
                Finding(
                    "koppeling",
                    f"deze stembureaulijst (verkiezing {stations.election.id[:80]}, gemeente "
                    f"{stations.municipality_id[:10]}) hoort bij geen van de meegegeven "
                    "tellingen (510b)",
                    None,
                    "count_not_matching",
                )
            )
        for count_result, count in mine:
            count_result.findings += [
                Finding("koppeling", f.message, f.line, f.code)
                for f in check_against_stations(count, stations)
            ]


def _key(document: EmlDocument) -> tuple[str, str]:
    """Which election and kieskring (contest) a document belongs to."""
    return (document.election.id, document.contest_id)


def _describe(document: EmlDocument | None) -> str:
    if document is None:
        return "onleesbaar"
    election, contest = _key(document)
    name = getattr(document, "contest_name", None)
    named = f" ({name[:40]})" if name else ""
    return f"verkiezing {election[:80]}, kieskring {contest[:20]!r}{named}"


def _count_without_lists(count: CountRecord, given: list[FileCheck]) -> Finding:
    names = ", ".join(
        f"{r.path.name} ({_describe(r.document)})" for r in given[:_NAMED] if r.document is not None
    )
    more = f" en {len(given) - _NAMED} meer" if len(given) > _NAMED else ""
    return Finding(
        "koppeling",
        f"de meegegeven kandidatenlijsten horen niet bij deze telling ({_describe(count)}):"
        f" {names}{more}; de telling is daarom niet met de kandidatenlijsten vergeleken",
        None,
        "lists_not_matching",
    )


def _lists_without_count(lists: CandidateListsRecord, counts: list[FileCheck]) -> Finding:
    names = ", ".join(
        f"{r.path.name} ({_describe(r.document)})"
        for r in counts[:_NAMED]
        if r.document is not None
    )
    more = f" en {len(counts) - _NAMED} meer" if len(counts) > _NAMED else ""
    return Finding(
        "koppeling",
        f"deze kandidatenlijsten ({_describe(lists)}) horen bij geen van de meegegeven "
        f"tellingen: {names}{more}",
        None,
        "count_not_matching",
    )


_NAMED = 5
"""At most this many files are named in one message."""
