"""Safe to type into: one filter on the whole application, so no form can forget it.

- The mouse wheel changes a drop-down, a spin box or a date or time field only while it has
  the focus; over one that has not, the wheel scrolls the page under it and changes nothing.
  The wheel never gives these fields the focus either (StrongFocus: a click or Tab does).
- Tab and Shift+Tab move the focus on and back out of every text box, and out of date and
  time fields at once (Qt steps through their day, month and year, and keeps the focus for
  good in a field showing its "any date" text).
- Ctrl+Tab writes a tab character in a text box, for anyone who wants one there. With the
  worker's "Tab key writes tabs" choice (`set_tab_writes`), Tab writes one and Ctrl+Tab
  moves on instead (Shift+Tab still goes back).
- Tab leaves lists and tables too (the arrow keys move inside them), never cell by cell.

`install(app)` is called by the composition root when the application is made.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

WHEEL_FIELDS = (QComboBox, QAbstractSpinBox)
TEXT_BOXES = (QPlainTextEdit, QTextEdit)
TABS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
NO_TAB_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
FILTER_NAME = "carejournal-safe-input"


class SafeInput(QObject):
    """The application's event filter for the wheel and the Tab key (see the module)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(FILTER_NAME)
        self.tab_writes = False  # the worker's choice: Tab writes a tab in text boxes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, QWidget):
            polish(watched, self.tab_writes)
        elif kind == QEvent.Type.Wheel and isinstance(watched, WHEEL_FIELDS):
            return _pass_wheel_on(watched, event)
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in TABS and isinstance(watched, QWidget):
            return _tab(watched, event, self.tab_writes)
        return False


def install(app: QCoreApplication) -> SafeInput:
    """Put the filter on the application (once; a second call returns the first filter)."""
    found = app.findChild(SafeInput, FILTER_NAME)
    if isinstance(found, SafeInput):
        return found
    safe = SafeInput(app)
    app.installEventFilter(safe)
    return safe


def installed(app: QCoreApplication) -> bool:
    """True if the application has the filter."""
    return isinstance(app.findChild(SafeInput, FILTER_NAME), SafeInput)


def set_tab_writes(app: QCoreApplication, on: bool, window: QWidget | None = None) -> None:
    """The worker's choice: Tab writes a tab in every text box (Ctrl+Tab moves on).

    The filter decides every Tab in a text box; the boxes of `window` are told too, so they
    read the same. Not every widget of the application: some may be half taken down (their
    windows closed, deletion pending), and touching one of those crashed the process."""
    install(app).tab_writes = on
    if window is None:
        return
    boxes: list[QPlainTextEdit | QTextEdit] = [
        *window.findChildren(QPlainTextEdit), *window.findChildren(QTextEdit)]
    for box in boxes:
        box.setTabChangesFocus(not on)


def polish(widget: QWidget, tab_writes: bool = False) -> None:
    """Set a field up as the filter wants it (done as Qt polishes it, before it shows)."""
    if isinstance(widget, WHEEL_FIELDS):
        if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    elif isinstance(widget, TEXT_BOXES):
        widget.setTabChangesFocus(not tab_writes)
    elif isinstance(widget, QAbstractItemView):
        widget.setTabKeyNavigation(False)  # Tab leaves a table; the arrows move in it


def _pass_wheel_on(field: QWidget, event: QEvent) -> bool:
    """Keep the wheel from a field without the focus: Qt then offers it to the page."""
    proxy = field.focusProxy()
    if field.hasFocus() or (proxy is not None and proxy.hasFocus()):
        return False
    popup = field.view() if isinstance(field, QComboBox) else None
    if popup is not None and popup.isVisible():
        return False
    event.ignore()  # ignored and filtered: Qt hands the event to the field's parent
    return True


def _tab(widget: QWidget, event: QKeyEvent, tab_writes: bool) -> bool:
    """Tab in a text box or a date field: a tab character with Ctrl, else the next field."""
    box = _owner(widget, TEXT_BOXES)
    if isinstance(box, TEXT_BOXES):
        return _tab_in_text(box, event, tab_writes)
    field = _owner(widget, (QDateTimeEdit,))
    if field is None or event.modifiers() & NO_TAB_MODIFIERS:
        return False
    _move_on(field, event)
    return True


def _move_on(widget: QWidget, event: QKeyEvent) -> None:
    """The next field (Shift: the one before), by QWidget's own step through the window's
    focus chain, not the widget's (QDateTimeEdit's steps through its sections)."""
    forward = event.key() == Qt.Key.Key_Tab and not (
        event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    QWidget.focusNextPrevChild(widget, forward)


def _tab_in_text(box: QPlainTextEdit | QTextEdit, event: QKeyEvent, tab_writes: bool) -> bool:
    """Ctrl+Tab writes a tab character and plain Tab moves the focus on; the other way round
    when the worker chose that Tab writes tabs. Shift+Tab always goes back. Decided here,
    whatever the box's own tabChangesFocus says."""
    ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    back = event.key() == Qt.Key.Key_Backtab or bool(
        event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    if back and ctrl and not tab_writes:
        return False  # Ctrl+Shift+Tab: Qt's own
    if back or ctrl == tab_writes or box.isReadOnly():
        _move_on(box, event)
        return True
    box.insertPlainText("\t")
    box.ensureCursorVisible()
    return True


def _owner(widget: QWidget, kinds: tuple[type, ...]) -> QWidget | None:
    """The widget itself, or its parent (a spin box's line edit, a text box's viewport)."""
    if isinstance(widget, kinds):
        return widget
    parent = widget.parentWidget()
    return parent if isinstance(parent, kinds) else None
