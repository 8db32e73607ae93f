"""Benchmark: every document of a TK party against reportlab drawing plain text pages.

The party files a list in each of the 20 kieskringen with the same 80 persons
(20 H 1, 20 H 3-1, 20 H 4, 80 H 9, 20 checklists and the print file). The
figure is pages written per second (the separate files plus the print file),
next to reportlab's canvas drawing the same number of pages of plain text
(50 lines each, the same embedded font) in the same run, and the ratio.

Usage: .venv/bin/python bench/bench_documents.py [--kieskringen 20] [--candidates 80]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from kandidaat.documents import render_documents
from kandidaat.documents.fonts import register_fonts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "unit" / "documents"))
from demo_party import context_for, demo_tk_nomination

LINES_PER_PAGE = 50


def plain_pages(pages: int) -> float:
    """CPU seconds reportlab needs to draw ``pages`` pages of plain text into one PDF."""
    font = register_fonts().regular
    start = time.process_time()
    canvas = Canvas(io.BytesIO(), invariant=1)
    for page in range(pages):
        canvas.setFont(font, 9.5)
        for line in range(LINES_PER_PAGE):
            canvas.drawString(50, 800 - 15 * line, f"Pagina {page + 1}, regel {line + 1}: Çelik")
        canvas.showPage()
    canvas.save()
    return time.process_time() - start


def main() -> None:
    """Render the documents, then the plain pages, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kieskringen", type=int, default=20)
    parser.add_argument("--candidates", type=int, default=80)
    args = parser.parse_args()
    nomination = demo_tk_nomination(args.kieskringen, args.candidates)
    context = context_for(nomination)
    register_fonts()
    with tempfile.TemporaryDirectory() as work:
        start, wall = time.process_time(), time.perf_counter()
        result = render_documents(nomination, context, Path(work) / "documenten")
        seconds, wall = time.process_time() - start, time.perf_counter() - wall
    files = Counter(item.model for item in result.files)
    pages = sum(item.pages for item in result.files) + result.combined_pages
    baseline = plain_pages(pages)
    ours = pages / seconds
    plain = pages / baseline
    print(f"party: {args.kieskringen} kieskringen x {args.candidates} candidates")
    print("files: " + ", ".join(f"{count} {model}" for model, count in sorted(files.items())))
    print(f"pages written: {pages} ({result.combined_pages} in the print file, same again apart)")
    print(f"kandidaat documents: {seconds:.2f} s CPU ({wall:.2f} s wall), {ours:.0f} pages/s")
    print(f"reportlab plain text: {baseline:.2f} s CPU, {plain:.0f} pages/s")
    print(f"ratio: the documents take {plain / ours:.1f}x the time of plain text pages")


if __name__ == "__main__":
    main()
