"""Quick capture after a shift: an interaction, a little thing or an own-fallibility note."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QWidget,
)

from carejournal.core.domain import (
    SHIFT_SUGGESTIONS,
    EntryDraft,
    EntryKind,
    InvalidInput,
    split_names,
)
from carejournal.core.errors import EntryNotFound, JournalError, ResourceError
from carejournal.core.kinds import capture_kinds, spec_of
from carejournal.core.templates import prompted_template
from carejournal.lens.matcher import Lens
from carejournal.services.journal import Journal
from carejournal.ui.editor.body_edit import BodyEdit
from carejournal.ui.lens.highlighter import LensContext
from carejournal.ui.shared.colours import problem_banner_style
from carejournal.ui.shared.dates import py_date, qdate
from carejournal.ui.shared.strings import body_question, kind_description, kind_label

CAPTURE_KINDS = capture_kinds()
PROBLEMS = (InvalidInput, JournalError, EntryNotFound, OSError)


@dataclass(frozen=True, slots=True)
class Capture:
    """What the quick capture holds: a kind, when, which shift, who, the words, and the act
    for a little thing."""

    kind: EntryKind
    day: dt.date
    shift: str = ""
    people: tuple[str, ...] = ()
    text: str = ""
    act_id: int | None = None
    dismissed: tuple[str, ...] = ()  # lens findings left as they are, as the editor keeps them


def capture_draft(journal: Journal, capture: Capture) -> EntryDraft:
    """The entry to store; a little thing is recorded as journal.kindness.log records it."""
    if not spec_of(capture.kind).one_act:
        return EntryDraft(kind=capture.kind, occurred_on=capture.day, body=capture.text,
                          shift=capture.shift, people=capture.people,
                          dismissed=capture.dismissed)
    if capture.act_id is None:
        raise InvalidInput("choose the little thing you did")
    act = journal.kindness.find(str(capture.act_id), include_retired=True)
    draft = journal.kindness.draft(act, ", ".join(capture.people), capture.text, capture.day,
                                   capture.shift)  # refuses a retired act
    return dataclasses.replace(draft, dismissed=capture.dismissed)


def save_capture(journal: Journal, capture: Capture) -> int:
    """Store what was captured; return the new entry's id."""
    return journal.add(capture_draft(journal, capture))


