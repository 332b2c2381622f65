"""Edit › People and Tags…: renaming and merging with real clicks, the timeline, its filters
and the open entry following; merging asks first and says how many entries follow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from carejournal.services.journal import Journal
from carejournal.ui.main_window import MainWindow
from carejournal.ui.names.dialog import NamesDialog, NamesTab
from tests.conftest import draft


@pytest.fixture
def named(journal: Journal) -> Journal:
    """Bern (meds), Bernadette (meds, home), both (home)."""
    journal.add(draft("one", people=("Bern",), tags=("meds",)))
    journal.add(draft("two", people=("Bernadette",), tags=("meds", "home")))
    journal.add(draft("three", people=("Bern", "Bernadette"), tags=("home",)))
    return journal


def open_dialog(qtbot, window: MainWindow) -> NamesDialog:
    window.actions_.people_tags.trigger()
    dialog = window.names.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def choose(tab: NamesTab, name: str) -> None:
    """Click the row of this name in the list."""
    index = tab.model.index(tab.model.row_of(name))
    tab.view.scrollTo(index)
    rect = tab.view.visualRect(index)
    from pytestqt.qtbot import QtBot

    QtBot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.current() is not None and tab.current().name == name  # type: ignore[union-attr]


def type_name(qtbot, tab: NamesTab, text: str) -> None:
    tab.name.selectAll()
    qtbot.keyClicks(tab.name, text)


def metas(window: MainWindow) -> list[str]:
    from carejournal.ui.timeline.model import META_ROLE

    model = window.timeline.model
    return [model.data(model.index(i), META_ROLE) for i in range(model.rowCount())]


def test_the_lists_show_people_and_tags_with_their_entries(qtbot, make_window,
                                                           named: Journal) -> None:
    dialog = open_dialog(qtbot, make_window())
    people = dialog.people.model
    assert [people.data(people.index(i)) for i in range(people.rowCount())] == [
        "Bern  (2 entries)", "Bernadette  (2 entries)"]
    tags = dialog.tags.model
    assert [tags.data(tags.index(i)) for i in range(tags.rowCount())] == [
        "home  (2 entries)", "meds  (2 entries)"]
    assert dialog.people.view.accessibleName() == "People"


def test_renaming_a_person_with_clicks_reaches_the_timeline_and_open_entry(
        qtbot, make_window, named: Journal) -> None:
    window = make_window()
    first = named.rows()[-1].id  # "one", Bern's
    window.open_entry(first)
    dialog = open_dialog(qtbot, window)
    choose(dialog.people, "Bern")
    assert not dialog.people.rename.isEnabled(), "nothing typed yet"
    type_name(qtbot, dialog.people, "Bernie Smith")
    qtbot.mouseClick(dialog.people.rename, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Renamed Bern to Bernie Smith in 2 entries."
    assert named.get(first).people == ("Bernie Smith",)
    assert dialog.people.current().name == "Bernie Smith"  # type: ignore[union-attr]
    assert dialog.people.nicknames.text() == "Bern", "the old name is kept"
    assert any("Bernie Smith" in m for m in metas(window))
    assert not any(m.endswith("Bern") or "Bern," in m for m in metas(window))
    assert window.timeline.filters.person.findText("Bernie Smith") >= 0
    assert window.timeline.filters.person.findText("Bern") < 0
    assert "Bernie Smith" in window.editor.draft().people, "the open entry follows"
    window.autosaver.flush()
    assert [p.name for p in named.names.people()] == ["Bernadette", "Bernie Smith"]


def test_merging_asks_first_with_the_count(qtbot, make_window, named: Journal,
                                           monkeypatch: pytest.MonkeyPatch,
                                           dialogs: list) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    choose(dialog.people, "Bern")
    assert [dialog.people.target.itemText(i) for i in range(dialog.people.target.count())] \
        == ["Bernadette"]
    qtbot.mouseClick(dialog.people.merge, Qt.MouseButton.LeftButton)  # answered Cancel
    asked = [args for name, args in dialogs if name == "question"]
    assert len(asked) == 1 and "2 entries will name Bernadette instead" in asked[0][2]
    assert len(named.names.people()) == 2, "Cancel merges nothing"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.people.merge, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Merged Bern into Bernadette: 2 entries followed."
    assert [(p.name, p.entries, p.nicknames) for p in named.names.people()] == [
        ("Bernadette", 3, ("Bern",))]
    assert dialog.people.model.rowCount() == 1
    assert window.timeline.filters.person.findText("Bern") < 0


def test_other_names_and_alias_are_saved(qtbot, make_window, named: Journal) -> None:
    dialog = open_dialog(qtbot, make_window())
    choose(dialog.people, "Bernadette")
    qtbot.keyClicks(dialog.people.nicknames, "Bee, Detty")
    qtbot.keyClicks(dialog.people.alias, "Resident A")
    qtbot.mouseClick(dialog.people.save_names, Qt.MouseButton.LeftButton)
    person = named.names.person("Bernadette")
    assert (person.nicknames, person.alias) == (("Bee", "Detty"), "Resident A")
    assert dialog.status.text() == "Saved the other names and alias of Bernadette."


def test_a_rename_onto_someone_else_is_refused_in_words(qtbot, make_window,
                                                        named: Journal) -> None:
    dialog = open_dialog(qtbot, make_window())
    choose(dialog.people, "Bern")
    type_name(qtbot, dialog.people, "bernadette")
    qtbot.keyClick(dialog.people.name, Qt.Key.Key_Return)
    assert dialog.status.text() == ("there is already someone called 'Bernadette': merge "
                                    "'Bern' into them instead")
    assert [p.name for p in named.names.people()] == ["Bern", "Bernadette"]


def test_tags_rename_and_merge_with_clicks(qtbot, make_window, named: Journal,
                                           monkeypatch: pytest.MonkeyPatch,
                                           dialogs: list) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=dialog.tabs.tabBar().tabRect(1).center())
    assert dialog.tabs.currentWidget() is dialog.tags
    choose(dialog.tags, "meds")
    type_name(qtbot, dialog.tags, "medication")
    qtbot.mouseClick(dialog.tags.rename, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Renamed the tag meds to medication in 2 entries."
    assert window.timeline.filters.tag.findText("medication") >= 0
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (
        dialogs.append(("question", a)), QMessageBox.StandardButton.Yes)[1])
    choose(dialog.tags, "medication")
    dialog.tags.target.setCurrentIndex(dialog.tags.target.findText("home"))
    qtbot.mouseClick(dialog.tags.merge, Qt.MouseButton.LeftButton)
    assert "2 entries will be tagged home instead" in dialogs[-1][1][2]
    assert [(t.name, t.entries) for t in named.names.tags()] == [("home", 3)]
    assert dialog.tags.model.rowCount() == 1
    assert window.timeline.filters.tag.findText("medication") < 0


def test_escape_closes_the_dialog(qtbot, make_window, named: Journal) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    dialog.people.view.setFocus()
    qtbot.keyClick(dialog.people.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.names.dialog is None)


def test_opening_again_reads_the_names_again(qtbot, make_window, named: Journal) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    named.add(draft("four", people=("Cath",)))
    assert open_dialog(qtbot, window) is dialog
    assert dialog.people.model.row_of("Cath") >= 0
    dialog.people.view.selectionModel().setCurrentIndex(
        dialog.people.model.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_tab_walks_the_people_tab_in_the_order_it_shows(qtbot, make_window,
                                                        named: Journal) -> None:
    dialog = open_dialog(qtbot, make_window())
    tab = dialog.people
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    tab.view.setFocus()
    qtbot.waitUntil(tab.view.hasFocus)
    seen = [QApplication.focusWidget()]
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    # Rename is skipped: it is off until a new name is typed
    assert seen == [tab.view, tab.name, tab.target, tab.merge, tab.nicknames, tab.alias,
                    tab.save_names]
