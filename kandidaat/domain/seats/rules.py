"""Which rules of chapter P apply to which body: kept in one place.

Kieswet (geldend op 2026-01-01, BWBR0004627). The choices where the law is not
explicit are explained in docs/adr/0010-preference-threshold-small-bodies.md and
docs/adr/0011-residual-threshold-ep.md.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction

from kandidaat.domain.seats.model import Body

KIESWET_VERSION = "2026-01-01"
"""The consolidation of the Kieswet this engine follows."""

LARGE_BODY_SEATS = 19
"""From 19 seats on, residual seats go by highest averages (P 7); below, P 8."""


@dataclass(frozen=True, slots=True)
class Rules:
    """The parameters of chapter P (or U) for one contest."""

    highest_averages: bool
    """P 7 (>= 19 seats, EK): residual seats by highest averages; else P 8."""
    quota_needed_for_residual_seat: bool
    """P 7 lid 2: only lists with at least the quota take part (TK, EP)."""
    absolute_majority: bool
    """P 9 applies (not for the Eerste Kamer, U 9)."""
    preference_fraction: Fraction
    """P 15: share of the quota a candidate must exceed (EK: reach, U 15)."""
    preference_inclusive: bool
    """EK (U 15 lid 3): votes equal to the threshold suffice; else strictly more."""
    ranking_kept_for_seatless_lists: bool
    """P 19 lid 5: lists without seats keep the list order (bodies of >= 19 seats)."""


@functools.lru_cache(maxsize=1024, typed=True)
def rules_for(body: Body, seats: int) -> Rules:
    """Return the rules of chapter P that apply to ``body`` with ``seats`` seats.

    Kieswet art. P 7, P 8, P 9, P 15 lid 2, P 19 lid 5 and U 9, U 15
    (geldend op 2026-01-01). Cached: the rules depend on these two values only
    and :class:`Rules` is immutable.
    """
    large = seats >= LARGE_BODY_SEATS or body is Body.EK
    return Rules(
        highest_averages=large,
        quota_needed_for_residual_seat=body in {Body.TK, Body.EP},
        absolute_majority=body is not Body.EK,
        preference_fraction=_preference_fraction(body, seats),
        preference_inclusive=body is Body.EK,
        ranking_kept_for_seatless_lists=large,
    )


def _preference_fraction(body: Body, seats: int) -> Fraction:
    """Preference threshold as a share of the quota (Kieswet art. P 15, U 15).

    25 % in general; 50 % for a gemeenteraad with fewer than 19 seats (P 15 lid 2)
    and, by the application of the gemeenteraad rules to eilandsraden (Kieswet
    art. Ya 1), for an eilandsraad with fewer than 19 seats; the full quota for
    the Eerste Kamer (U 15 lid 3). A waterschap keeps 25 %: see ADR 0010.
    """
    if body is Body.EK:
        return Fraction(1)
    if body in {Body.GR, Body.ER} and seats < LARGE_BODY_SEATS:
        return Fraction(1, 2)
    return Fraction(1, 4)
