"""Recall and harmless sentences altered, on labelled sentences a care worker might write.

An identifier counts as found when one detection covers all of it (so it is replaced
whole); a harmless sentence counts as altered when anything in it would be replaced, apart
from the places and things it lists as kept (the worker keeps them at export, as
services/packs.write_plan's keep does).

Half the sentences (every second one of each group, marked held_out) were set aside before
the detector was tuned; the scores of both halves are printed after the run, and the
held-out half has a looser floor: it says how the detector does on sentences it was not
shaped by.
"""

from __future__ import annotations

import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from carejournal.privacy.identifiers import IdKind, detect
from tests.privacy.conftest import SCORES

LABELLED = Path(__file__).with_name("identifiers_labelled.toml")
FLOORS = {False: (0.90, 0.05), True: (0.80, 0.10)}  # held out: (recall, harmless altered)


@dataclass(frozen=True)
class Sentence:
    group: str
    text: str
    spans: tuple[tuple[IdKind, int, int], ...]
    held_out: bool
    keep: tuple[str, ...] = ()


def _spans(text: str, labelled: list[list[str]]) -> tuple[tuple[IdKind, int, int], ...]:
    spans, position = [], 0
    for kind, part in labelled:
        start = text.index(part, position)
        spans.append((IdKind(kind), start, start + len(part)))
        position = start + len(part)
    return tuple(spans)


def _load() -> tuple[list[str], list[Sentence]]:
    data = tomllib.loads(LABELLED.read_text(encoding="utf-8"))
    sentences = [Sentence(s["group"], s["text"], _spans(s["text"], s["spans"]), s["held_out"],
                          tuple(s.get("keep", ())))
                 for s in data["sentence"]]
    return list(data["listed"]), sentences


@dataclass
class Score:
    spans: int = 0
    found: int = 0
    right_kind: int = 0
    harmless: int = 0
    altered: int = 0
    extra: int = 0

    @property
    def recall(self) -> float:
        return self.found / max(1, self.spans)

    @property
    def altered_rate(self) -> float:
        return self.altered / max(1, self.harmless)


def _score(listed: list[str], sentences: list[Sentence]) -> tuple[Score, list[str]]:
    score, misses = Score(), []
    for sentence in sentences:
        got = detect(sentence.text, listed=listed)
        if not sentence.spans:  # what the worker keeps (a place, a programme) stays
            got = [f for f in got if not any(f.text in kept for kept in sentence.keep)]
            score.harmless += 1
            if got:
                score.altered += 1
                misses.append(f"altered {sentence.text!r}: {[f.text for f in got]}")
            continue
        for kind, start, end in sentence.spans:
            score.spans += 1
            covering = [f for f in got if f.start <= start and f.end >= end]
            if covering:
                score.found += 1
                score.right_kind += covering[0].kind is kind
            else:
                misses.append(f"missed {sentence.text[start:end]!r} ({kind}) in "
                              f"{sentence.text!r}: found {[f.text for f in got]}")
        score.extra += sum(not any(f.start < e and s < f.end for _k, s, e in sentence.spans)
                           for f in got)
    return score, misses


def test_the_labelled_set_is_big_and_half_of_it_held_out_by_the_fixed_rule() -> None:
    _listed, sentences = _load()
    assert len(sentences) >= 400
    by_group: dict[str, list[bool]] = {}
    for s in sentences:
        by_group.setdefault(s.group, []).append(s.held_out)
    for flags in by_group.values():
        assert flags == [i % 2 == 1 for i in range(len(flags))]
    harmless = [s for s in sentences if not s.spans]
    assert len(harmless) >= 100 and len(sentences) - len(harmless) >= 250


@pytest.mark.parametrize("held_out", [False, True], ids=["tuning half", "held-out half"])
def test_recall_and_harmless_sentences_altered(held_out: bool) -> None:
    listed, sentences = _load()
    score, misses = _score(listed, [s for s in sentences if s.held_out is held_out])
    name = "held-out half" if held_out else "tuning half"
    SCORES[name] = (f"{name}: recall {score.recall:.3f} ({score.found}/{score.spans} "
                    f"identifiers fully covered, {score.right_kind} of the right kind), "
                    f"harmless sentences altered {score.altered_rate:.3f} "
                    f"({score.altered}/{score.harmless}), {score.extra} extra detection(s) "
                    f"beside identifiers")
    if not held_out and misses:
        print("\n".join(misses))
    min_recall, max_altered = FLOORS[held_out]
    assert score.recall >= min_recall, misses
    assert score.altered_rate <= max_altered, misses


def _entry(sentences: list[Sentence], every: int) -> str:
    """About 10,000 words: harmless sentences, with a sentence holding identifiers after
    every `every` of them."""
    harmless = [s.text for s in sentences if not s.spans]
    holding = [s.text for s in sentences if s.spans]
    parts: list[str] = []
    while sum(len(p.split()) for p in parts) < 10_000:
        n = len(parts)
        parts.append(holding[n % len(holding)] if n % (every + 1) == every
                     else harmless[n % len(harmless)])
    return " ".join(parts)


def _time(text: str, listed: list[str]) -> float:
    detect(text, listed=listed)  # the first call reads the stop words
    best = float("inf")
    for _ in range(3):
        started = time.process_time()  # this process's own time: others share the machine
        detect(text, listed=listed)
        best = min(best, time.process_time() - started)
    return best


def test_the_detector_is_quick_on_a_long_entry() -> None:
    listed, sentences = _load()
    usual = _time(_entry(sentences, every=10), listed)
    dense = _time(_entry(sentences, every=0), listed)
    SCORES["speed"] = (f"a 10,000-word entry: {usual * 1000:.0f} ms with an identifier "
                       f"every eleventh sentence, {dense * 1000:.0f} ms with identifiers in "
                       "every sentence (best of 3, processor time)")
    # About 60 ms on an idle machine; the bounds leave room for a shared, busy one.
    assert usual < 0.2
    assert dense < 0.4
