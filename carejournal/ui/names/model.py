"""A Qt list model over people or tags, as the names service hands them over (light rows)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from carejournal.services.names import PersonRow, TagRow
from carejournal.ui.shared.strings import CareJournal

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def entries_text(count: int) -> str:
    """"1 entry", "3 entries", in the worker's language."""
    return CareJournal.tr("%n entries", "", count)


class NamesModel(QAbstractListModel):
    """People or tags by name, each with the number of entries that carry it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonRow | TagRow] = []

    def set_rows(self, rows: list[PersonRow] | list[TagRow]) -> None:
        """Show these rows instead."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[PersonRow | TagRow]:
        """The rows shown, in order."""
        return list(self._rows)

    def row_of(self, name: str) -> int:
        """The row of this name (any case), or -1."""
        wanted = name.casefold()
        return next((i for i, r in enumerate(self._rows) if r.name.casefold() == wanted), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.name}  ({entries_text(row.entries)})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.name}, {entries_text(row.entries)}"
        if role == NAME_ROLE:
            return row.name
        if role == ROW_ROLE:
            return row
        return None
