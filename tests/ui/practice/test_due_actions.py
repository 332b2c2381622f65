"""Action items whose review date has come show as due, and can be done or opened."""

from __future__ import annotations

import datetime as dt

from carejournal.core.domain import ActionItem, EntryDraft, EntryKind
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow

TODAY = dt.date.today()


def _reflection(journal: Journal, *items: ActionItem) -> int:
    return journal.add(EntryDraft(kind=EntryKind.REFLECTION, occurred_on=TODAY,
                                  model="driscoll", sections=(("what", "A fall"),),
                                  actions=items))


def test_no_notice_without_due_actions(journal: Journal, make_window) -> None:
    _reflection(journal, ActionItem("Later", TODAY + dt.timedelta(days=3)))
    window: MainWindow = make_window()
    assert not window.practice.due_notice.isVisible()


def test_the_notice_counts_due_actions_and_lists_them(journal: Journal, make_window) -> None:
    entry_id = _reflection(journal, ActionItem("Ring the GP", TODAY - dt.timedelta(days=2)),
                           ActionItem("Read the plan", TODAY))
    window: MainWindow = make_window()
    notice = window.practice.due_notice
    assert notice.isVisible()
    assert notice.label.text() == "2 actions from your reflections are due for review."
    notice.button.click()
    dialog = window.practice.due_dialog
    assert dialog is not None and dialog.isVisible()
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert texts[0].startswith("Ring the GP (due since") and "A fall" in texts[0]
    assert texts[1].startswith("Read the plan (due today)")
    dialog.done_button.click()
    assert [d.text for d in journal.actions_due(TODAY)] == ["Read the plan"]
    assert notice.label.text() == "1 action from your reflections is due for review."
    assert dialog.list.count() == 1
    dialog.open_button.click()
    assert window.editor.entry_id == entry_id
    assert not dialog.isVisible()


def test_marking_done_updates_the_open_entry(journal: Journal, make_window) -> None:
    entry_id = _reflection(journal, ActionItem("Ring the GP", TODAY))
    window: MainWindow = make_window()
    window.timeline.select(entry_id, quiet=False)
    window.actions_.due_actions.trigger()
    window.practice.due_dialog.done_button.click()
    row = window.editor.sections.action_items.rows[0]
    assert row.done.isChecked(), "the editor shows it done, so a later save keeps it done"
    window.editor.body.setPlainText("more")
    assert window.autosaver.flush()
    assert journal.get(entry_id).actions[0].done_on == TODAY
    assert not window.practice.due_notice.isVisible()


def test_editing_a_review_date_updates_the_notice(journal: Journal, make_window) -> None:
    entry_id = _reflection(journal, ActionItem("Ring the GP", TODAY + dt.timedelta(days=5)))
    window: MainWindow = make_window()
    window.timeline.select(entry_id, quiet=False)
    assert not window.practice.due_notice.isVisible()
    row = window.editor.sections.action_items.rows[0]
    row.review.setDate(row.review.date().addDays(-10))
    assert window.autosaver.flush()
    assert window.practice.due_notice.isVisible()


def test_searching_does_not_recount_but_writing_does(journal: Journal, make_window) -> None:
    entry_id = _reflection(journal, ActionItem("Ring the GP", TODAY))
    window: MainWindow = make_window()
    told: list[bool] = []
    window.changes.changed.connect(lambda _changes: told.append(True))
    window.timeline.filters.search.setText("fall")
    window.timeline.filters.reset()
    assert told == [], "a search only lists; nothing was written"
    window.timeline.select(entry_id, quiet=False)
    window.trash_current()
    assert told and not window.practice.due_notice.isVisible()
