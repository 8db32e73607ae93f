"""The official models as PDF (the only package that imports reportlab)."""
