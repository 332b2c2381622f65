"""Supervision as the window and the command line use it: sessions and agreed actions, the
"since the last supervision" period, the prompt, preparations, and people's aliases."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from carejournal.core.domain import InvalidInput, clean_name
from carejournal.core.patterns import Period
from carejournal.core.preparation import Preparation
from carejournal.core.supervision import (
    ActionStatus,
    AgreedAction,
    Function,
    Session,
    clean_action,
    clean_session,
    last_before,
    next_from,
    prompt_due,
    prompt_line,
)
from carejournal.privacy.pseudonym import PersonNames

if TYPE_CHECKING:
    from carejournal.services.settings import SettingsService

MAX_ALIAS_CHARS = 80


class NoSession(InvalidInput):
    """There is no such session, or none planned to prepare for."""


@dataclass(frozen=True, slots=True)
class Revision:
    """An entry's earlier texts, kept when it was reworded."""

    saved_at: dt.datetime
    reason: str
    texts: dict[str, str]


class _Store(Protocol):
    def sessions(self) -> list[Session]: ...
    def session(self, session_id: int) -> Session | None: ...
    def add_session(self, session: Session, now: dt.datetime) -> int: ...
    def update_session(self, session: Session) -> bool: ...
    def delete_session(self, session_id: int) -> bool: ...
    def set_action_status(self, action_id: int, status: ActionStatus) -> bool: ...
    def preparation(self, session_id: int) -> str | None: ...
    def save_preparation(self, session_id: int, state: str, now: dt.datetime) -> None: ...
    def add_revision(self, entry_id: int, texts: str, reason: str, now: dt.datetime
                     ) -> None: ...
    def revisions(self, entry_id: int) -> list[tuple[dt.datetime, str, str]]: ...
    def people(self) -> list[tuple[str, str, str]]: ...
    def person_balance(self, since: dt.date, until: dt.date,
                       entry_ids: Sequence[int] | None) -> list[tuple[str, int, int, int]]: ...
    def set_person_names(self, name: str, nicknames: str, alias: str) -> bool: ...


