"""Drawing of lots (loting): the engine asks, the committee draws, the engine replays.

Kieswet art. P 14 and P 20 (geldend op 2026-01-01): where the law says "zo nodig
beslist het lot", the centraal stembureau draws the lot in its public session.
The software never draws: when it meets a tie that only a lot can break, it
stops and returns a :class:`LotRequest`. The answers come back, in the order
asked, and the whole computation is run again from the start; with the same
contest and the same answers the result is always the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING

from kandidaat.domain.errors import LotAnswerError

if TYPE_CHECKING:
    from collections.abc import Sequence


class LotKind(StrEnum):
    """What a drawing of lots decides."""

    LARGEST_REMAINDER = "largest_remainder"
    HIGHEST_AVERAGE = "highest_average"
    ABSOLUTE_MAJORITY_LARGEST_REMAINDER = "absolute_majority_largest_remainder"
    ABSOLUTE_MAJORITY_HIGHEST_AVERAGE = "absolute_majority_highest_average"
    GROUP_LARGEST_REMAINDER = "group_largest_remainder"
    GROUP_HIGHEST_AVERAGE = "group_highest_average"
    CANDIDATE = "candidate"
    LIST_NUMBERING = "list_numbering"
    """Which of tied lists gets the next list number (Kieswet I 12 - I 14; not a seat)."""

    @property
    def dutch(self) -> str:
        """What the lot is about, as the committee reads it."""
        return _DUTCH[self]

    @property
    def chooses_candidate(self) -> bool:
        """Whether the answer is a candidate number (else a list number)."""
        return self is LotKind.CANDIDATE


_DUTCH = {
    LotKind.LARGEST_REMAINDER: "restzetel bij gelijke grootste overschotten",
    LotKind.HIGHEST_AVERAGE: "restzetel bij gelijke grootste gemiddelden",
    LotKind.ABSOLUTE_MAJORITY_LARGEST_REMAINDER: (
        "welke lijst de zetel afstaat aan de lijst met de volstrekte meerderheid"
    ),
    LotKind.ABSOLUTE_MAJORITY_HIGHEST_AVERAGE: (
        "welke lijst de zetel afstaat aan de lijst met de volstrekte meerderheid"
    ),
    LotKind.GROUP_LARGEST_REMAINDER: (
        "zetel binnen de lijstengroep bij gelijke grootste overschotten"
    ),
    LotKind.GROUP_HIGHEST_AVERAGE: (
        "zetel binnen de lijstengroep bij gelijke grootste gemiddelden"
    ),
    LotKind.CANDIDATE: "kandidaat bij gelijke aantallen voorkeurstemmen",
    LotKind.LIST_NUMBERING: "welke lijst het eerstvolgende lijstnummer krijgt",
}


@dataclass(frozen=True, slots=True)
class LotRequest:
    """A question for the committee: which of ``options`` gets (or loses) the seat.

    ``kind`` names what is decided (a residual seat by remainders or by averages
    -- also in the unique-averages round of P 8 lid 3, as the Kiesraad's abacus
    names it --, the P 9 seat, a seat inside a group, a candidate); ``article``
    is the article that calls for the lot.

    ``value`` is the tied value (remainder, average or number of votes);
    ``seat_numbers`` are the seats at stake; ``list_number`` is set for lots
    inside one list or lijstengroep (candidates, P 12); ``beneficiary`` is the
    list that receives the seat in a P 9 lot.
    """

    kind: LotKind
    options: tuple[int, ...]
    value: Fraction
    seat_numbers: tuple[int, ...] = ()
    list_number: int | None = None
    beneficiary: int | None = None
    article: str = ""

    def describe(self) -> str:
        """One Dutch sentence for the committee."""
        what = "kandidaten" if self.kind.chooses_candidate else "lijsten"
        where = f" van lijst {self.list_number}" if self.list_number is not None else ""
        seats = ""
        if self.seat_numbers:
            seats = " (zetel " + ", ".join(str(n) for n in self.seat_numbers) + ")"
        options = ", ".join(str(option) for option in self.options)
        article = f" (art. {self.article})" if self.article else ""
        return (
            f"Loting: {self.kind.dutch}{article}{seats}. Gelijk staan de {what}{where} {options} "
            f"met {format_fraction(self.value)}."
        )


class LotsNeeded(Exception):  # noqa: N818 - control flow, not an error
    """Raised inside the engine when the next lot has not been drawn yet."""

    def __init__(self, request: LotRequest) -> None:
        """Carry the request to the engine's entry point."""
        super().__init__(request.describe())
        self.request = request


class LotSupply:
    """The answers drawn so far, consumed in the order the engine asks for them."""

    def __init__(self, answers: Sequence[int]) -> None:
        """Start at the first answer."""
        self._answers = tuple(answers)
        self._next = 0
        self.drawn: list[tuple[LotRequest, int]] = []

    def draw(self, request: LotRequest) -> int:
        """Return the committee's answer to ``request`` or raise :class:`LotsNeeded`.

        Raises:
            LotAnswerError: when the answer is not one of the options.
        """
        if self._next >= len(self._answers):
            raise LotsNeeded(request)
        answer = self._answers[self._next]
        self._next += 1
        if answer not in request.options:
            what = "kandidaat" if request.kind.chooses_candidate else "lijst"
            raise LotAnswerError(
                f"'lots', antwoord {self._next}: {what} {answer} kan niet uit deze loting komen. "
                f"{request.describe()} Kies een van: "
                + ", ".join(str(option) for option in request.options)
            )
        self.drawn.append((request, answer))
        return answer

    def require_all_used(self) -> None:
        """Refuse answers that no lot asked for (a sign of a wrong input).

        Raises:
            LotAnswerError: when answers are left over.
        """
        if self._next < len(self._answers):
            raise LotAnswerError(
                f"'lots': er zijn {len(self._answers)} lotingsuitslagen opgegeven, maar er waren "
                f"er maar {self._next} nodig; controleer de volgorde en de invoer"
            )


def format_fraction(value: Fraction) -> str:
    """Write an exact fraction as a person reads it: "65629 1/5" or "550"."""
    whole, rest = divmod(value.numerator, value.denominator)
    if rest == 0:
        return str(whole)
    if whole == 0:
        return f"{rest}/{value.denominator}"
    return f"{whole} {rest}/{value.denominator}"
