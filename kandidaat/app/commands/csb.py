"""``kandidaat csb``: the centraal stembureau's workspace: create, receive, examine, log."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from kandidaat.app.commands.nomination_common import add_help, iso_date, positive_int
from kandidaat.app.csb.checklist import checklist, record_documents
from kandidaat.app.csb.establish import establish
from kandidaat.app.csb.examining import examination_json, examine, render_examination
from kandidaat.app.csb.log import read_log, render_log
from kandidaat.app.csb.numbering import (
    late_note,
    late_numbers,
    number_submissions,
    numbering_json,
    render_numbering,
)
from kandidaat.app.csb.objections import (
    objections_json,
    read_objections,
    record_no_objections,
    record_objection,
    render_objections,
)
from kandidaat.app.csb.omission_letter import write_letter
from kandidaat.app.csb.omissions import (
    OmissionRequest,
    catalogue_text,
    omission_lines,
    omissions_json,
    record_omission,
    record_repair,
    render_omissions,
)
from kandidaat.app.csb.paper import PaperList, receive_paper, render_typed
from kandidaat.app.csb.receiving import receive
from kandidaat.app.csb.register import import_register
from kandidaat.app.csb.report_i1 import write_i1
from kandidaat.app.csb.support import import_support, render_support, support_json, support_tally
from kandidaat.app.csb.workspace import new_workspace
from kandidaat.app.exitcodes import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_LOTS_REQUIRED, EXIT_OK
from kandidaat.domain.csb.hashcode import shown_blanked
from kandidaat.domain.csb.numbering import NumberingLotRequired
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.findings import Severity
from kandidaat.store.csb import CsbWorkspace

_RECEIVED_FORMAT = "%Y-%m-%d %H:%M"
_MAX_ARGUMENT = 200


def _received(text: str) -> datetime:
    """A time of receipt written JJJJ-MM-DD UU:MM (local time), with a Dutch error."""
    try:
        return datetime.strptime(text.strip()[:_MAX_ARGUMENT], _RECEIVED_FORMAT)  # noqa: DTZ007 - local time as the committee writes it
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text[:40]!r} is geen tijdstip; schrijf 'JJJJ-MM-DD UU:MM', bijv. '2026-02-02 16:45'"
        ) from None


def _member(parser: Any, *, required: bool = True) -> None:  # noqa: ANN401 - argparse's private type
    parser.add_argument(
        "--lid",
        required=required,
        metavar="NAAM",
        help="naam van het lid van het centraal stembureau dat dit vastlegt (komt in het logboek)",
    )


def _sub(actions: Any, name: str, help_text: str, description: str) -> Any:  # noqa: ANN401 - argparse
    parser = actions.add_parser(name, help=help_text, description=description, add_help=False)
    add_help(parser)
    parser.add_argument("workspace", metavar="WERK.csb", type=Path, help="het CSB-werkbestand")
    return parser


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add ``csb new|log|register|import|examine``."""
    parser = subparsers.add_parser(
        "csb",
        help="centraal stembureau: lijsten ontvangen en onderzoeken",
        description=(
            "Het werkbestand (.csb) van een centraal stembureau: de verkiezing, het register van "
            "aanduidingen, elke ingeleverde lijst precies zoals ontvangen en een logboek met een "
            "SHA-256-keten. Elke wijziging vraagt --lid (wie het vastlegt). Uitgangscodes: "
            "0 klaar, 1 bevindingen, 2 foute invoer."
        ),
        add_help=False,
    )
    add_help(parser)
    actions = parser.add_subparsers(dest="csb_action", metavar="ACTIE", required=True)

    new = _sub(actions, "new", "maak een CSB-werkbestand", "Maakt een nieuw CSB-werkbestand.")
    new.add_argument(
        "--election",
        required=True,
        metavar="110a.eml.xml|ID",
        help="de verkiezing: een EML 110a-bestand of een ingebouwde verkiezing",
    )
    _member(new)
    new.set_defaults(handler=_run_new)

    log = _sub(
        actions,
        "log",
        "toon het logboek",
        "Toont het logboek en of de keten klopt; met --hashes ook de hash van elke regel (zoals "
        "de voettekst van het proces-verbaal I 1 die noemt).",
    )
    log.add_argument("--hashes", action="store_true", help="toon de hash van elke regel")
    log.set_defaults(handler=_run_log)

    reg = _sub(
        actions,
        "register",
        "lees het register van aanduidingen (CSV)",
        "Vervangt het register van aanduidingen door een CSV met de kop "
        "'aanduiding;stemmen;zetels' (stemmen en zetels bij de vorige verkiezing; leeg = "
        "niet meegedaan). Alles of niets.",
    )
    reg.add_argument("--csv", required=True, type=Path, metavar="BESTAND", help="het CSV-bestand")
    _member(reg)
    reg.set_defaults(handler=_run_register)

    imp = _sub(
        actions,
        "import",
        "ontvang een EML 210",
        "Ontvangt een kandidatenlijst als EML 210 (van kandidaat, OSV2020-PP of e-KS). De "
        "hashcode van het H 1 moet kloppen: typ alle 16 groepen, of alleen de 2 groepen die "
        "de opdracht zonder --hashcode weglaat. Een te laat ontvangen lijst wordt vastgelegd; "
        "het onderzoek verklaart haar ongeldig.",
    )
    imp.add_argument("file", metavar="LIJST.eml.xml", type=Path, help="het EML 210-bestand")
    imp.add_argument("--hashcode", metavar="CODE", help="de hashcode zoals op het H 1")
    imp.add_argument(
        "--ontvangen",
        type=_received,
        metavar="'JJJJ-MM-DD UU:MM'",
        help="tijdstip van ontvangst (standaard: nu)",
    )
    _member(imp)
    imp.set_defaults(handler=_run_import)

    exa = _sub(
        actions,
        "examine",
        "onderzoek alle inleveringen",
        "Alle controles van elke lijst, plus wat alleen het centraal stembureau ziet: dezelfde "
        "kandidaat op lijsten van meer inleveringen in een kieskring (H 7 lid 2, I 6 lid 1 "
        "onder g) en dezelfde aanduiding boven meer lijsten (I 6 lid 2 onder b). "
        "Uitgangscodes: 0 geen fouten, 1 fouten, 2 onleesbare invoer.",
    )
    exa.add_argument("--json", action="store_true", help="bevindingen als JSON")
    exa.add_argument(
        "--today", type=iso_date, metavar="JJJJ-MM-DD", help="controleer alsof het die dag is"
    )
    _member(exa, required=False)
    exa.set_defaults(handler=_run_examine)
    _register_checklist(actions)
    _register_number(actions)
    _register_support(actions)
    _register_establish(actions)
    _register_omissions(actions)
    _register_objections(actions)
    _register_examination_report(actions)
    _register_paper(actions)
    _register_omission_letter(actions)


