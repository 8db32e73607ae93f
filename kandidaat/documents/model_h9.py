"""Model H 9: instemmingsverklaring, one per candidate, signed by the candidate.

Kieswet art. H 9 and H 10 (geldend op 2026-01-01): every candidate consents in
writing to being on the list, for the kieskring(en) concerned, and states the
address for the notice of appointment (lid 1-2); a candidate living outside
the European part of the Netherlands appoints a gemachtigde living there
(H 10; optional for a moederlijst, H 10a). The model asks the BSN. A copy of a
valid identity document goes with it unless the candidate is a member of the
body (H 9 lid 3).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.documents.layout import (
    Story,
    field_rows,
    header,
    hint,
    keep_together,
    para,
    render_single,
    section,
    signature_block,
)
from kandidaat.documents.text import (
    appellation_text,
    birth_date_text,
    election_phrase,
    initials_text,
    kieskring_name,
    residence_text,
    surname,
)
from kandidaat.domain.nomination.model import Body

if TYPE_CHECKING:
    from kandidaat.documents._rl import Flowable
    from kandidaat.documents.context import RenderContext
    from kandidaat.documents.plan import ListPlan, PersonPlan
    from kandidaat.domain.nomination.model import Agent, Candidate, Nomination, PostalAddress

__all__ = ["MODEL", "render_pdf_bytes", "story"]

MODEL = "H 9"
TITLE = "Instemmingsverklaring"


def story(nomination: Nomination, plan: ListPlan, person: PersonPlan) -> Story:
    """The H 9 of one candidate (printed with the first list the candidate is on)."""
    name = surname(person.candidate) or person.candidate.key
    return Story(
        model=MODEL,
        title=TITLE,
        label=f"Model {MODEL} {TITLE}, {name} (lijst {plan.number}, nr. {person.position})",
        list_key=plan.candidate_list.key,
        filename=person.h9_filename,
        build=lambda: _content(nomination, person),
    )


def render_pdf_bytes(
    nomination: Nomination, plan: ListPlan, person: PersonPlan, context: RenderContext
) -> bytes:
    """The H 9 of one candidate as PDF bytes."""
    return render_single(story(nomination, plan, person), plan.hash_code, context)


def kieskringen_of(nomination: Nomination, person: PersonPlan) -> str:
    """The kieskringen the consent is for: "alle kieskringen", named, or empty for one."""
    election = nomination.election
    if election.single_kieskring:
        return ""
    if set(person.kieskringen) >= {kring.number for kring in election.kieskringen}:
        return "alle kieskringen"
    return ", ".join(kieskring_name(election, kring) for kring in person.kieskringen)


def _content(nomination: Nomination, person: PersonPlan) -> list[Flowable]:
    election = nomination.election
    candidate = person.candidate
    parts: list[Flowable] = header(MODEL, TITLE, f"voor {election_phrase(election)}")
    parts.append(section("1", "Kandidatenlijst"))
    rows = [("Aanduiding boven de lijst", appellation_text(nomination.party))]
    kringen = kieskringen_of(nomination, person)
    if kringen:
        rows.append(("Kieskring(en)", kringen))
    parts.append(field_rows(rows))
    parts.append(section("2", "Gegevens van de kandidaat"))
    parts.append(
        field_rows(
            [
                ("Naam", surname(candidate)),
                ("Voorletters (roepnaam)", initials_text(candidate, publish_gender=False)),
                ("Geboortedatum", birth_date_text(candidate)),
                ("Woonplaats", residence_text(candidate)),
                ("Burgerservicenummer (BSN)", candidate.bsn),
            ]
        )
    )
    parts.append(section("3", "Verklaring van instemming"))
    parts.append(
        para(
            "Ondergetekende verklaart in te stemmen met zijn of haar kandidaatstelling op de "
            f"hierboven genoemde kandidatenlijst voor {election_phrase(election)}."
        )
    )
    parts.append(hint("Deze verklaring kan niet worden ingetrokken."))
    parts.extend(_notice_block(nomination, candidate))
    id_note = (
        "Een kopie van een identiteitsbewijs is niet nodig: de kandidaat is lid van het orgaan."
        if candidate.is_member
        else "Voeg een kopie van een geldig identiteitsbewijs bij (voor- en achterkant)."
    )
    parts.append(
        keep_together([section("5", "Ondertekening"), hint(id_note), signature_block("kandidaat")])
    )
    return parts


def _notice_block(nomination: Nomination, candidate: Candidate) -> list[Flowable]:
    election = nomination.election
    parts: list[Flowable] = []
    if candidate.lives_abroad:
        parts.append(section("4", "Gemachtigde voor de kennisgeving van benoeming"))
        parts.append(
            hint(
                "De kandidaat woont buiten het Europese deel van Nederland en wijst daarom een "
                "gemachtigde aan die in het Europese deel van Nederland woont (Kieswet artikel "
                "H 10). Deze gemachtigde ontvangt de kennisgeving van benoeming."
            )
        )
        parts.append(field_rows(_agent_rows(candidate.agent)))
        return parts
    parts.append(section("4", "Adres voor de kennisgeving van benoeming"))
    parts.append(field_rows(_address_rows(candidate.correspondence)))
    moederlijst = not election.single_kieskring and election.body in {Body.TK, Body.PS, Body.EK}
    if moederlijst:
        parts.append(
            hint(
                "Alleen invullen bij gebruik van een moederlijst (Kieswet artikel H 10a): "
                "gemachtigde die de kennisgeving van benoeming ontvangt."
            )
        )
        parts.append(field_rows(_agent_rows(candidate.agent)))
    return parts


def _address_rows(address: PostalAddress | None) -> list[tuple[str, str]]:
    if address is None:
        return [("Postadres", ""), ("Postcode en plaats", "")]
    place = " ".join(p for p in (address.postal_code, address.locality) if p)
    if address.country_code not in {"", "NL"}:
        place = f"{place} ({address.country_code})"
    return [("Postadres", address.street), ("Postcode en plaats", place)]


def _agent_rows(agent: Agent | None) -> list[tuple[str, str]]:
    if agent is None:
        return [("Naam gemachtigde", ""), ("Voorletters", ""), *_address_rows(None)]
    name = f"{agent.prefix} {agent.last_name}".strip()
    return [
        ("Naam gemachtigde", name),
        ("Voorletters", agent.initials),
        *_address_rows(agent.address),
    ]
