"""The lock setting: minutes without use before CareJournal locks (default 10, 0: never)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from carejournal.core.domain import InvalidInput
from carejournal.services.journal import Journal
from carejournal.services.settings import DEFAULT_LOCK_MINUTES, MAX_LOCK_MINUTES


@pytest.fixture
def journal(journal_path: Path) -> Iterator[Journal]:
    """A new, empty journal (made on purpose: a missing file is never made silently)."""
    opened = Journal.open(journal_path, create=True)
    yield opened
    opened.close()


def test_the_default_is_ten_minutes(journal: Journal) -> None:
    assert DEFAULT_LOCK_MINUTES == 10
    assert journal.settings.lock_minutes() == 10


@pytest.mark.parametrize("minutes", [0, 1, 25, MAX_LOCK_MINUTES])
def test_minutes_are_kept_in_the_journal_file(journal_path: Path, minutes: int) -> None:
    journal = Journal.open(journal_path, create=True)
    journal.settings.set_lock_minutes(minutes)
    journal.close()
    reopened = Journal.open(journal_path, create=True)
    try:
        assert reopened.settings.lock_minutes() == minutes
    finally:
        reopened.close()


@pytest.mark.parametrize("minutes", [-1, MAX_LOCK_MINUTES + 1, 10_000])
def test_out_of_range_is_refused_and_changes_nothing(journal: Journal, minutes: int) -> None:
    journal.settings.set_lock_minutes(30)
    with pytest.raises(InvalidInput, match="0 \\(never\\) to 240"):
        journal.settings.set_lock_minutes(minutes)
    assert journal.settings.lock_minutes() == 30


@pytest.mark.parametrize("damaged", ["ten", 999, -5, True, 2.5, [10], {"m": 1}])
def test_a_damaged_value_reads_as_the_default(journal: Journal, damaged: object) -> None:
    journal.settings_store.set("lock_minutes", damaged)
    assert journal.settings.lock_minutes() == DEFAULT_LOCK_MINUTES
