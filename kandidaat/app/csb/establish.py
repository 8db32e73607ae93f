"""``kandidaat csb vaststellen``: the established, numbered lists as EML 230b per kieskring.

After the examination and the numbering the centraal stembureau establishes the
lists (Kieswet I 12 - I 17, versie 2026). This use case writes what the count
needs: one EML 230b per kieskring (``geen`` for an election of one kieskring),
with the list numbers of :mod:`kandidaat.domain.csb.numbering`, and without
what the law strikes that the examination already finds across submissions:

- a candidate on lists of more than one submission for one kieskring is struck
  from all of them (Kieswet H 7 lid 2, I 6 lid 1 onder g);
- an appellation above lists of more than one submission for one kieskring is
  struck above each (I 6 lid 2 onder b): the list stays, without appellation.

Submissions the committee declared invalid (``--ongeldig``) and those handed
in late (I 5 onder a) are left out. What
the committee decides otherwise (an omission not repaired, a candidate struck
for another reason) is not yet recorded in the workspace: those decisions come
with the omissions. The remaining candidates keep their order and are numbered
1, 2, 3, ... as on the ballot. The 230b carries no BSN and no correspondence
address (it is published). Files are canonical; each is written atomically,
and only after every file has been built.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat import __version__
from kandidaat.app.csb.decisions import Decisions, decisions
from kandidaat.app.csb.objections import read_objections
from kandidaat.app.csb.report_i1 import i1_bytes
from kandidaat.app.csb.report_i4 import i4_session
from kandidaat.app.nomination.eml210 import candidate_record, election_identifier
from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.documents.model_i4 import render_i4
from kandidaat.documents.model_publication import render_hash_overview, render_publication
from kandidaat.domain.csb.numbering import (
    Numbered,
    NumberingLotRequired,
    number_lists,
    numbering_units,
)
from kandidaat.domain.csb.shortcode import ShortCodes
from kandidaat.domain.election import (
    AffiliationRecord,
    CandidateListsRecord,
    ContestLists,
    Envelope,
)
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.checks.duplicates import person_identity
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.domain.nomination.model import AppellationKind
from kandidaat.domain.nomination.structure import ListType
from kandidaat.eml.canonical import hash_code
from kandidaat.eml.write_common import to_canonical
from kandidaat.eml.write_lists import build_candidate_lists
from kandidaat.store.csb import CsbWorkspace

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from kandidaat.documents.model_i4 import EstablishedSession
    from kandidaat.domain.csb.model import Submission
    from kandidaat.domain.nomination.model import Election

__all__ = ["Established", "EstablishedFile", "establish"]

_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class EstablishedFile:
    """One 230b written: its kieskring, path, hash code and number of lists."""

    kieskring: str
    path: Path
    hash_code: str
    lists: int


@dataclass(frozen=True, slots=True)
class Established:
    """The numbering used and the files written."""

    numbered: Numbered
    files: tuple[EstablishedFile, ...]
    documents: tuple[Path, ...]
    """The PDFs written beside the 230b: the I 4 first, then (finalise) I 1, publication, hashes."""
    struck_candidates: int
    struck_appellations: int
    invalid_in: tuple[tuple[int, str, str], ...] = ()
    """(submission, kieskring, article) of each list invalid in a kieskring (I 5)."""


def _file_name(election: Election, kieskring: str) -> str:
    stem = _SAFE.sub("_", election.identifier)[:80]
    if kieskring == "totaal":
        return f"Totaallijsten_{stem}.eml.xml"
    if election.single_kieskring:
        return f"Kandidatenlijsten_{stem}.eml.xml"
    return f"Kandidatenlijsten_{stem}_kieskring_{_SAFE.sub('_', kieskring)[:10]}.eml.xml"


_Kind = tuple[str, str | None]
"""A list's EML Type and BelongsToSet."""


