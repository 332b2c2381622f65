"""The main window's menu bar, built from the declared actions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from carejournal import APP_NAME, __version__
from carejournal.core.resources import resource_path
from carejournal.ui.actions import Actions


def build_menus(window: QMainWindow, actions: Actions, undo_stack: QUndoStack) -> None:
    """Fill the window's menu bar: File, Edit, View, Supervision, Go, Help."""
    bar = window.menuBar()
    file_menu = bar.addMenu(window.tr("&File"))
    file_menu.addAction(actions.new_entry)
    new_menu = file_menu.addMenu(window.tr("New &Kind of Entry"))
    for action in actions.new_of_kind.values():
        new_menu.addAction(action)
    file_menu.addAction(actions.log_kindness)
    file_menu.addAction(actions.quick_capture)
    file_menu.addAction(actions.mirror)
    file_menu.addAction(actions.save)
    file_menu.addAction(actions.backups)
    privacy_menu = file_menu.addMenu(window.tr("Pri&vacy"))
    privacy_menu.addAction(actions.encrypt)
    privacy_menu.addAction(actions.change_passphrase)
    privacy_menu.addAction(actions.decrypt)
    file_menu.addSeparator()
    file_menu.addAction(actions.lock)
    file_menu.addAction(actions.quit)

    edit_menu = bar.addMenu(window.tr("&Edit"))
    undo = undo_stack.createUndoAction(window, window.tr("&Undo"))
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = undo_stack.createRedoAction(window, window.tr("&Redo"))
    redo.setShortcuts(QKeySequence.StandardKey.Redo)
    actions.undo, actions.redo = undo, redo
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.trash)
    edit_menu.addAction(actions.restore)
    edit_menu.addAction(actions.empty_trash)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.edit_acts)
    edit_menu.addAction(actions.tab_writes_tabs)
    edit_menu.addAction(actions.settings)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.find)
    edit_menu.addAction(actions.clear_filters)

    view_menu = bar.addMenu(window.tr("&View"))
    view_menu.addAction(actions.show_trash)
    view_menu.addAction(actions.show_goals)
    view_menu.addAction(actions.due_actions)
    view_menu.addAction(actions.show_lens)
    view_menu.addAction(actions.show_patterns)
    view_menu.addSeparator()
    view_menu.addAction(actions.writing_only)

    supervision_menu = bar.addMenu(window.tr("S&upervision"))
    supervision_menu.addAction(actions.prepare_supervision)
    supervision_menu.addAction(actions.supervision_sessions)

    go_menu = bar.addMenu(window.tr("&Go"))
    for action in (actions.next_entry, actions.previous_entry, actions.focus_timeline,
                   actions.focus_editor):
        go_menu.addAction(action)
    parts_menu = go_menu.addMenu(window.tr("Parts of the &Entry"))
    for action in actions.open_group.values():
        parts_menu.addAction(action)

    toolbar = window.addToolBar(window.tr("Quick actions"))
    toolbar.setObjectName("quick-actions")
    toolbar.setMovable(False)
    for action in (actions.new_entry, actions.log_kindness):
        toolbar.addAction(action)
        button = toolbar.widgetForAction(action)
        button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        button.setToolTip(f"{button.accessibleName()} ({action.shortcut().toString()})")

    help_menu = bar.addMenu(window.tr("&Help"))
    help_menu.addAction(actions.about)


def show_about(parent: QWidget, journal_path: Path) -> None:
    """Help › About: the version and where the journal is."""
    QMessageBox.about(parent, parent.tr("About CareJournal"), parent.tr(
        "{app} {version}\nA private reflective-practice journal for care work.\n"
        "Your journal: {path}\n\nEncryption uses SQLCipher (BSD licence, Zetetic LLC) and "
        "OpenSSL (Apache License 2.0); their licence notices are in {licences}").format(
            app=APP_NAME, version=__version__, path=journal_path,
            licences=resource_path("licences")))
