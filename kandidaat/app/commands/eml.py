"""``kandidaat eml``: check, show and hash EML_NL files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.eml.check import check_files
from kandidaat.app.eml.show import summarize
from kandidaat.app.exitcodes import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK
from kandidaat.eml.canonical import hash_file
from kandidaat.eml.documents import message_type, read_tree
from kandidaat.eml.safe_xml import parse_file
from kandidaat.eml.schema import SchemaSet

if TYPE_CHECKING:
    import argparse


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add ``eml check``, ``eml show`` and ``eml hash``."""
    parser = subparsers.add_parser(
        "eml", help="controleer, toon en hash EML_NL-bestanden", add_help=False
    )
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    actions = parser.add_subparsers(dest="eml_action", metavar="ACTIE", required=True)

    check = actions.add_parser(
        "check",
        help="controleer bestanden (structuur, schema, tellingen)",
        description=(
            "Controleert EML_NL-bestanden: leesbaar en veilig, de structuur, het officiële "
            "XSD-schema (met --xsd), de verkiezingsdefinitie (zetels, subcategorie, "
            "voorkeurdrempel), kandidatenlijsten, stembureaulijsten (110b) en voor tellingen "
            "of alles optelt en klopt met de kandidatenlijsten (geef het 230b-bestand mee; "
            "lijsten die bij geen telling horen zijn een bevinding). Uitgangscodes: 0 in "
            "orde, 1 bevindingen, 2 onleesbaar."
        ),
        add_help=False,
    )
    check.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    check.add_argument(
        "files", nargs="+", metavar="BESTAND", type=Path, help="een of meer EML-bestanden"
    )
    check.add_argument("--xsd", type=Path, metavar="MAP", help="map met de officiële XSD's")
    check.add_argument("--json", action="store_true", help="bevindingen als JSON")
    check.set_defaults(handler=run_check)

    show = actions.add_parser("show", help="vat een bestand samen", add_help=False)
    show.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    show.add_argument("file", metavar="BESTAND", type=Path, help="het EML-bestand")
    show.set_defaults(handler=run_show)

    hashing = actions.add_parser(
        "hash", help="toon de hashcode zoals op de formulieren", add_help=False
    )
    hashing.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    hashing.add_argument("file", metavar="BESTAND", type=Path, help="het EML-bestand")
    hashing.set_defaults(handler=run_hash)


def run_check(args: argparse.Namespace) -> int:
    """Check files and print findings; exit 0, 1 or 2."""
    schemas = SchemaSet(args.xsd) if args.xsd is not None else None
    if args.xsd is not None and not args.xsd.is_dir():
        sys.stderr.write(f"fout: --xsd {args.xsd}: map bestaat niet\n")
        return EXIT_BAD_INPUT
    results = check_files(list(args.files), schemas)
    if args.json:
        sys.stdout.write(json.dumps([r.to_json() for r in results], ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
    else:
        for result in results:
            name = result.path.name
            if result.unreadable:
                sys.stdout.write(f"{name}: ONLEESBAAR - {result.unreadable}\n")
                continue
            status = "in orde" if not result.findings else f"{len(result.findings)} bevinding(en)"
            sys.stdout.write(f"{name}: EML {result.message_id}, {status}\n")
            for finding in result.findings:
                where = f"regel {finding.line}: " if finding.line else ""
                sys.stdout.write(f"  [{finding.kind}] {where}{finding.message}\n")
    if any(r.unreadable for r in results):
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if any(r.findings for r in results) else EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    """Print a Dutch summary of one file."""
    tree = parse_file(args.file)
    kind = message_type(tree, args.file.name)
    document = read_tree(tree, args.file.name)
    sys.stdout.write(summarize(document, kind))
    report = hash_file(args.file)
    sys.stdout.write(f"Hashcode: {report.form_hash}\n")
    return EXIT_OK


def run_hash(args: argparse.Namespace) -> int:
    """Print the hash code as the forms show it, and whether the file is canonical."""
    report = hash_file(args.file)
    sys.stdout.write(f"Hashcode (SHA-256): {report.form_hash}\n")
    if report.is_canonical:
        sys.stdout.write(
            "Het bestand staat in canonieke vorm (C14N): de hashcode is overal gelijk.\n"
        )
    else:
        sys.stdout.write(
            "Het bestand staat niet in canonieke vorm (C14N).\n"
            f"  hashcode van de bytes:          {report.file_hash}\n"
            f"  hashcode van de canonieke vorm: {report.canonical_hash}\n"
        )
        if report.declares_canonicalization:
            sys.stdout.write(
                "  Het bestand vraagt om canonicalisatie: OSV toont de tweede, abacus de eerste.\n"
            )
    return EXIT_OK