def _kinds(
    numbered: Numbered, by_number: dict[int, Submission]
) -> dict[int, tuple[str, str | None]]:
    """Per submission its EML ``Type`` and ``BelongsToSet`` across all submissions.

    Kieswet art. H 11 (EK: R 10), geldend op 2026-01-01, as the party side
    computes it (:func:`~kandidaat.domain.nomination.structure.list_structure`),
    here over the submissions of one numbering unit: lists with different
    candidates form a lijstengroep; one candidate sequence for more than one
    kieskring is a stel gelijkluidende lijsten, numbered over the election in
    the order of the list numbers.
    """
    kinds: dict[int, _Kind] = {}
    next_set = 1
    for item in numbered.lists:
        members = [by_number[n] for n in item.unit.submissions]
        sets: dict[tuple[tuple[str, ...], ...], list[Submission]] = {}
        for submission in members:
            sets.setdefault(_sequence(submission), []).append(submission)
        if len(sets) > 1:
            kind = ListType.GROUP
        elif len(item.unit.kieskringen) > 1:
            kind = ListType.SET
        else:
            kind = ListType.STANDALONE
        for group in sets.values():
            set_number = None
            if sum(len(s.kieskringen) for s in group) > 1:
                set_number = str(next_set)
                next_set += 1
            for submission in group:
                kinds[submission.number] = (kind.value, set_number)
    return kinds


def _sequence(submission: Submission) -> tuple[tuple[str, ...], ...]:
    nomination = submission.nomination
    by_key = {candidate.key: candidate for candidate in nomination.candidates}
    return tuple(
        person_identity(by_key[key])
        for lst in nomination.lists
        for key in lst.candidates
        if key in by_key
    )


def _affiliation(
    submission: Submission,
    number: int,
    struck: frozenset[str],
    kind: _Kind,
    *,
    without_appellation: bool,
    codes: ShortCodes | None = None,
    spelled: str | None = None,
) -> AffiliationRecord:
    """The list of ``submission`` as the 230b carries it, with ``number`` and without ``struck``.

    With ``codes`` (the 230c) every candidate gets a ShortCode and keeps the
    correspondence address and gemachtigde; a person already described in the
    document is written as a reference only. The BSN is never written.
    """
    nomination = submission.nomination
    candidate_list = nomination.lists[0]
    by_key = {candidate.key: candidate for candidate in nomination.candidates}
    kept = [key for key in candidate_list.candidates if key not in struck and key in by_key]
    records = []
    for position, key in enumerate(kept, start=1):
        person = by_key[key]
        record = dataclasses.replace(candidate_record(person, position), national_id=None)
        if codes is None:
            record = dataclasses.replace(record, mailing_address=None, agent=None)
        else:
            code, seen = codes.code(person_identity(person), person.last_name, person.initials)
            record = dataclasses.replace(record, short_code=code, reference_only=seen)
        records.append(record)
    candidates = tuple(records)
    blank = without_appellation or nomination.party.kind is AppellationKind.BLANK
    return AffiliationRecord(
        number=number,
        name="" if blank else (spelled or nomination.party.appellation),
        candidates=candidates,
        list_type=kind[0],
        publish_gender=candidate_list.publish_gender,
        publication_language=candidate_list.language or "nl",
        belongs_to_set=kind[1],
    )


