"""User text in labels: it wraps or is cut short, and never widens the window.

A label's minimum width is its longest unbreakable run of text; an appellation
or a file name of hundreds of characters without a space made the window wider
than the screen. :func:`breakable` lets such a run wrap; :class:`ElidingLabel`
shows one line cut short with "…" and the whole text as a tooltip.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QWidget

__all__ = ["MAX_TITLE", "ElidingLabel", "breakable", "short"]

RUN = 24
"""Characters after which a run without a space may be broken."""
MAX_TITLE = 80
"""Characters of user text in a window title."""
_LONG_RUN = re.compile(rf"\S{{{RUN + 1},}}")
_BREAK = "\u200b"
"""ZERO WIDTH SPACE: a place to break a line that does not show."""


def breakable(text: str) -> str:
    """``text`` with an invisible break opportunity every few characters of a long run."""

    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        return _BREAK.join(run[i : i + RUN] for i in range(0, len(run), RUN))

    return _LONG_RUN.sub(split, text)


def short(text: str, limit: int = MAX_TITLE) -> str:
    """``text`` cut to ``limit`` characters with "…" (for a window title)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class ElidingLabel(QLabel):
    """One line of text, cut short with "…" to the width it gets; the whole text as tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """An empty label that takes what width the layout gives it."""
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def full_text(self) -> str:
        """The text as set, before it was cut short."""
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        """Show ``text``, cut to the current width."""
        self._full = text
        self.setToolTip(text if len(text) > RUN else "")
        self._elide()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Small: the text is cut, so it never sets the window's width."""
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Cut the text again for the new width."""
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        shown = metrics.elidedText(self._full, Qt.TextElideMode.ElideMiddle, max(self.width(), 1))
        super().setText(shown)
