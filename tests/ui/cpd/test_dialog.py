"""View › Learning and Feedback…: learning and feedback recorded, edited and deleted from the
window through journal.ops, evidence files added to and removed from a stored record, and
the register chosen; the hub hears of each write. Real widgets, real clicks and keys."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget

from carejournal.core.changes import Changes
from carejournal.core.cpd import Evidence, FeedbackDraft, LearningDraft, Theme
from carejournal.core.registration import Register
from carejournal.services.journal import Journal
from carejournal.ui.cpd.dialog import LearningDialog
from carejournal.ui.cpd.pages import RecordsPage
from tests.ui.tab_walk import activate, assert_reaches_all, assert_walks_back, walk

TODAY = dt.date(2026, 6, 1)
PDF = Evidence("certificate.pdf", b"%PDF-1.4 certificate")


def make(qtbot: Any, journal: Journal, heard: list[Changes]) -> LearningDialog:
    dialog = LearningDialog(journal, heard.append, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def study_day(journal: Journal) -> int:
    return journal.cpd.add_learning(LearningDraft(
        "Study day", "Dysphagia", dt.date(2026, 5, 1), dt.date(2026, 5, 1), 390, 300,
        (Theme.SAFETY,), "I check the IDDSI level.", True, (PDF,)))


def choose(qtbot: Any, page: RecordsPage, row: int) -> None:
    rect = page.list.visualItemRect(page.list.item(row))
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def lines(page: RecordsPage) -> list[str]:
    return [page.list.item(n).text() for n in range(page.list.count())]


def test_a_learning_record_with_evidence_is_added(qtbot: Any, journal: Journal,
                                                  tmp_path: Path) -> None:
    heard: list[Changes] = []
    dialog = make(qtbot, journal, heard)
    form = dialog.learning_form
    qtbot.keyClicks(form.method, "Study day")
    qtbot.keyClicks(form.topic, "Dysphagia")
    form.hours.setValue(6.5)
    form.participatory.setValue(5)
    form.themes[Theme.SAFETY].setChecked(True)
    form.peer.setChecked(True)
    qtbot.keyClicks(form.changed, "I check the IDDSI level.")
    cert = tmp_path / "cert.pdf"
    cert.write_bytes(b"%PDF")
    form.add_evidence_file(cert)
    assert form.names() == ["cert.pdf"]
    qtbot.mouseClick(dialog.learning.save_button, Qt.MouseButton.LeftButton)
    [record] = journal.cpd.learning()
    assert (record.topic, record.minutes, record.participatory_minutes, record.themes,
            record.peer_reflection, [e.name for e in record.evidence]) == (
        "Dysphagia", 390, 300, (Theme.SAFETY,), True, ["cert.pdf"])
    assert heard == [Changes(cpd=True)]
    assert lines(dialog.learning) == ["1 Jun 2026: Study day, Dysphagia (6.5 h)"]
    assert form.method.text() == "" and form.evidence == [] and form.names() == []


def test_a_bad_record_says_why_and_writes_nothing(qtbot: Any, journal: Journal) -> None:
    heard: list[Changes] = []
    dialog = make(qtbot, journal, heard)
    qtbot.keyClicks(dialog.learning_form.method, "Course")
    assert not dialog.add_learning()  # no topic
    assert "topic is empty" in dialog.problem.text()
    assert journal.cpd.learning() == [] and heard == []
    assert dialog.learning_form.method.text() == "Course", "what was typed stays"


def test_the_lists_say_when_there_is_nothing_yet(qtbot: Any, journal: Journal) -> None:
    dialog = make(qtbot, journal, [])
    assert lines(dialog.learning) == [
        "No learning recorded yet: fill in the form to add the first."]
    assert lines(dialog.feedback) == ["No feedback noted yet: fill in the form to add the first."]
    assert dialog.learning_form.evidence_list.item(0).text() == "No evidence files"
    choose(qtbot, dialog.learning, 0)
    assert not dialog.learning.edit_button.isEnabled()
    assert not dialog.learning.delete_button.isEnabled()
    assert dialog.learning.chosen() is None


def test_a_learning_record_is_edited_with_its_evidence(qtbot: Any, journal: Journal,
                                                       tmp_path: Path) -> None:
    record_id = study_day(journal)
    journal.cpd.add_learning(LearningDraft("Reading", "Falls", TODAY, TODAY, 60))
    heard: list[Changes] = []
    dialog = make(qtbot, journal, heard)
    page, form = dialog.learning, dialog.learning_form
    assert lines(page)[1] == "1 May 2026: Study day, Dysphagia (6.5 h)"
    choose(qtbot, page, 1)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert page.heading.text() == "Editing “Dysphagia”" and page.cancel_button.isVisible()
    assert (form.topic.text(), form.hours.value(), form.peer.isChecked()) == (
        "Dysphagia", 6.5, True)
    assert form.themes[Theme.SAFETY].isChecked() and not form.themes[Theme.PEOPLE].isChecked()
    assert form.evidence_list.item(0).text() == "certificate.pdf (1 KB)"
    form.topic.clear()
    qtbot.keyClicks(form.topic, "Dysphagia and modified diets")
    form.evidence_list.setCurrentRow(0)
    qtbot.mouseClick(form.remove_file, Qt.MouseButton.LeftButton)
    photo = tmp_path / "notes.jpg"
    photo.write_bytes(b"\xff\xd8 notes")
    form.add_evidence_file(photo)
    assert form.names() == ["notes.jpg"]
    assert journal.cpd.evidence_of(record_id) == [PDF], "nothing is written before Save"
    bar = page.fields_area.verticalScrollBar()
    bar.setValue(bar.maximum())  # down at the evidence
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert bar.value() == 0, "the next record starts from the first field"
    stored = journal.cpd.get_learning(record_id)
    assert stored.topic == "Dysphagia and modified diets" and stored.minutes == 390
    assert journal.cpd.evidence_of(record_id) == [Evidence("notes.jpg", b"\xff\xd8 notes")]
    assert heard == [Changes(cpd=True)]
    assert lines(page)[1] == "1 May 2026: Study day, Dysphagia and modified diets (6.5 h)"
    assert page.chosen().id == record_id, "the edited record stays chosen"
    assert page.heading.text() == "A new learning record" and page.cancel_button.isHidden()
    assert form.topic.text() == ""


def test_cancel_editing_writes_nothing(qtbot: Any, journal: Journal) -> None:
    study_day(journal)
    heard: list[Changes] = []
    dialog = make(qtbot, journal, heard)
    page = dialog.learning
    choose(qtbot, page, 0)
    qtbot.keyClick(page.list, Qt.Key.Key_Return)  # Enter edits, as Edit… does
    assert dialog.learning_form.topic.text() == "Dysphagia"
    dialog.learning_form.evidence_list.setCurrentRow(0)
    dialog.learning_form.remove_chosen()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.learning_form.topic.text() == "" and heard == []
    assert [e.name for e in journal.cpd.learning()[0].evidence] == ["certificate.pdf"]


def test_feedback_is_edited(qtbot: Any, journal: Journal) -> None:
    feedback_id = journal.cpd.add_feedback(FeedbackDraft(TODAY, "relative", "You took time."))
    heard: list[Changes] = []
    dialog = make(qtbot, journal, heard)
    dialog.tabs.setCurrentWidget(dialog.feedback)
    page, form = dialog.feedback, dialog.feedback_form
    choose(qtbot, page, 0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert page.heading.text() == "Editing the feedback from relative on 1 Jun 2026"
    assert form.said.toPlainText() == "You took time."
    form.role.clear()
    qtbot.keyClicks(form.role, "colleague")
    qtbot.keyClicks(form.changed, "I slow down at handover.")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = journal.cpd.get_feedback(feedback_id)
    assert (stored.from_role, stored.changed) == ("colleague", "I slow down at handover.")
    assert lines(page) == ["1 Jun 2026: from colleague"] and heard == [Changes(cpd=True)]


def test_delete_asks_first_and_cancel_keeps_the_record(qtbot: Any, journal: Journal,
                                                       dialogs: list[tuple[str, tuple]]) -> None:
    study_day(journal)
    heard: list[Changes] = []
    dialog = make(qtbot, journal, heard)
    choose(qtbot, dialog.learning, 0)
    qtbot.mouseClick(dialog.learning.delete_button, Qt.MouseButton.LeftButton)
    [(kind, args)] = dialogs  # the conftest answers Cancel
    assert kind == "question" and "Delete the learning record “Dysphagia”" in args[2]
    assert "gone for good" in args[2]
    assert len(journal.cpd.learning()) == 1 and heard == []


def test_delete_once_confirmed_updates_the_list_and_the_store(
        qtbot: Any, journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    study_day(journal)
    journal.cpd.add_feedback(FeedbackDraft(TODAY, "relative", "You took time."))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Yes)
    heard: list[Changes] = []
    dialog = make(qtbot, journal, heard)
    activate(dialog)
    choose(qtbot, dialog.learning, 0)
    dialog.learning.list.setFocus()
    qtbot.keyClick(dialog.learning.list, Qt.Key.Key_Delete)  # the Delete key asks too
    assert journal.cpd.learning() == []
    assert lines(dialog.learning)[0].startswith("No learning recorded yet")
    dialog.tabs.setCurrentWidget(dialog.feedback)
    choose(qtbot, dialog.feedback, 0)
    qtbot.mouseClick(dialog.feedback.delete_button, Qt.MouseButton.LeftButton)
    assert journal.cpd.feedback() == [] and heard == [Changes(cpd=True)] * 2


def test_deleting_the_record_being_edited_empties_the_form(
        qtbot: Any, journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    study_day(journal)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Yes)
    dialog = make(qtbot, journal, [])
    choose(qtbot, dialog.learning, 0)
    dialog.learning.edit_chosen()
    dialog.learning.delete_chosen()
    assert dialog.learning.editing is None and dialog.learning_form.topic.text() == ""
    assert dialog.learning.save_button.text() == "&Add learning record"


def test_feedback_and_register(qtbot: Any, journal: Journal) -> None:
    heard: list[Changes] = []
    dialog = make(qtbot, journal, heard)
    qtbot.keyClicks(dialog.feedback_form.role, "relative")
    qtbot.keyClicks(dialog.feedback_form.said, "You took time.")
    dialog.add_feedback()
    assert [f.said for f in journal.cpd.feedback()] == ["You took time."]
    dialog.register.setCurrentIndex(dialog.register.findData("nmc"))
    dialog.revalidation.setDate(QDate(2028, 3, 14))
    dialog.save_register()
    assert journal.cpd.register() is Register.NMC
    assert journal.cpd.revalidation_on() == dt.date(2028, 3, 14)
    assert dialog.tracker.text().startswith("Revalidation by 14 March 2028: CPD 0 of 35")
    assert "feedback 1 of 5" in dialog.tracker.text()
    assert heard == [Changes(cpd=True), Changes(settings=True)]
    assert "reflective discussion not yet" in dialog.tracker.text()
    assert not dialog.discussion.isEnabled(), "a date only once it is ticked"
    dialog.discussed.setChecked(True)
    dialog.discussion.setDate(QDate(2027, 11, 2))
    dialog.save_register()
    assert journal.cpd.discussion_on() == dt.date(2027, 11, 2)
    assert dialog.tracker.text().endswith("reflective discussion done")
    dialog.register.setCurrentIndex(dialog.register.findData("swe"))
    assert not dialog.discussed.isEnabled() and not dialog.discussion.isEnabled()
    dialog.save_register()
    assert journal.cpd.discussion_on() is None, "the NMC's alone"


def _letters(widgets: list[QWidget]) -> list[str]:
    texts = [w.text() for w in widgets if isinstance(w, QLabel | QAbstractButton)]
    return [m.group(1).lower() for t in texts if (m := re.search(r"&(\w)", t))]


def test_no_shortcut_letter_is_used_twice_on_a_tab(qtbot: Any, journal: Journal) -> None:
    """A hidden tab's letters do not fire (Qt skips hidden widgets), so each tab is checked
    with the dialog's own words and the tabs' names."""
    dialog = make(qtbot, journal, [])
    pages = [dialog.tabs.widget(n) for n in range(dialog.tabs.count())]
    every = dialog.findChildren(QWidget)
    common = [w for w in every if not any(p.isAncestorOf(w) for p in pages)]
    tab_names = [dialog.tabs.tabText(n) for n in range(dialog.tabs.count())]
    common_letters = _letters(common) + [re.search(r"&(\w)", t).group(1).lower()  # type: ignore[union-attr]
                                         for t in tab_names]
    for page in pages:
        letters = common_letters + _letters(page.findChildren(QWidget))
        assert len(letters) == len(set(letters)), sorted(letters)


@pytest.mark.parametrize("tab", ["learning", "feedback"])
def test_tab_reaches_every_field_and_button_while_editing(qtbot: Any, journal: Journal,
                                                          tab: str) -> None:
    study_day(journal)
    journal.cpd.add_feedback(FeedbackDraft(TODAY, "relative", "You took time."))
    dialog = make(qtbot, journal, [])
    page: RecordsPage = getattr(dialog, tab)
    dialog.tabs.setCurrentWidget(page)
    activate(dialog)
    choose(qtbot, page, 0)
    page.edit_chosen()
    if tab == "learning":
        dialog.learning_form.evidence_list.setCurrentRow(0)  # Remove file is on
    QApplication.processEvents()
    fields = walk(page.list)
    assert_reaches_all(fields, dialog)
    for button in (page.edit_button, page.delete_button, page.save_button, page.cancel_button):
        assert button in fields
    assert_walks_back(fields)


def test_typing_not_saved_is_not_lost_to_another_record_or_to_close(
        qtbot: Any, journal: Journal, dialogs: list[tuple[str, tuple]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Choosing another record to edit, or closing, asks before the typing goes (the
    question's default, and the conftest's answer, is Cancel: keep it)."""
    study_day(journal)
    journal.cpd.add_learning(LearningDraft(
        "Reading", "NG97", dt.date(2026, 4, 1), dt.date(2026, 4, 1), 120, 0, (), ""))
    dialog = make(qtbot, journal, [])
    page, form = dialog.learning, dialog.learning_form
    choose(qtbot, page, 0)
    page.edit_chosen()
    assert dialogs == [], "nothing typed yet: no question"
    qtbot.keyClicks(form.topic, " and IDDSI")
    choose(qtbot, page, 1)
    page.edit_chosen()
    [(kind, args)] = dialogs
    assert kind == "question" and "not saved" in args[2]
    assert form.topic.text() == "Dysphagia and IDDSI", "kept"
    dialog.reject()
    assert dialog.isVisible() and form.topic.text() == "Dysphagia and IDDSI"
    assert len(dialogs) == 2
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Discard)
    page.edit_chosen()
    assert form.topic.text() == "NG97" and not page.unsaved()
    dialog.reject()
    assert not dialog.isVisible()
    assert [r.topic for r in journal.cpd.learning()] == ["Dysphagia", "NG97"]


