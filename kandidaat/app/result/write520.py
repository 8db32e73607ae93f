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
from kandidaat.documents.model_p22_1 import render_p22_1
from kandidaat.domain.election import ElectedCandidate, Envelope, ResultRecord
from kandidaat.domain.errors import KandidaatError
from kandidaat.domain.seats import Completed
from kandidaat.eml.canonical import hash_code
from kandidaat.eml.write_common import write_document
from kandidaat.eml.write_result import build_result

if TYPE_CHECKING:
    from pathlib import Path

    from kandidaat.app.result.run import ResultRun
    from kandidaat.domain.election import CandidateListsRecord, CandidateRecord
    from kandidaat.domain.seats import SeatResult

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
    named = run.conversion is not None and run.conversion.named
    if not named or (run.candidate_lists is None and not run.kieskring_lists):
        raise KandidaatError(
            "--out: een uitslag (520) noemt de gekozen kandidaten; zonder kandidatenlijsten "
            "(230b) of met bevindingen daarover wordt hij niet geschreven"
        )
    result = run.outcome.result
    lists = tuple((p.number, p.name) for p in result.contest.lists if result.seats[p.number])
    if run.candidate_lists is not None:
        elected = _elected_in_one_contest(result, run.candidate_lists)
        authority = run.candidate_lists.envelope.authority_name
        contest_id = run.candidate_lists.contest_id if run.top_level != "510d" else "geen"
    else:
        elected = _elected_over_kieskringen(result, run.kieskring_lists)
        first = run.kieskring_lists[min(run.kieskring_lists, key=_kieskring_order)]
        authority = first.envelope.authority_name
        contest_id = ALL_KIESKRINGEN
    envelope = Envelope(
        message_id="520",
        authority_id="CSB",
        authority_name=authority or "Centraal stembureau",
        creation_date_time=run.created,
    )
    election_id = dataclasses.replace(run.election, nomination_date=None)
    return ResultRecord(envelope, election_id, contest_id, lists, tuple(elected))


ALL_KIESKRINGEN = "alle"
"""The ContestIdentifier of a result over all kieskringen (eml.md section 5.9)."""


def _kieskring_order(contest_id: str) -> tuple[int, str]:
    return (int(contest_id) if contest_id.isdigit() else 0, contest_id)


def _elected_in_one_contest(
    result: SeatResult, lists: CandidateListsRecord
) -> list[ElectedCandidate]:
    records = {(a.number, c.position): c for a in lists.affiliations for c in a.candidates}
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
    return elected


def _elected_over_kieskringen(
    result: SeatResult, per_kieskring: dict[str, CandidateListsRecord]
) -> list[ElectedCandidate]:
    """The elected of a result over several kieskringen, each with his ShortCode.

    A candidate is written as the 230b of the lowest kieskring of his list (of
    the group: Kieswet art. P 3, versie 2026) writes him, with the ShortCode
    that links him across kieskringen (eml.md sections 5.8 and 7). Order of
    election within a list: first those elected on preference (P 15), then in
    list order (P 17); in a lijstengroep list by list of the group.
    """
    elected: list[ElectedCandidate] = []
    for party_list in result.contest.lists:
        sublists = {s.number: s for s in party_list.sublists}
        own = [e for e in result.elections if e.list_number == party_list.number]
        rows = [
            (election, position, preferential)
            for preferential in (True, False)
            for election in own
            for position in (election.preferential if preferential else election.in_list_order)
        ]
        for order, (election, position, preferential) in enumerate(rows, 1):
            sublist = sublists.get(election.sublist_number or 0)
            candidates = sublist.candidates if sublist is not None else party_list.candidates
            candidate = next(c for c in candidates if c.position == position)
            kieskringen = (
                [str(k) for k in sublist.kieskringen]
                if sublist is not None
                else sorted(per_kieskring, key=_kieskring_order)
            )
            record = _record_in(per_kieskring, kieskringen, party_list.number, position)
            code = record.short_code or (candidate.key if candidate.key != candidate.name else None)
            elected.append(
                ElectedCandidate(
                    list_number=party_list.number,
                    order=order,
                    candidate=dataclasses.replace(_public(record), short_code=code),
                    preferential=preferential,
                    votes=candidate.votes,
                )
            )
    return elected


