"""Joins the reflective-practice tools to the main window: due actions, goals, reminders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog

from carejournal.core.domain import DueAction
from carejournal.core.shifts import ShiftEnd, shift_at
from carejournal.ui.practice.due_actions import DueActionsDialog, DueNotice
from carejournal.ui.shared.problems import PROBLEMS

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow
    from carejournal.ui.practice.goals_view import GoalsPanel


class PracticeController(QObject):
    """Owns the notices and windows beside the journal; the main window just makes one."""

    def __init__(self, window: MainWindow,
                 clock: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.due_notice = DueNotice()
        window.notices.addWidget(self.due_notice)
        self.due_dialog: DueActionsDialog | None = None
        self.due_notice.show_requested.connect(self.show_due_actions)
        window.actions_.due_actions.triggered.connect(self.show_due_actions)
        window.journal_changed.connect(self.refresh_due)
        window.actions_.edit_acts.triggered.connect(self.edit_acts)
        window.actions_.log_kindness.triggered.connect(self.log_kindness)
        self.goals: GoalsPanel | None = None
        window.actions_.show_goals.triggered.connect(self.show_goals)
        window.actions_.settings.triggered.connect(self.edit_settings)
        window.actions_.quick_capture.triggered.connect(self.quick_capture_now)
        window.start_up.run(lambda: self._start_reminders(clock))  # after the first paint
        self.refresh_due()

    # -- due actions ---------------------------------------------------------
    def _due(self) -> list[DueAction]:
        try:
            return self.window.journal.actions_due(self.clock().date())
        except PROBLEMS as exc:
            self.window.statusBar().showMessage(str(exc), 5000)
            return []

    def refresh_due(self) -> None:
        """Count the actions due for review and show the notice if there are any."""
        if self.window.trash_mode:
            self.due_notice.hide()
            return
        self.due_notice.set_count(len(self._due()))

    def show_due_actions(self) -> None:
        """Open the list of due actions (non-modal)."""
        if self.due_dialog is None:
            self.due_dialog = DueActionsDialog(self._due(), self.clock().date(), self.window)
            self.due_dialog.mark_done.connect(self._mark_done)
            self.due_dialog.open_entry.connect(self.window.show_entry)
        else:
            self.due_dialog.set_items(self._due())
        self.due_dialog.show()
        self.due_dialog.raise_()

    def _mark_done(self, item_id: int) -> None:
        window = self.window
        if not window.autosaver.flush():
            return
        try:
            window.journal.set_action_done(item_id, self.clock().date())
        except PROBLEMS as exc:
            window.statusBar().showMessage(str(exc), 5000)
            return
        if window.editor.entry_id is not None and window.pages.currentWidget() is window.editor:
            window.editor.load(window.journal.get(window.editor.entry_id))  # show it done
        if self.due_dialog is not None:
            self.due_dialog.set_items(self._due())
        self.refresh_due()

    # -- little things -------------------------------------------------------
    def edit_acts(self) -> None:
        """Add, reword or retire little things; the editor's checklist follows."""
        from carejournal.ui.practice.acts_dialog import ActsDialog  # dialogs load when first used

        dialog = ActsDialog(self.window.journal.kindness, self.window)
        dialog.exec()
        if dialog.changed:
            self.window.reload_catalogue()
            self.window.refresh()

    def log_kindness(self) -> None:
        """Log a little thing on its own, from a small dialog."""
        from carejournal.ui.editor.quick_kindness import QuickKindnessDialog

        window = self.window
        try:
            dialog = QuickKindnessDialog(window.journal.kindness.acts(), window.journal.people(),
                                         window)
            if dialog.exec() != QuickKindnessDialog.DialogCode.Accepted:
                return
            act = window.journal.kindness.find(str(dialog.chosen_act_id()))
            entry_id = window.journal.kindness.log(
                act, person=dialog.person.currentText(), note=dialog.note.text())
        except PROBLEMS as exc:
            window.report(exc)
            return
        if window.trash_mode:
            window.actions_.show_trash.setChecked(False)
        window.entries_changed(select_id=entry_id)
        window.statusBar().showMessage(self.tr("Logged: {act}").format(act=act.label), 5000)

    # -- goals ---------------------------------------------------------------
    def show_goals(self) -> None:
        """Open the goals window (made on first use), up to date."""
        if self.goals is None:
            from carejournal.ui.practice.goals_view import GoalsPanel

            self.goals = GoalsPanel(self.window.journal, self.window, window=True)
            self.goals.open_entry_requested.connect(self.window.show_entry)
            self.goals.entry_added.connect(lambda _id: self.window.entries_changed())
        self.goals.refresh()
        self.goals.show()
        self.goals.raise_()
        self.goals.activateWindow()

    # -- after the shift -----------------------------------------------------
    def _start_reminders(self, clock: Callable[[], dt.datetime]) -> None:
        from carejournal.ui.practice.shift_reminder import (
            ReminderBanner,
            ShiftReminder,
            attach_tray,
        )

        self.reminder = ShiftReminder(self.window.journal.settings, clock, self)
        self.reminder_banner = ReminderBanner(self.reminder)
        self.window.notices.addWidget(self.reminder_banner)
        self.tray = attach_tray(self.reminder_banner, self.window.windowIcon())
        self.reminder_banner.write_requested.connect(self.capture_after_shift)
        self.reminder_banner.switched_off.connect(lambda: self.window.statusBar().showMessage(
            self.tr("Shift reminders are off. You can turn them on again in Settings."), 8000))
        QTimer.singleShot(0, self.reminder.check)

    def capture_after_shift(self, end: ShiftEnd) -> None:
        """A compact quick capture, dated today and set to the shift that just ended."""
        self.quick_capture(end.shift.name)

    def quick_capture_now(self) -> None:
        """Quick capture from the menu, set to the usual shift happening now, if any."""
        try:
            shift = shift_at(self.window.journal.settings.shifts(), self.clock())
        except PROBLEMS:
            shift = None
        self.quick_capture(shift.name if shift else "")

    def quick_capture(self, shift: str = "") -> None:
        """Write a few words quickly: an interaction, a little thing or a fallibility note."""
        from carejournal.ui.editor.quick_capture import QuickCaptureDialog

        window = self.window
        try:
            dialog = QuickCaptureDialog(window.journal, self.clock().date(), shift,
                                        parent=window)
        except PROBLEMS as exc:
            window.statusBar().showMessage(str(exc), 8000)
            return
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            if window.trash_mode:
                window.actions_.show_trash.setChecked(False)
            window.entries_changed(select_id=dialog.saved_id)

    # -- settings ------------------------------------------------------------
    def edit_settings(self) -> None:
        """Usual shifts, reminders and the attempts threshold."""
        from carejournal.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.window.journal.settings, self.window)
        a = self.window.actions_
        dialog.add_privacy_actions([a.encrypt, a.change_passphrase, a.decrypt])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reminder.check()
            self.window.locking.minutes_changed()
            if self.goals is not None:
                self.goals.refresh()
