"""The structured parts of the sample entries, and the sample stories that need ids.

demo.py yields the bulk of the sample for a fast load; this module turns the texts of
resources/demo.toml into decisions, sections, action items and little things, and adds,
once, what needs ids or services: goals with their attempts, mirror notes linked to the
interactions they mirror, the worker's own little thing and their usual shifts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from carejournal.core.domain import ActDone, ActionItem, Decision, EntryDraft, EntryKind, Feeling
from carejournal.core.goals import FallibilityAnswer, GoalStatus, Outcome
from carejournal.core.kinds import Part, Prompts, spec_of
from carejournal.core.shifts import parse_shift
from carejournal.core.templates import FREE_MODEL, template_for

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

Table = dict[str, Any]
DONE_AFTER_DAYS = 4  # sample action items reviewed longer ago than this have been done
FALLIBILITY_KEYS = ("area", "treated", "expectations")
GOAL_TAGS = ("sample", "goals")


def fill(text: str, person: str) -> str:
    """A sample text with {person} replaced by a name."""
    return text.replace("{person}", person)


def mentions_person(template: Table) -> bool:
    """True if any text of a template (title, body, details) names {person}."""
    return "{person}" in repr(template)


def shift_name(hour: int) -> str:
    """The usual shift a visit at this hour falls in."""
    return "early" if hour < 14 else "late"


def details(kind: EntryKind, template: Table, person: str, day: dt.date, today: dt.date,
            acts: Mapping[str, int]) -> dict[str, Any]:
    """The structured fields of a draft, from a template whose random choices are made."""
    spec = spec_of(kind)
    fields: dict[str, Any] = {}
    if spec.has(Part.STRENGTHS):
        fields["strengths"] = fill(template.get("strengths", ""), person)
    if spec.has(Part.DECISIONS):
        fields["decisions"] = decisions(template, person)
    if spec.one_act:
        fields["acts"] = acts_done([template["act"]] if "act" in template else [], acts)
    elif spec.has(Part.ACTS):
        fields["acts"] = acts_done(template.get("acts", ()), acts)
    if spec.prompts is Prompts.MODEL:
        fields["model"] = template.get("model", FREE_MODEL)
        fields["actions"] = actions(template, person, day, today)
    if spec.has(Part.SECTIONS):
        fields["sections"] = sections(kind, template, person)
    return fields


def acts_done(keys: Iterable[str], acts: Mapping[str, int]) -> tuple[ActDone, ...]:
    """Little things by key, for those the mapping knows."""
    return tuple(ActDone(acts[key]) for key in keys if key in acts)


def decisions(template: Table, person: str) -> tuple[Decision, ...]:
    """A template's decisions, each on its rung of the ladder."""
    return tuple(Decision(fill(d["text"], person), d["rung"], d.get("choices"))
                 for d in template.get("decisions", ()))


def sections(kind: EntryKind, template: Table, person: str) -> tuple[tuple[str, str], ...]:
    """A template's sections, in the order of its model (or of the fallibility prompts)."""
    if spec_of(kind).prompts is Prompts.FALLIBILITY:
        given = {key: template[key] for key in FALLIBILITY_KEYS if key in template}
    else:
        given = template.get("sections", {})
    model = template_for(kind.value, template.get("model", ""))
    if model is None:
        return ()
    return tuple((s.key, fill(given[s.key], person)) for s in model.sections
                 if s.key in given)


def actions(template: Table, person: str, day: dt.date, today: dt.date
            ) -> tuple[ActionItem, ...]:
    """Action items reviewed some days after the entry; those long past are done."""
    items = []
    for item in template.get("actions", ()):
        review = day + dt.timedelta(days=item["review_days"])
        done = review if review < today - dt.timedelta(days=DONE_AFTER_DAYS) else None
        items.append(ActionItem(fill(item["text"], person), review, done))
    return tuple(items)


# -- what needs the journal ----------------------------------------------------------------
def act_ids(journal: Journal, data: Table) -> dict[str, int]:
    """Act keys to ids, adding the sample's own little things to the catalogue if needed."""
    catalogue = journal.kindness.acts(include_retired=True)
    ids = {act.key: act.id for act in catalogue if act.key}
    labels = {act.label.casefold(): act.id for act in catalogue}
    for own in data.get("own_act", ()):
        known = labels.get(own["label"].casefold())
        ids[own["key"]] = known if known is not None else \
            journal.kindness.add_act(own["label"]).id
    return ids


