"""What every check needs besides the nomination: today, the dates, the structure, labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.checks.facts import Gap, SourceFacts
from kandidaat.domain.nomination.deadlines import ElectionDates, election_dates
from kandidaat.domain.nomination.model import CandidateList, Nomination
from kandidaat.domain.nomination.structure import ListStructure, list_structure

if TYPE_CHECKING:
    from collections.abc import Iterable

    from kandidaat.domain.nomination.model import Candidate

__all__ = [
    "MOST_NAMED",
    "Appearance",
    "CheckContext",
    "bounded",
    "capital",
    "count",
    "person_name",
    "sentence",
]

MOST_NAMED = 10
"""How many kieskringen a message names before it says "en N andere"."""


@dataclass(frozen=True, slots=True)
class Appearance:
    """A candidate on a list: the list, its 1-based number and the position."""

    candidate_list: CandidateList
    list_number: int
    position: int


@dataclass(frozen=True, slots=True)
class CheckContext:
    """Derived facts the checks share; built once per run by :meth:`build`.

    ``dates`` is None when the dates cannot be derived (the deadline check then
    reports why). ``today`` decides which deadlines have passed. ``facts``
    says what the source did not carry (a bare EML 210: ADR 0024).
    """

    nomination: Nomination
    today: date
    dates: ElectionDates | None
    dates_problem: str
    structure: ListStructure
    facts: SourceFacts = field(default_factory=SourceFacts)
    appearances: dict[str, tuple[Appearance, ...]] = field(default_factory=dict)
    list_numbers: dict[str, int] = field(default_factory=dict)
    labels: dict[tuple[str, ...], str] = field(default_factory=dict)
    """Labels computed so far (a cache: messages of 1 600 candidates stay cheap)."""

    @classmethod
    def build(
        cls, nomination: Nomination, today: date, facts: SourceFacts | None = None
    ) -> CheckContext:
        """Derive dates, structure and where every candidate stands."""
        known = facts or SourceFacts()
        dates: ElectionDates | None = None
        if known.lacks(Gap.ELECTION_DATE):
            problem = f"de verkiezingsdatum staat niet in {known.source}"
        else:
            try:
                dates, problem = election_dates(nomination.election), ""
            except InputError as error:
                problem = error.message
        appearances: dict[str, list[Appearance]] = {}
        for number, candidate_list in enumerate(nomination.lists, start=1):
            for position, key in enumerate(candidate_list.candidates, start=1):
                appearances.setdefault(key, []).append(Appearance(candidate_list, number, position))
        return cls(
            nomination=nomination,
            today=today,
            dates=dates,
            dates_problem=problem,
            structure=list_structure(nomination),
            facts=known,
            appearances={key: tuple(items) for key, items in appearances.items()},
            list_numbers={
                candidate_list.key: number
                for number, candidate_list in reversed(tuple(enumerate(nomination.lists, start=1)))
            },
        )

    def list_number(self, list_key: str) -> int:
        """The 1-based number of the list in the nomination (0 when unknown)."""
        return self.list_numbers.get(list_key, 0)

    def list_label(self, candidate_list: CandidateList, *, start: bool = True) -> str:
        """The list as a user reads it: "Lijst 1 (kieskring 3 Assen)".

        ``start=False`` for the middle of a sentence: "lijst 1 (...)".
        """
        cache_key = ("list", candidate_list.key, str(start))
        cached = self.labels.get(cache_key)
        if cached is None:
            cached = self.labels[cache_key] = self._list_label(candidate_list, start=start)
        return cached

    def _list_label(self, candidate_list: CandidateList, *, start: bool) -> str:
        """Compose the label of :meth:`list_label`."""
        label = f"{'Lijst' if start else 'lijst'} {self.list_number(candidate_list.key)}"
        election = self.nomination.election
        if election.single_kieskring:
            return label
        names = {k.number: k.name for k in election.kieskringen}
        numbers = candidate_list.kieskringen
        if not numbers:
            return f"{label} (geen kieskring)"
        every = set(numbers) == set(names) and not self.facts.lacks(Gap.KIESKRINGEN)
        if every and len(numbers) > 1:
            return f"{label} (alle kieskringen)"
        if len(numbers) == 1:
            return f"{label} (kieskring {_kieskring(numbers[0], names)})"
        return f"{label} (kieskringen {bounded(_kieskring(n, names) for n in numbers)})"

    def candidates_on_lists(self) -> tuple[Candidate, ...]:
        """Every person on at least one list, in the order of first appearance."""
        by_key = {candidate.key: candidate for candidate in self.nomination.candidates}
        return tuple(by_key[key] for key in self.appearances if key in by_key)

    def first_appearance(self, candidate: Candidate) -> Appearance | None:
        """Where the candidate first stands (None: on no list)."""
        items = self.appearances.get(candidate.key, ())
        return items[0] if items else None

    def candidate_label(self, candidate: Candidate, appearance: Appearance | None = None) -> str:
        """The candidate as a user reads it: "kandidaat 14, Jansen, P." (+ list if needed)."""
        if appearance is None:
            cache_key = ("candidate", candidate.key)
            cached = self.labels.get(cache_key)
            if cached is None:
                first = self.first_appearance(candidate)
                cached = self.labels[cache_key] = self._candidate_label(candidate, first)
            return cached
        return self._candidate_label(candidate, appearance)

    def _candidate_label(self, candidate: Candidate, appearance: Appearance | None) -> str:
        """Compose the label of :meth:`candidate_label`."""
        name = person_name(candidate)
        if appearance is None:
            return name
        label = f"kandidaat {appearance.position}, {name}"
        if len(self.nomination.lists) > 1:
            label += f" op {self.list_label(appearance.candidate_list, start=False)}"
        return label


def bounded(items: Iterable[str], most: int = MOST_NAMED) -> str:
    """At most ``most`` items joined by commas, then "en N andere" (messages stay short).

    A hostile file may name thousands of kieskringen; a message never lists them all.
    """
    listed = list(items)
    if len(listed) <= most:
        return ", ".join(listed)
    return f"{', '.join(listed[:most])} en {len(listed) - most} andere"


def person_name(candidate: Candidate) -> str:
    """Last name, initials and prefix as on the list: "Vries, J.P. de"."""
    last = candidate.last_name.strip() or "zonder achternaam"
    name = f"{last}, {candidate.initials.strip() or 'zonder voorletters'}"
    if candidate.prefix.strip():
        name += f" {candidate.prefix.strip()}"
    return name


def count(number: int, singular: str, plural: str) -> str:
    """A number with the right form of the noun: "1 zetel", "3 zetels"."""
    return f"{number} {singular if number == 1 else plural}"


def capital(text: str) -> str:
    """``text`` with its first letter upper case (to start a sentence)."""
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """``text`` as a sentence: first letter upper case, one full stop at the end."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _kieskring(number: str, names: dict[str, str]) -> str:
    """The kieskring as "3 Assen", or the bare number when the election lacks it."""
    name = names.get(number)
    return f"{number} {name}" if name else number
