"""The main window's menu bar, built from the declared actions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QWidget

from carejournal import APP_NAME, __version__
from carejournal.core.resources import resource_path
from carejournal.ui.actions import Actions

translate = QCoreApplication.translate  # translate("Context", "text"), as lupdate reads it


def build_menus(window: QMainWindow, actions: Actions, undo_stack: QUndoStack) -> None:
    """Fill the window's menu bar: File, Edit, View, Supervision, Go, Help."""
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    file_menu.addAction(actions.new_entry)
    new_menu = file_menu.addMenu(translate("MainWindow", "New &Kind of Entry"))
    for action in actions.new_of_kind.values():
        new_menu.addAction(action)
    file_menu.addAction(actions.log_kindness)
    file_menu.addAction(actions.quick_capture)
    file_menu.addAction(actions.mirror)
    file_menu.addAction(actions.save)
    file_menu.addAction(actions.print_entry)
    file_menu.addAction(actions.backups)
    file_menu.addAction(actions.import_)
    file_menu.addAction(actions.export)
    file_menu.addAction(actions.use_as_account)
    file_menu.addAction(actions.copy_for_swe)
    privacy_menu = file_menu.addMenu(translate("MainWindow", "Pri&vacy"))
    privacy_menu.addAction(actions.encrypt)
    privacy_menu.addAction(actions.change_passphrase)
    privacy_menu.addAction(actions.decrypt)
    file_menu.addSeparator()
    file_menu.addAction(actions.lock)
    file_menu.addAction(actions.quit)

    edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
    undo, redo = actions.adopt_undo(undo_stack, window)
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.trash)
    edit_menu.addAction(actions.restore)
    edit_menu.addAction(actions.empty_trash)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.edit_acts)
    edit_menu.addAction(actions.people_tags)
    edit_menu.addAction(actions.tab_writes_tabs)
    edit_menu.addAction(actions.settings)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.find)
    edit_menu.addAction(actions.clear_filters)

    view_menu = bar.addMenu(translate("MainWindow", "&View"))
    view_menu.addAction(actions.show_trash)
    view_menu.addAction(actions.show_calendar)
    view_menu.addAction(actions.show_goals)
    view_menu.addAction(actions.due_actions)
    view_menu.addAction(actions.show_lens)
    view_menu.addAction(actions.show_patterns)
    view_menu.addAction(actions.learning)
    view_menu.addSeparator()
    appearance = view_menu.addMenu(translate("MainWindow", "&Appearance"))
    theme_menu = appearance.addMenu(translate("MainWindow", "&Theme"))
    for action in actions.themes.values():
        theme_menu.addAction(action)
    for action in (actions.larger_text, actions.smaller_text, actions.normal_text):
        appearance.addAction(action)
    view_menu.addAction(actions.writing_only)

    supervision_menu = bar.addMenu(translate("MainWindow", "S&upervision"))
    supervision_menu.addAction(actions.prepare_supervision)
    supervision_menu.addAction(actions.supervision_sessions)

    go_menu = bar.addMenu(translate("MainWindow", "&Go"))
    for action in (actions.next_entry, actions.previous_entry, actions.focus_timeline,
                   actions.focus_editor):
        go_menu.addAction(action)
    parts_menu = go_menu.addMenu(translate("MainWindow", "Parts of the &Entry"))
    for action in actions.open_group.values():
        parts_menu.addAction(action)

    toolbar = window.addToolBar(translate("MainWindow", "Quick actions"))
    toolbar.setObjectName("quick-actions")
    toolbar.setMovable(False)
    for action in (actions.new_entry, actions.log_kindness):
        toolbar.addAction(action)
        button = toolbar.widgetForAction(action)
        button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        button.setToolTip(f"{button.accessibleName()} ({action.shortcut().toString()})")

    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(actions.guide)
    help_menu.addAction(actions.shortcuts)
    help_menu.addSeparator()
    help_menu.addAction(actions.about)


def show_guide(window: QMainWindow) -> QDialog:
    """Help › Guide: the short guide, beside the window (it stays open while writing)."""
    from carejournal.ui.help.guide import GuideDialog

    dialog = window.findChild(GuideDialog)
    if dialog is None:
        dialog = GuideDialog(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def show_shortcuts(window: QMainWindow, actions: Actions) -> QDialog:
    """Help › Keyboard Shortcuts: the sheet, made from the actions table as it is now."""
    from carejournal.ui.help.shortcuts import ShortcutsDialog

    old = window.findChild(ShortcutsDialog)
    if old is not None:
        old.deleteLater()
    dialog = ShortcutsDialog(window.menuBar(), actions.all(), window)
    dialog.show()
    dialog.activateWindow()
    return dialog


def show_about(parent: QWidget, journal_path: Path) -> QMessageBox:
    """Help › About: the version and where the journal is; Licences… shows the notices."""
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowTitle(translate("MainWindow", "About CareJournal"))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    licences = box.addButton(translate("MainWindow", "Licences…"),
                             QMessageBox.ButtonRole.ActionRole)
    licences.clicked.disconnect()  # (a button of a message box closes it; this one stays)
    licences.clicked.connect(lambda: _show_licences(box))
    box.setText(translate("MainWindow",
        "{app} {version}\nA private reflective-practice journal for care work.\n"
        "Your journal: {path}\n\nEncryption uses SQLCipher (BSD licence, Zetetic LLC) and "
        "OpenSSL (Apache License 2.0); their licence notices are in {licences}").format(
            app=APP_NAME, version=__version__, path=journal_path,
            licences=resource_path("licences")))
    box.open()
    return box


def _show_licences(parent: QWidget) -> None:
    from carejournal.ui.help.licences import LicencesDialog

    dialog = LicencesDialog(parent)
    dialog.open()
