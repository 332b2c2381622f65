"""Joins the language lens to the window: the editor's lens, switching rules, the lens window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from carejournal.core.changes import Changes
from carejournal.lens.rewrite import warm_up
from carejournal.ui.shared import background
from carejournal.ui.shared.problems import PROBLEMS

if TYPE_CHECKING:
    from carejournal.ui.lens.dialog import LensDialog
    from carejournal.ui.main_window import MainWindow


class LensController(QObject):
    """Keeps the editor's lens in step with the rules the worker has switched off."""

    def __init__(self, window: MainWindow,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(window)
        self.window = window
        self.today = today
        self.dialog: LensDialog | None = None
        window.actions_.show_lens.triggered.connect(self.show_lens)
        window.editor.rule_off_requested.connect(self.switch_off)
        window.changes.changed.connect(self._changed)
        if window.start_up.deferred:  # the lens is built after the first paint, in a thread
            window.start_up.run(self._load)
        else:
            window.start_up.run(self.refresh)
        window.start_up.run(self.warm_rewrites)

    def _load(self) -> None:
        """Read the lexicon and build the lens off the window's thread (with lemminflect's
        word data that takes a second or two), then give the editor its lens. The switched-off
        rules are read here, on the window's thread, as every setting is."""
        service = self.window.journal.lens
        disabled = service.disabled_rules()
        background.run(lambda: service.warm(disabled), done=self._loaded, owner=self,
                       name="language lens")

    def _loaded(self, _result: object) -> None:
        if self.window.journal.closed:
            return  # closed meanwhile (locked, encrypted, switched): nothing to give it to
        self.refresh()  # a lexicon that failed to load is reported by the lens, as ever

    def refresh(self) -> None:
        """Give the editor the lens as it now stands."""
        self.window.editor.set_lens(self.window.journal.lens.lens())

    def warm_rewrites(self) -> None:
        """Load the inflection tables off the window's thread, so the first right-click on a
        finding does not wait a second for them."""
        background.run(warm_up, done=lambda _result: None, owner=self, name="lens rewrites")

    def _changed(self, changes: Changes) -> None:
        if changes.lens_rules:
            self.refresh()

    def switch_off(self, rule_id: str) -> None:
        """Switch one rule off everywhere, after saying what that means."""
        rule = self.window.journal.lens.lexicon().rule(rule_id)
        if rule is None:
            return
        answer = QMessageBox.question(
            self.window, self.tr("Switch this rule off?"),
            self.tr("The lens will stop noticing “{phrase}” in every entry. You can switch it "
                    "back on in View › Language Lens.").format(phrase=rule.phrases[0].rstrip("+")))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:  # the editor's lens follows
            self.window.changes.apply(lambda: self.window.journal.ops.set_rule_on(rule_id, False))
        except PROBLEMS as exc:
            self.window.statusBar().showMessage(str(exc), 5000)

    def show_lens(self) -> None:
        """Open (or bring forward) the window with the period's wording and all the rules."""
        if self.dialog is None:
            from carejournal.ui.lens.dialog import LensDialog  # loads when first used

            try:
                self.dialog = LensDialog(self.window.journal.lens, self.today, self.window,
                                         self._last_supervision)
            except PROBLEMS as exc:
                self.window.statusBar().showMessage(str(exc), 5000)
                return
            self.dialog.rules_changed.connect(
                lambda: self.window.changes.report(Changes(lens_rules=True)))
            self.dialog.finished.connect(self._closed)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _last_supervision(self) -> dt.date | None:
        """The day of the last supervision session, if there has been one."""
        last = self.window.journal.supervision.last_session(self.today())
        return last.held_on if last is not None else None

    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
