"""Receive an EML 210: confirm its hash code, check it belongs here, store it as received.

A file is refused (Dutch, exit 2, nothing stored) when it is broken or not a
210, belongs to another election, was received before, or when the hash code
typed from the party's H 1 does not match. A file received too late is stored:
the examination says the list is invalid (Kieswet I 5).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.app.nomination.eml210 import read_nomination_record
from kandidaat.domain.csb.cross import list_fingerprint
from kandidaat.domain.csb.hashcode import HashCodeError, matches, parse_typed, shown_blanked
from kandidaat.domain.csb.receipt import handed_in_in_time
from kandidaat.domain.election.lists import NominationRecord
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.eml.canonical import hash_report
from kandidaat.eml.documents import read_bytes
from kandidaat.eml.safe_xml import read_file
from kandidaat.store.csb import CsbWorkspace

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from kandidaat.app.nomination.eml210 import ReadNomination
    from kandidaat.domain.nomination.model import Election

__all__ = ["MAX_210_BYTES", "HashCodeNeededError", "Received", "read_submission", "receive"]

MAX_210_BYTES = 50 * 1024 * 1024
"""A 210 of 80 candidates is about 100 kB; 50 MB is far beyond any real list."""


class HashCodeNeededError(InputError):
    """No hash code was typed: the message shows the code with two groups blank."""


@dataclass(frozen=True, slots=True)
class Received:
    """What was stored: the number, the list's appellation, and whether it was in time."""

    number: int
    appellation: str
    kieskringen: tuple[str, ...]
    candidates: int
    in_time: bool


def read_submission(data: bytes, source: str, election: Election) -> ReadNomination:
    """The list in a 210's bytes, read with the workspace's election.

    Raises:
        InputError: not an EML 210, another election, or unreadable content.
    """
    document = read_bytes(data, source)
    if not isinstance(document, NominationRecord):
        raise InputError(
            f"{source}: dit is geen EML 210 (kandidatenlijst) maar EML "
            f"{document.envelope.message_id}"
        )
    return read_nomination_record(document, election=election, source=source)


def receive(
    workspace_path: Path,
    file: Path,
    hashcode: str | None,
    received_at: datetime,
    actor: str,
) -> Received:
    """Receive ``file`` into the workspace in one transaction (with its log entry).

    Raises:
        HashCodeNeededError: no code typed (shows which two groups to type).
        InputError: anything refused; the workspace is then unchanged.
    """
    data = read_file(file, limit=MAX_210_BYTES)
    report = hash_report(data, file.name)
    if hashcode is None:
        raise HashCodeNeededError(
            f"{file.name}: typ de hashcode van het H 1 (model H 1, onderaan) met --hashcode: "
            f"alle 16 groepen, of alleen de 2 weggelaten groepen van\n    "
            f"{shown_blanked(report.form_hash)}\nEr is niets opgeslagen."
        )
    try:
        typed = parse_typed(hashcode)
    except HashCodeError as error:
        raise InputError(str(error)) from error
    codes = (
        {report.form_hash}
        if not typed.complete
        else {
            report.form_hash,
            report.file_hash,
            report.canonical_hash,
        }
    )
    if not any(matches(typed, code) for code in codes):
        raise InputError(
            f"{file.name}: de getypte hashcode komt niet overeen met dit bestand. Het bestand "
            "is niet het bestand waarvan het H 1 is geprint, of de code is verkeerd "
            "overgetypt. Er is niets opgeslagen."
        )
    with CsbWorkspace.open(workspace_path) as workspace:
        election = workspace.election()
        nomination = read_submission(data, file.name, election).nomination
        kieskringen = tuple(n for lst in nomination.lists for n in lst.kieskringen)
        in_time = handed_in_in_time(received_at, election_dates(election).nomination_day)
        appellation = nomination.party.appellation
        count = sum(len(lst.candidates) for lst in nomination.lists)
        number = workspace.add_submission(
            file.name,
            data,
            received_at,
            "volledig" if typed.complete else "twee groepen",
            actor,
            {
                "aanduiding": appellation,
                "kieskringen": list(kieskringen),
                "kandidaten": count,
                "op_tijd": in_time,
            },
            content=list_fingerprint(nomination),
        )
    return Received(number, appellation, kieskringen, count, in_time)
