"""The window of ``kandidaat gui WERK.csb``: the centraal stembureau's work in pages.

A member of the committee types their name first; every change (a list received, an
omission or its repair, the numbering, the establishment) is logged with it, as
``--lid`` does on the command line. The pages are those of docs/csb.md: Inleveringen,
Onderzoek, Verzuimen, Nummering, Vaststellen, Stukken (the checklist), Ondersteuning
(the H 4 register) and Documenten (I 1, verzuimbrief, finalise), each calling the use
case of ``kandidaat csb`` through :class:`~kandidaat.app.csb.desk.CsbDesk`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kandidaat.app.csb.desk import CsbDesk
from kandidaat.common.atomic import write_bytes_atomically
from kandidaat.common.os_reasons import Action, os_reason
from kandidaat.domain.errors import KandidaatError
from kandidaat.gui.application import application
from kandidaat.gui.csb.documents_page import DocumentsPage
from kandidaat.gui.csb.numbering_page import EstablishPage, NumberingPage
from kandidaat.gui.csb.omissions_page import OmissionsPage
from kandidaat.gui.csb.pages import ExaminePage, ReceivePage
from kandidaat.gui.csb.register_pages import ChecklistPage, SupportPage
from kandidaat.gui.csb.widgets import MemberField
from kandidaat.gui.text_fit import short

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["CSB_PAGES", "MAX_WIDTH", "CsbWindow", "csb_screenshot", "run_csb"]

MAX_WIDTH = 1366
"""The window never needs more (a common laptop screen)."""
SCREENSHOT_SIZE = (1366, 768)
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
"""The pages, by the names ``kandidaat gui WERK.csb --screenshot --page`` takes."""
_TAB_TEXTS = (
    "&Inleveringen",
    "&Onderzoek",
    "&Verzuimen",
    "N&ummering",
    "Vast&stellen",
    # Every other letter of these three names is taken on some page: E and the digits.
    "Stukk&en",
    "Ondersteuning (H &4)",
    "Documenten (I &1)",
)
_REFRESHED = (ReceivePage, OmissionsPage, ChecklistPage, SupportPage, DocumentsPage)
"""The pages that read the file again each time they are shown."""
CsbPage: TypeAlias = (
    ReceivePage
    | ExaminePage
    | OmissionsPage
    | NumberingPage
    | EstablishPage
    | ChecklistPage
    | SupportPage
    | DocumentsPage
)


class CsbWindow(QMainWindow):
    """The member's name above the eight pages of the committee's work."""

    def __init__(self, desk: CsbDesk, parent: QWidget | None = None) -> None:
        """A window on a CSB workspace (opened only for each read or change)."""
        super().__init__(parent)
        self.desk = desk
        title = desk.title()
        self.setWindowTitle(
            short(f"Centraal stembureau {title.name} ({title.identifier}) - kandidaat")
        )
        central = QWidget()
        outer = QVBoxLayout(central)
        form = QFormLayout()
        self.member = MemberField()
        member_label = QLabel("&Naam lid:")
        member_label.setBuddy(self.member)
        form.addRow(member_label, self.member)
        outer.addLayout(form)
        self.receive_page = ReceivePage(desk, self.member)
        self.examine_page = ExaminePage(desk, self.member)
        self.omissions_page = OmissionsPage(desk, self.member)
        self.numbering_page = NumberingPage(desk, self.member)
        self.establish_page = EstablishPage(
            desk, self.member, lambda: tuple(self.numbering_page.lots)
        )
        self.checklist_page = ChecklistPage(desk, self.member)
        self.support_page = SupportPage(desk, self.member)
        self.documents_page = DocumentsPage(
            desk, self.member, lambda: tuple(self.numbering_page.lots)
        )
        self.pages: dict[str, CsbPage] = {
            "inleveringen": self.receive_page,
            "onderzoek": self.examine_page,
            "verzuimen": self.omissions_page,
            "nummering": self.numbering_page,
            "vaststellen": self.establish_page,
            "stukken": self.checklist_page,
            "ondersteuning": self.support_page,
            "documenten": self.documents_page,
        }
        self.tabs = QTabWidget()
        for text, page in zip(_TAB_TEXTS, self.pages.values(), strict=True):
            self.tabs.addTab(page, text)
        self.tabs.currentChanged.connect(self._page_shown)
        outer.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        QWidget.setTabOrder(self.member, self.tabs)
        self.receive_page.refresh()
        self.member.setFocus()

    def _page_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, _REFRESHED):
            page.refresh()

    def show_page(self, name: str) -> None:
        """Show the page ``name`` (one of :data:`CSB_PAGES`)."""
        self.tabs.setCurrentWidget(self.pages[name])


def _fit(window: CsbWindow) -> None:
    free = window.screen().availableGeometry()
    width = min(free.width(), MAX_WIDTH, max(window.sizeHint().width(), 1100))
    window.resize(width, min(free.height(), 768))
    frame = window.frameGeometry()
    frame.moveCenter(free.center())
    window.move(frame.topLeft())


def run_csb(path: Path) -> int:
    """Show the CSB window on ``path`` until the user closes it; the event loop's code.

    Raises:
        KandidaatError: the file cannot be opened (Dutch, naming it).
    """
    app = application()
    window = CsbWindow(CsbDesk.open(path))
    _fit(window)
    window.show()
    return app.exec()


def csb_screenshot(png: Path, path: Path, page: str = "inleveringen") -> None:
    """Render one page of the CSB window on ``path`` to ``png`` (the onderzoek run first).

    Raises:
        KandidaatError: an unknown page, an unreadable file, or the PNG cannot be written.
    """
    if page not in CSB_PAGES:
        raise KandidaatError(f"--page {page[:40]}: kies {', '.join(CSB_PAGES)}")
    app = application()
    window = CsbWindow(CsbDesk.open(path))
    try:
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        window.member.setText("A. de Vries")
        window.show_page(page)
        if page == "onderzoek":
            window.examine_page.run()
        for _ in range(3):
            app.processEvents()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not window.grab().save(buffer, "PNG"):
            raise KandidaatError(f"{png}: de schermafdruk kon niet worden gemaakt")
        try:
            png.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomically(png, bytes(buffer.data().data()))
        except OSError as error:
            reason = os_reason(error, Action.READ_FILE)
            raise KandidaatError(f"{png}: kan de schermafdruk niet schrijven ({reason})") from error
    finally:
        window.close()
