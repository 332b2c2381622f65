"""Spell checking in the entry editor, beside the lens: the red wavy underline (apart from
the lens's marks, both shown where they overlap), spellings and "Add to dictionary" in the
lens's context menu, the personal dictionary kept in the journal, and the setting."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from carejournal.core.changes import Changes
from carejournal.core.domain import EntryKind
from carejournal.lens.matcher import Lens
from carejournal.ui.editor.entry_editor import EntryEditor
from carejournal.ui.lens.spelling import SPELLING_COLOURS
from carejournal.ui.main_window import MainWindow
from tests.ui.lens.test_highlighter import make_lens, underlines
from tests.ui.lens.test_text_edit import action_texts, point_in, trigger

RED = SPELLING_COLOURS[0]


@pytest.fixture
def lens(tmp_path: Path) -> Lens:
    return make_lens(tmp_path)


@pytest.fixture
def editor(window: MainWindow, lens: Lens, qtbot) -> EntryEditor:
    """The window's editor on a new interaction, its dictionary loaded."""
    window.new_entry(EntryKind.INTERACTION)
    window.editor.set_lens(lens)
    qtbot.waitUntil(lambda: window.editor.lens_context.spelling.speller is not None,
                    timeout=20_000)
    return window.editor


def red_marks(box: QPlainTextEdit, number: int = 0) -> list[tuple[str, bool]]:
    """(text, tinted by a lens colour) of each red spelling underline in one block."""
    block = box.document().findBlockByNumber(number)
    units = block.text().encode("utf-16-le")
    out = []
    for rng in block.layout().formats():
        fmt = rng.format
        if fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
            assert fmt.underlineColor().name() == RED
            text = units[2 * rng.start:2 * (rng.start + rng.length)].decode("utf-16-le")
            out.append((text, fmt.background().style().name != "NoBrush"))
    return out


def test_a_misspelt_word_is_underlined_in_red_and_a_lens_word_is_not(
        editor: EntryEditor, qtbot) -> None:
    body = editor.body
    qtbot.keyClicks(body, "The service users recieved their tea ")
    assert red_marks(body) == [("recieved", False)]
    assert [u[3] for u in underlines(body)] == ["service users"], "the lens mark is its own"
    body.setPlainText("Sam said “Thank you” in the garden; colour, organise, behaviour.")
    assert red_marks(body) == []


def test_where_both_fall_on_a_word_both_show(editor: EntryEditor) -> None:
    body = editor.body
    body.setPlainText("It was frobnicated, and we reviewd the placemnts.")
    assert red_marks(body) == [("frobnicated", True), ("reviewd", False), ("placemnts", True)], \
        "red underline, with the lens's colour as the background where both fall (the lens " \
        "reads a rule word one letter off, 'placemnts', as the rule word)"
    assert [u[3] for u in underlines(body)] == [], "the lens's wave gives way to the red one"
    assert [s.finding.text for s in body.spots()] == ["frobnicated", "placemnts"], \
        "the lens still sees them"
    assert "not in the dictionary" in body.tooltip_at(point_in(body, "frobnicated"))
    assert "A test rule." in body.tooltip_at(point_in(body, "frobnicated")), "both explained"
    texts = action_texts(body.context_menu(point_in(body, "frobnicated")))
    assert "Add “frobnicated” to the dictionary" in texts and "Dismiss here" in texts


def test_the_menu_offers_spellings_add_and_ignore_beside_the_lens(editor: EntryEditor,
                                                                  qtbot) -> None:
    body = editor.body
    body.setPlainText("We definately met the service users.")
    menu = body.context_menu(point_in(body, "definately"))
    texts = action_texts(menu)
    assert texts[0] in ("Looking for spellings…", "Change to “definitely”")
    qtbot.waitUntil(lambda: "Change to “definitely”" in action_texts(menu), timeout=10_000)
    texts = action_texts(menu)
    assert texts[0] == "Change to “definitely”"
    assert "Looking for spellings…" not in texts
    assert len([t for t in texts if t.startswith("Change to")]) <= 5
    assert "Add “definately” to the dictionary" in texts
    assert "Ignore “definately”" in texts
    assert "Dismiss here" not in texts, "no lens choices over a word the lens does not mark"
    trigger(menu, "Change to “definitely”")
    assert body.toPlainText() == "We definitely met the service users."
    assert red_marks(body) == []
    body.undo()
    assert body.toPlainText() == "We definately met the service users."
    again = action_texts(body.context_menu(point_in(body, "definately")))
    assert again[0] == "Change to “definitely”", "the spellings were kept"
    lens_menu = action_texts(body.context_menu(point_in(body, "service users")))
    assert "Dismiss here" in lens_menu and not any(t.startswith("Add “") for t in lens_menu)


