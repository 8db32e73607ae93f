"""Paths of the real EML_NL samples and official XSDs in ../shared (read, never copied)."""

from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
EML_NL = SHARED / "eml_nl"
SAMPLES = EML_NL / "samples"
XSD = EML_NL / "xsd"
XSD_MAIN = EML_NL / "xsd-main"

REAL_FILES = sorted(
    p for p in SAMPLES.rglob("*.eml.xml") if "synthetic" not in p.parts and "derived" not in p.parts
)
# Files OSV2020 wrote: already in canonical form, so writing them again is byte-identical.
CANONICAL_FILES = [p for p in REAL_FILES if not p.name.startswith("Verkiezingsdefinitie")]
