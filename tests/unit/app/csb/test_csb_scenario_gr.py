"""A whole municipal election at the centraal stembureau, from the 210s to the 230b.

Two real GR election definitions with one kieskring each, the same story in both:

- ``Stadskanaal``: the Kiesraad's 110a of GR2026 Stadskanaal (23 seats, nomination day
  Monday 2 February 2026). Its 230b is checked against the official XSD. There is no
  110b (stembureaulijst) of Stadskanaal in ../shared/eml_nl, so ``telling new`` is not
  tried on it.
- ``Juinen``: abacus' fictitious municipality (45 seats, nomination day Thursday
  10 July 2025), with its 110a and 110b, so its 230b goes into ``telling new --lijsten``.
  Its 110a gives the gemeente the domain Id ``42``, which the EML_NL XSD refuses (the
  pattern wants four digits; abacus' own Juinen 230b fails the schema the same way), so
  its 230b is not checked against the XSD.

Six submissions are handed in, in this order (all times on the nomination day):

- 09:30 De Tegenpartij, a file changed after its H 1 was printed: refused, nothing stored;
- 10:00 Lijst Hekking (5 seats last time) - becomes inlevering 1;
- 11:00 Samen Vooruit - inlevering 2; C. Dubbel stands on it and on Lijst Hekking;
- 12:00 Stadspartij - inlevering 3, with too few ondersteuningsverklaringen;
- 13:00 a blank list - inlevering 4;
- 17:30 De Tegenpartij again, the right file (6 seats last time) - inlevering 5, late.

Every expected value below is worked out by hand from the Kieswet, geldend op
2026-01-01, in the comments beside it.
"""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest

from kandidaat.app.cli import main
from kandidaat.app.nomination.eml_files import export_210
from kandidaat.app.nomination.project import election_argument
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Candidate,
    CandidateList,
    Gender,
    Nomination,
    Party,
    PostalAddress,
    Submitter,
)
from kandidaat.eml.read_lists import read_candidate_lists
from kandidaat.eml.safe_xml import parse_file

SHARED = Path(__file__).resolve().parents[5] / "shared" / "eml_nl"
XSD = SHARED / "xsd"

pytestmark = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared/eml_nl ontbreekt naast het project"
)


@dataclass(frozen=True, slots=True)
class Municipality:
    """One GR election definition and what the law makes of it, worked out by hand."""

    label: str
    definition: Path
    polling_stations: Path | None
    nomination_day: date
    examination_day: date
    public_session: date
    support_needed: int
    schema_valid_domain: bool


STADSKANAAL = Municipality(
    label="Stadskanaal",
    definition=SHARED
    / "samples/GR2026_Stadskanaal/Verkiezingsdefinitie_GR2026_Stadskanaal.eml.xml",
    polling_stations=None,
    nomination_day=date(2026, 2, 2),
    # Kieswet I 1 lid 1: the examination is the day after the nomination day; the repair
    # period of I 2 lid 2 ends two days later (5 February), the public session of I 4
    # lid 1 is the day after that.
    examination_day=date(2026, 2, 3),
    public_session=date(2026, 2, 6),
    # Kieswet H 4 lid 1: a gemeenteraad of 19 seats or more but fewer than 39 (23 here)
    # needs 20 declarations per list.
    support_needed=20,
    schema_valid_domain=True,
)
JUINEN = Municipality(
    label="Juinen",
    definition=SHARED / "fixtures/abacus/juinen_eml110a_verkiezingsdefinitie-juinen.eml.xml",
    polling_stations=SHARED / "fixtures/abacus/juinen_eml110b_stembureaulijst-juinen.eml.xml",
    nomination_day=date(2025, 7, 10),
    examination_day=date(2025, 7, 11),
    public_session=date(2025, 7, 14),
    # Kieswet H 4 lid 1: 45 seats is 39 or more, so the general 30 applies.
    support_needed=30,
    schema_valid_domain=False,
)

MEMBER = "Anna de Voorzitter"
CLERK = "Bert Balie"
CREATED = datetime(2025, 6, 1, 12, 0).astimezone()
DUBBEL = ("C.", "", "Dubbel", date(1980, 5, 5))
"""The one person both Lijst Hekking and Samen Vooruit put on their list."""

