"""Step 7 of the preparation: the agenda. The worker's own questions, the items brought from
the earlier steps and development goals, in the order the worker wants to take them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.dates import readable_dates
from carejournal.core.preparation import AgendaItem, AgendaKind, Preparation
from carejournal.services.journal import Journal
from carejournal.ui.supervision.agreed_actions import chosen_function, function_box, function_label
from carejournal.ui.supervision.prepare_common import (
    PROBLEMS,
    PrepPage,
    button,
    content_or_empty,
    show_content,
    text_label,
)

translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


def kind_text(kind: AgendaKind) -> str:
    """Where an agenda item came from, in a word or two."""
    labels = {AgendaKind.QUESTION: translate("CareJournal", "My question"),
              AgendaKind.LANGUAGE: translate("CareJournal", "Wording"),
              AgendaKind.STRENGTH: translate("CareJournal", "Strengths"),
              AgendaKind.POWER: translate("CareJournal", "Power"),
              AgendaKind.ENTRY: translate("CareJournal", "Entry"),
              AgendaKind.DEVELOPMENT: translate("CareJournal", "Development"),
              AgendaKind.ACTION: translate("CareJournal", "Agreed action")}
    return labels[kind]


def item_text(item: AgendaItem) -> str:
    """An agenda item with where it came from and, once tagged, the function it serves."""
    text = translate("CareJournal", "{kind}: {text}").format(kind=kind_text(item.kind),
                                                            text=readable_dates(item.text))
    if item.function is None:
        return text
    return translate("CareJournal", "{text} [{function}]").format(
        text=text, function=function_label(item.function))


class AgendaPage(PrepPage):
    """The agenda, in order: move items up and down, take them off, add your own."""

    def __init__(self, journal: Journal, prep: Preparation,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, prep, parent)
        self.setTitle(self.tr("Step 7 of 8: the agenda"))
        self.setSubTitle(self.tr(
            "What you want to talk about, in the order you want to take it. Add your own "
            "questions and what you want to grow in, and say which function of supervision "
            "each serves: the pack groups them so."))
        self._build()

    def _build(self) -> None:
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("The agenda, in order"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.empty = text_label(self.tr(
            "Nothing on the agenda yet. Add your own questions below, or bring items from "
            "the earlier steps."))
        self.up_button = button(self.tr("Move &up"), self.tr("Move the item up"))
        self.down_button = button(self.tr("Move do&wn"), self.tr("Move the item down"))
        self.remove_button = button(self.tr("&Remove"), self.tr("Take the item off the agenda"))
        self.up_button.setToolTip(self.tr("Alt+Up"))
        self.down_button.setToolTip(self.tr("Alt+Down"))
        self.function = function_box(None)
        self.function.setAccessibleName(self.tr("The function of supervision the item serves"))
        self.function.setToolTip(self.tr(
            "Support: how you are. Development: your learning. Management: your practice "
            "and the service. Mediation: between you and the organisation."))
        serves = QLabel(self.tr("&Serves:"))
        serves.setBuddy(self.function)
        side = QVBoxLayout()
        for widget in (self.up_button, self.down_button, self.remove_button, serves,
                       self.function):
            side.addWidget(widget)
        side.addStretch(1)
        top = QHBoxLayout()
        self.stack = content_or_empty(self.list, self.empty)
        top.addWidget(self.stack, 1)
        top.addLayout(side)
        self.question = self._line(self.tr("Your question for supervision"),
                                   self.tr("e.g. How do I say no to extra shifts kindly?"))
        self.goal = self._line(self.tr("A development goal"),
                               self.tr("e.g. A skill I want to build"))
        self.question_button = button(self.tr("Add my &question"),
                                      self.tr("Add my question to the agenda"))
        self.goal_button = button(self.tr("Add a &development goal"),
                                  self.tr("Add a development goal to the agenda"))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for n, (text, edit, add) in enumerate((
                (self.tr("&My question:"), self.question, self.question_button),
                (self.tr("&Goal for me:"), self.goal, self.goal_button))):
            label = QLabel(text)
            label.setBuddy(edit)
            grid.addWidget(label, n, 0)
            grid.addWidget(edit, n, 1)
            grid.addWidget(add, n, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        order = (self.list, self.up_button, self.down_button, self.remove_button, self.function,
                 self.question,
                 self.question_button, self.goal, self.goal_button)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._connect()

    def _line(self, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        return edit

    def _connect(self) -> None:
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button.clicked.connect(self.remove_current)
        self.question_button.clicked.connect(lambda: self.add(AgendaKind.QUESTION))
        self.goal_button.clicked.connect(lambda: self.add(AgendaKind.DEVELOPMENT))
        self.question.returnPressed.connect(lambda: self.add(AgendaKind.QUESTION))
        self.goal.returnPressed.connect(lambda: self.add(AgendaKind.DEVELOPMENT))
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        self.function.activated.connect(lambda _i: self.tag_current())
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Alt+Up"), self, lambda: self.move_current(-1), context=context)
        QShortcut(QKeySequence("Alt+Down"), self, lambda: self.move_current(1), context=context)

    # -- showing -------------------------------------------------------------
    def initializePage(self) -> None:
        self.say("")
        self.refresh(0)

    def refresh(self, select: int | None = None) -> None:
        """Show the agenda as it stands, choosing the item at `select` (or the same row)."""
        row = self.list.currentRow() if select is None else select
        self.list.blockSignals(True)
        self.list.clear()
        for n, item in enumerate(self.prep.agenda):
            line = QListWidgetItem(self.tr("{number}. {item}").format(
                number=n + 1, item=item_text(item)))
            line.setToolTip(item.text)
            self.list.addItem(line)
        self.list.blockSignals(False)
        if self.prep.agenda:
            self.list.setCurrentRow(min(max(row, 0), len(self.prep.agenda) - 1))
        show_content(self.stack, bool(self.prep.agenda))
        self._enable()

    def _enable(self) -> None:
        row, count = self.list.currentRow(), len(self.prep.agenda)
        self.up_button.setEnabled(0 < row < count)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(0 <= row < count)
        self.function.setEnabled(0 <= row < count)
        current = self.prep.agenda[row].function if 0 <= row < count else None
        self.function.setCurrentIndex(self.function.findData(current.value if current else ""))

    # -- changing ------------------------------------------------------------
    def move_current(self, by: int) -> None:
        """Move the chosen item up (-1) or down (+1)."""
        row = self.list.currentRow()
        to = row + by
        if row < 0 or not 0 <= to < len(self.prep.agenda):
            return
        self.prep.move(row, to)
        self.refresh(to)
        self.saved()

    def tag_current(self) -> None:
        """Say which function the chosen item serves (or none)."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.prep.agenda):
            return
        try:
            self.journal.preparing.tag(self.prep, row, chosen_function(self.function))
        except PROBLEMS as exc:
            self.problem(exc)
            return
        self.refresh(row)
        self.saved()

    def remove_current(self) -> None:
        """Take the chosen item off the agenda (items from the steps can be brought again)."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.prep.agenda):
            return
        item = self.prep.agenda[row]
        kind, _sep, entry_id = item.source.partition(":")
        try:
            if kind == AgendaKind.ENTRY.value and entry_id.isdigit():
                self.journal.preparing.set_discuss(self.prep, int(entry_id), False)
            else:
                self.prep.remove(row)
        except PROBLEMS as exc:
            self.problem(exc)
            return
        self.refresh(row)
        self.saved(self.tr("Taken off the agenda."))

    def add(self, kind: AgendaKind) -> None:
        """Add the worker's own question or development goal at the end."""
        edit = self.question if kind is AgendaKind.QUESTION else self.goal
        try:
            self.journal.preparing.bring_question(self.prep, edit.text(), kind)
        except PROBLEMS as exc:
            self.problem(exc)
            return
        edit.clear()
        self.refresh(len(self.prep.agenda) - 1)
        self.saved(self.tr("Added to the agenda."))
