"""The shipped lexicon (resources/lexicon.toml): it loads, and it covers what issue 4 asks."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from carejournal.lens.lexicon import choices
from carejournal.lens.matcher import Lens, Lexicon, load_lexicon

LABELLED = Path(__file__).with_name("labelled.toml")
CATEGORIES = {"labels", "blame", "power", "jargon", "othering", "infantilising", "medicalising",
              "objectifying"}

# One short sentence for every wording the issue names, and the rule that must notice it.
REQUIRED = [
    ("Two service users came to the group.", "service-user"),
    ("The service user's sister rang.", "service-user"),
    ("My client wanted tea.", "client"),
    ("The residents went to the park.", "resident"),
    ("She is a sad case.", "case"),
    ("Three new cases this week.", "case"),
    ("Everyone on the team has bigger caseloads.", "caseload"),
    ("We protect the vulnerable.", "vulnerable"),
    ("He is a vulnerable adult.", "vulnerable"),
    ("A club for the elderly.", "the-elderly"),
    ("He is a dementia sufferer.", "sufferer"),
    ("She suffers from dementia.", "suffers-from"),
    ("He is wheelchair-bound.", "wheelchair-bound"),
    ("She is confined to a wheelchair.", "wheelchair-bound"),
    ("He is non-compliant.", "non-compliant"),
    ("He is noncompliant.", "non-compliant"),
    ("He is non compliant.", "non-compliant"),
    ("She refuses lunch.", "refuses"),
    ("She refused lunch.", "refuses"),
    ("She is refusing lunch.", "refuses"),
    ("She will refuse lunch.", "refuses"),
    ("He refused to engage.", "refused-to-engage"),
    ("She was resistant.", "resistant"),
    ("He has challenging behaviour.", "challenging-behaviour"),
    ("He has challenging behavior.", "challenging-behaviour"),
    ("He was kicking off.", "kicking-off"),
    ("He kicked off at tea.", "kicking-off"),
    ("She is attention seeking.", "attention-seeking"),
    ("He is manipulative.", "manipulative"),
    ("She was aggressive.", "aggressive"),
    ("He was defiant.", "defiant"),
    ("A difficult family.", "difficult-person"),
    ("The difficult families on the list.", "difficult-person"),
    ("A difficult person.", "difficult-person"),
    ("A difficult man.", "difficult-person"),
    ("She is being difficult.", "difficult-person"),
    ("He is difficult to work with.", "difficult-person"),
    ("They are hard to reach.", "hard-to-reach"),
    ("He is a frequent flyer.", "frequent-flyer"),
    ("She is a bed blocker.", "bed-blocker"),
    ("He lacks insight.", "lacks-insight"),
    ("She is in denial.", "in-denial"),
    ("He was wandering.", "wandering"),
    ("She absconded.", "absconded"),
    ("Her placement ended.", "placement"),
    ("His care package starts.", "care-package"),
    ("The package of care starts.", "care-package"),
    ("Respite is booked.", "respite"),
    ("I fed him lunch.", "feeding"),
    ("I had to feed her.", "feeding"),
    ("Feeding them took an hour.", "feeding"),
    ("She needs feeding.", "feeding"),
    ("The feeders sit here.", "feeders"),
    ("Toileting every two hours.", "toileting"),
    ("He is non-verbal.", "non-verbal"),
    ("There is too much us and them.", "us-and-them"),
    ("It felt like them and us.", "us-and-them"),
    ("These people need help.", "these-people"),
    ("Those people never come.", "these-people"),
    ("People like that never change.", "people-like-that"),
    ("That lot upstairs again.", "that-lot"),
]

# Ordinary English the issue names, which must never be flagged.
ORDINARY = [
    "I asked them.", "them", "Them.", "Just in case.", "In any case, we went.",
    "In that case, Thursday.", "In this case I was wrong.", "In the case of a fall, ring.",
    "The case for a move.", "We made a case for it.", "That was the case.",
    "It may be the case.", "A case study.", "Her suitcase.", "Good feedback.",
    "I was fed up.", "A difficult day.", "It was difficult.", "The refuse collection.",
    "The refuse bin.", "A refuse sack.", "A water resistant coat.",
    "The elderly man next door.", "The elderly woman waved.", "The elderly couple.",
    "The DNA test.",
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    """The shipped lexicon, loaded once."""
    return load_lexicon()


@pytest.fixture(scope="module")
def lens(lexicon: Lexicon) -> Lens:
    """A lens over the shipped lexicon with every rule on."""
    return Lens(lexicon)


def _flagged() -> list[tuple[str, list[str]]]:
    data = tomllib.loads(LABELLED.read_text(encoding="utf-8"))
    return [(item["text"], list(item["rules"])) for item in data["flagged"]]


def test_the_shipped_lexicon_loads_without_problems(lexicon: Lexicon) -> None:
    assert lexicon.problems == ()
    assert len(lexicon.rules) >= 60


def test_every_category_is_named_and_used(lexicon: Lexicon) -> None:
    assert set(lexicon.categories) == CATEGORIES
    assert {rule.category for rule in lexicon.rules} == CATEGORIES
    for category in lexicon.categories.values():
        assert category.name and category.description.endswith("."), category.key


def test_every_rule_explains_itself_and_offers_alternatives(lexicon: Lexicon) -> None:
    ids = [rule.id for rule in lexicon.rules]
    assert len(ids) == len(set(ids))
    for rule in lexicon.rules:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.id)
        assert rule.why.endswith(".") and "\n" not in rule.why and len(rule.why) <= 130, rule.id
        assert 1 <= len(rule.alternatives) <= 4, rule.id
        assert all(a.strip() for a in rule.alternatives), rule.id
        assert rule.source.strip() and rule.phrases, rule.id


def test_no_rule_flags_another_rules_alternative(lexicon: Lexicon, lens: Lens) -> None:
    """What a rule offers instead ("delayed discharge" for "bed blocker") is never flagged
    itself, alone, said of one of the entry's people or named as what something was."""
    flagged = []
    for rule in lexicon.rules:
        for alternative in rule.alternatives:
            if "<" in alternative:
                continue  # "<their name>": a slot, not words
            for text in (alternative, f"Mr Osei is {alternative} this week.",
                         f"It was a {alternative}, not his fault."):
                found = [(f.rule, f.text) for f in lens.check(text, people=["Mr Osei"])
                         if not f.mention]
                if found:
                    flagged.append((rule.id, text, found))
    assert flagged == []


