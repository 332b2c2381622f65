"""The quiet sign in the status bar that says whether the journal is protected by a
passphrase: a small padlock and "Protected" when it is, plain "Not protected" when not."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


def padlock(colour: QColor, size: int, ratio: float = 1.0) -> QPixmap:
    """A padlock drawn in one colour (so it follows the palette), size px square."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, max(size / 9, 1.5))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(size * 0.28, size * 0.08, size * 0.44, size * 0.56), 0, 180 * 16)
    for x in (0.28, 0.72):  # the shackle's legs, down into the body
        painter.drawLine(QPointF(size * x, size * 0.36), QPointF(size * x, size * 0.46))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(size * 0.16, size * 0.44, size * 0.68, size * 0.5), 2, 2)
    painter.end()
    return pixmap


class ProtectionSign(QWidget):
    """A padlock and "Protected", or "Not protected", with a name for screen readers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.text = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        self.protected = False
        self.set_protected(False)

    def set_protected(self, on: bool) -> None:
        """Say whether the journal needs a passphrase to open."""
        self.protected = on
        self.text.setText(self.tr("Protected") if on else self.tr("Not protected"))
        self.setAccessibleName(self.tr("Protected with a passphrase") if on
                               else self.tr("Not protected by a passphrase"))
        self.setToolTip(self.tr("Your journal opens only with your passphrase.") if on
                        else self.tr("Anyone using this computer account can read your "
                                     "journal. File › Privacy › Protect with a Passphrase…"))
        self.icon.setVisible(on)
        self._draw()

    def _draw(self) -> None:
        if not self.protected:
            return
        size = max(self.text.fontMetrics().height() - 2, 12)
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        self.icon.setPixmap(padlock(colour, size, self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._draw()