Person = tuple[str, str, str, date]
TEGENPARTIJ: list[Person] = [
    ("T.", "", "Teeuwen", date(1970, 1, 1)),
    ("U.", "", "Uil", date(1971, 2, 2)),
]


@dataclass(slots=True)
class Step:
    """One command: its arguments, exit code and what it printed."""

    args: list[str]
    code: int
    out: str
    err: str


@dataclass(slots=True)
class Scenario:
    """The workspace, the 230b folder and every command run, by name."""

    town: Municipality
    workspace: Path
    out: Path
    steps: dict[str, Step] = field(default_factory=dict)

    def run(self, name: str, *args: str) -> Step:
        """Run ``kandidaat ARGS`` through main(), keep its output under ``name``."""
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
        step = Step(list(args), code, out.getvalue(), err.getvalue())
        self.steps[name] = step
        return step


def _nomination(town: Municipality, appellation: str, persons: list[Person]) -> Nomination:
    election = election_argument(str(town.definition))
    home = town.label
    candidates = tuple(
        Candidate(
            key=f"k{n}",
            initials=initials,
            prefix=prefix,
            last_name=last,
            gender=Gender.FEMALE if n % 2 else Gender.MALE,
            date_of_birth=born,
            locality=home,
            correspondence=PostalAddress("Kerkstraat 1", "9500 AA", home),
        )
        for n, (initials, prefix, last, born) in enumerate(persons, start=1)
    )
    kind = AppellationKind.REGISTERED if appellation else AppellationKind.BLANK
    party = Party(
        kind=kind,
        appellation=appellation,
        submitter=Submitter("J.", "Inleveraar", address=PostalAddress("Laan 2", "9500 AB", home)),
        substitutes=(
            Submitter("K.", "Vervanger", address=PostalAddress("Laan 3", "9500 AB", home)),
        ),
    )
    lists = (CandidateList("lijst-1", ("1",), tuple(c.key for c in candidates)),)
    return Nomination(election=election, party=party, candidates=candidates, lists=lists)


def _write_210(
    folder: Path, town: Municipality, name: str, appellation: str, persons: list[Person]
) -> tuple[Path, str]:
    """One list's EML 210 and the hash code its H 1 prints."""
    chosen = _nomination(town, appellation, persons)
    path = folder / name
    return path, export_210(chosen, chosen.lists[0], path, created=CREATED)


def _declarations(submission: int, count: int, first: int) -> str:
    """``count`` H 4 declarations of distinct voters for ``submission`` in kieskring 1."""
    return "".join(
        f"{submission};1;Kiezer {n};{1 + n % 28:02d}-{1 + n % 12:02d}-1970;Dorpsweg {n}\n"
        for n in range(first, first + count)
    )


