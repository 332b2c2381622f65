"""The "no us and them" lens: finds othering, labelling and blaming words in a text, and reads
the sentence around each to tell use from mention (carejournal/lens/context.py)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import compress, count

from carejournal.core.findings import Finding, finding_key
from carejournal.lens.context import (
    MENTIONED,
    QUOTED,
    Sentence,
    Verdict,
    at_an_address,
    judge,
    judge_mention,
    people_words,
    personified,
    sentence_around,
)
from carejournal.lens.lexicon import Category, Lexicon, Rule, load_lexicon, shipped_lexicon
from carejournal.lens.names import NameMatcher
from carejournal.lens.phrases import Match, PhraseMatcher, Words, words_of
from carejournal.lens.tolerant import Repairer, joined

__all__ = ["Category", "Finding", "Lens", "Lexicon", "Rule", "load_lexicon", "shipped_lens"]
WRITTEN_WORD = re.compile(r"[a-z]+")  # a word as the lexicon writes it in a phrase
MENTION_ONLY = "\x00mention"  # marks a match of a mention word, not of a phrase
# "Ada's a hoist": a phrase "is a hoist" after a name's contracted "is" (the "'s" is dropped
# from the name's form). Only where what follows cannot follow an owner ("a", "being"), and
# never after words whose "'s" makes no person ("there's a lift", "it's a burden").
CONTRACTED = frozenset(("a", "an", "being", "such", "allowed", "not", "always", "usually", "often",
                        "normally", "generally", "never", "sometimes", "still", "already"))
# "Lottie's allowed to", "Joan's always put to bed"
# "Vic was rude and challenging": a phrase "was challenging" whose "was" is shared with the
# words before it. BE_FIRST: the first words left out; COORDINATED: what may stand between.
BE_FIRST = frozenset(("is", "was", "are", "were"))
COORDINATED = frozenset(("and", "or"))
CONTRACTION = re.compile(r"['\u2019]s\b")
# Words that end the look back for a shared "was": someone or something it could be about.
NOT_DESCRIBING = frozenset(
    "he she they i we you it him her them who which that the a an his their my our your this "
    "these those there".split())
NOT_CONTRACTING = frozenset(
    "there here it that this what where who which one everyone everything something "
    "nothing today tonight life let that's".split())


class Lens:
    """Checks texts against a lexicon, leaving out rules that were switched off."""

    def __init__(self, lexicon: Lexicon, disabled: Iterable[str] = ()) -> None:
        self.lexicon = lexicon
        self.disabled = frozenset(disabled)
        self._matcher: PhraseMatcher[Rule] = PhraseMatcher()
        self._names: NameMatcher[Rule] = NameMatcher()  # "let him" also finds "let Harry"
        self._tolerant: PhraseMatcher[Rule] = PhraseMatcher()  # "frequentflyer"
        self._mentions: PhraseMatcher[Rule] = PhraseMatcher()  # "why we call it contact"
        # "is"/"was" phrases less that word: "Ada's a hoist", "was rude and challenging"
        self._contracted: PhraseMatcher[Rule] = PhraseMatcher()
        # "about = thing" rules: what a person does, said of a care thing ("Flat 3 wants his
        # tea"); apart, so that they never shadow another rule's words
        self._doings: PhraseMatcher[Rule] = PhraseMatcher()
        # "about = address" rules ("the leg ulcer on Mill Lane"): apart too, so that "the
        # diabetic" with no address after it is still another rule's
        self._at_addresses: PhraseMatcher[Rule] = PhraseMatcher()
        variants: list[tuple[str, ...]] = []
        for rule in lexicon.rules:
            if rule.id in self.disabled:
                continue
            if rule.about in ("thing", "address"):
                apart = self._doings if rule.about == "thing" else self._at_addresses
                for words in rule.variants:
                    apart.add(words, rule)
                apart.add_exceptions(rule, rule.exception_variants)
                continue
            for words in rule.variants:
                self._matcher.add(words, rule)
                self._names.add(words, rule)
                variants.append(words)
            for words in rule.mention_variants:
                self._mentions.add(words, rule)
            self._add_contracted(rule)
            for words in joined(rule.variants):
                self._tolerant.add(words, rule)
                variants.append(words)
            self._matcher.add_exceptions(rule, rule.exception_variants)
            self._names.add_exceptions(rule, rule.exception_variants)
        self._matcher.finalise()
        self._names.finalise()
        self._mentions.finalise()
        self._contracted.finalise()
        self._doings.finalise()
        self._at_addresses.finalise()
        written = {word for rule in lexicon.rules for phrase in rule.phrases
                   for word in WRITTEN_WORD.findall(phrase.lower())}
        self._repairer = Repairer(variants, lexicon.spelling, written)

    def _add_contracted(self, rule: Rule) -> None:
        """The rule's phrases that start with "is" or "was" (BE_FIRST), less that word, with
        its exceptions likewise."""
        added = False
        for words in rule.variants:
            if len(words) > 1 and words[0] in BE_FIRST:
                self._contracted.add(words[1:], rule)
                added = True
        if added:
            self._contracted.add_exceptions(rule, [
                words[1:] if words[0] in BE_FIRST else words
                for words in rule.exception_variants if len(words) > 1])

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
        named = [found for found in self._names.find(sentence, taken)
                 if found[2].category != "othering" or not sentence.people.isdisjoint(
                     sentence.words.norms[found[0]:found[1] + 1])]
        # "people like Terry Wogan", "people like Ade who bring cake": a likeness to someone
        # outside the entry, not a kind of person the entry's people are put into
        contracted = self._contracted_spans(sentence, _covered(taken),
                                            "'s" in text or "\u2019s" in text)
        if contracted:
            more = more + contracted if more else contracted
        personified = self._personified(sentence, taken)
        addressed = self._addressed(sentence, taken + [span[:2] for span in personified])
        personified += addressed
        if personified:
            more = more + personified if more else personified
        if not named and not more:
            return found
        starts, ends = toks.starts, toks.ends
        found += [Match(first, last, starts[first], ends[last], rule, words)
                  for first, last, rule, words in named + more]
        return sorted(found, key=lambda m: m.first)

    def _contracted_spans(self, sentence: Sentence, busy: set[int], contractions: bool
                          ) -> list[tuple[int, int, Rule, tuple[str, ...]]]:
        """The "is" phrases found after a contracted "is" ("Ada's a hoist"), or sharing an
        earlier "was" ("was rude and challenging"), where no other match is. Only the words
        after "and", "or" and a "'s" are looked at, so this costs little."""
        norms, opens = sentence.words.norms, self._contracted.first_words()
        places = [at + 1 for at in compress(count(), map(COORDINATED.__contains__, norms))
                  if at + 1 < len(norms) and norms[at + 1] in opens
                  and _after_a_shared_be(sentence, at + 1)]
        if contractions:
            places += [at for at in _after_contractions(sentence) if at < len(norms)
                       and norms[at] in CONTRACTED and _after_a_contraction(sentence, at)]
        out = []
        for at in sorted(set(places)):
            span = self._contracted.span_at(sentence.words, at)
            if span is not None and busy.isdisjoint(range(span[0], span[1] + 1)):
                out.append(span)
                busy = busy | set(range(span[0], span[1] + 1))
        return out

    def _addressed(self, sentence: Sentence, taken: list[tuple[int, int]]
                   ) -> list[tuple[int, int, Rule, tuple[str, ...]]]:
        """The "about = address" matches with an address after them ("the new dementia in
        room 2"), where no other match is."""
        out = []
        busy: set[int] | None = None
        for first, last, rule, words in self._at_addresses.spans(sentence.words):
            if not at_an_address(sentence, last):
                continue
            busy = _covered(taken) if busy is None else busy
            if busy.isdisjoint(range(first, last + 1)):
                out.append((first, last, rule, words))
                busy.update(range(first, last + 1))
        return out

    def _personified(self, sentence: Sentence, taken: list[tuple[int, int]]
                     ) -> list[tuple[int, int, Rule, tuple[str, ...]]]:
        """For each doing of an "about = thing" rule, the care thing said to do it ("The
        oxygen" in "The oxygen in room 10 was breathless"), where no other match is."""
        out = []
        busy: set[int] | None = None
        for first, _, rule, words in self._doings.spans(sentence.words):
            span = personified(sentence, first)
            if span is None:
                continue
            busy = _covered(taken) if busy is None else busy
            if busy.isdisjoint(range(span[0], span[1] + 1)):
                out.append((span[0], span[1], rule, words))
                busy.update(range(span[0], span[1] + 1))
        return out

    def check(self, text: str, dismissed: Iterable[str] = (), words: Words | None = None,
              people: Iterable[str] = ()) -> list[Finding]:
        """Findings in text, in order; findings whose key was dismissed are left out, and so
        is wording the sentence shows is not about a person (people: the entry's people).
        Quoted, named or negated wording comes back as a mention (Finding.mention)."""
        skip = frozenset(dismissed)
        out: list[Finding] = []
        toks = words_of(text) if words is None else words
        for match, reason in self._judged(text, toks, people):
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
        order (for counting: no Finding objects). Mentions are judged too, as check
        judges them: words listed after one are mentions ("not a them and us, made her")."""
        skip = frozenset(dismissed)
        toks = words_of(text) if words is None else words
        return [match.payload for match, reason in self._judged(text, toks, people)
                if not reason and finding_key(match.payload.id, match.words) not in skip]

    def _judged(self, text: str, toks: Words, people: Iterable[str]
                ) -> list[tuple[Match[Rule], str]]:
        """Matches with "" (used) or why they are a mention; dropped ones left out. Words
        listed after a mention are mentioned too ("not calling people clients or SUs").
        The rules' mention words found on their own are judged too (mentioned there or not)."""
        judged = list(self._judge_each(text, toks, people))
        for at in range(1, len(judged)):
            (before, reason), (match, own) = judged[at - 1], judged[at]
            if reason and not own and (_listed_after(text, before.end, match.start)
                                       or _likened_after(text, before.end, match)):
                judged[at] = (match, reason)
        for at in range(1, len(judged)):
            match, own = judged[at]
            if not own:
                said = _said_again(text, match, judged, at)
                if said:
                    judged[at] = (match, said)
        return judged

    def _judge_each(self, text: str, toks: Words, people: Iterable[str]
                    ) -> Iterator[tuple[Match[Rule], str]]:
        toks = self._repairer.repair(text, toks)
        sentence = Sentence(text, toks, people_words(people))
        matches = self._all_matches(text, toks, sentence)
        matches = self._with_mentions(text, toks, sentence, matches)
        for match in matches:
            rule = match.payload
            if match.words and match.words[0] == MENTION_ONLY:
                reason = judge_mention(sentence, match.first, match.last, rule.category)
                if reason:
                    yield replace(match, words=match.words[1:]), reason
                continue
            if rule.unless and _another_sense(sentence, match.first, match.last, rule.unless):
                continue  # "Sophie, our student, is halfway through her placement"
            verdict = judge(sentence, match.first, match.last, rule.about, rule.category)
            if verdict is Verdict.DROP:
                if rule.mentions:  # "That wasn't a tantrum"
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


def _said_again(text: str, match: Match[Rule], judged: list[tuple[Match[Rule], str]],
                at: int) -> str:
    """The reason an earlier wording of the same rule (judged before `at`) in the match's
    sentence was held up as a word ("pulled me up on the word allowed when I said he was
    allowed a beer"): the writer is still talking about the word; "" when there is none."""
    for back in range(at - 1, -1, -1):
        other, reason = judged[back]
        if match.start - other.end > SAID_AGAIN_REACH:
            return ""  # a sentence is rarely longer; a huge paste stays linear
        between = text[other.end:match.start]
        if any(mark in between for mark in ".!?\n") or any(
                turn in between.lower() for turn in TURNS):
            return ""  # "she'd go demented, and now Mrs Duarte is demented": a use
        if reason in (MENTIONED, QUOTED) and (
                other.payload.id == match.payload.id
                or not _content_words(other.words).isdisjoint(_content_words(match.words))):
            return reason
    return ""


SAID_AGAIN_REACH = 400  # characters back to look for the same words held up
# Words that turn from the word held up to a use of it: "the word 'allowed', and still Priya
# is only allowed in the kitchen", "the word 'feeding', which is funny because I spent all
# lunch feeding Mr Walsh".
TURNS = (" but ", " now ", " yet ", " still ", " funny because ", " ironic", " even so ")
SMALL_WORDS = frozenset("a an the to of in on at was were is are be been him her them his "
                        "their my our".split())


def _content_words(words: tuple[str, ...]) -> frozenset[str]:
    """The words of a match that say what it is ("allowed" in "was allowed a")."""
    return frozenset(word for word in words if word not in SMALL_WORDS and word.isalpha())


def _likened_after(text: str, end: int, match: Match[Rule]) -> bool:
    """Whether the match likens someone to a child in the sentence of a mention just before
    it, giving why the word is wrong: "the old notes say everyone was 'put to bed' by nine,
    like children"."""
    between = text[end:match.start]
    if any(mark in between for mark in ".!?"):
        return False
    if match.payload.category == "infantilising" and match.words and match.words[0] == "like":
        return True
    return match.payload.category in ("infantilising", "othering") and any(
        likening in between.lower() for likening in (" as if ", " as though ", " like "))
    # "I'd been saying 'those families' all through supervision, as if they were a different
    # species": why the word is wrong


def _another_sense(sentence: Sentence, first: int, last: int, unless: frozenset[str]) -> bool:
    """Whether one of the rule's "unless" words is in the match's sentence, outside it."""
    norms = sentence.words.norms
    begin, end = sentence_around(sentence, first)
    if any(norms[at] in unless for at in range(begin, end + 1) if not first <= at <= last):
        return True
    joined = [word for word in unless if not word.isalnum() and ("&" in word or "-" in word)]
    if not joined:  # "A&E", "five-a-side", "co-ordinator": more than one word to the tokeniser
        return False
    starts, ends = sentence.words.starts, sentence.words.ends
    text = sentence.text[starts[begin]:ends[end]].lower()
    return any(word in text for word in joined)


LISTING = frozenset(("and", "or", "nor", ",", "or even", "and even", ", or", ", and"))


def _listed_after(text: str, end: int, start: int) -> bool:
    """Whether only "and", "or" or a comma stand between two matches (quotes aside)."""
    between = text[end:start].strip().strip("\"'\u2018\u2019\u201c\u201d").strip()
    return 0 < start - end <= 12 and " ".join(between.split()) in LISTING


def _after_a_contraction(sentence: Sentence, at: int) -> bool:
    """Whether the word before `at` is a name or noun with a contracted "is" ("Ada's")."""
    if at == 0 or sentence.words.gap(at) != " ":
        return False
    before = sentence.raw(at - 1).lower().replace("\u2019", "'")
    return before.endswith("'s") and before[:-2] not in NOT_CONTRACTING \
        and sentence.words.norms[at - 1] not in NOT_CONTRACTING


def _after_contractions(sentence: Sentence) -> list[int]:
    """The words right after a word that ends in "'s" or "’s"."""
    starts = sentence.words.starts
    return [bisect_right(starts, found.start()) for found in CONTRACTION.finditer(sentence.text)]


def _after_a_shared_be(sentence: Sentence, at: int) -> bool:
    """Whether the word at `at` follows "and" or "or" after words a "was" before them
    describes ("Vic was rude and challenging", "was loud, rude or challenging")."""
    norms = sentence.words.norms
    if at < 3 or norms[at - 1] not in COORDINATED:
        return False
    back = at - 2
    while back > max(0, at - 7):
        word = norms[back]
        if sentence.sentence_break(back + 1) or not word.isalpha():
            return False
        if word in BE_FIRST or word in ("being", "been"):
            return back < at - 2
        if word in NOT_DESCRIBING:
            return False
        back -= 1
    return False


def _covered(spans: Iterable[tuple[int, int]]) -> set[int]:
    """The word positions the spans (first, last) cover."""
    return {at for first, last in spans for at in range(first, last + 1)}


@lru_cache(maxsize=8)
def shipped_lens(disabled: frozenset[str] = frozenset()) -> Lens:
    """A lens over the shipped lexicon, built once per set of switched-off rules."""
    return Lens(shipped_lexicon(), disabled)
