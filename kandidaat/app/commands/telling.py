"""``kandidaat telling``: the count of a gemeentelijk stembureau, entered twice, to EML 510b."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.commands.nomination_common import add_help, iso_date
from kandidaat.app.count.aggregate import aggregate
from kandidaat.app.count.deciding import decide, investigate, open_session
from kandidaat.app.count.entering import enter
from kandidaat.app.count.entry_csv import read_figures
from kandidaat.app.count.exporting import NotReadyError, export
from kandidaat.app.count.log import read_log, render_log
from kandidaat.app.count.progress import overview, overview_json, render_overview
from kandidaat.app.count.setup import new_count
from kandidaat.app.count.table import station_table, table_csv
from kandidaat.app.exitcodes import EXIT_FINDINGS, EXIT_OK
from kandidaat.common.atomic import write_text_atomically
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.errors import KandidaatError
from kandidaat.store.count import CountWorkspace

if TYPE_CHECKING:
    from kandidaat.app.count.entering import EntryOutcome

_MAX_DIGITS = 9
_KINDS = {"onverklaard-verschil": "onverklaard verschil", "andere-fout": "andere fout"}


def _station(text: str) -> int:
    """A polling station number (at most 9 digits), with a Dutch error."""
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or len(value) > _MAX_DIGITS:
        raise argparse.ArgumentTypeError(
            f"{text[:40]!r} is geen stembureaunummer (een geheel getal van hoogstens 9 cijfers)"
        )
    return int(value)


def _slot(text: str) -> int:
    if text.strip() not in {"1", "2"}:
        raise argparse.ArgumentTypeError(f"{text[:40]!r}: kies 1 (eerste) of 2 (tweede invoer)")
    return int(text.strip())


def _sub(actions: Any, name: str, help_text: str, description: str) -> Any:  # noqa: ANN401 - argparse
    parser = actions.add_parser(name, help=help_text, description=description, add_help=False)
    add_help(parser)
    parser.add_argument("workspace", metavar="TELLING.tel", type=Path, help="het telbestand")
    return parser


def _coordinator(parser: Any, *, required: bool = True) -> None:  # noqa: ANN401 - argparse
    parser.add_argument(
        "--coordinator",
        required=required,
        metavar="NAAM",
        help="naam van de coördinator die dit vastlegt (komt in het logboek)",
    )


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add ``telling new|zitting|invoer|verschillen|besluit|export|log|onderzoek|tabel``."""
    parser = subparsers.add_parser(
        "telling",
        help="telling: processen-verbaal twee keer invoeren en naar EML 510b",
        description=(
            "Het telbestand (.tel) van een gemeentelijk stembureau: de processen-verbaal van "
            "de stembureaus worden door twee verschillende invoerders ingevoerd; alleen waar "
            "ze verschillen beslist de coördinator. Pas als elk stembureau twee keer gelijk is "
            "ingevoerd, schrijft 'export' de EML 510b. Alles komt in een logboek met een "
            "SHA-256-keten. Uitgangscodes: 0 klaar, 1 bevindingen, 2 foute invoer. Het "
            "CSV-formaat staat in docs/telling.md."
        ),
        add_help=False,
    )
    add_help(parser)
    actions = parser.add_subparsers(dest="telling_action", metavar="ACTIE", required=True)

    new = _sub(
        actions, "new", "maak een telbestand", "Maakt een telbestand van de 110a, 110b en 230b."
    )
    new.add_argument(
        "--election",
        required=True,
        type=Path,
        metavar="110a.eml.xml",
        help="de verkiezingsdefinitie (EML 110a)",
    )
    new.add_argument(
        "--stembureaus",
        required=True,
        type=Path,
        metavar="110b.eml.xml",
        help="de stembureaulijst van de gemeente (EML 110b)",
    )
    new.add_argument(
        "--lijsten",
        required=True,
        type=Path,
        metavar="230b.eml.xml",
        help="de kandidatenlijsten (EML 230b)",
    )
    _coordinator(new)
    new.set_defaults(handler=_run_new)

    session = _sub(
        actions,
        "zitting",
        "leg een zitting vast",
        "Legt een zitting van het gemeentelijk stembureau vast: datum, plaats en de "
        "aanwezige leden. Invoer hoort daarna bij deze zitting.",
    )
    session.add_argument(
        "--datum", required=True, type=iso_date, metavar="JJJJ-MM-DD", help="datum van de zitting"
    )
    session.add_argument("--plaats", required=True, metavar="PLAATS", help="plaats van de zitting")
    session.add_argument(
        "--lid",
        action="append",
        default=[],
        metavar="NAAM",
        help="een aanwezig lid (herhaal voor elk lid)",
    )
    session.add_argument(
        "--reden",
        default="",
        metavar="TEKST",
        help="waarom deze zitting (standaard: eerste zitting)",
    )
    _coordinator(session)
    session.set_defaults(handler=_run_session)

    entry = _sub(
        actions,
        "invoer",
        "voer het proces-verbaal van één stembureau in",
        "Voert de cijfers van het proces-verbaal van één stembureau in uit een CSV "
        "(docs/telling.md). Fouten houden de invoer tegen (uitgangscode 1); elke "
        "waarschuwing moet na controle met --bevestig CODE worden bevestigd. Invoer 1 "
        "en 2 doen twee verschillende invoerders.",
    )
    entry.add_argument(
        "--stembureau",
        required=True,
        type=_station,
        metavar="N",
        help="nummer van het stembureau (zoals in de 110b)",
    )
    entry.add_argument(
        "--invoer", required=True, type=_slot, metavar="1|2", help="eerste of tweede invoer"
    )
    entry.add_argument("--invoerder", required=True, metavar="NAAM", help="wie invoert")
    entry.add_argument(
        "--csv", required=True, type=Path, metavar="BESTAND", help="de cijfers als CSV"
    )
    entry.add_argument(
        "--bevestig",
        action="append",
        default=[],
        metavar="CODE",
        help="bevestig een waarschuwing na controle met het papier",
    )
    entry.set_defaults(handler=_run_entry)

    differences = _sub(
        actions,
        "verschillen",
        "toon wat verschilt en wat ontbreekt",
        "Toont per stembureau dat nog niet klaar is wat ontbreekt en waar invoer "
        "1 en 2 verschillen. Uitgangscode 0 als alles klaar is, anders 1.",
    )
    differences.add_argument("--json", action="store_true", help="de stand als JSON")
    differences.set_defaults(handler=_run_differences)

    decision = _sub(
        actions,
        "besluit",
        "beslis over twee verschillende invoeren",
        "De coördinator vergelijkt de verschillen met het papieren proces-verbaal "
        "en houdt invoer 1 of 2 (de andere wordt opnieuw ingevoerd, door een andere "
        "invoerder dan die van de gehouden invoer), of laat beide opnieuw doen.",
    )
    decision.add_argument(
        "--stembureau", required=True, type=_station, metavar="N", help="nummer van het stembureau"
    )
    decision.add_argument(
        "--houd", required=True, choices=("1", "2", "opnieuw"), help="1, 2 of opnieuw"
    )
    _coordinator(decision)
    decision.set_defaults(handler=_run_decision)

    out = _sub(
        actions,
        "export",
        "schrijf de EML 510b",
        "Schrijft de telling als EML 510b (canoniek, met hashcode) in MAP, met ernaast het "
        "proces-verbaal van het gemeentelijk stembureau (model Na 31-1, PDF). Geweigerd "
        "(uitgangscode 1) zolang een stembureau niet twee keer gelijk is ingevoerd.",
    )
    out.add_argument("--out", required=True, type=Path, metavar="MAP", help="de map")
    _coordinator(out, required=False)
    out.set_defaults(handler=_run_export)

    log = _sub(actions, "log", "toon het logboek", "Toont het logboek en of de keten klopt.")
    log.set_defaults(handler=_run_log)
    _register_later(actions)
    _register_aggregate(actions)


