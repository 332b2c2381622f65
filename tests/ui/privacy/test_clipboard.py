"""A copied recovery key leaves the clipboard after a minute (here, a few milliseconds)."""

from __future__ import annotations

import gc

from PySide6.QtGui import QClipboard, QGuiApplication

from carejournal.ui.privacy.clipboard import copy_secret
from carejournal.ui.privacy.passphrase import CLEAR_CLIPBOARD_MS, RecoveryKeyDialog

KEY = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"


def clipboard() -> QClipboard:
    return QGuiApplication.clipboard()


def test_the_dialog_clears_the_key_from_the_clipboard(qtbot) -> None:
    dialog = RecoveryKeyDialog("journal.sqlite", KEY)
    qtbot.addWidget(dialog)
    assert dialog.clear_clipboard_ms == CLEAR_CLIPBOARD_MS == 60_000
    dialog.clear_clipboard_ms = 50
    dialog.copy_button.click()
    assert clipboard().text() == KEY
    assert "cleared from the clipboard" in dialog.status.text()
    qtbot.waitUntil(lambda: clipboard().text() == "", timeout=3000)


def test_it_is_cleared_even_after_the_dialog_has_closed(qtbot) -> None:
    dialog = RecoveryKeyDialog("journal.sqlite", KEY)
    dialog.clear_clipboard_ms = 50
    dialog.copy_button.click()
    dialog.confirm.setChecked(True)
    dialog.close()
    dialog.deleteLater()
    del dialog
    gc.collect()
    qtbot.waitUntil(lambda: clipboard().text() == "", timeout=3000)


def test_something_copied_since_is_left_alone(qtbot) -> None:
    timer = copy_secret(KEY, 50)
    clipboard().setText("the shopping list")
    with qtbot.waitSignal(timer.timeout, timeout=3000):
        pass
    qtbot.wait(20)
    assert clipboard().text() == "the shopping list"
