"""What the pages of the preparation for supervision share: the journal and the preparation,
a calm line for messages, and a few small widget makers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from carejournal.core.dates import long_day, short_day
from carejournal.core.preparation import Preparation
from carejournal.services.journal import Journal
from carejournal.ui.shared.colours import prompt_banner_style
from carejournal.ui.shared.dates import qdate
from carejournal.ui.shared.problems import PROBLEMS

__all__ = ["PROBLEMS", "PrepPage", "button", "content_or_empty", "day_text", "heading", "qdate",
           "show_content", "text_label"]


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


def day_text(day: dt.date, long: bool = False) -> str:
    """A date as people read it: '3 Nov 2026', or 'Thursday 26 November 2026' with long;
    the same function the pack uses (core/dates.py), so wizard and pack agree."""
    return long_day(day) if long else short_day(day)


def button(text: str, accessible: str) -> QPushButton:
    """A push button with a mnemonic in its text and a name for screen readers."""
    made = QPushButton(text)
    made.setAccessibleName(accessible)
    made.setAutoDefault(False)
    return made


def text_label(text: str = "", accessible: str = "") -> QLabel:
    """A wrapping plain-text label (the worker's words are never read as HTML)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if accessible:
        label.setAccessibleName(accessible)
    return label


def heading(text: str) -> QLabel:
    """A small bold heading inside a page."""
    label = text_label(text)
    label.setStyleSheet("font-weight: 600;")
    return label


def content_or_empty(content: QWidget, empty: QWidget) -> QStackedWidget:
    """A place that shows the content, or else a kind sentence at its top."""
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(empty)
    box.addStretch(1)
    stack = QStackedWidget()
    stack.addWidget(holder)
    stack.addWidget(content)
    return stack


def show_content(stack: QStackedWidget, has_content: bool) -> None:
    """Show the content (True) or the sentence about there being none."""
    stack.setCurrentIndex(1 if has_content else 0)


class PrepPage(QWizardPage):
    """A step of the preparation over one journal; `changed` asks the wizard to save."""

    changed = Signal()
    entry_changed = Signal(int)  # an entry's text was changed (reworded) in this step

    def __init__(self, journal: Journal, prep: Preparation,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.prep = prep
        self.message = text_label(accessible=translate("CareJournal", "What just happened"))
        self.message.setVisible(False)
        self._keep_room(self.message)

    def _keep_room(self, message: QLabel) -> None:
        """Keep a line's room for the message while it is hidden, so the step does not jump
        when something is said."""
        policy = message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        message.setSizePolicy(policy)
        message.setStyleSheet(prompt_banner_style(self))  # measured with its padding
        message.setText(" ")
        message.ensurePolished()
        message.setMinimumHeight(message.sizeHint().height())
        message.setText("")

    def say(self, text: str) -> None:
        """Show a short calm line about what just happened (or what is needed)."""
        self.message.setText(text)
        self.message.setStyleSheet(prompt_banner_style(self))
        self.message.setVisible(bool(text))

    def problem(self, exc: BaseException) -> None:
        """Show why something could not be done, as a calm line (never a traceback)."""
        text = str(exc).strip()
        self.say(translate("CareJournal", "That did not work: {problem}").format(
            problem=text[:1].upper() + text[1:] if text else translate(
                "CareJournal", "no reason was given.")))

    def saved(self, text: str = "") -> None:
        """Something was chosen: ask the wizard to save, and say so if there is a line."""
        self.say(text)
        self.changed.emit()
