"""A Dutch summary of an EML_NL file (``kandidaat eml show``)."""

from __future__ import annotations

from kandidaat.domain.election import (
    CandidateListsRecord,
    CountRecord,
    ElectionDefinition,
    ElectionIdentifier,
    NominationRecord,
    PollingStationsRecord,
    ResultRecord,
    VoteCounts,
)
from kandidaat.domain.tally.units import units_plural
from kandidaat.eml.documents import MESSAGE_NAMES, EmlDocument


def _election(election: ElectionIdentifier) -> list[str]:
    lines = [f"Verkiezing: {election.name} ({election.id})"]
    category = election.category + (f"/{election.subcategory}" if election.subcategory else "")
    lines.append(f"Soort: {category}; verkiezingsdatum {election.election_date}")
    if election.domain_name:
        lines.append(
            f"Gebied: {election.domain_name}"
            + (f" ({election.domain_id})" if election.domain_id else "")
        )
    if election.nomination_date:
        lines.append(f"Dag van kandidaatstelling: {election.nomination_date}")
    return lines


def _counts(counts: VoteCounts, indent: str = "  ") -> list[str]:
    lines = [f"{indent}lijst {c.number:>3}  {c.votes:>9}  {c.name}" for c in counts.lists]
    lines.append(
        f"{indent}geldige stemmen op lijsten {counts.total_counted}, blanco "
        f"{counts.rejected_votes('blanco')}, ongeldig {counts.rejected_votes('ongeldig')}, "
        f"kiesgerechtigden (Cast) {counts.cast}"
    )
    return lines


def _stations(document: PollingStationsRecord) -> list[str]:
    lines = [f"Gemeente: {document.municipality_name} ({document.municipality_id})"]
    if document.max_votes is not None:
        lines.append(f"Kiesgerechtigden van de gemeente (MaxVotes): {document.max_votes}")
    lines.append(f"Stembureaus: {len(document.stations)}")
    for station in document.stations:
        details = [
            part
            for part in (
                f"postcode {station.postal_code}" if station.postal_code else "",
                station.kind_name or "",
                f"{station.voters} kiesgerechtigden" if station.voters is not None else "",
            )
            if part
        ]
        lines.append(
            f"  stembureau {station.number:>4}  {station.name or '(geen naam)'}"
            + (f" ({', '.join(details)})" if details else "")
        )
    return lines


def summarize(document: EmlDocument, message_id: str) -> str:
    """The summary text."""
    lines = [f"Bericht: EML {message_id} - {MESSAGE_NAMES.get(message_id, '')}"]
    lines += _election(document.election)
    if isinstance(document, ElectionDefinition):
        lines.append(f"Zetels: {document.seats}; voorkeurdrempel {document.preference_threshold} %")
        lines.append(f"Kieskringen: {len(document.kieskringen)}")
        municipalities = [r for r in document.regions if r.category == "GEMEENTE"]
        lines.append(f"Gemeenten: {len(municipalities)}")
        lines.append(f"Geregistreerde aanduidingen: {len(document.registered_parties)}")
        lines += [f"  - {name}" for name in document.registered_parties]
    elif isinstance(document, CandidateListsRecord):
        name = f" ({document.contest_name})" if document.contest_name else ""
        total = sum(len(a.candidates) for a in document.affiliations)
        lines.append(f"Kieskring: {document.contest_id}{name}")
        lines.append(f"Lijsten: {len(document.affiliations)}, kandidaten: {total}")
        for affiliation in document.affiliations:
            lines.append(
                f"  lijst {affiliation.number:>3}  {len(affiliation.candidates):>3} kandidaten  "
                f"{affiliation.name or '(blanco lijst)'}"
            )
    elif isinstance(document, NominationRecord):
        affiliation = document.affiliation
        lines.append(f"Kieskring: {document.contest_id} ({document.contest_name})")
        lines.append(f"Aanduiding: {affiliation.name or '(blanco lijst)'}")
        lines.append(f"Kandidaten: {len(affiliation.candidates)}")
        lines += [
            f"  {c.position:>3}. {c.display_name}, {c.locality or ''}"
            for c in affiliation.candidates
        ]
        lines += [
            f"Inleveraar/vervanger: {p.initials} {p.last_name} ({p.role})"
            for p in document.proposers
        ]
    elif isinstance(document, CountRecord):
        name = f" ({document.contest_name})" if document.contest_name else ""
        lines.append(f"Kieskring: {document.contest_id}{name}")
        plural = units_plural(document.envelope.message_id, [u.id for u in document.units])
        lines.append(f"Rapporterende eenheden ({plural}): {len(document.units)}")
        if document.total is not None:
            lines.append("Totaal:")
            lines += _counts(document.total)
    elif isinstance(document, PollingStationsRecord):
        lines += _stations(document)
    elif isinstance(document, ResultRecord):
        lines.append(
            f"Gekozen lijsten: {len(document.elected_lists)}; "
            f"gekozen kandidaten: {len(document.elected)}"
        )
        for number, list_name in document.elected_lists:
            lines.append(f"  lijst {number} {list_name}:")
            lines += [
                f"    {c.order}. {c.candidate.display_name}"
                + (" (voorkeurstemmen)" if c.preferential else "")
                for c in document.elected
                if c.list_number == number
            ]
    return "\n".join(lines) + "\n"