def test_every_rule_cites_known_sources_and_every_source_is_cited(lexicon: Lexicon) -> None:
    assert len(lexicon.sources) >= 15
    cited: set[str] = set()
    for rule in lexicon.rules:
        assert rule.citations, f"{rule.id} cites no source"
        assert len({c.source.id for c in rule.citations}) == len(rule.citations), rule.id
        cited |= {c.source.id for c in rule.citations}
    assert cited == set(lexicon.sources), sorted(set(lexicon.sources) - cited)
    for source in lexicon.sources.values():
        assert source.title and source.publisher and source.link and source.says, source.id
        assert source.link.startswith(("https://", "http://", "seeds/")), source.id


def test_a_rule_names_a_source_only_if_that_source_was_read(lexicon: Lexicon) -> None:
    """Citing a guide as naming the wording (not 'after') needs its own words to have been read."""
    for rule in lexicon.rules:
        for citation in rule.citations:
            assert citation.after or citation.source.read, (rule.id, citation.source.id)


def test_the_new_families_are_covered(lexicon: Lexicon) -> None:
    counts = {key: sum(r.category == key for r in lexicon.rules) for key in CATEGORIES}
    assert counts["infantilising"] >= 6 and counts["medicalising"] >= 6
    assert counts["objectifying"] >= 6, counts


@pytest.mark.parametrize(("text", "rule_id"), REQUIRED)
def test_every_wording_the_issue_names_is_noticed(lens: Lens, text: str, rule_id: str) -> None:
    assert rule_id in [finding.rule for finding in lens.check(text)]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_english_is_left_alone(lens: Lens, text: str) -> None:
    assert lens.check(text) == []


def test_each_phrase_written_out_alone_is_found_by_its_own_rule(
        lexicon: Lexicon, lens: Lens) -> None:
    """A phrase with choices ("(room|flat) # rang") is each of its phrases: every one is found
    whole (one an earlier rule also names may be found by that rule), and at least one by the
    phrase's own rule. A rule about "someone" needs a person before it: "She" is put there;
    one about a "thing" needs a care thing, which is then what is found: "The PEG"; one
    about an "address" needs one after it: " in room 4" is put there."""
    dead = []
    for rule in lexicon.rules:
        for phrase in rule.phrases:
            own = False
            for one in choices(phrase):
                text = one.replace("+", "").replace("#", "4").replace("{hour}", "9")
                lead = {"someone": "She ", "thing": "The PEG "}.get(rule.about, "")
                tail = " in room 4" if rule.about == "address" else ""
                found = [(f.rule, f.text) for f in lens.check(lead + text + tail)]
                text = "The PEG" if rule.about == "thing" else text
                own = own or found == [(rule.id, text)]
                if tail and len(found) == 1 and found[0][1] in (text, text + tail):
                    continue  # "the MS in room 4": the longer phrase of another rule
                if len(found) != 1 or found[0][1] != text:
                    dead.append(f"{rule.id}: {text!r} gives {found}")
            if not own:
                dead.append(f"{rule.id}: no phrase of {phrase!r} is found by its own rule")
    assert dead == []


def test_no_rule_matches_a_plain_pronoun(lens: Lens) -> None:
    for word in ("them", "they", "those", "these", "us", "we", "people", "him", "her"):
        assert lens.check(f"I saw {word} today.") == [], word


def test_every_rule_is_triggered_by_a_labelled_sentence(lexicon: Lexicon, lens: Lens) -> None:
    proven: set[str] = set()
    for text, expected in _flagged():
        proven |= set(expected) & {finding.rule for finding in lens.check(text)}
    untested = sorted({rule.id for rule in lexicon.rules} - proven)
    assert untested == []


def test_the_labelled_set_names_only_rules_that_exist(lexicon: Lexicon) -> None:
    ids = {rule.id for rule in lexicon.rules}
    named = {rule for _text, expected in _flagged() for rule in expected}
    assert named <= ids, sorted(named - ids)
