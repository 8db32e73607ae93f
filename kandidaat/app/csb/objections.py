"""``kandidaat csb bezwaar`` / ``bezwaren``: voters' objections in the public session.

Kieswet art. I 4 (versie 2026; Eerste Kamer S 2): voters present at the public
session may raise objections orally; the proces-verbaal I 4 records each with
the committee's answer. The committee types them in as they are raised, or
records that none was raised; the I 4 prints them. Nothing is changed or
removed afterwards: a correction is a new objection line with a note.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.text_rules import check_text
from kandidaat.store.csb import CsbWorkspace, Objection

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "MAX_OBJECTION",
    "objections_json",
    "read_objections",
    "record_no_objections",
    "record_objection",
    "render_objections",
]

MAX_OBJECTION = 2000
"""Longest objection or answer the committee types (characters)."""
MAX_NAME = 200


def record_objection(
    workspace_path: Path, text: str, *, raised_by: str, answer: str, actor: str
) -> int:
    """Record one objection and the committee's answer (Kieswet I 4, versie 2026).

    Raises:
        InputError: an empty objection or answer, a text too long or with a
            control character, or 'none raised' recorded before (Dutch).
    """
    objection = " ".join(text.split())
    reply = " ".join(answer.split())
    if not objection:
        raise InputError("--bezwaar: het bezwaar is leeg")
    if not reply:
        raise InputError("--antwoord: geef het antwoord van het centraal stembureau")
    check_text("--bezwaar", objection, MAX_OBJECTION)
    check_text("--antwoord", reply, MAX_OBJECTION)
    who = check_text("--kiezer", " ".join(raised_by.split()), MAX_NAME)
    with CsbWorkspace.open(workspace_path) as workspace:
        return workspace.add_objection(Objection(1, objection, who, reply), actor)


def record_no_objections(workspace_path: Path, *, actor: str) -> None:
    """Record that no voter raised an objection in the session (Kieswet I 4)."""
    with CsbWorkspace.open(workspace_path) as workspace:
        workspace.add_objection(Objection(0, "", "", ""), actor)


def read_objections(workspace_path: Path) -> tuple[Objection, ...] | None:
    """The objections; () when none was raised; None when nothing is recorded yet."""
    with CsbWorkspace.open(workspace_path) as workspace:
        recorded = workspace.objections()
    if not recorded:
        return None
    return tuple(o for o in recorded if o.number != 0)


def render_objections(objections: tuple[Objection, ...] | None) -> str:
    """The objections as the committee reads them (Dutch)."""
    if objections is None:
        return "Nog niets vastgelegd over bezwaren.\n"
    if not objections:
        return "Er zijn in de zitting geen bezwaren ingebracht.\n"
    lines = []
    for item in objections:
        by = f" (door {item.raised_by})" if item.raised_by else ""
        lines.append(f"bezwaar {item.number}{by}: {item.text}")
        lines.append(f"  antwoord: {item.answer}")
    return "\n".join(lines) + "\n"


def objections_json(objections: tuple[Objection, ...] | None) -> dict[str, Any]:
    """The objections for scripts."""
    return {
        "vastgelegd": objections is not None,
        "bezwaren": [
            {"bezwaar": o.number, "tekst": o.text, "kiezer": o.raised_by, "antwoord": o.answer}
            for o in objections or ()
        ],
    }
