"""``kandidaat-scan``: scan installers and build output for leaked secrets.

Exit codes: 0 clean, 1 findings, 2 when the input (or a part of it) could not be
scanned, or the allowlist or the canary file is refused. The text report is Dutch;
``--json`` prints one JSON object.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kandidaat.common.dutch_argparse import DutchArgumentParser
from kandidaat.common.guarded_main import run_guarded
from kandidaat.common.os_reasons import Action, os_reason
from signing.scan.allowlist import DEFAULT_ALLOWLIST, Allowlist, load_allowlist
from signing.scan.canaries import canaries_from_environment, read_canary_file
from signing.scan.model import Limits, ScanError
from signing.scan.rules import DESCRIPTIONS
from signing.scan.scanner import EXIT_ERROR, ScanOptions, ScanReport, scan_paths

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``kandidaat-scan``."""
    parser = DutchArgumentParser(
        prog="kandidaat-scan",
        description=(
            "Zoekt in installatiebestanden en bouwresultaten naar gelekte geheimen: "
            "privésleutels, wachtwoorden, tokens, netwerkpaden, interne hostnamen, "
            "thuismappen van de bouwer en kanaries. Opent mappen, tar, zip, .deb, "
            "PyInstaller-programma's (CArchive en PYZ) en .pyc-bestanden. "
            "Uitgangscodes: 0 schoon, 1 bevindingen, 2 niet (volledig) te scannen."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PAD", type=Path, help="bestand of map")
    parser.add_argument("--json", action="store_true", help="het rapport als JSON")
    parser.add_argument(
        "--allowlist",
        type=Path,
        metavar="BESTAND",
        default=DEFAULT_ALLOWLIST,
        help="allowlist (TOML, elke regel met een reden); standaard signing/allowlist.toml",
    )
    parser.add_argument(
        "--canary-file", type=Path, metavar="BESTAND", help="kanaries, één per regel"
    )
    parser.add_argument(
        "--host-user",
        action="append",
        default=[],
        metavar="NAAM",
        help="gebruikersnaam van de bouwer",
    )
    parser.add_argument(
        "--home", action="append", default=[], metavar="MAP", help="thuismap van de bouwer"
    )
    defaults = Limits()
    parser.add_argument(
        "--max-total-bytes",
        type=int,
        default=defaults.max_total_bytes,
        metavar="N",
        help="hoeveel bytes er samen uitgepakt mogen worden",
    )
    parser.add_argument(
        "--max-depth",
        type=int,
        default=defaults.max_depth,
        metavar="N",
        help="hoe diep archieven genest mogen zijn",
    )
    parser.add_argument(
        "--max-members",
        type=int,
        default=defaults.max_members,
        metavar="N",
        help="hoeveel onderdelen er samen geopend mogen worden",
    )
    return parser


def options_from(args: argparse.Namespace) -> ScanOptions:
    """Turn the parsed arguments into scan options (reads the allowlist and canaries)."""
    allowlist = (
        load_allowlist(args.allowlist, frozenset(DESCRIPTIONS))
        if args.allowlist is not None
        else Allowlist()
    )
    canaries = canaries_from_environment()
    if args.canary_file is not None:
        canaries += read_canary_file(args.canary_file)
    limits = Limits(
        max_total_bytes=args.max_total_bytes,
        max_member_bytes=min(Limits().max_member_bytes, args.max_total_bytes),
        max_depth=args.max_depth,
        max_members=args.max_members,
    )
    homes = tuple(str(home).rstrip("/") for home in args.home)
    return ScanOptions(canaries, tuple(args.host_user), homes, allowlist, limits)


def format_report(report: ScanReport) -> str:
    """The Dutch text report."""
    lines = [
        f"kandidaat-scan: {report.files} bestand(en), {report.members} onderdelen in archieven, "
        f"{report.bytes_scanned / 1e6:.1f} MB gescand".replace(".", ",", 1)
    ]
    for finding in report.findings:
        where = f" (positie {finding.offset})" if finding.offset is not None else ""
        lines.extend(
            (
                f"BEVINDING [{finding.rule}] {finding.description}",
                f"  plaats: {finding.location}{where}",
                f"  uittreksel: {finding.excerpt}",
            )
        )
    lines.extend(f"NIET GESCAND {p.location}: {p.message}" for p in report.problems)
    if report.allowed:
        lines.append(f"{report.allowed} treffer(s) toegestaan door de allowlist (met reden).")
    code = report.exit_code
    if report.files == 0:
        verdict = "niets gescand: geen enkel bestand gevonden"
        code = EXIT_ERROR
    elif report.problems:
        verdict = "niet volledig gescand: het resultaat is onbetrouwbaar"
    elif report.findings:
        verdict = f"{len(report.findings)} bevinding(en): dit mag zo niet worden uitgebracht"
    else:
        verdict = "schoon: niets gevonden"
    lines.append(f"Uitslag: {verdict} (uitgangscode {code}).")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kandidaat-scan`` and return its exit code (141 on a closed pipe, 4 on a bug)."""
    return run_guarded("kandidaat-scan", _main, argv)


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        options = options_from(args)
    except ScanError as error:
        sys.stderr.write(f"kandidaat-scan: fout: {error}\n")
        return EXIT_ERROR
    try:
        report = scan_paths(list(args.paths), options)
    except OSError as error:
        name = str(error.filename or "")[:200]
        sys.stderr.write(
            f"kandidaat-scan: fout: {name}: kan niet worden gelezen "
            f"({os_reason(error, Action.READ_FILE)})\n"
        )
        return EXIT_ERROR
    if args.json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_report(report))
    if report.files == 0:
        # Nothing scanned is no evidence of "clean": an empty folder or a wrong path.
        sys.stderr.write(
            "kandidaat-scan: fout: er is geen enkel bestand gescand; "
            "controleer het pad (een lege map is geen schone uitgave)\n"
        )
        return EXIT_ERROR
    return report.exit_code
