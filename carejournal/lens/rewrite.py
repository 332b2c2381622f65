"""Alternatives that fit the sentence: the lens's suggestions, rewritten into the sentence.

`rewrites(lens, text, finding, people)` gives, for one finding, each alternative as the
whole sentence it would make and the span it would replace. An alternative is inflected to
the matched words' tense, number and person (lemminflect), a clause-level rewrite from the
rule's `rewrites` is used where swapping words cannot work, "a"/"an" and capitals are put
right, a gendered word never contradicts the sentence's pronouns (or, with none, its
titles), the one person an entry names is offered by name, and nothing is offered that the
lens would flag again. Around the swap: a label before the person's word goes after it ("the
dementia lady" -> "the lady with dementia"), "is someone with X" is also said plainly ("has
X"), words said to a child that open a note before a name are left out, "all" takes "the",
and no rewrite leaves a "to" before a preposition or a verb phrase before "with" or "and" an
adjective. A pattern that covers only a finding's first words is used when none covers it all.

A rule's rewrite is "PATTERN => REWRITE | REWRITE". Pattern words match whole words in the
sentence (case aside); a word ending in "+" matches any inflection of it ("refuse+" matches
refused) and sets the tense or number. Slots: {be} a form of be; {verb} one word; {pron}
him, her or them; {poss} his, her, their, my, our or your; {rest} the rest of the clause.
A rewrite may use the slots it matched, a word ending in "+" (inflected like the pattern's),
{do} and {have} (did/does/do and had/has/have in the pattern's tense), {their} and {them}
(the sentence's possessive and object pronouns), {take} ("take" before a medicine, else
"have"), {man} and {woman} (each unless the sentence's pronouns say otherwise) and {be}n't.
A pattern's {noun} is one noun, its {med} one medicine ("inhalers"), its {num} a number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from carejournal.core.findings import Finding

if TYPE_CHECKING:
    from carejournal.lens.matcher import Lens, Rule

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:(?<=s)['’](?![^\W_]))?")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
CLAUSE_END = re.compile(r"[,;:.!?()\n]|\s(?:and|but|because|so|when|while|until)\s")
BE = {"am": "VBP", "is": "VBZ", "are": "VBP", "was": "VBD", "were": "VBD"}
OTHER_BE = {"been": "VBN", "be": "VB", "being": "VBG"}
DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}  # after "will", "didn't want" cannot fit
HAVE = {"VBD": "had", "VBZ": "has", "VBP": "have"}
PRONOUNS = frozenset({"him", "her", "them", "me", "us"})
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx"})
# capitalised words that are not a person's name where {pron} stands
NOT_A_NAME = frozenset({"i", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "january", "february", "march", "april", "may", "june",
                        "july", "august", "september", "october", "november", "december",
                        "christmas", "easter", "god"})
POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your"})
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "our", "my", "your"})
MODALS = frozenset({"to", "will", "would", "can", "could", "should", "might", "may", "must",
                    "did", "does", "do", "didn't", "doesn't", "don't", "won't", "can't"})
PERFECT = frozenset({"have", "has", "had", "been", "be", "being", "was", "were", "is", "are",
                     "got", "get"})
MALE = {"he": "she", "him": "her", "his": "her", "himself": "herself"}
FEMALE = {"she": "he", "hers": "his", "herself": "himself"}
NEUTRAL = {"he": "they", "she": "they", "him": "them", "his": "their", "himself": "themselves",
           "herself": "themselves", "hers": "theirs"}
IRREGULAR_PLURAL = {"person": "people"}
# words lemminflect may take for nouns that never head a plural noun phrase here
PRONOUN_LIKE = frozenset({"someone", "somebody", "people", "i", "we", "who", "that", "me"})
LABEL_LENGTH = 48  # a menu item stays readable
ROOMS = frozenset({"room", "flat", "bed", "bay", "number"})  # "the lady in room 5"
SLOT = re.compile(r"\{(\w+)\}")
CONTRACTION = re.compile(r"['’](?:s|re|d|ll|m|ve)$")
# Words that begin an adverb or a prepositional phrase, never the object {rest} stands for.
TIME_WORDS = frozenset({"morning", "day", "night", "afternoon", "evening", "week", "shift",
                        "weekend", "along", "the"})
NOT_AN_OBJECT = frozenset({
    "again", "today", "now", "yesterday", "tonight", "tomorrow", "then", "too", "twice",
    "once", "at", "in", "on", "when", "because", "after", "before", "until", "for", "with",
    "during", "every", "as", "this", "that", "later", "earlier", "outright", "point",
    "completely", "totally", "straight", "so", "but", "and", "or", "if", "while", "though"})


@dataclass(frozen=True, slots=True)
class Rewrite:
    """One alternative in place: the label to show (the alternative as it reads in the
    sentence), the whole sentence it makes, the span of the text it replaces and the words
    put there (only what changes), and where those are in the sentence."""

    label: str
    sentence: str
    start: int
    end: int
    replacement: str
    changed: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().replace("’", "'")


@dataclass
class Match:
    """What a pattern matched: its span (token indices), slots and the tense or number."""

    first: int
    last: int  # exclusive
    end: int  # character offset in the sentence where the match ends
    slots: dict[str, str]
    tag: str = ""
    possessive: str = ""


def warm_up() -> None:
    """Load lemminflect's tables now (about a second), so the first rewrite is quick."""
    from lemminflect import getAllLemmas, getInflection

    getAllLemmas("refused")
    getInflection("say", "VBD")


def rewrites(lens: Lens, text: str, finding: Finding,
             people: Sequence[str] = ()) -> list[Rewrite]:
    """The alternatives of a finding as whole rewritten sentences, best first."""
    rule = lens.lexicon.rule(finding.rule)
    if rule is None or getattr(finding, "mention", False):
        return []  # a word quoted or reflected on is left as the writer put it
    first, last = sentence_bounds(text, finding.start, finding.end)
    sentence = text[first:last]
    tokens = [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(sentence)]
    covered = [i for i, t in enumerate(tokens)
               if t.end > finding.start - first and t.start < finding.end - first]
    if not covered:
        return []
    candidates = _varied(sentence, _candidates(rule, sentence, tokens, covered, people))
    out: list[Rewrite] = []
    seen: set[str] = set()
    for label, start, end, words in candidates:
        if not words.strip():
            continue
        start, end, words = _agree(sentence, start, end, words)
        words = _gendered(sentence, words)
        end, words = _infinitive_after(sentence, end, words)
        end, words = _verb_agrees(sentence, start, end, words)
        if _dangles(sentence, end, words) or _dangling_to(sentence, end, words):
            continue  # "a saying no of medication", "said no all care", "want to with"
        label = label or _short(words)
        start, end, words = _trimmed(sentence, start, end, words)
        new = sentence[:start] + words + sentence[end:]
        if new in seen or words.lower() == sentence[start:end].lower() or not words.strip():
            continue
        span = (start, start + len(words))
        if any(f.start < span[1] and f.end > span[0] for f in lens.check(new)):
            continue  # the lens would flag the rewrite again
        seen.add(new)
        out.append(Rewrite(label, new, first + start, first + end, words, span))
    return out


