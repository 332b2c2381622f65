"""Plans and attempts: the goals of the people we support, and every try at them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.domain import EntryFilter
from carejournal.core.goals import FallibilityAnswer, Goal, GoalStatus
from carejournal.services.journal import Journal
from carejournal.ui.practice.goal_question import (
    PROBLEMS,
    AttemptForm,
    GoalDialog,
    GoalQuestionDialog,
    problem_message,
)
from carejournal.ui.practice.goals_model import (
    ENTRY_ID_ROLE,
    AttemptsModel,
    GoalsModel,
    goal_info_text,
    short_text,
    status_changed_text,
)

RECENT_ENTRIES = 50


class GoalsPanel(QWidget):
    """Goals by person, each with its attempts; add, reword, log a try, change status.

    Works embedded, or as a non-modal window of its own with window=True.
    """

    open_entry_requested = Signal(int)
    entry_added = Signal(int)
    goals_changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None,
                 window: bool = False) -> None:
        super().__init__(parent)
        self.journal = journal
        self._reloading = False
        self.setWindowTitle(self.tr("Plans and attempts"))
        if window:
            self.setWindowFlag(Qt.WindowType.Window)
            QShortcut(QKeySequence.StandardKey.Close, self, self.close)
            QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)  # as a dialog does
        self.goals_model = GoalsModel(self)
        self.attempts_model = AttemptsModel(self)
        self._build()
        self._connect()
        self.resize(900, 600)
        self.refresh()

    # -- construction --------------------------------------------------------
    def _build(self) -> None:
        self.person_filter = QComboBox()
        self.person_filter.setAccessibleName(self.tr("Show the goals of"))
        self.person_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.person_filter.setMinimumContentsLength(14)
        self.add_button = _button(self.tr("&Add a goal…"), self.tr("Add a goal"))
        self.goals_view = _table(self.goals_model, self.tr("Goals"), GoalsModel.GOAL)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")
        self.reword_button = _button(self.tr("Re&word…"), self.tr("Reword the goal"))
        self.status_button = _button(self.tr("Change &status"), self.tr("Change status"))
        self.status_button.setMenu(self._status_menu())
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.attempts_view = _table(self.attempts_model, self.tr("Attempts at the chosen goal"),
                                    AttemptsModel.NOTE)
        self.open_entry_button = _button(self.tr("&Open linked entry"),
                                         self.tr("Open the entry where this attempt came up"))
        self.reflection_button = _button(self.tr("Open &reflection"),
                                         self.tr("Open the reflection written when it ended"))
        self.form = AttemptForm()
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("What just happened"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_page())
        self.stack.addWidget(self._content())
        QVBoxLayout(self).addWidget(self.stack)

    def _status_menu(self) -> QMenu:
        menu = QMenu(self)
        group = QActionGroup(self)
        texts = {GoalStatus.ACTIVE: self.tr("&Active"), GoalStatus.PAUSED: self.tr("&Paused"),
                 GoalStatus.ACHIEVED: self.tr("A&chieved"),
                 GoalStatus.DISCONTINUED: self.tr("&Discontinued"),
                 GoalStatus.UNATTAINABLE: self.tr("&Unattainable")}
        self.status_actions: dict[GoalStatus, QAction] = {}
        for status, text in texts.items():
            action = menu.addAction(text)
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _=False, s=status: self.change_status(s))
            self.status_actions[status] = action
        return menu

    def _empty_page(self) -> QWidget:
        page = QWidget()
        heading = QLabel(self.tr("Plans and attempts"))
        heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        text = QLabel(self.tr(
            "Keep the goals of the people you support here, in their own words, with a note "
            "of every try. Every attempt counts, including the ones that did not work out this "
            "time. Most of us needed many tries at our own hardest changes, so there is no "
            "rush to write a plan off."))
        text.setWordWrap(True)
        text.setMaximumWidth(680)
        self.empty_add_button = _button(self.tr("&Write down a first goal…"),
                                        self.tr("Write down a first goal"))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addSpacing(12)
        layout.addWidget(self.empty_add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _content(self) -> QWidget:
        top = QHBoxLayout()
        label = QLabel(self.tr("&Person"))
        label.setBuddy(self.person_filter)
        top.addWidget(label)
        top.addWidget(self.person_filter)
        top.addStretch(1)
        top.addWidget(self.add_button)
        details = QWidget()
        box = QVBoxLayout(details)
        box.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.heading, 1)
        row.addWidget(self.reword_button)
        row.addWidget(self.status_button)
        box.addLayout(row)
        box.addWidget(self.info)
        box.addWidget(self.attempts_view, 1)
        links = QHBoxLayout()
        links.addWidget(self.open_entry_button)
        links.addWidget(self.reflection_button)
        links.addStretch(1)
        box.addLayout(links)
        box.addWidget(self.form)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.goals_view)
        splitter.addWidget(details)
        splitter.setSizes([200, 380])
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        order = (self.person_filter, self.add_button, self.goals_view, self.reword_button,
                 self.status_button, self.attempts_view, self.open_entry_button,
                 self.reflection_button, self.form.day)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        return content

    def _connect(self) -> None:
        self.person_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.add_button.clicked.connect(self.add_goal)
        self.empty_add_button.clicked.connect(self.add_goal)
        self.reword_button.clicked.connect(self.reword_goal)
        self.goals_view.selectionModel().currentRowChanged.connect(self._goal_chosen)
        self.attempts_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_link_button())
        self.attempts_view.activated.connect(self._open_attempt_entry)
        self.open_entry_button.clicked.connect(lambda: self._open_attempt_entry())
        self.reflection_button.clicked.connect(self._open_reflection)
        self.form.log_requested.connect(self.log_attempt)

    # -- reading -------------------------------------------------------------
    def refresh(self) -> None:
        """Reload people, goals and the chosen goal's attempts, keeping the choice."""
        keep = self.current_goal()
        try:
            goals = self.journal.goals.list()
            people = self.journal.people()
        except PROBLEMS as exc:
            self._warn(exc)
            return
        person = self._refill_people(people)
        self.stack.setCurrentIndex(1 if goals else 0)
        self.goals_model.set_goals([g for g in goals if not person or g.person == person])
        self.goals_view.setColumnHidden(GoalsModel.PERSON, bool(person))
        row = self.goals_model.row_of(keep.id) if keep else -1
        self._reloading = True  # the chosen goal is shown once, below
        self._select_row(max(row, 0))
        self._reloading = False
        self._show_goal()

    def _refill_people(self, people: list[str]) -> str:
        combo = self.person_filter
        current = combo.currentData() or ""
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Everyone"), "")
        for name in people:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)
        return combo.currentData() or ""

    def _select_row(self, row: int) -> None:
        if self.goals_model.rowCount():
            self.goals_view.setCurrentIndex(self.goals_model.index(row, GoalsModel.GOAL))

    def current_goal(self) -> Goal | None:
        """The goal chosen in the list, if any."""
        return self.goals_model.goal_at(self.goals_view.currentIndex().row())

    def select_goal(self, goal_id: int) -> bool:
        """Choose a goal in the list; False if it is not shown."""
        row = self.goals_model.row_of(goal_id)
        if row >= 0:
            self._select_row(row)
        return row >= 0

    def _show_goal(self) -> None:
        goal = self.current_goal()
        for widget in (self.reword_button, self.status_button):
            widget.setEnabled(goal is not None)
        self.reflection_button.setVisible(goal is not None and goal.reflection_id is not None)
        self.form.setEnabled(goal is not None and goal.status is GoalStatus.ACTIVE)
        if goal is None:
            self.heading.setText(self._no_goal_text())
            self.info.clear()
            self.attempts_model.set_attempts([])
            self._update_link_button()
            return
        self.heading.setText(self.tr("Attempts at “{goal}”").format(goal=short_text(goal.text)))
        self.heading.setToolTip(goal.text)
        self.info.setText(goal_info_text(goal))
        self.status_actions[goal.status].setChecked(True)
        try:
            self.attempts_model.set_attempts(self.journal.goals.attempts(goal.id))
            self.form.set_entries(self.journal.rows(
                EntryFilter(person=goal.person, limit=RECENT_ENTRIES)))
        except PROBLEMS as exc:
            self._warn(exc)
        self.attempts_view.scrollToBottom()
        self._update_link_button()

    def _goal_chosen(self) -> None:
        if not self._reloading:
            self.message.clear()  # it was about the goal chosen before
            self._show_goal()

    def _no_goal_text(self) -> str:
        person = self.person_filter.currentData()
        if person:
            return self.tr("{person} has no goals written down yet.").format(person=person)
        return self.tr("Choose a goal to see its attempts.")

    def _update_link_button(self) -> None:
        self.open_entry_button.setEnabled(self._attempt_entry() is not None)

    def _attempt_entry(self, index: QModelIndex | None = None) -> int | None:
        index = index if index is not None else self.attempts_view.currentIndex()
        entry_id = index.data(ENTRY_ID_ROLE) if index.isValid() else None
        return int(entry_id) if entry_id is not None else None

    def _open_attempt_entry(self, index: QModelIndex | None = None) -> None:
        entry_id = self._attempt_entry(index)
        if entry_id is not None:
            self.open_entry_requested.emit(entry_id)

    def _open_reflection(self) -> None:
        goal = self.current_goal()
        if goal is not None and goal.reflection_id is not None:
            self.open_entry_requested.emit(goal.reflection_id)

    # -- writing -------------------------------------------------------------
    def add_goal(self) -> bool:
        """Ask for a new goal and its person; True if one was added."""
        current = self.current_goal()
        person = self.person_filter.currentData() or (current.person if current else "")
        added: list[Goal] = []
        dialog = GoalDialog(self.journal.people(), lambda p, t: added.append(
            self.journal.goals.add(p, t)), person, parent=self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted or not added:
            return False
        if self.person_filter.currentData() not in ("", added[0].person):
            self.person_filter.setCurrentIndex(0)
        self._changed(self.tr("Goal added. Log each try below: every attempt counts."),
                      added[0].id)
        return True

    def reword_goal(self) -> bool:
        """Change the chosen goal's words; True if they changed."""
        goal = self.current_goal()
        if goal is None:
            return False
        dialog = GoalDialog([], lambda _p, t: self.journal.goals.reword(goal.id, t),
                            goal.person, goal.text, rewording=True, parent=self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return False
        self._changed(self.tr("The goal has its new words."))
        return True

    def log_attempt(self) -> bool:
        """Log a try at the chosen goal from the form; True if it was logged."""
        goal = self.current_goal()
        if goal is None or not self.form.isEnabled():
            return False
        outcome, day, note, entry_id = self.form.values()
        try:
            self.journal.goals.attempt(goal.id, outcome, day, note, entry_id)
        except PROBLEMS as exc:
            self._warn(exc)
            return False
        self.form.clear_after_logging()
        self._changed(self.tr("Attempt logged. Every try counts."))
        return True

    def change_status(self, status: GoalStatus) -> bool:
        """Move the chosen goal to a status, asking the fallibility question if due."""
        goal = self.current_goal()
        if goal is None or goal.status is status:
            return False
        if self.journal.goals.needs_question(goal, status):
            updated = self._end_after_question(goal, status)
        else:
            updated = self._set_status(goal, status, None)
        if updated is None:
            self._show_goal()  # puts the status menu back as it was
            return False
        saved = updated.reflection_id is not None and updated.reflection_id != goal.reflection_id
        if saved:
            self.entry_added.emit(updated.reflection_id)
        self._changed(self.tr("Your reflection was saved as an own-fallibility entry, linked "
                              "to this goal.") if saved else status_changed_text(status))
        return True

    def _end_after_question(self, goal: Goal, status: GoalStatus) -> Goal | None:
        dialog = GoalQuestionDialog(goal, status, self.journal.goals.threshold(), self)
        updated = None
        while updated is None and dialog.exec() == QDialog.DialogCode.Accepted:
            updated = self._set_status(goal, status, dialog.answer())  # on a problem, ask again
        dialog.deleteLater()
        if updated is not None:
            return updated
        self.message.setText(self.tr("Nothing was changed. The goal stays as it was."))
        return None

    def _set_status(self, goal: Goal, status: GoalStatus,
                    answer: FallibilityAnswer | None) -> Goal | None:
        try:
            return self.journal.goals.set_status(goal.id, status, answer)
        except PROBLEMS as exc:
            self._warn(exc)
            return None

    def _changed(self, message: str, goal_id: int | None = None) -> None:
        self.refresh()
        if goal_id is not None:
            self.select_goal(goal_id)
        self.message.setText(message)
        self.goals_changed.emit()

    def _warn(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("That did not work"), problem_message(exc))


def _button(text: str, accessible: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible)
    return button


def _table(model: GoalsModel | AttemptsModel, accessible: str, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(accessible)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
