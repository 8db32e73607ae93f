"""Small edit commands: each turns one nomination into the next.

An edit is a frozen record with a Dutch ``description`` (shown after "Ongedaan
maken:" in the menu) and an ``apply`` that returns the new
:class:`~kandidaat.domain.nomination.model.Nomination`. Edits hold no rules of
the Kieswet: a list with 60 candidates is a valid state to edit, and the checks
report it. They refuse only what cannot be represented (an unknown key, a
position outside the list, a kieskring the election does not have), with a
Dutch :class:`~kandidaat.domain.errors.InputError` that names it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.model import (
    Candidate,
    CandidateList,
    Election,
    Party,
)

if TYPE_CHECKING:
    from kandidaat.domain.nomination.model import (
        Nomination,
    )

__all__ = [
    "AddCandidateToList",
    "AddList",
    "CopyList",
    "Edit",
    "ImportCandidates",
    "MoveCandidate",
    "PutCandidate",
    "RemoveCandidate",
    "RemoveCandidateFromList",
    "RemoveList",
    "ReorderList",
    "SetElection",
    "SetListKieskringen",
    "SetListOptions",
    "SetParty",
]


class Edit(Protocol):
    """One change a user makes; undone as a whole."""

    @property
    def description(self) -> str:
        """What the edit does, in Dutch ("kandidaat De Vries toegevoegd")."""
        ...

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination after this edit (raises InputError when impossible)."""
        ...


def list_number(nomination: Nomination, key: str) -> int:
    """The 1-based position of list ``key`` in the project (how a user names it)."""
    for index, candidate_list in enumerate(nomination.lists, start=1):
        if candidate_list.key == key:
            return index
    raise InputError(f"lijst {key!r} bestaat niet (meer) in dit project")


def find_list(nomination: Nomination, key: str) -> CandidateList:
    """The list ``key`` (InputError when it is not in the project)."""
    for candidate_list in nomination.lists:
        if candidate_list.key == key:
            return candidate_list
    raise InputError(f"lijst {key!r} bestaat niet (meer) in dit project")


def _find_candidate(nomination: Nomination, key: str) -> Candidate:
    try:
        return nomination.candidate(key)
    except KeyError:
        raise InputError(f"kandidaat {key!r} bestaat niet (meer) in dit project") from None


def _replace_list(nomination: Nomination, new: CandidateList) -> Nomination:
    lists = tuple(new if item.key == new.key else item for item in nomination.lists)
    return replace(nomination, lists=lists)


def _check_kieskringen(election: Election, kieskringen: tuple[str, ...]) -> None:
    known = {kieskring.number for kieskring in election.kieskringen}
    unknown = [number for number in kieskringen if number not in known]
    if unknown:
        raise InputError(
            f"kieskring {', '.join(unknown)} hoort niet bij de verkiezing {election.name}"
        )
    if len(set(kieskringen)) != len(kieskringen):
        raise InputError("een kieskring staat twee keer bij dezelfde lijst")


@dataclass(frozen=True, slots=True)
class SetParty:
    """Replace the party side: appellation, groups, previous seats, submitter."""

    party: Party

    @property
    def description(self) -> str:
        """Dutch description."""
        return "partijgegevens gewijzigd"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination with the new party."""
        return replace(nomination, party=self.party)


@dataclass(frozen=True, slots=True)
class SetElection:
    """Replace the election (e.g. a corrected date or number of seats)."""

    election: Election

    @property
    def description(self) -> str:
        """Dutch description."""
        return "verkiezing gewijzigd"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination for the new election; lists keep only its kieskringen."""
        known = {kieskring.number for kieskring in self.election.kieskringen}
        lists = tuple(
            replace(item, kieskringen=tuple(k for k in item.kieskringen if k in known))
            for item in nomination.lists
        )
        return replace(nomination, election=self.election, lists=lists)