PREPOSITIONS = frozenset({"with", "from", "at", "about", "in", "on", "towards", "toward", "by",
                          "for", "of", "into", "to", "during", "around"})
MEDICINE = re.compile(r"\b(?:tablets?|pills?|meds|medications?|medicines?|insulin|inhalers?|"
                      r"antibiotics|capsules?|tabs|doses?|injections?|eye ?drops|patch(?:es)?)\b",
                      re.IGNORECASE)


def _dangling_to(sentence: str, end: int, words: str) -> bool:
    """Whether new words end in "to" with no verb to follow: a preposition comes next."""
    if not (words.endswith(" to") or words == "to"):
        return False
    following = NEXT_WORD.match(sentence, end)  # "She doesn't want to." is whole
    return following is not None and following.group(1).lower() in PREPOSITIONS


GERUND = re.compile(r"\s+([A-Za-z]+ing)\b")
NOT_INFINITIVE = (" no to", " forward to", " used to", " up to", " with to")  # "no to going"
TO_GERUND = re.compile(r"\bto ([A-Za-z]+ing)\b")


SINGULAR_VERB = {"are": "is", "were": "was", "have": "has"}
PHRASE_BREAKS = frozenset({"of", "i", "we", "who", "that", "with", "in", "to", "for", "from",
                           "on", "at", "whose", "which"})


def _verb_agrees(sentence: str, start: int, end: int, words: str) -> tuple[int, str]:
    """A plural made one ("challenging behaviours have calmed" -> "distress has calmed"):
    the verb right after takes the new number (the span then takes the verb in)."""
    old = TOKEN.findall(sentence[start:end])
    new = TOKEN.findall(words)
    following = NEXT_WORD.match(sentence, end)
    if not (old and new and following) or following.group(1).lower() not in SINGULAR_VERB:
        return end, words
    head = new
    for at, word in enumerate(new):
        if at and word.lower() in PHRASE_BREAKS:
            head = new[:at]  # "signs of distress": the head is "signs"
            break
    was, now = old[-1].lower(), head[-1].lower()
    one = now in ("everyone", "everybody") or (
        _noun_number(now) == "NN" and "NOUN" in _kinds(now) and now not in PRONOUN_LIKE)
    acronyms = old[-1][:-1].isupper() and old[-1].endswith("s")  # "SUs"
    if (_noun_number(was) != "NNS" and not acronyms) or not one:  # "everyone was"
        return end, words
    verb = following.group(1)
    return following.end(), f"{words} {SINGULAR_VERB[verb.lower()]}"


OBJECT_STARTS = frozenset({"of", "all", "any", "some", "the", "a", "an", "his", "her", "their",
                           "my", "our", "your", "this", "that", "these", "those"})


def _dangles(sentence: str, end: int, words: str) -> bool:
    """Whether new words ending in "no" or "to" run into an object they cannot take:
    "said no all care", "didn't want to all care", "a saying no of medication"."""
    if not (words.endswith(" no") or words.endswith(("want to", "wants to", "wanted to"))):
        return False  # "get to her appointment" is a place
    following = NEXT_WORD.match(sentence, end)
    if following is None or following.group(1).lower() not in OBJECT_STARTS:
        return False
    after = NEXT_WORD.match(sentence, following.end())
    return not (following.group(1).lower() == "all" and after is not None
                and after.group(1).lower() in TIME_WORDS)  # "said no all morning" reads


def _infinitive_after(sentence: str, end: int, words: str) -> tuple[int, str]:
    """New words ending in "to" take a verb, not a gerund, after them: "persuades her mum to
    bring", not "to bringing" (the span then takes the verb in)."""
    inside = TO_GERUND.search(words)
    if inside and re.search(rf"\binto {inside.group(1)}\b", sentence):  # "into bringing"
        lemma = _lemma(inside.group(1))
        if lemma:
            words = words[:inside.start(1)] + lemma + words[inside.end(1):]
    if not (words.endswith(" to") or words == "to") or words.endswith(NOT_INFINITIVE):
        return end, words
    found = GERUND.match(sentence, end)
    lemma = _lemma(found.group(1)) if found else None
    if found is None or lemma is None or lemma == found.group(1).lower():
        return end, words
    return found.end(), f"{words} {lemma}"


MAN_WORDS = frozenset({"mr", "he", "him", "his", "himself"})
WOMAN_WORDS = frozenset({"mrs", "ms", "miss", "she", "her", "hers", "herself"})
NEXT_WORD = re.compile(r"\s+([A-Za-z']+)")


def _varied(sentence: str, candidates: list[tuple[str, int, int, str]]
            ) -> list[tuple[str, int, int, str]]:
    """The candidates, each preceded by a closer fit where there is one: an alternative that
    runs into the words after it is cut before the word they share ("four people waiting to
    go home waiting for" -> "four people waiting for"), and each followed, where "someone"
    is a man or a woman the sentence names as one, by "a man" or "a woman" ("Mr Okafor is a
    man with a lot going on")."""
    words = {w.lower() for w in TOKEN.findall(sentence)}
    man, woman = bool(words & MAN_WORDS), bool(words & WOMAN_WORDS)
    person = "a man" if man and not woman else "a woman" if woman and not man else ""
    out: list[tuple[str, int, int, str]] = []
    for label, start, end, new in candidates:
        following = NEXT_WORD.match(sentence, end)
        if following and len(following.group(1)) >= 5:  # a word of substance, not "to"
            shared = f" {following.group(1).lower()} "
            at = f" {new.lower()} ".find(shared)
            if at > 0:
                out.append(("", start, end, new[:at - 1].rstrip()))
        out.append((label, start, end, new))
        if person and new.lower().startswith("someone "):
            out.append(("", start, end, _cased(new, person + new[len("someone"):])))
        out.extend(_predicates(sentence, start, end, new))
        if new.startswith("people ") and re.search(r"\ball\s+$", sentence[:start],
                                                   re.IGNORECASE):
            out.append(("", start, end, "the " + new))  # "all the people we support"
    return out


BE_BEFORE = re.compile(r"(?:\b(is|was|are|were)|(?<=\w)['’](s))\s+(?:(?:a|an)\s+)?$",
                       re.IGNORECASE)
