"""Benchmark: every document of a TK party against reportlab drawing plain text pages.

The party files a list in each of the 20 kieskringen with the same 80 persons
(20 H 1, 20 H 3-1, 20 H 4, 80 H 9, 20 checklists and the print file). The
figure is pages written per second (the separate files plus the print file).

Two references, both reportlab's canvas with the same embedded DejaVu Sans file (the
same TrueType subsetting as the documents, not a built-in Type 1 font), loaded as
reportlab's plain TTFont, so what kandidaat's font adds (it remembers widths,
ADR 0138) does not speed up the reference:

- "plain text": the same number of pages in ONE file, 50 lines of text each. The
  goal (GOAL) is against this row.
- "plain text, same files": the same files with the same page counts (one file per
  document plus the print file), 50 lines a page, so the cost of a file of its
  own (a font subset embedded per file, the PDF structure) is on both sides.
- "same files, as the documents draw": the same files again, each page drawing as
  many text runs and ruled lines as a page of the documents does on average
  (counted in the print file with pypdf: about 110 runs and 38 rules).

The first two draw less than the documents: the models have tables with rules,
paragraphs that wrap and about twice as many text runs on a page. None of them
lays anything out (no wrapping, no tables, no page breaks).

The runs alternate (documents, plain, same files, ...), the garbage collector is
collected before each, and the best of ``--repeat`` counts. Times are CPU seconds of
the process (robust on a busy machine); wall-clock seconds include the fsync of
every file and are printed for the documents only.

Usage: .venv/bin/python bench/bench_documents.py [--kieskringen 20] [--candidates 80] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import io
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kandidaat.documents import render_documents
from kandidaat.documents.fonts import REGULAR_FILE, find_font_dir, register_fonts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "unit" / "documents"))
from demo_party import context_for, demo_tk_nomination

LINES_PER_PAGE = 50
PLAIN_FONT = "BenchPlainSans"
"""The reference's font: the same DejaVu Sans file, as reportlab's own TTFont."""
GOAL = 3.0
"""The documents may take at most this many times the CPU time of the plain pages."""


def plain_file(pages: int, first: int = 0, runs: int = LINES_PER_PAGE, rules: int = 0) -> bytes:
    """One PDF of ``pages`` pages, each ``runs`` lines of text and ``rules`` ruled lines."""
    font = PLAIN_FONT
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, str(find_font_dir() / REGULAR_FILE)))
    target = io.BytesIO()
    canvas = Canvas(target, invariant=1)
    for page in range(first, first + pages):
        canvas.setFont(font, 9.5)
        for line in range(runs):
            y = 800 - 15 * (line % LINES_PER_PAGE)
            x = 50 + 250 * (line // LINES_PER_PAGE % 2)
            canvas.drawString(x, y, f"Pagina {page + 1}, regel {line + 1}: Çelik")
        for rule in range(rules):
            canvas.line(50, 60 + 15 * (rule % 50), 545, 60 + 15 * (rule % 50))
        canvas.showPage()
    canvas.save()
    return target.getvalue()


def drawing_per_page(pdf: Path) -> tuple[int, int]:
    """Text runs and ruled lines (lines and rectangles) a page of ``pdf`` draws, on average."""
    reader = PdfReader(pdf)
    runs = rules = 0
    for page in reader.pages:
        content = page.get_contents()
        data = content.get_data().decode("latin-1") if content is not None else ""
        runs += data.count(") Tj")
        rules += data.count(" l S") + data.count(" re ")
    pages = len(reader.pages)
    return round(runs / pages), round(rules / pages)


def plain_pages(pages: int) -> float:
    """CPU seconds reportlab needs to draw ``pages`` pages of plain text into one PDF."""
    start = time.process_time()
    plain_file(pages)
    return time.process_time() - start


def plain_files(page_counts: list[int], runs: int = LINES_PER_PAGE, rules: int = 0) -> float:
    """CPU seconds for one plain file per entry of ``page_counts`` (pages numbered on)."""
    start = time.process_time()
    first = 0
    for pages in page_counts:
        plain_file(pages, first, runs, rules)
        first += pages
    return time.process_time() - start


def _holds(ratio: float) -> str:
    return "holds" if ratio <= GOAL else "DOES NOT HOLD"


def main() -> None:
    """Render the documents and the plain pages, alternating, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kieskringen", type=int, default=20)
    parser.add_argument("--candidates", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    nomination = demo_tk_nomination(args.kieskringen, args.candidates)
    context = context_for(nomination)
    register_fonts()
    ours, walls, plain, same_files, same_drawing = [], [], [], [], []
    for _ in range(args.repeat):
        gc.collect()
        with tempfile.TemporaryDirectory() as work:
            start, wall = time.process_time(), time.perf_counter()
            result = render_documents(nomination, context, Path(work) / "documenten")
            ours.append(time.process_time() - start)
            walls.append(time.perf_counter() - wall)
            runs, rules = drawing_per_page(result.combined)
        files = Counter(item.model for item in result.files)
        counts = [item.pages for item in result.files] + [result.combined_pages]
        pages = sum(counts)
        gc.collect()
        plain.append(plain_pages(pages))
        gc.collect()
        same_files.append(plain_files(counts))
        gc.collect()
        same_drawing.append(plain_files(counts, runs, rules))
    seconds, baseline, baseline_files = min(ours), min(plain), min(same_files)
    baseline_drawing = min(same_drawing)
    ratio, ratio_files = seconds / baseline, seconds / baseline_files
    print(f"party: {args.kieskringen} kieskringen x {args.candidates} candidates")
    print("files: " + ", ".join(f"{count} {model}" for model, count in sorted(files.items())))
    print(f"pages written: {pages} ({result.combined_pages} in the print file, same again apart)")
    print(f"best of {args.repeat}, CPU seconds, alternating")
    print(
        f"kandidaat documents: {seconds:.2f} s CPU ({min(walls):.2f} s wall), "
        f"{pages / seconds:.0f} pages/s"
    )
    print(
        f"reportlab plain text, one file: {baseline:.2f} s CPU, {pages / baseline:.0f} pages/s;"
        f" ratio {ratio:.1f}x; goal <= {GOAL:.0f}x: {_holds(ratio)}"
    )
    print(
        f"reportlab plain text, same {len(counts)} files: {baseline_files:.2f} s CPU, "
        f"{pages / baseline_files:.0f} pages/s; ratio {ratio_files:.1f}x (for comparison)"
    )
    print(
        f"reportlab plain text, same files, {runs} text runs and {rules} rules a page "
        f"(as the documents draw): {baseline_drawing:.2f} s CPU, "
        f"{pages / baseline_drawing:.0f} pages/s; ratio {seconds / baseline_drawing:.1f}x "
        "(for comparison)"
    )


if __name__ == "__main__":
    main()
