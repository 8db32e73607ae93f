"""``kandidaat csb verzuim`` / ``herstel`` / ``verzuimen``: omissions and their repair.

The committee records each omission it finds at the examination (Kieswet
I 1) from the catalogue of :mod:`kandidaat.domain.csb.omissions`, for a
submission, one of its kieskringen or one of its candidates (by place). The
submitter may repair a recoverable omission until the end of the repair
period (I 2 lid 2; the day from :func:`~kandidaat.domain.nomination.deadlines.election_dates`);
the repair is recorded once, with the time and the member. Nothing is
removed: an omission recorded in error is answered by a repair with a note.
What is not repaired strikes (I 5, I 6) in ``csb number`` and ``csb vaststellen``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from kandidaat.app.csb.workspace import load_submissions
from kandidaat.domain.csb.omissions import CATALOGUE, Level, Omission, OmissionKind, catalogue_kind
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.domain.nomination.text_rules import check_text
from kandidaat.store.csb import CsbWorkspace

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from kandidaat.domain.csb.model import Submission

__all__ = [
    "MAX_NOTE",
    "OmissionLine",
    "OmissionRequest",
    "catalogue_text",
    "omission_lines",
    "omissions_json",
    "record_omission",
    "record_repair",
    "render_omissions",
]

MAX_NOTE = 500
"""Longest note the committee types with an omission or a repair."""


@dataclass(frozen=True, slots=True)
class OmissionLine:
    """One recorded omission as the committee reads it."""

    omission: Omission
    kind: OmissionKind
    appellation: str
    candidate: str | None
    repair_end: date


def _note(text: str) -> str:
    return check_text("--toelichting", " ".join(text.split()), MAX_NOTE)


def _submission(submissions: list[Submission], number: int) -> Submission:
    for submission in submissions:
        if submission.number == number:
            return submission
    raise InputError(f"--inlevering {number}: er is geen inlevering met dat nummer")


def _candidate_key(submission: Submission, place: int | None, kind: OmissionKind) -> str | None:
    if kind.level is not Level.CANDIDATE:
        if place is not None:
            raise InputError(f"--kandidaat: verzuim {kind.code} gaat niet over een kandidaat")
        return None
    keys = [key for lst in submission.nomination.lists for key in lst.candidates]
    if place is None:
        raise InputError(
            f"--kandidaat: verzuim {kind.code} gaat over een kandidaat: geef de plaats"
        )
    if not 1 <= place <= len(keys):
        raise InputError(
            f"--kandidaat {place}: de lijst van inlevering {submission.number} heeft "
            f"{len(keys)} kandidaat/kandidaten"
        )
    return keys[place - 1]


def _kieskring(submission: Submission, kieskring: str | None, kind: OmissionKind) -> str | None:
    if not kind.per_kieskring:
        if kieskring is not None:
            raise InputError(
                f"--kieskring: verzuim {kind.code} geldt voor de hele inlevering, "
                "niet per kieskring"
            )
        return None
    if kieskring is None:
        if len(submission.kieskringen) == 1:
            return submission.kieskringen[0]
        raise InputError(f"--kieskring: verzuim {kind.code} geldt per kieskring: geef de kieskring")
    if kieskring not in submission.kieskringen:
        shown = ", ".join(submission.kieskringen)
        raise InputError(
            f"--kieskring {kieskring[:10]}: inlevering {submission.number} is ingeleverd voor "
            f"kieskring {shown}"
        )
    return kieskring


@dataclass(frozen=True, slots=True)
class OmissionRequest:
    """What the committee types: the submission, the code, and where (kieskring, place)."""

    submission: int
    code: str
    kieskring: str | None = None
    place: int | None = None
    note: str = ""


def record_omission(
    workspace_path: Path, request: OmissionRequest, *, at: datetime, actor: str
) -> int:
    """Record an omission found at the examination (Kieswet I 1, I 2 lid 1, versie 2026).

    Returns the omission's number.

    Raises:
        InputError: an unknown code or submission, a kieskring or place that
            does not fit, an omission already recorded, a note too long (Dutch).
    """
    submission, code, kieskring, place, note = (
        request.submission,
        request.code,
        request.kieskring,
        request.place,
        request.note,
    )
    kind = catalogue_kind(code)
    if kind is None:
        raise InputError(
            f"--code {code[:40]}: onbekend verzuim; 'kandidaat csb verzuim --codes' toont de codes"
        )
    text = _note(note)
    with CsbWorkspace.open(workspace_path) as workspace:
        _, _, submissions = load_submissions(workspace)
        chosen = _submission(submissions, submission)
        omission = Omission(
            0,
            chosen.number,
            kind.code,
            _kieskring(chosen, kieskring, kind),
            _candidate_key(chosen, place, kind),
            text,
            repaired=False,
        )
        for known in workspace.omissions():
            same = (known.submission, known.code, known.kieskring, known.candidate_key)
            if same == (
                omission.submission,
                omission.code,
                omission.kieskring,
                omission.candidate_key,
            ):
                raise InputError(
                    f"verzuim {kind.code} is bij inlevering {submission} al vastgelegd "
                    f"(verzuim {known.number})"
                )
        described: dict[str, Any] = {
            "inlevering": omission.submission,
            "code": kind.code,
            "kieskring": omission.kieskring,
            "kandidaat": place,
            "toelichting": text,
            "vastgesteld": at.isoformat(),
        }
        return workspace.add_omission(omission, at, described, actor)


def record_repair(
    workspace_path: Path, number: int, *, at: datetime, note: str, actor: str
) -> OmissionLine:
    """Record that omission ``number`` was repaired (Kieswet I 2 lid 2, versie 2026).

    Raises:
        InputError: an unknown omission, one that cannot be repaired, one
            already repaired, or a repair after the repair period (Dutch).
    """
    text = _note(note)
    with CsbWorkspace.open(workspace_path) as workspace:
        lines = {line.omission.number: line for line in _lines(workspace)}
        line = lines.get(number)
        if line is None:
            raise InputError(f"--verzuim {number}: er is geen verzuim met dat nummer")
        if not line.kind.recoverable:
            raise InputError(
                f"verzuim {number} ({line.kind.code}) is niet herstelbaar; het gevolg staat vast"
            )
        if line.omission.repaired:
            raise InputError(f"verzuim {number} is al hersteld")
        if at.date() > line.repair_end:
            raise InputError(
                f"--ontvangen {at:%d-%m-%Y %H:%M}: de hersteltermijn (Kieswet I 2 lid 2) liep tot "
                f"en met {line.repair_end:%d-%m-%Y}; het verzuim is niet hersteld"
            )
        workspace.repair_omission(number, at, text, actor)
    return line


def _lines(workspace: CsbWorkspace) -> list[OmissionLine]:
    election, _, submissions = load_submissions(workspace)
    end = election_dates(election).repair_end
    by_number = {s.number: s for s in submissions}
    lines = []
    for omission in workspace.omissions():
        kind = catalogue_kind(omission.code)
        submission = by_number.get(omission.submission)
        if kind is None or submission is None:
            continue
        candidate = None
        if omission.candidate_key is not None:
            keys = [key for lst in submission.nomination.lists for key in lst.candidates]
            by_key = {c.key: c for c in submission.nomination.candidates}
            person = by_key.get(omission.candidate_key)
            place = keys.index(omission.candidate_key) + 1 if omission.candidate_key in keys else 0
            name = f"{person.initials} {person.last_name}".strip() if person else "?"
            candidate = f"{name} (plaats {place})"
        lines.append(OmissionLine(omission, kind, submission.label, candidate, end))
    return lines


def omission_lines(workspace_path: Path) -> list[OmissionLine]:
    """Every omission recorded, with its kind, where it is and the repair deadline."""
    with CsbWorkspace.open(workspace_path) as workspace:
        return _lines(workspace)


def _state(line: OmissionLine) -> str:
    if line.omission.repaired and line.kind.recoverable:
        return "hersteld"
    if not line.kind.recoverable:
        return "niet herstelbaar"
    return f"open (herstel tot en met {line.repair_end:%d-%m-%Y})"


def render_omissions(lines: list[OmissionLine]) -> str:
    """The omissions as the committee reads them (Dutch)."""
    if not lines:
        return "Geen verzuimen vastgelegd.\n"
    out = []
    for line in lines:
        omission = line.omission
        where = line.appellation
        if omission.kieskring is not None:
            where += f", kieskring {omission.kieskring}"
        if line.candidate is not None:
            where += f", kandidaat {line.candidate}"
        out.append(f"verzuim {omission.number}: {where}: {line.kind.title} [{line.kind.article}]")
        out.append(f"  {_state(line)}; anders: {line.kind.consequence.value}")
        if omission.note:
            out.append(f"  toelichting: {omission.note}")
    open_count = sum(1 for line in lines if not line.omission.repaired and line.kind.recoverable)
    out.append(f"{len(lines)} verzuim(en), waarvan {open_count} nog open.")
    return "\n".join(out) + "\n"


def omissions_json(lines: list[OmissionLine]) -> list[dict[str, Any]]:
    """The omissions as JSON objects for scripts."""
    return [
        {
            "verzuim": line.omission.number,
            "inlevering": line.omission.submission,
            "code": line.kind.code,
            "kieskring": line.omission.kieskring,
            "kandidaat": line.candidate,
            "omschrijving": line.kind.title,
            "artikel": line.kind.article,
            "herstelbaar": line.kind.recoverable,
            "hersteld": line.omission.repaired and line.kind.recoverable,
            "herstel_tot_en_met": line.repair_end.isoformat(),
            "gevolg": line.kind.consequence.value,
            "toelichting": line.omission.note,
        }
        for line in lines
    ]


def catalogue_text() -> str:
    """The catalogue of omissions: code, level, recoverable, consequence, article (Dutch)."""
    out = []
    for kind in CATALOGUE:
        recoverable = "herstelbaar" if kind.recoverable else "niet herstelbaar"
        scope = "per kieskring" if kind.per_kieskring else kind.level.value
        out.append(f"{kind.code}  ({scope}; {recoverable}; anders: {kind.consequence.value})")
        out.append(f"  {kind.title}")
        if kind.repair:
            out.append(f"  Herstel: {kind.repair}")
        out.append(f"  {kind.article}")
    return "\n".join(out) + "\n"
