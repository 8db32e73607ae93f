"""The checklist of what was handed in with a list, with the time of receipt.

The documents are those the H 1 lists as attachments (nomination-rules §2.5 and §3):
the H 1 itself, the authorisation for the appellation (H 3-1, or H 3-2 for a
combined one), support declarations (H 4) per kieskring with their number,
consent declarations (H 9) and copies of identity documents, the proof of the
deposit (H 12), the declarations of intended settlement, and for the European
Parliament Y 13 and Y 35. The checklist records; what is missing is an
omission the committee decides on (Kieswet I 2), not something this module judges.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from kandidaat.domain.nomination.model import AppellationKind, Body

if TYPE_CHECKING:
    from kandidaat.domain.csb.model import Submission

__all__ = [
    "DOCUMENTS",
    "MAX_COUNT",
    "ChecklistError",
    "DocumentKind",
    "ReceiptItem",
    "checklist_lines",
    "parse_item",
]

MAX_COUNT = 100_000
"""More of one document than any list can carry (a TK list: 80 H 9, thousands of H 4)."""
_MAX_ITEM = 60


class ChecklistError(ValueError):
    """An item that cannot be read (Dutch message)."""


@dataclass(frozen=True, slots=True)
class DocumentKind:
    """One kind of document: its code as typed, its Dutch name and the article requiring it."""

    code: str
    name: str
    article: str
    per_kieskring: bool = False
    counted: bool = False


DOCUMENTS: dict[str, DocumentKind] = {
    kind.code: kind
    for kind in (
        DocumentKind("H1", "kandidatenlijst (H 1)", "Kieswet H 1"),
        DocumentKind("H3-1", "machtiging aanduiding (H 3-1)", "Kieswet H 3 lid 1"),
        DocumentKind("H3-2", "machtiging samengevoegde aanduiding (H 3-2)", "Kieswet H 3 lid 2"),
        DocumentKind(
            "H4",
            "ondersteuningsverklaringen (H 4)",
            "Kieswet H 4",
            per_kieskring=True,
            counted=True,
        ),
        DocumentKind("H9", "instemmingsverklaringen (H 9)", "Kieswet H 9", counted=True),
        DocumentKind("ID", "kopieën identiteitsbewijs", "Kieswet H 9 lid 3", counted=True),
        DocumentKind("H12", "bewijs van betaling waarborgsom (H 12)", "Kieswet H 12"),
        DocumentKind(
            "VESTIGING", "verklaringen voorgenomen vestiging", "Kieswet H 7 lid 3", counted=True
        ),
        DocumentKind("Y13", "verklaringen Y 13", "Kieswet Y 13", counted=True),
        DocumentKind("Y35", "verklaringen Y 35", "Kieswet Y 35", counted=True),
    )
}


@dataclass(frozen=True, slots=True)
class ReceiptItem:
    """A document (or a number of them) handed in, when and recorded by whom."""

    code: str
    kieskring: str | None
    count: int | None
    received_at: datetime
    recorded_by: str


def parse_item(text: str) -> tuple[str, str | None, int | None]:
    """Read ``CODE[@KIESKRING][=AANTAL]`` (e.g. ``H1``, ``H9=25``, ``H4@3=30``).

    Raises:
        ChecklistError: an unknown code, a kieskring where none belongs or
            missing where one must be, a count that is not a whole number.
    """
    if len(text) > _MAX_ITEM:
        msg = f"--stuk: '{text[:20]}...' is langer dan {_MAX_ITEM} tekens"
        raise ChecklistError(msg)
    rest, _, count_text = text.strip().partition("=")
    code_text, at, kieskring = rest.partition("@")
    code = code_text.strip().upper().replace(" ", "")
    kind = DOCUMENTS.get(code)
    if kind is None:
        msg = f"--stuk: onbekend stuk '{code_text[:20]}'; kies uit {', '.join(DOCUMENTS)}"
        raise ChecklistError(msg)
    if kind.per_kieskring != bool(at and kieskring.strip()):
        msg = (
            f"--stuk {code}: noem de kieskring, bijv. {code}@3=30"
            if kind.per_kieskring
            else f"--stuk {code}: dit stuk hoort niet bij één kieskring"
        )
        raise ChecklistError(msg)
    count: int | None = None
    if count_text.strip():
        value = count_text.strip()
        if not (value.isascii() and value.isdigit()) or int(value) > MAX_COUNT:
            msg = (
                f"--stuk {code}: het aantal '{value[:10]}' is geen geheel getal "
                f"van 0 tot {MAX_COUNT}"
            )
            raise ChecklistError(msg)
        count = int(value)
    elif kind.counted:
        msg = f"--stuk {code}: geef het aantal, bijv. {code}=25"
        raise ChecklistError(msg)
    return code, (kieskring.strip() or None) if kind.per_kieskring else None, count


def _expected(submission: Submission) -> list[tuple[str, str | None]]:
    """The documents to list for a submission (received or not), in the H 1's order."""
    body = submission.nomination.election.body
    party = submission.nomination.party
    wanted: list[tuple[str, str | None]] = [("H1", None)]
    if party.appellation.strip():
        wanted.append(("H3-2" if party.kind is AppellationKind.COMBINED else "H3-1", None))
    wanted.extend(("H4", kieskring) for kieskring in submission.kieskringen)
    wanted += [("H9", None), ("ID", None)]
    if body is not Body.EK:
        wanted.append(("H12", None))
    if body in {Body.PS, Body.AB, Body.GR, Body.ER}:
        wanted.append(("VESTIGING", None))
    if body is Body.EP:
        wanted += [("Y13", None), ("Y35", None)]
    return wanted


def checklist_lines(submission: Submission, items: tuple[ReceiptItem, ...]) -> list[str]:
    """The checklist in Dutch: each document with what was handed in, when and by whom.

    Documents recorded that the election does not list are shown too, last.
    H 9 shows the number of candidates on the list beside the number handed in.
    """
    candidates = sum(len(lst.candidates) for lst in submission.nomination.lists)
    expected = _expected(submission)
    recorded = [(item.code, item.kieskring) for item in items]
    order = expected + [key for key in dict.fromkeys(recorded) if key not in expected]
    lines = []
    for code, kieskring in order:
        kind = DOCUMENTS[code]
        label = kind.name + (f", kieskring {kieskring}" if kieskring else "")
        found = [item for item in items if (item.code, item.kieskring) == (code, kieskring)]
        if not found:
            lines.append(f"[ ] {label}: niet ingeleverd")
            continue
        parts = []
        for item in found:
            amount = "" if item.count is None else f"{item.count} stuks, "
            parts.append(f"{amount}{item.received_at:%d-%m-%Y %H:%M} ({item.recorded_by})")
        total = sum(item.count or 0 for item in found)
        extra = f"; {total} van {candidates} kandidaten" if code in {"H9", "ID"} else ""
        lines.append(f"[x] {label}: {'; '.join(parts)}{extra}")
    return lines
