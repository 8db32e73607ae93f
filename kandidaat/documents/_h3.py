"""What models H 3-1 and H 3-2 share: the authorisation text and the signature blocks.

Kieswet art. H 3 lid 1-3 (geldend op 2026-01-01): the appellation may be placed
above a list only with a written authorisation of the (plaatsvervangend)
gemachtigde of the group that registered it; for a combined appellation every
group authorises (one signature block per group). Not for blank lists. A
Frisian list gets the Frisian text (Kiesbesluit art. H 2 lid 5; ADR 0131).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.documents._rl import Spacer, mm
from kandidaat.documents.blocks import (
    heading_title,
    list_heading,
    short_candidate_table,
    submitter_name,
)
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
    styles,
)
from kandidaat.documents.text import PAGE_WORDS, appellation_text, election_phrase, wording

if TYPE_CHECKING:
    from kandidaat.documents._rl import Flowable
    from kandidaat.documents.context import RenderContext
    from kandidaat.documents.plan import ListPlan
    from kandidaat.domain.nomination.model import Nomination, StatutoryParty


def authorisation_story(
    nomination: Nomination, plan: ListPlan, *, model: str, title: str, combined: bool
) -> Story:
    """The H 3-1 or H 3-2 of one list (in Frisian for a Frisian list, ADR 0131)."""
    words = wording(plan.language)
    shown = words(title)
    return Story(
        model=model,
        title=shown,
        label=words(
            "Model {model} {title}, lijst {number}",
            model=model,
            title=shown,
            number=str(plan.number),
        ),
        list_key=plan.candidate_list.key,
        filename=f"{model.replace(' ', '')}.pdf",
        build=lambda: _content(nomination, plan, model=model, title=shown, combined=combined),
        page_words=words(PAGE_WORDS),
    )


def render_story(story: Story, plan: ListPlan, context: RenderContext) -> bytes:
    """One story as PDF bytes with the list's footer."""
    return render_single(story, plan.hash_code, context)


def _content(
    nomination: Nomination, plan: ListPlan, *, model: str, title: str, combined: bool
) -> list[Flowable]:
    election = nomination.election
    language = plan.language
    words = wording(language)
    phrase = election_phrase(election, language)
    parts: list[Flowable] = header(model, title, words("voor {election}", election=phrase))
    parts.append(section("1", heading_title(election, language)))
    parts.extend(list_heading(nomination, plan))
    parts.append(section("2", words("Machtiging")))
    values = {
        "submitter": submitter_name(nomination),
        "appellation": appellation_text(nomination.party, language),
        "election": phrase,
    }
    if combined:
        text = words(
            "De ondergetekenden, ieder gemachtigde of plaatsvervangend gemachtigde van een van "
            "de hieronder genoemde politieke groeperingen waarvan de aanduiding is ingeschreven "
            "in het register van de aanduidingen, machtigen hierbij "
            "{submitter}, inleveraar van de kandidatenlijst, om de "
            "samengevoegde aanduiding “{appellation}” te plaatsen boven de kandidatenlijst "
            "voor {election} waarop de volgende kandidaten staan.",
            **values,
        )
    else:
        text = words(
            "Ondergetekende, gemachtigde of plaatsvervangend gemachtigde van de hieronder "
            "genoemde politieke groepering waarvan de aanduiding is ingeschreven in het "
            "register van de aanduidingen, machtigt hierbij {submitter}, "
            "inleveraar van de kandidatenlijst, om de aanduiding “{appellation}” te plaatsen "
            "boven de kandidatenlijst voor {election} waarop de volgende "
            "kandidaten staan.",
            **values,
        )
    parts.append(para(text))
    parts.append(section("3", words("Kandidaten")))
    parts.append(short_candidate_table(plan.candidates, language))
    groups: tuple[StatutoryParty | None, ...] = nomination.party.groups
    if not groups:
        groups = (None, None) if combined else (None,)
    signing = "Ondertekening" if not combined else "Ondertekening per groepering"
    parts.append(section("4", words(signing)))
    if combined:
        parts.append(
            hint(
                words(
                    "Elke groepering waarvan de aanduiding deel uitmaakt van de samenvoeging "
                    "tekent."
                )
            )
        )
    signature_words = (words("Plaats"), words("Datum"), words("Handtekening"))
    for index, group in enumerate(groups, start=1):
        block: list[Flowable] = [Spacer(1, 3 * mm)]
        if combined:
            block.append(para(words("Groepering {index}", index=str(index)), styles().section))
        block.append(
            field_rows(
                [
                    (
                        words("Statutaire naam van de groepering"),
                        group.statutory_name if group else "",
                    ),
                    (
                        words("Naam (plaatsvervangend) gemachtigde"),
                        group.agent_name if group else "",
                    ),
                ],
                label_width=70 * mm,
            )
        )
        block.append(
            signature_block(words("(plaatsvervangend) gemachtigde"), words=signature_words)
        )
        parts.append(keep_together(block))
    return parts
