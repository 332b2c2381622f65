"""A heavy user's journal, made up and deterministic: ten years, 20,000 entries.

The same entries go into a CareJournal journal (write_carejournal), jrnl's own text format
(write_jrnl) and the shape of `jrnl --export json` (jrnl_export), so both tools hold the
same data. Everything comes from random.Random(seed): the same seed gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carejournal.core.domain import ActionItem, Decision, EntryDraft, EntryKind, Feeling
from carejournal.core.goals import FallibilityAnswer, GoalStatus, Outcome
from carejournal.core.supervision import ActionStatus, AgreedAction, Session
from carejournal.services import demo_extras
from carejournal.services.demo import KIND_WEIGHTS, load_templates

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

SEED = 20_261_101
END = dt.date(2026, 11, 1)
ENTRIES = 20_000
YEARS = 10
MIN_WORDS, MAX_WORDS = 150, 400
SEARCH_WORD = "allotment"  # in about one entry in eight
WORDS = (SEARCH_WORD, "tea", "garden", "listened", "pharmacist", "biscuits")  # common words
TAG = "family"  # on about one entry in twelve
STARRED = 0.03
TAGS = ("visit", "phone", "home", "team", "meds", "outing", "family", "paperwork", "garden",
        "kitchen", "night", "weekend", "review", "hospital", "transport", "money", "music",
        "food", "learning", "rota", "handover", "wellbeing", "community", "sleep", "choices")
PEOPLE = ("Aderyn", "Balthus", "Corisande", "Dafydd", "Eluned", "Fenwick", "Ginevra", "Hollis",
          "Idony", "Jethro", "Kerensa", "Lemuel", "Morwenna", "Nyle", "Ottilie", "Percival",
          "Quenby", "Rhiannon", "Sabine", "Tamsin", "Ulric", "Verity", "Wendell", "Xanthe",
          "Yestin", "Zillah", "Ambrose", "Blodwen", "Caspian", "Delphine", "Emrys", "Fidelma",
          "Gethin", "Honora", "Ivo", "Jessamy", "Kit", "Lowenna", "Marek", "Nesta", "Orrin",
          "Perpetua", "Quill", "Rosalind", "Seren", "Tobiah", "Una", "Valentin", "Winifred",
          "Yolanda", "Zebedee", "Anwen", "Bartholomew", "Cerys", "Dorian", "Elowen",
          "Florian", "Gwenllian", "Hamish", "Isolde")
SUPERVISOR = "Marged Pryce (team leader)"
SUPERVISION_ACTIONS = (
    "Bring two entries about choices offered to next supervision",
    "Read the team's guidance on positive risk-taking",
    "Ask for a shadow shift with the night team",
    "Look again at how I write about people's strengths in the notes",
    "Book the refresher on the Mental Capacity Act",
    "Talk to the rota coordinator about travel time between visits",
    "Write one reflection using Gibbs before the next session",
    "Ask the people I support what a good visit looks like to them",
)
SUPERVISION_NOTES = (
    "Talked through the month: what went well, what was hard, and where people had a say.",
    "Looked at the balance of my entries; more 'for' than 'with' this month, and why.",
    "Went over a hard visit and what I might try next time. Felt heard, not judged.",
)
GOAL_TEXTS = (
    "Cook Sunday dinner for my grandchildren", "Walk to the end of the road and back",
    "Go to the swimming group on Tuesdays", "Sing with the community choir",
    "Look after my own tablets with the dosette box", "Take the bus to the market alone",
    "Grow tomatoes on the back step", "Ring my sister every Sunday",
    "Do my own shopping list and budget", "Get back to the allotment in spring",
)
ATTEMPT_NOTES = ("Managed it with a bit of help.", "Not today: too tired after a bad night.",
                 "Half way, then home for a cup of tea.", "All on their own, and proud of it.",
                 "Rain stopped play; we will try again next week.", "Better than last time.")
OUTCOMES = (("managed", 5), ("partly", 3), ("not-this-time", 2))
MAX_GOALS = 40
GOAL_ENDS = ("active", "active", "active", "achieved", "paused", "discontinued")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class BenchEntry:
    """One made-up entry: what both tools store, plus CareJournal's structured parts."""

    when: dt.datetime
    kind: EntryKind
    title: str
    body: str
    tags: tuple[str, ...]
    people: tuple[str, ...]
    starred: bool
    shift: str = ""
    feeling: tuple[int, str] | None = None
    strengths: str = ""
    model: str = ""
    sections: tuple[tuple[str, str], ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    acts: tuple[str, ...] = ()  # keys of little things (kindness_acts.toml or own_act)

    def extras(self) -> list[str]:
        """The texts CareJournal keeps beside the body (strengths, sections), in order."""
        return [t for t in (self.strengths, *(text for _, text in self.sections)) if t]


def start_of(end: dt.date) -> dt.date:
    """The first day of the ten years ending on end."""
    return end.replace(year=end.year - YEARS) + dt.timedelta(days=1)


def generate(entries: int = ENTRIES, seed: int = SEED, end: dt.date = END) -> list[BenchEntry]:
    """The journal's entries, oldest first; the same arguments give the same list."""
    rng = random.Random(seed)
    data = load_templates()
    pool = sentence_pool(data)
    kinds = list(KIND_WEIGHTS)
    weights = list(KIND_WEIGHTS.values())
    decks = {kind: _deck(rng, data[kind.value]) for kind in kinds}
    first = start_of(end)
    days = (end - first).days + 1
    made = []
    for index in range(entries):
        day = first + dt.timedelta(days=(index * days) // max(entries, 1))
        kind = rng.choices(kinds, weights)[0]
        made.append(_entry(rng, pool, kind, next(decks[kind]), day, end))
    return sorted(made, key=lambda e: e.when)


def sentence_pool(data: dict[str, Any]) -> list[str]:
    """Every sentence of the sample templates, for padding bodies to a realistic length."""
    texts: list[str] = []
    for kind in KIND_WEIGHTS:
        for template in data[kind.value]:
            texts.append(template.get("body", ""))
            texts.extend(template.get("strengths", ()))
            texts.extend(template.get("sections", {}).values())
            texts.extend(template.get(key, "") for key in demo_extras.FALLIBILITY_KEYS)
    found = {s.strip() for t in texts for s in _SENTENCE.split(t)}
    return sorted(s for s in found if len(s.split()) >= 4 and not s.startswith(("[", "*", "@")))


def _deck(rng: random.Random, templates: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Templates dealt from a shuffled deck (weights as in carejournal.services.demo)."""
    rarest = min(t.get("weight", 1) for t in templates)
    cards = [t for t in templates for _ in range(round(t.get("weight", 1) / rarest))]
    while True:
        rng.shuffle(cards)
        yield from cards


def _entry(rng: random.Random, pool: list[str], kind: EntryKind, template: dict[str, Any],
           day: dt.date, end: dt.date) -> BenchEntry:
    person = rng.choice(PEOPLE)
    first, last = template.get("hours", [7, 21])
    hour = rng.randint(first, last)
    when = dt.datetime.combine(day, dt.time(hour, rng.randrange(60)))
    chosen = _choose(rng, template)
    detail = demo_extras.details(kind, chosen, person, day, end, {})
    acts = tuple(chosen.get("acts", ())) if kind is EntryKind.INTERACTION else \
        ((template["act"],) if "act" in template else ())
    return BenchEntry(
        when=when, kind=kind, title=demo_extras.fill(template["title"], person),
        body=_body(rng, pool, demo_extras.fill(template.get("body", ""), person), person),
        tags=tuple(sorted(rng.sample(TAGS, rng.randint(1, 3)))),
        people=(person,), starred=rng.random() < STARRED,
        shift=demo_extras.shift_name(hour) if kind is EntryKind.INTERACTION else "",
        feeling=(rng.randint(2, 5), rng.choice(("calm", "tired", "hopeful", "glad")))
        if rng.random() < 0.6 else None,
        strengths=detail.get("strengths", ""), model=detail.get("model", ""),
        sections=detail.get("sections", ()), decisions=detail.get("decisions", ()),
        actions=detail.get("actions", ()), acts=acts)


def _choose(rng: random.Random, template: dict[str, Any]) -> dict[str, Any]:
    """The template with one wording of its strengths and some of its little things."""
    if "strengths" not in template:
        return template
    offered = template.get("acts", [])
    picked = set(rng.sample(offered, rng.randint(1, len(offered)))) if offered else set()
    return template | {"strengths": rng.choice(template["strengths"]),
                       "acts": [key for key in offered if key in picked]}


def _body(rng: random.Random, pool: list[str], opening: str, person: str) -> str:
    """The template's body padded with sample sentences to 150-400 words, in paragraphs."""
    target = rng.randint(MIN_WORDS + 10, MAX_WORDS - 20)
    paragraphs = [line for line in opening.splitlines() if line.strip()]
    words = sum(len(p.split()) for p in paragraphs)
    current: list[str] = []
    while words < target:
        sentence = demo_extras.fill(rng.choice(pool), person)
        size = len(sentence.split())
        if words + size > MAX_WORDS:
            continue
        current.append(sentence)
        words += size
        if len(current) >= rng.randint(2, 5):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(paragraphs)


# -- CareJournal ---------------------------------------------------------------------------
def draft_of(entry: BenchEntry, act_ids: dict[str, int]) -> EntryDraft:
    """The entry as a CareJournal draft (a starred entry gets the tag 'starred', as on import)."""
    return EntryDraft(
        kind=entry.kind, occurred_on=entry.when.date(), occurred_time=entry.when.time(),
        shift=entry.shift, title=entry.title, body=entry.body, people=entry.people,
        tags=entry.tags + (("starred",) if entry.starred else ()),
        feeling=Feeling(*entry.feeling) if entry.feeling else None,
        acts=demo_extras.acts_done(entry.acts, act_ids), strengths=entry.strengths,
        model=entry.model, sections=entry.sections, decisions=entry.decisions,
        actions=entry.actions)


def write_carejournal(path: Path, entries: list[BenchEntry], seed: int = SEED) -> None:
    """A new journal at path with the entries (in bulk), goals with attempts and supervision."""
    from carejournal.services.journal import Journal

    journal = Journal.open(path, create=True)
    try:
        data = load_templates()
        acts = demo_extras.act_ids(journal, data)
        journal.add_many(draft_of(e, acts) for e in entries)
        demo_extras.set_shifts(journal, data)
        rng = random.Random(seed)
        end = entries[-1].when.date() if entries else END
        add_goals(journal, rng, start_of(end), end, goals_for(len(entries)))
        add_supervision(journal, rng, start_of(end), end)
    finally:
        journal.close()


def goals_for(entries: int) -> int:
    """How many goals a journal of this size has: one per 250 entries, 4 to 40."""
    return max(4, min(MAX_GOALS, entries // 250))


def add_goals(journal: Journal, rng: random.Random, first: dt.date, end: dt.date,
              goals: int = MAX_GOALS) -> None:
    """Goals for different people, each with a few attempts, some ended or paused."""
    span = (end - first).days
    outcomes = [Outcome(o) for o, _ in OUTCOMES]
    weights = [w for _, w in OUTCOMES]
    for index, person in enumerate(PEOPLE[:goals]):
        goal = journal.goals.add(person, GOAL_TEXTS[index % len(GOAL_TEXTS)])
        begin = first + dt.timedelta(days=rng.randrange(max(span - 60, 1)))
        days = sorted(rng.sample(range(max((end - begin).days, 14)), rng.randint(2, 12)))
        for offset in days:
            day = min(begin + dt.timedelta(days=offset), end)
            journal.goals.attempt(goal.id, rng.choices(outcomes, weights)[0], day,
                                  rng.choice(ATTEMPT_NOTES))
        status = GoalStatus(rng.choice(GOAL_ENDS))
        if status is not GoalStatus.ACTIVE:
            answer = FallibilityAnswer(rng.randint(2, 12), "") \
                if journal.goals.needs_question(journal.goals.get(goal.id), status) else None
            journal.goals.set_status(goal.id, status, answer)


def add_supervision(journal: Journal, rng: random.Random, first: dt.date, end: dt.date
                    ) -> None:
    """Monthly supervision over the years, a few agreed actions each, and the next planned."""
    month = dt.date(first.year, first.month, 1)
    while month <= end:
        held = month + dt.timedelta(days=rng.randint(7, 20))
        if first <= held <= end:
            journal.supervision.add(_session(rng, held, end))
        month = (month + dt.timedelta(days=32)).replace(day=1)
    journal.supervision.add(Session(end + dt.timedelta(days=10), SUPERVISOR))


def _session(rng: random.Random, held: dt.date, end: dt.date) -> Session:
    """One held session with one to three agreed actions, most done if long past."""
    actions = []
    for text in rng.sample(SUPERVISION_ACTIONS, rng.randint(1, 3)):
        due = held + dt.timedelta(days=rng.randint(14, 30))
        old = due < end - dt.timedelta(days=60)
        status = rng.choice((ActionStatus.DONE, ActionStatus.DONE, ActionStatus.DROPPED)) \
            if old else rng.choice((ActionStatus.OPEN, ActionStatus.IN_PROGRESS))
        actions.append(AgreedAction(text, "me", due, status))
    return Session(held, SUPERVISOR, rng.choice(SUPERVISION_NOTES), tuple(actions))


# -- jrnl ------------------------------------------------------------------------------------
def jrnl_stamp(when: dt.datetime) -> str:
    """jrnl's default time format ('%Y-%m-%d %I:%M:%S %p' in the C locale)."""
    hour = when.hour % 12 or 12
    return f"{when:%Y-%m-%d} {hour:02d}:{when:%M:%S} {'AM' if when.hour < 12 else 'PM'}"


def jrnl_body(entry: BenchEntry) -> str:
    """The body as jrnl holds it: CareJournal's body, strengths and sections, then @tags."""
    tags = " ".join(f"@{t}" for t in entry.tags)
    return "\n\n".join([entry.body, *entry.extras(), tags])


def jrnl_parts(entry: BenchEntry) -> tuple[str, str]:
    """Title and body as jrnl reads them: an untitled entry's first line is its title."""
    if entry.title:
        return entry.title, jrnl_body(entry)
    first, _, rest = jrnl_body(entry).partition("\n")
    return first.strip(), rest.strip()


def write_jrnl(path: Path, entries: list[BenchEntry]) -> None:
    """The entries in jrnl's plain-text format, oldest first, a blank line between them."""
    texts = []
    for entry in sorted(entries, key=lambda e: e.when):
        star = " *" if entry.starred else ""
        title, body = jrnl_parts(entry)
        texts.append(f"[{jrnl_stamp(entry.when)}] {title}{star}\n{body}\n")
    path.write_text("\n".join(texts), encoding="utf-8")


def jrnl_export(entries: list[BenchEntry]) -> dict[str, Any]:
    """What `jrnl --export json` prints for these entries (tags sorted in each entry)."""
    ordered = sorted(entries, key=lambda e: e.when)
    counts = Counter(f"@{t}" for e in ordered for t in e.tags)
    return {"tags": dict(counts.most_common()),
            "entries": [_exported(e) for e in ordered]}


def _exported(entry: BenchEntry) -> dict[str, Any]:
    """One entry as `jrnl --export json` shows it."""
    title, body = jrnl_parts(entry)
    return {"title": title, "body": body, "date": f"{entry.when:%Y-%m-%d}",
            "time": f"{entry.when:%H:%M}", "tags": [f"@{t}" for t in entry.tags],
            "starred": entry.starred}


def write_jrnl_export(path: Path, entries: list[BenchEntry]) -> None:
    """jrnl_export written as a JSON file, as `jrnl --export json > path` would."""
    path.write_text(json.dumps(jrnl_export(entries), indent=2), encoding="utf-8")
