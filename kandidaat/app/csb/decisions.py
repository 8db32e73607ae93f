"""What the law and the committee's records decide about each list, per kieskring.

One place for what ``csb number`` and ``csb vaststellen`` both need, so the
numbering and the 230b can never disagree:

- submissions left out entirely: handed in late (Kieswet I 5 onder a) or
  declared invalid by the committee (``--ongeldig``);
- omissions not repaired (:mod:`kandidaat.domain.csb.omissions`): a list
  invalid in a kieskring (I 5), a candidate or an appellation struck (I 6);
- what the examination finds across the valid submissions: a person on lists
  of two submissions for one kieskring struck from all (I 6 lid 1 onder g),
  an appellation above lists of two submissions struck above each (I 6 lid 2
  onder b);
- a list of which every candidate is struck is invalid there (I 5 onder g).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from kandidaat.app.csb.workspace import late_submissions, load_submissions
from kandidaat.domain.csb.cross import (
    appellation_corrections,
    same_appellation_in_a_kieskring,
    same_person_in_a_kieskring,
)
from kandidaat.domain.csb.model import RegisterEntry, Submission
from kandidaat.domain.csb.omissions import Level, Omission, catalogue_kind, outcome_of_omissions
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.domain.nomination.model import Election
from kandidaat.store.csb import CsbWorkspace

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path


__all__ = ["Decisions", "decisions"]

Pair = tuple[int, str]
"""A submission's list in one kieskring: (submission number, kieskring number)."""


@dataclass(frozen=True, slots=True)
class Decisions:
    """The submissions and what is decided about them so far."""

    election: Election
    register: tuple[RegisterEntry, ...]
    submissions: tuple[Submission, ...]
    late: tuple[int, ...]
    left_out: tuple[int, ...]
    invalid_in: dict[int, frozenset[str]]
    """Per submission, the kieskringen where its list is invalid."""
    invalid_why: dict[Pair, str]
    """Per list and kieskring that is invalid, the article."""
    struck_candidates: dict[Pair, frozenset[str]]
    struck_appellations: frozenset[Pair]
    open_omissions: int
    """Recoverable omissions not (yet) repaired."""
    repair_end: date
    """Last day of the repair period (Kieswet I 2 lid 2)."""
    omissions: tuple[Omission, ...] = ()
    why_struck: dict[tuple[int, str, str], str] = field(default_factory=dict)
    """Per (submission, kieskring, candidate key) struck: the reason with its article."""
    why_appellation: dict[Pair, str] = field(default_factory=dict)
    """Per (submission, kieskring) whose appellation is struck: the reason with its article."""
    corrected: dict[int, str] = field(default_factory=dict)
    """Per submission: the appellation as the register writes it (Kieswet I 6 lid 3)."""

    @property
    def valid(self) -> tuple[Submission, ...]:
        """The submissions not left out entirely."""
        return tuple(s for s in self.submissions if s.number not in self.left_out)


def decisions(workspace_path: Path, invalid: Sequence[int] = ()) -> Decisions:
    """Read the workspace and apply the law and the records (Kieswet I 5, I 6, versie 2026).

    Raises:
        InputError: an unknown submission in ``invalid``; a workspace that
            cannot be read (Dutch).
    """
    with CsbWorkspace.open(workspace_path) as workspace:
        election, register, loaded = load_submissions(workspace)
        omissions = workspace.omissions()
    submissions = tuple(loaded)
    known = {submission.number for submission in submissions}
    unknown = sorted(set(invalid) - known)
    if unknown:
        raise InputError(
            f"--ongeldig {unknown[0]}: er is geen inlevering met dat nummer "
            f"(er zijn er {len(submissions)})"
        )
    late = late_submissions(election, loaded)
    left_out = tuple(sorted(set(invalid) | set(late)))
    valid = [s for s in submissions if s.number not in left_out]
    outcome = outcome_of_omissions(omissions, valid)
    candidates: dict[Pair, set[str]] = {
        pair: set(keys) for pair, keys in outcome.struck_candidates.items()
    }
    why_struck, why_appellation = _omission_reasons(omissions, valid)
    for item in same_person_in_a_kieskring(valid):
        if item.submission is not None and item.kieskring and item.finding.candidate_key:
            pair = (item.submission, item.kieskring)
            candidates.setdefault(pair, set()).add(item.finding.candidate_key)
            why_struck.setdefault(
                (*pair, item.finding.candidate_key),
                f"staat in deze kieskring op meer dan één lijst ({item.finding.article})",
            )
    appellations = set(outcome.struck_appellations)
    for item in same_appellation_in_a_kieskring(valid):
        if item.submission is not None and item.kieskring:
            appellations.add((item.submission, item.kieskring))
            why_appellation.setdefault(
                (item.submission, item.kieskring),
                f"staat in deze kieskring boven meer dan één lijst ({item.finding.article})",
            )
    why = dict(outcome.invalid)
    for submission in valid:
        placed = {key for lst in submission.nomination.lists for key in lst.candidates}
        for kieskring in submission.kieskringen:
            pair = (submission.number, kieskring)
            if placed and placed <= candidates.get(pair, set()):
                why.setdefault(pair, "Kieswet I 5 onder g")
    invalid_in: dict[int, set[str]] = {}
    for number, kieskring in why:
        invalid_in.setdefault(number, set()).add(kieskring)
    return Decisions(
        election,
        register,
        submissions,
        late,
        left_out,
        {number: frozenset(kk) for number, kk in invalid_in.items()},
        why,
        {pair: frozenset(keys) for pair, keys in candidates.items()},
        frozenset(appellations),
        sum(1 for o in omissions if not o.repaired and _recoverable(o.code)),
        election_dates(election).repair_end,
        omissions,
        why_struck,
        why_appellation,
        appellation_corrections(valid, register),
    )


def _omission_reasons(
    omissions: tuple[Omission, ...], valid: Sequence[Submission]
) -> tuple[dict[tuple[int, str, str], str], dict[Pair, str]]:
    """The reason, with its article, for each strike an omission not repaired makes."""
    kieskringen = {s.number: s.kieskringen for s in valid}
    candidates: dict[tuple[int, str, str], str] = {}
    appellations: dict[Pair, str] = {}
    for omission in omissions:
        kind = catalogue_kind(omission.code)
        if kind is None or (omission.repaired and kind.recoverable):
            continue
        reason = f"{kind.title} ({kind.article})"
        for kieskring in kieskringen.get(omission.submission, ()):
            if kind.level is Level.CANDIDATE and omission.candidate_key is not None:
                candidates.setdefault(
                    (omission.submission, kieskring, omission.candidate_key), reason
                )
            elif kind.level is Level.APPELLATION:
                appellations.setdefault((omission.submission, kieskring), reason)
    return candidates, appellations


def _recoverable(code: str) -> bool:
    kind = catalogue_kind(code)
    return kind is not None and kind.recoverable
