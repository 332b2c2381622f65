"""View › Appearance: the theme and the text size, applied to the whole window at once and
remembered; and the lens marks can be seen in both palettes (WCAG 1.4.11)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from carejournal.ui.main_window import MainWindow
from carejournal.ui.settings import appearance
from carejournal.ui.settings.appearance import Appearance, dark_palette, light_palette, load
from carejournal.ui.shared.colours import (
    LENS_COLOURS,
    contrast,
    has_dark_base,
    lens_colour,
    lens_tint,
    over,
)

Role = QPalette.ColorRole
PALETTES = {"light": light_palette, "dark": dark_palette}


@pytest.fixture(autouse=True)
def as_before(qapp: QApplication) -> Iterator[None]:
    """Put the application's style, palette and font back after each test."""
    style, palette, font = qapp.style().name(), QPalette(qapp.palette()), QFont(qapp.font())
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("category", [*LENS_COLOURS, "unknown"])
def test_every_lens_mark_has_3_to_1_on_both_palettes(theme: str, category: str) -> None:
    palette = PALETTES[theme]()
    dark = theme == "dark"
    for role in (Role.Base, Role.AlternateBase):
        page = palette.color(role)
        mark = lens_colour(category, dark)
        washed = over(lens_tint(category, dark), page)
        assert contrast(mark, page) >= 3, f"{category} on {theme} {role.name}"
        assert contrast(mark, washed) >= 3, "the underline stays clear on its own wash"
        assert contrast(palette.color(Role.Text), washed) >= 4.5, "the words stay readable"
        assert washed != page, "a mark shows as more than a thin line"


def test_text_in_both_palettes_reads_at_4_5_to_1() -> None:
    for make in PALETTES.values():
        palette = make()
        for text, back in ((Role.Text, Role.Base), (Role.WindowText, Role.Window),
                           (Role.ButtonText, Role.Button),
                           (Role.HighlightedText, Role.Highlight)):
            assert contrast(palette.color(text), palette.color(back)) >= 4.5, (text, back)


def test_lens_categories_are_apart_and_none_is_red_like_a_spelling_mark() -> None:
    for dark in (False, True):
        hues = {key: lens_colour(key, dark) for key in LENS_COLOURS}
        for key, colour in hues.items():
            hue = colour.hslHue()
            assert colour.hslSaturation() < 40 or 25 <= hue <= 330, f"{key} looks red"
        chromatic = [c.hslHue() for c in hues.values() if c.hslSaturation() >= 40]
        for one in chromatic:
            for other in chromatic:
                gap = min(abs(one - other), 360 - abs(one - other))
                assert one is other or gap >= 30, "two categories look alike"
    blame, othering = lens_colour("blame", False), lens_colour("othering", False)
    assert abs(blame.hslHue() - othering.hslHue()) >= 30 or othering.hslSaturation() < 40


def test_the_dark_theme_and_larger_text_apply_to_the_whole_window_and_are_kept(
        window: MainWindow, settings: QSettings, qapp: QApplication) -> None:
    a = window.actions_
    before = window.timeline.view.font().pointSizeF()
    a.themes["dark"].trigger()
    qapp.processEvents()  # the widgets take the new palette as events
    assert has_dark_base(window.timeline.view) and has_dark_base(window.editor.body)
    assert window.editor.body.highlighter._dark, "the lens marks use the dark colours"
    assert qapp.style().name().lower() == "fusion"
    a.larger_text.trigger()
    a.larger_text.trigger()
    qapp.processEvents()
    assert window.timeline.view.font().pointSizeF() == pytest.approx(before + 2)
    assert window.menuBar().font().pointSizeF() == pytest.approx(before + 2), "not only text"
    assert load(settings) == Appearance("dark", 2)
    a.normal_text.trigger()
    qapp.processEvents()
    assert window.timeline.view.font().pointSizeF() == pytest.approx(before)
    a.themes["light"].trigger()
    qapp.processEvents()
    assert not has_dark_base(window.editor.body)
    assert load(settings) == Appearance("light", 0)


def test_the_text_size_stays_within_bounds(window: MainWindow, settings: QSettings) -> None:
    for _ in range(appearance.LARGEST + 5):
        window.actions_.larger_text.trigger()
    assert load(settings).text_step == appearance.LARGEST
    assert not window.actions_.larger_text.isEnabled()
    settings.setValue("appearance/text_step", "huge")
    settings.setValue("appearance/theme", "purple")
    assert load(settings) == Appearance()


def test_the_system_theme_asks_the_system_again(window: MainWindow, qapp: QApplication) -> None:
    window.actions_.themes["dark"].trigger()
    window.actions_.themes["system"].trigger()
    assert qapp.palette().color(Role.Base) != QColor(appearance.DARK[Role.Base])
