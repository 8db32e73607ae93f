"""The ``kandidaat`` command line.

Each subcommand lives in its own module under :mod:`kandidaat.app.commands` and
exposes ``register(subparsers)``; this module only wires them together and turns
every :class:`~kandidaat.domain.errors.KandidaatError` into a Dutch message and
exit code 2, never a traceback; any other exception is an internal error
(exit code 4) and a closed pipe ends quietly (see
:mod:`kandidaat.common.guarded_main`).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat import __version__
from kandidaat.app.exitcodes import EXIT_BAD_INPUT
from kandidaat.common.dutch_argparse import HELP_TEXT, DutchArgumentParser, DutchHelpFormatter
from kandidaat.common.guarded_main import run_guarded
from kandidaat.common.selfcheck import self_check
from kandidaat.domain.errors import KandidaatError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

__all__ = ["COMMAND_MODULES", "DutchArgumentParser", "DutchHelpFormatter", "build_parser", "main"]

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
    "kandidaat.app.commands.telling",
)


def build_parser() -> argparse.ArgumentParser:
    """Build the parser with every registered subcommand."""
    parser = DutchArgumentParser(
        prog="kandidaat",
        description="kandidaat: kandidaatstelling, zetelverdeling en controleerbare uitslagen.",
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help=HELP_TEXT)
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
    """Run the command line and return its exit code.

    A closed standard output (``| head``) ends quietly with exit code 141; an
    unexpected exception gives one Dutch line and exit code 4
    (:data:`~kandidaat.app.exitcodes.EXIT_INTERNAL_ERROR`), never a traceback.
    """
    return run_guarded("kandidaat", _main, argv)


def _main(argv: Sequence[str] | None) -> int:
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
    return code


def _self_check(args: argparse.Namespace) -> int:
    """``kandidaat --self-check``: the installed files against their signed manifest."""
    if (args.release is None) != (args.public_key is None):
        sys.stderr.write("fout: geef --release en --public-key samen op, of geen van beide\n")
        return EXIT_BAD_INPUT
    code, lines = self_check(None, args.release, args.public_key)
    sys.stdout.write("".join(f"{line}\n" for line in lines))
    return code
