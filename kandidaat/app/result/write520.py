"""``kandidaat uitslag --out DIR``: the result as EML 520, deterministic and atomic.

The same files always give the same bytes: the creation time written is the
latest creation time of the count files read, never the clock. Candidate
identifiers are the order of election within the list (EML_NL 520, see
docs/eml notes on abacus #3072), Ranking 1 for preference votes, 2 otherwise.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import TYPE_CHECKING

from kandidaat import __version__
from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.documents.model_p22 import ResultSession, render_p22
from kandidaat.domain.election import ElectedCandidate, Envelope, ResultRecord
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.seats import Completed
from kandidaat.eml.canonical import hash_code
from kandidaat.eml.write_common import write_document
from kandidaat.eml.write_result import build_result

if TYPE_CHECKING:
    from pathlib import Path

    from kandidaat.app.result.run import ResultRun
    from kandidaat.domain.election import CandidateRecord

_SAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")


def _public(record: CandidateRecord) -> CandidateRecord:
    """Only what a 520 carries: name, gender, woonplaats (no birth date, no address)."""
    return dataclasses.replace(
        record,
        date_of_birth=None,
        date_of_birth_annex=None,
        national_id=None,
        mailing_address_lines=(),
        mailing_address=None,
        agent=None,
    )


def result_record(run: ResultRun) -> ResultRecord:
    """The EML 520 record of a completed run with named candidates.

    Raises:
        KandidaatError: no result, or candidates that could not be named.
    """
    if not isinstance(run.outcome, Completed) or run.election is None:
        raise KandidaatError("--out: er is geen uitslag om te schrijven")
    if run.conversion is not None and run.conversion.named and run.candidate_lists is None:
        raise KandidaatError(
            "--out: een uitslag (520) over meer kieskringen schrijven kan nog niet (de "
            "kandidaten moeten dan met hun ShortCode worden genoemd)"
        )
    if run.conversion is None or not run.conversion.named or run.candidate_lists is None:
        raise KandidaatError(
            "--out: een uitslag (520) noemt de gekozen kandidaten; zonder kandidatenlijsten "
            "(230b) of met bevindingen daarover wordt hij niet geschreven"
        )
    result = run.outcome.result
    records = {
        (a.number, c.position): c for a in run.candidate_lists.affiliations for c in a.candidates
    }
    lists = tuple((p.number, p.name) for p in result.contest.lists if result.seats[p.number])
    elected: list[ElectedCandidate] = []
    for election in result.elections:
        positions = (
            *((p, True) for p in election.preferential),
            *((p, False) for p in election.in_list_order),
        )
        votes = {
            c.position: c.votes
            for c in result.contest.list_by_number(election.list_number).candidates
        }
        for order, (position, preferential) in enumerate(positions, 1):
            elected.append(
                ElectedCandidate(
                    list_number=election.list_number,
                    order=order,
                    candidate=_public(records[(election.list_number, position)]),
                    preferential=preferential,
                    votes=votes[position],
                )
            )
    authority = run.candidate_lists.envelope.authority_name or "Centraal stembureau"
    envelope = Envelope(
        message_id="520",
        authority_id="CSB",
        authority_name=authority,
        creation_date_time=run.created,
    )
    election_id = dataclasses.replace(run.election, nomination_date=None)
    contest_id = run.candidate_lists.contest_id if run.top_level != "510d" else "geen"
    return ResultRecord(envelope, election_id, contest_id, lists, tuple(elected))


def file_name(run: ResultRun) -> str:
    """``Resultaat_{ElectionId}.eml.xml`` with only safe characters."""
    election = run.election.id if run.election is not None else "onbekend"
    return f"Resultaat_{_SAFE_NAME.sub('_', election)[:80]}.eml.xml"


def write_result(run: ResultRun, directory: Path) -> tuple[Path, bytes]:
    """Write the 520 into ``directory`` atomically; return the path and the bytes.

    Raises:
        KandidaatError: no result to write, or the directory cannot be made or written.
    """
    record = result_record(run)
    if directory.exists() and not directory.is_dir():
        raise KandidaatError(f"--out: {directory} is een bestand, geen map")
    try:
        directory.mkdir(parents=True, exist_ok=True)  # as `documents --out` does
    except OSError as error:
        reason = os_reason(error, Action.WRITE_FOLDER)
        raise KandidaatError(f"--out: map {directory} kan niet worden gemaakt ({reason})") from None
    path = directory / file_name(run)
    try:
        data = write_document(path, build_result(record))
    except OSError as error:
        raise KandidaatError(
            f"--out: kan {path} niet schrijven ({os_reason(error, Action.WRITE_FILE)})"
        ) from None
    return path, data


def _created(run: ResultRun) -> date:
    """The date printed: the day of the latest count file read (never the clock)."""
    try:
        return date.fromisoformat(run.created[:10])
    except ValueError:
        return date(2000, 1, 1)


def write_proces_verbaal(run: ResultRun, directory: Path, eml_name: str, data: bytes) -> Path:
    """Model P 22-2 for a municipality beside the 520, with the 520's hash code.

    Raises:
        KandidaatError: not a municipal election, or the file cannot be written.
    """
    record = result_record(run)
    if not isinstance(run.outcome, Completed) or run.totals is None or run.election is None:
        raise KandidaatError("--out: er is geen uitslag om een proces-verbaal van te maken")
    if run.election.category != "GR":
        raise KandidaatError(
            "--out: het proces-verbaal (model P 22-2) is er nog alleen voor de gemeenteraad"
        )
    del record
    lists = run.candidate_lists
    localities = {
        (a.number, c.position): c.locality or ""
        for a in (lists.affiliations if lists is not None else ())
        if a.number is not None
        for c in a.candidates
    }
    session = ResultSession(
        election_name=run.election.name,
        municipality=run.election.domain_name or run.election.name,
        election_date=run.election.election_date,
        result=run.outcome.result,
        blank=run.totals.blank,
        invalid=run.totals.invalid,
        hash_code=hash_code(data),
        eml_name=eml_name,
        localities=localities,
        differences=tuple(d.message for d in run.differences),
    )
    pdf = render_p22(session, version=__version__, created=_created(run))
    path = directory / f"Model_P22-2_{_SAFE_NAME.sub('_', run.election.id)[:80]}.pdf"
    try:
        write_bytes_atomically(path, pdf)
    except OSError as error:
        raise KandidaatError(
            f"--out: kan {path} niet schrijven ({os_reason(error, Action.WRITE_FILE)})"
        ) from None
    return path
