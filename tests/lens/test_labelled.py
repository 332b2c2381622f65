"""Precision and recall of the shipped lexicon on labelled sentences a worker might write."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from carejournal.lens.matcher import Lens, load_lexicon
from tests.lens.conftest import SCORES

LABELLED = Path(__file__).with_name("labelled.toml")
MIN_PRECISION = 0.95
MIN_RECALL = 0.95


def _labelled() -> tuple[list[tuple[str, list[str]]], list[str]]:
    data = tomllib.loads(LABELLED.read_text(encoding="utf-8"))
    flagged = [(item["text"], list(item["rules"])) for item in data["flagged"]]
    return flagged, list(data["clear"])


def _score() -> tuple[Counter[str], list[str]]:
    lens = Lens(load_lexicon())
    flagged, clear = _labelled()
    tally: Counter[str] = Counter()
    misses: list[str] = []
    for text, expected in [*flagged, *((t, []) for t in clear)]:
        got = Counter(f.rule for f in lens.check(text))
        want = Counter(expected)
        tally["tp"] += sum((got & want).values())
        tally["fp"] += sum((got - want).values())
        tally["fn"] += sum((want - got).values())
        if got != want:
            misses.append(f"{text!r}: expected {sorted(want.elements())}, "
                          f"found {sorted(got.elements())}")
    return tally, misses


def test_the_labelled_set_is_big_enough_to_mean_something() -> None:
    flagged, clear = _labelled()
    assert len(flagged) >= 100 and len(clear) >= 60


def test_precision_and_recall_on_the_labelled_sentences() -> None:
    tally, misses = _score()
    precision = tally["tp"] / max(1, tally["tp"] + tally["fp"])
    recall = tally["tp"] / max(1, tally["tp"] + tally["fn"])
    SCORES["labelled"] = (f"precision {precision:.3f}, recall {recall:.3f} "
                          f"({tally['tp']} found as labelled, {tally['fp']} flagged wrongly, "
                          f"{tally['fn']} missed)")
    if misses:
        print("\n".join(misses))
    assert precision >= MIN_PRECISION, misses
    assert recall >= MIN_RECALL, misses


@pytest.mark.parametrize("text", ["I asked them how they were.", "Just in case it rained.",
                                  "In any case we went.", "She packed her suitcase.",
                                  "Good feedback from her sister.", "I was fed up by four.",
                                  "It was a difficult day for all of us."])
def test_ordinary_uses_named_in_the_brief_are_never_flagged(text: str) -> None:
    assert Lens(load_lexicon()).check(text) == []
