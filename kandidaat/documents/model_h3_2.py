"""Model H 3-2: machtiging om een samengevoegde aanduiding boven de lijst te plaatsen.

Kieswet art. H 3 lid 2-3 (geldend op 2026-01-01): a combination of registered
appellations needs the authorisation of the gemachtigde of every group, so the
model has one signature block per group.
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

MODEL = "H 3-2"
TITLE = "Machtiging samengevoegde aanduiding"


def story(nomination: Nomination, plan: ListPlan) -> Story:
    """The H 3-2 of one list."""
    return authorisation_story(nomination, plan, model=MODEL, title=TITLE, combined=True)


def render_pdf_bytes(nomination: Nomination, plan: ListPlan, context: RenderContext) -> bytes:
    """The H 3-2 of one list as PDF bytes."""
    return render_story(story(nomination, plan), plan, context)
