"""The official models as PDF (the only package that imports reportlab).

``render_documents(nomination, context, out_dir)`` writes every document a party
prints, signs and hands in: per list the H 1, H 3-1 or H 3-2, the H 4 per
kieskring, an H 9 per candidate (and Y 13, Y 35, verklaring voorgenomen
vestiging where needed), a checklist, and one file to print everything.
Each model module also has ``render_pdf_bytes(...)`` for a single document.
The rule inputs come in through :class:`RenderContext`, computed by ``app/``.
"""

from kandidaat.documents.context import DocumentFile, DocumentSet, NominationDates, RenderContext
from kandidaat.documents.fonts import find_font_dir
from kandidaat.documents.layout import CONCEPT_MARK
from kandidaat.documents.plan import ListPlan, PersonPlan, plan_lists
from kandidaat.documents.render import COMBINED_NAME, render_documents

__all__ = [
    "COMBINED_NAME",
    "CONCEPT_MARK",
    "DocumentFile",
    "DocumentSet",
    "ListPlan",
    "NominationDates",
    "PersonPlan",
    "RenderContext",
    "find_font_dir",
    "plan_lists",
    "render_documents",
]
