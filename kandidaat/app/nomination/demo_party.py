"""The demo party: a fictitious party's nomination for the demo municipality Demodorp.

``kandidaat demo`` builds the party's project from the embedded data (the
candidates go through the real spreadsheet importer), runs the checks as on a
fixed day two weeks before nomination day and exports the EML 210 with a
fixed creation time, so every run prints the same findings and hash code.

Given ``today`` (the desktop application's "Demo openen", which checks with the
real date), the demo party stands instead for the next ordinary municipal
election (:func:`~kandidaat.domain.nomination.election_calendar.next_election_day`,
ADR 0090), so its check never says that nomination day has passed.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from kandidaat.app.editing.documents import GeneratedDocuments, generate_documents
from kandidaat.app.nomination.checking import CheckReport, check_nomination
from kandidaat.app.nomination.eml_files import ExportedList, export_all_210
from kandidaat.app.nomination.list_edits import add_list
from kandidaat.app.nomination.spreadsheets import import_into
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.deadlines import election_dates
from kandidaat.domain.nomination.election_calendar import next_election_day
from kandidaat.domain.nomination.elections import municipal_election
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Body,
    Nomination,
    Party,
    PostalAddress,
    StatutoryParty,
    Submitter,
)
from kandidaat.store.project import SUFFIX, ProjectFile

__all__ = ["DEMO_PARTY", "DemoRun", "demo_nomination", "run_demo_party"]

DEMO_PARTY = "partij_demodorp_vooruit.json"
DEFAULT_FOLDER = Path("demo-uitvoer")
DOCUMENTS_FOLDER = "documenten"
"""The sub-folder of the demo folder that holds the printed models (PDF)."""


@dataclass(frozen=True, slots=True)
class DemoRun:
    """What the demo made: the project file, the check report and the EML 210 files."""

    project: Path
    report: CheckReport
    exported: tuple[ExportedList, ...]
    check_day: date
    nomination_day: date
    documents: GeneratedDocuments


def _spec() -> dict[str, Any]:
    text = resources.files("kandidaat.app.demo_data").joinpath(DEMO_PARTY).read_text("utf-8")
    spec: dict[str, Any] = json.loads(text)
    return spec


def _person(data: dict[str, str]) -> Submitter:
    return Submitter(
        initials=data["voorletters"],
        last_name=data["achternaam"],
        prefix=data.get("voorvoegsel", ""),
        address=PostalAddress(data["postadres"], data["postcode"], data["plaats"]),
    )


def _with_settlements(nomination: Nomination, spec: dict[str, Any]) -> Nomination:
    """Who lives outside Demodorp and declares to settle there.

    Kieswet art. H 7 lid 3 (geldend op 2026-01-01): a non-resident candidate
    declares the intention to settle in the municipality.
    """
    [candidate_list] = nomination.lists
    changes: dict[str, dict[str, Any]] = {}
    for item in spec.get("vestiging", []):
        key = candidate_list.candidates[int(item["positie"]) - 1]
        changes[key] = {
            "lives_in_area": bool(item["woont_in_gemeente"]),
            "settlement_areas": (item["gebied"],),
        }
    candidates = tuple(
        dataclasses.replace(c, **changes[c.key]) if c.key in changes else c
        for c in nomination.candidates
    )
    return dataclasses.replace(nomination, candidates=candidates)


def demo_nomination(today: date | None = None) -> tuple[Nomination, date, datetime]:
    """The demo party's nomination, the day its checks run and the 210's creation time.

    Without ``today``: the fixed historical calendar of the demo data (GR 2026, checked
    on 19 January 2026), the same on every run. With ``today``: the next ordinary
    municipal election (Kieswet art. C 4, F 1 lid 1, J 1 lid 1, geldend op 2026-01-01),
    checked on ``today`` and created at its midnight.

    Raises:
        InputError: the embedded data do not import (a bug: the tests guard it).
    """
    spec = _spec()
    election_day = date.fromisoformat(spec["verkiezingsdatum"])
    check_day = date.fromisoformat(spec["controledatum"])
    created = datetime.fromisoformat(spec["aanmaakmoment"])
    if today is not None:
        election_day = next_election_day(Body.GR, today)
        check_day = today
        created = datetime(today.year, today.month, today.day)  # noqa: DTZ001 - EML local time
    election = municipal_election(
        spec["gemeente"], int(spec["zetels"]), election_day, spec["cbs_code"]
    )
    group = spec["groepering"]
    party = Party(
        kind=AppellationKind.REGISTERED,
        appellation=spec["aanduiding"],
        groups=(
            StatutoryParty(group["statutaire_naam"], group["gemachtigde"], spec["vorige_zetels"]),
        ),
        previous_seats=int(spec["vorige_zetels"]),
        submitter=_person(spec["inleveraar"]),
        substitutes=tuple(_person(item) for item in spec["vervangers"]),
    )
    nomination = add_list(
        Nomination(election=election, party=party),
        spec["lijst"],
        publish_gender=bool(spec["geslacht_tonen"]),
    )
    resource = resources.files("kandidaat.app.demo_data").joinpath(spec["kandidaten"])
    with resources.as_file(resource) as csv_path:
        nomination, _ = import_into(nomination, csv_path, list_key=spec["lijst"], today=check_day)
    nomination = _with_settlements(nomination, spec)
    return nomination, check_day, created


def _replace_project(path: Path, nomination: Nomination) -> None:
    """Write the project beside ``path`` and move it into place: the old demo file or the new."""
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".demo-") as folder:
        fresh = Path(folder) / path.name
        ProjectFile.create(fresh, nomination).close()
        fresh.replace(path)


def run_demo_party(folder: Path = DEFAULT_FOLDER, today: date | None = None) -> DemoRun:
    """Build the demo party's project in ``folder``, check it and export its EML 210.

    A previous demo project in ``folder`` is replaced; nothing else there is touched.
    ``today``: see :func:`demo_nomination` (``None``: the fixed, reproducible calendar).

    Raises:
        InputError: ``folder`` cannot be made or written to.
    """
    nomination, check_day, created = demo_nomination(today)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(
            f"{folder}: map kan niet worden gemaakt ({os_reason(error, Action.WRITE_FOLDER)})"
        ) from None
    if not folder.is_dir():
        raise InputError(f"{folder}: dit is geen map")
    name = nomination.party.appellation.replace(" ", "_") + SUFFIX
    project = folder / name
    try:
        _replace_project(project, nomination)
    except OSError as error:
        raise InputError(
            f"{project}: kan niet worden geschreven ({os_reason(error, Action.WRITE_FILE)})"
        ) from None
    report = check_nomination(nomination, project.name, today=check_day)
    exported = export_all_210(nomination, folder, created=created)
    nomination_day = election_dates(nomination.election).nomination_day
    documents = generate_documents(
        nomination, report.findings, folder / DOCUMENTS_FOLDER, created=created
    )
    return DemoRun(project, report, exported, check_day, nomination_day, documents)