class QuickCaptureDialog(QDialog):
    """A compact form for a few words after a shift. After Save, `saved_id` holds the entry.

    If saving fails the problem is shown and the dialog stays open with everything typed.
    The language lens marks the text as in the editor, with the same kinder-words menu;
    `rule_off_requested` asks the window to switch a rule off (then call `set_lens`).
    """

    rule_off_requested = Signal(str)

    def __init__(self, journal: Journal, day: dt.date, shift: str = "",
                 kind: EntryKind = EntryKind.INTERACTION,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("After the shift"))
        self._build(day, shift)
        self._lay_out()
        self.kinds[kind].setChecked(True)
        self._show_kind(kind)
        self.resize(560, self.sizeHint().height())
        self.text.setFocus()

    # -- construction --------------------------------------------------------
    def _build(self, day: dt.date, shift: str) -> None:
        self.kind_group = QButtonGroup(self)
        self.kinds: dict[EntryKind, QRadioButton] = {}
        for index, kind in enumerate(CAPTURE_KINDS):
            button = QRadioButton(kind_label(kind))
            button.setAccessibleName(kind_label(kind))
            self.kind_group.addButton(button, index)
            self.kinds[kind] = button
        self.hint = QLabel(wordWrap=True)
        self.hint.setStyleSheet("font-style: italic;")
        self.date = QDateEdit(qdate(day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        self.date.setAccessibleName(self.tr("Date"))
        self.shift = QComboBox(editable=True)
        self.shift.setAccessibleName(self.tr("Shift"))
        self.shift.addItems(self._shift_names())
        self.shift.setCurrentText(shift)
        self.person = QComboBox(editable=True)
        self.person.setAccessibleName(self.tr("Person (optional)"))
        self.person.addItems(["", *self.journal.people()])
        line = self.person.lineEdit()  # there is one: the box is editable
        if line is not None:
            line.setPlaceholderText(self.tr("Name or pseudonym (optional)"))
        self.act = QComboBox()
        self.act.setAccessibleName(self.tr("Little thing"))
        for act in self.journal.kindness.acts():
            self.act.addItem(act.label, act.id)
        for kind, button in self.kinds.items():  # a little thing needs one to choose
            if spec_of(kind).one_act:
                button.setEnabled(self.act.count() > 0)
        self.question = QLabel(wordWrap=True)
        self.text = BodyEdit()
        self.text.setAccessibleName(self.tr("What you write"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(140)
        self.lens_context = LensContext(self)
        self.text.attach(self.lens_context)
        self.lens_context.rule_off_requested.connect(self.rule_off_requested)
        self.set_lens(self.lens_now())
        self.question.setBuddy(self.text)
        self.error = QLabel(wordWrap=True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.kind_group.idToggled.connect(self._on_kind)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)

    def lens_now(self) -> Lens | None:
        """The journal's lens (the rules switched off left out); None if it cannot load."""
        try:
            return self.journal.lens.lens()
        except (*PROBLEMS, ResourceError):
            return None  # the words are still saved; only the marks are missing

    def set_lens(self, lens: Lens | None) -> None:
        """Check the text with this lens (after a rule was switched off, say)."""
        self.lens_context.set_lens(lens)

    def _shift_names(self) -> list[str]:
        names = [""]
        for name in [*(s.name for s in self.journal.settings.shifts()), *SHIFT_SUGGESTIONS]:
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
        return names

    def _lay_out(self) -> None:
        kinds = QHBoxLayout()
        for button in self.kinds.values():
            kinds.addWidget(button)
        kinds.addStretch(1)
        form = QFormLayout(self)
        self.what = QLabel(self.tr("&What"))
        form.addRow(self.what, kinds)
        form.addRow(self.hint)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("&Shift"), self.shift)
        form.addRow(self.tr("&Person"), self.person)
        form.addRow(self.tr("Little &thing"), self.act)
        form.addRow(self.question)
        form.addRow(self.text)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.form = form
        labels = [form.labelForField(w) for w in (kinds, self.date, self.shift, self.person,
                                                  self.act)]
        widest = max(label.sizeHint().width() for label in labels)
        for label in labels:  # the fields do not jump when the little-thing row appears
            label.setMinimumWidth(widest)

    # -- behaviour -----------------------------------------------------------
    def current_kind(self) -> EntryKind:
        """The kind of note chosen."""
        return CAPTURE_KINDS[max(self.kind_group.checkedId(), 0)]

    def _on_kind(self, _id: int, checked: bool) -> None:
        if checked:
            self._show_kind(self.current_kind())

    def _show_kind(self, kind: EntryKind) -> None:
        self.what.setBuddy(self.kinds[kind])
        self.hint.setText(kind_description(kind))
        spec = spec_of(kind)
        self.form.setRowVisible(self.act, spec.one_act)
        template = prompted_template(spec.prompts, "")
        question = template.body_question if template is not None else body_question(kind)
        self.question.setText(question)
        self.text.setPlaceholderText(question)

    def capture(self) -> Capture:
        """What the form holds; raises InvalidInput if it cannot be stored as it is."""
        kind = self.current_kind()
        text = self.text.toPlainText()
        one_act = spec_of(kind).one_act
        if not one_act and not text.strip():
            raise InvalidInput(self.tr("Write a few words first, or press Cancel."))
        return Capture(
            kind=kind, day=py_date(self.date.date()), shift=self.shift.currentText().strip(),
            people=split_names(self.person.currentText()), text=text,
            act_id=self.act.currentData() if one_act else None,
            dismissed=tuple(sorted(self.lens_context.dismissed)))

    def save(self) -> None:
        """Store the note and close; on a problem, say so and keep everything."""
        try:
            capture = self.capture()
        except InvalidInput as exc:
            self.show_error(_sentence(str(exc)))
            return
        try:
            self.saved_id = save_capture(self.journal, capture)
        except PROBLEMS as exc:
            self.show_error(self.tr("Not saved yet: {problem} Your words are still here.")
                            .format(problem=_sentence(str(exc))))
            return
        self.error.hide()
        self.accept()

    def show_error(self, message: str) -> None:
        """Show a problem above the buttons."""
        self.error.setText(message)
        self.error.setStyleSheet(problem_banner_style(self))
        self.error.show()

    def reject(self) -> None:
        """Close without saving, after asking if something was written."""
        if self.text.toPlainText().strip() and self.saved_id is None:
            answer = QMessageBox.question(
                self, self.tr("Discard what you wrote?"),
                self.tr("What you wrote here has not been saved."),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()


def _sentence(text: str) -> str:
    """A message as a sentence: capital first letter, full stop at the end."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."
