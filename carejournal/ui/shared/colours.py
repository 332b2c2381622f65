"""A few colours for warnings, chosen for contrast in light and dark palettes alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
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


CALM_LIGHT = ("#e8f1fb", "#0b3a5e", "#7aa7d6")  # box, text, edge
CALM_DARK = ("#1f3a4d", "#e3f2fd", "#6fa8dc")


def calm_style(widget: QWidget, name: str) -> str:
    """A quiet frame for a suggestion (not a warning), in light and dark palettes."""
    box, text, edge = CALM_DARK if is_dark(widget) else CALM_LIGHT
    return (f"QFrame#{name} {{ background: {box}; border: 1px solid {edge};"
            f" border-radius: 6px; }}"
            f" QFrame#{name} QLabel {{ color: {text}; background: transparent;"
            f" border: none; }}")


class CalmFrame(QFrame):
    """A banner frame in the calm colours that follows the theme: its box is painted and its
    words coloured through its palette, never a style sheet, so a new palette reaches it
    (a style sheet would fix the frame's palette, and a banner shown in dark stayed dark).

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
        font = self.title.font()  # a font, not a style sheet: that would fix its colours
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSize(11)
        self.title.setFont(font)
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
        """Take the calm colours of the parent's palette (light or dark)."""
        box, text, _edge = CALM_DARK if is_dark(self.parentWidget() or self) else CALM_LIGHT
        palette = self.palette()
        if palette.color(QPalette.ColorRole.Window) == QColor(box) and \
                palette.color(QPalette.ColorRole.WindowText) == QColor(text):
            return  # setting it changes the palette again
        palette.setColor(QPalette.ColorRole.Window, QColor(box))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
        self.setPalette(palette)
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange):
            self._restyle()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The rounded box and its edge."""
        _box, _text, edge = CALM_DARK if is_dark(self.parentWidget() or self) else CALM_LIGHT
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(edge), 1))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Window))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