def test_add_to_dictionary_removes_the_underline_and_is_kept(editor: EntryEditor,
                                                             window: MainWindow,
                                                             qtbot) -> None:
    body = editor.body
    body.setPlainText("Zorbly came for tea with Quibbet.")
    assert red_marks(body) == [("Zorbly", False), ("Quibbet", False)]
    with qtbot.waitSignal(window.changes.changed) as told:
        trigger(body.context_menu(point_in(body, "Zorbly")), "Add “Zorbly” to the dictionary")
    assert told.args == [Changes(settings=True)]
    assert red_marks(body) == [("Quibbet", False)]
    assert window.journal.spelling.words() == ("Zorbly",)
    trigger(body.context_menu(point_in(body, "Quibbet")), "Ignore “Quibbet”")
    assert red_marks(body) == []
    assert window.journal.spelling.words() == ("Zorbly",), "ignoring is not kept"
    editor.strengths.setPlainText("Zorbly is kind")
    assert red_marks(editor.strengths) == [], "every box of the entry"


def test_peoples_names_are_known(window: MainWindow, editor: EntryEditor, qtbot) -> None:
    editor.body.setPlainText("Went out with Xanthea.")
    assert red_marks(editor.body) == [("Xanthea", False)]
    window.journal.spelling.add_word("Zzz")  # people come from the journal
    from tests.conftest import draft

    window.changes.perform(lambda: window.journal.ops.add(
        draft("Tea.", people=("Xanthea Prowse",))))
    qtbot.waitUntil(lambda: red_marks(editor.body) == [])


def test_the_setting_switches_spelling_off_and_on(editor: EntryEditor, window: MainWindow,
                                                  qtbot) -> None:
    body = editor.body
    body.setPlainText("I recieved it.")
    assert red_marks(body) == [("recieved", False)]
    window.changes.apply(lambda: (window.journal.spelling.set_on(False),
                                  Changes(settings=True))[1])
    assert red_marks(body) == []
    assert body.misspellings() == []
    assert not any(t.startswith("Add “") for t in action_texts(
        body.context_menu(point_in(body, "recieved"))))
    window.changes.apply(lambda: (window.journal.spelling.set_on(True),
                                  Changes(settings=True))[1])
    qtbot.waitUntil(lambda: red_marks(body) == [("recieved", False)])


def test_the_settings_dialog_has_the_spelling_choices(editor: EntryEditor,
                                                      window: MainWindow) -> None:
    from carejournal.ui.settings.dialog import SettingsDialog

    window.journal.spelling.add_word("Zorbly")
    dialog = SettingsDialog(window.journal.settings, window, window.journal.spelling)
    assert dialog.spelling_on.isChecked()
    assert dialog.language.currentData() == "en_GB"
    assert dialog.own_words.toPlainText() == "Zorbly"
    dialog.spelling_on.setChecked(False)
    dialog.own_words.setPlainText("Zorbly\nQuibbet\n\n")
    dialog.save()
    assert not window.journal.spelling.on()
    assert window.journal.spelling.words() == ("Quibbet", "Zorbly")


def test_the_hover_names_the_misspelling(editor: EntryEditor) -> None:
    body = editor.body
    body.setPlainText("We recieved the placement letter.")
    assert "<b>“recieved”</b> is not in the dictionary" in body.tooltip_at(
        point_in(body, "recieved"))
    assert "not in the dictionary" not in body.tooltip_at(point_in(body, "placement"))


def test_the_dictionary_loads_after_the_first_paint(qtbot, journal, settings) -> None:
    import subprocess
    import sys

    script = ("import sys\nimport carejournal.app, carejournal.ui.main_window\n"
              "import carejournal.ui.window_parts, carejournal.ui.lens.text_edit\n"
              "import carejournal.ui.lens.spelling, carejournal.services.spelling\n"
              "print('spylls' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "False", result.stderr
    window = MainWindow(journal, settings, defer_start_up=True)
    qtbot.addWidget(window)
    assert not hasattr(window, "spelling"), "nothing of spelling before the first paint"
    with qtbot.waitExposed(window):
        window.show()
    window.timeline.view.viewport().repaint()
    qtbot.waitUntil(lambda: window.start_up.done)
    qtbot.waitUntil(lambda: window.editor.lens_context.spelling.speller is not None,
                    timeout=20_000)
