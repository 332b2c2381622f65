"""Every kind declared in core/kinds.py reaches the window: its translated texts, its editor
page with its parts in its order, its place in the menus, the filter and the welcome page."""

from __future__ import annotations

import datetime as dt

import pytest

from carejournal.core.kinds import (
    KINDS,
    KindSpec,
    KindSpecError,
    Part,
    capture_kinds,
    check_parts,
)
from carejournal.core.templates import template_for
from carejournal.services.journal import Journal
from carejournal.ui.editor.entry_editor import INSIDE_TEXT_ROW, PART_WIDGETS
from carejournal.ui.editor.quick_capture import QuickCaptureDialog
from carejournal.ui.main_window import MainWindow
from carejournal.ui.shared.strings import (
    body_question,
    kind_description,
    kind_label,
    new_entry_label,
    unlisted_kind_texts,
)


def test_every_declared_text_is_listed_for_translation() -> None:
    assert unlisted_kind_texts() == []
    every = [t for s in KINDS for t in s.texts()]
    assert unlisted_kind_texts(listed=()) == every, "an unlisted text would be found"


@pytest.mark.parametrize("spec", KINDS, ids=lambda s: s.key)
def test_every_declared_kind_has_its_texts_in_the_window(spec: KindSpec) -> None:
    """No translator is installed in the tests: the source texts come back as declared."""
    assert kind_label(spec.kind) == spec.label
    assert new_entry_label(spec.kind) == spec.new_label
    assert kind_description(spec.kind) == spec.description
    assert body_question(spec.kind) == spec.body_question


def test_the_editor_has_a_widget_for_every_declared_part() -> None:
    check_parts(PART_WIDGETS, "the editor")
    assert set(PART_WIDGETS) == set(Part)
    with pytest.raises(KindSpecError, match="acts"):
        check_parts({p: w for p, w in PART_WIDGETS.items() if p is not Part.ACTS}, "editor")


@pytest.mark.parametrize("spec", KINDS, ids=lambda s: s.key)
def test_every_declared_kind_shows_its_parts_in_its_order(spec: KindSpec,
                                                          window: MainWindow) -> None:
    window.new_entry(spec.kind)
    editor = window.editor
    layout = editor.page_layout
    rows = [editor.part_widget(p) for p in PART_WIDGETS if p not in INSIDE_TEXT_ROW]
    shown = sorted((w for w in rows if w.isVisibleTo(editor)), key=layout.indexOf)
    expected = [editor.part_widget(p) for p in spec.parts if p not in INSIDE_TEXT_ROW]
    if Part.LINKS in spec.parts and not editor.links.isVisibleTo(editor):
        expected.remove(editor.links)  # an entry with no links and no mirror hides them
    assert shown == expected
    for part in INSIDE_TEXT_ROW:
        assert editor.part_widget(part).isVisibleTo(editor) == spec.has(part)
    assert editor.hint.text() == spec.description
    template = template_for(spec.key, editor.sections.current_model())
    question = template.body_question if template else spec.body_question
    assert editor.body_label.text() == question
    assert editor.current_kind() is spec.kind


def test_every_declared_kind_is_offered_in_order(window: MainWindow) -> None:
    combo = window.editor.header.kind
    assert [combo.itemText(i) for i in range(combo.count())] == [s.label for s in KINDS]
    kinds = window.timeline.filters.kind
    assert [kinds.itemData(i) for i in range(1, kinds.count())] == [s.key for s in KINDS]
    assert [window.welcome.buttons[s.kind].text() for s in KINDS] == [s.new_label
                                                                       for s in KINDS]
    assert [a.text() for a in window.actions_.new_of_kind.values()] == [s.new_label
                                                                       for s in KINDS]


def test_quick_capture_offers_the_declared_kinds(journal: Journal, qtbot) -> None:
    dialog = QuickCaptureDialog(journal, dt.date(2026, 11, 23))
    qtbot.addWidget(dialog)
    assert tuple(dialog.kinds) == capture_kinds()
    assert [b.text() for b in dialog.kinds.values()] == [kind_label(k) for k in capture_kinds()]