def test_the_lists_are_searched_as_the_worker_types(qtbot: Any, journal: Journal) -> None:
    study_day(journal)
    journal.cpd.add_learning(LearningDraft(
        "Reading", "NG97", dt.date(2026, 4, 1), dt.date(2026, 4, 1), 120, 0, (), ""))
    journal.cpd.add_feedback(FeedbackDraft(TODAY, "relative", "You took time."))
    journal.cpd.add_feedback(FeedbackDraft(TODAY, "nurse", "Clear handover."))
    dialog = make(qtbot, journal, [])
    qtbot.keyClicks(dialog.learning.search, "iddsi")  # in what changed, any case
    assert lines(dialog.learning) == ["1 May 2026: Study day, Dysphagia (6.5 h)"]
    dialog.learning.search.clear()
    qtbot.keyClicks(dialog.learning.search, "podiatry")
    assert lines(dialog.learning) == ["No learning record has the words “podiatry”."]
    assert not dialog.learning.list.item(0).flags() & Qt.ItemFlag.ItemIsSelectable
    dialog.learning.search.clear()
    assert len(lines(dialog.learning)) == 2
    dialog.tabs.setCurrentWidget(dialog.feedback)
    qtbot.keyClicks(dialog.feedback.search, "nurse")
    assert lines(dialog.feedback) == ["1 Jun 2026: from nurse"]
