"""Model H 3-1: machtiging om een geregistreerde aanduiding boven de lijst te plaatsen.

Kieswet art. H 3 lid 1 (geldend op 2026-01-01); signed by the (plaatsvervangend)
gemachtigde of the group. Not printed for a blank list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kandidaat.documents._h3 import authorisation_story, render_story

if TYPE_CHECKING:
    from kandidaat.documents.context import RenderContext
    from kandidaat.documents.layout import Story
    from kandidaat.documents.plan import ListPlan
    from kandidaat.domain.nomination.model import Nomination

__all__ = ["MODEL", "render_pdf_bytes", "story"]

MODEL = "H 3-1"
TITLE = "Machtiging aanduiding"


def story(nomination: Nomination, plan: ListPlan) -> Story:
    """The H 3-1 of one list."""
    return authorisation_story(nomination, plan, model=MODEL, title=TITLE, combined=False)


def render_pdf_bytes(nomination: Nomination, plan: ListPlan, context: RenderContext) -> bytes:
    """The H 3-1 of one list as PDF bytes."""
    return render_story(story(nomination, plan), plan, context)
