"""The draft keeper: typing is kept inside the journal within a second; a save clears it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from carejournal.core.domain import EntryKind
from carejournal.core.errors import JournalError
from carejournal.services.drafts import draft_to_json
from carejournal.services.journal import Journal
from carejournal.ui.editor.autosave import SaveState
from carejournal.ui.editor.draft_keeper import DraftKeeper, install
from carejournal.ui.editor.recover_dialog import RecoverDialog
from carejournal.ui.main_window import MainWindow
from tests.conftest import draft

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def type_new(window: MainWindow, qtbot, text: str) -> None:
    window.new_entry(EntryKind.INTERACTION)
    qtbot.keyClicks(window.editor.body, text)


def bodies(journal: Journal) -> list[tuple[int | None, str]]:
    return [(p.entry_id, p.draft.body) for p in journal.drafts.pending()]


def test_typing_writes_a_draft_when_the_timer_fires(window: MainWindow, journal: Journal,
                                                    qtbot) -> None:
    keeper = install(window, offer=False)
    written: list[bool] = []
    keeper.written.connect(lambda: written.append(True))
    type_new(window, qtbot, "Half a sen")
    assert keeper.timer.isActive() and bodies(journal) == [], "cheap: not on every key"
    keeper.timer.timeout.emit()
    assert bodies(journal) == [(None, "Half a sen")] and written == [True]
    qtbot.keyClicks(window.editor.body, "tence")
    keeper.timer.timeout.emit()
    assert bodies(journal) == [(None, "Half a sentence")], "one draft, the latest"


def test_a_save_that_works_clears_the_draft(window: MainWindow, journal: Journal,
                                            qtbot) -> None:
    keeper = install(window, offer=False)
    type_new(window, qtbot, "Tea with Sam.")
    keeper.timer.timeout.emit()
    assert window.autosaver.flush()
    assert bodies(journal) == [] and not keeper.timer.isActive()
    entry_id = window.editor.entry_id
    assert entry_id is not None and journal.get(entry_id).body == "Tea with Sam."
    qtbot.keyClicks(window.editor.body, " Then cake.")
    keeper.timer.timeout.emit()
    assert bodies(journal) == [(entry_id, "Tea with Sam. Then cake.")]
    assert journal.get(entry_id).body == "Tea with Sam.", "the entry waits for its save"


def test_a_failed_save_keeps_the_draft(window: MainWindow, journal: Journal, qtbot,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    keeper = install(window, offer=False)

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise JournalError("The disk is full.")
    monkeypatch.setattr(journal, "add", refuse)
    type_new(window, qtbot, "Not lost")
    assert not window.autosaver.flush()
    assert window.autosaver.state is SaveState.FAILED
    keeper.timer.timeout.emit()
    assert bodies(journal) == [(None, "Not lost")]


def test_install_gives_each_window_one_keeper(window: MainWindow) -> None:
    assert install(window, offer=False) is install(window, offer=False)
    assert len(window.findChildren(DraftKeeper)) == 1


def test_the_window_start_offers_a_left_draft_and_recovers_it_unsaved(
        make_window, journal: Journal, qtbot) -> None:
    entry_id = journal.add(draft("Before.", people=("Jo",)))
    journal.drafts.save_draft(entry_id, draft_to_json(draft("Before, and after.")), NOW)
    window = make_window()
    shown: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RecoverDialog)
        shown.append(dialog.text.toPlainText())
        dialog.recover_button.click()

    QTimer.singleShot(0, window.draft_keeper.offer_recovery)  # as app.main does at start
    QTimer.singleShot(0, answer)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["Before, and after."]
    assert window.editor.entry_id == entry_id
    assert window.editor.body.toPlainText() == "Before, and after."
    assert window.autosaver.state is SaveState.PENDING, "recovered as unsaved changes"
    assert journal.get(entry_id).body == "Before."
    window.autosaver.timer.timeout.emit()
    assert journal.get(entry_id).body == "Before, and after."
    assert bodies(journal) == []


def test_a_new_draft_recovers_as_a_new_mirror_note(window: MainWindow, journal: Journal
                                                   ) -> None:
    source = journal.add(draft("An interaction."))
    note = draft("I rushed her.", EntryKind.FALLIBILITY, tags=("time",))
    journal.drafts.save_draft(None, draft_to_json(note, mirror_of=source), NOW)
    keeper = install(window, offer=False)
    [left] = journal.drafts.pending()
    keeper.recover(left)
    assert window.editor.current_kind() is EntryKind.FALLIBILITY
    assert window.editor.body.toPlainText() == "I rushed her."
    assert window.autosaver.flush()
    saved = journal.get(window.editor.entry_id or 0)
    assert (saved.body, saved.tags, [link.entry_id for link in saved.links]) == (
        "I rushed her.", ("time",), [source])
    assert bodies(journal) == []


def test_discarding_and_deciding_later(window: MainWindow, journal: Journal,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    journal.drafts.save_draft(None, draft_to_json(draft("Maybe.")), NOW)
    keeper = install(window, offer=False)
    choices = iter([RecoverDialog.Choice.LATER, RecoverDialog.Choice.DISCARD])

    def exec_(dialog: RecoverDialog) -> int:
        dialog.choice = next(choices)
        return 0
    monkeypatch.setattr(RecoverDialog, "exec", exec_)
    keeper.offer_recovery()
    assert bodies(journal) == [(None, "Maybe.")], "later: kept for next time"
    keeper.offer_recovery()
    assert bodies(journal) == []
    assert window.editor.body.toPlainText() == ""
