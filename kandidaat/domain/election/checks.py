"""Checks of what an EML_NL file says, beyond what the XSD can say (without ``--xsd``).

Counts have their own checks (:mod:`kandidaat.domain.tally.checks`); this module
checks the other messages: the envelope (who sent it), the election definition
(110a: body, subcategory, seats, preference threshold), candidate lists (230b/c)
and polling stations (110b). Each finding has a code, a Dutch message and, where
the record knows it, the line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.domain.election.definition import ElectionDefinition
from kandidaat.domain.election.lists import CandidateListsRecord
from kandidaat.domain.election.result import ResultRecord
from kandidaat.domain.election.stations import PollingStationsRecord

if TYPE_CHECKING:
    from kandidaat.domain.election.envelope import ElectionIdentifier, Envelope


@dataclass(frozen=True, slots=True)
class RecordFinding:
    """One problem in a file: a code for machines, a Dutch message, the line."""

    code: str
    message: str
    line: int | None = None


AUTHORITY_REQUIRED = frozenset({"110b", "230b", "230c", "510a", "510b", "510c", "510d", "520"})
"""Messages whose XSD makes ManagingAuthority mandatory (docs/eml.md section 5.1)."""

SUBCATEGORIES = {
    "TK": frozenset({"TK"}),
    "EK": frozenset({"EK"}),
    "EP": frozenset({"EP"}),
    "PS": frozenset({"PS1", "PS2"}),
    "AB": frozenset({"AB1", "AB2"}),
    "GR": frozenset({"GR1", "GR2"}),
    "BC": frozenset({"BC"}),
    "GC": frozenset({"GC"}),
    "ER": frozenset({"ER1"}),
    "NR": frozenset({"NR"}),
    "PR": frozenset({"PR"}),
    "LR": frozenset({"LR"}),
    "IR": frozenset({"IR"}),
}
"""The subcategories of each election category (EML_NL, docs/eml.md sections 5.2 and 5.3)."""

LARGE_BODY_SEATS = 19
"""GR2/AB2: 19 seats or more; GR1/AB1/ER1: fewer (Kieswet art. P 7, P 8 en P 15 lid 2)."""

_SMALL = frozenset({"GR1", "AB1", "ER1"})
_LARGE = frozenset({"GR2", "AB2"})

SEAT_BOUNDS = {
    "TK": (150, 150, "Grondwet art. 51 lid 2"),
    "EK": (75, 75, "Grondwet art. 51 lid 3"),
    "EP": (1, 31, "de zetels van Nederland in het Europees Parlement (31 sinds 2024)"),
    "PS": (39, 55, "Provinciewet art. 8"),
    "GR": (9, 45, "Gemeentewet art. 8"),
}
"""Seats per body where the law fixes them (seat-rules.md, note 37)."""

MAX_SEATS = 150
"""No Dutch representative body has more seats than the Tweede Kamer."""


def document_findings(document: object) -> list[tuple[str, RecordFinding]]:
    """Every finding of a record with its kind (structuur, verkiezing, lijsten, stembureaus)."""
    findings: list[tuple[str, RecordFinding]] = []
    envelope: Envelope | None = getattr(document, "envelope", None)
    if envelope is not None:
        findings += [("structuur", f) for f in check_envelope(envelope)]
    if isinstance(document, ElectionDefinition):
        findings += [("verkiezing", f) for f in check_definition(document)]
    elif isinstance(document, CandidateListsRecord):
        findings += [("lijsten", f) for f in check_candidate_lists(document)]
    elif isinstance(document, PollingStationsRecord):
        findings += [("stembureaus", f) for f in check_polling_stations(document)]
    elif isinstance(document, ResultRecord):
        findings += [("uitslag", f) for f in check_result(document)]
    return findings


def check_envelope(envelope: Envelope) -> list[RecordFinding]:
    """Who sent the file: ManagingAuthority is mandatory in 110b, 230, 510 and 520."""
    if envelope.authority_id is None and envelope.message_id in AUTHORITY_REQUIRED:
        return [
            RecordFinding(
                "no_managing_authority",
                f"ManagingAuthority ontbreekt: een EML {envelope.message_id} moet zeggen welk "
                "stembureau of welke gemeente het bestand maakte (AuthorityIdentifier)",
            )
        ]
    return []


def check_definition(definition: ElectionDefinition) -> list[RecordFinding]:
    """The body, subcategory, seats and preference threshold of a 110a agree."""
    election = definition.election
    findings = _check_subcategory(election)
    findings += check_seats(election.category, election.subcategory, definition.seats)
    if definition.preference_threshold is not None:
        findings += check_preference_threshold(
            election.category, definition.seats, definition.preference_threshold
        )
    return findings


def _check_subcategory(election: ElectionIdentifier) -> list[RecordFinding]:
    allowed = SUBCATEGORIES.get(election.category)
    if allowed is None:
        return [
            RecordFinding(
                "unknown_category",
                f"onbekende verkiezingscategorie {election.category[:20]!r} (ElectionCategory)",
            )
        ]
    if election.subcategory is not None and election.subcategory not in allowed:
        return [
            RecordFinding(
                "subcategory_mismatch",
                f"de subcategorie {election.subcategory[:20]!r} past niet bij categorie "
                f"{election.category}: mogelijk is " + " of ".join(sorted(allowed)),
            )
        ]
    return []


def check_seats(category: str, subcategory: str | None, seats: int) -> list[RecordFinding]:
    """The number of seats fits the body and its subcategory.

    Grondwet art. 51 lid 2 en 3 (TK 150, EK 75), Provinciewet art. 8 (39 - 55),
    Gemeentewet art. 8 (9 - 45), and the subcategories GR1/AB1/ER1 (fewer than 19
    seats) and GR2/AB2 (19 or more), as Kieswet art. P 7, P 8 and P 15 lid 2 distinguish
    them (versie 2026).
    """
    findings = []
    bounds = SEAT_BOUNDS.get(category)
    if bounds is not None:
        low, high, source = bounds
        if not low <= seats <= high:
            wanted = str(low) if low == high else f"van {low} tot en met {high}"
            findings.append(
                RecordFinding(
                    "seats_out_of_range",
                    f"{seats} zetels kan niet voor een {category}-verkiezing: {wanted} ({source})",
                )
            )
    elif not 1 <= seats <= MAX_SEATS:
        findings.append(
            RecordFinding(
                "seats_out_of_range",
                f"{seats} zetels kan niet: geen Nederlands vertegenwoordigend orgaan heeft er "
                f"meer dan {MAX_SEATS} (de Tweede Kamer) of minder dan 1",
            )
        )
    if subcategory in _SMALL and seats >= LARGE_BODY_SEATS:
        findings.append(
            RecordFinding(
                "subcategory_seats",
                f"subcategorie {subcategory} betekent minder dan {LARGE_BODY_SEATS} zetels, "
                f"maar het bestand noemt er {seats}",
            )
        )
    if subcategory in _LARGE and seats < LARGE_BODY_SEATS:
        findings.append(
            RecordFinding(
                "subcategory_seats",
                f"subcategorie {subcategory} betekent {LARGE_BODY_SEATS} zetels of meer, "
                f"maar het bestand noemt er {seats}",
            )
        )
    return findings


def expected_preference_threshold(category: str, seats: int) -> int | None:
    """The preference threshold in % of the quota (None: the 110a value is not used).

    Kieswet art. P 15 lid 1 (25 %) and lid 2 (50 % for a gemeenteraad with fewer
    than 19 seats), applied to eilandsraden (art. Ya 1) as ADR 0010 explains; the
    Eerste Kamer uses the full quota (art. U 15 lid 3, versie 2026), whatever the
    file says, so its value is not checked.
    """
    if category == "EK" or category not in SUBCATEGORIES:
        return None
    if category in {"GR", "ER"} and seats < LARGE_BODY_SEATS:
        return 50
    return 25


def check_preference_threshold(category: str, seats: int, threshold: int) -> list[RecordFinding]:
    """The kr:PreferenceThreshold of a 110a is the one the Kieswet gives the body."""
    expected = expected_preference_threshold(category, seats)
    if expected is None or threshold == expected:
        return []
    return [
        RecordFinding(
            "preference_threshold",
            f"voorkeurdrempel {threshold} % past niet bij een {category}-verkiezing met "
            f"{seats} zetels: de Kieswet geeft {expected} % van de kiesdeler (art. P 15)",
        )
    ]


def check_candidate_lists(lists: CandidateListsRecord) -> list[RecordFinding]:
    """A 230b/230c has lists, and every list has candidates (Kieswet art. H 1, H 6)."""
    if not lists.affiliations:
        return [
            RecordFinding(
                "no_lists",
                f"kieskring {lists.contest_id[:20]!r}: het bestand bevat geen enkele "
                "kandidatenlijst (Affiliation)",
            )
        ]
    return [
        RecordFinding(
            "list_without_candidates",
            f"lijst {affiliation.number} ({(affiliation.name or 'blanco lijst')[:60]}) heeft "
            "geen kandidaten; een kandidatenlijst noemt ten minste één kandidaat",
            affiliation.line,
        )
        for affiliation in lists.affiliations
        if not affiliation.candidates
    ]


def check_polling_stations(record: PollingStationsRecord) -> list[RecordFinding]:
    """A 110b lists polling stations, each once, with a name; the voters add up."""
    findings = []
    if record.election.nomination_date is not None:
        findings.append(
            RecordFinding(
                "nomination_date_in_110b",
                "kr:NominationDate hoort niet in een stembureaulijst (110b); het XSD staat "
                "het niet toe (alleen in 110a, 210 en 230)",
            )
        )
    if record.contest_id != "geen":
        findings.append(
            RecordFinding(
                "contest_not_geen",
                f"ContestIdentifier is {record.contest_id[:20]!r}; een 110b heeft altijd 'geen'",
            )
        )
    if not record.stations:
        findings.append(
            RecordFinding(
                "no_polling_stations",
                "de stembureaulijst bevat geen enkel stembureau (PollingPlace)",
            )
        )
    numbers = Counter(station.number for station in record.stations)
    reported: set[int] = set()
    for station in record.stations:
        if numbers[station.number] > 1 and station.number not in reported:
            reported.add(station.number)
            findings.append(
                RecordFinding(
                    "duplicate_station",
                    f"stembureau {station.number} komt {numbers[station.number]} keer voor",
                    station.line,
                )
            )
        if not station.name.strip():
            findings.append(
                RecordFinding(
                    "station_without_name",
                    f"stembureau {station.number} heeft geen naam (xal:LocalityName)",
                    station.line,
                )
            )
    voters = sum(station.voters or 0 for station in record.stations)
    if record.max_votes is not None and voters > record.max_votes:
        findings.append(
            RecordFinding(
                "station_voters_exceed",
                f"de stembureaus hebben samen {voters} kiesgerechtigden, meer dan de "
                f"{record.max_votes} van de gemeente (MaxVotes)",
            )
        )
    return findings


def check_result(result: ResultRecord) -> list[RecordFinding]:
    """A 520 names elected lists, each once, each with its elected candidates 1, 2, 3, ...

    A list that gets seats has them filled by its candidates (Kieswet art. P 15 - P 18;
    seats a list cannot fill go to other lists, art. P 10), and the CandidateIdentifier
    of a 520 is the order of election within the list (docs/eml.md section 5.8).
    """
    if not result.elected_lists:
        return [RecordFinding("no_elected", "de uitslag noemt geen enkele gekozen lijst")]
    findings = []
    numbers = Counter(number for number, _ in result.elected_lists)
    findings += [
        RecordFinding("duplicate_elected_list", f"lijst {number} staat {times} keer in de uitslag")
        for number, times in sorted(numbers.items())
        if times > 1
    ]
    for number in sorted(numbers):
        orders = [c.order for c in result.elected if c.list_number == number]
        if not orders:
            findings.append(
                RecordFinding(
                    "elected_list_without_candidates",
                    f"lijst {number} is gekozen, maar de uitslag noemt geen gekozen kandidaat",
                )
            )
        elif sorted(orders) != list(range(1, len(orders) + 1)):
            findings.append(
                RecordFinding(
                    "elected_order",
                    f"lijst {number}: de volgorde van verkiezing moet 1 tot en met "
                    f"{len(orders)} zijn, niet " + ", ".join(map(str, orders[:20])),
                )
            )
    return findings
