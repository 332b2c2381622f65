"""The plans chart: attempts at each goal by outcome; goals ended early marked, gently."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle

from carejournal.charts import texts as txt
from carejournal.charts.common import (
    ChartInfo,
    Hit,
    Sheet,
    empty_state,
    legend,
    room,
    shorten,
    span,
    style,
    two_lines,
    whole_number_axis,
)
from carejournal.core.patterns import GoalAttempts, PlansSeries

MAX_GOALS = 8
GOAL_LABEL_WIDTH = 28  # characters
HATCH = "///"
OUTCOMES = ("managed", "partly", "not_this_time")


def _shown(series: PlansSeries) -> list[GoalAttempts]:
    """Goals with attempts in the period or ended early; the busiest when there are many."""
    goals = [goal for goal in series.goals if _attempts(goal) or goal.ended_early]
    if len(goals) <= MAX_GOALS:
        return goals
    keep = set(sorted(goals, key=lambda goal: (-_attempts(goal), not goal.ended_early))
               [:MAX_GOALS])
    return [goal for goal in goals if goal in keep]


def _attempts(goal: GoalAttempts) -> int:
    return goal.managed + goal.partly + goal.not_this_time


def plans(sheet: Sheet, series: PlansSeries) -> ChartInfo:
    """Stacked horizontal bars per goal; a dashed line at the attempts threshold."""
    goals = _shown(series)
    if not goals:
        return empty_state(sheet)
    theme = sheet.theme
    ax = style(sheet.axes()[0], theme, grid_axis="x")
    rows = range(len(goals))
    left = [0] * len(goals)
    handles = []
    for outcome in OUTCOMES:
        counts = [getattr(goal, outcome) for goal in goals]
        bars = ax.barh(rows, counts, left=left, height=0.7, color=theme.outcomes[outcome],
                       edgecolor=theme.axes_bg, linewidth=0.5)
        _mark(sheet, goals, bars.patches, counts)
        left = [a + b for a, b in zip(left, counts, strict=True)]
        handles.append(bars)
    _ended_early(ax, sheet, goals, left)
    ax.set_yticks(rows, _labels(sheet, goals))
    ax.set_ylim(len(goals) - 0.5, -0.95)  # room at the top for the threshold's words
    ax.axvline(series.threshold, color=theme.muted, linewidth=1, linestyle="--")
    ax.annotate(txt.THRESHOLD_LINE.format(threshold=series.threshold),
                (series.threshold, -0.75), xytext=(3, 0), textcoords="offset points",
                ha="left", va="center", color=theme.muted, fontsize=theme.sizes.ticks)
    ax.set_xlim(0, max(*left, series.threshold) * 1.3 + 0.5)
    ax.set_xlabel(sheet.words.xlabel)
    ax.set_ylabel(sheet.words.ylabel)
    whole_number_axis(ax, "x")
    labels = [txt.OUTCOME_NAMES[outcome] for outcome in OUTCOMES]
    early = Patch(facecolor=theme.axes_bg, edgecolor=theme.muted, hatch=HATCH)
    legend(ax, theme, [*handles, early], [*labels, txt.ENDED_EARLY.capitalize()])
    return sheet.info(_caption(sheet, series, len(goals)))


def _labels(sheet: Sheet, goals: list[GoalAttempts]) -> list[str]:
    """"Person: goal" on two lines where the rows are tall enough, else on one."""
    height = room(sheet.figure)[1] - (130 if sheet.captioned else 95)  # points for the bars
    row = height / (len(goals) + 0.5)
    two = row >= sheet.theme.sizes.ticks * 2.6
    names = [txt.GOAL_LABEL.format(person=goal.person, goal=goal.text) for goal in goals]
    if two:
        return [two_lines(name, GOAL_LABEL_WIDTH) for name in names]
    return [shorten(name, GOAL_LABEL_WIDTH + 6) for name in names]


def _mark(sheet: Sheet, goals: list[GoalAttempts], patches: list[Rectangle],
          counts: list[int]) -> None:
    """Clicks on a goal's bar show that person's entries in the period; ended early: hatched."""
    since, until = span((), sheet.period)
    for goal, patch, count in zip(goals, patches, counts, strict=True):
        if goal.ended_early:
            patch.set_hatch(HATCH)
            patch.set_hatchcolor(sheet.theme.axes_bg)
        label = txt.HIT_ITEM.format(item=goal.text, value=count)
        sheet.clickable(patch, Hit(since, until, None, goal.person, label))


def _ended_early(ax: Axes, sheet: Sheet, goals: list[GoalAttempts], ends: list[int]) -> None:
    """"ended early" in words beside each goal that was ended early."""
    for row, (goal, end) in enumerate(zip(goals, ends, strict=True)):
        if goal.ended_early:
            ax.annotate(txt.ENDED_EARLY, (end, row), xytext=(5, 0), textcoords="offset points",
                        va="center", ha="left", color=sheet.theme.text,
                        fontsize=sheet.theme.sizes.ticks, style="italic")


def _caption(sheet: Sheet, series: PlansSeries, shown: int) -> str:
    total = sum(1 for goal in series.goals if _attempts(goal) or goal.ended_early)
    parts = [sheet.words.caption]
    if shown < total:
        parts.append(txt.MORE_GOALS.format(shown=shown, total=total))
    ended = sum(1 for goal in series.goals if goal.ended_early)
    parts.append(txt.plans_caption(ended, series.threshold))
    return " ".join(parts)
