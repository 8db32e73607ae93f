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

    from kandidaat.app.seats.run import ContestRun


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add the ``seats`` subcommand."""
    parser = subparsers.add_parser(
        "seats",
        help="bereken de zetelverdeling en de gekozen kandidaten",
        description=(
            "Berekent de zetelverdeling (Kieswet hoofdstuk P, U voor de Eerste Kamer) en de "
            "gekozen kandidaten uit een JSON-bestand. Met '-' leest het JSON Lines van "
            "standaardinvoer (één verkiezing per regel; lege invoer is een fout). Uitgangscodes: "
            "0 klaar, 3 loting nodig, 2 foute invoer, 4 interne fout."
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


def _read_runs(inputs: list[str], extra_lots: tuple[int, ...]) -> list[ContestRun] | None:
    """The contests to compute, or ``None`` after a Dutch message (bad input)."""
    if "-" in inputs:
        if len(inputs) > 1:
            sys.stderr.write("fout: '-' (standaardinvoer) kan niet met bestanden samen\n")
            return None
        runs = list(runs_from_json_lines(sys.stdin))
        if not runs:
            sys.stderr.write(
                "fout: standaardinvoer bevat geen verkiezing: geen enkele regel met JSON gelezen\n"
            )
            return None
        return runs
    if extra_lots and len(inputs) > 1:
        sys.stderr.write("fout: --lot kan alleen bij één invoerbestand\n")
        return None
    return list(runs_from_files([Path(p) for p in inputs], extra_lots))


def run(args: argparse.Namespace) -> int:
    """Compute every contest and print the report(s) or JSON."""
    inputs: list[str] = args.inputs
    runs = _read_runs(inputs, tuple(args.lot))
    if runs is None:
        return EXIT_BAD_INPUT
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
