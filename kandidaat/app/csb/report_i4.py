"""The proces-verbaal I 4 from the same records as the 230b (Kieswet I 4, versie 2026).

Every row comes from :class:`~kandidaat.app.csb.decisions.Decisions`, the
numbering and the 230b records just built, so the report and the files cannot
disagree. A candidate or appellation struck in several kieskringen for the same
reason is one row naming those kieskringen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.documents.model_i4 import EstablishedSession, NumberedRow, ValidList
from kandidaat.domain.csb.omissions import catalogue_kind
from kandidaat.domain.nomination.deadlines import election_dates

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from kandidaat.app.csb.decisions import Decisions
    from kandidaat.app.csb.establish import EstablishedFile
    from kandidaat.domain.csb.model import Submission
    from kandidaat.domain.csb.numbering import Numbered
    from kandidaat.domain.election import CandidateListsRecord
    from kandidaat.domain.nomination.model import Election
    from kandidaat.store.csb import Objection

__all__ = ["i4_session", "omission_rows"]


def _order(number: str) -> tuple[int, str]:
    return (int(number), "") if number.isdigit() else (10**9, number)


def _where(submission: Submission, kieskringen: Sequence[str], election: Election) -> str:
    if election.single_kieskring or not kieskringen:
        return submission.label
    if len(kieskringen) > 1 and set(kieskringen) == {k.number for k in election.kieskringen}:
        return f"{submission.label} in alle {len(kieskringen)} kieskringen"
    shown = ", ".join(sorted(set(kieskringen), key=_order))
    return f"{submission.label} in kieskring {shown}"


def _person(submission: Submission, key: str) -> str:
    keys = [k for lst in submission.nomination.lists for k in lst.candidates]
    person = next((c for c in submission.nomination.candidates if c.key == key), None)
    if person is None:
        return "?"
    place = keys.index(key) + 1 if key in keys else 0
    return f"{person.initials} {person.last_name} (plaats {place})".strip()


def omission_rows(
    decided: Decisions, election: Election, by_number: dict[int, Submission]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The recoverable omissions recorded (where, what), and those repaired."""
    found: list[tuple[str, str]] = []
    repaired: list[tuple[str, str]] = []
    for omission in decided.omissions:
        kind = catalogue_kind(omission.code)
        submission = by_number.get(omission.submission)
        if kind is None or submission is None or not kind.recoverable:
            continue
        where = _where(submission, [omission.kieskring] if omission.kieskring else [], election)
        text = kind.title
        if omission.candidate_key is not None:
            text = f"{_person(submission, omission.candidate_key)}: {text}"
        found.append((where, text))
        if omission.repaired:
            repaired.append((where, text))
    return found, repaired


def _invalid_rows(
    decided: Decisions, election: Election, by_number: dict[int, Submission]
) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for number in decided.left_out:
        submission = by_number[number]
        reason = (
            "niet op tijd ingeleverd (Kieswet H 1 lid 1, I 5 onder a)"
            if number in decided.late
            else "ongeldig verklaard door het centraal stembureau"
        )
        rows.append((submission.label, reason))
    grouped: dict[tuple[int, str], list[str]] = {}
    for (number, kieskring), why in sorted(decided.invalid_why.items()):
        grouped.setdefault((number, why), []).append(kieskring)
    for (number, why), kieskringen in grouped.items():
        rows.append((_where(by_number[number], kieskringen, election), why))
    return rows


def _struck_rows(
    decided: Decisions, election: Election, by_number: dict[int, Submission]
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    candidates: dict[tuple[int, str, str], list[str]] = {}
    for (number, kieskring, key), why in sorted(decided.why_struck.items()):
        if kieskring in decided.invalid_in.get(number, frozenset()):
            continue
        candidates.setdefault((number, key, why), []).append(kieskring)
    candidate_rows = [
        (_where(by_number[n], kk, election), _person(by_number[n], key), why)
        for (n, key, why), kk in candidates.items()
    ]
    appellations: dict[tuple[int, str], list[str]] = {}
    for (number, kieskring), why in sorted(decided.why_appellation.items()):
        appellations.setdefault((number, why), []).append(kieskring)
    appellation_rows = []
    for (number, why), kieskringen in appellations.items():
        submission = by_number[number]
        keys = [k for lst in submission.nomination.lists for k in lst.candidates]
        first = _person(submission, keys[0]) if keys else ""
        appellation_rows.append((_where(submission, kieskringen, election), first, why))
    return candidate_rows, appellation_rows


def _valid_lists(records: Sequence[tuple[str, CandidateListsRecord]]) -> list[ValidList]:
    return [
        ValidList(
            kieskring,
            affiliation.number or 0,
            affiliation.name,
            tuple(
                (
                    c.position,
                    " ".join(p for p in (c.prefix, c.last_name) if p),
                    c.initials,
                    c.locality or "",
                )
                for c in affiliation.candidates
            ),
        )
        for kieskring, record in records
        for affiliation in record.affiliations
    ]


def i4_session(
    election: Election,
    numbered: Numbered,
    decided: Decisions,
    records: Sequence[tuple[str, CandidateListsRecord]],
    files: Sequence[EstablishedFile],
    day: date,
    objections: tuple[Objection, ...] | None = None,
) -> EstablishedSession:
    """What the I 4 prints (Kieswet I 4 and I 12 - I 17, versie 2026)."""
    by_number = {s.number: s for s in decided.submissions}
    found, repaired = omission_rows(decided, election, by_number)
    struck_candidates, struck_appellations = _struck_rows(decided, election, by_number)
    part_1 = []
    part_2 = []
    for item in numbered.lists:
        if item.part == 1:
            row = NumberedRow(
                item.number, item.unit.label, str(item.unit.previous_votes), item.by_lot
            )
            part_1.append(row)
        else:
            measure = str(len(item.unit.kieskringen))
            part_2.append(NumberedRow(item.number, item.unit.label, measure, item.by_lot))
    lists_230b = [f for f in files if f.kieskring != "totaal"]
    footer = "EML 230b"
    if len(lists_230b) > 1:
        footer = f"EML 230b kieskring {lists_230b[0].kieskring}"
    return EstablishedSession(
        election_name=election.name,
        election_date=f"{election_dates(election).election_date:%d-%m-%Y}",
        authority=f"Centraal stembureau {election.area_name or election.name}".strip(),
        session_date=f"{day:%d-%m-%Y}",
        found=tuple(found),
        repaired=tuple(repaired),
        invalid=tuple(_invalid_rows(decided, election, by_number)),
        struck_candidates=tuple(struck_candidates),
        struck_appellations=tuple(struck_appellations),
        corrected_appellations=tuple(
            (
                _where(by_number[number], by_number[number].kieskringen, election),
                by_number[number].appellation,
                spelled,
            )
            for number, spelled in sorted(decided.corrected.items())
        ),
        valid=tuple(_valid_lists(records)),
        part_1=tuple(part_1),
        part_2=tuple(part_2),
        files=tuple((f.path.name, f.hash_code) for f in files),
        objections=None
        if objections is None
        else tuple((o.raised_by, o.text, o.answer) for o in objections),
        footer_label=footer,
    )
