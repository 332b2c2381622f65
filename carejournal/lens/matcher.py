"""The "no us and them" lens: finds othering, labelling and blaming words in a text, and reads
the sentence around each to tell use from mention (carejournal/lens/context.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from carejournal.core.findings import Finding, finding_key
from carejournal.lens.context import Sentence, Verdict, judge, judge_mention, people_words
from carejournal.lens.lexicon import Category, Lexicon, Rule, load_lexicon, shipped_lexicon
from carejournal.lens.names import NameMatcher
from carejournal.lens.phrases import Match, PhraseMatcher, Words, words_of
from carejournal.lens.tolerant import Repairer, joined

__all__ = ["Category", "Finding", "Lens", "Lexicon", "Rule", "load_lexicon", "shipped_lens"]
WRITTEN_WORD = re.compile(r"[a-z]+")  # a word as the lexicon writes it in a phrase
MENTION_ONLY = "\x00mention"  # marks a match of a mention word, not of a phrase


class Lens:
    """Checks texts against a lexicon, leaving out rules that were switched off."""

    def __init__(self, lexicon: Lexicon, disabled: Iterable[str] = ()) -> None:
        self.lexicon = lexicon
        self.disabled = frozenset(disabled)
        self._matcher: PhraseMatcher[Rule] = PhraseMatcher()
        self._names: NameMatcher[Rule] = NameMatcher()  # "let him" also finds "let Harry"
        self._tolerant: PhraseMatcher[Rule] = PhraseMatcher()  # "frequentflyer"
        self._mentions: PhraseMatcher[Rule] = PhraseMatcher()  # "why we call it contact"
        variants: list[tuple[str, ...]] = []
        for rule in lexicon.rules:
            if rule.id in self.disabled:
                continue
            for words in rule.variants:
                self._matcher.add(words, rule)
                self._names.add(words, rule)
                variants.append(words)
            for words in rule.mention_variants:
                self._mentions.add(words, rule)
            for words in joined(rule.variants):
                self._tolerant.add(words, rule)
                variants.append(words)
            self._matcher.add_exceptions(rule, rule.exception_variants)
            self._names.add_exceptions(rule, rule.exception_variants)
        self._matcher.finalise()
        self._names.finalise()
        self._mentions.finalise()
        written = {word for rule in lexicon.rules for phrase in rule.phrases
                   for word in WRITTEN_WORD.findall(phrase.lower())}
        self._repairer = Repairer(variants, lexicon.spelling, written)

    def phrase_matches(self, text: str, words: Words | None = None) -> list[Match[Rule]]:
        """Every phrase of the lexicon in text as written (no names for pronouns), before
        the sentence around it is read."""
        return self._matcher.find(text, words)

    def matches(self, text: str, words: Words | None = None, people: Iterable[str] = ()
                ) -> list[Match[Rule]]:
        """phrase_matches, and the pronoun phrases found with a name in the pronoun's place
        ("let Harry" for "let him"), in order, before the sentence around them is read."""
        toks = self._repairer.repair(text, words_of(text) if words is None else words)
        return self._all_matches(text, toks, Sentence(text, toks, people_words(people)))

    def _all_matches(self, text: str, toks: Words, sentence: Sentence) -> list[Match[Rule]]:
        found = self._matcher.find(text, toks)
        taken = [(m.first, m.last) for m in found]
        more = self._tolerant.spans(toks)
        if more:
            busy = _covered(taken)
            more = [m for m in more if busy.isdisjoint(range(m[0], m[1] + 1))]
        named = self._names.find(sentence, taken)
        if not named and not more:
            return found
        starts, ends = toks.starts, toks.ends
        found += [Match(first, last, starts[first], ends[last], rule, words)
                  for first, last, rule, words in named + more]
        return sorted(found, key=lambda m: m.first)

    def check(self, text: str, dismissed: Iterable[str] = (), words: Words | None = None,
              people: Iterable[str] = ()) -> list[Finding]:
        """Findings in text, in order; findings whose key was dismissed are left out, and so
        is wording the sentence shows is not about a person (people: the entry's people).
        Quoted, named or negated wording comes back as a mention (Finding.mention)."""
        skip = frozenset(dismissed)
        out: list[Finding] = []
        toks = words_of(text) if words is None else words
        for match, reason in self._judged(text, toks, people, with_mentions=True):
            rule = match.payload
            key = finding_key(rule.id, match.words)
            if key in skip:
                continue
            start, end = match.start, match.end
            out.append(Finding(start, end, text[start:end], rule.id, rule.category, rule.why,
                               rule.alternatives, key, reason))
        return out

    def rules_found(self, text: str, words: Words | None = None, dismissed: Iterable[str] = (),
                    people: Iterable[str] = ()) -> list[Rule]:
        """The rule of each finding check would give for text that is not a mention, in
        order (for counting: no Finding objects)."""
        skip = frozenset(dismissed)
        toks = words_of(text) if words is None else words
        return [match.payload for match, reason in self._judged(text, toks, people)
                if not reason and finding_key(match.payload.id, match.words) not in skip]

    def _judged(self, text: str, toks: Words, people: Iterable[str],
                with_mentions: bool = False) -> Iterator[tuple[Match[Rule], str]]:
        """Matches with "" (used) or why they are a mention; dropped ones left out.
        with_mentions: also rules' mention words found on their own and mentioned there."""
        toks = self._repairer.repair(text, toks)
        sentence = Sentence(text, toks, people_words(people))
        matches = self._all_matches(text, toks, sentence)
        if with_mentions:
            matches = self._with_mentions(text, toks, sentence, matches)
        for match in matches:
            rule = match.payload
            if match.words and match.words[0] == MENTION_ONLY:
                reason = judge_mention(sentence, match.first, match.last, rule.category)
                if reason:
                    yield replace(match, words=match.words[1:]), reason
                continue
            verdict = judge(sentence, match.first, match.last, rule.about, rule.category)
            if verdict is Verdict.DROP:
                if rule.mentions and with_mentions:  # "That wasn't a tantrum"
                    reason = judge_mention(sentence, match.first, match.last, rule.category)
                    if reason == "negated":
                        yield match, reason
                continue
            yield match, "" if verdict is Verdict.USED else str(verdict)

    def _with_mentions(self, text: str, toks: Words, sentence: Sentence,
                       matches: list[Match[Rule]]) -> list[Match[Rule]]:
        """matches, and the mention words outside them (marked MENTION_ONLY), in order."""
        found = self._mentions.spans(toks)
        if not found:
            return matches
        busy = _covered((m.first, m.last) for m in matches)
        starts, ends = toks.starts, toks.ends
        more = [Match(first, last, starts[first], ends[last], rule, (MENTION_ONLY, *words))
                for first, last, rule, words in found
                if busy.isdisjoint(range(first, last + 1))]
        return sorted(matches + more, key=lambda m: m.first) if more else matches

    def mention_matches(self, text: str) -> list[Match[Rule]]:
        """Where the rules' mention words occur in text, whether or not they are mentions
        there (check reports the ones that are, outside the rules' phrases)."""
        return self._mentions.find(text, self._repairer.repair(text, words_of(text)))

    def without(self, rule_ids: Iterable[str]) -> Lens:
        """A lens like this one with more rules switched off."""
        return Lens(self.lexicon, self.disabled | frozenset(rule_ids))


def _covered(spans: Iterable[tuple[int, int]]) -> set[int]:
    """The word positions the spans (first, last) cover."""
    return {at for first, last in spans for at in range(first, last + 1)}


@lru_cache(maxsize=8)
def shipped_lens(disabled: frozenset[str] = frozenset()) -> Lens:
    """A lens over the shipped lexicon, built once per set of switched-off rules."""
    return Lens(shipped_lexicon(), disabled)
