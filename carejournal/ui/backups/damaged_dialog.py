"""Shown when the journal file is damaged: what happened, calmly, and the two ways forward —
put back the newest good backup, or save what can still be read as CareJournal JSON."""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carejournal.services.backups import BackupFile, BackupService
from carejournal.services.salvage import SalvageReport, TableCount, salvage
from carejournal.ui.backups.dialog import when_text
from carejournal.ui.shared import background
from carejournal.ui.shared.colours import problem_banner_style


class DamagedChoice(enum.Enum):
    """What the worker chose; app.main restores and reopens on RESTORE."""

    CLOSE = "close"
    RESTORE = "restore"


class DamagedDialog(QDialog):
    """Explains the damage and offers restore, export what can be read, or close."""

    def __init__(self, journal: Path, problems: list[str] | tuple[str, ...] = (),
                 key: bytes | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.key = key
        self.choice = DamagedChoice.CLOSE
        self.backup: BackupFile | None = _newest_good(journal, key)
        self.report: SalvageReport | None = None
        self.exporting = False
        self.setWindowTitle(self.tr("This journal needs care"))
        self._build(problems)
        self.resize(640, self.sizeHint().height())

    def _build(self, problems: list[str] | tuple[str, ...]) -> None:
        heading = QLabel(self.tr("CareJournal found damage in {name}").format(
            name=self.journal.name))
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        intro = QLabel(self.tr(
            "This can happen when a computer loses power or a disk has a fault; it is not "
            "something you did. CareJournal has not written anything to the file, so nothing "
            "more can be lost from it. You can put back your newest good backup, or save what "
            "can still be read so it can be brought into a new journal."), wordWrap=True)
        detail = QLabel(self.tr("What SQLite reports: {problem}").format(
            problem=problems[0] if problems else self.tr("the file failed its check")),
            wordWrap=True)
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail.setStyleSheet("color: palette(placeholder-text);")
        self.backup_label = QLabel(self._backup_text(), wordWrap=True)
        self.result_label = QLabel("", wordWrap=True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        for widget in (heading, intro, self.backup_label, detail, self.result_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        self.restore_button = QPushButton(self.tr("&Restore Newest Good Backup"))
        self.restore_button.setEnabled(self.backup is not None)
        self.restore_button.setAccessibleName(self.tr("Restore the newest good backup"))
        self.restore_button.clicked.connect(self.restore)
        self.export_button = QPushButton(self.tr("&Export What Can Be Read…"))
        self.export_button.setAccessibleName(self.tr("Export what can still be read"))
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Close without changing anything"))
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.restore_button, self.export_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        (self.restore_button if self.backup is not None else self.export_button).setDefault(True)
        return row

    def _backup_text(self) -> str:
        if self.backup is None:
            return self.tr("No good backup of this journal was found, so there is nothing to "
                           "restore. Exporting what can be read is the way to keep your "
                           "writing.")
        return self.tr("Your newest good backup is {name}, made {when}. Restoring it puts "
                       "it in place of the damaged file; the damaged file is kept in the "
                       "backups folder.").format(name=self.backup.path.name,
                                                 when=when_text(self.backup))

    # -- choices ----------------------------------------------------------------
    def restore(self) -> None:
        """Choose to restore the newest good backup (app.main does it and reopens)."""
        if self.backup is None or self.exporting:
            return
        self.choice = DamagedChoice.RESTORE
        self.accept()

    def reject(self) -> None:
        if not self.exporting:  # the export finishes first: the file is never half-written
            super().reject()

    def suggested_path(self) -> Path:
        """<journal>-what-could-be-read.json in Documents (or the home folder)."""
        home = Path(QDir.homePath())
        folder = home / "Documents" if (home / "Documents").is_dir() else home
        return folder / f"{self.journal.stem}-what-could-be-read.json"

    def choose_path(self) -> Path | None:
        """Ask where to save what can be read (tests replace this)."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save what can be read"), str(self.suggested_path()),
            self.tr("CareJournal JSON (*.json)"))
        return Path(chosen) if chosen else None

    def export(self) -> None:
        """Ask where, then save what can be read in the background."""
        path = self.choose_path()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Salvage into path off the window's thread; False if an export is running."""
        if self.exporting:
            return False
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        self._busy(True)
        self.result_label.setText(self.tr("Reading what can be read… This can take a while for a "
                                    "large journal."))
        self.result_label.setVisible(True)
        background.run(salvage, self.journal, path, self.key, done=self._exported, owner=self,
                       name="salvage-journal")
        return True

    def _busy(self, on: bool) -> None:
        self.exporting = on
        for button in (self.restore_button, self.export_button, self.close_button):
            button.setEnabled(not on and (button is not self.restore_button
                                          or self.backup is not None))

    def _exported(self, outcome: object) -> None:
        self._busy(False)
        if isinstance(outcome, BaseException):
            self.result_label.setStyleSheet(problem_banner_style(self))
            self.result_label.setText(self.tr("Nothing could be saved: {problem}").format(
                problem=outcome))
            QMessageBox.warning(self, self.tr("Nothing could be saved"), self.tr(
                "{problem}\n\nThe journal file has not been changed.").format(problem=outcome))
            return
        assert isinstance(outcome, SalvageReport)
        self.report = outcome
        self.result_label.setStyleSheet("")
        self.result_label.setText(self.report_text(outcome))

    def report_text(self, report: SalvageReport) -> str:
        """What was saved and what could not be read, in words."""
        lines = [self.tr("Saved to {path}. It is not encrypted: keep it somewhere safe.").format(
            path=report.out)]
        lost = [t for t in report.tables if not t.complete]
        if all(t.name != "entries" for t in lost):
            lines.append(self.tr("Entries saved: {saved}.").format(saved=report.entries_saved))
        if not lost:
            lines.append(self.tr("Everything in the journal could be read."))
        for table in lost:
            lines.append(self._lost_line(table))
        if report.may_include_deleted:
            lines.append(self.tr("Some of it was read page by page without the list of free "
                                 "pages, so it may include things that had been deleted."))
        if report.unchecked:
            lines.append(self.tr("Some of it was read from pages that could not be checked, so "
                                 "some text may be damaged."))
        lines.append(self.tr("To use it, start a new journal and import this file "
                             "(CareJournal JSON)."))
        return "\n".join(lines)

    def _lost_line(self, table: TableCount) -> str:
        label = table_label(self, table)
        if table.lost is None:
            return self.tr("{what}: {saved} saved; some could not be read.").format(
                what=label, saved=table.saved)
        return self.tr("{what}: {saved} saved, {lost} could not be read.").format(
            what=label, saved=table.saved, lost=table.lost)


def table_label(widget: QWidget, table: TableCount) -> str:
    """The table's name in words the worker knows (translated where it matters most)."""
    translate = QCoreApplication.translate
    words = {"entries": translate("DamagedDialog", "Entries"),
             "people": translate("DamagedDialog", "People"),
             "tags": translate("DamagedDialog", "Tags"),
             "goals": translate("DamagedDialog", "Goals"),
             "supervision_sessions": translate("DamagedDialog", "Supervision sessions"),
             "entry_sections": translate("DamagedDialog", "Entry sections"),
             "entry_people": translate("DamagedDialog", "People named in entries"),
             "entry_tags": translate("DamagedDialog", "Tags on entries"),
             "action_items": translate("DamagedDialog", "Action items"),
             "learning_records": translate("DamagedDialog", "Learning records"),
             "learning_evidence": translate("DamagedDialog", "Evidence files"),
             "feedback_received": translate("DamagedDialog", "Feedback"),
             "reflective_accounts": translate("DamagedDialog", "Reflective accounts")}
    return words.get(table.name, table.label[:1].upper() + table.label[1:])


def _newest_good(journal: Path, key: bytes | None) -> BackupFile | None:
    """The newest backup that would restore cleanly, with its date."""
    service = BackupService(journal, key=key)
    good = service.newest_good()
    return next((b for b in service.backups() if b.path == good), None)
