"""The language lens in the entry editor, driven as a worker would: hover, the context menu
(replace, undo, dismiss, switch a rule off), the side panel and a very long entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QToolTip

from carejournal.core.domain import EntryDraft, EntryKind
from carejournal.lens.matcher import Lens, load_lexicon
from carejournal.services.journal import Journal
from carejournal.ui.editor.autosave import SaveState
from carejournal.ui.editor.entry_editor import EntryEditor
from carejournal.ui.lens.text_edit import LensEdit
from carejournal.ui.main_window import MainWindow
from tests.ui.lens.test_highlighter import LEXICON, make_lens, underlines


@pytest.fixture
def lens(tmp_path: Path) -> Lens:
    return make_lens(tmp_path)


@pytest.fixture
def editor(window: MainWindow, lens: Lens) -> EntryEditor:
    """The window's editor on a new interaction, checking with the small test lexicon."""
    window.new_entry(EntryKind.INTERACTION)
    window.editor.set_lens(lens)
    if not window.editor.lens_panel.toggle.isChecked():  # hidden by default if narrow
        window.editor.lens_panel.toggle.click()
    return window.editor


def point_in(edit: LensEdit, phrase: str, nth: int = 0) -> QPoint:
    """A viewport point over the middle of the nth occurrence of phrase."""
    text = edit.toPlainText()
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(start + len(phrase) // 2)
    return edit.cursorRect(cursor).center() + QPoint(2, 0)


def action_texts(menu: QMenu) -> list[str]:
    return [a.text() if not a.isSeparator() else "---" for a in menu.actions()]


def trigger(menu: QMenu, text: str) -> None:
    next(a for a in menu.actions() if a.text() == text).trigger()


def test_hovering_a_finding_explains_it(editor: EntryEditor) -> None:
    body = editor.body
    body.setPlainText("He was non-compliant, said the service users.")
    tip = body.tooltip_at(point_in(body, "service users"))
    assert "“service users” · Labels that reduce a person" in tip
    assert "It makes a person a user of services." in tip
    assert "the person I support; <i>their name</i>" in tip
    assert "Source: test" in tip
    other = body.tooltip_at(point_in(body, "non-compliant"))
    assert "&lt;the person&gt; &amp; nobody else" in other, "the lexicon's text is escaped"
    assert body.tooltip_at(point_in(body, "said")) == ""


def test_a_help_event_on_the_viewport_shows_the_tooltip(editor: EntryEditor) -> None:
    body = editor.body
    body.setPlainText("Back to the placement after lunch.")
    viewport = body.viewport()
    point = point_in(body, "lunch")
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point,
                                                viewport.mapToGlobal(point)))
    assert not QToolTip.isVisible(), "no tooltip over ordinary words"
    point = point_in(body, "placement")
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point,
                                                viewport.mapToGlobal(point)))
    assert QToolTip.isVisible() and "It is their home." in QToolTip.text()
    QToolTip.hideText()


def test_the_menu_offers_alternatives_first_then_the_standard_menu(editor: EntryEditor) -> None:
    body = editor.body
    body.setPlainText("Service users went to the shop.")
    texts = action_texts(body.context_menu(point_in(body, "Service users")))
    assert texts[:4] == ["Replace with “The people I support”…", "Dismiss here",
                         "Switch this rule off…", "---"]
    assert not any("their name" in t for t in texts), "placeholders are not inserted"
    assert any("Undo" in t for t in texts[4:]) and any("Paste" in t for t in texts[4:])
    plain = action_texts(body.context_menu(point_in(body, "shop")))
    assert not any(t.startswith("Replace with") for t in plain)
    assert "Dismiss here" not in plain