def set_shifts(journal: Journal, data: Table) -> None:
    """The worker's usual shifts, with the after-shift reminders on."""
    journal.settings.set_shifts([parse_shift(s["name"], s["hours"], s.get("days", ""))
                                 for s in data.get("shift", ())])
    journal.settings.set_reminders_on(True)


def story_size(data: Table) -> int:
    """How many entries add_stories adds: stories, mirrors and goal reflections."""
    reflections = sum(1 for g in data.get("goal", ()) if g.get("reflection", "").strip())
    return len(data.get("story", ())) + len(data.get("mirror", ())) + reflections


def add_stories(journal: Journal, data: Table, today: dt.date, acts: Mapping[str, int]
                ) -> tuple[int, dict[str, int]]:
    """Add the stories, their mirror notes and the goals; return how many entries, and the
    stories' keys with their entries' ids (the supervision brings some of them)."""
    stories = {story["key"]: story for story in data.get("story", ())}
    ids = {key: journal.add(story_draft(story, today, acts)) for key, story in stories.items()}
    for mirror in data.get("mirror", ()):
        journal.add(mirror_draft(mirror, stories[mirror["of"]], today),
                    mirror_of=ids[mirror["of"]])
    added = len(ids) + len(data.get("mirror", ()))
    for goal in data.get("goal", ()):
        added += add_goal(journal, goal, today, ids)
    return added, ids


def story_draft(story: Table, today: dt.date, acts: Mapping[str, int]) -> EntryDraft:
    """One story entry, dated days_ago before today."""
    kind = EntryKind(story.get("kind", EntryKind.INTERACTION.value))
    person = story["person"]
    day = today - dt.timedelta(days=story["days_ago"])
    when = dt.time.fromisoformat(story["time"])
    score, word = story.get("feeling", (0, ""))
    return EntryDraft(
        kind=kind, occurred_on=day, occurred_time=when,
        shift=shift_name(when.hour) if kind is EntryKind.INTERACTION else "",
        title=story["title"], body=story.get("body", ""), people=(person,),
        tags=("sample", *story.get("tags", ())), feeling=Feeling(score, word) if score else None,
        **details(kind, story, person, day, today, acts))


def mirror_draft(mirror: Table, story: Table, today: dt.date) -> EntryDraft:
    """An own-fallibility note written the same day as the story it mirrors."""
    person = story["person"]
    return EntryDraft(
        kind=EntryKind.FALLIBILITY, occurred_on=today - dt.timedelta(days=story["days_ago"]),
        occurred_time=dt.time.fromisoformat(mirror["time"]), title=mirror["title"],
        body=mirror["body"], people=(person,) if person in mirror["body"] else (),
        tags=("sample",), sections=sections(EntryKind.FALLIBILITY, mirror, person))


def add_goal(journal: Journal, goal: Table, today: dt.date, ids: Mapping[str, int]) -> int:
    """A goal with its attempts, moved to its status; return entries added (a reflection)."""
    goals = journal.goals
    added = goals.add(goal["person"], goal["text"])
    for attempt in goal.get("attempts", ()):
        goals.attempt(added.id, Outcome(attempt["outcome"]),
                      today - dt.timedelta(days=attempt["days_ago"]), attempt.get("note", ""),
                      ids[attempt["entry"]] if "entry" in attempt else None)
    status = GoalStatus(goal.get("status", GoalStatus.ACTIVE.value))
    if status is GoalStatus.ACTIVE:
        return 0
    answer = None
    if "own_attempts" in goal or "reflection" in goal:
        answer = FallibilityAnswer(goal.get("own_attempts"), goal.get("reflection", ""))
    ended = goals.set_status(added.id, status, answer)
    if ended.reflection_id is None:
        return 0
    entry = journal.get(ended.reflection_id)  # dated and tagged like the rest of the sample
    journal.update(entry.id, replace(
        entry.draft(), occurred_on=today, tags=GOAL_TAGS,
        sections=sections(EntryKind.FALLIBILITY, goal, goal["person"])))
    return 1
