"""Real candidates for the GUI tests: the CDA list of West Maas en Waal (GR2022, EML 230b)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from kandidaat.app.nomination.eml_files import read_candidate_data
from kandidaat.domain.nomination.elections import municipal_election

if TYPE_CHECKING:
    from pathlib import Path

    from kandidaat.domain.nomination.model import Nomination

SAMPLE = "eml_nl/samples/GR2022_WestMaasenWaal/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"
ELECTION = municipal_election("West Maas en Waal", 19, date(2026, 3, 18), "0668")


def west_maas_en_waal(shared_dir: Path, appellation: str = "CDA") -> Nomination:
    """One party's list of 2022 as the start of a 2026 project (persons and order as published)."""
    for nomination in read_candidate_data(shared_dir / SAMPLE, election=ELECTION):
        if nomination.party.appellation == appellation:
            return replace(nomination, party=replace(nomination.party, previous_seats=3))
    raise LookupError(appellation)
