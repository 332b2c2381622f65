"""The lens's underlines in a text box: colour by category, one paragraph at a time,
emoji-safe offsets, dark palettes, and the colours' contrast."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from carejournal.lens.matcher import Lens, load_lexicon
from carejournal.ui.lens.highlighter import MAX_BLOCK, LensContext
from carejournal.ui.lens.text_edit import LensEdit
from carejournal.ui.shared.colours import LENS_COLOURS, LENS_NEUTRAL, contrast, lens_colour

# A small lexicon of our own, so these tests do not depend on the shipped wording.
LEXICON = '''
version = 1
[categories.labels]
name = "Labels that reduce a person"
description = "Words that make a person a category."
[categories.blame]
name = "Blame or deficit words"
description = "Words that put the whole problem in the person."
[categories.power]
name = "Power and control words"
description = "Words about doing to, not doing with."
[categories.jargon]
name = "Service jargon"
description = "Words of the service, not of a life."
[categories.othering]
name = "Us and them"
description = "Words that split people into us and them."
[categories.unusual]
name = "A category with no colour of its own"
description = "For the neutral colour."
[[rule]]
id = "service-user"
category = "labels"
phrases = ["service user+"]
why = "It makes a person a user of services."
alternatives = ["the person I support", "<their name>"]
source = "test"
[[rule]]
id = "non-compliant"
category = "blame"
phrases = ["non-compliant"]
why = "It puts all the problem in <the person> & nobody else."
alternatives = ["chose not to", "said no to"]
source = "test"
[[rule]]
id = "toileting"
category = "power"
phrases = ["toileting"]
why = "It is something done to a person."
alternatives = ["supporting someone to use the toilet"]
source = "test"
[[rule]]
id = "placement"
category = "jargon"
phrases = ["placement+"]
why = "It is their home."
alternatives = ["home"]
source = "test"
[[rule]]
id = "these-people"
category = "othering"
phrases = ["these people", "those people"]
why = "It puts people on the other side of a line."
alternatives = ["the people I support"]
source = "test"
[[rule]]
id = "odd"
category = "unusual"
phrases = ["frobnicated"]
why = "A test rule."
alternatives = ["changed"]
source = "test"
'''


def make_lens(folder: Path) -> Lens:
    """A Lens over the small lexicon above, written into folder."""
    path = folder / "lexicon.toml"
    path.write_text(LEXICON, encoding="utf-8")
    lexicon = load_lexicon(path)
    assert not lexicon.problems, lexicon.problems
    return Lens(lexicon)


@pytest.fixture
def lens(tmp_path: Path) -> Lens:
    return make_lens(tmp_path)


@pytest.fixture
def edit(qtbot, lens: Lens) -> LensEdit:
    context = LensContext()
    context.set_lens(lens)
    box = LensEdit()
    box.attach(context)
    qtbot.addWidget(box)
    box.resize(500, 300)
    box.show()
    return box


def underlines(box: QPlainTextEdit, number: int = 0) -> list[tuple[int, int, str, str]]:
    """(start, length, colour, text) of each wavy underline in one block's layout."""
    block = box.document().findBlockByNumber(number)
    out = []
    for rng in block.layout().formats():
        fmt = rng.format
        if fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline:
            units = block.text().encode("utf-16-le")  # Qt positions count UTF-16 units
            text = units[2 * rng.start:2 * (rng.start + rng.length)].decode("utf-16-le")
            out.append((rng.start, rng.length, fmt.underlineColor().name(), text))
    return out


def test_typing_a_flagged_phrase_underlines_it_in_its_category_colour(edit: LensEdit,
                                                                      qtbot) -> None:
    qtbot.keyClicks(edit, "We met the service users")
    assert underlines(edit) == [(11, 13, "#b5578c", "service users")]
    qtbot.keyClicks(edit, " and spoke about toileting.")
    assert [(u[2], u[3]) for u in underlines(edit)] == [
        ("#b5578c", "service users"), ("#0072b2", "toileting")]


def test_ordinary_text_is_not_underlined(edit: LensEdit, qtbot) -> None:
    qtbot.keyClicks(edit, "A good day: we walked to the shop and she chose the bread.")
    assert underlines(edit) == []
    assert edit.spots() == []


