"""The font every document uses: DejaVu Sans, embedded, so that every name prints.

Names are printed exactly as in the BRP ("Çelik", "Đurić", "Wiśniewska",
"Ødegård", "Nguyễn"); the PDF base fonts cannot show most of those letters, so
the documents embed DejaVu Sans (TrueType, from Debian's ``fonts-dejavu-core``).
The installer will bundle the files later; until then they are looked up in a
few standard places, or in the folder named by ``KANDIDAAT_FONT_DIR``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kandidaat.documents._rl import TTFError, TTFont, addMapping, pdfmetrics
from kandidaat.domain.errors import InputError

__all__ = ["FONT_DIR_VARIABLE", "FontNames", "find_font_dir", "register_fonts"]

FONT_DIR_VARIABLE = "KANDIDAAT_FONT_DIR"
"""Environment variable naming a folder that holds the DejaVu Sans files."""

REGULAR_FILE = "DejaVuSans.ttf"
BOLD_FILE = "DejaVuSans-Bold.ttf"

_STANDARD_DIRS = (
    Path(__file__).resolve().parent / "fonts",  # bundled by the installer (later)
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian, Ubuntu
    Path("/usr/share/fonts/dejavu"),  # Fedora, Arch
    Path("/usr/share/fonts/TTF"),  # Arch (older)
    Path("/usr/local/share/fonts"),  # BSD, manual installs
    Path("/Library/Fonts"),  # macOS
    Path.home() / "Library" / "Fonts",
    Path.home() / ".local" / "share" / "fonts",
)


@dataclass(frozen=True, slots=True)
class FontNames:
    """The names under which the fonts are registered with reportlab."""

    regular: str = "KandidaatSans"
    bold: str = "KandidaatSans-Bold"


def find_font_dir(environ: dict[str, str] | None = None) -> Path:
    """The folder that holds DejaVu Sans (regular and bold).

    ``KANDIDAAT_FONT_DIR`` comes first; then the bundled folder and the usual
    system folders. Raises :class:`InputError` with a Dutch message that says
    what to install when no folder holds both files.
    """
    env = os.environ if environ is None else environ
    configured = env.get(FONT_DIR_VARIABLE, "")
    if configured:
        folder = Path(configured)
        if _holds_fonts(folder):
            return folder
        raise InputError(
            f"De map {folder} (uit {FONT_DIR_VARIABLE}) bevat niet de lettertypebestanden "
            f"{REGULAR_FILE} en {BOLD_FILE}. Zet daar DejaVu Sans neer of verwijder "
            f"{FONT_DIR_VARIABLE}."
        )
    for folder in _STANDARD_DIRS:
        if _holds_fonts(folder):
            return folder
    searched = ", ".join(str(folder) for folder in _STANDARD_DIRS)
    raise InputError(
        f"Het lettertype DejaVu Sans ({REGULAR_FILE}, {BOLD_FILE}) is niet gevonden; "
        "zonder dit lettertype kunnen namen met bijzondere letters niet worden afgedrukt. "
        "Installeer het pakket fonts-dejavu-core (Debian/Ubuntu) of zet de map met de "
        f"bestanden in {FONT_DIR_VARIABLE}. Gezocht in: {searched}."
    )


def _holds_fonts(folder: Path) -> bool:
    return (folder / REGULAR_FILE).is_file() and (folder / BOLD_FILE).is_file()


_MEASURED_LIMIT = 100_000
"""Texts whose width a font remembers at most (a long desktop session stays small)."""
_SUBSET_LIMIT = 64
"""Embedded subsets a font remembers at most (each some 20 to 40 kB)."""


class _MeasuredFont(TTFont):  # type: ignore[misc]  # reportlab ships no type information
    """A TrueType font that remembers the width of each text it measured (ADR 0138).

    The models measure the same labels, words and names over and over: in every
    H 9, in each table cell and again while a paragraph is broken into lines.
    It also remembers the subset of the font it embeds for a set of letters:
    the 161 files of a TK party need only some 20 different subsets.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.kandidaat_units: dict[str, float] = {}
        make_subset = self.face.makeSubset
        subsets: dict[tuple[int, ...], bytes] = {}

        def remembered_subset(codes: list[int]) -> bytes:
            key = tuple(codes)
            data = subsets.get(key)
            if data is None:
                if len(subsets) >= _SUBSET_LIMIT:
                    subsets.clear()
                data = subsets[key] = make_subset(codes)
            return data

        # reportlab asks the face for the subset file of each document it saves.
        self.face.makeSubset = remembered_subset

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:  # noqa: N802 - reportlab's name
        """The width of ``text`` at ``size`` points, as reportlab computes it."""
        units = self.kandidaat_units.get(text)
        if units is None:
            # reportlab's width is 0.001 * size * (sum of the glyph widths); at size 1000
            # the factor is exactly 1, so the sum kept here gives the same float.
            units = super().stringWidth(text, 1000, encoding)
            if len(self.kandidaat_units) < _MEASURED_LIMIT and isinstance(text, str):
                self.kandidaat_units[text] = units
        return 0.001 * size * units


@cache
def _register(folder: Path) -> FontNames:
    names = FontNames()
    try:
        pdfmetrics.registerFont(_MeasuredFont(names.regular, str(folder / REGULAR_FILE)))
        pdfmetrics.registerFont(_MeasuredFont(names.bold, str(folder / BOLD_FILE)))
    except (TTFError, OSError) as error:
        raise InputError(
            f"Het lettertype in {folder} kan niet worden gelezen ({error}). "
            "Installeer fonts-dejavu-core opnieuw."
        ) from error
    # No oblique files in fonts-dejavu-core: italic maps to the upright faces.
    addMapping(names.regular, 0, 0, names.regular)
    addMapping(names.regular, 1, 0, names.bold)
    addMapping(names.regular, 0, 1, names.regular)
    addMapping(names.regular, 1, 1, names.bold)
    return names


def register_fonts() -> FontNames:
    """Find DejaVu Sans and register it with reportlab (once per folder)."""
    return _register(find_font_dir().resolve())
