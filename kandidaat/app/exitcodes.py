"""Exit codes shared by every subcommand (documented in the README).

0 ok, 1 findings, 2 bad input, 3 lots required, 4 an internal error (a bug in
kandidaat: never a finding, never bad input), 141 the reader of standard
output went away (``| head``; 128 + SIGPIPE, as a shell reports it).
"""

from kandidaat.common.guarded_main import EXIT_BROKEN_PIPE, EXIT_INTERNAL_ERROR

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_BROKEN_PIPE",
    "EXIT_FINDINGS",
    "EXIT_INTERNAL_ERROR",
    "EXIT_LOTS_REQUIRED",
    "EXIT_OK",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_LOTS_REQUIRED = 3