def _play(folder: Path, town: Municipality) -> Scenario:
    """The whole session, as the centraal stembureau types it."""
    s = Scenario(town, folder / "gr.csb", folder / "vastgesteld")
    day = f"{town.nomination_day:%Y-%m-%d}"
    work = str(s.workspace)
    s.run("new", "csb", "new", work, "--election", str(town.definition), "--lid", MEMBER)
    register = folder / "register.csv"
    register.write_text(
        "aanduiding;stemmen;zetels\nDe Tegenpartij;1500;6\nLijst Hekking;1200;5\n",
        encoding="utf-8",
    )
    s.run("register", "csb", "register", work, "--csv", str(register), "--lid", MEMBER)

    # (a) De Tegenpartij prints its H 1, then one byte of the file changes (Teeuwen
    # becomes Tieuwen): the file is not the one the H 1 belongs to.
    tampered, code = _write_210(
        folder, town, "tegenpartij_h1.eml.xml", "De Tegenpartij", TEGENPARTIJ
    )
    data = bytearray(tampered.read_bytes())
    data[data.index(b"Teeuwen") + 1] = ord("i")
    tampered.write_bytes(bytes(data))
    s.run("tampered", "csb", "import", work, str(tampered), "--hashcode", code, "--lid", CLERK,
          "--ontvangen", f"{day} 09:30")  # fmt: skip

    handed_in = (
        ("hekking", "Lijst Hekking", [("A.", "", "Hekking", date(1960, 1, 2)), DUBBEL,
                                      ("B.", "", "Smit", date(1961, 2, 3))], "10:00"),
        ("vooruit", "Samen Vooruit", [("J.", "", "Jansen", date(1975, 3, 4)), DUBBEL,
                                      ("E.", "de", "Vries", date(1976, 4, 5))], "11:00"),
        ("stadspartij", "Stadspartij", [("S.", "", "Stad", date(1977, 6, 7)),
                                        ("R.", "", "Rijn", date(1978, 7, 8))], "12:00"),
        ("blanco", "", [("L.", "", "Leeg", date(1979, 8, 9)),
                        ("M.", "", "Meer", date(1981, 9, 10))], "13:00"),
        ("tegenpartij", "De Tegenpartij", TEGENPARTIJ, "17:30"),
    )  # fmt: skip
    for name, appellation, persons, time in handed_in:
        file, code = _write_210(folder, town, f"{name}.eml.xml", appellation, persons)
        s.run(f"import {name}", "csb", "import", work, str(file), "--hashcode", code,
              "--lid", CLERK, "--ontvangen", f"{day} {time}")  # fmt: skip

    # H 4: Samen Vooruit (2) and the blank list (4) hand in 30, enough in any gemeente;
    # Stadspartij (3) hands in ten fewer than this council size needs (what a council
    # one size class smaller would need). Lijst Hekking and De Tegenpartij won seats
    # last time and need none (H 4 lid 8).
    short = town.support_needed - 10
    support = folder / "h4.csv"
    support.write_text(
        "inlevering;kieskring;naam;geboortedatum;adres\n"
        + _declarations(2, 30, 0)
        + _declarations(3, short, 100)
        + _declarations(4, 30, 200),
        encoding="utf-8",
    )
    s.run("support", "csb", "ondersteuning", work, "--csv", str(support), "--lid", MEMBER,
          "--today", f"{town.examination_day:%Y-%m-%d}", "--json")  # fmt: skip
    s.run("examine", "csb", "examine", work, "--json",
          "--today", f"{town.examination_day:%Y-%m-%d}")  # fmt: skip
    s.run("omission", "csb", "verzuim", work, "--inlevering", "3", "--code", "H4-TEKORT",
          "--vastgesteld", f"{town.examination_day:%Y-%m-%d} 16:00", "--lid", MEMBER)  # fmt: skip
    # Not repaired: the repair period has passed by the public session.
    session = f"{town.public_session:%Y-%m-%d}"
    establish = ("csb", "vaststellen", work, "--out", str(s.out), "--lid", MEMBER)
    s.run("tie", *establish, "--datum", session)
    # The committee draws the blank list (inlevering 4) for the first of the tied numbers.
    s.run("establish", *establish, "--datum", session, "--lot", "4")
    s.run("log", "csb", "log", work)
    return s


