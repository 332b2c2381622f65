"""The faster tokenising and phrase matching give exactly what the old code gave.

Since step 11 the lens reads the sentence around each match (lens/context.py), so the old
code is compared with Lens.phrase_matches (the matching before names and the sentence), and counting
is compared with check: what is counted is exactly the findings that are not mentions.

The old code is kept in tests/lens/reference_matching.py. Texts come from the benchmark's
made-up journal, the labelled sentences, odd writing (Unicode, apostrophes, hyphens, joiners)
and phrases of the shipped lexicon and word lists glued together with every kind of separator.
"""

from __future__ import annotations

import dataclasses
import random
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import dataset
from carejournal.core.domain import EntryDraft
from carejournal.lens.balance import measure_rules
from carejournal.lens.matcher import Lens, shipped_lexicon
from carejournal.lens.phrases import PhraseMatcher, words_of
from carejournal.services.lens import LensService, field_texts
from tests.lens.reference_matching import OldFinder, old_check, old_counts, old_words_of

LABELLED = Path(__file__).with_name("labelled.toml")
ODD = [
    "", "   ", "\n\n", "'s", "s's", "a''s", "client's's", "client'", "'client'", "Zoë’s CAFÉ",
    "The client’s tea", "the ﬁrst client", "CLIENT\u00adS", "cli\u00adent", "cli\u200bent's",
    "service\u00a0user", "service\u2011user", "service\u2010users", "service - user",
    "service--user", "service_user", "service.user", "service\tuser\n", "serviceuser",
    "Service Users' rights", "service user’s", "in case the case", "in any case, cases",
    "the the the vulnerable the", "refused to engage refused", "she refused", "Refused",
    "non-compliant non compliant noncompliant", "challenging behaviours", "İstanbul client",
    "ǅemal’s client", "ﬀ client’’s", "client\u200d's", "digits 123 client4 4client",
    "the elderly", "The Elderly.", "elderly", "a diabetic", "did not engage", "them and us",
    "us and them", "them versus us", "that lot", "emi unit", "EMI-unit", "bed blocker",
    "strengths and strength and strong", "she wants to; she chose to. He couldn't.",
    "good good good bad bad", "listened, kept going", "wheelchair‑bound", "wheelchair bound",
]
SEPARATORS = [" ", "  ", "-", " - ", "\u2011", "\u00a0", "\n", ", ", ". ", "'s ", "’s ", "_",
              "", "\u00ad", " \u2010 ", "/", "'"]


def _labelled() -> list[str]:
    data = tomllib.loads(LABELLED.read_text(encoding="utf-8"))
    return [item["text"] for item in data["flagged"]] + list(data["clear"])


def _phrase_soup(count: int) -> list[str]:
    """Texts made of lexicon and word-list phrases, exceptions and filler, oddly joined."""
    rng = random.Random(8)
    pieces: list[str] = ["the", "a", "not", "in", "on", "and", "Ann", "Bob's", "é", "x"]
    for rule in shipped_lexicon().rules:
        pieces.extend(rule.phrases + rule.exceptions)
        pieces.extend(" ".join(v) for v in rule.variants[:3] + rule.exception_variants[:2])
    matcher = measure_rules().matcher
    pieces.extend(" ".join(w) for group in (*matcher._singles.values(),
                                            *matcher._pairs.values()) for w, _side in group)
    pieces = [p.replace("+", "") for p in pieces]
    texts = []
    for _ in range(count):
        words = []
        for piece in rng.choices(pieces, k=rng.randint(1, 14)):
            parts = piece.split()
            if rng.random() < 0.3:
                parts = [p.upper() if rng.random() < 0.5 else p.title() for p in parts]
            words.append(rng.choice([" ", "-", "\u00a0", "\u2011"]).join(parts))
        texts.append("".join(w + rng.choice(SEPARATORS) for w in words).strip(rng.choice(
            ["", " ", "."])))
    return texts


@pytest.fixture(scope="module")
def entries() -> list[dataset.BenchEntry]:
    return dataset.generate(300)


@pytest.fixture(scope="module")
def texts(entries: list[dataset.BenchEntry]) -> list[str]:
    drafts = [dataset.draft_of(e, {}) for e in entries]
    journal_texts = [item.text for d in drafts for item in field_texts(d)]
    return journal_texts + _labelled() + ODD + _phrase_soup(600)


def test_there_are_many_varied_texts_with_findings(texts: list[str]) -> None:
    lens = Lens(shipped_lexicon())
    assert len(texts) > 1500 and sum(not t.isascii() for t in texts) > 100
    assert sum(1 for t in texts if lens.check(t)) > 500


def test_words_are_the_same(texts: list[str]) -> None:
    for text in texts:
        new, old = words_of(text), old_words_of(text)
        assert (new.norms, new.starts, new.ends) == (old.norms, old.starts, old.ends), text


