"""The common parts of every EML_NL message: envelope and election identifier."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Envelope:
    """The header of an EML_NL message (EMLstructureKR).

    ``message_id`` is the root ``Id`` (110a, 210, 230b, 510b, 520, ...);
    ``authority_id``/``authority_name`` the ManagingAuthority (CSB, HSBn, a
    4-digit municipality code); ``creation_date_time`` is kept as written
    (with its milliseconds) so a file written again hashes the same.
    """

    message_id: str
    transaction_id: str = "1"
    authority_id: str | None = None
    authority_name: str = ""
    created_by: str | None = None
    issue_date: str | None = None
    schema_version: str | None = None
    creation_date_time: str = ""
    canonicalization: bool = True


@dataclass(frozen=True, slots=True)
class ElectionIdentifier:
    """Which election a file belongs to (ElectionIdentifier).

    ``id`` is e.g. ``GR2022_WestMaasenWaal``; ``category`` TK, GR, ...;
    ``subcategory`` GR1/GR2, PS1/PS2, ...; ``domain_id`` the CBS code or
    water-board number of regional elections.
    """

    id: str
    name: str
    category: str
    subcategory: str | None = None
    domain_id: str | None = None
    domain_name: str | None = None
    election_date: str = ""
    nomination_date: str | None = None
