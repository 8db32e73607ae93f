"""Vote weights of the Eerste Kamer election (stemwaarde).

Kieswet art. U 2 and U 3 (geldend op 2026-01-01).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Mapping


def stemwaarde(inhabitants: int, members: int) -> int:
    """The weight of one vote of a member of Provinciale Staten (or a kiescollege).

    Kieswet art. U 2 (geldend op 2026-01-01): the number of inhabitants divided
    by one hundred times the number of members, rounded to the nearest whole
    number; a fraction of exactly one half is rounded up.

    Raises:
        InputError: when the figures cannot describe a province.
    """
    if inhabitants < 0:
        raise InputError(f"aantal inwoners kan niet negatief zijn ({inhabitants})")
    if members < 1:
        raise InputError(f"aantal leden moet minstens 1 zijn ({members})")
    denominator = 100 * members
    whole, rest = divmod(inhabitants, denominator)
    return whole + (1 if 2 * rest >= denominator else 0)


def weighted_votes(votes_per_province: Mapping[str, int], weights: Mapping[str, int]) -> int:
    """A list's or candidate's votes, each multiplied by its province's stemwaarde.

    Kieswet art. U 3 (geldend op 2026-01-01).

    Raises:
        InputError: for a province without a stemwaarde or a negative vote count.
    """
    total = 0
    for province, votes in votes_per_province.items():
        if province not in weights:
            raise InputError(f"provincie of kiescollege '{province}' heeft geen stemwaarde")
        if votes < 0:
            raise InputError(f"'{province}': het aantal stemmen kan niet negatief zijn ({votes})")
        total += votes * weights[province]
    return total