def _records(
    election: Election,
    numbered: Numbered,
    decided: Decisions,
    day: date,
    *,
    message_id: str = "230b",
    codes: ShortCodes | None = None,
) -> list[tuple[str, CandidateListsRecord]]:
    by_number = {submission.number: submission for submission in decided.submissions}
    candidates, appellations = decided.struck_candidates, decided.struck_appellations
    kinds = _kinds(numbered, by_number)
    identifier = election_identifier(election)
    authority_id = election.area_code or "CSB"
    authority_name = f"Centraal stembureau {election.area_name or election.name}".strip()
    records = []
    for kieskring in election.kieskringen:
        affiliations = []
        for item in numbered.lists:
            here = [
                by_number[n]
                for n in item.unit.submissions
                if kieskring.number in by_number[n].kieskringen
                and kieskring.number not in decided.invalid_in.get(n, frozenset())
            ]
            if not here:
                continue
            submission = here[0]
            where = (submission.number, kieskring.number)
            affiliation = _affiliation(
                submission,
                item.number,
                candidates.get(where, frozenset()),
                kinds[submission.number],
                without_appellation=where in appellations,
                codes=codes,
                spelled=decided.corrected.get(submission.number),
            )
            if affiliation.candidates:
                affiliations.append(affiliation)
        if not affiliations:
            continue
        contest = "geen" if election.single_kieskring else kieskring.number
        record = CandidateListsRecord(
            envelope=Envelope(
                message_id=message_id,
                authority_id=authority_id,
                authority_name=authority_name,
                issue_date=day.isoformat(),
                creation_date_time=f"{day.isoformat()}T00:00:00.000",
                canonicalization=True,
            ),
            election=identifier,
            contest_id=contest,
            contest_name=None if election.single_kieskring else kieskring.name or None,
            affiliations=tuple(affiliations),
        )
        records.append((kieskring.number, record))
    return records


def _totaallijsten(
    election: Election, numbered: Numbered, decided: Decisions, day: date
) -> CandidateListsRecord | None:
    """The EML 230c: every kieskring in one document, each person once with a ShortCode.

    Kieswet I 17 and the Kiesraad's exchange format (``../shared/docs/eml.md``
    §4.4): the totaallijst carries what the result session and the letters of
    appointment need (correspondence address, gemachtigde), never the BSN; it is
    for the committee, not for publication.
    """
    per_kieskring = _records(
        election, numbered, decided, day, message_id="230c", codes=ShortCodes()
    )
    if not per_kieskring:
        return None
    first = per_kieskring[0][1]
    return dataclasses.replace(
        first,
        more_contests=tuple(
            ContestLists(record.contest_id, record.contest_name, record.affiliations)
            for _, record in per_kieskring[1:]
        ),
    )


def establish(
    workspace_path: Path,
    out_dir: Path,
    *,
    day: date,
    lots: Sequence[int] = (),
    invalid: Sequence[int] = (),
    actor: str,
    complete: bool = False,
) -> Established | NumberingLotRequired:
    """Write the 230b of every kieskring into ``out_dir`` (Kieswet I 12 - I 17, versie 2026).

    Always the 230b per kieskring, the 230c and the proces-verbaal I 4; with
    ``complete`` (``csb finalise``) also the I 1, the publication of the lists
    and a page with the hash code of every file.

    ``day`` is the date of the session (IssueDate); the same workspace, draws
    and day give the same bytes. While the repair period runs and omissions
    are open, nothing is established: what is not repaired strikes only after
    the period (I 2 lid 2). A tie in the numbering returns the draw needed
    and writes nothing.

    Raises:
        InputError: an unknown submission, an incomplete register, no valid list,
            or a folder that cannot be written (Dutch); nothing half-written.
        LotAnswerError: a draw that does not fit.
    """
    decided = decisions(workspace_path, invalid)
    election = decided.election
    if decided.open_omissions and day <= decided.repair_end:
        raise InputError(
            f"--datum {day:%d-%m-%Y}: de hersteltermijn (Kieswet I 2 lid 2) loopt tot en met "
            f"{decided.repair_end:%d-%m-%Y} en {decided.open_omissions} verzuim(en) zijn nog "
            "niet hersteld; stel de lijsten vast na de termijn (of leg het herstel vast)"
        )
    units = numbering_units(
        decided.submissions, decided.register, decided.left_out, decided.invalid_in
    )
    if not units:
        raise InputError(f"{workspace_path.name}: er is geen geldige lijst om vast te stellen")
    outcome = number_lists(units, election.body, lots)
    if isinstance(outcome, NumberingLotRequired):
        return outcome
    examined = election_dates(election).examination_day
    examination = i1_bytes(workspace_path, min(examined, day))[0] if complete else None
    records = _records(election, outcome, decided, day)
    built = [
        (kieskring, to_canonical(build_candidate_lists(record))) for kieskring, record in records
    ]
    total = _totaallijsten(election, outcome, decided, day)
    if total is not None:
        built.append(("totaal", to_canonical(build_candidate_lists(total))))
    files = _write(out_dir, election, built)
    session = i4_session(
        election, outcome, decided, records, files, day, read_objections(workspace_path)
    )
    report = _write_pdf(
        out_dir / "Proces-verbaal_I4.pdf", render_i4(session, version=__version__, created=day)
    )
    documents = [report]
    if examination is not None:
        documents += _write_complete(out_dir, session, examination, files, report, day)
    with CsbWorkspace.open(workspace_path) as workspace:
        workspace.record(
            "vastgesteld",
            {
                "datum": day.isoformat(),
                "lijsten": [
                    [item.number, item.unit.appellation, list(item.unit.submissions)]
                    for item in outcome.lists
                ],
                "loten": [answer for _, answer in outcome.lots_drawn],
                "ongeldig": list(decided.left_out),
                "ongeldig_in": [[n, k, why] for (n, k), why in sorted(decided.invalid_why.items())],
                "bestanden": [[f.path.name, f.hash_code] for f in files],
                "proces_verbaal": [report.name, hashlib.sha256(report.read_bytes()).hexdigest()],
                "documenten": [
                    [path.name, hashlib.sha256(path.read_bytes()).hexdigest()] for path in documents
                ],
            },
            actor,
        )
    return Established(
        outcome,
        files,
        tuple(documents),
        sum(len(keys) for keys in decided.struck_candidates.values()),
        len(decided.struck_appellations),
        tuple((n, k, why) for (n, k), why in sorted(decided.invalid_why.items())),
    )


