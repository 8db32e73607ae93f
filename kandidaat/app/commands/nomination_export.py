"""``kandidaat export210``: one EML 210 per candidate list, with its hash code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.commands.nomination_common import iso_date, new_parser
from kandidaat.app.exitcodes import EXIT_FINDINGS, EXIT_OK
from kandidaat.app.nomination.checking import check_nomination
from kandidaat.app.nomination.eml_files import export_all_210
from kandidaat.app.nomination.project import load_project

if TYPE_CHECKING:
    import argparse


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add the ``export210`` subcommand."""
    parser = new_parser(
        subparsers,
        "export210",
        "schrijf per kandidatenlijst het EML 210-bestand en toon de hashcodes",
        "Schrijft per kandidatenlijst een EML 210-bestand (canoniek, zoals OSV2020) in de map "
        "--out en toont de hashcode die ook op het H 1-formulier staat. Als één lijst niet kan, "
        "wordt niets geschreven. Vindt de controle fouten, dan worden de bestanden toch "
        "geschreven (zoals 'documents' een concept maakt), maar meldt export210 hoeveel fouten "
        "er zijn en eindigt met code 1: los ze op (zie 'kandidaat check') en exporteer opnieuw, "
        "want de hashcode verandert met elke wijziging. Uitgangscodes: 0 klaar, 1 geschreven "
        "maar het project heeft fouten, 2 foute invoer.",
    )
    parser.add_argument("project", metavar="PROJECT", type=Path, help="het projectbestand")
    parser.add_argument(
        "--out", type=Path, metavar="MAP", required=True, help="map voor de EML-bestanden"
    )
    parser.add_argument(
        "--today",
        type=iso_date,
        metavar="JJJJ-MM-DD",
        help="controleer alsof het die dag is (voor termijnen)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Write the files, print one line per list; exit 1 when the check finds errors (ADR 0027)."""
    nomination = load_project(args.project)
    for exported in export_all_210(nomination, args.out):
        sys.stdout.write(f"lijst {exported.list_key}: {exported.path}\n")
        sys.stdout.write(f"  hashcode: {exported.hash_code}\n")
    errors = check_nomination(nomination, args.project.name, today=args.today).errors
    if not errors:
        return EXIT_OK
    number = len(errors)
    sys.stdout.write(
        f"\nLet op: het project heeft {number} {'fout' if number == 1 else 'fouten'} "
        "(niet inleverbaar); de bestanden zijn geschreven, maar lever ze zo niet in.\n"
        f"Bekijk de fouten met: kandidaat check {args.project}\n"
        "Los ze op en exporteer opnieuw: de hashcode verandert dan.\n"
    )
    return EXIT_FINDINGS
