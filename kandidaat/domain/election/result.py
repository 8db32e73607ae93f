"""The result of an election (EML 520): elected lists and candidates."""

from __future__ import annotations

from dataclasses import dataclass

from kandidaat.domain.election.envelope import ElectionIdentifier, Envelope
from kandidaat.domain.election.lists import CandidateRecord


@dataclass(frozen=True, slots=True)
class ElectedCandidate:
    """An elected candidate: ``order`` is the order of election within the list.

    ``preferential`` is True when elected on preference votes (Ranking 1 in
    EML 520), False when in list order (Ranking 2).
    """

    list_number: int
    order: int
    candidate: CandidateRecord
    preferential: bool
    votes: int | None = None


@dataclass(frozen=True, slots=True)
class ResultRecord:
    """An EML 520 for one contest."""

    envelope: Envelope
    election: ElectionIdentifier
    contest_id: str
    elected_lists: tuple[tuple[int, str], ...]
    elected: tuple[ElectedCandidate, ...]
