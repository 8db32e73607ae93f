"""From the agreed figures of every polling station to the EML 510b record.

The gemeentelijk stembureau adds up the polling stations' results in a public session
(Kieswet hoofdstuk Na, versie 2026; its proces-verbaal is model Na 31-1 or Na 31-2 of
the Regeling modellen Kieswet) and sends them as EML 510b: one
ReportingUnitVotes per polling station (``0042::SB1``) and their sum as TotalVotes
(docs/eml.md section 5.7 of the reference material). The codes and their order are
those of the Kiesraad's own 510b files (OSV2020).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import TYPE_CHECKING

from kandidaat.domain.election import (
    CountRecord,
    Envelope,
    ListCount,
    ReportingUnitCount,
    VoteCounts,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from kandidaat.domain.count.figures import BallotLayout, StationFigures
    from kandidaat.domain.election import ElectionIdentifier, PollingStation

__all__ = [
    "INVESTIGATION_CODES",
    "UNCOUNTED_CODES",
    "count_record",
    "investigations_xml",
    "municipality_code",
    "station_counts",
]

UNCOUNTED_CODES: tuple[tuple[str, str], ...] = (
    ("geldige stempassen", "stempassen"),
    ("geldige volmachtbewijzen", "volmachtbewijzen"),
    ("geldige kiezerspassen", "kiezerspassen"),
    ("toegelaten kiezers", "toegelaten kiezers"),
    ("meer getelde stembiljetten", "meer geteld"),
    ("minder getelde stembiljetten", "minder geteld"),
    ("meegenomen stembiljetten", "meegenomen"),
    ("te weinig uitgereikte stembiljetten", "te weinig uitgereikt"),
    ("te veel uitgereikte stembiljetten", "te veel uitgereikt"),
    ("geen verklaring", "geen verklaring"),
    ("andere verklaring", "andere verklaring"),
)
"""UncountedVotes ReasonCode (510 XSD) and the field of the proces-verbaal it carries."""

_CODE_DIGITS = 4


def municipality_code(identifier: str) -> str:
    """The 4-digit CBS code a 510b writes (``42`` of a 110b is ``0042``).

    Raises:
        ValueError: not a number of at most four digits.
    """
    text = identifier.strip()
    if not (text.isascii() and text.isdigit() and len(text) <= _CODE_DIGITS):
        msg = f"gemeentecode {text[:20]!r} is geen getal van hoogstens 4 cijfers"
        raise ValueError(msg)
    return text.zfill(_CODE_DIGITS)


def station_counts(figures: StationFigures, layout: BallotLayout, eligible: int) -> VoteCounts:
    """One polling station's figures as a 510 VoteGroup (``eligible`` is its Cast)."""
    names = {item.number: item.name for item in layout.lists}
    t = figures.total
    return VoteCounts(
        lists=tuple(
            ListCount(item.number, names[item.number], item.total, item.candidates)
            for item in figures.lists
        ),
        cast=eligible,
        total_counted=t("stemmen op lijsten"),
        rejected=(("ongeldig", t("ongeldig")), ("blanco", t("blanco"))),
        uncounted=tuple((code, t(name)) for code, name in UNCOUNTED_CODES),
    )


def _sum(blocks: Sequence[VoteCounts], layout: BallotLayout, cast: int) -> VoteCounts:
    """The polling stations added up, list by list and candidate by candidate."""
    lists: Counter[int] = Counter()
    candidates: Counter[tuple[int, int]] = Counter()
    rejected: Counter[str] = Counter()
    uncounted: Counter[str] = Counter()
    for block in blocks:
        for item in block.lists:
            lists[item.number] += item.votes
            for position, votes in item.candidate_votes:
                candidates[(item.number, position)] += votes
        rejected.update(dict(block.rejected))
        uncounted.update(dict(block.uncounted))
    return VoteCounts(
        lists=tuple(
            ListCount(
                item.number,
                item.name,
                lists[item.number],
                tuple((p, candidates[(item.number, p)]) for p in item.positions),
            )
            for item in layout.lists
        ),
        cast=cast,
        total_counted=sum(block.total_counted for block in blocks),
        rejected=(("ongeldig", rejected["ongeldig"]), ("blanco", rejected["blanco"])),
        uncounted=tuple((code, uncounted[code]) for code, _ in UNCOUNTED_CODES),
    )