PERSON_WITH = re.compile(r"^(?:a |an )?(?:person|someone|people) (with|living with|who)\b ?(.*)$",
                         re.IGNORECASE)


def _predicates(sentence: str, start: int, end: int, new: str
                ) -> list[tuple[str, int, int, str]]:
    """After "is", a person described is said plainly: "is someone with an alcohol problem"
    -> "has an alcohol problem", "is a person living with Parkinson's" -> "is living with
    Parkinson's" and "has Parkinson's", "is someone who self-harms" -> "self-harms"."""
    before = BE_BEFORE.search(sentence, 0, start)
    found = PERSON_WITH.match(new)
    if before is None or found is None or found.group(2).lower() in ("it", "them"):
        return []
    how, rest = found.group(1).lower(), found.group(2)
    if before.group(1) is None:  # "Ida's a person who needs" -> "Ida needs"
        be, at, space = "is", before.start(2) - 1, " "
    else:
        be, at, space = before.group(1), before.start(1), ""
    return [("", at, end, space + words) for words in _said_plainly(be, how, rest)]


def _said_plainly(be: str, how: str, rest: str) -> list[str]:
    """The predicate for "is a person with/living with/who ...", in be's tense."""
    tag = BE[be.lower()]
    if how == "who":
        words = rest.split()
        if words and tag == "VBD":
            lemma = _lemma(words[0])
            words[0] = (_inflect(lemma, "VBD") if lemma else None) or ""
        return [" ".join(words)] if words and words[0] else []
    living = [f"{be} living with {rest}".rstrip()] if how == "living with" else []
    return living + [f"{HAVE[tag]} {rest}".rstrip()]


def _short(words: str) -> str:
    """A label of at most LABEL_LENGTH characters, cut at a word."""
    if len(words) <= LABEL_LENGTH:
        return words
    return words[:LABEL_LENGTH].rsplit(" ", 1)[0] + "…"


def _trimmed(sentence: str, start: int, end: int, words: str) -> tuple[int, int, str]:
    """The span and words without the whole words they share at either end, so only what
    changes is replaced ("refused his tablets" -> "didn't want his tablets": "refused")."""
    old = sentence[start:end]
    head = 0
    while True:
        step = _shared_word(old[head:], words[head:])
        if not step or head + step >= min(len(old), len(words)):
            break
        head += step
    tail = 0
    while True:
        step = _shared_word(old[:len(old) - tail][::-1], words[:len(words) - tail][::-1])
        if not step or tail + step >= min(len(old), len(words)) - head:
            break
        tail += step
    return start + head, end - tail, words[head:len(words) - tail]


def _shared_word(one: str, other: str) -> int:
    """How long the first word and its following space are, if both texts begin with them."""
    space = one.find(" ")
    if space <= 0 or one[:space + 1] != other[:space + 1]:
        return 0
    return space + 1


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from after the last sentence end to the next one."""
    begin = 0
    for m in SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    while begin < start and text[begin].isspace():
        begin += 1
    after = SENTENCE_END.search(text, end)
    finish = after.end() if after and after.group() != "\n" else (
        after.start() if after else len(text))
    return begin, finish


# -- candidates -----------------------------------------------------------------------------
def _candidates(rule: Rule, sentence: str, tokens: list[Token], covered: list[int],
                people: Sequence[str]) -> list[tuple[str, int, int, str]]:
    """(label, start, end, words) in the sentence, before agreement and checking."""
    out = _named(rule, sentence, tokens, covered, people)  # their name first, where known
    out += _vocative(rule, sentence, tokens, covered)
    apposed = _appositive(rule, sentence, tokens, covered)
    if apposed:
        return out + apposed  # "my patient Mrs Begum": any other word before a name reads wrong
    parsed = _parsed(rule.rewrites)
    found = [(p, a, m) for p, a in parsed for m in [_match(p, sentence, tokens, covered)] if m]
    if not found:  # "contact was cancelled": a pattern for its first words will do
        found = [(p, a, m) for p, a in parsed
                 for m in [_match(p, sentence, tokens, covered, whole=False)] if m]
    for pattern, alternatives, match in found:
        start, end = tokens[match.first].start, match.end
        noun_after = match.last < len(tokens) and _base(tokens[match.last].low) in PERSON_NOUNS
        for alternative in alternatives:
            words = _fill(alternative, match, sentence)
            if words and noun_after and words.split()[-1].lower() in ("people", "person"):
                words = words.rsplit(" ", 1)[0]  # "the elderly ladies" -> "the older ladies"
                if pattern[0].lower() == "the" and not words.lower().startswith("the "):
                    words = "the " + words  # "the homeless man" -> "the homeless man"
            if words and noun_after and words.split()[0].lower() in ("people", "someone"):
                continue  # never "people without a home man"
            if words is None or (noun_after or _modifier_follows(tokens, match.last)) \
                    and PERSON_WITH.match(words):
                continue  # "the mentally handicapped lads": never "people with ... lads"
            done = end
            if pattern[0] == "{be}" and "{be}" not in alternative \
                    and (_next_low(tokens, match.last - 1) in AFTER_ADJECTIVE
                         or _adjective_follows(tokens, match.last - 1)):
                continue  # "was manipulative with staff": never "asked different staff with"
            if pattern[0] == "{be}" and "{be}" not in alternative:
                done, words = _agent_with(sentence, end, words)  # "went out ... with the team"
            out.append(("", start, done, _cased(sentence[start:done], words, start == 0)))
        break  # the first pattern that fits is the one meant
    if not rule.rewrites:
        out.extend(_plain(rule, sentence, tokens, covered))
    return out + _noun_with(rule, sentence, tokens, covered)


MASS = frozenset({"support", "help", "care", "advice", "information", "equipment"})  # no "a"
QUANTIFIERS = frozenset({"each", "every", "any", "another", "no", "one", "which", "what",
                         "whose", "either", "neither"})
PERSON_NOUNS = frozenset({
    "man", "men", "woman", "women", "lady", "ladies", "lad", "lads", "boy", "boys", "girl",
    "girls", "gentleman", "gentlemen", "gent", "gents", "kid", "kids", "child", "children",
    "person", "people", "chap", "chaps", "fella", "fellas", "bloke", "blokes", "youngster",
    "youngsters", "son", "daughter", "teenager", "teenagers", "adult", "adults", "resident",
    "residents", "folk", "folks"})
WITH_ALTERNATIVE = re.compile(
    r"^(?:a |an |the )?(?:person|people|someone) (with|living with) (.+)$")


def _noun_with(rule: Rule, sentence: str, tokens: list[Token],
               covered: list[int]) -> list[tuple[str, int, int, str]]:
    """A label before the word for the person goes after it, with "with": "the dementia
    lady" -> "the lady with dementia", "the mentally handicapped lads" -> "the lads with a
    learning disability" (from an alternative "person with a learning disability")."""
    if rule.category not in LABEL_CATEGORIES:
        return []
    first, last = covered[0], covered[-1]
    if tokens[first].low in DETERMINERS:
        first += 1
    noun = tokens[last]
    if noun.low in PERSON_NOUNS and first < last:  # the finding holds the person's word
        condition = _condition(sentence, tokens[first:last])
        if condition is None:
            return []
        start = tokens[first].start
        return [("", start, noun.end, f"{_cased(condition, noun.text, first == 0)} {how} "
                 f"{_uncased(condition, first == 0)}") for how in ("with", "living with")]
    after = last + 1
    if after >= len(tokens) or tokens[after].low not in PERSON_NOUNS \
            or sentence[tokens[last].end:tokens[after].start] != " ":
        return []
    out = []
    for alternative in rule.alternatives:
        found = WITH_ALTERNATIVE.match(alternative)
        if found:
            start = tokens[first].start
            word = _cased(sentence[start:], tokens[after].text, first == 0)
            out.append(("", start, tokens[after].end,
                        f"{word} {found.group(1)} {found.group(2)}"))
    return out


