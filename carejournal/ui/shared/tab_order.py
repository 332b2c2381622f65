"""Tab in the order the worker reads a form: top to bottom, left to right within a row.

Qt's own order is the order widgets were made or put in their window, which drifts from what
is shown as forms are built in pieces (a part made before the fields above it, rows added
later, sections rebuilt). `fields_in_order` reads a widget's layouts instead (box layouts in
their order, grids and forms row by row), and `follow_layout` chains Tab through them.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QGridLayout,
    QLayout,
    QScrollArea,
    QSplitter,
    QWidget,
)

FORM_ROLES = {QFormLayout.ItemRole.LabelRole: 0, QFormLayout.ItemRole.FieldRole: 1,
              QFormLayout.ItemRole.SpanningRole: 2}
BACKWARDS = (QBoxLayout.Direction.RightToLeft, QBoxLayout.Direction.BottomToTop)


def fields_in_order(widget: QWidget) -> list[QWidget]:
    """The widgets inside widget that Tab stops at, in the order its layouts show them."""
    takes_tab = bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)
    if takes_tab and not isinstance(widget, QScrollArea):
        return [widget]
    if isinstance(widget, QScrollArea):
        inner = widget.widget()
        return fields_in_order(inner) if inner is not None else []
    if isinstance(widget, QSplitter):
        parts = [widget.widget(n) for n in range(widget.count())]
        return [f for part in parts if part is not None for f in fields_in_order(part)]
    layout = widget.layout()
    return _in_layout(layout) if layout is not None else []


def _in_layout(layout: QLayout) -> list[QWidget]:
    found: list[QWidget] = []
    for index in _item_order(layout):
        item = layout.itemAt(index)
        if item is None:
            continue
        inner, sub = item.widget(), item.layout()
        if inner is not None:
            found += fields_in_order(inner)
        elif sub is not None:
            found += _in_layout(sub)
    return found


def _item_order(layout: QLayout) -> list[int]:
    """The layout's item indexes in reading order."""
    indexes = list(range(layout.count()))
    if isinstance(layout, QGridLayout):
        def cell(i: int) -> tuple[int, int]:
            row, column, _rows, _columns = cast(tuple[int, int, int, int],
                                                layout.getItemPosition(i))
            return row, column
        return sorted(indexes, key=cell)
    if isinstance(layout, QFormLayout):
        def place(i: int) -> tuple[int, int]:
            row, role = cast(tuple[int, QFormLayout.ItemRole], layout.getItemPosition(i))
            return row, FORM_ROLES.get(role, 1)
        return sorted(indexes, key=place)
    if isinstance(layout, QBoxLayout) and layout.direction() in BACKWARDS:
        return indexes[::-1]
    return indexes


def chain(fields: list[QWidget]) -> None:
    """Tab goes from each widget to the next, in this order."""
    for first, second in zip(fields, fields[1:], strict=False):
        if first is not second:
            QWidget.setTabOrder(first, second)


def follow_layout(widget: QWidget) -> list[QWidget]:
    """Chain Tab through widget's fields in the order its layouts show them; the fields.

    A scroll area with fields inside stops being a stop itself: Tab goes to its fields, and
    the area scrolls to show each one (one with none, text to read, stays a stop).
    """
    for area in [widget, *widget.findChildren(QScrollArea)]:
        inner = area.widget() if isinstance(area, QScrollArea) else None
        if inner is not None and fields_in_order(inner):
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    fields = fields_in_order(widget)
    chain(fields)
    return fields
