"""``kandidaat seats``: seat distribution and elected candidates (Kieswet chapter P)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.exitcodes import EXIT_BAD_INPUT
from kandidaat.app.seats.run import (
    exit_code,
    runs_from_files,
    runs_from_json_lines,
    to_json_line,
)

if TYPE_CHECKING:
    import argparse


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add the ``seats`` subcommand."""
    parser = subparsers.add_parser(
        "seats",
        help="bereken de zetelverdeling en de gekozen kandidaten",
        description=(
            "Berekent de zetelverdeling (Kieswet hoofdstuk P, U voor de Eerste Kamer) en de "
            "gekozen kandidaten uit een JSON-bestand. Met '-' leest het JSON Lines van "
            "standaardinvoer (één verkiezing per regel). Uitgangscodes: 0 klaar, 3 loting "
            "nodig, 2 foute invoer."
        ),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument("inputs", nargs="+", metavar="INVOER", help="JSON-bestand(en) of '-'")
    parser.add_argument("--json", action="store_true", help="geef de uitkomst als JSON")
    parser.add_argument(
        "--lot",
        action="append",
        type=int,
        default=[],
        metavar="NUMMER",
        help="uitslag van een loting (lijst- of kandidaatnummer), na die in 'lots'; herhaalbaar",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Compute every contest and print the report(s) or JSON."""
    inputs: list[str] = args.inputs
    extra_lots = tuple(args.lot)
    if "-" in inputs:
        if len(inputs) > 1:
            sys.stderr.write("fout: '-' (standaardinvoer) kan niet met bestanden samen\n")
            return EXIT_BAD_INPUT
        runs = list(runs_from_json_lines(sys.stdin))
    else:
        if extra_lots and len(inputs) > 1:
            sys.stderr.write("fout: --lot kan alleen bij één invoerbestand\n")
            return EXIT_BAD_INPUT
        runs = list(runs_from_files([Path(p) for p in inputs], extra_lots))
    batch = len(runs) != 1 or inputs == ["-"]
    for contest_run in runs:
        if args.json and batch:
            sys.stdout.write(to_json_line(contest_run) + "\n")
        elif args.json:
            if contest_run.outcome is None:
                sys.stderr.write(f"fout: {contest_run.error}\n")
            else:
                document = contest_run.to_json()
                document.pop("source", None)
                sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        elif contest_run.outcome is None:
            sys.stderr.write(f"fout: {contest_run.error}\n")
        else:
            sys.stdout.write(contest_run.to_text())
            if batch:
                sys.stdout.write("\n")
    return exit_code(runs)
