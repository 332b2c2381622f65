"""The supervision sessions dialog, driven on real widgets: add, edit and delete sessions
and the actions agreed in them; everything goes through journal.supervision."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QMessageBox

from carejournal.core.supervision import ActionStatus, AgreedAction, Session
from carejournal.services.journal import Journal
from carejournal.ui.supervision.sessions_dialog import SessionsDialog

TODAY = dt.date(2026, 3, 17)


@pytest.fixture
def open_dialog(journal: Journal, qtbot):
    """A sessions dialog on the test journal (a fresh one each call)."""
    def make() -> SessionsDialog:
        dialog = SessionsDialog(journal.supervision, TODAY)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return make


def _listed(dialog: SessionsDialog) -> list[list[str]]:
    return [[dialog.list.topLevelItem(i).text(c) for c in range(4)]
            for i in range(dialog.list.topLevelItemCount())]


def _status(combo: QComboBox, status: ActionStatus) -> None:
    combo.setCurrentIndex(combo.findData(status.value))


def test_a_new_session_with_actions_is_stored(open_dialog, journal: Journal, qtbot) -> None:
    dialog = open_dialog()
    assert dialog.heading.text() == "New session" and _listed(dialog) == []
    assert dialog.list.isHidden() and dialog.empty.isVisible(), "no empty table: a sentence"
    assert dialog.action_table.rows == [] and not dialog.action_table.empty.isHidden()
    dialog.date.setDate(QDate(2026, 3, 5))
    dialog.supervisor.setText("Ruth, team leader")
    dialog.notes.setPlainText("Talked about Sam's mornings.")
    dialog.action_table.add.click()
    first = dialog.action_table.rows[0]
    first.text.setText("Ask Sam what time he would like to get up")
    first.owner.setText("me")
    first.has_due.setChecked(True)
    first.due.setDate(QDate(2026, 3, 12))
    dialog.action_table.add.click()
    second = dialog.action_table.rows[1]
    second.text.setText("Book the refresher")
    second.owner.setText("Ruth")
    _status(second.status, ActionStatus.IN_PROGRESS)
    dialog.action_table.add.click()  # left empty: not stored
    with qtbot.waitSignal(dialog.changed):
        dialog.save_button.click()
    [stored] = journal.supervision.sessions()
    assert (stored.held_on, stored.supervisor, stored.notes) == (
        dt.date(2026, 3, 5), "Ruth, team leader", "Talked about Sam's mornings.")
    assert [(a.text, a.owner, a.due_on, a.status) for a in stored.actions] == [
        ("Ask Sam what time he would like to get up", "me", dt.date(2026, 3, 12),
         ActionStatus.OPEN),
        ("Book the refresher", "Ruth", None, ActionStatus.IN_PROGRESS)]
    assert _listed(dialog) == [["Thu 5 Mar 2026", "Ruth, team leader", "Held",
                                "2 open, 0 closed"]]
    assert dialog.session_id == stored.id and len(dialog.action_table.rows) == 2
    assert dialog.list.isVisible() and dialog.empty.isHidden()
    assert dialog.heading.text() == "Session on 5 March 2026"


def test_editing_keeps_action_ids_and_statuses(open_dialog, journal: Journal) -> None:
    first_id = journal.supervision.add(Session(dt.date(2026, 2, 19), "Ruth", "", (
        AgreedAction("Read the plan", "me"), AgreedAction("Call the GP", "me"))))
    journal.supervision.add(Session(dt.date(2026, 3, 19), "Ruth"))
    dialog = open_dialog()
    assert [row[0] for row in _listed(dialog)] == ["Thu 19 Mar 2026", "Thu 19 Feb 2026"]
    assert [row[2] for row in _listed(dialog)] == ["Planned", "Held"]
    dialog.list.setCurrentItem(dialog.list.topLevelItem(1))
    assert dialog.session_id == first_id
    read, call = dialog.action_table.rows
    _status(read.status, ActionStatus.DONE)
    call.remove.click()
    dialog.action_table.add.click()
    dialog.action_table.rows[-1].text.setText("Try the new rota for a month")
    _status(dialog.action_table.rows[-1].status, ActionStatus.DROPPED)
    dialog.supervisor.setText("Ruth Okafor")
    dialog.supervisor.textEdited.emit("Ruth Okafor")
    assert dialog.dirty
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))  # moving on keeps the edits
    stored = journal.supervision.session(first_id)
    assert stored.supervisor == "Ruth Okafor"
    assert [(a.text, a.status) for a in stored.actions] == [
        ("Read the plan", ActionStatus.DONE), ("Try the new rota for a month",
                                               ActionStatus.DROPPED)]
    assert _listed(dialog)[1][3] == "0 open, 2 closed"
    assert dialog.session_id != first_id and not dialog.dirty


def test_closing_keeps_edits_and_a_blank_new_session_is_not_stored(
        open_dialog, journal: Journal) -> None:
    dialog = open_dialog()
    dialog.close()
    assert journal.supervision.sessions() == [], "nothing typed, nothing stored"
    dialog = open_dialog()
    dialog.new_button.click()
    dialog.date.setDate(QDate(2026, 3, 26))
    dialog.close()
    assert [s.held_on for s in journal.supervision.sessions()] == [dt.date(2026, 3, 26)]
    assert dialog.isHidden()


def test_a_new_session_can_be_discarded(open_dialog, journal: Journal) -> None:
    journal.supervision.add(Session(dt.date(2026, 3, 5), "Ruth"))
    dialog = open_dialog()
    dialog.new_button.click()
    assert dialog.heading.text() == "New session"
    assert dialog.delete_button.text() == "&Discard new session"
    dialog.supervisor.setText("Someone")
    dialog.supervisor.textEdited.emit("Someone")
    dialog.delete_button.click()
    assert len(journal.supervision.sessions()) == 1
    assert dialog.supervisor.text() == "Ruth", "back to the stored session"


def test_deleting_asks_first(open_dialog, journal: Journal, dialogs, qtbot,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    keep = journal.supervision.add(Session(dt.date(2026, 2, 19), "Ruth"))
    gone = journal.supervision.add(Session(dt.date(2026, 3, 5), "Ruth",
                                           actions=(AgreedAction("Read the plan"),)))
    dialog = open_dialog()
    assert dialog.session_id == gone, "the newest is shown first"
    dialog.delete_button.click()
    assert dialogs[-1][0] == "question" and "5 March 2026" in dialogs[-1][1][2]
    assert len(journal.supervision.sessions()) == 2, "Cancel keeps it"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.changed):
        dialog.delete_button.click()
    assert [s.id for s in journal.supervision.sessions()] == [keep]
    assert dialog.session_id == keep and len(_listed(dialog)) == 1


def test_a_failed_save_is_said_and_the_edits_stay(open_dialog, journal: Journal,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    journal.supervision.add(Session(dt.date(2026, 3, 5), "Ruth"))
    dialog = open_dialog()

    def busy(_session: Session) -> int:
        from carejournal.core.errors import JournalError
        raise JournalError("The journal file is busy.")
    monkeypatch.setattr(journal.supervision, "add", busy)
    dialog.new_button.click()
    dialog.supervisor.setText("Ali")
    dialog.supervisor.textEdited.emit("Ali")
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    assert "The journal file is busy." in dialog.error.text() and not dialog.error.isHidden()
    assert dialog.supervisor.text() == "Ali" and dialog.session_id is None
    dialog.close()
    assert not dialog.isHidden(), "it stays open rather than lose the edits"


def test_every_input_has_an_accessible_name(open_dialog) -> None:
    dialog = open_dialog()
    dialog.action_table.add.click()
    dialog.action_table.add.click()
    inputs = dialog.findChildren(QLineEdit) + dialog.findChildren(QDateEdit) + \
        dialog.findChildren(QComboBox) + dialog.findChildren(QCheckBox)
    inputs = [w for w in inputs if w.isVisible() and not isinstance(w.parent(), QDateEdit)
              and not isinstance(w.parent(), QComboBox)]
    assert inputs and all(w.accessibleName() for w in inputs), [
        type(w).__name__ for w in inputs if not w.accessibleName()]
    row = dialog.action_table.rows[1]
    assert [w.accessibleName() for w in row.widgets()] == [
        "Agreed action 2", "Who does action 2", "Action 2 has a due date",
        "Due date of action 2", "How action 2 stands",
        "The function of supervision action 2 serves", "Remove action 2"]
    assert row.function.currentText() == "No function", "a new action serves no function yet"
    assert not row.due.isEnabled(), "no due date until asked for"
    row.has_due.setChecked(True)
    assert row.due.isEnabled()
    assert dialog.notes.accessibleName() == "Notes of the session"
