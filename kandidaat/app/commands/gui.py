"""``kandidaat gui [PROJECT]``: the desktop application for parties.

PySide6 is optional (``pip install kandidaat[gui]``): it is imported only when
this command runs, so every other command works without it, and a missing Qt
gives a Dutch message instead of a traceback.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kandidaat.app.exitcodes import EXIT_BAD_INPUT, EXIT_OK

if TYPE_CHECKING:
    import argparse
    from types import ModuleType

PAGES = ("start", "partij", "kandidaten", "lijsten", "controle", "documenten")
"""The pages ``--page`` accepts (the same names as in the window's navigation)."""
COUNT_PAGES = ("stembureaus", "invoer", "coordinator")
"""The pages ``--page`` accepts for a telbestand (``.tel``)."""
COUNT_SUFFIX = ".tel"
CSB_PAGES = (
    "inleveringen",
    "onderzoek",
    "verzuimen",
    "nummering",
    "vaststellen",
    "stukken",
    "ondersteuning",
    "documenten",
)
"""The pages ``--page`` accepts for a CSB-werkbestand (``.csb``)."""
CSB_SUFFIX = ".csb"

MISSING_QT = (
    "fout: de desktoptoepassing heeft PySide6 nodig, maar dat is niet geïnstalleerd.\n"
    "Installeer het met: pip install 'kandidaat[gui]' (of PySide6-Essentials).\n"
    "Alle andere opdrachten van kandidaat werken ook zonder.\n"
)


NO_DISPLAY = (
    "fout: er is geen beeldscherm gevonden (DISPLAY en WAYLAND_DISPLAY zijn leeg).\n"
    "Start kandidaat gui vanuit een bureaubladsessie, of maak een schermafdruk met "
    "--screenshot.\n"
)


def _has_display() -> bool:
    """On Linux and other X11/Wayland systems a window needs a display; elsewhere assume one."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    names = ("DISPLAY", "WAYLAND_DISPLAY")
    return bool(os.environ.get("QT_QPA_PLATFORM")) or any(os.environ.get(n) for n in names)


def register(subparsers: Any) -> None:  # noqa: ANN401 - argparse's private type
    """Add the ``gui`` subcommand."""
    parser = subparsers.add_parser(
        "gui",
        help="start de desktoptoepassing voor partijen",
        description=(
            "Start de desktoptoepassing: kandidaten invoeren, lijsten samenstellen, "
            "controleren en de formulieren maken. Met --screenshot wordt één pagina als "
            "PNG-afbeelding bewaard, zonder venster."
        ),
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    parser.add_argument(
        "project",
        nargs="?",
        type=Path,
        metavar="PROJECT",
        help="het .kandidaat-project, het telbestand (.tel) of het CSB-werkbestand (.csb) om te "
        "openen",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="bewaar een schermafdruk van een pagina in dit PNG-bestand en stop",
    )
    parser.add_argument(
        "--page",
        choices=PAGES + COUNT_PAGES + CSB_PAGES,
        default=None,
        metavar="NAAM",
        help=f"de pagina voor --screenshot: {', '.join(PAGES)}; bij een telbestand: "
        f"{', '.join(COUNT_PAGES)}; bij een CSB-werkbestand: {', '.join(CSB_PAGES)}",
    )
    parser.set_defaults(handler=run)


def _load_application(args: argparse.Namespace) -> ModuleType | None:
    """The GUI's module, or None after a Dutch message (no Qt, no display)."""
    if args.screenshot is not None:
        # A screenshot needs no screen: render offscreen unless told otherwise.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        application = importlib.import_module("kandidaat.gui.application")
    except ImportError as error:
        if (error.name or "").startswith(("PySide6", "shiboken6")):
            sys.stderr.write(MISSING_QT)
            return None
        raise
    if args.screenshot is None and not _has_display():
        sys.stderr.write(NO_DISPLAY)
        return None
    return application


def run(args: argparse.Namespace) -> int:
    """Start the application, or write the screenshot and stop."""
    application = _load_application(args)
    if application is None:
        return EXIT_BAD_INPUT
    project: Path | None = args.project
    workspace_window = {COUNT_SUFFIX: _run_count, CSB_SUFFIX: _run_csb}
    if project is not None and project.suffix in workspace_window:
        return workspace_window[project.suffix](args, project)
    if project is not None and not project.is_file():
        sys.stderr.write(f"fout: {project}: dit project bestaat niet\n")
        return EXIT_BAD_INPUT
    if args.screenshot is not None:
        page = args.page or ("kandidaten" if project is not None else "start")
        application.screenshot(args.screenshot, project, page)
        sys.stdout.write(f"schermafdruk van de pagina {page} bewaard in {args.screenshot}\n")
        return EXIT_OK
    if args.page is not None:
        sys.stderr.write("fout: --page hoort bij --screenshot\n")
        return EXIT_BAD_INPUT
    code: int = application.run(project)
    return code


def _run_count(args: argparse.Namespace, path: Path) -> int:
    """``kandidaat gui TELLING.tel``: the window for typing in the processen-verbaal."""
    if args.page is not None and args.page not in COUNT_PAGES:
        sys.stderr.write(
            f"fout: --page {args.page}: kies bij een telbestand "
            f"{', '.join(COUNT_PAGES[:-1])} of {COUNT_PAGES[-1]}\n"
        )
        return EXIT_BAD_INPUT
    if not path.is_file():
        sys.stderr.write(f"fout: {path}: dit telbestand bestaat niet\n")
        return EXIT_BAD_INPUT
    window = importlib.import_module("kandidaat.gui.count.count_window")
    if args.screenshot is not None:
        page = args.page or "invoer"
        window.count_screenshot(args.screenshot, path, page)
        sys.stdout.write(f"schermafdruk van de pagina {page} bewaard in {args.screenshot}\n")
        return EXIT_OK
    if args.page is not None:
        sys.stderr.write("fout: --page hoort bij --screenshot\n")
        return EXIT_BAD_INPUT
    code: int = window.run_count(path)
    return code


def _run_csb(args: argparse.Namespace, path: Path) -> int:
    """``kandidaat gui WERK.csb``: the centraal stembureau's pages."""
    if args.page is not None and args.page not in CSB_PAGES:
        sys.stderr.write(
            f"fout: --page {args.page}: kies bij een CSB-werkbestand {', '.join(CSB_PAGES)}\n"
        )
        return EXIT_BAD_INPUT
    if not path.is_file():
        sys.stderr.write(f"fout: {path}: dit CSB-werkbestand bestaat niet\n")
        return EXIT_BAD_INPUT
    window = importlib.import_module("kandidaat.gui.csb.csb_window")
    if args.screenshot is not None:
        page = args.page or "inleveringen"
        window.csb_screenshot(args.screenshot, path, page)
        sys.stdout.write(f"schermafdruk van de pagina {page} bewaard in {args.screenshot}\n")
        return EXIT_OK
    if args.page is not None:
        sys.stderr.write("fout: --page hoort bij --screenshot\n")
        return EXIT_BAD_INPUT
    code: int = window.run_csb(path)
    return code
