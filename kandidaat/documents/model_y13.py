"""Model Y 13: a candidate for the Europees Parlement does not stand in another member state.

Kieswet art. Y 13 (geldend op 2026-01-01): every candidate declares not to be a
candidate in another member state of the European Union at the same election;
a missing declaration is an omission (Y 15) and strikes the candidate first
(Y 17). The given names are written by hand (the project holds initials).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.documents._person import person_story
from kandidaat.documents.layout import (
    field_rows,
    header,
    para,
    render_single,
    section,
    signature_block,
)
from kandidaat.documents.text import appellation_text, election_phrase, residence_text, surname

if TYPE_CHECKING:
    from kandidaat.documents._rl import Flowable
    from kandidaat.documents.context import RenderContext
    from kandidaat.documents.layout import Story
    from kandidaat.documents.plan import ListPlan, PersonPlan
    from kandidaat.domain.nomination.model import Nomination

__all__ = ["MODEL", "render_pdf_bytes", "story"]

MODEL = "Y 13"
TITLE = "Verklaring geen kandidaat in een andere lidstaat"


def story(nomination: Nomination, plan: ListPlan, person: PersonPlan) -> Story:
    """The Y 13 of one candidate."""
    return person_story(
        model=MODEL,
        title=TITLE,
        prefix="Y13",
        plan=plan,
        person=person,
        build=lambda: _content(nomination, person),
    )


def render_pdf_bytes(
    nomination: Nomination, plan: ListPlan, person: PersonPlan, context: RenderContext
) -> bytes:
    """The Y 13 of one candidate as PDF bytes."""
    return render_single(story(nomination, plan, person), plan.hash_code, context)


def _content(nomination: Nomination, person: PersonPlan) -> list[Flowable]:
    election = nomination.election
    candidate = person.candidate
    parts: list[Flowable] = header(MODEL, TITLE, f"voor {election_phrase(election)}")
    parts.append(section("1", "Gegevens van de kandidaat"))
    parts.append(
        field_rows(
            [
                ("Naam", surname(candidate)),
                ("Voorletters", candidate.initials),
                ("Voornamen (voluit)", ""),
                ("Woonplaats", residence_text(candidate)),
                ("Aanduiding boven de lijst", appellation_text(nomination.party)),
            ]
        )
    )
    parts.append(section("2", "Verklaring"))
    parts.append(
        para(
            f"Ondergetekende, kandidaat voor {election_phrase(election)}, verklaart dat hij of "
            "zij zich voor deze verkiezing niet ook in een andere lidstaat van de Europese Unie "
            "kandidaat stelt."
        )
    )
    parts.append(section("3", "Ondertekening"))
    parts.append(signature_block("kandidaat"))
    return parts
