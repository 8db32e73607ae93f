"""What the documents need besides the nomination, computed by the app layer.

The documents hold no rules: which H 4 counts apply, whether the party is
exempt, the deposit and the deadlines come from the domain
(:mod:`kandidaat.domain.nomination`) through the use case in ``app/``, which
also computes the hash code of the EML 210 printed in every footer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from kandidaat.domain.errors import InputError

__all__ = ["DocumentFile", "DocumentSet", "NominationDates", "RenderContext", "check_hash_code"]

_HASH_CODE = re.compile(r"^[0-9A-Fa-f]{4}( [0-9A-Fa-f]{4}){15}$")


class NominationDates(Protocol):
    """The deadlines the checklist prints (``ElectionDates`` of the domain fits)."""

    @property
    def election_date(self) -> date:
        """Day of the election."""

    @property
    def nomination_day(self) -> date:
        """Dag van kandidaatstelling: lists are handed in 09:00-17:00 (Kieswet H 1)."""

    @property
    def deposit_deadline(self) -> date:
        """Last day the waarborgsom must be received (Kiesbesluit H 3)."""

    @property
    def support_window_start(self) -> date:
        """First day ondersteuningsverklaringen can be signed (Kieswet H 4 lid 3)."""

    @property
    def support_window_end(self) -> date:
        """Last day ondersteuningsverklaringen can be signed."""


@dataclass(frozen=True, slots=True)
class RenderContext:
    """Everything the documents print that is not in the nomination itself.

    ``h4_required`` maps a kieskring number to the number of
    ondersteuningsverklaringen needed there (Kieswet art. H 4 lid 1); None
    means the party is exempt (H 4 lid 8) and no H 4 is printed.
    ``deposit_cents`` is the waarborgsom per list (0: none due, H 12 lid 2), in
    ``deposit_currency`` (US dollars for the eilandsraad).
    ``eml_hash`` is the hash code of the EML 210 ("xxxx xxxx ..." 16 groups);
    ``eml_hashes`` overrides it per list key when each list has its own file.
    ``concept_reasons`` non-empty marks every page "CONCEPT - niet inleveren".
    ``settlement_keys`` names the candidates who sign a verklaring voorgenomen
    vestiging (None: those whose ``lives_in_area`` is False).
    """

    eml_hash: str
    app_version: str
    created: date
    h4_required: Mapping[str, int] | None = None
    deposit_cents: int = 0
    deposit_currency: str = "EUR"
    dates: NominationDates | None = None
    concept_reasons: tuple[str, ...] = ()
    eml_hashes: Mapping[str, str] = field(default_factory=dict)
    settlement_keys: frozenset[str] | None = None

    @property
    def concept(self) -> bool:
        """True when the documents may not be handed in (reasons are listed)."""
        return bool(self.concept_reasons)

    def hash_for(self, list_key: str) -> str:
        """The EML 210 hash code printed on the documents of one list."""
        return self.eml_hashes.get(list_key, self.eml_hash)


def check_hash_code(value: str, where: str) -> str:
    """The hash code in upper case, or an InputError naming ``where``."""
    if not _HASH_CODE.match(value):
        raise InputError(
            f"{where}: de hashcode van het EML 210-bestand moet bestaan uit 16 groepen van "
            f"4 hexadecimale tekens, gescheiden door spaties; gekregen: {value!r}."
        )
    return value.upper()


@dataclass(frozen=True, slots=True)
class DocumentFile:
    """One PDF written: where it is, which model, for which list, how many pages."""

    path: Path
    model: str
    title: str
    list_key: str
    pages: int


@dataclass(frozen=True, slots=True)
class DocumentSet:
    """The documents of one nomination as written to ``out_dir``."""

    out_dir: Path
    files: tuple[DocumentFile, ...]
    combined: Path
    combined_pages: int
    concept_reasons: tuple[str, ...] = ()
    """Why the set is a concept: the app's reasons and the gaps in the H 1 data."""

    def of_model(self, model: str) -> tuple[DocumentFile, ...]:
        """The files of one model ("H 9")."""
        return tuple(item for item in self.files if item.model == model)
