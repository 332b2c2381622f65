"""Setting or changing the journal's passphrase, and showing the printable recovery key."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDir, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFontDatabase,
    QKeyEvent,
    QPagedPaintDevice,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.ui.shared.colours import is_dark, problem_text_style
from carejournal.ui.shared.dates import local_day

ProblemCheck = Callable[[str], "str | None"]

# The reasons services.encryption gives for a weak passphrase (its Weakness texts), listed so
# pyside6-lupdate finds them; the dialog shows each translated (a test checks the list).
REASON_SOURCES: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("CareJournal", "Please choose a passphrase."),
    QT_TRANSLATE_NOOP(
        "CareJournal", "Please use at least 10 characters. Three or four unrelated words are "
        "long enough, and easy to remember."),
    QT_TRANSLATE_NOOP(
        "CareJournal", "This is one of the most common passphrases: anyone trying to open the "
        "file would guess it early. Try three or four unrelated words."),
    QT_TRANSLATE_NOOP(
        "CareJournal", "This is a common passphrase with a small change, and those are guessed "
        "early too. Try three or four unrelated words."),
    QT_TRANSLATE_NOOP(
        "CareJournal", "A single word, or a well-known phrase, is guessed early. Add another "
        "word or two that do not belong together."),
    QT_TRANSLATE_NOOP(
        "CareJournal", "Names are among the first things guessed. Add two or three unrelated "
        "words."),
    QT_TRANSLATE_NOOP(
        "CareJournal", "This is close to your name or the journal's, which anyone trying would "
        "try first. Choose words that have nothing to do with you or the journal."),
    QT_TRANSLATE_NOOP(
        "CareJournal", "Rows and patterns of keys, like qwerty, are guessed early. Try three or "
        "four unrelated words."),
    QT_TRANSLATE_NOOP(
        "CareJournal", "Repeated letters or words are guessed early. Try three or four "
        "unrelated words."),
    QT_TRANSLATE_NOOP(
        "CareJournal", "Sequences like abc or 1234 are guessed early. Try three or four "
        "unrelated words."),
    QT_TRANSLATE_NOOP(
        "CareJournal", "Dates and years, such as birthdays, are guessed early. Try three or "
        "four unrelated words."),
    QT_TRANSLATE_NOOP(
        "CareJournal", "This could be guessed too quickly. Make it longer: three or four "
        "unrelated words are strong, and easy to remember."),
)
CLEAR_CLIPBOARD_MS = 60_000  # a copied recovery key leaves the clipboard after a minute


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


def _t(text: str) -> str:
    return QCoreApplication.translate("CareJournal", text)


def default_problem(passphrase: str) -> str | None:
    """Why a new passphrase is too weak, as services.encryption judges it."""
    from carejournal.services.encryption import passphrase_problem

    return passphrase_problem(passphrase)


def hint_style(widget: QWidget) -> str:
    """A calm note under a field: the warning colour (contrast above 4.5:1), plain weight."""
    return "color: {colour};".format(colour="#ffb4ab" if is_dark(widget) else "#b3261e")


class Note(QLabel):
    """A wrapped note that is never cut off: as tall as its text needs at its width.

    (A dialog's layout does not ask a label how tall it must be at a given width, so a long
    reason under a field lost its second line.)"""

    def __init__(self) -> None:
        super().__init__(wordWrap=True)
        self.setContentsMargins(0, 0, 0, 3)  # room for the descenders above the next row
        self.setVisible(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.fit()

    def fit(self) -> None:
        """Ask for the height the text needs at the width the note has now."""
        self.setMinimumHeight(self.heightForWidth(self.width()) if self.text() else 0)


class NewPassphraseDialog(QDialog):
    """Asks for a new passphrase twice (and, to change it, the current one first).

    Enter, like the OK button, sets the passphrase once all is well; otherwise the dialog
    stays open and says what is missing. Only Escape or Cancel cancels.
    With `hold=True` the OK button emits `submitted` and the dialog stays open until the
    caller says the current passphrase was right (`done_ok`) or wrong (`show_wrong_current`).
    """

    submitted = Signal()
    JUDGE_AFTER_MS = 250  # the strength note waits for a pause in the typing

    def __init__(self, problem: ProblemCheck | None = None, ask_current: bool = False,
                 hold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem or default_problem
        self._judged: tuple[str, str | None] = ("", None)  # the last passphrase judged
        # zxcvbn takes up to ~0.1 s on a long passphrase: not on every key press
        self.judge_timer = QTimer(self, singleShot=True, interval=self.JUDGE_AFTER_MS)
        self.judge_timer.timeout.connect(self.validate)
        self.ask_current = ask_current
        self.hold = hold
        self.setWindowTitle(self.tr("Change Passphrase") if ask_current
                            else self.tr("Protect with a Passphrase"))
        self.current_edit = self._field(self.tr("Current passphrase"))
        self.new_edit = self._field(self.tr("New passphrase"))
        self.repeat_edit = self._field(self.tr("Repeat the new passphrase"))
        self.current_hint, self.new_hint, self.repeat_hint = (self._hint() for _ in range(3))
        self.show_text = QCheckBox(self.tr("S&how what I type"))
        self.show_text.setAccessibleName(self.tr("Show the passphrases as typed"))
        self.show_text.toggled.connect(self._set_echo)
        self._build()
        self.new_edit.textChanged.connect(self.judge_timer.start)
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.textChanged.connect(self.validate)
        self.current_edit.textChanged.connect(lambda: self._say(self.current_hint, None))
        self.validate()
        (self.current_edit if ask_current else self.new_edit).setFocus()  # where typing goes
        self.resize(560, self.sizeHint().height())

    def _field(self, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(accessible)
        edit.setMinimumWidth(300)
        return edit

    def _hint(self) -> Note:
        return Note()

    def _build(self) -> None:
        heading = QLabel(self.tr("Choose a new passphrase") if self.ask_current else
                         self.tr("Protect this journal with a passphrase"))
        heading.setStyleSheet("font-weight: bold;")
        explanation = QLabel(self.tr(
            "Without this passphrase or your recovery key, nobody — including you — can read "
            "this journal. CareJournal cannot recover a forgotten passphrase."), wordWrap=True)
        advice = QLabel(self.tr(
            "Three or four unrelated words make a strong passphrase that is easy to "
            "remember."), wordWrap=True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        rows = [(self.tr("&Current passphrase:"), self.current_edit, self.current_hint)]
        if not self.ask_current:
            rows = []
            self.current_edit.hide()
        rows += [(self.tr("&New passphrase:"), self.new_edit, self.new_hint),
                 (self.tr("&Repeat it:"), self.repeat_edit, self.repeat_hint)]
        for text, edit, hint in rows:
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, edit)
            form.addRow("", hint)  # its own row, so a long reason wraps below the field
        form.addRow("", self.show_text)
        self._build_buttons()
        self.status = QLabel(wordWrap=True)
        self.status.setVisible(False)
        self.refusal = Note()  # after Enter or OK, until all is well
        layout = QVBoxLayout(self)
        for widget in (heading, explanation, advice):
            layout.addWidget(widget)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows with the notes

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = QPushButton(self.tr("&Change Passphrase") if self.ask_current
                                     else self.tr("&Set Passphrase"))
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.ok_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter is ours (keyPressEvent): it never cancels
        self.ok_button.setDefault(True)  # drawn as the default: what Enter does
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)

    # -- state ----------------------------------------------------------------
    def passphrase(self) -> str:
        """The new passphrase."""
        return self.new_edit.text()

    def current(self) -> str:
        """The current passphrase (empty when not asked)."""
        return self.current_edit.text() if self.ask_current else ""

    def strength_problem(self) -> str | None:
        """Why the new passphrase will not do, translated (None when it will, or is empty)."""
        new = self.new_edit.text()
        if self.ask_current and new and new == self.current_edit.text():
            return self.tr("This is the passphrase you have now; choose a different one.")
        if self._judged[0] != new:
            self._judged = (new, self.problem(new) if new else None)
        problem = self._judged[1]
        return _t(problem) if problem else None

    def first_problem(self) -> tuple[QLineEdit, str] | None:
        """The first thing that keeps the passphrase from being set, and its field."""
        new, repeat = self.new_edit.text(), self.repeat_edit.text()
        if self.ask_current and not self.current_edit.text():
            return self.current_edit, self.tr("Please type your current passphrase.")
        if not new:
            return self.new_edit, self.tr("Please choose a new passphrase.")
        problem = self.strength_problem()
        if problem:
            return self.new_edit, problem
        if not repeat:
            return self.repeat_edit, self.tr(
                "Please type the new passphrase again, to be sure of it.")
        if repeat != new:
            return self.repeat_edit, self.tr(
                "The two passphrases are not the same. Please type it again.")
        return None

    def validate(self) -> None:
        """Show what is wrong so far, calmly, beside each field (the strength once the
        typing pauses)."""
        new, repeat = self.new_edit.text(), self.repeat_edit.text()
        mismatch = bool(repeat) and repeat != new
        self._say(self.repeat_hint, self.tr("The two do not match yet.") if mismatch else None)
        if not self.judge_timer.isActive():
            self._say(self.new_hint, self.strength_problem())
            if self.first_problem() is None:  # said after Enter, until all is well
                self._say(self.refusal, None)
        self._describe_fields()
        self.ok_button.setEnabled(not self.property("busy"))

    def _describe_fields(self) -> None:
        """Each field's note, read out with its name by a screen reader."""
        for field in (self.current_edit, self.new_edit, self.repeat_edit):
            field.setAccessibleDescription(self._hint_of(field).text())

    def _say(self, label: QLabel, text: str | None) -> None:
        label.setText(text or "")
        label.setVisible(bool(text))
        label.setStyleSheet(hint_style(self) if text else "")

    def _set_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(mode)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter sets the passphrase, or says why not; Cancel has it only with the focus."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if self.focusWidget() is self.cancel_button:
                self.reject()
            else:
                self._ok()
            return
        super().keyPressEvent(event)

    def _ok(self) -> None:
        if self.property("busy"):
            return
        self.judge_timer.stop()
        self.validate()
        if self.first_problem() is not None:
            self._explain()
            return
        if not self.hold:
            self.accept()
            return
        self.set_busy(True, self.tr("Checking your current passphrase…"))
        self.submitted.emit()

    def _explain(self) -> None:
        """Say it is not set yet and why, under the field concerned, which gets the cursor."""
        problem = self.first_problem()
        if problem is None:
            return
        field, reason = problem
        self._say(self._hint_of(field), reason)
        self._say(self.refusal, self.tr("Your passphrase is not set yet."))
        self._describe_fields()
        field.setFocus()

    def _hint_of(self, field: QLineEdit) -> QLabel:
        if field is self.current_edit:
            return self.current_hint
        return self.new_hint if field is self.new_edit else self.repeat_hint

    # -- answers from the caller (hold=True) -----------------------------------
    def set_busy(self, busy: bool, message: str = "") -> None:
        """While checking: fields and OK disabled, and a short message."""
        self.setProperty("busy", busy)
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.status.setText(message)
        self.status.setStyleSheet("")
        self.status.setVisible(bool(message))
        self.validate()

    def show_wrong_current(self, message: str = "") -> None:
        """The current passphrase was not right: say so beside it and let them retry."""
        self.set_busy(False)
        self._say(self.current_hint, message or self.tr(
            "That is not the current passphrase. Please try again."))
        self.current_edit.setFocus()
        self.current_edit.selectAll()

    def show_failure(self, message: str) -> None:
        """Something else went wrong; nothing was changed."""
        self.set_busy(False)
        self.status.setText(message)
        self.status.setStyleSheet(problem_text_style(self))
        self.status.setVisible(True)

    def reject(self) -> None:
        """Cancel, except while the change is being made."""
        if not self.property("busy"):
            super().reject()

    def done_ok(self) -> None:
        """The change is made: close the dialog."""
        self.setProperty("busy", False)
        self.accept()


