"""Walk real Tab presses through a form: which fields take the focus, in which order.

`walk(start)` presses Tab (or Shift+Tab) on whichever widget has the focus, reading
QApplication.focusWidget() after each press, until the focus comes back to where it started;
it fails if a press leaves the focus where it was (stuck) or never comes back.
`assert_reading_order(fields, region)` checks fields follow the visual order of a region:
top to bottom, and left to right within a row (rows are fields that overlap vertically).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QRadioButton,
    QWidget,
)

LIMIT = 150
COMPOUND = (QAbstractSpinBox, QComboBox, QAbstractScrollArea)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the focus"
    return widget


def describe(widget: QWidget) -> str:
    name = widget.accessibleName() or widget.objectName()
    text = getattr(widget, "text", None)
    if not name and callable(text):
        name = str(text())
    return f"{type(widget).__name__}({name!r})"


def press_tab(backwards: bool = False) -> QWidget:
    """One real Tab (Shift+Tab) on the focused widget; the widget focused after it."""
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    QTest.keyClick(focused(), Qt.Key.Key_Tab, modifier)
    return focused()


def activate(window: QWidget) -> None:
    """Make the window the one with the keyboard (offscreen, another may have taken it)."""
    QApplication.processEvents()
    for _ in range(50):
        if QGuiApplication.focusWindow() is window.windowHandle():
            return
        window.activateWindow()
        window.windowHandle().requestActivate()
        QTest.qWait(10)
    raise AssertionError(f"{describe(window)} never became the active window")


REST_MS = 500  # longer than any refresh the window schedules after background work


def walk(start: QWidget, backwards: bool = False, limit: int = LIMIT) -> list[QWidget]:
    """The widgets Tab (Shift+Tab) visits from start until the focus is back at start.

    The window is first brought to rest: work it started in the background (the lexicon, a
    dictionary) has ended and its results have reached the window, so nothing it brings
    back changes the fields between one walk and the next."""
    from carejournal.ui.shared import background

    background.wait_for_all(30)
    for _ in range(3):
        QApplication.processEvents()
    QTest.qWait(REST_MS)  # a refresh a result scheduled (the lens panel's, after 300 ms) runs
    # now, not halfway through a walk, where it shows or hides a field between Tab and Shift+Tab
    background.wait_for_all(30)
    QApplication.processEvents()
    activate(start.window())
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    first = focused()
    seen = [first]
    for _ in range(limit):
        now = press_tab(backwards)
        assert now is not seen[-1], f"Tab is stuck in {describe(now)} after " + \
            " → ".join(describe(w) for w in seen[-4:])
        if now is first:
            return seen
        assert now not in seen, f"Tab goes round without {describe(first)}: " + \
            " → ".join(describe(w) for w in [*seen, now])
        seen.append(now)
    raise AssertionError("Tab never came back: " + " → ".join(describe(w) for w in seen))


def rect_in(widget: QWidget, region: QWidget) -> QRect:
    return QRect(widget.mapTo(region, widget.rect().topLeft()), widget.size())


def inside(widget: QWidget, region: QWidget) -> bool:
    return widget is region or region.isAncestorOf(widget)


def out_of_order(fields: Sequence[QWidget], region: QWidget) -> list[str]:
    """Each step from one field to the next that goes against the reading order."""
    problems = []
    for a, b in zip(fields, fields[1:], strict=False):
        ra, rb = rect_in(a, region), rect_in(b, region)
        same_row = rb.top() < ra.bottom() and ra.top() < rb.bottom()
        ok = rb.left() >= ra.right() - 2 if same_row else rb.top() >= ra.bottom() - 2
        if not ok:
            problems.append(f"{describe(a)} at {ra.getRect()} → {describe(b)} at {rb.getRect()}")
    return problems


def assert_reading_order(fields: Iterable[QWidget], region: QWidget) -> None:
    """The fields in region follow its reading order, going round from the first one."""
    ordered = [f for f in fields if inside(f, region)]
    if ordered:
        first = min(range(len(ordered)), key=lambda i: (rect_in(ordered[i], region).top(),
                                                        rect_in(ordered[i], region).left()))
        ordered = ordered[first:] + ordered[:first]
    problems = out_of_order(ordered, region)
    assert not problems, "Tab goes against the visual order:\n" + "\n".join(problems)


def assert_regions(fields: Sequence[QWidget], regions: Sequence[QWidget]) -> None:
    """Every field is in one of the regions, visited in their order, each in reading order."""
    def region_of(field: QWidget) -> int:
        for n, region in enumerate(regions):
            if inside(field, region):
                return n
        raise AssertionError(f"{describe(field)} is in none of the regions")
    order = [region_of(f) for f in fields]
    start = order.index(min(order))
    rotated = order[start:] + order[:start]
    assert rotated == sorted(rotated), "Tab jumps between parts of the window: " + \
        " → ".join(describe(f) for f in fields)
    for region in regions:
        assert_reading_order(fields, region)


def assert_walks_back(forward: Sequence[QWidget]) -> None:
    """Shift+Tab from the first field visits the same fields in reverse."""
    back = walk(forward[0], backwards=True)
    assert back == [forward[0], *reversed(forward[1:])], (
        "Shift+Tab does not retrace Tab:\n" + " → ".join(describe(w) for w in back)
        + "\nTab went:\n" + " → ".join(describe(w) for w in forward))


def tab_stops(region: QWidget) -> list[QWidget]:
    """Every widget in region that Tab should reach now: shown, enabled, taking Tab."""
    return [w for w in region.findChildren(QWidget)
            if w.isVisibleTo(region.window()) and w.isEnabled() and w.focusProxy() is None
            and w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
            and not _inside_compound(w) and not _other_radio(w)]


def _other_radio(widget: QWidget) -> bool:
    """A radio button not chosen: Tab stops at the chosen one of its group (arrows move)."""
    return isinstance(widget, QRadioButton) and not widget.isChecked()


def _inside_compound(widget: QWidget) -> bool:
    """A part of a field (a date box's line edit, a scroll bar), reached through the field."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent.focusProxy() is widget or isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def assert_reaches_all(fields: Sequence[QWidget], region: QWidget) -> None:
    missed = [describe(w) for w in tab_stops(region) if w not in fields]
    assert not missed, "Tab never reaches: " + ", ".join(missed)
