"""``kandidaat list``: add, show and change the candidate lists of a project.

Every change is saved in one transaction; bad input leaves the project as it was.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.commands.nomination_common import add_help
from kandidaat.app.exitcodes import EXIT_OK
from kandidaat.app.nomination.eml_files import read_210
from kandidaat.app.nomination.list_edits import (
    add_list,
    copy_list,
    find_list,
    move_candidate,
    remove_list,
    set_kieskringen,
)
from kandidaat.app.nomination.project import load_project, update_project
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.text_rules import count_from_text

if TYPE_CHECKING:
    from kandidaat.domain.nomination.model import CandidateList, Nomination


MAX_POSITION = 1_000
"""No list is longer (Kieswet art. H 6 allows at most 80 candidates)."""


def position(text: str) -> int:
    """A place on a list, 1 to 1000, with a Dutch error (digits counted before int())."""
    try:
        return count_from_text(text, 1, MAX_POSITION)
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add ``list add|show|kieskringen|move|copy|remove|import``."""
    parser = subparsers.add_parser(
        "list",
        help="maak, toon en wijzig kandidatenlijsten",
        description=(
            "Kandidatenlijsten van een project. Elke wijziging wordt in één keer opgeslagen; "
            "bij foute invoer blijft het project ongewijzigd. Uitgangscodes: 0 klaar, "
            "2 foute invoer."
        ),
        add_help=False,
    )
    add_help(parser)
    actions = parser.add_subparsers(dest="list_action", metavar="ACTIE", required=True)

    add = _action(actions, "add", "maak een nieuwe, lege lijst")
    add.add_argument("key", metavar="LIJST", help="naam (sleutel) van de nieuwe lijst")
    add.add_argument(
        "--kieskring",
        action="append",
        metavar="NR",
        help="kieskring van de lijst; herhaalbaar (standaard: alle kieskringen)",
    )
    add.add_argument(
        "--geslacht-tonen", action="store_true", help="toon (m)/(v) achter de namen (Kb H 2 lid 4)"
    )
    add.add_argument("--taal", choices=("nl", "fy"), default="nl", help="nl of fy (Fryslân)")
    add.set_defaults(handler=run_add)

    show = _action(actions, "show", "toon de lijsten, of de kandidaten van één lijst")
    show.add_argument("key", metavar="LIJST", nargs="?", help="toon de kandidaten van deze lijst")
    show.set_defaults(handler=run_show)

    kieskringen = _action(actions, "kieskringen", "kies de kieskringen van een lijst (H 2)")
    kieskringen.add_argument("key", metavar="LIJST", help="naam of nummer van de lijst")
    kieskringen.add_argument("numbers", metavar="NR", nargs="+", help="kieskringnummers")
    kieskringen.set_defaults(handler=run_kieskringen)

    move = _action(actions, "move", "verplaats een kandidaat op de lijst (H 6 lid 1)")
    move.add_argument("key", metavar="LIJST", help="naam of nummer van de lijst")
    move.add_argument(
        "position", metavar="POSITIE", type=position, help="huidige plaats van de kandidaat"
    )
    move.add_argument(
        "to", metavar="NIEUWE_POSITIE", type=position, help="nieuwe plaats van de kandidaat"
    )
    move.set_defaults(handler=run_move)

    copy = _action(actions, "copy", "kopieer een lijst (zelfde kandidaten) voor andere kieskringen")
    copy.add_argument("key", metavar="LIJST", help="naam of nummer van de lijst die u kopieert")
    copy.add_argument("new_key", metavar="NIEUWE_LIJST", help="naam van de nieuwe lijst")
    copy.add_argument("--kieskring", action="append", metavar="NR", help="herhaalbaar")
    copy.set_defaults(handler=run_copy)

    remove = _action(
        actions, "remove", "verwijder een lijst (de personen blijven in het adresboek)"
    )
    remove.add_argument("key", metavar="LIJST", help="naam of nummer van de lijst die vervalt")
    remove.set_defaults(handler=run_remove)

    do_import = _action(
        actions,
        "import",
        "lees een EML 210-bestand (van kandidaat, OSV2020 of e-KS) in als lijst van het project",
    )
    do_import.add_argument("file", metavar="BESTAND", type=Path, help="EML 210-bestand")
    do_import.set_defaults(handler=run_import)


