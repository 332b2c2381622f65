"""The guided preparation for supervision: eight steps in a wizard, saved as the worker goes so
it can be closed and finished later. If no session is planned, it asks for the next one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from carejournal.core.preparation import Preparation, Step
from carejournal.core.supervision import Session
from carejournal.services.journal import Journal
from carejournal.services.supervision import NoSession
from carejournal.ui.shared.dates import py_date, qdate
from carejournal.ui.shared.pickers import date_edit
from carejournal.ui.shared.tab_order import follow_layout
from carejournal.ui.supervision.page_agenda import AgendaPage
from carejournal.ui.supervision.page_entries import EntriesPage
from carejournal.ui.supervision.page_export import ExportPage
from carejournal.ui.supervision.page_how import HowIAmPage
from carejournal.ui.supervision.page_language import LanguagePage
from carejournal.ui.supervision.page_people import StrengthsPage
from carejournal.ui.supervision.page_power import PowerPage
from carejournal.ui.supervision.page_situation import SituationPage
from carejournal.ui.supervision.prepare_common import (
    PROBLEMS,
    PrepPage,
    day_text,
    text_label,
)

WIZARD_SIZE = (1000, 700)
DAYS_AHEAD = 7


class PrepareWizard(QWizard):
    """Period and entries, language, strengths, power and fallibility, a situation, how I
    am, agenda, export."""

    entry_changed = Signal(int)  # an entry was reworded: the window should show it anew

    def __init__(self, journal: Journal, prep: Preparation,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.prep = prep
        self._restoring = False
        session = journal.supervision.session(prep.session_id)
        self.setWindowTitle(self.tr("Prepare for supervision on {date}").format(
            date=day_text(session.held_on, long=True)))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Close for now"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Done"))
        self.pages: dict[Step, PrepPage] = {}
        for step, page_class in ((Step.ENTRIES, EntriesPage), (Step.LANGUAGE, LanguagePage),
                                 (Step.STRENGTHS, StrengthsPage), (Step.POWER, PowerPage),
                                 (Step.SITUATION, SituationPage), (Step.HOW_I_AM, HowIAmPage),
                                 (Step.AGENDA, AgendaPage), (Step.EXPORT, ExportPage)):
            page = page_class(journal, prep, self)
            page.changed.connect(self.save)
            page.changed.connect(lambda p=page: follow_layout(p))  # rows may have come
            page.entry_changed.connect(self.entry_changed)
            self.setPage(int(step), page)
            self.pages[step] = page
        self.setStartId(int(Step.ENTRIES))
        self.resize(*WIZARD_SIZE)
        self.currentIdChanged.connect(self._page_changed)
        self.restore()

    def restore(self) -> None:
        """Start again at the step reached last time, through the steps before it."""
        reached = self.prep.step
        self._restoring = True
        self.restart()
        while self.currentId() != -1 and self.currentId() < int(reached):
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break
        self._restoring = False
        self.prep.step = Step(self.currentId()) if self.currentId() > 0 else reached

    def step(self) -> Step:
        """The step shown."""
        return Step(self.currentId())

    def page_for(self, step: Step) -> PrepPage:
        return self.pages[step]

    def save(self) -> bool:
        """Keep the preparation as it stands; a problem is said calmly, never lost silently."""
        if self._restoring:
            return True
        try:
            self.journal.supervision.save(self.prep)
        except PROBLEMS as exc:
            QMessageBox.warning(self, self.tr("Not saved yet"), self.tr(
                "Your preparation could not be saved: {problem}").format(problem=exc))
            return False
        return True

    def _page_changed(self, page_id: int) -> None:
        page = self.currentPage()
        if page is not None:
            follow_layout(page)  # Tab in the order the page shows what it filled in
        if page_id > 0 and not self._restoring:
            self.prep.step = Step(page_id)
            self.save()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter does one thing, in the field that has the focus: a field's Enter (adding the
        question, finishing a name) never also presses Next or Done; on a button it presses
        that button."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not isinstance(self.focusWidget(), QAbstractButton):
            event.accept()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        """Closing, cancelling or finishing: the preparation is saved first."""
        self.save()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save()
        super().closeEvent(event)


class NextSessionDialog(QDialog):
    """Asks when the next supervision is (and with whom), when none is planned yet."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("When is your next supervision?"))
        intro = text_label(self.tr(
            "No supervision session is planned yet. When is the next one? The preparation "
            "will be kept with it, so you can come back to it."))
        self.date = date_edit(self.tr("Date of the next supervision"))
        self.date.setMinimumDate(qdate(today))
        self.date.setDate(qdate(today + dt.timedelta(days=DAYS_AHEAD)))
        self.supervisor = QLineEdit()
        self.supervisor.setAccessibleName(self.tr("Supervisor's name or role (optional)"))
        self.supervisor.setPlaceholderText(self.tr("e.g. Sam, or team leader"))
        form = QFormLayout()
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("&Supervisor:"), self.supervisor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start &preparing"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())

    def session(self) -> Session:
        """The session described in the dialog."""
        return Session(py_date(self.date.date()), self.supervisor.text())


def open_prepare_wizard(parent: QWidget | None, journal: Journal,
                        today: dt.date) -> PrepareWizard | None:
    """Open the preparation for the next session (asking for its date if none is planned);
    None if the worker cancelled or something could not be read."""
    try:
        prep = load_or_plan(parent, journal, today)
        if prep is None:
            return None
        wizard = PrepareWizard(journal, prep, parent)
    except PROBLEMS as exc:
        QMessageBox.warning(parent, QCoreApplication.translate(
            "CareJournal", "The preparation could not open"), str(exc))
        return None
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.setWindowModality(Qt.WindowModality.WindowModal)
    wizard.show()
    return wizard


def load_or_plan(parent: QWidget | None, journal: Journal,
                 today: dt.date) -> Preparation | None:
    """The preparation for the next session; if none is planned, ask for one and add it."""
    try:
        return journal.supervision.prepare_next(today)
    except NoSession:
        pass
    dialog = NextSessionDialog(today, parent)
    try:
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                journal.supervision.add(dialog.session())
            except PROBLEMS as exc:
                QMessageBox.warning(dialog, QCoreApplication.translate(
                    "NextSessionDialog", "That did not work"), str(exc))
                continue
            return journal.supervision.prepare_next(today)
        return None
    finally:
        dialog.deleteLater()
