"""The main window's remembered size and splitter, and what closing it with unsaved typing asks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication

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
    """Save the typing; if that fails, ask first: keep writing, save it elsewhere, or close."""
    if window.autosaver.flush():
        return True
    from carejournal.ui.backups.not_saved import ask_before_closing

    return ask_before_closing(window)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)
