"""Read a CareJournal JSON file into an import plan, checking every record."""

from __future__ import annotations

import base64
import binascii
from dataclasses import replace
from pathlib import Path
from typing import Any

from carejournal.core.cpd import (
    Evidence,
    FeedbackDraft,
    LearningDraft,
    checked_feedback,
    checked_learning,
    parse_themes,
)
from carejournal.core.domain import (
    ActDone,
    ActionItem,
    Decision,
    EntryDraft,
    EntryKind,
    Feeling,
    InvalidInput,
    LinkKind,
    clean_name,
)
from carejournal.core.import_plan import (
    ImportPlan,
    PlannedAccount,
    PlannedAct,
    PlannedAgreed,
    PlannedAttempt,
    PlannedEntry,
    PlannedFeedback,
    PlannedGoal,
    PlannedLearning,
    PlannedPerson,
    PlannedPreparation,
    PlannedSession,
    Revision,
)
from carejournal.core.kinds import kind_list
from carejournal.core.supervision import Function
from carejournal.exchange.errors import ImportProblem
from carejournal.exchange.fields import Record
from carejournal.exchange.json_format import FORMAT_NAME, FORMAT_VERSION, loads
from carejournal.exchange.reading import read_text, strip_nuls

GOAL_STATUSES = ("active", "paused", "achieved", "discontinued", "unattainable")
OUTCOMES = ("managed", "partly", "not-this-time")
AGREED_STATUSES = ("open", "in-progress", "done", "dropped")
FUNCTIONS = tuple(f.value for f in Function)


def read_json(path: Path) -> ImportPlan:
    """The plan of a CareJournal JSON file, or ImportProblem naming what is wrong."""
    return parse_json(read_text(path), path.name)


def parse_json(text: str, where: str) -> ImportPlan:
    """The plan of CareJournal JSON text (NULs removed from its texts and counted)."""
    try:
        parsed, nuls = strip_nuls(loads(text, where))
    except RecursionError:
        raise ImportProblem(where, "the data is nested too deeply to be a journal") from None
    top = Record(parsed, where)
    if top.raw("format", None) != FORMAT_NAME:
        raise ImportProblem(where, f"this is not a CareJournal export (no \"format\": "
                                   f"\"{FORMAT_NAME}\"); for jrnl use --format jrnl")
    version = top.integer("version")
    if version != FORMAT_VERSION:
        raise ImportProblem(where, f"format version {version} is not one this CareJournal "
                                   f"reads (it reads version {FORMAT_VERSION})")
    try:
        return replace(_plan(top), nuls_removed=nuls)
    except InvalidInput as exc:
        if isinstance(exc, ImportProblem):
            raise
        raise ImportProblem(where, str(exc).rstrip(".")) from None


def _plan(top: Record) -> ImportPlan:
    settings = top.raw("settings", {})
    settings_record = Record(settings, f"{top.where}, settings")
    return ImportPlan(
        people=tuple(_person(r) for r in top.records("people")),
        tags=tuple(_tag(t, top) for t in top.texts("tags")),
        acts=tuple(_act(r) for r in top.records("kindness_acts")),
        entries=tuple(_entry(r) for r in top.records("entries")),
        links=tuple(_link(r) for r in top.records("links")),
        goals=tuple(_goal(r) for r in top.records("goals")),
        settings={key: settings_record.text(key, limit=1_000_000) for key in settings},
        sessions=tuple(_session(r) for r in top.records("supervision_sessions")),
        learning=tuple(_learning(r) for r in top.records("learning")),
        feedback=tuple(_feedback(r) for r in top.records("feedback")),
        accounts=tuple(PlannedAccount(r.optional_int("entry"), r.date("written_on"),
                                      _themes(r)) for r in top.records("reflective_accounts")),
    )


def _name(record: Record, field: str) -> str:
    try:
        name = clean_name(record.text(field, limit=1_000))
    except InvalidInput as exc:
        raise record.problem(field, str(exc)) from None
    if not name:
        raise record.problem(field, "is empty")
    return name


def _tag(value: str, top: Record) -> str:
    return _name(Record({"tag": value}, f"{top.where}, tags"), "tag")


def _person(r: Record) -> PlannedPerson:
    return PlannedPerson(_name(r, "name"), r.text("nicknames", ""), r.text("alias", ""))


def _act(r: Record) -> PlannedAct:
    return PlannedAct(r.integer("id"), r.optional_text("key") or None, r.text("label"),
                      r.integer("position", 0), r.optional_moment("retired_at"))


