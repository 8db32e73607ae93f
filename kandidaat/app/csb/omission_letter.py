"""``kandidaat csb verzuimbrief``: the letter that tells the submitter what to repair.

Kieswet art. I 2 (geldend op 2026-01-01): the centraal stembureau tells the
submitter (inleveraar) of a list the omissions found at the examination (I 1)
and gives the occasion to repair them until the end of the repair period
(I 2 lid 2; the day from
:func:`~kandidaat.domain.nomination.deadlines.election_dates`). The letter
lists every omission of the submission that is not repaired, with how to
repair it and what follows when it is not (I 5, I 6), the last day and the
place of repair. It is written atomically and logged with its SHA-256.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat import __version__
from kandidaat.app.csb.workspace import load_submissions
from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.documents.text import election_phrase, residence_text
from kandidaat.documents.verzuimbrief import LetterOmission, OmissionLetter, render_verzuimbrief
from kandidaat.domain.csb.omissions import (
    Consequence,
    Level,
    Omission,
    OmissionKind,
    catalogue_kind,
)
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.domain.nomination.model import Body
from kandidaat.domain.nomination.text_rules import check_text
from kandidaat.eml.canonical import hash_report
from kandidaat.store.csb import CsbWorkspace

if TYPE_CHECKING:
    from datetime import date

    from kandidaat.domain.csb.model import Submission

__all__ = ["MAX_PLACE", "letter_for", "write_letter"]

MAX_PLACE = 200
"""Longest place of repair the committee types (--plaats)."""


def _where(submission: Submission, omission: Omission, kind: OmissionKind) -> str:
    """Where the omission is: the list, one kieskring, the appellation or a candidate."""
    if kind.level is Level.CANDIDATE and omission.candidate_key is not None:
        keys = [key for lst in submission.nomination.lists for key in lst.candidates]
        by_key = {c.key: c for c in submission.nomination.candidates}
        person = by_key.get(omission.candidate_key)
        position = keys.index(omission.candidate_key) + 1 if omission.candidate_key in keys else 0
        if person is None:
            return f"kandidaat nr. {position}"
        name = " ".join(p for p in (person.initials, person.prefix, person.last_name) if p)
        place = residence_text(person)
        return f"kandidaat nr. {position}: {name}" + (f" ({place})" if place else "")
    if kind.level is Level.APPELLATION:
        return "de aanduiding boven de lijst"
    if omission.kieskring is not None:
        return f"de lijst in {_kieskring_name(submission, omission.kieskring)}"
    if len(submission.kieskringen) > 1:
        return "de lijst, in alle kieskringen waarvoor zij is ingeleverd"
    return "de lijst"


def _kieskring_name(submission: Submission, number: str) -> str:
    names = {k.number: k.name for k in submission.nomination.election.kieskringen}
    name = names.get(number)
    return f"kieskring {number} ({name})" if name else f"kieskring {number}"


def _consequence(submission: Submission, omission: Omission, kind: OmissionKind) -> str:
    """What follows when the omission is not repaired (Kieswet I 5, I 6, geldend op 2026-01-01).

    The same reach as :func:`~kandidaat.domain.csb.omissions.outcome_of_omissions`:
    a list-level omission per kieskring only there, otherwise in every
    kieskring of the submission; a candidate is struck in every kieskring;
    a struck appellation leaves the list as a blank list (I 6 lid 2 onder a).
    """
    several = len(submission.kieskringen) > 1
    if kind.consequence is Consequence.LIST_INVALID:
        if omission.kieskring is not None and several:
            where = _kieskring_name(submission, omission.kieskring)
            return f"De lijst wordt ongeldig verklaard voor {where}."
        if several:
            return (
                "De lijst wordt ongeldig verklaard voor alle kieskringen waarvoor zij is "
                "ingeleverd."
            )
        return "De lijst wordt ongeldig verklaard."
    if kind.consequence is Consequence.APPELLATION_STRUCK:
        return (
            "De aanduiding wordt boven de lijst geschrapt; de lijst doet mee als lijst zonder "
            "aanduiding (blanco lijst)."
        )
    if several:
        return "De kandidaat wordt in elke kieskring van de lijst geschrapt."
    return "De kandidaat wordt van de lijst geschrapt."


def _letter_omission(
    submission: Submission, omission: Omission, kind: OmissionKind
) -> LetterOmission:
    return LetterOmission(
        number=omission.number,
        where=_where(submission, omission, kind),
        text=kind.title,
        repair=kind.repair if kind.recoverable else "",
        consequence=_consequence(submission, omission, kind),
        article=kind.article,
        note=omission.note,
    )


def _submission(submissions: list[Submission], number: int) -> Submission:
    for submission in submissions:
        if submission.number == number:
            return submission
    known = ", ".join(str(s.number) for s in submissions) or "geen"
    raise InputError(f"--inlevering {number}: er is geen inlevering met dat nummer (wel: {known})")


def letter_for(
    workspace: CsbWorkspace, submission: int, *, day: date, place: str
) -> OmissionLetter:
    """The verzuimbrief of ``submission``: its omissions not repaired (Kieswet I 2, versie 2026).

    For the Eerste Kamer the letter cites S 1 lid 1, S 1 lid 4 and S 2 (Kieswet
    geldend op 2026-01-01) where other elections cite I 1, I 2 lid 2 and I 4.

    Raises:
        InputError: an unknown submission, one without omissions to report, a
            letter dated after the repair period, or an empty or too long place (Dutch).
    """
    where = check_text("--plaats", " ".join(place.split()), MAX_PLACE)
    if not where:
        raise InputError(
            "--plaats: geef aan waar het herstel gebeurt, bijvoorbeeld het adres van het "
            "secretariaat van het centraal stembureau"
        )
    election, _, submissions = load_submissions(workspace)
    chosen = _submission(submissions, submission)
    repair_end = election_dates(election).repair_end
    omissions = []
    for omission in workspace.omissions():
        kind = catalogue_kind(omission.code)
        if omission.submission != chosen.number or kind is None:
            continue
        if omission.repaired and kind.recoverable:
            continue
        omissions.append(_letter_omission(chosen, omission, kind))
    if not omissions:
        raise InputError(
            f"inlevering {chosen.number}: er zijn geen open verzuimen; er is geen verzuimbrief "
            "nodig ('kandidaat csb verzuimen' toont wat is vastgelegd)"
        )
    ek = election.body is Body.EK
    repair_article = "Kieswet S 1 lid 4" if ek else "Kieswet I 2 lid 2"
    if day > repair_end and any(o.recoverable for o in omissions):
        raise InputError(
            f"--datum {day:%d-%m-%Y}: de hersteltermijn ({repair_article}) liep tot en met "
            f"{repair_end:%d-%m-%Y}; een verzuimbrief na die dag geeft geen gelegenheid meer "
            "tot herstel"
        )
    stored = {item.number: item for item in workspace.submissions()}[chosen.number]
    party = chosen.nomination.party
    return OmissionLetter(
        election=election_phrase(election),
        day=day,
        submission=chosen.number,
        appellation=chosen.appellation,
        submitter=party.submitter,
        substitutes=tuple(s.ballot_name for s in party.substitutes if s.ballot_name),
        omissions=tuple(omissions),
        repair_end=repair_end,
        place=where,
        hash_code=hash_report(stored.data, stored.file_name).form_hash,
        examination_article="Kieswet S 1 lid 1" if ek else "Kieswet I 1",
        repair_article=repair_article,
        session_article="Kieswet S 2" if ek else "Kieswet I 4",
    )


def _check_out(out: Path) -> None:
    if out.is_dir():
        raise InputError(f"--out: {out} is een map; geef de naam van het PDF-bestand")
    if out.suffix.lower() != ".pdf":
        raise InputError(
            f"--out: {out.name}: de verzuimbrief is een PDF; laat de naam op .pdf eindigen"
        )
    if out.exists() or out.is_symlink():
        raise InputError(
            f"--out: {out} bestaat al; kandidaat overschrijft geen bestaand bestand. Kies een "
            "andere naam of verwijder het bestand eerst."
        )


def write_letter(
    workspace_path: Path, submission: int, out: Path, *, day: date, place: str, actor: str
) -> Path:
    """Write the verzuimbrief of ``submission`` to ``out`` and log it (Kieswet I 2, versie 2026).

    The same workspace, submission, day and place give the same bytes. The
    file is written atomically; the log entry names it with its SHA-256.

    Raises:
        InputError: see :func:`letter_for`; an ``out`` that is a folder, not a
            ``.pdf`` or already exists, or cannot be written (nothing written then).
    """
    out = Path(out)
    _check_out(out)
    with CsbWorkspace.open(workspace_path) as workspace:
        letter = letter_for(workspace, submission, day=day, place=place)
        data = render_verzuimbrief(letter, version=__version__)
        try:
            write_bytes_atomically(out, data)
        except OSError as error:
            reason = os_reason(error, Action.WRITE_FILE)
            raise InputError(
                f"--out: kan {out} niet schrijven ({reason}); er is niets geschreven"
            ) from None
        try:
            workspace.record(
                "verzuimbrief",
                {
                    "inlevering": letter.submission,
                    "bestand": out.name,
                    "datum": day.isoformat(),
                    "verzuimen": [o.number for o in letter.omissions],
                    "herstel_tot_en_met": letter.repair_end.isoformat(),
                    "plaats": letter.place,
                    "sha256": hashlib.sha256(data).hexdigest(),
                },
                actor,
            )
        except BaseException:
            out.unlink(missing_ok=True)
            raise
    return out
