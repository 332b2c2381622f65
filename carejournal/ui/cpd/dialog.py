"""Learning and Feedback: record a piece of learning (CPD) or feedback received, see, edit
and delete the ones recorded (ui/cpd/pages.py), and choose the register the tracker counts
towards. Records are written through journal.ops; the register through journal.cpd. What
changed goes to the window's ChangeHub."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.changes import Changes
from carejournal.core.domain import InvalidInput
from carejournal.core.errors import JournalError
from carejournal.core.registration import Register
from carejournal.ui.cpd.forms import FeedbackForm, LearningForm, date_edit
from carejournal.ui.cpd.pages import FeedbackPage, LearningPage
from carejournal.ui.shared.dates import py_date

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

SIZE = (940, 580)  # the list beside the form; window_state makes it fit a smaller screen


class LearningDialog(QDialog):
    """Learning and feedback records; the register. Each write's Changes go to `report`."""

    def __init__(self, journal: Journal, report: Callable[[Changes], None] | None = None,
                 parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.report = report  # ChangeHub.report, or None
        self.today = today or dt.date.today()
        self.setWindowTitle(self.tr("Learning and Feedback"))
        self.tracker = QLabel(wordWrap=True)
        self.problem = QLabel(wordWrap=True)
        self.problem.setObjectName("cpdProblem")
        self.learning_form = LearningForm(self.today)
        self.feedback_form = FeedbackForm(self.today)
        self.learning = LearningPage(journal, self.learning_form)
        self.feedback = FeedbackPage(journal, self.feedback_form)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.learning, self.tr("&Learning"))
        self.tabs.addTab(self.feedback, self.tr("Feed&back"))
        self.tabs.addTab(self._register_tab(), self.tr("R&egister"))
        for page in (self.learning, self.feedback):
            page.written.connect(self._written)
            page.problem.connect(self.problem.setText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tracker)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(*SIZE)
        self.refresh()

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
        self.revalidation = date_edit(revalidation)
        discussed = self.journal.cpd.discussion_on()
        self.discussed = QCheckBox(self.tr("I have had my reflective discussion, &on:"))
        self.discussed.setChecked(discussed is not None)
        self.discussion = date_edit(discussed or self.today)
        self.discussion.setAccessibleName(self.tr("Reflective discussion held on"))
        discussion = QHBoxLayout()
        discussion.addWidget(self.discussed)
        discussion.addWidget(self.discussion)
        discussion.addStretch(1)
        save = QPushButton(self.tr("&Use this register"))
        save.clicked.connect(self.save_register)
        row = QHBoxLayout()
        row.addWidget(save)
        row.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(QLabel(self.tr(
            "The tracker above counts your learning, feedback and reflective accounts "
            "towards what your register asks for."), wordWrap=True))
        form.addRow(self.tr("My registe&r:"), self.register)
        form.addRow(self.tr("NMC revalidation &date:"), self.revalidation)
        form.addRow("", discussion)
        form.addRow("", row)
        self.register.currentIndexChanged.connect(self._nmc_only)
        self.discussed.toggled.connect(self._nmc_only)
        self._nmc_only()
        return page

    def _nmc_only(self) -> None:
        """The revalidation date and the reflective discussion are the NMC's; the other
        registers' years are fixed."""
        nmc = self.register.currentData() == Register.NMC.value
        self.revalidation.setEnabled(nmc)
        self.discussed.setEnabled(nmc)
        self.discussion.setEnabled(nmc and self.discussed.isChecked())

    def reject(self) -> None:
        """Close (Close, Escape, the window's close button), but not over typing that is not
        saved unless the worker says to discard it."""
        for page in (self.learning, self.feedback):
            if page.unsaved():
                self.tabs.setCurrentWidget(page)
                if not page.may_replace_form():
                    return
        super().reject()

    # -- writes ---------------------------------------------------------------------------
    def add_learning(self) -> bool:
        """Add the learning record as written, or save the one being edited."""
        return self.learning.save()

    def add_feedback(self) -> bool:
        """Add the feedback as written, or save the one being edited."""
        return self.feedback.save()

    def save_register(self) -> None:
        """Keep the register and its revalidation date."""
        register = Register(self.register.currentData())
        try:
            self.journal.cpd.set_register(register)
            nmc = register is Register.NMC
            self.journal.cpd.set_revalidation_on(
                py_date(self.revalidation.date()) if nmc else None)
            self.journal.cpd.set_discussion_on(
                py_date(self.discussion.date()) if nmc and self.discussed.isChecked()
                else None)
        except (InvalidInput, JournalError) as exc:
            self.problem.setText(str(exc))
            return
        self._written(Changes(settings=True))

    def _written(self, changes: Changes) -> None:
        self.problem.clear()
        if self.report is not None:
            self.report(changes)
        self.refresh_tracker()

    # -- reading --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the records and the tracker's figures again."""
        self.refresh_tracker()
        self.learning.refresh()
        self.feedback.refresh()

    def refresh_tracker(self) -> None:
        """The tracker's line above the tabs (none until a register is chosen)."""
        self.tracker.setText(self.journal.cpd.status(self.today).text)
        self.tracker.setVisible(bool(self.tracker.text()))
