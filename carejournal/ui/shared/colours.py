"""A few colours for warnings, chosen for contrast in light and dark palettes alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from carejournal.charts.theme import LENS_HUES, dark_theme, light_theme

# The language lens's mark colours by category: (on a light page, on a dark page). They are
# the charts' lens colours (carejournal/charts/theme.py, the one place they are chosen), so a
# category looks the same in the editor, the panel and Patterns. Each keeps at least 3:1
# against the light and the dark palette's text background, and on its own tint (WCAG
# 1.4.11); colour is never the only signal (the tooltip and the panel name the category).
LENS_COLOURS: dict[str, tuple[str, str]] = {
    key: (light_theme().lens[key], dark_theme().lens[key]) for key in LENS_HUES}
LENS_NEUTRAL = ("#5f6368", "#b0b4ba")  # a category the colours do not know
LENS_TINT_ALPHA = 0.16  # how strongly a mark tints the words it is under


def is_dark(widget: QWidget) -> bool:
    """True if the widget's palette has a dark background."""
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def has_dark_base(widget: QWidget) -> bool:
    """True if the widget's text background (Base) is dark, as in a dark palette."""
    return widget.palette().color(QPalette.ColorRole.Base).lightness() < 128


def lens_colour(category: str, dark: bool) -> QColor:
    """The underline colour of a lens category (a neutral grey for unknown ones)."""
    light_colour, dark_colour = LENS_COLOURS.get(category, LENS_NEUTRAL)
    return QColor(dark_colour if dark else light_colour)


def lens_tint(category: str, dark: bool) -> QColor:
    """The see-through wash behind a lens finding, in its category's colour."""
    colour = lens_colour(category, dark)
    colour.setAlphaF(LENS_TINT_ALPHA)
    return colour


def over(colour: QColor, background: QColor) -> QColor:
    """A see-through colour as it shows on an opaque background."""
    alpha = colour.alphaF()
    return QColor(*(round(alpha * a + (1 - alpha) * b) for a, b in (
        (colour.red(), background.red()), (colour.green(), background.green()),
        (colour.blue(), background.blue()))))


def contrast(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    def luminance(colour: QColor) -> float:
        channels = [c / 255 for c in (colour.red(), colour.green(), colour.blue())]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                   for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def problem_text_style(widget: QWidget) -> str:
    """Style for short warning text such as 'Not saved!' (contrast above 4.5:1)."""
    colour = "#ffb4ab" if is_dark(widget) else "#b3261e"
    return f"color: {colour}; font-weight: 600;"


def problem_banner_style(widget: QWidget) -> str:
    """Style for a boxed warning message."""
    if is_dark(widget):
        return ("QLabel { background: #5c1a14; color: #ffdad4; border: 1px solid #ffb4ab;"
                " border-radius: 4px; padding: 6px; }")
    return ("QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #d93025;"
            " border-radius: 4px; padding: 6px; }")


def prompt_banner_style(widget: QWidget) -> str:
    """Style for a calm question shown above the editor (not a warning)."""
    if is_dark(widget):
        return ("QLabel { background: #1f3a4d; color: #e3f2fd; border: 1px solid #6fa8dc;"
                " border-radius: 4px; padding: 8px; }")
    return ("QLabel { background: #e8f1fb; color: #0b3a5e; border: 1px solid #7aa7d6;"
            " border-radius: 4px; padding: 8px; }")


def calm_style(widget: QWidget, name: str) -> str:
    """A quiet frame for a suggestion (not a warning), in light and dark palettes."""
    if is_dark(widget):
        box, text, edge = "#1f3a4d", "#e3f2fd", "#6fa8dc"
    else:
        box, text, edge = "#e8f1fb", "#0b3a5e", "#7aa7d6"
    return (f"QFrame#{name} {{ background: {box}; border: 1px solid {edge};"
            f" border-radius: 6px; }}"
            f" QFrame#{name} QLabel {{ color: {text}; background: transparent;"
            f" border: none; }}")


class CalmFrame(QFrame):
    """A banner frame in calm_style that keeps its colours when the palette changes.

    Subclasses set their objectName, build their words and buttons with _build_banner
    (a bold title with its detail under it, the buttons beside them) and call _restyle()
    once built; `say` shows the banner with its words.
    """

    title: QLabel
    detail: QLabel

    def _build_banner(self, buttons: Sequence[QWidget], under: Sequence[QWidget] = (),
                      detail: str = "") -> None:
        """The title and detail in a column (with `under` below them, at their size), and
        the buttons to their right, centred on them."""
        self.title = QLabel(wordWrap=True)
        self.title.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.detail = QLabel(detail, wordWrap=True)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.detail)
        for widget in under:
            texts.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(texts, 1)
        for button in buttons:
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)

    def say(self, title: str, detail: str) -> None:
        """Show the banner with these words (a screen reader is given both)."""
        self.title.setText(title)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{title} {detail}")
        self.show()

    def _restyle(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            # The frame's own style sheet fixes its palette, so a new theme reaches the
            # parent and not the frame: listen to the parent (installing again is harmless).
            parent.installEventFilter(self)
        style = calm_style(parent or self, self.objectName())
        if style != self.styleSheet():  # setting it changes the palette again
            self.setStyleSheet(style)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange):
            self._restyle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() is QEvent.Type.PaletteChange:
            self._restyle()
        return False
