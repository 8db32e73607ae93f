"""Helpers for the document tests: PDF text, page images, and the golden cases.

Text comes from pypdf (what a CSB member's PDF reader shows); page images from
poppler's ``pdftoppm`` and a small PNG reader (8-bit grayscale, what
``pdftoppm -gray -png`` writes), so no imaging library is needed.
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from demo_party import (
    context_for,
    demo_combined_nomination,
    demo_ek_nomination,
    demo_ep_nomination,
    demo_nomination,
)
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from kandidaat.documents.layout import render_single
from kandidaat.documents.render import plan_stories
from kandidaat.domain.nomination.model import Nomination

GOLDEN_DIR = Path(__file__).resolve().parents[2] / "golden" / "documents"
DOCS_MODELS_DIR = Path(__file__).resolve().parents[3] / "docs" / "models"
GOLDEN_DPI = 40
PDFTOPPM = shutil.which("pdftoppm")
REGISTERED_FONT = {"DejaVuSans": "KandidaatSans", "DejaVuSans-Bold": "KandidaatSans-Bold"}
"""The embedded faces and the names the documents register them under."""


def pages_text(data: bytes) -> list[str]:
    """The extracted text of every page."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def page_count(data: bytes) -> int:
    """The number of pages."""
    return len(PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    """Text with all whitespace removed (wrapped lines joined)."""
    return "".join(text.split())


@dataclass(frozen=True, slots=True)
class TextPiece:
    """A run of text as drawn: where it starts and ends horizontally (points)."""

    text: str
    left: float
    right: float
    page_width: float


def text_pieces(data: bytes) -> list[TextPiece]:
    """Every run of text with its horizontal extent (reportlab draws unscaled, unrotated)."""
    pieces: list[TextPiece] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        width = float(page.mediabox.width)

        def visit(text, cm, tm, font_dict, font_size, width=width):
            if not text.strip() or font_dict is None:
                return
            left = cm[4] + tm[4] * cm[0]
            face = str(font_dict["/BaseFont"]).split("+")[-1]
            advance = stringWidth(text, REGISTERED_FONT[face], font_size)
            pieces.append(TextPiece(text, left, left + advance * cm[0], width))

        page.extract_text(visitor_text=visit)
    return pieces


@dataclass(frozen=True, slots=True)
class GoldenCase:
    """Page 1 of one model for a demo party: the file in the demo set that holds it."""

    name: str
    nomination: Callable[[], Nomination]
    relative_path: str
    concept: tuple[str, ...] = ()


GOLDEN_CASES = (
    GoldenCase("H1", demo_nomination, "lijst_1/H1.pdf"),
    GoldenCase("H3-1", demo_nomination, "lijst_1/H3-1.pdf"),
    GoldenCase("H3-2", demo_combined_nomination, "lijst_1/H3-2.pdf"),
    GoldenCase("H4", demo_nomination, "lijst_1/H4_1.pdf"),
    GoldenCase("H4-EK", demo_ek_nomination, "lijst_1/H4_1.pdf"),
    GoldenCase("H9", demo_nomination, "lijst_1/H9_7_Brouwer.pdf"),
    GoldenCase("Y13", demo_ep_nomination, "lijst_1/Y13_1_Graaf.pdf"),
    GoldenCase("Y35", demo_ep_nomination, "lijst_1/Y35_2_Celik.pdf"),
    GoldenCase("vestiging", demo_nomination, "lijst_1/vestiging_3_Berg.pdf"),
    GoldenCase("checklist", demo_nomination, "lijst_1/checklist.pdf"),
    GoldenCase("H1-concept", demo_nomination, "lijst_1/H1.pdf", ("de controle vindt nog 1 fout",)),
)


def render_case(case: GoldenCase) -> bytes:
    """The PDF of a golden case, rendered alone (as in the demo set)."""
    nomination = case.nomination()
    context = context_for(nomination, concept=case.concept)
    for item in plan_stories(nomination, context):
        if str(item.relative_path) == case.relative_path:
            return render_single(item.story, item.plan.hash_code, context)
    message = f"{case.relative_path} is not in the demo set"
    raise LookupError(message)


def rasterize_first_page(pdf: bytes, workdir: Path, dpi: int, *, gray: bool = True) -> bytes:
    """Page 1 through ``pdftoppm``: a grey PGM (``gray``) or a colour PNG."""
    if PDFTOPPM is None:
        message = "pdftoppm is not installed"
        raise RuntimeError(message)
    source = workdir / "page.pdf"
    source.write_bytes(pdf)
    root = workdir / "page"
    args = [PDFTOPPM, "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile"]
    args.append("-gray" if gray else "-png")
    subprocess.run([*args, str(source), str(root)], check=True, capture_output=True)
    return (workdir / ("page.pgm" if gray else "page.png")).read_bytes()


def decode_pgm(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary PGM (P5, maximum 255) as pdftoppm writes it."""
    fields = data.split(maxsplit=4)
    if fields[0] != b"P5" or fields[3] != b"255":
        message = "not an 8-bit binary PGM"
        raise ValueError(message)
    width, height = int(fields[1]), int(fields[2])
    return width, height, fields[4][: width * height]


def encode_gray_png(image: tuple[int, int, bytes]) -> bytes:
    """An 8-bit grey PNG (filter 0 on every row): what the golden files are."""
    width, height, pixels = image
    raw = b"".join(b"\x00" + pixels[row * width : (row + 1) * width] for row in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def decode_gray_png(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and grey pixels of an 8-bit grey or RGB, non-interlaced PNG.

    ``pdftoppm -gray -png`` writes grey pixels as RGB in some poppler releases;
    RGB is averaged to grey.
    """
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        message = "not a PNG file"
        raise ValueError(message)
    offset = 8
    width = height = channels = 0
    compressed = b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        offset += 12 + length
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            channels = {0: 1, 2: 3}.get(color, 0)
            if depth != 8 or interlace or not channels:
                message = f"unsupported PNG: depth {depth}, colour {color}, interlace {interlace}"
                raise ValueError(message)
        elif kind == b"IDAT":
            compressed += body
    raw = zlib.decompress(compressed)
    stride = width * channels + 1
    previous = bytearray(width * channels)
    grey = bytearray()
    for row in range(height):
        kind = raw[row * stride]
        line = bytearray(raw[row * stride + 1 : (row + 1) * stride])
        if kind:
            _unfilter(kind, line, previous, channels)
        previous = line
        if channels == 1:
            grey += line
        else:
            grey += bytes(sum(line[i : i + 3]) // 3 for i in range(0, len(line), 3))
    return width, height, bytes(grey)


def _unfilter(kind: int, line: bytearray, previous: bytearray, bpp: int) -> None:
    """Undo the PNG filter of one scanline in place (filter types 0-4)."""
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = previous[i]
        upper_left = previous[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            p = left + up - upper_left
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
            predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else upper_left)
            line[i] = (line[i] + predictor) & 0xFF


def differing_pixels(
    a: tuple[int, int, bytes], b: tuple[int, int, bytes], threshold: int = 48
) -> int:
    """How many pixels differ by more than ``threshold`` grey levels (sizes must match)."""
    if a[:2] != b[:2]:
        return a[0] * a[1]
    return sum(1 for x, y in zip(a[2], b[2], strict=True) if abs(x - y) > threshold)
