"""Which documents each list needs, from the nomination and the app's inputs.

No rules are decided here: the H 4 counts, the exemption and the deposit come
in through :class:`~kandidaat.documents.context.RenderContext`. The plan only
follows the models: H 3-1 for a registered appellation and H 3-2 for a
combined one (Kieswet art. H 3 lid 1-2), none for a blank list; an H 4 per
kieskring when counts are given; an H 9 per candidate (H 9 lid 1), printed once
per person in the folder of the first list the person is on and naming the
kieskringen of every list of this party the person is on; Y 13 for every
candidate and Y 35 for nationals of another member state (EP, Kieswet art.
Y 13, Y 35); a verklaring voorgenomen vestiging for candidates living outside
the area (PS, AB, GR; Kieswet art. H 7 lid 3), all geldend op 2026-01-01.
A Frisian list in Fryslân gets its models in Frisian (Kiesbesluit art. H 2
lid 5; ADR 0131).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kandidaat.documents.context import check_hash_code
from kandidaat.documents.text import birth_date_text, file_stem, money
from kandidaat.domain.errors import InputError
from kandidaat.domain.nomination.model import (
    AppellationKind,
    Body,
    Candidate,
    CandidateList,
    Nomination,
)

if TYPE_CHECKING:
    from kandidaat.documents.context import RenderContext

__all__ = ["ListPlan", "PersonPlan", "model_gaps", "plan_lists"]

_SETTLEMENT_BODIES = frozenset({Body.PS, Body.AB, Body.GR})


@dataclass(frozen=True, slots=True)
class PersonPlan:
    """The personal documents of one candidate: where they are printed and what they cover.

    ``position`` is the candidate's number on the list whose folder holds them;
    ``kieskringen`` are the kieskringen of every list of the party the candidate
    is on (in the order of the election).
    """

    candidate: Candidate
    position: int
    folder: str
    kieskringen: tuple[str, ...]
    settlement: bool
    y35: bool

    @property
    def h9_filename(self) -> str:
        """``H9_<nr>_<achternaam>.pdf``."""
        return f"H9_{self.position}_{file_stem(self.candidate.last_name)}.pdf"

    def filename(self, prefix: str) -> str:
        """``<prefix>_<nr>_<achternaam>.pdf`` for Y 13, Y 35 and vestiging."""
        return f"{prefix}_{self.position}_{file_stem(self.candidate.last_name)}.pdf"


@dataclass(frozen=True, slots=True)
class ListPlan:
    """The documents of one list (numbered 1, 2, ... in the order of the nomination)."""

    number: int
    candidate_list: CandidateList
    candidates: tuple[Candidate, ...]
    appellation_model: str | None
    h4: tuple[tuple[str, int], ...]
    persons_here: tuple[PersonPlan, ...]
    persons_elsewhere: tuple[PersonPlan, ...]
    deposit_cents: int
    deposit_currency: str
    hash_code: str
    ek_support: bool
    ep: bool
    language: str = "nl"
    """The language of the models: "fy" for a Frisian list where the election allows it."""

    @property
    def folder(self) -> str:
        """``lijst_<n>``."""
        return f"lijst_{self.number}"

    @property
    def persons(self) -> tuple[PersonPlan, ...]:
        """The personal documents of every candidate of this list, in list order."""
        by_key = {p.candidate.key: p for p in (*self.persons_here, *self.persons_elsewhere)}
        return tuple(by_key[c.key] for c in self.candidates)

    @property
    def deposit_text(self) -> str:
        """The waarborgsom as printed: "€ 225,00"."""
        return money(self.deposit_cents, self.deposit_currency)

    @property
    def id_copies(self) -> int:
        """Copies of an identity document (not for sitting members, Kieswet H 9 lid 3)."""
        return sum(1 for c in self.candidates if not c.is_member)


def plan_lists(nomination: Nomination, context: RenderContext) -> tuple[ListPlan, ...]:
    """The documents of every list; InputError for what cannot be printed at all."""
    check_hash_code(context.eml_hash, "hashcode")
    if not nomination.lists:
        raise InputError("Er is geen kandidatenlijst; er valt niets af te drukken.")
    if context.deposit_cents < 0:
        raise InputError("De waarborgsom kan niet negatief zijn.")
    persons = _persons(nomination, context)
    plans = []
    for number, candidate_list in enumerate(nomination.lists, start=1):
        plans.append(_plan_list(nomination, context, number, candidate_list, persons))
    return tuple(plans)


def _plan_list(
    nomination: Nomination,
    context: RenderContext,
    number: int,
    candidate_list: CandidateList,
    persons: dict[str, PersonPlan],
) -> ListPlan:
    where = f"Lijst {number}"
    unknown = [key for key in candidate_list.candidates if key not in persons]
    if unknown:
        raise InputError(
            f"{where}: kandidaat {unknown[0]!r} staat op de lijst maar niet in het adresboek."
        )
    seen: set[str] = set()
    for position, key in enumerate(candidate_list.candidates, start=1):
        if key in seen:
            name = nomination.candidate(key).last_name or key
            raise InputError(
                f"{where}: {name} staat twee keer op de lijst (opnieuw op plaats {position}); "
                "een kandidaat mag maar één plaats hebben."
            )
        seen.add(key)
    candidates = nomination.candidates_of(candidate_list)
    if not candidates:
        raise InputError(
            f"{where} heeft geen kandidaten; voeg ten minste één kandidaat toe voordat u "
            "de documenten afdrukt."
        )
    kind = nomination.party.kind
    appellation_model = {
        AppellationKind.REGISTERED: "H 3-1",
        AppellationKind.COMBINED: "H 3-2",
    }.get(kind)
    h4: list[tuple[str, int]] = []
    if context.h4_required is not None:
        for kring in candidate_list.kieskringen:
            count = context.h4_required.get(kring)
            if count is None:
                raise InputError(
                    f"{where}: voor kieskring {kring} is niet opgegeven hoeveel "
                    "ondersteuningsverklaringen (model H 4) nodig zijn."
                )
            if count > 0:
                h4.append((kring, count))
    folder = f"lijst_{number}"
    here = tuple(persons[c.key] for c in candidates if persons[c.key].folder == folder)
    elsewhere = tuple(persons[c.key] for c in candidates if persons[c.key].folder != folder)
    return ListPlan(
        number=number,
        candidate_list=candidate_list,
        candidates=candidates,
        appellation_model=appellation_model,
        h4=tuple(h4),
        persons_here=here,
        persons_elsewhere=elsewhere,
        deposit_cents=context.deposit_cents,
        deposit_currency=context.deposit_currency,
        hash_code=check_hash_code(context.hash_for(candidate_list.key), f"{where}: hashcode"),
        ek_support=nomination.election.body == Body.EK,
        ep=nomination.election.body == Body.EP,
        language=_language(nomination, candidate_list),
    )


def _language(nomination: Nomination, candidate_list: CandidateList) -> str:
    """Frisian models for a Frisian list (Kiesbesluit art. H 2 lid 5, geldend op 2026-01-01).

    Only at an election in Fryslân (``Election.frisian``); the checks refuse a
    Frisian list elsewhere, and its models then stay Dutch (ADR 0131).
    """
    if candidate_list.language == "fy" and nomination.election.frisian:
        return "fy"
    return "nl"


def _persons(nomination: Nomination, context: RenderContext) -> dict[str, PersonPlan]:
    order = {kring.number: index for index, kring in enumerate(nomination.election.kieskringen)}
    first: dict[str, tuple[int, int]] = {}
    kringen: dict[str, set[str]] = {}
    for number, candidate_list in enumerate(nomination.lists, start=1):
        for position, key in enumerate(candidate_list.candidates, start=1):
            first.setdefault(key, (number, position))
            kringen.setdefault(key, set()).update(candidate_list.kieskringen)
    body = nomination.election.body
    result = {}
    for candidate in nomination.candidates:
        if candidate.key not in first:
            continue
        number, position = first[candidate.key]
        if context.settlement_keys is None:
            settles = candidate.lives_in_area is False
        else:
            settles = candidate.key in context.settlement_keys
        result[candidate.key] = PersonPlan(
            candidate=candidate,
            position=position,
            folder=f"lijst_{number}",
            kieskringen=tuple(sorted(kringen[candidate.key], key=lambda k: order.get(k, 10**6))),
            settlement=settles and body in _SETTLEMENT_BODIES,
            y35=body == Body.EP and candidate.nationality not in {"", "NL"},
        )
    return result


def model_gaps(plans: tuple[ListPlan, ...]) -> tuple[str, ...]:
    """What the H 1 needs but the data lacks (Kiesbesluit art. H 2 lid 1, geldend op 2026-01-01).

    A list on which a candidate lacks last name, initials, date of birth or
    woonplaats does not follow the model; the documents are then printed as a
    concept with these reasons, the empty field visible.
    """
    gaps = []
    for plan in plans:
        for position, candidate in enumerate(plan.candidates, start=1):
            missing = [
                label
                for label, value in (
                    ("achternaam", candidate.last_name),
                    ("voorletters", candidate.initials),
                    ("geboortedatum", birth_date_text(candidate)),
                    ("woonplaats", candidate.locality),
                )
                if not value.strip()
            ]
            if missing:
                who = candidate.last_name or candidate.key
                verb = "ontbreekt" if len(missing) == 1 else "ontbreken"
                gaps.append(
                    f"Lijst {plan.number}, kandidaat {position} ({who}): "
                    f"{' en '.join(missing)} {verb}."
                )
    return tuple(gaps)