def _entry(r: Record) -> PlannedEntry:
    try:
        kind = EntryKind(r.text("kind", limit=40))
    except ValueError:
        raise r.problem("kind", f"is not {kind_list()}") from None
    draft = EntryDraft(
        kind=kind, occurred_on=r.date("occurred_on"), body=r.text("body", ""),
        title=r.text("title", ""), occurred_time=r.time("occurred_time"),
        shift=r.text("shift", ""), people=tuple(r.texts("people")),
        tags=tuple(r.texts("tags")), feeling=_feeling(r), acts=_acts(r),
        strengths=r.text("strengths", ""), model=r.text("model", ""),
        sections=tuple((s.text("key", limit=40), s.text("text", ""))
                       for s in r.records("sections")),
        decisions=tuple(Decision(d.text("text"), d.text("rung", limit=40),
                                 d.optional_bool("choices_offered"))
                        for d in r.records("decisions")),
        actions=tuple(ActionItem(a.text("text"), a.optional_date("review_on"),
                                 a.optional_date("done_on")) for a in r.records("actions")),
        dismissed=tuple(r.texts("dismissed")),
    )
    revisions = tuple(Revision(v.moment("saved_at"), v.text("reason", ""), v.text("texts"))
                      for v in r.records("revisions"))
    return PlannedEntry(r.integer("id"), draft, r.moment("created_at"), r.moment("updated_at"),
                        r.optional_moment("deleted_at"), revisions)


def _feeling(r: Record) -> Feeling | None:
    value: Any = r.raw("feeling", None)
    if value is None:
        return None
    f = Record(value, f"{r.where}, feeling")
    try:
        return Feeling(f.integer("score"), f.text("word", "", limit=40))
    except InvalidInput as exc:
        raise f.problem("score", str(exc)) from None


def _acts(r: Record) -> tuple[ActDone, ...]:
    return tuple(ActDone(a.integer("act"), a.text("note", ""), a.text("label", ""))
                 for a in r.records("acts"))


def _link(r: Record) -> tuple[int, int, str]:
    kind = r.text("kind", limit=40)
    if kind not in {k.value for k in LinkKind}:
        raise r.problem("kind", f"'{kind}' is not a kind of link")
    return r.integer("source"), r.integer("target"), kind


def _function(r: Record) -> str | None:
    """An agreed action's function of supervision (absent in files before it: none)."""
    if r.raw("function", None) is None:
        return None
    return _choice(r, "function", FUNCTIONS)


def _choice(r: Record, name: str, choices: tuple[str, ...]) -> str:
    value = r.text(name, limit=40)
    if value not in choices:
        raise r.problem(name, f"'{value}' is not one of {', '.join(choices)}")
    return value


def _goal(r: Record) -> PlannedGoal:
    attempts = tuple(PlannedAttempt(a.date("occurred_on"), _choice(a, "outcome", OUTCOMES),
                                    a.text("note", ""), a.optional_int("entry"))
                     for a in r.records("attempts"))
    return PlannedGoal(_name(r, "person"), r.text("text"), _choice(r, "status", GOAL_STATUSES),
                       r.moment("created_at"), r.moment("status_changed_at"),
                       r.optional_moment("asked_at"), r.optional_int("own_attempts"),
                       r.optional_int("reflection"), attempts)


def _session(r: Record) -> PlannedSession:
    actions = tuple(PlannedAgreed(a.text("text"), a.text("owner", ""), a.optional_date("due_on"),
                                  _choice(a, "status", AGREED_STATUSES), _function(a))
                    for a in r.records("actions"))
    prep_value = r.raw("preparation", None)
    prep = None
    if prep_value is not None:
        p = Record(prep_value, f"{r.where}, preparation")
        prep = PlannedPreparation(p.text("state"), p.moment("created_at"),
                                  p.moment("updated_at"))
    return PlannedSession(r.date("held_on"), r.text("supervisor", ""), r.text("notes", ""),
                          r.moment("created_at"), actions, prep)


def _themes(r: Record) -> tuple[Any, ...]:
    try:
        return parse_themes(r.text("themes", "", limit=1_000))
    except InvalidInput as exc:
        raise r.problem("themes", str(exc)) from None


def _evidence(r: Record) -> Evidence:
    try:
        data = base64.b64decode(r.text("data"), validate=True)
    except (binascii.Error, ValueError):
        raise r.problem("data", "is not base64") from None
    return Evidence(r.text("name", limit=255), data)


def _learning(r: Record) -> PlannedLearning:
    draft = LearningDraft(
        r.text("method", limit=1_000), r.text("topic", limit=1_000), r.date("started_on"),
        r.date("ended_on"), r.integer("minutes"), r.integer("participatory_minutes", 0),
        _themes(r), r.text("changed", ""), bool(r.optional_bool("peer_reflection")),
        tuple(_evidence(e) for e in r.records("evidence")))
    try:
        checked = checked_learning(draft)
    except InvalidInput as exc:
        raise ImportProblem(r.where, str(exc)) from None
    return PlannedLearning(checked, r.moment("created_at"))


def _feedback(r: Record) -> PlannedFeedback:
    draft = FeedbackDraft(r.date("received_on"), r.text("from_role", limit=1_000),
                          r.text("said"), r.text("changed", ""))
    try:
        checked = checked_feedback(draft)
    except InvalidInput as exc:
        raise ImportProblem(r.where, str(exc)) from None
    return PlannedFeedback(checked, r.moment("created_at"))
