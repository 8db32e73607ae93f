"""The centraal stembureau's side of ``kandidaat demo``: three lists received to the 230b.

The fictitious municipality Demodorp: the demo party's own EML 210 (Demodorp
Vooruit), a list of Samen Demodorp (seated at the previous election, so first
in the numbering) and a blank list. The demo receives them on the nomination
day with their hash codes, examines them, numbers them and establishes the
lists on the day of the public session. The two new lists tie for the second
number (Kieswet I 14): the command stops and asks for a lot; the demo then
plays the committee and replays the draw it names (``DEMO_DRAW``), as the
committee would with ``--lot``. The software never draws.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from kandidaat.app.csb.establish import Established, establish
from kandidaat.app.csb.examining import examine
from kandidaat.app.csb.numbering import number_submissions
from kandidaat.app.csb.receiving import Received, receive
from kandidaat.app.nomination.demo_party import demo_nomination
from kandidaat.app.nomination.eml_files import export_210
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.csb.model import RegisterEntry
from kandidaat.domain.csb.numbering import NumberingLotRequired, lot_question
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.domain.nomination.findings import Severity
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Candidate,
    CandidateList,
    Gender,
    Nomination,
    Party,
    PostalAddress,
)
from kandidaat.store.csb import SUFFIX, CsbWorkspace

__all__ = ["DEMO_DRAW", "CsbDemo", "run_demo_csb"]

CHAIR = "Demo-voorzitter"
DEMO_DRAW = 3
"""The list the demo's committee draws for number 2: inlevering 3 (the blank list)."""
_OTHERS = (
    ("Samen Demodorp", ("Akkerman", "Bos", "Claassen", "Dijkstra", "Evers")),
    ("", ("Franssen", "Gerritsen", "Hoekstra")),
)


@dataclass(frozen=True, slots=True)
class CsbDemo:
    """What the CSB demo did: the workspace, the lists received, findings, lot and files."""

    workspace: Path
    received: tuple[Received, ...]
    errors: int
    warnings: int
    question: str
    established: Established


def _other(base: Nomination, appellation: str, names: tuple[str, ...], day: date) -> Nomination:
    candidates = tuple(
        Candidate(
            key=f"demo-{n}",
            initials=f"{'ABCDE'[n % 5]}.",
            last_name=name,
            gender=Gender.FEMALE if n % 2 else Gender.MALE,
            date_of_birth=date(day.year - 30 - 3 * n, 1 + n, 10 + n),
            locality=base.election.area_name or "Demodorp",
            correspondence=PostalAddress(f"Dorpsstraat {10 + n}", "9999 ZZ", "Demodorp"),
        )
        for n, name in enumerate(names, start=1)
    )
    kind = AppellationKind.REGISTERED if appellation else AppellationKind.BLANK
    party = dataclasses.replace(
        base.party, kind=kind, appellation=appellation, groups=(), previous_seats=None
    )
    if not appellation:
        party = Party(kind=kind, submitter=base.party.submitter, substitutes=base.party.substitutes)
    kieskringen = base.lists[0].kieskringen
    return Nomination(
        election=base.election,
        party=party,
        candidates=candidates,
        lists=(CandidateList("lijst-1", kieskringen, tuple(c.key for c in candidates)),),
    )


def run_demo_csb(folder: Path) -> CsbDemo:
    """Receive, examine, number and establish the three demo lists in ``folder/csb``.

    A previous demo workspace there is replaced; nothing else is touched.

    Raises:
        InputError: the folder cannot be written (Dutch).
    """
    nomination, _, created = demo_nomination()
    dates = election_dates(nomination.election)
    base = folder / "csb"
    try:
        (base / "inleveringen").mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(
            f"{base}: map kan niet worden gemaakt ({os_reason(error, Action.WRITE_FOLDER)})"
        ) from None
    path = base / f"demodorp{SUFFIX}"
    path.unlink(missing_ok=True)  # the demo's own workspace of an earlier run
    with CsbWorkspace.create(path, nomination.election, "demo", CHAIR) as workspace:
        workspace.replace_register(
            [RegisterEntry("Samen Demodorp", 1890, 4)], "demo: vorige verkiezing", CHAIR
        )
    lists = [nomination] + [
        _other(nomination, appellation, names, dates.nomination_day)
        for appellation, names in _OTHERS
    ]
    received = []
    for number, item in enumerate(lists, start=1):
        file = base / "inleveringen" / f"inlevering_{number}.eml.xml"
        code = export_210(item, item.lists[0], file, created=created)
        at = datetime.combine(dates.nomination_day, time(9 + number, 0))
        received.append(receive(path, file, code, at, CHAIR))
    examination = examine(path)
    errors = sum(1 for f in examination.findings if f.finding.severity is Severity.ERROR)
    warnings = sum(1 for f in examination.findings if f.finding.severity is Severity.WARNING)
    first = number_submissions(path)
    question = (
        lot_question(first.request, first.units) if isinstance(first, NumberingLotRequired) else ""
    )
    outcome = establish(
        path,
        base / "vastgesteld",
        day=dates.public_session,
        lots=[DEMO_DRAW] if question else [],
        actor=CHAIR,
    )
    if isinstance(outcome, NumberingLotRequired):
        raise InputError("demo: de trekking van de demo past niet bij de gelijke lijsten")
    return CsbDemo(path, tuple(received), errors, warnings, question, outcome)
