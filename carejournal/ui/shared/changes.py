"""The window's one change signal: every write says what it changed, every view listens.

The main window owns one ChangeHub. UI code writes through it (perform, or apply for a write
that returns only Changes; report for a dialog that wrote on its own), and it emits the
Changes once the write is done. Each view connects to `changed` and looks again only when the
Changes concern it (see docs/ARCHITECTURE.md, "Writes and refreshing").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from carejournal.core.changes import Changes, Done

T = TypeVar("T")


class ChangeHub(QObject):
    """Tells every view what a write changed, once it is written."""

    changed = Signal(object)  # a Changes (never an empty one)

    def perform(self, write: Callable[[], Done[T]]) -> T:
        """Run a write that returns a Done; emit its Changes and return its value.

        A write that raises emits nothing (nothing was written), and the error goes on.
        """
        done = write()
        self.report(done.changes)
        return done.value

    def apply(self, write: Callable[[], Changes]) -> Changes:
        """Run a write that returns its Changes; emit them and return them."""
        changes = write()
        self.report(changes)
        return changes

    def report(self, changes: Changes) -> None:
        """Say that these changes were made (by a dialog that wrote on its own, say)."""
        if changes:
            self.changed.emit(changes)
