"""The build's one error type: a Dutch message, exit code 2, no traceback."""

from kandidaat.domain.errors import InputError


class BuildError(InputError):
    """A build step that cannot go on; the Dutch message says why and what to do."""