def _register_omission_letter(actions: Any) -> None:  # noqa: ANN401 - argparse's private type
    letter = _sub(
        actions,
        "verzuimbrief",
        "schrijf de verzuimbrief aan de inleveraar (Kieswet I 2)",
        "Schrijft de brief aan de inleveraar van een inlevering (PDF): elk verzuim dat nog "
        "niet is hersteld, met waar het zit, hoe het te herstellen is, het gevolg als dat niet "
        "gebeurt en het artikel, en de laatste dag van de hersteltermijn (I 2 lid 2) met de "
        "plaats van herstel (--plaats). Met ruimte voor de handtekening van de voorzitter. "
        "Een bestaand bestand wordt niet overschreven. Vastgelegd in het logboek met de "
        "SHA-256. Uitgangscodes: 0 geschreven, 2 foute invoer.",
    )
    letter.add_argument(
        "--inlevering", type=positive_int, required=True, metavar="N", help="de inlevering"
    )
    letter.add_argument("--out", type=Path, required=True, metavar="BRIEF.pdf", help="de brief")
    letter.add_argument(
        "--plaats",
        required=True,
        metavar="TEKST",
        help="waar het herstel gebeurt, bijv. 'het secretariaat, Stadhuisplein 1, Utrecht'",
    )
    letter.add_argument(
        "--datum",
        type=iso_date,
        metavar="JJJJ-MM-DD",
        help="datum van de brief (standaard: vandaag)",
    )
    _member(letter)
    letter.set_defaults(handler=_run_omission_letter)


def _run_omission_letter(args: argparse.Namespace) -> int:
    day = args.datum or _now().date()
    path = write_letter(
        args.workspace, args.inlevering, args.out, day=day, place=args.plaats, actor=args.lid
    )
    sys.stdout.write(f"Verzuimbrief voor inlevering {args.inlevering} geschreven: {path}\n")
    return EXIT_OK