CONDITIONS = {"autistic": "autism", "diabetic": "diabetes", "epileptic": "epilepsy",
              "asthmatic": "asthma", "schizophrenic": "schizophrenia", "dyslexic": "dyslexia",
              "anorexic": "anorexia", "arthritic": "arthritis"}


def _condition(sentence: str, words: list[Token]) -> str | None:
    """The condition a label before a person's word names, as a noun ("autistic" ->
    "autism"); None if a word of it is a person's word or an adjective with no noun here."""
    if any(t.low in PERSON_NOUNS for t in words):
        return None
    last = words[-1]
    if last.low in ("down's", "downs"):  # "a Down's kid" -> "a kid with Down's syndrome"
        return sentence[words[0].start:last.end] + " syndrome"
    if last.low in CONDITIONS:
        return sentence[words[0].start:last.start] + CONDITIONS[last.low]
    kinds = _kinds(_base(last.low))
    if kinds and "NOUN" not in kinds and not _possessive(last.low):
        return None  # "the lovely man" is no condition
    return sentence[words[0].start:last.end]


def _uncased(words: str, at_start: bool) -> str:
    """A condition that began the sentence, as it reads inside it ("Dementia lady" -> "lady
    with dementia"); a name's condition keeps its capital ("Parkinson's")."""
    if at_start and not words.split()[0].endswith(("'s", "’s")):
        return words[:1].lower() + words[1:]
    return words


LABEL_CATEGORIES = frozenset(("labels", "medicalising", "objectifying"))


def _vocative(rule: Rule, sentence: str, tokens: list[Token],
              covered: list[int]) -> list[tuple[str, int, int, str]]:
    """Words said to a child, opening a note before the person's name and a comma (or before
    a comma), are left out: "Good boy Arthur, ate all his dinner" -> "Arthur ate all his
    dinner", "Bless him, he tried" -> "He tried"."""
    after = covered[-1] + 1
    if rule.category != "infantilising" or covered[0] != 0 or after >= len(tokens):
        return []
    if sentence.startswith(", ", tokens[covered[-1]].end):  # "Bless him, he tried" -> "He"
        following = tokens[after]
        return [("", 0, following.end, following.text[:1].upper() + following.text[1:])]
    name_end = _name_end(tokens, after)
    if name_end is None:
        return []
    comma = tokens[name_end - 1].end
    if not sentence.startswith(",", comma):
        return []
    name = sentence[tokens[after].start:comma]
    return [("", 0, comma + 1, name)]


def _appositive(rule: Rule, sentence: str, tokens: list[Token],
                covered: list[int]) -> list[tuple[str, int, int, str]]:
    """A label just before the person's name is left out, with its "my" or "the": "I visited
    my patient Mrs Begum" -> "I visited Mrs Begum"."""
    after = covered[-1] + 1
    if rule.category not in LABEL_CATEGORIES or after >= len(tokens) \
            or tokens[covered[-1]].low in AFTER_LABEL \
            or sentence[tokens[covered[-1]].end:tokens[after].start] != " ":
        return []
    name_end = _name_end(tokens, after)
    if name_end is None or tokens[after].low in TITLES and name_end == after + 1:
        return []
    first = covered[0]
    if first and tokens[first - 1].low in DETERMINERS | POSSESSIVES:
        first -= 1
    start, end = tokens[first].start, tokens[name_end - 1].end
    name = sentence[tokens[after].start:end]
    return [(name, start, end, _cased(sentence[start:end], name, start == 0))]


AFTER_LABEL = frozenset({"from", "in", "on", "at", "to", "of", "with", "for", "by", "and"})
AGENT = re.compile(r"\s+by\s+(?=the |his |her |their |my |our |a |[A-Z])")


def _agent_with(sentence: str, end: int, words: str) -> tuple[int, str]:
    """A passive made active keeps who went along: "was taken out to the cinema by the
    weekend team" -> "went to the cinema with the weekend team" (the span then runs to
    "by", which becomes "with")."""
    stop = CLAUSE_END.search(sentence, end)
    limit = stop.start() if stop else len(sentence)
    found = AGENT.search(sentence, end, limit)
    if found is None:
        return end, words
    return found.end(), words + sentence[end:found.start()] + " with "


