"""Learning and Feedback: a small dialog to record a piece of learning (CPD) or feedback
received, see the ones recorded, and choose the register the tracker counts towards. It
writes through journal.cpd and reports what it changed to the window's ChangeHub."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.changes import Changes
from carejournal.core.cpd import Evidence, FeedbackDraft, LearningDraft, Theme, hours_text
from carejournal.core.domain import InvalidInput
from carejournal.core.errors import JournalError
from carejournal.core.registration import Register

if TYPE_CHECKING:
    from carejournal.services.journal import Journal


def _day(edit: QDateEdit) -> dt.date:
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    return edit


def _hours_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, 1000)
    box.setDecimals(2)
    box.setSingleStep(0.5)
    return box


class LearningDialog(QDialog):
    """Record learning and feedback; choose the register. `changed` goes to the hub."""

    def __init__(self, journal: Journal, report: Callable[[Changes], None] | None = None,
                 parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.report = report  # ChangeHub.report, or None
        self.today = today or dt.date.today()
        self.evidence: list[Evidence] = []
        self.setWindowTitle(self.tr("Learning and Feedback"))
        self.tracker = QLabel(wordWrap=True)
        self.problem = QLabel(wordWrap=True)
        self.problem.setObjectName("cpdProblem")
        tabs = QTabWidget()
        tabs.addTab(self._learning_tab(), self.tr("&Learning"))
        tabs.addTab(self._feedback_tab(), self.tr("Feed&back"))
        tabs.addTab(self._register_tab(), self.tr("R&egister"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tracker)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.refresh()

    # -- the tabs -------------------------------------------------------------------------
    def _learning_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.method = QLineEdit(placeholderText=self.tr("course, e-learning, reading…"))
        self.topic = QLineEdit()
        self.start = _date_edit(self.today)
        self.end = _date_edit(self.today)
        self.hours = _hours_box()
        self.participatory = _hours_box()
        self.themes = {theme: QCheckBox(text) for theme, text in (
            (Theme.PEOPLE, self.tr("Prioritise people")),
            (Theme.EFFECTIVE, self.tr("Practise effectively")),
            (Theme.SAFETY, self.tr("Preserve safety")),
            (Theme.TRUST, self.tr("Promote professionalism and trust")))}
        themes = QVBoxLayout()
        for box in self.themes.values():
            themes.addWidget(box)
        self.peer = QCheckBox(self.tr("I reflected on it with a peer"))
        self.changed = QPlainTextEdit()
        self.changed.setTabChangesFocus(True)
        self.changed.setMaximumHeight(80)
        self.evidence_label = QLabel(self.tr("No evidence files"), wordWrap=True)
        add_file = QPushButton(self.tr("Add evidence &file…"))
        add_file.clicked.connect(self.choose_evidence)
        evidence = QHBoxLayout()
        evidence.addWidget(self.evidence_label, 1)
        evidence.addWidget(add_file)
        form.addRow(self.tr("&Method:"), self.method)
        form.addRow(self.tr("&Topic:"), self.topic)
        form.addRow(self.tr("&Started:"), self.start)
        form.addRow(self.tr("E&nded:"), self.end)
        form.addRow(self.tr("&Hours:"), self.hours)
        form.addRow(self.tr("&Participatory hours:"), self.participatory)
        form.addRow(self.tr("The Code:"), themes)
        form.addRow("", self.peer)
        form.addRow(self.tr("What &changed in my practice:"), self.changed)
        form.addRow(self.tr("Evidence:"), evidence)
        save = QPushButton(self.tr("&Add learning record"))
        save.clicked.connect(self.add_learning)
        self.learning_list = QListWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(save)
        layout.addWidget(self.learning_list, 1)
        return page

    def _feedback_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.received = _date_edit(self.today)
        self.role = QLineEdit(placeholderText=self.tr("by role only: relative, colleague…"))
        self.said = QPlainTextEdit()
        self.said.setTabChangesFocus(True)
        self.said.setMaximumHeight(80)
        self.feedback_changed = QPlainTextEdit()
        self.feedback_changed.setTabChangesFocus(True)
        self.feedback_changed.setMaximumHeight(60)
        form.addRow(self.tr("Recei&ved:"), self.received)
        form.addRow(self.tr("Fr&om:"), self.role)
        form.addRow(self.tr("What it sa&id, in my words:"), self.said)
        form.addRow(self.tr("What I chan&ged:"), self.feedback_changed)
        save = QPushButton(self.tr("Add feedbac&k"))
        save.clicked.connect(self.add_feedback)
        self.feedback_list = QListWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(save)
        layout.addWidget(self.feedback_list, 1)
        return page

    def _register_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.register = QComboBox()
        for register, text in ((Register.NONE, self.tr("None")),
                               (Register.SWE, self.tr("Social Work England")),
                               (Register.NMC, self.tr("Nursing and Midwifery Council")),
                               (Register.SCW, self.tr("Social Care Wales"))):
            self.register.addItem(text, register.value)
        self.register.setCurrentIndex(self.register.findData(self.journal.cpd.register().value))
        revalidation = self.journal.cpd.revalidation_on() or self.today
        self.revalidation = _date_edit(revalidation)
        save = QPushButton(self.tr("&Use this register"))
        save.clicked.connect(self.save_register)
        form.addRow(self.tr("My registe&r:"), self.register)
        form.addRow(self.tr("NMC revalidation &date:"), self.revalidation)
        form.addRow("", save)
        return page

    # -- writes ---------------------------------------------------------------------------
    def choose_evidence(self) -> None:
        """Ask for an evidence file; it is kept with the next learning record added."""
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose an evidence file"))
        if name:
            self.add_evidence_file(Path(name))

    def add_evidence_file(self, path: Path) -> None:
        from carejournal.services.cpd import evidence_from

        try:
            self.evidence.append(evidence_from(path))
        except InvalidInput as exc:
            self.problem.setText(str(exc))
            return
        self.evidence_label.setText(", ".join(e.name for e in self.evidence))

    def add_learning(self) -> None:
        """Add the learning record as written; say why not if it cannot be."""
        draft = LearningDraft(
            self.method.text(), self.topic.text(), _day(self.start), _day(self.end),
            round(self.hours.value() * 60), round(self.participatory.value() * 60),
            tuple(t for t, box in self.themes.items() if box.isChecked()),
            self.changed.toPlainText(), self.peer.isChecked(), tuple(self.evidence))
        if self._write(lambda: self.journal.cpd.add_learning(draft)):
            for edit in (self.method, self.topic):
                edit.clear()
            self.changed.clear()
            self.evidence.clear()
            self.evidence_label.setText(self.tr("No evidence files"))

    def add_feedback(self) -> None:
        """Add the feedback as written; say why not if it cannot be."""
        draft = FeedbackDraft(_day(self.received), self.role.text(), self.said.toPlainText(),
                              self.feedback_changed.toPlainText())
        if self._write(lambda: self.journal.cpd.add_feedback(draft)):
            self.role.clear()
            self.said.clear()
            self.feedback_changed.clear()

    def save_register(self) -> None:
        """Keep the register and its revalidation date."""
        register = Register(self.register.currentData())

        def write() -> None:
            self.journal.cpd.set_register(register)
            self.journal.cpd.set_revalidation_on(
                _day(self.revalidation) if register is Register.NMC else None)
        self._write(write)

    def _write(self, write: Callable[[], object]) -> bool:
        try:
            write()
        except (InvalidInput, JournalError) as exc:
            self.problem.setText(str(exc))
            return False
        self.problem.clear()
        if self.report is not None:
            self.report(Changes(settings=True))
        self.refresh()
        return True

    # -- reading --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the records and the tracker's figures again."""
        cpd = self.journal.cpd
        self.tracker.setText(cpd.status(self.today).text)
        self.tracker.setVisible(bool(self.tracker.text()))
        self.learning_list.clear()
        for r in cpd.learning():
            self.learning_list.addItem(self.tr("{day}: {method}, {topic} ({hours} h)").format(
                day=r.ended_on.isoformat(), method=r.method, topic=r.topic,
                hours=hours_text(r.minutes)))
        self.feedback_list.clear()
        for f in cpd.feedback():
            self.feedback_list.addItem(self.tr("{day}: from {role}").format(
                day=f.received_on.isoformat(), role=f.from_role))
