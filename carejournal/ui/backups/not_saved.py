"""When the journal cannot be written: say so plainly, keep the text, offer a way out.

The status bar says "Not saved" with the reason until a save works; the worker can save the
entry's text to a file of their choice (written durably) or copy it; closing asks first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton

from carejournal import durable
from carejournal.core.errors import (
    DiskFull,
    JournalReadOnly,
    JournalVanished,
    StorageFailed,
    WritesHeld,
)
from carejournal.ui.shared.colours import problem_text_style

if TYPE_CHECKING:
    from carejournal.ui.editor.entry_editor import EntryEditor
    from carejournal.ui.main_window import MainWindow


translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


def status_text(problem: BaseException | None) -> str:
    """The status bar's words for a save that failed, with the reason in short."""
    if isinstance(problem, DiskFull):
        return translate("NotSaved", "Not saved: the disk is full")
    if isinstance(problem, StorageFailed):
        return translate("NotSaved", "Not saved: the disk reported an error")
    if isinstance(problem, JournalReadOnly):
        return translate("NotSaved", "Not saved: the journal is read-only")
    if isinstance(problem, JournalVanished):
        return translate("NotSaved", "Not saved: the journal file is missing")
    if isinstance(problem, WritesHeld):
        return translate("NotSaved", "Not saved yet: the journal is being checked")
    return translate("NotSaved", "Not saved: see the message above the entry")


def show_state(label: QLabel, failed: bool, text: str, message: str) -> None:
    """Show the save state in the status bar; "Not saved" stands out and reads out in full."""
    label.setText(text)
    label.setStyleSheet(problem_text_style(label) if failed else "")
    label.setToolTip(message if failed else "")
    label.setAccessibleName(translate("NotSaved", "Save status: {state}").format(state=text))
    label.setAccessibleDescription(message if failed else "")


def editor_text(editor: EntryEditor) -> str:
    """Everything typed in the editor, as plain text a person can read and paste back."""
    header = editor.header
    parts = [header.date.date().toString("yyyy-MM-dd"), header.title.text(),
             header.people.text(), editor.body.toPlainText(), editor.strengths.toPlainText()]
    parts += [f.toPlainText() for f in editor.sections.text_fields()]
    return "\n\n".join(p.strip() for p in parts if p.strip()) + "\n"


def save_elsewhere(window: MainWindow) -> bool:
    """Ask for a file and write the entry's text there; True if it was written."""
    folder = Path.home()
    chosen, _filter = QFileDialog.getSaveFileName(
        window, translate(
            "NotSaved", "Save the entry's text elsewhere"), str(folder / "unsaved-entry.txt"),
        translate("NotSaved", "Text files (*.txt)"))
    if not chosen:
        return False
    try:
        durable.write_text(Path(chosen), editor_text(window.editor))
    except OSError as exc:
        QMessageBox.warning(window, translate(
            "NotSaved", "The text was not saved there"), translate(
            "NotSaved", "{file} could not be written ({reason}). Your text is still in the editor: "
            "choose another place, or copy it.").format(file=chosen, reason=exc.strerror))
        return False
    window.statusBar().showMessage(translate(
        "NotSaved", "A copy of the text was saved in {file}.").format(
        file=chosen), 10_000)
    return True


def copy_text(window: MainWindow) -> None:
    """Put the entry's text on the clipboard, to paste somewhere safe."""
    QGuiApplication.clipboard().setText(editor_text(window.editor))
    window.statusBar().showMessage(translate("NotSaved", "The entry's text was copied."), 10_000)


def add_buttons(window: MainWindow, editor: EntryEditor) -> None:
    """Beside "Try saving again": save the text to a file, or copy it."""
    editor.save_elsewhere = QPushButton(translate("NotSaved", "Save text elsewhere…"))
    editor.copy_text = QPushButton(translate("NotSaved", "Copy text"))
    editor.save_elsewhere.clicked.connect(lambda: save_elsewhere(window))
    editor.copy_text.clicked.connect(lambda: copy_text(window))
    editor.add_problem_buttons(editor.save_elsewhere, editor.copy_text)


def ask_before_closing(window: MainWindow) -> bool:
    """The text is not saved: keep writing, save it elsewhere, or close anyway?"""
    box = QMessageBox(QMessageBox.Icon.Warning,
                      translate("NotSaved", "Your latest changes are not saved"),
                      translate("NotSaved", "{problem}\n\nIf you close now, what you wrote since "
                                "the last save is lost. You can keep the window open, or save "
                                "the text elsewhere first.").format(
                                    problem=window.autosaver.message),
                      parent=window)
    keep = box.addButton(translate("NotSaved", "Keep writing"), QMessageBox.ButtonRole.RejectRole)
    elsewhere = box.addButton(translate("NotSaved", "Save elsewhere, then close…"),
                              QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("NotSaved", "Close anyway"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep or clicked is None:
        return False
    if clicked is elsewhere:
        return save_elsewhere(window)
    return True


def show_read_only(window: MainWindow) -> None:
    """Say plainly, for as long as the window is open, that nothing can be saved."""
    label = QLabel(translate("NotSaved", "Read-only: this journal can be read, but not changed"))
    label.setStyleSheet(problem_text_style(label))
    label.setToolTip(translate(
        "NotSaved", "The journal's file, folder or disk cannot be written. Copy the "
                         "journal somewhere you can write to, to write in it."))
    label.setAccessibleName(label.text())
    window.read_only_label = label
    window.statusBar().addPermanentWidget(label)
