"""What EML_NL files carry, as plain frozen records (standard library only).

The records keep every field the Kiesraad's files hold, in their order, so that
reading and writing again gives the same document. ``kandidaat.eml`` maps XML to
these records and back; the rest of the package works with the records.
"""

from kandidaat.domain.election.counts import (
    CountRecord,
    ListCount,
    ReportingUnitCount,
    VoteCounts,
)
from kandidaat.domain.election.definition import Committee, ElectionDefinition, Region
from kandidaat.domain.election.envelope import ElectionIdentifier, Envelope
from kandidaat.domain.election.lists import (
    AddressRecord,
    AffiliationRecord,
    AgentRecord,
    CandidateListsRecord,
    CandidateRecord,
    ContestLists,
    NominationRecord,
    Proposer,
)
from kandidaat.domain.election.result import ElectedCandidate, ResultRecord
from kandidaat.domain.election.stations import PollingStation, PollingStationsRecord

__all__ = [
    "AddressRecord",
    "AffiliationRecord",
    "AgentRecord",
    "CandidateListsRecord",
    "CandidateRecord",
    "Committee",
    "ContestLists",
    "CountRecord",
    "ElectedCandidate",
    "ElectionDefinition",
    "ElectionIdentifier",
    "Envelope",
    "ListCount",
    "NominationRecord",
    "PollingStation",
    "PollingStationsRecord",
    "Proposer",
    "Region",
    "ReportingUnitCount",
    "ResultRecord",
    "VoteCounts",
]
