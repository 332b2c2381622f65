"""journal.ops: the window's writes, each saying what it changed; the plain methods (which
the CLI uses) still return ids and counts."""

from __future__ import annotations

import datetime as dt

import pytest

from carejournal.core.changes import Changes
from carejournal.core.domain import ActionItem, EntryKind, InvalidInput
from carejournal.services.journal import Journal
from tests.conftest import draft


def test_adding_says_which_entry_is_new_and_to_show(journal: Journal) -> None:
    done = journal.ops.add(draft("Tea with Sam."))
    assert journal.get(done.value).body == "Tea with Sam."
    assert done.changes == Changes.added(done.value)
    assert isinstance(journal.add(draft("Still an id.")), int), "the CLI's add is unchanged"


def test_updating_says_only_that_entry_changed(journal: Journal) -> None:
    entry_id = journal.add(draft("Tea."))
    changes = journal.ops.update(entry_id, draft("Tea with milk."))
    assert journal.get(entry_id).body == "Tea with milk."
    assert changes == Changes.edited(entry_id)
    assert not changes.listing


def test_trash_restore_and_empty_say_the_listing_changed(journal: Journal) -> None:
    entry_id = journal.add(draft("Tea."))
    trashed = journal.ops.trash([entry_id])
    assert trashed.value == 1 and journal.count(trashed=True) == 1
    assert trashed.changes == Changes.moved([entry_id])
    restored = journal.ops.restore([entry_id])
    assert restored.value == 1 and restored.changes.shown == entry_id
    journal.trash([entry_id])
    emptied = journal.ops.empty_trash()
    assert emptied.value == 1 and journal.count(trashed=True) == 0
    assert emptied.changes.listing and emptied.changes.trash and not emptied.changes.entries


def test_marking_an_action_done_says_so(journal: Journal) -> None:
    entry_id = journal.add(draft("Who decides?", EntryKind.REFLECTION,
                                 actions=(ActionItem("Ring the GP", dt.date(2026, 3, 1)),)))
    (due,) = journal.actions_due(dt.date(2026, 3, 2))
    assert due.entry_id == entry_id
    assert journal.ops.set_action_done(due.id, dt.date(2026, 3, 2)) == \
        Changes(action_items=True)
    assert journal.actions_due(dt.date(2026, 3, 2)) == []


def test_logging_a_little_thing_adds_an_entry(journal: Journal) -> None:
    act = journal.kindness.acts()[0]
    done = journal.ops.log_kindness(act, person="Jo", note="milk")
    assert journal.get(done.value).kind is EntryKind.KINDNESS
    assert done.changes == Changes.added(done.value)


def test_switching_a_rule_says_the_lens_changed(journal: Journal) -> None:
    rule = journal.lens.lexicon().rules[0]
    assert journal.ops.set_rule_on(rule.id, False) == Changes(lens_rules=True)
    assert rule.id in journal.lens.disabled_rules()


def test_a_refused_write_raises_and_says_nothing(journal: Journal) -> None:
    with pytest.raises(InvalidInput):
        journal.ops.set_rule_on("no-such-rule", False)