def _investigation(investigations: Mapping[int, tuple[str, bool]], number: int) -> tuple[str, ...]:
    """The trailing XML of station ``number``: its investigation, if it had one."""
    if number not in investigations:
        return ()
    kind, corrected = investigations[number]
    return (investigations_xml(kind, corrected=corrected),)


def _unit_name(station: PollingStation) -> str:
    """``Stembureau <name> (postcode: 1234 AB)``, as OSV2020 names a polling station."""
    name = f"Stembureau {station.name}" if station.name else f"Stembureau {station.number}"
    return f"{name} (postcode: {station.postal_code})" if station.postal_code else name


def _count_election(election: ElectionIdentifier) -> ElectionIdentifier:
    r"""The ElectionIdentifier of a 510: no NominationDate; a municipality's code in 4 digits.

    The 510 XSD allows ``\\d{4}`` (a CBS code) or a water-board number as ElectionDomain
    Id; abacus' Juinen 110a writes ``42``, which a 510b writes as ``0042``.
    """
    domain_id = election.domain_id
    if election.category == "GR" and domain_id is not None:
        try:
            domain_id = municipality_code(domain_id)
        except ValueError:
            domain_id = election.domain_id
    return dataclasses.replace(election, nomination_date=None, domain_id=domain_id)


_KR = "http://www.kiesraad.nl/extensions"
INVESTIGATION_CODES = {
    "onverklaard verschil": "onderzocht vanwege onverklaard verschil",
    "andere fout": "onderzocht vanwege andere fout",
}
"""Why a station was investigated, and its kr:Investigation ReasonCode (510 XSD, DSO)."""


def investigations_xml(kind: str, *, corrected: bool) -> str:
    """kr:ReportingUnitInvestigations of a station investigated for ``kind``.

    The three DSO codes of the 510 XSD (EML_NL 1.2.2, GR2026 onwards), each true or
    false: the reason of the investigation and whether the result was corrected.

    Raises:
        KeyError: a kind that is not in :data:`INVESTIGATION_CODES`.
    """
    reason = INVESTIGATION_CODES[kind]
    flags = [(code, code == reason) for code in INVESTIGATION_CODES.values()]
    flags.append(("uitslag gecorrigeerd", corrected))
    inner = "".join(
        f'<kr:Investigation ReasonCode="{code}">{"true" if value else "false"}</kr:Investigation>'
        for code, value in flags
    )
    return (
        f'<kr:ReportingUnitInvestigations xmlns:kr="{_KR}">{inner}</kr:ReportingUnitInvestigations>'
    )


def count_record(  # noqa: PLR0913 - the parts of a 510b, each from its own source
    election: ElectionIdentifier,
    contest_id: str,
    municipality: tuple[str, str],
    stations: Sequence[tuple[PollingStation, StationFigures]],
    layout: BallotLayout,
    *,
    eligible: int | None,
    created: str,
    investigations: Mapping[int, tuple[str, bool]] | None = None,
) -> CountRecord:
    """The EML 510b of a municipality from every polling station's agreed figures.

    ``municipality`` is (CBS code, name) of the 110b; ``eligible`` its MaxVotes (the
    municipality's eligible voters; None: the sum of the stations'); ``created`` the
    creation time written (ISO, as in the file); ``investigations`` maps a station
    investigated in a later session to (kind, whether its result was corrected).

    Raises:
        ValueError: a municipality code that is not a number of at most 4 digits.
    """
    code = municipality_code(municipality[0])
    units = tuple(
        ReportingUnitCount(
            id=f"{code}::{station.unit_id}",
            name=_unit_name(station),
            counts=station_counts(figures, layout, station.voters or 0),
            trailing_xml=_investigation(investigations or {}, station.number),
        )
        for station, figures in stations
    )
    cast = eligible if eligible is not None else sum(s.voters or 0 for s, _ in stations)
    return CountRecord(
        envelope=Envelope(
            message_id="510b",
            authority_id=code,
            authority_name=municipality[1],
            creation_date_time=created,
        ),
        election=_count_election(election),
        contest_id=contest_id,
        contest_name=None,
        total=_sum([unit.counts for unit in units], layout, cast),
        units=units,
    )
