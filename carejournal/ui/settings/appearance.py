"""View › Appearance: the theme (as the system has it, light or dark) and the size of the
text in the whole window, applied at once and remembered for this computer account.

Appearance belongs to the person at this computer, not to a journal, so it is kept in
QSettings (beside the window's size), not in the journal's settings. Light and dark use
Qt's Fusion style with a palette of their own, so they look the same on every system.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QActionGroup, QColor, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow

THEMES = ("system", "light", "dark")
SMALLEST, LARGEST = -2, 10  # points taken from or added to the system's text size
SYSTEM_STYLE = "carejournal_system_style"  # the app's style before a theme changed it

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# The dark palette: light text on a dark grey that is easy on the eyes at night; text keeps
# well over 4.5:1 against its background, and the lens marks 3:1 (tests/ui/test_appearance).
DARK = {
    Role.Window: "#2b2d31", Role.WindowText: "#e8e8e8", Role.Base: "#1e1f22",
    Role.AlternateBase: "#26282c", Role.Text: "#e8e8e8", Role.Button: "#33363b",
    Role.ButtonText: "#e8e8e8", Role.BrightText: "#ffffff", Role.Highlight: "#3d6fa5",
    Role.HighlightedText: "#ffffff", Role.Link: "#8ab4f8", Role.LinkVisited: "#c58af9",
    Role.ToolTipBase: "#33363b", Role.ToolTipText: "#e8e8e8",
    Role.PlaceholderText: "#a0a4aa", Role.Accent: "#3d6fa5", Role.Light: "#45484e",
    Role.Midlight: "#3a3d42",
    Role.Mid: "#2f3236", Role.Dark: "#18191b", Role.Shadow: "#0d0e0f",
}
DARK_DISABLED = {Role.WindowText: "#8a8d93", Role.Text: "#8a8d93", Role.ButtonText: "#8a8d93",
                 Role.HighlightedText: "#c0c0c0", Role.Highlight: "#3a3d42"}
LIGHT = {Role.Base: "#ffffff", Role.Highlight: "#1f6aa5", Role.Accent: "#1f6aa5"}


@dataclass(frozen=True, slots=True)
class Appearance:
    """A theme ("system", "light" or "dark") and points added to the system's text size."""

    theme: str = "system"
    text_step: int = 0

    def larger(self, by: int) -> Appearance:
        """The same with the text this many points larger (within bounds)."""
        step = min(max(self.text_step + by, SMALLEST), LARGEST)
        return Appearance(self.theme, step if by else 0)


def load(settings: QSettings) -> Appearance:
    """The appearance kept in settings (as the system has it, at first)."""
    theme = str(settings.value("appearance/theme", "system"))
    try:
        step = int(str(settings.value("appearance/text_step", 0)))
    except ValueError:
        step = 0
    return Appearance(theme if theme in THEMES else "system",
                      min(max(step, SMALLEST), LARGEST))


def save(settings: QSettings, appearance: Appearance) -> None:
    """Keep the appearance for next time."""
    settings.setValue("appearance/theme", appearance.theme)
    settings.setValue("appearance/text_step", appearance.text_step)
    settings.sync()


def dark_palette() -> QPalette:
    """CareJournal's dark palette."""
    palette = QPalette(QColor(DARK[Role.Button]), QColor(DARK[Role.Window]))
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in DARK_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def light_palette() -> QPalette:
    """Fusion's light palette, on a white page, with a highlight white text reads on."""
    palette = QStyleFactory.create("Fusion").standardPalette()
    for role, colour in LIGHT.items():
        palette.setColor(role, QColor(colour))
    return palette


def apply(app: QApplication, appearance: Appearance) -> None:
    """Use this theme and text size in every window, now and in those opened later."""
    if app.property(SYSTEM_STYLE) is None:
        app.setProperty(SYSTEM_STYLE, app.style().name())
    if appearance.theme == "system":
        app.setStyle(str(app.property(SYSTEM_STYLE)))
        app.setPalette(QPalette())  # nothing set: every colour as the system has it
    else:
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if appearance.theme == "dark" else light_palette())
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() + appearance.text_step)
    app.setFont(font)


class AppearanceController(QObject):
    """Joins View › Appearance to the window's settings and the application."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.current = load(window.settings)
        a = window.actions_
        self.group = QActionGroup(self)
        for theme, action in a.themes.items():
            self.group.addAction(action)
            action.setChecked(theme == self.current.theme)
            action.triggered.connect(lambda _=False, t=theme: self.set_theme(t))
        a.larger_text.triggered.connect(lambda: self.change(1))
        a.smaller_text.triggered.connect(lambda: self.change(-1))
        a.normal_text.triggered.connect(lambda: self.change(0))

    def set_theme(self, theme: str) -> None:
        """Show every window in this theme."""
        self._use(Appearance(theme, self.current.text_step))

    def change(self, by: int) -> None:
        """Make the text larger (1), smaller (-1), or as the system has it (0)."""
        self._use(self.current.larger(by))

    def _use(self, appearance: Appearance) -> None:
        self.current = appearance
        app = QGuiApplication.instance()
        if isinstance(app, QApplication):
            apply(app, appearance)
        save(self.window.settings, appearance)
        a = self.window.actions_
        a.smaller_text.setEnabled(appearance.text_step > SMALLEST)
        a.larger_text.setEnabled(appearance.text_step < LARGEST)
