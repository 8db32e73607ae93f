"""``kandidaat csb papier``: a list handed in on paper only, typed in and confirmed.

A party may hand in its H 1 on paper without any EML file (Kieswet H 1; the
software is only a help). The committee types the candidates into a CSV or
Excel sheet (the format of ``docs/spreadsheet.md``) and gives the appellation,
kieskringen and submitter. kandidaat makes the EML 210 of what was typed and
shows it with its hash code; nothing is stored until a second look at the paper
confirms the list by typing that hash code back (``--hashcode``, in full or the
two blanked groups, as for an EML 210). The stored submission is then marked
as typed from paper and goes through every check, the numbering and the 230b
like any other.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from kandidaat.app.csb.receiving import Received
from kandidaat.app.nomination.eml210 import nomination_record
from kandidaat.domain.csb.cross import list_fingerprint
from kandidaat.domain.csb.hashcode import HashCodeError, matches, parse_typed, shown_blanked
from kandidaat.domain.csb.receipt import handed_in_in_time
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.domain.nomination.model import (
    AppellationKind,
    CandidateList,
    Nomination,
    Party,
    Submitter,
)
from kandidaat.domain.nomination.text_rules import appellation_problem, check_text
from kandidaat.eml.canonical import hash_code
from kandidaat.eml.write_common import to_canonical
from kandidaat.eml.write_lists import build_nomination
from kandidaat.store.csb import CsbWorkspace
from kandidaat.store.spreadsheet import read_candidates

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from kandidaat.domain.nomination.model import Election

__all__ = ["PaperList", "TypedList", "receive_paper", "render_typed"]

MAX_NAME = 80


@dataclass(frozen=True, slots=True)
class PaperList:
    """What the committee gives besides the typed candidates."""

    appellation: str
    """The appellation above the list as on the paper H 1 ('' for a blank list)."""
    kieskringen: tuple[str, ...]
    """The kieskringen the list is handed in for (empty: the only one, or 'alle')."""
    submitter_initials: str
    submitter_last_name: str
    substitutes: tuple[tuple[str, str], ...] = ()
    """The vervangers on the H 1 (initials, last name); at least one (Kieswet H 5)."""


@dataclass(frozen=True, slots=True)
class TypedList:
    """The list as typed, its 210 and hash code; ``received`` once stored."""

    nomination: Nomination
    hash_code: str
    received: Received | None


def _kieskringen(election: Election, given: Sequence[str]) -> tuple[str, ...]:
    known = [k.number for k in election.kieskringen]
    if not given:
        if len(known) == 1:
            return (known[0],)
        raise InputError(
            "--kieskring: geef de kieskring(en) waarvoor de lijst is ingeleverd, of 'alle'"
        )
    if [g.strip().lower() for g in given] == ["alle"]:
        return tuple(known)
    chosen = []
    for number in given:
        if number not in known:
            raise InputError(f"--kieskring {number[:10]}: die kieskring heeft deze verkiezing niet")
        if number not in chosen:
            chosen.append(number)
    return tuple(chosen)


def _nomination(election: Election, sheet: Path, paper: PaperList) -> Nomination:
    appellation = " ".join(paper.appellation.split())
    if appellation:
        problem = appellation_problem(appellation)
        if problem is not None:
            raise InputError(f"--aanduiding: {problem}")
    initials = check_text("--inleveraar-voorletters", paper.submitter_initials.strip(), 20)
    last_name = check_text("--inleveraar-achternaam", paper.submitter_last_name.strip(), MAX_NAME)
    if not initials or not last_name:
        raise InputError("--inleveraar-voorletters en --inleveraar-achternaam zijn nodig (H 1)")
    if not paper.substitutes:
        raise InputError(
            "--vervanger: geef ten minste één vervanger van de inleveraar (Kieswet H 5)"
        )
    substitutes = tuple(
        Submitter(
            check_text("--vervanger (voorletters)", first.strip(), 20),
            check_text("--vervanger (achternaam)", last.strip(), MAX_NAME),
        )
        for first, last in paper.substitutes[:2]
    )
    imported = read_candidates(sheet)
    imported.raise_for_problems()
    if not imported.candidates:
        raise InputError(f"{sheet.name}: er staat geen kandidaat in het bestand")
    kind = AppellationKind.REGISTERED if appellation else AppellationKind.BLANK
    candidates = imported.candidates
    return Nomination(
        election=election,
        party=Party(
            kind=kind,
            appellation=appellation,
            submitter=Submitter(initials, last_name),
            substitutes=substitutes,
        ),
        candidates=candidates,
        lists=(
            CandidateList(
                "lijst-1",
                _kieskringen(election, paper.kieskringen),
                tuple(c.key for c in candidates),
            ),
        ),
    )


def receive_paper(
    workspace_path: Path,
    sheet: Path,
    paper: PaperList,
    *,
    hashcode: str | None,
    received_at: datetime,
    actor: str,
) -> TypedList:
    """Type in a list handed in on paper; store it only when ``hashcode`` confirms it.

    Kieswet H 1 (versie 2026): the paper H 1 is the list. Without ``hashcode``
    the typed list is returned with its hash code to compare with the paper,
    and nothing is stored.

    Raises:
        InputError: a sheet with problems, a wrong appellation, kieskring or
            submitter, a hash code that does not match, the same list twice (Dutch).
    """
    with CsbWorkspace.open(workspace_path) as workspace:
        election = workspace.election()
    nomination = _nomination(election, sheet, paper)
    created = datetime.combine(received_at.date(), received_at.time()).astimezone()
    record = nomination_record(nomination, nomination.lists[0], created=created)
    data = to_canonical(build_nomination(record))
    code = hash_code(data)
    if hashcode is None:
        return TypedList(nomination, code, None)
    try:
        typed = parse_typed(hashcode)
    except HashCodeError as error:
        raise InputError(str(error)) from error
    if not matches(typed, code):
        raise InputError(
            f"{sheet.name}: de getypte hashcode hoort niet bij deze ingetypte lijst; vergelijk de "
            f"lijst opnieuw met het papier (de code is {shown_blanked(code)}). Er is niets "
            "opgeslagen."
        )
    source_sha = hashlib.sha256(sheet.read_bytes()).hexdigest()
    in_time = handed_in_in_time(received_at, election_dates(election).nomination_day)
    kieskringen = nomination.lists[0].kieskringen
    with CsbWorkspace.open(workspace_path) as workspace:
        number = workspace.add_submission(
            f"papier-{sheet.stem[:60]}.eml.xml",
            data,
            received_at,
            "volledig" if typed.complete else "twee groepen",
            actor,
            {
                "aanduiding": nomination.party.appellation,
                "kieskringen": list(kieskringen),
                "kandidaten": len(nomination.candidates),
                "op_tijd": in_time,
                "papier": sheet.name,
                "papier_sha256": source_sha,
            },
            content=list_fingerprint(nomination),
            paper_source=sheet.name,
        )
    received = Received(
        number, nomination.party.appellation, kieskringen, len(nomination.candidates), in_time
    )
    return TypedList(nomination, code, received)


def render_typed(typed: TypedList) -> str:
    """The typed list as the committee compares it with the paper H 1 (Dutch)."""
    nomination = typed.nomination
    lines = [
        f"Aanduiding: {nomination.party.appellation or '(blanco lijst)'}",
        f"Kieskring(en): {', '.join(nomination.lists[0].kieskringen)}",
    ]
    if nomination.party.submitter is not None:
        submitter = nomination.party.submitter
        lines.append(f"Inleveraar: {submitter.initials} {submitter.last_name}")
    lines.extend(f"Vervanger: {s.initials} {s.last_name}" for s in nomination.party.substitutes)
    for place, candidate in enumerate(nomination.candidates, start=1):
        born = candidate.date_of_birth.strftime("%d-%m-%Y") if candidate.date_of_birth else ""
        name = " ".join(p for p in (candidate.prefix, candidate.last_name) if p)
        lines.append(
            f"{place:>3}. {name}, {candidate.initials} {born} {candidate.locality}".rstrip()
        )
    lines.append(f"Hashcode van de ingetypte lijst: {typed.hash_code}")
    return "\n".join(lines) + "\n"
