"""``kandidaat uitslag --out DIR``: the result as EML 520, deterministic and atomic.

The same files always give the same bytes: the creation time written is the
latest creation time of the count files read, never the clock. Candidate
identifiers are the order of election within the list (EML_NL 520, see
docs/eml notes on abacus #3072), Ranking 1 for preference votes, 2 otherwise.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from kandidaat.domain.election import ElectedCandidate, Envelope, ResultRecord
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.seats import Completed
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
        KandidaatError: no result to write, or the directory does not exist.
    """
    record = result_record(run)
    if not directory.is_dir():
        raise KandidaatError(f"--out: map {directory} bestaat niet")
    path = directory / file_name(run)
    try:
        data = write_document(path, build_result(record))
    except OSError as error:
        raise KandidaatError(f"--out: kan {path} niet schrijven ({error.strerror})") from None
    return path, data
