"""The seat engine: Kieswet chapter P (and U for the Eerste Kamer).

Public API::

    outcome = allocate(contest, lots=[...])
    if isinstance(outcome, LotsRequired):
        ...  # ask the committee: outcome.request.describe()
    else:
        result = outcome.result  # seats, steps, elected candidates, ranking

Standard library only; exact integers and ``fractions.Fraction``; never
``random``. See docs/seats.md for the procedure step by step.
"""

from kandidaat.domain.seats.candidates import ListElection
from kandidaat.domain.seats.eerste_kamer import stemwaarde, weighted_votes
from kandidaat.domain.seats.engine import Completed, LotsRequired, Outcome, SeatResult, allocate
from kandidaat.domain.seats.lots import LotKind, LotRequest, format_fraction
from kandidaat.domain.seats.model import Body, Candidate, Contest, PartyList, SubList
from kandidaat.domain.seats.rules import KIESWET_VERSION, Rules, rules_for
from kandidaat.domain.seats.steps import GroupStep, Step, StepKind

__all__ = [
    "KIESWET_VERSION",
    "Body",
    "Candidate",
    "Completed",
    "Contest",
    "GroupStep",
    "ListElection",
    "LotKind",
    "LotRequest",
    "LotsRequired",
    "Outcome",
    "PartyList",
    "Rules",
    "SeatResult",
    "Step",
    "StepKind",
    "SubList",
    "allocate",
    "format_fraction",
    "rules_for",
    "stemwaarde",
    "weighted_votes",
]
