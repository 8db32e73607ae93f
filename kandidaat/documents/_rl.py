"""The one place that imports reportlab; the rest of the package imports from here.

reportlab ships no type information (and typeshed's ``types-reportlab`` is not
a dependency), so its names are ``Any`` to mypy; the ignores stay in this file.
"""

# reportlab ships no stubs: every import below is untyped (see the module docstring).
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_RIGHT  # type: ignore[import-untyped]
from reportlab.lib.fonts import addMapping  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFError, TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError  # type: ignore[import-untyped]

__all__ = [
    "A4",
    "TA_RIGHT",
    "BaseDocTemplate",
    "Canvas",
    "Flowable",
    "Frame",
    "LayoutError",
    "PageBreak",
    "PageTemplate",
    "Paragraph",
    "ParagraphStyle",
    "Spacer",
    "TTFError",
    "TTFont",
    "Table",
    "TableStyle",
    "addMapping",
    "colors",
    "mm",
    "pdfmetrics",
    "stringWidth",
]
