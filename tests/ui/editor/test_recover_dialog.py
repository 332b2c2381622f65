"""The recovery dialog: shows the writing left behind; Recover, or Discard after asking once."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from carejournal.core.domain import EntryKind
from carejournal.services.drafts import PendingDraft
from carejournal.ui.editor.recover_dialog import RecoverDialog
from tests.conftest import draft

SAVED = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def make(qtbot, entry_id: int | None = None, **fields: object) -> RecoverDialog:
    left = PendingDraft(entry_id, draft(**fields), None, SAVED)  # type: ignore[arg-type]
    dialog = RecoverDialog(left)
    qtbot.addWidget(dialog)
    return dialog


def test_it_asks_kindly_and_shows_every_text_written(qtbot) -> None:
    dialog = make(qtbot, body="What happened.", title="Garden", kind=EntryKind.REFLECTION,
                  sections=(("feelings", "Unsure"),))
    assert dialog.question.text() == "CareJournal closed before this was saved. Recover it?"
    assert dialog.text.toPlainText() == "Garden\n\nWhat happened.\n\nUnsure"
    assert dialog.text.isReadOnly() and dialog.text.accessibleName()
    assert "A new entry" in dialog.detail.text()
    assert dialog.recover_button.isDefault()


def test_an_entrys_draft_says_which_entry(qtbot) -> None:
    dialog = make(qtbot, entry_id=4, body="x", day=dt.date(2026, 3, 2))
    assert "02 March 2026" in dialog.detail.text()


def test_recover_chooses_recover(qtbot) -> None:
    dialog = make(qtbot, body="x")
    dialog.recover_button.click()
    assert dialog.choice is RecoverDialog.Choice.RECOVER
    assert dialog.result() == RecoverDialog.DialogCode.Accepted


def test_discard_asks_once_and_cancel_keeps_it(qtbot, dialogs) -> None:
    dialog = make(qtbot, body="x")
    dialog.discard_button.click()  # the dialogs fixture answers Cancel
    assert [name for name, _args in dialogs] == ["question"]
    assert dialog.choice is RecoverDialog.Choice.LATER


def test_discard_confirmed_chooses_discard(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.Discard)
    dialog = make(qtbot, body="x")
    dialog.discard_button.click()
    assert dialog.choice is RecoverDialog.Choice.DISCARD


def test_closing_decides_later(qtbot) -> None:
    dialog = make(qtbot, body="x")
    dialog.reject()
    assert dialog.choice is RecoverDialog.Choice.LATER


def test_it_looks_right(qtbot, tmp_path) -> None:
    dialog = make(qtbot, body="Sat with Mary by the window; she told me about her sister.")
    dialog.show()
    dialog.grab().save(str(tmp_path / "recover.png"))
    dialog.grab().save("/tmp/recover_dialog.png")
    assert dialog.question.isVisible() and dialog.text.isVisible()
