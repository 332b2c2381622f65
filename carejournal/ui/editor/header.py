"""The top of the entry editor: kind, feeling, when, people and tags (and the title)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from carejournal.core.domain import (
    SHIFT_SUGGESTIONS,
    EntryDraft,
    EntryKind,
    Feeling,
    split_names,
)
from carejournal.core.kinds import KINDS
from carejournal.ui.shared.dates import py_date, py_time
from carejournal.ui.shared.name_completer import CommaCompleter
from carejournal.ui.shared.strings import kind_label


class EditorHeader(QWidget):
    """The fields every kind of entry shares. Emits `changed` on each edit."""

    changed = Signal()
    kind_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Asked (old kind, new kind) before the kind changes; False puts the old one back.
        self.confirm_kind: Callable[[EntryKind, EntryKind], bool] = lambda _old, _new: True
        self.kind = QComboBox()
        for spec in KINDS:
            self.kind.addItem(kind_label(spec.kind), spec.key)
        self._kind_shown = 0
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        self.has_time = QCheckBox(self.tr("at"))
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
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
        self.people_completer = CommaCompleter(self.people)
        self.tags_completer = CommaCompleter(self.tags)
        self._name_widgets()
        self._lay_out()
        self._connect()

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
        }
        for widget, name in names.items():
            widget.setAccessibleName(name)

    def _lay_out(self) -> None:
        """Three compact rows (kind and feeling, when, who and tags); the title goes above
        the text, in `title_row`, so it stays in view when these fold away."""
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        first = QHBoxLayout()
        first.addWidget(self.kind)
        first.addSpacing(12)
        first.addWidget(_label(self.tr("Fee&ling"), self.feeling))
        first.addWidget(self.feeling)
        first.addWidget(self.feeling_word, 1)
        form.addRow(self.tr("&Kind"), first)
        _set_buddy(form.labelForField(first), self.kind)
        when = QHBoxLayout()
        for widget in (self.date, self.has_time, self.time, QLabel(self.tr("Shift")), self.shift):
            when.addWidget(widget)
        when.addStretch(1)
        form.addRow(self.tr("&When"), when)
        _set_buddy(form.labelForField(when), self.date)
        who = QHBoxLayout()
        who.addWidget(self.people, 3)
        who.addWidget(_label(self.tr("T&ags"), self.tags))
        who.addWidget(self.tags, 2)
        form.addRow(self.tr("&People"), who)
        _set_buddy(form.labelForField(who), self.people)
        self.title_row = QWidget()
        title = QHBoxLayout(self.title_row)
        title.setContentsMargins(0, 0, 0, 0)
        title.addWidget(_label(self.tr("T&itle"), self.title))
        title.addWidget(self.title, 1)

    def summary(self) -> str:
        """One line for the folded header: the day, the people, the tags and the feeling."""
        parts = [self.date.date().toString("ddd d MMM")]
        for text in (self.people.text(), self.tags.text()):  # as typed: too long is fine here
            names = [name.strip() for name in text.split(",") if name.strip()]
            if names:
                parts.append(", ".join(names))
        score = self.feeling.currentData()
        if score:
            word = self.feeling_word.text().strip()
            parts.append(self.tr("feeling {score} {word}").format(score=score, word=word).strip())
        return " · ".join(parts)

    def _connect(self) -> None:
        for signal in (self.date.dateChanged,
                       self.has_time.toggled, self.time.timeChanged,
                       self.shift.currentTextChanged, self.people.textChanged,
                       self.tags.textChanged, self.feeling.currentIndexChanged,
                       self.feeling_word.textChanged, self.title.textChanged):
            signal.connect(self.changed)
        self.has_time.toggled.connect(self.time.setEnabled)
        self.kind.currentIndexChanged.connect(self._on_kind)

    def _on_kind(self, index: int) -> None:
        """A new kind is kept only if confirm_kind agrees; then `changed` and `kind_changed`."""
        old = EntryKind(self.kind.itemData(self._kind_shown))
        if index != self._kind_shown and not self.confirm_kind(old, self.current_kind()):
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(self._kind_shown)
            self.kind.blockSignals(False)
            return
        self._kind_shown = index
        self.changed.emit()
        self.kind_changed.emit()

    def current_kind(self) -> EntryKind:
        """The chosen kind (Qt hands enum data back as plain strings)."""
        return EntryKind(self.kind.currentData())

    def fill(self, draft: EntryDraft | Any) -> None:
        """Show a draft's shared fields (signals still fire; the editor ignores them)."""
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

    def draft(self, **parts: Any) -> EntryDraft:
        """A draft of these fields plus the given parts; InvalidInput for overlong names."""
        score = self.feeling.currentData()
        time = py_time(self.time.time()) if self.has_time.isChecked() else None
        return EntryDraft(
            kind=self.current_kind(),
            occurred_on=py_date(self.date.date()),
            occurred_time=time.replace(second=0, microsecond=0) if time else None,
            shift=self.shift.currentText(),
            people=split_names(self.people.text()),
            tags=split_names(self.tags.text()),
            feeling=Feeling(score, self.feeling_word.text().strip()) if score else None,
            title=self.title.text(),
            **parts,
        )

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.kind, self.date, self.has_time, self.time, self.shift,
                       self.feeling):
            widget.setEnabled(not read_only)
        self.time.setEnabled(not read_only and self.has_time.isChecked())
        for edit in (self.people, self.tags, self.feeling_word, self.title):
            edit.setReadOnly(read_only)

    def set_names(self, people: list[str], tags: list[str]) -> None:
        """Names offered as completions."""
        self.people_completer.set_names(people)
        self.tags_completer.set_names(tags)


def _label(text: str, buddy: QWidget) -> QLabel:
    """A label with a mnemonic for its field."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _set_buddy(label: QWidget | None, buddy: QWidget) -> None:
    """Give a form row's label (a QLabel, made by addRow) its field, for the mnemonic."""
    if isinstance(label, QLabel):
        label.setBuddy(buddy)
