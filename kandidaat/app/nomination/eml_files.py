"""EML files of a nomination on disk: write the 210s, read a 210 or a 230b.

Every file is written canonically (C14N 1.0 with comments) and atomically, so
the hash code printed on the H 1 equals the SHA-256 of the file whatever tool
computes it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.app.nomination.eml210 import (
    ReadNomination,
    nomination_from_record,
    nomination_record,
    nominations_from_candidate_lists,
    read_nomination_record,
)
from kandidaat.common.atomic import fsync_directory, write_bytes_atomically
from kandidaat.domain.election import CandidateListsRecord, NominationRecord
from kandidaat.domain.errors import InputError
from kandidaat.eml.canonical import hash_code
from kandidaat.eml.documents import read_path
from kandidaat.eml.write_common import to_canonical, write_document
from kandidaat.eml.write_lists import build_nomination

if TYPE_CHECKING:
    from kandidaat.domain.nomination.model import CandidateList, Election, Nomination

__all__ = [
    "ExportedList",
    "export_210",
    "export_all_210",
    "file_name_210",
    "read_210",
    "read_210_with_facts",
    "read_candidate_data",
]


@dataclass(frozen=True, slots=True)
class ExportedList:
    """One written EML 210: which list, where, and its hash code as on the forms."""

    list_key: str
    path: Path
    hash_code: str


def _now() -> datetime:
    """The local time; EML writes kr:CreationDateTime in local time without a zone."""
    return datetime.now().astimezone()


_MAX_SLUG = 60
"""Longest part of a file name taken from user text (the whole name stays far below 255)."""


def _slug(text: str) -> str:
    """ASCII letters, digits, underscores and dashes: safe in a file name on every system.

    Bounded to _MAX_SLUG characters (ADR 0047): a longer text is cut and ends in
    8 hex characters of the SHA-256 of the whole text, so two long appellations never
    share a name.
    """
    plain = unicodedata.normalize("NFKD", text[:10_000]).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9_]+", "-", plain).strip("-") or "lijst"
    if len(slug) <= _MAX_SLUG and len(text) <= 10_000:
        return slug
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slug[: _MAX_SLUG - 9].rstrip('-')}-{digest}"


def file_name_210(nomination: Nomination, candidate_list: CandidateList) -> str:
    """``Kandidatenlijst_<verkiezing>_<aanduiding>_<lijst>.eml.xml``."""
    party = _slug(nomination.party.appellation or "blanco")
    return (
        f"Kandidatenlijst_{_slug(nomination.election.identifier)}_{party}_"
        f"{_slug(candidate_list.key)}.eml.xml"
    )


def export_210(
    nomination: Nomination,
    candidate_list: CandidateList,
    path: Path,
    *,
    created: datetime | None = None,
) -> str:
    """Write the EML 210 of one list and return its hash code (16 groups of 4).

    Raises:
        InputError: the list cannot be expressed as a valid 210 (see
            :func:`~kandidaat.app.nomination.eml210.nomination_record`).
    """
    record = nomination_record(nomination, candidate_list, created=created or _now())
    data = write_document(path, build_nomination(record))
    return hash_code(data)


def export_all_210(
    nomination: Nomination, folder: Path, *, created: datetime | None = None
) -> tuple[ExportedList, ...]:
    """Write one EML 210 per list into ``folder``; nothing is written when any list fails.

    Raises:
        InputError: there are no lists, ``folder`` is not a folder, or a list
            cannot be expressed as a valid 210 (named in the message).
    """
    if not nomination.lists:
        raise InputError("het project heeft nog geen kandidatenlijst")
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: dit is geen map")
    moment = created or _now()
    records = [
        (candidate_list, nomination_record(nomination, candidate_list, created=moment))
        for candidate_list in nomination.lists
    ]
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for candidate_list, record in records:
        path = folder / file_name_210(nomination, candidate_list)
        # As write_document, but the folder is synced once after the last file.
        data = to_canonical(build_nomination(record))
        write_bytes_atomically(path, data, sync_directory=False)
        written.append(ExportedList(candidate_list.key, path, hash_code(data)))
    fsync_directory(folder)
    return tuple(written)


def read_210(
    path: Path, *, election: Election | None = None, base: Nomination | None = None
) -> Nomination:
    """Read an EML 210 (ours, OSV2020's or e-KS's) into a nomination.

    Raises:
        InputError: the file is unreadable, not a 210, or its content does not
            fit (the message names file, line or candidate).
    """
    return read_210_with_facts(path, election=election, base=base).nomination


def read_210_with_facts(
    path: Path,
    *,
    election: Election | None = None,
    base: Nomination | None = None,
    allow_unknown_date: bool = False,
) -> ReadNomination:
    """Read an EML 210 and say what it did not carry (seats, names, paper; ADR 0024).

    ``allow_unknown_date``: a 210 without kr:ElectionDate is read (for the
    check, which reports the date as unknown) instead of refused.

    Raises:
        InputError: the file is unreadable, not a 210, or its content does not
            fit (the message names file, line or candidate).
    """
    document = read_path(path)
    if not isinstance(document, NominationRecord):
        raise InputError(
            f"{path.name}: dit is geen EML 210 (kandidatenlijst) maar EML "
            f"{document.envelope.message_id}"
        )
    return read_nomination_record(
        document,
        election=election,
        base=base,
        source=path.name,
        allow_unknown_date=allow_unknown_date,
    )


def read_candidate_data(path: Path, *, election: Election | None = None) -> tuple[Nomination, ...]:
    """Candidate data from an EML 210 or 230b/230c: one nomination per list.

    Raises:
        InputError: the file is unreadable or holds no candidate lists.
    """
    document = read_path(path)
    if isinstance(document, NominationRecord):
        return (nomination_from_record(document, election=election, source=path.name),)
    if isinstance(document, CandidateListsRecord):
        return nominations_from_candidate_lists(document, election=election, source=path.name)
    raise InputError(
        f"{path.name}: dit bestand bevat geen kandidatenlijsten (EML "
        f"{document.envelope.message_id}); gebruik een EML 210, 230b of 230c"
    )
