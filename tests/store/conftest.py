"""Fixtures for the store tests: a journal file in tmp_path, and that journal opened.

These shadow the top-level fixtures on purpose, so the store tests stand on their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from carejournal.journal import Journal


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite"


@pytest.fixture
def journal(journal_path: Path) -> Iterator[Journal]:
    opened = Journal.open(journal_path)
    yield opened
    opened.close()
