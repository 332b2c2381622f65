"""File › Use as a Reflective Account…: the open reflection on the NMC form, edited, saved
with identities protected, and counted towards revalidation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx

from carejournal.core.cpd import Theme
from carejournal.core.domain import EntryKind
from carejournal.services.journal import Journal
from carejournal.ui.cpd.account import AccountDialog
from tests.conftest import draft


def test_the_worker_edits_the_mapped_words_and_saves_a_protected_account(
        qtbot: Any, journal: Journal, tmp_path: Path) -> None:
    entry = journal.add(draft("Handover.", kind=EntryKind.REFLECTION, model="driscoll",
                              people=("Mary Jones",),
                              sections=(("what", "Mary Jones was upset at 14 Acacia Avenue."),
                                        ("so-what", "I rushed."), ("now-what", "I slow down."))))
    dialog = AccountDialog(journal, entry)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.answers["changed"].toPlainText() == "I slow down."
    assert "14 Acacia Avenue" in dialog.found.text()
    dialog.answers["changed"].setPlainText("I slow down and ask Mary Jones first.")
    dialog.themes[Theme.PEOPLE].setChecked(True)
    out = tmp_path / "account.docx"
    dialog.ask_path = lambda: out  # type: ignore[method-assign]
    dialog.save_as()
    assert dialog.written == out
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "I slow down and ask M.J. first." in text and "Prioritise people" in text
    for secret in ("Mary", "Jones", "Acacia"):
        assert secret not in text
    assert journal.cpd.accounts() == [(entry, dt.date.today())]
