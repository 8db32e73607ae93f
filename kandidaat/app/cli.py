"""The ``kandidaat`` command line.

Each subcommand lives in its own module under :mod:`kandidaat.app.commands` and
exposes ``register(subparsers)``; this module only wires them together and turns
every :class:`~kandidaat.domain.errors.KandidaatError` into a Dutch message and
exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat import __version__
from kandidaat.app.exitcodes import EXIT_BAD_INPUT
from kandidaat.common.selfcheck import self_check
from kandidaat.domain.errors import KandidaatError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

# One line per subcommand module; each module registers its own parser.
COMMAND_MODULES: tuple[str, ...] = (
    "kandidaat.app.commands.seats",
    "kandidaat.app.commands.demo",
    "kandidaat.app.commands.eml",
    "kandidaat.app.commands.new",
    "kandidaat.app.commands.nomination_party",
    "kandidaat.app.commands.lists",
    "kandidaat.app.commands.nomination_export",
    "kandidaat.app.commands.check",
    "kandidaat.app.commands.documents",
    "kandidaat.app.commands.candidates",
    "kandidaat.app.commands.gui",
    "kandidaat.app.commands.csb",
    "kandidaat.app.commands.uitslag",
)


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
        """Create the parser with Dutch section headings."""
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"

    def error(self, message: str) -> None:  # type: ignore[override]
        """Print a Dutch usage error and exit with code 2."""
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: fout in de opdracht: {_translate(message)}\n")
        raise SystemExit(EXIT_BAD_INPUT)


_TRANSLATIONS = (
    ("the following arguments are required", "deze argumenten ontbreken"),
    ("unrecognized arguments", "onbekende argumenten"),
    ("invalid choice", "ongeldige keuze"),
    ("expected one argument", "hier hoort één waarde bij"),
    ("argument", "argument"),
    ("choose from", "kies uit"),
)


def _translate(message: str) -> str:
    for english, dutch in _TRANSLATIONS:
        message = message.replace(english, dutch)
    return message


def build_parser() -> argparse.ArgumentParser:
    """Build the parser with every registered subcommand."""
    parser = DutchArgumentParser(
        prog="kandidaat",
        description="kandidaat: kandidaatstelling, zetelverdeling en controleerbare uitslagen.",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument(
        "--version", action="version", version=f"kandidaat {__version__}", help="toon de versie"
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help=(
            "controleer of dit geïnstalleerde programma ongewijzigd is (met --release en "
            "--public-key: tegen de ondertekende uitgave)"
        ),
    )
    parser.add_argument(
        "--release", type=Path, metavar="MAP", help="map van de uitgave (bij --self-check)"
    )
    parser.add_argument(
        "--public-key",
        type=Path,
        metavar="SLEUTEL",
        help="publieke sleutel van de uitgave (bij --self-check)",
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="OPDRACHT", parser_class=DutchArgumentParser
    )
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(module_name)
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_check:
        return _self_check(args)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        code: int = handler(args)
    except KandidaatError as error:
        sys.stderr.write(f"fout: {error.message}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("afgebroken\n")
        return 130
    return code


def _self_check(args: argparse.Namespace) -> int:
    """``kandidaat --self-check``: the installed files against their signed manifest."""
    if (args.release is None) != (args.public_key is None):
        sys.stderr.write("fout: geef --release en --public-key samen op, of geen van beide\n")
        return EXIT_BAD_INPUT
    code, lines = self_check(None, args.release, args.public_key)
    sys.stdout.write("".join(f"{line}\n" for line in lines))
    return code
