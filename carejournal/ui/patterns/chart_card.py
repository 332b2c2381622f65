"""One chart in the Patterns view: the drawing (titled), a plain caption and Save…."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.patterns import Period
from carejournal.ui.patterns import chart_adapter
from carejournal.ui.patterns.chart_adapter import ChartHit, Drawn
from carejournal.ui.shared.problems import PROBLEMS

CANVAS_HEIGHT = 320  # px: readable axes, and a row and a half of charts on a laptop screen
CANVAS_MIN_WIDTH = 380  # below this, matplotlib's layout has no room for the axes
SUFFIXES = (".png", ".svg")


class ChartCard(QFrame):
    """One named chart, drawn when asked; emits `clicked(ChartHit)`, `saved(path)`, `failed`
    and `painted` (its changed chart is now on screen)."""

    clicked = Signal(object)
    painted = Signal()
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.series: object | None = None
        self.period: Period | None = None
        self.theme: Any = None
        self.pending = False
        self.drawn: Drawn | None = None
        self.folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        self.setObjectName(f"chart-{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.canvas = chart_adapter.make_canvas(self.painted.emit)
        self.canvas.setFixedHeight(CANVAS_HEIGHT)  # not the figure's own 480 px size hint
        self.canvas.setMinimumWidth(CANVAS_MIN_WIDTH)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.clicked.connect(self.save)
        self._layout()
        chart_adapter.connect_clicks(self.canvas, lambda: self.drawn, self.clicked.emit)

    def _layout(self) -> None:
        bottom = QHBoxLayout()
        bottom.addWidget(self.caption, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.canvas)
        layout.addLayout(bottom)

    def set_chart(self, series: object, theme: Any, period: Period) -> None:
        """Take new numbers; they are drawn by draw_pending(), once the card is in sight."""
        self.series, self.theme, self.period = series, theme, period
        self.pending = True

    def draw_pending(self) -> None:
        """Draw the chart for the numbers given last, if not drawn yet (the figure shows the
        title, the card the caption)."""
        if not self.pending or self.period is None:
            return
        self.pending = False
        self.drawn = chart_adapter.draw(self.name, self.series, self.canvas, self.theme,
                                        self.period)
        title, caption = self.drawn.title, self.drawn.caption
        self.caption.setText(caption)
        self.canvas.setAccessibleName(title)
        self.canvas.setAccessibleDescription(caption)
        self.canvas.setToolTip(self.tr("Click a bar or a day to see those entries")
                               if not self.drawn.empty else "")
        self.save_button.setAccessibleName(self.tr("Save the chart “{title}”").format(
            title=title))
        self.save_button.setToolTip(self.tr("Save this chart as a PNG picture or an SVG drawing"))
        self.save_button.setEnabled(not self.drawn.empty)

    def pick(self, artist: object, index: int = 0) -> ChartHit | None:
        """What clicking this artist of the figure shows; emits `clicked` if it is anything."""
        hit = chart_adapter.hit_for(self.drawn, artist, [index])
        if hit is not None:
            self.clicked.emit(hit)
        return hit

    def save(self) -> None:
        """Ask where, then write the chart as PNG or SVG."""
        self.draw_pending()
        if self.series is None or self.drawn is None or self.period is None:
            return
        png, svg = self.tr("PNG picture (*.png)"), self.tr("SVG drawing (*.svg)")
        start = str(Path(self.folder) / f"{self.name}.png")
        chosen, kind = QFileDialog.getSaveFileName(
            self, self.tr("Save the chart “{title}”").format(title=self.drawn.title), start,
            f"{png};;{svg}", png)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in SUFFIXES:
            path = path.with_name(path.name + (".svg" if kind == svg else ".png"))
        try:
            # Saved pictures use the light theme: they end up in documents and on paper.
            chart_adapter.save(self.name, self.series, path, chart_adapter.theme_for(False),
                               self.period)
        except (*PROBLEMS, ValueError) as exc:
            self.failed.emit(self.tr("The chart could not be saved: {problem}").format(
                problem=exc))
            return
        self.folder = str(path.parent)
        self.saved.emit(str(path))
