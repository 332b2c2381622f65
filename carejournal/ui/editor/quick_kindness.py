"""A small dialog to log a little thing in one go (Ctrl+K), with when it happened."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from carejournal.core.kindness import Act
from carejournal.ui.shared.dates import py_date, py_time, qdate


class QuickKindnessDialog(QDialog):
    """Pick an act, say who it was for and when, add a note if you like.

    `day` is the day it is logged on (the shift's day for a night worker after midnight, as
    the window works it out); `now` gives the time. Both can be changed.
    """

    def __init__(self, acts: list[Act], people: list[str], parent: QWidget | None = None,
                 now: dt.datetime | None = None, day: dt.date | None = None) -> None:
        super().__init__(parent)
        now = now or dt.datetime.now()
        self.setWindowTitle(self.tr("Log a little thing"))
        self.act = QComboBox()
        self.act.setAccessibleName(self.tr("Little thing"))
        for act in acts:
            self.act.addItem(act.label, act.id)
        self.person = QComboBox(editable=True)
        self.person.setAccessibleName(self.tr("For whom (optional)"))
        self.person.addItems(["", *people])
        self.date = QDateEdit(qdate(day or now.date()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        self.date.setAccessibleName(self.tr("Day"))
        self.time = QTimeEdit(QTime(now.hour, now.minute))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("Time"))
        self.note = QLineEdit(placeholderText=self.tr("A few words (optional)"))
        self.note.setAccessibleName(self.tr("Note"))
        intro = QLabel(self.tr("The small things make a big difference."))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log it"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(QLabel(self.tr("at")))
        when.addWidget(self.time)
        when.addStretch(1)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("&Little thing"), self.act)
        form.addRow(self.tr("For &whom"), self.person)
        form.addRow(self.tr("W&hen"), when)
        label = form.labelForField(when)
        if isinstance(label, QLabel):
            label.setBuddy(self.date)
        form.addRow(self.tr("&Note"), self.note)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def chosen_act_id(self) -> int:
        """The id of the act picked."""
        return int(self.act.currentData())

    def day(self) -> dt.date:
        """The day it is logged on."""
        return py_date(self.date.date())

    def at(self) -> dt.time:
        """The time it happened (to the minute)."""
        return py_time(self.time.time()).replace(second=0, microsecond=0)
