"""``kandidaat csb number``: the numbering of the lists, with the committee's lots.

The rules are in :mod:`kandidaat.domain.csb.numbering`. This use case reads the
submissions and the register from the workspace, leaves out the submissions the
committee declared invalid and those handed in late (Kieswet I 5 onder a),
numbers the rest and, once complete, logs the numbering with every draw and
the member who recorded it. A missing draw is
not logged: nothing is decided until the committee has drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kandidaat.app.csb.decisions import decisions
from kandidaat.domain.csb.numbering import (
    Numbered,
    NumberingLotRequired,
    lot_question,
    number_lists,
    numbering_units,
)
from kandidaat.domain.errors import InputError
from kandidaat.store.csb import CsbWorkspace

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

__all__ = ["late_note", "late_numbers", "number_submissions", "numbering_json", "render_numbering"]

_PARTS = {
    1: "zetels bij de vorige verkiezing, naar het aantal stemmen toen",
    2: "overige lijsten, naar het aantal kieskringen waarvoor de lijst geldig is",
}


def number_submissions(
    workspace_path: Path,
    *,
    lots: Sequence[int] = (),
    invalid: Sequence[int] = (),
    actor: str | None = None,
) -> Numbered | NumberingLotRequired:
    """Number the valid submissions of the workspace (Kieswet I 12 - I 14, versie 2026).

    ``invalid`` are submission numbers declared invalid (late ones are left
    out whatever is given); ``lots`` the draws
    so far. A complete numbering is logged when ``actor`` is given.

    Raises:
        InputError: an unknown submission number, an incomplete register, a
            workspace that cannot be read (Dutch).
        LotAnswerError: a draw that is not one of the tied lists, or draws left over.
    """
    decided = decisions(workspace_path, invalid)
    if not decided.submissions:
        raise InputError(f"{workspace_path.name}: er zijn nog geen lijsten ingeleverd")
    left_out = list(decided.left_out)
    units = numbering_units(decided.submissions, decided.register, left_out, decided.invalid_in)
    election = decided.election
    outcome = number_lists(units, election.body, lots)
    if isinstance(outcome, Numbered) and actor is not None:
        with CsbWorkspace.open(workspace_path) as workspace:
            workspace.record("lijsten genummerd", _payload(outcome, left_out), actor)
    return outcome


def _payload(numbered: Numbered, invalid: Sequence[int]) -> dict[str, Any]:
    return {
        "lijsten": [
            {
                "nummer": item.number,
                "inleveringen": list(item.unit.submissions),
                "aanduiding": item.unit.appellation,
                "deel": item.part,
                "loting": item.by_lot,
            }
            for item in numbered.lists
        ],
        "loten": [answer for _, answer in numbered.lots_drawn],
        "ongeldig": sorted(invalid),
    }


def numbering_json(outcome: Numbered | NumberingLotRequired) -> dict[str, Any]:
    """The numbering (or the draw still needed) as one JSON object."""
    if isinstance(outcome, NumberingLotRequired):
        return {
            "loting_nodig": {
                "vraag": lot_question(outcome.request, outcome.units),
                "gelijk": list(outcome.request.options),
                "artikel": outcome.request.article,
            },
            "loten": [answer for _, answer in outcome.lots_drawn],
        }
    return {
        "lijsten": [
            {
                "nummer": item.number,
                "aanduiding": item.unit.appellation,
                "inleveringen": list(item.unit.submissions),
                "kieskringen": sorted(item.unit.kieskringen),
                "deel": item.part,
                "stemmen_vorige_verkiezing": item.unit.previous_votes,
                "loting": item.by_lot,
            }
            for item in outcome.lists
        ],
        "loten": [answer for _, answer in outcome.lots_drawn],
    }


def render_numbering(outcome: Numbered | NumberingLotRequired) -> str:
    """The numbering as the committee reads it, or the draw it must make (Dutch)."""
    if isinstance(outcome, NumberingLotRequired):
        drawn = ", ".join(str(answer) for _, answer in outcome.lots_drawn)
        lines = [lot_question(outcome.request, outcome.units)]
        if drawn:
            lines.append(f"Al getrokken (in deze volgorde opnieuw opgeven): --lot {drawn}")
        return "\n".join(lines) + "\n"
    if not outcome.lists:
        return "Geen geldige lijst om te nummeren.\n"
    lines = []
    part = 0
    for item in outcome.lists:
        if item.part != part:
            part = item.part
            lines.append(f"Deel {part}: {_PARTS[part]}")
        if item.part == 1:
            measure = f"{item.unit.previous_votes} stemmen"
        else:
            measure = f"{len(item.unit.kieskringen)} kieskring(en)"
        lot = ", door loting" if item.by_lot else ""
        lines.append(f"  lijst {item.number}: {item.unit.label}; {measure}{lot}")
    return "\n".join(lines) + "\n"


def late_numbers(workspace_path: Path) -> tuple[int, ...]:
    """The submissions of the workspace handed in late (Kieswet I 5 onder a)."""
    return decisions(workspace_path).late


def late_note(late: Sequence[int]) -> str:
    """A line naming the submissions left out because they were late, or ''."""
    if not late:
        return ""
    numbers = ", ".join(str(number) for number in late)
    return (
        f"Zonder nummer, te laat ingeleverd en daarom ongeldig (Kieswet I 5 onder a): "
        f"inlevering {numbers}\n"
    )
