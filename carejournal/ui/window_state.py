"""The main window's remembered size and splitter, and what closing it with unsaved typing asks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow


def restore_layout(window: MainWindow) -> None:
    """Size and splitter as the worker left them (1280x800 the first time)."""
    geometry = window.settings.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 800)
    splitter = window.settings.value("window/splitter")
    if isinstance(splitter, QByteArray):
        window.splitter.restoreState(splitter)


def save_layout(window: MainWindow) -> None:
    """Remember the size and splitter for next time."""
    window.settings.setValue("window/geometry", window.saveGeometry())
    window.settings.setValue("window/splitter", window.splitter.saveState())
    window.settings.sync()


def may_close(window: MainWindow) -> bool:
    """Save the typing; if that fails, ask before closing and losing it."""
    if window.autosaver.flush():
        return True
    answer = QMessageBox.warning(
        window, _tr("Your latest changes are not saved"),
        _tr("{problem}\n\nClose anyway and lose those changes?").format(
            problem=window.autosaver.message),
        QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Close


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)
