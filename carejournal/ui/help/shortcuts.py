"""Help › Keyboard Shortcuts: every shortcut of the actions table, grouped by menu.

The sheet is made from the window's actions each time it opens, so it lists exactly what the
keys do now (ui/actions.py declares them; nothing here names a key).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class ShortcutLine:
    """One line of the sheet: the menu it is in, what it does and its keys."""

    group: str
    name: str
    keys: str


def plain(text: str) -> str:
    """A menu text as read aloud: no mnemonic ampersand, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


_PLAIN_KEYS = {Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Insert, Qt.Key.Key_Escape,
               Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def on_a_keyboard(sequence: QKeySequence) -> bool:
    """False for the keys few keyboards have, which standard shortcuts add (a "Help",
    "Find" or "Undo" key, F13 and above); modified keys, F1 to F12 and Delete and its
    neighbours stay."""
    if sequence.isEmpty():
        return False
    combination = sequence[0]  # type: ignore[index]  # QKeySequence.operator[]
    key = combination.key()
    return (combination.keyboardModifiers() != Qt.KeyboardModifier.NoModifier
            or Qt.Key.Key_F1.value <= key.value <= Qt.Key.Key_F12.value or key in _PLAIN_KEYS
            or key.value < 0x01000000)  # a letter or a sign


def keys_text(action: QAction, joiner: str) -> str:
    """An action's shortcuts as the platform writes them ("Ctrl+N"), joined."""
    return joiner.join(s.toString(QKeySequence.SequenceFormat.NativeText)
                       for s in action.shortcuts() if on_a_keyboard(s))


def _walk(menu: QMenu) -> Iterable[QAction]:
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _walk(sub)
        else:
            yield action


def shortcut_lines(bar: QMenuBar, table: Iterable[QAction], joiner: str,
                   other: str) -> list[ShortcutLine]:
    """The table's actions with a shortcut, in menu order; any not in a menu come last,
    under `other`."""
    wanted = [a for a in table if keys_text(a, joiner)]
    lines, seen = [], set()
    for top in bar.actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in _walk(menu):
            if action in wanted and id(action) not in seen:
                seen.add(id(action))
                lines.append(ShortcutLine(plain(top.text()), plain(action.text()),
                                          keys_text(action, joiner)))
    lines += [ShortcutLine(other, plain(a.text()), keys_text(a, joiner))
              for a in wanted if id(a) not in seen]
    return lines


class ShortcutsDialog(QDialog):
    """The shortcuts sheet: a short tree, one branch per menu."""

    def __init__(self, bar: QMenuBar, table: Iterable[QAction],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.lines = shortcut_lines(bar, table, self.tr(" or "), self.tr("Other"))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([self.tr("What it does"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        groups: dict[str, QTreeWidgetItem] = {}
        for line in self.lines:
            if line.group not in groups:
                groups[line.group] = QTreeWidgetItem(self.tree, [line.group])
                font = groups[line.group].font(0)
                font.setBold(True)
                groups[line.group].setFont(0, font)
                groups[line.group].setFirstColumnSpanned(True)
            QTreeWidgetItem(groups[line.group], [line.name, line.keys])
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Close, self, self.reject)
        self.resize(520, 560)

    def text(self) -> str:
        """Everything the sheet says, one line per row (for tests and the screen reader)."""
        return "\n".join(f"{line.group}: {line.name} — {line.keys}" for line in self.lines)
