"""Model H 1: the kandidatenlijst, signed by the inleveraar.

Kieswet art. H 1, H 2, H 5, H 6 and Kiesbesluit art. H 2 (geldend op
2026-01-01): the list names the election, the kieskringen it is for (all, or
each by name; not for an election with one kieskring), the appellation, the
candidates in order with name, initials (roepnaam, gender when published),
date of birth and woonplaats, the persons who may repair omissions, and the
inleveraar, who signs. A list that does not follow the model is invalid
(Kieswet art. I 5), so the layout follows the Kiesregeling model closely.
A Frisian list gets the Frisian text (Kiesbesluit art. H 2 lid 5; ADR 0131).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.documents.blocks import candidate_table, heading_title, list_heading
from kandidaat.documents.layout import (
    Story,
    checkbox_lines,
    field_rows,
    header,
    hint,
    keep_together,
    para,
    render_single,
    section,
    signature_block,
    table,
)
from kandidaat.documents.text import PAGE_WORDS, election_phrase, kieskring_name, wording

if TYPE_CHECKING:
    from collections.abc import Callable

    from kandidaat.documents._rl import Flowable
    from kandidaat.documents.context import RenderContext
    from kandidaat.documents.plan import ListPlan
    from kandidaat.domain.nomination.model import Nomination, Submitter

__all__ = ["MODEL", "attachments", "render_pdf_bytes", "story"]

MODEL = "H 1"
TITLE = "Kandidatenlijst"


def story(nomination: Nomination, plan: ListPlan) -> Story:
    """The H 1 of one list (in Frisian for a Frisian list, ADR 0131)."""
    words = wording(plan.language)
    title = words(TITLE)
    return Story(
        model=MODEL,
        title=title,
        label=words(
            "Model {model} {title}, lijst {number}",
            model=MODEL,
            title=title,
            number=str(plan.number),
        ),
        list_key=plan.candidate_list.key,
        filename="H1.pdf",
        build=lambda: _content(nomination, plan),
        page_words=words(PAGE_WORDS),
    )


def render_pdf_bytes(nomination: Nomination, plan: ListPlan, context: RenderContext) -> bytes:
    """The H 1 of one list as PDF bytes."""
    return render_single(story(nomination, plan), plan.hash_code, context)


def _content(nomination: Nomination, plan: ListPlan) -> list[Flowable]:
    election = nomination.election
    language = plan.language
    words = wording(language)
    phrase = election_phrase(election, language)
    parts: list[Flowable] = header(MODEL, words(TITLE), words("voor {election}", election=phrase))
    parts.append(
        hint(
            words(
                "In te leveren bij het centraal stembureau, in persoon, op de dag van de "
                "kandidaatstelling tussen 09.00 en 17.00 uur, door een kiezer die bevoegd is "
                "aan deze verkiezing deel te nemen."
            )
        )
    )
    parts.append(section("1", heading_title(election, language)))
    parts.extend(list_heading(nomination, plan))
    parts.append(section("2", words("Kandidaten")))
    parts.append(
        hint(
            words(
                "De kandidaten staan in de volgorde van voorkeur, met naam, voorletters, "
                "geboortedatum en woonplaats zoals in de basisregistratie personen "
                "(Kiesbesluit artikel H 2)."
            )
        )
    )
    parts.append(candidate_table(plan))
    parts.append(section("3", words("Vervangers van de inleveraar")))
    parts.append(
        hint(
            words(
                "De volgende personen zijn bevoegd om in plaats van de inleveraar verzuimen te "
                "herstellen (Kieswet artikel H 5)."
            )
        )
    )
    substitutes = nomination.party.substitutes
    parts.append(
        table(
            [words("naam en voorletters"), words("postadres"), words("postcode en plaats")],
            [_person_row(person) for person in substitutes],
            [60, 60, 50],
            min_rows=2,
        )
    )
    parts.append(section("4", words("Bijlagen")))
    parts.append(hint(words("Kruis aan welke stukken bij deze kandidatenlijst worden overgelegd.")))
    parts.append(checkbox_lines(attachments(nomination, plan)))
    parts.append(
        keep_together(
            [
                section("5", words("Inleveraar")),
                para(
                    words(
                        "Ondergetekende verklaart deze kandidatenlijst in te leveren voor "
                        "{election}.",
                        election=phrase,
                    )
                ),
                field_rows(_submitter_rows(nomination.party.submitter, words)),
                signature_block(words("inleveraar"), words=_signature_words(words)),
            ]
        )
    )
    return parts


def _signature_words(words: Callable[..., str]) -> tuple[str, str, str]:
    """Place, date and signature as the signature block labels them."""
    return (words("Plaats"), words("Datum"), words("Handtekening"))


def _person_row(person: Submitter) -> list[str]:
    address = person.address
    name = f"{person.prefix} {person.last_name}".strip()
    return [
        f"{name}, {person.initials}",
        address.street,
        " ".join(p for p in (address.postal_code, address.locality) if p),
    ]


def _submitter_rows(
    submitter: Submitter | None, words: Callable[..., str]
) -> list[tuple[str, str]]:
    labels = [words("Naam"), words("Voorletters"), words("Postadres"), words("Postcode en plaats")]
    if submitter is None:
        return [(label, "") for label in labels]
    address = submitter.address
    values = [
        f"{submitter.prefix} {submitter.last_name}".strip(),
        submitter.initials,
        address.street,
        " ".join(p for p in (address.postal_code, address.locality) if p),
    ]
    return list(zip(labels, values, strict=True))


def attachments(nomination: Nomination, plan: ListPlan) -> list[str]:
    """The attachments this list needs, as the H 1 lists them (to tick by hand)."""
    election = nomination.election
    words = wording(plan.language)
    items = []
    if plan.appellation_model:
        items.append(
            words(
                "machtiging om de aanduiding boven de kandidatenlijst te plaatsen (model {model})",
                model=plan.appellation_model,
            )
        )
    for kring, count in plan.h4:
        where = (
            ""
            if election.single_kieskring
            else words(" voor kieskring {kieskring}", kieskring=kieskring_name(election, kring))
        )
        items.append(
            words(
                "ten minste {count} ondersteuningsverklaringen (model H 4){where}",
                count=str(count),
                where=where,
            )
        )
    count = len(plan.candidates)
    items.append(
        words("{count} instemmingsverklaringen van de kandidaten (model H 9)", count=str(count))
    )
    if plan.id_copies:
        items.append(
            words(
                "{count} kopieën van een geldig identiteitsbewijs van de kandidaten die "
                "geen lid zijn van het orgaan",
                count=str(plan.id_copies),
            )
        )
    if plan.deposit_cents:
        items.append(
            words(
                "bewijs van betaling van de waarborgsom van {amount} (model H 12)",
                amount=plan.deposit_text,
            )
        )
    settlement = sum(1 for p in plan.persons if p.settlement)
    if settlement:
        items.append(words("{count} verklaringen voorgenomen vestiging", count=str(settlement)))
    if plan.ep:
        items.append(
            f"{count} verklaringen dat de kandidaat zich niet in een andere lidstaat "
            "kandidaat stelt (model Y 13)"
        )
        y35 = sum(1 for p in plan.persons if p.y35)
        if y35:
            items.append(
                f"{y35} verklaringen van kandidaten die onderdaan zijn van een andere lidstaat "
                "(model Y 35)"
            )
    return items
