"""Chart tests, and hand-built series for them (the charts never need a journal).

`worker(...)` builds every series the way a care worker's few months might look; the
functions below build small, exact series for one chart at a time.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from carejournal.core.domain import EntryKind
from carejournal.core.patterns import (
    ActsSeries,
    BalancePerWeek,
    DecisionsSeries,
    GoalAttempts,
    KindsPerWeek,
    LensPerWeek,
    Period,
    PlansSeries,
    Streaks,
    week_of,
)

TODAY = dt.date(2026, 3, 18)  # a Wednesday
RUNGS = (("coercion", "Coercion"), ("educating", "Educating"), ("informing", "Informing"),
         ("consultation", "Consultation"), ("engagement", "Engagement"),
         ("co-design", "Co-design"), ("co-production", "Co-production"))
CATEGORIES = {"labels": "Labels that reduce a person", "blame": "Blame and deficit words",
              "power": "Power and control words", "jargon": "Service jargon",
              "othering": "\"Us and them\" framing"}
ACTS = ("Introduced myself by name", "Made a cup of tea together", "Really listened",
        "Called back when I said I would", "Remembered what matters to them",
        "Said sorry when I got it wrong", "Asked how they would like it done",
        "Sat with them for a while, with no agenda and no rush at all")


def period_of(weeks: int, until: dt.date = TODAY, person: str = "") -> Period:
    """A period of whole days ending on until and touching this many weeks."""
    return Period(week_of(until) - dt.timedelta(weeks=weeks - 1), until, person)


def empty_series(name: str, period: Period) -> Any:
    """The series a journal with nothing in it would give."""
    weeks, zeros = period.weeks(), tuple(0 for _ in period.weeks())
    return {
        "kinds": KindsPerWeek(weeks, {kind: zeros for kind in EntryKind}),
        "acts": ActsSeries((), weeks, zeros), "acts_weekly": ActsSeries((), weeks, zeros),
        "lens": LensPerWeek(weeks, zeros, {key: tuple(0.0 for _ in weeks)
                                           for key in CATEGORIES}, dict(CATEGORIES)),
        "balance": BalancePerWeek(weeks, zeros, zeros),
        "decisions": DecisionsSeries(tuple((k, label, 0) for k, label in RUNGS), weeks,
                                     tuple(None for _ in weeks), zeros),
        "streaks": Streaks({}, 0, 0),
        "plans": PlansSeries((), 5),
    }[name]


def worker(period: Period, seed: int = 3) -> dict[str, Any]:
    """Every chart's series for a care worker who writes most days, by chart name."""
    rng = random.Random(seed)
    weeks = period.weeks()
    days = {period.since + dt.timedelta(days=n): rng.choice((0, 0, 1, 1, 2, 3))
            for n in range((period.until - period.since).days + 1)}
    days = {day: n for day, n in days.items() if n}
    kinds = {kind: tuple(rng.randint(lo, hi) for _ in weeks)
             for kind, lo, hi in ((EntryKind.INTERACTION, 2, 7), (EntryKind.KINDNESS, 1, 5),
                                  (EntryKind.FALLIBILITY, 0, 2), (EntryKind.REFLECTION, 0, 3))}
    by_act = sorted(((act, rng.randint(1, 14)) for act in ACTS), key=lambda a: -a[1])
    words = tuple(rng.randint(0, 2400) if n % 9 else 0 for n in range(len(weeks)))
    rates = {key: tuple(round(rng.uniform(0, 6 - n), 1) if w else 0.0 for w in words)
             for n, key in enumerate(CATEGORIES)}
    by_rung = tuple((key, label, rng.randint(0, 9)) for key, label in RUNGS)
    per_week = tuple(rng.randint(0, 5) for _ in weeks)
    share = tuple(round(rng.randint(0, n) / n, 2) if n else None for n in per_week)
    goals = (GoalAttempts(1, "Sam", "Cook a meal on my own", "active", 4, 3, 2, False),
             GoalAttempts(2, "Ada", "Take the bus to the library", "discontinued", 0, 1, 1,
                          True),
             GoalAttempts(3, "Sam", "Manage my own medication with a weekly reminder "
                          "chart", "active", 2, 1, 3, False),
             GoalAttempts(4, "Lee", "Phone my sister on Sundays", "unattainable", 1, 0, 0,
                          True))
    return {
        "kinds": KindsPerWeek(weeks, kinds),
        "acts": ActsSeries(tuple(by_act), weeks, tuple(rng.randint(0, 6) for _ in weeks)),
        "lens": LensPerWeek(weeks, words, rates, dict(CATEGORIES)),
        "balance": BalancePerWeek(weeks, tuple(rng.randint(0, 30) for _ in weeks),
                                  tuple(rng.randint(0, 18) for _ in weeks)),
        "decisions": DecisionsSeries(by_rung, weeks, share, per_week),
        "streaks": Streaks(days, 3, 9),
        "plans": PlansSeries(goals, 5),
    }


# -- looking at a drawn Figure ------------------------------------------------------------------
def figure(width: float = 6.0, height: float = 3.0) -> Any:
    """A Figure about the size of a chart in the window (600x300 px), on an Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    drawn = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(drawn)
    return drawn


def bars(ax: Any) -> list[Any]:
    """Every bar an axes drew, container by container (series by series)."""
    return [patch for container in ax.containers for patch in container.patches]


def all_text(fig: Any) -> list[str]:
    """Every piece of text on a figure (title, labels, ticks, legends, notes), unwrapped."""
    from matplotlib.text import Text

    return [" ".join(t.get_text().split()) for t in fig.findobj(Text) if t.get_text()]


def tick_labels(ax: Any, axis: str = "x") -> list[str]:
    return [t.get_text() for t in getattr(ax, f"get_{axis}ticklabels")()]


def overlaps(fig: Any, labels: list[Any]) -> list[tuple[str, str]]:
    """Pairs of visible labels whose drawn boxes overlap (draws the figure first)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in labels
             if t.get_visible() and t.get_text()]
    return [(a, b) for n, (a, box) in enumerate(boxes) for b, other in boxes[n + 1:]
            if box.overlaps(other)]


def clipped(fig: Any) -> bool:
    """Whether anything drawn reaches past the figure's edges (and would be cut off)."""
    fig.canvas.draw()
    box = fig.get_tightbbox(fig.canvas.get_renderer())  # inches
    width, height = fig.get_size_inches()
    slack = 0.02
    return box.x0 < -slack or box.y0 < -slack or box.x1 > width + slack or box.y1 > height + slack


def click(fig: Any, info: Any, ax: Any, x: float, y: float) -> list[Any]:
    """Click at data point (x, y) of ax as a user would; the Hits pick() gives, in order."""
    from matplotlib.backend_bases import MouseEvent

    from carejournal.charts import pick

    fig.canvas.draw()
    found: list[Any] = []
    connection = fig.canvas.mpl_connect("pick_event",
                                        lambda event: found.append(pick(info, event)))
    px, py = ax.transData.transform((x, y))
    fig.pick(MouseEvent("button_press_event", fig.canvas, px, py, button=1))
    fig.canvas.mpl_disconnect(connection)
    return found