class SupervisionService:
    """Supervision records of one journal."""

    def __init__(self, store: _Store, settings: SettingsService,
                 clock: Callable[[], dt.datetime]) -> None:
        self._store = store
        self._settings = settings
        self._clock = clock

    # -- sessions -------------------------------------------------------------
    def sessions(self) -> list[Session]:
        """Every session, oldest first."""
        return self._store.sessions()

    def session(self, session_id: int) -> Session:
        found = self._store.session(session_id)
        if found is None:
            raise NoSession(f"there is no supervision session {session_id}")
        return found

    def add(self, session: Session) -> int:
        """Record a session (held or planned) with any actions agreed in it."""
        return self._store.add_session(clean_session(session), self._clock())

    def update(self, session: Session) -> None:
        if session.id is None or not self._store.update_session(clean_session(session)):
            raise NoSession(f"there is no supervision session {session.id}")

    def delete(self, session_id: int) -> None:
        if not self._store.delete_session(session_id):
            raise NoSession(f"there is no supervision session {session_id}")

    def add_action(self, session_id: int, text: str, owner: str = "",
                   due_on: dt.date | None = None, function: Function | None = None) -> None:
        """Add one agreed action to a session (with the function it serves, if chosen)."""
        session = self.session(session_id)
        action = clean_action(AgreedAction(text, owner, due_on, function=function))
        self.update(replace(session, actions=(*session.actions, action)))

    def set_action_function(self, action_id: int, function: Function | None) -> None:
        """Link an agreed action to the function of supervision it serves (None: none)."""
        for session in self.sessions():
            if any(a.id == action_id for a in session.actions):
                self.update(replace(session, actions=tuple(
                    replace(a, function=function) if a.id == action_id else a
                    for a in session.actions)))
                return
        raise InvalidInput(f"there is no agreed action {action_id}")

    def set_action_status(self, action_id: int, status: ActionStatus) -> None:
        if not self._store.set_action_status(action_id, status):
            raise InvalidInput(f"there is no agreed action {action_id}")

    def next_session(self, today: dt.date) -> Session | None:
        """The first session today or later."""
        return next_from(self.sessions(), today)

    def last_session(self, today: dt.date) -> Session | None:
        """The latest session held before today, or today."""
        return last_before(self.sessions(), today + dt.timedelta(days=1))

    def previous_to(self, session: Session) -> Session | None:
        """The session before this one."""
        earlier = [s for s in self.sessions() if (s.held_on, s.id or 0) <
                   (session.held_on, session.id or 0)]
        return earlier[-1] if earlier else None

    # -- the period and the prompt -----------------------------------------------
    def since_last(self, today: dt.date, person: str = "") -> Period:
        """From the day of the last supervision up to today; InvalidInput if there is none."""
        last = self.last_session(today)
        if last is None:
            raise InvalidInput("there is no supervision session recorded up to today; "
                               "record one first (carejournal supervision add --date ...)")
        return Period(last.held_on, today, person)

    def prompt(self, today: dt.date) -> tuple[Session, str] | None:
        """The next session and the line to show, when it is near enough to prepare."""
        upcoming = self.next_session(today)
        if upcoming is None or not prompt_due(upcoming, today, self._settings.prompt_days()):
            return None
        return upcoming, prompt_line(upcoming, today)

    # -- preparations ---------------------------------------------------------------
    def preparation(self, session_id: int, today: dt.date) -> Preparation:
        """The saved preparation for a session, or a new one covering the time since the
        session before it (or the last four weeks when there is none)."""
        session = self.session(session_id)
        stored = self._store.preparation(session_id)
        if stored is not None:
            try:
                return Preparation.from_json(stored)
            except (ValueError, KeyError, TypeError):
                pass  # a damaged record starts again rather than blocking the worker
        before = self.previous_to(session)
        until = min(today, session.held_on)
        since = before.held_on if before is not None else until - dt.timedelta(days=27)
        prep = Preparation(session_id, min(since, until), until)
        prep.worker_name = self._settings.worker_name()
        return prep

    def prepare_next(self, today: dt.date) -> Preparation:
        """The preparation for the next session; NoSession when none is planned."""
        upcoming = self.next_session(today)
        if upcoming is None or upcoming.id is None:
            raise NoSession("no supervision session is planned; add the next one first "
                            "(carejournal supervision add --date YYYY-MM-DD)")
        return self.preparation(upcoming.id, today)

    def save(self, prep: Preparation) -> None:
        """Keep the preparation so it can be reopened."""
        self.session(prep.session_id)
        if prep.until < prep.since:
            raise InvalidInput(f"the period ends ({prep.until}) before it starts ({prep.since})")
        self._store.save_preparation(prep.session_id, prep.to_json(), self._clock())

    def person_renamed(self, old: str, new: str) -> None:
        """Someone was renamed or merged into another: a strength noted for them while
        preparing follows (one already noted for `new` is kept)."""
        for session in self._store.sessions():
            stored = None if session.id is None else self._store.preparation(session.id)
            if stored is None:
                continue
            try:
                prep = Preparation.from_json(stored)
            except (ValueError, KeyError, TypeError):
                continue  # a damaged record starts again when opened (preparation())
            if old in prep.strengths:
                note = prep.strengths.pop(old)
                prep.strengths[new] = prep.strengths.get(new) or note
                self._store.save_preparation(prep.session_id, prep.to_json(), self._clock())

    # -- entry history ------------------------------------------------------------
    def keep_revision(self, entry_id: int, texts: dict[str, str], reason: str) -> None:
        """Keep an entry's texts as they were before a change."""
        self._store.add_revision(entry_id, json.dumps(texts, ensure_ascii=False), reason,
                                 self._clock())

    def revisions(self, entry_id: int) -> list[Revision]:
        """An entry's earlier wordings, oldest first."""
        return [Revision(at, reason, json.loads(texts))
                for at, reason, texts in self._store.revisions(entry_id)]

    def person_balance(self, since: dt.date, until: dt.date, entry_ids: Sequence[int] | None
                       ) -> list[tuple[str, int, int, int]]:
        """Per person: (name, entries, strength words, problem words) in the period."""
        return self._store.person_balance(since, until, entry_ids)

    # -- people's names in exports ---------------------------------------------------
    def people(self) -> list[PersonNames]:
        """Everyone in the journal with their nicknames and chosen alias."""
        return [PersonNames(name, tuple(n for n in nick.splitlines() if n), alias)
                for name, nick, alias in self._store.people()]

    def set_names(self, name: str, nicknames: Sequence[str], alias: str) -> None:
        """Set the other names someone goes by, and the alias packs use for them."""
        unique: dict[str, str] = {}
        for nickname in nicknames:
            if (c := clean_name(nickname)) and c.casefold() not in unique:
                unique[c.casefold()] = c
        clean = tuple(unique.values())
        alias = " ".join(alias.split())
        if len(alias) > MAX_ALIAS_CHARS:
            raise InvalidInput(f"an alias is {MAX_ALIAS_CHARS} characters at most")
        if not self._store.set_person_names(clean_name(name), "\n".join(clean), alias):
            raise InvalidInput(f"there is nobody called '{name}' in the journal")
