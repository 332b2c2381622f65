"""The learning and feedback tabs of View › Learning and Feedback…: the records listed beside
the form that adds one, or edits the one chosen (Edit…, Enter or a double click), and
Delete… (asked first: these records have no trash, a deleted one is gone for good). Every
write goes through journal.ops; `written(Changes)` tells the dialog, which tells the hub."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.changes import Changes
from carejournal.core.cpd import Feedback, Learning, hours_text
from carejournal.core.domain import InvalidInput
from carejournal.core.errors import JournalError
from carejournal.ui.cpd.forms import FeedbackForm, LearningForm
from carejournal.ui.shared.dates import local_day

if TYPE_CHECKING:
    from carejournal.services.journal import Journal


@dataclass(frozen=True, slots=True)
class PageTexts:
    """A tab's own words (each tab has its own shortcut letters)."""

    records: str  # the list's label
    empty: str  # the list when there is nothing yet
    new: str  # the form's heading for a new record
    editing: str  # the form's heading while editing, with {what}
    add: str
    save: str
    cancel: str
    edit: str
    delete: str
    confirm: str  # the question before deleting, with {what}
    discard: str  # the question before typing not saved is replaced
    search: str  # the search field's hint
    nothing: str  # the list when no record has the words searched for, with {words}


def form_state(form: QWidget) -> tuple[object, ...]:
    """What the fields of a form hold, to tell whether the worker has changed them: every
    text, date, number and tick, and the evidence files chosen or taken off."""
    state: list[object] = []
    for child in form.findChildren(QWidget):
        if isinstance(child, QLineEdit):
            state.append(child.text())
        elif isinstance(child, QPlainTextEdit):
            state.append(child.toPlainText())
        elif isinstance(child, QAbstractSpinBox):
            state.append(child.text())
        elif isinstance(child, QAbstractButton) and child.isCheckable():
            state.append(child.isChecked())
    state.append(len(getattr(form, "evidence", ())))
    state.append(tuple(sorted(getattr(form, "removed", ()))))
    return tuple(state)


