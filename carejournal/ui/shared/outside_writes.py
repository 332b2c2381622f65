"""Noticing entries another program wrote (`carejournal add` in a terminal, say).

When the window loses the focus it takes a cheap stamp of the listing (how many entries, how
many in the trash, the newest id; 7 ms at 20,000 entries); when it gets the focus back it
takes it again, and if it differs it tells every view through the change hub, as a write of
its own would.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from carejournal.core.changes import Changes
from carejournal.services.journal import Journal
from carejournal.ui.shared.changes import ChangeHub
from carejournal.ui.shared.problems import PROBLEMS

OUTSIDE = Changes(listing=True, trash=True, action_items=True)


class OutsideWrites(QObject):
    """Watches a window's activation and reports what changed meanwhile to the hub."""

    def __init__(self, window: QWidget, journal: Journal, hub: ChangeHub) -> None:
        super().__init__(window)
        self._window = window
        self._journal = journal
        self._hub = hub
        self._stamp: tuple[int, int, int] | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.ActivationChange:
            self.look(active=self._window.isActiveWindow())
        return False

    def look(self, active: bool) -> bool:
        """Take the stamp (leaving) or compare it (coming back); True if views were told."""
        if self._journal.closed:
            return False
        try:
            stamp = self._journal.listing_stamp()
        except PROBLEMS:
            return False  # the next read that matters says what is wrong
        before, self._stamp = self._stamp, stamp
        if active and before is not None and stamp != before:
            self._hub.report(OUTSIDE)
            return True
        return False
