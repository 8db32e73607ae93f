"""What the centraal stembureau holds: the register, the submissions, the findings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kandidaat.domain.nomination.findings import Finding
from kandidaat.domain.nomination.model import Nomination

__all__ = ["CsbFinding", "RegisterEntry", "Submission"]


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """An appellation with its result at the previous election of the same body.

    ``previous_votes`` and ``previous_seats`` are None for an appellation that
    did not take part (or whose result is unknown); they decide the H 4 and
    deposit exemptions (Kieswet H 4 lid 8, H 12) and the numbering (I 12-I 14).
    """

    appellation: str
    previous_votes: int | None = None
    previous_seats: int | None = None


@dataclass(frozen=True, slots=True)
class Submission:
    """One list as handed in: its number in order of receipt, when, and what it holds.

    ``received_at`` is the local (Dutch) time the committee recorded;
    ``nomination`` is the list read from the EML 210 (one list), with the
    election of the workspace.
    """

    number: int
    file_name: str
    sha256: str
    received_at: datetime
    nomination: Nomination

    @property
    def appellation(self) -> str:
        """The appellation above the list ('' for a blank list)."""
        return self.nomination.party.appellation.strip()

    @property
    def kieskringen(self) -> tuple[str, ...]:
        """The kieskringen the list was handed in for (the only one of a single-area election)."""
        election = self.nomination.election
        numbers = tuple(n for lst in self.nomination.lists for n in lst.kieskringen)
        if not numbers and election.single_kieskring:
            return (election.kieskringen[0].number,)
        return numbers

    @property
    def label(self) -> str:
        """How a user names the submission: 'inlevering 3 (Partij X)'."""
        shown = self.appellation or "blanco lijst"
        return f"inlevering {self.number} ({shown})"


@dataclass(frozen=True, slots=True)
class CsbFinding:
    """A finding of the examination, with where it is across the submissions.

    ``finding`` is the nomination finding (severity, article, Dutch message);
    ``submission`` its number (None for a finding about the whole election),
    ``kieskring`` and ``candidate`` (a name as on the list) where it applies.
    """

    finding: Finding
    submission: int | None
    appellation: str
    kieskring: str | None = None
    candidate: str | None = None