def _matched(lens: Lens, text: str, dismissed: frozenset[str] = frozenset()
             ) -> list[tuple[int, int, str, str, str]]:
    found = [(m.start, m.end, text[m.start:m.end], m.payload.id,
              f"{m.payload.id}:{' '.join(m.words)}") for m in lens.phrase_matches(text)]
    return [f for f in found if f[4] not in dismissed]


def test_lens_matches_are_the_same(texts: list[str]) -> None:
    lens = Lens(shipped_lexicon())
    for text in texts:
        assert _matched(lens, text) == old_check(lens, text), text


def test_findings_are_matches_the_sentence_keeps(texts: list[str]) -> None:
    lens = Lens(shipped_lexicon())
    for text in texts:
        found = [(f.start, f.end, f.text, f.rule, f.key) for f in lens.check(text)]
        matched = {(m.start, m.end, text[m.start:m.end], m.payload.id,
                    f"{m.payload.id}:{' '.join(m.words)}") for m in lens.matches(text)}
        words = {(m.start, m.end, text[m.start:m.end], m.payload.id,
                  f"{m.payload.id}:{' '.join(m.words)}") for m in lens.mention_matches(text)}
        assert set(found) <= matched | words, text  # a mention word mentioned on its own
        assert {f for f, finding in zip(found, lens.check(text), strict=True)
                if not finding.mention} <= matched, text


def test_findings_are_the_same_with_some_dismissed(texts: list[str]) -> None:
    lens = Lens(shipped_lexicon())
    rng = random.Random(3)
    for text in texts:
        keys = [f.key for f in lens.check(text)]
        dismissed = rng.sample(keys, k=len(keys) // 2) + ["nobody:made up"]
        assert _matched(lens, text, frozenset(dismissed)) == old_check(lens, text, dismissed)
        new = lens.check(text, dismissed)
        assert not {f.key for f in new} & set(dismissed), text
        assert [r.id for r in lens.rules_found(text, words_of(text), dismissed)] == [
            f.rule for f in new if not f.mention], text


def test_balance_matches_are_the_same(texts: list[str]) -> None:
    rules = measure_rules()
    old = OldFinder(rules.matcher)
    for text in texts:
        new = [(m.first, m.last, m.start, m.end, m.payload, m.words)
               for m in rules.matcher.find(text)]
        assert new == old.find(text), text
        balance = rules.measure(text)
        sides = [m[4] for m in new]
        assert (balance.strengths, balance.problems, balance.words) == (
            sides.count("strengths"), len(sides) - sides.count("strengths"),
            len(old_words_of(text).norms))


class _Settings:
    def lens_rules_off(self) -> frozenset[str]:
        return frozenset()


def test_entry_counts_are_the_same(entries: list[dataset.BenchEntry], texts: list[str]) -> None:
    service = LensService(None, _Settings())  # type: ignore[arg-type]  # counts needs neither
    lens, balance = Lens(shipped_lexicon()), measure_rules().matcher
    drafts = [dataset.draft_of(e, {}) for e in entries]
    soup = texts[-600:]
    drafts += [dataclasses.replace(drafts[n], title=soup[2 * n], body=soup[2 * n + 1])
               for n in range(len(drafts))]
    rng = random.Random(5)
    for n, draft in enumerate(drafts):
        if n % 3 == 0:  # some findings dismissed in the entry
            keys = [f.key for t in field_texts(draft) for f in lens.check(t.text)]
            draft = dataclasses.replace(draft, dismissed=tuple(rng.sample(keys, len(keys) // 2)))
        counts = service.counts(draft)
        assert counts is not None
        assert (counts.words, counts.strengths, counts.problems, counts.findings) == (
            _expected(lens, balance, draft)), draft


def test_a_plain_draft_counts_the_same() -> None:
    service = LensService(None, _Settings())  # type: ignore[arg-type]
    draft = EntryDraft(kind=dataset.EntryKind.REFLECTION, occurred_on=dataset.END,
                       title="The service user's day", body=" ".join(ODD))
    counts = service.counts(draft)
    assert counts is not None and counts.findings
    lens, balance = Lens(shipped_lexicon()), measure_rules().matcher
    assert (counts.words, counts.strengths, counts.problems, counts.findings) == (
        _expected(lens, balance, draft))


def _expected(lens: Lens, balance: PhraseMatcher[str], draft: EntryDraft
              ) -> tuple[int, int, int, tuple[tuple[str, str, int], ...]]:
    """The old counts of words and balance; findings: what check finds that is no mention."""
    words, strengths, problems, _old = old_counts(lens, balance, draft)
    found: Counter[tuple[str, str]] = Counter(
        (f.rule, f.category) for item in field_texts(draft) if item.text.strip()
        for f in lens.check(item.text, draft.dismissed, people=draft.people) if not f.mention)
    return words, strengths, problems, tuple(sorted((r, c, n) for (r, c), n in found.items()))
