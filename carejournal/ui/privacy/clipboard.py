"""A secret on the clipboard for a minute only: the recovery key, once copied.

The clipboard is shared with every program the worker runs, and clipboard managers keep a
history, so a copied recovery key is cleared after CLEAR_AFTER_MS (and when CareJournal
quits), unless the worker has copied something else meanwhile. Only a digest of the key is
kept to recognise it: the timer holds no copy of the secret. (KDE's "do not keep in the
history" hint needs a QMimeData handed to the clipboard, which crashed PySide6 at exit: not
used.)
"""

from __future__ import annotations

import hashlib
import hmac

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 60_000


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def copy_secret(text: str, clear_after_ms: int = CLEAR_AFTER_MS) -> QTimer:
    """Put text on the clipboard, and clear it after clear_after_ms if it is still there."""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text, QClipboard.Mode.Clipboard)
    digest = _digest(text)
    # owned by the application, not by the clipboard (Qt's own object, torn down at exit
    # before Python lets go of its wrapper: a child of it crashed the interpreter on exit)
    timer = QTimer(QCoreApplication.instance(), singleShot=True, interval=clear_after_ms)
    done = False

    def clear() -> None:
        nonlocal done
        if done:
            return
        done = True
        board = QGuiApplication.clipboard()  # asked afresh, never kept
        if hmac.compare_digest(_digest(board.text(QClipboard.Mode.Clipboard)), digest):
            board.clear(QClipboard.Mode.Clipboard)
        timer.stop()
        timer.deleteLater()

    timer.timeout.connect(clear)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(clear)  # quitting first: cleared then
    timer.start()
    return timer
