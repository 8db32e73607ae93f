"""Verklaring voorgenomen vestiging: a candidate living outside the area will settle there.

Kieswet art. H 7 lid 3 (geldend op 2026-01-01): for provinciale staten, the
algemeen bestuur of a waterschap and the gemeenteraad, a candidate who does not
live in the province, waterschap or gemeente declares that he will settle
there if appointed. A declaration for two areas strikes the candidate
(art. I 6 lid 1 f). The Kiesregeling has no model number for it (OSV named it
"osv 1-1").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.documents._person import person_story
from kandidaat.documents.layout import (
    field_rows,
    header,
    hint,
    para,
    render_single,
    section,
    signature_block,
)
from kandidaat.documents.text import (
    area_phrase,
    birth_date_text,
    election_phrase,
    initials_text,
    residence_text,
    surname,
)
from kandidaat.domain.nomination.model import AppellationKind

if TYPE_CHECKING:
    from kandidaat.documents._rl import Flowable
    from kandidaat.documents.context import RenderContext
    from kandidaat.documents.layout import Story
    from kandidaat.documents.plan import ListPlan, PersonPlan
    from kandidaat.domain.nomination.model import Nomination

__all__ = ["MODEL", "render_pdf_bytes", "story"]

MODEL = "vestiging"
TITLE = "Verklaring voorgenomen vestiging"


def story(nomination: Nomination, plan: ListPlan, person: PersonPlan) -> Story:
    """The verklaring voorgenomen vestiging of one candidate."""
    return person_story(
        model=MODEL,
        title=TITLE,
        prefix="vestiging",
        plan=plan,
        person=person,
        build=lambda: _content(nomination, plan, person),
        numbered=False,
    )


def render_pdf_bytes(
    nomination: Nomination, plan: ListPlan, person: PersonPlan, context: RenderContext
) -> bytes:
    """The declaration of one candidate as PDF bytes."""
    return render_single(story(nomination, plan, person), plan.hash_code, context)


def _content(nomination: Nomination, plan: ListPlan, person: PersonPlan) -> list[Flowable]:
    election = nomination.election
    candidate = person.candidate
    party = nomination.party
    address = candidate.correspondence
    parts: list[Flowable] = header("", TITLE, f"voor {election_phrase(election)}")
    parts.append(section("1", "Gegevens van de kandidaat"))
    parts.append(
        field_rows(
            [
                ("Naam", surname(candidate)),
                ("Voorletters (roepnaam)", initials_text(candidate, publish_gender=False)),
                ("Geboortedatum", birth_date_text(candidate)),
                ("Woonplaats", residence_text(candidate)),
                ("Correspondentieadres", ", ".join(address.lines()) if address else ""),
            ]
        )
    )
    if party.kind == AppellationKind.BLANK or not party.appellation:
        first = plan.candidates[0]
        which = f"de kandidatenlijst zonder aanduiding waarop {surname(first)} als eerste staat"
    else:
        which = f"de kandidatenlijst met de aanduiding “{party.appellation}”"
    area = area_phrase(election)
    parts.append(section("2", "Verklaring"))
    parts.append(
        para(
            f"Ondergetekende, kandidaat op {which} voor {election_phrase(election)}, woont niet "
            f"in {area} en verklaart dat hij of zij zich in {area} zal vestigen als hij of zij "
            "tot lid wordt benoemd."
        )
    )
    parts.append(
        hint(
            "Deze verklaring mag voor slechts één provincie, waterschap of gemeente worden "
            "afgelegd; wie haar voor twee afgeeft, wordt van de lijsten geschrapt (Kieswet "
            "artikel I 6 lid 1 onder f)."
        )
    )
    parts.append(section("3", "Ondertekening"))
    parts.append(signature_block("kandidaat"))
    return parts
