"""``kandidaat uitslag``: seats and elected candidates from the Kiesraad's count files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.exitcodes import EXIT_BAD_INPUT, EXIT_OK
from kandidaat.app.result.output import to_json, to_text
from kandidaat.app.result.run import ResultRun, compute
from kandidaat.domain.errors import KandidaatError

if TYPE_CHECKING:
    import argparse

CHECK_WORD = "controleer"


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add the ``uitslag`` subcommand."""
    parser = subparsers.add_parser(
        "uitslag",
        help="bereken de uitslag uit de tellingen (EML 510) van de Kiesraad",
        description=(
            "Leest de bestanden van één verkiezing zoals de Kiesraad ze publiceert: de "
            "verkiezingsdefinitie (110a, voor het aantal zetels), de kandidatenlijsten (230b) "
            "en de tellingen van gemeenten (510b), kieskringen (510c) en/of het centraal "
            "stembureau (510d). Telt de niveaus op en vergelijkt ze, en berekent de zetels en "
            "de gekozen kandidaten. 'kandidaat uitslag controleer BESTANDEN --gepubliceerd X' "
            "vergelijkt met een gepubliceerde uitslag. Uitgangscodes: 0 uitslag, 1 verschillen "
            "of bevindingen, 2 foute invoer, 3 loting nodig."
        ),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument("inputs", nargs="+", metavar="BESTAND", help="EML-bestanden")
    parser.add_argument("--json", action="store_true", help="geef de uitkomst als JSON")
    parser.add_argument(
        "--zetels", type=int, default=None, metavar="N", help="het aantal zetels (zonder 110a)"
    )
    parser.add_argument(
        "--lot",
        action="append",
        type=int,
        default=[],
        metavar="NUMMER",
        help="uitslag van een loting (lijst- of kandidaatnummer), in volgorde; herhaalbaar",
    )
    parser.add_argument(
        "--gepubliceerd",
        default=None,
        metavar="BESTAND",
        help="met 'controleer': de gepubliceerde uitslag (EML 520 of CSV)",
    )
    parser.add_argument(
        "--out",
        default=None,
        metavar="MAP",
        help=(
            "schrijf de uitslag als EML 520 (Resultaat_<verkiezing>.eml.xml) en het "
            "proces-verbaal (PDF): model P 22-1 voor TK, EP en PS met meer kieskringen, "
            "P 22-2 voor gemeenteraad, PS met één kieskring, waterschap en eilandsraad"
        ),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Compute the result and print the report or JSON."""
    inputs: list[str] = args.inputs
    published: str | None = args.gepubliceerd
    checking = inputs[0] == CHECK_WORD
    if checking:
        inputs = inputs[1:]
        if not inputs or published is None:
            sys.stderr.write(
                "fout: 'uitslag controleer' vraagt de bestanden en --gepubliceerd BESTAND\n"
            )
            return EXIT_BAD_INPUT
    elif published is not None:
        sys.stderr.write("fout: --gepubliceerd hoort bij 'kandidaat uitslag controleer'\n")
        return EXIT_BAD_INPUT
    result = compute([Path(p) for p in inputs], args.zetels, tuple(args.lot))
    if published is not None:
        from kandidaat.app.result.verify import verify  # noqa: PLC0415 - only for controleer

        return verify(result, Path(published), as_json=args.json)
    if args.out is not None and not result.errors:
        code = _write_out(result, Path(args.out))
        if code != EXIT_OK:
            return code
    if args.json:
        sys.stdout.write(json.dumps(to_json(result), ensure_ascii=False, indent=2) + "\n")
    elif result.errors:
        sys.stderr.write(to_text(result))
    else:
        sys.stdout.write(to_text(result))
    return result.exit_code


def _write_out(result: ResultRun, directory: Path) -> int:
    """Write the EML 520; a Dutch error and exit 2 when it cannot be written."""
    from kandidaat.app.result.write520 import (  # noqa: PLC0415 - only for --out
        proces_verbaal_model,
        write_proces_verbaal,
        write_result,
    )

    try:
        path, data = write_result(result, directory)
    except KandidaatError as error:
        sys.stderr.write(f"fout: {error.message}\n")
        return EXIT_BAD_INPUT
    sys.stderr.write(f"uitslag geschreven: {path}\n")
    if proces_verbaal_model(result) is not None:
        try:
            pdf = write_proces_verbaal(result, directory, path.name, data)
        except KandidaatError as error:
            sys.stderr.write(f"fout: {error.message}\n")
            return EXIT_BAD_INPUT
        sys.stderr.write(f"proces-verbaal geschreven: {pdf}\n")
    return EXIT_OK