def test_every_category_has_its_own_colour_and_unknown_ones_a_neutral_one(
        edit: LensEdit) -> None:
    edit.setPlainText("service user, non-compliant, toileting, placement, these people, "
                      "frobnicated")
    colours = [u[2] for u in underlines(edit)]
    assert colours == ["#b5578c", "#a86e00", "#0072b2", "#007a5a", "#3a3a3a", "#5f6368"]
    assert len(set(colours)) == 6


def test_paragraphs_are_underlined_on_their_own(edit: LensEdit, qtbot) -> None:
    edit.setPlainText("A placement visit.\nNothing here.\nThose people again.")
    assert [u[3] for u in underlines(edit, 0)] == ["placement"]
    assert underlines(edit, 1) == []
    assert [u[3] for u in underlines(edit, 2)] == ["Those people"]
    spots = edit.spots()
    text = edit.toPlainText()
    assert [text[s.start:s.end] for s in spots] == ["placement", "Those people"]


def test_an_emoji_before_a_phrase_does_not_shift_the_underline(edit: LensEdit) -> None:
    edit.setPlainText("Sam 😀😀 met a service user")  # "is not a": a mention since step 11
    [(start, length, _colour, text)] = underlines(edit)
    assert text == "service user"  # Qt counts each emoji as two positions
    spot = edit.spot_at(start + 1)
    assert spot is not None and spot.finding.text == "service user"


def test_a_mention_gets_a_quiet_dotted_grey_line_not_a_wavy_one(edit: LensEdit) -> None:
    edit.setPlainText("I nearly wrote 'non-compliant'. He was non-compliant.")
    assert [u[3] for u in underlines(edit)] == ["non-compliant"]  # only the second, wavy
    block = edit.document().firstBlock()
    dotted = [(r.start, r.length, r.format.underlineColor().name())
              for r in block.layout().formats()
              if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine]
    assert dotted == [(16, 13, lens_colour("", False).name())]
    spots = edit.spots()
    assert [(s.finding.text, s.finding.mention) for s in spots] == [
        ("non-compliant", True), ("non-compliant", False)]


def test_the_entrys_people_decide_who_a_sentence_is_about(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "about.toml"
    path.write_text(LEXICON + '''
[[rule]]
id = "refuses"
category = "blame"
about = "person"
phrases = ["refuse+"]
why = "Saying no is a choice."
alternatives = ["said no to"]
source = "test"
''', encoding="utf-8")
    context = LensContext()
    context.set_lens(Lens(load_lexicon(path)))
    box = LensEdit()
    box.attach(context)
    qtbot.addWidget(box)
    box.setPlainText("the note says bo refused lunch")
    assert underlines(box) == []  # "the note" is the nearest thing the lens can place
    with qtbot.waitSignal(context.changed):
        context.set_people(["Bo"])
    assert [u[3] for u in underlines(box)] == ["refused"]


def test_editing_a_phrase_away_removes_the_underline(edit: LensEdit, qtbot) -> None:
    qtbot.keyClicks(edit, "these people")
    assert underlines(edit)
    qtbot.keyClicks(edit, "s")  # "these peoples" is not the phrase
    assert underlines(edit) == []


def test_a_dismissed_finding_and_a_missing_lens_underline_nothing(edit: LensEdit) -> None:
    edit.setPlainText("non-compliant and the service user")
    context = edit.lens_context
    assert context is not None
    context.set_dismissed(["non-compliant:non compliant"])
    assert [u[3] for u in underlines(edit)] == ["service user"]
    context.set_lens(None)
    assert underlines(edit) == []


def test_a_very_long_paragraph_is_left_unchecked(edit: LensEdit) -> None:
    edit.setPlainText("service user " * (MAX_BLOCK // 13 + 10))
    assert underlines(edit) == [] and edit.spots() == []


def test_a_dark_palette_uses_the_light_colours(edit: LensEdit) -> None:
    edit.setPlainText("these people")
    palette = edit.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    edit.setPalette(palette)
    assert [u[2] for u in underlines(edit)] == ["#d8d8d8"]


@pytest.mark.parametrize("category", [*LENS_COLOURS, "anything-else"])
def test_colours_have_good_contrast_on_light_and_dark_pages(category: str) -> None:
    for dark, pages in ((False, ("#ffffff", "#f5f5f5")), (True, ("#1e1e1e", "#2b2b2b"))):
        for page in pages:
            assert contrast(lens_colour(category, dark), QColor(page)) >= 3  # WCAG 1.4.11
    assert lens_colour("anything-else", False).name() == LENS_NEUTRAL[0]
