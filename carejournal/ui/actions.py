"""Every menu action of the main window, with its standard shortcut, declared in one place."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

from carejournal.core.kinds import KINDS
from carejournal.ui.shared.strings import new_entry_label

Key = QKeySequence.StandardKey


class Actions(QObject):
    """The main window's QActions; the window connects their `triggered` signals."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.new_entry = self._make(self.tr("&New Entry"), Key.New)
        self.new_of_kind = {s.kind: self._make(new_entry_label(s.kind)) for s in KINDS}
        self.log_kindness = self._make(self.tr("Log a &Little Thing…"), "Ctrl+K")
        self.mirror = self._make(self.tr("&Mirror in My Own Life…"), "Ctrl+Shift+M")
        self.save = self._make(self.tr("&Save Now"), Key.Save)
        self.print_entry = self._make(self.tr("&Print…"), Key.Print)
        self.quit = self._make(self.tr("&Quit"), Key.Quit)
        self.backups = self._make(self.tr("&Backups…"))
        self.import_ = self._make(self.tr("&Import…"))
        self.export = self._make(self.tr("E&xport…"))
        self.use_as_account = self._make(self.tr("Use as a &Reflective Account…"))
        self.copy_for_swe = self._make(self.tr("Copy for Social &Work England…"))
        self.people_tags = self._make(self.tr("&People and Tags…"))
        self.lock = self._make(self.tr("&Lock Journal"), "Ctrl+L")
        self.encrypt = self._make(self.tr("Protect with a &Passphrase…"))
        self.change_passphrase = self._make(self.tr("C&hange Passphrase…"))
        self.decrypt = self._make(self.tr("Remove the Pa&ssphrase…"))
        self.trash = self._make(self.tr("Move to &Trash"), Key.Delete)
        self.trash.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find = self._make(self.tr("&Find…"), Key.Find)
        self.next_entry = self._make(self.tr("Ne&xt Entry"), "Ctrl+PgDown")
        self.previous_entry = self._make(self.tr("Pre&vious Entry"), "Ctrl+PgUp")
        self.focus_timeline = self._make(self.tr("Go to &Timeline"), "Ctrl+1")
        self.focus_editor = self._make(self.tr("Go to &Editor"), "Ctrl+E")
        self.clear_filters = self._make(self.tr("&Clear Search and Filters"), "Ctrl+Shift+L")
        self.show_trash = self._make(self.tr("Show T&rash"), "Ctrl+Shift+T")
        self.show_trash.setCheckable(True)
        self.show_calendar = self._make(self.tr("&Calendar"), "Ctrl+Shift+D")
        self.show_calendar.setCheckable(True)  # the month view below the timeline, remembered
        self.restore = self._make(self.tr("&Restore from Trash"), "Ctrl+Shift+R")
        self.empty_trash = self._make(self.tr("&Empty Trash…"))
        self.quick_capture = self._make(self.tr("&Quick Capture…"), "Ctrl+Shift+K")
        self.tab_writes_tabs = self._make(self.tr("Tab &Key Writes Tabs in Text"))
        self.tab_writes_tabs.setCheckable(True)  # Ctrl+Tab then moves on
        self.settings = self._make(self.tr("&Settings…"), Key.Preferences)
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.show_goals = self._make(self.tr("&Goals and Attempts…"), "Ctrl+G")
        self.edit_acts = self._make(self.tr("Your &Little Things…"))
        self.due_actions = self._make(self.tr("Actions &Due for Review…"))
        self.show_lens = self._make(self.tr("&Language Lens…"), "Ctrl+Shift+U")
        self.show_patterns = self._make(self.tr("&Patterns of Practice…"), "Ctrl+Shift+P")
        self.learning = self._make(self.tr("Learning and &Feedback…"))
        self.prepare_supervision = self._make(self.tr("&Prepare for Supervision…"),
                                              "Ctrl+Shift+S")
        self.supervision_sessions = self._make(self.tr("&Supervision Sessions…"))
        self.guide = self._make(self.tr("CareJournal &Guide"), Key.HelpContents)
        self.shortcuts = self._make(self.tr("&Keyboard Shortcuts"), "Ctrl+/", "Ctrl+?")
        self.about = self._make(self.tr("&About CareJournal"))
        self.themes = {"system": self._make(self.tr("As the &System Has It")),
                       "light": self._make(self.tr("&Light")),
                       "dark": self._make(self.tr("&Dark"))}
        for action in self.themes.values():
            action.setCheckable(True)
        self.larger_text = self._make(self.tr("&Larger Text"), Key.ZoomIn)
        self.smaller_text = self._make(self.tr("S&maller Text"), Key.ZoomOut)
        self.normal_text = self._make(self.tr("&Normal Text Size"), "Ctrl+0")
        self.writing_only = self._make(self.tr("&Writing Only"), "F11")  # Esc leaves it too
        self.writing_only.setCheckable(True)
        # The editor's folding groups, each unfolded and focused by one key (fold.py's keys).
        self.open_group = {
            "details": self._make(self.tr("&When, Who and How I Felt"), "Alt+1"),
            "acts": self._make(self.tr("&Little Things I Did"), "Alt+2"),
            "decisions": self._make(self.tr("&Decisions"), "Alt+3"),
            "actions": self._make(self.tr("&Actions"), "Alt+4"),
        }
        self.undo: QAction | None = None
        self.redo: QAction | None = None

    def adopt_undo(self, stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
        """Edit › Undo and Redo, made by the undo stack, with their standard shortcuts."""
        self.undo = stack.createUndoAction(parent, self.tr("&Undo"))
        self.undo.setShortcuts(Key.Undo)
        self.redo = stack.createRedoAction(parent, self.tr("&Redo"))
        self.redo.setShortcuts(Key.Redo)
        return self.undo, self.redo

    def all(self) -> list[QAction]:
        """Every action of the table, the "New …" of each kind and Undo and Redo included."""
        found: list[QAction] = []
        for value in vars(self).values():
            if isinstance(value, QAction):
                found.append(value)
            elif isinstance(value, dict):
                found += [a for a in value.values() if isinstance(a, QAction)]
        return found

    def _make(self, text: str, shortcut: Key | str | None = None, *more: str) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, Key):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcuts([QKeySequence(k) for k in (shortcut, *more)])
        return action
