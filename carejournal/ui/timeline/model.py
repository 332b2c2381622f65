"""A Qt list model over lightweight timeline rows (no entry bodies)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from carejournal.core import snippets
from carejournal.core.domain import EntryRow
from carejournal.ui.shared.dates import local_time, qdate
from carejournal.ui.shared.strings import kind_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
META_ROLE = Qt.ItemDataRole.UserRole + 3
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 4  # a search's snippet as (text, matched) pieces
WHEN_ROLE = Qt.ItemDataRole.UserRole + 5

_Index = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractListModel):
    """Timeline rows, newest first, as handed over by the journal service."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EntryRow] = []
        self._locale = QLocale()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.summary or self.tr("(no text yet)")
        if role == META_ROLE:
            return self.meta_text(row)
        if role == WHEN_ROLE:
            return self.when_text(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.summary or self.tr('(no text yet)')}. {self.meta_text(row)}"
        if role == Qt.ItemDataRole.ToolTipRole:  # the snippet whole, matches in bold
            return f"<p>{snippets.as_html(row.snippet)}</p>" if row.snippet else None
        if role == SNIPPET_ROLE:
            return snippets.parts(row.snippet)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        return None

    def when_text(self, row: EntryRow) -> str:
        """When the entry happened, as a row shows it."""
        when = self._locale.toString(qdate(row.occurred_on), "ddd d MMM yyyy")
        if row.occurred_time is not None:
            when = self.tr("{date}, {time}").format(
                date=when, time=local_time(row.occurred_time))
        return when

    def meta_text(self, row: EntryRow) -> str:
        """The second line of a row: date, kind and people (searching: date and snippet)."""
        when = self.when_text(row)
        if row.snippet:  # searching: show where the words matched
            return " · ".join([when, snippets.plain(row.snippet)])
        parts = [when, kind_label(row.kind)]
        if row.people:
            parts.append(", ".join(row.people))
        return " · ".join(parts)

    def set_rows(self, rows: list[EntryRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def extend(self, rows: list[EntryRow]) -> bool:
        """Take these rows if the shown ones begin them (adding the rest below, in place);
        False, changing nothing, if they do not."""
        shown = len(self._rows)
        if len(rows) < shown or any(a.id != b.id
                                    for a, b in zip(self._rows, rows[:shown], strict=True)):
            return False
        if shown:
            self._rows[:] = rows[:shown]
            self.dataChanged.emit(self.index(0), self.index(shown - 1))
        if len(rows) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(rows) - 1)
            self._rows.extend(rows[shown:])
            self.endInsertRows()
        return True

    def row_of(self, entry_id: int) -> int:
        """The position of an entry, or -1 if it is not shown."""
        return next((i for i, r in enumerate(self._rows) if r.id == entry_id), -1)

    def entry_id(self, row: int) -> int | None:
        """The id of the entry at a position, if any."""
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def replace_row(self, row: EntryRow) -> bool:
        """Update one shown entry in place; False if it is not shown or has moved in time."""
        position = self.row_of(row.id)
        if position < 0:
            return False
        old = self._rows[position]
        if (old.occurred_on, old.occurred_time) != (row.occurred_on, row.occurred_time):
            return False
        self._rows[position] = row
        index = self.index(position)
        self.dataChanged.emit(index, index)
        return True
