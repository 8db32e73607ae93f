"""How a party's lists hang together, and what follows from the previous result.

Kieswet (geldend op 2026-01-01) art. H 11 (EK: R 10): lists for different
kieskringen with the same candidates in the same order form a *stel
gelijkluidende lijsten*; lists with the same appellation (blank lists: the same
first candidate) that are not all gelijkluidend form a *lijstengroep*. Each
lijstengroep, each stel outside a group and each other list counts as one list
for the numbering (I 13) and pays one waarborgsom (H 12 - H 14).

The previous result decides the maximum of 50 or 80 candidates (H 6 lid 2),
the exemption from support declarations (H 4 lid 8) and from the deposit (H 12
lid 2 etc.). Choices for combined appellations: ADR 0021.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kandidaat.domain.nomination.model import (
    AppellationKind,
    Body,
    CandidateList,
    Election,
    Kieskring,
    Nomination,
    Party,
)

__all__ = [
    "DepositRule",
    "ListStructure",
    "ListType",
    "ListUnit",
    "deposit_rule",
    "euro",
    "exempt_from_support",
    "list_structure",
    "max_candidates",
    "previous_seats",
    "support_required",
]

MAX_CANDIDATES = 50
"""Kieswet art. H 6 lid 2: at most 50 candidates on a list."""
MAX_CANDIDATES_LARGE = 80
"""Kieswet art. H 6 lid 2: 80 when the appellation won more than 15 seats last time."""
LARGE_PREVIOUS_SEATS = 16
"""More than 15 seats at the previous election of the same body (H 6 lid 2)."""


class ListType(StrEnum):
    """The EML ``Type`` of a list: how it counts for numbering and deposit (H 11)."""

    GROUP = "lijstengroep"
    SET = "stel gelijkluidende lijsten"
    STANDALONE = "op zichzelf staande lijst"


@dataclass(frozen=True, slots=True)
class ListUnit:
    """One lijstengroep, stel or standalone list: one number, one waarborgsom.

    ``sets`` holds the keys of the lists per stel gelijkluidende lijsten inside
    the unit (a list alone is a set of one).
    """

    kind: ListType
    sets: tuple[tuple[str, ...], ...]

    @property
    def list_keys(self) -> tuple[str, ...]:
        """All list keys of the unit, in the order of the nomination."""
        return tuple(key for keys in self.sets for key in keys)


@dataclass(frozen=True, slots=True)
class ListStructure:
    """The units of a nomination and where each list belongs.

    ``set_numbers`` maps the key of every list that is part of a stel
    gelijkluidende lijsten (one candidate sequence for more than one kieskring)
    to the number of that stel, 1-based in the nomination's order (EML
    ``BelongsToSet``).
    """

    units: tuple[ListUnit, ...]
    set_numbers: tuple[tuple[str, int], ...] = ()

    @property
    def deposits(self) -> int:
        """How many waarborgsommen: one per unit (H 12 lid 1, H 13 lid 1, H 14 lid 1)."""
        return len(self.units)

    def unit_of(self, list_key: str) -> ListUnit:
        """The unit the list with ``list_key`` belongs to (KeyError when absent)."""
        for unit in self.units:
            if list_key in unit.list_keys:
                return unit
        raise KeyError(list_key)

    def type_of(self, list_key: str) -> ListType:
        """The EML ``Type`` of the list with ``list_key``."""
        return self.unit_of(list_key).kind

    def set_number(self, list_key: str) -> int | None:
        """Number of the stel the list belongs to, or None when it is in none."""
        return dict(self.set_numbers).get(list_key)


def list_structure(nomination: Nomination) -> ListStructure:
    """The lijstengroepen, stellen and standalone lists of ``nomination``.

    Kieswet art. H 11 (EK: R 10), geldend op 2026-01-01. Lists are kept in the
    nomination's order. A list that names several kieskringen is a stel
    gelijkluidende lijsten by itself; lists with exactly the same candidates
    join that stel. Non-blank lists of one nomination share the appellation; blank
    lists group by their first candidate.
    """
    groups: dict[str, list[CandidateList]] = {}
    for candidate_list in nomination.lists:
        groups.setdefault(_group_key(nomination.party, candidate_list), []).append(candidate_list)
    units: list[ListUnit] = []
    set_numbers: list[tuple[str, int]] = []
    for lists in groups.values():
        sets: dict[tuple[str, ...], list[CandidateList]] = {}
        for candidate_list in lists:
            sets.setdefault(candidate_list.candidates, []).append(candidate_list)
        for members in sets.values():
            if sum(len(item.kieskringen) for item in members) > 1:
                number = len({n for _, n in set_numbers}) + 1
                set_numbers += [(item.key, number) for item in members]
        set_keys = tuple(tuple(item.key for item in members) for members in sets.values())
        if len(sets) > 1:
            kind = ListType.GROUP
        elif sum(len(item.kieskringen) for item in lists) > 1:
            kind = ListType.SET
        else:
            kind = ListType.STANDALONE
        units.append(ListUnit(kind, set_keys))
    return ListStructure(tuple(units), tuple(set_numbers))


def _group_key(party: Party, candidate_list: CandidateList) -> str:
    """Lists with the same key form one group: the appellation, or the first candidate."""
    if party.kind is AppellationKind.BLANK:
        first = candidate_list.candidates[0] if candidate_list.candidates else ""
        return f"blanco:{first or candidate_list.key}"
    return "aanduiding"


def previous_seats(party: Party) -> int:
    """The previous result that counts for the 50/80 maximum and the exemptions.

    For a registered appellation its own result (unknown counts as none). For
    a combined appellation the highest result of the appellation itself or of
    one of its groups, not the sum (ADR 0021). A blank list has none.
    """
    if party.kind is AppellationKind.BLANK:
        return 0
    results = [party.previous_seats or 0]
    if party.kind is AppellationKind.COMBINED:
        results += [group.previous_seats or 0 for group in party.groups]
    return max(results)


def max_candidates(party: Party) -> int:
    """The maximum number of candidates on one list.

    Kieswet art. H 6 lid 2 (EK: R 4 lid 2), geldend op 2026-01-01: 50, or 80
    when the appellation was above a list that won more than 15 seats at the
    previous election of the same body (combined: ADR 0021).
    """
    if previous_seats(party) >= LARGE_PREVIOUS_SEATS:
        return MAX_CANDIDATES_LARGE
    return MAX_CANDIDATES


def exempt_from_support(party: Party) -> bool:
    """True when no ondersteuningsverklaringen and no waarborgsom are needed.

    Kieswet art. H 4 lid 8 and H 12 lid 2 (geldend op 2026-01-01): the
    appellation won at least one seat at the previous election of the same
    body; for a combined appellation it suffices that one of the groups did.
    Blank lists are never exempt.
    """
    if party.kind is AppellationKind.BLANK:
        return False
    return previous_seats(party) >= 1


def support_required(election: Election, kieskring: Kieskring) -> int:
    """How many ondersteuningsverklaringen a list needs in ``kieskring``.

    Kieswet art. H 4 lid 1 (geldend op 2026-01-01): 30 per kieskring; 10 in
    kieskring Bonaire (TK) and for an eilandsraad; a gemeenteraad of fewer
    than 19 seats 10, of 19 to 38 seats 20. Eerste Kamer (R 2): one
    declaration of a member of Provinciale Staten or of the kiescollege.
    """
    body = election.body
    if body is Body.EK:
        return 1
    if body is Body.TK and kieskring.name == "Bonaire":
        return 10
    if body is Body.ER:
        return 10
    if body is Body.GR:
        if election.seats < 19:
            return 10
        if election.seats < 39:
            return 20
    return 30


@dataclass(frozen=True, slots=True)
class DepositRule:
    """The waarborgsom for one unit (lijstengroep, stel or list) in an election.

    ``amount_cents`` is exact, in euro cents; None when the amount is not in
    euro (the eilandsraad: US dollars, as the CSB announces, ADR 0021).
    """

    required: bool
    amount_cents: int | None
    article: str
    currency: str = "EUR"


_DEPOSITS = {
    Body.TK: DepositRule(required=True, amount_cents=1_125_000, article="Kieswet H 12 lid 1"),
    Body.EP: DepositRule(required=True, amount_cents=1_125_000, article="Kieswet H 12 lid 1"),
    Body.PS: DepositRule(required=True, amount_cents=112_500, article="Kieswet H 13 lid 1"),
    Body.AB: DepositRule(required=True, amount_cents=22_500, article="Kieswet H 13a lid 1"),
    Body.GR: DepositRule(required=True, amount_cents=22_500, article="Kieswet H 14 lid 1"),
    Body.ER: DepositRule(
        required=True, amount_cents=None, article="Kieswet H 14 lid 1", currency="USD"
    ),
    Body.EK: DepositRule(required=False, amount_cents=None, article="Kieswet R 1"),
}


def deposit_rule(body: Body) -> DepositRule:
    """The waarborgsom per unit for ``body``.

    Kieswet art. H 12 (TK; EP via Y 2), H 13 (PS), H 13a (waterschap), H 14
    (gemeenteraad; eilandsraad via Ya 2), geldend op 2026-01-01. The Eerste
    Kamer has none.
    """
    return _DEPOSITS[body]


def euro(cents: int) -> str:
    """An amount as a Dutch reader writes it: 1125000 -> "€ 11.250,00"."""
    whole, rest = divmod(cents, 100)
    return f"€ {whole:,}".replace(",", ".") + f",{rest:02d}"
