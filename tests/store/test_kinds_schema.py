"""The journal's CHECK on the kind of entry takes every kind core/kinds.py declares: a new
kind without its migration fails here, not in the worker's hands."""

from __future__ import annotations

from pathlib import Path

import pytest

from carejournal.core.kinds import KINDS, KindSpec
from carejournal.services.journal import Journal
from carejournal.store.models import KIND_CHECK
from tests.conftest import draft
from tests.store.test_schema import sql


def test_the_migrated_journal_checks_what_the_models_declare(journal: Journal,
                                                            journal_path: Path) -> None:
    journal.close()
    (entries,) = sql(journal_path, "SELECT sql FROM sqlite_master WHERE name = 'entries'")
    assert KIND_CHECK in entries[0]


@pytest.mark.parametrize("spec", KINDS, ids=lambda s: s.key)
def test_every_declared_kind_can_be_stored(spec: KindSpec, journal: Journal) -> None:
    entry_id = journal.add(draft("A few words.", spec.kind))
    assert journal.get(entry_id).kind is spec.kind
