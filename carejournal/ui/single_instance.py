"""One window per journal file: a lock file, and a local socket to raise the first window."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QLockFile, QObject

if TYPE_CHECKING:  # QtNetwork is imported when first needed, after the window has painted
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

_log = logging.getLogger(__name__)
RAISE_MESSAGE = b"raise\n"
# a Unix socket's path holds at most 107 bytes (104 on macOS); a longer one cannot listen
SOCKET_PATH_MAX = 100


class SingleInstance(QObject):
    """Holds the journal's lock while the window is open."""

    def __init__(self, journal: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = journal.parent
        self.lock = QLockFile(str(journal) + ".lock")
        self.lock.setStaleLockTime(0)
        digest = hashlib.sha256(str(journal.resolve()).encode()).hexdigest()[:20]
        self.server_name = socket_address(f"carejournal-{digest}")
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the lock; False if another CareJournal window has this journal open."""
        return self.lock.tryLock(200)

    def read_only_folder(self) -> bool:
        """Whether the lock could not be taken because the journal's folder (or disk) is
        read-only: then no window can write to the journal, and it opens for reading."""
        return (self.lock.error() != QLockFile.LockError.LockFailedError
                and not os.access(self.folder, os.W_OK))

    def ask_first_to_raise(self, patience_ms: int = 500) -> bool:
        """Ask the window that holds the lock to come forward; True if it heard.

        A window starts listening once it has painted, so a second start made while the
        first is still opening asks again for up to patience_ms.
        """
        from PySide6.QtCore import QDeadlineTimer, QThread
        from PySide6.QtNetwork import QLocalSocket

        deadline = QDeadlineTimer(patience_ms)
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.server_name)
            if socket.waitForConnected(min(500, max(deadline.remainingTime(), 1))):
                socket.write(RAISE_MESSAGE)
                sent = socket.waitForBytesWritten(500)
                socket.disconnectFromServer()
                return sent
            if deadline.hasExpired():
                return False
            QThread.msleep(100)

    def listen(self, on_raise: Callable[[], None]) -> None:
        """Call on_raise whenever a second instance asks."""
        from PySide6.QtNetwork import QLocalServer

        self.stop_listening()
        QLocalServer.removeServer(self.server_name)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(lambda: self._on_connection(on_raise))
        if not self._server.listen(self.server_name):  # a second start will say so
            _log.warning("cannot listen for a second start: %s", self._server.errorString())

    def stop_listening(self) -> None:
        """Stop listening and let go of on_raise (a closed window must not be kept alive)."""
        if self._server is not None:
            self._server.close()
            with suppress(RuntimeError):
                self._server.newConnection.disconnect()
            self._server = None  # closed; deleted with this object

    def _on_connection(self, on_raise: Callable[[], None]) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: _raise_if_asked(s, on_raise))
            socket.disconnected.connect(socket.deleteLater)

    def release(self) -> None:
        """Let go of the lock and stop listening."""
        if self._server is not None:
            self._server.close()
        self.lock.unlock()


def socket_address(name: str) -> str:
    """Where the window listens: the name alone (Qt puts it in the temporary folder), or, on
    Unix when the temporary folder's path is so long that the socket's path would not fit
    (a deep TMPDIR), the same name in /tmp. Both starts work it out the same way."""
    if os.name == "nt":
        return name
    full = os.path.join(QDir.tempPath(), name)
    if len(os.fsencode(full)) <= SOCKET_PATH_MAX or not os.path.isdir("/tmp"):
        return name
    return os.path.join("/tmp", name)


def _raise_if_asked(socket: QLocalSocket, on_raise: Callable[[], None]) -> None:
    """Another start of CareJournal wrote to us: bring the window forward."""
    if socket.readAll():
        on_raise()
