"""Supervision sessions, the actions agreed in them, and when to prompt for preparation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from carejournal.core.domain import InvalidInput
from carejournal.core.i18n import _

DEFAULT_PROMPT_DAYS = 3
MAX_PROMPT_DAYS = 28
MAX_SUPERVISOR_CHARS = 200
MAX_ACTION_CHARS = 2_000


class ActionStatus(StrEnum):
    """Where an agreed action stands."""

    OPEN = "open"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    DROPPED = "dropped"


class Function(StrEnum):
    """The four functions of supervision (Morrison's 4x4x4 model, Skills for Care's guide):
    what an agenda item or an agreed action serves."""

    SUPPORT = "support"
    DEVELOPMENT = "development"
    MANAGEMENT = "management"
    MEDIATION = "mediation"


FUNCTION_LABELS = {Function.SUPPORT: "Support", Function.DEVELOPMENT: "Development",
                   Function.MANAGEMENT: "Management", Function.MEDIATION: "Mediation"}


def parse_function(text: str) -> Function | None:
    """A function from what a person typed; "", "none" or "untagged" is no function."""
    wanted = text.strip().casefold()
    if wanted in ("", "none", "untagged", "-"):
        return None
    for function in Function:
        if wanted == function.value:
            return function
    raise InvalidInput(_("'{text}' is not a function of supervision; use support, "
                         "development, management, mediation or none").format(text=text))


STATUS_LABELS = {ActionStatus.OPEN: "not started", ActionStatus.IN_PROGRESS: "in progress",
                 ActionStatus.DONE: "done", ActionStatus.DROPPED: "dropped"}


@dataclass(frozen=True, slots=True)
class AgreedAction:
    """An action agreed in supervision: what, who, by when, and how it stands."""

    text: str
    owner: str = ""
    due_on: dt.date | None = None
    status: ActionStatus = ActionStatus.OPEN
    id: int | None = None
    function: Function | None = None  # the function of supervision it serves, if chosen

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "owner": self.owner,
                "due_on": self.due_on.isoformat() if self.due_on else None,
                "status": self.status.value,
                "function": self.function.value if self.function else None}


@dataclass(frozen=True, slots=True)
class Session:
    """A supervision session; one dated after today is planned, not yet held."""

    held_on: dt.date
    supervisor: str = ""
    notes: str = ""
    actions: tuple[AgreedAction, ...] = field(default=())
    id: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "held_on": self.held_on.isoformat(),
                "supervisor": self.supervisor, "notes": self.notes,
                "actions": [a.as_json() for a in self.actions]}


def parse_status(text: str) -> ActionStatus:
    """An action status from what a person typed ("done", "in progress", "dropped"...)."""
    wanted = text.strip().casefold().replace(" ", "-").replace("_", "-")
    aliases = {"not-started": ActionStatus.OPEN, "started": ActionStatus.IN_PROGRESS,
               "progress": ActionStatus.IN_PROGRESS}
    for status in ActionStatus:
        if wanted == status.value:
            return status
    if wanted in aliases:
        return aliases[wanted]
    raise InvalidInput(_("'{text}' is not a status; use open, in-progress, done or dropped")
                           .format(text=text))


def clean_session(session: Session) -> Session:
    """Check and tidy a session, or raise InvalidInput with a message for the worker."""
    supervisor = " ".join(session.supervisor.split())
    if len(supervisor) > MAX_SUPERVISOR_CHARS:
        raise InvalidInput(_("the supervisor's name or role is too long ({MAX_SUPERVISOR_CHARS} "
                             "characters at most)")
                               .format(MAX_SUPERVISOR_CHARS=MAX_SUPERVISOR_CHARS))
    if session.held_on.year < 1900 or session.held_on.year > 2999:
        raise InvalidInput(_("{date} is not a plausible date")
                               .format(date=session.held_on.isoformat()))
    actions = tuple(clean_action(a) for a in session.actions if a.text.strip())
    return Session(session.held_on, supervisor, session.notes.strip(), actions, session.id)


def clean_action(action: AgreedAction) -> AgreedAction:
    """An agreed action with its text and owner tidied; too long raises InvalidInput."""
    text = action.text.strip()
    if not text:
        raise InvalidInput(_("an agreed action needs some words"))
    if len(text) > MAX_ACTION_CHARS:
        raise InvalidInput(_("an agreed action is {MAX_ACTION_CHARS:,} characters at most")
                               .format(MAX_ACTION_CHARS=MAX_ACTION_CHARS))
    owner = " ".join(action.owner.split())[:MAX_SUPERVISOR_CHARS]
    return AgreedAction(text, owner, action.due_on, action.status, action.id, action.function)


def last_before(sessions: Sequence[Session], day: dt.date) -> Session | None:
    """The latest session held before day (sessions sorted by date)."""
    held = [s for s in sessions if s.held_on < day]
    return held[-1] if held else None


def next_from(sessions: Sequence[Session], today: dt.date) -> Session | None:
    """The first session on or after today (today's counts as next until tomorrow)."""
    return next((s for s in sessions if s.held_on >= today), None)


def days_until(session: Session, today: dt.date) -> int:
    """Whole days from today to the session (0 on the day)."""
    return (session.held_on - today).days


def prompt_due(session: Session | None, today: dt.date, within_days: int) -> bool:
    """Whether to suggest preparing: the next session is within the given days."""
    return session is not None and 0 <= days_until(session, today) <= within_days


def when_text(held_on: dt.date, today: dt.date) -> str:
    """"today", "tomorrow", "on Thursday" (within a week) or "on 3 December"."""
    days = (held_on - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if 1 < days < 7:
        return f"on {held_on:%A}"
    return f"on {held_on.day} {held_on:%B}"


def prompt_line(session: Session, today: dt.date) -> str:
    """The one line the window, the timeline and `carejournal status` show."""
    days = days_until(session, today)
    if days == 0:
        return "Supervision today: time for your no us and them check?"
    if days == 1:
        return "Supervision tomorrow: time for your no us and them check?"
    if days < 7:
        return f"Supervision on {session.held_on:%A}: time for your no us and them check?"
    return (f"Supervision on {session.held_on.day} {session.held_on:%B}: "
            "time for your no us and them check?")
