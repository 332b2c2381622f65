"""Step 1 of the preparation: the period, the actions agreed last time, and the entries to
bring (all or some; any of them marked "to discuss")."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.domain import EntryRow, InvalidInput
from carejournal.core.kinds import chosen_model
from carejournal.core.preparation import Preparation
from carejournal.core.supervision import ActionStatus, AgreedAction
from carejournal.core.templates import find_model
from carejournal.services.journal import Journal
from carejournal.ui.shared.dates import py_date, qdate
from carejournal.ui.shared.pickers import date_edit
from carejournal.ui.supervision.entries_model import ID_ROLE, EntryChoiceModel
from carejournal.ui.supervision.prepare_common import (
    PROBLEMS,
    PrepPage,
    button,
    content_or_empty,
    day_text,
    show_content,
    text_label,
)

ACTIONS_HEIGHT = 120


class EntriesPage(PrepPage):
    """Choose the period and the entries; mark agreed actions and entries to discuss."""

    def __init__(self, journal: Journal, prep: Preparation,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, prep, parent)
        self.setTitle(self.tr("Step 1 of 8: the period and your entries"))
        self.setSubTitle(self.tr(
            "Choose what to bring. Everything in the period is ticked to start with. Your "
            "choices are saved as you go, so you can close this and finish it later."))
        self.model = EntryChoiceModel(self)
        self.status_boxes: dict[int, QComboBox] = {}
        self._build()
        self.model.bring_toggled.connect(self.set_brought)
        self.model.discuss_toggled.connect(self.set_discuss)

    # -- construction --------------------------------------------------------
    def _build(self) -> None:
        self.since = date_edit(self.tr("First day of the period"))
        self.until = date_edit(self.tr("Last day of the period"))
        period = QHBoxLayout()
        for text, edit in ((self.tr("&From"), self.since), (self.tr("&to"), self.until)):
            label = QLabel(text)
            label.setBuddy(edit)
            period.addWidget(label)
            period.addWidget(edit)
        period.addStretch(1)
        self.actions_box = QGroupBox(self.tr("Actions agreed last time"))
        self.actions_area = QScrollArea()
        self.actions_area.setWidgetResizable(True)
        self.actions_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.actions_area.setMaximumHeight(ACTIONS_HEIGHT)
        QVBoxLayout(self.actions_box).addWidget(self.actions_area)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.actions_box)
        layout.addWidget(self._entries_box(), 1)
        layout.addWidget(self.message)
        self.since.dateChanged.connect(self._period_changed)
        self.until.dateChanged.connect(self._period_changed)

    def _entries_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Entries in the period"))
        self.summary = text_label(accessible=self.tr("How many entries are brought"))
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Entries in the period; tick the ones to bring"))
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EntryChoiceModel.ENTRY, QHeaderView.ResizeMode.Stretch)
        self.empty = text_label(accessible=self.tr("About the period"))
        self.all_button = button(self.tr("&All"), self.tr("Bring every entry in the period"))
        self.none_button = button(self.tr("N&one"), self.tr("Bring no entries"))
        self.discuss_button = button(self.tr("Mark to &discuss"),
                                     self.tr("Mark the chosen entry to discuss"))
        self.discuss_button.setCheckable(True)
        hint = text_label(self.tr(
            "Reflections written with a model (Gibbs, Kolb and others) are often the best to "
            "talk through: mark them to discuss and they go on the agenda."))
        row = QHBoxLayout()
        for widget in (self.all_button, self.none_button, self.discuss_button):
            row.addWidget(widget)
        row.addWidget(hint, 1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.summary)
        self.stack = content_or_empty(self.view, self.empty)
        layout.addWidget(self.stack, 1)
        layout.addLayout(row)
        self.all_button.clicked.connect(lambda: self.choose_all(True))
        self.none_button.clicked.connect(lambda: self.choose_all(False))
        self.discuss_button.clicked.connect(self._discuss_current)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        return box

    # -- showing -------------------------------------------------------------
    def initializePage(self) -> None:
        for edit, day in ((self.since, self.prep.since), (self.until, self.prep.until)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)
        self.show_actions()
        self.refresh()

    def refresh(self) -> None:
        """Reload the entries of the period and what is chosen."""
        try:
            rows = self.journal.preparing.period_rows(self.prep)
            models = {r.id: self._model_name(r) for r in rows
                      if chosen_model(r.kind)}
        except PROBLEMS as exc:
            self.problem(exc)
            return
        current = self.view.currentIndex().row()
        self.model.set_rows(rows, {k: v for k, v in models.items() if v})
        self._show_state()
        if rows:
            self.view.setCurrentIndex(self.model.index(min(max(current, 0), len(rows) - 1),
                                                       EntryChoiceModel.BRING))
        show_content(self.stack, bool(rows))
        self.empty.setText(self.tr(
            "There are no entries from {since} to {until}. That is all right: you can "
            "still prepare, and the pack will say so.").format(
            since=day_text(self.prep.since), until=day_text(self.prep.until)))
        for widget in (self.all_button, self.none_button, self.discuss_button):
            widget.setEnabled(bool(rows))

    def _model_name(self, row: EntryRow) -> str:
        key = self.journal.get(row.id).model
        try:
            return find_model(key).name if key and key != "free" else ""
        except InvalidInput:
            return ""

    def _show_state(self) -> None:
        ids = [r.id for r in self.model.rows]
        chosen = set(ids) if self.prep.entry_ids is None else set(self.prep.entry_ids) & set(ids)
        discuss = set(self.prep.to_discuss) & set(ids)
        self.model.set_state(chosen, discuss)
        self.summary.setText(self.tr(
            "{chosen} of {total} entries brought · {discuss} to discuss").format(
            chosen=len(chosen), total=len(ids), discuss=len(discuss)))
        self._show_current()

    def _show_current(self) -> None:
        entry_id = self.current_id()
        self.discuss_button.setChecked(entry_id in self.model.discuss)

    def current_id(self) -> int | None:
        """The entry chosen in the list, if any."""
        index = self.view.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    # -- the actions agreed last time ------------------------------------------
    def show_actions(self) -> None:
        """One line per action agreed at the session before, each with its status."""
        try:
            actions = self.journal.preparing.last_actions(self.prep)
        except PROBLEMS as exc:
            self.problem(exc)
            actions = ()
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        self.status_boxes = {}
        for n, action in enumerate(actions):
            grid.addWidget(text_label(action_text(action)), n, 0)
            grid.addWidget(self._status_box(action), n, 1)
        if not actions:
            grid.addWidget(text_label(self.tr(
                "No actions were agreed at the session before this one, so there is nothing "
                "to look back on here.")), 0, 0)
        self.actions_area.setWidget(inner)
        order = (self.until, *self.status_boxes.values(), self.view)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.actions_area.setMaximumHeight(ACTIONS_HEIGHT if len(actions) > 2 else
                                           inner.sizeHint().height() + 4)

    def _status_box(self, action: AgreedAction) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Where this action stands: {action}").format(
            action=action.text))
        for status in ActionStatus:
            combo.addItem(status_label(status), status.value)
        combo.setCurrentIndex(combo.findData(action.status.value))
        if action.id is not None:
            self.status_boxes[action.id] = combo
            combo.currentIndexChanged.connect(
                lambda _i, a=action.id, c=combo: self.set_action_status(a, c.currentData()))
        return combo

    def set_action_status(self, action_id: int, value: str) -> None:
        """Record where an agreed action stands."""
        try:
            self.journal.supervision.set_action_status(action_id, ActionStatus(value))
        except PROBLEMS as exc:
            self.problem(exc)
            return
        self.saved(self.tr("Noted: {status}.").format(status=status_label(ActionStatus(value))))

    # -- choosing ------------------------------------------------------------
    def _period_changed(self) -> None:
        since, until = py_date(self.since.date()), py_date(self.until.date())
        if until < since:
            self.say(self.tr("The period ends before it starts: choose a last day on or "
                             "after the first."))
            return
        self.prep.since, self.prep.until = since, until
        self.refresh()
        self.saved()

    def set_period(self, since: dt.date, until: dt.date) -> None:
        """Choose the period (as the date boxes do)."""
        self.since.setDate(qdate(since))
        self.until.setDate(qdate(until))

    def choose_all(self, on: bool) -> None:
        """Bring every entry of the period, or none."""
        self.prep.entry_ids = None if on else []
        if not on:
            for entry_id in list(self.prep.to_discuss):
                self.journal.preparing.set_discuss(self.prep, entry_id, False)
        self._show_state()
        self.saved()

    def set_brought(self, entry_id: int, on: bool) -> None:
        """Bring one entry or leave it out (an entry left out is not discussed either)."""
        ids = [r.id for r in self.model.rows]
        chosen = [i for i in ids if i in self.model.chosen and i != entry_id]
        if on:
            chosen = [i for i in ids if i in self.model.chosen or i == entry_id]
        self.prep.entry_ids = None if len(chosen) == len(ids) else chosen
        if not on and entry_id in self.prep.to_discuss:
            self.journal.preparing.set_discuss(self.prep, entry_id, False)
        self._show_state()
        self.saved()

    def set_discuss(self, entry_id: int, on: bool) -> None:
        """Mark an entry to discuss (bringing it if it was left out), or unmark it."""
        try:
            self.journal.preparing.set_discuss(self.prep, entry_id, on)
        except PROBLEMS as exc:
            self.problem(exc)
            return
        if on and entry_id not in self.model.chosen:
            self.set_brought(entry_id, True)
            return
        self._show_state()
        self.saved(self.tr("It is on the agenda.") if on else "")

    def _discuss_current(self) -> None:
        entry_id = self.current_id()
        if entry_id is not None:
            self.set_discuss(entry_id, self.discuss_button.isChecked())


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


def status_label(status: ActionStatus) -> str:
    """Where an action stands, in the worker's language."""
    labels = {ActionStatus.OPEN: translate("CareJournal", "not started"),
              ActionStatus.IN_PROGRESS: translate("CareJournal", "in progress"),
              ActionStatus.DONE: translate("CareJournal", "done"),
              ActionStatus.DROPPED: translate("CareJournal", "dropped")}
    return labels[status]


def action_text(action: AgreedAction) -> str:
    """An agreed action with who and by when, on one line."""
    if action.owner and action.due_on:
        return translate("CareJournal", "{action} ({owner}, by {due})").format(
            action=action.text, owner=action.owner, due=day_text(action.due_on))
    if action.owner:
        return translate(
            "CareJournal", "{action} ({owner})").format(action=action.text, owner=action.owner)
    if action.due_on:
        return translate("CareJournal", "{action} (by {due})").format(
            action=action.text, due=day_text(action.due_on))
    return action.text
