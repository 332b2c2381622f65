"""carejournal/ui/test_hook.py's `first-paint`: how `make dist-check` times the window."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from carejournal.services.journal import Journal
from carejournal.ui import test_hook
from carejournal.ui.main_window import MainWindow


def hook_prints_and_quits(qtbot, window: MainWindow, painted: QWidget,
                          monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    """Run the hook; it prints the time once `painted` paints, and quits, once only."""
    monkeypatch.setenv(test_hook.HOOK_ENV, "first-paint")
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    before = time.time()
    test_hook.maybe_run(window)
    assert capsys.readouterr().out == ""  # nothing until it paints again
    painted.update()
    qtbot.waitUntil(lambda: bool(quits))
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith(test_hook.PAINT_LINE + " ")
    _mark, when, cpu = lines[0].split()
    assert before <= float(when) <= time.time()
    assert 0 < float(cpu) <= time.process_time()
    test_hook.maybe_run(window)  # once only
    window.update()
    qtbot.wait(50)
    assert capsys.readouterr().out == "" and quits == [True]


def test_first_paint_waits_for_the_list(qtbot, filled: Journal, window: MainWindow,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    viewport = window.timeline.view.viewport()
    assert viewport.isVisible()
    hook_prints_and_quits(qtbot, window, viewport, monkeypatch, capsys)


def test_first_paint_of_a_new_journal_is_the_window(
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert not window.timeline.view.isVisible()  # the welcome page instead
    hook_prints_and_quits(qtbot, window, window, monkeypatch, capsys)


def test_no_hook_does_nothing(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv(test_hook.HOOK_ENV, raising=False)
    test_hook.maybe_run(window)
    window.timeline.view.viewport().update()
    qtbot.wait(50)
    assert capsys.readouterr().out == "" and not window.property("test_hook_ran")
