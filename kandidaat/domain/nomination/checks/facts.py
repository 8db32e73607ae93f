"""What the source of a nomination did not say, and dates of birth known only in part.

A ``.kandidaat`` project holds everything the checks need. A bare EML 210 does
not: it carries neither the number of seats nor (from e-KS) the kieskring
names, and none of what lives only on paper (the statutory names and
gemachtigden of H 3-1/H 3-2, the verklaringen voorgenomen vestiging, whether a
candidate sits in the body now). A check that needs such a fact says it
cannot be checked and how to supply it, instead of computing with zeros or
empty names (ADR 0024).

A 210 may give a date of birth as ``kr:DateOfBirthAnnex`` with the day, the
month or the year unknown (``XX-05-1976``, ``XX-XX-1964``, ``XX-XX-XXXX``), as
the BRP records some people born abroad. :class:`PartialDate` keeps what is
known; the age check decides from it where it can (ADR 0026).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kandidaat.domain.nomination.model import Candidate

__all__ = [
    "ELECTION_HINT",
    "UNKNOWN_ELECTION_DATE",
    "Gap",
    "PartialDate",
    "SourceFacts",
]

ELECTION_HINT = (
    "niet te controleren zonder de verkiezingsdefinitie (--election 110a-bestand of een "
    "ingebouwde verkiezing zoals PS2027_Fryslân)"
)
"""What a finding says when it needs the election's definition (Dutch)."""

UNKNOWN_ELECTION_DATE = date.min
"""Stands in for an election date the source does not give (with ``Gap.ELECTION_DATE``).

No check computes with it: the context has no dates then and the age check
says it cannot decide (ADR 0024)."""

_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_ANNEX = re.compile(r"XX-(XX|[0-9]{2})-(XXXX|[0-9]{4})")
"""kr:DateOfBirthAnnex (kiesraad-eml-extensions.xsd): the day is always unknown."""
_LAST_MONTH = 12


class Gap(StrEnum):
    """A fact the source of the nomination does not carry."""

    SEATS = "zetels"
    """The number of seats of the body (a 210 does not carry it)."""
    KIESKRING_NAMES = "kieskringnamen"
    """The names of (some of) the kieskringen."""
    KIESKRINGEN = "kieskringen"
    """Which kieskringen the election has (only those of the list are known)."""
    ELECTION_DATE = "verkiezingsdatum"
    """The day of the election (a 210 may leave kr:ElectionDate out)."""
    PAPER = "papier"
    """What only paper carries: H 3-1/H 3-2, vestiging, membership of the body."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date of birth with the day (and maybe month and year) unknown.

    ``month`` and ``year`` are None when unknown; ``text`` is the value as the
    file wrote it.
    """

    text: str
    year: int | None
    month: int | None

    @classmethod
    def parse(cls, text: str) -> PartialDate | None:
        """The partial date of a kr:DateOfBirthAnnex value, or None when it is not one."""
        found = _ANNEX.fullmatch(text.strip())
        if found is None:
            return None
        month_text, year_text = found.groups()
        year = None if year_text == "XXXX" else int(year_text)
        month = None if month_text == "XX" else int(month_text)
        if (year is not None and year < 1) or (month is not None and not 1 <= month <= _LAST_MONTH):
            return None
        if year is None and month is not None:
            return None
        return cls(text.strip(), year, month)

    def earliest(self) -> date | None:
        """The first day the person can have been born (None: year unknown)."""
        if self.year is None:
            return None
        return date(self.year, self.month or 1, 1)

    def latest(self) -> date | None:
        """The last day the person can have been born (None: year unknown)."""
        if self.year is None:
            return None
        if self.month is None or self.month == _LAST_MONTH:
            return date(self.year, 12, 31)
        return date(self.year, self.month + 1, 1) - timedelta(days=1)

    def dutch(self) -> str:
        """As a Dutch reader writes it: "mei 1976 (dag onbekend)", "1964 (dag en maand ...)"."""
        if self.year is None:
            return "onbekend"
        if self.month is None:
            return f"{self.year} (dag en maand onbekend)"
        return f"{_MONTHS[self.month - 1]} {self.year} (dag onbekend)"


@dataclass(frozen=True, slots=True)
class SourceFacts:
    """What the checks must know about where the nomination came from.

    ``source`` names the kind of source in Dutch ("een EML 210") for the
    messages; ``gaps`` are the facts it does not carry; ``partial_births`` maps
    a candidate key to a date of birth known only in part. The default is a
    project: nothing missing.
    """

    source: str = "het project"
    gaps: frozenset[Gap] = frozenset()
    partial_births: dict[str, PartialDate] = field(default_factory=dict)

    def lacks(self, gap: Gap) -> bool:
        """True when the source does not carry ``gap``."""
        return gap in self.gaps

    def partial_birth(self, candidate: Candidate) -> PartialDate | None:
        """The date of birth of ``candidate`` known only in part (None: a full date or none).

        From the source (a bare 210) or from the candidate itself (a project
        keeps kr:DateOfBirthAnnex, ADR 0026).
        """
        if candidate.date_of_birth is not None:
            return None
        known = self.partial_births.get(candidate.key)
        if known is not None or not candidate.date_of_birth_annex:
            return known
        return PartialDate.parse(candidate.date_of_birth_annex)
