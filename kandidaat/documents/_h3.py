"""What models H 3-1 and H 3-2 share: the authorisation text and the signature blocks.

Kieswet art. H 3 lid 1-3 (geldend op 2026-01-01): the appellation may be placed
above a list only with a written authorisation of the (plaatsvervangend)
gemachtigde of the group that registered it; for a combined appellation every
group authorises (one signature block per group). Not for blank lists.
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
from kandidaat.documents.text import appellation_text, election_phrase

if TYPE_CHECKING:
    from kandidaat.documents._rl import Flowable
    from kandidaat.documents.context import RenderContext
    from kandidaat.documents.plan import ListPlan
    from kandidaat.domain.nomination.model import Nomination, StatutoryParty


def authorisation_story(
    nomination: Nomination, plan: ListPlan, *, model: str, title: str, combined: bool
) -> Story:
    """The H 3-1 or H 3-2 of one list."""
    return Story(
        model=model,
        title=title,
        label=f"Model {model} {title}, lijst {plan.number}",
        list_key=plan.candidate_list.key,
        filename=f"{model.replace(' ', '')}.pdf",
        build=lambda: _content(nomination, plan, model=model, title=title, combined=combined),
    )


def render_story(story: Story, plan: ListPlan, context: RenderContext) -> bytes:
    """One story as PDF bytes with the list's footer."""
    return render_single(story, plan.hash_code, context)


def _content(
    nomination: Nomination, plan: ListPlan, *, model: str, title: str, combined: bool
) -> list[Flowable]:
    election = nomination.election
    parts: list[Flowable] = header(model, title, f"voor {election_phrase(election)}")
    parts.append(section("1", heading_title(election)))
    parts.extend(list_heading(nomination, plan))
    parts.append(section("2", "Machtiging"))
    appellation = appellation_text(nomination.party)
    if combined:
        text = (
            "De ondergetekenden, ieder gemachtigde of plaatsvervangend gemachtigde van een van "
            "de hieronder genoemde politieke groeperingen waarvan de aanduiding is ingeschreven "
            "in het register van de aanduidingen, machtigen hierbij "
            f"{submitter_name(nomination)}, inleveraar van de kandidatenlijst, om de "
            f"samengevoegde aanduiding “{appellation}” te plaatsen boven de kandidatenlijst "
            f"voor {election_phrase(election)} waarop de volgende kandidaten staan."
        )
    else:
        text = (
            "Ondergetekende, gemachtigde of plaatsvervangend gemachtigde van de hieronder "
            "genoemde politieke groepering waarvan de aanduiding is ingeschreven in het "
            f"register van de aanduidingen, machtigt hierbij {submitter_name(nomination)}, "
            f"inleveraar van de kandidatenlijst, om de aanduiding “{appellation}” te plaatsen "
            f"boven de kandidatenlijst voor {election_phrase(election)} waarop de volgende "
            "kandidaten staan."
        )
    parts.append(para(text))
    parts.append(section("3", "Kandidaten"))
    parts.append(short_candidate_table(plan.candidates))
    groups: tuple[StatutoryParty | None, ...] = nomination.party.groups
    if not groups:
        groups = (None, None) if combined else (None,)
    parts.append(section("4", "Ondertekening" if not combined else "Ondertekening per groepering"))
    if combined:
        parts.append(
            hint("Elke groepering waarvan de aanduiding deel uitmaakt van de samenvoeging tekent.")
        )
    for index, group in enumerate(groups, start=1):
        block: list[Flowable] = [Spacer(1, 3 * mm)]
        if combined:
            block.append(para(f"Groepering {index}", styles().section))
        block.append(
            field_rows(
                [
                    ("Statutaire naam van de groepering", group.statutory_name if group else ""),
                    ("Naam (plaatsvervangend) gemachtigde", group.agent_name if group else ""),
                ],
                label_width=70 * mm,
            )
        )
        block.append(signature_block("(plaatsvervangend) gemachtigde"))
        parts.append(keep_together(block))
    return parts