def _write_pdf(path: Path, data: bytes) -> Path:
    try:
        write_bytes_atomically(path, data)
    except OSError as error:
        reason = os_reason(error, Action.WRITE_FILE)
        raise InputError(f"--out: kan {path} niet schrijven ({reason})") from None
    return path


def _write_complete(
    out_dir: Path,
    session: EstablishedSession,
    examination: bytes,
    files: Sequence[EstablishedFile],
    report: Path,
    day: date,
) -> list[Path]:
    """The I 1, the publication and the page of hash codes (``csb finalise``)."""
    first = next((f for f in files if f.kieskring != "totaal"), files[0])
    i1 = _write_pdf(out_dir / "Proces-verbaal_I1.pdf", examination)
    publication = _write_pdf(
        out_dir / "Publicatie_kandidatenlijsten.pdf",
        render_publication(
            session.election_name,
            session.authority,
            session.valid,
            hash_label=session.footer_label,
            hash_code=first.hash_code,
            version=__version__,
            created=day,
        ),
    )
    listed = [(f.path.name, f.hash_code) for f in files]
    listed += [(path.name, hash_code(path.read_bytes())) for path in (report, i1, publication)]
    overview = _write_pdf(
        out_dir / "Hashcodes.pdf",
        render_hash_overview(
            session.election_name,
            listed,
            hash_label=session.footer_label,
            hash_code=first.hash_code,
            version=__version__,
            created=day,
        ),
    )
    return [i1, publication, overview]


def _write(
    out_dir: Path, election: Election, built: list[tuple[str, bytes]]
) -> tuple[EstablishedFile, ...]:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"--out: {out_dir} is een bestand, geen map")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = os_reason(error, Action.WRITE_FOLDER)
        raise InputError(f"--out: map {out_dir} kan niet worden gemaakt ({reason})") from None
    files = []
    for kieskring, data in built:
        path = out_dir / _file_name(election, kieskring)
        try:
            write_bytes_atomically(path, data)
        except OSError as error:
            reason = os_reason(error, Action.WRITE_FILE)
            raise InputError(f"--out: kan {path} niet schrijven ({reason})") from None
        lists = data.count(b"<Affiliation>")
        files.append(EstablishedFile(kieskring, path, hash_code(data), lists))
    return tuple(files)
