"""The documents of a project or an EML 210 file, for ``kandidaat documents``.

Paper is leading: what a party hands in are the printed models. The documents
carry a date; to make the same input give the same bytes, that date comes from
the input, never from the clock: the moment of the project's last change, or
the creation time written in the EML 210.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from kandidaat.app.editing.documents import GeneratedDocuments, generate_documents
from kandidaat.app.nomination.checking import CheckReport, check_nomination
from kandidaat.app.nomination.project import election_from_110a, is_project_file, load_target
from kandidaat.domain.errors import InputError
from kandidaat.eml.documents import read_path
from kandidaat.store.project import ProjectFile

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["DocumentsRun", "make_documents", "moment_of"]


@dataclass(frozen=True, slots=True)
class DocumentsRun:
    """The checks that decided the CONCEPT mark, and the documents written."""

    report: CheckReport
    documents: GeneratedDocuments


def moment_of(path: Path) -> datetime:
    """The date the documents of ``path`` carry: taken from the input, not the clock.

    A project: the moment of its last change (so that printed documents of one
    state of the project are identical). An EML 210: its kr:CreationDateTime,
    else its IssueDate.

    Raises:
        InputError: the file cannot be read (Dutch, naming it).
    """
    if is_project_file(path):
        with ProjectFile.open(path) as project:
            return project.meta.last_change_at
    envelope = read_path(path).envelope
    for text in (envelope.creation_date_time, envelope.issue_date or ""):
        if not text:
            continue
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            continue
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    raise InputError(
        f"{path.name}: het bestand noemt geen aanmaakdatum (kr:CreationDateTime of "
        "IssueDate); geef de datum van de stukken op met --datum"
    )


def make_documents(
    path: Path,
    out_dir: Path,
    *,
    election_file: Path | None = None,
    previous_seats: int | None = None,
    today: date | None = None,
    moment: datetime | None = None,
) -> DocumentsRun:
    """Check ``path`` (a project or an EML 210) and write all its documents into ``out_dir``.

    Errors found by the checks do not stop the documents: every page then
    carries "CONCEPT - niet inleveren" and the run says why. ``previous_seats``
    is the appellation's result at the previous election (Kieswet art. H 4
    lid 8, H 6 lid 2, geldend op 2026-01-01), which an EML 210 does not carry.

    Raises:
        InputError: unreadable input, a list that cannot be printed, or a folder
            that cannot be used; nothing half-written remains.
    """
    election = election_from_110a(election_file) if election_file is not None else None
    nomination = load_target(path, election=election)
    if previous_seats is not None:
        party = dataclasses.replace(nomination.party, previous_seats=previous_seats)
        nomination = dataclasses.replace(nomination, party=party)
    report = check_nomination(nomination, path.name, today=today)
    created = moment or moment_of(path)
    documents = generate_documents(nomination, report.findings, out_dir, created=created)
    return DocumentsRun(report, documents)
