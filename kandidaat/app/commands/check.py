"""``kandidaat check``: the Kieswet checks on a project or an EML 210."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.commands.nomination_common import iso_date, new_parser, non_negative_int
from kandidaat.app.nomination.checking import check_target, findings_json, render_text
from kandidaat.app.nomination.project import election_argument

if TYPE_CHECKING:
    import argparse


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add the ``check`` subcommand."""
    parser = new_parser(
        subparsers,
        "check",
        "controleer een project of EML 210 tegen de Kieswet",
        "Controleert een projectbestand (.kandidaat) of een EML 210-bestand: elke bevinding "
        "noemt het artikel, de lijst of kandidaat en wat te doen, gegroepeerd naar fout, "
        "waarschuwing en informatie. Uitgangscodes: 0 geen fouten, 1 fouten gevonden, "
        "2 onleesbare invoer.",
    )
    parser.add_argument("target", metavar="DOEL", type=Path, help="project of EML 210-bestand")
    parser.add_argument(
        "--previous-seats",
        type=non_negative_int,
        metavar="N",
        help="zetels van de aanduiding bij de vorige verkiezing (H 4 lid 8, H 6 lid 2)",
    )
    parser.add_argument(
        "--election",
        metavar="110a.xml|ID",
        help="verkiezingsdefinitie: een EML 110a-bestand of een ingebouwde verkiezing "
        "(bijv. PS2027_Fryslân); nodig bij een los EML 210 voor wat dat bestand niet "
        "bevat (zetels, namen van kieskringen)",
    )
    parser.add_argument("--json", action="store_true", help="bevindingen als JSON")
    parser.add_argument(
        "--today",
        type=iso_date,
        metavar="JJJJ-MM-DD",
        help="controleer alsof het die dag is (voor termijnen)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check and print; exit 0 (no errors), 1 (errors) or 2 (unreadable, via the CLI)."""
    report = check_target(
        args.target,
        election=election_argument(args.election) if args.election is not None else None,
        previous_seats=args.previous_seats,
        today=args.today,
    )
    if args.json:
        sys.stdout.write(json.dumps(findings_json(report), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(report))
    return report.exit_code