# -- the recovery key ---------------------------------------------------------------
def key_lines(key: str, groups_per_line: int = 4) -> str:
    """The key in lines of a few groups each, every dash kept so a copy stays exact."""
    groups = key.split("-")
    lines = ["-".join(groups[i:i + groups_per_line])
             for i in range(0, len(groups), groups_per_line)]
    return "-\n".join(lines)


def recovery_sheet_text(journal_name: str, key: str, date: dt.date) -> str:
    """The text to print or save: which journal, when, the key, and what it is for."""
    return translate(
        "CareJournal", "CareJournal recovery key\n\n"
        "Journal: {journal}\n"
        "Made on: {date}\n\n"
        "{key}\n\n"
        "This key opens the journal if the passphrase is forgotten or the key file beside "
        "the journal is lost.\n"
        "Keep this paper somewhere safe, away from the laptop. Anyone who has this key and "
        "the journal can read it.\n").format(
            journal=journal_name, date=local_day(date, "dd MMMM yyyy"), key=key_lines(key))


def write_private_text(path: Path, text: str) -> None:
    """Write text to a file only its owner can read (mode 0600), replacing it if present."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC
                         | getattr(os, "O_BINARY", 0), 0o600)  # one newline translation
    try:
        os.fchmod(descriptor, 0o600)
    except (AttributeError, OSError):
        pass  # Windows: no POSIX modes; the file is in the worker's own folder
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key; Close works only once it is written down, printed or saved."""

    def __init__(self, journal_name: str, key: str, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today, changed: bool = False,
                 replaced: bool = False) -> None:
        super().__init__(parent)
        self.journal_name, self.key, self.today = journal_name, key, today
        self.clear_clipboard_ms = CLEAR_CLIPBOARD_MS
        self.setWindowTitle(self.tr("Your Recovery Key"))
        heading = QLabel(self.tr("Keep this recovery key safe"))
        heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        intro = QLabel(self._intro(changed, replaced), wordWrap=True)
        self.intro = intro
        self.key_label = self._key_label()
        advice = QLabel(self.tr(
            "Write it down or print it, and keep the paper somewhere safe, away from this "
            "laptop. Anyone who has this key and the journal file can read the journal."),
            wordWrap=True)
        self.confirm = QCheckBox(self.tr("I have &written down or printed my recovery key"))
        self.confirm.setAccessibleName(self.tr("I have written down or printed my recovery key"))
        self.status = QLabel(wordWrap=True)
        self.status.setVisible(False)
        self._build_buttons()
        layout = QVBoxLayout(self)
        for widget in (heading, intro, self.key_label, advice, self.confirm, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.confirm.toggled.connect(self.close_button.setEnabled)
        self.resize(580, self.sizeHint().height())

    def _intro(self, changed: bool, replaced: bool = False) -> str:
        if replaced:
            return self.tr(
                "Your journal is encrypted now. Because encrypting it was interrupted, this is "
                "a new recovery key: a recovery key shown for this journal before no longer "
                "works. If you forget your passphrase, or the key file beside your journal is "
                "lost, this recovery key still opens the journal.")
        if changed:
            return self.tr(
                "Your passphrase is changed and your journal and its backups have a new key: "
                "the old passphrase, old copies of the key file and your old recovery key no "
                "longer open them. This is your new recovery key.")
        return self.tr(
            "If you forget your passphrase, or the key file beside your journal is lost, this "
            "recovery key still opens the journal.")

    def _key_label(self) -> QLabel:
        label = QLabel(key_lines(self.key))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.6)
        label.setFont(font)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        label.setAccessibleName(self.tr("Recovery key"))
        label.setAccessibleDescription(self.key)
        label.setStyleSheet("QLabel { border: 1px solid palette(mid); border-radius: 4px;"
                            " padding: 12px; }")
        return label

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("Save as &Text File…"))
        self.copy_button = QPushButton(self.tr("C&opy"))
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setEnabled(False)
        for button in (self.print_button, self.save_button, self.copy_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.clicked.connect(self.print_key)
        self.save_button.clicked.connect(self.save_key)
        self.copy_button.clicked.connect(self.copy_key)
        self.close_button.clicked.connect(self.accept)

    def sheet(self) -> str:
        """The printable text for this journal and key, dated today."""
        return recovery_sheet_text(self.journal_name, self.key, self.today())

    def _tell(self, text: str, problem: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(problem_text_style(self) if problem else "")
        self.status.setVisible(True)

    # -- print, save, copy ------------------------------------------------------
    def print_key(self) -> None:
        """Ask which printer, then print the sheet."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_sheet(printer)
            self._tell(self.tr("Sent to the printer."))

    def print_sheet(self, printer: QPagedPaintDevice) -> None:
        """Print the sheet on a QPrinter (the key in a large fixed-width font)."""
        document = QTextDocument()
        document.setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        document.setPlainText(self.sheet())
        document.print_(printer)

    def suggested_path(self) -> Path:
        """Where to save by default: Documents (or home), named after the journal."""
        home = Path(QDir.homePath())
        folder = home / "Documents" if (home / "Documents").is_dir() else home
        return folder / self.tr("CareJournal recovery key - {journal}.txt").format(
            journal=Path(self.journal_name).stem)

    def choose_path(self) -> Path | None:
        """Ask where to save the text file (tests replace this)."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery key"), str(self.suggested_path()),
            self.tr("Text files (*.txt)"))
        return Path(chosen) if chosen else None

    def save_key(self) -> None:
        """Save the sheet as a text file only you can read."""
        path = self.choose_path()
        if path is None:
            return
        try:
            write_private_text(path, self.sheet())
        except OSError as exc:
            self._tell(self.tr("The file was not saved: {problem}").format(
                problem=exc.strerror or exc), problem=True)
            return
        self._tell(self.tr("Saved in {path}. Keep that file off this laptop, for example on "
                           "a memory stick kept somewhere safe.").format(path=path))

    def copy_key(self) -> None:
        """Put the key on the clipboard, for a minute only (ui/privacy/clipboard.py)."""
        from carejournal.ui.privacy.clipboard import copy_secret

        copy_secret(self.key, self.clear_clipboard_ms)
        self._tell(self.tr("The recovery key is copied. Paste it somewhere safe, away from "
                           "this laptop; it is cleared from the clipboard in a minute."))

    # -- closing only once it is kept --------------------------------------------
    def reject(self) -> None:
        """Escape closes only once the box is ticked."""
        if self.confirm.isChecked():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm.isChecked():
            event.accept()
        else:
            event.ignore()
            self._tell(self.tr("Please keep your recovery key first, then tick the box."))
