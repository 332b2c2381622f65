"""The smaller goal widgets: writing a goal down or rewording it, logging an attempt,
and the fallibility question asked before a goal ends after only a few attempts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.domain import EntryRow, InvalidInput
from carejournal.core.errors import EntryNotFound, JournalError
from carejournal.core.goals import FallibilityAnswer, Goal, GoalStatus, Outcome
from carejournal.core.templates import questions
from carejournal.ui.practice.goals_model import DATE_FORMAT, date_text, outcome_label
from carejournal.ui.shared.colours import problem_banner_style
from carejournal.ui.shared.dates import py_date

MAX_OWN_ATTEMPTS = 9_999
PROBLEMS = (InvalidInput, JournalError, EntryNotFound, OSError)


def problem_message(exc: BaseException) -> str:
    """A service's message, starting with a capital letter."""
    text = str(exc)
    return text[:1].upper() + text[1:]


class GoalDialog(QDialog):
    """Write down a goal in the person's own words, or reword one; stays open on a problem."""

    def __init__(self, people: list[str], save: Callable[[str, str], object], person: str = "",
                 text: str = "", rewording: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(self.tr("Reword the goal") if rewording else self.tr("Add a goal"))
        self.person = QComboBox(editable=True)
        self.person.setAccessibleName(self.tr("Whose goal"))
        self.person.addItems(["", *people])
        self.person.setCurrentText(person)
        self.person.setEnabled(not rewording)
        self.text = QLineEdit(text)
        self.text.setAccessibleName(self.tr("The goal, in the person’s own words"))
        self.text.setPlaceholderText(self.tr(
            "In the person’s own words, e.g. “I want to get the bus to town on my own”"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(problem_banner_style(self))
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok_text = self.tr("Save the new words") if rewording else self.tr("Add the goal")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Whose goal"), self.person)
        form.addRow(self.tr("&Goal"), self.text)
        form.addRow(self.error)
        form.addRow(buttons)
        (self.text if rewording or person else self.person).setFocus()
        self.resize(600, self.sizeHint().height())

    def accept(self) -> None:
        """Save through the service; on a problem, say so here and keep every word typed."""
        try:
            self._save(self.person.currentText(), self.text.text())
        except PROBLEMS as exc:
            self.error.setText(problem_message(exc))
            self.error.show()
            return
        super().accept()


# The questions are kept in resources/fallibility.toml, in English; listed here for lupdate,
# and translated when shown (tests/ui/test_pseudo_locale.py finds one that is not).
QUESTION_SOURCES = (
    QT_TRANSLATE_NOOP("GoalQuestionDialog",
                      "How many attempts did your own hardest change take?"),
    QT_TRANSLATE_NOOP("GoalQuestionDialog",
                      "Think of stopping smoking, keeping to a budget, keeping your temper or "
                      "taking medication on time. Most of us needed many tries. Would your own "
                      "plans survive being written off this soon?"),
    QT_TRANSLATE_NOOP("GoalQuestionDialog", "Would you like to write a short reflection about "
                      "this, linked to the goal?"),
)


class GoalQuestionDialog(QDialog):
    """How many attempts did your own hardest change take? The worker can always go on."""

    def __init__(self, goal: Goal, status: GoalStatus, threshold: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Before you end this goal"))
        asked = questions()
        self.question = QLabel(self.tr(asked.goal))
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.own_attempts = QSpinBox()
        self.own_attempts.setRange(0, MAX_OWN_ATTEMPTS)
        self.own_attempts.setSpecialValueText(self.tr("Not sure"))
        self.own_attempts.setMinimumWidth(
            self.own_attempts.fontMetrics().horizontalAdvance(self.tr("Not sure")) + 48)
        self.own_attempts.setAccessibleName(self.tr("Attempts your own hardest change took"))
        self.own_attempts.setAccessibleDescription(self.tr("Leave at “Not sure” if you like."))
        self.reflection = QPlainTextEdit()
        self.reflection.setAccessibleName(self.tr("Reflection (optional)"))
        self.reflection.setPlaceholderText(self.tr(
            "Optional. If you write something, it is saved as an own-fallibility entry, "
            "linked to this goal."))
        self.reflection.setTabChangesFocus(True)
        self.reflection.setFixedHeight(self.reflection.fontMetrics().lineSpacing() * 6)
        self.buttons = QDialogButtonBox()
        self.end_button = self._button(self.tr("&End the goal"),
                                       QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button = self._button(self.tr("&Keep the goal going"),
                                        QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout(goal, status, threshold, self.tr(asked.goal_detail),
                     self.tr(asked.goal_invitation))
        self.own_attempts.setFocus()
        layout = self.layout()  # made by _layout
        if layout is not None:
            self.resize(600, layout.totalHeightForWidth(600))

    def _button(self, text: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.setAccessibleName(text.replace("&", ""))
        return button

    def _layout(self, goal: Goal, status: GoalStatus, threshold: int, detail: str,
                invitation: str) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        spin_label = QLabel(self.tr("&Attempts my own hardest change took:"))
        spin_label.setBuddy(self.own_attempts)
        form.addRow(spin_label, self.own_attempts)
        invite = QLabel(invitation)
        invite.setWordWrap(True)
        invite.setBuddy(self.reflection)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(_wrapped(self.ending_text(goal, status)))
        layout.addWidget(self.question)
        layout.addWidget(_wrapped(detail))
        layout.addWidget(_wrapped(self.count_text(goal, threshold)))
        layout.addLayout(form)
        layout.addWidget(invite)
        layout.addWidget(self.reflection)
        layout.addStretch(1)
        layout.addWidget(_wrapped(self.tr(
            "You can still end the goal. Your answer, and that you were asked, are kept "
            "with it.")))
        layout.addWidget(self.buttons)

    def ending_text(self, goal: Goal, status: GoalStatus) -> str:
        """What is about to happen, quoting the goal in the person's own words."""
        if status is GoalStatus.UNATTAINABLE:
            return self.tr("You are about to mark {person}’s goal “{goal}” as unattainable."
                           ).format(person=goal.person, goal=goal.text)
        return self.tr("You are about to discontinue {person}’s goal “{goal}”.").format(
            person=goal.person, goal=goal.text)

    def count_text(self, goal: Goal, threshold: int) -> str:
        """How many attempts the goal has had, against the threshold, in whole sentences."""
        if goal.attempts == 0:
            had = self.tr("No attempts have been logged for it yet.")
        else:
            had = self.tr("It has had %n attempts so far.", "", goal.attempts)
        rule = self.tr("CareJournal asks this before a goal ends after fewer than %n attempts.",
                       "", threshold)
        return self.tr("{had} {rule}").format(had=had, rule=rule)

    def answer(self) -> FallibilityAnswer:
        """The worker's answer: their own attempts (None if not sure) and any reflection."""
        own = self.own_attempts.value() or None
        return FallibilityAnswer(own_attempts=own, reflection=self.reflection.toPlainText())


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class AttemptForm(QWidget):
    """Date, how it went, a note and where it came up; Enter in the note logs it."""

    log_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        self.day.setAccessibleName(self.tr("Date of the attempt"))
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("How it went"))
        for outcome in Outcome:
            self.outcome.addItem(outcome_label(outcome), outcome.value)
        self.entry = QComboBox()
        self.entry.setAccessibleName(self.tr("Entry where it came up (optional)"))
        self.entry.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.entry.setMinimumContentsLength(16)
        self.note = QLineEdit(placeholderText=self.tr("A few words on how it went (optional)"))
        self.note.setAccessibleName(self.tr("Note on the attempt"))
        self.log_button = QPushButton(self.tr("&Log attempt"))
        self.log_button.setAccessibleName(self.tr("Log attempt"))
        self.note.returnPressed.connect(self.log_requested)
        self.log_button.clicked.connect(self.log_requested)
        self._layout()
        self.set_entries([])
        self.reset_day()

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (text, widget) in enumerate(((self.tr("&Date"), self.day),
                                                 (self.tr("&How it went"), self.outcome),
                                                 (self.tr("Came &up in"), self.entry))):
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, 0, 2 * column)
            grid.addWidget(widget, 0, 2 * column + 1)
        note_label = QLabel(self.tr("&Note"))
        note_label.setBuddy(self.note)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.log_button)
        grid.addWidget(note_label, 1, 0)
        grid.addLayout(note_row, 1, 1, 1, 5)
        grid.setColumnStretch(5, 1)
        for first, second in ((self.day, self.outcome), (self.outcome, self.entry),
                              (self.entry, self.note), (self.note, self.log_button)):
            QWidget.setTabOrder(first, second)

    def reset_day(self) -> None:
        """Today, and nothing later, is offered."""
        today = QDate.currentDate()
        self.day.setMaximumDate(today)
        self.day.setDate(today)

    def set_entries(self, rows: list[EntryRow]) -> None:
        """Offer these entries to link, keeping the current choice if it is still there."""
        current = self.entry.currentData()
        self.entry.clear()
        self.entry.addItem(self.tr("No entry"), None)
        for row in rows:
            self.entry.addItem(self.tr("{date}: {summary}").format(
                date=date_text(row.occurred_on), summary=row.summary or self.tr("(no text yet)")),
                row.id)
        self.entry.setCurrentIndex(max(self.entry.findData(current), 0))

    def values(self) -> tuple[Outcome, dt.date, str, int | None]:
        """How it went, the day, the note and the linked entry's id (or None)."""
        entry_id = self.entry.currentData()
        return (Outcome(self.outcome.currentData()), py_date(self.day.date()),
                self.note.text(), int(entry_id) if entry_id is not None else None)

    def clear_after_logging(self) -> None:
        """Ready for the next attempt: the note and the link are emptied, the date kept."""
        self.note.clear()
        self.entry.setCurrentIndex(0)
