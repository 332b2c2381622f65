"""Writing only (F11): the window shows the entry's text, its lens marks and the save state.

The timeline, menus, tool bar, notices and the editor's structured parts hide, and the window
fills the screen; Esc or F11 brings everything back as it was. Nothing is saved or changed
by switching: only what is shown changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QToolBar, QWidget

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow


class WritingMode(QObject):
    """Switches the window in and out of writing only, following its checkable action."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.on = False
        self._hidden: list[QWidget] = []
        self._state = window.windowState()
        actions = window.actions_
        self.leave_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), window, self.leave,
                                   context=Qt.ShortcutContext.WindowShortcut)
        self.leave_key.setEnabled(False)
        # Reached while the menu bar hides: the keys of writing and of the parts stay live.
        window.addActions([actions.writing_only, actions.save, actions.lock,
                           *actions.open_group.values()])
        actions.writing_only.toggled.connect(self.set_on)
        for key, action in actions.open_group.items():
            action.triggered.connect(lambda _=False, k=key: self.open_group(k))

    def leave(self) -> None:
        self.window.actions_.writing_only.setChecked(False)

    def set_on(self, on: bool) -> None:
        if on == self.on:
            return
        window = self.window
        if on and window.pages.currentWidget() is not window.editor:
            window.new_entry(window.new_kind)  # nothing open: a new page to write on
        if on and window.pages.currentWidget() is not window.editor:
            window.actions_.writing_only.setChecked(False)  # in the trash, or locked
            return
        self.on = on
        self.leave_key.setEnabled(on)
        if on:
            self._enter()
        else:
            self._leave()

    def _around(self) -> list[QWidget]:
        window = self.window
        items = [window.notices.itemAt(i) for i in range(window.notices.count())]
        notices = [item.widget() for item in items if item is not None]
        return [window.menuBar(), *window.findChildren(QToolBar), window.timeline,
                window.count_label, *[w for w in notices if w is not None]]

    def _enter(self) -> None:
        window = self.window
        self._hidden = [w for w in self._around() if not w.isHidden()]
        for widget in self._hidden:
            widget.hide()
        self._state = window.windowState()
        window.setWindowState(self._state | Qt.WindowState.WindowFullScreen)
        editor = window.editor
        editor.set_writing_only(True)
        focused = window.focusWidget()
        if focused is None or not editor.isAncestorOf(focused) or not focused.isVisible():
            editor.body.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _leave(self) -> None:
        window = self.window
        window.editor.set_writing_only(False)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        window.setWindowState(self._state)

    def open_group(self, key: str) -> None:
        """Unfold one of the editor's groups and focus it (leaving writing only first)."""
        window = self.window
        if self.on:
            self.leave()
        if window.pages.currentWidget() is not window.editor:
            return
        if not window.editor.open_group(key):
            window.statusBar().showMessage(
                self.tr("This kind of entry has no such part."), 4000)
