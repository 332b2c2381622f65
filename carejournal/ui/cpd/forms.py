"""The learning and feedback forms of View › Learning and Feedback…: the same fields add a
record and edit a stored one. `fill(record)` puts a record in them (None empties them for a
new one) and `draft()` reads them back; a learning record's evidence files are listed, new
ones added and stored ones marked to remove, all written when the worker saves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.cpd import Evidence, Feedback, FeedbackDraft, Learning, LearningDraft, Theme
from carejournal.core.domain import InvalidInput
from carejournal.ui.shared.dates import py_date, qdate

EVIDENCE_ROWS = 3  # the evidence list's height in rows; it scrolls beyond


def date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    return edit


def _hours_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, 1000)
    box.setDecimals(2)
    box.setSingleStep(0.5)
    return box


def _text_box(height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


def _size(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(1, round(size / 1024))} KB"


class LearningForm(QWidget):
    """A learning record's fields; `problem(str)` says why an evidence file was refused."""

    problem = Signal(str)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.evidence: list[Evidence] = []  # new files, stored when the record is saved
        self.stored: list[tuple[int, str, int]] = []  # (id, name, size) of the record's own
        self.removed: set[int] = set()  # stored files to remove when the record is saved
        self.method = QLineEdit(placeholderText=self.tr("course, e-learning, reading…"))
        self.topic = QLineEdit()
        self.start = date_edit(today)
        self.end = date_edit(today)
        self.hours = _hours_box()
        self.participatory = _hours_box()
        self.peer = QCheckBox(self.tr("I reflected on it with a peer"))
        self.changed = _text_box(80)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Method:"), self.method)
        form.addRow(self.tr("&Topic:"), self.topic)
        form.addRow(self.tr("&Started:"), self.start)
        form.addRow(self.tr("E&nded:"), self.end)
        form.addRow(self.tr("&Hours:"), self.hours)
        form.addRow(self.tr("&Participatory hours:"), self.participatory)
        form.addRow(self.tr("The Code:"), self._theme_boxes())
        form.addRow("", self.peer)
        form.addRow(self.tr("What &changed in my practice:"), self.changed)
        form.addRow(self.tr("Evidence:"), self._evidence_part())
        self.show_evidence()

    def _theme_boxes(self) -> QVBoxLayout:
        self.themes = {theme: QCheckBox(text) for theme, text in (
            (Theme.PEOPLE, self.tr("Prioritise people")),
            (Theme.EFFECTIVE, self.tr("Practise effectively")),
            (Theme.SAFETY, self.tr("Preserve safety")),
            (Theme.TRUST, self.tr("Promote professionalism and trust")))}
        column = QVBoxLayout()  # one under another: a longer language needs the width
        column.setSpacing(2)
        for box in self.themes.values():
            column.addWidget(box)
        return column

    def _evidence_part(self) -> QHBoxLayout:
        self.evidence_list = QListWidget()
        self.evidence_list.setAccessibleName(self.tr("Evidence files"))
        self.evidence_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keeps the size
        self.evidence_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = self.evidence_list.fontMetrics().lineSpacing() * EVIDENCE_ROWS
        self.evidence_list.setFixedHeight(rows + 2 * self.evidence_list.frameWidth() + 6)
        self.add_file = QPushButton(self.tr("Add evidence &file…"))
        self.remove_file = QPushButton(self.tr("Remo&ve file"))
        self.remove_file.setToolTip(self.tr("The file goes when you save the record"))
        self.add_file.clicked.connect(self.choose_evidence)
        self.remove_file.clicked.connect(self.remove_chosen)
        self.evidence_list.currentRowChanged.connect(lambda _row: self._enable_remove())
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_file)
        buttons.addWidget(self.remove_file)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.evidence_list, 1)
        row.addLayout(buttons)
        return row

    # -- the record in the fields ---------------------------------------------------------
    def fill(self, record: Learning | None) -> None:
        """Show this record in the fields to edit it, or empty them for a new one."""
        self.method.setText(record.method if record else "")
        self.topic.setText(record.topic if record else "")
        self.start.setDate(qdate(record.started_on if record else self.today))
        self.end.setDate(qdate(record.ended_on if record else self.today))
        self.hours.setValue(record.minutes / 60 if record else 0)
        self.participatory.setValue(record.participatory_minutes / 60 if record else 0)
        for theme, box in self.themes.items():
            box.setChecked(record is not None and theme in record.themes)
        self.peer.setChecked(record.peer_reflection if record else False)
        self.changed.setPlainText(record.changed if record else "")
        self.evidence = []
        self.stored = [(e.id, e.name, e.size) for e in record.evidence] if record else []
        self.removed = set()
        self.show_evidence()

    def draft(self) -> LearningDraft:
        """The record as the fields have it (its new evidence files only)."""
        return LearningDraft(
            self.method.text(), self.topic.text(), py_date(self.start.date()),
            py_date(self.end.date()), round(self.hours.value() * 60),
            round(self.participatory.value() * 60),
            tuple(t for t, box in self.themes.items() if box.isChecked()),
            self.changed.toPlainText(), self.peer.isChecked(), tuple(self.evidence))

    # -- evidence ---------------------------------------------------------------------------
    def choose_evidence(self) -> None:
        """Ask for an evidence file; it is stored when the record is saved."""
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose an evidence file"))
        if name:
            self.add_evidence_file(Path(name))

    def add_evidence_file(self, path: Path) -> bool:
        """Read an evidence file to store with the record; say why not if it cannot be."""
        from carejournal.services.cpd import evidence_from

        try:
            self.evidence.append(evidence_from(path))
        except InvalidInput as exc:
            self.problem.emit(str(exc))
            return False
        self.show_evidence()
        self.evidence_list.setCurrentRow(self.evidence_list.count() - 1)
        return True

    def remove_chosen(self) -> None:
        """Take the chosen file off the record (a stored one goes when it is saved)."""
        item = self.evidence_list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsSelectable:
            return
        which = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(which, int):
            self.removed.add(which)
        else:
            del self.evidence[self.evidence_list.currentRow() - self._stored_shown()]
        self.show_evidence()

    def names(self) -> list[str]:
        """The evidence files the record will have once saved, by name."""
        return [name for i, name, _size in self.stored if i not in self.removed] + [
            e.name for e in self.evidence]

    def _stored_shown(self) -> int:
        return sum(1 for i, _n, _s in self.stored if i not in self.removed)

    def show_evidence(self) -> None:
        """List the files the record will have; a quiet line when there are none."""
        self.evidence_list.clear()
        for evidence_id, name, size in self.stored:
            if evidence_id not in self.removed:
                item = QListWidgetItem(self.tr("{name} ({size})").format(
                    name=name, size=_size(size)))
                item.setData(Qt.ItemDataRole.UserRole, evidence_id)
                item.setToolTip(name)
                self.evidence_list.addItem(item)
        for new in self.evidence:
            self.evidence_list.addItem(self.tr("{name} (new: kept when you save)").format(
                name=new.name))
        empty = not self.names()
        if empty:
            quiet = QListWidgetItem(self.tr("No evidence files"))
            quiet.setFlags(Qt.ItemFlag.NoItemFlags)
            self.evidence_list.addItem(quiet)
        self.evidence_list.setEnabled(not empty)
        self._enable_remove()

    def _enable_remove(self) -> None:
        item = self.evidence_list.currentItem()
        self.remove_file.setEnabled(
            item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsSelectable))


class FeedbackForm(QWidget):
    """A feedback record's fields."""

    problem = Signal(str)  # never says anything: the learning form's counterpart

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.received = date_edit(today)
        self.role = QLineEdit(placeholderText=self.tr("by role only: relative, colleague…"))
        self.said = _text_box(100)
        self.changed = _text_box(80)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Recei&ved:"), self.received)
        form.addRow(self.tr("Fr&om:"), self.role)
        form.addRow(self.tr("What it sa&id, in my words:"), self.said)
        form.addRow(self.tr("What I chan&ged:"), self.changed)

    def fill(self, record: Feedback | None) -> None:
        """Show this record in the fields to edit it, or empty them for a new one."""
        self.received.setDate(qdate(record.received_on if record else self.today))
        self.role.setText(record.from_role if record else "")
        self.said.setPlainText(record.said if record else "")
        self.changed.setPlainText(record.changed if record else "")

    def draft(self) -> FeedbackDraft:
        """The record as the fields have it."""
        return FeedbackDraft(py_date(self.received.date()), self.role.text(),
                             self.said.toPlainText(), self.changed.toPlainText())
