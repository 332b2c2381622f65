"""The "no us and them" lens: finds othering, labelling and blaming words in a text."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from carejournal.core.findings import Finding, finding_key
from carejournal.lens.lexicon import Category, Lexicon, Rule, load_lexicon, shipped_lexicon
from carejournal.lens.phrases import PhraseMatcher, Words

__all__ = ["Category", "Finding", "Lens", "Lexicon", "Rule", "load_lexicon", "shipped_lens"]


class Lens:
    """Checks texts against a lexicon, leaving out rules that were switched off."""

    def __init__(self, lexicon: Lexicon, disabled: Iterable[str] = ()) -> None:
        self.lexicon = lexicon
        self.disabled = frozenset(disabled)
        self._matcher: PhraseMatcher[Rule] = PhraseMatcher()
        for rule in lexicon.rules:
            if rule.id in self.disabled:
                continue
            for words in rule.variants:
                self._matcher.add(words, rule)
            self._matcher.add_exceptions(rule, rule.exception_variants)
        self._matcher.finalise()

    def check(self, text: str, dismissed: Iterable[str] = (),
              words: Words | None = None) -> list[Finding]:
        """Findings in text, in order; findings whose key was dismissed are left out."""
        skip = frozenset(dismissed)
        out: list[Finding] = []
        for match in self._matcher.find(text, words):
            start, end = match.start, match.end
            rule = match.payload
            key = finding_key(rule.id, match.words)
            if key in skip:
                continue
            out.append(Finding(start, end, text[start:end], rule.id, rule.category, rule.why,
                               rule.alternatives, key))
        return out

    def rules_found(self, words: Words, dismissed: Iterable[str] = ()) -> list[Rule]:
        """The rule of each finding check would give for these words, in order (for counting:
        no offsets, no Finding objects)."""
        spans = self._matcher.spans(words)
        if not dismissed:
            return [rule for _first, _last, rule, _words in spans]
        skip = frozenset(dismissed)
        return [rule for _first, _last, rule, phrase in spans
                if finding_key(rule.id, phrase) not in skip]

    def without(self, rule_ids: Iterable[str]) -> Lens:
        """A lens like this one with more rules switched off."""
        return Lens(self.lexicon, self.disabled | frozenset(rule_ids))


@lru_cache(maxsize=8)
def shipped_lens(disabled: frozenset[str] = frozenset()) -> Lens:
    """A lens over the shipped lexicon, built once per set of switched-off rules."""
    return Lens(shipped_lexicon(), disabled)
