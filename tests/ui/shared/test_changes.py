"""One change signal: a write through the window's hub says what it changed, and each view
follows it only when the change concerns it, with no refresh called by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from carejournal.core.changes import Changes
from carejournal.core.domain import ActionItem, EntryDraft, EntryKind, InvalidInput
from carejournal.core.supervision import Session
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from carejournal.ui.shared.changes import ChangeHub
from tests.conftest import draft


def _heard(window: MainWindow) -> list[Changes]:
    heard: list[Changes] = []
    window.changes.changed.connect(heard.append)
    return heard


def test_the_hub_emits_what_a_write_changed_and_returns_its_value(qtbot) -> None:
    hub = ChangeHub()
    with qtbot.waitSignal(hub.changed) as blocker:
        value = hub.perform(lambda: _done(5))
    assert value == 5 and blocker.args == [Changes.added(5)]


def _done(entry_id: int):
    from carejournal.core.changes import Done

    return Done(entry_id, Changes.added(entry_id))


def test_a_failed_write_or_no_change_emits_nothing() -> None:
    hub, heard = ChangeHub(), []
    hub.changed.connect(heard.append)

    def refused() -> Changes:
        raise InvalidInput("no")
    with pytest.raises(InvalidInput):
        hub.apply(refused)
    hub.report(Changes())
    assert heard == []


def test_an_entry_added_through_the_hub_shows_in_the_timeline(window: MainWindow,
                                                              journal: Journal) -> None:
    heard = _heard(window)
    assert window.timeline.model.rowCount() == 0
    entry_id = window.changes.perform(lambda: journal.ops.add(draft("Tea with Sam.")))
    assert heard == [Changes.added(entry_id)]
    assert window.timeline.model.row_of(entry_id) == 0, "listed without a refresh by hand"
    assert window.timeline.current_id() == entry_id, "the new entry is the one shown"
    assert "1" in window.count_label.text()


def test_typing_a_new_entry_emits_that_it_was_added(window: MainWindow,
                                                    journal: Journal, qtbot) -> None:
    heard = _heard(window)
    window.new_entry(EntryKind.INTERACTION)
    qtbot.keyClicks(window.editor.body, "Made Sam a cup of tea.")
    assert window.autosaver.flush()
    (entry_id,) = [r.id for r in journal.rows()]
    assert heard == [Changes.added(entry_id)]
    assert window.timeline.current_id() == entry_id
    qtbot.keyClicks(window.editor.body, " With milk.")
    assert window.autosaver.flush()
    assert heard[1:] == [Changes.edited(entry_id)], "an edit changes one row, not the list"
    row = window.timeline.model.index(0, 0)
    assert "milk" in str(window.timeline.model.data(row))


def test_an_edit_elsewhere_replaces_just_its_row(filled: Journal, make_window) -> None:
    window: MainWindow = make_window()
    entry_id = filled.rows()[-1].id
    before = window.timeline.model.rowCount()
    changed = filled.get(entry_id)
    window.changes.apply(lambda: filled.ops.update(entry_id, EntryDraft(
        kind=changed.kind, occurred_on=changed.occurred_on, body="Reworded at the desk.",
        people=changed.people, tags=changed.tags)))
    row = window.timeline.model.row_of(entry_id)
    assert window.timeline.model.rowCount() == before
    assert "Reworded" in str(window.timeline.model.data(window.timeline.model.index(row, 0)))


def test_views_that_are_not_concerned_do_not_look_again(window: MainWindow,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    listed: list[int | None] = []
    monkeypatch.setattr(window, "refresh", lambda select_id=None: listed.append(select_id))
    window.changes.report(Changes(settings=True))
    window.changes.report(Changes(lens_rules=True))
    assert listed == []
    window.changes.report(Changes(listing=True))
    assert listed == [None]


def test_marking_an_action_done_hides_the_due_notice(journal: Journal,
                                                     make_window) -> None:
    journal.add(EntryDraft(kind=EntryKind.REFLECTION, occurred_on=dt.date.today(),
                           model="driscoll", sections=(("what", "A fall"),),
                           actions=(ActionItem("Ring the GP", dt.date.today()),)))
    window: MainWindow = make_window()
    assert window.practice.due_notice.isVisible()
    (due,) = journal.actions_due(dt.date.today())
    window.changes.apply(lambda: journal.ops.set_action_done(due.id, dt.date.today()))
    assert not window.practice.due_notice.isVisible()


def test_a_session_planned_elsewhere_brings_the_supervision_prompt(window: MainWindow,
                                                                   journal: Journal) -> None:
    assert not window.supervision.banner.isVisible()
    journal.supervision.add(Session(dt.date.today() + dt.timedelta(days=1), "Ruth"))
    window.changes.report(Changes(goals=True, lens_rules=True))
    assert not window.supervision.banner.isVisible(), "not a change it listens for"
    window.changes.report(Changes(supervision=True))
    assert window.supervision.banner.isVisible()


def test_switching_a_rule_off_gives_the_editor_the_new_lens(window: MainWindow,
                                                            journal: Journal) -> None:
    rule = journal.lens.lexicon().rules[0]
    window.changes.apply(lambda: journal.ops.set_rule_on(rule.id, False))
    assert rule.id in window.editor.lens_context.lens.disabled
