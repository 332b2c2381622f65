"""Changes say what a write changed, and merge with |."""

from __future__ import annotations

from carejournal.core.changes import NOTHING, Changes, Done, merge


def test_nothing_is_false_and_anything_else_true() -> None:
    assert not NOTHING and not Changes()
    assert Changes(settings=True)
    assert Changes.edited(3)


def test_union_keeps_every_part_and_the_later_shown_entry() -> None:
    both = Changes.added(1) | Changes(lens_rules=True) | Changes.moved([2, 3], shown=2)
    assert both.entries == {1, 2, 3}
    assert both.listing and both.trash and both.lens_rules
    assert not both.settings and not both.goals
    assert both.shown == 2
    assert (Changes.added(1) | Changes(goals=True)).shown == 1, "no shown entry keeps the first"


def test_merge_is_the_union_of_them_all() -> None:
    parts = [Changes.edited(4), Changes(action_items=True), Changes(supervision=True)]
    assert merge(parts) == parts[0] | parts[1] | parts[2]
    assert merge([]) == NOTHING


def test_which_changes_touch_entries() -> None:
    assert Changes.edited(1).touches_entries
    assert Changes(listing=True).touches_entries
    assert Changes(preparation=True).touches_entries, "the preparation may reword entries"
    assert not Changes(little_things=True).touches_entries
    assert not Changes(action_items=True, settings=True, lens_rules=True).touches_entries


def test_an_edit_keeps_the_listing_and_an_add_changes_it() -> None:
    assert not Changes.edited(5).listing and Changes.edited(5).shown is None
    assert Changes.added(5) == Changes(entries=frozenset({5}), listing=True, shown=5)


def test_done_carries_the_result_and_the_changes() -> None:
    done = Done(7, Changes.added(7))
    assert done.value == 7 and done.changes.shown == 7


def test_names_merge_and_touch_entries() -> None:
    assert (Changes() | Changes(names=True)).names
    assert Changes(names=True).touches_entries
    assert Changes(names=True)


def test_learning_and_feedback_merge_and_leave_entries_alone() -> None:
    assert (Changes(goals=True) | Changes(cpd=True)).cpd
    assert Changes(cpd=True) and not Changes(cpd=True).touches_entries