def _plain(rule: Rule, sentence: str, tokens: list[Token],
           covered: list[int]) -> list[tuple[str, int, int, str]]:
    """A rule without rewrites: each alternative in place, in the finding's number and
    possessive (a determiner it brings replaces the sentence's); a verb phrase inflected like
    the verb it replaces, or like the "is"/"was" before an adjective it replaces."""
    first = covered[0]
    head = tokens[covered[-1]]
    verb = _lemma(head.low) if len(covered) == 1 and "VERB" in _kinds(head.low) else None
    tag = _tag(head.low, verb, tokens, covered[-1]) if verb else ""
    be = tokens[first - 1].low if first and tokens[first - 1].low in BE else ""
    plural = _noun_number(head.low) == "NNS"
    possessive = _possessive(head.low)
    out = []
    for alternative in rule.alternatives:
        if alternative.startswith("<"):
            continue
        words = alternative.split()
        start, end = tokens[first].start, head.end
        if "people" in words and not plural:
            continue  # a plural alternative for one person
        if not plural and first and tokens[first - 1].low in ("a", "an") and len(words) == 1 \
                and _noun_number(words[0].lower()) == "NNS":
            continue  # "a nappy" -> never "a pants"
        if not _same_shape(head.low, words, tokens[covered[-1] + 1:covered[-1] + 2]):
            continue
        if _starts_with_verb(words):
            if tag.startswith("VB") and tag != "VBP":
                words[0] = _inflect(_lemma(words[0]) or words[0], tag) or words[0]
            elif be and not verb:  # "is manipulative" -> "asks different staff"
                if _next_low(tokens, covered[-1]) in PREPOSITIONS and len(words) > 1 \
                        or _adjective_follows(tokens, covered[-1]):
                    continue  # never "asked different staff with the night staff"
                start = tokens[first - 1].start
                words[0] = be if words[0] in BE else (
                    _inflect(_lemma(words[0]) or words[0], BE[be]) or words[0])
            elif not verb:
                continue  # a verb phrase cannot stand in for a noun or an adjective
        if plural:
            words = _plural(words)
            if words[0] in ("a", "an"):
                words = words[1:]
        if not words:
            continue
        if words[0] in DETERMINERS:
            before = tokens[first - 1].low if first else ""
            if before in DETERMINERS or before in POSSESSIVES:
                start = tokens[first - 1].start
            elif first:
                words = words[1:]
        text = _cased(sentence[start:end], " ".join(words), start == 0)
        out.append(("", start, end, _possessed(text, possessive)))
    return out


AFTER_ADJECTIVE = frozenset({"with", "towards", "toward", "about"})


def _modifier_follows(tokens: list[Token], at: int) -> bool:
    """Whether an adjective or a noun, no verb, comes next ("the vulnerable elderly lady")."""
    if at >= len(tokens) or not at or tokens[at].start - tokens[at - 1].end != 1:
        return False  # the end, or a comma between
    kinds = _kinds(tokens[at].low)
    return bool(kinds) and kinds <= {"ADJ", "NOUN"} and tokens[at].low not in PRONOUN_LIKE


def _adjective_follows(tokens: list[Token], at: int) -> bool:
    """Whether "and" or "or" and an adjective follow ("lazy and unmotivated"): a verb phrase
    cannot stand for the first of them."""
    if _next_low(tokens, at) not in ("and", "or") or at + 2 >= len(tokens):
        return False
    word = tokens[at + 2].low
    kinds = _kinds(word)
    if not kinds:  # "unmotivated": not in the tables, but shaped like an adjective
        return word.endswith(("ed", "ive", "ful", "ous", "able", "ible", "less"))
    return "ADJ" in kinds and "VERB" not in kinds


def _next_low(tokens: list[Token], at: int) -> str:
    return tokens[at + 1].low if at + 1 < len(tokens) else ""


def _plural(words: list[str]) -> list[str]:
    """A noun phrase in the plural: its head, the last noun of the nouns it starts with,
    made plural ("continence pad" -> "continence pads", "person I support" -> "people I
    support"); a phrase that starts otherwise is left as it is."""
    words = list(words)
    at = 1 if words and words[0] in ("a", "an", "the") else 0
    head = -1
    while at < len(words) and words[at].isalpha() and _kinds(words[at].lower()) & {"NOUN"} \
            and words[at].lower() not in PRONOUN_LIKE:
        head, at = at, at + 1
    if head >= 0 and _noun_number(words[head].lower()) == "NN":
        words[head] = _inflect(words[head], "NNS") or words[head]
    return words


def _same_shape(head: str, words: list[str], following: list[Token]) -> bool:
    """Whether an alternative can stand where the finding's words stand: a noun phrase for a
    noun, a verb phrase for a verb or after "is"; never "the person I support I met"."""
    found = _kinds(_base(head))
    kinds = _kinds(words[0].lower())
    noun_alternative = (words[0] in DETERMINERS or "NOUN" in kinds
                        or words[0] in ("people", "someone") or words[0].endswith("ing"))
    if found and found <= {"NOUN", "PROPN"} and not noun_alternative:
        return False  # "a hoarder" -> "a finds it hard to let things go"
    if "NOUN" not in found and found and noun_alternative and words[0] not in DETERMINERS \
            and not _starts_with_verb(words):
        return False  # "he is wheelchair-bound" -> "he is wheelchair user"
    clause = {" I ", " we ", " who ", " that "}
    next_word = following[0].low if following else ""
    if next_word in PERSON_NOUNS and "NOUN" in kinds:
        return False  # "the handicapped lads" -> never "the people with ... lads"
    return not (any(c in f" {' '.join(words)} " for c in clause)
                and next_word in ("i", "we", "who", "that", "you", "they", "he", "she"))


def _is_noun(word: str) -> bool:
    kinds = _kinds(word)
    return "NOUN" in kinds and not kinds & {"AUX", "ADP", "DET", "PRON"} and word not in BE


def _kinds(word: str) -> set[str]:
    from lemminflect import getAllLemmas

    return set(getAllLemmas(word))


def _starts_with_verb(words: list[str]) -> bool:
    first = words[0].lower()
    kinds = _kinds(first)
    gerund = first.endswith("ing")  # "supporting someone" can stand in for a noun
    return first in BE or ("VERB" in kinds and not kinds & {"ADJ", "NOUN"} and not gerund)


AGENT_ENDINGS = ("er", "ist", "ic", "ee", "ant", "ent")  # a word for a person: "hoarder"


def _named(rule: Rule, sentence: str, tokens: list[Token], covered: list[int],
           people: Sequence[str]) -> list[tuple[str, int, int, str]]:
    """The one person the entry names, in place of a label for them (never if it names none
    or several, never for a plural)."""
    if len(people) != 1 or not ("<their name>" in rule.alternatives or (
            rule.category in LABEL_CATEGORIES and covered[0] > 0
            and tokens[covered[0] - 1].low in ("the", "this", "that", "my", "our")
            and _base(tokens[covered[-1]].low).endswith(AGENT_ENDINGS))):
        return []  # a label with "the" before it stands for a person, as "the hoarder" does
    if re.search(rf"(?<!\w){re.escape(people[0])}(?!\w)", sentence, re.IGNORECASE):
        return []  # named in the sentence already: "Sheila is my favourite Sheila" reads wrong
    head = tokens[covered[-1]]
    if _noun_number(head.low) == "NNS" and not _possessive(head.low):
        return []
    first, last = covered[0], _label_end(tokens, covered)
    while last > first and tokens[last].low in AFTER_LABEL:
        last -= 1  # "the transfer from Ward 9" -> "Mr Obi from Ward 9"
    head = tokens[last]
    if first > 0 and tokens[first - 1].low in DETERMINERS:
        first -= 1
    start, end = tokens[first].start, _where_end(tokens, last + 1, head.end)
    return [("", start, end, _possessed(people[0], _possessive(head.low)))]


