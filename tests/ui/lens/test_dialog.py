"""The Language Lens window: a period's wording and balance, and switching rules off and on."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem

from carejournal.core.domain import EntryKind
from carejournal.services.journal import Journal
from carejournal.ui.lens.dialog import LensDialog
from carejournal.ui.main_window import MainWindow
from tests.conftest import draft

TODAY = dt.date(2026, 3, 31)


def _rule_item(dialog: LensDialog, rule_id: str) -> QTreeWidgetItem:
    for top in range(dialog.rules.topLevelItemCount()):
        branch = dialog.rules.topLevelItem(top)
        for child in range(branch.childCount()):
            if branch.child(child).data(0, Qt.ItemDataRole.UserRole) == rule_id:
                return branch.child(child)
    raise AssertionError(f"no rule {rule_id}")


def _fill(journal: Journal) -> None:
    journal.add(draft("The service user was non-compliant and there were concerns.",
                      EntryKind.INTERACTION, dt.date(2026, 3, 20)))
    journal.add(draft("She was proud, laughed and chose her own lunch.",
                      EntryKind.INTERACTION, dt.date(2026, 3, 25)))
    journal.add(draft("A service user again.", EntryKind.INTERACTION, dt.date(2025, 6, 1)))


def test_the_period_shows_counts_by_category_and_the_balance(journal: Journal, qtbot) -> None:
    _fill(journal)
    dialog = LensDialog(journal.lens, lambda: TODAY)
    qtbot.addWidget(dialog)
    labels = journal.lens.lexicon().categories["labels"].name
    assert f"{labels}: 1" in dialog.findings_text.text()
    assert "Strength words: 3. Problem words: 2." in dialog.balance_text.text()
    dialog.period.setCurrentIndex(3)  # all entries: the 2025 one counts too
    assert f"{labels}: 2" in dialog.findings_text.text()


def test_an_empty_period_says_so_kindly(journal: Journal, qtbot) -> None:
    dialog = LensDialog(journal.lens, lambda: TODAY)
    qtbot.addWidget(dialog)
    assert "Nothing the lens would ask you" in dialog.findings_text.text()
    assert "Too few of these words" in dialog.balance_text.text()


def test_unticking_a_rule_switches_it_off_and_ticking_brings_it_back(
        journal: Journal, qtbot) -> None:
    _fill(journal)
    dialog = LensDialog(journal.lens, lambda: TODAY)
    qtbot.addWidget(dialog)
    assert "Choose a rule" in dialog.detail.text(), "the empty pane says what it is for"
    item = _rule_item(dialog, "service-user")
    dialog.rules.setCurrentItem(item)
    assert "Why it matters:" in dialog.detail.text()
    assert ("• Dimensions, 'The words we use' (2025): "
            "https://www.dimensions-uk.org/resource/the-words-we-use") in dialog.detail.text()
    with qtbot.waitSignal(dialog.rules_changed):
        item.setCheckState(0, Qt.CheckState.Unchecked)
    assert "service-user" in journal.lens.disabled_rules()
    assert journal.lens.lens().check("a service user") == []
    item.setCheckState(0, Qt.CheckState.Checked)
    assert "service-user" not in journal.lens.disabled_rules()


def test_the_window_opens_from_the_view_menu_and_switching_off_from_the_editor_asks(
        window: MainWindow, monkeypatch) -> None:
    window.actions_.show_lens.trigger()
    assert window.lens.dialog is not None and window.lens.dialog.isVisible()
    window.lens.dialog.reject()
    window.editor.rule_off_requested.emit("service-user")  # answered Cancel by the fixture
    assert "service-user" not in window.journal.lens.disabled_rules()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: QMessageBox.StandardButton.Yes)
    window.editor.rule_off_requested.emit("service-user")
    assert "service-user" in window.journal.lens.disabled_rules()


def test_since_last_supervision_is_offered_once_there_was_a_session(journal: Journal,
                                                                     qtbot) -> None:
    _fill(journal)
    plain = LensDialog(journal.lens, lambda: TODAY)
    qtbot.addWidget(plain)
    assert plain.period.count() == 4, "no session yet: no such period"
    dialog = LensDialog(journal.lens, lambda: TODAY,
                        last_supervision=lambda: dt.date(2026, 3, 22))
    qtbot.addWidget(dialog)
    dialog.period.setCurrentIndex(4)
    assert dialog.period.currentText() == "Since last supervision"
    assert dialog.bounds() == (dt.date(2026, 3, 22), TODAY)
    labels = journal.lens.lexicon().categories["labels"].name
    assert f"{labels}:" not in dialog.findings_text.text(), "the 20 March entry is before it"