def _record_in(
    per_kieskring: dict[str, CandidateListsRecord],
    kieskringen: list[str],
    number: int,
    position: int,
) -> CandidateRecord:
    """The 230b record of list ``number``, ``position`` in the first kieskring that has it."""
    for kieskring in kieskringen:
        lists = per_kieskring.get(kieskring)
        for affiliation in lists.affiliations if lists is not None else ():
            if affiliation.number != number:
                continue
            for record in affiliation.candidates:
                if record.position == position:
                    return record
    raise KandidaatError(
        f"--out: lijst {number}, kandidaat {position} staat op geen van de kandidatenlijsten"
    )


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


P22_1_BODIES = {"TK", "EP"}
"""Bodies whose result is always set over several kieskringen: model P 22-1."""
P22_2_BODIES = {"GR", "PS", "AB", "ER"}
"""Bodies of model P 22-2 (PS only with one kieskring), ADR 0140."""


def proces_verbaal_model(run: ResultRun) -> str | None:
    """The model of the proces-verbaal for this election: "P 22-1", "P 22-2" or None (EK).

    Model P 22-1 for the Tweede Kamer, the Europees Parlement and provinciale
    staten of a province of more than one kieskring; P 22-2 for the gemeenteraad,
    provinciale staten of one kieskring, the algemeen bestuur and the eilandsraad
    (Kiesregeling, models P 22-1 and P 22-2; ADR 0140).
    """
    category = run.election.category if run.election is not None else ""
    several = len(run.kieskring_lists) > 1 or (
        run.election is not None and run.election.subcategory == "PS2"
    )
    if category in P22_1_BODIES or (category == "PS" and several):
        return "P 22-1"
    if category in P22_2_BODIES:
        return "P 22-2"
    return None


def _kieskring_localities(
    result: SeatResult, per_kieskring: dict[str, CandidateListsRecord]
) -> tuple[dict[tuple[int, int], str], dict[tuple[int, int, int], str]]:
    """Woonplaatsen as the 230b of the lowest kieskring of each list writes them."""
    order = sorted(per_kieskring, key=_kieskring_order)
    plain: dict[tuple[int, int], str] = {}
    grouped: dict[tuple[int, int, int], str] = {}
    for party_list in result.contest.lists:
        for sublist in party_list.sublists:
            kieskringen = [str(k) for k in sublist.kieskringen]
            for c in sublist.candidates:
                record = _record_in(per_kieskring, kieskringen, party_list.number, c.position)
                grouped[(party_list.number, sublist.number, c.position)] = record.locality or ""
        for c in party_list.candidates if not party_list.sublists else ():
            record = _record_in(per_kieskring, order, party_list.number, c.position)
            plain[(party_list.number, c.position)] = record.locality or ""
    return plain, grouped


def write_proces_verbaal(run: ResultRun, directory: Path, eml_name: str, data: bytes) -> Path:
    """Model P 22-1 or P 22-2 beside the 520, with the 520's hash code (ADR 0102, 0140).

    Raises:
        KandidaatError: an election without a model here (Eerste Kamer), or the
            file cannot be written.
    """
    record = result_record(run)
    if not isinstance(run.outcome, Completed) or run.totals is None or run.election is None:
        raise KandidaatError("--out: er is geen uitslag om een proces-verbaal van te maken")
    model = proces_verbaal_model(run)
    if model is None:
        raise KandidaatError(
            "--out: het proces-verbaal (model P 22-1 of P 22-2) is er niet voor de "
            f"{run.election.category}-verkiezing"
        )
    del record
    lists = run.candidate_lists
    localities = {
        (a.number, c.position): c.locality or ""
        for a in (lists.affiliations if lists is not None else ())
        if a.number is not None
        for c in a.candidates
    }
    grouped: dict[tuple[int, int, int], str] = {}
    if lists is None and run.kieskring_lists:
        localities, grouped = _kieskring_localities(run.outcome.result, run.kieskring_lists)
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
        sublist_localities=grouped,
        kieskring_names={k: v.contest_name or "" for k, v in sorted(run.kieskring_lists.items())},
    )
    render = render_p22_1 if model == "P 22-1" else render_p22
    pdf = render(session, version=__version__, created=_created(run))
    code = model.replace(" ", "")
    path = directory / f"Model_{code}_{_SAFE_NAME.sub('_', run.election.id)[:80]}.pdf"
    try:
        write_bytes_atomically(path, pdf)
    except OSError as error:
        raise KandidaatError(
            f"--out: kan {path} niet schrijven ({os_reason(error, Action.WRITE_FILE)})"
        ) from None
    return path
