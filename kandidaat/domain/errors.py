"""The one hierarchy of errors the project raises on bad input.

Every message is Dutch and names what is wrong (file, line, field) so that a
volunteer or a member of a centraal stembureau can act on it.
"""


class KandidaatError(Exception):
    """Base class: an error a user can understand and fix (message in Dutch)."""

    def __init__(self, message: str) -> None:
        """Store the Dutch message."""
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        """Return the Dutch message."""
        return self.message


class InputError(KandidaatError):
    """Input that does not describe a valid case (a field, a value, a structure)."""


class LotAnswerError(KandidaatError):
    """An answer of a drawing of lots that does not fit the question asked."""
