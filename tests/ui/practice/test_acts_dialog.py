"""The worker's list of little things, edited from the window."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from carejournal.core.domain import ActDone, EntryKind
from carejournal.services.journal import Journal
from carejournal.ui.practice.acts_dialog import ActsDialog
from tests.conftest import draft


def _answer(monkeypatch, text: str, ok: bool = True) -> list[str]:
    asked: list[str] = []

    def get_text(_parent, title: str, _label: str, **kwargs: str) -> tuple[str, bool]:
        asked.append(kwargs.get("text", title))
        return text, ok
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return asked


def _labels(dialog: ActsDialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_add_reword_and_retire(journal: Journal, qtbot, monkeypatch) -> None:
    dialog = ActsDialog(journal.kindness)
    qtbot.addWidget(dialog)
    _answer(monkeypatch, "Remembered the dog's name")
    dialog.add_button.click()
    assert _labels(dialog)[-1] == "Remembered the dog's name"
    assert dialog.current().label == "Remembered the dog's name", "the new act is chosen"
    asked = _answer(monkeypatch, "Remembered Biscuit's name")
    dialog.rename_button.click()
    assert asked == ["Remembered the dog's name"], "the old words are offered to edit"
    assert journal.kindness.find("Remembered Biscuit's name").key is None
    dialog.retire_button.click()
    assert _labels(dialog)[-1] == "Remembered Biscuit's name (retired)"
    assert dialog.retire_button.text() == "&Bring back"
    assert "Remembered Biscuit's name" not in [a.label for a in journal.kindness.acts()]
    dialog.retire_button.click()
    assert "Remembered Biscuit's name" in [a.label for a in journal.kindness.acts()]
    assert dialog.changed


def test_rewording_keeps_old_entries_words(journal: Journal, qtbot, monkeypatch) -> None:
    tea = journal.kindness.find("cup-of-tea")
    entry_id = journal.add(draft(acts=(ActDone(tea.id),)))
    dialog = ActsDialog(journal.kindness)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow([a.id for a in journal.kindness.acts()].index(tea.id))
    _answer(monkeypatch, "A brew")
    dialog.rename_button.click()
    assert journal.get(entry_id).acts[0].label == "A cup of tea"
    assert journal.kindness.find(str(tea.id)).label == "A brew"


def test_a_duplicate_or_blank_act_is_refused_and_nothing_changes(
        journal: Journal, qtbot, monkeypatch, dialogs) -> None:
    dialog = ActsDialog(journal.kindness)
    qtbot.addWidget(dialog)
    before = _labels(dialog)
    _answer(monkeypatch, "a cup of TEA")
    dialog.add_button.click()
    _answer(monkeypatch, "   ")
    dialog.add_button.click()
    assert _labels(dialog) == before and not dialog.changed
    assert [name for name, _args in dialogs] == ["warning", "warning"]
    assert "already in your list" in dialogs[0][1][2]


def test_the_editor_checklist_follows_the_list(journal: Journal, make_window,
                                               monkeypatch) -> None:
    window = make_window()
    _answer(monkeypatch, "Fed the cat")

    def run(dialog: ActsDialog) -> int:
        dialog.add_button.click()
        return 0
    monkeypatch.setattr(ActsDialog, "exec", run)
    window.actions_.edit_acts.trigger()
    window.new_entry(EntryKind.INTERACTION)
    labels = [box.text() for box in window.editor.acts.boxes.values()]
    assert "Fed the cat" in labels
