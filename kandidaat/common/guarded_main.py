"""Run a program's ``main`` so that it never ends in a traceback.

Two things end a command line program of kandidaat outside its own exit codes:

* the reader of its output goes away (``kandidaat seats ... | head -1``): the
  program stops quietly with exit code 141, the code a shell reports for a
  program ended by SIGPIPE (128 + 13), as ``cat`` or ``grep`` do. Standard
  output is pointed at ``os.devnull`` first, as the Python documentation on
  SIGPIPE recommends, so the interpreter prints no "Exception ignored" at exit;
* an unexpected exception (a bug): one Dutch line on standard error and exit
  code 4, never 1 (which means "findings") and never 2 (bad input). The
  traceback is shown only when ``KANDIDAAT_DEBUG=1`` is set.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["DEBUG_VARIABLE", "EXIT_BROKEN_PIPE", "EXIT_INTERNAL_ERROR", "run_guarded"]

EXIT_INTERNAL_ERROR = 4
"""An unexpected internal error: a bug in kandidaat, never a finding."""

EXIT_BROKEN_PIPE = 141
"""The reader of standard output went away (128 + SIGPIPE), as the shell reports it."""

DEBUG_VARIABLE = "KANDIDAAT_DEBUG"
MAX_DETAIL = 300
"""The error's own text is cut to this many characters (it may quote outside input)."""
REPORT_WHERE = (
    "meld dit via het issue-overzicht van het project"
    " (bij een beveiligingsprobleem: zie SECURITY.md)"
)


def _silence_stdout() -> None:
    """Point standard output at ``os.devnull`` so the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115, PTH123 - lives until exit


def _stdout_was_closed() -> bool:
    """Flush standard output; ``True`` (and silenced) when its reader went away."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return True
    return False


def _internal_error(program: str, error: BaseException) -> int:
    detail = str(error).strip() or type(error).__name__
    if len(detail) > MAX_DETAIL:
        detail = detail[:MAX_DETAIL] + "..."
    sys.stderr.write(
        f"{program}: interne fout: {type(error).__name__}: {detail}\n"
        f"  Dit is een fout in kandidaat, niet in uw invoer; {REPORT_WHERE}.\n"
        f"  Zet {DEBUG_VARIABLE}=1 om de technische details te zien.\n"
    )
    if os.environ.get(DEBUG_VARIABLE) == "1":
        traceback.print_exception(error, file=sys.stderr)
    return EXIT_INTERNAL_ERROR


def run_guarded(
    program: str, main: Callable[[Sequence[str] | None], int], argv: Sequence[str] | None
) -> int:
    """Run ``main(argv)`` and return its exit code; a closed pipe or a bug gets its own code."""
    try:
        code = main(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except SystemExit:
        if _stdout_was_closed():
            return EXIT_BROKEN_PIPE
        raise
    except KeyboardInterrupt:
        sys.stderr.write("afgebroken\n")
        return 130
    except Exception as error:  # noqa: BLE001 - the one place every bug is caught
        return _internal_error(program, error)
    return code
