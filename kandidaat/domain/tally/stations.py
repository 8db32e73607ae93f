"""A municipality's count (EML 510b) against its list of polling stations (EML 110b)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.domain.tally.checks import CountFinding

if TYPE_CHECKING:
    from kandidaat.domain.election import CountRecord, PollingStationsRecord

_NAMED = 10
"""At most this many station numbers are named in one message."""


def same_municipality(count: CountRecord, stations: PollingStationsRecord) -> bool:
    """Whether a 510b and a 110b are of one election and one municipality.

    The 510b names its municipality in ManagingAuthority (``0668``), the 110b in
    ReportingUnit; the numbers are compared as numbers (``42`` is ``0042``).
    """
    authority = count.envelope.authority_id or ""
    municipality = stations.municipality_id
    return (
        count.election.id == stations.election.id
        and authority.isdigit()
        and municipality.isdigit()
        and int(authority) == int(municipality)
    )


def check_against_stations(
    count: CountRecord, stations: PollingStationsRecord
) -> list[CountFinding]:
    """Every polling station of the count is on the 110b, and every station counted."""
    listed = {station.number for station in stations.stations}
    counted: dict[int, int | None] = {}
    for unit in count.units:
        last = unit.id.rsplit("::", 1)[-1]
        if last.startswith("SB") and last[2:].isdigit() and last[2:].isascii():
            counted[int(last[2:])] = unit.line
    findings = [
        CountFinding(
            "station_not_listed",
            f"stembureau SB{number} staat niet in de stembureaulijst (110b) van de gemeente",
            line,
        )
        for number, line in sorted(counted.items())
        if number not in listed
    ]
    missing = sorted(listed - set(counted))
    if missing:
        shown = ", ".join(str(number) for number in missing[:_NAMED])
        more = f" en {len(missing) - _NAMED} meer" if len(missing) > _NAMED else ""
        findings.append(
            CountFinding(
                "station_not_counted",
                f"de stembureaulijst (110b) noemt stembureau {shown}{more}, maar de telling "
                "heeft er geen uitslag van",
            )
        )
    return findings
