"""The actions agreed in a supervision session, as an editable table: what, who, by when
(optional) and how each stands."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.supervision import (
    MAX_ACTION_CHARS,
    MAX_SUPERVISOR_CHARS,
    ActionStatus,
    AgreedAction,
    Function,
)
from carejournal.ui.shared.dates import py_date, qdate
from carejournal.ui.shared.pickers import date_edit


def status_label(status: ActionStatus) -> str:
    """How a status reads in the window."""
    translate = QCoreApplication.translate
    return {ActionStatus.OPEN: translate("CareJournal", "Not started"),
            ActionStatus.IN_PROGRESS: translate("CareJournal", "In progress"),
            ActionStatus.DONE: translate("CareJournal", "Done"),
            ActionStatus.DROPPED: translate("CareJournal", "Dropped")}[status]


def function_label(function: Function | None) -> str:
    """How a function of supervision reads in the window (None: not chosen)."""
    translate = QCoreApplication.translate
    if function is None:
        return translate("CareJournal", "No function")
    return {Function.SUPPORT: translate("CareJournal", "Support"),
            Function.DEVELOPMENT: translate("CareJournal", "Development"),
            Function.MANAGEMENT: translate("CareJournal", "Management"),
            Function.MEDIATION: translate("CareJournal", "Mediation")}[function]


def function_box(function: Function | None) -> QComboBox:
    """A drop-down of the four functions, starting on "No function" unless one is given
    (a default must not claim a function the worker did not choose)."""
    box = QComboBox()
    box.addItem(function_label(None), "")
    for value in Function:
        box.addItem(function_label(value), value.value)
    box.setCurrentIndex(box.findData(function.value if function else ""))
    return box


def chosen_function(box: QComboBox) -> Function | None:
    """The function chosen in a function_box (None for "No function")."""
    value = box.currentData()
    return Function(value) if value else None


def dated(accessible: str) -> QDateEdit:
    """A date box for plausible dates (1900 to 2999)."""
    edit = date_edit(accessible)
    edit.setDateRange(QDate(1900, 1, 1), QDate(2999, 12, 31))
    return edit


@dataclass
class ActionRow:
    """The widgets of one agreed action."""

    text: QLineEdit
    owner: QLineEdit
    has_due: QCheckBox
    due: QDateEdit
    status: QComboBox
    function: QComboBox
    remove: QPushButton
    id: int | None = None

    def widgets(self) -> tuple[QWidget, ...]:
        """In column order."""
        return (self.text, self.owner, self.has_due, self.due, self.status, self.function,
                self.remove)

    def action(self) -> AgreedAction:
        """The action as the row describes it."""
        due = py_date(self.due.date()) if self.has_due.isChecked() else None
        return AgreedAction(self.text.text(), self.owner.text(), due,
                            ActionStatus(self.status.currentData()), self.id,
                            chosen_function(self.function))


class ActionsTable(QWidget):
    """The actions agreed in a session: what, who, by when (optional) and how it stands."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ActionRow] = []
        self.today = dt.date.today()
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 1)
        self.headers = [QLabel(t) for t in (self.tr("What was agreed"), self.tr("Who"),
                                            self.tr("Due by"), self.tr("How it stands"),
                                            self.tr("Serves"))]
        for header, (column, span) in zip(self.headers, ((0, 1), (1, 1), (2, 2), (4, 1),
                                                         (5, 1)), strict=True):
            header.setStyleSheet("font-weight: 600;")
            self.grid.addWidget(header, 0, column, 1, span)
        self.empty = QLabel(self.tr("No actions agreed in this session yet."))
        self.add = QPushButton(self.tr("Add an a&ction"))
        self.add.setAccessibleName(self.tr("Add an agreed action"))
        self.add.clicked.connect(lambda: self.add_row().text.setFocus())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addLayout(self.grid)
        layout.addLayout(buttons)
        self._relayout()

    def set_actions(self, actions: tuple[AgreedAction, ...], today: dt.date) -> None:
        """Show these actions, replacing any rows."""
        self.today = today
        for row in list(self.rows):
            self.remove_row(row, quiet=True)
        for action in actions:
            self.add_row(action, quiet=True)

    def add_row(self, action: AgreedAction | None = None, quiet: bool = False) -> ActionRow:
        """Add an action at the end (an empty one to fill in when none is given)."""
        action = action or AgreedAction("")
        status = QComboBox()
        for value in ActionStatus:
            status.addItem(status_label(value), value.value)
        status.setCurrentIndex(status.findData(action.status.value))
        due = dated("")
        due.setDate(qdate(action.due_on or self.today + dt.timedelta(days=28)))
        due.setEnabled(action.due_on is not None)
        row = ActionRow(QLineEdit(action.text, maxLength=MAX_ACTION_CHARS,
                                  placeholderText=self.tr("for example: read the new plan")),
                        QLineEdit(action.owner, maxLength=MAX_SUPERVISOR_CHARS,
                                  placeholderText=self.tr("me")),
                        QCheckBox(), due, status, function_box(action.function),
                        QPushButton(self.tr("Remove")), action.id)
        row.has_due.setChecked(action.due_on is not None)
        row.has_due.toggled.connect(due.setEnabled)
        row.remove.clicked.connect(lambda: self.remove_row(row))
        for edit in (row.text, row.owner):
            edit.textEdited.connect(self.edited)
        row.has_due.toggled.connect(self.edited)
        due.dateChanged.connect(self.edited)
        status.currentIndexChanged.connect(self.edited)
        row.function.currentIndexChanged.connect(self.edited)
        self.rows.append(row)
        self._relayout()
        if not quiet:
            self.edited.emit()
        return row

    def remove_row(self, row: ActionRow, quiet: bool = False) -> None:
        """Take an action out (it is deleted when the session is saved)."""
        self.rows.remove(row)
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.hide()  # at once, not when it is deleted
            widget.deleteLater()
        self._relayout()
        if not quiet:
            self.edited.emit()

    def agreed_actions(self) -> tuple[AgreedAction, ...]:
        """The actions as written (rows without words are left out)."""
        return tuple(row.action() for row in self.rows if row.text.text().strip())

    def _relayout(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, number, column)
            for widget, name in (
                    (row.text, self.tr("Agreed action {n}")),
                    (row.owner, self.tr("Who does action {n}")),
                    (row.has_due, self.tr("Action {n} has a due date")),
                    (row.due, self.tr("Due date of action {n}")),
                    (row.status, self.tr("How action {n} stands")),
                    (row.function, self.tr("The function of supervision action {n} serves")),
                    (row.remove, self.tr("Remove action {n}"))):
                widget.setAccessibleName(name.format(n=number))
        for header in self.headers:
            header.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
