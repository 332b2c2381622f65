"""The entry editor: kind, when, people, tags, feeling, title and text."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from carejournal.domain import (
    SHIFT_SUGGESTIONS,
    Entry,
    EntryDraft,
    EntryKind,
    Feeling,
    split_names,
)
from carejournal.ui.body_edit import BodyEdit
from carejournal.ui.colours import problem_banner_style
from carejournal.ui.name_completer import CommaCompleter
from carejournal.ui.strings import kind_description, kind_label


class EntryEditor(QWidget):
    """Edits one entry. Emits `edited` on every change the person makes."""

    edited = Signal()
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.entry_id: int | None = None
        self._kept: EntryDraft | None = None  # structured parts the form does not show yet
        self._build()
        self._connect()

    def _build(self) -> None:
        self.kind = QComboBox()
        for kind in EntryKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.date = QDateEdit(calendarPopup=True, displayFormat="ddd d MMM yyyy")
        self.has_time = QCheckBox(self.tr("at"))
        self.time = QTimeEdit(displayFormat="HH:mm")
        self.shift = QComboBox(editable=True)
        self.shift.addItems(["", *SHIFT_SUGGESTIONS])
        self.people = QLineEdit(placeholderText=self.tr("Names or pseudonyms, separated by commas"))
        self.tags = QLineEdit(placeholderText=self.tr("Tags, separated by commas"))
        self.feeling = QComboBox()
        self.feeling.addItem(self.tr("Not recorded"), None)
        for score, label in enumerate(self._feeling_labels(), start=1):
            self.feeling.addItem(label, score)
        self.feeling_word = QLineEdit(placeholderText=self.tr("In a word (optional)"))
        self.title = QLineEdit(placeholderText=self.tr("Title (optional)"))
        self.body = BodyEdit(placeholderText=self.tr("What happened? How did it feel?"))
        self.hint = QLabel(wordWrap=True)
        self.hint.setStyleSheet("font-style: italic;")
        self.error = QLabel(wordWrap=True)
        self.error.hide()
        self.retry = QPushButton(self.tr("Try saving again"))
        self.retry.hide()
        self.people_completer = CommaCompleter(self.people)
        self.tags_completer = CommaCompleter(self.tags)
        self._name_widgets()
        self._lay_out()

    def _feeling_labels(self) -> list[str]:
        return [self.tr("1 – very low"), self.tr("2 – low"), self.tr("3 – okay"),
                self.tr("4 – good"), self.tr("5 – very good")]

    def _name_widgets(self) -> None:
        names = {
            self.kind: self.tr("Kind of entry"), self.date: self.tr("Date"),
            self.has_time: self.tr("Record a time"), self.time: self.tr("Time"),
            self.shift: self.tr("Shift"), self.people: self.tr("People involved"),
            self.tags: self.tr("Tags"), self.feeling: self.tr("How I felt"),
            self.feeling_word: self.tr("Feeling in a word"), self.title: self.tr("Title"),
            self.body: self.tr("Entry text"), self.retry: self.tr("Try saving again"),
            self.error: self.tr("Save problem"),
        }
        for widget, name in names.items():
            widget.setAccessibleName(name)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Kind"), self.kind)
        when = QHBoxLayout()
        for widget in (self.date, self.has_time, self.time, QLabel(self.tr("Shift")), self.shift):
            when.addWidget(widget)
        when.addStretch(1)
        form.addRow(self.tr("&When"), when)
        form.labelForField(when).setBuddy(self.date)
        form.addRow(self.tr("&People"), self.people)
        form.addRow(self.tr("T&ags"), self.tags)
        feeling = QHBoxLayout()
        feeling.addWidget(self.feeling)
        feeling.addWidget(self.feeling_word, 1)
        form.addRow(self.tr("Fee&ling"), feeling)
        form.labelForField(feeling).setBuddy(self.feeling)
        form.addRow(self.tr("T&itle"), self.title)
        layout = QVBoxLayout(self)
        problem = QHBoxLayout()
        problem.addWidget(self.error, 1)
        problem.addWidget(self.retry)
        layout.addLayout(problem)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)

    def _connect(self) -> None:
        for signal in (self.kind.currentIndexChanged, self.date.dateChanged,
                       self.has_time.toggled, self.time.timeChanged,
                       self.shift.currentTextChanged, self.people.textChanged,
                       self.tags.textChanged, self.feeling.currentIndexChanged,
                       self.feeling_word.textChanged, self.title.textChanged,
                       self.body.textChanged):
            signal.connect(self._on_edit)
        self.has_time.toggled.connect(self.time.setEnabled)
        self.kind.currentIndexChanged.connect(self._show_hint)
        self.retry.clicked.connect(self.retry_requested)

    def _on_edit(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _show_hint(self) -> None:
        self.hint.setText(kind_description(self.current_kind()))

    def current_kind(self) -> EntryKind:
        """The chosen kind (Qt hands enum data back as plain strings)."""
        return EntryKind(self.kind.currentData())

    # -- loading and reading -------------------------------------------------
    def load(self, entry: Entry) -> None:
        """Show a stored entry."""
        self.entry_id = entry.id
        self._fill(entry.draft())

    def start_new(self, kind: EntryKind, today: dt.date | None = None) -> None:
        """Show an empty entry of this kind, dated today."""
        self.entry_id = None
        self._fill(EntryDraft(kind=kind, occurred_on=today or dt.date.today()))
        self.body.setFocus()

    def _fill(self, draft: EntryDraft) -> None:
        self._loading = True
        self._kept = draft
        try:
            self.kind.setCurrentIndex(self.kind.findData(draft.kind.value))
            d = draft.occurred_on
            self.date.setDate(QDate(d.year, d.month, d.day))
            self.has_time.setChecked(draft.occurred_time is not None)
            self.time.setEnabled(draft.occurred_time is not None)
            t = draft.occurred_time
            self.time.setTime(QTime(t.hour, t.minute) if t else QTime.currentTime())
            self.shift.setCurrentText(draft.shift)
            self.people.setText(", ".join(draft.people))
            self.tags.setText(", ".join(draft.tags))
            score = draft.feeling.score if draft.feeling else None
            self.feeling.setCurrentIndex(self.feeling.findData(score) if score else 0)
            self.feeling_word.setText(draft.feeling.word if draft.feeling else "")
            self.title.setText(draft.title)
            self.body.set_text(draft.body)
            self._show_hint()
            self.clear_error()
        finally:
            self._loading = False

    def draft(self) -> EntryDraft:
        """What the editor holds now; raises InvalidInput for names that are too long."""
        score = self.feeling.currentData()
        time = self.time.time().toPython() if self.has_time.isChecked() else None
        kept = self._kept or EntryDraft(kind=self.current_kind(), occurred_on=dt.date.today())
        return replace(
            kept,
            kind=self.current_kind(),
            occurred_on=self.date.date().toPython(),
            occurred_time=time.replace(second=0, microsecond=0) if time else None,
            shift=self.shift.currentText(),
            people=split_names(self.people.text()),
            tags=split_names(self.tags.text()),
            feeling=Feeling(score, self.feeling_word.text().strip()) if score else None,
            title=self.title.text(),
            body=self.body.toPlainText(),
        )

    def is_blank(self) -> bool:
        """True if nothing has been written yet (no title, no text)."""
        return not self.title.text().strip() and not self.body.toPlainText().strip()

    # -- state ---------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        """Lock the editor (for entries in the trash)."""
        for widget in (self.kind, self.date, self.has_time, self.time, self.shift,
                       self.feeling):
            widget.setEnabled(not read_only)
        self.time.setEnabled(not read_only and self.has_time.isChecked())
        for edit in (self.people, self.tags, self.feeling_word, self.title):
            edit.setReadOnly(read_only)
        self.body.setReadOnly(read_only)

    def set_names(self, people: list[str], tags: list[str]) -> None:
        """Names offered as completions."""
        self.people_completer.set_names(people)
        self.tags_completer.set_names(tags)

    def show_error(self, message: str) -> None:
        """Show a save problem loudly; the text stays in the editor."""
        self.error.setStyleSheet(problem_banner_style(self))
        self.error.setText(message)
        self.error.show()
        self.retry.show()

    def clear_error(self) -> None:
        """Hide the save problem."""
        self.error.hide()
        self.retry.hide()
