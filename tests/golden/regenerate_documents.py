"""Regenerate the golden page images of the official models, and docs/models/.

Run after an intended change of the layout, look at every image, and commit:

    .venv/bin/python tests/golden/regenerate_documents.py

tests/golden/documents/<model>.png: page 1 at 40 dpi in grey, as 8-bit grey PNG
(what the test compares); docs/models/<model>.png: page 1 at 60 dpi in colour (for readers).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "documents"))

from pdf_support import (
    DOCS_MODELS_DIR,
    GOLDEN_CASES,
    GOLDEN_DIR,
    GOLDEN_DPI,
    decode_pgm,
    encode_gray_png,
    rasterize_first_page,
    render_case,
)

DOCS_DPI = 60


def main() -> None:
    """Write every golden image and every documentation page."""
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    DOCS_MODELS_DIR.mkdir(parents=True, exist_ok=True)
    for case in GOLDEN_CASES:
        pdf = render_case(case)
        with tempfile.TemporaryDirectory() as work:
            golden = encode_gray_png(decode_pgm(rasterize_first_page(pdf, Path(work), GOLDEN_DPI)))
        with tempfile.TemporaryDirectory() as work:
            page = rasterize_first_page(pdf, Path(work), DOCS_DPI, gray=False)
        (GOLDEN_DIR / f"{case.name}.png").write_bytes(golden)
        (DOCS_MODELS_DIR / f"{case.name}.png").write_bytes(page)
        sys.stdout.write(f"{case.name}: {len(golden)} + {len(page)} bytes\n")


if __name__ == "__main__":
    main()
