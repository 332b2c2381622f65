"""Quick capture runs the language lens as the editor does: the same marks, the same kinder
words menu, dismissals kept with the entry, a rule switched off from there."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from carejournal.core.domain import EntryKind
from carejournal.services.journal import Journal
from carejournal.ui.editor.quick_capture import QuickCaptureDialog
from carejournal.ui.main_window import MainWindow
from tests.ui.lens.test_text_edit import action_texts, point_in, trigger

DAY = dt.date(2026, 11, 23)


def _dialog(journal: Journal, qtbot) -> QuickCaptureDialog:
    dialog = QuickCaptureDialog(journal, DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_text_is_marked_and_offers_kinder_words(journal: Journal, qtbot) -> None:
    dialog = _dialog(journal, qtbot)
    QTest.keyClicks(dialog.text, "Took the service users to the shop.")
    assert [s.finding.text for s in dialog.text.spots()] == ["service users"]
    menu = action_texts(dialog.text.context_menu(point_in(dialog.text, "service users")))
    assert any(t.startswith("Replace with") for t in menu)
    assert "Dismiss here" in menu and "Switch this rule off…" in menu
    trigger(dialog.text.context_menu(point_in(dialog.text, "service users")),
            next(t for t in menu if t.startswith("Replace with")))
    preview = dialog.text.preview
    assert preview is not None and preview.isVisible()
    assert dialog.text.toPlainText() == "Took the service users to the shop.", "not yet"
    qtbot.mouseClick(preview.replace_button, Qt.MouseButton.LeftButton)
    assert "service users" not in dialog.text.toPlainText()
    assert dialog.text.spots() == []


def test_a_dismissal_is_kept_with_the_entry(journal: Journal, qtbot) -> None:
    dialog = _dialog(journal, qtbot)
    QTest.keyClicks(dialog.text, "Took the service users to the shop.")
    trigger(dialog.text.context_menu(point_in(dialog.text, "service users")), "Dismiss here")
    assert dialog.text.spots() == []
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    entry = journal.get(dialog.saved_id)
    assert entry.kind is EntryKind.INTERACTION and len(entry.dismissed) == 1


def test_switching_a_rule_off_from_quick_capture(filled: Journal, make_window, qtbot,
                                                 monkeypatch) -> None:
    window: MainWindow = make_window()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.Yes)
    seen: list[int] = []

    def use() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QuickCaptureDialog)
        QTest.keyClicks(dialog.text, "The service users went out.")
        seen.append(len(dialog.text.spots()))
        trigger(dialog.text.context_menu(point_in(dialog.text, "service users")),
                "Switch this rule off…")
        seen.append(len(dialog.text.spots()))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    QTimer.singleShot(0, use)
    window.practice.quick_capture()
    assert seen == [1, 0]
    assert filled.lens.disabled_rules()
