"""File › Import… and File › Export…: the same services, checks and words as `carejournal
import` and `carejournal export --format json`, run in the background with a busy dialog so
the window stays responsive; what was imported reaches the views through the ChangeHub."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.core.changes import Done
from carejournal.core.import_plan import ImportReport
from carejournal.ui.shared import background
from carejournal.ui.shared.problems import PROBLEMS

if TYPE_CHECKING:
    from carejournal.ui.interchange.import_dialog import ImportDialog
    from carejournal.ui.main_window import MainWindow


class InterchangeController(QObject):
    """Opens the import dialog and the export choice, and runs what they ask for."""

    def __init__(self, window: MainWindow, runner: background.Runner = background.start
                 ) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.dialog: ImportDialog | None = None
        self.progress: QProgressDialog | None = None
        self.last_message = ""  # what the last import or export said (for a test or a look)
        window.actions_.import_.triggered.connect(self.show_import)
        window.actions_.export.triggered.connect(self.show_export)

    # -- import -----------------------------------------------------------------
    def show_import(self) -> None:
        """Open File › Import…; Import runs it."""
        from carejournal.ui.interchange.import_dialog import ImportDialog

        if self.dialog is None:
            self.dialog = ImportDialog(self.window)
            self.dialog.accepted.connect(self._import_chosen)
            self.dialog.finished.connect(self._closed)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _import_chosen(self) -> None:
        dialog = self.dialog
        if dialog is not None:
            self.start_import(dialog.chosen_format(), dialog.files, dialog.mapping())

    def start_import(self, fmt: str, files: list[Path], mapping: str = "") -> None:
        """Import the files in the background (all or nothing), with a busy dialog."""
        if not self.window.autosaver.flush():
            return
        self._busy(self.tr("Importing {files}…").format(
            files=", ".join(f.name for f in files[:3])))
        background.run(self.window.journal.ops.import_files, fmt, files, mapping,
                       done=self._imported, owner=self, name="import", runner=self.runner)

    def _imported(self, outcome: Done[ImportReport] | Exception) -> None:
        from carejournal.services.importing import report_lines

        self._idle()
        if isinstance(outcome, Exception):
            self._problem(self.tr("Nothing was imported"), outcome)
            return
        self.window.changes.report(outcome.changes)
        self._say(self.tr("Import finished"), "\n".join(report_lines(outcome.value)))

    # -- export -----------------------------------------------------------------
    def show_export(self) -> None:
        """File › Export…: the whole journal as JSON, or a supervision pack (the wizard)."""
        choice = ExportChoice(self.window)
        if choice.exec() != QDialog.DialogCode.Accepted:
            return
        if choice.pack.isChecked():
            self.window.actions_.prepare_supervision.trigger()
            return
        self.export_json()

    def export_json(self, out: Path | None = None) -> None:
        """Write the whole journal as CareJournal JSON (owner-only), after a warning when
        the journal is encrypted and the file will not be."""
        window = self.window
        if not window.autosaver.flush():
            return
        if window.journal.encrypted and QMessageBox.warning(
                window, self.tr("The file will not be encrypted"),
                self.tr("Your journal is protected with a passphrase; the JSON file will "
                        "not be. Anyone who can open the file can read every entry. Keep it "
                        "somewhere safe, and delete it when you no longer need it."),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Save:
            return
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                window, self.tr("Export the journal as JSON"),
                str(Path.home() / f"{window.journal.path.stem}.json"),
                self.tr("CareJournal JSON (*.json)"))
            if not name:
                return
            out = Path(name)
        from carejournal.services.json_export import export_json

        self._busy(self.tr("Exporting to {file}…").format(file=out.name))
        background.run(export_json, window.journal, out,
                       done=lambda outcome: self._exported(outcome, out), owner=self,
                       name="export-json", runner=self.runner)

    def _exported(self, outcome: int | Exception, out: Path) -> None:
        from carejournal.services.json_export import exported_message

        self._idle()
        if isinstance(outcome, Exception):
            self._problem(self.tr("The journal was not exported"), outcome)
            return
        self._say(self.tr("Export finished"), exported_message(outcome, out))

    # -- showing ----------------------------------------------------------------
    def _busy(self, text: str) -> None:
        """A busy dialog over the window (the work cannot be stopped halfway: it is one
        transaction, so there is no Cancel)."""
        progress = QProgressDialog(text, "", 0, 0, self.window)
        progress.setCancelButton(None)
        progress.setWindowTitle(self.tr("Please wait"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAccessibleName(text)
        self.progress = progress
        self.window.statusBar().showMessage(text)

    def _idle(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.window.statusBar().clearMessage()

    def _problem(self, title: str, exc: Exception) -> None:
        """Say why, in the CLI's words (a malformed file, an unreadable one, a full disk)."""
        if not isinstance(exc, PROBLEMS):
            raise exc
        if isinstance(exc, OSError):
            from carejournal.services.files import os_problem

            text = os_problem(exc)
        else:
            text = str(exc)
        self.last_message = text
        QMessageBox.warning(self.window, title, text)

    def _say(self, title: str, text: str) -> None:
        self.last_message = text
        self.window.statusBar().showMessage(text.splitlines()[0], 10_000)
        QMessageBox.information(self.window, title, text)


class ExportChoice(QDialog):
    """What to export: the whole journal as JSON, or a supervision pack."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.setAccessibleName(self.tr("Export"))
        self.json = QRadioButton(self.tr("The &whole journal as CareJournal JSON"))
        self.json.setChecked(True)
        json_note = QLabel(self.tr("Everything, to keep a copy or move to another computer. "
                                   "The file is not encrypted and names are not protected."))
        self.pack = QRadioButton(self.tr("A &supervision pack (PDF, Word or Markdown)"))
        pack_note = QLabel(self.tr("Opens Prepare for Supervision: choose the entries, then "
                                   "write the pack at its last step. People are called by "
                                   "their aliases."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = buttons.addButton(self.tr("&Continue…"),
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.json, json_note, self.pack, pack_note):
            if isinstance(widget, QLabel):
                widget.setWordWrap(True)
                widget.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMaximumWidth(520)

    def chosen(self) -> str:
        """'json' or 'pack'."""
        return "pack" if self.pack.isChecked() else "json"
