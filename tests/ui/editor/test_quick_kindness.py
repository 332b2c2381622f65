"""Logging a little thing from the window in one go (Ctrl+K)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from carejournal.core.domain import EntryKind
from carejournal.services.journal import Journal
from carejournal.ui.editor.quick_kindness import QuickKindnessDialog
from carejournal.ui.main_window import MainWindow


def _answer_dialog(act_words: str, person: str, note: str, seen: list[str]) -> None:
    """Fill in and accept the dialog once it is open."""
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QuickKindnessDialog)
        seen.extend(dialog.act.itemText(i) for i in range(dialog.act.count()))
        dialog.act.setCurrentIndex(dialog.act.findText(act_words))
        dialog.person.setCurrentText(person)
        dialog.note.setText(note)
        box = dialog.findChild(QDialogButtonBox)
        box.button(QDialogButtonBox.StandardButton.Ok).click()
    QTimer.singleShot(0, fill)


def test_ctrl_k_logs_a_little_thing(filled: Journal, make_window, qtbot) -> None:
    window: MainWindow = make_window()
    filled.kindness.retire_act(filled.kindness.find("hug"))
    seen: list[str] = []
    _answer_dialog("A cup of tea", "Sam", "Two sugars", seen)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert "A hug" not in seen, "retired acts are not offered"
    logged = filled.kindness.logged()
    assert [(x.label, x.note, x.people) for x in logged] == [("A cup of tea", "Two sugars", "Sam")]
    entry = filled.get(logged[0].entry_id)
    assert entry.kind is EntryKind.KINDNESS
    assert window.timeline.current_id() == entry.id
    assert window.statusBar().currentMessage() == "Logged: A cup of tea"


def test_cancelling_logs_nothing(filled: Journal, make_window, qtbot) -> None:
    window: MainWindow = make_window()

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QuickKindnessDialog)
        dialog.reject()
    QTimer.singleShot(0, cancel)
    window.actions_.log_kindness.trigger()
    assert filled.kindness.logged() == []
    assert filled.count() == 4


def test_editing_an_entry_keeps_its_little_things(journal: Journal, make_window) -> None:
    tea = journal.kindness.find("cup-of-tea")
    entry_id = journal.kindness.log(tea, note="milk")
    window: MainWindow = make_window()
    window.timeline.select(entry_id, quiet=False)
    window.editor.body.setPlainText("milk, no sugar")
    window.autosaver.flush()
    assert [(a.label, a.note) for a in journal.get(entry_id).acts] == [("A cup of tea", "milk")]
