"""Comparison of a computed result with a published one, seat by seat and name by name.

Kieswet art. P 22 (versie 2026): the centraal stembureau publishes the seats per
list and the elected candidates; anyone can recompute them from the counts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kandidaat.domain.seats import SeatResult

_FIRST_NAME = re.compile(r"\([^)]*\)")
_NOT_LETTERS = re.compile(r"[^a-z]+")


def name_key(name: str) -> str:
    """A name as compared: without first name in brackets, accents, case, dots or spaces.

    "R.A.N. Reuvers (Rob)", "Reuvers, R.A.N." and "R.A.N. REUVERS" compare equal
    only when their letters in order agree; "Reuvers, R.A.N." is turned round at
    the comma first.
    """
    text = _FIRST_NAME.sub(" ", name)
    if "," in text:
        last, _, rest = text.partition(",")
        text = f"{rest} {last}"
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_LETTERS.sub("", text.casefold())


@dataclass(frozen=True, slots=True)
class PublishedList:
    """One list of a published result: its seats and its elected names (may be empty)."""

    number: int
    seats: int
    elected: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Verification:
    """The agreements (one line per class) and every difference, in Dutch."""

    agreements: tuple[str, ...]
    differences: tuple[str, ...]

    @property
    def agrees(self) -> bool:
        """Whether everything published agrees with the recomputation."""
        return not self.differences


def verify_result(
    result: SeatResult, published: tuple[PublishedList, ...], source: str
) -> Verification:
    """Compare seats per list and elected names per list with what was published."""
    differences: list[str] = []
    computed_names = _computed_names(result)
    by_number = {item.number: item for item in published}
    seat_agree = 0
    names_compared = 0
    names_agree = 0
    for party_list in result.contest.lists:
        number = party_list.number
        seats = result.seats[number]
        item = by_number.pop(number, None)
        if item is None:
            if seats:
                differences.append(
                    f"lijst {number} ({party_list.name}): berekend {seats} zetel(s), "
                    f"niet in {source}"
                )
            else:
                seat_agree += 1
            continue
        if item.seats == seats:
            seat_agree += 1
        else:
            differences.append(
                f"lijst {number} ({party_list.name}): berekend {seats} zetel(s), "
                f"gepubliceerd {item.seats}"
            )
        if not item.elected:
            continue
        ours = computed_names.get(number)
        if ours is None:
            differences.append(
                f"lijst {number}: de gepubliceerde gekozenen kunnen niet worden vergeleken: "
                "de kandidaten zijn niet aangewezen"
            )
            continue
        theirs = {name_key(name): name for name in item.elected}
        mine = {name_key(name): name for name in ours}
        names_compared += len(theirs.keys() | mine.keys())
        names_agree += len(theirs.keys() & mine.keys())
        differences.extend(
            f"lijst {number}: {mine[key]} is berekend als gekozen, niet gepubliceerd"
            for key in sorted(mine.keys() - theirs.keys())
        )
        differences.extend(
            f"lijst {number}: {theirs[key]} is gepubliceerd als gekozen, niet berekend"
            for key in sorted(theirs.keys() - mine.keys())
        )
    differences.extend(
        f"lijst {item.number}: gepubliceerd met {item.seats} zetel(s), niet in de tellingen"
        for item in sorted(by_number.values(), key=lambda i: i.number)
    )
    lists_total = len(result.contest.lists)
    agreements = [f"zetels per lijst: {seat_agree} van {lists_total} lijsten gelijk"]
    if names_compared:
        agreements.append(f"gekozen kandidaten: {names_agree} van {names_compared} gelijk")
    else:
        agreements.append("gekozen kandidaten: niet vergeleken (geen namen gepubliceerd)")
    return Verification(tuple(agreements), tuple(differences))


def _computed_names(result: SeatResult) -> dict[int, list[str]]:
    """The elected names per list; of a lijstengroep (P 3) from the list of the group."""
    names: dict[int, list[str]] = {}
    for election in result.elections:
        party_list = result.contest.list_by_number(election.list_number)
        sublist = next(
            (s for s in party_list.sublists if s.number == election.sublist_number), None
        )
        candidates = sublist.candidates if sublist is not None else party_list.candidates
        by_position = {c.position: c.name for c in candidates}
        names.setdefault(election.list_number, []).extend(
            by_position[p] for p in (*election.preferential, *election.in_list_order)
        )
    return names