def _register_paper(actions: Any) -> None:  # noqa: ANN401 - argparse's private type
    pap = _sub(
        actions,
        "papier",
        "ontvang een lijst die alleen op papier is ingeleverd (ingetypt)",
        "Voor een lijst die alleen op papier (model H 1) is ingeleverd: typ de kandidaten in een "
        "CSV- of Excel-bestand (zoals docs/spreadsheet.md beschrijft) en geef aanduiding, "
        "kieskring(en) en inleveraar. Zonder --hashcode toont de opdracht de ingetypte lijst met "
        "haar hashcode en slaat niets op (code 1): vergelijk met het papier. Met --hashcode "
        "(alle 16 groepen of de 2 weggelaten) wordt de lijst opgeslagen als op papier "
        "ingeleverd en daarna behandeld als elke andere. Uitgangscodes: 0 opgeslagen, 1 nog te "
        "bevestigen, 2 foute invoer.",
    )
    pap.add_argument("--kandidaten", type=Path, required=True, metavar="BESTAND", help="CSV/XLSX")
    pap.add_argument("--aanduiding", default="", metavar="TEKST", help="leeg: blanco lijst")
    pap.add_argument(
        "--kieskring",
        action="append",
        default=[],
        metavar="NUMMER",
        help="kieskring waarvoor de lijst is ingeleverd (herhaalbaar, of 'alle')",
    )
    pap.add_argument(
        "--inleveraar-voorletters",
        required=True,
        metavar="VOORLETTERS",
        help="voorletters van de inleveraar zoals op het H 1",
    )
    pap.add_argument(
        "--inleveraar-achternaam",
        required=True,
        metavar="NAAM",
        help="achternaam van de inleveraar zoals op het H 1",
    )
    pap.add_argument(
        "--vervanger",
        nargs=2,
        action="append",
        default=[],
        metavar=("VOORLETTERS", "ACHTERNAAM"),
        help="een vervanger van de inleveraar (Kieswet H 5); één of twee keer",
    )
    pap.add_argument("--hashcode", metavar="CODE", help="de hashcode ter bevestiging")
    pap.add_argument("--ontvangen", type=_received, metavar="'JJJJ-MM-DD UU:MM'", help="tijdstip")
    _member(pap)
    pap.set_defaults(handler=_run_paper)


def _run_paper(args: argparse.Namespace) -> int:
    paper = PaperList(
        args.aanduiding,
        tuple(args.kieskring),
        args.inleveraar_voorletters,
        args.inleveraar_achternaam,
        tuple((first, last) for first, last in args.vervanger),
    )
    typed = receive_paper(
        args.workspace,
        args.kandidaten,
        paper,
        hashcode=args.hashcode,
        received_at=args.ontvangen or _now(),
        actor=args.lid,
    )
    sys.stdout.write(render_typed(typed))
    if typed.received is None:
        sys.stdout.write(
            "Niets opgeslagen. Vergelijk de lijst met het papier en bevestig met --hashcode "
            "(alle 16 groepen, of de 2 weggelaten groepen van "
            f"{shown_blanked(typed.hash_code)}).\n"
        )
        return EXIT_FINDINGS
    sys.stdout.write(
        f"Inlevering {typed.received.number} ontvangen (op papier, ingetypt): "
        f"{typed.received.appellation or 'blanco lijst'}, {typed.received.candidates} kandidaten.\n"
    )
    if not typed.received.in_time:
        sys.stdout.write(
            "Let op: niet ontvangen op de dag van de kandidaatstelling tussen 09:00 en 17:00 "
            "uur; de lijst is ongeldig (Kieswet I 5 onder a).\n"
        )
    return EXIT_OK


