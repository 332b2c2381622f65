"""The editor's structured parts, driven as a worker would: checklist, strengths,
decisions, reflective models, action items, fallibility prompts and the mirror."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from carejournal.core.domain import ActDone, ActionItem, Decision, EntryDraft, EntryKind, LinkKind
from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow

TODAY = dt.date.today()


def _save(window: MainWindow) -> None:
    assert window.autosaver.flush(), window.autosaver.message


def test_an_interaction_records_acts_strengths_and_decisions(window: MainWindow,
                                                             journal: Journal, qtbot) -> None:
    window.new_entry(EntryKind.INTERACTION)
    editor = window.editor
    assert editor.strengths.isVisible() and editor.decisions.isVisible()
    qtbot.keyClicks(editor.body, "Aled missed the bus, so we walked.")
    qtbot.keyClicks(editor.strengths, "Knows every shortcut in town")
    tea = journal.kindness.find("cup-of-tea")
    editor.acts.boxes[tea.id].click()
    qtbot.mouseClick(editor.decisions.add, Qt.MouseButton.LeftButton)
    row = editor.decisions.rows[0]
    qtbot.keyClicks(row.text, "Walk instead of waiting")
    row.rung.setCurrentIndex(row.rung.findData("co-design"))
    assert row.explanation.text().startswith("Co-design (done with the person):")
    row.choices.click()
    _save(window)
    entry = journal.get(editor.entry_id)
    assert entry.strengths == "Knows every shortcut in town"
    assert [a.act_id for a in entry.acts] == [tea.id]
    assert entry.decisions == (Decision("Walk instead of waiting", "co-design", True),)


def test_decisions_can_be_removed_and_keep_an_unrecorded_choice(journal: Journal,
                                                                make_window) -> None:
    entry_id = journal.add(EntryDraft(kind=EntryKind.INTERACTION, occurred_on=TODAY, body="x",
                                      decisions=(Decision("a", "informing"),
                                                 Decision("b", "coercion", False))))
    window: MainWindow = make_window()
    window.timeline.select(entry_id, quiet=False)
    rows = window.editor.decisions.rows
    assert [r.rung.currentData() for r in rows] == ["informing", "coercion"]
    rows[1].remove.click()
    _save(window)
    assert journal.get(entry_id).decisions == (Decision("a", "informing", None),)


def test_a_retired_act_shows_only_where_it_was_recorded(journal: Journal, make_window) -> None:
    hug = journal.kindness.find("hug")
    entry_id = journal.add(EntryDraft(kind=EntryKind.INTERACTION, occurred_on=TODAY, body="x",
                                      acts=(ActDone(hug.id, "asked for one"),)))
    journal.kindness.retire_act(hug)
    window: MainWindow = make_window()
    window.timeline.select(entry_id, quiet=False)
    box = window.editor.acts.boxes[hug.id]
    assert box.isChecked() and box.toolTip() == "asked for one"
    window.new_entry(EntryKind.INTERACTION)
    assert hug.id not in window.editor.acts.boxes


def test_a_reflection_uses_a_model_with_sections_and_actions(window: MainWindow,
                                                             journal: Journal, qtbot) -> None:
    window.new_entry(EntryKind.REFLECTION)
    sections = window.editor.sections
    assert sections.current_model() == "free" and not sections.fields
    sections.model.setCurrentIndex(sections.model.findData("gibbs"))
    assert list(sections.fields) == ["description", "feelings", "evaluation", "analysis",
                                     "conclusion", "action-plan"]
    assert window.editor.body_label.text() == "Anything else (optional)"
    qtbot.keyClicks(sections.fields["description"], "The hoist broke.")
    qtbot.mouseClick(sections.action_items.add, Qt.MouseButton.LeftButton)
    action = sections.action_items.rows[0]
    qtbot.keyClicks(action.text, "Ask for hoist training")
    action.has_review.click()
    action.review.setDate(action.review.date().addDays(-20))
    assert action.due.isVisibleTo(action), "a past review date shows as due"
    _save(window)
    entry = journal.get(window.editor.entry_id)
    assert (entry.model, entry.sections) == ("gibbs", (("description", "The hoist broke."),))
    [item] = entry.actions
    assert item.text == "Ask for hoist training" and item.review_on < TODAY
    assert [d.text for d in journal.actions_due(TODAY)] == ["Ask for hoist training"]


def test_changing_model_keeps_what_was_written(journal: Journal, make_window) -> None:
    entry_id = journal.add(EntryDraft(kind=EntryKind.REFLECTION, occurred_on=TODAY,
                                      model="gibbs", sections=(("feelings", "Tired"),)))
    window: MainWindow = make_window()
    window.timeline.select(entry_id, quiet=False)
    sections = window.editor.sections
    assert sections.fields["feelings"].toPlainText() == "Tired"
    sections.model.setCurrentIndex(sections.model.findData("driscoll"))
    assert "feelings" not in sections.fields
    sections.fields["what"].setPlainText("A fall")
    _save(window)
    stored = journal.get(entry_id)
    assert stored.model == "driscoll"
    assert dict(stored.sections) == {"what": "A fall", "feelings": "Tired"}
    sections.model.setCurrentIndex(sections.model.findData("gibbs"))
    assert sections.fields["feelings"].toPlainText() == "Tired"


def test_marking_an_action_done(journal: Journal, make_window) -> None:
    entry_id = journal.add(EntryDraft(
        kind=EntryKind.REFLECTION, occurred_on=TODAY, model="driscoll",
        actions=(ActionItem("Ring the GP", TODAY - dt.timedelta(days=1)),)))
    window: MainWindow = make_window()
    window.timeline.select(entry_id, quiet=False)
    row = window.editor.sections.action_items.rows[0]
    assert row.due.isVisibleTo(window.editor.sections)
    row.done.click()
    assert not row.due.isVisibleTo(window.editor.sections)
    _save(window)
    assert journal.get(entry_id).actions[0].done_on == TODAY
    assert journal.actions_due(TODAY) == []


def test_a_fallibility_note_has_its_guided_prompts(window: MainWindow, journal: Journal,
                                                   qtbot) -> None:
    window.new_entry(EntryKind.FALLIBILITY)
    editor = window.editor
    assert editor.body_label.text().startswith("What happened?")
    assert not editor.sections.model.isVisibleTo(editor)
    qtbot.keyClicks(editor.body, "Snapped at a colleague.")
    area = editor.sections.fields["area"]
    area.setCurrentIndex(area.findData("temper"))
    qtbot.keyClicks(editor.sections.fields["treated"], "Given a minute, then a cuppa")
    _save(window)
    entry = journal.get(editor.entry_id)
    assert entry.section("area") == "temper"
    assert entry.section("treated") == "Given a minute, then a cuppa"


def test_the_mirror_opens_a_linked_fallibility_note(window: MainWindow, journal: Journal,
                                                    qtbot) -> None:
    window.new_entry(EntryKind.INTERACTION)
    assert not window.editor.links.mirror.isEnabled(), "nothing to mirror until it is saved"
    qtbot.keyClicks(window.editor.body, "Sam would not get up for the appointment.")
    _save(window)
    visit = window.editor.entry_id
    assert window.editor.links.mirror.isEnabled()
    qtbot.mouseClick(window.editor.links.mirror, Qt.MouseButton.LeftButton)
    editor = window.editor
    assert editor.current_kind() is EntryKind.FALLIBILITY and editor.entry_id is None
    assert editor.prompt.isVisibleTo(window)
    assert "hard yourself" in editor.prompt.text()
    assert "Sam would not get up" in editor.prompt.text()
    qtbot.keyClicks(editor.body, "I hate early starts too.")
    _save(window)
    mirror = editor.entry_id
    [link] = journal.get(mirror).links
    assert (link.entry_id, link.kind, link.outgoing) == (visit, LinkKind.MIRROR, True)
    window.show_entry(visit)
    assert window.editor.entry_id == visit
    assert window.editor.links.list.count() == 1
    assert "I hate early starts" in window.editor.links.list.item(0).text()
    window.editor.links.list.itemActivated.emit(window.editor.links.list.item(0))
    assert window.editor.entry_id == mirror
    assert not window.editor.prompt.isVisibleTo(window), "the question shows only when writing"


def test_the_mirror_shortcut_only_works_on_an_interaction(filled: Journal,
                                                          make_window, qtbot) -> None:
    window: MainWindow = make_window()
    reflection = next(r.id for r in filled.rows() if r.kind is EntryKind.REFLECTION)
    window.timeline.select(reflection, quiet=False)
    window.actions_.mirror.trigger()
    assert window.editor.entry_id == reflection, "nothing happens on a reflection"
