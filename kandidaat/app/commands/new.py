"""``kandidaat new``: a new project for one party and one election."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.commands.nomination_common import new_parser
from kandidaat.app.exitcodes import EXIT_BAD_INPUT, EXIT_OK
from kandidaat.app.nomination.list_edits import add_list
from kandidaat.app.nomination.project import (
    builtin,
    create_project,
    election_from_110a,
    municipal,
)
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.model import AppellationKind, Nomination, Party
from kandidaat.domain.nomination.text_rules import (
    LIMITS,
    MAX_SEATS,
    appellation_problem,
    check_text,
    count_from_text,
)

if TYPE_CHECKING:
    from kandidaat.domain.nomination.model import Election

FIRST_LIST = "lijst-1"


def seats(text: str) -> int:
    """A number of seats, 1 to 150 (the Tweede Kamer, the largest body), with a Dutch error."""
    try:
        return count_from_text(text, 1, MAX_SEATS)
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def previous_seats(text: str) -> int:
    """Seats at the previous election, 0 to 150, with a Dutch error."""
    try:
        return count_from_text(text, 0, MAX_SEATS)
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add the ``new`` subcommand."""
    parser = new_parser(
        subparsers,
        "new",
        "maak een nieuw project voor de kandidaatstelling van een partij",
        "Maakt een nieuw projectbestand (.kandidaat) voor één partij en één verkiezing, "
        "met een lege lijst 'lijst-1' voor alle kieskringen. Kies de verkiezing met "
        "--election (ingebouwd, bijv. TK2025 of PS2027_Gelderland), --election-file "
        "(een verkiezingsdefinitie EML 110a) of --gemeente met --seats en --date. "
        "Een bestaand bestand wordt nooit overschreven. Uitgangscodes: 0 klaar, 2 foute invoer.",
    )
    parser.add_argument("project", metavar="PROJECT", type=Path, help="het nieuwe projectbestand")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--election", metavar="ID", help="ingebouwde verkiezing, bijv. TK2025")
    which.add_argument(
        "--election-file", metavar="110a.xml", type=Path, help="verkiezingsdefinitie (EML 110a)"
    )
    which.add_argument("--gemeente", metavar="NAAM", help="gemeenteraadsverkiezing van NAAM")
    parser.add_argument("--seats", type=seats, metavar="N", help="aantal raadszetels")
    parser.add_argument("--date", metavar="JJJJ-MM-DD", help="dag van stemming")
    parser.add_argument("--cbs-code", metavar="CODE", help="CBS-code van de gemeente (4 cijfers)")
    name = parser.add_mutually_exclusive_group(required=True)
    name.add_argument("--aanduiding", metavar="TEKST", help="geregistreerde aanduiding (H 3)")
    name.add_argument("--blanco", action="store_true", help="blanco lijst (zonder aanduiding)")
    parser.add_argument(
        "--vorige-zetels",
        type=previous_seats,
        metavar="N",
        help="zetels bij de vorige verkiezing van hetzelfde orgaan (H 4 lid 8, H 6 lid 2)",
    )
    parser.set_defaults(handler=run)


def _election(args: argparse.Namespace) -> Election | None:
    if args.election is not None:
        return builtin(args.election)
    if args.election_file is not None:
        return election_from_110a(args.election_file)
    if args.seats is None or args.date is None:
        sys.stderr.write("fout: bij --gemeente horen ook --seats en --date\n")
        return None
    return municipal(args.gemeente, args.seats, args.date, args.cbs_code)


def _check_options(args: argparse.Namespace) -> None:
    """Every option from the command line within its bounds, before anything is built.

    Raises:
        InputError: a Dutch message naming the option (ADR 0034).
    """
    for option, value, limit in (
        ("--gemeente", args.gemeente, LIMITS["area"]),
        ("--cbs-code", args.cbs_code, LIMITS["identifier"]),
        ("--election", args.election, LIMITS["identifier"]),
    ):
        if value is not None:
            check_text(option, value, limit)
    if args.aanduiding is not None:
        problem = appellation_problem(" ".join(args.aanduiding.split()))
        if problem is not None:
            raise InputError(f"--aanduiding: {problem}")


def run(args: argparse.Namespace) -> int:
    """Create the project and say what to do next."""
    _check_options(args)
    if args.gemeente is None and (args.seats is not None or args.date is not None):
        sys.stderr.write("fout: --seats en --date horen alleen bij --gemeente\n")
        return EXIT_BAD_INPUT
    election = _election(args)
    if election is None:
        return EXIT_BAD_INPUT
    if args.blanco:
        party = Party(kind=AppellationKind.BLANK, previous_seats=args.vorige_zetels)
    else:
        appellation = " ".join(args.aanduiding.split())
        if not appellation:
            sys.stderr.write("fout: --aanduiding is leeg; gebruik --blanco voor een blanco lijst\n")
            return EXIT_BAD_INPUT
        party = Party(
            kind=AppellationKind.REGISTERED,
            appellation=appellation,
            previous_seats=args.vorige_zetels,
        )
    nomination = add_list(Nomination(election=election, party=party), FIRST_LIST)
    create_project(args.project, nomination)
    out = sys.stdout
    out.write(f"Project aangemaakt: {args.project}\n")
    out.write(f"  verkiezing: {election.name} ({election.identifier}), {election.seats} zetels\n")
    out.write(f"  aanduiding: {party.appellation or 'blanco lijst'}\n")
    kieskringen = ", ".join(k.number for k in election.kieskringen)
    out.write(f"  lijst: {FIRST_LIST} (kieskringen {kieskringen})\n")
    out.write(
        f"Volgende stap: kandidaat candidates import {args.project} KANDIDATEN.csv "
        f"--lijst {FIRST_LIST}\n"
    )
    return EXIT_OK
