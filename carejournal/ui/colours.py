"""A few colours for warnings, chosen for contrast in light and dark palettes alike."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget


def is_dark(widget: QWidget) -> bool:
    """True if the widget's palette has a dark background."""
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


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
