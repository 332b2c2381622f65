"""Shared fixtures: a journal in tmp_path, isolated Qt settings, the main window."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from carejournal.core.domain import EntryDraft, EntryKind
from carejournal.services.journal import Journal
from tests import reports


@pytest.fixture(autouse=True, scope="session")
def log_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The log goes to a folder of the test run's own, never the user's (subprocesses too)."""
    from carejournal.logs import LOG_ENV

    folder = tmp_path_factory.mktemp("logs")
    os.environ[LOG_ENV] = str(folder)
    return folder


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh log set-up writing into tmp_path/logs (as if the process had just started)."""
    from carejournal import logs

    monkeypatch.setenv(logs.LOG_ENV, str(tmp_path / "logs"))
    logs.shut_down()
    yield tmp_path / "logs" / logs.LOG_FILENAME
    logs.shut_down()


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    """Where a test's journal lives."""
    return tmp_path / "journal.sqlite"


@pytest.fixture
def journal(journal_path: Path) -> Iterator[Journal]:
    """An open, empty journal in tmp_path."""
    opened = Journal.open(journal_path, create=True)
    yield opened
    opened.close()


def draft(body: str = "Had a cup of tea together.", kind: EntryKind = EntryKind.INTERACTION,
          day: dt.date = dt.date(2026, 3, 2), **fields: object) -> EntryDraft:
    """A draft with sensible defaults for tests."""
    return EntryDraft(kind=kind, occurred_on=day, body=body, **fields)  # type: ignore[arg-type]


@pytest.fixture
def windows_fsync(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """os.fsync as Windows has it: a descriptor opened read-only is refused (EBADF).

    Returns the list of descriptors that were refused, so a test can also say none were.
    """
    import errno
    import fcntl

    real = os.fsync
    refused: list[int] = []

    def fsync(fd: int) -> None:
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        is_dir = os.path.isdir(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") \
            else False
        if flags & os.O_ACCMODE == os.O_RDONLY and not is_dir:
            refused.append(fd)
            raise OSError(errno.EBADF, "Bad file descriptor (as Windows refuses it)")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return refused


def pytest_sessionfinish(session: pytest.Session) -> None:
    """An xdist worker hands its printed figures to the main process (tests/reports.py)."""
    reports.hand_over(session.config)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    """The main process keeps a worker's printed figures (called by pytest-xdist only)."""
    reports.take_over(node)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the figures the tests measured: the lens's and the detector's scores."""
    reports.print_all(terminalreporter)
