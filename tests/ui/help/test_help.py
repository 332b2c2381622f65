"""Help: the guide (F1) and the shortcuts sheet, made from the actions table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from carejournal.core.resources import resource_path
from carejournal.ui.help.guide import GuideDialog, guide_file, headings
from carejournal.ui.help.shortcuts import ShortcutsDialog, keys_text, plain
from carejournal.ui.main_window import MainWindow


def _open(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.timeline.view, key, modifiers)


def test_f1_opens_the_guide_with_its_contents(window: MainWindow, qtbot) -> None:
    _open(qtbot, window, Qt.Key.Key_F1)
    guide = window.findChild(GuideDialog)
    assert guide is not None and guide.isVisible()
    sections = [guide.contents.item(i).text() for i in range(guide.contents.count())]
    assert sections == ["The kinds of entry", "The language lens", "Supervision", "Privacy",
                        "The trash", "Finding your way"]
    text = guide.browser.toPlainText()
    for words in ("Own fallibility", "Little thing", "Prepare for Supervision",
                  "passphrase", "Restore"):
        assert words in text
    assert "**" not in text and "## " not in text  # Markdown shown as Markdown, not as source


def test_the_contents_list_goes_to_its_section(window: MainWindow, qtbot) -> None:
    guide = window.findChild(GuideDialog) or GuideDialog(window)
    guide.resize(700, 300)
    guide.show()
    qtbot.waitExposed(guide)
    row = 1
    rect = guide.contents.visualItemRect(guide.contents.item(row))
    qtbot.mouseClick(guide.contents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert guide.section_at_top() == "The language lens"
    assert guide.browser.verticalScrollBar().value() > 0


def test_f1_again_brings_back_the_same_guide(window: MainWindow, qtbot) -> None:
    _open(qtbot, window, Qt.Key.Key_F1)
    window.activateWindow()
    _open(qtbot, window, Qt.Key.Key_F1)
    assert len(window.findChildren(GuideDialog)) == 1


def test_the_guide_is_read_from_resources_and_in_your_language_when_translated(
        tmp_path) -> None:
    assert guide_file() == resource_path("help", "guide.md")
    assert headings("# A\n## One\ntext\n## Two\n") == ["One", "Two"]


def test_ctrl_slash_opens_a_sheet_with_every_shortcut_of_the_actions_table(
        window: MainWindow, qtbot) -> None:
    _open(qtbot, window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    sheet = window.findChild(ShortcutsDialog)
    assert sheet is not None and sheet.isVisible()
    with_keys = [a for a in window.actions_.all() if not a.shortcut().isEmpty()]
    assert len(with_keys) >= 20
    listed = {(line.name, line.keys) for line in sheet.lines}
    for action in with_keys:
        assert (plain(action.text()), keys_text(action, " or ")) in listed, action.text()
    undo = next(line for line in sheet.lines if line.name == "Undo")
    assert undo.group == "Edit" and undo.keys.startswith("Ctrl+Z")
    assert "Help" not in next(line.keys for line in sheet.lines if line.keys.startswith("F1"))
    groups = [line.group for line in sheet.lines]
    assert groups[0] == "File" and "Help" in groups and "Other" not in groups
    assert "CareJournal Guide — F1" in sheet.text()
    texts = [sheet.tree.topLevelItem(i).text(0) for i in range(sheet.tree.topLevelItemCount())]
    assert texts == list(dict.fromkeys(groups))


def test_a_shortcut_added_to_the_table_appears_in_the_sheet(window: MainWindow, qtbot) -> None:
    window.actions_.backups.setShortcut(QKeySequence("Ctrl+Shift+B"))
    window.actions_.show_trash.setShortcuts([])
    sheet = ShortcutsDialog(window.menuBar(), window.actions_.all(), window)
    names = [line.name for line in sheet.lines]
    assert "Backups" in names and "Show Trash" not in names


def test_the_sheet_closes_with_escape(window: MainWindow, qtbot) -> None:
    window.actions_.shortcuts.trigger()
    sheet = window.findChild(ShortcutsDialog)
    qtbot.waitExposed(sheet)
    qtbot.keyClick(sheet.tree, Qt.Key.Key_Escape)
    assert not sheet.isVisible()
    assert QApplication.activeModalWidget() is None


def test_the_guide_opens_at_its_beginning(window: MainWindow, qtbot) -> None:
    guide = GuideDialog(window)
    with qtbot.waitActive(guide):
        guide.show()
        guide.activateWindow()
    assert guide.focusWidget() is guide.browser
    assert guide.browser.verticalScrollBar().value() == 0
    assert guide.contents.currentRow() == -1
