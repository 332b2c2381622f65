"""The sentence around a match: who it is about, quotation, mention, negation, proper names,
and the inflections found from a word's lemma. A small lexicon of our own, so these tests
say what the engine does, not what the shipped wording happens to hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from carejournal.lens.matcher import Lens, load_lexicon, shipped_lens

LEXICON = '''
version = 1
[categories.blame]
name = "Blame"
description = "Blame."
[categories.power]
name = "Power"
description = "Power."
[categories.labels]
name = "Labels"
description = "Labels."
[[rule]]
id = "refuses"
category = "blame"
about = "person"
phrases = ["refuse+"]
why = "w"
alternatives = ["declined"]
source = "test"
[[rule]]
id = "absconded"
category = "blame"
about = "person"
phrases = ["abscond+"]
why = "w"
alternatives = ["left"]
source = "test"
[[rule]]
id = "tantrum"
category = "blame"
about = "person"
phrases = ["tantrum+"]
why = "w"
alternatives = ["was very upset"]
source = "test"
[[rule]]
id = "not-allowed"
category = "power"
about = "person"
phrases = ["not allowed", "wasn't allowed", "aren't allowed", "isn't allowed"]
why = "w"
alternatives = ["we agreed"]
source = "test"
[[rule]]
id = "allowed"
category = "power"
about = "object"
phrases = ["allow+", "let+"]
exceptions = ["let+ me", "let+ us", "let+ him know", "let+ her know"]
why = "w"
alternatives = ["supported"]
source = "test"
[[rule]]
id = "was-allowed"
category = "power"
about = "object"
phrases = ["is allowed to"]
why = "w"
alternatives = ["chose to"]
source = "test"
[[rule]]
id = "feed"
category = "power"
about = "object"
phrases = ["feed+"]
exceptions = ["fed up"]
why = "w"
alternatives = ["supported to eat"]
source = "test"
[[rule]]
id = "kicking-off"
category = "blame"
about = "person"
phrases = ["kick+ off"]
why = "w"
alternatives = ["became distressed"]
source = "test"
[[rule]]
id = "frequent-flyer"
category = "labels"
about = "person"
phrases = ["frequent flyer+"]
why = "w"
alternatives = ["comes often"]
source = "test"
[[rule]]
id = "non-compliant"
category = "blame"
about = "person"
phrases = ["non-compliant"]
why = "w"
alternatives = ["chose not to"]
source = "test"
[[rule]]
id = "suffers-from"
category = "labels"
about = "person"
phrases = ["suffer+ from"]
why = "w"
alternatives = ["lives with"]
source = "test"
[[rule]]
id = "hard-to-reach"
category = "blame"
about = "person"
phrases = ["hard to reach"]
why = "w"
alternatives = ["seldom heard"]
source = "test"
[[rule]]
id = "manipulate"
category = "blame"
about = "person"
phrases = ["manipulate+"]
why = "w"
alternatives = ["asked different staff"]
source = "test"
[[rule]]
id = "case"
category = "labels"
phrases = ["case", "cases"]
why = "w"
alternatives = ["the person"]
source = "test"
[[rule]]
id = "wanderer"
category = "labels"
phrases = ["wanderer+"]
why = "w"
alternatives = ["walker"]
source = "test"
[[rule]]
id = "victim"
category = "labels"
phrases = ["victim+"]
why = "w"
alternatives = ["has"]
source = "test"
[[rule]]
id = "bed-blocker"
category = "labels"
phrases = ["bed-blocker"]
why = "w"
alternatives = ["waiting to go home"]
source = "test"
[[rule]]
id = "attention-seeking"
category = "blame"
about = "person"
phrases = ["attention-seeking"]
why = "w"
alternatives = ["wanted company"]
source = "test"
'''


def shipped_findings(text: str, people: tuple[str, ...]) -> list[tuple[str, bool]]:
    """What the shipped lens finds in text (the entry listing people), and which are mentions."""
    return [(f.text, f.mention) for f in shipped_lens().check(text, people=people)]


def lens_of(tmp_path_factory: pytest.TempPathFactory, name: str, text: str) -> Lens:
    """A Lens over one of this file's small lexicons, written into a folder of its own."""
    path = tmp_path_factory.mktemp(name) / "lexicon.toml"
    path.write_text(text, encoding="utf-8")
    lexicon = load_lexicon(path)
    assert not lexicon.problems, lexicon.problems
    return Lens(lexicon)


@pytest.fixture(scope="module")
def lens(tmp_path_factory: pytest.TempPathFactory) -> Lens:
    return lens_of(tmp_path_factory, "lexicon", LEXICON)


def used(lens: Lens, text: str, people: tuple[str, ...] = ()) -> list[str]:
    """The wording found and used (not mentioned)."""
    return [f.text for f in lens.check(text, people=people) if not f.mention]


def mentions(lens: Lens, text: str) -> list[tuple[str, str]]:
    return [(f.text, f.reason) for f in lens.check(text) if f.mention]


# -- who the wording is about ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The car refused to start so we walked to the shop.",   # a thing
    "The printer kept refusing to print the rota.",
    "The car broke down and refused to start.",             # the subject of the clause before
    "My cat absconded over the fence last night.",          # an animal (the writer's)
    "The dog refused his dinner.",
    "The council refused the application.",                 # an institution
    "The GP surgery refused to give a time.",
    "I refused to rush him.",                               # the writer
    "We refused to give up on the idea.",
    "My toddler had a tantrum in the supermarket.",         # the writer's own child
    "My son had a real tantrum about his homework.",
    "Staff aren't allowed to accept gifts.",                # a rule, not a person's freedom
    "She told me I wasn't allowed in.",
    "The match kicked off at three.",                       # another sense
    "I'm a frequent flyer with the airline.",
    "The fire door is non-compliant.",
    "Our team suffers from low morale.",
    "The top shelf is hard to reach.",
    "The files in the back of the office are hard to reach.",
    "The system manipulates the figures.",
    "The taxi driver refused to take the wheelchair.",      # someone not supported
    "Visitors are not allowed after eight.",
    "She said that the car refused to start.",
    "The old boiler refused to fire up.",                   # "old" describes the boiler
    "The car I drive refused to start.",
    "Frequent flyer miles don't help when the flight is cancelled.",  # describes a thing
    "Jade's little boy had a tantrum at the door.",         # a small child
    "I'm a bit of a frequent flyer with the airline.",      # past "a bit of"
    "Our dog Biscuit had a tantrum at the vet's.",          # a pet's name
    "We had a tantrum about the rota.",                      # the writer
    "Dot let her have the last biscuit.",                   # the person is the one allowing
    "Yesterday I refused to give up.",
])
def test_wording_about_a_thing_an_animal_an_institution_or_the_writer_is_left(
        lens: Lens, text: str) -> None:
    assert used(lens, text) == []


@pytest.mark.parametrize(("text", "found"), [
    ("Dot refused her lunch.", "refused"),                            # a name
    ("She refused her tablets again.", "refused"),                    # a pronoun
    ("Refused meds again.", "Refused"),                               # no subject: a note
    ("The resident refused to get up.", "refused"),                   # a person noun
    ("The young lad absconded from the unit.", "absconded"),
    ("The gentleman in room 4 refused his tea.", "refused"),          # past the room
    ("Mrs Khan refused the visit.", "refused"),                       # a title and a name
    ("The man with the dog refused to move.", "refused"),             # not the dog
    ("Dot, who is 90, refused her tea.", "refused"),                  # who
    ("Dot ate her dinner and refused pudding.", "refused"),           # the clause before
    ("She had a real tantrum at tea.", "tantrum"),                    # her own noun phrase
    ("His tantrum lasted an hour.", "tantrum"),
    ("He isn't allowed out on his own.", "isn't allowed"),
    ("Liam kicked off when the bus was late.", "kicked off"),
    ("He's a frequent flyer at A&E.", "frequent flyer"),
    ("He was non-compliant with his meds.", "non-compliant"),
    ("She suffers from dementia.", "suffers from"),
    ("Families in the north of the borough are hard to reach.", "hard to reach"),
    ("He manipulates the new staff.", "manipulates"),
    ("The SU refused his meds.", "refused"),
    ("Staff said that he was tired and refused his tea.", "refused"),  # "that" starts a clause
    ("The man that refused his tea was upset.", "refused"),
    ("She had a terrible tantrum.", "tantrum"),
    ("The lady I visit on Tuesdays refused her tea.", "refused"),     # the writer inside
    ("The people we support are not allowed out.", "not allowed"),
    ("People who need two carers are frequent flyers at A&E.", "frequent flyers"),  # who
    ("Pat ate her porridge this morning, tantrum over.", "tantrum"),  # the clause before
    ("Stan's been a bit of a frequent flyer lately.", "frequent flyer"),
    ("We wrote up an incident of tantrums at tea.", "tantrums"),       # a noun after "of"
])
def test_wording_about_a_person_is_found(lens: Lens, text: str, found: str) -> None:
    assert used(lens, text) == [found]


def test_what_a_document_says_is_its_word_not_the_writers(lens: Lens) -> None:
    assert used(lens, "GP letter says non-compliant again.") == []
    assert used(lens, "Non-compliant again, GP letter says.") == ["Non-compliant"]


def test_the_entrys_people_are_people_even_in_lower_case(lens: Lens) -> None:
    text = "after the plan bo refused the visit."
    assert used(lens, text) == []  # the nearest noun that can be placed is "the plan"
    assert used(lens, text, people=("Bo Smith",)) == ["refused"]


@pytest.mark.parametrize(("text", "found"), [
    ("We fed him at six.", ["fed"]),                  # the object is a person
    ("I was feeding her when the phone rang.", ["feeding"]),
    ("She was fed by staff.", ["fed"]),                # the passive: who it was done to
    ("Staff let him go out alone.", ["let"]),
    ("He was allowed to go to the shop.", ["allowed"]),
    ("She fed her cat.", []),                         # an animal
    ("I fed the dog before work.", []),
    ("The baby was fed at two.", []),
    ("The cat needs feeding.", []),
    ("I was fed up by four.", []),                    # the exception
    ("Let me know how it goes.", []),
    ("The new rules allow more visits.", []),         # a thing does the allowing
    ("The new rules allow her to stay up.", ["allow"]),  # but to her
    ("We're allowed to park at the back.", []),       # the writer, in the passive
    ("I was allowed to leave at three.", []),
    ("My daughter is allowed to stay up till nine.", []),  # "is" inside the phrase
    ("Jenna is allowed to go to her friend's party.", ["is allowed to"]),
])
def test_rules_about_who_it_is_done_to_look_at_the_object(
        lens: Lens, text: str, found: list[str]) -> None:
    assert used(lens, text) == found


# -- quotation, mention, negation, names ---------------------------------------------------
@pytest.mark.parametrize(("text", "found", "reason"), [
    ("I nearly wrote 'non-compliant' and stopped.", "non-compliant", "quoted"),
    ("I nearly wrote \u2018non-compliant\u2019 and stopped.", "non-compliant", "quoted"),
    ('His file said "absconded" twice.', "absconded", "quoted"),
    ("She hates being called \u201ca case\u201d.", "case", "quoted"),
    ("The old notes called her a bed blocker.", "bed blocker", "mentioned"),
    ("I used the word case and regretted it.", "case", "mentioned"),
    ("The term frequent flyer came up in the meeting.", "frequent flyer", "mentioned"),
    ("She was described as attention seeking.", "attention seeking", "mentioned"),
    ("He was labelled non-compliant years ago.", "non-compliant", "mentioned"),
    ("I nearly wrote non-compliant.", "non-compliant", "mentioned"),
    ("She has been referred to as a case for years.", "case", "mentioned"),
    ("We stopped saying case in team meetings.", "case", "mentioned"),
    ("He was described to me as attention seeking.", "attention seeking", "mentioned"),
    ("The handover sheet called Mr Pearce a bed blocker.", "bed blocker", "mentioned"),
    ("Caught myself saying case in supervision.", "case", "mentioned"),
    ("Alfie wasn't having a tantrum, he was frightened.", "tantrum", "negated"),
    ("He is not attention seeking, he is lonely.", "attention seeking", "negated"),
    ("She wasn't being non-compliant.", "non-compliant", "negated"),
    ("He never refuses a cup of tea.", "refuses", "negated"),
    ("She no longer refuses her tablets.", "refuses", "negated"),
])
def test_quoted_mentioned_and_negated_wording_is_a_mention(
        lens: Lens, text: str, found: str, reason: str) -> None:
    assert mentions(lens, text) == [(found, reason)]
    assert used(lens, text) == []


@pytest.mark.parametrize("text", [
    "The residents' lounge was busy and Dot refused to go in.",   # a plural's apostrophe
    "Dot didn't want tea. She refused her lunch too.",            # n't in another sentence
    "He isn't hungry, so he refused lunch.",                      # n't in another clause
    "She doesn't like the new carer and refused her tea.",        # too far back
    "She's one of the cases I picked up.",                        # a contraction, not a quote
    "It wasn't only that he refused; he shouted.",                # not only
    "Winston is a long term case at the clinic.",                 # "term" is not "the term"
    "Her morning call is a case.",                                # "call" is a noun here
    "The review said case was adequate.",                         # reported, not held back
])
def test_apostrophes_and_far_away_negation_do_not_make_a_mention(lens: Lens, text: str) -> None:
    assert [f.mention for f in lens.check(text)] == [False]


@pytest.mark.parametrize("text", [
    "Mr Case came to visit.", "Bedford Wanderers won on Saturday.",
    "Lunch at The Bed Blocker pub was fun.",
    "We rang Victim Support together.", "Dr. Case rang back.",
])
def test_a_rule_word_inside_a_name_is_not_noticed(lens: Lens, text: str) -> None:
    assert lens.check(text) == []


@pytest.mark.parametrize("text", ["I had my own case to deal with.",
                                  "I could do with a case myself after this week."])
def test_the_writers_own_life_is_left_alone(lens: Lens, text: str) -> None:
    assert lens.check(text) == []


@pytest.mark.parametrize(("text", "found"), [
    ("The Wanderers came round.", ["Wanderers"]),    # one capitalised word is not a name
    ("Cases like hers are rare.", ["Cases"]),        # capitalised at the start
    ("CASES piled up.", ["CASES"]),                  # shouted, not a name
    ("Bed Blocker is what they wrote.", ["Bed Blocker"]),  # capitals starting a sentence
])
def test_capitals_alone_do_not_make_a_name(lens: Lens, text: str, found: list[str]) -> None:
    assert [f.text for f in lens.check(text)] == found


# -- inflections from the lemma ---------------------------------------------------------
@pytest.mark.parametrize(("text", "found"), [
    ("She feeds him.", ["feeds"]), ("Staff fed him.", ["fed"]),
    ("Feeding her took an hour.", ["Feeding"]),
    ("She was manipulating the new staff.", ["manipulating"]),
    ("He manipulated them.", ["manipulated"]),
    ("We're letting him go alone.", ["letting"]), ("She lets him choose.", ["lets"]),
    ("He was allowed to go.", ["allowed"]),
])
def test_every_inflection_of_a_rule_word_is_found(lens: Lens, text: str,
                                                  found: list[str]) -> None:
    assert used(lens, text) == found


def test_a_mention_is_reported_with_its_reason_and_not_counted(lens: Lens) -> None:
    text = "I nearly wrote 'non-compliant'. Dot refused her lunch."
    findings = lens.check(text)
    assert [(f.text, f.mention, f.reason) for f in findings] == [
        ("non-compliant", True, "quoted"), ("refused", False, "")]
    assert findings[0].as_json()["mention"] is True
    assert findings[1].as_json()["mention"] is False
    assert [r.id for r in lens.rules_found(text)] == ["refuses"]


