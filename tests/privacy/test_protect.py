"""Identity protection: the scan and the scrubber agree, each text is checked once."""

from __future__ import annotations

import pytest

from carejournal.privacy import protect
from carejournal.privacy.identifiers import detect
from carejournal.privacy.protect import Protection
from carejournal.privacy.pseudonym import PersonNames

PEOPLE = (PersonNames("Mary Jones", ("Mags",)), PersonNames("Ann Lee"))
TEXTS = ("Mary Jones met Bartholomew at LS6 2AB.",
         "Mags rang 07700 900123; Ann Lee and Priya came.",
         "Tea with Ann Lee and Bartholomew.",
         "Mary Jones met Bartholomew at LS6 2AB.",
         "")


def test_the_scrubber_after_a_scan_writes_what_a_fresh_one_would() -> None:
    scanned = Protection(PEOPLE, allowed=("Priya Shah",))
    detected = scanned.scan(TEXTS)
    assert {(d.text, d.count) for d in detected} == {
        ("Bartholomew", 3), ("LS6 2AB", 2), ("07700 900123", 1)}
    after = scanned.scrubber(keep={"LS6 2AB"}, everywhere=detected)
    fresh = Protection(PEOPLE, allowed=("Priya Shah",)).scrubber(keep={"LS6 2AB"},
                                                                   everywhere=detected)
    assert [after(t) for t in TEXTS] == [fresh(t) for t in TEXTS]
    assert after(TEXTS[1]) == "M.J. rang [phone number]; A.L. and Priya came."
    assert after("Bartholomew opened the door.") == "[name] opened the door."


def test_each_distinct_text_is_checked_once_for_scan_and_scrubber(
        monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[str] = []

    def counting(text: str, *args: object) -> list:
        checked.append(text)
        return detect(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(protect, "detect", counting)
    protection = Protection(PEOPLE)
    scrub = protection.scrubber(everywhere=protection.scan(TEXTS))
    for text in TEXTS:
        scrub(text)
    assert len(checked) == 3 and len(set(checked)) == 3
    assert all("Mary" not in text for text in checked), "aliases go in before the check"


def test_a_surname_alone_in_any_case_is_replaced_but_the_worker_s_own_name_is_not() -> None:
    protection = Protection(PEOPLE, allowed=("Priya Jones",))
    scrub = protection.scrubber(everywhere=protection.scan(["LEE rang. lee and Mrs Lee"]))
    assert scrub("LEE rang. lee and Mrs Lee came.") == "[name] rang. [name] and [name] came."
    assert "Jones" in scrub("Priya Jones wrote this"), "the worker's own name stays"


def test_a_surname_that_is_an_everyday_word_is_replaced_only_where_it_is_a_name() -> None:
    protection = Protection([PersonNames("Jane Brown")])
    scrub = protection.scrubber()
    assert scrub("She wore a brown coat.") == "She wore a brown coat."
    assert scrub("mrs brown and BROWN rang.") == "[name] and [name] rang."


def test_the_words_of_one_name_are_found_together_after_aliasing() -> None:
    protection = Protection([PersonNames("Mary Rose Hill")], allowed=("Sam Hill",))
    assert [d.text for d in protection.scan(["I sat with rose hill today."])] == []
    protection = Protection([PersonNames("Mary Rose Hill")])
    assert [d.text for d in protection.scan(["I sat with rose hill today."])] == ["rose hill"]
    assert protection.scan(["A rose grew on the hill."]) == []
