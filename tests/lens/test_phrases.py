"""Phrase expansion and matching: case, inflections, hyphens, whole words, exceptions."""

from __future__ import annotations

import pytest

from carejournal.lens.phrases import PhraseError, PhraseMatcher, expand, inflections, words_of


def found(phrases: dict[str, list[str]], text: str,
          exceptions: dict[str, list[str]] | None = None) -> list[tuple[str, str]]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    owners = {name: name for name in phrases}  # one object per owner, as rules are
    for name, items in phrases.items():
        extra = [v for e in (exceptions or {}).get(name, []) for v in expand(e)]
        for phrase in items:
            for words in expand(phrase, {"behaviour": ["behavior"]}):
                matcher.add(words, owners[name])
        matcher.add_exceptions(owners[name], extra)
    matcher.finalise()
    return [(text[m.start:m.end], m.payload) for m in matcher.find(text)]


def test_words_keep_offsets_and_drop_possessives() -> None:
    text = "The client’s tea, Zoë's CAFÉ"
    words = words_of(text)
    assert words.norms == ["the", "client", "tea", "zoë", "café"]
    assert [text[s:e] for s, e in zip(words.starts, words.ends, strict=True)][1] == "client’s"


def test_inflections_cover_regular_forms() -> None:
    assert {"refuse", "refuses", "refused", "refusing"} <= set(inflections("refuse"))
    assert {"family", "families"} <= set(inflections("family"))
    assert {"kick", "kicks", "kicked", "kicking"} <= set(inflections("kick"))
    assert "stopped" in inflections("stop")


def test_hyphenated_phrase_matches_spaced_and_joined_forms() -> None:
    text = "non-compliant, non compliant, noncompliant, Non‑Compliant, non. compliant"
    assert [t for t, _ in found({"nc": ["non-compliant"]}, text)] == [
        "non-compliant", "non compliant", "noncompliant", "Non‑Compliant"]


def test_whole_words_only() -> None:
    assert found({"case": ["case", "cases"]}, "suitcase casing cases showcase") == [
        ("cases", "case")]
    assert found({"feed": ["feed+"]}, "feedback was good; feeds") == [("feeds", "feed")]
    # Since step 11 "+" also matches irregular forms (fed), so "fed up" needs an exception.
    assert found({"feed": ["feed+"]}, "fed up; fed him", {"feed": ["fed up"]}) == [
        ("fed", "feed")]


def test_longest_phrase_wins_and_matches_do_not_overlap() -> None:
    text = "She refused to engage, then refused lunch."
    assert found({"refuse": ["refuse+"], "engage": ["refuse+ to engage"]}, text) == [
        ("refused to engage", "engage"), ("refused", "refuse")]


def test_spelling_variants_apply_to_every_phrase_word() -> None:
    text = "challenging behaviors and CHALLENGING BEHAVIOUR"
    assert len(found({"cb": ["challenging behaviour+"]}, text)) == 2


def test_exceptions_cover_ordinary_uses() -> None:
    rules = {"case": ["case"]}
    unless = {"case": ["in case", "in any case", "in the case of"]}
    text = "Just in case. In any case, in the case of rain. Her case was closed."
    assert found(rules, text, unless) == [("case", "case")]
    assert text.index("case was") == text.rindex("case was")


@pytest.mark.parametrize("exceptions_between", [False, True])
def test_an_exception_covers_a_match_that_opens_inside_it(exceptions_between: bool) -> None:
    # Exceptions are indexed only by the words a match can open with ("kicked", and "doubles"
    # after "the"), also when a phrase that opens with another word comes after them.
    matcher: PhraseMatcher[str] = PhraseMatcher()
    exceptions = [("match", "kicked", "off"), ("doubles", "match")]
    matcher.add(("kicked", "off"), "rule")
    if exceptions_between:
        matcher.add_exceptions("rule", exceptions)
    matcher.add(("the", "doubles"), "rule")
    if not exceptions_between:
        matcher.add_exceptions("rule", exceptions)
    matcher.finalise()
    text = "The match kicked off late, the doubles match too. Jo kicked off. The doubles ate."
    assert [text[m.start:m.end] for m in matcher.find(text)] == ["kicked off", "The doubles"]
    assert [m.start for m in matcher.find(text)] == [text.index("Jo") + 3, text.rindex("The")]


def test_words_across_other_punctuation_do_not_join() -> None:
    assert found({"su": ["service user+"]}, "the service. Users came") == []
    assert found({"su": ["service user+"]}, "Service\nusers came") == [("Service\nusers", "su")]


def test_invisible_joiners_and_wide_letters_are_read_as_plain_words() -> None:
    wide = "ＮＯＮ-ＣＯＭＰＬＩＡＮＴ"
    text = f"non\u00adcompliant {wide}"
    assert [t for t, _ in found({"nc": ["non-compliant"]}, text)] == ["non\u00adcompliant", wide]


def test_bad_phrases_are_refused() -> None:
    with pytest.raises(PhraseError):
        expand("   ")
    with pytest.raises(PhraseError):
        expand("--- ...")
    with pytest.raises(PhraseError):
        expand(" ".join(["a-b+"] * 8))


def test_a_longer_phrase_starting_inside_a_match_wins() -> None:
    rules = {"elderly": ["the elderly"], "emi": ["elderly mentally infirm"]}
    assert found(rules, "a unit for the elderly mentally infirm; the elderly") == [
        ("elderly mentally infirm", "emi"), ("the elderly", "elderly")]


def test_a_plus_word_finds_irregular_forms_but_never_another_word() -> None:
    from carejournal.lens.phrases import all_inflections

    assert {"fed", "feeds", "feeding"} <= set(all_inflections("feed"))
    assert "sought" in all_inflections("seek") and "lost" in all_inflections("lose")
    assert "children" in all_inflections("child") and "letting" in all_inflections("let")
    for word, other in (("stay", "staid"), ("stay", "staves"), ("drink", "drunk"),
                        ("break", "broken"), ("drive", "driven")):
        assert other not in all_inflections(word), (word, other)
    assert found({"feed": ["feed+ him"]}, "She fed him; he feeds himself") == [("fed him", "feed")]


def test_the_inflection_dictionary_loads_only_when_a_lexicon_is_read() -> None:
    import subprocess
    import sys

    script = ("import sys\nimport carejournal.lens.matcher, carejournal.lens.context\n"
              "print('lemminflect' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
