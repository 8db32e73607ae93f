"""``kandidaat party``: show or set the appellation, previous result, inleveraar and vervangers."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.commands.new import previous_seats
from kandidaat.app.commands.nomination_common import (
    GROUP_FORMAT,
    PERSON_FORMAT,
    group,
    new_parser,
    person,
)
from kandidaat.app.exitcodes import EXIT_OK
from kandidaat.app.nomination.list_edits import set_submitter
from kandidaat.app.nomination.project import load_project, update_project
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.model import AppellationKind
from kandidaat.domain.nomination.text_rules import appellation_problem

if TYPE_CHECKING:
    import argparse

    from kandidaat.domain.nomination.model import Nomination, Submitter


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add the ``party`` subcommand."""
    parser = new_parser(
        subparsers,
        "party",
        "toon of wijzig aanduiding, vorige uitslag, lijstinleveraar en vervangers",
        "Zonder opties toont dit de partijgegevens van het project. Een persoon schrijf je als "
        f"'{PERSON_FORMAT}' (tussenvoegsel mag leeg zijn). --vervanger is herhaalbaar en "
        "vervangt alle vervangers. Een groepering achter de aanduiding schrijf je als "
        f"'{GROUP_FORMAT}'; --groepering is herhaalbaar (twee of meer: samengevoegde "
        "aanduiding, model H 3-2) en vervangt alle groeperingen. "
        "Uitgangscodes: 0 klaar, 2 foute invoer.",
    )
    parser.add_argument("project", metavar="PROJECT", type=Path, help="het projectbestand")
    parser.add_argument("--aanduiding", metavar="TEKST", help="geregistreerde aanduiding (H 3)")
    parser.add_argument(
        "--vorige-zetels",
        type=previous_seats,
        metavar="N",
        help="zetels bij de vorige verkiezing",
    )
    parser.add_argument(
        "--groepering",
        type=group,
        action="append",
        metavar="GROEPERING",
        help="statutaire naam en gemachtigde (H 3-1, H 3-2); herhaalbaar",
    )
    parser.add_argument(
        "--inleveraar", type=person, metavar="PERSOON", help="de lijstinleveraar (H 1)"
    )
    parser.add_argument(
        "--vervanger",
        type=person,
        action="append",
        metavar="PERSOON",
        help="vervanger van de inleveraar (H 5); herhaalbaar",
    )
    parser.set_defaults(handler=run)


def _check_options(args: argparse.Namespace) -> None:
    """The appellation and the previous seats within bounds (ADR 0034).

    Raises:
        InputError: a Dutch message naming the option.
    """
    if args.aanduiding is not None:
        problem = appellation_problem(" ".join(args.aanduiding.split()))
        if problem is not None:
            raise InputError(f"--aanduiding: {problem}")


def _change(args: argparse.Namespace, nomination: Nomination) -> Nomination:
    changed = set_submitter(nomination, args.inleveraar, args.vervanger)
    party = changed.party
    if args.aanduiding is not None:
        appellation = " ".join(args.aanduiding.split())
        kind = party.kind if party.kind is not AppellationKind.BLANK else AppellationKind.REGISTERED
        party = dataclasses.replace(party, appellation=appellation, kind=kind)
        if not appellation:
            party = dataclasses.replace(party, kind=AppellationKind.BLANK)
    if args.vorige_zetels is not None:
        party = dataclasses.replace(party, previous_seats=args.vorige_zetels)
    if args.groepering is not None:
        party = dataclasses.replace(party, groups=tuple(args.groepering))
        if party.kind is not AppellationKind.BLANK:
            combined = len(party.groups) > 1
            kind = AppellationKind.COMBINED if combined else AppellationKind.REGISTERED
            party = dataclasses.replace(party, kind=kind)
    return dataclasses.replace(changed, party=party)


def _person_line(role: str, who: Submitter) -> str:
    address = ", ".join(who.address.lines()) or "(geen adres)"
    return f"  {role}: {who.ballot_name}, {address}\n"


def run(args: argparse.Namespace) -> int:
    """Show the party, after applying any changes asked for."""
    _check_options(args)
    asked = (args.aanduiding, args.vorige_zetels, args.groepering, args.inleveraar, args.vervanger)
    if any(value is not None for value in asked):
        nomination = update_project(args.project, lambda n: _change(args, n))
    else:
        nomination = load_project(args.project)
    party = nomination.party
    out = sys.stdout
    out.write(f"Partij in {args.project.name}:\n")
    out.write(f"  aanduiding: {party.appellation or 'blanco lijst'} ({party.kind.value})\n")
    previous = "onbekend" if party.previous_seats is None else str(party.previous_seats)
    out.write(f"  zetels bij de vorige verkiezing: {previous}\n")
    for number, item in enumerate(party.groups, start=1):
        seats = "" if item.previous_seats is None else f", vorige keer {item.previous_seats} zetels"
        out.write(
            f"  groepering {number}: {item.statutory_name}, gemachtigde {item.agent_name}{seats}\n"
        )
    if party.submitter is None:
        out.write("  lijstinleveraar: (nog niet ingevuld)\n")
    else:
        out.write(_person_line("lijstinleveraar", party.submitter))
    for number, substitute in enumerate(party.substitutes, start=1):
        out.write(_person_line(f"vervanger {number}", substitute))
    if not party.substitutes:
        out.write("  vervangers: (nog niet ingevuld)\n")
    return EXIT_OK
