"""Where windows open and how big: every window and dialog within the screen's available
geometry, centred on its parent, at the size it had last time on that screen; the main
window's splitter; and what closing the main window with unsaved typing asks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

if TYPE_CHECKING:
    from carejournal.ui.main_window import MainWindow

MAIN_SIZE = QSize(1280, 800)
FRAME = QSize(16, 40)  # room for a window manager's frame before it is known
SETTLE_MS = 300  # time for a window manager to frame a new window
PLACED = "carejournal_placed"  # a dynamic property: this window was placed once


def available_geometry(widget: QWidget) -> QRect:
    """The available geometry (no panels or docks) of the screen the widget opens on: its
    parent's screen, else its own, else the primary screen."""
    parent = widget.parentWidget()
    screen = (parent.window().screen() if parent is not None else None) or widget.screen() \
        or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _frame_extra(window: QWidget) -> QSize:
    """What the window manager's frame adds (a guess until the window has one)."""
    frame, inner = window.frameGeometry().size(), window.geometry().size()
    extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return extra if extra.height() > 0 else FRAME


def screen_key(window: QWidget) -> str:
    """The name under which a window's size is kept for the screen it opens on."""
    area = available_geometry(window)
    screen = window.screen()
    name = screen.name() if screen is not None else ""
    return f"{name or 'screen'}-{area.width()}x{area.height()}".replace("/", "_")


def _name(window: QWidget) -> str:
    return window.objectName() or type(window).__name__


def fit(window: QWidget, size: QSize | None = None, centre: bool = True) -> None:
    """Give the window this size (or its own), made small enough for the screen, and centre
    it on its parent's window (or on the screen); with centre=False it stays where it is.
    Either way it ends wholly inside the screen's available geometry."""
    area = available_geometry(window)
    extra = _frame_extra(window)
    room = QSize(max(area.width() - extra.width(), 200), max(area.height() - extra.height(), 150))
    if window.minimumWidth() > room.width() or window.minimumHeight() > room.height():
        window.setMinimumSize(window.minimumSize().boundedTo(room))
    window.resize((size or window.size()).expandedTo(window.minimumSize()).boundedTo(room))
    frame = QSize(window.width() + extra.width(), window.height() + extra.height())
    if centre:
        parent = window.parentWidget()
        middle = parent.window().frameGeometry().center() if parent is not None \
            else area.center()
        corner = QPoint(middle.x() - frame.width() // 2, middle.y() - frame.height() // 2)
    else:
        corner = window.frameGeometry().topLeft()
    left = max(min(corner.x(), area.right() + 1 - frame.width()), area.left())
    top = max(min(corner.y(), area.bottom() + 1 - frame.height()), area.top())
    window.move(QPoint(left, top))


class Placer(QObject):
    """Places each top-level window when it first shows, and keeps its size per screen when
    it hides. One per application (install() finds it again)."""

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.Hide) and isinstance(watched, QWidget) \
                and _placed_here(watched):
            if kind is QEvent.Type.Show and not watched.property(PLACED):
                watched.setProperty(PLACED, True)
                self.place(watched)
            elif kind is QEvent.Type.Hide and watched.property(PLACED):
                self.settings.setValue(self._key(watched), watched.size())
        return False

    def _key(self, window: QWidget) -> str:
        return f"windows/{_name(window)}/{screen_key(window)}"

    def place(self, window: QWidget) -> None:
        """Open at the size kept for this screen (else its own), fitted and centred."""
        kept = self.settings.value(self._key(window))
        fit(window, kept if isinstance(kept, QSize) and kept.isValid() else None)
        settle_later(window)


def settle_later(window: QWidget) -> None:
    """Once the window manager has framed the window, bring the frame inside the screen if
    it is not (before the first show the frame is a guess, and some window managers place
    the window's inside, not its frame, where it was asked to go)."""
    def settle() -> None:
        if window.isVisible() and not window.isMaximized() \
                and not available_geometry(window).contains(window.frameGeometry()):
            fit(window, centre=False)

    QTimer.singleShot(SETTLE_MS, window, settle)


def _placed_here(widget: QWidget) -> bool:
    """Top-level windows and dialogs, but not the main window (restore_layout places it),
    menus, tooltips or pop-ups."""
    if not widget.isWindow() or isinstance(widget, QMainWindow):
        return False
    return isinstance(widget, QDialog) or widget.windowType() in (
        Qt.WindowType.Window, Qt.WindowType.Dialog)


def install(settings: QSettings, owner: QObject) -> Placer:
    """Place every window of the application while the owner lives (the main window, or
    the app before it); a window is placed once, by the first placer that sees it."""
    placer = Placer(settings, owner)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(placer)  # the filter goes when its owner is deleted
    return placer


def restore_layout(window: MainWindow) -> None:
    """Size and splitter as the worker left them on this screen (1280x800 the first time),
    always within the screen."""
    geometry = window.settings.value(f"window/geometry/{screen_key(window)}")
    if isinstance(geometry, QByteArray) and window.restoreGeometry(geometry):
        if not window.windowState() & (Qt.WindowState.WindowMaximized
                                       | Qt.WindowState.WindowFullScreen):
            fit(window, centre=False)
    else:
        fit(window, MAIN_SIZE)
    settle_later(window)
    splitter = window.settings.value("window/splitter")
    if isinstance(splitter, QByteArray):
        window.splitter.restoreState(splitter)


def save_layout(window: MainWindow) -> None:
    """Remember the size (for this screen) and splitter for next time."""
    window.settings.setValue(f"window/geometry/{screen_key(window)}", window.saveGeometry())
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
