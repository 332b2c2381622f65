"""Qt table models over goals and their attempts, as handed over by the goal service."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from carejournal.core.goals import Attempt, Goal, GoalStatus, Outcome
from carejournal.ui.shared.dates import qdate
from carejournal.ui.shared.strings import CareJournal

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
DATE_FORMAT = "d MMM yyyy"


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


def status_label(status: GoalStatus) -> str:
    """A goal's status as the worker reads it."""
    labels = {GoalStatus.ACTIVE: translate("CareJournal", "Active"),
              GoalStatus.PAUSED: translate("CareJournal", "Paused"),
              GoalStatus.ACHIEVED: translate("CareJournal", "Achieved"),
              GoalStatus.DISCONTINUED: translate("CareJournal", "Discontinued"),
              GoalStatus.UNATTAINABLE: translate("CareJournal", "Unattainable")}
    return labels[status]


def status_changed_text(status: GoalStatus) -> str:
    """What to say once a goal has moved to this status."""
    texts = {GoalStatus.ACTIVE: translate("CareJournal", "The goal is active again."),
             GoalStatus.PAUSED: translate("CareJournal", "Goal paused."),
             GoalStatus.ACHIEVED: translate("CareJournal", "Goal marked as achieved."),
             GoalStatus.DISCONTINUED: translate("CareJournal", "Goal discontinued."),
             GoalStatus.UNATTAINABLE: translate("CareJournal", "Goal marked as unattainable.")}
    return texts[status]


def outcome_label(outcome: Outcome) -> str:
    """How an attempt went, as the worker reads it."""
    labels = {Outcome.MANAGED: translate("CareJournal", "Managed"),
              Outcome.PARTLY: translate("CareJournal", "Partly"),
              Outcome.NOT_THIS_TIME: translate("CareJournal", "Not this time")}
    return labels[outcome]


def date_text(day: dt.date | None) -> str:
    """A date in the user's language, or an empty string."""
    return QLocale().toString(qdate(day), DATE_FORMAT) if day is not None else ""


