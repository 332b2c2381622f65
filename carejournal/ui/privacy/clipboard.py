"""A secret on the clipboard for a minute only: the recovery key, once copied.

The clipboard is shared with every program the worker runs, and clipboard managers keep a
history, so a copied recovery key is cleared after CLEAR_AFTER_MS (and when CareJournal
quits), unless the worker has copied something else meanwhile. Only a digest of the key is
kept to recognise it: the timer holds no copy of the secret. KDE's clipboard manager is asked
not to keep it in its history (the "x-kde-passwordManagerHint" format).
"""

from __future__ import annotations

import hashlib
import hmac

from PySide6.QtCore import QCoreApplication, QMimeData, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 60_000
SECRET_HINT = "x-kde-passwordManagerHint"


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def copy_secret(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> QTimer:
    """Put text on the clipboard, and clear it after clear_after_ms if it is still there."""
    clipboard = QGuiApplication.clipboard()
    data = QMimeData()
    data.setText(text)
    data.setData(SECRET_HINT, b"secret")
    clipboard.setMimeData(data, QClipboard.Mode.Clipboard)
    digest = _digest(text)
    timer = QTimer(clipboard, singleShot=True, interval=clear_after_ms)
    done = False

    def clear() -> None:
        nonlocal done
        if done:
            return
        done = True
        if hmac.compare_digest(_digest(clipboard.text(QClipboard.Mode.Clipboard)), digest):
            clipboard.clear(QClipboard.Mode.Clipboard)
        timer.stop()
        timer.deleteLater()

    timer.timeout.connect(clear)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(clear)  # quitting first: cleared then
    timer.start()
    return timer