def test_a_replacement_shows_the_whole_sentence_first_and_is_undone_in_one_step(
        editor: EntryEditor, qtbot) -> None:
    body = editor.body
    body.setPlainText("Service users went to the shop.")
    body.setFocus()
    trigger(body.context_menu(point_in(body, "Service users")),
            "Replace with “The people I support”…")
    preview = body.preview
    assert preview is not None and preview.isVisible()
    assert body.toPlainText() == "Service users went to the shop.", "nothing changes yet"
    assert preview.before.text() == "Now: Service users went to the shop."
    assert preview.after.text() == ("After: <b><u style='text-decoration-color: #0f766e'>"
                                    "The people I support</u></b> went to the shop.")
    qtbot.mouseClick(preview.replace_button, Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "The people I support went to the shop."
    assert underlines(body) == []
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == "Service users went to the shop."
    assert not body.document().isUndoAvailable(), "the replacement was a single step"
    assert [u[3] for u in underlines(body)] == ["Service users"]


def test_the_menu_key_works_where_the_text_cursor_is(editor: EntryEditor) -> None:
    body = editor.body
    body.setPlainText("Said no to toileting")
    body.moveCursor(QTextCursor.MoveOperation.End)  # just after the word counts
    menu = body.context_menu(body.cursorRect().center(), keyboard=True)
    trigger(menu, "Replace with “supporting someone to use the toilet”…")
    assert body.preview is not None
    body.preview.accept()
    assert body.toPlainText() == "Said no to supporting someone to use the toilet"


def test_cancelling_the_preview_changes_nothing(editor: EntryEditor, qtbot) -> None:
    body = editor.body
    body.setPlainText("He was non-compliant today.")
    trigger(body.context_menu(point_in(body, "non-compliant")), "Replace with “chose not to”…")
    assert body.preview is not None
    qtbot.mouseClick(body.preview.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "He was non-compliant today."
    assert not body.document().isUndoAvailable()


def test_the_entrys_one_person_is_offered_by_name(editor: EntryEditor) -> None:
    editor.people.setText("Maria")
    body = editor.body
    body.setPlainText("The service user's sister rang.")
    texts = action_texts(body.context_menu(point_in(body, "service user")))
    assert "Replace with “Maria's”…" in texts
    editor.people.setText("Maria, Tom")
    texts = action_texts(body.context_menu(point_in(body, "service user")))
    assert not any("Maria" in t or "Tom" in t for t in texts)


def test_a_text_changed_under_the_preview_is_left_alone(editor: EntryEditor) -> None:
    body = editor.body
    body.setPlainText("Service users went to the shop.")
    trigger(body.context_menu(point_in(body, "Service users")),
            "Replace with “The people I support”…")
    assert body.preview is not None
    body.setPlainText("Service users went home.")
    body.preview.accept()
    assert body.toPlainText() == "Service users went home."


def test_dismissing_removes_the_underline_and_is_stored_with_the_entry(
        window: MainWindow, editor: EntryEditor, journal: Journal, qtbot) -> None:
    qtbot.keyClicks(editor.body, "Non-compliant again, and non-compliant later; service user")
    assert window.autosaver.flush()
    window.autosaver.discard()
    trigger(editor.body.context_menu(point_in(editor.body, "non-compliant")), "Dismiss here")
    assert [u[3] for u in underlines(editor.body)] == ["service user"], "every place in it"
    assert editor.lens_context.dismissed == {"non-compliant:non compliant"}
    assert window.autosaver.state is SaveState.PENDING, "the entry is marked edited"
    assert [i.spot.finding.rule for i in editor.lens_panel.items] == ["service-user"]
    assert editor.draft().dismissed == ("non-compliant:non compliant",)
    entry_id = editor.entry_id
    assert window.autosaver.flush()
    assert journal.get(entry_id).dismissed == ("non-compliant:non compliant",)
    window.new_entry(EntryKind.INTERACTION)
    assert editor.lens_context.dismissed == frozenset(), "a new entry starts afresh"
    window.show_entry(entry_id)
    assert [u[3] for u in underlines(editor.body)] == ["service user"]


def test_switching_a_rule_off_asks_with_its_id(editor: EntryEditor, qtbot) -> None:
    editor.strengths.setPlainText("Good with those people at the club")
    menu = editor.strengths.context_menu(point_in(editor.strengths, "those people"))
    with qtbot.waitSignal(editor.rule_off_requested) as blocker:
        trigger(menu, "Switch this rule off…")
    assert blocker.args == ["these-people"]


def test_the_panel_lists_findings_of_every_box_and_jumps_to_them(
        window: MainWindow, editor: EntryEditor, qtbot) -> None:
    panel = editor.lens_panel
    assert panel.isVisible() and panel.empty.isVisible() and not panel.list.isVisible()
    assert panel.empty.text() == "No wording to look at again in this entry."
    qtbot.keyClicks(editor.body, "The placement was calm.")
    qtbot.keyClicks(editor.strengths, "Kind to those people")
    assert panel.timer.isActive() and panel.list.count() == 0, "the panel waits a moment"
    panel.timer.timeout.emit()
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert texts[0].splitlines() == ["“placement” · Service jargon", "It is their home.",
                                     "Instead: home"]
    assert texts[1].startswith("“those people” in Strengths, skills and wishes I noticed")
    assert panel.toggle.text() == panel.toggle.accessibleName() == "Language lens (2)"
    with qtbot.waitActive(window):  # offscreen, opening an entry leaves no window active
        window.activateWindow()
    editor.body.setFocus()
    panel.list.itemActivated.emit(panel.list.item(1))
    assert editor.strengths.hasFocus()
    assert editor.strengths.textCursor().selectedText() == "those people"


def test_section_texts_are_checked_too(window: MainWindow, lens: Lens, qtbot) -> None:
    window.new_entry(EntryKind.REFLECTION)
    editor = window.editor
    editor.set_lens(lens)
    sections = editor.sections
    sections.model.setCurrentIndex(sections.model.findData("gibbs"))
    field = sections.fields["description"]
    qtbot.keyClicks(field, "Toileting before tea")
    assert [u[3] for u in underlines(field)] == ["Toileting"]
    editor.lens_panel.timer.timeout.emit()
    [item] = editor.lens_panel.items
    assert item.edit is field and item.box == field.accessibleName()
    sections.model.setCurrentIndex(sections.model.findData("driscoll"))
    first = sections.text_fields()[0]
    first.setPlainText("these people")
    assert [u[3] for u in underlines(first)] == ["these people"], "new fields get the lens"


def test_the_balance_is_told_in_plain_words(editor: EntryEditor) -> None:
    panel = editor.lens_panel
    editor.body.setPlainText("Proud and happy: she managed to cook, and enjoyed it.")
    panel.refresh()
    assert panel.balance.text() == ("Strength words: 4. Problem words: 0.\n"
                                    "This entry leans towards strengths.")
    editor.body.setPlainText("A walk.")
    panel.refresh()
    assert panel.balance.text().endswith("Too few of these words to tell.")
    assert not panel.explanation.isVisible()
    panel.explain.click()
    assert panel.explanation.isVisible() and "never a score" in panel.explanation.text()


def test_rules_that_did_not_load_are_mentioned_calmly(editor: EntryEditor,
                                                      tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(LEXICON.replace('category = "jargon"', 'category = "nonsense"'),
                      encoding="utf-8")
    lexicon = load_lexicon(broken)
    assert lexicon.problems
    panel = editor.lens_panel
    assert not panel.problems.isVisible()
    editor.set_lens(Lens(lexicon))
    assert panel.problems.isVisible()
    assert "could not be loaded" in panel.problems.text()
    assert "rule &#x27;placement&#x27;" in panel.problems.toolTip()


def test_the_panel_folds_away_and_stays_as_the_worker_left_it(lens: Lens, qtbot) -> None:
    editor = EntryEditor()
    qtbot.addWidget(editor)
    editor.start_new(EntryKind.INTERACTION)
    editor.set_lens(lens)
    panel = editor.lens_panel
    assert panel.toggle.accessibleName() and panel.list.accessibleName()
    panel.fit(1200, 600)
    assert panel.isVisibleTo(editor) and panel.toggle.isChecked(), "the page fits beside it"
    assert panel.width() == 330
    panel.fit(800, 600)
    assert not panel.isVisibleTo(editor), "hidden by default when the page would scroll"
    assert panel.width() == 250
    panel.toggle.click()
    assert panel.isVisibleTo(editor)
    panel.fit(800, 600)
    assert panel.isVisibleTo(editor), "the worker's choice wins over the default"
    panel.toggle.click()
    panel.fit(1200, 600)
    assert not panel.isVisibleTo(editor)


def test_without_a_lens_there_is_no_panel_and_no_underline(qtbot) -> None:
    editor = EntryEditor()
    qtbot.addWidget(editor)
    editor.resize(1000, 700)
    editor.show()
    editor.start_new(EntryKind.INTERACTION)
    editor.body.setPlainText("service users")
    assert underlines(editor.body) == []
    assert not editor.lens_panel.isVisible() and not editor.lens_panel.toggle.isVisible()


def test_read_only_entries_offer_no_changes(editor: EntryEditor) -> None:
    editor.body.setPlainText("service users")
    editor.set_read_only(True)
    texts = action_texts(editor.body.context_menu(point_in(editor.body, "service")))
    assert not any(t.startswith("Replace") or t == "Dismiss here" for t in texts)


def test_a_ten_thousand_word_entry_loads_and_stays_usable(
        window: MainWindow, lens: Lens, journal: Journal, qtbot) -> None:
    paragraph = ("We went to the shop and talked about the weather and the garden " * 14
                 + "with the service users.")  # 150 words, one finding
    body = "\n\n".join([paragraph] * 67)
    assert len(body.split()) > 10_000
    entry_id = journal.add(EntryDraft(kind=EntryKind.INTERACTION, occurred_on=dt.date.today(),
                                      body=body))
    window.editor.set_lens(lens)
    window.show_entry(entry_id)
    editor = window.editor
    assert len(editor.lens_panel.items) == 67
    assert len(underlines(editor.body, 66 * 2)) == 1
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.body, " Placement.")
    assert [u[3] for u in underlines(editor.body, 66 * 2)] == ["service users", "Placement"]
    editor.lens_panel.timer.timeout.emit()
    assert editor.lens_panel.toggle.text() == "Language lens (68)"
    editor.lens_panel.list.itemActivated.emit(editor.lens_panel.list.item(67))
    assert editor.body.textCursor().selectedText() == "Placement"


def test_a_new_lens_underlines_again_without_counting_as_an_edit(
        window: MainWindow, lens: Lens) -> None:
    window.new_entry(EntryKind.INTERACTION)
    window.editor.body.setPlainText("He was non-compliant.")
    window.autosaver.flush()
    assert window.save_label.text() == "Saved"
    edits: list[bool] = []
    window.editor.edited.connect(lambda: edits.append(True))
    window.editor.set_lens(lens)
    assert underlines(window.editor.body), "the new lens underlines the text"
    assert edits == [] and window.save_label.text() == "Saved", "nothing new to save"
    window.editor.body.insertPlainText(" Then tea.")
    assert edits and window.save_label.text() == "Editing…", "typing still counts"


def test_a_mention_is_acknowledged_not_corrected_and_not_counted(
        editor: EntryEditor, qtbot) -> None:
    body, panel = editor.body, editor.lens_panel
    qtbot.keyClicks(body, "I nearly wrote 'placement' and stopped. The placement was calm.")
    tip = body.tooltip_at(point_in(body, "placement"))
    assert "You&#x27;re reflecting on this word \u2014 good." in tip  # escaped
    assert "Instead" not in tip and "It is their home." not in tip
    menu = action_texts(body.context_menu(point_in(body, "placement")))
    assert not any(t.startswith("Replace with") for t in menu) and "Dismiss here" not in menu
    used = action_texts(body.context_menu(point_in(body, "placement", 1)))
    assert any(t.startswith("Replace with “home”") for t in used)
    panel.timer.timeout.emit()
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert texts[0].splitlines() == ["“placement” · Service jargon",
                                     "You're reflecting on this word \u2014 good."]
    assert texts[1].splitlines()[1] == "It is their home."
    assert panel.toggle.text() == "Language lens (1)", "a mention is not counted"


def test_the_people_field_tells_the_lens_who_the_entry_is_about(editor: EntryEditor) -> None:
    editor.people.setText("Bo Smith, Dot")
    assert editor.lens_context.entry_people == ("Bo Smith", "Dot")


def test_the_alternatives_beside_a_finding_take_its_sentences_pronouns(
        window: MainWindow, tmp_path: Path) -> None:
    """The panel and the tooltip once offered "she"-words about a man (the lexicon writes
    its alternatives about someone)."""
    from carejournal.lens.matcher import Lens, load_lexicon
    from tests.ui.lens.test_highlighter import LEXICON

    path = tmp_path / "gendered.toml"
    path.write_text(LEXICON.replace('alternatives = ["home"]',
                                    'alternatives = ["her home", "where she lives"]'),
                    encoding="utf-8")
    window.new_entry(EntryKind.INTERACTION)
    editor = window.editor
    editor.set_lens(Lens(load_lexicon(path)))
    if not editor.lens_panel.toggle.isChecked():
        editor.lens_panel.toggle.click()
    editor.body.setPlainText("Sam likes the placement. He chose the room himself.\n"
                             "Ann's placement is near the shops.")
    panel = editor.lens_panel
    panel.timer.timeout.emit()
    insteads = [panel.list.item(i).text().splitlines()[-1] for i in range(panel.list.count())]
    assert insteads == ["Instead: their home; where they live",  # no pronoun in its sentence
                        "Instead: their home; where they live"]
    editor.body.setPlainText("He likes the placement and he chose it.")
    panel.timer.timeout.emit()
    assert panel.list.item(0).text().splitlines()[-1] == "Instead: his home; where he lives"
    assert "his home; where he lives" in panel.list.item(0).toolTip()
