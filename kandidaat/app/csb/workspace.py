"""The CSB workspace: creating one for an election, and reading its submissions again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.app.csb.examining import with_register
from kandidaat.app.csb.receiving import read_submission
from kandidaat.app.nomination.project import election_argument
from kandidaat.domain.csb.model import RegisterEntry, Submission
from kandidaat.domain.csb.receipt import handed_in_in_time
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.store.csb import SUFFIX, CsbWorkspace

if TYPE_CHECKING:
    from kandidaat.domain.nomination.model import Election

__all__ = ["late_submissions", "load_submissions", "new_workspace"]


def new_workspace(path: Path, election_text: str, actor: str) -> CsbWorkspace:
    """Create ``path`` (a ``.csb`` file) for the election of ``election_text``.

    ``election_text`` is an EML 110a file or a built-in election identifier.

    Raises:
        InputError: a wrong name, an unreadable election, or an existing file.
    """
    if Path(path).suffix != SUFFIX:
        raise InputError(f"{Path(path).name}: een CSB-werkbestand heet ...{SUFFIX}")
    election = election_argument(election_text)
    is_file = Path(election_text).is_file()
    source = f"EML 110a {Path(election_text).name}" if is_file else "ingebouwde verkiezing"
    return CsbWorkspace.create(path, election, source, actor)


def load_submissions(
    workspace: CsbWorkspace,
) -> tuple[Election, tuple[RegisterEntry, ...], list[Submission]]:
    """The election, the register and every submission read again from its stored bytes.

    Each submission's appellation gets its previous seats from the register
    (for the H 4 and deposit exemptions).

    Raises:
        InputError: a stored file that no longer reads (Dutch, naming it).
    """
    election = workspace.election()
    register = workspace.register()
    submissions = []
    for item in workspace.submissions():
        read = read_submission(item.data, item.file_name, election)
        nomination = with_register(read.nomination, register)
        submissions.append(
            Submission(item.number, item.file_name, item.sha256, item.received_at, nomination)
        )
    return election, register, submissions


def late_submissions(election: Election, submissions: list[Submission]) -> tuple[int, ...]:
    """The numbers of the submissions not handed in in time, which are invalid.

    Kieswet art. I 5 onder a (EK: S 3 onder a), geldend op 2026-01-01: a list
    not handed in on the nomination day between 09:00 and 17:00 (H 1 lid 1) is
    invalid; it gets no number and no place in the 230b, whatever else is
    decided.
    """
    day = election_dates(election).nomination_day
    return tuple(s.number for s in submissions if not handed_in_in_time(s.received_at, day))
