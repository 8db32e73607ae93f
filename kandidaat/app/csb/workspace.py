"""Create a CSB workspace for an election (an EML 110a or a built-in one)."""

from __future__ import annotations

from pathlib import Path

from kandidaat.app.nomination.project import election_argument
from kandidaat.domain.errors import InputError
from kandidaat.store.csb import SUFFIX, CsbWorkspace

__all__ = ["new_workspace"]


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