def _where_end(tokens: list[Token], at: int, end: int) -> int:
    """Where a label's place ends, when one follows it: "the dementia lady in room 5" is
    all her name stands for ("Mrs Evans kept asking"), so the room goes with the label."""
    if at + 2 < len(tokens) and tokens[at].low == "in" and tokens[at + 1].low in ROOMS \
            and tokens[at + 2].low.isdigit():
        return tokens[at + 2].end
    return end


def _label_end(tokens: list[Token], covered: list[int]) -> int:
    """The last token of the label a finding starts with, before any verb it holds: "Bed 12"
    in "Bed 12 was shouting", so the name takes the label's place and the verb stays."""
    for at in covered[1:]:
        low, before = tokens[at].low, tokens[at - 1].low
        verb = low in BE or bool(_kinds(low) & {"VERB", "AUX"})
        if verb and before not in DETERMINERS and before not in POSSESSIVES \
                and not before.isalpha():
            return at - 1
    return covered[-1]


# -- patterns -------------------------------------------------------------------------------
@cache
def _parsed(lines: tuple[str, ...]) -> list[tuple[list[str], list[str]]]:
    out = []
    for line in lines:
        left, _sep, right = line.partition("=>")
        words = left.replace("-", " ").split()  # the text's "non-compliant" is two words
        out.append((words, [a.strip() for a in right.split("|") if a.strip()]))
    return out


def _match(pattern: list[str], sentence: str, tokens: list[Token],
           covered: list[int], whole: bool = True) -> Match | None:
    """The pattern matched around the finding's words (or, not whole, its first word)."""
    for begin in range(max(0, covered[0] - 3), covered[0] + 2):
        match = _match_at(pattern, sentence, tokens, begin)
        lead = 1 if tokens[covered[0]].low in DETERMINERS else 0  # "The disabled toilet"
        last = covered[-1] if whole else covered[0]
        if match and match.first <= covered[0] + lead and match.last >= last + 1:
            return match
    return None


PLURAL_BEFORE = frozenset({"both", "all", "two", "three", "four", "five", "six", "seven",
                           "eight", "nine", "ten", "several", "many", "few", "these", "those",
                           "some"})


def _low(tokens: list[Token], at: int) -> str:
    """A token as matched: an apostrophe plural after a number word is a plural ("both su's":
    "sus"), not a possessive."""
    low = tokens[at].low
    if low.endswith("'s") and at and tokens[at - 1].low in PLURAL_BEFORE:
        return low[:-2] + "s"
    return low


def _match_at(pattern: list[str], sentence: str, tokens: list[Token],
              begin: int) -> Match | None:
    at, slots, tag, possessive = begin, {}, "", ""
    end = 0
    for index, word in enumerate(pattern):
        if word == "{rest}":
            if at >= len(tokens):
                return None
            if tokens[at].low in NOT_AN_OBJECT or _all_day(tokens, at):
                return None  # "refused again" is not "said no to again"
            start = tokens[at].start
            stop = CLAUSE_END.search(sentence, start)
            finish = stop.start() if stop else len(sentence)
            rest = sentence[start:finish].rstrip()
            if not rest:
                return None
            slots["rest"] = rest
            end = start + len(rest)
            while at < len(tokens) and tokens[at].start < end:
                at += 1
            continue
        if at >= len(tokens):
            return None
        token = tokens[at]
        slot = SLOT.fullmatch(word)
        named = _name_end(tokens, at) if word == "{pron}" else None
        if named is not None:  # "put Mrs Green to bed" as "put {pron} to bed"
            slots["pron"] = sentence[token.start:tokens[named - 1].end]
            end, at = tokens[named - 1].end, named
            continue
        if slot:
            name = slot.group(1)
            if name == "be" and token.low in BE:
                tag = tag or BE[token.low]
            elif name == "be" and token.low in OTHER_BE:  # "has been", "will be", "being"
                tag = tag or OTHER_BE[token.low]
            elif name == "be" and at == begin and _contracted_be(token.low):
                # "She's attention seeking": the subject stays, "'s" is the "is"
                tag = tag or ("VBP" if token.low.endswith(("'re", "'m")) else "VBZ")
                slots["subject"] = token.text[:token.text.replace("’", "'").rindex("'")]
            elif name == "have" and token.low in HAVE.values():
                tag = tag or {v: k for k, v in HAVE.items()}[token.low]
            elif name == "noun" and (_is_noun(token.low) or (
                    token.text.isupper() and len(token.text) > 1)):  # "a COPD sufferer"
                pass
            elif name == "med" and MEDICINE.fullmatch(token.low):
                pass
            elif name == "num" and token.low.isdigit():
                pass
            elif name == "pron" and token.low in PRONOUNS:
                pass
            elif name == "poss" and (token.low in POSSESSIVES or _named_possessive(token)):
                pass  # "his", or a name's: "Ella's placement" -> "Ella's home"
            elif name != "verb" or token.low in PRONOUNS:
                return None
            slots[name] = token.text
            if name == "be" and _intensified(pattern[index + 1:], tokens, at + 1):
                at += 1  # "is very attention seeking" as "{be} attention seeking"
                slots["very"] = tokens[at].text
                token = tokens[at]
        elif word.endswith("+"):
            lemma = word[:-1].lower()
            if lemma != _base(token.low) and lemma not in _lemmas(_base(token.low)):
                return None
            tag = tag or _tag(_base(token.low), lemma, tokens, at)
            possessive = _possessive(token.low)
        elif _base(_low(tokens, at)) != word.lower():
            return None
        else:
            possessive = _possessive(_low(tokens, at)) or possessive
        end = token.end
        at += 1
    return Match(begin, at, end, slots, tag, possessive)


TIMES = TIME_WORDS | {"over", "that", "this", "of"}


def _all_day(tokens: list[Token], at: int) -> bool:
    """Whether "all" begins a time ("refused all day"), not an object ("all fluids")."""
    return tokens[at].low == "all" and (at + 1 >= len(tokens) or tokens[at + 1].low in TIMES)


INTENSIFIERS = frozenset({"very", "so", "really", "quite", "extremely", "rather", "too",
                          "incredibly", "particularly", "increasingly", "often", "sometimes"})


def _intensified(rest: list[str], tokens: list[Token], at: int) -> bool:
    """Whether an intensifier the pattern does not name follows its "be"."""
    return bool(rest) and at < len(tokens) and tokens[at].low in INTENSIFIERS \
        and rest[0].lower() != tokens[at].low and not rest[0].startswith("{")


NOT_POSSESSIVE = frozenset({"he's", "she's", "it's", "that's", "there's", "what's", "here's",
                            "who's", "let's", "where's", "how's"})


