"""'On this day': entries from the same day and month in earlier years, quietly, on the page
shown when no entry is open. Nothing at all is shown when there are none, or in the trash."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from carejournal.core.calendar import ON_THIS_DAY_SHOWN
from carejournal.core.changes import Changes
from carejournal.core.domain import EntryRow
from carejournal.ui.shared.dates import qdate
from carejournal.ui.shared.problems import PROBLEMS

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow

Reader = Callable[[], list[EntryRow]]
LINK_STYLE = ("QPushButton { border: none; padding: 2px 4px; text-decoration: underline; }"
              "QPushButton:focus { outline: 1px solid palette(highlight); }")
WORDS_SHOWN = 70  # characters of a title or first line; the page stays its width


class OnThisDay(QWidget):
    """A heading and a few flat buttons, one per earlier entry ('2025 · Tea with Sam').

    Its page reads the entries each time it is shown (so a day turning over is noticed), and
    the window when a write changes the list; with none it hides itself, leaving no box.
    """

    open_entry = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("On this day in earlier years"))
        self.read: Reader | None = None  # set once the journal is there
        self.in_trash = False
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        self.buttons: list[QPushButton] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.heading)
        self.setVisible(False)

    def set_reader(self, read: Reader, today: Callable[[], dt.date]) -> None:
        """Read the entries with read(); today() names the day in the heading."""
        self.read = read
        self._today = today
        self.reload()

    def set_trash_mode(self, trash: bool) -> None:
        """Say nothing while the trash is shown."""
        self.in_trash = trash
        self.reload()

    def reload(self) -> None:
        """Read the entries again and show them, or hide when there are none."""
        rows: list[EntryRow] = []
        if self.read is not None and not self.in_trash:
            try:
                rows = self.read()
            except PROBLEMS:
                rows = []  # the timeline reports what is wrong with the journal
        self._show(rows)

    def _show(self, rows: list[EntryRow]) -> None:
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = [self._button(row) for row in rows]
        for button in self.buttons:
            self._layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        if rows:
            day = QLocale().toString(qdate(self._today()), "d MMMM")
            self.heading.setText(self.tr("On this day, {date}, in earlier years").format(
                date=day))
        self.setVisible(bool(rows))

    def _button(self, row: EntryRow) -> QPushButton:
        words = row.title or row.summary or self.tr("(no text yet)")
        if len(words) > WORDS_SHOWN:
            words = words[:WORDS_SHOWN - 1].rstrip() + "…"
        text = self.tr("{year} · {words}").format(year=row.occurred_on.year, words=words)
        button = QPushButton(text.replace("&", "&&"))
        button.setFlat(True)
        button.setStyleSheet(LINK_STYLE)  # it opens the entry, as a link would
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setAccessibleName(self.tr("Open the entry from {year}: {words}").format(
            year=row.occurred_on.year, words=words))
        button.clicked.connect(lambda _=False, entry_id=row.id: self.open_entry.emit(entry_id))
        return button


def install(window: MainWindow, today: Callable[[], dt.date]) -> None:
    """Give the window's 'nothing open' page its entries from this day in earlier years."""
    page = window.nothing
    shown = page.on_this_day
    shown.set_reader(lambda: window.journal.on_this_day(today(), limit=ON_THIS_DAY_SHOWN),
                     today)
    shown.open_entry.connect(window.show_entry)

    def changed(changes: Changes) -> None:
        if (changes.listing or changes.entries) and page.isVisible():
            shown.reload()  # else it reads them when the page is shown next

    window.changes.changed.connect(changed)
