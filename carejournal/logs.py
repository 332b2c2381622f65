"""The log file: what went wrong and where in the code, never what was written or about whom.

`set_up()` (called once by the window's composition root and by the CLI's main) sends the
records of the `carejournal` loggers to a rotating file, `carejournal.log` (1 MB, three
older files kept), in the user's log folder as platformdirs finds it, or in
$CAREJOURNAL_LOG_DIR. The folder is made owner-only (0700) and the files too (0600). The file
is opened at the first record, so a command that logs nothing writes nothing. Other
libraries' loggers are not sent there (SQLAlchemy's would carry the statements' values).

What may go in, for code that logs:
- messages say what happened (the operation, the error's type, errno, the journal's or a
  backup's file name), never entry text, titles, tags or anyone's name; pass exceptions
  with exc_info, never their str() in the message;
- exceptions are written as their type and traceback frames (file, line, function, source
  line). Their messages are left out, because they can quote what was written (SQLAlchemy's
  quote the statement's values, SQLite's FTS quotes the search). Kept instead: an OSError's
  errno and the system's own text for it (not the file name), and an SQLite error's code
  name (SQLITE_CORRUPT, SQLITE_FULL...).
"""

from __future__ import annotations

import errno
import logging
import os
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from carejournal import APP_NAME

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOG_ENV = "CAREJOURNAL_LOG_DIR"
LOG_FILENAME = "carejournal.log"
MAX_BYTES = 1_000_000
OLDER_FILES = 3  # carejournal.log.1 to .3
LOGGER = "carejournal"
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700


def log_dir() -> Path:
    """$CAREJOURNAL_LOG_DIR, else the user's log folder (~/.local/state/CareJournal/log)."""
    chosen = os.environ.get(LOG_ENV)
    if chosen:
        return Path(chosen).expanduser().absolute()
    from platformdirs import user_log_path  # only once something is logged

    return user_log_path(APP_NAME, appauthor=False)


def set_up() -> LogFile:
    """Send the package's records to the log file (once per process; later calls keep it)."""
    logger = logging.getLogger(LOGGER)
    for handler in logger.handlers:
        if isinstance(handler, LogFile):
            return handler
    handler = LogFile()
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return handler


def current_file() -> Path | None:
    """The file the records go to (opening it if need be); None if there is none."""
    for handler in logging.getLogger(LOGGER).handlers:
        if isinstance(handler, LogFile):
            return handler.path if handler.target() is not None else None
    return None


def shut_down() -> None:
    """Close the log file and stop sending records to it (tests start again with set_up)."""
    logger = logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        if isinstance(handler, LogFile):
            logger.removeHandler(handler)
            handler.close()


class LogFile(logging.Handler):
    """Writes to the rotating file, opened at the first record; a log that cannot be
    written (no room, a read-only home) is given up quietly rather than disturb the work."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.path: Path | None = None
        self._file: RotatingFileHandler | None = None
        self._failed = False

    def target(self) -> logging.Handler | None:
        """The open rotating file, or None when it cannot be made."""
        if self._file is None and not self._failed:
            try:
                self.path = log_dir() / LOG_FILENAME
                self._file = _open(self.path)
            except OSError:
                self._failed = True
        return self._file

    def emit(self, record: logging.LogRecord) -> None:
        target = self.target()
        if target is not None:
            target.handle(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def _open(path: Path) -> RotatingFileHandler:
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFile(RotatingFileHandler):
        """Every file it makes is owner-only; a failed write is dropped, not printed."""

        def _open(self):  # the base class's signature
            # O_BINARY (Windows): the file object turns newlines into the system's once; a
            # descriptor in Windows' text mode would do it again ("\r\r\n").
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT
                         | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
            if hasattr(os, "fchmod"):
                os.fchmod(fd, PRIVATE_FILE)  # a file left wider by hand is narrowed
            return open(fd, "a", encoding="utf-8", errors="backslashreplace")

        def handleError(self, record: logging.LogRecord) -> None:
            pass  # "--- Logging error ---" on stderr would repeat the record's arguments

    path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    handler = PrivateRotatingFile(path, maxBytes=MAX_BYTES, backupCount=OLDER_FILES,
                                  encoding="utf-8")
    handler.setFormatter(WithoutContent(FORMAT))
    return handler


class WithoutContent(logging.Formatter):
    """Formats exceptions as their type and frames; messages only where they hold no text."""

    def format(self, record: logging.LogRecord) -> str:
        earlier = record.exc_text  # another handler may have cached the full text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = earlier

    def formatException(self, ei) -> str:  # the base class's signature
        return "".join(exception_lines(ei[1])).rstrip("\n")


CAUSE = "The above exception was the direct cause of the following exception:"
CONTEXT = "During handling of the above exception, another exception occurred:"


def exception_lines(exc: BaseException | None) -> list[str]:
    """Like traceback.format_exception, with each message replaced by `describe`."""
    chain: list[tuple[BaseException, str]] = []  # newest first; the note joins it to the older
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        older, note = None, ""
        if exc.__cause__ is not None:
            older, note = exc.__cause__, CAUSE
        elif exc.__context__ is not None and not exc.__suppress_context__:
            older, note = exc.__context__, CONTEXT
        chain.append((exc, note))
        exc = older
    lines: list[str] = []
    for one, note in reversed(chain):  # oldest first, as Python prints them
        if note:
            lines.append(f"\n{note}\n\n")
        if one.__traceback__ is not None:
            lines.append("Traceback (most recent call last):\n")
            lines.extend(traceback.format_tb(one.__traceback__))
        lines.append(describe(one) + "\n")
    return lines


def describe(exc: BaseException) -> str:
    """The exception's type, and what can be said of it without quoting any text."""
    kind = type(exc)
    name = kind.__qualname__ if kind.__module__ == "builtins" else \
        f"{kind.__module__}.{kind.__qualname__}"
    number = exc.errno if isinstance(exc, OSError) else None
    if isinstance(number, int):
        code = errno.errorcode.get(number, str(number))
        return f"{name}: [{code}] {os.strerror(number)}"
    sqlite = getattr(exc, "sqlite_errorname", None)
    if isinstance(sqlite, str):
        return f"{name}: {sqlite}"
    return f"{name}: (message left out)" if exc.args else name
