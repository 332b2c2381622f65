"""Decisions and actions stay readable in a narrow editor: what was written keeps a field
wide enough for a few words, inside the row."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QVBoxLayout, QWidget

from carejournal.core.domain import ActionItem, Decision
from carejournal.ui.editor.action_items import ActionItemsEditor
from carejournal.ui.editor.decisions import DecisionsEditor

WIDTH = 420  # the editor's column at 1024x600 with the timeline beside it


@pytest.mark.parametrize("make, item", [
    (DecisionsEditor, Decision("Chose the menu together at the kitchen table", "co-production",
                               None)),
    (ActionItemsEditor, ActionItem("Ring the GP about the new tablets", dt.date(2026, 12, 1))),
])
def test_the_text_field_keeps_room_for_its_words(make, item, qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    editor = make()
    QVBoxLayout(host).addWidget(editor)
    editor.set_value((item,))
    host.resize(WIDTH, 400)
    host.show()
    qtbot.waitExposed(host)
    [row] = editor.rows
    field = row.text
    needed = field.fontMetrics().averageCharWidth() * 24
    assert field.width() >= needed, f"{field.width()} px shows only a word or two"
    left = field.mapTo(host, QPoint(0, 0)).x()
    assert left >= 0 and left + field.width() <= host.width(), "the field is inside the row"
    assert row.remove.mapTo(host, QPoint(0, 0)).x() + row.remove.width() <= host.width()
