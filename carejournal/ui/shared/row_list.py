"""Shared logic for editors made of a list of rows (decisions, action items)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget


class RowWidget(QWidget):
    """A row widget: emits changed and remove_requested(row); subclasses give its value()
    and set_read_only()."""

    changed = Signal()
    remove_requested = Signal(object)


class RowList:
    """Mixin for a QWidget holding rows in `self._rows` (a QVBoxLayout) with a `changed`
    signal; subclasses say how to make a row from an item with `_make_row`."""

    rows: list[Any]
    _rows: QVBoxLayout
    add: QPushButton
    changed: SignalInstance  # the subclass's Signal

    def _make_row(self, item: Any) -> RowWidget:
        raise NotImplementedError

    def _blank_item(self) -> Any:
        raise NotImplementedError

    def _row_area(self, add_text: str) -> QVBoxLayout:
        """The rows, and below them the button that adds one: a layout to place."""
        self.rows = []
        self.add = QPushButton(add_text)
        self.add.setAccessibleName(add_text)
        self.add.clicked.connect(self._add_blank)
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addStretch(1)
        area = QVBoxLayout()
        area.setContentsMargins(0, 0, 0, 0)
        area.addLayout(self._rows)
        area.addLayout(buttons)
        return area

    def _add_blank(self) -> None:
        row = self._append(self._blank_item())
        row.text.setFocus()

    def set_read_only(self, read_only: bool) -> None:
        self.add.setEnabled(not read_only)
        for row in self.rows:
            row.set_read_only(read_only)

    def set_value(self, items: tuple[Any, ...]) -> None:
        """Show these items, replacing the rows there were."""
        for row in list(self.rows):
            self._drop(row)
        for item in items:
            self._append(item)

    def value(self) -> tuple[Any, ...]:
        """Every row's value, in order."""
        return tuple(row.value() for row in self.rows)

    def _append(self, item: Any) -> Any:
        row = self._make_row(item)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self._rows.addWidget(row)
        self.rows.append(row)
        return row

    def _remove(self, row: Any) -> None:
        self._drop(row)
        self.changed.emit()

    def _drop(self, row: Any) -> None:
        self.rows.remove(row)
        self._rows.removeWidget(row)
        row.hide()
        row.deleteLater()
