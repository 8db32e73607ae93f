"""``kandidaat demo``: the main jobs on the embedded demo election.

First the party side: the fictitious party Demodorp Vooruit prepares its list
for the gemeenteraad of the fictitious municipality Demodorp. The demo creates
its project in a folder (default ``./demo-uitvoer/``, option ``--out``), runs
the checks and prints them, exports the EML 210 with its hash code and writes
the documents the party prints and signs (folder ``documenten``). Then it
shows the centraal stembureau's side in a few lines (three lists received
with their hash codes, examined, numbered with a lot, established as EML 230b;
folder ``csb``), and computes the seat distribution and the elected candidates
(17 seats) and prints the step-by-step report.

The demo also leaves the inputs the README's examples use in the same folder:
the candidate spreadsheet (``kandidaten_demodorp.csv``), the demo election
(``zetels_demodorp.json``) and a contest that needs a lot
(``zetels_loting.json``); the two JSON files are one line each, so they can be
concatenated into JSON Lines for ``kandidaat seats --json -``.
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.csb.demo import DEMO_DRAW, CsbDemo, run_demo_csb
from kandidaat.app.nomination.checking import findings_json, render_text
from kandidaat.app.nomination.demo_party import DEFAULT_FOLDER, DemoRun, run_demo_party
from kandidaat.app.seats.output_json import outcome_to_json
from kandidaat.app.seats.report_text import render
from kandidaat.app.seats.run import run_one
from kandidaat.common.atomic import write_text_atomically
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.deadlines import dutch_date

if TYPE_CHECKING:
    import argparse

DEMO_ELECTION = "gr_demodorp_2026.json"
LOT_EXAMPLE = "gr_lotdorp_loting.json"
DEMO_CANDIDATES = "kandidaten_demodorp_vooruit.csv"
EXAMPLE_FILES = {
    "kandidaten_demodorp.csv": DEMO_CANDIDATES,
    "zetels_demodorp.json": DEMO_ELECTION,
    "zetels_loting.json": LOT_EXAMPLE,
}
"""The example inputs the demo writes into its folder: name there -> embedded file."""


def _embedded_text(name: str) -> str:
    return resources.files("kandidaat.app.demo_data").joinpath(name).read_text(encoding="utf-8")


def write_example_inputs(folder: Path) -> tuple[Path, ...]:
    """Write the README's example inputs into ``folder`` (atomically; JSON on one line).

    Raises:
        InputError: a file cannot be written.
    """
    written = []
    for target, source in EXAMPLE_FILES.items():
        text = _embedded_text(source)
        if target.endswith(".json"):
            text = json.dumps(json.loads(text), ensure_ascii=False, separators=(", ", ": "))
        path = folder / target
        try:
            write_text_atomically(path, text.rstrip("\n") + "\n")
        except OSError as error:
            raise InputError(
                f"{path}: kan niet worden geschreven ({os_reason(error, Action.WRITE_FILE)})"
            ) from None
        written.append(path)
    return tuple(written)


def demo_election_text() -> str:
    """The JSON of the demo election, as shipped inside the package."""
    return _embedded_text(DEMO_ELECTION)


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


def _csb_text(demo: CsbDemo) -> str:
    """The centraal stembureau's side of the demo in a few Dutch lines."""
    lines = ["kandidaat demo: het centraal stembureau ontvangt, onderzoekt en stelt vast", ""]
    lines.append(f"Werkbestand: {demo.workspace}")
    lines.extend(
        f"  inlevering {item.number}: {item.appellation or 'blanco lijst'}, "
        f"{item.candidates} kandidaten, hashcode bevestigd"
        for item in demo.received
    )
    lines.append(f"Onderzoek: {demo.errors} fout(en), {demo.warnings} waarschuwing(en).")
    if demo.question:
        lines.append(demo.question)
        lines.append(f"  In de demo trekt de commissie inlevering {DEMO_DRAW} (--lot {DEMO_DRAW}).")
    lines.extend(
        f"  lijst {item.number}: {item.unit.label}" for item in demo.established.numbered.lists
    )
    lines.extend(f"{file.path}\n  hashcode: {file.hash_code}" for file in demo.established.files)
    lines.extend(str(document) for document in demo.established.documents)
    return "\n".join(lines) + "\n\n"


def _csb_json(demo: CsbDemo) -> dict[str, Any]:
    return {
        "workspace": str(demo.workspace),
        "received": [item.number for item in demo.received],
        "errors": demo.errors,
        "warnings": demo.warnings,
        "lot": demo.question,
        "numbers": [[item.number, item.unit.label] for item in demo.established.numbered.lists],
        "files": [{"path": str(f.path), "hash_code": f.hash_code} for f in demo.established.files],
    }


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
    csb = run_demo_csb(args.out)
    examples = write_example_inputs(args.out)
    contest_run = run_one(demo_election_text(), DEMO_ELECTION)
    if contest_run.outcome is None or contest_run.seats_input is None:
        sys.stderr.write(f"fout: {contest_run.error}\n")
        return 2
    if args.json:
        document = outcome_to_json(contest_run.outcome)
        document["nomination"] = _party_json(party)
        document["csb"] = _csb_json(csb)
        document["example_inputs"] = [str(path) for path in examples]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_party_text(party))
        sys.stdout.write(_csb_text(csb))
        sys.stdout.write(
            "Voorbeeldinvoer (zie README): " + ", ".join(str(p) for p in examples) + "\n\n"
        )
        sys.stdout.write("kandidaat demo: zetelverdeling van de demoverkiezing\n\n")
        sys.stdout.write(render(contest_run.outcome, contest_run.seats_input.contest))
    return 0