def test_about_must_be_a_known_value(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text(LEXICON.replace('about = "object"', 'about = "things"', 1),
                    encoding="utf-8")
    lexicon = load_lexicon(path)
    assert lexicon.rule("allowed") is None
    assert "'about' must be one of any, person, object" in lexicon.problems[0]


def test_quotations_pair_their_own_marks_on_one_line() -> None:
    from carejournal.lens.context import quotations

    text = "The residents' lounge. She said 'it's \u201ccase\u201d work'.\n'open\nx'"
    pairs = [(text[a], text[b]) for a, b in quotations(text)]
    assert pairs == [("\u201c", "\u201d"), ("'", "'")]  # nested, then outer; none across lines
    assert quotations("Dot's and Mary's tea; the dogs' bowls") == []
    long = "'" + "word " * 60 + "case'"
    assert quotations(long) == []  # longer than a quotation of a word


NAMES_LEXICON = '''
version = 1
[categories.power]
name = "Power"
description = "Power."
[[rule]]
id = "put-to-bed"
category = "power"
about = "object"
phrases = ["put+ him to bed", "put+ her to bed"]
why = "w"
alternatives = ["helped him get ready for bed"]
source = "test"
[[rule]]
id = "let-him"
category = "power"
about = "object"
phrases = ["let+ him", "let+ her"]
exceptions = ["let+ him know", "let+ her know", "let+ him in"]
why = "w"
alternatives = ["supported him to"]
source = "test"
'''


@pytest.mark.parametrize(("text", "people", "found"), [
    ("We put Nora to bed at seven.", (), ["put Nora to bed"]),
    ("Night staff put Mrs Green to bed early.", (), ["put Mrs Green to bed"]),
    ("I let Harry Smith have a lie in.", (), ["let Harry Smith"]),
    ("Staff wouldn't let anwar have a snack.", ("Anwar",), ["let anwar"]),  # the entry's
    ("Staff wouldn't let anwar have a snack.", (), []),                   # a small word
    ("We let him choose.", (), ["let him"]),                             # as before
    ("I'll let Dave know.", (), []),                                     # the exception
    ("We let Tuesday go by.", (), []),                                   # not a name
    ("I let Dot's cat out.", (), []),                                    # an owner
    ("Let Mum decide.", (), []),                                         # a person word
    ("We don't let Daisy have her bank card.", (), ["let Daisy"]),       # still control
    ("We put Ward 4 to bed.", (), []),                                   # no: "Ward 4"
])
def test_a_pronoun_in_a_phrase_also_stands_for_a_name(tmp_path: Path, text: str,
                                                      people: tuple[str, ...],
                                                      found: list[str]) -> None:
    path = tmp_path / "names.toml"
    path.write_text(NAMES_LEXICON, encoding="utf-8")
    lens = Lens(load_lexicon(path))
    findings = lens.check(text, people=people)
    assert [f.text for f in findings] == found
    assert all(f.key.endswith((" him", " her", " him to bed", " her to bed")) for f in findings)


# -- step 11, second round ----------------------------------------------------------------
SECOND = '''
version = 1
[categories.blame]
name = "Blame"
[categories.objectifying]
name = "Objectifying"
[[rule]]
id = "difficult"
category = "blame"
about = "someone"
phrases = ["(is|was) (very |)difficult"]
why = "w"
alternatives = ["upset"]
source = "test"
[[rule]]
id = "burden"
category = "blame"
about = "person"
phrases = ["a burden"]
why = "w"
alternatives = ["needs support"]
source = "test"
[[rule]]
id = "nappy"
category = "blame"
phrases = ["nappy", "the doubles"]
why = "w"
alternatives = ["pad"]
source = "test"
[[rule]]
id = "bed-number"
category = "objectifying"
phrases = ["bed #", "the (2:1s|1:1s)"]
exceptions = ["bed # (mattress|brake)"]
why = "w"
alternatives = ["<their name>"]
source = "test"
'''


@pytest.fixture(scope="module")
def second(tmp_path_factory: pytest.TempPathFactory) -> Lens:
    return lens_of(tmp_path_factory, "second", SECOND)


@pytest.mark.parametrize(("text", "people", "found"), [
    ("Grace was very difficult today.", ("Grace",), ["was very difficult"]),
    ("When I got there, Grace was difficult.", (), ["was difficult"]),
    ("The family is difficult.", (), ["is difficult"]),
    ("Today was difficult.", (), []),                    # no person: nothing
    ("Supervision was difficult but useful.", (), []),   # a capitalised first word: any noun
    ("It was very difficult for her.", (), []),
])
def test_a_someone_rule_speaks_only_about_a_person(second: Lens, text: str,
                                                   people: tuple[str, ...],
                                                   found: list[str]) -> None:
    assert [f.text for f in second.check(text, people=people) if not f.mention] == found


@pytest.mark.parametrize(("text", "mention"), [
    ("The agency worker said nappy in front of her son.", True),   # said aloud, as a word
    ("The doubles aren't a thing, they're people.", True),         # named a thing after it
    ("Nappy is such a cold word.", True),
    ("The plan said nappy was needed.", True),   # a document's word, held up (294 of the
    # 297 independent sentences with a document saying a word mark it a mention)
    ("She needed a nappy.", False),
])
def test_words_said_aloud_or_named_after_are_mentions(second: Lens, text: str,
                                                      mention: bool) -> None:
    (finding,) = second.check(text)
    assert finding.mention is mention, finding


def test_a_capitalised_word_after_an_article_inside_a_sentence_is_a_name(second: Lens) -> None:
    assert second.check("Kim's nan was a Burden before she married.") == []
    assert [f.text for f in second.check("Kim's nan was a burden, she said.")] == ["a burden"]


def test_any_number_fills_a_numbered_phrase_and_a_ratio_is_one_word(second: Lens) -> None:
    found = second.check("Bed 7 and bed 42 rang; bed 4 mattress.")
    assert [f.text for f in found] == ["Bed 7", "bed 42"]
    assert found[0].key != found[1].key and "#" not in found[0].key  # dismissed one by one
    assert second.check("bed 0 and bed 100 and bed 07") == []
    assert [f.text for f in second.check("We did the 2:1s first. We lost 2:1.")] == ["the 2:1s"]


def test_words_someone_else_used_and_the_writer_doubts_are_a_mention(second: Lens) -> None:
    (doubted,) = second.check("Handover said she needed a nappy but she was in pain.")
    assert doubted.mention
    (used,) = second.check("Handover said she needed a nappy after lunch.")
    assert not used.mention


# -- step 11, precision round ---------------------------------------------------------------
THIRD = '''
version = 1
[categories.blame]
name = "Blame"
[categories.objectifying]
name = "Objectifying"
[[rule]]
id = "difficult"
category = "blame"
about = "someone"
phrases = ["(is|was) (very |)difficult"]
why = "w"
alternatives = ["upset"]
source = "test"
[[rule]]
id = "naughty"
category = "blame"
about = "person"
phrases = ["naughty", "playing up", "strop", "refused"]
why = "w"
alternatives = ["upset"]
source = "test"
[[rule]]
id = "doubles"
category = "objectifying"
phrases = ["the doubles", "care call+"]
exceptions = ["doubles match", "doubles in"]
why = "w"
alternatives = ["<their name>"]
source = "test"
[[rule]]
id = "resident"
category = "blame"
phrases = ["resident+", "service user+"]
exceptions = ["residents association"]
why = "w"
alternatives = ["<their name>"]
source = "test"
[[rule]]
id = "not-allowed"
category = "blame"
about = "person"
phrases = ["not allowed"]
why = "w"
alternatives = ["we agreed"]
source = "test"
'''


@pytest.fixture(scope="module")
def third(tmp_path_factory: pytest.TempPathFactory) -> Lens:
    return lens_of(tmp_path_factory, "third", THIRD)


@pytest.mark.parametrize("text", [
    "Dot's grandson was naughty at the visit.",             # a relative's child
    "Her granddaughter was playing up in the car.",
    "The kids next door were playing up all afternoon.",    # children from elsewhere
    "The children from the school were playing up.",
    "The neighbour's kids were in a strop.",
    "Iris showed me her great-granddaughter in a strop.",   # the noun before "in"
    "Dot's dog is so naughty.",                              # "so" says how much
    "Smoking is not allowed in the garden.",                # a doing, not a name
    "My colleague Jo was naughty with the biscuits.",       # the writer's side
    "The doubles match was rained off.",                     # the exception after "the"
    "The residents' association meets on Tuesday.",         # a plural's apostrophe joins
    "Sam asked for a care call button.",                     # the start of a thing's name
])
def test_relatives_children_things_and_exceptions_after_an_article_are_left(
        third: Lens, text: str) -> None:
    assert [f.text for f in third.check(text, people=("Dot",)) if not f.mention] == []


@pytest.mark.parametrize(("text", "found"), [
    ("Dot was naughty at tea.", ["naughty"]),
    ("The kids were playing up at tea.", ["playing up"]),   # the children supported
    ("I've got the doubles in Eastfield.", ["the doubles"]),  # "doubles in" reads a verb
    ("The residents' rota is up.", ["residents"]),           # a possessive, not a thing
    ("We did the care calls.", ["care calls"]),
])
def test_the_people_supported_are_still_found(third: Lens, text: str,
                                              found: list[str]) -> None:
    assert [f.text for f in third.check(text) if not f.mention] == found


def test_a_common_first_name_starting_a_sentence_is_a_person_when_none_are_listed(
        third: Lens) -> None:
    assert [f.text for f in third.check("Grace was very difficult today.")] == [
        "was very difficult"]
    assert third.check("Handover was very difficult today.") == []
    assert third.check("Grace was very difficult today.", people=("Liam",)) == []


def test_words_reported_as_what_others_would_have_said_are_a_mention(third: Lens) -> None:
    found = third.check("The service user was naughty is what the old notes would have said.")
    assert [(f.text, f.mention) for f in found] == [("service user", True), ("naughty", True)]
    (used,) = third.check("Dot was naughty, which is what the notes said she would be.",
                          people=("Dot",))
    assert not used.mention
    (quoted,) = third.check("Why does the plan say he is 'not' allowed out?")
    assert quoted.mention


@pytest.mark.parametrize("text", [
    "We used to say service user, now we say the people we support.",
    "Why do we still say service user at handover?",
    "Instead of saying he refused, I wrote that he said no.",
])
def test_words_we_used_to_say_or_said_instead_are_mentions(third: Lens, text: str) -> None:
    assert [f.mention for f in third.check(text)] == [True]


MENTION_WORDS = '''
version = 1
[categories.blame]
name = "Blame"
description = "Blame."
[categories.power]
name = "Power"
description = "Power."
[categories.othering]
name = "Othering"
description = "Othering."
[[rule]]
id = "difficult-person"
category = "blame"
phrases = ["difficult person"]
mentions = ["difficult"]
why = "w"
alternatives = ["upset"]
source = "test"
[[rule]]
id = "placed"
category = "power"
phrases = ["placed with a family"]
mentions = ["placed", "allow+"]
why = "w"
alternatives = ["moved"]
source = "test"
[[rule]]
id = "us-and-them"
category = "othering"
phrases = ["us and them"]
exceptions = ["no us and them"]
mentions = ["us and them"]
why = "w"
alternatives = ["all of us"]
source = "test"
'''


@pytest.mark.parametrize(("text", "found"), [
    ("She asked why her file says she was 'placed' with us.", "placed"),
    ('Someone said we "allow" him out, it is his home.', "allow"),
    ("Len is not difficult, he likes things his way.", "difficult"),
    ("There's no us and them here, we all eat together.", "us and them"),
    ("Kayden asked why we call it placed when he just lives here.", "placed"),
])
def test_a_rules_mention_words_quoted_named_or_negated_are_mentions(
        tmp_path: Path, text: str, found: str) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text(MENTION_WORDS, encoding="utf-8")
    lens = Lens(load_lexicon(path))
    assert [(f.text, f.mention) for f in lens.check(text)] == [(found, True)]
    assert lens.rules_found(text) == []


@pytest.mark.parametrize("text", [
    "The crossword was difficult today.",  # used, not mentioned: the lens says nothing
    "The parcel was placed on the step.",
    "We're not allowed to park outside.",  # a power verb negated is no mention
    "Mr Difficult came round.",
])
def test_mention_words_used_plainly_are_not_noticed(tmp_path: Path, text: str) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text(MENTION_WORDS, encoding="utf-8")
    assert Lens(load_lexicon(path)).check(text) == []


@pytest.mark.parametrize("text", [
    "Took Bella the home's cat to the vet and she was a good girl, not a scratch.",
    "My youngest got yoghurt all down her bib this morning before nursery.",
    "Queenie tells her budgie he's a good boy every time he sings.",
    "My sister's a solicitor and her clients pay by the hour.",
    "The bin men kicked off about the bags not being in the wheelie bin.",
    "Kick off was at 3 so Ben and I got to the ground at half two.",
    "Them and Us was a team name at the pub quiz.",
    "I'm a diabetic myself so I know how hard the hypos are.",
    "As a fellow hay fever sufferer I sympathised with the window cleaner.",
    "Florence let me in and we let her daughter know she'd had a fall.",
    "Sunita's son says the grandkids let her win at Uno every time.",
])
def test_other_lives_other_senses_and_names_are_left(text: str) -> None:
    assert [f.text for f in shipped_lens().check(text) if not f.mention] == []


@pytest.mark.parametrize(("text", "found"), [
    ("Agnes was a good girl for the district nurse today.", "good girl"),
    ("Harold had his bib on at tea and pulled it off, said he's not a baby.", "bib"),
    ("Her client rang twice this morning.", "client"),
    ("Dot kicked off at tea when the soup was cold.", "kicked off"),
    ("I wouldn't let her go upstairs alone.", "let her"),
])
def test_the_people_we_support_are_still_found_there(text: str, found: str) -> None:
    assert found in [f.text for f in shipped_lens().check(text) if not f.mention]


@pytest.mark.parametrize(("text", "found"), [
    ("I don't think Frank is challenging, the lounge is too loud for him.", "challenging"),
    ("We talked about why we write that someone won't engage.", "won't engage"),
    ("Mrs Ali said she feels like a burden to her kids.", "a burden"),
    ("That wasn't a tantrum, Gerald was angry.", "tantrum"),
    ("Hazel is not our little lady, she's a retired head teacher.", "little lady"),
])
def test_doubt_why_we_say_feelings_and_denials_are_mentions(text: str, found: str) -> None:
    findings = shipped_lens().check(text)
    assert any(found in f.text and f.mention for f in findings), findings
    assert not any(f.text == found and not f.mention for f in findings)


@pytest.mark.parametrize(("text", "found"), [
    ("Irene has a 4 call POC and the lunch call is always rushed.", "POC"),
    ("Lewis is known for challenging behaviour in the car.", "challenging behaviour"),
    ("Jade's behaviour escalated at teatime and she threw her plate.", "escalated"),
    ("Mia isn't allowed her phone after 10, it goes in the office.", "allowed her"),
    ("Brenda being a bit naughty, wouldn't sit down for her tea.", "naughty"),
])
def test_numbers_known_for_behaviour_and_a_bit_do_not_hide_use(text: str, found: str) -> None:
    assert any(found in f.text and not f.mention for f in shipped_lens().check(text))


@pytest.mark.parametrize(("text", "found"), [
    ("Mabel's pressing the buzzer again just for attention.", "just for attention"),
    ("We've got a frequentflyer on the line again, she just wants to talk.", "frequentflyer"),
    ("I called Marjorie sweetheart all shift without thinking.", "sweetheart"),
    ("Room 12 has been shouting all morning.", "Room 12 has been shouting"),
])
def test_objects_labels_got_and_names_the_writer_used_are_found(text: str, found: str) -> None:
    assert found in [f.text for f in shipped_lens().check(text) if not f.mention]


@pytest.mark.parametrize("text", [
    "My toddler had a tantrum at nursery drop off.",  # an event got, not a label
    "Ray's daughter asked why we call it a bib when it's a napkin.",
    "Room 5 has been leaking again.",
])
def test_events_naming_and_things_stay_unflagged(text: str) -> None:
    assert [f.text for f in shipped_lens().check(text) if not f.mention] == []


@pytest.mark.parametrize(("text", "people"), [
    ("Graham said the referee was difficult and manipulative, classic Graham.", ("Graham",)),
    ("Price of bread has escalated, Mary was shocked at the till.", ("Mary",)),
    ("May's daughter has gone to the hairdresser's as a client for twenty years.", ("May",)),
    ("Grace's niece Poppy (4) threw a tantrum when it was time to go home.", ("Grace",)),
    ("Kwame won the doubles at darts with his brother.", ("Kwame",)),
    ("The hoist in room 6 was serviced today.", ()),
])
def test_who_is_meant_and_other_senses_with_the_entrys_people(
        text: str, people: tuple[str, ...]) -> None:
    assert [f.text for f in shipped_lens().check(text, people=people) if not f.mention] == []


def test_a_name_or_an_interjection_opening_a_sentence_is_not_taken_for_a_thing() -> None:
    lens = shipped_lens()
    said = "Well done good boy, I said when Ray finished his walk."
    assert [f.text for f in lens.check(said, people=("Ray",))] == ["good boy"]
    assert [f.text for f in lens.check("Kwame escalated at tea.", people=("Dot",))] == [
        "escalated"]


@pytest.mark.parametrize(("text", "found"), [
    ("Nobody here is a bed blocker.", "bed blocker"),
    ("No one is a burden here.", "a burden"),
])
def test_nobody_and_no_one_deny_the_words(text: str, found: str) -> None:
    assert [(f.text, f.mention) for f in shipped_lens().check(text)] == [(found, True)]


def test_a_someone_phrase_that_holds_its_pronoun_has_found_its_person() -> None:
    lens = shipped_lens()
    assert [f.text for f in lens.check("He's hard work.")] == ["He's hard work"]
    assert lens.check("It's very challenging.") == []


def test_a_name_in_the_workplace_is_a_colleague_unless_the_entry_names_them() -> None:
    lens = shipped_lens()
    text = "Jo is a nightmare for attention seeking in team meetings, always first to speak."
    assert lens.check(text) == []
    assert [f.text for f in lens.check(text, people=("Jo",))] == ["attention seeking"]
    assert [f.text for f in lens.check("People who need two carers are a burden on the rota.")
            ] == ["a burden"]


@pytest.mark.parametrize(("text", "people", "found"), [
    # a negation written without its apostrophe, and "nobody ... thinks"
    ("Callum isnt a burden she needs a rest from.", ("Callum",), [("a burden", True)]),
    ("Nobody here thinks Phyllis is a burden.", ("Phyllis",), [("a burden", True)]),
    ("She thinks Dot is a burden.", ("Dot",), [("a burden", False)]),
    # the words asked back as a whole sentence are turned over, not used
    ("Hard to reach? We only ever wrote to them.", (), [("Hard to reach", True)]),
    ("Was she non-compliant?", (), [("non-compliant", False)]),
    # a baby or an animal in the sentence is who is fed; food and names are not animals
    ("Her granddaughter came with the new baby, she fed him his bottle.", (), []),
    ("Fed Biscuit the rabbit and cleaned his hutch.", (), []),
    ("Fed Kath her tea at 5, she managed most of the fish pie.", ("Kath",),
     [("Fed Kath", False)]),
    ("Kitty got put in her chair by the window.", ("Kitty",),
     [("got put in her chair", False)]),
    # a name before a noun names the thing ("the Three Peaks walk")
    ("The Three Peaks walk was really challenging.", (), []),
    ("Mary was really challenging today.", ("Mary",), [("was really challenging", False)]),
    # a person's condition is the person; a thing's is not
    ("Rita's dementia is a terrible burden on the family.", ("Rita",),
     [("a terrible burden on", False)]),
    ("The shop's card machine is a burden.", (), []),
    # a group named after a doing verb is who it is done to; an event noun is not
    ("We took the oldies to the seaside.", (), [("oldies", False)]),
    ("I had a tantrum at the parking machine.", (), []),
    # a possessive after a bed is the bed's person; the one who allows is in its own clause
    ("Gave Bed 2 his painkillers at 4am.", (), [("Bed 2", False)]),
    ("Three patients walked in the morning, fed two in their rooms.", (),
     [("Three patients", False), ("fed two", False)]),
    ("Dot was a good girl for the nurse and let her do the dressing.", ("Dot",),
     [("good girl", False)]),
])
def test_the_seventh_rounds_context(text: str, people: tuple[str, ...],
                                    found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # a person's noun that describes the noun after it names a thing
    ("Agency sent a client satisfaction survey out today.", (), []),
    ("Our agency lost a big client contract with the council.", (), []),
    ("My client wanted tea.", (), [("client", False)]),
    # the writer's own
    ("I'm a client of the same dentist as half the team.", (), []),
    ("My own first placement as a student was on a stroke ward.", (), []),
    # "its" written for "it's" is what she did, said of her
    ("Chloe self harmed again, staff feel its attention seeking.", ("Chloe",),
     [("attention seeking", False)]),
    # asking what a word means is reflecting on it; "what they are like" is not
    ("Gus asked what ADLs are after seeing his notes.", ("Gus",), [("ADLs", True)]),
    ("You know what these people are like.", (), [("these people", False)]),
    # someone's words, then the writer says otherwise in the next sentence
    ("Roy's son said his dad was a burden. I said Roy isn't a burden.", ("Roy",),
     [("a burden", True), ("a burden", True)]),
    # a thing owned by a person, and a number after "our"
    ("Pearl's tin of biscuits was hard to reach on the top shelf.", ("Pearl",), []),
    ("Rose and Elsie, our two little old dears, were singing.", ("Rose", "Elsie"),
     [("old dears", False)]),
])
def test_the_eighth_rounds_context(text: str, people: tuple[str, ...],
                                   found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # words the writer took out, or nearly wrote
    ("I crossed out non-compliant and wrote what happened.", (), [("non-compliant", True)]),
    ('Changed "refused" to "didn\'t want" in my notes.', (), [("refused", True)]),
    ("Changed nappies on the top corridor at 2.", (), [("nappies", False)]),
    ("Caught myself about to write that Len refused his tea.", ("Len",), [("refused", True)]),
    ("Staff said that Dot refused her lunch.", ("Dot",), [("refused", False)]),
    ("Instead of saying Ivy refused, I wrote that she said no.", ("Ivy",),
     [("refused", True)]),
    # a care thing or a room doing what a person does
    ("Flat 3 was in a good mood.", (), [("Flat 3", False)]),
    ("Dot was in a good mood.", ("Dot",), []),
])
def test_struck_out_words_and_rooms_in_a_mood(text: str, people: tuple[str, ...],
                                             found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # the person's own words about themselves
    ("Joan says she suffers with her chest in the winter.", ("Joan",),
     [("suffers with", True)]),
    ("Handover said she needed a nappy after lunch.", (), [("nappy", False)]),
    # someone else's word, answered by the writer in the next clause
    ("The OT said Ivy is in denial about the frame, I think she is scared.", ("Ivy",),
     [("in denial", True)]),
    ("The hospital said Mr Okafor was bed blocking, he is just waiting for carers.",
     ("Mr Okafor",), [("bed blocking", True)]),
    ("Staff said Dot refused her lunch.", ("Dot",), [("refused", False)]),
    # a name written without its apostrophe, two names joined, a doing opening a sentence
    ("Doreens been a right burden this week.", ("Doreen",), [("a right burden", False)]),
    ("Taking Kwame and Ben out to bowling on Saturday.", ("Kwame", "Ben"),
     [("Taking Kwame and Ben out", False)]),
    ("Training kicked off at 6 with a new coach.", (), []),
    # children at a school are children; the one who lets is the person, after a comma too
    ("Kids were having a right tantrum at the school gates.", (), []),
    ("Vera was a good girl for the nurse, let her do the dressing.", ("Vera",),
     [("good girl", False)]),
])
def test_the_ninth_rounds_context(text: str, people: tuple[str, ...],
                                  found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


def test_words_listed_after_a_mention_are_mentioned_too() -> None:
    lens = shipped_lens()
    said = lens.check("We don't say service users, clients or cases any more.")
    assert [(f.text, f.mention) for f in said] == [
        ("service users", True), ("clients", True), ("cases", True)]
    used = lens.check("Dot refused her lunch and was non-compliant.", people=("Dot",))
    assert [f.mention for f in used] == [False, False]


@pytest.mark.parametrize(("text", "people", "found"), [
    ("The discharge letter said she was aggressive, she was frightened.", (),
     [("aggressive", True)]),
    ("Her file says she is manipulative; I have never seen that.", (),
     [("manipulative", True)]),
    ("Mary told me she is a diabetic and proud of how she manages.", ("Mary",),
     [("a diabetic", True)]),
    ("I said Dot refused, she was in bed.", ("Dot",), [("refused", False)]),
])
def test_someone_elses_word_and_how_the_person_really_is(
        text: str, people: tuple[str, ...], found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


def test_degree_words_are_not_things_and_labels_for_people_are_people() -> None:
    lens = shipped_lens()
    said = lens.check("Mrs Lowe is a very difficult lady.", people=("Mrs Lowe",))
    assert [f.text for f in said] == ["difficult lady"]
    assert [f.text for f in lens.check("Our epileptic had 2 fits overnight.")] == [
        "Our epileptic", "had 2 fits"]


@pytest.mark.parametrize(("text", "people", "found"), [
    ("Is Poppy difficult, or am I just tired?", ("Poppy",), [("difficult", True)]),
    ("Felt the us and them thing today with the new starter.", (), [("us and them", True)]),
    ("Reg keeps apologising for being a burden.", ("Reg",), [("a burden", True)]),
    ("The BMJ blog argues bed blocker blames the person.", (), [("bed blocker", True)]),
    ('Tia asked us to call it "seeing mum", not contact.', ("Tia",), [("contact", True)]),
    ("Lily isn't something to be managed, she had a rough night.", ("Lily",),
     [("managed", True)]),
    ("Derek said being toileted makes him feel like nothing.", ("Derek",),
     [("toileted", True)]),
    ("I couldn't manage to get to the shop.", (), []),
])
def test_the_tenth_rounds_mentions(text: str, people: tuple[str, ...],
                                   found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Dot was non-compliant, sorry, she chose not to take her tablets.",
     [("non-compliant", True)]),
    ("The feeds, I mean the people who need help to eat, were done by one.",
     [("The feeds", True)]),
    ("Respite, or a short break as Ben calls it, starts Friday.", [("Respite", True)]),
    ("Dot refused her lunch, so I made her a sandwich.", [("refused", False)]),
])
def test_words_the_writer_corrects_straight_after_are_mentions(
        text: str, found: list[tuple[str, bool]]) -> None:
    assert [(f.text, f.mention) for f in shipped_lens().check(text, people=("Dot", "Ben"))
            ] == found


