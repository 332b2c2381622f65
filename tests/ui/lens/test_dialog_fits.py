"""The lens dialog's rule list shows "Try instead" whole, wrapped, never cut off."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QTreeWidgetItemIterator

from carejournal.services.journal import Journal
from carejournal.ui.lens.dialog import LensDialog


def test_try_instead_is_shown_whole(journal: Journal, qtbot) -> None:
    dialog = LensDialog(journal.lens)
    qtbot.addWidget(dialog)
    dialog.resize(900, 560)
    dialog.show()
    qtbot.waitExposed(dialog)
    tree = dialog.rules
    metrics = tree.fontMetrics()
    cut = []
    iterator = QTreeWidgetItemIterator(tree)
    while iterator.value() is not None:
        item = iterator.value()
        iterator += 1
        text = item.text(1)
        if not text:
            continue
        rect = tree.visualItemRect(item)
        column = QRect(tree.header().sectionPosition(1), rect.y(),
                       tree.header().sectionSize(1), rect.height())
        needed = metrics.boundingRect(QRect(0, 0, column.width() - 8, 10_000),
                                      int(Qt.TextFlag.TextWordWrap), text)
        if needed.height() > column.height():
            cut.append(text)
        assert item.toolTip(1) == text
    assert not cut, f"{len(cut)} cut, for example {cut[:2]}"
