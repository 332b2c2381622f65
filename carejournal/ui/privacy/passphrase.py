"""Setting or changing the journal's passphrase, and showing the printable recovery key."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFontDatabase,
    QGuiApplication,
    QPagedPaintDevice,
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

ProblemCheck = Callable[[str], "str | None"]
MIN_LENGTH = 8


def _t(text: str) -> str:
    return QCoreApplication.translate("CareJournal", text)


def default_problem(passphrase: str) -> str | None:
    """Why a new passphrase is too weak, asked of services.encryption when it is there."""
    try:
        from carejournal.services.encryption import passphrase_problem
    except ImportError:
        if len(passphrase) >= MIN_LENGTH:
            return None
        return _t("Please use at least {count} characters.").format(count=MIN_LENGTH)
    return passphrase_problem(passphrase)


def hint_style(widget: QWidget) -> str:
    """A calm note under a field: the warning colour (contrast above 4.5:1), plain weight."""
    return "color: {colour};".format(colour="#ffb4ab" if is_dark(widget) else "#b3261e")


class NewPassphraseDialog(QDialog):
    """Asks for a new passphrase twice (and, to change it, the current one first).

    With `hold=True` the OK button emits `submitted` and the dialog stays open until the
    caller says the current passphrase was right (`done_ok`) or wrong (`show_wrong_current`).
    """

    submitted = Signal()

    def __init__(self, problem: ProblemCheck | None = None, ask_current: bool = False,
                 hold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem or default_problem
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
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.textChanged.connect(self.validate)
        self.current_edit.textChanged.connect(lambda: self._say(self.current_hint, None))
        self.validate()
        self.resize(520, self.sizeHint().height())

    def _field(self, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(accessible)
        edit.setMinimumWidth(300)
        return edit

    def _hint(self) -> QLabel:
        label = QLabel()  # one line: a wrapped note here is cut off by the form's layout
        label.setVisible(False)
        return label

    def _build(self) -> None:
        heading = QLabel(self.tr("Choose a new passphrase") if self.ask_current else
                         self.tr("Protect this journal with a passphrase"))
        heading.setStyleSheet("font-weight: bold;")
        explanation = QLabel(self.tr(
            "Without this passphrase or your recovery key, nobody — including you — can read "
            "this journal. CareJournal cannot recover a forgotten passphrase."), wordWrap=True)
        form = QFormLayout()
        rows = [(self.tr("&Current passphrase:"), self.current_edit, self.current_hint)]
        if not self.ask_current:
            rows = []
            self.current_edit.hide()
        rows += [(self.tr("&New passphrase:"), self.new_edit, self.new_hint),
                 (self.tr("&Repeat it:"), self.repeat_edit, self.repeat_hint)]
        for text, edit, hint in rows:
            label = QLabel(text)
            label.setBuddy(edit)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(hint)
            form.addRow(label, box)
        form.addRow("", self.show_text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = QPushButton(self.tr("&Change Passphrase") if self.ask_current
                                     else self.tr("&Set Passphrase"))
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel(wordWrap=True)
        self.status.setVisible(False)
        layout = QVBoxLayout(self)
        for widget in (heading, explanation):
            layout.addWidget(widget)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows with the notes

    # -- state ----------------------------------------------------------------
    def passphrase(self) -> str:
        """The new passphrase."""
        return self.new_edit.text()

    def current(self) -> str:
        """The current passphrase (empty when not asked)."""
        return self.current_edit.text() if self.ask_current else ""

    def validate(self) -> bool:
        """Show what is missing, calmly, and enable OK only when all is well."""
        new, repeat = self.new_edit.text(), self.repeat_edit.text()
        problem = self.problem(new) if new else None
        same_as_current = bool(self.ask_current and new and new == self.current_edit.text())
        if same_as_current:
            problem = self.tr("This is the passphrase you have now; choose a different one.")
        self._say(self.new_hint, problem)
        mismatch = bool(repeat) and repeat != new
        self._say(self.repeat_hint, self.tr("The two do not match yet.") if mismatch else None)
        ok = bool(new) and problem is None and repeat == new
        ok = ok and (not self.ask_current or bool(self.current_edit.text()))
        self.ok_button.setEnabled(ok and not self.property("busy"))
        return ok

    def _say(self, label: QLabel, text: str | None) -> None:
        label.setText(text or "")
        label.setVisible(bool(text))
        label.setStyleSheet(hint_style(self) if text else "")

    def _set_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(mode)

    def _ok(self) -> None:
        if not self.validate():
            return
        if not self.hold:
            self.accept()
            return
        self.set_busy(True, self.tr("Checking your current passphrase…"))
        self.submitted.emit()

    # -- answers from the caller (hold=True) -----------------------------------
    def set_busy(self, busy: bool, message: str = "") -> None:
        """While checking: fields and OK disabled, and a short message."""
        self.setProperty("busy", busy)
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)
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
    return _t(
        "CareJournal recovery key\n\n"
        "Journal: {journal}\n"
        "Made on: {date}\n\n"
        "{key}\n\n"
        "This key opens the journal if the passphrase is forgotten or the key file beside "
        "the journal is lost.\n"
        "Keep this paper somewhere safe, away from the laptop. Anyone who has this key and "
        "the journal can read it.\n").format(
            journal=journal_name, date=date.strftime("%d %B %Y"), key=key_lines(key))


def write_private_text(path: Path, text: str) -> None:
    """Write text to a file only its owner can read (mode 0600), replacing it if present."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(descriptor, 0o600)
    except (AttributeError, OSError):
        pass  # Windows: no POSIX modes; the file is in the worker's own folder
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key; Close works only once it is written down, printed or saved."""

    def __init__(self, journal_name: str, key: str, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today, changed: bool = False) -> None:
        super().__init__(parent)
        self.journal_name, self.key, self.today = journal_name, key, today
        self.setWindowTitle(self.tr("Your Recovery Key"))
        heading = QLabel(self.tr("Keep this recovery key safe"))
        heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        intro = QLabel(self._intro(changed), wordWrap=True)
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

    def _intro(self, changed: bool) -> str:
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
        """Put the key on the clipboard."""
        QGuiApplication.clipboard().setText(self.key)
        self._tell(self.tr("The recovery key is copied. Paste it somewhere safe, away from "
                           "this laptop."))

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
