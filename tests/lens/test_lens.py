"""The lens over a lexicon: findings, switched-off rules, dismissals and bad lexicon files."""

from __future__ import annotations

from pathlib import Path

from carejournal.lens.matcher import Lens, load_lexicon


def test_findings_carry_offsets_reason_and_alternatives(lexicon_file: Path) -> None:
    text = "Met the service users. Non-compliant with meds."
    findings = Lens(load_lexicon(lexicon_file)).check(text)
    assert [(f.text, f.rule, f.category) for f in findings] == [
        ("service users", "service-user", "labels"), ("Non-compliant", "non-compliant", "blame")]
    first = findings[0]
    assert text[first.start:first.end] == first.text
    assert first.alternatives == ("the person I support", "<their name>")
    assert first.why.startswith("It makes")
    assert first.as_json()["alternatives"] == ["the person I support", "<their name>"]


def test_switched_off_rules_and_dismissed_keys_are_left_out(lexicon_file: Path) -> None:
    lens = Lens(load_lexicon(lexicon_file))
    text = "Her case notes; a non-compliant day; non compliant again"
    keys = [f.key for f in lens.check(text)]
    assert keys == ["case:case", "non-compliant:non compliant", "non-compliant:non compliant"]
    assert [f.rule for f in lens.without(["case"]).check(text)] == ["non-compliant"] * 2
    assert [f.key for f in lens.check(text, dismissed=["non-compliant:non compliant"])] == [
        "case:case"]


def test_one_bad_rule_is_named_and_the_rest_still_work(lexicon_file: Path) -> None:
    text = lexicon_file.read_text(encoding="utf-8")
    text = text.replace('category = "blame"\nphrases = ["non-compliant"',
                        'category = "nonsense"\nphrases = ["non-compliant"')
    text += '\n[[rule]]\nid = "No Good"\ncategory = "labels"\nphrases = ["x"]\n'
    lexicon_file.write_text(text, encoding="utf-8")
    lexicon = load_lexicon(lexicon_file)
    assert [r.id for r in lexicon.rules] == ["service-user", "case", "challenging-behaviour"]
    assert len(lexicon.problems) == 2
    assert "rule 'non-compliant'" in lexicon.problems[0]
    assert "category 'nonsense'" in lexicon.problems[0]
    assert ", line " in lexicon.problems[0] and str(lexicon_file) in lexicon.problems[0]
    assert "lowercase words joined by hyphens" in lexicon.problems[1]
    assert Lens(lexicon).check("service user, non-compliant")[0].rule == "service-user"


def test_missing_fields_are_named(lexicon_file: Path) -> None:
    text = lexicon_file.read_text(encoding="utf-8").replace(
        'alternatives = ["the person"]\n', "")
    lexicon_file.write_text(text, encoding="utf-8")
    lexicon = load_lexicon(lexicon_file)
    assert lexicon.rule("case") is None and lexicon.rule("service-user") is not None
    assert "rule 'case'" in lexicon.problems[0] and "alternatives" in lexicon.problems[0]


def test_a_malformed_or_missing_file_gives_no_rules_and_says_why(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[rule]\nid = ", encoding="utf-8")
    lexicon = load_lexicon(broken)
    assert lexicon.rules == () and str(broken) in lexicon.problems[0]
    assert "line 1" in lexicon.problems[0]
    missing = load_lexicon(tmp_path / "nowhere.toml")
    assert missing.rules == () and "cannot be read" in missing.problems[0]
    assert Lens(missing).check("service user") == []


def test_huge_and_odd_text_is_checked_without_trouble(lexicon_file: Path) -> None:
    lens = Lens(load_lexicon(lexicon_file))
    text = ("Zoë’s \u200bcase\x00 \U0001F600 non-compliant " * 20_000)
    findings = lens.check(text)
    assert len(findings) == 40_000
    assert all(text[f.start:f.end] == f.text for f in findings[:10])
