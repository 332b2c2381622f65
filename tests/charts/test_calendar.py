"""The streaks calendar: weeks as columns, Monday to Sunday as rows, gentle words."""

from __future__ import annotations

import datetime as dt

import pytest
from matplotlib.collections import PatchCollection
from matplotlib.colors import to_hex

from carejournal.charts import draw, hit_for, light_theme
from carejournal.charts.texts import streak_caption
from carejournal.core.patterns import Period, Streaks
from tests.charts import all_text, click, clipped, figure, overlaps, period_of, tick_labels

PERIOD = Period(dt.date(2026, 3, 4), dt.date(2026, 3, 18))  # Wed to Wed: 3 weeks touched


def cells(fig) -> PatchCollection:
    (found,) = [c for c in fig.axes[0].collections if isinstance(c, PatchCollection)]
    return found


def test_one_square_per_day_of_the_period_shaded_by_entries() -> None:
    theme = light_theme()
    days = {dt.date(2026, 3, 4): 1, dt.date(2026, 3, 9): 3, dt.date(2026, 3, 18): 9}
    fig = figure()
    info = draw("streaks", Streaks(days, 1, 1), fig, theme, period=PERIOD)
    squares = cells(fig)
    assert len(squares.get_paths()) == 15
    colours = [to_hex(c).upper() for c in squares.get_facecolors()]
    assert colours[0] == theme.heat[1].upper()  # Wed 4 Mar: one entry
    assert colours[1] == theme.heat[0].upper()  # Thu 5 Mar: none
    assert colours[5] == theme.heat[3].upper()  # Mon 9 Mar: three
    assert colours[14] == theme.heat[4].upper()  # nine entries: the darkest shade
    ax = fig.axes[0]
    assert tick_labels(ax, "y") == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert ax.yaxis_inverted()  # Monday at the top
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Week starting (2026)", "Day")
    assert info.title == fig.get_suptitle() == "Days with entries"


def test_a_square_maps_to_its_day() -> None:
    fig = figure()
    info = draw("streaks", Streaks({dt.date(2026, 3, 9): 2}, 0, 1), fig, period=PERIOD)
    hit = hit_for(info, cells(fig), 5)
    assert (hit.since, hit.until, hit.kind) == (dt.date(2026, 3, 9), dt.date(2026, 3, 9), None)
    assert hit.label == "9 Mar 2026: 2"
    # Monday 9 March is column 1 (the week of 9 Mar), row 0
    (clicked,) = click(fig, info, fig.axes[0], 1, 0)
    assert clicked.since == dt.date(2026, 3, 9)


def test_without_a_period_the_calendar_spans_the_days_with_entries() -> None:
    days = {dt.date(2025, 12, 30): 1, dt.date(2026, 1, 2): 1}
    fig = figure()
    draw("streaks", Streaks(days, 0, 1), fig)
    assert len(cells(fig).get_paths()) == 4
    assert fig.axes[0].get_xlabel() == "Week starting (2025)"  # both Mondays in 2025


@pytest.mark.parametrize("weeks", [1, 4, 13, 53])
def test_day_and_week_labels_stay_readable(weeks: int) -> None:
    period = period_of(weeks)
    days = {period.since + dt.timedelta(days=n): n % 5 for n in range(0, 400, 2)
            if period.since + dt.timedelta(days=n) <= period.until}
    fig = figure()
    draw("streaks", Streaks(days, 0, 1), fig, period=period)
    ax = fig.axes[0]
    assert not overlaps(fig, [*ax.get_xticklabels(), *ax.get_yticklabels()])
    assert not clipped(fig)
    day_numbers = [t.get_text() for t in ax.texts]
    assert (len(day_numbers) > 0) == (weeks <= 10)  # small calendars name each day


def test_the_caption_is_gentle_about_streaks() -> None:
    fig = figure()
    info = draw("streaks", Streaks({PERIOD.until: 1}, 4, 9), fig, period=PERIOD)
    assert info.caption.startswith("Each square is a day; the stronger its colour, the more")
    assert "Current run: 4 days in a row; the longest in this period is 9 days." in info.caption
    assert "Days off are normal." in info.caption


@pytest.mark.parametrize(("current", "longest", "words"), [
    (4, 4, "Current run: 4 days in a row, the longest in this period."),
    (1, 6, "You wrote on the latest day; the longest run in this period is 6 days."),
    (0, 6, "The longest run in this period is 6 days. Gaps are normal."),
    (0, 1, "Each day with an entry is one to build on. Gaps are normal."),
    (1, 1, "Each day with an entry is one to build on. Gaps are normal."),
])
def test_streak_words_never_shame(current: int, longest: int, words: str) -> None:
    text = streak_caption(current, longest)
    assert text.startswith(words)
    assert not any(word in text.lower() for word in ("broke", "lost", "missed", "failed",
                                                     "only", "should"))


def test_no_days_is_a_friendly_empty_state() -> None:
    fig = figure()
    info = draw("streaks", Streaks({}, 0, 0), fig, period=PERIOD)
    assert info.empty and not fig.axes[0].axison
    assert any("Any day is a good day to start." in t for t in all_text(fig))


@pytest.mark.parametrize("weeks", [4, 13, 53])
def test_drawn_before_the_window_sizes_it_and_then_shrunk(weeks: int) -> None:
    period = period_of(weeks)
    days = {period.until: 1, period.since: 2}
    fig = figure(6.4, 4.8)  # a Figure's size before its canvas is laid out
    draw("streaks", Streaks(days, 1, 1), fig, period=period)
    fig.set_size_inches(6, 3)
    ax = fig.axes[0]
    assert not overlaps(fig, [*ax.get_xticklabels(), *ax.get_yticklabels(), *ax.texts])
    assert not clipped(fig)
