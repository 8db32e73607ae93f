"""``kandidaat documents``: the official models as PDF, for printing and signing."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.commands.nomination_common import iso_date, new_parser, non_negative_int
from kandidaat.app.exitcodes import EXIT_FINDINGS, EXIT_OK
from kandidaat.app.nomination.documents import DocumentsRun, make_documents

if TYPE_CHECKING:
    import argparse


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add the ``documents`` subcommand."""
    parser = new_parser(
        subparsers,
        "documents",
        "maak de modellen (H 1, H 3, H 4, H 9, ...) als PDF om te printen en te tekenen",
        "Schrijft per lijst een map met de modellen die de partij inlevert (H 1, H 3-1 of "
        "H 3-2, H 4 per kieskring, H 9 per kandidaat, Y 13/Y 35 voor het Europees Parlement, "
        "de verklaring voorgenomen vestiging, een checklist), het EML 210-bestand en één "
        "PDF om alles in één keer te printen. Vindt de controle fouten, dan staat op elke "
        "pagina 'CONCEPT - niet inleveren'. Opnieuw maken vervangt alleen wat kandidaat "
        "zelf schreef: bestanden die u in de map zet (zoals een ondertekende scan), blijven "
        "staan. Uitgangscodes: 0 klaar om in te leveren, "
        "1 concept (fouten gevonden), 2 foute invoer.",
    )
    parser.add_argument("target", metavar="DOEL", type=Path, help="project of EML 210-bestand")
    parser.add_argument(
        "--out", type=Path, required=True, metavar="MAP", help="map voor de documenten"
    )
    parser.add_argument(
        "--election", type=Path, metavar="110a.xml", help="verkiezingsdefinitie (EML 110a)"
    )
    parser.add_argument(
        "--previous-seats",
        type=non_negative_int,
        metavar="N",
        help="zetels van de aanduiding bij de vorige verkiezing (H 4 lid 8, H 6 lid 2)",
    )
    parser.add_argument(
        "--today",
        type=iso_date,
        metavar="JJJJ-MM-DD",
        help="controleer alsof het die dag is (voor termijnen)",
    )
    parser.add_argument(
        "--datum",
        type=iso_date,
        metavar="JJJJ-MM-DD",
        help="datum op de stukken (standaard: laatste wijziging van het project)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Write the documents; exit 0 (ready), 1 (concept) or 2 (bad input, via the CLI)."""
    moment = (
        datetime(args.datum.year, args.datum.month, args.datum.day, tzinfo=UTC)
        if args.datum
        else None
    )
    result = make_documents(
        args.target,
        args.out,
        election_file=args.election,
        previous_seats=args.previous_seats,
        today=args.today,
        moment=moment,
    )
    sys.stdout.write(summary(result))
    return EXIT_FINDINGS if result.documents.concept else EXIT_OK


def summary(result: DocumentsRun) -> str:
    """What was written, in Dutch, and why it is a concept if it is one."""
    documents = result.documents
    lines = [f"Documenten in {documents.out_dir}:"]
    lines += [f"  {path.relative_to(documents.out_dir)}" for path in documents.files]
    lines.append(f"Alles in één keer printen: {documents.combined}")
    if documents.concept:
        lines.append("")
        lines.append("CONCEPT - niet inleveren. Op elke pagina staat dit merkteken, omdat:")
        lines += [f"  - {reason}" for reason in documents.reasons]
        errors = result.report.errors
        if errors:
            lines.append("De fouten:")
            lines += [f"  - [{finding.article}] {finding.message}" for finding in errors]
        lines.append("Los dit op (zie 'kandidaat check') en maak de documenten opnieuw.")
    else:
        lines.append("")
        lines.append(
            "De documenten zijn klaar om te printen. Papier is leidend: laat ze met de hand "
            "ondertekenen en lever ze in op de dag van kandidaatstelling. Verandert er daarna "
            "iets, print dan alles opnieuw."
        )
    return "\n".join(lines) + "\n"