@dataclass(frozen=True, slots=True)
class PutCandidate:
    """Add a new candidate or change an existing one (matched by key).

    A new candidate is appended to ``list_key`` when given (at ``position``,
    0-based, or at the end).
    """

    candidate: Candidate
    list_key: str | None = None
    position: int | None = None

    @property
    def description(self) -> str:
        """Dutch description."""
        return f"kandidaat {self.candidate.display_name} bewaard"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination with the candidate added or replaced."""
        if not self.candidate.key:
            raise InputError("een kandidaat heeft een sleutel nodig")
        existing = any(item.key == self.candidate.key for item in nomination.candidates)
        if existing:
            candidates = tuple(
                self.candidate if item.key == self.candidate.key else item
                for item in nomination.candidates
            )
        else:
            candidates = (*nomination.candidates, self.candidate)
        result = replace(nomination, candidates=candidates)
        if self.list_key is not None:
            target = find_list(result, self.list_key)
            if self.candidate.key not in target.candidates:
                result = AddCandidateToList(self.list_key, self.candidate.key, self.position).apply(
                    result
                )
        return result


@dataclass(frozen=True, slots=True)
class ImportCandidates:
    """Add (or update by key) many candidates at once, optionally onto a list in order."""

    candidates: tuple[Candidate, ...]
    list_key: str | None = None

    @property
    def description(self) -> str:
        """Dutch description."""
        return f"{len(self.candidates)} kandidaten ingelezen"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination with every candidate put, in order."""
        result = nomination
        for candidate in self.candidates:
            result = PutCandidate(candidate, self.list_key).apply(result)
        return result


@dataclass(frozen=True, slots=True)
class RemoveCandidate:
    """Remove a person from the project and from every list."""

    key: str
    name: str = ""

    @property
    def description(self) -> str:
        """Dutch description."""
        return f"kandidaat {self.name or self.key} verwijderd"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination without the candidate."""
        _find_candidate(nomination, self.key)
        lists = tuple(
            replace(item, candidates=tuple(k for k in item.candidates if k != self.key))
            for item in nomination.lists
        )
        candidates = tuple(item for item in nomination.candidates if item.key != self.key)
        return replace(nomination, candidates=candidates, lists=lists)


@dataclass(frozen=True, slots=True)
class AddList:
    """Add an empty list for the given kieskringen."""

    candidate_list: CandidateList

    @property
    def description(self) -> str:
        """Dutch description."""
        return "lijst toegevoegd"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination with the new list at the end."""
        if any(item.key == self.candidate_list.key for item in nomination.lists):
            raise InputError(f"er is al een lijst met sleutel {self.candidate_list.key!r}")
        _check_kieskringen(nomination.election, self.candidate_list.kieskringen)
        for key in self.candidate_list.candidates:
            _find_candidate(nomination, key)
        return replace(nomination, lists=(*nomination.lists, self.candidate_list))


@dataclass(frozen=True, slots=True)
class RemoveList:
    """Remove a list (its candidates stay in the project)."""

    key: str

    @property
    def description(self) -> str:
        """Dutch description."""
        return "lijst verwijderd"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination without the list."""
        find_list(nomination, self.key)
        lists = tuple(item for item in nomination.lists if item.key != self.key)
        return replace(nomination, lists=lists)


@dataclass(frozen=True, slots=True)
class CopyList:
    """Copy a list (same candidates in the same order) under a new key and kieskringen."""

    source_key: str
    new_key: str
    kieskringen: tuple[str, ...] = ()

    @property
    def description(self) -> str:
        """Dutch description."""
        return "lijst gekopieerd"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination with the copy at the end."""
        source = find_list(nomination, self.source_key)
        copy = replace(source, key=self.new_key, kieskringen=self.kieskringen)
        return AddList(copy).apply(nomination)


@dataclass(frozen=True, slots=True)
class SetListKieskringen:
    """Set the kieskringen a list is submitted for (Kieswet art. H 2, geldend op 2026-01-01)."""

    list_key: str
    kieskringen: tuple[str, ...]

    @property
    def description(self) -> str:
        """Dutch description."""
        return "kieskringen van de lijst gewijzigd"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination with the list's new kieskringen."""
        target = find_list(nomination, self.list_key)
        _check_kieskringen(nomination.election, self.kieskringen)
        return _replace_list(nomination, replace(target, kieskringen=self.kieskringen))


