"""Supervision sessions: a list of those held and planned, and one session's details with the
actions agreed in it. Edits are kept when the worker saves, picks another session or closes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.supervision import MAX_SUPERVISOR_CHARS, ActionStatus, Session
from carejournal.services.supervision import SupervisionService
from carejournal.ui.shared.colours import problem_banner_style
from carejournal.ui.shared.dates import py_date, qdate
from carejournal.ui.shared.problems import PROBLEMS
from carejournal.ui.supervision.agreed_actions import ActionsTable, dated

ID_ROLE = Qt.ItemDataRole.UserRole
CLOSED = frozenset({ActionStatus.DONE, ActionStatus.DROPPED})


def summary(session: Session, today: dt.date) -> tuple[str, str, str, str]:
    """The list's columns: date, supervisor, held or planned, actions open and closed."""
    translate = QCoreApplication.translate
    day = QLocale().toString(qdate(session.held_on), "ddd d MMM yyyy")
    when = (translate("CareJournal", "Today") if session.held_on == today else
            translate("CareJournal", "Planned") if session.held_on > today else
            translate("CareJournal", "Held"))
    closed = sum(1 for a in session.actions if a.status in CLOSED)
    opened = len(session.actions) - closed
    actions = (translate("CareJournal", "No actions") if not session.actions else
               translate("CareJournal", "{open} open, {closed} closed").format(open=opened,
                                                                       closed=closed))
    return day, session.supervisor or "—", when, actions


