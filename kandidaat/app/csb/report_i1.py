"""``kandidaat csb pv-onderzoek``: the proces-verbaal I 1 of the examination.

Kieswet art. I 1 (versie 2026; Eerste Kamer S 1): per kieskring the lists
handed in, with the first candidate and the number of names, and the
recoverable omissions the committee recorded (``csb verzuim``). The footer
carries the hash of the log chain's last entry before the report, and the
report itself is logged with that hash and the PDF's SHA-256, so the paper
matches one state of the workspace.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from kandidaat import __version__
from kandidaat.app.csb.decisions import decisions
from kandidaat.app.csb.log import grouped_hash
from kandidaat.app.csb.report_i4 import omission_rows
from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.documents.model_i1 import ExaminationSession, render_i1
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.store.csb import CsbWorkspace

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from kandidaat.domain.csb.model import Submission

__all__ = ["i1_bytes", "write_i1"]


def _first(submission: Submission) -> tuple[str, int]:
    keys = [key for lst in submission.nomination.lists for key in lst.candidates]
    by_key = {c.key: c for c in submission.nomination.candidates}
    first = by_key.get(keys[0]) if keys else None
    if first is None:
        return "", len(keys)
    last = " ".join(p for p in (first.prefix, first.last_name) if p)
    return f"{last}, {first.initials}", len(keys)


def i1_bytes(workspace_path: Path, day: date) -> tuple[bytes, str]:
    """The I 1 as PDF bytes and the log hash (grouped) its footer names.

    Raises:
        InputError: no list handed in (Dutch).
    """
    decided = decisions(workspace_path)
    election = decided.election
    if not decided.submissions:
        raise InputError(f"{workspace_path.name}: er zijn nog geen lijsten ingeleverd")
    with CsbWorkspace.open(workspace_path) as workspace:
        head = grouped_hash(workspace.log()[-1].hash)
    by_number = {s.number: s for s in decided.submissions}
    lists = []
    for kieskring in election.kieskringen:
        rows = []
        for submission in decided.submissions:
            if kieskring.number in submission.kieskringen:
                first, names = _first(submission)
                rows.append((submission.appellation or "blanco lijst", first, str(names)))
        if rows:
            label = "" if election.single_kieskring else f"{kieskring.number} {kieskring.name}"
            lists.append((label.strip(), tuple(rows)))
    found, _ = omission_rows(decided, election, by_number)
    session = ExaminationSession(
        election_name=election.name,
        election_date=f"{election_dates(election).election_date:%d-%m-%Y}",
        authority=f"Centraal stembureau {election.area_name or election.name}".strip(),
        session_date=f"{day:%d-%m-%Y}",
        lists=tuple(lists),
        omissions=tuple(found),
        log_hash=head,
    )
    return render_i1(session, version=__version__, created=day), head


def write_i1(workspace_path: Path, out: Path, *, day: date, actor: str) -> Path:
    """Write the I 1 of the examination to ``out`` (Kieswet I 1, versie 2026).

    Raises:
        InputError: no list handed in, an ``out`` that exists or is not a
            ``.pdf``, or a folder that cannot be written (Dutch).
    """
    if out.suffix.lower() != ".pdf":
        raise InputError(f"--out: {out.name} moet op .pdf eindigen")
    if out.exists():
        raise InputError(f"--out: {out} bestaat al; kies een andere naam (niets overschreven)")
    data, head = i1_bytes(workspace_path, day)
    try:
        write_bytes_atomically(out, data)
    except OSError as error:
        raise InputError(
            f"--out: kan {out} niet schrijven ({os_reason(error, Action.WRITE_FILE)})"
        ) from None
    try:
        with CsbWorkspace.open(workspace_path) as workspace:
            workspace.record(
                "proces-verbaal I 1",
                {
                    "bestand": out.name,
                    "datum": day.isoformat(),
                    "logboek": head,
                    "sha256": hashlib.sha256(data).hexdigest(),
                },
                actor,
            )
    except BaseException:
        out.unlink(missing_ok=True)  # what is not logged is not left behind
        raise
    return out
