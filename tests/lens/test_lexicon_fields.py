"""The lexicon's fields added in step 11: sources by id, 'about', 'rewrites' and numbers."""

from __future__ import annotations

from pathlib import Path

from carejournal.lens.lexicon import choices, load_lexicon
from carejournal.lens.matcher import Lens

HEAD = '''
version = 1
[categories.labels]
name = "Labels"
description = "Labels."
'''
SOURCES = '''
[source.guide]
title = "A guide"
publisher = "Someone"
year = 2020
link = "https://example.org/guide"
says = "Say the person's name."
read = true
[source.blog]
title = "A blog"
publisher = "Someone else"
link = "https://example.org/blog"
'''


def rule(rule_id: str, extra: str) -> str:
    return (f'[[rule]]\nid = "{rule_id}"\ncategory = "labels"\nphrases = ["bed #"]\n'
            f'why = "A person is not a bed."\nalternatives = ["<their name>"]\n{extra}\n')


def write(tmp_path: Path, rules: str, sources: str | None = SOURCES) -> Path:
    path = tmp_path / "lexicon.toml"
    path.write_text(HEAD + rules, encoding="utf-8")
    if sources is not None:
        (tmp_path / "lens_sources.toml").write_text(sources, encoding="utf-8")
    return path


def test_sources_are_read_beside_the_lexicon_and_cited_by_id(tmp_path: Path) -> None:
    lexicon = load_lexicon(write(tmp_path, rule("beds", 'sources = ["guide"]\nafter = ["blog"]')))
    assert lexicon.problems == ()
    citations = lexicon.rules[0].citations
    assert [(c.source.id, c.after) for c in citations] == [("guide", False), ("blog", True)]
    assert lexicon.rules[0].source == ("Someone, 'A guide' (2020); "
                                       "after Someone else, 'A blog'")
    assert citations[1].as_json() == {"id": "blog", "title": "A blog",
                                      "publisher": "Someone else", "year": None,
                                      "link": "https://example.org/blog", "after": True}
    assert lexicon.sources["guide"].read and not lexicon.sources["blog"].read


def test_an_unknown_source_or_none_at_all_leaves_the_rule_out(tmp_path: Path) -> None:
    lexicon = load_lexicon(write(tmp_path, rule("one", 'sources = ["nowhere"]')
                                 + rule("two", "") + rule("three", 'after = ["blog"]')))
    assert [r.id for r in lexicon.rules] == ["three"]
    assert any("unknown source(s) nowhere" in p for p in lexicon.problems)
    assert any("'two'" in p and "sources" in p for p in lexicon.problems)


def test_a_plain_text_source_still_loads_without_a_sources_file(tmp_path: Path) -> None:
    lexicon = load_lexicon(write(tmp_path, rule("beds", 'source = "my own notes"'), None))
    assert lexicon.problems == () and lexicon.rules[0].source == "my own notes"


def test_a_source_needs_a_title_publisher_and_link(tmp_path: Path) -> None:
    broken = SOURCES + '[source.half]\ntitle = "No link"\npublisher = "Me"\n'
    lexicon = load_lexicon(write(tmp_path, rule("beds", 'after = ["blog"]'), broken))
    assert "half" not in lexicon.sources
    assert any("source 'half'" in p for p in lexicon.problems)


def test_about_may_only_be_person(tmp_path: Path) -> None:
    lexicon = load_lexicon(write(tmp_path, rule("one", 'after = ["blog"]\nabout = "person"')
                                 + rule("two", 'after = ["blog"]\nabout = "nobody"')))
    assert [(r.id, r.about) for r in lexicon.rules] == [("one", "person")]


def test_a_rewrite_needs_its_arrow(tmp_path: Path) -> None:
    lexicon = load_lexicon(write(
        tmp_path, rule("one", 'after = ["blog"]\nrewrites = ["bed # => the person"]')
        + rule("two", 'after = ["blog"]\nrewrites = ["bed #, the person"]')))
    assert [(r.id, r.rewrites) for r in lexicon.rules] == [("one", ("bed # => the person",))]


