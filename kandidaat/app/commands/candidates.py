"""``kandidaat candidates``: import and export the address book as CSV or XLSX."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.commands.nomination_common import add_help
from kandidaat.app.exitcodes import EXIT_OK
from kandidaat.app.nomination.project import load_project
from kandidaat.app.nomination.spreadsheets import export_candidates, import_candidates

if TYPE_CHECKING:
    import argparse


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add ``candidates import|export|show``."""
    parser = subparsers.add_parser(
        "candidates",
        help="importeer en exporteer kandidaten (CSV, XLSX; import ook uit EML 210 en 230b)",
        description=(
            "Het adresboek met kandidaten van een project. CSV gebruikt ';' als scheidingsteken "
            "(zoals Excel en e-KS); XLSX kan ook. Een import gaat helemaal of helemaal niet: "
            "elke foute regel wordt genoemd en dan verandert er niets. Uitgangscodes: 0 klaar, "
            "2 foute invoer."
        ),
        add_help=False,
    )
    add_help(parser)
    actions = parser.add_subparsers(dest="candidates_action", metavar="ACTIE", required=True)

    do_import = actions.add_parser(
        "import",
        help="lees kandidaten uit een CSV-, XLSX- of EML-bestand (210, 230b)",
        description=(
            "Leest kandidaten in het adresboek. Een persoon die er al in staat (zelfde BSN, of "
            "zelfde naam en geboortedatum) wordt bijgewerkt. Met --lijst krijgt die lijst precies "
            "deze kandidaten, in de volgorde van het bestand. Uit een EML-bestand (een 210, of "
            "de kandidatenlijsten 230b van een vorige verkiezing) komt de lijst met de "
            "aanduiding van het project, of die van --aanduiding."
        ),
        add_help=False,
    )
    add_help(do_import)
    do_import.add_argument("project", metavar="PROJECT", type=Path, help="het projectbestand")
    do_import.add_argument(
        "file", metavar="BESTAND", type=Path, help="CSV-, XLSX- of EML-bestand (.xml)"
    )
    do_import.add_argument("--lijst", metavar="LIJST", help="zet de kandidaten op deze lijst")
    do_import.add_argument(
        "--aanduiding", metavar="TEKST", help="EML: neem de lijst met deze aanduiding"
    )
    do_import.set_defaults(handler=run_import)

    do_export = actions.add_parser(
        "export",
        help="schrijf kandidaten naar een CSV- of XLSX-bestand",
        description="Schrijft het adresboek, of met --lijst één lijst in volgorde.",
        add_help=False,
    )
    add_help(do_export)
    do_export.add_argument("project", metavar="PROJECT", type=Path, help="het projectbestand")
    do_export.add_argument("file", metavar="BESTAND", type=Path, help=".csv of .xlsx")
    do_export.add_argument("--lijst", metavar="LIJST", help="alleen de kandidaten van deze lijst")
    do_export.set_defaults(handler=run_export)

    show = actions.add_parser("show", help="toon het adresboek", add_help=False)
    add_help(show)
    show.add_argument("project", metavar="PROJECT", type=Path, help="het projectbestand")
    show.set_defaults(handler=run_show)


def run_import(args: argparse.Namespace) -> int:
    """Import and say what changed."""
    summary = import_candidates(
        args.project, args.file, list_key=args.lijst, appellation=args.aanduiding
    )
    sys.stdout.write(
        f"{summary.read} kandidaten gelezen uit {args.file.name}: {summary.added} nieuw, "
        f"{summary.updated} bijgewerkt\n"
    )
    if summary.list_key is not None:
        sys.stdout.write(f"Lijst {summary.list_key} heeft nu {len(summary.keys)} kandidaten\n")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    """Export and say how many."""
    count = export_candidates(args.project, args.file, list_key=args.lijst)
    sys.stdout.write(f"{count} kandidaten geschreven naar {args.file}\n")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    """Print the address book."""
    nomination = load_project(args.project)
    if not nomination.candidates:
        sys.stdout.write("Het adresboek is leeg.\n")
    for candidate in nomination.candidates:
        born = candidate.date_of_birth.isoformat() if candidate.date_of_birth else "?"
        place = candidate.locality
        if candidate.lives_abroad:
            place += f" ({candidate.country_code})"
        sys.stdout.write(f"{candidate.key}: {candidate.display_name}, {born}, {place}\n")
    return EXIT_OK