class RecordsPage(QWidget):
    """The records listed beside the form; a subclass says what they are and how to write."""

    written = Signal(object)  # the Changes of a write that succeeded
    problem = Signal(str)  # why a write could not be made ("" once one is)

    def __init__(self, journal: Journal, form: LearningForm | FeedbackForm,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.form = form
        self.texts = texts = self.page_texts()
        self.editing: Any = None  # the record in the form, or None for a new one
        self.search = QLineEdit()
        self.search.setPlaceholderText(texts.search)
        self.search.setAccessibleName(texts.search)
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.edit_button = QPushButton(texts.edit)
        self.delete_button = QPushButton(texts.delete)
        self.heading = QLabel(wordWrap=True)
        self.heading.setStyleSheet("font-weight: 600;")
        self.save_button = QPushButton(texts.add)
        self.cancel_button = QPushButton(texts.cancel)
        self._lay_out()
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.list.itemSelectionChanged.connect(self._enable)
        self.list.itemActivated.connect(lambda _item: self.edit_chosen())
        self.edit_button.clicked.connect(self.edit_chosen)
        self.delete_button.clicked.connect(self.delete_chosen)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(lambda: self.start_new())
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_chosen)
        form.problem.connect(self.problem)
        self.start_new()

    def _lay_out(self) -> None:
        label = QLabel(self.texts.records)
        label.setBuddy(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        records = QVBoxLayout()
        records.addWidget(self.search)
        records.addWidget(label)
        records.addWidget(self.list, 1)
        records.addLayout(buttons)
        body = QWidget()
        fields = QVBoxLayout(body)
        fields.setContentsMargins(0, 0, 6, 0)
        fields.addWidget(self.form)
        fields.addStretch(1)
        self.fields_area = scroll = QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        saving = QHBoxLayout()  # under the fields, never scrolled away
        saving.addStretch(1)
        saving.addWidget(self.cancel_button)
        saving.addWidget(self.save_button)
        column = QVBoxLayout()
        column.addWidget(self.heading)
        column.addWidget(scroll, 1)
        column.addLayout(saving)
        layout = QHBoxLayout(self)
        layout.addLayout(records, 2)
        layout.addLayout(column, 3)

    # -- what a subclass says ---------------------------------------------------------------
    def page_texts(self) -> PageTexts:
        raise NotImplementedError

    def records(self, words: str) -> list[Any]:
        """The records with these words (all of them when words is empty), newest first."""
        raise NotImplementedError

    def line(self, record: Any) -> str:
        """The record in the list."""
        raise NotImplementedError

    def what(self, record: Any) -> str:
        """The record in a few words, for the heading and the question."""
        raise NotImplementedError

    def add(self) -> tuple[int, Changes]:
        raise NotImplementedError

    def rewrite(self, record: Any) -> Changes:
        raise NotImplementedError

    def delete(self, record: Any) -> Changes:
        raise NotImplementedError

    # -- the list -----------------------------------------------------------------------------
    def refresh(self, chosen: int | None = None) -> None:
        """Read the records again, keeping (or making) the choice by id."""
        if chosen is None and (current := self.chosen()) is not None:
            chosen = current.id
        self.list.clear()
        words = self.search.text().strip()
        found = self.records(words)
        for record in found:
            item = QListWidgetItem(self.line(record))
            item.setData(Qt.ItemDataRole.UserRole, record)
            self.list.addItem(item)
            if record.id == chosen:
                self.list.setCurrentItem(item)
        if not found:
            quiet = QListWidgetItem(self.texts.nothing.format(words=words) if words
                                    else self.texts.empty)
            quiet.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(quiet)
        self._enable()

    def chosen(self) -> Any:
        """The record chosen in the list, or None."""
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        return item.data(Qt.ItemDataRole.UserRole)

    def _enable(self) -> None:
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(self.chosen() is not None)

    # -- the form -----------------------------------------------------------------------------
    def start_new(self) -> None:
        """Empty the form for a new record."""
        self.editing = None
        self.form.fill(None)
        self.fields_area.verticalScrollBar().setValue(0)  # the form from its first field
        self.heading.setText(self.texts.new)
        self.save_button.setText(self.texts.add)
        self.cancel_button.hide()
        self._as_filled = form_state(self.form)

    def edit_chosen(self) -> None:
        """Put the chosen record in the form to edit it."""
        record = self.chosen()
        if record is None or not self.may_replace_form():
            return
        self.editing = record
        self.form.fill(record)
        self._as_filled = form_state(self.form)
        self.fields_area.verticalScrollBar().setValue(0)
        self.heading.setText(self.texts.editing.format(what=self.what(record)))
        self.save_button.setText(self.texts.save)
        self.cancel_button.show()
        self.problem.emit("")
        self.form.setFocus(Qt.FocusReason.OtherFocusReason)
        self.form.focusNextChild()

    def unsaved(self) -> bool:
        """Whether the form holds typing or choices that are not saved."""
        return form_state(self.form) != self._as_filled

    def may_replace_form(self) -> bool:
        """True once nothing unsaved would be lost: the form is as it was filled, or the
        worker says to discard it (the question's default keeps it)."""
        if not self.unsaved():
            return True
        answer = QMessageBox.question(
            self, self.tr("Discard changes?"), self.texts.discard,
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def save(self) -> bool:
        """Add the record, or save the one being edited; say why not if it cannot be."""
        editing = self.editing
        try:
            if editing is None:
                chosen, changes = self.add()
            else:
                chosen, changes = editing.id, self.rewrite(editing)
        except (InvalidInput, JournalError) as exc:
            self.problem.emit(str(exc))
            return False
        self.start_new()
        self.written.emit(changes)
        self.refresh(chosen)
        return True

    def delete_chosen(self) -> bool:
        """Delete the chosen record for good, once the worker says so."""
        record = self.chosen()
        if record is None or not self.confirm_delete(record):
            return False
        try:
            changes = self.delete(record)
        except (InvalidInput, JournalError) as exc:
            self.problem.emit(str(exc))
            return False
        if self.editing is not None and self.editing.id == record.id:
            self.start_new()
        self.written.emit(changes)
        self.refresh()
        return True

    def confirm_delete(self, record: Any) -> bool:
        answer = QMessageBox.question(
            self, self.texts.delete.replace("&", "").rstrip("…"),
            self.texts.confirm.format(what=self.what(record)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes


class LearningPage(RecordsPage):
    """Learning (CPD) records and their evidence files."""

    def __init__(self, journal: Journal, form: LearningForm,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, form, parent)
        self.learning_form = form

    def page_texts(self) -> PageTexts:
        return PageTexts(
            records=self.tr("Your learning &records:"),
            empty=self.tr("No learning recorded yet: fill in the form to add the first."),
            new=self.tr("A new learning record"),
            editing=self.tr("Editing “{what}”"),
            add=self.tr("&Add learning record"),
            save=self.tr("S&ave changes"),
            cancel=self.tr("Cancel editin&g"),
            edit=self.tr("Ed&it…"),
            discard=self.tr("The learning record in the form has changes that are not saved. "
                            "Discard them?"),
            search=self.tr("Search your learning (method, topic, what changed)"),
            nothing=self.tr("No learning record has the words “{words}”."),
            delete=self.tr("&Delete…"),
            confirm=self.tr("Delete the learning record “{what}” and its evidence files? "
                            "It is gone for good: there is no trash for learning records."))

    def records(self, words: str) -> list[Learning]:
        return self.journal.cpd.learning(words)

    def line(self, record: Learning) -> str:
        return self.tr("{day}: {method}, {topic} ({hours} h)").format(
            day=local_day(record.ended_on), method=record.method, topic=record.topic,
            hours=hours_text(record.minutes))

    def what(self, record: Learning) -> str:
        return str(record.topic)

    def add(self) -> tuple[int, Changes]:
        done = self.journal.ops.add_learning(self.learning_form.draft())
        return done.value, done.changes

    def rewrite(self, record: Learning) -> Changes:
        return self.journal.ops.update_learning(record.id, self.learning_form.draft(),
                                                self.learning_form.removed)

    def delete(self, record: Learning) -> Changes:
        return self.journal.ops.delete_learning(record.id)


class FeedbackPage(RecordsPage):
    """Feedback received."""

    def __init__(self, journal: Journal, form: FeedbackForm,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, form, parent)
        self.feedback_form = form

    def page_texts(self) -> PageTexts:
        return PageTexts(
            records=self.tr("Feedback you &noted:"),
            empty=self.tr("No feedback noted yet: fill in the form to add the first."),
            new=self.tr("New feedback"),
            editing=self.tr("Editing the feedback {what}"),
            add=self.tr("Add feedbac&k"),
            save=self.tr("Save feedbac&k"),
            cancel=self.tr("&Cancel editing"),
            edit=self.tr("Edi&t…"),
            discard=self.tr("The feedback in the form has changes that are not saved. "
                            "Discard them?"),
            search=self.tr("Search your feedback (who, what they said, what changed)"),
            nothing=self.tr("No feedback has the words “{words}”."),
            delete=self.tr("&Delete…"),
            confirm=self.tr("Delete the feedback {what}? It is gone for good: there is no "
                            "trash for feedback."))

    def records(self, words: str) -> list[Feedback]:
        return self.journal.cpd.feedback(words)

    def line(self, record: Feedback) -> str:
        return self.tr("{day}: from {role}").format(day=local_day(record.received_on),
                                                     role=record.from_role)

    def what(self, record: Feedback) -> str:
        return self.tr("from {role} on {day}").format(role=record.from_role,
                                                       day=local_day(record.received_on))

    def add(self) -> tuple[int, Changes]:
        done = self.journal.ops.add_feedback(self.feedback_form.draft())
        return done.value, done.changes

    def rewrite(self, record: Feedback) -> Changes:
        return self.journal.ops.update_feedback(record.id, self.feedback_form.draft())

    def delete(self, record: Feedback) -> Changes:
        return self.journal.ops.delete_feedback(record.id)