@pytest.mark.parametrize(("text", "people", "found"), [
    ("Sian asked what engagement means on her plan.", ("Sian",), [("engagement", True)]),
    ("Is Grace really in denial, or does she just not want to talk?", ("Grace",),
     [("in denial", True)]),
    ("A visitor said Peter was afflicted, Peter laughed and said just unlucky.", ("Peter",),
     [("afflicted", True)]),
    ("Keira asked who decided she's not allowed her phone.", ("Keira",),
     [("not allowed her", True)]),
    ('Rita\'s granddaughter called them "the old dears" and I did not laugh.', ("Rita",),
     [("old dears", True)]),
    ("Two young offenders start on Monday.", (), [("young offenders", False)]),
    ("Sophie, our student, is halfway through her placement.", ("Sophie",), []),
    ("Fred was my last case of the day.", ("Fred",), [("case", False)]),
])
def test_the_eleventh_rounds_context(text: str, people: tuple[str, ...],
                                     found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


def test_a_person_after_by_is_who_did_it_and_a_relatives_worry_is_a_mention() -> None:
    lens = shipped_lens()
    assert [f.text for f in lens.check("Tablets refused by Pat at 8pm.", people=("Pat",))] == [
        "refused"]
    assert lens.check("The form was refused by the council.") == []
    said = lens.check("Her husband worries she's a burden, I told him she isn't to us.")
    assert [(f.text, f.mention) for f in said] == [("a burden", True)]


@pytest.mark.parametrize(("text", "people", "found"), [
    ("Took room 8 down to the lounge for the singer.", (), [("Took room 8", False)]),
    ("Lou was a straightforward discharge.", ("Lou",),
     [("was a straightforward discharge", False)]),
    ("Reminded the team that calling Tom manipulative blames him.", ("Tom",),
     [("manipulative", True)]),
    ("Took Ivan out for a walk to the park.", ("Ivan",), [("Took Ivan out", False)]),
    ("Zoe manipulated the clay into a bowl at pottery.", ("Zoe",), []),
    ("Dean wants to get to the ground early before kick-off.", ("Dean",), []),
    ("The phone has gone demented with scam calls.", (), []),
])
def test_the_twelfth_rounds_context(text: str, people: tuple[str, ...],
                                    found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    ("Manager asked us to stop using PWS in the notes.", (), [("PWS", True)]),
    ("Wyn's cat is diabetic and needs an injection.", ("Wyn",), []),
    ("Two diabetics and an epileptic on my morning run.", (),
     [("diabetics", False), ("an epileptic", False)]),
    ("Len's dog is in respite kennels while he's in hospital.", ("Len",), []),
    ("The rescue centre found a foster placement for the kittens.", (), []),
    ("Mal is one of those people who won't take help.", ("Mal",),
     [("one of those people who", False)]),
    ("Some of the folk upstairs get agitated at sundown.", (), []),
])
def test_the_thirteenth_rounds_context(text: str, people: tuple[str, ...],
                                       found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    ("Kayla's placement with the Reids is going well, she calls their dog hers.", ("Kayla",),
     [("placement", False)]),
    ("The feeds on Ivor's bird table need topping up.", ("Ivor",), []),
    ("The patient in the bed opposite Hetty's on Ward 9 was lovely.", ("Hetty",), []),
    ("Gave him his feed through his PEG at six.", (), []),
    ("I had to double up on jumpers this morning.", (), []),
    ("The rain gave us a brief respite around two.", (), []),
    ("I took Olive to the toilet before the coach trip.", ("Olive",),
     [("took Olive to the toilet", False)]),
])
def test_the_fourteenth_rounds_context(text: str, people: tuple[str, ...],
                                       found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # the one likened ("like a good girl") is the clause's subject, not the nearest noun
    ("Lorraine kept her hearing aids in all day like a good girl.", ("Lorraine",),
     [("good girl", False)]),
    ("The dog sat by the door all day like a good boy.", (), []),
    # the writer's own kids in another clause do not make a named person's pet name theirs
    ("Eileen is such a poppet, she always asks after my kids.", ("Eileen",),
     [("poppet", False)]),
    ("Bless him, my lad made me a card.", (), []),
    ("Alfie toddled off after the cat.", ("Alfie",), []),
    # a time before a doing that names a thing: "6 o'clock training session"
    ("Your 6 o'clock training session has moved to the church hall.", (), []),
    ("Room 21 is very low today and keeps asking for his wife.", (),
     [("Room 21", False)]),
    ("Room 21 is freshly painted and very light.", (), []),
    # a sense of the words that another word in the sentence shows ("unless")
    ("Us and them between days and nights is getting silly.", (), []),
    ("It's them and us with the people upstairs at lunchtime.", (), [("them and us", False)]),
    ("Darren wore the yellow bib as goalie at five-a-side.", ("Darren",), []),
    ("Nigel came second in the pub quiz, his best placement yet.", ("Nigel",), []),
    # "nursery rhymes" are not a nursery: the old dears are still adults
    ("Plan: colouring and nursery rhymes for the old dears on Tuesday.", (),
     [("old dears", False)]),
    ("Picked up my grandson from nursery, the old dears at the bus stop loved him.", (), []),
    # a group named by an adjective takes a plural verb: "the elderly struggle with"
    ("The elderly struggle with these new smart meters.", (), [("The elderly", False)]),
    ("The elderly care unit is on the second floor.", (), []),
    ("Kieran and his lot were loud on the minibus.", ("Kieran",), [("his lot were", False)]),
    # a pet name said to someone is theirs, whatever noun is nearest ("Morning darling,")
    ("Lenny my darling, you're soaked, let's get you changed.", ("Lenny",),
     [("darling", False)]),
    ("Morning darling, I said to Dora.", ("Dora",), [("darling", False)]),
    ("Rang my darling husband at lunch.", (), []),
    # the writer's own speech to the person is use; the word held up alone is a mention
    ('Told Ivy "come on sweetie, lets get you dressed".', ("Ivy",), [("sweetie", False)]),
    ('Manager said we\'re not to call anyone "sweetheart" on shift.', (),
     [("sweetheart", True)]),
    ('Her son said "come on darling, eat up" and she did.', (), [("darling", True)]),
    # a condition named with an address stands for the person who lives there
    ("The leg ulcer on Mill Lane is improving.", (), [("The leg ulcer", False)]),
    ("Spent an hour with the new dementia in room 2, she loves Elvis.", (),
     [("the new dementia", False)]),
    ("The leg ulcer at no. 14 had the district nurse today.", (), [("The leg ulcer", False)]),
    ("The dementia ward is on the second floor.", (), []),
    ("The stroke on the ward last year was a shock to her.", (), []),
    ("The diabetic needs her insulin at 8.", (), [("The diabetic", False)]),
    # numbers and flats after a care verb are the people in them
    ("Gave flat 5 his tablets at 9.", (), [("Gave flat 5 his", False)]),
    ("Dressed 9 and 10 before breakfast.", (), [("Dressed 9 and 10", False)]),
    ("We saw to 3 jobs before lunch.", (), []),
])
def test_the_fifteenth_rounds_context(text: str, people: tuple[str, ...],
                                      found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # a baby's age in months makes praise theirs
    ("Noah was a good boy for the health visitor, he's 8 months on Friday.", ("Noah",), []),
    ("Ivy was a good girl, she's been here 8 months now.", ("Ivy",), [("good girl", False)]),
    # a place's name is not a person's; someone else's regular clients are not ours
    ("Cedar House is managed by a housing association now.", (), []),
    ("Lorna still talks about her regular clients from the salon.", ("Lorna",), []),
    ("The resident robin was back on the feeder this morning.", (), []),
    ("We had an us versus them pub quiz, staff against the families.", (), []),
    # a determiner describes nothing: "claims the night staff took it" is said of Mick
    ("Mick claims the night staff took his cigarettes.", ("Mick",), [("claims the", False)]),
    ("Lottie's allowed to choose her own clothes now.", ("Lottie",), [("allowed to", False)]),
    ("Staff aren't allowed to accept gifts.", (), []),
    ("Jess not allowed her phone after 10pm.", ("Jess",), [("not allowed her", False)]),
    ("Betty taken to the toilet after lunch.", ("Betty",), [("taken to the toilet", False)]),
    ("The bloods were taken to the lab.", (), []),
    ("Gareth had a big fit on the bus.", ("Gareth",), [("had a big fit", False)]),
    ("Had a fit of giggles at the quiz.", (), []),
])
def test_the_sixteenth_rounds_context(text: str, people: tuple[str, ...],
                                      found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # an event or a sport kicks off; a person kicking off is still noticed
    ("Christmas fair kicked off at the church hall at 10.", (), []),
    ("Rugby kicked off late at the club, Gareth didn't mind.", ("Gareth",), []),
    ("Dot kicked off at the party.", ("Dot",), [("kicked off", False)]),
    # an "unless" word the tokeniser splits ("A&E")
    ("Sat in A&E with Clive, the patient next to us was singing.", ("Clive",), []),
    ("Our little old dears had their nails done by the volunteers.", (),
     [("old dears", False)]),
    ("The burden on GPs this winter means appointments are three weeks out.", (), []),
    ("Product placement in Corrie made Dot laugh.", ("Dot",), []),
    ("It was them and us in the quiz final and Doris's table won.", ("Doris",), []),
    ("Picked up the diabetic socks Len ordered.", ("Len",), []),
    ("They're all the same in that house, they want cigarettes.", (),
     [("They're all the same", False)]),
    ("The rooms are all the same size.", (), []),
    ("Some days it's like dealing with a different species in this house.", (),
     [("a different species", False)]),
    ("Can someone check on 14, she's been very quiet since lunch.", (),
     [("check on 14", False)]),
    ("I'll check on 14 May when the form comes.", (), []),
    # a doing denied ("Nobody fed Lily", "wasn't toileted, he went himself") is a mention;
    # a restriction stays one, said or denied
    ("Nobody fed Lily today, she managed with the spoon.", ("Lily",), [("fed Lily", True)]),
    ("Sam wasn't toileted, he went himself.", ("Sam",), [("toileted", True)]),
    ("Staff made Ivor have a bath.", ("Ivor",), [("made Ivor have", False)]),
    ("He wasn't allowed out yesterday.", (), [("wasn't allowed", False)]),
    # a belief denied: "I don't see Gemma as manipulative", "I don't think of Sid as a client"
    ("I don't see Gemma as manipulative at all.", ("Gemma",), [("manipulative", True)]),
    ("I don't think of Sid as a client, more a neighbour.", ("Sid",), [("client", True)]),
    ("Gemma was manipulative at tea.", ("Gemma",), [("manipulative", False)]),
    ("My old dear rang to check I'd eaten.", (), []),
    ("Our old dears had a sing-song.", (), [("old dears", False)]),
    ("The old folk in the lounge had a singalong.", (), [("The old folk", False)]),
    ("My mum and dad, the old folks at home, send their love.", (), []),
    ("You have to be firm with their type or they walk all over you.", (),
     [("their type", False)]),
])
def test_the_seventeenth_rounds_context(text: str, people: tuple[str, ...],
                                        found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # a sanction or a consequence given to a young person; the word's other senses are not
    ("Mia lost her phone as a sanction for swearing at staff.", ("Mia",),
     [("as a sanction for", False)]),
    ("Callum got his phone back once his consequences ended.", ("Callum",),
     [("his consequences ended", False)]),
    ("As a consequence of the strike the bins weren't collected.", (), []),
    ("Brandon got ready for contact an hour early.", ("Brandon",),
     [("got ready for contact", False)]),
    # "a known absconder": how the label is held is not a thing the label is about
    ("Tyler is a known absconder.", ("Tyler",), [("absconder", False)]),
    ("Harvey is a really challenging lad but he's got a good heart.", ("Harvey",),
     [("really challenging lad", False)]),
    ("Stan is hard to place because of his night-time needs.", ("Stan",),
     [("hard to place", False)]),
    ("It was hard to place her accent.", (), []),
    ("We've got a bed for a 14 year old girl from Monday.", (), [("got a bed for a", False)]),
    ("Allowed 2 fags after lunch.", (), [("Allowed 2 fags", False)]),
    ("The shop allowed two cans per customer.", (), []),
    # other senses: kick-off of a match, boots kicked off, a cold suffered, a respite of rain
    ("Kick-off got delayed because of a waterlogged pitch.", (), []),
    ("Mia kicked off her trainers and put her feet up.", ("Mia",), []),
    ("Mia kicked off at tea.", ("Mia",), [("kicked off", False)]),
    ("Dee is suffering with a cold so she went home early.", ("Dee",), []),
    ("The rain finally gave us a respite.", (), []),
    ("Gwen is in respite this week.", ("Gwen",), [("respite", False)]),
    ("Mabel's cat is a fussy feeder.", ("Mabel",), []),
    ("Agency nurse placement fees have gone up again.", (), []),
    ("Liz claims her pension on Thursdays at the post office.", ("Liz",), []),
    ("Liz claims her carer took her purse.", ("Liz",), [("claims her", False)]),
])
def test_the_eighteenth_rounds_context(text: str, people: tuple[str, ...],
                                       found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # a person's own doings stand for them ("Hollie's self-harm is attention seeking")
    ("In my view Hollie's self-harm is attention seeking.", ("Hollie",),
     [("attention seeking", False)]),
    ("Sasha's a borderline, so expect a rough first week.", ("Sasha",),
     [("a borderline", False)]),
    ("It was a borderline pass.", (), []),
    ("Reception refused entry to the man selling dusters.", (), []),
    ("It was a real burden to carry up the path.", (), []),
    ("Naughty or Nice, the Christmas panto, was a hit.", (), []),
    ("Gloria read me where the detective takes on a new case in Whitby.", ("Gloria",), []),
    ("The package broke down because the agency couldn't staff the tea calls.", (),
     [("package broke down", False)]),
    ("These families often struggle to keep appointments.", (),
     [("These families often", False)]),
    ("Lucy was placed here by the local authority last spring.", ("Lucy",),
     [("placed here by", False)]),
    ("The vase was placed here by the door.", (), []),
    ("Waiting on a package from Amazon.", (), []),
    ("Ava was quiet in the car on the way to contact.", ("Ava",),
     [("on the way to contact", False)]),
    # a care visit ("call") said to do what a person does; not a phone call
    ("The teatime call on Mill Lane says she wants her sandwich cut in triangles.", (),
     [("The teatime call", False)]),
    ("My 7am call was still asleep so I went back after breakfast.", (),
     [("My 7am call", False)]),
    ("The call was lovely, the GP rang back.", (), []),
    ("The lifts are done, just the independents left to wake.", (),
     [("The lifts are done", False)]),
    ("The lifts were broken all morning.", (), []),
    ("Table 3 need their drinks topped up before the quiz.", (), [("Table 3", False)]),
    ("Table 3 was wobbly so we moved it.", (), []),
    ("No 47 was in bed when I arrived, Kath says she's fine.", ("Kath",), [("No 47", False)]),
    ("Ana's solicitor says her case about the deposit will be heard next month.", ("Ana",),
     []),
    ("Her case is complex and the team are stuck.", (), [("case", False)]),
    ("The senile plaques picture on the slides was hard to read.", (), []),
])
def test_the_nineteenth_rounds_context(text: str, people: tuple[str, ...],
                                       found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # a child's age said in words makes praise and baby words theirs
    ("Kai was such a good boy at swimming, he's 6 and swam a whole width.", ("Kai",), []),
    ("Dylan, who is 5, had a bit of a tantrum at bedtime.", ("Dylan",), []),
    ("Dot was a good girl, she's 93.", ("Dot",), [("good girl", False)]),
    ("Dot's tantrum lasted 5 minutes.", ("Dot",), [("tantrum", False)]),
    # the ducks Jack fed do not make him a duck
    ("Took Eileen out to the garden centre, she loved the fish tanks.", ("Eileen",),
     [("Took Eileen out", False)]),
    ("Feel like a burden asking for another weekend off.", (), [("a burden", True)]),
    ("Keysafe was hard to reach behind the wheelie bins.", (), []),
    ("My hip on Crown St was much brighter today.", (), [("My hip", False)]),
    ("Owen is prone to fits when he's tired.", ("Owen",), [("prone to fits", False)]),
    ("The old oak in the garden fell victim to the storm.", (), []),
    # "our" before a name is regional usage no guide names (the rule was dropped in stop 31)
    ("Our Doris was on top form at bingo.", ("Doris",), []),
    ("We went to Our Lady of Lourdes for mass.", (), []),
    ("Ethel had a chocolate as a treat for having her bath.", ("Ethel",),
     [("as a treat for having", False)]),
    ("Sid sat nicely through the whole service at church.", ("Sid",),
     [("sat nicely", False)]),
    ("The patient in the next bed at the Royal kept Ed awake.", ("Ed",), []),
])
def test_the_twentieth_rounds_context(text: str, people: tuple[str, ...],
                                      found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # a word that says what kind belongs to the label's own phrase, not to who is spoken of
    ("Kev is a heroin addict.", ("Kev",), [("addict", False)]),
    ("I'm a total Strictly addict so Queenie and I had loads to talk about.", ("Queenie",),
     []),
    ("My son is a Minecraft addict and Lewis gave me tips.", ("Lewis",), []),
    # other senses of label and othering words
    ("Abdul's barber shop lost two clients when the road was closed.", ("Abdul",), []),
    ("The trophy case in the hall has all of Ted's darts cups in it.", ("Ted",), []),
    ("Harry has been a local resident his whole life.", ("Harry",), []),
    ("The elderly Labrador next door barked at the postman.", (), []),
    ("Who are these people, Lena asked, pointing at the wedding photo.", ("Lena",), []),
    ("Kaya said her teacher does not like us being late.", ("Kaya",), []),
    ("I was mentally ill-prepared for the inspection but it went fine.", (), []),
    ("Sheila's new dog is a different breed from her old one.", ("Sheila",), []),
    ("Our manager's intervention got the Christmas rota sorted.", (), []),
    ("Kindness is in this team's DNA, said the manager.", (), []),
    ("Darts final at the club, us and them, and Tony threw the winning double.", ("Tony",),
     []),
    ("Refused entry to the hospital car park because the barrier was broken.", (), []),
    # "called out for" summons someone, it does not name a word
    ("The police are always being called out for the mentally ill on the estate.", (),
     [("the mentally ill", False)]),
    # jargon verbs stay jargon when negated; "isn't a package" is not a verb
    ("Joe did not access the community today due to the weather.", ("Joe",),
     [("access the community", False)]),
    # a reduced passive ("Omar taken out to Tesco") is done to the one before it
    ("Omar taken out to Tesco by Jen this pm.", ("Omar",), [("taken out to", False)]),
    ("Eddie put to bed early.", ("Eddie",), [("put to bed early", False)]),
    ("Staff put Dot to bed at 7.", ("Dot",), [("put Dot to bed", False)]),
    ("Bins taken out to the kerb.", (), []),
    ("Ted made to have a shower this morning.", ("Ted",), [("made to have", False)]),
    ("Staff made to wait outside.", (), []),
    ("Most people like that bench by the pond.", (), []),
    ("The Wanderers won 2-1 and Dennis was up singing.", ("Dennis",), []),
    ("Those families never turn up to reviews.", (), [("Those families never", False)]),
])
def test_the_twenty_first_rounds_context(text: str, people: tuple[str, ...],
                                         found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # more care things said to do what a person does, and more doings
    ("My morning calls need waking gently.", (), [("My morning calls", False)]),
    ("The frame in the dining room keeps trying to stand up on her own.", (),
     [("The frame", False)]),
    ("The chest infection in room 11 is sleeping a lot.", (),
     [("The chest infection", False)]),
    ("The singles on the ground floor are all up and dressed.", (), [("The singles", False)]),
    ("The bath was lovely and warm.", (), []),
    ("The frame needs doing up.", (), []),
    # numbers, flats and beds for the people in them
    ("Number 7 on my list is always up and waiting at the door.", (),
     [("Number 7 on my list", False)]),
    ("I helped room 4 with a shave and he told me about his sons.", (),
     [("helped room 4 with", False)]),
    ("The lady in bed 8 asked for a priest.", (), []),  # the bed rule's own alternative
    ("Got all the hoists up for breakfast by nine.", (), [("Got all the hoists up", False)]),
    ("Oscar is only allowed two cans of coke a day.", ("Oscar",),
     [("allowed two cans", False)]),
    ("Lois needs taking out more, she's been in all week.", ("Lois",),
     [("needs taking out", False)]),
    ("The bins needs taking out.", (), []),
    ("Staff toilet is for us not them, please keep it locked.", (),
     [("for us not them", False)]),
])
def test_the_twenty_second_rounds_context(text: str, people: tuple[str, ...],
                                          found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # a capitalised word right after an owner is a thing of theirs, not a name
    ("Bert's old Ford refused to start in the cold.", ("Bert",), []),
    ("Her Tom refused his dinner again.", (), [("refused", False)]),
    # a place's name between "a" and a label says where someone lives
    ("Harry has been a Hull resident his whole life.", ("Harry",), []),
    # what a sentence that opens with an animal says is said of the animal
    ("My cat is the definition of attention seeking at 5am.", (), []),
    ("My old Labrador has been bed-bound since his op.", (), []),
    ("Kitty got put in her chair by the window.", ("Kitty",),
     [("got put in her chair", False)]),
    ("The dog barked so he refused to go out.", (), [("refused", False)]),
    # a stretch of time, and plural things at a time, are not a person
    ("The 7.30 to 9.30 slot on the rota is still empty.", (), []),
    ("Both my 8am alarms went off and I still nearly overslept.", (), []),
    ("my 10am needs more time to get ready.", (), [("my 10am", False)]),
    # capitalised everyday nouns are a thing's name when the entry names its people
    ("Pam claims Pension Credit now.", ("Pam",), []),
    # a person who "is" a task, the equipment or the staffing their care takes
    ("Joan is just a wash and dress, ten minutes tops.", ("Joan",),
     [("is just a wash and dress", False)]),
    ("Nell is a standing hoist, she does really well with it.", ("Nell",),
     [("is a standing hoist", False)]),
    ("Ruth has turned into a big job since the fall.", ("Ruth",),
     [("turned into a big job", False)]),
    ("He's a single dad with three kids.", (), []),
    ("That was a big job to finish.", (), []),
    ("Lorraine's morning call is a double-up so I waited outside.", ("Lorraine",),
     [("double-up", False)]),
    # more care things and doings; a care thing that describes a noun is not the one
    ("The air mattress in bed 10 has been calling out for her daughter.", (),
     [("The air mattress", False)]),
    ("The readmission in 14 is back on her feet already.", (), [("The readmission", False)]),
    ("The dementia cafe at the church hall was lovely.", (), []),
    ("The PEG site is settling well.", (), []),
    # a housing void, not a void that is a metaphor or a cancelled cheque
    ("Raj is worried about who will move into the void next door.", ("Raj",),
     [("void", False)]),
    ("Flat 3 has been void since March.", (), [("void", False)]),
    ("He was staring into the void all afternoon.", (), []),
    ("The cheque from the social fund was void.", (), []),
    # a parcel is not a care package; a species of bird is not othering
    ("Postie brought a package for Mohammed, left it on his bed.", ("Mohammed",), []),
    ("Saw a different species of tit at the feeder.", (), []),
    # colleagues at staff parties and on shifts; staff at head office; a relative's clients
    ("Ama on the late shift is a sweetie, she brought cakes in.", (), []),
    ("Those people at head office have never done a night shift.", (), []),
    ("My sister's hairdressing clients send her Christmas cards.", (), []),
    # words that open a sentence and are then given to one of the people are theirs
    ("Good boy, said Fred to his Jack Russell.", ("Fred",), [("Good boy", True)]),
    ("Good girl, said Sue to Edna.", ("Edna",), [("Good girl", False)]),
    # "patient" at home, bare; not the adjective, a hospital stay or a nurse's own patients
    ("Patient was in bed when I arrived, said she slept well.", (), [("Patient", False)]),
    ("She was very patient with me when I got the rota wrong.", (), []),
    ("Ray was a patient at the Royal for three weeks.", ("Ray",), []),
    ("Molly was a nurse for forty years and still talks about her patients.", ("Molly",), []),
    # "that lot" handled as things, or staff at an institution
    ("Washing machine's full again, I'll hang that lot out when it stops.", (), []),
    ("Them lot at the council gave me a parking ticket.", (), []),
    ("That lot upstairs have had the music on all night again.", (), [("That lot", False)]),
    # a container, a bed being cleaned, a warranty, a stapler, a game, a relative's twins
    ("Mrs Chen showed me her case of calligraphy brushes.", ("Mrs Chen",), []),
    ("Bed 6 has been deep cleaned and is ready.", (), []),
    ("Warranty's void if we open up the hoist ourselves.", (), []),
    ("Someone absconded with the office stapler again.", (), []),
    ("Doreen is difficult to beat at rummy.", ("Doreen",), []),
    ("My sister's twins still need nappies at night.", (), []),
    ("New starter Ryan was a bit manipulative about getting weekends off.", (), []),
    ("Rhiannon's kickboxing class kicks off again in September.", ("Rhiannon",), []),
    ("The hoist in flat 7 was serviced today.", (), []),
    # a word someone was pulled up for saying is a mention
    ("Supervisor pulled me up for saying these people about the men at the hostel.", (),
     [("these people", True)]),
    # a name after a title written in lower case
    ("fed mrs hussain her soup, she ate about half", ("Mrs Hussain",),
     [("fed mrs hussain", False)]),
    ("Ewa is in complete denial about her memory.", ("Ewa",),
     [("in complete denial", False)]),
    ("Visited Mrs Ortega at home, a lovely patient, very chatty.", ("Mrs Ortega",),
     [("a lovely patient", False)]),
    ("Our Parkinson's gent in flat 30 needs his meds on time.", (),
     [("Our Parkinson's gent", False)]),
    # staff against the people they support, in the office; not staff against the office
    ("Staff sit in the office and they sit in the lounge, it's us and them.", (),
     [("us and them", False)]),
    ("It's us and them with the office sometimes.", (), []),
    # a clause that opens the sentence with "he" or "she" is said of that person
    ("hes a sweetie, always asks about my kids", (), [("hes a sweetie", False)]),
    ("Bless him, my lad made me a card.", (), []),
    # a word the writer says they wrote, then corrects
    ("I wrote that Layla refused her tea, I should have said she wasn't hungry.", ("Layla",),
     [("refused", True)]),
    ("Visited my case on Elm Road - scratch that - visited Aisling.", ("Aisling",),
     [("case", True)]),
    ("Gareth refused to do the late call, so I ended up doing it.", (), []),
    ("There's a hard-to-reach bit behind the radiator.", (), []),
    # "two of the lads": the lads are who did it
    ("Two of the lads absconded after the fire alarm went off.", (),
     [("absconded", False)]),
    # a bed, a bay or a room in a person's place; a child's birthday; a ward's doings
    ("Can you feed bay 4 while I do the drugs round?", (), [("feed bay 4", False)]),
    ("Our Lily turned two today, bless her, she wore her cake.", ("Lily",), []),
    ("Bay 3 are all wanting their breakfast at once this morning.", (), [("Bay 3", False)]),
    ("The 2:1 went to bed early so the night was calm.", (), [("The 2:1", False)]),
    ("the parkinsons man by the window likes his paper read to him", (),
     [("the parkinsons man", False)]),
    # a conjunction after a bed number is not the thing the bed is
    ("Can you ask bed 15 whether she wants the chaplain?", (), [("bed 15", False)]),
    # seizures called spells; a dry spell is weather
    ("Mr Nowak has had two spells this week.", ("Mr Nowak",), [("had two spells", False)]),
    ("We had a dry spell in June.", (), []),
    ("He had a spell in the army.", (), []),
    # the half-past time for the person visited, not for a bus or a meeting
    ("The half eleven is back from hospital and needs her shopping doing.", (),
     [("The half eleven", False)]),
    ("We got the half eleven bus into town.", (), []),
    ("See you at the half eleven.", (), []),
    # done by the writer's own family
    ("My two were put to bed by my mum so I could do the late call.", (), []),
    ("Jim was put to bed by my colleague at 8.", ("Jim",), [("was put to bed", False)]),
    # what someone is said not to be: "is no", "more than", a noun denied after its article
    ("It's not a void, it's Bill's old room.", ("Bill",), [("void", True)]),
    ("Ivy is no old dear, she ran a post office.", ("Ivy",), [("old dear", True)]),
    ("Donna's no bed blocker, the hospital has nowhere to send her.", ("Donna",),
     [("bed blocker", True)]),
    ("Cliff is more than a 1:1, he's a brilliant pool player.", ("Cliff",),
     [("a 1:1", True)]),
    ("Gwen isn't a dementia sufferer, she's a woman with dementia.", ("Gwen",),
     [("sufferer", True)]),
    ("Rory hasn't got a placement, he's got a home.", ("Rory",), [("placement", True)]),
    ("Joe did not access the community today.", ("Joe",),
     [("access the community", False)]),
    ("There's no service user here.", (), [("service user", False)]),
    # a doing with a person in it is said of that person
    ("Caring for Joan has become a real burden on the family.", ("Joan",),
     [("a real burden on", False)]),
    ("Two fits overnight for Liam, logged them on his chart.", ("Liam",),
     [("Two fits overnight", False)]),
    ("He has two fits of laughter today.", (), []),
    ("I thanked those people who stopped to help.", (), []),
    ("My daughter's running for president of the SU at her uni.", (), []),
    ("Tile placement in the new wet room is a bit wonky.", (), []),
    # staff and colleagues doing it are the service; a family is not
    ("Me and Andrea allowed Mr Ferreira a lie in.", ("Mr Ferreira",),
     [("allowed Mr Ferreira a", False)]),
    ("My colleague Trish got Alfie up and toileted him.", ("Alfie",),
     [("toileted him", False)]),
    ("The grandkids let her win at cards.", (), []),
    ("Ran out of nappies for Harry so my colleague Maz nipped to the shop.", ("Harry",),
     [("nappies", False)]),
    ("Some of the more demented ladies were restless at teatime.", (),
     [("demented", False)]),
    ("Kicked off my shoes after a ten hour run.", (), []),
    ("Bought a sippy cup for my two-year-old.", (), []),
    ("Half the office went down with a nasty case of flu.", (), []),
    ("Honestly the half hour in my car is my only respite on a long shift.", (), []),
    ("The PEG in room 4 is due a flush at 10.", (), [("The PEG in room 4", False)]),
    # "call her clothes protector a bib": the word as a word, four words after the verb
    ("Angharad asked me not to call her clothes protector a bib.", ("Angharad",),
     [("bib", True)]),
    # a capitalised name after a sentence's opening "The", then what it names
    ("The Void nightclub is closing down.", (), []),
    ("The void next door is still empty.", (), [("void", False)]),
    # what a document says is its word, held up; the writer's own clause after it is not
    ("The hospital letter says non-compliant; that's not how Ivy would put it.", ("Ivy",),
     [("non-compliant", True)]),
    ("Her file from age 14 says Kayleigh is manipulative.", ("Kayleigh",),
     [("manipulative", True)]),
    ("The care plan says Jim needs two staff, he refused his shower.", ("Jim",),
     [("refused", False)]),
    ("The old house rules said Gurpreet was not allowed visitors after 7.", ("Gurpreet",),
     [("not allowed", True)]),
    ("The GP referred to Mr Price as demented.", ("Mr Price",), [("demented", True)]),
    ("Night staff handover listed Maud under feeders.", ("Maud",), [("feeders", True)]),
    # names with an apostrophe or a hyphen are the entry's people too
    ("fed mrs o'brien her porridge, ate all of it", ("Mrs O'Brien",),
     [("fed mrs o'brien", False)]),
    # a note that leaves out who was put to bed, and the time it was done
    ("put to bed 8pm, all secure", (), [("put to bed 8pm", False)]),
    ("Put the bins out at 8.", (), []),
    ("smoking not allowed in the office car park anymore", (), []),
    ("Kemi is a transfer from the Leeds service, arrives Monday.", ("Kemi",),
     [("is a transfer from", False)]),
    ("It was a transfer from the bank.", (), []),
    ("Room 12 needs two carers for everything now.", (), [("Room 12", False)]),
    ("bit of a them and us between care staff and head office tbh", (), []),
    ("my sister does nails, her clients love her", (), []),
    ("Those people from the IT company still haven't fixed the wifi.", (), []),
    ("Kirsty is transferring to our Bolton branch in May.", (), []),
    # a document's words after "that"; a word called divisive; an idea named; a word given up
    ("Her son was upset that the notes said she'd been fed.", (), [("been fed", True)]),
    ("Service user is a divisive term, the NIHR guide says.", (), [("Service user", True)]),
    ("Us and them thinking creeps in on nights.", (), [("Us and them", True)]),
    ("My fortnight in Crete was the respite I needed.", (), []),
    ("People like that new cafe on the high street, it's always full.", (), []),
    ("The sling lady gets anxious going up.", (), [("The sling lady", False)]),
    ("Kwame is allowed unescorted leave now.", ("Kwame",),
     [("is allowed unescorted", False)]),
    ("Mrs Evans gets allowed to go to the shop.", ("Mrs Evans",),
     [("gets allowed to", False)]),
    ("Staff are allowed one break per shift.", (), []),
    # a family's rule, a relative's case, a colleague's extra shift, a child of the writer's
    ("My teenage daughter isn't allowed out on school nights.", (), []),
    ("Jim isn't allowed out on his own.", ("Jim",), [("isn't allowed", False)]),
    ("My brother's case went to the tribunal today.", (), []),
    ("Marek refused the extra shift, he's knackered.", (), []),
    ("My little girl has the sippy cup with unicorns.", (), []),
    ("The goldfish was fed by three different people on Sunday.", (), []),
    ("Mr Okafor we give him the feeding at 12.", ("Mr Okafor",),
     [("give him the feeding", False)]),
    ("I felt a void when my grandmother died.", (), []),
    ("The manipulative therapy the osteopath did on my back helped.", (), []),
    ("Mrs Rossi keeps her glasses in a red case on the table.", ("Mrs Rossi",), []),
    ("The smoke alarm had a fit at 3am because of the toast.", (), []),
    ("Jim had a fit at 3am.", ("Jim",), [("had a fit", False)]),
    ("The boiler certificate shows it's compliant until next March.", (), []),
    ("it's them and us in this house sometimes, staff v kids", (),
     [("them and us", False)]),
    # a trade's clients: a trainer's, a garage's, a barrister's
    ("The personal trainer at my gym has a waiting list for new clients.", (), []),
    ("Aisha, the client in room 4, asked me to paint her nails.", ("Aisha",),
     [("client", False)]),
    ("That lot in HR still haven't sorted my holiday.", (), []),
    ("These people at DVLA take forever to answer a letter.", (), []),
    ("im in denial about how much I spent at Christmas", (), []),
    ("Less of a burden on my back now I've got the trolley.", (), []),
    ("Dimensions says tantrum is the wrong word, Rory was frustrated.", ("Rory",),
     [("tantrum", True)]),
    ("It's always us and them with Wales and England at the rugby.", (), []),
])
def test_the_twenty_third_rounds_context(text: str, people: tuple[str, ...],
                                         found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize("text, people, found", [
    # a question about what a word means, with who was asked between
    ("Kai asked me what LAC means.", ("Kai",), [("LAC", True)]),
    ("Lena asked me, quite reasonably, what an SU was.", ("Lena",), [("SU", True)]),
    ("Tom asked who SU was.", ("Tom",), [("SU", True)]),
    ("Bea is LAC and lives with her nan.", ("Bea",), [("LAC", False)]),
    # the label said once: the behaviour described after it is not flagged again
    ("Sami is manipulative and plays staff off against each other.", ("Sami",),
     [("manipulative", False)]),
    ("Lorraine plays staff off against each other.", ("Lorraine",),
     [("plays staff off", False)]),
    # a care thing after a preposition is where the one before it is, not who does it
    ("The MS man in the end bungalow asked for his paper.", (),
     [("The MS man", False)]),
    ("The end bungalow asked for his paper.", (), [("The end bungalow", False)]),
    ("Two of the dementias went to the garden party.", (), [("the dementias", False)]),
    # words someone says that another dislikes or pulls them up for
    ("Hassan's mum hates it when people say he's an epileptic.", ("Hassan",),
     [("an epileptic", True)]),
    ("Priti pulled me up for saying service users kicked off.", ("Priti",),
     [("service users", True), ("kicked off", True)]),
    ("Kofi's sister hates hearing staff say they are going to feed him.", ("Kofi",),
     [("feed him", True)]),
    ("I said Kofi kicked off at tea, his sister hates football.", ("Kofi",),
     [("kicked off", False)]),
    # what the writer is: only "be" and small words between
    ("I'm on a placement from the agency for three months.", (), []),
    ("Zac is on a placement with new carers.", ("Zac",), [("placement", False)]),
    ("I'm on the 1:1 today so couldnt help with lunches.", (), [("on the 1:1", False)]),
    # what is done to a room, a bed or a thing
    ("Rooms 4 and 9 are being deep cleaned.", (), []),
    ("The hoist on the first floor was serviced this morning.", (), []),
    ("Room 9 has been asking for you all morning.", (), [("Room 9 has been asking", False)]),
    # a name from a staff team is a colleague's, unless it is one of the entry's people
    ("Dave from nights kicked off about the rota again.", (), []),
    ("Dave from the office refused to use the new printer.", (), []),
    ("Dave from the office refused his lunch.", ("Dave",), [("refused", False)]),
    # a titled name after a preposition is where the thing before it is
    ("The washing machine at Mrs Hart's was playing up.", ("Mrs Hart",), []),
    ("Mrs Hart was playing up at teatime.", ("Mrs Hart",), [("playing up", False)]),
    # what a colleague or the writer's family is
    ("Team leader is a back pain sufferer so she can't dig.", (), []),
    ("My sister is one of those people who's always early.", (), []),
    ("Jim is a back pain sufferer.", ("Jim",), [("sufferer", False)]),
    ("Kath is one of those people who's always early.", ("Kath",),
     [("one of those people who's", False)]),
    # an acronym named as a word; a feeling or a culture named as an idea
    ("Dimensions say never reduce people to an acronym like PWS.", (), [("PWS", True)]),
    ("Team meeting about the them and us feeling at lunchtimes.", (), [("them and us", True)]),
    ("There's a real them and us feeling between the staff and the people who live here.", (),
     [("them and us", False)]),
    # the guides' own question; a slot said to be a person; a word we can't put in notes
    ("Hard to reach or easy to ignore, as my supervisor says.", (), [("Hard to reach", True)]),
    ("Hard to reach, or just not asked?", (), [("Hard to reach", True)]),
    ("Hard to reach or not, he needs a visit.", (), [("Hard to reach", False)]),
    ("my 9 o'clock is a person not a time slot", (), [("my 9 o'clock", True)]),
    ("manager says we cant put SU in the notes anymore", (), [("SU", True)]),
    # a flat with a new front door; a colleague on nights
    ("Flat 6 has a new front door and the lock is stiff.", (), []),
    ("Room 4 has a new hearing aid.", (), [("Room 4", False)]),
    ("Tom on nights kicked off about the parking again.", (), []),
    # who a relative "who" is: the noun before it
    ("Minutes: staff who refuse overtime will not be penalised.", (), []),
    ("Residents who refuse their meds are seen by the GP.", (), [("Residents", False),
                                                                ("refuse", False)]),
    # a group defined by what it does; a refused planning application
    ("Those people who park across the dropped kerb drive me mad.", (), []),
    ("Planning refusal for the extension, manager is appealing.", (), []),
    # a person noun after a preposition is not who the words describe
    ("My husband is suffering from man flu.", (), []),
    ("There are so many demented people on this floor.", (), [("demented", False)]),
    # a numbered flat after "at" or "in" is where the one before it is
    ("SU at flat 3 was asleep when I arrived.", (), [("SU", False)]),
    ("Flat 3 was asleep when I arrived.", (), [("Flat 3 was asleep", False)]),
    ("The profiling beds in rooms 2 and 5 are due for their service.", (), []),
    # other senses with a word between
    ("Nadia kicked off her wet boots at the door.", ("Nadia",), []),
    ("Felt a bit of a void after my nan died.", (), []),
    ("She left early for an SU meeting at the uni.", (), []),
    # "why do we say" opening the sentence; "not one of the"
    ("Why do we say a new admission when it's Rhiannon moving in?", ("Rhiannon",),
     [("new admission", True)]),
    ("Dave isn't one of my doubles, he's a man who needs two of us.", (),
     [("doubles", True)]),
    ("Dave is one of my doubles.", (), [("doubles", False)]),
    # a supervision, a call centre, a colleague's overtime, a phone's feeds
    ("Had a 1:1 with my manager about my hours.", (), []),
    ("Kai is on a 1:1 with staff.", ("Kai",), [("a 1:1", False)]),
    ("The council's contact centre kept me on hold for forty minutes.", (), []),
    ("Jess refused the overtime and I don't blame her.", (), []),
    ("The feeds on my phone are full of cat videos.", (), []),
    # a number after "allowed" is how much, not a thing the word describes; a nephew in the
    # sentence is not who a named person's "was allowed out" is about
    ("Gwen is allowed one glass of sherry on a Sunday.", ("Gwen",),
     [("is allowed one", False)]),
    ("Gurpreet was allowed out to the temple with his nephew.", ("Gurpreet",),
     [("was allowed out", False)]),
    ("My nephew was allowed out till ten.", (), []),
    # "has to be fed", and a handover's "fed at 12"
    ("Albert has to be fed now, his hands are too shaky.", ("Albert",),
     [("has to be fed", False)]),
    ("Handover: Stan fed at 5, now asleep in his chair.", ("Stan",), [("fed at 5", False)]),
    ("The dog fed at 5 and went out.", (), []),
    # an owner's name in the place of an owning "her"
    ("We reviewed Maureen's package today.", ("Maureen",),
     [("reviewed Maureen's package", False)]),
    ("We managed Elsie's behaviour on the coach trip.", ("Elsie",),
     [("managed Elsie's behaviour", False)]),
    ("Fed Dot's cat before I left.", ("Dot",), []),
    # an institution's people; children who like a new place; what a word means
    ("Those people from BT finally fixed the broadband.", (), []),
    ("My kids like that new pizza place on the high street.", (), []),
    ("EDCM say short breaks, not respite, because respite means laying down a load.", (),
     [("respite", True), ("respite", True)]),
    # a business's clients: a dog walker's, a builder's, a firm's
    ("My mate is a dog walker and has twelve clients, all dogs.", (), []),
    ("The builders said their client wants the extension done by June.", (), []),
    ("My client Tony wanted to go to the bank so we walked into town.", ("Tony",),
     [("client", False)]),
    # a name that is not the abbreviation; a container; staff's and the writer's respite
    ("Su made me laugh today with stories about her market stall.", (), []),
    ("The SU in flat 2 rang twice.", (), [("SU", False)]),
    ("Aisha keeps her reading glasses in a case with little ducks on it.", ("Aisha",), []),
    ("The lull around 3pm is a small respite for staff before teatime.", (), []),
    ("honestly I need a respite holiday myself after this month", (), []),
    ("Jo went to respite for the weekend.", ("Jo",), [("respite", False)]),
    # why a mentioned word is wrong; football bibs; a supervision; head office
    ("The old day notes say everyone was 'put to bed' by nine, like children.", (),
     [("put to bed' by", True), ("like children", True)]),
    ("Writing 'playing up' about Mrs Mensah makes her sound like a toddler.", ("Mrs Mensah",),
     [("playing up", True)]),
    ("Handed out the bibs for five-a-side, reds versus yellows.", (), []),
    ("Put a bib on Mr Chen before lunch so his shirt stays clean.", ("Mr Chen",),
     [("bib", False)]),
    ("I had a one-to-one with my supervisor about the hospital visits.", (), []),
    ("Them lot in head office still haven't paid for the minibus repairs.", (), []),
    # a child's age written with spaces; likening a person to one still counts
    ("The two year old at the next table had a right tantrum over a balloon.", (), []),
    ("Jim had a tantrum like a two year old.", ("Jim",), [("tantrum", False),
                                                         ("like a two year old", False)]),
    ("I was the one who kicked off in the office today, about the rota.", (), []),
    ("Jo was the one who kicked off in the lounge.", ("Jo",), [("kicked off", False)]),
    ("The Leeds v Bradford game was very us and them in the pub.", (), []),
    # the writer "myself"; "I'm the hardest case"; a name fed up with the rota
    ("Was a care leaver myself so I know what Jordan is going through.", ("Jordan",), []),
    ("Im the hardest case on the team according to my supervisor.", (), []),
    ("Sharon kicked off about the rota again, to be fair it's awful.", (), []),
    # "its": a thing's; a name in our team is a colleague's
    ("The hoist on the first floor is due its service on Tuesday.", (), []),
    ("Dev in our team kicked off about the parking.", (), []),
    ("Bless him, my colleague Ahmed came in on his day off to cover nights.", (), []),
    ("Bless him, Mr Ali came in from the garden soaked.", ("Mr Ali",),
     [("Bless him", False)]),
    # more ways a word is held up: written somewhere, the guides' own test, a list of words,
    # "Is it really", a view the writer has left behind
    ("The whiteboard had DOUBLES written over half the names.", (), [("DOUBLES", True)]),
    ("Dimensions ask if any of us has a void in our own house.", (), [("void", True)]),
    ("We've had a void in our house since Bill moved out.", (), [("void", False)]),
    ("DEEP says demented and senile are words that hurt.", (),
     [("demented", True), ("senile", True)]),
    ("Is it really an intervention when I make Priya a cuppa?", ("Priya",),
     [("intervention", True)]),
    ("I used to think self harm was attention seeking until I met Parveen.", ("Parveen",),
     [("attention seeking", True)]),
    ("The article kept saying 'the homeless' as if they were a different species.", (),
     [("the homeless", True), ("a different species", True)]),
    ("The old staff treated them as if they were a different species.", (),
     [("a different species", False)]),
    # other senses: odds, a newsletter, a cavity wall, kicked-off shoes, a placement test,
    # a local area coordinator, a handover at four, a supplier's clients
    ("The odds were 2:1 on the favourite and it still lost.", (), []),
    ("Newsletter finally put to bed at 5pm.", (), []),
    ("Surveyor says the cavity wall void in our house needs filling.", (), []),
    ("The LAC in our borough is the local area coordinator.", (), []),
    ("The 4 o'clock handover ran over again.", (), []),
    ("My 4 o'clock was still in bed.", (), [("My 4 o'clock", False)]),
    ("Our IT supplier has lots of clients across the region.", (), []),
    ("The physio showed me how she manipulates Mrs Novak's fingers.", ("Mrs Novak",), []),
    ("Bed 6 has a squeaky wheel that wakes everyone.", (), []),
    ("Bed 6 needs his tablets.", (), [("Bed 6", False)]),
    # "jargon like", "a void in your house", a figurative respite, the writer's permission,
    # staff's pay
    ("My manager asked me to use less jargon like mobilised and ADLs.", (),
     [("mobilised", True), ("ADLs", True)]),
    ("The guide asks if you have a void in your house.", (), [("void", True)]),
    ("My own week off felt like a respite after the inspection.", (), []),
    ("Got permission from the manager to swap my Sunday for Saturday.", (), []),
    ("Kemi kicked off at the agency about her late pay, good for her.", (), []),
    ("Think I was attention seeking at handover, too many jokes.", (), []),
])
def test_the_thirty_first_stops_context(text: str, people: tuple[str, ...],
                                        found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # praise and crooks are not a kind of person set apart; a machine turns things down
    ("Volunteers who run the lunch club, people like that deserve a medal.", (), []),
    ("Esperanza said she'd never met people like that, meaning the scammers who rang her.",
     ("Esperanza",), []),
    ("Mrs Cole's family are people like that, never on time.", ("Mrs Cole",),
     [("people like that", False)]),
    ("Sofia laughed that the self-checkout refused her bananas again.", ("Sofia",), []),
    ("New tin opener refuses to go round the rim.", (), []),
    ("Mrs Khan refused her tablets at the checkout.", ("Mrs Khan",), [("refused", False)]),
    # a patient of a renal unit or a vet; a room let; a firm's people; a phone's case;
    # kick-off as the game's start
    ("Hassan has been a patient on the renal unit for years.", ("Hassan",), []),
    ("The vet said our rabbit was a very good patient.", (), []),
    ("Our patients love the garden in summer.", (), [("Our patients", False)]),
    ("Zara's let her spare room to a student from the college.", ("Zara",), []),
    ("Those people from the surveying firm left the gate open again.", (), []),
    ("Dropped my phone and cracked the case.", (), []),
    ("Jomo loves announcing kick-off at the rugby club.", ("Jomo",), []),
    ("Lenny wants to know what time Forest kick off.", ("Lenny",), []),
    ("Lenny kicked off when the match was cancelled.", ("Lenny",), [("kicked off", False)]),
    # a person supported telling someone off; staff telling an adult off
    ("A visitor called the ladies 'old dears' and Peggy told her off good and proper.",
     ("Peggy",), [("old dears", True)]),
    ("Had to tell Ron off for swearing at the dinner table.", ("Ron",),
     [("Had to tell Ron off", False)]),
    ("Told him off for eating in the lounge again.", (), [("Told him off for", False)]),
    # Prader-Willi syndrome's short name; a patient in the discharge lounge; a baby's feed;
    # a wartime sweetheart; a hospital admission; the writer's own diet plan
    ("Ben has Prader-Willi syndrome, PWS for short, and he explained it.", ("Ben",), []),
    ("Two PWS in the lounge today.", (), [("PWS", False)]),
    ("Patients in the discharge lounge get sandwiches at twelve.", (), []),
    ("The baby woke for a feed at three.", (), []),
    ("Mr Obi has his feed at noon.", ("Mr Obi",), [("his feed", False)]),
    ("Beryl told me all about her wartime sweetheart.", ("Beryl",), []),
    ("Hana was admitted to the mental health unit under section 2.", ("Hana",), []),
    ("Jo was admitted to the home last week.", ("Jo",), [("admitted to the home", False)]),
    ("Non-compliant with my own diet plan, three biscuits on the drive home.", (), []),
    ("Jo is non-compliant with her meds.", ("Jo",), [("non-compliant", False)]),
    # minor ailments; a break from the phones; a bakery people like; a window cleaner's
    # clients; a charity match kicked off; a students' union card; a patient old dog; a
    # cat's obs at the vet; the writer's own appointment at nine
    ("Shona suffers from terrible hay fever every June.", ("Shona",), []),
    ("Shona suffers from dementia.", ("Shona",), [("suffers from", False)]),
    ("Lunch break was a small respite from the phones ringing.", (), []),
    ("Most people like that bakery on Mill Street.", (), []),
    ("The window cleaner says he has too many clients on this estate.", (), []),
    ("Delroy kicked off the charity five-a-side and scored.", ("Delroy",), []),
    ("Left my SU card at home so no student discount.", (), []),
    ("Our dog is a patient old thing.", (), []),
    ("My cat's obs at the vet were all fine.", (), []),
    ("My 9 o'clock with my manager got moved.", (), []),
    ("My 10 o'clock was still in bed.", (), [("My 10 o'clock", False)]),
    ("Engagement with the staff survey was low again.", (), []),
    ("Toddled off to the canteen myself at half twelve.", (), []),
    # said of the writer's own relative
    ("My nan's a proper sweetie, she sent me a card.", (), []),
    ("My mum, bless her, sent me a packed lunch for night shift.", (), []),
    ("My husband's running club are mad, people like that get up at 5.", (), []),
    ("My grandad's obs on the ward were fine.", (), []),
    ("Mrs Kowalczyk is a proper sweetie, always asks after my kids.", ("Mrs Kowalczyk",),
     [("sweetie", False)]),
    ("My lady Mrs Hart, bless her, ate all her lunch.", ("Mrs Hart",),
     [("bless her", False)]),
    # a room that has a family, takes tablets or needs changing; "my 1:1" as a person
    ("Room 16's daughter rang asking how her mum was doing.", (),
     [("Room 16's daughter", False)]),
    ("Has anyone given room 4 his eye drops?", (), [("given room 4", False)]),
    ("Room 12 needs changing before her visitors come.", (),
     [("Room 12 needs changing", False)]),
    ("Room 12 needs a new radiator.", (), []),
    ("My 1:1 came to the shops with me this afternoon.", (), [("My 1:1", False)]),
    ("My 1:1 with my manager has moved to Thursday.", (), []),
    ("Had my 1:1 supervision with Hayley, it went well.", (), []),
    # a tender declared void, a gap in the rota, a club; the Euros kicking off; doubles of
    # whisky and on the telly (not the doubles on a run); a lobster bib; a chore's burden;
    # ten minutes' respite in the car
    ("The council has declared the old tender void and will run it again.", (), []),
    ("There's a void in the rota for Christmas Day.", (), []),
    ("The Void is doing a retro night and Marcus wants to go.", ("Marcus",), []),
    ("We have two voids at Elm House.", (), [("voids", False)]),
    ("The Euros kick off tonight so Mr Antonelli wants his tea on a tray.", ("Mr Antonelli",),
     []),
    ("Guillermo ordered two doubles of whisky for his birthday.", ("Guillermo",), []),
    ("Mrs Sokolova watched the doubles on telly.", ("Mrs Sokolova",), []),
    ("The doubles on the top corridor went smoothly this morning.", (),
     [("The doubles", False)]),
    ("Dad wore a lobster bib at the seafood place.", (), []),
    ("Tomatoes in the greenhouse are a burden to water in this heat.", (), []),
    ("Got ten minutes respite in the car before my next call.", (), []),
    ("Ordered a new headboard for bed 2 at home.", (), []),
    # a person named by the help they need to move, by their wheelchair, or as an arrival
    ("Mr Rowntree is a two person lift, so wait for Carmen.", ("Mr Rowntree",),
     [("is a two person lift", False)]),
    ("Two wheelchairs went on the minibus trip to the garden centre.", (),
     [("Two wheelchairs went on", False)]),
    ("Two wheelchairs came back from repair.", (), []),
    ("There's a transfer coming over from Maple ward this afternoon.", (),
     [("a transfer coming over", False)]),
    ("The new referral from the GP is a lady of 91.", (),
     [("The new referral from", False)]),
    ("The bank transfer came through.", (), []),
    # a service or a shelf that is hard to reach
    ("Maybe it's our service that's hard to reach: no evening appointments.", (), []),
    ("Elsie's tins were on the top shelf and hard to reach.", ("Elsie",), []),
    ("The Begum family are hard to reach.", (), [("hard to reach", False)]),
    # a tabby blessed; bibs for five-a-side; a cheque marked void; a keysafe's placement;
    # the dementia training asking; a child-resistant lid; a helpdesk's client
    ("Bless her, the old tabby at Mrs Sow's sleeps on the radiator all day.", ("Mrs Sow",),
     []),
    ("Bibs for five-a-side are in the boot of my car.", (), []),
    ("The cheque was marked void so Kenji wrote out a new one.", ("Kenji",), []),
    ("Keysafe placement at Mr Rahman's is awkward.", ("Mr Rahman",), []),
    ("The dementia training asked why staff still say feed.", (), [("feed", True)]),
    ("The dementia lady asked for her tea.", (), [("The dementia lady", False)]),
    ("The lid is child-resistant and Mr Brown can't open it.", ("Mr Brown",), []),
    ("Our IT helpdesk now treats every team as a client.", (), []),
    # "my nan" is the writer's; a council's permission; a recipe hard to follow; a country
    # mobilised; a club's cup run kicked off; the writer's own training at eleven
    ("My nan is ninety and still refuses to let anyone help with her garden.", (), []),
    ("My client is ninety and still refuses help.", (), [("client", False),
                                                         ("refuses", False)]),
    ("Need permission from the council to put the ramp in.", (), []),
    ("Moira needs permission from the office before she spends over £10.", ("Moira",),
     [("needs permission", False)]),
    ("The recipe Folake wanted to try was difficult to follow.", ("Folake",), []),
    ("Mr Sokolov told me how Britain mobilised for the war.", ("Mr Sokolov",), []),
    ("Ashford Rovers kicked off their cup run on Saturday.", (), []),
    ("My 11 o'clock training was cancelled.", (), []),
    # a switched-off sensor; the writer's own shifts; people on the telly or in a photo
    ("The engineer switched the disabled sensor back on in the lounge.", (), []),
    ("Normal people don't check the rota on their holidays, but here I am.", (), []),
    ("Jo just wants to live like normal people.", ("Jo",), [("normal people", False)]),
    ("Those people on Bake Off make it look so easy.", (), []),
    ("Ann said those people in the photo were her cousins from Wales.", ("Ann",), []),
    ("Those people never look after their own.", (), [("Those people", False)]),
    # a pipe case, a cold case, "the case with most agencies", a pub; a pilot's frequent
    # flying; a shipping firm's client
    ("Hamish showed me his grandad's pipe case from the shipyard days.", ("Hamish",), []),
    ("Watched a true crime thing about a cold case in Yorkshire.", (), []),
    ("Seems the case with most agencies now, they can't keep drivers.", (), []),
    ("The Case is Altered does a good Sunday dinner.", (), []),
    ("Kofi is my most complicated case at the moment.", ("Kofi",), [("case", False)]),
    ("Beryl's grandson is a pilot and jokes he's the most frequent flyer in the family.",
     ("Beryl",), []),
    ("Mr Costa worked in shipping and still talks about his best client in Lisbon.",
     ("Mr Costa",), []),
    # a home managed by a charity; a Deaf film festival; a 1:1 with a mentor; a TV villain
    ("Oakfield is managed by a charity, not one of the big chains.", (), []),
    ("The Deaf film festival kicks off on Friday.", (), []),
    ("Had a 1:1 with my mentor about my portfolio.", (), []),
    ("Watched Vera with Mrs Begum, the killer was the manipulative brother.", ("Mrs Begum",),
     []),
    ("Jo is so manipulative with the night staff.", ("Jo",), [("manipulative", False)]),
    # a family's letting and taking out; feeding by a daughter is still feeding; the writer
    # told off by a senior; boots kicked off; the writer's own four o'clock; the writer fed
    ("Jerome told me his mum never let him have a lie-in.", ("Jerome",), []),
    ("Mrs Abiodun says her late husband let her win at draughts.", ("Mrs Abiodun",), []),
    ("Tariq says his brother took him out for a curry.", ("Tariq",), []),
    ("Staff let her win at draughts.", (), [("let her", False)]),
    ("Olu's wife likes to feed him herself on Sundays.", ("Olu",), [("feed him", False)]),
    ("Got told off by my senior for writing SU in Rhys's notes.", ("Rhys",),
     [("SU", True)]),
    ("Jordan kicked off his new football boots.", ("Jordan",), []),
    ("My 4 o'clock is supervision, then home.", (), []),
    ("Honestly I needed feeding by the end of that shift.", (), []),
    # the writer as a manager's hardest case
    ("My manager says I'm her hardest case to get on a training course.", (), []),
    ("Jo is my hardest case.", ("Jo",), [("case", False)]),
    # a training day kicked off; cowboy builders
    ("Me and Dave kicked off the training day with a quiz.", (), []),
    ("People like that, meaning the cowboys who fitted the kitchen, should be struck off.", (),
     []),
    # a volunteer people like; neighbours across the road; probation hard to reach; the 10pm
    # checks (not the 10pm who wants his tea)
    ("We need more people like that volunteer who taught Ayodele chess.", ("Ayodele",), []),
    ("Those people in the flat opposite mine had a party till 3am.", (), []),
    ("Probation are hard to reach on a Friday afternoon.", (), []),
    ("Harriet was fast asleep when I did the 10pm checks.", ("Harriet",), []),
    ("The 10pm wants his tea.", (), [("The 10pm", False)]),
])
def test_the_thirty_second_stops_context(text: str, people: tuple[str, ...],
                                         found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # a common noun that opens a sentence is a thing even when the entry names nobody; a
    # name that is also a word, everyone, a bed and a label still stand for people
    ("Supervision kicked off late because my manager was stuck in traffic.", (), []),
    ("Assembly kicked off with the head reading out the football results.", (), []),
    ("Dinner kicked off late because the oven broke.", (), []),
    ("Dean kicked off at tea.", (), [("kicked off", False)]),
    ("Everyone was put to bed by half nine.", (), [("was put to bed", False)]),
    ("Bed 4 needs feeding at 12.", (), [("Bed 4", False), ("needs feeding", False)]),
    ("Feeders refused breakfast again.", (), [("Feeders", False), ("refused", False)]),
    ("Admission in bed 3 refused her meds.", (), [("refused", False)]),
    ("Travellers are so hard to reach.", (), [("hard to reach", False)]),
])
def test_the_thirty_third_stops_context(text: str, people: tuple[str, ...],
                                        found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # a saying held back governs a short clause: what follows it is the word held up, not
    # used; a plain saying, or one with more between, still uses it
    ("She would never say she was toileted.", (), [("toileted", True)]),
    ("Told the new starter not to say Mrs Kaur refuses anything.", (), [("refuses", True)]),
    ("I would never say he was lazy.", (), [("lazy", True)]),
    ("Mum said she was refused a visit.", (), [("refused", False)]),
    ("She said he refused his tablets.", (), [("refused", False)]),
    # a memo, a board or a policy speaking: its words, held up
    ("The new memo says ADLs three times and I had to google it.", (), [("ADLs", True)]),
    ("The policy still uses PWS everywhere.", (), [("PWS", True)]),
    ("The board just says Bed 6 where his name should be.", (), [("Bed 6", True)]),
    ("Staff still use PWS in handover.", (), [("PWS", False)]),
    # a colleague after "a" is who did it, not a kind of doing ("a heroin addict" still is)
    ("A colleague kicked off at the agency about her pay.", (), []),
    ("A neighbour refused to move his car.", (), []),
    ("A heroin addict asked me for change.", (), [("addict", False)]),
    # "he" or "she" that goes back to the writer's own husband or colleague is theirs; a
    # name or a saying between, or a relative of someone else's, leaves it with the person
    ("My husband's team lost 4-0 and he sulked all evening.", (), []),
    ("My husband is a nightmare when he has man flu, total attention seeker.", (), []),
    ("My colleague said he refused his meds.", (), [("refused", False)]),
    ("My son visited Jo and he kicked off.", ("Jo",), [("kicked off", False)]),
    ("Harold's wife rang to say he's a burden.", ("Harold",), [("a burden", False)]),
    # "hard to reach" said of the people after it, with up to two words saying which; a
    # shelf hard to reach is still a shelf
    ("Our outreach is meant to target hard to reach young people.", (), [("hard to reach",
                                                                          False)]),
    ("Men over 70 are the hardest to reach group in the borough.", (), [("hardest to reach",
                                                                         False)]),
    ("The bid is about the hard to reach unpaid carers in the south.", (), [("hard to reach",
                                                                             False)]),
    ("The shelf is hard to reach for the young lads.", (), []),
    # wanting more people like that is praise; "people like that never change" is not
    ("The world needs more people like that.", (), []),
    ("Our night team are gems, you need people like that when it goes wrong.", (), []),
    ("The new deputy actually listens, and people like that make you want to stay.", (), []),
    ("People like that never change.", (), [("People like that", False)]),
    # "now", "only", "finally" inside "is allowed to"; a person word after the match that is
    # only what a writer's own relative "is"; a time heading is not who did it; a colleague
    # word before a colon is a heading; a package of reforms
    ("Mei is now allowed to do her own washing.", ("Mei",), [("is now allowed to", False)]),
    ("Tendai is only allowed to go to physio with staff.", ("Tendai",),
     [("is only allowed to", False)]),
    ("My sister is the most manipulative person at Monopoly.", (), []),
    ("He is the most manipulative person I know.", (), [("manipulative", False)]),
    ("We've got a new epileptic lady coming in June.", (), [("a new epileptic", False)]),
    ("Evening call: refused personal care, happy to chat though.", (),
     [("refused", False)]),
    ("Staff: Jo refused her meds.", ("Jo",), [("refused", False)]),
    ("My colleague Jo refused to do nights.", (), []),
    ("The council's new package of reforms for home care was on the news.", (), []),
    # a season or an event kicks off; a shelf is hard to reach even for the writer
    ("Christmas kicks off at the day centre with the lights switch on next week.", (), []),
    ("Fundraising for the new minibus kicked off today with a bake sale.", (), []),
    ("Dimitra wanted the book on the top shelf, hard to reach even for me.", ("Dimitra",), []),
    ("Dimitra kicked off at tea.", ("Dimitra",), [("kicked off", False)]),
    # a grandchild of the person's named in a later clause does not make the praise a
    # child's; the writer's own grandson or a child in the same clause still does
    ("Mrs Mahlangu took her tablets with no fuss today, good girl, and then we looked at "
     "photos of her great-grandson.", ("Mrs Mahlangu",), [("good girl", False)]),
    ("Bless her, Nora thought I was her granddaughter all morning.", ("Nora",),
     [("Bless her", False)]),
    ("My grandson ate all his lunch, good boy.", (), []),
    ("Her grandson had a tantrum at the door.", (), []),
    # log lines: a name "allowed to" or "put to bed" at a time, with no "was"
    ("Bridget allowed to choose own clothes today.", ("Bridget",), [("allowed to", False)]),
    ("Staff allowed to park at the back now.", (), []),
    ("Stanley put to bed 19:30, settled.", ("Stanley",), [("put to bed 19:30", False)]),
    ("Put to bed x2 before handover, both settled.", (), [("Put to bed x2", False)]),
    # a voucher is void; "obs" for "obviously"; a runner's bib; a dog breed
    ("My voucher is void after March so I need to use it.", (), []),
    ("obs i forgot my lanyard again lol", (), []),
    ("The runners' bibs for the hospice fun run arrived.", (), []),
    ("Misha's staffie is a right attention seeker.", ("Misha",), []),
    # a condition made into a person; the writer's dad's or colleague's client; the writer's
    # own 7am handover
    ("The OCD lady from Brook Street phoned about her appointment.", (),
     [("The OCD lady", False)]),
    ("Who's taking the psychosis lad to his scan?", (), [("the psychosis lad", False)]),
    ("My dad sells cars and reckons his best client bought three in one year.", (), []),
    ("My colleague Abena is training as a counsellor and gets her first client next week.",
     (), []),
    ("My colleague said his client refused.", (), [("client", False), ("refused", False)]),
    ("My colleague Ola is my 7am handover buddy this week.", (), []),
    ("My 9 o'clock today is supervision with my manager.", (), []),
    ("The new MS lady in flat 4 likes her curtains open.", (), [("The new MS lady", False)]),
    ("The MS lady from Ward 3 wants a ground floor flat.", (), [("The MS lady", False)]),
    ("The MS lady from the MS Society rang about the group.", (), []),
    # "her" that goes back to the writer's own student, not to the team taking her out (a
    # clause's subject is never its own object); an inpatient unit's patients; a teaching
    # placement; a bank transfer
    ("Our student social worker finishes her placement on Friday, and she's been brilliant, "
     "so the team is taking her out for lunch.", (), []),
    ("My colleague took her out for lunch.", (), [("took her out", False)]),
    ("Patients on the eating disorder inpatient unit eat together in the dining room.", (),
     []),
    ("Got a transfer from the bank for my overtime at last.", (), []),
    # calling a place by the word, however long the place's name; saying it of a flat is use
    ("The team agreed to stop calling the empty flat at Linden Court a void.", (),
     [("void", True)]),
    ("Housing still call the empty room at Ash Lodge a void.", (), [("void", True)]),
    ("Flat 4 at Linden Court has been a void since May.", (), [("void", False)]),
    # people from the fire service or at the council; at the day service they are ours
    ("Those people from the fire service were lovely.", (), []),
    ("Those people at the council never ring back.", (), []),
    ("Those people at the day service are always late.", (), [("Those people", False)]),
    # the same word again in a sentence that holds it up as a word is still the word; a
    # turn ("and now", "but") or a new sentence is use again
    ("Mr Svensson's daughter pulled me up on the word allowed when I said he was allowed a "
     "beer on Fridays.", (), [("allowed", True), ("was allowed a", True)]),
    ("The leaflet said 'respite stays' until the carers group said respite sounded like "
     "getting rid of someone.", (), [("respite stays", True), ("respite", True)]),
    ("My nan used to say she'd go demented with the noise, and now Mrs Duarte is demented.",
     ("Mrs Duarte",), [("demented", True), ("is demented", False)]),
    ("She asked why we say 'refused'. Jo refused her tea.", ("Jo",),
     [("refused", True), ("refused", False)]),
    # a room number, "made him" or "letting" held up in quotation marks; a room that is only
    # a room, or inside a longer quotation, is nothing
    ("The agency nurse kept saying 'room 4' instead of Elif.", ("Elif",), [("room 4", True)]),
    ("My supervisor pointed out that I'd written 'made him' three times.", (),
     [("made him", True)]),
    ("We are not 'letting' Jas paint her room, it's her room.", ("Jas",),
     [("letting", True)]),
    ("Went to room 4, not room 5.", (), []),
    ("Call bell in room 21 is not working.", (), []),
    ("Would I want my own mother described as 'the dementia lady in flat 4'? No.", (),
     [("the dementia lady", True)]),
    # "customer" for a person supported (SOURCES_A names it); a shop's or a bank's is theirs
    ("Mrs Asante is a new customer, starts tomorrow with a morning call.", ("Mrs Asante",),
     [("new customer", False)]),
    ("Customer in flat 9 has had no hot water since Sunday.", (), [("Customer in flat", False)]),
    ("The customer service line kept me on hold for forty minutes.", (), []),
    ("The customer in front of me at the garage bought all the milk.", (), []),
    # a colleague's rota; cycling bib shorts
    ("Tom kicked off in the office about his rota, we all had a laugh after.", (), []),
    ("The bib shorts I bought for cycling are so tight.", (), []),
    # "the one in room 12" that is a sling, an armchair or broken is a thing; the 2.30 at
    # Haydock and the 7.45 bus are a race and a bus
    ("The one in room 12 is the better hoist sling, use that one.", (), []),
    ("Swap the lamp over, the one in room 12 is broken.", (), []),
    ("The one in room 12 is shouting again.", (), [("The one in room 12", False)]),
    ("Winston and I went to the bookies for the 2.30 at Haydock.", ("Winston",), []),
    ("Imani and I waited for the 7.45 and got the front seats.", ("Imani",), []),
    ("Running late so rang the 11.30 to let her know.", (), [("the 11.30", False)]),
    ("My 2 o'clock on Thursday is supervision with Karen.", (), []),
])
def test_the_thirty_fourth_stops_context(text: str, people: tuple[str, ...],
                                         found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # "needs feeding" is done to its subject, whatever follows; not the writer's own hunger
    ("Mr Sandhu needed feeding today as his hands were shaking.", ("Mr Sandhu",),
     [("needed feeding", False)]),
    ("Dot needed feeding as her hands shook.", ("Dot",), [("needed feeding", False)]),
    ("Needed feeding myself after a twelve hour shift so stopped at the chippy.", (), []),
    ("Honestly I needed feeding by the end of that shift.", (), []),
    # a lad, a girl or a condition in a numbered room or bed; a 2:1 as a person
    ("The lad in room 5 finally ate something.", (), [("The lad in room 5", False)]),
    ("Can nights keep an eye on the girl in room 6, she's low.", (),
     [("the girl in room 6", False)]),
    ("The psychosis in bed 3 was shouting at the telly.", (),
     [("The psychosis in bed 3", False)]),
    ("The 2:1 lad was asleep by 9.", (), [("The 2:1 lad", False)]),
    ("The 1:1 needs someone to sit with her at lunch.", (), [("The 1:1 needs", False)]),
    ("My 1:1 with my manager got moved to Friday.", (), []),
    # counts of someone's "spells" and "fits"; a dry spell
    ("Mrs MacLeod had two of her spells at the day centre this week.", ("Mrs MacLeod",),
     [("two of her spells", False)]),
    ("Kwabena had one of his funny spells at breakfast.", ("Kwabena",),
     [("one of his funny spells", False)]),
    ("We had a dry spell in July and the garden suffered.", (), []),
    ("Keisha's dress fits like a glove, and she's had no fits since the new medication.",
     ("Keisha",), [("had no fits", False)]),
    # a regular customer; the shift kicked off; a nice respite from paperwork; playing up an
    # accent; hearing a phrase said
    ("Mrs Kim is our longest-standing customer, we've been going in since 2016.", ("Mrs Kim",),
     [("our longest-standing customer", False)]),
    ("Kicked off the shift with a team huddle in the office.", (), []),
    ("Half an hour in the garden with a brew was a nice respite from the paperwork.", (), []),
    ("Jo was playing up the Scouse accent on purpose in the staff panto.", (), []),
    ("Kai was playing up all through tea.", ("Kai",), [("playing up", False)]),
    ("keep hearing us and them in the staff room and its doing my head in", (),
     [("us and them", True)]),
    # someone else's question holds a label up; a power or jargon word in a question is
    # still used; the writer's own question is not someone else's
    ("Leah asked why she's a case and not a person.", ("Leah",), [("case", True)]),
    ("Mrs Clarke asked me if she's a burden, I told her no.", ("Mrs Clarke",),
     [("a burden", True)]),
    ("At training they asked why adults sleep with cot sides and no one had an answer.", (),
     [("cot sides", True)]),
    ("Eilidh asked if she was allowed a bath tonight, told her yes.", ("Eilidh",),
     [("was allowed a", False)]),
    ("Nadia asked if the void next door would get a new housemate.", ("Nadia",),
     [("void", False)]),
    ("I asked if she was a burden on anyone at home.", (), [("a burden", False)]),
    # a word set against another after ", not"; what a training course said
    ("Reminder to myself: write walked, not mobilised, Pat read her notes.", ("Pat",),
     [("mobilised", True)]),
    ("Dimensions training said kicking off is not a good word, say he is upset.", (),
     [("kicking off", True)]),
    ("Training today said PWS is still an acronym.", (), [("PWS", True)]),
    ("Handover said Dean kicked off at tea.", ("Dean",), [("kicked off", False)]),
    # feeding the ladies; a package that is reviewed or includes visits (not a holiday's);
    # a readmission; a room's pad change; a time slot in words; a full lift
    ("I spent an hour feeding the ladies in the lounge and didnt get my break.", (),
     [("feeding the ladies", False)]),
    ("Gurpreet's package is under review bc the agency cant cover nights", ("Gurpreet",),
     [("package is under review", False)]),
    ("Mr Roberts will need a bigger package when he comes home.", ("Mr Roberts",),
     [("will need a bigger package", False)]),
    ("The travel agent's package includes transfers from the airport.", (), []),
    ("A readmission came up from A&E at 2am, Mr Kaya again.", ("Mr Kaya",),
     [("A readmission", False)]),
    ("Did room 18's pad change before I went on break.", (), [("room 18's pad change", False)]),
    ("My ten o'clock cancelled because of the snow.", (), [("My ten o'clock", False)]),
    ("Mr Jansen's a full lift since the fall.", ("Mr Jansen",), [("a full lift", False)]),
    # a legal case; the only respite on a night shift; people movers
    ("The judge adjourned Kai's case till next month.", ("Kai",), []),
    ("Dawit's asylum case is with the solicitor now.", ("Dawit",), []),
    ("Jolanta is an urgent case, her hearing is next week and she has no solicitor.",
     ("Jolanta",), [("case", False)]),
    ("cup of tea at 4am is the only respite on a busy night", (), []),
    ("Those people movers at the airport were broken when we took Mum to Malaga.", (), []),
    ("Visited four patients in their own homes this morning.", (), [("four patients", False)]),
    # a saying given up governs its clause; the writer disagreeing with a reported word
    ("Stop saying the canal lads are hard to reach, we just go at the wrong time.", (),
     [("hard to reach", True)]),
    ("Hassan's old worker wrote that he was attention seeking, I don't agree at all.",
     ("Hassan",), [("attention seeking", True)]),
    ("Nurse said Mrs Quinn was attention seeking, I disagree, she's lonely.", ("Mrs Quinn",),
     [("attention seeking", True)]),
    ("The canal lads are hard to reach, we just go at the wrong time.", (),
     [("hard to reach", False)]),
    # after the word held up, "still" or "funny because" turns to a use of it
    ("Supervision was all about the word 'allowed', and still Priya is only allowed in the "
     "kitchen after six.", ("Priya",), [("allowed", True), ("only allowed", False)]),
    ("My manager hates the word 'feeding', which is funny because I spent all lunch feeding "
     "Mr Walsh.", ("Mr Walsh",), [("feeding", True), ("feeding Mr Walsh", False)]),
    # a pet name said to a name that is not one of the entry's people, or to a pet
    ("Good boy Rex got a biscuit from Arjun", ("Arjun",), []),
    ("good girl Bella, sat for her treat first time!", (), []),
    ("Good girl Doris, ate all her dinner.", ("Doris",), [("Good girl", False)]),
    ("Good girl Doris, ate all her dinner.", (), [("Good girl", False)]),
    # a patient in an operating theatre or for an operation
    ("i went in as a patient for my own knee op, weird being on the other side", (), []),
    ("The patient in theatre 2 was asleep before I finished the checklist.", (), []),
    # the everyday senses: software for streaming, the writer's doubles, a hospital by
    # name, a runner's bib, a way to contact someone, a theatre's name; an idea named
    ("Jaden set up OBS on his computer so he can stream his Minecraft builds.", ("Jaden",), []),
    ("Obs done at 10, all settled.", (), [("Obs", False)]),
    ("I'm on doubles with Ruth this week, we cover the big house.", (), []),
    ("Went with Nasreen to visit her friend who's a patient at the Royal.", ("Nasreen",), []),
    ("Kirsty's bib for the fun run came in the post this morning.", ("Kirsty",), []),
    ("We've run out of bibs on the dementia unit again.", (), [("bibs", False)]),
    ("Maybe letters aren't the right way to contact him.", (), []),
    ("Dafydd's going to see a play at Contact Theatre in Manchester.", ("Dafydd",), []),
    ("It's too easy to slip into a them and us way of thinking after a long week.", (),
     [("them and us", True)]),
    # "was sat in the garden when I arrived" is sitting, not being sat
    ("Ken were sat out in the yard with his brew when I got there, nowt wrong", ("Ken",), []),
    ("Doreen got sat in the lounge till breakfast.", ("Doreen",), [("got sat in", False)]),
    # permission given or held by staff; a transfer written as a log line
    ("mohammed asked to go to the mosque on friday and i gave permission", ("Mohammed",),
     [("gave permission", False)]),
    ("Senior gave Mr Abara permission to have his grandson stay for tea.", ("Mr Abara",),
     [("gave Mr Abara permission to", False)]),
    ("Mr Farouk was given permission to have his nephew stay over.", ("Mr Farouk",),
     [("was given permission", False)]),
    ("Mr Park has permission to use the garden after 8pm now.", ("Mr Park",),
     [("has permission to", False)]),
    ("My manager gave me permission to leave early for the dentist.", (), []),
    ("I have permission to park in the doctor's bay on Fridays.", (), []),
    ("The council gave permission for the extension at last.", (), []),
    ("Hilda transferred bed to chair with one staff and the stand aid.", ("Hilda",),
     [("transferred bed to chair", False)]),
    ("Grace was transferred into her wheelchair before lunch.", ("Grace",),
     [("was transferred into her wheelchair", False)]),
    ("Agnieszka transferred to the chair but was shaky.", ("Agnieszka",),
     [("transferred to the chair", False)]),
    ("The bank transferred my wages late again.", (), []),
    ("I transferred to the Leeds office in May.", (), []),
    # the writer's own son or brother by name; a label after "our" is one of ours; a
    # medicine in a flat
    ("My son Josh refused to go to school, so I was late for Mrs Kowalski's call.",
     ("Mrs Kowalski",), []),
    ("My brother Kane is so hard to reach, three texts and nothing.", (), []),
    ("Our frequent flyer Darren rang the out of hours line twice.", ("Darren",),
     [("frequent flyer", False)]),
    ("The clozapine in flat 1 had his bloods done today.", (),
     [("The clozapine in flat 1", False)]),
    # log lines of what someone is allowed; staff's travel time is not
    ("Delroy allowed one can of cider with his tea, no more.", ("Delroy",),
     [("allowed one can of", False)]),
    ("Arthur allowed a lie in today as he was up late.", ("Arthur",),
     [("allowed a lie in", False)]),
    ("Marta isnt allowed her phone after 10pm, it's in her plan", ("Marta",),
     [("isnt allowed her", False)]),
    ("Allowed 15 minutes travel between each call on the new rota.", (), []),
    # how many people there are to feed
    ("Three people to feed in the dining room and only two of us on.", (),
     [("Three people to feed", False)]),
    ("Two of us on the floor to feed everyone on the unit at teatime.", (),
     [("to feed everyone", False)]),
    ("Bank shift, fed three people at teatime on the first floor.", (),
     [("fed three people", False)]),
    ("Can someone feed Bed 3 while I do meds", (), [("feed Bed 3", False)]),
    ("Two cats to feed at home before my shift.", (), []),
    # "Im" is the writer; a load off the writer's shoulders; people in the finance office;
    # a package being sorted; transfers on their own; our input; a hip in a bed
    ("Im suffering with hay fever, sneezed through every visit", (), []),
    ("Lifted a real burden off my shoulders when the assessment was signed off.", (), []),
    ("Those people in the finance office always pay mileage late.", (), []),
    ("hospital rang re Mr Haddad, discharge on hold til the package is sorted", ("Mr Haddad",),
     [("the package is sorted", False)]),
    ("Ifeoma transfers independently now, just needs someone nearby.", ("Ifeoma",),
     [("transfers independently", False)]),
    ("Mr Gonzalez might not need our input after next week.", ("Mr Gonzalez",),
     [("need our input", False)]),
    ("hip in bed 6 up and walking with frame", (), [("hip in bed 6", False)]),
    # "users" for the people a service supports (not an app's); fits as a habit; a child's
    # contact; input as calls; a package by its hours; making someone hand in a phone
    ("All our users have a named key worker.", (), [("All our users", False)]),
    ("The users at the day centre want wifi in the lounge.", (),
     [("The users at the day centre", False)]),
    ("The users of the new app keep forgetting their passwords.", (), []),
    ("Jess has fits most weeks so someone needs to be with her in the pool.", ("Jess",),
     [("has fits most", False)]),
    ("Sibling contact for the twins is at the soft play on Saturday morning.", (),
     [("Sibling contact", False)]),
    ("Marek's input has been increased to four calls a day.", ("Marek",),
     [("input has been increased", False)]),
    ("Dev has a 30 hour package and most of it goes on the gym.", ("Dev",),
     [("a 30 hour package", False)]),
    ("Dennis's package doesn't cover shopping so his nephew does it.", ("Dennis",),
     [("package doesn't cover", False)]),
    ("We made him hand in his phone at 10, Diego argued for ages.", ("Diego",),
     [("made him hand in", False)]),
    ("My phone package doesn't cover calls abroad.", (), []),
    # the writer hard to reach; praise for people like that; catching one's own word
    ("Hard to reach me today, my phone died at 11.", (), []),
    ("Gemma on nights always brings cake, I love working with people like that.", (), []),
    ("Caught myself telling Cyril he'd been naughty, he's an ex RAF engineer.", ("Cyril",),
     [("naughty", True)]),
    ("Cyril had been naughty with the biscuits again.", ("Cyril",), [("naughty", False)]),
    # refusing a shift is a colleague's
    ("Gwen refused to cover the night shift again.", (), []),
    ("Gwen refused to come down for tea again.", ("Gwen",), [("refused", False)]),
    # a place after "up" or "along" is not who did it
    ("The walk up Snowdon was challenging but Rhys made it to the top.", ("Rhys",), []),
    ("The farming families up the valley are hard to reach.", (),
     [("hard to reach", False)]),
    # named as a word by someone ("referred to ... as"), or listed after "list:"
    ("A visitor referred to the lads here as those people and I asked her not to.", (),
     [("those people", True)]),
    ("In training we went through the DEEP list: sufferer, senile, victim.", (),
     [("sufferer", True), ("senile", True), ("victim", True)]),
    # a package cut in a log line; the new year kicked off
    ("Mrs Nakamuras package cut frm 4 calls to 3 from mon.", ("Mrs Nakamura",),
     [("package cut frm", False)]),
    ("Kicked off the new year with a team breakfast at the cafe on the corner.", (), []),
    # Prader-Willi syndrome's initials; a feeling of a void; the hoist trainer; people at a
    # club or an office (not at the food bank, who may be the ones othered)
    ("Harvey has Prader-Willi syndrome (PWS) and we've worked out a food plan with him.",
     ("Harvey",), []),
    ("Felt a bit of a void in the house tonight with the kids at their dad's.", (), []),
    ("We've had a void in the house since Albert moved out, two referrals pending.", (),
     [("void in the house", False)]),
    ("Denise is the hoist trainer this month, book your slot.", (), []),
    ("Those people from the football club came and fixed the minibus for free.", (), []),
    ("We get a lot of those people at the food bank now.", (), [("those people", False)]),
])
def test_the_thirty_fifth_stops_context(text: str, people: tuple[str, ...],
                                        found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # one of the entry's people's own clients, from a trade they had; a colleague's are ours
    ("Jean did hair for forty years and still remembers all her clients' names.", ("Jean",),
     []),
    ("Agnieszka asked me to cover her clients on Sunday.", (), [("clients", False)]),
    ("Mrs Obi told Agnieszka to cover her clients.", ("Mrs Obi",), [("clients", False)]),
    # a customer of a shop or a bank, a job's customers, a computer's client, the writer's
    # own turn as a client
    ("Went with Aisha to the bank, she's been a customer there for 50 years.", ("Aisha",), []),
    ("The customers at my Saturday job in the bakery are mostly regulars.", (), []),
    ("Thanh served three customers on the community cafe till.", ("Thanh",), []),
    ("IT installed a new client on the laptops and now nothing works.", (), []),
    ("As a customer of the same bank I knew which form Mrs Yilmaz needed.", ("Mrs Yilmaz",),
     []),
    ("Had my first counselling session in years, weird being the client for once.", (), []),
    ("New client at the extra care flats, Mr Haddad, likes his paper early.", ("Mr Haddad",),
     [("client", False)]),
    ("Our customers at the day centre chose a trip to Skegness.", (),
     [("Our customers", False)]),
    # "people like" someone outside the entry is a likeness; one of the entry's people is
    # put into a kind
    ("People like Terry Wogan don't exist any more, said Molly.", ("Molly",), []),
    ("People like Ade who bring cake to night shift are worth their weight in gold.", (), []),
    ("People like Tyrell never turn up to appointments.", ("Tyrell",),
     [("People like Tyrell", False)]),
    # what someone is allowed or permitted, in a log line
    ("2030 Femi allowed phone back after tea", ("Femi",), [("allowed phone back", False)]),
    ("1900 Ciaran taken out for a walk, allowed a bag of chips", ("Ciaran",),
     [("taken out for", False), ("allowed a bag of", False)]),
    ("2100 Noor permitted to stay up for film", ("Noor",), [("permitted to", False)]),
    ("The manager permitted us to leave early.", (), []),
    # the bin store, mould, a library card
    ("refuse room smells awful, reported to facilities", (), []),
    ("1600 mould on bathroom ceiling spreading fast, aggressive stuff, landlord informed", (),
     []),
    ("1000 library renewed my borrowing privileges", (), []),
    # a pet name the writer says, with the writer named after the quote or as a log line
    ("\"Morning sweetie,\" I said to Mrs Baptiste, and she smiled.", ("Mrs Baptiste",),
     [("sweetie", False)]),
    ("called sandra sweetie all shift, she seemed to like it", ("sandra",),
     [("sweetie", False)]),
    ("Calling Mrs Igwe naughty for eating cake isn't right, it's her choice.", ("Mrs Igwe",),
     [("naughty", True)]),
    ("We're asked not to call anyone \"sweetie\" here.", (), [("sweetie", True)]),
    # a child's age in words
    ("Our Alfie, who's four, was a good boy at the dentist.", (), []),
    ("Mr Odu, who's one of our longest residents, was a good boy at the dentist.",
     ("Mr Odu",), [("residents", False), ("good boy", False)]),
    # log lines: off the ward, taken out between two times, easily managed, feeding everyone
    ("Ward rules: Zeynep is allowed off the ward with staff only.", ("Zeynep",),
     [("is allowed off the ward", False)]),
    ("emre taken out 2-4 to the park, came back v happy", ("emre",),
     [("taken out 2-4 to", False)]),
    ("Mrs Baker is easily managed if you go in smiling.", ("Mrs Baker",),
     [("is easily managed", False)]),
    ("nikos managed well by staff today, no incidents", ("nikos",),
     [("managed well by staff", False)]),
    ("Two of us on the floor feeding everyone at lunch, not enough hands.", (),
     [("feeding everyone", False)]),
    # a numbered place that has, needs or had fitted a fitting, alone or in a list
    ("Flat 7 has a new intercom and Sandeep chose the ringtone.", ("Sandeep",), []),
    ("Beds 3 and 5 need new pressure mattresses ordering.", (), []),
    ("Bed 2, bed 7 and the spare bed all stripped and remade after the deep clean.", (), []),
    ("Flat 8 and flat 9 both had the new smoke alarms fitted.", (), []),
    ("Bed 4 needs a wash and her hearing aids in before breakfast.", (),
     [("Bed 4", False)]),
    # everyone put to bed (but not the glass all taken out)
    ("Supervision: nights want everyone put to bed by 9 and Bernard hates it.", ("Bernard",),
     [("put to bed by", False)]),
    ("Ellis and me sorted the recycling, the glass all taken out to the big bins.", ("Ellis",),
     []),
    # a colleague's shift, a students' union, a damp void, a spare bed in the way
    ("Sandra refused the extra night shift, fair enough, she's done six in a row.", (), []),
    ("Paul refused to cover the late so the manager did it herself.", (), []),
    ("Went to the careers fair at the uni SU with Ruta.", ("Ruta",), []),
    ("There was a damp void behind the plasterboard in the kitchen.", (), []),
    ("The spare bed blocking the doorway had to go before the new chair came.", (), []),
    # wording the lens missed: taken out bowling, likes to be fed, eleven people to feed, a
    # victim of multiple sclerosis, a package in place
    ("All four lads taken out bowling Sat, Kieran won.", ("Kieran",),
     [("taken out bowling", False)]),
    ("Nasra's daughter showed me how she likes to be fed, small spoons.", ("Nasra",),
     [("likes to be fed", False)]),
    ("Laszlo is a victim of multiple sclerosis but still paints.", ("Laszlo",),
     [("victim of multiple sclerosis", False)]),
    ("The hospital says Mr Lowry can't go home till the package is in place.", ("Mr Lowry",),
     [("the package is in place", False)]),
    # "mam" is the writer's mother; a name's appositive between commas is not the subject
    ("My mam, bless her, sent me to work with a flask of cawl.", (), []),
    ("Our new lady Mrs Rowlands, a retired teacher from Aberaeron, suffers from aphasia.",
     ("Mrs Rowlands",), [("suffers from", False)]),
    # a doing that opens the sentence is what is challenging
    ("Learning Welsh has been challenging but Mrs Jones corrects me every visit.",
     ("Mrs Jones",), []),
    ("Mrs Jones has been challenging all week.", ("Mrs Jones",),
     [("been challenging", False)]),
    # a transfer in, needing putting to bed; a bank transfer, hard-to-reach tins, the
    # workplace's rules and a colleague's swap
    ("We had a transfer from the acute ward arrive at eight.", (),
     [("had a transfer from", False)]),
    ("Got a transfer from the bank for my overtime at last.", (), []),
    ("Mr Baird needs putting to bed by two of us.", ("Mr Baird",),
     [("needs putting to bed", False)]),
    ("Put the hard to reach tins on a lower shelf for Mrs Eze.", ("Mrs Eze",), []),
    ("Overtime isn't allowed without the manager signing it off first.", (), []),
    ("Sandra was allowed to swap her shift for her son's graduation.", (), []),
    # a numbered bed said where it is, then done to or fitted
    ("Bed 9 on Ward 12 has been stripped and cleaned, ready for whoever comes next.", (), []),
    ("Bed 2 in the staff sleep-in room has a broken slat.", (), []),
    ("Bed 4 in the side room has been crying all morning.", (), [("Bed 4", False)]),
    # a name of one of the entry's people in two words, hyphened or spaced
    ("We made Hyun-woo tidy his room before he could go out.", ("Hyun-woo",),
     [("made Hyun-woo tidy", False)]),
    # a log line's words after "TIME INITIALS:" start afresh, not mid-sentence capitals
    ("12:30 AO: Fed Mrs Hughes her lunch, ate well.", ("Mrs Hughes",),
     [("Fed Mrs Hughes", False)]),
    ("We had lunch at The Good Boy pub.", (), []),
    # a place after "on that" is where the subject is, not the subject
    ("the families on that estate are not like us, you have to talk to them differently", (),
     [("not like us", False)]),
    ("Colleague handed over that Abi is not permitted to hold her own money.", ("Abi",),
     [("not permitted", False)]),
    # "old dears" are people, so what they do is said of people
    ("The old dears were playing up at bingo.", (),
     [("old dears", False), ("playing up", False)]),
    # the writer's own slot with a manager; a visit at a time
    ("Hi Becky, I'm your 9 o'clock tomorrow for supervision.", (), []),
    ("My 10am visit was cancelled because of the snow.", (), []),
    ("My 10 o'clock was still asleep.", (), [("My 10 o'clock", False)]),
    # the writer is the one in a room, the transfer or the 9 o'clock (but is "on the 1:1")
    ("I'm the one in room 12 at the training centre if anyone needs me.", (), []),
    ("I'm the 9 o'clock on the rota tomorrow, starting with the meds.", (), []),
    ("I'm on the 1:1 today so couldnt help with lunches.", (), [("on the 1:1", False)]),
    # a baby by name, a named child's age
    ("Baby Amelia was fed and winded by her mum.", ("Amelia",), []),
    ("Isla is 2 and still in nappies, her foster carer is starting potty training.",
     ("Isla",), []),
    ("Kaden is three and had a bib on for spaghetti night.", ("Kaden",), []),
    ("Mrs Kaur is still in nappies at night now.", ("Mrs Kaur",), [("nappies", False)]),
    # wording found: another of his attacks, still a lift, parents like them, allowed extra
    # time; not: a sourdough starter fed, frequent flyer lounges, the writer's own question
    ("Ollie had another one of his attacks at the bus stop.", ("Ollie",),
     [("had another one of his attacks", False)]),
    ("Mr Mwangi is still a lift and needs two of us.", ("Mr Mwangi",),
     [("still a lift and", False)]),
    ("Parents like them never turn up to the school meetings.", (),
     [("Parents like them", False)]),
    ("My kids like that new pizza place on the high street.", (), []),
    ("Haruto was allowed extra time on the games console.", ("Haruto",),
     [("allowed extra time on", False)]),
    ("Mrs Rossi showed me how she feeds her sourdough starter.", ("Mrs Rossi",), []),
    ("Frequent flyer lounges are wasted on me, I just want a coffee.", (), []),
    ("are we allowed to claim mileage for the training day?? must ask", (), []),
    # a house by its address is where the people supported live, not children elsewhere
    ("Four of the lads from Larch Road were taken out to Skegness in the minibus.", (),
     [("were taken out", False)]),
    ("The kids from the school were taken out to the park by their teacher.", (), []),
    # brothers, sisters and siblings are people
    ("Two brothers placed out of area, nobody told their school.", (),
     [("placed out of", False)]),
    ("Both sisters on the first floor suffer from Alzheimer's.", (),
     [("suffer from", False)]),
    # wording found: presented with increased agitation, not allowed another, both my 8ams,
    # a package up for review
    ("Kenji presented with increased agitation after his mum's phone call.", ("Kenji",),
     [("presented with increased agitation", False)]),
    ("Told Grace she's not allowed another biscuit before tea.", ("Grace",),
     [("not allowed another", False)]),
    ("Both my 8ams were up and dressed before I got there.", (), [("Both my 8ams", False)]),
    ("Rota says Dorota's package is up for review again.", ("Dorota",),
     [("package is up for review", False)]),
    # a match or a meeting kicked off late, early or at a time on the clock; a game's name
    ("Handover kicked off late because of the traffic on the ring road.", (), []),
    ("Kick off 7.45pm, Stanley has his scarf on.", ("Stanley",), []),
    ("Kick Off 2 on the Amiga was Liam's favourite game as a lad.", ("Liam",), []),
    ("night: Abena kicked off at 2am, wanted to go home", ("Abena",),
     [("kicked off", False)]),
    # a victim of a nasty cancer; doubles tennis, cases of Ensure counted, a dentist's slot
    ("Mrs Price is the victim of a nasty cancer, her daughter's visiting at 2.",
     ("Mrs Price",), [("victim of a nasty cancer", False)]),
    ("Doubles tennis at the leisure centre, Ikenna and me lost 6-2.", ("Ikenna",), []),
    ("Counted the cases of Ensure in the storeroom at 04:00, 3 boxes left.", (), []),
    ("My half ten dentist appointment overran so Samira covered the call.", (), []),
    # a contract void from a date, an agreement void under pressure, a club called the Void
    ("The council's contract with the old agency is void from April.", (), []),
    ("Any agreement signed under pressure is void, the advocate told Mr Okafor.",
     ("Mr Okafor",), []),
    ("The Void was the club we all went to in our twenties.", (), []),
    ("We've had a void at the house since Malcolm moved out.", ("Malcolm",),
     [("void at the house", False)]),
    # a bed's broken brake, a sneeze, a 1:1 training session
    ("Bed 6 on the assessment ward has a broken brake, reported it.", (), []),
    ("Mr Moyo sneezed and said bless me before I could.", ("Mr Moyo",), []),
    ("Did a 1:1 training session on the new meds app.", (), []),
])
def test_the_thirty_sixth_stops_context(text: str, people: tuple[str, ...],
                                        found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # what one of the entry's people tells of how others see or treat them is their account
    ("Olek said the staff only ever see it as them and us.", ("Olek",),
     [("them and us", True)]),
    ("Mrs Pike said people at the jobcentre treat her as not like us, and it stung.",
     ("Mrs Pike",), [("not like us", True)]),
    ("Glen said the support worker told him off like a kid.", ("Glen",),
     [("like a kid", True)]),
    # but not what someone else says, nor what the person does
    ("The night manager said it's them and us on this unit.", (), [("them and us", False)]),
    ("Olek said nothing and kicked off when the staff said no.", ("Olek",),
     [("kicked off", False)]),
    ("Kayla's mum says she was attention seeking again.", ("Kayla",),
     [("attention seeking", False)]),  # what a relative said is theirs (stop 38); "says"
    # passes on news in the writer's words
    # a note opening with "feeling" leaves out the "I"
    ("feeling very resistant to all the new paperwork tbh", (), []),
    ("Feeling Zoe was resistant to the plan today.", ("Zoe",), [("resistant", False)]),
    # a colleague who covered a shift or came in on a day off
    ("Jade's such a sweetie, she covered my Sunday without being asked.", (), []),
    ("Jade's such a sweetie, she made me a cuppa.", ("Jade",), [("such a sweetie", False)]),
    # the person's own non-compliance, even when the writer writes it up
    ("Supervision: I need to write up Esi's non-compliance with the diet sheet.", ("Esi",),
     [("non-compliance", False)]),
    # overheard saying it, and pulled up
    ("A relative overheard me say Paddy was playing up and she was right to pull me up.",
     ("Paddy",), [("playing up", True)]),
    # doubles from the Trinidadian stall are food; 1:1s counted are people
    ("Kofi ordered doubles from the stall at the market and saved me one.", ("Kofi",), []),
    ("we have three 1:1s on the unit tonight so no breaks together", (),
     [("three 1:1s", False)]),
    ("Both hoists passed their LOLER inspection.", (), []),
    ("Callum's anger was managed well by staff today.", ("Callum",),
     [("anger was managed well by staff", False)]),
    # the words straight after "says" are what someone or something says
    ("The funding bid says the learning disabled all the way through, I've asked them to "
     "change it.", (), [("the learning disabled", True)]),
    # a proper respite is a real break
    ("Booked a week in Cornwall, a proper respite after all those nights.", (), []),
    ("Mrs Owusu's respite week starts on Monday.", ("Mrs Owusu",), [("respite", False)]),
    # round 88: a students' union rep, a student's own placement and obs, a driving ban
    # after an operation, a naughty second slice, a sourdough starter's feed, a heatwave
    ("Our SU rep at uni is campaigning for paid placements.", (), []),
    ("Yasmin took me out for lunch on my last day of placement.", (), []),
    ("On my childrens placement last year I supervised contact at the family centre.", (),
     [("supervised contact", False)]),
    ("Practice educator is doing my direct obs on Friday, bit nervous.", (), []),
    ("Mum's not allowed to drive for six weeks after her op.", (), []),
    ("Had a naughty second slice of cake at the staff leaving do.", (), []),
    ("My sourdough starter needs a feed every twelve hours or it sulks.", (), []),
    ("Respite from the heatwave came as a thunderstorm at 4pm.", (), []),
    ("Had to put three ladies to bed before 8pm.", (),
     [("put three ladies to bed", False)]),
    # "PWS" are people: what they are is said of them
    ("Honestly the PWS here are not like us.", (), [("PWS", False), ("not like us", False)]),
    # refuse and recycling, toddling off home after a shift, an agency's biggest client
    ("Refuse and recycling go out on Tuesday nights at Elm House.", (), []),
    ("Toddled off home at ten after a long late.", (), []),
    ("The council is the agency's biggest client, so the cuts hit us hard.", (), []),
    ("Mr Adler toddled off to the lounge with his paper.", ("Mr Adler",),
     [("toddled off", False)]),
    # "my two" doing something alone are the writer's children; "my two clients" are not
    ("My two kicked off at bedtime last night, so I'm shattered today.", (), []),
    ("My two clients kicked off at lunch.", (), [("clients", False), ("kicked off", False)]),
    # slipping into a way of talking is a habit reflected on
    ("I notice I slip into them and us when I'm tired.", (), [("them and us", True)]),
    # plants are vulnerable to frost; a pub has its clientele
    ("The frost has been hard on the vulnerable seedlings in the greenhouse.", (), []),
    ("The clientele at the Red Lion are mostly retired miners.", (), []),
    # round 89: "lots of" people are the subject; a relative's family is the writer's;
    # a prison named after its acronym is an institution; "no one wants to be a user"
    ("Lots of our tenants suffer from COPD so the heating really matters.", (),
     [("suffer from", False)]),
    ("My sister's family aren't like us at all, they're up at five every day.", (), []),
    ("HMP Bristol has been resistant to letting us run the housing clinic on site.", (), []),
    ("Two of us on lunches so we could feed everyone in the lounge before 1.", (),
     [("feed everyone", False)]),
    ("Shaz is a long-term user and knows the outreach team better than I do.", ("Shaz",),
     [("long-term user", False)]),
    # a 1:1 with someone is a meeting; young people like Connor, and loving people like
    # that, are not othering; "As a ... sufferer I" is the writer; words said about someone
    ("Had a 1:1 with Jo about the new rota.", (), []),
    ("Parcelforce left a package for Hana with the neighbours.", ("Hana",), []),
    ("Young people like Connor rarely come to the youth club.", ("Connor",), []),
    ("Mrs Kaplan loves people like that, bus drivers who know everyone's name.",
     ("Mrs Kaplan",), []),
    ("As a fellow migraine sufferer I knew to dim the lights for Mr Lee.", ("Mr Lee",), []),
    ("As a dementia sufferer, Mr Lee needs his routine.", ("Mr Lee",),
     [("sufferer", False)]),
    ("Saying nappies about grown adults is something I'm trying to stop.", (),
     [("nappies", True)]),
    # round 90: what a word makes something sound like; a shift as a heading; the PWS
    # Association; a handbrake that won't engage; toileting the gentlemen; funny spells
    ("Training today on why 'refused' makes it sound like the person is being awkward.",
     (), [("refused", True), ("being awkward", True)]),
    ("Bank shift, three to feed on the first floor at lunch and only two of us.", (),
     [("three to feed on", False)]),
    ("Went to a talk by the PWS Association about hunger and wellbeing.", (), []),
    ("Handbrake wouldnt engage properly on the hill so I parked on the flat.", (), []),
    ("Night staff toilet the gentlemen on Rowan at 2am.", (),
     [("toilet the gentlemen", False)]),
    ("Nuala had two funny spells this morning, GP informed.", ("Nuala",),
     [("had two funny spells", False)]),
    # "no more" a word is giving it up; what someone laughed or said "that she" did is theirs
    ("Training today on language: no more PWS, just names.", (), [("PWS", True)]),
    ("Mrs Afolabi laughed that she needed my permission to eat a biscuit.", ("Mrs Afolabi",),
     [("needed my permission", True)]),
    ("I said that she needed my permission to go out.", (), [("needed my permission", False)]),
    # a list after "words I'm trying to drop:"; dropping a word from the paperwork
    ("Keeping a list of words I'm trying to drop: allowed, let him, managed.", (),
     [("allowed", True), ("let him", True), ("managed", True)]),
    ("Training today: we're dropping PWS from the paperwork and using people's names.", (),
     [("PWS", True)]),
    ("Dropped the residents off at the day centre before ten.", (), [("residents", False)]),
])
def test_the_thirty_seventh_stops_context(text: str, people: tuple[str, ...],
                                          found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found


@pytest.mark.parametrize(("text", "people", "found"), [
    # a "them" of a power phrase stands for a group of people too
    ("We let the boys stay up for the match because England were playing.", (),
     [("let the boys", False)]),
    ("The new team leader lets the young people have friends round on Saturdays.", (),
     [("lets the young people", False)]),
    ("We made the boys do their homework before the Xbox went on.", (),
     [("made the boys do", False)]),
    ("We allow the lads one takeaway a week if the house is tidy.", (),
     [("allow the lads one", False)]),
    ("Staff let all the young people choose the film.", (),
     [("let all the young people", False)]),
    # not the writer's own children, nor a group that is told something
    ("Put the kids to bed and finally sat down with a curry.", (), []),
    ("Tucked the twins in and read The Gruffalo twice.", (), []),
    ("Let the lads know the minibus is at ten.", (), []),
    ("We let the cat in at six.", (), []),
    # forms and spellings of known rules
    ("Owen's manipulation of the younger lads is getting worse.", ("Owen",),
     [("manipulation of the younger", False)]),
    ("noah kiked off when his nan's visit was cancelled.", ("Noah",), [("kiked off", False)]),
    ("She's one of our more difficult ladies but she has good reasons.", (),
     [("difficult ladies", False)]),
    ("Joan's always put to bed first on the unit.", ("Joan",),
     [("always put to bed", False)]),
    ("Mr Baird was toiletted after his tea.", ("Mr Baird",), [("toiletted", False)]),
    ("Joan's always late for the bus on a Monday.", ("Joan",), []),
    # what a document asks for, in the writer's words, is used; what it says is held up
    ("Heatwave plan says to check on the elderly twice a day.", (), [("the elderly", False)]),
    ("The old plan says the elderly residents need a nap after lunch.", (),
     [("the elderly", True), ("residents", True)]),
    # a title's last word; a hospital ward; a lawn's feed
    ("Watched A Very Long Engagement with Zofia because she loves a French film.", ("Zofia",),
     []),
    ("I stopped calling Mrs Patel 'Bed 4' after her daughter heard me.", ("Mrs Patel",),
     [("Bed 4", True)]),
    ("Mr Carter was admitted to the orthopaedic ward on Monday.", ("Mr Carter",), []),
    ("Mr Carter was admitted to the home on Monday.", ("Mr Carter",),
     [("admitted to the home", False)]),
    ("Two feeds a year for the lawn, Mr Fraser says, or the moss takes over.", ("Mr Fraser",),
     []),
    # a saying broken off is a mention
    ("I was halfway through saying Fran had kicked off when I realised she was in pain.",
     ("Fran",), [("kicked off", True)]),
    ("I went to write that Ray was refusing his meds and stopped.", ("Ray",),
     [("refusing", True)]),
    ("I went to see Ray, he was refusing his meds.", ("Ray",), [("refusing", False)]),
    # a care call is a visit, not a naming
    ("Mr Field's calls have gone to double-up since his fall.", ("Mr Field",),
     [("double-up", False)]),
    ("My last call is a double, she needs the hoist both ways.", (), [("is a double", False)]),
    ("Staff calls him a double-up.", (), [("double-up", True)]),
    # the writer's own
    ("I've been presenting as fine at work all week but I cried in the car.", (), []),
    ("The housing officer says the no-pets clause is void, so Paulo can keep his cat.",
     ("Paulo",), []),
    ("The wheelchair in the corner of the hall is the spare.", (), []),
    # forms the guides name
    ("We manage Bilal's outbursts with a lot of football talk.", ("Bilal",),
     [("manage Bilal's outbursts", False)]),
    ("Nigel was put in his wheelchair at seven.", ("Nigel",),
     [("was put in his wheelchair", False)]),
    ("Tilly's music was too loud so I made her turn it off.", ("Tilly",),
     [("made her turn it off", False)]),
    ("We made them all go on the walk even though it was spitting.", (),
     [("made them all go", False)]),
    ("Mrs Yusuf's sons came round and she made them all stay for tea.", ("Mrs Yusuf",), []),
    ("Mohammed was finally allowed his own key after two years.", ("Mohammed",),
     [("was finally allowed his", False)]),
    ("These types are always after something from the office.", (), [("These types", False)]),
    ("Those types of chairs are hard to get out of.", (), []),
    ("Supporting Nora at home is burdening her daughter.", ("Nora",), [("burdening", False)]),
    ("Sandra's been stropping all day about the new menu.", ("Sandra",),
     [("stropping", False)]),
    ("Mr Shaw has very little insight and keeps trying to walk without his frame.",
     ("Mr Shaw",), [("very little insight", False)]),
    ("The course gave me a little insight into how it feels.", (), []),
    ("Big week for Alisha: contact on Tuesday and a new school on Monday.", ("Alisha",),
     [("contact on Tuesday", False)]),
    ("Bethan is asthmatic and the new carpet set her off.", ("Bethan",),
     [("is asthmatic", False)]),
    ("Connor was a victim of meningitis as a baby.", ("Connor",),
     [("victim of meningitis", False)]),
    ("Noted a refusel of bloods on the chart.", (), [("refusel", False)]),
    # rules for staff, the writer's own shifts and presenting, a travel cot, a pet at the vet
    ("Nobody on the team is allowed to lend money, it's in the code of conduct.", (), []),
    ("Three doubles back to back on the rota this week and I'm done in.", (), []),
    ("Did two doubles back to back this week and my feet are ruined.", (), []),
    ("I presented as calm at my interview but inside I was shaking.", (), []),
    ("Kayden presented as calm at the review.", ("Kayden",), [("presented as", False)]),
    ("Put the cot sides up on the travel cot for our holiday and my back went.", (), []),
    ("Put the cot sides up on Mr Ince's bed.", ("Mr Ince",), [("cot sides", False)]),
    ("The vet said Pip was a good boy for his jab.", (), []),
    # ours to care for, in a superlative
    ("Our most difficult lady is also the one who remembers everyone's birthdays.", (),
     [("difficult lady", False)]),
    ("Ray is my most difficult case this month.", ("Ray",),
     [("difficult case", False)]),
    ("He has little insight into why his kids were removed.", (),
     [("little insight", False)]),
    ("Neville was complient with the hoist transfer today.", ("Neville",),
     [("complient", False)]),
    # other senses from the ninety-sixth round
    ("The fundraising volunteers all wore bibs with numbers on for the fun run.", (), []),
    ("We double up the duvets on the spare bed at the office on sleep-ins.", (), []),
    ("Harvey hates being taken out of class for his reviews.", ("Harvey",), []),
    ("Priya is presenting with her friend Bex at the college open day.", ("Priya",), []),
    ("Clearly still in denial about my back, I lifted the laundry basket anyway.", (), []),
    ("Greta is still in denial about her diagnosis.", ("Greta",), [("in denial", False)]),
    # from the ninety-seventh round
    ("Nearly wrote that Zac had absconded, then remembered he'd gone to his girlfriend's.",
     ("Zac",), [("absconded", True)]),
    ("Feeding Britain have a project at the food bank where I volunteer.", (), []),
    ("It's naughty but I had chips on the way home after the late shift.", (), []),
    ("A package for Becky arrived from her aunt in Canada.", ("Becky",), []),
    ("The old consent form is void now, so Wilf needs to sign the new one.", ("Wilf",), []),
    ("My half ten supervision got cancelled, so I caught up on my notes.", (), []),
    ("Our nurse lead is very focused on compliance, which helps when the inspectors come.",
     (), []),
    ("Mrs Bell was compliant with her meds today.", ("Mrs Bell",), [("compliant", False)]),
    # a name after a staff word is a member of staff
    ("Our new team leader Raj is hard to reach but lovely when you catch him.", (), []),
    ("Raj is hard to reach but lovely when you catch him.", (), [("hard to reach", False)]),
    # what a relative said of the person is their word, reported; what they say now is news
    ("Mr Kelly's daughter said he's a burden and he heard her say it.", ("Mr Kelly",),
     [("a burden", True)]),
    ("Ravi's mum told the review he's always been attention seeking.", ("Ravi",),
     [("attention seeking", True)]),
    ("Mrs Achterberg's son says she has refused every bath since March.",
     ("Mrs Achterberg",), [("refused", False)]),
    ("Cormac's mum said the week of respite gave the family a breather.", ("Cormac",),
     [("respite", False)]),
    ("His daughter said he had to, so we made him go.", (), [("made him go", False)]),
])
def test_the_thirty_eighth_stops_context(text: str, people: tuple[str, ...],
                                         found: list[tuple[str, bool]]) -> None:
    assert shipped_findings(text, people) == found
