"""``kandidaat demo``: the main job on the embedded demo election.

Computes the seat distribution and the elected candidates of the fictitious
municipality Demodorp (gemeenteraad, 17 seats) and prints the step-by-step
report. Later parts of the demo (a party project, checks, documents) hook in
here as they land.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from typing import TYPE_CHECKING, Any

from kandidaat.app.seats.output_json import outcome_to_json
from kandidaat.app.seats.report_text import render
from kandidaat.app.seats.run import run_one

if TYPE_CHECKING:
    import argparse

DEMO_ELECTION = "gr_demodorp_2026.json"


def demo_election_text() -> str:
    """The JSON of the demo election, as shipped inside the package."""
    return (
        resources.files("kandidaat.app.demo_data")
        .joinpath(DEMO_ELECTION)
        .read_text(encoding="utf-8")
    )


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add the ``demo`` subcommand."""
    parser = subparsers.add_parser(
        "demo",
        help="voer de hoofdtaak uit op de ingebouwde demoverkiezing",
        description=(
            "Berekent de zetelverdeling en de gekozen kandidaten van de fictieve gemeente "
            "Demodorp en toont elke stap."
        ),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument("--json", action="store_true", help="geef de uitkomst als JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print the demo election's result."""
    contest_run = run_one(demo_election_text(), DEMO_ELECTION)
    if contest_run.outcome is None or contest_run.seats_input is None:
        sys.stderr.write(f"fout: {contest_run.error}\n")
        return 2
    if args.json:
        document = outcome_to_json(contest_run.outcome)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("kandidaat demo: zetelverdeling van de demoverkiezing\n\n")
        sys.stdout.write(render(contest_run.outcome, contest_run.seats_input.contest))
    return 0
