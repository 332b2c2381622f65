"""Made-up sample entries so a new user (and the README screenshot) has something to look at."""

from __future__ import annotations

import datetime as dt
import random
import tomllib
from collections.abc import Iterator
from typing import Any

from carejournal.domain import EntryDraft, EntryKind, Feeling
from carejournal.resources import resource_path

DEFAULT_DAYS = 90
KIND_WEIGHTS = {
    EntryKind.INTERACTION: 5,
    EntryKind.KINDNESS: 3,
    EntryKind.FALLIBILITY: 1,
    EntryKind.REFLECTION: 2,
}


def load_templates() -> dict[str, Any]:
    """The sample texts, kept as data in resources/demo.toml."""
    with resource_path("demo.toml").open("rb") as handle:
        return tomllib.load(handle)


def demo_drafts(count: int | None = None, seed: int = 7, today: dt.date | None = None
                ) -> Iterator[EntryDraft]:
    """Yield sample drafts spread over the last months, oldest first.

    Without count, about three months of a few entries a day; with count, that many
    entries spread at the same density further back in time.
    """
    data = load_templates()
    rng = random.Random(seed)
    today = today or dt.date.today()
    total = count if count is not None else DEFAULT_DAYS * 2
    days = max(DEFAULT_DAYS, total // 2)
    kinds = list(KIND_WEIGHTS)
    weights = list(KIND_WEIGHTS.values())
    for index in range(total):
        day = today - dt.timedelta(days=days - 1 - (index * days) // total)
        kind = rng.choices(kinds, weights)[0]
        yield _draft(rng, data, kind, day)


def _draft(rng: random.Random, data: dict[str, Any], kind: EntryKind, day: dt.date
           ) -> EntryDraft:
    template = rng.choice(data[kind.value])
    person = rng.choice(data["people"])
    with_person = "{person}" in template["title"] + template["body"]
    first, last = template.get("hours", [7, 21])
    hour = rng.randint(first, last)
    tags = ["sample", *rng.sample(data["tags"][1:], rng.randint(0, 2))]
    return EntryDraft(
        kind=kind,
        occurred_on=day,
        occurred_time=dt.time(hour, rng.choice((0, 15, 30, 45))) if rng.random() < 0.8 else None,
        shift=_shift(hour) if kind is EntryKind.INTERACTION else "",
        title=template["title"].format(person=person),
        body=template["body"].format(person=person),
        people=(person,) if with_person else (),
        tags=tuple(tags),
        feeling=_feeling(rng, data["feeling_words"]) if rng.random() < 0.6 else None,
    )


def _shift(hour: int) -> str:
    """The shift a visit at this hour would fall in."""
    return "early" if hour < 14 else "late"


def _feeling(rng: random.Random, words: dict[str, list[str]]) -> Feeling:
    """A feeling whose word fits its score."""
    score = rng.randint(2, 5)
    band = "low" if score <= 2 else "mid" if score == 3 else "high"
    return Feeling(score, rng.choice(words[band]))
