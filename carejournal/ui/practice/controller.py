"""Joins the reflective-practice tools to the main window: due actions, goals, reminders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog

from carejournal.core.changes import Changes
from carejournal.core.domain import DueAction
from carejournal.core.shifts import ShiftEnd, shift_at, shift_started
from carejournal.ui.practice.due_actions import DueActionsDialog, DueNotice
from carejournal.ui.shared.problems import PROBLEMS

if TYPE_CHECKING:
    from carejournal.ui.editor.quick_capture import QuickCaptureDialog
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
        # In the status bar, whose height is kept for it: the journal never jumps down
        # when an action falls due (as it did in a line above the journal).
        window.statusBar().addPermanentWidget(self.due_notice)
        window.statusBar().setMinimumHeight(self.due_notice.sizeHint().height())
        self.due_dialog: DueActionsDialog | None = None
        self.due_notice.show_requested.connect(self.show_due_actions)
        window.actions_.due_actions.triggered.connect(self.show_due_actions)
        window.changes.changed.connect(self._changed)
        window.actions_.edit_acts.triggered.connect(self.edit_acts)
        window.actions_.log_kindness.triggered.connect(self.log_kindness)
        self.goals: GoalsPanel | None = None
        window.actions_.show_goals.triggered.connect(self.show_goals)
        window.actions_.settings.triggered.connect(self.edit_settings)
        window.actions_.quick_capture.triggered.connect(self.quick_capture_now)
        window.start_up.run(lambda: self._start_reminders(clock))  # after the first paint
        self.refresh_due()

    def _changed(self, changes: Changes) -> None:
        """A write: recount what is due, and show the goals and reminders as they now are."""
        if changes.touches_entries or changes.action_items:
            self.refresh_due()
        if changes.action_items and self.due_dialog is not None:
            self.due_dialog.set_items(self._due())
        if changes.settings:
            self.reminder.check()
            self.window.locking.minutes_changed()
        if (changes.settings or changes.goals) and self.goals is not None:
            self.goals.refresh()

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
        try:  # the open entry shows it done; the list of due actions and the notice follow
            window.changes.apply(lambda: window.journal.ops.set_action_done(
                item_id, self.clock().date()))
        except PROBLEMS as exc:
            window.statusBar().showMessage(str(exc), 5000)

    # -- little things -------------------------------------------------------
    def edit_acts(self) -> None:
        """Add, reword or retire little things; the editor's checklist follows."""
        from carejournal.ui.practice.acts_dialog import ActsDialog  # dialogs load when first used

        dialog = ActsDialog(self.window.journal.kindness, self.window)
        dialog.exec()
        if dialog.changed:
            self.window.changes.report(Changes(little_things=True))

    def log_kindness(self) -> None:
        """Log a little thing on its own, from a small dialog."""
        from carejournal.ui.editor.quick_kindness import QuickKindnessDialog

        window = self.window
        now = self.clock()
        try:
            found = shift_started(window.journal.settings.shifts(), now)
            dialog = QuickKindnessDialog(window.journal.kindness.acts(), window.journal.people(),
                                         window, now=now, day=found[1] if found else None)
            if dialog.exec() != QuickKindnessDialog.DialogCode.Accepted:
                return
            act = window.journal.kindness.find(str(dialog.chosen_act_id()))
            shift = found[0].name if found is not None and dialog.day() == found[1] else ""
            logged = window.journal.ops.log_kindness(
                act, person=dialog.person.currentText(), note=dialog.note.text(),
                day=dialog.day(), time=dialog.at(), shift=shift)
        except PROBLEMS as exc:
            window.report(exc)
            return
        if window.trash_mode:
            window.actions_.show_trash.setChecked(False)
        window.changes.report(logged.changes)  # the list shows the new entry
        window.statusBar().showMessage(self.tr("Logged: {act}").format(act=act.label), 5000)

    # -- goals ---------------------------------------------------------------
    def show_goals(self) -> None:
        """Open the goals window (made on first use), up to date."""
        if self.goals is None:
            from carejournal.ui.practice.goals_view import GoalsPanel

            self.goals = GoalsPanel(self.window.journal, self.window, window=True)
            self.goals.open_entry_requested.connect(self.window.show_entry)
            self.goals.entry_added.connect(self._goal_entry_added)
        self.goals.refresh()
        self.goals.show()
        self.goals.raise_()
        self.goals.activateWindow()

    def _goal_entry_added(self, entry_id: int) -> None:
        """The goals window stored an entry (a reflection on an attempt): the list follows,
        keeping what is open."""
        self.window.changes.report(Changes(entries=frozenset({entry_id}), listing=True))

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
        QTimer.singleShot(0, self.reminder, self.reminder.check)  # not once it is gone

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
        dialog.rule_off_requested.connect(lambda rule: self._rule_off(dialog, rule))
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            if window.trash_mode:
                window.actions_.show_trash.setChecked(False)
            window.changes.report(Changes.added(dialog.saved_id))

    def _rule_off(self, dialog: QuickCaptureDialog, rule_id: str) -> None:
        """Switch a lens rule off as the editor does; the quick capture's marks follow."""
        self.window.lens.switch_off(rule_id)
        dialog.set_lens(dialog.lens_now())

    # -- settings ------------------------------------------------------------
    def edit_settings(self) -> None:
        """Usual shifts, reminders and the attempts threshold."""
        from carejournal.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.window.journal.settings, self.window,
                                self.window.journal.spelling, self.window.settings)
        a = self.window.actions_
        dialog.add_privacy_actions([a.encrypt, a.change_passphrase, a.decrypt])
        if dialog.exec() == QDialog.DialogCode.Accepted:  # it saved them
            self.window.changes.report(Changes(settings=True))
