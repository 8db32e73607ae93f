"""Every step of a seat distribution, recorded so the report can explain it.

The kinds follow the proces-verbaal of the centraal stembureau: full seats,
each residual seat with its rule and value, the P 9 reassignment, P 10
removals, seats left empty, and seats inside a lijstengroep.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from kandidaat.domain.seats.records import slot_setters


class StepKind(StrEnum):
    """The rule that produced a step (value names match the test vectors)."""

    LARGEST_REMAINDER = "largest_remainder"
    UNIQUE_HIGHEST_AVERAGE = "unique_highest_average"
    HIGHEST_AVERAGE = "highest_average"
    ABSOLUTE_MAJORITY_REASSIGNMENT = "absolute_majority_reassignment"
    LIST_EXHAUSTION_REMOVAL = "list_exhaustion_removal"
    SEAT_LEFT_EMPTY = "seat_left_empty"

    @property
    def article(self) -> str:
        """The article of the Kieswet the step applies."""
        return _ARTICLES[self]

    @property
    def is_assignment(self) -> bool:
        """Whether the step gives a residual seat to a list."""
        return self in ASSIGNMENT_KINDS


ASSIGNMENT_KINDS = frozenset(
    [StepKind.LARGEST_REMAINDER, StepKind.UNIQUE_HIGHEST_AVERAGE, StepKind.HIGHEST_AVERAGE]
)
"""The kinds of step that give a residual seat to a list (P 7, P 8)."""

_ARTICLES = {
    StepKind.LARGEST_REMAINDER: "P 8 lid 1",
    StepKind.UNIQUE_HIGHEST_AVERAGE: "P 8 lid 3",
    StepKind.HIGHEST_AVERAGE: "P 7",
    StepKind.ABSOLUTE_MAJORITY_REASSIGNMENT: "P 9",
    StepKind.LIST_EXHAUSTION_REMOVAL: "P 10",
    StepKind.SEAT_LEFT_EMPTY: "P 10",
}


@dataclass(frozen=True, slots=True)
class Step:
    """One change of the standings.

    For an assignment: ``list_number`` won residual seat ``seat_number`` with
    ``value`` (remainder or average); ``tied`` are the lists that had the same
    value; ``tie_group`` the lists that won seats at that value in a row (P 9
    takes the seat back from one of them); ``by_lot`` whether a lot decided.
    For P 9: ``from_list`` loses the seat to ``list_number``. For P 10:
    ``from_list`` loses a seat, ``full_seat`` says whether it was a full seat.
    """

    kind: StepKind
    list_number: int | None = None
    from_list: int | None = None
    seat_number: int | None = None
    value: Fraction | None = None
    tied: tuple[int, ...] = ()
    tie_group: tuple[int, ...] = ()
    by_lot: bool = False
    full_seat: bool = False
    after_exhaustion: bool = False


(
    _SET_KIND,
    _SET_LIST_NUMBER,
    _SET_FROM_LIST,
    _SET_SEAT_NUMBER,
    _SET_VALUE,
    _SET_TIED,
    _SET_TIE_GROUP,
    _SET_BY_LOT,
    _SET_FULL_SEAT,
    _SET_AFTER_EXHAUSTION,
) = slot_setters(
    Step,
    (
        "kind",
        "list_number",
        "from_list",
        "seat_number",
        "value",
        "tied",
        "tie_group",
        "by_lot",
        "full_seat",
        "after_exhaustion",
    ),
)
_NEW = object.__new__


def residual_seat_step(  # noqa: PLR0913 - the fields of the step
    kind: StepKind,
    list_number: int,
    seat_number: int,
    value: Fraction,
    tied: tuple[int, ...],
    tie_group: tuple[int, ...],
    *,
    by_lot: bool,
    after_exhaustion: bool,
) -> Step:
    """The :class:`Step` of a residual seat given (P 7, P 8), built slot by slot.

    The same frozen value as ``Step(kind, list_number, None, seat_number, value,
    tied, tie_group, by_lot, False, after_exhaustion)``: see :mod:`records`.
    """
    step: Step = _NEW(Step)
    _SET_KIND(step, kind)
    _SET_LIST_NUMBER(step, list_number)
    _SET_FROM_LIST(step, None)
    _SET_SEAT_NUMBER(step, seat_number)
    _SET_VALUE(step, value)
    _SET_TIED(step, tied)
    _SET_TIE_GROUP(step, tie_group)
    _SET_BY_LOT(step, by_lot)
    _SET_FULL_SEAT(step, False)  # noqa: FBT003 - a field value
    _SET_AFTER_EXHAUSTION(step, after_exhaustion)
    return step


@dataclass(frozen=True, slots=True)
class GroupStep:
    """A seat given to (or taken from) a list inside a lijstengroep (P 12, P 13)."""

    group_number: int
    sublist_number: int
    kind: str
    value: Fraction | None = None
    by_lot: bool = False
