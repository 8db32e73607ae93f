"""A finding of the nomination checks: severity, article, Dutch message, what to do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is; the value is what ``--json`` prints."""

    ERROR = "error"
    """Fout: the list cannot be submitted like this."""
    WARNING = "warning"
    """Waarschuwing: action is needed before nomination day."""
    INFO = "info"
    """Ter informatie."""

    @property
    def dutch(self) -> str:
        """The word a user reads."""
        return _DUTCH[self]


_DUTCH = {
    Severity.ERROR: "fout",
    Severity.WARNING: "waarschuwing",
    Severity.INFO: "info",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of a check.

    ``code`` is a stable identifier of the check (e.g. ``too-many-candidates``).
    ``article`` names the rule as a user looks it up: "Kieswet H 6 lid 2",
    "Kiesbesluit H 2". ``message`` and ``advice`` are Dutch and name the person
    or list. ``list_key``, ``candidate_key`` and ``field`` say where to fix it
    (the GUI jumps there).
    """

    code: str
    severity: Severity
    article: str
    message: str
    advice: str = ""
    list_key: str | None = None
    candidate_key: str | None = None
    field: str | None = None
