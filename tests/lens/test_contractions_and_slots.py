"""This round's general mechanisms, on the shipped lexicon: a name's contracted "is" ("Ada's a
hoist"), a time written with a dot ("the 12.30"), a time or number that is a thing's ("the 2am
check"), a place's name after a preposition ("the washer at Oak House"), and owners before
words that are no things ("Dot's gone")."""

from __future__ import annotations

import pytest

from carejournal.lens.matcher import shipped_lens


def _used(text: str, people: tuple[str, ...] = ()) -> list[str]:
    return [f.text for f in shipped_lens().check(text, people=people) if not f.mention]


@pytest.mark.parametrize(("text", "found"), [
    ("Ada's a hoist so she needs two of us.", ["a hoist"]),
    ("She's a hoist so two of us go.", ["a hoist"]),
    ("Dot\u2019s a burden on her family, she says.", ["a burden"]),
    ("Left the 12.30 early as she was asleep.", ["the 12.30"]),
    ("My 4.30 was asleep when I got there.", ["My 4.30"]),
    ("The 2am needed changing twice.", ["The 2am"]),
    ("Dot's gone a bit senile lately.", ["senile"]),
])
def test_found(text: str, found: list[str]) -> None:
    assert _used(text, ("Ada", "Dot")) == found


@pytest.mark.parametrize("text", [
    "There's a hoist in the bathroom and it's a lift to the first floor.",
    "Reg's pad was soaked at the 2am check.",
    "We got the 12.30 bus into town. It cost 12.50 and took 3.5 hours.",
    "The washing machine at Oak House is playing up again.",
    "Fire doors at Oak House are compliant after the inspection.",
    "Parking not allowed on the street after 8.",
    "Our cat is getting senile, she forgets she has eaten.",
    "Leah's new job at the caf\u00e9 is demanding but she loves it.",
])
def test_not_found(text: str) -> None:
    assert _used(text, ("Reg", "Leah")) == []


@pytest.mark.parametrize(("text", "found"), [
    ("The ulcer on Mill Lane wants her tea.", "The ulcer"),
    ("The catheter on the top corridor was shouting again.", "The catheter"),
    ("Our insulin at five was asleep when I got there.", "Our insulin"),
    ("The 2:1 in the lounge was upset.", "The 2:1"),
])
def test_a_care_thing_doing_what_a_person_does_is_found(text: str, found: str) -> None:
    assert _used(text) == [found]


@pytest.mark.parametrize("text", [
    "The lady on Mill Lane wants her tea.",
    "Her hip was lovely today, she said.",
    "The referral says she was upset.",
    "The feed pump alarm was buzzing.",
    "She said the hoist in the lounge was lovely and new.",
])
def test_a_person_doing_it_is_not_a_thing(text: str) -> None:
    assert [f for f in _used(text) if f.startswith(("The", "the", "Her"))] == []


@pytest.mark.parametrize(("text", "found"), [
    ("Vic was rude and challenging.", ["challenging"]),
    ("Vic was tired, rude and demanding.", ["demanding"]),
    ("The shift was long, hot and challenging.", []),
    ("The shift was long and challenging.", []),
    ("It was a long day and challenging.", []),
])
def test_a_was_shared_by_words_joined_to_it(text: str, found: list[str]) -> None:
    assert _used(text, ("Vic",)) == found
