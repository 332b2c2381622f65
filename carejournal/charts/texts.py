"""The words the charts show (to translate later). No matplotlib here.

Each chart's own words (title, caption, empty state, axis labels) are a ChartTexts in its
declaration in charts/registry.py; the words below are shared or built from parts.

Strings with placeholders use `.format(name=...)`; sentences are never glued from pieces.
"""

from __future__ import annotations

from dataclasses import dataclass

from carejournal.core.kinds import KINDS


@dataclass(frozen=True, slots=True)
class ChartTexts:
    """The words of one chart."""

    title: str
    caption: str
    empty: str
    xlabel: str
    ylabel: str


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
