"""Groups of the editor that fold away under a one-line summary, remembered per kind of entry.

The structured parts of an entry (when and who, the little things, the decisions, the action
items) each sit under a disclosure header. Folded, the header says in one line what the group
holds; the worker's choice is kept in the window's settings for each kind of entry.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from carejournal.ui.shared.tab_order import fields_in_order

PREFIX = "editor/folded"


class Store(Protocol):
    """What FoldMemory needs of QSettings."""

    def value(self, key: str, /, defaultValue: object = ...) -> object: ...
    def setValue(self, key: str, value: object, /) -> None: ...


class FoldMemory:
    """Which groups are folded for each kind of entry, in the given settings (or only here)."""

    def __init__(self, settings: Store | None = None) -> None:
        self._settings = settings
        self._here: dict[str, bool] = {}

    def folded(self, kind: str, group: str, default: bool) -> bool:
        key = f"{PREFIX}/{kind}/{group}"
        if self._settings is None:
            return self._here.get(key, default)
        value = self._settings.value(key, default)
        return value is True or (isinstance(value, str) and value.lower() == "true")

    def remember(self, kind: str, group: str, folded: bool) -> None:
        key = f"{PREFIX}/{kind}/{group}"
        if self._settings is None:
            self._here[key] = folded
        else:
            self._settings.setValue(key, folded)


class FoldGroup(QWidget):
    """A disclosure header above a part; folded, the header shows the part's summary.

    Emits `folded_changed(key, folded)` when the worker folds or unfolds it (not when set
    in code).
    """

    folded_changed = Signal(str, bool)

    def __init__(self, key: str, title: str, content: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.content = content
        self.button = QToolButton()
        self.button.setText(title)
        self.button.setAccessibleName(title.replace("&", ""))
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setAutoRaise(True)
        self._folded = False
        self.button.setStyleSheet("QToolButton { font-weight: bold; }")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary.setStyleSheet("font-style: italic;")
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        head.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(content)
        self.button.clicked.connect(self._on_clicked)
        self._show(folded=False)

    def is_folded(self) -> bool:
        return self._folded

    def set_folded(self, folded: bool) -> None:
        """Fold or unfold without telling anyone (loading the worker's choice)."""
        self._show(folded)

    def set_summary(self, text: str) -> None:
        """What the group holds, in one line (shown while it is folded)."""
        self.summary.setText(text)
        self.summary.setToolTip(text)
        self.button.setAccessibleDescription(text)

    def open_and_focus(self) -> None:
        """Unfold (as if the worker clicked) and put the focus on the group's first field."""
        if self.is_folded():
            self._on_clicked()
        fields = [f for f in fields_in_order(self.content)
                  if f.isEnabled() and f.isVisibleTo(self.window())]
        (fields[0] if fields else self.button).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_clicked(self) -> None:
        self._show(not self._folded)
        self.folded_changed.emit(self.key, self._folded)

    def _show(self, folded: bool) -> None:
        self._folded = folded
        self.content.setVisible(not folded)
        self.summary.setVisible(folded)
        self.button.setArrowType(Qt.ArrowType.RightArrow if folded else Qt.ArrowType.DownArrow)
        title = self.button.accessibleName()
        self.button.setToolTip(self.tr("Show {part}").format(part=title) if folded
                               else self.tr("Fold {part} away").format(part=title))
