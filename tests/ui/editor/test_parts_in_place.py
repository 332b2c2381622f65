"""The editor's parts stay on its page when the kind of entry changes: a part first shown for
an interaction, after a reflection (which has no decisions or little things), was shown as a
window of its own for a moment, placed and centred like one, and then drawn over the parts
below it on the page (seen at 1024x600 under X11: "Decisions" over the strengths box)."""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from carejournal.core.domain import EntryKind
from carejournal.services.journal import Journal
from carejournal.ui.editor.entry_editor import PART_WIDGETS
from tests.conftest import draft


class WindowsShown(QObject):
    """Records every widget shown as a window of its own while installed on the app."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[QWidget] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is QEvent.Type.Show and isinstance(watched, QWidget) \
                and watched.isWindow():
            self.shown.append(watched)
        return False


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def test_parts_first_shown_after_a_reflection_are_not_windows_and_do_not_overlap(
        journal: Journal, make_window) -> None:
    reflection = journal.add(draft("Who decides when people get up?", EntryKind.REFLECTION,
                                   dt.date(2026, 3, 4), people=("Sam",)))
    meeting = journal.add(draft("Sam chose the garden.", EntryKind.INTERACTION,
                                dt.date(2026, 3, 5), people=("Sam",)))
    window = make_window()
    window.resize(1024, 600)
    window.open_entry(reflection)
    settle()
    editor = window.editor
    parts = {editor.part_widget(p) for p in PART_WIDGETS}
    spy = WindowsShown()
    app = QApplication.instance()
    app.installEventFilter(spy)
    try:
        window.open_entry(meeting)
        settle()
    finally:
        app.removeEventFilter(spy)
    assert not [w for w in spy.shown if w in parts], "a part of the page opened as a window"
    layout = editor.page_layout
    shown = [layout.itemAt(i).widget() for i in range(layout.count())]
    shown = [w for w in shown if w is not None and w.isVisible()]
    assert editor.decisions_group in shown and editor.acts_group in shown
    for above, below in itertools.pairwise(shown):
        assert above.parentWidget() is editor.page
        assert above.geometry().bottom() < below.geometry().top(), (
            f"{type(above).__name__} at {above.geometry().getRect()} overlaps "
            f"{type(below).__name__} at {below.geometry().getRect()}")
