"""Model Y 35: a candidate who is a national of another member state is not excluded there.

Kieswet art. Y 35 (geldend op 2026-01-01): a candidate for the Europees
Parlement with the nationality of another member state declares, with his
personal details and last address in the home state, that he is not deprived
of the right to stand there. The model is bilingual; the English lines are
printed under the Dutch ones. The project holds initials, not all given names:
the given names are left to be written by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.documents._person import person_story
from kandidaat.documents._rl import mm
from kandidaat.documents.layout import (
    field_rows,
    header,
    hint,
    para,
    render_single,
    section,
    signature_block,
)
from kandidaat.documents.text import birth_date_text, election_phrase, residence_text, surname

if TYPE_CHECKING:
    from kandidaat.documents._rl import Flowable
    from kandidaat.documents.context import RenderContext
    from kandidaat.documents.layout import Story
    from kandidaat.documents.plan import ListPlan, PersonPlan
    from kandidaat.domain.nomination.model import Nomination

__all__ = ["MODEL", "render_pdf_bytes", "story"]

MODEL = "Y 35"
TITLE = "Verklaring onderdaan van een andere lidstaat"


def story(nomination: Nomination, plan: ListPlan, person: PersonPlan) -> Story:
    """The Y 35 of one candidate."""
    return person_story(
        model=MODEL,
        title=TITLE,
        prefix="Y35",
        plan=plan,
        person=person,
        build=lambda: _content(nomination, person),
    )


def render_pdf_bytes(
    nomination: Nomination, plan: ListPlan, person: PersonPlan, context: RenderContext
) -> bytes:
    """The Y 35 of one candidate as PDF bytes."""
    return render_single(story(nomination, plan, person), plan.hash_code, context)


def _content(nomination: Nomination, person: PersonPlan) -> list[Flowable]:
    election = nomination.election
    candidate = person.candidate
    address = candidate.correspondence
    parts: list[Flowable] = header(MODEL, TITLE, f"voor {election_phrase(election)}")
    parts.append(hint("Declaration by a candidate who is a national of another Member State"))
    parts.append(section("1", "Gegevens van de kandidaat / Particulars of the candidate"))
    parts.append(
        field_rows(
            [
                ("Naam / Surname", surname(candidate)),
                ("Voorletters / Initials", candidate.initials),
                ("Voornamen / Given names", ""),
                ("Adres / Address", address.street if address else ""),
                ("Woonplaats / Place of residence", residence_text(candidate)),
                ("Nationaliteit / Nationality", candidate.nationality),
                ("Geboortedatum / Date of birth", birth_date_text(candidate)),
                ("Geboorteplaats / Place of birth", candidate.place_of_birth),
                (
                    "Laatste adres in de lidstaat van herkomst / Last address in home Member State",
                    candidate.home_state_address,
                ),
            ],
            label_width=70 * mm,
        )
    )
    parts.append(section("2", "Verklaring / Declaration"))
    parts.append(
        para(
            "Ondergetekende, onderdaan van een andere lidstaat van de Europese Unie, verklaart "
            "dat hij of zij in de lidstaat van herkomst niet is uitgesloten van het recht om "
            "gekozen te worden."
        )
    )
    parts.append(
        hint(
            "The undersigned, a national of another Member State of the European Union, "
            "declares that he or she has not been deprived of the right to stand as a "
            "candidate in the home Member State."
        )
    )
    parts.append(section("3", "Ondertekening / Signature"))
    parts.append(signature_block("kandidaat / signature of the candidate"))
    return parts
