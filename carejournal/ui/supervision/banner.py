"""The supervision prompt: a calm banner when the window opens, and a line above the timeline."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from carejournal.ui.shared.colours import CalmFrame

PREPARE_SHORTCUT = "Ctrl+Shift+S"


def prompt_text(held_on: dt.date, today: dt.date, locale: QLocale | None = None) -> str:
    """'Supervision on Thursday: time for your no us and them check?' in the worker's
    language (today, tomorrow, a day name within the week, else the date)."""
    translate = QCoreApplication.translate
    days = (held_on - today).days
    if days == 0:
        return translate("CareJournal", "Supervision today: time for your no us and them check?")
    if days == 1:
        return translate("CareJournal", "Supervision tomorrow: time for your no us and them check?")
    locale = locale or QLocale()
    day = QDate(held_on.year, held_on.month, held_on.day)
    if 1 < days < 7:
        return translate("CareJournal", "Supervision on {day}: time for your no us and them check?"
                 ).format(day=locale.dayName(day.dayOfWeek()))
    return translate("CareJournal", "Supervision on {date}: time for your no us and them check?"
             ).format(date=locale.toString(day, "d MMMM"))


def _prepare_button(parent: QWidget) -> QPushButton:
    translate = QCoreApplication.translate
    button = QPushButton(translate("SupervisionBanner", "Prepare now"))
    button.setAccessibleName(translate("SupervisionBanner", "Prepare for supervision now"))
    button.setToolTip(translate("SupervisionBanner", "Start or carry on with the no us and them "
                                "check ({keys})").format(keys=PREPARE_SHORTCUT))
    return button


class SupervisionBanner(CalmFrame):
    """Shown above the journal when it opens near a supervision; emits `prepare_requested`
    or `dismissed`. Never modal, never counted."""

    prepare_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisionPrompt")
        self.setAccessibleName(self.tr("Supervision is coming up"))
        self.prepare = _prepare_button(self)
        self.prepare.setDefault(True)
        self.later = QPushButton(self.tr("Not now"))
        self.later.setAccessibleName(self.tr("Hide this suggestion for today"))
        self.later.setToolTip(self.tr("The line above your timeline stays, for when you "
                                      "are ready"))
        self._build_banner([self.prepare, self.later], detail=self.tr(
            "A quiet look back at what you wrote since your last session: the words you "
            "used, the strengths you noticed, who made the decisions. Now, later, or not at "
            "all: it is up to you."))
        self.prepare.clicked.connect(self.prepare_requested)
        self.later.clicked.connect(self.dismiss)
        self._restyle()
        self.hide()

    def show_text(self, text: str) -> None:
        """Say this; an empty text hides the banner."""
        self.title.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))

    def dismiss(self) -> None:
        """Hide it (the timeline line stays)."""
        self.hide()
        self.dismissed.emit()


class SupervisionLine(CalmFrame):
    """The prompt in the timeline's header, with one button; hidden when there is none."""

    prepare_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisionLine")
        self.setAccessibleName(self.tr("Supervision reminder"))
        self.label = QLabel(wordWrap=True)
        self.button = _prepare_button(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.button.clicked.connect(self.prepare_requested)
        self._restyle()
        self.hide()

    def show_text(self, text: str) -> None:
        """Say this; an empty text hides the line."""
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))
