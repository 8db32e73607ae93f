"""``kandidaat demo``: the main jobs on the embedded demo election.

First the party side: the fictitious party Demodorp Vooruit prepares its list
for the gemeenteraad of the fictitious municipality Demodorp. The demo creates
its project in a folder (default ``./demo-uitvoer/``, option ``--out``), runs
the checks and prints them, exports the EML 210 with its hash code and writes
the documents the party prints and signs (folder ``documenten``). Then it
computes the seat distribution and the elected candidates (17 seats) and
prints the step-by-step report.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.nomination.checking import findings_json, render_text
from kandidaat.app.nomination.demo_party import DEFAULT_FOLDER, DemoRun, run_demo_party
from kandidaat.app.seats.output_json import outcome_to_json
from kandidaat.app.seats.report_text import render
from kandidaat.app.seats.run import run_one
from kandidaat.domain.nomination.deadlines import dutch_date

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
        help="voer de hoofdtaken uit op de ingebouwde demoverkiezing",
        description=(
            "Maakt het project van de fictieve partij Demodorp Vooruit (in de map --out), "
            "controleert de lijst, schrijft het EML 210-bestand met de hashcode, en berekent "
            "daarna de zetelverdeling en de gekozen kandidaten van de fictieve gemeente "
            "Demodorp, met elke stap."
        ),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument("--json", action="store_true", help="geef de uitkomst als JSON")
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_FOLDER,
        metavar="MAP",
        help=f"map voor het project en het EML 210-bestand (standaard {DEFAULT_FOLDER}/)",
    )
    parser.set_defaults(handler=run)


def _party_text(party: DemoRun) -> str:
    """The party side of the demo in Dutch: project, checks, EML 210 and hash code."""
    lines = [
        "kandidaat demo: kandidaatstelling van de demopartij",
        "",
        f"Project: {party.project}",
        (
            f"Gecontroleerd alsof het {dutch_date(party.check_day)} is; de dag van "
            f"kandidaatstelling is {dutch_date(party.nomination_day)}."
        ),
        "",
        render_text(party.report),
    ]
    for exported in party.exported:
        lines.append(f"EML 210 van lijst {exported.list_key}: {exported.path}")
        lines.append(f"  hashcode: {exported.hash_code}")
    documents = party.documents
    lines.append(
        f"Documenten (H 1, H 3-1, H 4, H 9, ...): {len(documents.files)} bestanden in "
        f"{documents.out_dir}; alles in één keer printen: {documents.combined}"
    )
    if documents.concept:
        lines.append("  CONCEPT - niet inleveren: " + "; ".join(documents.reasons))
    return "\n".join(lines) + "\n\n"


def _party_json(party: DemoRun) -> dict[str, Any]:
    return {
        "project": str(party.project),
        "check_day": party.check_day.isoformat(),
        "findings": findings_json(party.report),
        "eml210": [
            {"list": e.list_key, "path": str(e.path), "hash_code": e.hash_code}
            for e in party.exported
        ],
        "documents": {
            "folder": str(party.documents.out_dir),
            "files": [str(path) for path in party.documents.files],
            "print_all": str(party.documents.combined),
            "concept": party.documents.concept,
        },
    }


def run(args: argparse.Namespace) -> int:
    """Make the demo party's project, check and export it; print the demo election's result."""
    party = run_demo_party(args.out)
    contest_run = run_one(demo_election_text(), DEMO_ELECTION)
    if contest_run.outcome is None or contest_run.seats_input is None:
        sys.stderr.write(f"fout: {contest_run.error}\n")
        return 2
    if args.json:
        document = outcome_to_json(contest_run.outcome)
        document["nomination"] = _party_json(party)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_party_text(party))
        sys.stdout.write("kandidaat demo: zetelverdeling van de demoverkiezing\n\n")
        sys.stdout.write(render(contest_run.outcome, contest_run.seats_input.contest))
    return 0