def _register_examination_report(actions: Any) -> None:  # noqa: ANN401 - argparse's type
    rep = _sub(
        actions,
        "pv-onderzoek",
        "schrijf het proces-verbaal I 1 van het onderzoek (PDF)",
        "Schrijft model I 1, het proces-verbaal van het onderzoek naar de kandidatenlijsten "
        "(Kieswet I 1): per kieskring de ingeleverde lijsten (aanduiding, eerste kandidaat, "
        "aantal namen) en de vastgelegde herstelbare verzuimen. De voettekst noemt de hash van "
        "het logboek op dat moment ('csb log --hashes'). Overschrijft nooit een bestand. "
        "Uitgangscodes: 0 geschreven, 2 foute invoer.",
    )
    rep.add_argument("--out", type=Path, required=True, metavar="BESTAND.pdf", help="het PDF")
    rep.add_argument(
        "--datum",
        type=iso_date,
        metavar="JJJJ-MM-DD",
        help="datum van de zitting (standaard: vandaag)",
    )
    _member(rep)
    rep.set_defaults(handler=_run_examination_report)


def _run_examination_report(args: argparse.Namespace) -> int:
    path = write_i1(args.workspace, args.out, day=args.datum or _now().date(), actor=args.lid)
    sys.stdout.write(f"{path}: proces-verbaal I 1\n")
    return EXIT_OK


def _register_objections(actions: Any) -> None:  # noqa: ANN401 - argparse's private type
    obj = _sub(
        actions,
        "bezwaar",
        "leg een bezwaar van een kiezer in de zitting vast (Kieswet I 4)",
        "Legt een bezwaar vast dat een aanwezige kiezer in de openbare zitting inbrengt, met het "
        "antwoord van het centraal stembureau (--bezwaar, --antwoord, --kiezer), of met --geen "
        "dat er geen bezwaren zijn ingebracht. Het proces-verbaal I 4 van 'csb vaststellen' "
        "neemt ze over. Uitgangscodes: 0 vastgelegd, 2 foute invoer.",
    )
    obj.add_argument("--bezwaar", metavar="TEKST", help="het bezwaar zoals ingebracht")
    obj.add_argument("--antwoord", metavar="TEKST", help="het antwoord van het stembureau")
    obj.add_argument("--kiezer", default="", metavar="NAAM", help="wie het bezwaar inbracht")
    obj.add_argument("--geen", action="store_true", help="er zijn geen bezwaren ingebracht")
    _member(obj)
    obj.set_defaults(handler=_run_objection)

    lst = _sub(
        actions,
        "bezwaren",
        "toon de vastgelegde bezwaren",
        "Toont de bezwaren van kiezers met het antwoord, of dat er geen zijn ingebracht. "
        "Uitgangscodes: 0 klaar.",
    )
    lst.add_argument("--json", action="store_true", help="de bezwaren als JSON")
    lst.set_defaults(handler=_run_objections)


def _run_objection(args: argparse.Namespace) -> int:
    if args.geen:
        if args.bezwaar or args.antwoord:
            raise InputError("--geen: geef dan geen --bezwaar of --antwoord")
        record_no_objections(args.workspace, actor=args.lid)
        sys.stdout.write("Vastgelegd: er zijn geen bezwaren ingebracht.\n")
        return EXIT_OK
    if args.bezwaar is None:
        raise InputError("--bezwaar: geef het bezwaar (of --geen)")
    number = record_objection(
        args.workspace,
        args.bezwaar,
        raised_by=args.kiezer,
        answer=args.antwoord or "",
        actor=args.lid,
    )
    sys.stdout.write(f"Bezwaar {number} vastgelegd.\n")
    return EXIT_OK