def _named_possessive(token: Token) -> bool:
    """Whether a token is a name's possessive ("Ella's", "Mr Shah's" ends so)."""
    return token.low.endswith("'s") and token.text[:1].isupper() \
        and token.low not in NOT_POSSESSIVE


def _contracted_be(low: str) -> bool:
    """Whether a word is a subject with "is", "are" or "am" run into it ("she's", "we're",
    "Paula's"), not "let's"; a possessive "Paula's" is told apart by what the pattern needs
    next (an "a", "an" or an adjective, never a noun it owns)."""
    return low.endswith(("'s", "'re", "'m")) and low not in ("let's", "it's", "that's", "there's",
                                                             "what's", "here's")


def _name_end(tokens: list[Token], at: int) -> int | None:
    """Where a person's name starting at token `at` ends (one past its last token): a
    capitalised word inside the sentence, with a title's name after it ("Mrs Begum")."""
    token = tokens[at]
    if at == 0 or not token.text[:1].isupper() or token.low.split("'")[0] in NOT_A_NAME:
        return None  # "I've" is not a name either
    end = at + 1
    if token.low in TITLES and end < len(tokens) and tokens[end].text[:1].isupper():
        end += 1
    return end


def _fill(alternative: str, match: Match, sentence: str) -> str | None:
    """An alternative with its slots filled and words inflected; None if it cannot fit."""
    out: list[str] = []
    for word in alternative.split():
        slot = SLOT.search(word)
        if slot:
            name = slot.group(1)
            value = _slot_value(name, match, sentence)
            if value is None:
                return None
            if name == "verb" and value.lower() == "being" and word == slot.group():
                continue  # "is being awkward" -> "is upset", never "is being upset"
            out.append(word.replace(slot.group(), value))
        elif word.endswith("+"):
            inflected = _inflect(word[:-1], match.tag) if match.tag else word[:-1]
            if inflected is None or match.tag == "VBG" and word[:-1] in STATIVE:
                return None  # never "is having dementia"
            out.append(inflected)
        else:
            out.append(word)
    very = match.slots.get("very")
    if very and len(out) == 2 and alternative.startswith("{be} ") \
            and (_kinds(out[1].lower()) & {"ADJ"} or out[1].endswith("ed")):
        out.insert(1, very.lower())  # "is very upset"; otherwise it goes: "needs reassurance"
    text = " ".join(out).replace("amn't", "am not")  # "{be}n't" after "I am"
    subject = match.slots.get("subject")
    if subject is not None:  # "She's attention seeking" -> "She needs reassurance"
        be = match.slots["be"]
        text = text.replace(be, f"{subject} {_uncontracted(be)}", 1) if be in text \
            else f"{subject} {text}"
    if match.possessive and CLAUSE_WORDS & set(text.split()[1:]):
        return None  # never "the person I support's daughter"
    return _possessed(text, match.possessive) if match.possessive else text


STATIVE = frozenset({"have", "need", "know", "own"})
CLAUSE_WORDS = frozenset({"I", "we", "who", "that", "you", "they"})


def _uncontracted(word: str) -> str:
    """The "be" a contraction holds: "she's" -> "is", "we're" -> "are", "I'm" -> "am"."""
    low = word.lower().replace("’", "'")
    return "are" if low.endswith("'re") else ("am" if low.endswith("'m") else "is")


def _slot_value(name: str, match: Match, sentence: str) -> str | None:
    if name in match.slots:
        return match.slots[name]
    if name == "do":
        return DO.get(match.tag)
    if name == "have":
        return HAVE.get(match.tag)
    if name == "their":
        return _possessive_pronoun(sentence)
    if name in ("man", "woman"):  # "the man in bed 4": either, unless the sentence says
        gender = _pronoun_gender(sentence)
        if gender == {"man": "f", "woman": "m"}[name]:
            return None
        return name
    if name == "take":  # "chose not to take his tablets", "chose not to have her lunch"
        return "take" if MEDICINE.search(match.slots.get("rest", "")) else "have"
    if name == "them":
        return {"m": "him", "f": "her"}.get(_pronoun_gender(sentence), "them")
    return None


# -- words ----------------------------------------------------------------------------------
CLAUSE_ENDS = frozenset({"here", "there", "it", "us", "them", "with", "to", "at", "in",
                         "on", "for", "well", "home"})


def _base(word: str) -> str:
    """A word without a possessive ending."""
    if word.endswith("'s"):
        return word[:-2]
    return word[:-1] if word.endswith("s'") else word


def _possessive(word: str) -> str:
    return "'s" if word.endswith("'s") else ("'" if word.endswith("s'") else "")


def _possessed(text: str, possessive: str) -> str:
    if not possessive:
        return text
    if text.split()[-1].lower() in CLAUSE_ENDS:
        return ""  # "the people who live here's garden": no rewrite reads right
    return text + ("'" if text.endswith("s") and not text.endswith("ss") else "'s")


@cache
def _lemmas(word: str) -> frozenset[str]:
    from lemminflect import getAllLemmas, getAllLemmasOOV

    found = {lemma for forms in getAllLemmas(word).values() for lemma in forms}
    if not found:
        found = {lemma for forms in getAllLemmasOOV(word, "VERB").values() for lemma in forms}
    british = word.replace("is", "iz") if "is" in word else word
    if british != word:
        found |= {lemma.replace("iz", "is")
                  for forms in getAllLemmas(british).values() for lemma in forms}
    return frozenset(found)


def _lemma(word: str) -> str | None:
    from lemminflect import getAllLemmas

    verbs = getAllLemmas(word.lower()).get("VERB")
    return verbs[0] if verbs else None


def _noun_number(word: str) -> str:
    base = _base(word)
    if word.endswith("s'"):
        return "NNS"
    from lemminflect import getAllLemmas

    nouns = getAllLemmas(base).get("NOUN")
    return "NNS" if nouns and nouns[0] != base else "NN"


def _tag(form: str, lemma: str, tokens: list[Token], at: int) -> str:
    """The Penn tag of a matched form: VBD, VBN, VBZ, VBG, VB, VBP, NN or NNS."""
    from lemminflect import getAllInflections, getAllInflectionsOOV

    inflections = getAllInflections(lemma) or getAllInflectionsOOV(lemma, "VERB")
    tags = ({tag for tag, forms in inflections.items() if forms and forms[0] == form}
            or {tag for tag, forms in inflections.items() if form in forms})
    before = tokens[at - 1].low if at else ""
    if not tags:
        tags = {"VBD"} if form.endswith("ed") else {"VBG"} if form.endswith("ing") else \
            {"VBZ"} if form.endswith("s") else {"VBP"}
    if tags & {"VB", "VBP"} and before in MODALS:  # "don't let him": not "supported"
        return "VB"
    if "VBD" in tags and ("VBN" in tags or before in PERFECT):  # "has absconded": VBN
        return "VBN" if before in PERFECT else "VBD"
    if tags & {"VB", "VBP"}:
        return "VB" if before in MODALS else "VBP"
    for tag in ("VBD", "VBN", "VBZ", "VBG", "NNS", "NN"):
        if tag in tags:
            return tag
    return str(next(iter(tags)))


