"""Attempts at goals by outcome; goals ended early marked, with an invitation, not blame."""

from __future__ import annotations

import datetime as dt

from matplotlib.colors import to_hex

from carejournal.charts import draw, hit_for, light_theme
from carejournal.charts.plans import MAX_GOALS
from carejournal.core.patterns import GoalAttempts, PlansSeries
from tests.charts import all_text, bars, clipped, empty_series, figure, overlaps, period_of

COOK = GoalAttempts(1, "Sam", "Cook a meal", "active", 3, 1, 2, False)
BUS = GoalAttempts(2, "Ada", "Take the bus", "discontinued", 0, 1, 1, True)
NEW = GoalAttempts(3, "Lee", "Phone my sister", "active", 0, 0, 0, False)


def test_attempts_are_stacked_by_outcome_per_goal() -> None:
    theme = light_theme()
    fig = figure()
    info = draw("plans", PlansSeries((COOK, BUS, NEW), 5), fig, theme)
    ax = fig.axes[0]
    assert info.title == fig.get_suptitle() == "Attempts at goals"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Attempts", "Goal")
    managed, partly, not_yet = ax.containers
    assert [p.get_width() for p in managed.patches] == [3, 0]  # NEW has no attempts: left out
    assert [p.get_x() for p in partly.patches] == [3, 0]
    assert [(p.get_x(), p.get_width()) for p in not_yet.patches] == [(4, 2), (1, 1)]
    assert to_hex(not_yet.patches[0].get_facecolor()).upper() == theme.neutral.upper()
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Sam: Cook a meal",
                                                           "Ada: Take the bus"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Managed", "Partly", "Not this time", "Ended early"]


def test_goals_ended_early_are_hatched_and_labelled() -> None:
    fig = figure()
    draw("plans", PlansSeries((COOK, BUS), 5), fig)
    ax = fig.axes[0]
    hatched = [bool(p.get_hatch()) for p in bars(ax)]
    assert hatched == [False, True] * 3
    assert [t.get_text() for t in ax.texts].count("ended early") == 1
    line = [ln for ln in ax.get_lines() if list(ln.get_xdata()) == [5, 5]]
    assert line and "5 attempts" in [t.get_text() for t in ax.texts]


def test_the_caption_invites_the_fallibility_question_without_blame() -> None:
    info = draw("plans", PlansSeries((COOK, BUS), 5), figure())
    assert "1 goal ended after fewer than 5 attempts." in info.caption
    assert "How many tries would you give yourself" in info.caption
    assert not any(w in info.caption.lower() for w in ("fail", "gave up", "should", "blame"))
    calm = draw("plans", PlansSeries((COOK,), 5), figure())
    assert calm.caption.endswith("Nobody manages everything first time.")
    two = draw("plans", PlansSeries((BUS, GoalAttempts(4, "Jo", "Swim", "unattainable",
                                                        0, 0, 0, True)), 3), figure())
    assert "2 goals ended after fewer than 3 attempts." in two.caption


def test_a_goal_ended_early_without_attempts_still_shows() -> None:
    gone = GoalAttempts(5, "Jo", "Swim", "unattainable", 0, 0, 0, True)
    fig = figure()
    info = draw("plans", PlansSeries((gone,), 5), fig)
    assert not info.empty
    assert "Jo: Swim" in [t.get_text() for t in fig.axes[0].get_yticklabels()]


def test_a_goal_bar_maps_to_that_persons_entries_in_the_period() -> None:
    period = period_of(4)
    fig = figure()
    info = draw("plans", PlansSeries((COOK, BUS), 5), fig, period=period)
    hit = hit_for(info, fig.axes[0].containers[2].patches[1])
    assert (hit.since, hit.until, hit.kind, hit.person) == (period.since, period.until,
                                                            None, "Ada")
    assert hit.label == "Take the bus: 1"
    anytime = draw("plans", PlansSeries((COOK,), 5), fig)
    first = hit_for(anytime, fig.axes[0].containers[0].patches[0])
    assert (first.since, first.until) == (dt.date.min, dt.date.max)


def test_many_goals_with_long_words_keep_the_busiest_and_say_so() -> None:
    text = "Manage my own medication with a weekly reminder chart on the fridge door"
    goals = tuple(GoalAttempts(n, f"Person {n}", f"{text} {n}", "active", n % 4, 1, 0,
                               False) for n in range(12))
    fig = figure()
    info = draw("plans", PlansSeries(goals, 5), fig)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == MAX_GOALS
    assert all(len(label) <= 34 and "\n" not in label for label in labels)  # no room for two
    assert f"Showing the {MAX_GOALS} goals with the most attempts, of 12." in info.caption
    assert not overlaps(fig, ax.get_yticklabels()) and not clipped(fig)


def test_a_few_long_goals_take_two_lines() -> None:
    goal = GoalAttempts(1, "Bernadette", "Get the bus to the market on a Thursday, by myself",
                        "active", 1, 2, 1, False)
    fig = figure()
    draw("plans", PlansSeries((goal, COOK), 5), fig)
    label = fig.axes[0].get_yticklabels()[0].get_text()
    assert label == "Bernadette: Get the bus to\nthe market on a Thursday, b…"
    assert not overlaps(fig, fig.axes[0].get_yticklabels()) and not clipped(fig)


def test_no_goals_is_empty() -> None:
    fig = figure()
    info = draw("plans", empty_series("plans", period_of(4)), fig)
    assert info.empty and "No attempts at goals recorded in this period yet." in all_text(fig)
    assert draw("plans", PlansSeries((NEW,), 5), figure()).empty


def test_five_goals_drawn_large_then_shrunk_keep_their_labels_apart() -> None:
    goals = tuple(GoalAttempts(n, "Bernadette", "Get the bus to the market on a Thursday",
                               "active", 1, 1, 1, False) for n in range(5))
    fig = figure(6.4, 4.8)
    draw("plans", PlansSeries(goals, 5), fig)
    fig.set_size_inches(6, 3)
    assert not overlaps(fig, fig.axes[0].get_yticklabels()) and not clipped(fig)