def short_text(text: str, limit: int = 120) -> str:
    """Text cut to a length for a heading, ending in an ellipsis if it was cut."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


class GoalsModel(QAbstractTableModel):
    """Goals with their attempts counted by outcome, by person then oldest first."""

    PERSON, GOAL, STATUS, MANAGED, PARTLY, NOT_YET, LAST = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._goals: list[Goal] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._goals)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Person"), self.tr("Goal, in their own words"), self.tr("Status"),
                   self.tr("Managed"), self.tr("Partly"), self.tr("Not this time"),
                   self.tr("Last try"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._goals):
            return None
        goal = self._goals[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.PERSON and self._same_person_as_above(index.row()):
                return ""  # grouped by person: the name shows once per group
            return self._cell(goal, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.GOAL:
            return goal.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken(goal)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= self.MANAGED:
            return _CENTRE
        if role == ID_ROLE:
            return goal.id
        if role == ITEM_ROLE:
            return goal
        return None

    def _cell(self, goal: Goal, column: int) -> str:
        cells = (goal.person, goal.text, status_label(goal.status), str(goal.managed),
                 str(goal.partly), str(goal.not_yet), date_text(goal.last_attempt_on))
        return cells[column] if 0 <= column < len(cells) else ""

    def _same_person_as_above(self, row: int) -> bool:
        return row > 0 and self._goals[row - 1].person == self._goals[row].person

    def spoken(self, goal: Goal) -> str:
        """The whole row as one sentence for screen readers."""
        return self.tr("{person}: {goal}. {status}. Managed {managed}, partly {partly}, "
                       "not this time {not_yet}.").format(
            person=goal.person, goal=goal.text, status=status_label(goal.status),
            managed=goal.managed, partly=goal.partly, not_yet=goal.not_yet)

    def set_goals(self, goals: list[Goal]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._goals = list(goals)
        self.endResetModel()

    def goal_at(self, row: int) -> Goal | None:
        """The goal at a position, if any."""
        return self._goals[row] if 0 <= row < len(self._goals) else None

    def row_of(self, goal_id: int) -> int:
        """The position of a goal, or -1 if it is not shown."""
        return next((i for i, g in enumerate(self._goals) if g.id == goal_id), -1)


class AttemptsModel(QAbstractTableModel):
    """One goal's attempts, oldest first and numbered: every try counts."""

    NUMBER, DATE, OUTCOME, NOTE, ENTRY = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._attempts: list[Attempt] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._attempts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Try"), self.tr("Date"), self.tr("How it went"), self.tr("Note"),
                   self.tr("Where it came up"))
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._attempts):
            return None
        attempt = self._attempts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(index.row(), attempt, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(attempt, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken(index.row(), attempt)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.NUMBER:
            return _CENTRE
        if role == ID_ROLE:
            return attempt.id
        if role == ITEM_ROLE:
            return attempt
        if role == ENTRY_ID_ROLE:
            return attempt.entry_id
        return None

    def _cell(self, row: int, attempt: Attempt, column: int) -> str:
        cells = (str(row + 1), date_text(attempt.occurred_on), outcome_label(attempt.outcome),
                 attempt.note, self.entry_text(attempt))
        return cells[column] if 0 <= column < len(cells) else ""

    def _tooltip(self, attempt: Attempt, column: int) -> str | None:
        if column == self.NOTE and attempt.note:
            return attempt.note
        if column == self.ENTRY and attempt.entry_id is not None:
            return self.tr("Double-click or press Enter to open this entry.")
        return None

    def entry_text(self, attempt: Attempt) -> str:
        """The summary of the linked entry, if there is one."""
        if attempt.entry_id is None:
            return ""
        return attempt.entry_summary or self.tr("(no text yet)")

    def spoken(self, row: int, attempt: Attempt) -> str:
        """The whole row as one sentence for screen readers."""
        text = self.tr("Try {number}, {date}: {outcome}.").format(
            number=row + 1, date=date_text(attempt.occurred_on),
            outcome=outcome_label(attempt.outcome))
        if attempt.note:
            text += " " + self.tr("Note: {note}.").format(note=attempt.note)
        if attempt.entry_id is not None:
            text += " " + self.tr("Came up in: {entry}.").format(entry=self.entry_text(attempt))
        return text

    def set_attempts(self, attempts: list[Attempt]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._attempts = list(attempts)
        self.endResetModel()

    def attempt_at(self, row: int) -> Attempt | None:
        """The attempt at a position, if any."""
        return self._attempts[row] if 0 <= row < len(self._attempts) else None


def goal_info_text(goal: Goal) -> str:
    """How many tries so far, what the status means, and the question if it was asked."""
    if goal.attempts == 0:
        parts = [translate(
            "CareJournal", "No attempts logged yet. Every try counts, even the ones that "
                    "do not work out.")]
    else:
        parts = [CareJournal.tr("%n attempts so far.", "", goal.attempts)]
    hints = {
        GoalStatus.PAUSED: translate(
            "CareJournal", "This goal is paused. To log attempts, make it active again "
                              "with Change status."),
        GoalStatus.ACHIEVED: translate(
            "CareJournal", "This goal was achieved. To log more attempts, make it "
                                "active again."),
        GoalStatus.DISCONTINUED: translate(
            "CareJournal", "This goal was discontinued. To try again, make it "
                                    "active again."),
        GoalStatus.UNATTAINABLE: translate(
            "CareJournal", "This goal was marked unattainable. To try again, make "
                                    "it active again."),
    }
    if goal.status in hints:
        parts.append(hints[goal.status])
    if goal.asked_at is not None:
        parts.append(asked_text(goal.asked_at.astimezone().date(), goal.own_attempts))
    return " ".join(parts)


def asked_text(day: dt.date, own_attempts: int | None) -> str:
    """What the worker answered when asked the fallibility question."""
    when = date_text(day)
    if own_attempts is None:
        return translate(
            "CareJournal", "On {date} you were asked how many attempts your own hardest change "
                  "took, and were not sure.").format(date=when)
    return CareJournal.tr("On {date} you said your own hardest change took %n attempts.", "",
                          own_attempts).format(date=when)