def test_a_hash_is_any_number_and_an_hour_one_to_twelve(tmp_path: Path) -> None:
    extra = '''after = ["blog"]\n[[rule]]\nid = "slot"\ncategory = "labels"
phrases = ["my {hour} o'clock"]\nwhy = "A person is not a slot."\nalternatives = ["<name>"]
after = ["blog"]\n'''
    lens = Lens(load_lexicon(write(tmp_path, rule("beds", extra))))
    assert [f.rule for f in lens.check("Bed 4 and bed 99 and bed 100.")] == ["beds", "beds"]
    assert [f.text for f in lens.check("My 9 o'clock, my 13 o'clock.")] == ["My 9 o'clock"]


def test_two_hours_or_a_leading_number_are_refused_and_two_numbers_are_read(
        tmp_path: Path) -> None:
    for phrase in ("{hour} and {hour}", "bed # at {hour}", "# beds"):
        text = rule("beds", 'after = ["blog"]').replace('"bed #"', f'"{phrase}"')
        lexicon = load_lexicon(write(tmp_path, text))
        assert lexicon.rules == () and lexicon.problems, phrase
    text = rule("beds", 'after = ["blog"]').replace('"bed #"', '"bay # bed #"')
    lens = Lens(load_lexicon(write(tmp_path, text)))
    assert [f.text for f in lens.check("Bay 3 bed 12 rang; bay 3 bed 100 too.")] == [
        "Bay 3 bed 12"]


def test_choices_in_brackets_stand_for_one_phrase_each(tmp_path: Path) -> None:
    assert choices("(room|flat) # (rang|wants)") == [
        "room # rang", "room # wants", "flat # rang", "flat # wants"]
    assert choices("the (new |)one") == ["the new one", "the one"]
    path = tmp_path / "lexicon.toml"
    path.write_text('''
[categories.objectifying]
name = "Objectifying"
[[rule]]
id = "place-as-person"
category = "objectifying"
phrases = ["(room|flat) # (rang|wants)"]
exceptions = ["(the|our) flat # rang"]
why = "A person is not a room."
alternatives = ["<their name>"]
source = "test"
[[rule]]
id = "bad"
category = "objectifying"
phrases = ["(room) #"]
why = "x"
alternatives = ["y"]
source = "test"
''', encoding="utf-8")
    lexicon = load_lexicon(path)
    assert [r.id for r in lexicon.rules] == ["place-as-person"]
    assert "needs a '|'" in lexicon.problems[0]
    found = [f.text for f in Lens(lexicon).check("Flat 9 rang twice. Then our flat 3 rang. "
                                                 "Room 12 wants tea.")]
    assert found == ["Flat 9 rang", "Room 12 wants"]


def test_unless_words_elsewhere_in_the_sentence_silence_the_rule(tmp_path: Path) -> None:
    extra = 'sources = ["guide"]\nunless = ["mattress", "Store"]'
    lens = Lens(load_lexicon(write(tmp_path, rule("bed-number", extra))))
    assert [f.text for f in lens.check("Bed 4 rang twice. The mattress is new.")] == ["Bed 4"]
    assert lens.check("Bed 4 needs a new mattress.") == []
    assert lens.check("Bed 6 in the store is broken.") == []
    hyphened = Lens(load_lexicon(write(tmp_path, rule(
        "bed-number", 'sources = ["guide"]\nunless = ["five-a-side"]'))))
    assert hyphened.check("Bed 4 is free for the five-a-side lads.") == []
    assert [f.text for f in hyphened.check("Bed 4 wants a side salad.")] == ["Bed 4"]
    bad = load_lexicon(write(tmp_path, rule("bed-number", 'sources = ["guide"]\n'
                                                         'unless = ["two words"]')))
    assert bad.rules == () and "one word" in bad.problems[0]
