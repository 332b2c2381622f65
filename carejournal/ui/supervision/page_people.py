"""Step 3 of the preparation: for each person in the chosen entries, the strengths and the
problems noted. Someone with only problems noted gets a gentle prompt: add a strength you
saw, or bring it to supervision as a question."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.preparation import PersonStrengths, Preparation
from carejournal.services.journal import Journal
from carejournal.ui.shared.colours import is_dark
from carejournal.ui.supervision.prepare_common import (
    PROBLEMS,
    PrepPage,
    button,
    content_or_empty,
    heading,
    show_content,
    text_label,
)

NAME_ROLE = Qt.ItemDataRole.UserRole
GENTLE = ("#fdf3e1", "#4a3a1c")  # a soft amber behind someone to look at again (light, dark)


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


class StrengthsPage(PrepPage):
    """Strengths and problems noted per person, with a prompt where only problems were."""

    PERSON, ENTRIES, STRENGTHS, PROBLEMS_, SEEN = range(5)

    def __init__(self, journal: Journal, prep: Preparation,
                 parent: QWidget | None = None) -> None:
        super().__init__(journal, prep, parent)
        self.setTitle(self.tr("Step 3 of 8: strengths"))
        self.setSubTitle(self.tr(
            "Supervision goes better when we bring people's strengths as well as their "
            "problems. Here is what you noted about each person in the entries you chose."))
        self.people: list[PersonStrengths] = []
        self._build()

    def _build(self) -> None:
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Person"), self.tr("Entries"), self.tr("Strength words"),
            self.tr("Problem words"), self.tr("A strength I saw")])
        self.table.setAccessibleName(self.tr("Strengths and problems noted for each person"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.SEEN, QHeaderView.ResizeMode.Stretch)
        self.empty = text_label(self.tr(
            "Nobody is named in the entries you chose, so there is nothing to weigh up here."))
        self.person = heading("")
        self.person.setAccessibleName(self.tr("The person chosen"))
        self.prompt = text_label(accessible=self.tr("About the person chosen"))
        self.strength = QLineEdit()
        self.strength.setAccessibleName(self.tr("A strength I saw"))
        self.strength.setPlaceholderText(self.tr("in a few words, e.g. remembered my name"))
        label = QLabel(self.tr("A &strength I saw:"))
        label.setBuddy(self.strength)
        self.add_button = button(self.tr("&Add a strength I saw"),
                                 self.tr("Add the strength I saw"))
        self.question_button = button(self.tr("Bring as a &question"), self.tr(
            "Bring to supervision: what strengths might I be missing?"))
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.strength, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.question_button)
        self.details = QWidget()
        box = QVBoxLayout(self.details)
        box.setContentsMargins(0, 6, 0, 0)
        box.addWidget(self.person)
        box.addWidget(self.prompt)
        box.addLayout(row)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.details)
        self.stack = content_or_empty(content, self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        self.table.currentCellChanged.connect(lambda *_: self.show_current())
        self.add_button.clicked.connect(self.add_strength)
        self.strength.returnPressed.connect(self.add_strength)
        self.strength.textChanged.connect(lambda _t: self._enable())
        self.question_button.clicked.connect(self.bring_question)

    # -- showing -------------------------------------------------------------
    def initializePage(self) -> None:
        self.say("")
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        """Reload the people of the chosen entries, keeping the one chosen."""
        keep = select or self.current_name()
        try:
            self.people = self.journal.preparing.strengths(self.prep)
        except PROBLEMS as exc:
            self.problem(exc)
            self.people = []
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.people))
        for n, person in enumerate(self.people):
            self._fill(n, person)
        self.table.blockSignals(False)
        show_content(self.stack, bool(self.people))
        row = next((n for n, p in enumerate(self.people) if p.name == keep), None)
        if row is None:  # first visit: start with someone who needs a second look
            row = next((n for n, p in enumerate(self.people) if p.needs_strength), 0)
        if self.people:
            self.table.setCurrentCell(row, self.PERSON)
        self.show_current()

    def _fill(self, n: int, person: PersonStrengths) -> None:
        cells = [person.name, str(person.entries), str(person.strengths),
                 str(person.problems), self._seen_text(person)]
        tint = QBrush(QColor(GENTLE[1] if is_dark(self) else GENTLE[0]))
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setData(NAME_ROLE, person.name)
            if column in (self.ENTRIES, self.STRENGTHS, self.PROBLEMS_):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if person.needs_strength:
                cell.setBackground(tint)
                cell.setToolTip(self.tr("Only problems noted so far"))
            self.table.setItem(n, column, cell)

    def _seen_text(self, person: PersonStrengths) -> str:
        if person.noted:
            return person.noted
        if self.prep.brought(f"strength:{person.name}"):
            return self.tr("Brought as a question")
        if person.needs_strength:
            return self.tr("Only problems noted so far: what did you see them do well?")
        return ""

    def current(self) -> PersonStrengths | None:
        """The person chosen in the table."""
        name = self.current_name()
        return next((p for p in self.people if p.name == name), None)

    def current_name(self) -> str | None:
        cell = self.table.item(self.table.currentRow(), self.PERSON)
        return cell.data(NAME_ROLE) if cell is not None else None

    def show_current(self) -> None:
        person = self.current()
        if person is None:
            self.person.clear()
            self.prompt.clear()
        else:
            self.person.setText(person.name)
            self.prompt.setText(prompt_text(person, self.prep.brought(
                f"strength:{person.name}")))
            self.strength.setText(person.noted)
        self._enable()

    def _enable(self) -> None:
        person = self.current()
        self.strength.setEnabled(person is not None)
        self.add_button.setEnabled(person is not None and bool(self.strength.text().strip()))
        self.question_button.setEnabled(
            person is not None and person.needs_strength
            and not self.prep.brought(f"strength:{person.name}"))

    # -- choosing ------------------------------------------------------------
    def add_strength(self) -> None:
        """Note the strength the worker saw in the person chosen."""
        person = self.current()
        if person is None:
            return
        try:
            self.journal.preparing.note_strength(self.prep, person.name, self.strength.text())
        except PROBLEMS as exc:
            self.problem(exc)
            return
        self.refresh(person.name)
        self.saved(self.tr("Noted. It goes in the pack with what you wrote about {name}.")
                   .format(name=person.name))

    def bring_question(self) -> None:
        """Bring to supervision: what strengths might I be missing in this person?"""
        person = self.current()
        if person is None:
            return
        self.journal.preparing.strength_question(self.prep, person.name)
        self.refresh(person.name)
        self.saved(self.tr("It is on the agenda as a question."))


def prompt_text(person: PersonStrengths, brought: bool) -> str:
    """A few kind words about what was noted for someone."""
    if person.noted:
        return translate(
            "CareJournal", "You noted a strength: {strength}").format(strength=person.noted)
    if brought:
        return translate(
            "CareJournal", "You are bringing this to supervision: what strengths might you be "
                  "missing in {name}?").format(name=person.name)
    if person.needs_strength:
        return translate("CareJournal", "So far you have noted only problems for {name}. "
                         "Everyone has strengths: add one you saw, even a small one, or bring "
                         "it to supervision as a question.").format(name=person.name)
    if person.problems:
        return translate(
            "CareJournal", "You noted strengths as well as problems for {name}.").format(
            name=person.name)
    if person.strengths:
        return translate("CareJournal", "You noted strengths for {name}.").format(name=person.name)
    return translate("CareJournal", "{name} is in your entries; the lens found no strength or "
                     "problem words.").format(name=person.name)
