"""Start-up work the first paint does not need waits for it, in the app; tests see it at once."""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from carejournal.core.supervision import Session
from carejournal.lens import matcher
from carejournal.services.journal import Journal
from carejournal.ui import main_window
from carejournal.ui.first_paint import StartUp
from carejournal.ui.main_window import MainWindow

TODAY = dt.date(2026, 3, 20)


def test_without_deferring_the_work_runs_at_once(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    done: list[str] = []
    StartUp(widget, defer=False).run(lambda: done.append("now"))
    assert done == ["now"]


def test_deferred_work_runs_just_after_the_first_paint(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    start_up = StartUp(widget, defer=True)
    done: list[str] = []
    start_up.run(lambda: done.append("first"))
    start_up.run(lambda: done.append("second"))
    QApplication.processEvents()
    assert done == [] and not start_up.done, "nothing painted yet"
    with qtbot.waitExposed(widget):
        widget.show()
    widget.repaint()  # a paint, delivered now if the event loop has not painted yet
    QTimer.singleShot(0, lambda: done.append("a click meanwhile"))  # after the paint
    qtbot.waitUntil(lambda: start_up.done)
    QApplication.processEvents()
    assert done == ["first", "a click meanwhile", "second"], "one step per turn of the loop"
    start_up.run(lambda: done.append("later"))
    assert done[-1] == "later", "after the first paint, work runs at once"
    start_up.flush()  # the fallback timer firing later changes nothing
    assert done == ["first", "a click meanwhile", "second", "later"]


def test_work_asked_for_by_a_step_waits_for_the_steps_held_before_it(qtbot) -> None:
    """A step that starts more work (the lens's background build, say) does not run it
    ahead of the steps already held (loading the rest of the timeline), so a thread it
    starts does not share the interpreter with them."""
    widget = QWidget()
    qtbot.addWidget(widget)
    start_up = StartUp(widget, defer=True)
    done: list[str] = []

    def builds() -> None:
        done.append("build")
        start_up.run(lambda: done.append("asked for by build"))

    start_up.run(builds)
    start_up.run(lambda: done.append("rest of the list"))
    with qtbot.waitExposed(widget):
        widget.show()
    widget.repaint()
    qtbot.waitUntil(lambda: start_up.done)
    assert done == ["build", "rest of the list", "asked for by build"]
    start_up.run(lambda: done.append("later"))
    assert done[-1] == "later", "once every held step has run, work runs at once"


def test_a_failing_step_does_not_stop_the_others(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    start_up = StartUp(widget, defer=True)
    done: list[str] = []

    def broken() -> None:
        raise RuntimeError("a step failed")

    start_up.run(broken)
    start_up.run(lambda: done.append("second"))
    with qtbot.waitExposed(widget):
        widget.show()
    with qtbot.capture_exceptions() as raised:
        widget.repaint()
        qtbot.waitUntil(lambda: start_up.done)
    assert done == ["second"] and [str(e[1]) for e in raised] == ["a step failed"]


def test_the_app_window_shows_the_supervision_period_after_its_first_paint(
        qtbot, filled: Journal, settings: QSettings) -> None:
    filled.supervision.add(Session(dt.date(2026, 3, 3), "Ruth"))
    window = MainWindow(filled, settings, defer_start_up=True,
                        clock=lambda: dt.datetime.combine(TODAY, dt.time(12)))
    qtbot.addWidget(window)
    since = window.timeline.filters.since_supervision
    assert window.timeline.model.rowCount() == 4, "the timeline is filled before it paints"
    assert window.start_up.pending, "not asked yet: the window paints first"
    with qtbot.waitExposed(window):
        window.show()
    window.timeline.view.viewport().repaint()
    qtbot.waitUntil(lambda: window.start_up.done)
    assert since.isVisible() and "3 Mar 2026" in since.toolTip()


def test_the_app_window_reads_the_first_screen_before_its_first_paint(
        qtbot, filled: Journal, settings: QSettings, monkeypatch) -> None:
    monkeypatch.setattr(main_window, "FIRST_SCREEN", 3)
    window = MainWindow(filled, settings, defer_start_up=True)
    qtbot.addWidget(window)
    model = window.timeline.model
    assert [model.entry_id(row) for row in range(model.rowCount())] == [4, 3, 2]
    assert window.count_label.text() == "4 entries", "the count is the journal's, not 3"
    with qtbot.waitExposed(window):
        window.show()
    window.timeline.view.viewport().repaint()
    qtbot.waitUntil(lambda: window.start_up.done)
    assert [model.entry_id(row) for row in range(model.rowCount())] == [4, 3, 2, 1]
    assert window.count_label.text() == "4 entries"


def test_a_filtered_or_small_timeline_is_read_whole_at_once(
        qtbot, filled: Journal, settings: QSettings, monkeypatch) -> None:
    def pending_with(first_screen: int) -> int:
        monkeypatch.setattr(main_window, "FIRST_SCREEN", first_screen)
        window = MainWindow(filled, settings, defer_start_up=True)
        qtbot.addWidget(window)
        assert window.timeline.model.rowCount() == min(first_screen, 4)
        return len(window.start_up.pending)

    assert pending_with(4) == pending_with(3) - 1, "no second read for a journal that fits"
    monkeypatch.setattr(main_window, "FIRST_SCREEN", 1)
    window = MainWindow(filled, settings, defer_start_up=True)
    qtbot.addWidget(window)
    window.timeline.filters.search.setText("Sam")
    window.refresh(first_screen=True)  # a search is never cut short
    assert window.timeline.model.rowCount() == 2


def test_the_editor_and_controllers_are_built_just_after_the_first_paint(
        qtbot, filled: Journal, settings: QSettings) -> None:
    window = MainWindow(filled, settings, defer_start_up=True)
    qtbot.addWidget(window)
    assert window._editor is None and not hasattr(window, "lens"), "not before the paint"
    assert window.practice.due_notice is not None, "the notices are in the first paint"
    with qtbot.waitExposed(window):
        window.show()
    window.timeline.view.viewport().repaint()
    qtbot.waitUntil(lambda: window.start_up.done)
    assert window._editor is not None and window.pages.indexOf(window._editor) >= 0
    offered = window.editor.header.people_completer._names.stringList()
    assert offered == ["Jo", "Sam"], "the editor offers the journal's names"
    assert window.lens.window is window and window.locking is not None
    qtbot.waitUntil(lambda: window.editor.lens_context.lens is not None, timeout=10_000)
    assert window.editor.lens_context.lens.lexicon.rules, "the lexicon loaded in a thread"


def test_the_lens_is_built_off_the_windows_thread_after_the_first_paint(
        qtbot, filled: Journal, settings: QSettings, monkeypatch) -> None:
    # Building the lens takes a second or two: on the window's thread the window would stand
    # still just after it first showed.
    on_the_windows_thread: list[bool] = []
    build = matcher.Lens.__init__

    def spy(lens: matcher.Lens, *args: object, **kwargs: object) -> None:
        on_the_windows_thread.append(threading.current_thread() is threading.main_thread())
        build(lens, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(matcher.Lens, "__init__", spy)
    matcher.shipped_lens.cache_clear()  # as in a fresh process
    window = MainWindow(filled, settings, defer_start_up=True)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.start_up.done)
    qtbot.waitUntil(lambda: window.editor.lens_context.lens is not None, timeout=20_000)
    assert on_the_windows_thread == [False], "built once, in the background"
    assert window.editor.lens_context.lens is matcher.shipped_lens(frozenset())


def test_a_window_closed_before_its_first_paint_builds_what_closing_needs(
        qtbot, filled: Journal, settings: QSettings) -> None:
    window = MainWindow(filled, settings, defer_start_up=True)
    qtbot.addWidget(window)
    assert window.close()
    assert window.locking is not None and not window.start_up.pending


def test_shift_reminders_start_just_after_the_first_paint(
        qtbot, filled: Journal, settings: QSettings) -> None:
    window = MainWindow(filled, settings, defer_start_up=True)
    qtbot.addWidget(window)
    assert not hasattr(window.practice, "reminder"), "no tray or reminder before the paint"
    window.start_up.flush()
    assert window.practice.reminder.timer.isActive()
    assert window.notices.indexOf(window.practice.reminder_banner) >= 0


def test_the_rest_is_added_below_so_a_row_chosen_meanwhile_stays(
        qtbot, filled: Journal, settings: QSettings, monkeypatch) -> None:
    monkeypatch.setattr(main_window, "FIRST_SCREEN", 2)
    window = MainWindow(filled, settings, defer_start_up=True)
    qtbot.addWidget(window)
    window.timeline.select_row(1)  # the worker opens the second entry before the rest
    assert window.editor.entry_id == 3
    model = window.timeline.model
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    window.start_up.flush()
    assert not resets, "added below, in place: the list does not jump"
    assert [model.entry_id(row) for row in range(model.rowCount())] == [4, 3, 2, 1]
    assert window.timeline.current_id() == 3 and window.editor.entry_id == 3
