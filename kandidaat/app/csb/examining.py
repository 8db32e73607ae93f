"""The examination (onderzoek) of every submission in a CSB workspace.

Each submission gets every single-list check the party side has
(:func:`kandidaat.app.nomination.checking.check_nomination`, with the
appellation's previous seats from the register), the time-of-receipt rule of
Kieswet I 5, and the checks across submissions only the CSB can make
(:mod:`kandidaat.domain.csb.cross`).
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kandidaat.app.csb.receiving import read_submission
from kandidaat.app.exitcodes import EXIT_FINDINGS, EXIT_OK
from kandidaat.app.nomination.checking import check_nomination
from kandidaat.domain.csb.cross import check_across
from kandidaat.domain.csb.model import CsbFinding, RegisterEntry, Submission
from kandidaat.domain.csb.receipt import late_finding
from kandidaat.domain.nomination.checks.context import person_name
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.domain.nomination.findings import Severity
from kandidaat.domain.nomination.model import Election
from kandidaat.store.csb import CsbWorkspace

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from kandidaat.domain.nomination.model import Nomination

__all__ = ["Examination", "examination_json", "examine", "render_examination", "with_register"]

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True, slots=True)
class Examination:
    """The submissions examined and every finding about them."""

    election: Election
    submissions: tuple[Submission, ...]
    findings: tuple[CsbFinding, ...]

    @property
    def errors(self) -> tuple[CsbFinding, ...]:
        """The findings of severity 'fout'."""
        return tuple(f for f in self.findings if f.finding.severity is Severity.ERROR)

    @property
    def exit_code(self) -> int:
        """1 when there are errors, else 0 (as ``kandidaat check``)."""
        return EXIT_FINDINGS if self.errors else EXIT_OK


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def with_register(nomination: Nomination, register: tuple[RegisterEntry, ...]) -> Nomination:
    """The nomination with the appellation's previous seats from the register, if listed."""
    if nomination.party.previous_seats is not None:
        return nomination
    wanted = _plain(nomination.party.appellation)
    for entry in register:
        if wanted and _plain(entry.appellation) == wanted and entry.previous_seats is not None:
            party = dataclasses.replace(nomination.party, previous_seats=entry.previous_seats)
            return dataclasses.replace(nomination, party=party)
    return nomination


def _candidate(nomination: Nomination, key: str | None) -> str | None:
    if key is None:
        return None
    try:
        return person_name(nomination.candidate(key))
    except KeyError:
        return None


def examine(workspace_path: Path, *, today: date | None = None) -> Examination:
    """Examine every submission in the workspace.

    Each list is judged by the single-list checks as on the day it was
    received (or ``today``, when that is earlier, e.g. in a test).

    Raises:
        InputError: the workspace cannot be opened or a stored file no longer reads.
    """
    with CsbWorkspace.open(workspace_path) as workspace:
        election = workspace.election()
        register = workspace.register()
        stored = workspace.submissions()
    nomination_day = election_dates(election).nomination_day
    submissions: list[Submission] = []
    findings: list[CsbFinding] = []
    for item in stored:
        read = read_submission(item.data, item.file_name, election)
        nomination = with_register(read.nomination, register)
        submission = Submission(
            item.number, item.file_name, item.sha256, item.received_at, nomination
        )
        submissions.append(submission)
        kieskringen = ", ".join(submission.kieskringen) or None
        late = late_finding(
            election.body,
            item.received_at,
            nomination_day,
            nomination.lists[0].key if nomination.lists else None,
        )
        if late is not None:
            findings.append(CsbFinding(late, item.number, submission.appellation, kieskringen))
        # The party-side checks judge the calendar as on the day the list was received:
        # examined after the nomination day, a list handed in on time is not "too late"
        # (lateness is I 5, judged by the time of receipt above).
        received_on = item.received_at.date()
        checked_on = min(today, received_on) if today is not None else received_on
        report = check_nomination(nomination, item.file_name, today=checked_on, facts=read.facts)
        findings.extend(
            CsbFinding(
                finding,
                item.number,
                submission.appellation,
                kieskringen,
                _candidate(nomination, finding.candidate_key),
            )
            for finding in report.findings
        )
    findings.extend(check_across(submissions, register))
    ordered = sorted(
        findings,
        key=lambda f: (_ORDER.index(f.finding.severity), f.submission or 0),
    )
    return Examination(election, tuple(submissions), tuple(ordered))


def examination_json(examination: Examination) -> dict[str, Any]:
    """The examination as JSON: the election, the submissions and every finding."""
    return {
        "election": examination.election.identifier,
        "submissions": [
            {
                "number": s.number,
                "file": s.file_name,
                "sha256": s.sha256,
                "appellation": s.appellation,
                "kieskringen": list(s.kieskringen),
                "received_at": s.received_at.isoformat(),
            }
            for s in examination.submissions
        ],
        "findings": [
            {
                "severity": f.finding.severity.value,
                "article": f.finding.article,
                "message": f.finding.message,
                "advice": f.finding.advice,
                "code": f.finding.code,
                "submission": f.submission,
                "party": f.appellation,
                "list": f.finding.list_key,
                "kieskring": f.kieskring,
                "candidate": f.candidate,
            }
            for f in examination.findings
        ],
    }


def render_examination(examination: Examination) -> str:
    """The examination as Dutch text: the submissions, then the findings by severity."""
    lines = [
        (
            f"Onderzoek van de kandidatenlijsten voor {examination.election.name} "
            f"({examination.election.identifier})"
        ),
        f"{len(examination.submissions)} inlevering(en):",
    ]
    lines.extend(
        f"  {s.number}. {s.appellation or 'blanco lijst'} - kieskring(en) "
        f"{', '.join(s.kieskringen) or '-'} - ontvangen {s.received_at:%d-%m-%Y %H:%M} - "
        f"{s.file_name}"
        for s in examination.submissions
    )
    for severity in _ORDER:
        group = [f for f in examination.findings if f.finding.severity is severity]
        if not group:
            continue
        lines.append("")
        lines.append(f"{severity.dutch.capitalize()} ({len(group)}):")
        for item in group:
            where = [f"inlevering {item.submission}"] if item.submission else []
            if item.kieskring:
                where.append(f"kieskring {item.kieskring}")
            lines.append(f"  [{item.finding.article}] {', '.join(where)}: {item.finding.message}")
            if item.finding.advice:
                lines.append(f"      {item.finding.advice}")
    errors = len(examination.errors)
    lines.append("")
    lines.append("Geen fouten gevonden." if not errors else f"{errors} fout(en) gevonden.")
    return "\n".join(lines) + "\n"
