"""Safe to type into: the wheel over the form scrolls it and changes nothing, changing the
kind of an entry asks first and drops nothing, Tab moves through the editor in the order it
is shown and out of every text box, Ctrl+Tab writes a tab. Real wheel and key events."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget

from carejournal.core.domain import EntryKind
from carejournal.core.kinds import KINDS, KindSpec
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from carejournal.ui.shared import safe_input
from tests.conftest import draft
from tests.ui.tab_walk import (
    activate,
    assert_reaches_all,
    assert_reading_order,
    assert_regions,
    assert_walks_back,
    focused,
    walk,
)

SECTIONS = (("area", "temper"), ("treated", "Given a minute, then a cuppa"))


def wheel(widget: QWidget, notches: int = -1) -> None:
    """A real wheel turn (through the window system) over the middle of widget."""
    window = widget.window()
    at = widget.mapTo(window, widget.rect().center())
    QTest.wheelEvent(window.windowHandle(), QPointF(at), QPoint(0, 120 * notches))
    QApplication.processEvents()


def open_fallibility(journal: Journal, make_window) -> MainWindow:
    entry_id = journal.add(draft("Snapped at a colleague.", EntryKind.FALLIBILITY,
                                 sections=SECTIONS))
    window = make_window()
    window.resize(1024, 600)
    window.open_entry(entry_id)
    activate(window)
    return window


def test_the_application_has_the_filter(qapp) -> None:
    from carejournal.app import make_application

    assert make_application() is qapp
    assert safe_input.installed(qapp)


def test_the_wheel_over_kind_feeling_and_area_scrolls_the_page_and_saves_nothing(
        journal: Journal, make_window, dialogs) -> None:
    window = open_fallibility(journal, make_window)
    editor = window.editor
    editor.body.setFocus()
    area = editor.sections.fields["area"]
    assert isinstance(area, QComboBox)
    bar = editor.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0, "the page should be taller than the window for this test"
    for combo in (editor.kind, editor.feeling, area):
        for box in (editor.kind, editor.feeling, area):
            assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus
        editor.scroll_area.ensureWidgetVisible(combo)
        bar.setValue(bar.maximum() if combo is area else 0)
        before, scrolled = combo.currentIndex(), bar.value()
        wheel(combo, -1 if combo is not area else 1)
        assert combo.currentIndex() == before, combo.accessibleName()
        assert bar.value() != scrolled, f"the page did not scroll over {combo.accessibleName()}"
        assert not combo.hasFocus()
    assert not window.autosaver.timer.isActive()
    assert dialogs == []
    assert journal.get(editor.entry_id).kind is EntryKind.FALLIBILITY
    assert editor.current_kind() is EntryKind.FALLIBILITY


def test_a_focused_drop_down_still_takes_the_wheel(journal: Journal, make_window) -> None:
    window = open_fallibility(journal, make_window)
    feeling = window.editor.feeling
    feeling.setFocus()
    wheel(feeling, -1)
    assert feeling.currentIndex() == 1
    assert window.autosaver.timer.isActive()


def test_date_and_spin_boxes_are_left_alone_by_the_wheel_too(journal: Journal,
                                                             make_window) -> None:
    window = open_fallibility(journal, make_window)
    date = window.editor.date
    day = date.date()
    window.editor.body.setFocus()
    wheel(date, 1)
    assert date.date() == day
    assert date.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_changing_the_kind_asks_first_and_cancel_keeps_it(journal: Journal, make_window,
                                                          dialogs) -> None:
    window = open_fallibility(journal, make_window)
    editor = window.editor
    editor.kind.setFocus()
    QTest.keyClick(editor.kind, Qt.Key.Key_Up)  # the kind above: a little thing
    assert [name for name, _args in dialogs] == ["question"]
    question = dialogs[0][1][2]
    assert "Little thing" in question and "The sections" in question
    assert editor.current_kind() is EntryKind.FALLIBILITY
    assert not window.autosaver.timer.isActive()
    assert editor.sections.fields["treated"].toPlainText() == SECTIONS[1][1]


def test_a_changed_kind_keeps_the_sections_and_shows_them_again(
        journal: Journal, make_window, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_fallibility(journal, make_window)
    editor = window.editor
    asked: list[str] = []

    def yes(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", yes)
    editor.kind.setFocus()
    QTest.keyClick(editor.kind, Qt.Key.Key_Down)  # a reflection
    assert editor.current_kind() is EntryKind.REFLECTION and len(asked) == 1
    assert window.autosaver.flush()
    stored = journal.get(editor.entry_id)
    assert stored.kind is EntryKind.REFLECTION
    assert dict(stored.sections) == dict(SECTIONS), "the written sections stay in the entry"
    QTest.keyClick(editor.kind, Qt.Key.Key_Up)  # back to own fallibility
    assert editor.current_kind() is EntryKind.FALLIBILITY
    assert editor.sections.fields["treated"].toPlainText() == SECTIONS[1][1]
    area = editor.sections.fields["area"]
    assert isinstance(area, QComboBox) and area.currentData() == "temper"


def test_a_blank_entry_changes_kind_without_asking(window: MainWindow, dialogs) -> None:
    window.new_entry(EntryKind.INTERACTION)
    window.editor.kind.setCurrentIndex(window.editor.kind.findData("kindness"))
    assert window.editor.current_kind() is EntryKind.KINDNESS
    assert dialogs == []


# -- the keyboard ------------------------------------------------------------

def test_tab_from_the_title_goes_to_the_text(window: MainWindow) -> None:
    window.new_entry(EntryKind.INTERACTION)
    activate(window)
    window.editor.title.setFocus()
    QTest.keyClick(window.editor.title, Qt.Key.Key_Tab)
    assert focused() is window.editor.body


@pytest.mark.parametrize("spec", KINDS, ids=lambda s: s.key)
def test_tab_walks_the_editor_in_the_order_it_is_shown(spec: KindSpec, window: MainWindow
                                                       ) -> None:
    window.resize(1280, 800)
    window.new_entry(spec.kind)
    editor = window.editor
    if spec.kind is EntryKind.REFLECTION:
        editor.sections.model.setCurrentIndex(editor.sections.model.findData("gibbs"))
    if spec.kind is EntryKind.INTERACTION:
        editor.decisions.add.click()
    fields = walk(editor.kind)
    in_editor = [f for f in fields if editor.isAncestorOf(f)]
    assert_reaches_all(in_editor, editor)
    assert_regions([f for f in fields if editor.page.isAncestorOf(f)], [editor.page])
    i = in_editor.index(editor.title)
    assert editor.part_widget(spec.parts[0]).isAncestorOf(in_editor[i + 1]), \
        "from the title, Tab goes to the first part of the entry"
    assert_walks_back(fields)


def test_the_main_window_tabs_from_search_through_timeline_to_editor(
        filled: Journal, make_window) -> None:
    window = make_window()
    window.resize(1280, 800)
    view = window.timeline.view
    view.setCurrentIndex(view.model().index(0, 0))  # the entry shown while Tab passes by
    QApplication.processEvents()
    assert window.pages.currentWidget() is window.editor
    fields = walk(window.timeline.filters.search)
    assert_reaches_all(fields, window)
    assert_regions(fields, [window.timeline, window.editor])
    timeline = fields.index(window.timeline.view)
    assert fields[timeline - 1] is window.timeline.filters.clear
    assert_reading_order(fields, window.editor.page)
    assert_walks_back(fields)


def test_the_date_filters_no_longer_trap_tab(filled: Journal, make_window) -> None:
    window = make_window()
    filters = window.timeline.filters
    activate(window)
    filters.since.setFocus()
    for key, modifier, to in ((Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier, filters.until),
                              (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier, filters.clear),
                              (Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier, filters.until),
                              (Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier, filters.since),
                              (Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier, filters.tag)):
        QTest.keyClick(focused(), key, modifier)
        assert focused() is to, f"{key} {modifier}: {focused().accessibleName()}"


@pytest.mark.parametrize("kind", [EntryKind.INTERACTION, EntryKind.FALLIBILITY])
def test_tab_leaves_the_text_and_ctrl_tab_writes_a_tab(kind: EntryKind,
                                                       window: MainWindow) -> None:
    window.new_entry(kind)
    activate(window)
    body = window.editor.body
    body.setFocus()
    QTest.keyClicks(body, "one")
    QTest.keyClick(body, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(body, "two")
    assert body.toPlainText() == "one\ttwo"
    QTest.keyClick(body, Qt.Key.Key_Tab)
    assert focused() is not body and body.toPlainText() == "one\ttwo"
    QTest.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is body


def test_every_text_box_in_the_window_moves_on_with_tab(window: MainWindow) -> None:
    from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

    window.new_entry(EntryKind.REFLECTION)
    window.editor.sections.model.setCurrentIndex(
        window.editor.sections.model.findData("gibbs"))
    window.editor.show()
    QApplication.processEvents()
    boxes = [b for b in window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit)
             if b.isVisible()]
    assert len(boxes) >= 7
    assert all(b.tabChangesFocus() for b in boxes)


def test_a_day_is_today_by_default(window: MainWindow) -> None:
    window.new_entry(EntryKind.INTERACTION)
    assert window.editor.date.date().toPython() == dt.date.today()


# -- decisions -------------------------------------------------------------------

def test_a_new_decision_starts_on_no_rung(window: MainWindow, journal: Journal) -> None:
    from carejournal.core.domain import NO_RUNG, Decision

    window.new_entry(EntryKind.INTERACTION)
    editor = window.editor
    editor.decisions.add.click()
    row = editor.decisions.rows[0]
    assert row.rung.currentText() == "Choose…" and row.rung.currentData() == NO_RUNG
    QTest.keyClicks(row.text, "What to wear")
    assert window.autosaver.flush()
    assert journal.get(editor.entry_id).decisions == (Decision("What to wear", NO_RUNG),)
    row.rung.setFocus()
    QTest.keyClick(row.rung, Qt.Key.Key_Down)  # the top of the ladder
    assert window.autosaver.flush()
    assert journal.get(editor.entry_id).decisions[0].rung == "co-production"


def test_the_worker_can_choose_that_tab_writes_tabs(window: MainWindow,
                                                    settings) -> None:
    window.new_entry(EntryKind.INTERACTION)
    activate(window)
    body = window.editor.body
    window.actions_.tab_writes_tabs.trigger()
    assert settings.value("editor/tab_writes_tabs", type=bool) is True
    body.setFocus()
    QTest.keyClicks(body, "a")
    QTest.keyClick(body, Qt.Key.Key_Tab)
    assert body.toPlainText() == "a\t" and focused() is body
    QTest.keyClick(body, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert focused() is not body and body.toPlainText() == "a\t"
    QTest.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is body
    window.actions_.tab_writes_tabs.trigger()
    QTest.keyClick(body, Qt.Key.Key_Tab)
    assert focused() is not body and body.toPlainText() == "a\t"


def test_the_choice_reaches_boxes_outside_the_window_without_touching_them(
        window: MainWindow, qtbot) -> None:
    """Choosing once walked every widget of the application, half-deleted ones of closed
    windows too, and crashed the process; the filter now decides each Tab itself."""
    from PySide6.QtWidgets import QPlainTextEdit

    other = QPlainTextEdit()  # a box of another window, polished before the choice
    qtbot.addWidget(other)
    other.show()
    QApplication.processEvents()
    assert other.tabChangesFocus()
    window.actions_.tab_writes_tabs.trigger()
    assert other.tabChangesFocus(), "boxes outside the main window are left alone"
    with qtbot.waitActive(other):
        other.activateWindow()
    other.setFocus()
    QTest.keyClicks(other, "a")
    QTest.keyClick(other, Qt.Key.Key_Tab)
    assert other.toPlainText() == "a\t", "yet Tab writes a tab there too, as chosen"
    window.actions_.tab_writes_tabs.trigger()
    QTest.keyClick(other, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert other.toPlainText() == "a\t\t"


def test_the_choice_is_remembered(make_window, settings) -> None:
    settings.setValue("editor/tab_writes_tabs", True)
    window = make_window()
    assert window.actions_.tab_writes_tabs.isChecked()
    window.new_entry(EntryKind.INTERACTION)
    assert not window.editor.body.tabChangesFocus()


def test_marks_changing_is_not_an_edit(window, qtbot) -> None:
    """When the lens or a dictionary finishes loading, the text is marked again: Qt calls
    that a change of the document, but nothing was written, so nothing is to be saved."""
    editor = window.editor
    window.new_entry(EntryKind.INTERACTION)
    editor.body.setPlainText("He was non-compliant and refused his tea.")
    assert window.autosaver.flush()
    edits: list[int] = []
    editor.edited.connect(lambda: edits.append(1))
    for box in (editor.body, editor.strengths):
        if box.highlighter is not None:
            box.highlighter.rehighlight()
    box.document().markContentsDirty(0, 10)
    qtbot.wait(50)
    assert edits == []
    editor.body.insertPlainText("!")
    assert edits == [1]
