"""Every word the charts show, in one place (to translate later). No matplotlib here.

Strings with placeholders use `.format(name=...)`; sentences are never glued from pieces.
"""

from __future__ import annotations

from dataclasses import dataclass

from carejournal.core.domain import InvalidInput
from carejournal.core.kinds import KINDS

# the charts, in the order the Patterns view shows them
NAMES = ("kinds", "acts", "acts_weekly", "lens", "balance", "decisions", "streaks", "plans")
# which series each chart draws: `journal.patterns.all()` key (acts_weekly shares "acts")
SERIES_OF = {name: ("acts" if name == "acts_weekly" else name) for name in NAMES}


@dataclass(frozen=True, slots=True)
class ChartTexts:
    """The words of one chart."""

    title: str
    caption: str
    empty: str
    xlabel: str
    ylabel: str


TEXTS: dict[str, ChartTexts] = {
    "kinds": ChartTexts(
        "Entries per week",
        "How many entries you wrote each week, by kind.",
        "No entries in this period yet. When you write one, it will show up here.",
        "Week starting", "Entries"),
    "acts": ChartTexts(
        "Little things, by act",
        "The little things you recorded in this period, the most frequent at the top.",
        "No little things recorded in this period yet.",
        "Times recorded", "Little thing"),
    "acts_weekly": ChartTexts(
        "Little things per week",
        "How many little things you recorded each week.",
        "No little things recorded in this period yet.",
        "Week starting", "Little things"),
    "lens": ChartTexts(
        "What the language lens noticed",
        "Wordings the lens noticed, per 1,000 words you wrote each week. "
        "It is a prompt to look again, not a score.",
        "No words written in this period yet, so there is nothing for the lens to read.",
        "Week starting", "Per 1,000 words"),
    "balance": ChartTexts(
        "Strengths and problems in your words",
        "Words about strengths (above the line) and about problems (below it) each week.",
        "No strength or problem words found in this period yet.",
        "Week starting", "Words"),
    "decisions": ChartTexts(
        "Decisions on the ladder of co-production",
        "Left: decisions by rung, bottom rung at the bottom, coloured by whether they were "
        "made to, for or with the person. Right: each week's share made with them.",
        "No decisions recorded in this period yet.",
        "Decisions", "Rung"),
    "streaks": ChartTexts(
        "Days with entries",
        "Each square is a day; the stronger its colour, the more entries (see the key).",
        "No entries in this period yet. Any day is a good day to start.",
        "Week starting", "Day"),
    "plans": ChartTexts(
        "Attempts at goals",
        "Attempts at each goal in this period, by how they went.",
        "No attempts at goals recorded in this period yet.",
        "Attempts", "Goal"),
}

KIND_NAMES = {spec.key: spec.label for spec in KINDS}  # as core/kinds.py declares them
RELATION_NAMES = {"to": "Done to", "for": "Done for", "with": "Done with"}
OUTCOME_NAMES = {"managed": "Managed", "partly": "Partly", "not_this_time": "Not this time"}
STRENGTH_WORDS = "Strength words"
PROBLEM_WORDS = "Problem words"
OTHER_ACTS = "Other little things ({count})"
OTHER_RUNG = "Not on the ladder"
WITH_SHARE = "Made with the person"
WEEK_STARTING_YEARS = "Week starting ({years})"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
HEAT_TITLE = "Entries in a day"
HEAT_LABELS = ("None", "1", "2", "3", "4+")
GOAL_LABEL = "{person}: {goal}"
ENDED_EARLY = "ended early"
THRESHOLD_LINE = "{threshold} attempts"
MORE_GOALS = "Showing the {shown} goals with the most attempts, of {total}."

STREAK_RUN = ("Current run: {current} days in a row; the longest in this period is "
              "{longest} days. Days off are normal.")
STREAK_RUN_LONGEST = ("Current run: {current} days in a row, the longest in this period. "
                      "Days off are normal.")
STREAK_LATEST = ("You wrote on the latest day; the longest run in this period is {longest} "
                 "days. Days off are normal.")
STREAK_REST = "The longest run in this period is {longest} days. Gaps are normal."
STREAK_SINGLE = "Each day with an entry is one to build on. Gaps are normal."
PLANS_ENDED_ONE = ("1 goal ended after fewer than {threshold} attempts. How many tries would "
                   "you give yourself at something this hard?")
PLANS_ENDED_MANY = ("{count} goals ended after fewer than {threshold} attempts. How many "
                    "tries would you give yourself at something this hard?")
PLANS_NONE_ENDED = "Nobody manages everything first time."

# hover / status-bar descriptions of what a click would show
HIT_WEEK = "Week starting {week}: {value}"
HIT_WEEK_SERIES = "{series}, week starting {week}: {value}"
HIT_ITEM = "{item}: {value}"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def texts(name: str) -> ChartTexts:
    """The words of a chart; an unknown name lists the known ones."""
    try:
        return TEXTS[name]
    except KeyError:
        raise InvalidInput(f"unknown chart '{name}': choose one of {', '.join(NAMES)}") from None


def streak_caption(current: int, longest: int) -> str:
    """The streaks chart's gentle words about runs of days."""
    if longest < 2:
        return STREAK_SINGLE
    if current > 1:
        template = STREAK_RUN_LONGEST if current >= longest else STREAK_RUN
        return template.format(current=current, longest=longest)
    return (STREAK_LATEST if current == 1 else STREAK_REST).format(longest=longest)


def plans_caption(ended_early: int, threshold: int) -> str:
    """The plans chart's invitation to the fallibility question (never blame)."""
    if ended_early == 0:
        return PLANS_NONE_ENDED
    template = PLANS_ENDED_ONE if ended_early == 1 else PLANS_ENDED_MANY
    return template.format(count=ended_early, threshold=threshold)
