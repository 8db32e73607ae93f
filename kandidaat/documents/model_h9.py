"""Model H 9: instemmingsverklaring, one per candidate, signed by the candidate.

Kieswet art. H 9 and H 10 (geldend op 2026-01-01): every candidate consents in
writing to being on the list, for the kieskring(en) concerned, and states the
address for the notice of appointment (lid 1-2); a candidate living outside
the European part of the Netherlands appoints a gemachtigde living there
(H 10; optional for a moederlijst, H 10a). The model asks the BSN. A copy of a
valid identity document goes with it unless the candidate is a member of the
body (H 9 lid 3). A Frisian list gets the Frisian text (Kiesbesluit art. H 2
lid 5; ADR 0131).
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
    PAGE_WORDS,
    appellation_text,
    birth_date_text,
    election_phrase,
    initials_text,
    kieskring_name,
    residence_text,
    surname,
    wording,
)
from kandidaat.domain.nomination.model import Body

if TYPE_CHECKING:
    from collections.abc import Callable

    from kandidaat.documents._rl import Flowable
    from kandidaat.documents.context import RenderContext
    from kandidaat.documents.plan import ListPlan, PersonPlan
    from kandidaat.domain.nomination.model import Agent, Candidate, Nomination, PostalAddress

__all__ = ["MODEL", "render_pdf_bytes", "story"]

MODEL = "H 9"
TITLE = "Instemmingsverklaring"


def story(nomination: Nomination, plan: ListPlan, person: PersonPlan) -> Story:
    """The H 9 of one candidate (printed with the first list the candidate is on).

    In Frisian when that list is Frisian (ADR 0131).
    """
    name = surname(person.candidate) or person.candidate.key
    words = wording(plan.language)
    title = words(TITLE)
    label = words(
        "Model {model} {title}, {name} (lijst {number}, nr. {position})",
        model=MODEL,
        title=title,
        name=name,
        number=str(plan.number),
        position=str(person.position),
    )
    return Story(
        model=MODEL,
        title=title,
        label=label,
        list_key=plan.candidate_list.key,
        filename=person.h9_filename,
        build=lambda: _content(nomination, person, plan.language),
        page_words=words(PAGE_WORDS),
    )


def render_pdf_bytes(
    nomination: Nomination, plan: ListPlan, person: PersonPlan, context: RenderContext
) -> bytes:
    """The H 9 of one candidate as PDF bytes."""
    return render_single(story(nomination, plan, person), plan.hash_code, context)


def kieskringen_of(nomination: Nomination, person: PersonPlan, language: str = "nl") -> str:
    """The kieskringen the consent is for: "alle kieskringen", named, or empty for one."""
    election = nomination.election
    if election.single_kieskring:
        return ""
    if set(person.kieskringen) >= {kring.number for kring in election.kieskringen}:
        return wording(language)("alle kieskringen")
    return ", ".join(kieskring_name(election, kring) for kring in person.kieskringen)


def _content(nomination: Nomination, person: PersonPlan, language: str) -> list[Flowable]:
    election = nomination.election
    candidate = person.candidate
    words = wording(language)
    phrase = election_phrase(election, language)
    parts: list[Flowable] = header(MODEL, words(TITLE), words("voor {election}", election=phrase))
    parts.append(section("1", words("Kandidatenlijst")))
    rows = [(words("Aanduiding boven de lijst"), appellation_text(nomination.party, language))]
    kringen = kieskringen_of(nomination, person, language)
    if kringen:
        rows.append((words("Kieskring(en)"), kringen))
    parts.append(field_rows(rows))
    parts.append(section("2", words("Gegevens van de kandidaat")))
    parts.append(
        field_rows(
            [
                (words("Naam"), surname(candidate)),
                (words("Voorletters (roepnaam)"), initials_text(candidate, publish_gender=False)),
                (words("Geboortedatum"), birth_date_text(candidate)),
                (words("Woonplaats"), residence_text(candidate)),
                (words("Burgerservicenummer (BSN)"), candidate.bsn),
            ]
        )
    )
    parts.append(section("3", words("Verklaring van instemming")))
    parts.append(
        para(
            words(
                "Ondergetekende verklaart in te stemmen met zijn of haar kandidaatstelling op de "
                "hierboven genoemde kandidatenlijst voor {election}.",
                election=phrase,
            )
        )
    )
    parts.append(hint(words("Deze verklaring kan niet worden ingetrokken.")))
    parts.extend(_notice_block(nomination, candidate, words))
    id_note = (
        "Een kopie van een identiteitsbewijs is niet nodig: de kandidaat is lid van het orgaan."
        if candidate.is_member
        else "Voeg een kopie van een geldig identiteitsbewijs bij (voor- en achterkant)."
    )
    signature_words = (words("Plaats"), words("Datum"), words("Handtekening"))
    parts.append(
        keep_together(
            [
                section("5", words("Ondertekening")),
                hint(words(id_note)),
                signature_block(words("kandidaat"), words=signature_words),
            ]
        )
    )
    return parts


def _notice_block(
    nomination: Nomination, candidate: Candidate, words: Callable[..., str]
) -> list[Flowable]:
    election = nomination.election
    parts: list[Flowable] = []
    if candidate.lives_abroad:
        parts.append(section("4", words("Gemachtigde voor de kennisgeving van benoeming")))
        parts.append(
            hint(
                words(
                    "De kandidaat woont buiten het Europese deel van Nederland en wijst daarom "
                    "een gemachtigde aan die in het Europese deel van Nederland woont (Kieswet "
                    "artikel H 10). Deze gemachtigde ontvangt de kennisgeving van benoeming."
                )
            )
        )
        parts.append(field_rows(_agent_rows(candidate.agent, words)))
        return parts
    parts.append(section("4", words("Adres voor de kennisgeving van benoeming")))
    parts.append(field_rows(_address_rows(candidate.correspondence, words)))
    moederlijst = not election.single_kieskring and election.body in {Body.TK, Body.PS, Body.EK}
    if moederlijst:
        parts.append(
            hint(
                words(
                    "Alleen invullen bij gebruik van een moederlijst (Kieswet artikel H 10a): "
                    "gemachtigde die de kennisgeving van benoeming ontvangt."
                )
            )
        )
        parts.append(field_rows(_agent_rows(candidate.agent, words)))
    return parts


def _address_rows(
    address: PostalAddress | None, words: Callable[..., str]
) -> list[tuple[str, str]]:
    street, place_label = words("Postadres"), words("Postcode en plaats")
    if address is None:
        return [(street, ""), (place_label, "")]
    place = " ".join(p for p in (address.postal_code, address.locality) if p)
    if address.country_code not in {"", "NL"}:
        place = f"{place} ({address.country_code})"
    return [(street, address.street), (place_label, place)]


def _agent_rows(agent: Agent | None, words: Callable[..., str]) -> list[tuple[str, str]]:
    name_label, initials_label = words("Naam gemachtigde"), words("Voorletters")
    if agent is None:
        return [(name_label, ""), (initials_label, ""), *_address_rows(None, words)]
    name = f"{agent.prefix} {agent.last_name}".strip()
    return [
        (name_label, name),
        (initials_label, agent.initials),
        *_address_rows(agent.address, words),
    ]