def _run_objections(args: argparse.Namespace) -> int:
    found = read_objections(args.workspace)
    if args.json:
        sys.stdout.write(json.dumps(objections_json(found), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_objections(found))
    return EXIT_OK


def _register_omissions(actions: Any) -> None:  # noqa: ANN401 - argparse's private type
    om = _sub(
        actions,
        "verzuim",
        "leg een verzuim vast (Kieswet I 2)",
        "Legt een verzuim vast dat bij het onderzoek is gevonden, uit de lijst van verzuimen "
        "('kandidaat csb verzuimcodes' toont die met artikel en gevolg): voor een inlevering, "
        "met --kieskring voor een verzuim per kieskring (ondersteuningsverklaringen) en met "
        "--kandidaat (de plaats op de lijst) voor een kandidaat. Wat niet wordt hersteld, "
        "maakt de lijst ongeldig (I 5) of schrapt de kandidaat of de aanduiding (I 6) bij "
        "'csb number' en 'csb vaststellen'. Uitgangscodes: 0 vastgelegd, 2 foute invoer.",
    )
    om.add_argument(
        "--inlevering", type=positive_int, required=True, metavar="N", help="de inlevering"
    )
    om.add_argument("--code", required=True, metavar="CODE", help="bijvoorbeeld H9-ONTBREEKT")
    om.add_argument("--kieskring", metavar="NUMMER", help="de kieskring (verzuim per kieskring)")
    om.add_argument("--kandidaat", type=positive_int, metavar="PLAATS", help="plaats op de lijst")
    om.add_argument("--toelichting", default="", metavar="TEKST", help="wat er precies ontbreekt")
    om.add_argument(
        "--vastgesteld",
        type=_received,
        metavar="'JJJJ-MM-DD UU:MM'",
        help="wanneer het verzuim is vastgesteld (standaard: nu)",
    )
    _member(om)
    om.set_defaults(handler=_run_omission)

    codes = actions.add_parser(
        "verzuimcodes",
        help="toon de lijst van verzuimen met artikel en gevolg",
        description="Toont elk verzuim dat 'csb verzuim' kent: de code, of het herstelbaar is, "
        "wat er gebeurt als het niet wordt hersteld, hoe het te herstellen is en het artikel.",
        add_help=False,
    )
    add_help(codes)
    codes.set_defaults(handler=_run_codes)

    rep = _sub(
        actions,
        "herstel",
        "leg het herstel van een verzuim vast (Kieswet I 2 lid 2)",
        "Legt vast dat een verzuim (het nummer uit 'csb verzuimen') binnen de hersteltermijn is "
        "hersteld, met het tijdstip (--ontvangen, standaard nu). Een verzuim dat niet herstelbaar "
        "is, al hersteld is, of een herstel na de termijn wordt geweigerd. Uitgangscodes: 0 "
        "vastgelegd, 2 foute invoer.",
    )
    rep.add_argument("--verzuim", type=positive_int, required=True, metavar="N", help="het verzuim")
    rep.add_argument("--ontvangen", type=_received, metavar="'JJJJ-MM-DD UU:MM'", help="tijdstip")
    rep.add_argument("--toelichting", default="", metavar="TEKST", help="wat is aangevuld")
    _member(rep)
    rep.set_defaults(handler=_run_repair)

    lst = _sub(
        actions,
        "verzuimen",
        "toon de vastgelegde verzuimen en of ze hersteld zijn",
        "Toont elk vastgelegd verzuim: inlevering, kieskring of kandidaat, omschrijving, artikel, "
        "of het hersteld is (en tot wanneer dat kan) en het gevolg als het niet wordt hersteld. "
        "Uitgangscodes: 0 geen open verzuimen, 1 open of niet herstelbare verzuimen.",
    )
    lst.add_argument("--json", action="store_true", help="de verzuimen als JSON")
    lst.set_defaults(handler=_run_omissions)


def _run_codes(_: argparse.Namespace) -> int:
    sys.stdout.write(catalogue_text())
    return EXIT_OK


def _run_omission(args: argparse.Namespace) -> int:
    request = OmissionRequest(
        args.inlevering, args.code, args.kieskring, args.kandidaat, args.toelichting
    )
    number = record_omission(args.workspace, request, at=args.vastgesteld or _now(), actor=args.lid)
    sys.stdout.write(f"Verzuim {number} vastgelegd bij inlevering {args.inlevering}.\n")
    return EXIT_OK


def _run_repair(args: argparse.Namespace) -> int:
    at = args.ontvangen or _now()
    line = record_repair(args.workspace, args.verzuim, at=at, note=args.toelichting, actor=args.lid)
    sys.stdout.write(
        f"Verzuim {args.verzuim} ({line.kind.code}, {line.appellation}) hersteld op "
        f"{at:%d-%m-%Y %H:%M}.\n"
    )
    return EXIT_OK


def _run_omissions(args: argparse.Namespace) -> int:
    lines = omission_lines(args.workspace)
    if args.json:
        text = json.dumps(omissions_json(lines), ensure_ascii=False, indent=2)
        sys.stdout.write(text + "\n")
    else:
        sys.stdout.write(render_omissions(lines))
    still = [line for line in lines if not (line.omission.repaired and line.kind.recoverable)]
    return EXIT_FINDINGS if still else EXIT_OK


def _register_establish(actions: Any) -> None:  # noqa: ANN401 - argparse's private type
    est = _sub(
        actions,
        "vaststellen",
        "schrijf de vastgestelde, genummerde lijsten als EML 230b",
        "Stelt de lijsten vast en schrijft per kieskring een EML 230b (canoniek, met "
        "hashcode) in --out: de geldige lijsten met hun nummer (zoals 'csb number', met "
        "dezelfde --lot en --ongeldig), zonder de kandidaten die op lijsten van meer "
        "inleveringen in een kieskring staan (Kieswet I 6 lid 1 onder g) en zonder een "
        "aanduiding die boven meer lijsten staat (I 6 lid 2 onder b); zonder BSN en "
        "correspondentieadres. Vastgelegd in het logboek met de hashcodes. Uitgangscodes: "
        "0 geschreven, 2 foute invoer, 3 loting nodig.",
    )
    _establish_options(
        est,
        out_help="map voor de 230b",
        date_help="datum van de zitting in de bestanden (standaard: vandaag)",
        complete=False,
    )
    fin = _sub(
        actions,
        "finalise",
        "stel de lijsten vast en schrijf alle stukken (230b, 230c, I 1, I 4, publicatie)",
        "Doet wat 'csb vaststellen' doet en schrijft daarbij ook het proces-verbaal I 1 "
        "van het onderzoek, de publicatie van de kandidatenlijsten en een pagina met de "
        "hashcode van elk bestand, alles deterministisch en elk bestand atomair. "
        "Uitgangscodes: 0 geschreven, 2 foute invoer, 3 loting nodig.",
    )
    _establish_options(
        fin,
        out_help="map",
        date_help="datum van de zitting (standaard: vandaag)",
        complete=True,
    )


def _establish_options(
    parser: argparse.ArgumentParser, *, out_help: str, date_help: str, complete: bool
) -> None:
    """The options ``csb vaststellen`` and ``csb finalise`` share."""
    parser.add_argument("--out", type=Path, required=True, metavar="MAP", help=out_help)
    parser.add_argument("--datum", type=iso_date, metavar="JJJJ-MM-DD", help=date_help)
    parser.add_argument(
        "--lot",
        type=positive_int,
        action="append",
        default=[],
        metavar="INLEVERING",
        help="de getrokken lijst bij de nummering, zoals bij 'csb number'; herhaalbaar",
    )
    parser.add_argument(
        "--ongeldig",
        type=positive_int,
        action="append",
        default=[],
        metavar="INLEVERING",
        help="een inlevering die het stembureau ongeldig heeft verklaard; herhaalbaar",
    )
    _member(parser)
    parser.set_defaults(handler=_run_establish, complete=complete)


def _run_establish(args: argparse.Namespace) -> int:
    day = args.datum or _now().date()
    outcome = establish(
        args.workspace,
        args.out,
        day=day,
        lots=args.lot,
        invalid=args.ongeldig,
        actor=args.lid,
        complete=args.complete,
    )
    if isinstance(outcome, NumberingLotRequired):
        sys.stdout.write(render_numbering(outcome))
        return EXIT_LOTS_REQUIRED
    sys.stdout.write(render_numbering(outcome.numbered))
    sys.stdout.write(late_note(late_numbers(args.workspace)))
    for number, kieskring, why in outcome.invalid_in:
        sys.stdout.write(f"Ongeldig: inlevering {number} in kieskring {kieskring} ({why}).\n")
    names = ("proces-verbaal I 4", "proces-verbaal I 1", "publicatie", "hashcodes")
    for path, what in zip(outcome.documents, names, strict=False):
        sys.stdout.write(f"{path}: {what}\n")
    for item in outcome.files:
        what = (
            "EML 230c, alle kieskringen (met adressen: niet voor publicatie)"
            if item.kieskring == "totaal"
            else f"kieskring {item.kieskring}"
        )
        sys.stdout.write(
            f"{item.path}: {what}, {item.lists} lijst(en)\n  hashcode: {item.hash_code}\n"
        )
    if outcome.struck_candidates or outcome.struck_appellations:
        sys.stdout.write(
            f"Geschrapt, geteld per lijst en kieskring: {outcome.struck_candidates} keer een "
            f"kandidaat, {outcome.struck_appellations} keer een aanduiding (Kieswet I 6); "
            "de redenen staan in het proces-verbaal.\n"
        )
    return EXIT_OK


def _register_support(actions: Any) -> None:  # noqa: ANN401 - argparse's private type
    sup = _sub(
        actions,
        "ondersteuning",
        "register van ondersteuningsverklaringen (H 4)",
        "Zonder --csv: per inlevering en kieskring hoeveel ondersteuningsverklaringen "
        "(model H 4) zijn ingeleverd, hoeveel er niet meetellen, hoeveel geldig zijn en hoeveel "
        "er nog nodig zijn (Kieswet H 4 lid 1, vrijstelling lid 8); een kiezer die voor meer "
        "dan één lijst tekende, telt voor geen van die lijsten. Met --csv en --lid: voeg de "
        "verklaringen van een CSV toe (kop 'inlevering;kieskring;naam;geboortedatum;adres'), "
        "alles of niets. Uitgangscodes: 0 genoeg, 1 tekort of dubbele kiezers, 2 foute invoer.",
    )
    sup.add_argument("--csv", type=Path, metavar="BESTAND", help="verklaringen om toe te voegen")
    sup.add_argument("--json", action="store_true", help="de telling als JSON")
    sup.add_argument(
        "--today", type=iso_date, metavar="JJJJ-MM-DD", help="geboortedata tot en met deze dag"
    )
    _member(sup, required=False)
    sup.set_defaults(handler=_run_support)


def _run_support(args: argparse.Namespace) -> int:
    if args.csv is not None:
        if args.lid is None:
            sys.stderr.write("fout: --csv legt iets vast en vraagt --lid (wie het invoert)\n")
            return EXIT_BAD_INPUT
        today = args.today or _now().date()
        added = import_support(args.workspace, args.csv, args.lid, today)
        sys.stdout.write(f"{added} ondersteuningsverklaring(en) toegevoegd uit {args.csv.name}.\n")
    tally = support_tally(args.workspace)
    if args.json:
        sys.stdout.write(json.dumps(support_json(tally), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_support(tally))
    return EXIT_FINDINGS if tally.findings else EXIT_OK


def _register_number(actions: Any) -> None:  # noqa: ANN401 - argparse's private type
    num = _sub(
        actions,
        "number",
        "nummer de lijsten (met loting waar nodig)",
        "Nummert de geldige lijsten (Kieswet I 12 - I 14; Eerste Kamer S 10 - S 12): een "
        "lijstengroep of stel krijgt één nummer. Eerst de aanduidingen met zetels bij de "
        "vorige verkiezing, naar hun stemmen toen (uit het register), dan de overige lijsten "
        "naar het aantal kieskringen waarvoor ze geldig zijn. Staan lijsten gelijk, dan stopt "
        "de opdracht met code 3 en zegt wat getrokken moet worden; het stembureau trekt het "
        "lot en geeft de uitslag met --lot (herhaalbaar, in de gevraagde volgorde). kandidaat "
        "trekt nooit zelf. Uitgangscodes: 0 genummerd (met --lid vastgelegd in het logboek), "
        "2 foute invoer, 3 loting nodig.",
    )
    num.add_argument(
        "--lot",
        type=positive_int,
        action="append",
        default=[],
        metavar="INLEVERING",
        help="de getrokken lijst: het nummer van haar (eerste) inlevering; herhaalbaar",
    )
    num.add_argument(
        "--ongeldig",
        type=positive_int,
        action="append",
        default=[],
        metavar="INLEVERING",
        help="een inlevering die het stembureau ongeldig heeft verklaard; herhaalbaar",
    )
    num.add_argument("--json", action="store_true", help="de nummering als JSON")
    _member(num, required=False)
    num.set_defaults(handler=_run_number)


def _run_number(args: argparse.Namespace) -> int:
    outcome = number_submissions(
        args.workspace, lots=args.lot, invalid=args.ongeldig, actor=args.lid
    )
    late = late_numbers(args.workspace)
    if args.json:
        report = numbering_json(outcome) | {"te_laat": list(late)}
        text = json.dumps(report, ensure_ascii=False, indent=2)
        sys.stdout.write(text + "\n")
    else:
        sys.stdout.write(render_numbering(outcome))
        sys.stdout.write(late_note(late))
    if isinstance(outcome, NumberingLotRequired):
        return EXIT_LOTS_REQUIRED
    if args.lid is None and not args.json:
        sys.stdout.write("Niet vastgelegd: geef --lid om de nummering in het logboek te zetten.\n")
    return EXIT_OK


def _register_checklist(actions: Any) -> None:  # noqa: ANN401 - argparse's private type
    rec = _sub(
        actions,
        "ontvangst",
        "leg ingeleverde stukken vast of toon de checklist",
        "Zonder --stuk: toont de checklist van een inlevering. Met --stuk: legt stukken vast "
        "die bij de inlevering zijn ingeleverd, met het tijdstip (--ontvangen, standaard nu). "
        "Een stuk is CODE, CODE=AANTAL of (H 4) H4@KIESKRING=AANTAL; codes: H1, H3-1, H3-2, "
        "H4, H9, ID (kopie identiteitsbewijs), H12, VESTIGING, Y13, Y35.",
    )
    rec.add_argument("number", metavar="INLEVERING", type=positive_int, help="nummer")
    rec.add_argument("--stuk", action="append", default=[], metavar="STUK", help="een stuk")
    rec.add_argument("--ontvangen", type=_received, metavar="'JJJJ-MM-DD UU:MM'", help="tijdstip")
    _member(rec, required=False)
    rec.set_defaults(handler=_run_checklist)


def _run_checklist(args: argparse.Namespace) -> int:
    if args.stuk:
        if args.lid is None:
            sys.stderr.write("fout: --lid: geef de naam van het lid dat dit vastlegt\n")
            return EXIT_BAD_INPUT
        received_at = args.ontvangen or _now()
        count = record_documents(args.workspace, args.number, args.stuk, received_at, args.lid)
        sys.stdout.write(f"{count} stuk(ken) vastgelegd bij inlevering {args.number}.\n")
    sys.stdout.write("\n".join(checklist(args.workspace, args.number)) + "\n")
    return EXIT_OK


def _now() -> datetime:
    return datetime.now().astimezone().replace(tzinfo=None, microsecond=0)


def _run_new(args: argparse.Namespace) -> int:
    with new_workspace(args.workspace, args.election, args.lid) as workspace:
        election = workspace.election()
    sys.stdout.write(
        f"{args.workspace.name} aangemaakt voor {election.name} ({election.identifier}).\n"
    )
    return EXIT_OK


def _run_log(args: argparse.Namespace) -> int:
    report = read_log(args.workspace)
    sys.stdout.write(render_log(report, hashes=args.hashes))
    return EXIT_OK if report.intact else EXIT_FINDINGS


def _run_register(args: argparse.Namespace) -> int:
    entries = import_register(args.workspace, args.csv, args.lid)
    sys.stdout.write(f"Register ingelezen: {len(entries)} aanduiding(en).\n")
    return EXIT_OK


def _run_import(args: argparse.Namespace) -> int:
    received_at = args.ontvangen or _now()
    result = receive(args.workspace, args.file, args.hashcode, received_at, args.lid)
    sys.stdout.write(
        f"Inlevering {result.number} ontvangen: {result.appellation or 'blanco lijst'}, "
        f"{result.candidates} kandidaten, ontvangen {received_at:%d-%m-%Y %H:%M}.\n"
    )
    if not result.in_time:
        sys.stdout.write(
            "Let op: niet ontvangen op de dag van de kandidaatstelling tussen 09:00 en 17:00 "
            "uur; het onderzoek verklaart deze lijst ongeldig (Kieswet I 5).\n"
        )
    return EXIT_OK


def _run_examine(args: argparse.Namespace) -> int:
    examination = examine(args.workspace, today=args.today)
    if args.lid is not None:
        counts = dict.fromkeys(Severity, 0)
        for item in examination.findings:
            counts[item.finding.severity] += 1
        with CsbWorkspace.open(args.workspace) as workspace:
            workspace.record(
                "onderzocht",
                {
                    "inleveringen": len(examination.submissions),
                    "fouten": counts[Severity.ERROR],
                    "waarschuwingen": counts[Severity.WARNING],
                    "bevindingen": [
                        [f.submission, f.finding.code, f.kieskring, f.candidate]
                        for f in examination.findings
                    ],
                },
                args.lid,
            )
    if args.json:
        text = json.dumps(examination_json(examination), ensure_ascii=False, indent=2)
        sys.stdout.write(text + "\n")
    else:
        sys.stdout.write(render_examination(examination))
    return examination.exit_code