def _action(actions: Any, name: str, help_text: str) -> argparse.ArgumentParser:  # noqa: ANN401 - argparse's private type
    parser: argparse.ArgumentParser = actions.add_parser(
        name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".", add_help=False
    )
    add_help(parser)
    parser.add_argument("project", metavar="PROJECT", type=Path, help="het projectbestand")
    return parser


def _describe(nomination: Nomination, candidate_list: CandidateList) -> str:
    names = {k.number: k.name for k in nomination.election.kieskringen}
    kieskringen = ", ".join(f"{n} {names.get(n, '')}".strip() for n in candidate_list.kieskringen)
    extra = []
    if candidate_list.publish_gender:
        extra.append("geslacht getoond")
    if candidate_list.language != "nl":
        extra.append(f"taal {candidate_list.language}")
    suffix = f"; {', '.join(extra)}" if extra else ""
    return (
        f"{candidate_list.key}: {len(candidate_list.candidates)} kandidaten; "
        f"kieskringen {kieskringen or '(geen)'}{suffix}"
    )


def run_add(args: argparse.Namespace) -> int:
    """Add an empty list."""
    nomination = update_project(
        args.project,
        lambda n: add_list(
            n, args.key, args.kieskring, publish_gender=args.geslacht_tonen, language=args.taal
        ),
    )
    sys.stdout.write(
        f"Lijst toegevoegd: {_describe(nomination, find_list(nomination, args.key))}\n"
    )
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    """Print the lists, or the candidates of one list in order."""
    nomination = load_project(args.project)
    if args.key is None:
        if not nomination.lists:
            sys.stdout.write("Dit project heeft nog geen kandidatenlijst.\n")
        for candidate_list in nomination.lists:
            sys.stdout.write(_describe(nomination, candidate_list) + "\n")
        return EXIT_OK
    candidate_list = find_list(nomination, args.key)
    sys.stdout.write(_describe(nomination, candidate_list) + "\n")
    for position, candidate in enumerate(nomination.candidates_of(candidate_list), start=1):
        born = candidate.date_of_birth.isoformat() if candidate.date_of_birth else "?"
        place = candidate.locality
        if candidate.lives_abroad:
            place += f" ({candidate.country_code})"
        sys.stdout.write(
            f"  {position:>3}. {candidate.display_name}, {born}, {place} [{candidate.key}]\n"
        )
    return EXIT_OK


def run_kieskringen(args: argparse.Namespace) -> int:
    """Choose the kieskringen of a list."""
    nomination = update_project(args.project, lambda n: set_kieskringen(n, args.key, args.numbers))
    sys.stdout.write(f"Gewijzigd: {_describe(nomination, find_list(nomination, args.key))}\n")
    return EXIT_OK


def run_move(args: argparse.Namespace) -> int:
    """Move one candidate."""
    nomination = update_project(
        args.project, lambda n: move_candidate(n, args.key, args.position, args.to)
    )
    moved = nomination.candidate(find_list(nomination, args.key).candidates[args.to - 1])
    sys.stdout.write(f"{moved.display_name} staat nu op positie {args.to} van lijst {args.key}\n")
    return EXIT_OK


def run_copy(args: argparse.Namespace) -> int:
    """Copy a list for other kieskringen."""
    nomination = update_project(
        args.project, lambda n: copy_list(n, args.key, args.new_key, args.kieskring)
    )
    sys.stdout.write(
        f"Lijst gekopieerd: {_describe(nomination, find_list(nomination, args.new_key))}\n"
    )
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    """Remove a list."""
    update_project(args.project, lambda n: remove_list(n, args.key))
    sys.stdout.write(f"Lijst {args.key} verwijderd (de personen blijven in het adresboek)\n")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    """Read a 210 into the project: persons merged, the list for its kieskringen replaced."""
    before = {lst.key for lst in load_project(args.project).lists}
    nomination = update_project(args.project, lambda n: read_210(args.file, base=n))
    for candidate_list in nomination.lists:
        if candidate_list.key not in before:
            sys.stdout.write(f"Lijst toegevoegd: {_describe(nomination, candidate_list)}\n")
        else:
            sys.stdout.write(f"Lijst: {_describe(nomination, candidate_list)}\n")
    return EXIT_OK
