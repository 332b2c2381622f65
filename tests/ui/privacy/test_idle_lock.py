"""The idle lock: keyboard, mouse and wheel use restart its timer; when the timer runs out it
asks once for a lock, and 0 minutes means never. Timers are fired directly, never waited for."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from carejournal.ui.privacy.idle_lock import MINUTE_MS, IdleLock


@pytest.fixture
def lock(qapp) -> Iterator[IdleLock]:
    """An idle lock set to ten minutes; its event filter is removed at the end."""
    made = IdleLock(minutes=10)
    yield made
    made.stop()


@pytest.fixture
def field(qtbot) -> QLineEdit:
    """A real widget to type into and click on."""
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    return edit


def test_counting_starts_at_once_with_the_minutes_set(lock: IdleLock) -> None:
    assert lock.timer.isActive() and lock.timer.isSingleShot()
    assert lock.timer.interval() == 10 * MINUTE_MS
    assert lock.is_watching()


def test_a_key_press_restarts_the_count(lock: IdleLock, field: QLineEdit, qtbot) -> None:
    lock.timer.stop()
    qtbot.keyClick(field, "a")
    assert field.text() == "a", "the key still reaches the widget"
    assert lock.timer.isActive()
    assert lock.timer.remainingTime() > 9 * MINUTE_MS


def test_a_mouse_click_and_the_wheel_restart_the_count(lock: IdleLock, field: QLineEdit,
                                                       qtbot) -> None:
    lock.timer.stop()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert lock.timer.isActive()
    lock.timer.stop()
    wheel = QWheelEvent(QPointF(5, 5), QPointF(field.mapToGlobal(QPoint(5, 5))), QPoint(),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(field, wheel)
    assert lock.timer.isActive()


def test_events_that_are_not_use_do_not_restart_it(lock: IdleLock, field: QLineEdit) -> None:
    lock.timer.stop()
    field.resize(300, 40)
    field.repaint()
    assert not lock.timer.isActive()


def test_time_up_asks_for_a_lock_once_and_then_waits(lock: IdleLock, field: QLineEdit,
                                                     qtbot) -> None:
    asked: list[bool] = []
    lock.lock_requested.connect(lambda: asked.append(True))
    with qtbot.waitSignal(lock.lock_requested, timeout=1000):
        lock.timer.timeout.emit()
    assert asked == [True]
    assert not lock.is_watching()
    qtbot.keyClick(field, "b")  # typing into the unlock dialog does not start a new count
    assert not lock.timer.isActive() and asked == [True]
    lock.restart()
    assert lock.timer.isActive() and lock.is_watching()
    qtbot.keyClick(field, "c")
    assert lock.timer.remainingTime() > 9 * MINUTE_MS


def test_zero_minutes_never_locks(lock: IdleLock, field: QLineEdit, qtbot) -> None:
    lock.set_minutes(0)
    assert not lock.timer.isActive() and not lock.is_watching()
    qtbot.keyClick(field, "a")
    assert not lock.timer.isActive()
    lock.restart()
    assert not lock.timer.isActive(), "restart keeps a lock set to never switched off"


def test_set_minutes_changes_the_interval_and_counts_afresh(lock: IdleLock) -> None:
    lock.set_minutes(3)
    assert lock.timer.interval() == 3 * MINUTE_MS and lock.timer.isActive()
    lock.set_minutes(0)
    lock.set_minutes(240)
    assert lock.timer.interval() == 240 * MINUTE_MS and lock.is_watching()


def test_stop_removes_the_event_filter(lock: IdleLock, field: QLineEdit, qtbot) -> None:
    lock.stop()
    assert not lock.is_watching()
    qtbot.keyClick(field, "a")
    assert not lock.timer.isActive()


def test_delete_later_removes_the_event_filter(field: QLineEdit, qtbot) -> None:
    lock = IdleLock(minutes=5)
    timer = lock.timer
    assert lock.is_watching()
    lock.deleteLater()
    assert not lock.is_watching() and not timer.isActive()
    qtbot.keyClick(field, "a")
    assert not timer.isActive()


def test_the_settings_dialog_sets_the_minutes(qtbot, tmp_path) -> None:
    from carejournal.services.journal import Journal
    from carejournal.ui.settings.dialog import SettingsDialog

    journal = Journal.open(tmp_path / "journal.sqlite", create=True)
    try:
        dialog = SettingsDialog(journal.settings)
        qtbot.addWidget(dialog)
        assert dialog.lock_minutes.value() == 10
        assert dialog.lock_minutes.accessibleName() == ("Lock after N minutes without use "
                                                        "(0: never)")
        assert (dialog.lock_minutes.minimum(), dialog.lock_minutes.maximum()) == (0, 240)
        dialog.lock_minutes.setValue(0)
        dialog.save()
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert journal.settings.lock_minutes() == 0
    finally:
        journal.close()