def _inflect(lemma: str, tag: str) -> str | None:
    """lemma in this tense or number (the first word of a phrasal verb)."""
    if tag in ("NN", "VB", "VBP") or not tag:
        return lemma
    if tag == "NNS" and lemma in IRREGULAR_PLURAL:
        return IRREGULAR_PLURAL[lemma]
    from lemminflect import getInflection

    forms = getInflection(lemma, tag)
    return forms[0] if forms else None


def _cased(original: str, words: str, at_start: bool = True) -> str:
    """words capitalised like the original, where the original begins its sentence."""
    if at_start and original[:1].isupper() and words[:1].islower():
        return words[:1].upper() + words[1:]
    return words


def _agree(sentence: str, start: int, end: int, words: str) -> tuple[int, int, str]:
    """Put "a"/"an" before the new words right (taking the article into the span), and
    "the" before a bare "person" ("Client was out" -> "The person was out")."""
    before = sentence[:start]
    earlier = TOKEN.findall(before)[-2:]
    previous = earlier[-1:] or [""]
    if len(earlier) == 2 and "ADJ" in _kinds(earlier[1].lower()):
        previous = earlier[:1]  # "my favourite client": the determiner before the adjective
    bare = previous[0].lower() not in DETERMINERS | POSSESSIVES | QUANTIFIERS \
        and not previous[0].isdigit() \
        and not previous[0].lower().endswith(("'s", "’s", "s'"))
    if words.split()[0].lower() == "person" and bare:
        words = _cased(words, "the " + words[0].lower() + words[1:], start == 0)
    own = re.search(r"\b(?:our|my|your)\s+$", before, re.IGNORECASE)
    if own and words.split()[0].lower() in ("person", "people"):
        # "our dementia patients" -> "the people living with dementia", not "our people"
        return own.start(), end, _cased(before[own.start():], "the " + words, True)
    m = re.search(r"\b(an?|An?)\s+$", before)
    if not m:
        return start, end, words
    article = m.group(1)
    wanted = "an" if _vowel_sound(words) else "a"
    if words.split()[0].lower() in MASS | {"people", "someone"} or words[:1].isupper() and \
            words.split()[0] not in ("A", "An"):
        # no article before a plural, "someone", "support" or a name
        return m.start(), end, _cased(article, words)
    if article.lower() == wanted:
        return start, end, words
    fixed = wanted.capitalize() if article[0].isupper() else wanted
    return m.start(), end, f"{fixed} {words}"


def _vowel_sound(words: str) -> bool:
    first = words.split()[0].lower() if words.split() else ""
    if first.startswith(("uni", "use", "usu", "one", "eu")):
        return False
    return first[:1] in "aeiou" or first.startswith(("hour", "honest"))


def _pronoun_gender(text: str) -> str:
    """"m", "f", "both" or "" by the pronouns of a text; by its titles where it has none
    ("Mr Obi needs two staff with him")."""
    found = TOKEN.findall(text)
    words = {CONTRACTION.sub("", w.lower()) for w in found}  # "she's": she
    male, female = bool(words & {"he", "him", "his", "himself"}), \
        bool(words & {"she", "her", "hers", "herself"})
    if not (male or female):
        titles = set(found)  # as a title is written: "Ms", never "MS" (a condition)
        male, female = bool(titles & {"Mr"}), bool(titles & {"Mrs", "Ms", "Miss"})
    return "m" if male and not female else "f" if female and not male else \
        "" if not (male or female) else "both"


# words after "her" that show it is "him"/"them", not "his"/"their" ("agreed with her that")
NOT_OWNED = frozenset({"to", "with", "and", "for", "in", "that", "at", "on", "about", "when",
                       "if", "so", "as", "but", "or", "because", "before", "after", "again",
                       "too", "out", "up", "down", "off", "back", "then", "now", "today",
                       "first", "know", "go", "be", "do", "what", "how", "why", "where"})


def fitted(sentence: str, alternative: str) -> str:
    """An alternative shown beside a sentence, its pronouns agreeing with the sentence's
    (they/them when it has none): never "she chose to" about a man."""
    return _gendered(sentence, alternative)


def _gendered(sentence: str, words: str) -> str:
    """Pronouns in the new words that agree with the sentence's (neutral if it has none)."""
    gender = _pronoun_gender(sentence)
    own = _pronoun_gender(words)
    if not own or gender == "both" or own == gender:
        return words
    tokens = TOKEN.split(words)
    found = TOKEN.findall(words)
    out = [tokens[0]]
    for index, word in enumerate(found):
        low = word.lower()
        if gender == "f":
            new = MALE.get(low, low)
        elif gender == "m":
            new = FEMALE.get(low, low)
            if low == "her":
                following = found[index + 1].lower() if index + 1 < len(found) else ""
                new = "his" if following and following not in NOT_OWNED else "him"
        else:
            following = found[index + 1].lower() if index + 1 < len(found) else ""
            possessive = following and following not in NOT_OWNED
            new = NEUTRAL.get(low, ("their" if possessive else "them") if low == "her" else low)
        out.append(new if word.islower() else new.capitalize())
        out.append(tokens[index + 1])
    made = "".join(out)
    return _they_agree(made) if gender not in ("f", "m") else made


THEY_FORMS = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't",
              "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't"}


def _they_agree(text: str) -> str:
    """A verb after a 'they' that was 'she' or 'he' agrees with it ('where they live')."""
    def agree(match: re.Match[str]) -> str:
        verb = match.group(2)
        low = verb.lower()
        if low in THEY_FORMS:
            plain = THEY_FORMS[low]
        elif low.endswith("s") and not low.endswith("ss") and (lemma := _lemma(low)) \
                and lemma != low and _third_person(lemma) == low:
            plain = lemma
        else:
            return match.group(0)
        return f"{match.group(1)} {plain}"
    return re.sub(r"\b([Tt]hey) ([\w']+)", agree, text)


def _third_person(lemma: str) -> str:
    from lemminflect import getInflection

    forms = getInflection(lemma, "VBZ")
    return forms[0] if forms else ""


def _possessive_pronoun(sentence: str) -> str:
    gender = _pronoun_gender(sentence)
    return {"m": "his", "f": "her"}.get(gender, "their")
