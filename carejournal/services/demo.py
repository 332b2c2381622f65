"""Made-up sample entries so a new user (and the README screenshot) has something to look at."""

from __future__ import annotations

import datetime as dt
import random
import tomllib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from carejournal.core.domain import EntryDraft, EntryKind, Feeling
from carejournal.core.kinds import KINDS
from carejournal.core.registration import Register
from carejournal.core.resources import resource_path
from carejournal.services import demo_extras

if TYPE_CHECKING:
    from carejournal.services.journal import Journal

DEFAULT_DAYS = 90
KIND_WEIGHTS = {spec.kind: spec.sample_weight for spec in KINDS if spec.sample_weight}
STRENGTHS_NOTED = 0.85  # how often the sample worker fills in the strengths they noticed


def load_templates() -> dict[str, Any]:
    """The sample texts, kept as data in resources/demo.toml."""
    with resource_path("demo.toml").open("rb") as handle:
        return tomllib.load(handle)


def fill_demo(journal: Journal, count: int | None = None, seed: int = 7,
              today: dt.date | None = None, register: Register = Register.NMC) -> int:
    """Fill an empty journal with the sample; return how many entries were added.

    The bulk goes in with one fast add_many; then a fixed set of stories (goals with
    their attempts, mirror notes linked both ways, reflections with action items due
    around today) and the usual shifts. With count, that many entries in all; a count
    too small for the stories gets plain sample entries only. With the stories come a
    year of learning and feedback for the register (a nurse's towards NMC revalidation,
    or a social worker's Social Work England registration year) and supervision: two
    sessions held and the next one's preparation under way.
    """
    data = load_templates()
    today = today or dt.date.today()
    total = count if count is not None else DEFAULT_DAYS * 2
    stories = demo_extras.story_size(data)
    with_stories = total >= stories
    acts = demo_extras.act_ids(journal, data)
    added = journal.add_many(
        demo_drafts(total - stories if with_stories else total, seed, today, acts))
    demo_extras.set_shifts(journal, data)
    if with_stories:
        stories, ids = demo_extras.add_stories(journal, data, today, acts)
        added += stories
        from carejournal.services.demo_cpd import add_cpd
        from carejournal.services.demo_supervision import add_supervision

        add_cpd(journal, today, register, ids)
        add_supervision(journal, today, ids, register)
    return added


def demo_drafts(count: int | None = None, seed: int = 7, today: dt.date | None = None,
                acts: Mapping[str, int] | None = None) -> Iterator[EntryDraft]:
    """Yield sample drafts spread over the last months, oldest first.

    Without count, about three months of a few entries a day; with count, that many
    entries spread at the same density further back in time. acts maps the keys of
    little things to their ids in the journal; without it, drafts record none.
    """
    data = load_templates()
    rng = random.Random(seed)
    today = today or dt.date.today()
    total = count if count is not None else DEFAULT_DAYS * 2
    days = max(DEFAULT_DAYS, total // 2)
    kinds = list(KIND_WEIGHTS)
    weights = list(KIND_WEIGHTS.values())
    decks = {kind: _deck(rng, data[kind.value]) for kind in kinds}
    for index in range(total):
        day = today - dt.timedelta(days=days - 1 - (index * days) // total)
        kind = rng.choices(kinds, weights)[0]
        yield _draft(rng, data, kind, next(decks[kind]), day, today, acts or {})


def _deck(rng: random.Random, templates: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Templates dealt from a shuffled deck, so that none is left out for long.

    A template's `weight` (default 1) sets how many cards it has, the rarest having one:
    even a small sample then shows every reflective model and every rung of the ladder.
    """
    rarest = min(t.get("weight", 1) for t in templates)
    cards = [t for t in templates for _ in range(round(t.get("weight", 1) / rarest))]
    while True:
        rng.shuffle(cards)
        yield from cards


def _draft(rng: random.Random, data: dict[str, Any], kind: EntryKind,
           template: dict[str, Any], day: dt.date, today: dt.date, acts: Mapping[str, int]
           ) -> EntryDraft:
    person = rng.choice(data["people"])
    first, last = template.get("hours", [7, 21])
    hour = rng.randint(first, last)
    tags = ["sample", *rng.sample(data["tags"][1:], rng.randint(0, 2))]
    chosen = _choose(rng, template)
    return EntryDraft(
        kind=kind,
        occurred_on=day,
        occurred_time=dt.time(hour, rng.choice((0, 15, 30, 45))) if rng.random() < 0.8 else None,
        shift=demo_extras.shift_name(hour) if kind is EntryKind.INTERACTION else "",
        title=demo_extras.fill(template["title"], person),
        body=demo_extras.fill(template.get("body", ""), person),
        people=(person,) if demo_extras.mentions_person(chosen) else (),
        tags=tuple(tags),
        feeling=_feeling(rng, data, kind, template) if rng.random() < 0.6 else None,
        **demo_extras.details(kind, chosen, person, day, today, acts),
    )


def _choose(rng: random.Random, template: dict[str, Any]) -> dict[str, Any]:
    """The template with its random parts chosen: one wording of the strengths (or none,
    now and then, as in a real journal) and some of its little things."""
    if "strengths" not in template:
        return template
    noted = rng.random() < STRENGTHS_NOTED
    strengths = rng.choice(template["strengths"])
    offered = template.get("acts", [])
    picked = set(rng.sample(offered, rng.randint(1, len(offered)))) if offered else set()
    done = [key for key in offered if key in picked]  # in the catalogue's order
    return template | {"strengths": strengths if noted else "", "acts": done}


def _feeling(rng: random.Random, data: dict[str, Any], kind: EntryKind,
             template: dict[str, Any]) -> Feeling:
    """A feeling that fits the entry, whose word fits its score."""
    first, last = template.get("scores", data["scores"].get(kind.value, [2, 5]))
    score = rng.randint(first, last)
    band = "low" if score <= 2 else "mid" if score == 3 else "high"
    return Feeling(score, rng.choice(data["feeling_words"][band]))
