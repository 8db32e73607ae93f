"""Record and show the checklist of documents handed in with a submission."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.app.csb.receiving import read_submission
from kandidaat.domain.csb.checklist import ChecklistError, checklist_lines, parse_item
from kandidaat.domain.csb.model import Submission
from kandidaat.domain.errors import InputError
from kandidaat.store.csb import CsbWorkspace

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime
    from pathlib import Path

__all__ = ["MAX_ITEMS", "checklist", "record_documents"]

MAX_ITEMS = 100
"""Items in one command (a TK list has at most 20 kieskringen of H 4 and a dozen others)."""


def record_documents(
    workspace_path: Path,
    number: int,
    items: Sequence[str],
    received_at: datetime,
    actor: str,
) -> int:
    """Record the documents ``items`` (``CODE[@KIESKRING][=AANTAL]``) for submission ``number``.

    All or nothing: one wrong item and nothing is recorded. Returns how many were recorded.

    Raises:
        InputError: a wrong item (all of them named), an unknown submission.
    """
    if not items:
        raise InputError("--stuk: noem ten minste één stuk, bijv. --stuk H1 --stuk H9=25")
    if len(items) > MAX_ITEMS:
        raise InputError(f"--stuk: meer dan {MAX_ITEMS} stukken in één opdracht")
    parsed = []
    problems = []
    for text in items:
        try:
            parsed.append(parse_item(text))
        except ChecklistError as error:
            problems.append(str(error))
    if problems:
        raise InputError("Er is niets vastgelegd:\n" + "\n".join(problems))
    with CsbWorkspace.open(workspace_path) as workspace:
        election = workspace.election()
        stored = {s.number: s for s in workspace.submissions()}
        if number not in stored:
            raise InputError(f"er is geen inlevering {number}; er is niets vastgelegd")
        known = set(election_numbers := [k.number for k in election.kieskringen])
        wrong = sorted({kk for _, kk, _ in parsed if kk is not None and kk not in known})
        if wrong:
            raise InputError(
                f"--stuk H4: kieskring {', '.join(wrong)} bestaat niet bij deze verkiezing "
                f"(wel: {', '.join(election_numbers[:20])}); er is niets vastgelegd"
            )
        workspace.add_receipt_items(number, parsed, received_at, actor)
    return len(parsed)


def checklist(workspace_path: Path, number: int) -> list[str]:
    """The checklist of submission ``number`` as Dutch lines.

    Raises:
        InputError: an unknown submission or an unreadable workspace.
    """
    with CsbWorkspace.open(workspace_path) as workspace:
        election = workspace.election()
        stored = {s.number: s for s in workspace.submissions()}
        if number not in stored:
            raise InputError(f"er is geen inlevering {number}")
        items = workspace.receipt_items(number)
    item = stored[number]
    nomination = read_submission(item.data, item.file_name, election).nomination
    submission = Submission(item.number, item.file_name, item.sha256, item.received_at, nomination)
    return [f"Checklist van {submission.label}:", *checklist_lines(submission, items)]
