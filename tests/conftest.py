"""Shared fixtures: a journal in tmp_path, isolated Qt settings, the main window."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from carejournal.domain import EntryDraft, EntryKind  # noqa: E402
from carejournal.journal import Journal  # noqa: E402


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