def _register_aggregate(actions: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add ``telling optellen``: 510b files added up to a 510c or 510d."""
    parser = actions.add_parser(
        "optellen",
        help="tel de 510b van de gemeenten op tot een 510c of 510d",
        description=(
            "Telt de EML 510b-bestanden van de gemeenten op: --niveau hsb geeft de 510c van "
            "een kieskring (het hoofdstembureau), --niveau csb de 510d van een verkiezing met "
            "één kieskring (het centraal stembureau). Elke gemeente wordt één eenheid met de "
            "totalen van haar bestand; elk bestand wordt eerst gecontroleerd zoals 'kandidaat "
            "eml check'. Uitgangscodes: 0 geschreven, 2 foute invoer (er is dan niets "
            "geschreven)."
        ),
        add_help=False,
    )
    add_help(parser)
    parser.add_argument("files", nargs="+", type=Path, metavar="510b", help="de 510b-bestanden")
    parser.add_argument("--niveau", required=True, choices=("hsb", "csb"), help="hsb of csb")
    parser.add_argument("--out", required=True, type=Path, metavar="MAP", help="de map")
    parser.add_argument(
        "--totaallijsten",
        type=Path,
        metavar="230c",
        help="de EML 230c: dan de 510c van alle kieskringen optellen tot de 510d",
    )
    parser.add_argument(
        "--datum",
        type=iso_date,
        metavar="JJJJ-MM-DD",
        help="datum in het bestand (standaard: vandaag)",
    )
    parser.set_defaults(handler=_run_aggregate)


def _run_aggregate(args: argparse.Namespace) -> int:
    day = args.datum or datetime.now().astimezone().date()
    written = aggregate(
        args.files, args.out, level=args.niveau, day=day, totaallijsten=args.totaallijsten
    )
    sys.stdout.write(
        f"EML {written.message_id} geschreven: {written.path} "
        f"({len(written.municipalities)} gemeente(n))\n"
        f"  hashcode: {written.hash_code}\n"
    )
    return EXIT_OK


def _register_later(actions: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add ``telling onderzoek`` and ``telling tabel``."""
    research = _sub(
        actions,
        "onderzoek",
        "heropen een vastgesteld stembureau in een latere zitting",
        "Heropent een stembureau waarvan beide invoeren gelijk zijn, voor een onderzoek of "
        "hertelling in een latere zitting (leg die eerst vast met 'zitting'). Het eerdere "
        "resultaat blijft bewaard met de reden; het stembureau wordt opnieuw twee keer "
        "ingevoerd en 'tabel' toont wat er veranderde.",
    )
    research.add_argument("--stembureau", required=True, type=_station, metavar="N", help="nummer")
    research.add_argument("--reden", required=True, metavar="TEKST", help="waarom")
    research.add_argument(
        "--soort",
        required=True,
        choices=tuple(_KINDS),
        help="onverklaard-verschil of andere-fout (komt in de 510b)",
    )
    _coordinator(research)
    research.set_defaults(handler=_run_research)

    table = _sub(
        actions,
        "tabel",
        "tabel van alle stembureaus voor de commissie",
        "Eén regel per stembureau: status, invoerders, D, H, blanco, ongeldig, de "
        "lijsttotalen, waar invoer 1 en 2 verschilden en wat een onderzoek veranderde. Als "
        "CSV (;) op het scherm of met --csv in een bestand.",
    )
    table.add_argument("--csv", type=Path, metavar="BESTAND", help="schrijf de tabel hierin")
    table.set_defaults(handler=_run_table)


def _run_research(args: argparse.Namespace) -> int:
    with CountWorkspace.open(args.workspace) as workspace:
        session = investigate(
            workspace, args.stembureau, args.reden, args.coordinator, _KINDS[args.soort]
        )
    sys.stdout.write(
        f"Stembureau {args.stembureau} heropend in zitting {session}; het eerdere resultaat "
        "is bewaard. Voer het opnieuw twee keer in.\n"
    )
    return EXIT_OK


def _run_table(args: argparse.Namespace) -> int:
    with CountWorkspace.open(args.workspace) as workspace:
        text = table_csv(station_table(workspace))
    if args.csv is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_text_atomically(args.csv, text)
    except OSError as error:
        raise KandidaatError(
            f"--csv: kan {args.csv} niet schrijven ({os_reason(error, Action.WRITE_FILE)})"
        ) from None
    sys.stdout.write(f"Tabel geschreven: {args.csv}\n")
    return EXIT_OK


def _run_new(args: argparse.Namespace) -> int:
    with new_count(
        args.workspace, args.election, args.stembureaus, args.lijsten, args.coordinator
    ) as workspace:
        election = workspace.election()
        stations = len(workspace.stations())
        lists = len(workspace.layout().lists)
    sys.stdout.write(
        f"{args.workspace.name} aangemaakt voor {election[0].name} ({election[0].id}), "
        f"gemeente {election[2][1]}: {stations} stembureau(s), {lists} lijst(en).\n"
    )
    return EXIT_OK


def _run_session(args: argparse.Namespace) -> int:
    with CountWorkspace.open(args.workspace) as workspace:
        number = open_session(
            workspace, args.datum, args.plaats, args.lid, args.reden, args.coordinator
        )
    sys.stdout.write(f"Zitting {number} vastgelegd: {args.datum:%d-%m-%Y}, {args.plaats}.\n")
    return EXIT_OK


def _report_entry(outcome: EntryOutcome) -> int:
    where = f"stembureau {outcome.station}, invoer {outcome.slot}"
    if outcome.errors:
        sys.stdout.write(f"{where}: {len(outcome.errors)} fout(en); er is niets opgeslagen.\n")
        for finding in outcome.errors:
            sys.stdout.write(f"  fout [{finding.code}] {finding.field}: {finding.message}\n")
        sys.stdout.write(
            "Neem het proces-verbaal opnieuw over; staat de fout ook op het papier, "
            "meld het de coördinator.\n"
        )
        return EXIT_FINDINGS
    if outcome.unconfirmed:
        sys.stdout.write(
            f"{where}: {len(outcome.unconfirmed)} waarschuwing(en); er is niets opgeslagen.\n"
        )
        for finding in outcome.unconfirmed:
            sys.stdout.write(
                f"  waarschuwing [{finding.code}] {finding.field}: {finding.message}\n"
            )
        sys.stdout.write(
            "Controleer met het papier; klopt het, bevestig dan elke waarschuwing met "
            "--bevestig CODE.\n"
        )
        return EXIT_FINDINGS
    sys.stdout.write(f"{where} opgeslagen.\n")
    if outcome.differing == 0:
        sys.stdout.write("De twee invoeren zijn gelijk: dit stembureau is klaar.\n")
    elif outcome.differing is not None:
        sys.stdout.write(
            f"De twee invoeren verschillen op {outcome.differing} veld(en); de coördinator "
            "beslist ('kandidaat telling verschillen').\n"
        )
    return EXIT_OK


def _run_entry(args: argparse.Namespace) -> int:
    with CountWorkspace.open(args.workspace) as workspace:
        figures = read_figures(args.csv, workspace.layout())
        outcome = enter(
            workspace, args.stembureau, args.invoer, args.invoerder, figures, args.bevestig
        )
    return _report_entry(outcome)


def _run_differences(args: argparse.Namespace) -> int:
    with CountWorkspace.open(args.workspace) as workspace:
        report = overview(workspace)
    if args.json:
        sys.stdout.write(json.dumps(overview_json(report), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_overview(report))
    return EXIT_OK if report.complete else EXIT_FINDINGS


def _run_decision(args: argparse.Namespace) -> int:
    with CountWorkspace.open(args.workspace) as workspace:
        count = decide(workspace, args.stembureau, args.houd, args.coordinator)
    kept = {
        "1": "invoer 1 gehouden; invoer 2 wordt opnieuw gedaan",
        "2": "invoer 2 gehouden; invoer 1 wordt opnieuw gedaan",
        "opnieuw": "beide invoeren worden opnieuw gedaan",
    }[args.houd]
    sys.stdout.write(
        f"Besluit over stembureau {args.stembureau} vastgelegd ({count} verschil(len)): {kept}.\n"
    )
    return EXIT_OK


def _run_export(args: argparse.Namespace) -> int:
    with CountWorkspace.open(args.workspace) as workspace:
        try:
            written = export(workspace, args.out, args.coordinator)
        except NotReadyError as error:
            sys.stderr.write(f"fout: {error.message}\n")
            return EXIT_FINDINGS
    if written.proces_verbaal is not None:  # first: the hash code stays the last line
        sys.stdout.write(f"Proces-verbaal (model Na 31-1) geschreven: {written.proces_verbaal}\n")
    sys.stdout.write(
        f"EML 510b geschreven: {written.path}\nHashcode (SHA-256): {written.hash_code}\n"
    )
    return EXIT_OK


def _run_log(args: argparse.Namespace) -> int:
    report = read_log(args.workspace)
    sys.stdout.write(render_log(report))
    return EXIT_OK if report.intact else EXIT_FINDINGS
