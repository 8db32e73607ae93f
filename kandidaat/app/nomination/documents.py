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
from kandidaat.app.nomination.project import (
    election_from_110a,
    is_project_file,
    load_target_with_facts,
)
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.checks.facts import Gap
from kandidaat.domain.nomination.model import Body
from kandidaat.domain.nomination.structure import exempt_from_support
from kandidaat.eml.documents import read_path
from kandidaat.store.project import ProjectFile

if TYPE_CHECKING:
    from pathlib import Path

    from kandidaat.domain.nomination.checks.facts import SourceFacts
    from kandidaat.domain.nomination.model import Nomination

__all__ = ["DocumentsRun", "make_documents", "moment_of", "refuse_what_the_file_does_not_say"]


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


def refuse_what_the_file_does_not_say(
    nomination: Nomination, facts: SourceFacts, path: Path
) -> None:
    """Refuse documents that would have to print a figure the input does not carry.

    The H 1 and the checklist state how many ondersteuningsverklaringen the
    list needs. For a gemeenteraad that depends on the number of seats
    (Kieswet art. H 4 lid 1, geldend op 2026-01-01: 10 below 19 seats, 20 from
    19 to 38, else 30), which an EML 210 does not carry: printing a number
    would be a guess (ADR 0024), so the election's definition is asked for.

    Raises:
        InputError: such a figure is missing (Dutch, naming the file and the option).
    """
    if (
        nomination.election.body is Body.GR
        and facts.lacks(Gap.SEATS)
        and not exempt_from_support(nomination.party)
    ):
        raise InputError(
            f"{path.name}: het bestand noemt het aantal zetels van de gemeenteraad niet, en "
            "daarvan hangt af hoeveel ondersteuningsverklaringen op de kandidatenlijst (H 1) "
            "en de checklist staan (Kieswet H 4 lid 1: 10 bij minder dan 19 zetels, 20 bij "
            "19 tot 39 zetels, anders 30). Geef de verkiezingsdefinitie mee met --election "
            "(een EML 110a-bestand), of het aantal zetels bij de vorige verkiezing met "
            "--previous-seats als de aanduiding is vrijgesteld."
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
    read = load_target_with_facts(path, election=election)
    nomination = read.nomination
    if previous_seats is not None:
        party = dataclasses.replace(nomination.party, previous_seats=previous_seats)
        nomination = dataclasses.replace(nomination, party=party)
    refuse_what_the_file_does_not_say(nomination, read.facts, path)
    report = check_nomination(nomination, path.name, today=today, facts=read.facts)
    created = moment or moment_of(path)
    documents = generate_documents(nomination, report.findings, out_dir, created=created)
    return DocumentsRun(report, documents)
