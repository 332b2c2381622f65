"""Scores the lens on sentence sets in the evaluation format (/work/wt/shared/LENS_SET_FORMAT.md
when it was written; see tests/lens/test_written.py): precision and recall of flags that are
used, not mentioned, by overlap of spans, per category and per part, and how mentions fare.

Only figures leave this module for a held-out part: never a sentence's text.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from carejournal.core.findings import Finding
from carejournal.lens.matcher import Lens

PARTS = ("dev", "held_out")


@dataclass(frozen=True)
class Flag:
    """Wording the writers marked in a sentence: where, its family, and whether a mention."""

    start: int
    end: int
    category: str
    mention: bool


@dataclass(frozen=True)
class Sentence:
    group: str
    part: str
    text: str
    people: tuple[str, ...]
    flags: tuple[Flag, ...]


@dataclass
class Score:
    """Counts for one part: by category, and of mentions."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    mentions: int = 0  # flags marked as mentions
    mentions_shown: int = 0  # of those, shown as a mention by the lens
    mentions_made: int = 0  # mentions the lens reported
    mentions_right: int = 0  # of those, on a flag marked as a mention
    sentences: int = 0
    misses: list[str] = field(default_factory=list)  # never filled for a held-out part

    def precision(self, category: str | None = None) -> float:
        tp, fp = self._get(self.tp, category), self._get(self.fp, category)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, category: str | None = None) -> float:
        tp, fn = self._get(self.tp, category), self._get(self.fn, category)
        return tp / (tp + fn) if tp + fn else 1.0

    @staticmethod
    def _get(counts: Counter[str], category: str | None) -> int:
        return sum(counts.values()) if category is None else counts[category]

    def categories(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def lines(self, part: str) -> list[str]:
        """The figures, one line overall, one per category and one for mentions."""
        tp, fp, fn = (sum(c.values()) for c in (self.tp, self.fp, self.fn))
        out = [f"{part}: {self.sentences} sentences, precision {self.precision():.3f}, "
               f"recall {self.recall():.3f} ({tp} found, {fp} flagged wrongly, {fn} missed)"]
        for category in self.categories():
            out.append(f"  {category:<14} precision {self.precision(category):.3f} "
                       f"recall {self.recall(category):.3f} ({self.tp[category]}/"
                       f"{self.fp[category]}/{self.fn[category]})")
        out.append(f"  mentions: {self.mentions_shown} of {self.mentions} shown as mentions; "
                   f"{self.mentions_right} of {self.mentions_made} mentions reported were marked "
                   "so")
        return out


def load(paths: Iterable[Path]) -> list[Sentence]:
    """The sentences of every file; a flag's span is its nth occurrence in the text."""
    out = []
    for path in paths:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for item in data.get("sentence", []):
            text = item["text"]
            flags = tuple(_flag(text, f) for f in item.get("flag", []))
            out.append(Sentence(item.get("group", ""), item["part"], text,
                                tuple(item.get("people", [])), flags))
    return out


def _flag(text: str, item: dict[str, object]) -> Flag:
    wanted, nth = str(item["text"]), int(str(item.get("occurrence", 1)))
    at = -1
    for _ in range(nth):
        at = text.index(wanted, at + 1)
    return Flag(at, at + len(wanted), str(item["category"]), bool(item.get("mention", False)))


def score(lens: Lens, sentences: Iterable[Sentence], shown: Iterable[str] = ("dev",)
          ) -> dict[str, Score]:
    """Each part's score; the misses are kept for the parts shown only."""
    scores = {part: Score() for part in PARTS}
    keep = frozenset(shown)
    for sentence in sentences:
        _score_one(lens, sentence, scores.setdefault(sentence.part, Score()),
                   sentence.part in keep)
    return scores


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _score_one(lens: Lens, sentence: Sentence, score: Score, shown: bool) -> None:
    score.sentences += 1
    findings = lens.check(sentence.text, people=sentence.people)
    used = [f for f in findings if not f.mention]
    wrong: list[str] = []
    for flag in sentence.flags:
        span = (flag.start, flag.end)
        if flag.mention:
            score.mentions += 1
            shown_as_mention = any(f.mention and _overlaps(span, (f.start, f.end))
                                   for f in findings)
            score.mentions_shown += shown_as_mention
            if not shown_as_mention:
                wrong.append(f"not shown as a mention: {sentence.text[flag.start:flag.end]!r}")
            continue
        if any(_overlaps(span, (f.start, f.end)) for f in used):
            score.tp[flag.category] += 1
        else:
            score.fn[flag.category] += 1
            wrong.append(f"missed {sentence.text[flag.start:flag.end]!r} ({flag.category})")
    for finding in findings:
        span = (finding.start, finding.end)
        marked = [f for f in sentence.flags if _overlaps(span, (f.start, f.end))]
        if finding.mention:
            score.mentions_made += 1
            score.mentions_right += any(f.mention for f in marked)
        elif not any(not f.mention for f in marked):
            score.fp[finding.category] += 1
            wrong.append(_wrong(finding, bool(marked)))
    if wrong and shown:
        score.misses.append(f"[{sentence.group}] {sentence.text}  <- {'; '.join(wrong)}")


def _wrong(finding: Finding, was_mention: bool) -> str:
    kind = "used, but a mention" if was_mention else "flagged wrongly"
    return f"{kind}: {finding.text!r} ({finding.rule})"


@dataclass(frozen=True)
class Pair:
    """A sentence, the flagged words to replace and the rewrites the writers expect."""

    part: str
    text: str
    target: str
    people: tuple[str, ...]
    expected: tuple[str, ...]


@dataclass
class RewriteScore:
    """For one part: pairs, pairs where any offered rewrite is expected, where the first is,
    and pairs where no finding overlapped the target."""

    pairs: int = 0
    any_match: int = 0
    first_match: int = 0
    unfound: int = 0
    misses: list[str] = field(default_factory=list)  # never filled for a held-out part

    def share(self, first: bool = False) -> float:
        matched = self.first_match if first else self.any_match
        return matched / self.pairs if self.pairs else 1.0

    def line(self, part: str) -> str:
        return (f"rewrites, {part}: {self.pairs} pairs, an offered rewrite expected in "
                f"{self.share():.3f} ({self.any_match}), the first offered in "
                f"{self.share(first=True):.3f} ({self.first_match}); no finding on the "
                f"target in {self.unfound}")


def load_pairs(paths: Iterable[Path]) -> list[Pair]:
    """The rewrite pairs of every file."""
    out = []
    for path in paths:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for item in data.get("rewrite", []):
            out.append(Pair(item["part"], item["text"], item["target"],
                            tuple(item.get("people", [])), tuple(item["expected"])))
    return out


def _normal(text: str) -> str:
    return " ".join(text.split())


def score_rewrites(lens: Lens, pairs: Iterable[Pair], shown: Iterable[str] = ("dev",)
                   ) -> dict[str, RewriteScore]:
    """Each part's rewrite share: a pair is matched when applying one of the alternatives of
    the finding overlapping its target gives one of the expected sentences."""
    from carejournal.lens.rewrite import rewrites

    scores = {part: RewriteScore() for part in PARTS}
    keep = frozenset(shown)
    for pair in pairs:
        score = scores.setdefault(pair.part, RewriteScore())
        score.pairs += 1
        at = pair.text.index(pair.target)
        span = (at, at + len(pair.target))
        findings = [f for f in lens.check(pair.text, people=pair.people)
                    if not f.mention and _overlaps(span, (f.start, f.end))]
        if not findings:
            score.unfound += 1
            if pair.part in keep:
                score.misses.append(f"no finding on {pair.target!r}: {pair.text}")
            continue
        made = [_normal(pair.text[:r.start] + r.replacement + pair.text[r.end:])
                for f in findings for r in rewrites(lens, pair.text, f, pair.people)]
        expected = {_normal(e) for e in pair.expected}
        hits = [m in expected for m in made]
        score.any_match += any(hits)
        score.first_match += bool(hits) and hits[0]
        if not any(hits) and pair.part in keep:
            score.misses.append(f"{pair.text}  -> {made[:4]} (expected {list(pair.expected)})")
    return scores
