"""A journal ready for the preparation before supervision: a session held with an agreed
action, a planned session, and entries in between with wordings the lens notices."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from carejournal.core.domain import Decision, EntryKind
from carejournal.core.goals import FallibilityAnswer, GoalStatus, Outcome
from carejournal.core.supervision import AgreedAction, Session
from carejournal.services.journal import Journal
from tests.conftest import draft

TODAY = dt.date(2026, 11, 23)
HELD = dt.date(2026, 11, 1)
NEXT = dt.date(2026, 11, 26)


@dataclass(frozen=True, slots=True)
class Prepared:
    """The ids a test needs."""

    next_session: int
    action: int
    lunch: int
    tea: int
    washing: int
    gibbs: int
    late: int
    before: int


def fill(journal: Journal) -> Prepared:
    """Sessions, entries with lens findings, people with only problems, a goal ended early."""
    held_id = journal.supervision.add(Session(HELD, "Alex (team leader)", actions=(
        AgreedAction("Read the lone-working policy", "me", dt.date(2026, 11, 20)),)))
    next_id = journal.supervision.add(Session(NEXT, "Alex (team leader)"))
    action_id = journal.supervision.session(held_id).actions[0].id
    before = journal.add(draft("An old note about Mary.", day=dt.date(2026, 10, 20),
                               people=("Mary Jones",)))
    lunch = journal.add(draft("The service user refused lunch. Mary was non-compliant.",
                              day=dt.date(2026, 11, 5), people=("Mary Jones",),
                              title="Lunch"))
    tea = journal.add(draft("Jo was aggressive and difficult at tea.",
                            day=dt.date(2026, 11, 9), people=("Jo Bloggs",)))
    washing = journal.add(draft(
        "Mary laughed and helped me fold the washing; she was kind to Jo. Her daughter lives "
        "at SW1A 1AA.", day=dt.date(2026, 11, 12), people=("Mary Jones",),
        decisions=(Decision("Chose the menu together", "co-production"),
                   Decision("I booked the GP", "informing"))))
    gibbs = journal.add(draft("", EntryKind.REFLECTION, dt.date(2026, 11, 14),
                              model="gibbs", title="A hard week",
                              sections=(("description", "The case was hard."),)))
    late = journal.add(draft("I was late twice this week and felt rushed.",
                             EntryKind.FALLIBILITY, dt.date(2026, 11, 18)))
    goal = journal.goals.add("Jo Bloggs", "Go swimming on Fridays")
    journal.goals.attempt(goal.id, Outcome.NOT_THIS_TIME, dt.date(2026, 11, 6))
    ended = journal.goals.set_status(goal.id, GoalStatus.DISCONTINUED, FallibilityAnswer(
        12, "It took me many tries to get to the gym."))
    if ended.reflection_id is not None:  # written today: moved into the period, to stay put
        mirror = journal.get(ended.reflection_id).draft()
        journal.update(ended.reflection_id, replace(mirror, occurred_on=dt.date(2026, 11, 20)))
    return Prepared(next_id, action_id, lunch, tea, washing, gibbs, late, before)