class SessionsDialog(QDialog):
    """Add, edit and delete supervision sessions; emits `changed` after every write."""

    changed = Signal()

    def __init__(self, service: SupervisionService, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.today = today
        self.session_id: int | None = None  # None: a new session, not stored yet
        self.dirty = False
        self._loading = False
        self.setWindowTitle(self.tr("Supervision sessions"))
        self._build()
        self._connect()
        self.reload()
        self.resize(900, 640)

    # -- construction --------------------------------------------------------
    def _build(self) -> None:
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Supervision sessions"))
        self.list.setHeaderLabels([self.tr("Date"), self.tr("Supervisor"), self.tr("When"),
                                   self.tr("Agreed actions")])
        self.list.setRootIsDecorated(False)
        self.list.setColumnWidth(0, 150)
        self.list.setColumnWidth(1, 260)
        self.new_button = QPushButton(self.tr("&New session"))
        self.delete_button = QPushButton(self.tr("&Delete session…"))
        self.save_button = QPushButton(self.tr("&Save session"))
        self.close_button = QPushButton(self.tr("Close"))
        for button, name in ((self.new_button, self.tr("Add a new supervision session")),
                             (self.delete_button, self.tr("Delete this supervision session")),
                             (self.save_button, self.tr("Save this supervision session")),
                             (self.close_button, self.tr("Close supervision sessions"))):
            button.setAccessibleName(name)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.date = dated(self.tr("Date of the session"))
        self.date.setMinimumWidth(150)
        self.supervisor = QLineEdit(maxLength=MAX_SUPERVISOR_CHARS,
                                    placeholderText=self.tr("for example: Ruth, team leader"))
        self.supervisor.setAccessibleName(self.tr("Supervisor's name or role"))
        self.notes = QPlainTextEdit(placeholderText=self.tr("What you talked about (optional)"))
        self.notes.setAccessibleName(self.tr("Notes of the session"))
        self.notes.setTabChangesFocus(True)
        self.action_table = ActionsTable()
        self.error = QLabel(wordWrap=True)
        self.error.setAccessibleName(self.tr("Problems to fix"))
        self.error.hide()
        self.empty = QLabel(self.tr(
            "No sessions yet. Fill in your last or next supervision below and save it: "
            "CareJournal then suggests when to prepare, and brings back what you agreed."),
            wordWrap=True)
        self.empty.setAccessibleName(self.tr("No supervision sessions yet"))
        self.empty.hide()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(self._details())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 440])
        buttons = QHBoxLayout()
        for button in (self.new_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "The sessions you had and the next one planned. Actions agreed in the last session "
            "come back at the top of the next preparation."), wordWrap=True))
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def _details(self) -> QWidget:
        form = QFormLayout()
        date_row = QHBoxLayout()
        date_row.addWidget(self.date)
        date_row.addStretch(1)
        for text, widget, field in ((self.tr("D&ate"), self.date, date_row),
                                    (self.tr("S&upervisor"), self.supervisor, self.supervisor),
                                    (self.tr("N&otes"), self.notes, self.notes)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, field)
        agreed = QLabel(self.tr("Actions agreed"))
        agreed.setStyleSheet("font-weight: 600; font-size: 11pt;")
        details = QWidget()
        layout = QVBoxLayout(details)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form, 1)
        layout.addSpacing(6)
        layout.addWidget(agreed)
        layout.addWidget(self.action_table)
        return details

    def _connect(self) -> None:
        self.list.currentItemChanged.connect(self._picked)
        self.new_button.clicked.connect(self.new_session)
        self.delete_button.clicked.connect(self.delete_session)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.close)
        self.date.dateChanged.connect(self._edited)
        self.supervisor.textEdited.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        self.action_table.edited.connect(self._edited)

    # -- the list --------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        """List the sessions, newest first, and show one (or a new one when there are none)."""
        try:
            sessions = self.service.sessions()
        except PROBLEMS as exc:
            self.show_problem(str(exc))
            return
        self.list.blockSignals(True)
        self.list.clear()
        for session in reversed(sessions):
            item = QTreeWidgetItem(list(summary(session, self.today)))
            item.setData(0, ID_ROLE, session.id)
            self.list.addTopLevelItem(item)
        self.list.blockSignals(False)
        self.list.setVisible(bool(sessions))  # none: a sentence says what to do instead
        self.empty.setVisible(not sessions)
        wanted = select_id if select_id is not None else self.session_id
        if not self._select(wanted) and not self._select(self._first_id()):
            self.load(None)

    def _first_id(self) -> int | None:
        item = self.list.topLevelItem(0)
        return item.data(0, ID_ROLE) if item is not None else None

    def _select(self, session_id: int | None) -> bool:
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item is not None and session_id is not None and item.data(0, ID_ROLE) == session_id:
                self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                self.list.blockSignals(False)
                self._load_id(session_id)
                return True
        return False

    def _picked(self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        wanted = current.data(0, ID_ROLE)
        if not self.dirty:
            self._load_id(wanted)
        elif self.save():  # saving lists the sessions again: find the one picked
            self._select(wanted)
        else:
            self.list.blockSignals(True)
            # Qt takes None (no current item); PySide6's stubs do not say so
            self.list.setCurrentItem(previous)  # type: ignore[arg-type]
            self.list.blockSignals(False)

    def _load_id(self, session_id: int) -> None:
        try:
            self.load(self.service.session(session_id))
        except PROBLEMS as exc:
            self.show_problem(str(exc))

    # -- one session -------------------------------------------------------------
    def load(self, session: Session | None) -> None:
        """Show a stored session, or a new one dated today when None."""
        self._loading = True
        shown = session or Session(self.today)
        self.session_id = shown.id
        self.date.setDate(qdate(shown.held_on))
        self.supervisor.setText(shown.supervisor)
        self.notes.setPlainText(shown.notes)
        self.action_table.set_actions(shown.actions, self.today)
        self.heading.setText(self.tr("New session") if session is None else
                             self.tr("Session on {date}").format(
                                 date=QLocale().toString(qdate(shown.held_on), "d MMMM yyyy")))
        self.delete_button.setText(self.tr("&Discard new session") if session is None
                                   else self.tr("&Delete session…"))
        self._loading = False
        self.dirty = False
        self.clear_problem()

    def session(self) -> Session:
        """The session as the fields describe it."""
        return Session(py_date(self.date.date()), self.supervisor.text(),
                       self.notes.toPlainText(), self.action_table.agreed_actions(),
                       self.session_id)

    def new_session(self) -> None:
        """Keep what is open, then start a new session to fill in."""
        if not self.keep_edits():
            return
        self.list.blockSignals(True)
        self.list.setCurrentItem(None)  # type: ignore[call-overload]  # as above
        self.list.clearSelection()
        self.list.blockSignals(False)
        self.load(None)
        self.date.setFocus()

    def save(self) -> bool:
        """Store the open session; False (and the problem shown) if it could not be."""
        session = self.session()
        try:
            if session.id is None:
                session_id = self.service.add(session)
            else:
                self.service.update(session)
                session_id = session.id
        except PROBLEMS as exc:
            self.show_problem(str(exc))
            return False
        self.dirty = False
        self.reload(select_id=session_id)
        self.changed.emit()
        return True

    def keep_edits(self) -> bool:
        """Save unsaved edits before moving on; False if they could not be saved."""
        return not self.dirty or self.save()

    def delete_session(self) -> None:
        """Delete the open session after asking (a new one is simply discarded)."""
        if self.session_id is None:
            self.dirty = False
            self.reload()
            return
        day = QLocale().toString(self.date.date(), "d MMMM yyyy")
        answer = QMessageBox.question(
            self, self.tr("Delete this session?"),
            self.tr("The session on {date}, its notes, the actions agreed in it and any "
                    "preparation for it will be deleted. This cannot be undone.").format(
                date=day),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.service.delete(self.session_id)
        except PROBLEMS as exc:
            self.show_problem(str(exc))
            return
        self.session_id = None
        self.dirty = False
        self.reload()
        self.changed.emit()

    def _edited(self) -> None:
        if not self._loading:
            self.dirty = True

    # -- messages and closing ------------------------------------------------------
    def show_problem(self, message: str) -> None:
        """Say what stops the session being saved (nothing is lost: the fields stay)."""
        self.error.setText(self.tr("Not saved yet: {problem}").format(problem=message))
        self.error.setStyleSheet(problem_banner_style(self))
        self.error.show()

    def clear_problem(self) -> None:
        self.error.clear()
        self.error.hide()

    def done(self, result: int) -> None:
        """Closing keeps the open session's edits (or stays open to show why it cannot)."""
        if self.keep_edits():
            super().done(result)
