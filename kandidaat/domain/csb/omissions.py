"""Omissions (verzuimen): the catalogue, and what an omission not repaired strikes.

At the examination (Kieswet I 1) the centraal stembureau records what is
missing or wrong in a submission; the submitter may repair it within the
repair period (I 2 lid 2). What is not repaired, and what cannot be repaired,
has a consequence fixed by law (Kieswet geldend op 2026-01-01; EK: S 1 - S 4):

- the list is invalid for the kieskring (I 5): too few support declarations
  there, or for all its kieskringen: no proof of the deposit, not handed in by
  an entitled voter, a submitter who did not identify;
- the candidate is struck from the list in that kieskring (I 6 lid 1);
- the appellation is struck above the list, which stays as a blank list
  (I 6 lid 2 onder a): the authorisation (H 3-1 / H 3-2) missing;
- a list of which every candidate is struck is invalid (I 5 onder g).

The catalogue follows the omissions the Kiesraad's e-KS offers the committee
(``src/structs/csb/omission/omissions.json``, read on 2026-12-07) and the list of
recoverable omissions on kiesraad.nl ("Wat zijn herstelbare verzuimen?"), in
our own words. The letter of I 2 lid 1 is not given per omission: the current
text was not at hand; the consequence articles (I 5, I 6) are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from kandidaat.domain.csb.model import Submission

__all__ = [
    "CATALOGUE",
    "Consequence",
    "Level",
    "Omission",
    "OmissionKind",
    "OmissionOutcome",
    "catalogue_kind",
    "outcome_of_omissions",
]


class Level(Enum):
    """What an omission is about."""

    LIST = "lijst"
    """The submission as a whole, or (with a kieskring) its list in one kieskring."""
    APPELLATION = "aanduiding"
    """The appellation above the list."""
    CANDIDATE = "kandidaat"
    """One candidate (by place on the list)."""


class Consequence(Enum):
    """What happens when the omission is not repaired."""

    LIST_INVALID = "lijst ongeldig"
    APPELLATION_STRUCK = "aanduiding geschrapt"
    CANDIDATE_STRUCK = "kandidaat geschrapt"


@dataclass(frozen=True, slots=True)
class OmissionKind:
    """One entry of the catalogue.

    ``per_kieskring``: the omission is recorded for one kieskring (support
    declarations); otherwise it holds for every kieskring of the submission.
    ``article`` is the rule that gives the consequence.
    """

    code: str
    level: Level
    title: str
    repair: str
    consequence: Consequence
    article: str
    per_kieskring: bool = False
    recoverable: bool = True


CATALOGUE: tuple[OmissionKind, ...] = (
    OmissionKind(
        "H4-TEKORT",
        Level.LIST,
        "Voor deze kieskring zijn niet genoeg geldige ondersteuningsverklaringen ingeleverd.",
        "Lever alsnog genoeg ondertekende ondersteuningsverklaringen (model H 4) in voor deze "
        "kieskring.",
        Consequence.LIST_INVALID,
        "Kieswet I 2 lid 1 en lid 3, I 5 onder c",
        per_kieskring=True,
    ),
    OmissionKind(
        "H4-ANDERE-KANDIDATEN",
        Level.LIST,
        "De ondersteuningsverklaringen noemen niet dezelfde kandidaten in dezelfde volgorde als "
        "de kandidatenlijst; zij worden geacht te ontbreken.",
        "Lever ondersteuningsverklaringen (model H 4) in met dezelfde kandidaten als op de lijst.",
        Consequence.LIST_INVALID,
        "Kieswet I 2 lid 1 en lid 3, I 5 onder c",
        per_kieskring=True,
    ),
    OmissionKind(
        "WAARBORGSOM",
        Level.LIST,
        "Het bewijs dat de waarborgsom is betaald ontbreekt.",
        "Betaal de waarborgsom en lever het bewijs van betaling (model H 12) in.",
        Consequence.LIST_INVALID,
        "Kieswet I 2 lid 1 en lid 4, I 5 onder b",
    ),
    OmissionKind(
        "INLEVERAAR-GEEN-KIEZER",
        Level.LIST,
        "De lijst is niet ingeleverd door een kiezer die aan de verkiezing mag deelnemen.",
        "Een kiezer die aan de verkiezing mag deelnemen, levert de lijst alsnog in.",
        Consequence.LIST_INVALID,
        "Kieswet H 3 lid 1, I 2 lid 1 en lid 5, I 5 onder e",
    ),
    OmissionKind(
        "INLEVERAAR-NIET-GELEGITIMEERD",
        Level.LIST,
        "De inleveraar heeft zich bij het inleveren niet met een geldig identiteitsbewijs "
        "gelegitimeerd.",
        "De inleveraar legitimeert zich alsnog bij het centraal stembureau.",
        Consequence.LIST_INVALID,
        "Kieswet H 3 lid 1, I 2 lid 1, I 5 onder f",
    ),
    OmissionKind(
        "H3-1-ONTBREEKT",
        Level.APPELLATION,
        "De machtiging om de aanduiding boven de lijst te plaatsen (model H 3-1) ontbreekt.",
        "Lever alsnog een machtiging (model H 3-1) in, ondertekend door de (plaatsvervangend) "
        "gemachtigde uit het register.",
        Consequence.APPELLATION_STRUCK,
        "Kieswet H 3 lid 2, I 2 lid 1, I 6 lid 2 onder a",
    ),
    OmissionKind(
        "H3-2-ONTBREEKT",
        Level.APPELLATION,
        "De machtiging om een samengevoegde aanduiding boven de lijst te plaatsen (model H 3-2) "
        "ontbreekt.",
        "Lever alsnog een machtiging (model H 3-2) in van de gemachtigden van elke groepering.",
        Consequence.APPELLATION_STRUCK,
        "Kieswet H 3 lid 3, I 2 lid 1, I 6 lid 2 onder a",
    ),
    OmissionKind(
        "GEMACHTIGDE-NIET-GEREGISTREERD",
        Level.APPELLATION,
        "De machtiging is niet ondertekend door een (plaatsvervangend) gemachtigde uit het "
        "register van aanduidingen; zij wordt geacht te ontbreken.",
        "Lever een nieuwe machtiging in, ondertekend door de (plaatsvervangend) gemachtigde uit "
        "het register.",
        Consequence.APPELLATION_STRUCK,
        "Kieswet H 3 lid 2, I 2 lid 1, I 6 lid 2 onder a",
    ),
    OmissionKind(
        "AANDUIDING-NIET-GEREGISTREERD",
        Level.APPELLATION,
        "De aanduiding staat niet in het register van aanduidingen; de machtiging wordt geacht "
        "te ontbreken. Niet herstelbaar: de lijst doet mee als blanco lijst.",
        "",
        Consequence.APPELLATION_STRUCK,
        "Kieswet G 1, H 3 lid 2, I 6 lid 2 onder a",
        recoverable=False,
    ),
    OmissionKind(
        "KANDIDAAT-ONJUIST-VERMELD",
        Level.CANDIDATE,
        "De kandidaat is niet vermeld zoals Kiesbesluit H 2 voorschrijft (bijvoorbeeld met een "
        "titel, predicaat of een niet toegestane geslachtsvermelding).",
        "Lever een nieuwe instemmingsverklaring (model H 9) in met de vermelding zoals het "
        "Kiesbesluit die voorschrijft.",
        Consequence.CANDIDATE_STRUCK,
        "Kiesbesluit H 2, Kieswet I 2 lid 1, I 6 lid 1 onder a",
    ),
    OmissionKind(
        "H9-ONTBREEKT",
        Level.CANDIDATE,
        "De verklaring dat de kandidaat instemt met de kandidaatstelling (model H 9) ontbreekt, "
        "of wordt geacht te ontbreken (handtekening of datum ontbreekt of is niet juist, de "
        "lijst op de verklaring wijkt af, geen volledig adres).",
        "Lever een juist ingevulde en ondertekende instemmingsverklaring (model H 9) in.",
        Consequence.CANDIDATE_STRUCK,
        "Kieswet H 9, I 2 lid 1, I 6 lid 1 onder b",
    ),
    OmissionKind(
        "ID-KOPIE-ONTBREEKT",
        Level.CANDIDATE,
        "Van de kandidaat is geen kopie van een geldig identiteitsbewijs ingeleverd; de "
        "instemmingsverklaring wordt geacht te ontbreken.",
        "Lever alsnog een kopie van een geldig identiteitsbewijs van de kandidaat in.",
        Consequence.CANDIDATE_STRUCK,
        "Kieswet H 9 lid 3, I 2 lid 1, I 6 lid 1 onder b",
    ),
    OmissionKind(
        "GEMACHTIGDE-BUITENLAND",
        Level.CANDIDATE,
        "De kandidaat woont buiten Nederland en heeft op de instemmingsverklaring geen "
        "gemachtigde in Nederland aangewezen.",
        "Lever een nieuwe instemmingsverklaring (model H 9) in met een gemachtigde.",
        Consequence.CANDIDATE_STRUCK,
        "Kieswet H 9 lid 2, I 2 lid 1, I 6 lid 1 onder c",
    ),
    OmissionKind(
        "VESTIGING-ONTBREEKT",
        Level.CANDIDATE,
        "De kandidaat woont niet in het gebied van de verkiezing en heeft geen verklaring van "
        "voorgenomen vestiging ingeleverd.",
        "Lever alsnog de verklaring van voorgenomen vestiging van de kandidaat in.",
        Consequence.CANDIDATE_STRUCK,
        "Kieswet H 10, I 2 lid 1, I 6 lid 1 onder e",
    ),
    OmissionKind(
        "Y13-ONTBREEKT",
        Level.CANDIDATE,
        "De verklaring van de kandidaat dat deze zich niet in een andere lidstaat kandidaat "
        "stelt (model Y 13) ontbreekt.",
        "Lever alsnog de verklaring (model Y 13) van de kandidaat in.",
        Consequence.CANDIDATE_STRUCK,
        "Kieswet Y 15, Y 17",
    ),
    OmissionKind(
        "TE-JONG",
        Level.CANDIDATE,
        "De kandidaat voldoet niet aan de leeftijdseis van achttien jaar. Niet herstelbaar.",
        "",
        Consequence.CANDIDATE_STRUCK,
        "Kieswet I 6 lid 1 onder d",
        recoverable=False,
    ),
    OmissionKind(
        "OVERLEDEN",
        Level.CANDIDATE,
        "De kandidaat is overleden. Niet herstelbaar.",
        "",
        Consequence.CANDIDATE_STRUCK,
        "Kieswet I 6 lid 1 onder h",
        recoverable=False,
    ),
)
"""Every omission the committee can record, with what follows when it is not repaired."""

_BY_CODE = {kind.code: kind for kind in CATALOGUE}


def catalogue_kind(code: str) -> OmissionKind | None:
    """The catalogue entry for ``code`` (case-insensitive), or None."""
    return _BY_CODE.get(code.strip().upper())


@dataclass(frozen=True, slots=True)
class Omission:
    """One recorded omission: its number, where it is, and whether it was repaired.

    ``kieskring`` is set for an omission per kieskring; ``candidate_key`` for
    a candidate (the key in the submission's nomination).
    """

    number: int
    submission: int
    code: str
    kieskring: str | None
    candidate_key: str | None
    note: str
    repaired: bool


@dataclass(frozen=True, slots=True)
class OmissionOutcome:
    """What the omissions not repaired strike, per submission and kieskring.

    ``invalid`` holds (submission, kieskring) pairs where the list is invalid,
    with the article; ``struck_candidates`` the candidate keys per pair;
    ``struck_appellations`` the pairs whose appellation is struck.
    """

    invalid: Mapping[tuple[int, str], str]
    struck_candidates: Mapping[tuple[int, str], frozenset[str]]
    struck_appellations: frozenset[tuple[int, str]]


def outcome_of_omissions(
    omissions: Iterable[Omission], submissions: Sequence[Submission]
) -> OmissionOutcome:
    """What the omissions not repaired strike (Kieswet I 5, I 6, geldend op 2026-01-01).

    A list-level omission without kieskring makes the list invalid in every
    kieskring of its submission (I 5 onder b, e, f); one per kieskring only
    there (I 5 onder c). A candidate omission strikes the candidate in every
    kieskring of the submission (I 6 lid 1); an appellation omission strikes
    the appellation (I 6 lid 2 onder a). Repaired omissions strike nothing.
    """
    kieskringen = {s.number: s.kieskringen for s in submissions}
    invalid: dict[tuple[int, str], str] = {}
    candidates: dict[tuple[int, str], set[str]] = {}
    appellations: set[tuple[int, str]] = set()
    for omission in omissions:
        kind = catalogue_kind(omission.code)
        if kind is None or (omission.repaired and kind.recoverable):
            continue
        where = (
            (omission.kieskring,)
            if omission.kieskring is not None
            else kieskringen.get(omission.submission, ())
        )
        for kieskring in where:
            pair = (omission.submission, kieskring)
            if kind.consequence is Consequence.LIST_INVALID:
                invalid.setdefault(pair, kind.article)
            elif kind.consequence is Consequence.APPELLATION_STRUCK:
                appellations.add(pair)
            elif omission.candidate_key is not None:
                candidates.setdefault(pair, set()).add(omission.candidate_key)
    return OmissionOutcome(
        invalid,
        {pair: frozenset(keys) for pair, keys in candidates.items()},
        frozenset(appellations),
    )
