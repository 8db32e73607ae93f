"""Check EML_NL files: readable, structure, XSD, and the semantic rules for counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.domain.election import CandidateListsRecord, CountRecord
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.tally.checks import check_counts
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
    """Check every file; counts are also checked against candidate lists given alongside."""
    results = [check_file(path, schemas) for path in paths]
    lists = {
        (r.document.election.id, r.document.contest_id): r.document
        for r in results
        if isinstance(r.document, CandidateListsRecord)
    }
    for result in results:
        if isinstance(result.document, CountRecord):
            count = result.document
            matching = lists.get((count.election.id, count.contest_id))
            result.findings += [
                Finding("telling", f.message, f.line, f.code) for f in check_counts(count, matching)
            ]
    return results
