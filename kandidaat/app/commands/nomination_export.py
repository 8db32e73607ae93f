"""``kandidaat export210``: one EML 210 per candidate list, with its hash code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.commands.nomination_common import new_parser
from kandidaat.app.exitcodes import EXIT_OK
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
        "wordt niets geschreven. Uitgangscodes: 0 klaar, 2 foute invoer.",
    )
    parser.add_argument("project", metavar="PROJECT", type=Path, help="het projectbestand")
    parser.add_argument(
        "--out", type=Path, metavar="MAP", required=True, help="map voor de EML-bestanden"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Write the files and print one line per list."""
    nomination = load_project(args.project)
    for exported in export_all_210(nomination, args.out):
        sys.stdout.write(f"lijst {exported.list_key}: {exported.path}\n")
        sys.stdout.write(f"  hashcode: {exported.hash_code}\n")
    return EXIT_OK
