"""Action plan items of a reflection, each with an optional date to review it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.domain import ActionItem
from carejournal.ui.shared.colours import problem_text_style
from carejournal.ui.shared.dates import py_date
from carejournal.ui.shared.row_list import RowList, RowWidget

MIN_CHARS = 24  # an action's field is never narrower than this many average characters


class ActionRow(RowWidget):
    """One action: done, what, and when to look at it again."""

    def __init__(self, item: ActionItem, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._done_on = item.done_on
        self.done = QCheckBox(self.tr("Done"))
        self.done.setAccessibleName(self.tr("Action done"))
        self.done.setChecked(item.done_on is not None)
        self.text = QLineEdit(item.text, placeholderText=self.tr("What will you do?"))
        self.text.setAccessibleName(self.tr("Action"))
        self.has_review = QCheckBox(self.tr("Review on"))
        self.has_review.setAccessibleName(self.tr("Set a review date"))
        self.review = QDateEdit()
        self.review.setCalendarPopup(True)
        self.review.setDisplayFormat("d MMM yyyy")
        self.review.setAccessibleName(self.tr("Review date"))
        day = item.review_on or today + dt.timedelta(days=14)
        self.review.setDate(QDate(day.year, day.month, day.day))
        self.has_review.setChecked(item.review_on is not None)
        self.review.setEnabled(item.review_on is not None)
        self.due = QLabel(self.tr("Due"))
        self.due.setAccessibleName(self.tr("This action is due for review"))
        self.due.setStyleSheet(problem_text_style(self))
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setAccessibleName(self.tr("Remove this action"))
        self._lay_out()
        self._show_due()
        self.done.toggled.connect(self._on_done)
        self.text.textChanged.connect(self.changed)
        self.has_review.toggled.connect(self.review.setEnabled)
        for signal in (self.has_review.toggled, self.review.dateChanged):
            signal.connect(self._show_due)
            signal.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def _lay_out(self) -> None:
        """Done and the action on one line, wide enough to read; the review date and Remove
        on the line below."""
        self.text.setMinimumWidth(self.text.fontMetrics().averageCharWidth() * MIN_CHARS)
        top = QHBoxLayout()
        top.addWidget(self.done)
        top.addWidget(self.text, 1)
        below = QHBoxLayout()
        for widget in (self.has_review, self.review, self.due):
            below.addWidget(widget)
        below.addStretch(1)
        below.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(below)

    def _on_done(self, done: bool) -> None:
        self._done_on = self._today if done else None
        self._show_due()
        self.changed.emit()

    def _show_due(self) -> None:
        item = self.value()
        self.due.setVisible(item.review_on is not None and item.done_on is None
                            and item.review_on <= self._today)

    def value(self) -> ActionItem:
        review = py_date(self.review.date()) if self.has_review.isChecked() else None
        return ActionItem(self.text.text(), review, self._done_on)

    def set_read_only(self, read_only: bool) -> None:
        self.text.setReadOnly(read_only)
        for widget in (self.done, self.has_review, self.remove):
            widget.setEnabled(not read_only)
        self.review.setEnabled(not read_only and self.has_review.isChecked())


class ActionItemsEditor(RowList, QWidget):
    """A short list of actions; add and remove freely."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Action plan items"))
        self.today = dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._row_area(self.tr("Add an action")))

    def _blank_item(self) -> ActionItem:
        return ActionItem("")

    def _make_row(self, item: Any) -> ActionRow:
        return ActionRow(item, self.today)