@pytest.fixture(scope="module", params=[STADSKANAAL, JUINEN], ids=lambda town: town.label)
def scenario(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Scenario:
    """The session played once per municipality, shared by the tests of this module."""
    town: Municipality = request.param
    return _play(tmp_path_factory.mktemp(town.label), town)


def _the_230b(scenario: Scenario) -> Path:
    files = sorted(scenario.out.glob("Kandidatenlijsten_*.eml.xml"))
    # One kieskring, so one 230b (docs/csb.md), named after the election; the 230c beside it
    # (Totaallijsten_...) holds the same lists with addresses and is not counted here.
    assert [path.name for path in files] == [
        f"Kandidatenlijsten_GR{scenario.town.nomination_day.year}_{scenario.town.label}.eml.xml"
    ]
    return files[0]


def _lists(path: Path) -> list[tuple[int, str, list[str]]]:
    record = read_candidate_lists(parse_file(path), path.name)
    return [
        (
            affiliation.number,
            affiliation.name,
            [
                " ".join(p for p in (str(c.position), c.initials, c.prefix or "", c.last_name) if p)
                for c in affiliation.candidates
            ],
        )
        for affiliation in record.affiliations
    ]


def test_every_step_of_the_session_ends_as_the_law_says(scenario: Scenario) -> None:
    codes = {name: step.code for name, step in scenario.steps.items()}
    assert codes == {
        "new": 0,
        "register": 0,
        "tampered": 2,
        "import hekking": 0,
        "import vooruit": 0,
        "import stadspartij": 0,
        "import blanco": 0,
        "import tegenpartij": 0,
        "support": 1,  # a shortage
        "examine": 1,  # errors: a late list and a candidate on two lists
        "omission": 0,
        "tie": 3,  # a lot is needed
        "establish": 0,
        "log": 0,
    }
    # Beside the 230b: the proces-verbaal I 4 of the public session (Kieswet I 4).
    assert (scenario.out / "Proces-verbaal_I4.pdf").is_file()


def test_a_file_changed_after_its_h1_was_printed_is_refused_and_nothing_is_stored(
    scenario: Scenario,
) -> None:
    step = scenario.steps["tampered"]
    assert "tegenpartij_h1.eml.xml: de getypte hashcode komt niet overeen" in step.err
    assert "Er is niets opgeslagen." in step.err
    # The next file received is inlevering 1: the refused one took no number.
    assert "Inlevering 1 ontvangen: Lijst Hekking" in scenario.steps["import hekking"].out
    examined = json.loads(scenario.steps["examine"].out)["submissions"]
    assert [(s["number"], s["appellation"]) for s in examined] == [
        (1, "Lijst Hekking"),
        (2, "Samen Vooruit"),
        (3, "Stadspartij"),
        (4, ""),
        (5, "De Tegenpartij"),
    ]
    assert "tegenpartij_h1" not in scenario.steps["log"].out


def test_the_list_received_at_half_past_five_is_recorded_but_numbered_nowhere(
    scenario: Scenario,
) -> None:
    # Kieswet H 1 lid 1: lists are handed in until 17:00; I 5 onder a: a later one is invalid.
    imported = scenario.steps["import tegenpartij"].out
    assert "Inlevering 5 ontvangen: De Tegenpartij" in imported
    assert "het onderzoek verklaart deze lijst ongeldig (Kieswet I 5)" in imported
    late = [
        f for f in json.loads(scenario.steps["examine"].out)["findings"] if "17:30" in f["message"]
    ]
    assert [(f["submission"], f["article"]) for f in late] == [(5, "Kieswet H 1 lid 1 en I 5")]
    assert "te laat ingeleverd en daarom ongeldig (Kieswet I 5 onder a): inlevering 5" in (
        scenario.steps["establish"].out
    )
    # With 6 seats and 1500 votes last time it would have been list 1 (deel 1).
    assert b"De Tegenpartij" not in _the_230b(scenario).read_bytes()
    assert b"Teeuwen" not in _the_230b(scenario).read_bytes()


def test_a_person_on_two_lists_is_found_on_both_and_struck_from_both(scenario: Scenario) -> None:
    findings = json.loads(scenario.steps["examine"].out)["findings"]
    double = [f for f in findings if "I 6 lid 1 onder g" in f["article"]]
    assert sorted(f["submission"] for f in double) == [1, 2]
    assert all("Dubbel, C." in f["message"] for f in double)
    assert b"Dubbel" not in _the_230b(scenario).read_bytes()


def test_too_few_support_declarations_for_this_council_size_are_named_and_the_list_is_invalid(
    scenario: Scenario,
) -> None:
    support = json.loads(scenario.steps["support"].out[scenario.steps["support"].out.index("{") :])
    counts = {c["inlevering"]: c for c in support["tellingen"]}
    needed = scenario.town.support_needed
    assert (counts[3]["geldig"], counts[3]["nodig"], counts[3]["tekort"]) == (
        needed - 10,
        needed,
        10,
    )
    assert (counts[2]["tekort"], counts[4]["tekort"]) == (0, 0)
    short = [f for f in support["bevindingen"] if f["code"] == "support-short"]
    assert [f["submission"] for f in short] == [3]
    assert f"van de {needed} die nodig zijn" in short[0]["message"]
    assert "er ontbreken er 10" in short[0]["message"]
    assert "Verzuim 1 vastgelegd bij inlevering 3." in scenario.steps["omission"].out
    # Not repaired: invalid in its only kieskring (I 5 onder c), so no number and no 230b.
    assert "inlevering 3" not in scenario.steps["establish"].out.split("Zonder nummer")[0]
    data = _the_230b(scenario).read_bytes()
    assert b"Stadspartij" not in data
    assert b"Rijn" not in data


def test_two_lists_equal_in_kieskringen_stop_for_a_lot_and_the_drawn_order_is_replayed(
    scenario: Scenario,
) -> None:
    # Deel 2 (Kieswet I 12 - I 14): Samen Vooruit and the blank list are each valid in 1 kieskring.
    tie = scenario.steps["tie"]
    assert "gelijk staan inlevering 2 (Samen Vooruit); inlevering 4 (blanco lijst)" in tie.out
    assert "--lot" in tie.out
    established = scenario.steps["establish"].out
    assert "lijst 2: inlevering 4 (blanco lijst); 1 kieskring(en), door loting" in established
    assert "lijst 3: inlevering 2 (Samen Vooruit); 1 kieskring(en), door loting" in established


def test_the_230b_holds_the_valid_lists_numbered_with_their_remaining_candidates(
    scenario: Scenario,
) -> None:
    # Deel 1 (Kieswet I 12 - I 14): Lijst Hekking, the only valid list that won seats
    # last time. Deel 2: the lot put the blank list before Samen Vooruit. C. Dubbel is
    # struck from lists 1 and 3 (I 6 lid 1 onder g); the candidates after him move up.
    # Stadspartij (H4-TEKORT not repaired) and De Tegenpartij (late) are absent.
    assert _lists(_the_230b(scenario)) == [
        (1, "Lijst Hekking", ["1 A. Hekking", "2 B. Smit"]),
        (2, "", ["1 L. Leeg", "2 M. Meer"]),
        (3, "Samen Vooruit", ["1 J. Jansen", "2 E. de Vries"]),
    ]


def test_the_230b_is_valid_against_the_official_schema(scenario: Scenario) -> None:
    if not scenario.town.schema_valid_domain:
        pytest.skip(
            "de 110a van Juinen heeft domein-Id 42, dat het XSD-patroon (4 cijfers) weigert"
        )
    if not XSD.is_dir():
        pytest.skip("../shared/eml_nl/xsd ontbreekt")
    check = scenario.run("xsd", "eml", "check", "--xsd", str(XSD), str(_the_230b(scenario)))
    assert check.code == 0, check.out


def test_the_log_chain_is_intact_after_the_whole_session(scenario: Scenario) -> None:
    log = scenario.steps["log"].out
    assert "Het logboek is intact" in log
    # new, register, 5 receipts, the H 4 register, the omission, the establishment: the
    # refused file, the examination without --lid and the tie add nothing.
    assert "Het logboek is intact: 10 regel(s)" in log
    assert "1=Lijst Hekking, 2=blanco, 3=Samen Vooruit; ongeldig: 5" in log


def test_the_230b_starts_a_count_with_the_110a_and_110b(scenario: Scenario, tmp_path: Path) -> None:
    stations = scenario.town.polling_stations
    if stations is None:
        # No 110b of Stadskanaal exists in ../shared/eml_nl: a count needs one.
        pytest.skip("geen 110b (stembureaulijst) van deze gemeente in ../shared/eml_nl")
    count = scenario.run(
        "telling",
        "telling",
        "new",
        str(tmp_path / "juinen.tel"),
        "--election",
        str(scenario.town.definition),
        "--stembureaus",
        str(stations),
        "--lijsten",
        str(_the_230b(scenario)),
        "--coordinator",
        "Carla Coördinator",
    )
    assert count.code == 0, count.err
    # Juinen's 110b has 3 polling stations (read by eye); the 230b has 3 lists.
    assert "3 stembureau(s), 3 lijst(en)" in count.out