@dataclass(frozen=True, slots=True)
class SetListOptions:
    """Whether the list shows the gender after the names, and its language.

    Kiesbesluit art. H 2 lid 4 and lid 5 (geldend op 2026-01-01): "(m)" or "(v)"
    after the name; a Frisian list where the election allows Frisian.
    """

    list_key: str
    publish_gender: bool
    language: str = "nl"

    @property
    def description(self) -> str:
        """Dutch description."""
        return "instellingen van de lijst gewijzigd"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination with the list's new options."""
        target = find_list(nomination, self.list_key)
        if self.language not in {"nl", "fy"}:
            raise InputError(
                f"onbekende taal {self.language!r}; kies nl (Nederlands) of fy (Fries)"
            )
        changed = replace(target, publish_gender=self.publish_gender, language=self.language)
        return _replace_list(nomination, changed)


@dataclass(frozen=True, slots=True)
class AddCandidateToList:
    """Put a candidate of the project on a list (at ``position``, 0-based, or last)."""

    list_key: str
    candidate_key: str
    position: int | None = None

    @property
    def description(self) -> str:
        """Dutch description."""
        return "kandidaat op de lijst gezet"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination with the candidate on the list."""
        target = find_list(nomination, self.list_key)
        candidate = _find_candidate(nomination, self.candidate_key)
        if self.candidate_key in target.candidates:
            number = list_number(nomination, self.list_key)
            raise InputError(f"{candidate.display_name} staat al op lijst {number}")
        keys = list(target.candidates)
        position = len(keys) if self.position is None else self.position
        if not 0 <= position <= len(keys):
            raise InputError(f"plaats {position + 1} bestaat niet op deze lijst")
        keys.insert(position, self.candidate_key)
        return _replace_list(nomination, replace(target, candidates=tuple(keys)))


@dataclass(frozen=True, slots=True)
class RemoveCandidateFromList:
    """Take a candidate off a list (the person stays in the project)."""

    list_key: str
    candidate_key: str

    @property
    def description(self) -> str:
        """Dutch description."""
        return "kandidaat van de lijst gehaald"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination without the candidate on that list."""
        target = find_list(nomination, self.list_key)
        if self.candidate_key not in target.candidates:
            raise InputError(f"kandidaat {self.candidate_key!r} staat niet op deze lijst")
        keys = tuple(key for key in target.candidates if key != self.candidate_key)
        return _replace_list(nomination, replace(target, candidates=keys))


@dataclass(frozen=True, slots=True)
class MoveCandidate:
    """Move the candidate at ``from_position`` to ``to_position`` (both 0-based).

    The order on the list is the order of preference (Kieswet art. H 6 lid 1,
    geldend op 2026-01-01).
    """

    list_key: str
    from_position: int
    to_position: int

    @property
    def description(self) -> str:
        """Dutch description."""
        return f"kandidaat van plaats {self.from_position + 1} naar {self.to_position + 1}"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination with the candidate moved."""
        target = find_list(nomination, self.list_key)
        keys = list(target.candidates)
        for position in (self.from_position, self.to_position):
            if not 0 <= position < len(keys):
                raise InputError(f"plaats {position + 1} bestaat niet op deze lijst")
        keys.insert(self.to_position, keys.pop(self.from_position))
        return _replace_list(nomination, replace(target, candidates=tuple(keys)))


@dataclass(frozen=True, slots=True)
class ReorderList:
    """Give a list a new order of the same candidates (drag and drop of several rows)."""

    list_key: str
    candidates: tuple[str, ...]

    @property
    def description(self) -> str:
        """Dutch description."""
        return "volgorde van de lijst gewijzigd"

    def apply(self, nomination: Nomination) -> Nomination:
        """The nomination with the list in the new order."""
        target = find_list(nomination, self.list_key)
        if sorted(target.candidates) != sorted(self.candidates):
            raise InputError("een nieuwe volgorde moet dezelfde kandidaten bevatten")
        return _replace_list(nomination, replace(target, candidates=self.candidates))
