"""Errors of EML reading, with the file, line and element a person can act on."""

from __future__ import annotations

from kandidaat.domain.errors import InputError


class EmlError(InputError):
    """An EML file that cannot be read or does not have the expected structure."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        """Compose "file, regel N: message" in Dutch."""
        where = f"{source}, regel {line}" if line else source
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line
        self.detail = message
