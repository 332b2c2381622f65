"""The sample journal's supervision (resources/demo_supervision.toml): sessions held with
agreed actions linked to the functions they serve, and the next session planned, its
preparation under way through the same steps the wizard and `carejournal prepare` take:
an agenda tagged with the four functions, a situation worked through Kolb's four stages,
and "How I am" (left out of the pack until the worker ticks it)."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from carejournal.core.preparation import AgendaKind, Preparation, Stage
from carejournal.core.registration import Register
from carejournal.core.resources import resource_path
from carejournal.core.supervision import ActionStatus, AgreedAction, Function, Session

if TYPE_CHECKING:
    from carejournal.services.journal import Journal
    from carejournal.services.preparation import Preparing


def load_supervision() -> dict[str, Any]:
    """The sample sessions and preparation, kept as data."""
    with resource_path("demo_supervision.toml").open("rb") as handle:
        return tomllib.load(handle)


def held_session(item: dict[str, Any], today: dt.date, supervisor: str) -> Session:
    """A session held days_ago before today, with the actions agreed in it."""
    held = today - dt.timedelta(days=int(item["days_ago"]))
    actions = tuple(AgreedAction(
        a["text"], a.get("owner", ""), held + dt.timedelta(days=int(a["due_days"])),
        ActionStatus(a.get("status", ActionStatus.OPEN.value)),
        function=Function(a["function"]) if a.get("function") else None)
        for a in item.get("actions", ()))
    return Session(held, supervisor, item.get("notes", ""), actions)


def add_supervision(journal: Journal, today: dt.date, stories: Mapping[str, int],
                    register: Register = Register.NMC) -> int:
    """Add the sessions held and the next one, and prepare for it; return the next
    session's id. stories maps the sample's story keys to their entries' ids."""
    data = load_supervision()
    supervisor = str(data.get("supervisor", {}).get(register.value, ""))
    for item in data.get("session", ()):
        journal.supervision.add(held_session(item, today, supervisor))
    upcoming = journal.supervision.add(
        Session(today + dt.timedelta(days=int(data.get("next_in_days", 2))), supervisor))
    prep = journal.supervision.preparation(upcoming, today)
    prepare(journal.preparing, prep, data.get("preparation", {}), stories)
    journal.supervision.save(prep)
    return upcoming


def prepare(steps: Preparing, prep: Preparation, data: dict[str, Any],
            stories: Mapping[str, int]) -> None:
    """Fill the preparation: the agenda with each item's function, the situation through
    Kolb's four stages, and how the worker is."""
    for item in data.get("agenda", ()):
        if "story" in item:
            steps.set_discuss(prep, stories[item["story"]], True)
        else:
            steps.bring_question(prep, item["text"], AgendaKind(item["kind"]))
        steps.tag(prep, len(prep.agenda) - 1, Function(item["function"]))
    situation = data.get("situation")
    if situation:
        steps.bring_situation(prep, stories[situation["story"]])
        for stage in Stage:
            if situation.get(stage.value):
                steps.write_stage(prep, stage, situation[stage.value])
    how = data.get("how_i_am")
    if how:
        steps.how_i_am(prep, how["text"], bool(how.get("include", False)))
