"""Rule words as people type them: one letter off, run together, or written with dots."""

from __future__ import annotations

import pytest

from carejournal.lens.matcher import shipped_lens
from carejournal.lens.phrases import words_of
from carejournal.lens.tolerant import Repairer, _one_edit


@pytest.mark.parametrize(("text", "rule", "found"), [
    ("Stan's care pakage review is next week.", "care-package", "care pakage"),
    ("Started a new P.O.C. for Moira today.", "care-package", "P.O.C"),
    ("Dot is non-complient with her meds.", "non-compliant", "non-complient"),
    ("Dot is non-compliant with her meds.", "non-compliant", "non-compliant"),
    ("He has been very challanging all shift.", "blame-predicates", "challanging"),
    ("Frank refussed his shave this morning.", "refuses", "refussed"),  # a letter too many
])
def test_slips_of_rule_words_are_found(text: str, rule: str, found: str) -> None:
    findings = shipped_lens().check(text)
    assert any(f.rule == rule and found in f.text and not f.mention for f in findings), findings


@pytest.mark.parametrize("text", [
    "Mr Pearce is a bed blocker now.",  # the lexicon's own word is never "put right"
    "The boiler is leaking again, I rang the landlord at 9 a.m. and again at 2 p.m.",
    "We sang carols, e.g. Silent Night, i.e. the old ones.",
    "The packaging was torn, so I took it back to the shop.",  # a word of its own
    "She runs the knit and natter at the church hall.",  # in the spelling dictionary only
    "We had a good natter and she was nattering all afternoon.",
])
def test_words_of_their_own_are_left_alone(text: str) -> None:
    expected = ["bed blocker"] if text.startswith("Mr Pearce") else []
    assert [f.text for f in shipped_lens().check(text)] == expected


def test_one_edit_and_the_repairer() -> None:
    assert _one_edit("pakage", "package") and _one_edit("challanging", "challenging")
    assert _one_edit("agressive", "aggressive") and _one_edit("manipluative", "manipulative")
    assert not _one_edit("package", "package") and not _one_edit("pakge", "package")
    repairer = Repairer([("care", "package"), ("aggressive",)], {"package": ["pakage"]})
    text = "A care pakage, an agressive dog and a P.O.C. at 9 a.m."
    repaired = repairer.repair(text, words_of(text))
    assert "package" in repaired.norms and "aggressive" in repaired.norms
    assert "poc" in repaired.norms and "am" not in repaired.norms
    at = repaired.norms.index("poc")
    assert text[repaired.starts[at]:repaired.ends[at]] == "P.O.C"
    assert repairer.repair("nothing to do", words_of("nothing to do")).norms == [
        "nothing", "to", "do"]
