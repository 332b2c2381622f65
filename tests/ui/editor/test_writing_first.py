"""Writing first: the text is the largest thing on the page and grows, the structured parts
fold under a one-line summary (remembered per kind), each one key away, and F11 leaves only
the text and the save state."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from carejournal.core.domain import ActDone, EntryKind, Feeling
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from tests.conftest import draft
from tests.ui.tab_walk import activate, assert_walks_back, focused, walk


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def open_meeting(journal: Journal, make_window) -> tuple[MainWindow, int]:
    """A window at 1280x800 showing an interaction with Bernadette, two little things ticked."""
    acts = journal.kindness.acts()
    entry_id = journal.add(draft(
        "Bernadette wanted her tablets after breakfast.", people=("Bernadette",),
        tags=("home", "meds"), feeling=Feeling(2, "uneasy"),
        acts=(ActDone(acts[0].id), ActDone(acts[1].id))))
    window = make_window()
    window.resize(1280, 800)
    window.refresh(select_id=entry_id)
    window.open_entry(entry_id)
    settle()
    assert window.editor.entry_id == entry_id
    return window, entry_id


def in_view(widget: QWidget, window: MainWindow) -> bool:
    """The widget is shown and at least partly inside the editor's scroll area's view."""
    area = window.editor.scroll_area.viewport()
    spot = QRect(widget.mapTo(area, widget.rect().topLeft()), widget.size())
    return widget.isVisible() and area.rect().intersects(spot)


# -- the text ------------------------------------------------------------------

def test_the_text_grows_with_what_is_written_and_the_page_scrolls(window: MainWindow) -> None:
    window.resize(1280, 800)
    window.new_entry(EntryKind.INTERACTION)
    activate(window)
    editor = window.editor
    settle()
    line = editor.body.fontMetrics().lineSpacing()
    start = editor.body.height()
    assert start >= 12 * line, "a generous page to start with"
    editor.body.setFocus()
    for n in range(60):
        QTest.keyClicks(editor.body, f"Line {n} of what happened on the shift")
        QTest.keyClick(editor.body, Qt.Key.Key_Return)
    settle()
    assert editor.body.height() >= 60 * line > start
    assert editor.body.verticalScrollBar().maximum() == 0, "the box itself does not scroll"
    page = editor.scroll_area.verticalScrollBar()
    assert page.maximum() > 0 and page.value() > 0, "the page scrolls to follow the typing"
    cursor = editor.body.cursorRect()
    spot = editor.body.viewport().mapTo(editor.scroll_area.viewport(), cursor.center())
    assert editor.scroll_area.viewport().rect().contains(spot), "the line typed is in view"


def test_the_text_and_the_strengths_each_take_the_full_width(journal: Journal,
                                                             make_window) -> None:
    window, _ = open_meeting(journal, make_window)
    editor = window.editor
    body, strengths = editor.body, editor.strengths
    assert strengths.mapTo(editor.page, strengths.rect().topLeft()).y() > \
        body.mapTo(editor.page, body.rect().bottomLeft()).y(), "one below the other"
    assert body.width() == strengths.width() >= editor.page.width() - 40
    others = [editor.details_group, editor.acts_group, editor.decisions_group, strengths]
    assert all(body.height() > other.height() for other in others), "the largest thing"
    assert body.height() >= editor.scroll_area.viewport().height() // 2


def test_each_section_grows_with_its_text_too(window: MainWindow) -> None:
    window.new_entry(EntryKind.FALLIBILITY)
    field = window.editor.sections.text_fields()[0]
    before = field.height()
    field.setPlainText("\n".join(f"line {n}" for n in range(20)))
    settle()
    assert field.height() > before and field.verticalScrollBar().maximum() == 0


# -- folding -------------------------------------------------------------------

def test_a_folded_group_shows_a_summary_of_its_fields(journal: Journal, make_window) -> None:
    window, _ = open_meeting(journal, make_window)
    editor = window.editor
    assert editor.acts_group.is_folded(), "the checklist of an interaction starts folded"
    assert editor.acts_group.summary.text() == "2 little things"
    assert not editor.acts.isVisible()
    QTest.mouseClick(editor.details_group.button, Qt.MouseButton.LeftButton)
    assert editor.details_group.is_folded() and not editor.people.isVisible()
    summary = editor.details_group.summary
    assert summary.isVisible()
    assert summary.text().endswith("Bernadette · home, meds · feeling 2 uneasy")
    editor.people.setText("Bernadette, Sam")
    assert "Bernadette, Sam · home, meds" in summary.text(), "it follows the fields"
    QTest.mouseClick(editor.details_group.button, Qt.MouseButton.LeftButton)
    assert editor.people.isVisible() and not summary.isVisible()


def test_folding_is_remembered_per_kind_in_the_next_window(journal: Journal,
                                                          make_window) -> None:
    window, _ = open_meeting(journal, make_window)
    QTest.mouseClick(window.editor.details_group.button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(window.editor.acts_group.button, Qt.MouseButton.LeftButton)
    window.new_entry(EntryKind.KINDNESS)
    assert not window.editor.details_group.is_folded(), "another kind keeps its own"
    assert not window.editor.acts_group.is_folded()
    window.autosaver.discard()
    window.close()
    again = make_window()
    again.new_entry(EntryKind.INTERACTION)
    editor = again.editor
    assert editor.details_group.is_folded() and not editor.acts_group.is_folded()
    assert not editor.people.isVisibleTo(again) and editor.acts.isVisibleTo(again)


def test_tab_passes_a_folded_group_by_and_walks_it_when_open(journal: Journal,
                                                            make_window) -> None:
    window, _ = open_meeting(journal, make_window)
    editor = window.editor
    QTest.mouseClick(editor.details_group.button, Qt.MouseButton.LeftButton)
    fields = walk(editor.title)
    assert editor.kind not in fields and editor.details_group.button in fields
    assert [*fields, fields[0]][fields.index(editor.details_group.button) + 1] is editor.title
    assert editor.acts_group.button in fields and not any(
        editor.acts.isAncestorOf(f) for f in fields)
    assert_walks_back(fields)
    QTest.mouseClick(editor.acts_group.button, Qt.MouseButton.LeftButton)
    fields = walk(editor.title)
    assert any(editor.acts.isAncestorOf(f) for f in fields)


# -- one key away --------------------------------------------------------------

def test_each_group_has_a_shortcut_that_unfolds_and_focuses_it(journal: Journal,
                                                              make_window) -> None:
    window, _ = open_meeting(journal, make_window)
    editor = window.editor
    QTest.mouseClick(editor.details_group.button, Qt.MouseButton.LeftButton)
    activate(window)
    editor.body.setFocus()
    QTest.keyClick(focused(), Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert not editor.details_group.is_folded() and focused() is editor.kind
    QTest.keyClick(focused(), Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert not editor.acts_group.is_folded() and editor.acts.isAncestorOf(focused())
    assert in_view(focused(), window)
    QTest.keyClick(focused(), Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert editor.decisions.isAncestorOf(focused())


def test_a_group_the_kind_does_not_have_is_not_opened(window: MainWindow) -> None:
    window.new_entry(EntryKind.FALLIBILITY)
    activate(window)
    window.editor.body.setFocus()
    QTest.keyClick(focused(), Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert focused() is window.editor.body
    assert not window.editor.decisions_group.isVisible()
    assert window.statusBar().currentMessage()


def test_the_shortcuts_are_in_the_one_actions_table_and_do_not_clash(window: MainWindow
                                                                     ) -> None:
    actions = window.actions_
    keys = [s.toString() for a in actions.findChildren(type(actions.save))
            for s in a.shortcuts()]
    assert len(keys) == len(set(keys)), sorted(keys)
    assert [a.shortcut() for a in actions.open_group.values()] == [
        QKeySequence(f"Alt+{n}") for n in range(1, 5)]
    assert actions.writing_only.shortcut() == QKeySequence("F11")
    view = next(m for m in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
                if m.title() == "&View")
    assert actions.writing_only in view.actions()


# -- writing only --------------------------------------------------------------

def shown(window: MainWindow) -> dict[str, bool]:
    editor = window.editor
    widgets = {
        "menus": window.menuBar(), "timeline": window.timeline, "details": editor.details_group,
        "title": editor.title, "little things": editor.acts_group,
        "decisions": editor.decisions_group, "hint": editor.hint, "lens list": editor.lens_panel,
        "text": editor.body, "strengths": editor.strengths, "save state": window.save_label,
    }
    return {name: widget.isVisible() for name, widget in widgets.items()}


def still(qtbot, window: MainWindow) -> None:
    """Wait until the window's geometry has stopped changing (the offscreen platform applies
    a full-screen change, or its end, a little after the call)."""
    last = None
    for _ in range(50):
        qtbot.wait(100)
        if window.geometry() == last:
            return
        last = window.geometry()
    raise AssertionError("the window kept changing size")


def resized(qtbot, window: MainWindow, width: int, height: int = 800) -> None:
    """Size the window as a window manager would, once its geometry is still."""
    still(qtbot, window)
    window.resize(width, height)
    still(qtbot, window)
    assert window.size().width() == width


def back_as_before(qtbot, window: MainWindow, before: dict[str, bool]) -> None:
    """Leaving full screen, the window goes back to its size (a window manager's work, done
    in its own time; the offscreen platform, whose screen is narrow, may not): then
    everything shown before shows again, the width-fitted lens list too."""
    assert not window.isFullScreen()
    resized(qtbot, window, 1280)
    settle()
    assert shown(window) == before


def test_f11_shows_only_the_text_and_the_save_state_and_esc_brings_all_back(
        qtbot, journal: Journal, make_window) -> None:
    window, _ = open_meeting(journal, make_window)
    activate(window)
    resized(qtbot, window, 1280)
    before = shown(window)
    assert all(before[k] for k in ("menus", "timeline", "details", "text", "save state"))
    window.editor.body.setFocus()
    QTest.keyClick(focused(), Qt.Key.Key_F11)
    settle()
    assert window.actions_.writing_only.isChecked()
    assert {k for k, v in shown(window).items() if v} == {"text", "strengths", "save state"}
    assert focused() is window.editor.body
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    back_as_before(qtbot, window, before)
    QTest.keyClick(focused(), Qt.Key.Key_F11)
    QTest.keyClick(focused(), Qt.Key.Key_F11)
    back_as_before(qtbot, window, before)


def test_resizing_in_writing_only_does_not_fold_the_lens_list_away(
        qtbot, journal: Journal, make_window) -> None:
    """The text's wide writing margins are not the page's needs: the lens list beside the
    text stays chosen while it is hidden, however the window is sized, and shows on return."""
    window, _ = open_meeting(journal, make_window)
    resized(qtbot, window, 1600)  # wide enough for the list beside the text
    panel = window.editor.lens_panel
    assert panel.toggle.isChecked() and panel.isVisible()
    window.actions_.writing_only.trigger()
    still(qtbot, window)
    for width in (1280, 700, 1600):
        window.resize(width, 800)
        still(qtbot, window)
        assert panel.toggle.isChecked(), width
    window.actions_.writing_only.trigger()
    resized(qtbot, window, 1600)
    assert panel.isVisible()


def test_switching_to_writing_only_and_back_saves_nothing(journal: Journal,
                                                         make_window) -> None:
    window, entry_id = open_meeting(journal, make_window)
    stored = journal.get(entry_id)
    window.actions_.writing_only.trigger()
    settle()
    window.actions_.writing_only.trigger()
    settle()
    assert not window.autosaver.timer.isActive()
    assert journal.get(entry_id) == stored
    assert window.editor.draft() == stored.draft()


def test_typing_in_writing_only_autosaves_as_usual(journal: Journal, make_window,
                                                   qtbot) -> None:
    window, entry_id = open_meeting(journal, make_window)
    activate(window)
    window.editor.body.setFocus()
    QTest.keyClick(focused(), Qt.Key.Key_F11)
    body = window.editor.body
    body.moveCursor(body.textCursor().MoveOperation.End)
    QTest.keyClicks(body, " She chose the time herself.")
    assert window.autosaver.timer.isActive()
    qtbot.waitUntil(lambda: "chose the time" in journal.get(entry_id).body, timeout=5000)
    assert window.save_label.isVisible() and window.save_label.text() == "Saved"
    assert window.actions_.writing_only.isChecked()


def test_alt_key_in_writing_only_leaves_it_and_opens_the_group(journal: Journal,
                                                               make_window) -> None:
    window, _ = open_meeting(journal, make_window)
    activate(window)
    window.editor.body.setFocus()
    QTest.keyClick(focused(), Qt.Key.Key_F11)
    QTest.keyClick(focused(), Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    settle()
    assert not window.actions_.writing_only.isChecked()
    assert window.timeline.isVisible() and window.editor.acts.isAncestorOf(focused())


def test_closing_in_writing_only_keeps_the_everyday_layout(journal: Journal,
                                                          make_window) -> None:
    window, _ = open_meeting(journal, make_window)
    window.actions_.writing_only.trigger()
    settle()
    assert window.isFullScreen() and not window.timeline.isVisible()
    window.close()
    again = make_window()
    settle()
    assert not again.isFullScreen() and again.timeline.isVisible()
    assert again.menuBar().isVisible() and not again.actions_.writing_only.isChecked()
