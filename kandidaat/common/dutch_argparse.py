"""One Dutch argument parser for every program of kandidaat.

``kandidaat``, ``kandidaat-scan``, ``kandidaat-sign`` and ``kandidaat-verify``
all parse their command line with :class:`DutchArgumentParser`: the help has
Dutch headings ("gebruik:", "argumenten", "opties", "toon deze hulp en stop")
and every usage error argparse can raise is translated to Dutch before it is
printed, with exit code 2. The translations follow argparse's own message
templates (every ``_('...')`` string of ``argparse.py`` in Python 3.11 that a
user can meet); a message that matches no template is printed as it is.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["EXIT_USAGE", "DutchArgumentParser", "DutchHelpFormatter", "translate_message"]

EXIT_USAGE = 2
"""The exit code of a usage error: bad input."""

HELP_TEXT = "toon deze hulp en stop"

_TYPE_NAMES = {
    "int": "geheel getal",
    "float": "getal",
    "Path": "pad",
    "str": "tekst",
}

# (English template as a regular expression, Dutch template). Order matters:
# the first match wins; ``argument X: ...`` is translated recursively.
_TEMPLATES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), dutch)
    for pattern, dutch in (
        (r"^the following arguments are required: (?P<a>.*)$", "deze argumenten ontbreken: {a}"),
        (r"^one of the arguments (?P<a>.*) is required$", "één van deze argumenten is nodig: {a}"),
        (r"^unrecognized arguments: (?P<a>.*)$", "onbekende argumenten: {a}"),
        (
            r"^ambiguous option: (?P<a>\S+) could match (?P<b>.*)$",
            "optie {a} is niet eenduidig: bedoelt u {b}?",
        ),
        (r"^not allowed with argument (?P<a>.*)$", "niet samen te gebruiken met {a}"),
        (r"^expected one argument$", "hier hoort één waarde bij"),
        (r"^expected at most one argument$", "hier hoort hooguit één waarde bij"),
        (r"^expected at least one argument$", "hier hoort minstens één waarde bij"),
        (r"^expected (?P<a>\d+) arguments?$", "hier horen {a} waarden bij"),
        (r"^ignored explicit argument (?P<a>.*)$", "deze optie neemt geen waarde: {a}"),
        (
            r"^invalid choice: (?P<a>.*) \(choose from (?P<b>.*)\)$",
            "ongeldige keuze: {a} (kies uit {b})",
        ),
        (r"^invalid (?P<t>\S+) value: (?P<a>.*)$", "ongeldige waarde {a} (verwacht: {t})"),
        (
            r"^unknown parser (?P<a>.*) \(choices: (?P<b>.*)\)$",
            "onbekende opdracht {a} (kies uit {b})",
        ),
        (r"^unexpected option string: (?P<a>.*)$", "onverwachte optie: {a}"),
        (r"^can't open '(?P<a>.*)': (?P<b>.*)$", "kan '{a}' niet openen: {b}"),
        (r"^argument \"-\" with mode (?P<a>.*)$", 'argument "-" met modus {a}'),
    )
)
_ARGUMENT = re.compile(r"^argument (?P<name>[^:]+): (?P<rest>.*)$", re.DOTALL)


def translate_message(message: str) -> str:
    """Translate one argparse usage error to Dutch (unknown messages stay as they are)."""
    argument = _ARGUMENT.match(message)
    if argument is not None:
        return f"argument {argument['name']}: {translate_message(argument['rest'])}"
    for pattern, dutch in _TEMPLATES:
        found = pattern.match(message)
        if found is not None:
            parts = found.groupdict()
            if "t" in parts:
                parts["t"] = _TYPE_NAMES.get(parts["t"], parts["t"])
            return dutch.format(**parts)
    return message


_LONG_QUOTED = re.compile(r"'([^']{60,})'")
"""A quoted value that argparse echoes in full (a number of thousands of digits)."""


def _shorten(match: re.Match[str]) -> str:
    """The echoed value cut to 40 characters, with its length."""
    value = match.group(1)
    return f"'{value[:40]}...' ({len(value)} tekens)"


class DutchHelpFormatter(argparse.HelpFormatter):
    """Help text with a Dutch "gebruik:" line instead of argparse's "usage:"."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        """Add the usage line with a Dutch prefix."""
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    """An argument parser whose help and usage errors are Dutch and exit with code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401 - argparse's signature
        """Create the parser with Dutch section headings and a Dutch ``-h``."""
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        add_help = bool(kwargs.get("add_help", True))
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if add_help:
            prefix = self.prefix_chars[0]
            self.add_argument(
                f"{prefix}h",
                f"{prefix * 2}help",
                action="help",
                default=argparse.SUPPRESS,
                help=HELP_TEXT,
            )

    def error(self, message: str) -> NoReturn:
        """Print a Dutch usage error and exit with code 2."""
        self.print_usage(sys.stderr)
        text = _LONG_QUOTED.sub(_shorten, translate_message(message))
        sys.stderr.write(f"{self.prog}: fout in de opdracht: {text}\n")
        raise SystemExit(EXIT_USAGE)
