"""Page 1 of every model, rasterised by poppler, looks as the committed golden image.

A layout change that moves a field, drops a line or changes a text shows up
here. After an intended change: run tests/golden/regenerate_documents.py, look
at the images, commit them.
"""

from __future__ import annotations

import pytest
from pdf_support import (
    GOLDEN_CASES,
    GOLDEN_DIR,
    GOLDEN_DPI,
    PDFTOPPM,
    decode_gray_png,
    decode_pgm,
    differing_pixels,
    rasterize_first_page,
    render_case,
)

needs_pdftoppm = pytest.mark.skipif(
    PDFTOPPM is None, reason="pdftoppm (poppler-utils) is not installed; CI installs it"
)
TOLERANCE = 0.002
"""At most 0.2 % of the pixels may differ (anti-aliasing of another poppler release)."""


@needs_pdftoppm
@pytest.mark.parametrize("case", GOLDEN_CASES, ids=[case.name for case in GOLDEN_CASES])
def test_page_one_of_the_model_matches_its_golden_image(case, tmp_path):
    golden = decode_gray_png((GOLDEN_DIR / f"{case.name}.png").read_bytes())
    page = decode_pgm(rasterize_first_page(render_case(case), tmp_path, GOLDEN_DPI))
    assert page[:2] == golden[:2]
    assert differing_pixels(page, golden) <= TOLERANCE * golden[0] * golden[1]


@needs_pdftoppm
def test_the_comparison_notices_a_changed_page(tmp_path):
    [h1, h3] = [case for case in GOLDEN_CASES if case.name in {"H1", "H3-1"}]
    golden = decode_gray_png((GOLDEN_DIR / "H1.png").read_bytes())
    other = decode_pgm(rasterize_first_page(render_case(h3), tmp_path, GOLDEN_DPI))
    assert h1.name == "H1"
    assert differing_pixels(other, golden) > TOLERANCE * golden[0] * golden[1]
