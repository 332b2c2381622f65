"""The entries of a period as the preparation's first step lists them: tick to bring, tick
to discuss (the page does the choosing; the model shows it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from carejournal.core.domain import EntryRow
from carejournal.ui.shared.strings import kind_label
from carejournal.ui.supervision.prepare_common import day_text

ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


class EntryChoiceModel(QAbstractTableModel):
    """The entries of the period: tick to bring, tick to discuss."""

    BRING, KIND, ENTRY, DISCUSS = range(4)
    bring_toggled = Signal(int, bool)
    discuss_toggled = Signal(int, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EntryRow] = []
        self.models: dict[int, str] = {}  # entry id -> reflective model name
        self.chosen: set[int] = set()
        self.discuss: set[int] = set()

    def set_rows(self, rows: list[EntryRow], models: dict[int, str]) -> None:
        self.beginResetModel()
        self.rows, self.models = rows, models
        self.endResetModel()

    def set_state(self, chosen: set[int], discuss: set[int]) -> None:
        """Show which entries are brought and which are to discuss."""
        self.chosen, self.discuss = chosen, discuss
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 3))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Bring"), self.tr("Kind"), self.tr("Entry"),
                self.tr("To discuss"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (self.BRING, self.DISCUSS):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.CheckStateRole and column in (self.BRING, self.DISCUSS):
            on = row.id in (self.chosen if column == self.BRING else self.discuss)
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DISCUSS:
            return self.tr("Put this entry on the agenda, to talk it through")
        return None

    def _text(self, row: EntryRow, column: int) -> str:
        if column == self.BRING:
            return day_text(row.occurred_on)
        if column == self.KIND:
            model = self.models.get(row.id)
            return self.tr("{kind} ({model})").format(kind=kind_label(row.kind), model=model) \
                if model else kind_label(row.kind)
        if column == self.ENTRY:
            summary = row.title or row.summary or self.tr("(no words yet)")
            return self.tr("{summary} · with {people}").format(
                summary=summary, people=", ".join(row.people)) if row.people else summary
        return ""

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        entry_id = self.rows[index.row()].id
        if index.column() == self.BRING:
            self.bring_toggled.emit(entry_id, on)
        elif index.column() == self.DISCUSS:
            self.discuss_toggled.emit(entry_id, on)
        else:
            return False
        return True
