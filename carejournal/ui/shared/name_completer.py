"""Completion for comma-separated names (people, tags) in a line edit."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit


class CommaCompleter(QCompleter):
    """Completes the name after the last comma, keeping the names before it."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._names = QStringListModel(self)
        self.setModel(self._names)
        self._edit = edit
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setWidget(edit)
        self.activated.connect(self._insert)
        edit.textEdited.connect(self._update)

    def set_names(self, names: list[str]) -> None:
        """The names to offer."""
        self._names.setStringList(names)

    def _update(self, text: str) -> None:
        prefix = text.rsplit(",", 1)[-1].strip()
        if not prefix:
            popup = self.popup()
            if popup is not None:
                popup.hide()
            return
        self.setCompletionPrefix(prefix)
        self.complete()

    def _insert(self, name: str) -> None:
        head = self._edit.text().rsplit(",", 1)
        before = head[0] + ", " if len(head) == 2 else ""
        self._edit.setText(before + name + ", ")
        self._edit.textEdited.emit(self._edit.text())
