"""Changes to the candidate lists and the inleveraar: pure functions on a nomination.

Each function returns a new nomination or raises an
:class:`~kandidaat.domain.errors.InputError` in Dutch that names the list,
position or kieskring; the command line saves the result in one transaction.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.model import CandidateList, Nomination

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kandidaat.domain.nomination.model import Submitter

__all__ = [
    "add_list",
    "copy_list",
    "find_list",
    "move_candidate",
    "place_candidates",
    "remove_list",
    "set_kieskringen",
    "set_submitter",
]


def find_list(nomination: Nomination, key: str) -> CandidateList:
    """The list with ``key``, or the list with that number (1 is the first list).

    Users see the lists numbered 1, 2, ... in the order of the project; typing
    that number works as well as typing the key.

    Raises:
        InputError: no such list (the message names the lists that exist).
    """
    for candidate_list in nomination.lists:
        if candidate_list.key == key:
            return candidate_list
    text = key.strip()
    if text.isascii() and text.isdigit() and 1 <= int(text) <= len(nomination.lists):
        return nomination.lists[int(text) - 1]
    known = ", ".join(lst.key for lst in nomination.lists) or "geen"
    raise InputError(f"lijst {key!r} bestaat niet in dit project (wel: {known})")


def _kieskringen(nomination: Nomination, numbers: Sequence[str] | None) -> tuple[str, ...]:
    """The kieskringen asked for, in the election's order; all when none are named.

    Kieswet art. H 2 (geldend op 2026-01-01): the list names its kieskringen.
    """
    election = nomination.election
    known = [k.number for k in election.kieskringen]
    if not numbers:
        return tuple(known)
    unknown = [number for number in numbers if number not in known]
    if unknown:
        raise InputError(
            f"kieskring {', '.join(unknown)} bestaat niet bij {election.name} "
            f"(wel: {', '.join(known)})"
        )
    chosen = set(numbers)
    return tuple(number for number in known if number in chosen)


def _replace_list(nomination: Nomination, changed: CandidateList) -> Nomination:
    lists = tuple(changed if lst.key == changed.key else lst for lst in nomination.lists)
    return dataclasses.replace(nomination, lists=lists)


def add_list(
    nomination: Nomination,
    key: str,
    kieskringen: Sequence[str] | None = None,
    *,
    publish_gender: bool = False,
    language: str = "nl",
) -> Nomination:
    """A new, empty list for ``kieskringen`` (all when none are named).

    Kieswet art. H 2 and Kiesbesluit art. H 2 lid 5 (geldend op 2026-01-01): the
    list names its kieskringen; Frisian only for elections in Fryslân.

    Raises:
        InputError: the key is taken or empty, a kieskring does not exist, or
            Frisian is asked outside Fryslân (Kiesbesluit art. H 2 lid 5).
    """
    if not key.strip():
        raise InputError("geef de lijst een naam (sleutel), bijvoorbeeld 'lijst-1'")
    if any(lst.key == key for lst in nomination.lists):
        raise InputError(f"lijst {key!r} bestaat al in dit project")
    if language not in {"nl", "fy"}:
        raise InputError(f"taal {language!r} bestaat niet (kies nl of fy)")
    if language == "fy" and not nomination.election.frisian:
        raise InputError(
            f"Fries mag alleen bij verkiezingen in Fryslân (Kiesbesluit art. H 2 lid 5), niet bij "
            f"{nomination.election.name}"
        )
    new = CandidateList(
        key=key,
        kieskringen=_kieskringen(nomination, kieskringen),
        candidates=(),
        publish_gender=publish_gender,
        language=language,
    )
    return dataclasses.replace(nomination, lists=(*nomination.lists, new))


def set_kieskringen(nomination: Nomination, key: str, kieskringen: Sequence[str]) -> Nomination:
    """Submit the list for these kieskringen (Kieswet art. H 2, geldend op 2026-01-01).

    Raises:
        InputError: no such list or kieskring.
    """
    candidate_list = find_list(nomination, key)
    changed = dataclasses.replace(candidate_list, kieskringen=_kieskringen(nomination, kieskringen))
    return _replace_list(nomination, changed)


def move_candidate(nomination: Nomination, key: str, position: int, to: int) -> Nomination:
    """Move the candidate at ``position`` to ``to`` (both counted from 1).

    The order of the list is the order of preference (Kieswet art. H 6 lid 1,
    geldend op 2026-01-01).

    Raises:
        InputError: no such list or a position outside the list.
    """
    candidate_list = find_list(nomination, key)
    order = list(candidate_list.candidates)
    for value, name in ((position, "positie"), (to, "nieuwe positie")):
        if not 1 <= value <= len(order):
            raise InputError(
                f"lijst {key}: {name} {value} bestaat niet (de lijst heeft {len(order)} kandidaten)"
            )
    moved = order.pop(position - 1)
    order.insert(to - 1, moved)
    return _replace_list(nomination, dataclasses.replace(candidate_list, candidates=tuple(order)))


def copy_list(
    nomination: Nomination, key: str, new_key: str, kieskringen: Sequence[str] | None = None
) -> Nomination:
    """A copy of a list (same candidates, same order) for other kieskringen.

    Raises:
        InputError: no such list, the new key is taken, or a kieskring does not exist.
    """
    original = find_list(nomination, key)
    added = add_list(
        nomination,
        new_key,
        kieskringen,
        publish_gender=original.publish_gender,
        language=original.language,
    )
    copy = dataclasses.replace(find_list(added, new_key), candidates=original.candidates)
    return _replace_list(added, copy)


def remove_list(nomination: Nomination, key: str) -> Nomination:
    """The nomination without the list (the persons stay in the address book).

    Raises:
        InputError: no such list.
    """
    find_list(nomination, key)
    return dataclasses.replace(
        nomination, lists=tuple(lst for lst in nomination.lists if lst.key != key)
    )


def place_candidates(nomination: Nomination, key: str, candidate_keys: Sequence[str]) -> Nomination:
    """Put these persons on the list in this order, replacing its candidates.

    Raises:
        InputError: no such list, or a key that is not in the address book.
    """
    candidate_list = find_list(nomination, key)
    known = {candidate.key for candidate in nomination.candidates}
    unknown = [k for k in candidate_keys if k not in known]
    if unknown:
        raise InputError(f"lijst {key}: {', '.join(unknown)} staat niet in het adresboek")
    changed = dataclasses.replace(candidate_list, candidates=tuple(candidate_keys))
    return _replace_list(nomination, changed)


def set_submitter(
    nomination: Nomination,
    submitter: Submitter | None = None,
    substitutes: Sequence[Submitter] | None = None,
) -> Nomination:
    """Set the lijstinleveraar and/or the vervangers (Kieswet art. H 1, H 5, geldend op 2026-01-01).

    ``None`` leaves that part unchanged; an empty sequence removes the vervangers.
    """
    party = nomination.party
    if submitter is not None:
        party = dataclasses.replace(party, submitter=submitter)
    if substitutes is not None:
        party = dataclasses.replace(party, substitutes=tuple(substitutes))
    return dataclasses.replace(nomination, party=party)
