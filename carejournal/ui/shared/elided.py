"""A one-line label that shortens its text with "…" when its room is narrower than the text,
and keeps the whole text in its tooltip: for a notice in a status bar, which must never grow
a second line (the window under it would jump) nor cut a longer language off unseen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

LEAST_CHARACTERS = 12  # the label never asks for less room than about this many


class ElidedLabel(QLabel):
    """Shows as much of its text as fits on one line, then "…"; the tooltip has it all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whole = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:  # Qt's name
        self._whole = text
        self.setToolTip(text)
        self._fit()
        self.updateGeometry()

    def whole_text(self) -> str:
        """The text as set, before any shortening."""
        return self._whole

    def sizeHint(self) -> QSize:  # Qt's name
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._whole) + margins.left() \
            + margins.right() + 2
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # Qt's name
        least = self.fontMetrics().averageCharWidth() * LEAST_CHARACTERS
        return QSize(min(least, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = max(0, self.contentsRect().width())
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideRight, room)
        super().setText(shown)
