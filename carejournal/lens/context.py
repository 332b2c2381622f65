"""The sentence around a lens match: whether the wording is used about a person being supported,
or quoted, named, negated or part of a proper name.

Plain heuristics over the clause (no parser): the nearest noun or pronoun before a word is
taken as who does or is it, the first one after a verb as who it is done to. Each check
looks at a few words either side of the match only, so it costs microseconds per match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from enum import Enum
from functools import cache
from itertools import compress, count

from carejournal.lens.phrases import Words, normalise
from carejournal.lens.tolerant import known_words

PERSON, OTHER, WRITER_SIDE = "person", "other", "writer"
QUOTED, MENTIONED, NEGATED = "quoted", "mentioned", "negated"
SCAN = 12  # how many words a look for the subject or the object goes at most
QUOTE_SPAN = 200  # a quotation longer than this (in characters) is taken as speech, not a word

PRONOUNS_PERSON = frozenset(
    "he she him her they them himself herself themselves who whom someone somebody "
    "he'd she'd they'd he'll she'll they'll they're they've".split())
PRONOUNS_OTHER = frozenset("it its it'd it'll itself which something nothing".split())
# The writer and the writer's side: the worker, their colleagues, their service.
WRITER = frozenset(
    "i me my myself we us our ourselves i'm i've i'd i'll we're we've we'd we'll you you're "
    "ive im weve youre "
    "staff team colleague colleagues manager managers carer carers worker workers nurse "
    "nurses doctor doctors gp gps management".split())
# People who are not the ones supported: their doings are not what the lens is about.
NOT_SUPPORTED = frozenset(
    "visitor visitors volunteer volunteers student students contractor contractors driver "
    "drivers neighbour neighbours police officer officers paramedic paramedics professional "
    "professionals therapist therapists ot ots physio physios social worker workers "
    "landlord landlords receptionist receptionists consultant consultants postman postwoman "
    "postie milkman plumber plumbers electrician electricians builder builders hairdresser "
    "chiropodist optician dentist pharmacist vet engineer gardener cleaner cleaners "
    "shopkeeper cashier waiter waitress referee referees umpire linesman opposition "
    "starter starters "
    # relatives' children: "her grandson was naughty" is about a child of the family
    "grandson grandsons granddaughter granddaughters grandchild grandchildren grandkid "
    "grandkids nephew nephews niece nieces".split())
# What only a person has, so that what it does is what the person does.
PERSONS_OWN = frozenset("behaviour behaviours behavior behaviors mood moods temper self harm "
                        "selfharm self-harming overdose overdoses".split())
# What a man or woman does, before "man", "men", "lady": "the bin men kicked off".
TRADES = frozenset(
    "bin delivery post dinner lollipop milk gas meter ice cream tea chip window fish "
    "ambulance fire repair removal removals council insurance sales".split())
# Whose clients are not the people we support: "my sister's a solicitor and her clients".
BUSINESSES = frozenset(
    "solicitor solicitors lawyer lawyers accountant accountants adviser advisor advisers "
    "barber barbers hairdresser hairdressers hairdresser's salon beautician architect agent "
    "shop shops business businesses firm company dentist vet plumber electrician builder "
    "cleaner gardener therapist physio tutor teacher barrister barristers judge "
    "counsellor consultant estate agent nurse nurses doctor doctors gp surgeon midwife "
    "optician chiropodist nails garage mechanic beauty massage trainer coach groomer "
    "photographer designer".split())
# Children who are not the people supported: "the kids next door", "the children from the
# school" (a child word followed by where they are from).
CHILD_NOUNS = frozenset(
    "child children kid kids boy boys girl girls teenager teenagers teens lads".split())
CHILD_PLACES = frozenset(
    "school schools nursery playgroup park street road estate next church shop shops "
    "flats bus supermarket playground library queue cafe café office".split())
# Whose children are not the people supported either: "her daughter's kids".
FAMILY_OWNERS = frozenset(
    "son sons daughter daughters sister sisters brother brothers mum dad mother father "
    "mam mom cousin cousins friend friends".split())
# People the lens may be about. With "my" or "our" before them, only the care words still are.
PERSON_NOUNS = frozenset(
    "person people man men woman women lady ladies lad lads gentleman gentlemen gent gents "
    "boy boys girl girls child children kid kids youngster youngsters teenager teenagers "
    "teen teens adult adults individual individuals resident residents client clients user "
    "users patient patients tenant tenants su sus yp yps pws son sons daughter daughters mum "
    "mums mother dad father husband wife partner brother sister grandad grandma nan nana "
    "granny uncle auntie aunt family families couple mam mom brothers sisters siblings "
    "fella bloke chap lass gal guy guys dears oldies".split())
CARE_NOUNS = frozenset(
    "resident residents client clients user users patient patients tenant tenants su sus yp "
    "yps pws person people".split())
TITLES = frozenset("mr mrs ms miss mx".split())
# Common first names, for a name that starts a sentence when the entry lists no people
# ("Grace was very challenging"): a capitalised first word may be any noun ("Handover was
# challenging"), so only these are taken as a person there.
FIRST_NAMES = frozenset(
    "ada agnes alan albert alf alfie alice amy andrew angela ann anna anne annie arthur "
    "audrey barbara barry beryl betty bill billy bob brenda brian carol catherine charlie "
    "chloe chris christine colin connie dave david dawn dennis derek diane doris dorothy dot "
    "doug edith edna eileen elaine eleanor elizabeth ellen elsie emily emma eric ernest ethel "
    "evelyn fred freda frank gail gary geoff george gladys gordon grace graham hannah harold "
    "harry hazel heather helen henry hilda ian irene iris ivy jack james jan jane janet jean "
    "jeff jenny jessica jim jimmy joan joe john joseph joyce judith julie june karen kath "
    "kathleen keith ken kevin kim lee leonard les lily linda lisa liz lucy lynn mabel maggie "
    "malcolm margaret maria marion mark martin mary maureen maurice michael mike molly nancy "
    "neil nora norma norman olive owen pam pat patricia paul pauline peggy peter phil phyllis "
    "rachel ray reg richard rita rob robert ron rose ruby ruth sam sandra sarah sean sheila "
    "shirley sid sophie stan stanley steve stuart sue susan sylvia ted terry tom tony tracy "
    "valerie vera violet wendy william winifred winnie "
    # names that are also words ("Dean kicked off", not "the dean")
    "dean faith joy robin pearl holly daisy poppy jasmine crystal victor earl rex penny "
    "cliff clay dale glen warren nick gene jay norm sally wren dolly fern willow jade "
    "primrose myrtle opal rosemary basil mason".split())
# Things, animals and institutions that often do what a rule's word says.
OTHERS = frozenset(
    "car cars van bus buses train trains printer printers computer computers laptop "
    "laptops phone phones machine machines door doors lift lifts boiler kettle system "
    "systems app website card cards engine key keys lock window tap heating wifi internet "
    "tv telly weather sun rain wind plant plants match game games football team shop shops "
    "council councils bank banks surgery pharmacy chemist hospital hospitals school "
    "schools college company companies airline airlines landlord police court courts "
    "government agency agencies provider providers service services authority cqc dwp nhs "
    "insurer insurers club clubs firm business store supermarket tesco asda office "
    "department board panel committee cat cats dog dogs puppy puppies kitten kittens horse "
    "horses pony budgie bird birds parrot hamster rabbit pet pets goat cow cows sheep fox "
    "squirrel pigeon duck ducks fish baby babies toddler toddlers software form forms "
    "policy policies rule rules law alarm weather morning mornings day days afternoon "
    "evening evenings weekend weekends night nights miles points scheme "
    # things at home, documents, vehicles and animals ("the washer played up"); never what a
    # person may refuse or be helped with (food, the shower, the hoist): "refuses lunch"
    "fridge freezer oven microwave dishwasher hoover washer dryer boiler radiator radio "
    "remote ipad screen printer scanner router charger battery stairlift garden plant "
    "flowers grass hedge tree trees roof fence gate letter letters email emails report "
    "reports file files paperwork rota budget bill bills parcel parcels package delivery "
    "taxi tram plane flight flights ferry boat bike motorbike lorry ambulance traffic road "
    "roads signal storm snow ice fog heat audit inspection button buttons photo photos "
    "picture pictures ticket tickets kit kits bag bags box boxes "
    # events and sports ("Christmas fair kicked off at 10", "Rugby kicked off late")
    "fair fete rugby cricket netball quiz bingo raffle concert panto pantomime festival "
    "disco karaoke tournament race party parties reception keysafe keysafes key-safe kitchen "
    "bin bins rubbish recycling season event events celebration "
    "celebrations ceremony fundraising fundraiser christmas easter diwali eid "
    "halloween summer winter autumn holidays festivities "
    # the body and its conditions ("her shoulder was playing up", "the infection is resistant")
    "shoulder shoulders knee knees hip hips leg legs arm arms foot feet hand hands ankle "
    "ankles wrist wrists neck elbow elbows tummy stomach chest bladder bowel bowels skin eye "
    "eyes ear ears tooth teeth joint joints heart lungs throat hearing memory sugars "
    "eczema arthritis asthma infection infections cough pain condition symptoms "
    "hen hens chicken chickens goose geese swan swans seagull seagulls gull gulls mouse "
    "mice rat rats tortoise snake lizard ferret pup pups lamb lambs pig pigs donkey "
    "donkeys deer badger hedgehog goldfish spider wasp wasps bee bees robin magpie crow "
    "crows owl cockatiel canary guinea cockerel ponies cattle goats alpaca alpacas llama "
    "llamas sheepdog spaniel terrier labrador collie poodle greyhound whippet pug "
    "dachshund retriever moggy pooch doggy kitty bunny rabbits hamsters gerbil gerbils "
    "budgies parrots ducklings chicks foal calves bull ram ewe ewes koi turtle frog toad "
    "squirrels foxes robins pigeons blackbird sparrow starling heron butterfly shelf shelves "
    "cupboard cupboards corner corners spot spots bit bits "
    # machines that turn things down ("the self-checkout refused her card", "the tin opener
    # refuses to grip")
    "checkout checkouts atm cashpoint opener meter".split())
# Words that describe a noun ("a real tantrum", "a terrible strop"), by list or by ending.
ADJECTIVES = frozenset(
    "real big massive huge little proper bad full blown major minor small total complete "
    "absolute right almighty mega epic short long new old first last another more angry "
    "noisy stroppy silly nasty messy sudden violent screaming crying loud physical verbal "
    "usual typical daily nightly latest".split())
ADJECTIVE_ENDINGS = ("ful", "ive", "ous", "ible", "able", "ish", "less", "est")
# Words for everyone there, and places that stand for the person in them ("Bed 4 needs").
EVERYONE = frozenset("everyone everybody all both anyone anybody nobody none most many few "
                     "several each either neither".split())
PLACES_AS_PEOPLE = frozenset("bed bay room bedroom flat side".split())
# Words for people beyond PERSON_NOUNS: at a sentence's start ("Admission in bed 3 refused")
# they are not taken for a thing.
PEOPLE_WORDS = frozenset(
    "punter pupil member guest customer learner student trainee pensioner widow widower "
    "veteran visitor newcomer admission referral case cousin lodger occupant inmate "
    "offender prisoner claimant applicant candidate participant ward caller sufferer victim "
    "baby toddler infant boyfriend girlfriend friend mate buddy pal chum gang crowd group "
    "tenant patient doubles feeders feeds singles admissions referrals cases dementia "
    "sibling siblings grandson granddaughter parents volunteer volunteers students mentor "
    "newbie newbies youngsters elderly youth travellers traveller regulars regular".split())
QUANTIFIERS = frozenset("bit lot kind sort something such".split())  # "a bit of a burden"
DETERMINERS = frozenset(
    "a an the this that these those some every each another any no".split())
POSSESSIVE_PERSON = frozenset("his her their".split())
POSSESSIVE_WRITER = frozenset("my our your".split())
CONJUNCTIONS = frozenset(
    "and but or so then because when while whilst although though whereas until unless if "
    "after before that".split())
NOT_OWNERS = PRONOUNS_PERSON | PRONOUNS_OTHER | WRITER | frozenset(
    "that there what here where who how let this".split())
NOT_NAMES = NOT_OWNERS | DETERMINERS | CONJUNCTIONS | frozenset(
    "today yesterday tomorrow tonight then later earlier now also again afterwards meanwhile "
    "eventually still once instead here there monday tuesday wednesday thursday friday "
    "saturday sunday january february march april may june july august september october "
    "november december christmas easter britain england scotland wales ireland".split())
PREPOSITIONS = frozenset(
    "of in on at from with for near by to into onto over under behind beside across up "
    "around round along past".split())
BE = frozenset("be been being is are was were am get gets got getting gotten 's".split())
NOT_NOUNS = frozenset("longer more less other else same".split())  # "no longer", "the same"
NEGATORS = frozenset(  # "no" + noun still uses the noun; "isnt": a slip a worker makes
    "not never nor cannot nobody noone isnt wasnt arent werent dont doesnt didnt wont cant "
    "couldnt wouldnt shouldnt hasnt havent hadnt aint".split())
NEGATION_FILLER = frozenset(
    "be being been a an the really very just at all actually trying to deliberately simply "
    "so that always ever even intentionally purposely have has had having doing getting "
    "any our my is are was were here got need needs".split())
# Words that introduce a word as a word: "the word", "called her", "I nearly wrote".
MENTION_NOUNS = frozenset("word words term terms phrase phrases label labels acronym acronyms "
                          "abbreviation abbreviations jargon".split())
NAMING_VERBS = frozenset(
    "call calls called calling label labels labelled labeled labelling describe describes "
    "described describing brand branded dub dubbed nickname nicknamed refer refers referred "
    "known listed lists".split())
WRITING_VERBS = frozenset("wrote write writes writing written typed type typing".split())
SAYING_VERBS = frozenset("say says said saying using".split())  # "stop using PWS"
HEARING = frozenset(("hearing", "hear"))  # "keep hearing", "hate hearing"
SLIPPING = frozenset("slip slips slipped slipping fall falls fell falling lapse lapsed".split())
OVERHEARD = frozenset("heard overheard caught".split())  # "overheard me say": pulled up on
MENTION_CUES = NAMING_VERBS | MENTION_NOUNS | WRITING_VERBS | SAYING_VERBS | frozenset(
    ("instead", "than"))
REPORTING_VERBS = SAYING_VERBS | frozenset("reads states stated notes noted reports".split())
CANNOT = frozenset("can't cant cannot".split())
HOLDING_BACK = frozenset(
    "nearly almost stop stopped stopping quit avoid not never myself don't dont doesn't keep "
    "didn't shouldn't won't nobody noone one hate hates hated kept keeps heard hear for "
    "on".split())  # "pulled me up for saying", "picked me up on saying"
# Who may say a word aloud, so that "the agency worker said nappy" reports the word; a
# document that "says non-compliant" is read as saying it of the person.
SPEAKERS = PRONOUNS_PERSON | WRITER | NOT_SUPPORTED | PERSON_NOUNS | frozenset(
    "someone somebody everyone everybody".split())
NAMING_FILLER = frozenset("a an the as her him them me us it being of to".split())
SENTENCE_ENDS = frozenset(".!?\n")
CLAUSE_MARKS = frozenset(",;:()[]\u2014\u2013")
ABBREVIATIONS = frozenset("mr mrs ms mx dr st prof".split())
QUOTES = {'"': '"', "\u201c": "\u201d\"", "'": "'\u2019", "\u2018": "\u2019'", "\u00ab": "\u00bb"}
CLOSERS = frozenset("\"\u201d'\u2019\u00bb")
QUOTE_MARKS = re.compile("[\"\u201c\u201d'\u2018\u2019\u00ab\u00bb\n]")


class Verdict(Enum):
    """What the sentence says about one match."""

    USED = "used"  # the wording is used: a finding
    DROP = "drop"  # not about a person being supported, or part of a proper name: nothing


class Sentence:
    """A text, its words and the entry's people, for judging matches in it."""

    __slots__ = ("text", "words", "people", "_quotes", "_starts", "_ends", "_breaks",
                 "_break_set")

    def __init__(self, text: str, words: Words, people: frozenset[str] = frozenset()) -> None:
        self.text, self.words, self.people = text, words, people
        self._starts, self._ends = words.starts, words.ends
        self._quotes: list[tuple[int, int]] | None = None
        self._breaks: list[int] | None = None  # where sentences start, worked out once
        self._break_set: frozenset[int] = frozenset()

    def quotations(self) -> list[tuple[int, int]]:
        """(opening, closing) offsets of every quotation in the text, worked out once."""
        if self._quotes is None:
            self._quotes = quotations(self.text)
        return self._quotes

    def raw(self, at: int) -> str:
        """The word at `at` as written."""
        return self.text[self._starts[at]:self._ends[at]]

    def sentence_break(self, at: int) -> bool:
        """Whether a sentence ends between word at - 1 and word at."""
        if at <= 0:
            return True
        if self._breaks is None:
            self._find_breaks()
        return at in self._break_set

    def sentence_starts(self) -> list[int]:
        """Every word a sentence starts at (0 first), in order."""
        if self._breaks is None:
            self._find_breaks()
        assert self._breaks is not None
        return self._breaks

    def _find_breaks(self) -> None:
        """Work out once where each sentence starts: most gaps are a single space and are
        passed over in C."""
        gaps = self.words.parts()[2::2]  # the gap before word 1, 2, ... and after the last
        found = [0] + [at for at in compress(count(1), map(" ".__ne__, gaps))
                       if self._ends_a_sentence(at)]
        self._breaks, self._break_set = found, frozenset(found)

    def _ends_a_sentence(self, at: int) -> bool:
        """Whether the gap before word at (not a single space) ends a sentence."""
        gap = self.words.gap(at)
        if gap == " " or SENTENCE_ENDS.isdisjoint(gap):  # a single space: most gaps
            return False
        before = self.words.norms[at - 1]
        return not (gap.strip() == "." and (before in ABBREVIATIONS or len(before) == 1
                                            or "." in self.raw(at - 1)))  # "P.O.C. for"

    def clause_break(self, at: int) -> bool:
        """Whether a clause ends between word at - 1 and word at."""
        norms = self.words.norms
        if at <= 0:
            return True
        if norms[at] in CONJUNCTIONS:  # but "is so naughty": "so" says how much
            return not (norms[at] == "so" and norms[at - 1] in BE)
        gap = self.words.gap(at)
        if gap == " ":
            return False
        return (not CLAUSE_MARKS.isdisjoint(gap) or " - " in gap or self.sentence_break(at))

    def may_be_capitalised(self, at: int) -> bool:
        """A quick first look for capitalised: false only where it is false."""
        first = self.text[self._starts[at]]
        return first.isupper() or first == "."

    def capitalised(self, at: int) -> bool:
        """Whether the word starts with a capital and is not shouted or "I"."""
        raw = self.raw(at).replace(".", "")  # "P.O.C": an acronym
        return raw[:1].isupper() and not raw[1:2].isupper() and raw != "I"  # not DNA, NHS


def people_words(people: Iterable[str]) -> frozenset[str]:
    """The words of the entry's people's names, as matched (titles and initials left out)."""
    return frozenset(word for name in people
                     for word in map(normalise, name.replace("-", " ").split())
                     if len(word) > 1 and word not in TITLES
                     and word.replace("'", "").replace("\u2019", "").isalpha())
    # "O'Brien" is one word as the text is split; "Anne-Marie" two


# Animals: praise or baby words about them ("she was a good girl at the vet") are theirs.
ANIMALS = frozenset(
    "staffie staffy spaniel cockapoo cockerpoo poodle greyhound whippet lurcher husky pug "
    "chihuahua dachshund beagle westie "
    "cat cats tabby dog dogs puppy puppies kitten kittens horse horses pony budgie bird "
    "birds parrot hamster rabbit pet pets goat sheep fox squirrel pigeon duck ducks fish hen hens "
    "chicken chickens pup pups lamb lambs pig pigs donkey donkeys tortoise guinea ferret "
    "spaniel terrier labrador collie poodle greyhound whippet pug dachshund retriever moggy "
    "pooch doggy kitty bunny rabbits hamsters gerbil budgies parrots foal goldfish "
    "vet vets".split())  # "The vet said Pip was a good boy for his jab": a pet
# Young children of the family or the writer's own: "the toddler had a nappy explosion",
# "my youngest got yoghurt down her bib", "Grace's niece Poppy (4) threw a tantrum".
YOUNG = frozenset(
    "baby babies toddler toddlers newborn infant infants grandson grandsons granddaughter "
    "granddaughters grandchild grandchildren grandkid grandkids niece nieces nephew nephews "
    "youngest nursery playgroup tot tots kiddie kiddies twins triplets".split())
OWN_CHILDREN = frozenset("lad lads son sons daughter daughters boy boys girl girls kids kid "
                         "children child youngest eldest".split())  # after "my" or "our"
AGE = re.compile(r"\((?:[1-9]|1[0-2])\)")  # "Poppy (4)": a child's age in brackets
BABY_AGE = re.compile(r"\b(?:he's|she's|he is|she is|aged|turns|turned|only)\s+(?:\d+|one|two|"
                      r"three|four|five|six|seven|eight|nine|ten|eleven|eighteen)\s+months?\b",
                      re.IGNORECASE)
# A child's age said in words: "he's 6", "Dylan, who is 5", "18-month-old Noah"
CHILD_AGE = re.compile(r"\b(?:(?:he's|she's|he is|she is|who is|who's|aged)\s+(?:[1-9]|1[0-2]"
                       r"|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                       r"(?!\s*(?:stone|st|kg|foot|feet|ft|o'clock|pm|am|minutes|mins|hours|"
                       r"times|days|weeks|miles|%|:|\.\d|of|more|years|months|people|hundred))\b"
                       r"|\d{1,2}-month-old|(?<!like a )(?:[1-9]|1[0-2]|one|two|three|four|five|six"
                       r"|seven|eight|nine|ten|eleven|twelve)[- ](?:year|yr)[- ]old"
                       r"|\bturn(?:s|ed)? (?:one|two|three|four|five|six|seven|eight|nine|ten"
                       r"|[1-9])(?! o'clock|\s*(?:pm|am|:))\b)", re.IGNORECASE)
# "Isla is 2 and still in nappies", "Kaden is three, and": a named child's age
NAMED_AGE = re.compile(r"\b[A-Z][a-z]+ is (?:[1-9]|one|two|three|four|five|six|seven|eight|nine"
                       r"|ten|eleven)(?=\s+and\b|\s+now\b|\s*,)")
SMALL_NAME_WORDS = frozenset(("and", "of", "the", "&"))  # "Them and Us", "Pride and Prejudice"


def about_a_child_or_animal(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the sentence around word first speaks of an animal or a young child, so baby
    words and praise in it are theirs ("Good girl, Bess! Ray's dog brought the ball back")."""
    norms = sentence.words.norms
    begin, end = sentence_around(sentence, first)
    if end - begin < 5 and end + 1 < len(norms):  # "Good girl, Bess! Ray's dog brought it"
        end += 1
        while end + 1 < len(norms) and not sentence.sentence_break(end + 1):
            end += 1
    words = norms[begin:end + 1]
    if any(word in OWN_CHILDREN and (norms[at - 1] in POSSESSIVE_WRITER or (
            at > 1 and norms[at - 1] in ("little", "teenage", "eldest", "youngest", "baby")
            and norms[at - 2] == "my" and not word.endswith("s")))  # "my little girl", not
    # "our lovely boys" nor "my little lads" (said of the people supported)
           for at, word in enumerate(words, start=begin) if at) \
            and not _a_named_persons_clause(sentence, first, last):
        return True  # "Bless him, my lad made me a card", not "Eileen is such a poppet,
        # she always asks after my kids"
    if any(word in ("one", "ones") and norms[at - 1] in ("little", "wee")
           for at, word in enumerate(words, start=begin) if at):
        return True  # "someone's little one left a sippy cup"
    words = ["" if (word == "nursery" and norms[at + 1:at + 2] in (["rhyme"], ["rhymes"]))
             or ((word in CHILD_NOUNS or word in YOUNG) and _a_relative_later(sentence, last, at))
             else word for at, word in enumerate(words, start=begin)]  # "nursery rhymes"
    if not (CHILD_NOUNS.isdisjoint(words) or SCHOOLS.isdisjoint(words)):
        return True  # "kids were having a tantrum at the school gates"
    if not (ANIMALS.isdisjoint(words) and YOUNG.isdisjoint(words)):
        return any((word in YOUNG or (word in ANIMALS and not _eaten_or_named(sentence, at)))
                   and not _likened(norms, at)
                   and not first <= at <= last  # "a big baby" is the rule's own words
                   for at, word in enumerate(words, start=begin))
    starts, ends = sentence.words.starts, sentence.words.ends
    text = (sentence.text[starts[begin]:starts[first]] + " "  # not the match's own words
            + sentence.text[ends[last]:ends[end] + 2])  # ("acting like a two-year-old")
    return ("(" in text and AGE.search(text) is not None) or (
        "month" in text and BABY_AGE.search(text) is not None) or (  # "he's 8 months"
        _a_childs_age_in_words(text))  # "Kai was such a good boy, he's 6"


def _a_childs_age_in_words(text: str) -> bool:
    """Whether the text says a child's age ("he's 6", "Isla is 2 and")."""
    return CHILD_AGE.search(text) is not None or NAMED_AGE.search(text) is not None


def _a_relative_later(sentence: Sentence, last: int, at: int) -> bool:
    """Whether the child word at `at` is someone's relative named in a later clause ("took
    her tablets, good girl, and then we looked at photos of her great-grandson"), or their
    visitor ("permission to have his nephew round")."""
    norms = sentence.words.norms
    if at > last + 2 and norms[at - 1] in POSSESSIVE_PERSON \
            and not VISITING.isdisjoint(norms[last + 1:at - 1]) \
            and not any(sentence.sentence_break(k) for k in range(last + 1, at)):
        return True  # "gave Mr Yilmaz permission to have his nephew round": a visitor
    return at > last + 1 and any(sentence.clause_break(k) for k in range(last + 1, at)) \
        and any(norms[k] in POSSESSIVE_PERSON for k in range(max(last + 1, at - 3), at))


VISITING = frozenset("have see visit meet ring phone call with".split())


OPENERS = DETERMINERS | POSSESSIVE_PERSON | POSSESSIVE_WRITER | ADJECTIVES | frozenset(
    "little lovely sweet dear".split())


def _an_animal_opens(sentence: Sentence, first: int) -> bool:
    """Whether the sentence opens with an animal ("My cat is the definition of attention
    seeking", "Our old labrador has been bed-bound") and no person is named between it and
    the match: what is said is said of the animal."""
    norms = sentence.words.norms
    if ANIMALS.isdisjoint(norms[max(0, first - SCAN - 1):first]):
        return False  # most matches: no animal before them
    begin = first
    while not sentence.sentence_break(begin):
        begin -= 1
        if begin < first - SCAN:
            return False  # the sentence opens too far back to be about what opens it
    at = begin
    while at < first and (norms[at] in OPENERS or _possessive(sentence, at)):
        at += 1
    if at >= first or norms[at] not in ANIMALS or norms[at] in sentence.people \
            or (sentence.capitalised(at) and norms[at] in FIRST_NAMES):
        return False  # not "Kitty got put in her chair", "cat was taken to church"
    return not any(norms[between] in sentence.people or sentence.capitalised(between)
                   or norms[between] in PERSON_NOUNS or norms[between] in NOT_SUPPORTED
                   or norms[between] in CONJUNCTIONS or sentence.clause_break(between)
                   for between in range(at + 1, first + 1))


def _of_a_named_place(sentence: Sentence, first: int) -> bool:
    """Whether a place's name stands between "a" and the match ("a Hull resident", "an
    Everton season ticket holder"): the word says where, not what the person is to us."""
    norms = sentence.words.norms
    place = first - 1
    return place > 0 and norms[place - 1] in ("a", "an") and sentence.capitalised(place) \
        and not sentence.sentence_break(place) and not sentence.clause_break(place) \
        and norms[place] not in sentence.people and norms[place] not in FIRST_NAMES \
        and norms[place] not in NOT_NAMES and norms[place] not in PERSON_NOUNS


def _done_to_one_of_the_people(sentence: Sentence, first: int) -> bool:
    """Whether a passive match opening with "is" or "was" is said of one of the entry's
    people: "Gurpreet was allowed out to the temple with his nephew" (not the nephew)."""
    norms = sentence.words.norms
    if norms[first] not in BE:
        return False
    kind, where = _subject(sentence, first)
    return kind == PERSON and where >= 0 and norms[where] in sentence.people \
        and not (where > 0 and norms[where - 1] in YOUNG)  # not "Baby Amelia was fed"


def _names_one_of_the_people(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the match holds one of the entry's people by name ("took Jack out") and the
    sentence says nothing of a young child (the ducks Jack fed do not make him a duck; a
    baby might be the one named)."""
    norms = sentence.words.norms
    if not sentence.people or sentence.people.isdisjoint(norms[first:last + 1]):
        return False
    begin, end = sentence_around(sentence, first)
    around = norms[begin:end + 1]
    return YOUNG.isdisjoint(around) and CHILD_NOUNS.isdisjoint(around) \
        and AGE.search(sentence.text) is None and not _a_childs_age_in_words(sentence.text)


def _a_named_persons_clause(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the match's own clause opens with one of the entry's people and holds no
    word for a child or an animal: the words are said of that person, whatever the rest of
    the sentence says of the writer's kids or a dog."""
    norms = sentence.words.norms
    start = first
    while start > 0 and not sentence.clause_break(start):
        start -= 1
    if norms[start] in OPENING_PRONOUNS and not sentence.sentence_break(start):
        return False  # "My little boy, he's a sweetie": who "he" is was said before
    if not sentence.people and norms[start] not in OPENING_PRONOUNS:
        return False
    end = last  # to a comma or a full stop: "Alfie toddled off after the cat" is one
    while end + 1 < len(norms) and CLAUSE_MARKS.isdisjoint(sentence.words.gap(end + 1)) \
            and not sentence.sentence_break(end + 1):
        end += 1
    words = norms[start:end + 1]
    if not (CHILD_NOUNS.isdisjoint(words) and ANIMALS.isdisjoint(words)
            and YOUNG.isdisjoint(words) and OWN_CHILDREN.isdisjoint(words)):
        return False
    return norms[start] in OPENING_PRONOUNS or any(norms[at] in sentence.people or (
        norms[at].endswith("s") and norms[at][:-1] in sentence.people)
        for at in range(start, min(start + 2, first)))


OWN_AGES = frozenset("teenage eldest youngest grown-up grown adult".split())
BROOD = frozenset("two three four eldest youngest oldest middle".split())  # "my two", alone


# A clause that opens a sentence with one of these is about the person it is said of: "hes
# a sweetie, always asks about my kids".
OPENING_PRONOUNS = frozenset("he she he's she's hes shes".split())


SCHOOLS = frozenset("school schools playground nursery playgroup classroom".split())
FOODS = frozenset(
    "pie pies fingers finger curry soup chops chop stew sandwich sandwiches salad nuggets "
    "dinner roast casserole cake paste burger burgers kiev supper legs leg breast wings "
    "batter fillet fillets cakes shop supper".split())
EATING = frozenset(
    "ate eat eats eating had some roast fried grilled battered smoked tinned steamed "
    "poached baked".split())


def _eaten_or_named(sentence: Sentence, at: int) -> bool:
    """Whether the animal word at `at` is food ("the fish pie", "ate the chicken", "fish
    and chips") or a person's name ("Kitty", "Robin"), not an animal."""
    norms = sentence.words.norms
    if sentence.capitalised(at) and (not sentence.sentence_break(at)
                                     or norms[at] in sentence.people):
        return True
    after = norms[at + 1] if at + 1 < len(norms) else ""
    if after in FOODS or (after == "and" and norms[at + 2:at + 3] == ["chips"]):
        return True
    before = [norms[back] for back in range(max(0, at - 2), at)]
    return not EATING.isdisjoint(before)


def sentence_around(sentence: Sentence, at: int) -> tuple[int, int]:
    """The first and last word of the sentence word `at` is in."""
    starts = sentence.sentence_starts()
    place = bisect_right(starts, at)  # starts[place - 1] <= at < starts[place]
    end = starts[place] - 1 if place < len(starts) else len(sentence.words.norms) - 1
    return starts[place - 1], end


LIKENING = frozenset("not like if treat treats treated treating than".split())


def _likened(norms: list[str], at: int) -> bool:
    """Whether the word at `at` is a likening or a denial: "he's not a baby", "like a baby"."""
    return any(word in LIKENING or word.endswith("n't") for word in norms[max(0, at - 3):at])


# Categories of words for tasks and services, which also name things: "a care call button".
TASK_CATEGORIES = frozenset(("jargon", "objectifying"))


def judge(sentence: Sentence, first: int, last: int, about: str, category: str = ""
          ) -> Verdict | str:
    """Whether the match of words first..last is used, dropped, or mentioned (the reason);
    category: the rule's."""
    if proper_name(sentence, first, last) or writers_own(sentence, first, last) \
            or (first == last and sentence.raw(first) in NAMES_NOT_ABBREVIATIONS):
        return Verdict.DROP  # "Su made me laugh": a name, not "SU"
    if (category == "infantilising" or about == "object") and not quoted(sentence, first, last) \
            and not (about == "object" and (_names_one_of_the_people(sentence, first, last)
                                            or _done_to_one_of_the_people(sentence, first))) \
            and about_a_child_or_animal(sentence, first, last):  # "fed him his bottle"
        return Verdict.DROP  # but "Took Jack out to the park, he fed the ducks" is Jack
    if category == "infantilising" and _said_to_someone_else(sentence, last):
        return Verdict.DROP  # "Good boy Buster, didn't chew a thing": a dog's name
    if _an_animal_opens(sentence, first) or someone_elses_clients(sentence, first, last) or (
            category == "labels" and _of_a_named_place(sentence, first)):
        return Verdict.DROP  # "Jean's old clients", "a Hull resident all his life"
    if quoted(sentence, first, last) and not (
            category == "infantilising" and _said_by_the_writer_to(sentence, first, last)):
        return QUOTED
    if _asked_back(sentence, first, last) or _asked_what(sentence, first, last) \
            or _asked_who_decided(sentence, first) \
            or (category not in PLAIN_VERB_CATEGORIES
                and _someone_asked_whether(sentence, first, last)) \
            or _corrected_after(sentence, last) or _wrote_then_amended(sentence, first) \
            or _a_word_as_a_thing(sentence, first, last) or _own_worry(sentence, first) \
            or _asked_or_me(sentence, first) or _contrasted(sentence, first):
        return MENTIONED  # "Hard to reach? We only ever wrote to them."
    if (mentioned(sentence, first) and not (
            category == "infantilising" and _writer_called(sentence, first))) \
            or named_after(sentence, first, last) or reported_then_doubted(sentence, first, last) \
            or said_by_others(sentence, last) or said_of_self(sentence, first) \
            or _said_by_one_of_the_people(sentence, first, last) \
            or _in_a_documents_words(sentence, first) \
            or (category in ACCOUNT_CATEGORIES and _told_by_one_of_the_people(sentence, first)) \
            or _what_someone_says(sentence, first) or _said_about(sentence, first, last) \
            or _what_a_word_sounds_like(sentence, first) or _reported_that(sentence, first) \
            or (category in ACCOUNT_CATEGORIES and _a_relative_said(sentence, first)):
        return MENTIONED
    if first > 1 and sentence.words.norms[first - 2:first] == ["no", "more"] \
            and not sentence.clause_break(first):
        return NEGATED  # "Training today on language: no more PWS, just names"
    if (about == "person" or (category == "infantilising" and subject_before(sentence, first)
                              is not None)) and _a_colleague(sentence, first):
        return Verdict.DROP  # "Jo is a nightmare for attention seeking in team meetings"
    if about in ("person", "object") and not (
            category == "infantilising" and _addressed(sentence, first, last)) \
            and who(sentence, first, last, about, category) in (OTHER, WRITER_SIDE):
        return Verdict.DROP  # but "Lenny my darling, you're soaked" is said to Lenny
    if (category == "infantilising" or about == "any") and (
            _the_writers_own_after(sentence, last) or _the_writers_relative_is(sentence, first)):
        return Verdict.DROP  # "Bless him, my colleague Ahmed came in on his day off", "My
        # nan's a proper sweetie", "My mum, bless her, sent me a packed lunch"
    if about == "any" and _the_writer_is(sentence, first, last) and (
            category != "objectifying" or (sentence.words.norms[first - 1] in BE | I_AM
                                           and sentence.words.norms[first] not in PREPOSITIONS)):
        return Verdict.DROP  # "I'm on a placement from the agency", "I was confined to bed",
        # "I'm the one in room 12 at the training centre" (not "I'm on the 1:1": a person)
    if about in ("person", "any") and _the_writers_as_a(sentence, first, last):
        return Verdict.DROP  # "As a fellow hay fever sufferer I sympathised": the writer
    if about == "any" and category in TASK_CATEGORIES and _names_a_thing_after(sentence, last):
        return Verdict.DROP  # "a care call button", "the double-up bus ticket"
    if category in NAMING_CATEGORIES and _a_noun_before_a_noun(sentence, last) and (
            first == last or CARE_NOUNS.isdisjoint(sentence.words.norms[first:last + 1])):
        return Verdict.DROP  # "a client satisfaction survey", "a tantrum ringtone"
    if category == "othering" and _of_an_institution_after(sentence, last):
        return Verdict.DROP  # "those people from BT finally fixed the broadband"
    if category == "objectifying" and (_a_number_before_a_thing(sentence, last)
                                       or _done_to_a_thing(sentence, last)
                                       or _where_someone_is(sentence, first, last)):
        return Verdict.DROP  # "at the 2am check", "bed 4 mattress": when, where, not who;
        # "Bed 9 has been stripped and cleaned": a bed
    if about in ("person", "someone") and _a_thing_as_subject(sentence, first, last):
        return Verdict.DROP  # "Kick-off was delayed": the words name a thing
    if about == "address" and not at_an_address(sentence, last):
        return Verdict.DROP  # "the dementia ward", "the stroke was in March"
    if about == "someone" and not someone_before(sentence, first):
        return Verdict.DROP  # "today was difficult": only a person found before it counts
    if about != "object" and negated(sentence, first) and not (
            category == "jargon" and _a_verb(sentence.words.norms[first])
            and (first == 0 or sentence.words.norms[first - 1] not in DETERMINERS)):
        return NEGATED  # "we don't let him" is still control; "did not access the
        # community" is still jargon, where "he isn't a package" is not
    if about == "object" and _denied(sentence, first, last):
        return NEGATED  # "Nobody made Ivor have a bath", "Sam wasn't toileted, he went"
    return Verdict.USED


I_AM = frozenset("i'm im".split())
I_HAVE = frozenset("i've ive".split())
SAYS_WHAT_IS = I_AM | frozenset(("am", "is", "was"))
BETWEEN_BE = frozenset("a an the on in at of bit such really so very still just quite "
                       "totally properly her his their hardest biggest worst toughest "
                       "trickiest".split())  # "I'm her hardest case to get on a course"


def _the_writer_is(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the match says what the writer, a colleague or the writer's family is: "I'm
    on a placement", "I was the challenging one", "My sister is a real sufferer" (only "be"
    and small words between)."""
    norms = sentence.words.norms
    if norms[last + 1:last + 2] == ["myself"]:
        return True  # "Was a care leaver myself"
    if first > 1 and norms[first - 1] == "been" and norms[first - 2] in I_HAVE:
        return True  # "I've been presenting as fine at work all week"
    if SAYS_WHAT_IS.isdisjoint(norms[max(0, first - 7):first]):
        return False  # most matches: no "I'm", "am", "is" or "was" just before them
    at = first - 1
    while at >= 0 and norms[at] in BETWEEN_BE and not sentence.clause_break(at + 1):
        at -= 1
    if at < 0 or sentence.clause_break(at + 1):
        return False
    if norms[at] not in BE and norms[at] not in I_AM:
        at = _a_described_as(sentence, first)  # "is a back pain sufferer"
        if at < 0:
            return False
    if _i_am(norms, at):
        return True
    if at == 0 or norms[at] not in ("am", "is", "was") or sentence.clause_break(at):
        return False
    who = norms[at - 1]
    if who in STAFF_WORDS or who in NOT_SUPPORTED:
        return True  # "Team leader is a back pain sufferer", "my manager was the challenging
    return _the_writers_relative(norms, at - 1)  # one"


def _i_am(norms: list[str], at: int) -> bool:
    """Whether the words ending at `at` are "I'm", "I am" or "I was"."""
    return norms[at] in I_AM or (norms[at] in ("am", "was") and at > 0 and norms[at - 1] == "i")


def _a_described_as(sentence: Sentence, first: int) -> int:
    """Where "is a" or "was a" is, up to five words before the match, with only lowercase
    describing words between ("is a back pain sufferer"), or -1."""
    norms = sentence.words.norms
    for at in range(first - 2, max(-1, first - 6), -1):
        if sentence.clause_break(at + 1) or sentence.capitalised(at + 1) \
                or norms[at + 1] in CONJUNCTIONS:
            return -1
        if norms[at + 1] in ("a", "an", "the") and (norms[at] in BE or norms[at] in I_AM):
            return at
    return -1


def _the_writers_own_after(sentence: Sentence, last: int) -> bool:
    """Whether the clause right after the match opens with "my" and a colleague or one of the
    writer's family: "Bless him, my colleague Ahmed came in", "bless her, my mum"."""
    norms = sentence.words.norms
    at = last + 1
    return at + 1 < len(norms) and sentence.clause_break(at) and norms[at] == "my" \
        and (norms[at + 1] in STAFF_WORDS or norms[at + 1] in RELATIVES
             or norms[at + 1] in NOT_SUPPORTED)


def _the_writers_relative_is(sentence: Sentence, first: int) -> bool:
    """Whether who the words are said of is the writer's own relative, "my" and a family
    word ("My nan's a proper sweetie", "My mum, bless her", "my husband sulked all
    evening")."""
    norms = sentence.words.norms
    if RELATIVES.isdisjoint(norms[max(0, first - SCAN):first]):
        return False  # no relative before the words: nothing to find (and quick)
    _kind, where = _subject(sentence, first)
    if where < 0:
        return False
    if norms[where] in POSSESSIVE_WRITER and where + 1 < first:
        where += 1  # "My mum, bless her": the clause's first word is "my"
    return _the_writers_relative(norms, where)


def _the_writers_relative(norms: list[str], at: int) -> bool:
    """Whether the word at `at` is one of the writer's family: "my" and a family word."""
    return at > 0 and norms[at] in RELATIVES and norms[at - 1] in POSSESSIVE_WRITER


STAFF_WORDS = frozenset(
    "colleague colleagues manager carer worker nurse doctor gp leader supervisor boss".split())


NAMES_NOT_ABBREVIATIONS = frozenset(("Su",))  # a name many families use; the label is "SU"
STREETS = frozenset(
    "road rd lane street st close avenue ave drive crescent way court gardens terrace grove "
    "row walk estate run round park place hill mews square".split())
HOUSE_WORDS = frozenset("room rm flat bed bay no number house unit".split())


def at_an_address(sentence: Sentence, last: int) -> bool:
    """Whether "in", "on" or "at" and an address follow word last: a room, flat, bed or
    house number ("in room 2", "at no. 14"), or a street or a run ("on Mill Lane", "on the
    Tenbury run", "on elm road")."""
    norms = sentence.words.norms
    at = last + 1
    if at >= len(norms) or norms[at] not in ("in", "on", "at") or sentence.clause_break(at):
        return False
    at += 1
    at += at < len(norms) and norms[at] == "the"
    if at + 1 < len(norms) and norms[at] in HOUSE_WORDS and (
            norms[at + 1].isdigit() or norms[at + 1] in NUMBER_WORDS):
        return True
    if at < len(norms) and norms[at].isdigit():
        return True  # "at 14 Mill Lane"
    for end in range(at + 1, min(at + 4, len(norms))):  # one to three words, then the street
        if norms[end] in STREETS and not sentence.clause_break(end) and all(
                _a_name_word(sentence, word) for word in range(at, end)):
            return True
    return False


def _a_name_word(sentence: Sentence, at: int) -> bool:
    """Whether the word could be part of a street's name: capitalised, or a plain word in a
    note written all in small letters ("elm road")."""
    raw = sentence.raw(at)
    return raw[:1].isupper() or (raw.islower() and sentence.text == sentence.text.lower())


REDUCED_PASSIVE = frozenset(
    "taken put escorted placed sent made hoisted toileted allowed".split())
REDUCED_AFTER = frozenset("to out into back up down in separately together apart".split())
GREETINGS = frozenset(
    "morning night hello hiya hi alright thanks ta bye evening afternoon on there".split())


PET_CUES = frozenset("treat treats walkies chew chewed chewing bark barked barking fetch paw "
                     "paws tail wagging vet vets kennel puppy pup kitten lead".split())


def _said_to_someone_else(sentence: Sentence, last: int) -> bool:
    """Whether a capitalised name follows the words, and it is not one of the entry's people
    (who are named), or the sentence is about a pet: "Good boy Rex got a biscuit from Arjun",
    "good girl Bella, sat for her treat"."""
    norms = sentence.words.norms
    after = last + 1
    if after >= len(norms) or sentence.sentence_break(after) or not sentence.capitalised(after) \
            or norms[after] in sentence.people or norms[after] in TITLES \
            or norms[after] in WRITER or sentence.words.gap(after).strip() not in ("", ","):
        return False
    if sentence.people:
        return True
    begin, end = sentence_around(sentence, last)
    return not PET_CUES.isdisjoint(norms[begin:end + 1])


def _addressed(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the words are said to someone, set apart as a name is ("Morning darling,",
    "Lenny my darling, you're soaked", "come on sweetie"): what the one speaking called them,
    whoever the nearest noun is."""
    norms = sentence.words.norms
    start = first - (first > 0 and norms[first - 1] == "my")
    ends = last + 1 >= len(norms) or not set(sentence.words.gap(last + 1)).isdisjoint(
        ",.!?\"\u201d'\u2019")
    if not ends:
        return False
    if start == 0 or not set(sentence.words.gap(start)).isdisjoint(",.!?\"\u201c'\u2018:"):
        return True
    before = norms[start - 1]
    return before in GREETINGS or before in sentence.people


WRITER_SAYING = frozenset("told said say says asked called went".split())


def _said_by_the_writer_to(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the quoted words are the writer's own speech to someone, with the pet name
    said to them ('Told Ivy "come on sweetie, lets get you dressed"'): speech, not a word
    held up to look at."""
    starts, ends = sentence.words.starts, sentence.words.ends
    quote = next(((opening, closing) for opening, closing in sentence.quotations()
                  if opening < starts[first] and ends[last] <= closing), None)
    if quote is None or not _addressed(sentence, first, last):
        return False
    norms = sentence.words.norms
    inside = [at for at in range(len(starts)) if quote[0] < starts[at] < quote[1]]
    greeted = len(inside) == last - first + 2 and norms[inside[0]] in GREETINGS
    if len(inside) < last - first + 3 and not greeted:
        return False  # "we're not to call anyone "sweetheart"": the word alone
    begin, end = sentence_around(sentence, first)
    before = norms[begin:inside[0]]
    after = norms[inside[-1] + 1:end + 1]
    if not before and after[:1] in (["i"], ["we"]) and after[1:2] and after[1] in WRITER_SAYING:
        return True  # '"Morning sweetie," I said to Mrs Baptiste'
    return bool(before) and (before[0] in WRITER_SAYING or not WRITER.isdisjoint(before)) \
        and NOT_SUPPORTED.isdisjoint(before)


WORD_DOINGS = frozenset(
    "blames implies suggests sounds reduces labels dehumanises stigmatises belittles "
    "others".split())
OWN_WORRIES = frozenset(
    "apologising apologises apologised apologise worries worried worrying frets fretting "
    "ashamed".split())


CORRECTION = re.compile(
    r"(?:\s+[\w']+){0,4}?\s*[,(\u2013\u2014-]+\s*(?:sorry|i mean|or rather|rather|well,|no,|"
    r"correction|scratch that|i should say|should say|or as \w+ (?:calls|call) it|"
    r"or (?:a |an |the )?[a-z ]{3,30}? as \w+ calls? it)", re.IGNORECASE)


# A word every correction holds (a quick first look before CORRECTION).
CORRECTION_TOKENS = frozenset(
    "sorry mean meant rather well no correction scratch should call calls".split())
CORRECTION_WORDS = re.compile(r"\b(?:sorry|mean|rather|well|no\b|correction|scratch|should|call)",
                              re.IGNORECASE)  # "no" as a word: not "now", "not" or "know"


AMENDED = re.compile(
    r"\b(?:should(?: have|'ve| of) (?:said|written|put)|(?:then|and) (?:fixed|changed|corrected|"
    r"amended|crossed out|rewrote) it|crossed it out|changed it to|corrected it to)\b",
    re.IGNORECASE)


def _wrote_then_amended(sentence: Sentence, first: int) -> bool:
    """Whether the writer says they wrote the words and then corrects them later in the
    sentence: "I wrote that Layla refused her tea, I should have said she wasn't hungry",
    "Wrote that Kiri was taken out for lunch, then fixed it"."""
    norms = sentence.words.norms
    if not any(norms[at] in WRITING_VERBS or norms[at] == "put"
               for at in range(max(0, first - 6), first)):
        return False
    end = first
    while end + 1 < min(len(norms), first + 30) and not sentence.sentence_break(end + 1):
        end += 1
    text = sentence.text[sentence.words.ends[first]:sentence.words.ends[end]]
    return AMENDED.search(text) is not None


def _corrected_after(sentence: Sentence, last: int) -> bool:
    """Whether the writer corrects the words straight after them: "non-compliant, sorry,
    she chose not to", "the feeds, I mean the people who", "respite, or a short break as Ben
    calls it"."""
    end = sentence.words.ends[last]
    if sentence.text[end:end + 1] not in (",", " ", "(", "-", "\u2013", "\u2014") \
            or CORRECTION_TOKENS.isdisjoint(sentence.words.norms[last + 1:last + 31]):
        return False  # most matches: no word a correction holds in the words after them
    rest = sentence.text[end:end + 60]
    return CORRECTION_WORDS.search(rest) is not None and CORRECTION.match(rest) is not None


def _a_word_as_a_thing(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the words are spoken of as a thing: "the us and them thing", "bed blocker
    blames the person"."""
    norms = sentence.words.norms
    after = norms[last + 1] if last + 1 < len(norms) else ""
    if after == "thing" and first > 0 and norms[first - 1] in ("the", "that", "this", "whole"):
        return True
    return after in WORD_DOINGS and not sentence.clause_break(last + 1)


WORRIED_OF = frozenset("being she he they i she's he's shes hes is was i'm im".split())


def _own_worry(sentence: Sentence, first: int) -> bool:
    """Whether the person worries the word about themselves: "Reg keeps apologising for
    being a burden"."""
    norms = sentence.words.norms
    window = norms[max(0, first - 5):first]
    return not OWN_WORRIES.isdisjoint(window) and not sentence.clause_break(first) \
        and any(word in WORRIED_OF for word in window)


def _asked_who_decided(sentence: Sentence, first: int) -> bool:
    """Whether someone asks who decided the words: "Keira asked who decided she's not
    allowed her phone"."""
    norms = sentence.words.norms
    window = norms[max(0, first - 8):first]
    for at in range(len(window) - 2):
        if window[at] in ASKING and window[at + 1] == "who" and window[at + 2] in (
                "decided", "said", "wrote", "made"):
            return not any(sentence.clause_break(k) for k in range(first - len(window) + at + 1,
                                                                    first + 1))
    return False


def _contrasted(sentence: Sentence, first: int) -> bool:
    """Whether ", not" comes right before the match: the word set against the one before
    it ("write walked, not mobilised", "her home, not a placement")."""
    return first > 1 and sentence.words.norms[first - 1] == "not" \
        and "," in sentence.words.gap(first - 1)


WHETHER = frozenset(("why", "whether", "if"))


def _someone_asked_whether(sentence: Sentence, first: int, last: int) -> bool:
    """Whether someone other than the writer asked why, whether or if, and the match follows
    in the same clause within eight words: their question holds the words up ("Leah asked
    why she's a case", "Mrs Clarke asked me if she's a burden"). Not for power and jargon
    words, which a question uses ("Eilidh asked if she was allowed a bath", "asked if the
    void next door would get a new housemate")."""
    norms = sentence.words.norms
    if WHETHER.isdisjoint(norms[max(0, first - 8):first]):
        return False  # most matches
    after = last + 1
    if after < len(norms) and sentence.words.gap(after) == " " and _a_noun(norms[after]) \
            and norms[after] in known_words():
        return False  # "Sami asked why his LAC review is at school": the review's name
    for at in range(first - 1, max(0, first - 9), -1):
        if sentence.clause_break(at + 1):
            return False
        if norms[at] not in WHETHER:
            continue
        for asked in range(at - 1, max(-1, at - 4), -1):
            if norms[asked] in ASKING and asked > 0 and not sentence.sentence_break(asked):
                asker = norms[asked - 1]
                return asker not in WRITER and (
                    asker in PRONOUNS_PERSON or asker in sentence.people
                    or asker in PERSON_NOUNS or asker in RELATIVES
                    or sentence.capitalised(asked - 1))
        return False
    return False


def _asked_or_me(sentence: Sentence, first: int) -> bool:
    """Whether the writer asks whether it is the person or themselves: "Is Poppy difficult,
    or am I just tired?"."""
    norms = sentence.words.norms
    window = norms[first:first + 10]
    if "or" not in window:
        return False  # most matches
    begin = first
    while begin > 0 and first - begin < 8 and not sentence.sentence_break(begin):
        begin -= 1
    if not sentence.sentence_break(begin) or norms[begin] not in ("is", "was", "are", "were"):
        return False
    at = first + window.index("or")
    asked = " ".join(norms[at:at + 3])
    rest = sentence.text[sentence.words.ends[first]:sentence.words.ends[first] + 80]
    return "?" in rest and asked.split()[1:2] != [] and asked.split()[1] in OR_ASKING


OR_ASKING = frozenset("am is was are were does do did has have could would should".split())


MEANING = frozenset("is are means mean meant was were stands".split())
ASKING = frozenset("asked asks ask asking wondered wonders wonder wondering explained "
                   "explain".split())


ASKED_WORDS = frozenset(("what", "who"))  # "asked who SU was"


def _asked_what(sentence: Sentence, first: int, last: int) -> bool:
    """Whether someone asks what the words mean: "Gus asked what ADLs are", "what does
    'placement' mean"."""
    norms = sentence.words.norms
    before = norms[max(0, first - 3):first]
    which = [word for word in before if word in ASKED_WORDS]
    if not which or sentence.clause_break(first):
        return False
    what = first - len(before) + before.index(which[-1])
    after = norms[last + 1:last + 3]
    if before[-1:] in (["does"], ["do"]):
        return "mean" in after  # "what does 'placement' mean"
    if not after or after[0] not in MEANING or sentence.sentence_break(what):
        return False  # "asked me what LAC means", "asked me, quite reasonably, what an SU was"
    return any(word in ASKING for word in norms[max(0, what - 5):what])


def _asked_back(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the match is a whole sentence asked as a question, the writer turning the
    word over ("Hard to reach? Or easy to ignore?"), not a question about the person; or
    asked "Is it really" of ("Is it really an intervention when I make Priya a cuppa?")."""
    if _is_it_really(sentence, first):
        return True
    if not sentence.sentence_break(first):
        return False
    rest = sentence.text[sentence.words.ends[last]:sentence.words.ends[last] + 3]
    if rest.lstrip(" \"'\u201d\u2019").startswith("?"):
        return True
    norms = sentence.words.norms  # "Hard to reach, or easy to ignore?"; the guides' saying
    after = norms[last + 1:last + 8]
    if after[:1] != ["or"] or sentence.sentence_break(last + 1):
        return False
    if after[1:4] == ["easy", "to", "ignore"]:
        return True
    end = sentence.words.ends[min(len(norms) - 1, last + 7)]
    return _asked(sentence.text[sentence.words.ends[last]:end + 2])


def _is_it_really(sentence: Sentence, first: int) -> bool:
    """Whether a question opening "Is it really" or "Is that really" comes just before the
    match: the writer asking whether the word fits."""
    norms = sentence.words.norms
    begin = first - 3 - (first > 3 and norms[first - 1] in ("a", "an"))
    if begin < 0 or norms[begin] not in ("is", "was") or not sentence.sentence_break(begin) \
            or norms[begin + 1] not in ("it", "that") or norms[begin + 2] != "really":
        return False
    end = min(len(sentence.text), sentence.words.ends[first] + 120)
    return _asked(sentence.text[sentence.words.ends[first]:end])


def _asked(rest: str) -> bool:
    """Whether a question mark ends the sentence that rest continues."""
    return "?" in rest and not any(mark in rest.split("?")[0] for mark in ".!;")


# Categories whose mention words are everyday verbs ("I couldn't manage to", "we're not
# allowed to park"): negated, these are not the writer reflecting on the word.
PLAIN_VERB_CATEGORIES = frozenset(("power", "jargon"))


def judge_mention(sentence: Sentence, first: int, last: int, category: str) -> str:
    """For a rule's mention word found on its own (not inside one of its phrases): why it is a
    mention ("'placed'", "why we call it contact", "he isn't difficult", "no us and them"),
    or "" when it is just a word in the sentence."""
    reason = _mention_reason(sentence, first, last, category)
    if any(word.isdigit() for word in sentence.words.norms[first:last + 1]) and not (
            reason == QUOTED and _quoted_alone(sentence, first, last)):
        return ""  # "went to room 4, not room 5", "call bell in room 21", "'the lady in
        # flat 4'": a room; only "kept saying 'room 4'" holds the number up as a name
    return reason if reason and not proper_name(sentence, first, last) else ""


def _quoted_alone(sentence: Sentence, first: int, last: int) -> bool:
    """Whether quotation marks open right before the match and close right after it."""
    start, end = sentence.words.starts[first], sentence.words.ends[last]
    text = sentence.text
    return start > 0 and text[start - 1] in QUOTES and end < len(text) \
        and text[end] in "\"'\u2019\u201d"


def _mention_reason(sentence: Sentence, first: int, last: int, category: str) -> str:
    if quoted(sentence, first, last):
        return QUOTED
    if mentioned(sentence, first) or named_after(sentence, first, last) \
            or reported_then_doubted(sentence, first, last) or said_of_self(sentence, first) \
            or _asked_or_me(sentence, first) or _corrected_after(sentence, last) \
            or _asked_what(sentence, first, last) or _asked_who_decided(sentence, first):
        return MENTIONED
    norms = sentence.words.norms
    if category in PLAIN_VERB_CATEGORIES:
        before = norms[max(0, first - 4):first]
        denied = any(word in NEGATORS or word.endswith("n't") for word in norms[max(0, first - 6):
                                                                                 first])
        if ("to" in before and "be" in before and ("something" in before or "someone" in
                                                  before) and denied) \
                or (first > 0 and norms[first - 1] == "not" and category == "jargon"):
            return NEGATED  # "isn't something to be managed", "'seeing mum', not contact"
        return ""
    if negated(sentence, first) or (first > 0 and norms[first - 1] == "no"
                                    and not sentence.clause_break(first)):
        return NEGATED
    return ""


# Where only staff are: a name there, not one of the entry's people, is a colleague's.
WORKPLACE = frozenset((("team", "meeting"), ("team", "meetings"), ("staff", "meeting"),
             ("staff", "meetings"), ("staff", "room"), ("holiday", "rota"),
             ("annual", "leave"), ("shift", "swap"), ("staff", "party"), ("staff", "parties"),
             ("christmas", "party"), ("late", "shift"), ("early", "shift"), ("light", "duties"),
             ("late", "call"), ("early", "call"), ("extra", "shift"), ("extra", "shifts"),
             ("the", "rota"), ("do", "nights"), ("do", "days"), ("her", "break"),
             ("his", "break"), ("her", "pay"), ("his", "pay"), ("late", "pay"), ("his", "rota"),
             ("her", "rota"), ("covered", "my"), ("her", "shift"), ("his", "shift"),
             ("day", "off")))


SHIFTS = frozenset("nights days lates earlies".split())
STAFF_TEAMS = SHIFTS | frozenset(
    "office hr payroll finance rota agency bank training management admin reception "
    "maintenance kitchen laundry".split())


def _a_colleague(sentence: Sentence, first: int) -> bool:
    """Whether the sentence is about the workplace (team meetings, the rota, the staff room)
    and who does it is a name that is not one of the entry's people."""
    norms = sentence.words.norms
    begin, end = sentence_around(sentence, first)
    words = norms[begin:end + 1]
    if WORKPLACE.isdisjoint(zip(words, words[1:], strict=False)):
        if "from" not in words and "on" not in words and "in" not in words:
            return False  # most sentences
        kind, at = _subject(sentence, first)  # "Dave from nights kicked off about the rota"
        if not (kind == PERSON and 0 <= at < first - 2 and sentence.capitalised(at)
                and norms[at] not in sentence.people):
            return False
        if norms[at + 1] in ("in", "on", "from") and norms[at + 2:at + 4] in (
                ["our", "team"], ["the", "team"], ["my", "team"], ["the", "office"]):
            return True  # "Dev in our team is a right case"
        if norms[at + 1] == "on":  # "Tom on nights kicked off about the parking"
            return norms[at + 2] in SHIFTS
        team = at + 2 + (norms[at + 2] == "the" and at + 3 < len(norms))
        return norms[at + 1] == "from" and norms[team] in STAFF_TEAMS
    kind, at = _subject(sentence, first)
    if kind is None:  # "Jo is a nightmare for attention seeking": the sentence's first name
        at = first
        while at > 0 and not sentence.sentence_break(at):
            at -= 1
        kind = classify(sentence, at, first)
    return (kind == PERSON and at >= 0 and sentence.capitalised(at)
            and norms[at] not in sentence.people and norms[at] not in TITLES
            and norms[at] not in PERSON_NOUNS
            and not (at > 0 and norms[at - 1] in TITLES))


CLIENT_TRADES = frozenset(
    "solicitor solicitors lawyer lawyers accountant accountants accountancy barrister "
    "barristers hairdressing beautician architect plumber electrician builder tutor "
    "garage mechanic trainer groomer grooming photographer designer freelance "
    "dog builders translator translators firm firm's contract contracts supplier suppliers "
    "invoice invoices cleaner cleaners bookies bookmaker bookmakers gardener decorator "
    "painter salon barber barbers helpdesk shipping haulage".split())
CASES = frozenset(("case", "cases"))  # "Ana's solicitor says her case will be heard"
CLIENT_ADJECTIVES = frozenset(
    "regular regulars old usual best biggest main private new first".split())


def someone_elses_clients(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the match is a care noun owned by "his", "her" or "their": the clients of a
    solicitor, a hairdresser or an adviser ("her clients pay by the hour"), not ours."""
    norms = sentence.words.norms
    if norms[last] in ("client", "clients") and not CLIENT_TRADES.isdisjoint(
            norms[max(0, first - 12):last + 12]):
        return True  # "my mate does dog walking and her clients", "the accountancy firm lost
        # a big client": a trade's clients, not the people we support
    if (norms[last] in CARE_NOUNS or norms[last] in CASES) and any(
            _possessive(sentence, at) and classify(sentence, at, first) == WRITER_SIDE
            for at in range(max(0, first - 2), first)):
        return True  # "my sister's hairdressing clients": a relative's or a friend's
    own = first - 1 - (first > 1 and norms[first - 1] in CLIENT_ADJECTIVES)  # "her regular"
    if own >= 0 and norms[own] in ("his", "her") and norms[last] in ("client", "clients") \
            and (_the_writers_own_before(sentence, own)
                 or _one_of_the_people_owns(sentence, own)):
        return True  # "My dad sells cars and reckons his best client bought three", "Jean
        # did hair for forty years and remembers all her clients' names"
    owned = own >= 0 and norms[own] in POSSESSIVE_PERSON or (
        first > 1 and norms[first - 1] == "a" and norms[first - 2] == "as")  # "as a client"
    if not (owned and (norms[last] in CARE_NOUNS or norms[last] in CASES)
            and not sentence.clause_break(first)):
        return False
    begin, end = max(0, first - 16), min(len(norms), last + 16)  # "Her client rang": ours
    return not BUSINESSES.isdisjoint(norms[begin:end])


def _one_of_the_people_owns(sentence: Sentence, own: int) -> bool:
    """Whether the nearest name before a "his" or "her" is one of the entry's people: the
    clients are then that person's own, from a trade they had, not the writer's."""
    norms = sentence.words.norms
    begin = sentence_around(sentence, own)[0]
    for at in range(own - 1, begin - 1, -1):
        if norms[at] in sentence.people:
            return True
        if sentence.capitalised(at) and norms[at] not in TITLES and at > begin:
            return False  # another name nearer: "Jean told Agnieszka to cover her clients"
    return False


def _writer_called(sentence: Sentence, first: int) -> bool:
    """Whether the writer called the person the words just before them, without holding
    back: "I called Marjorie sweetheart all shift" (or a log line's "called sandra sweetie
    all shift") is using a pet name, not naming it."""
    norms = sentence.words.norms
    for at in range(first - 1, max(-1, first - 5), -1):
        if norms[at] in NAMING_VERBS:
            before = norms[max(0, at - 3):at]
            return (at > 0 and norms[at - 1] in ("i", "we") or at == 0 and norms[0] == "called"
                    ) and norms[at + 1] not in (
                "it", "this", "that") and not any(
                word in HOLDING_BACK or word.endswith("n't") or word == "why" for word in before)
    return False


def _a_thing_as_subject(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the match opens its sentence and "is" or "was" follows it: a noun that is
    the subject ("Kick off was at 3"), not words about a person."""
    norms = sentence.words.norms
    after = last + 1
    if sentence.sentence_break(first) and norms[first] in BE and first == 0:
        return False
    if first > 0 and norms[first] in AFTER_BE and _a_doing_opens(sentence, first):
        return True  # "Managing him on the bus is hard work": the doing is hard work
    return (sentence.sentence_break(first) and after < len(norms)
            and norms[after] in AFTER_BE and not sentence.clause_break(after)
            and norms[first] not in DETERMINERS and norms[last] not in EVENTS)


MOVED_FROM = frozenset("bed chair wheelchair commode recliner armchair from to into onto back "
                       "with using".split())  # a log line's transfer: "transferred bed to chair"
NEEDING = frozenset("need needs needed needing".split())  # "needs feeding": needs to be fed


def _done_to_its_subject(norms: list[str], first: int, last: int) -> bool:
    """Whether the match's own words say it is done to its subject though no "was" comes
    before it: "Hilda transferred bed to chair", "Mr Park has permission to use the
    garden", "Mr Sandhu needed feeding today"."""
    if first >= last:
        return False
    if norms[first] == "transferred":
        return norms[first + 1] in MOVED_FROM and (
            first == 0 or norms[first - 1] not in ("i", "we", "you", "they"))
    if norms[first] in ("has", "have", "had", "having"):
        return "permission" in norms[first:last + 1]  # his, given by staff
    return norms[first] in NEEDING and norms[first + 1].endswith("ing")
# Plural nouns for what a person did, which are theirs even opening a sentence.
EVENTS = frozenset("refusals dnas incidents outbursts tantrums absconsions episodes".split())


def _a_doing_opens(sentence: Sentence, first: int) -> bool:
    """Whether the sentence opens with a doing ("Managing him...") that is the subject of
    the "is" at first, with no comma between."""
    begin = first
    while begin > 0 and not sentence.sentence_break(begin):
        if sentence.words.gap(begin).strip():
            return False
        begin -= 1
    word = sentence.words.norms[begin]
    return begin < first - 1 and sentence.capitalised(begin) and word.endswith("ing") \
        and (len(word) > 5 or word == "being") and word not in sentence.people


# -- who the wording is about -----------------------------------------------------------------
def who(sentence: Sentence, first: int, last: int, about: str, category: str = ""
        ) -> str | None:
    """PERSON, OTHER (a thing, an animal, an institution) or WRITER_SIDE for the one the
    match is about, or None when the sentence doesn't say. about "person": who does or is
    it; "object": who it is done to (when the sentence doesn't say, a thing doing it, as in
    "the new rules allow more visits", still rules it out)."""
    if about == "object":
        norms = sentence.words.norms
        if (norms[first] in BE or norms[first] in AFTER_BE or norms[first] in NEGATORS) \
                and first < last:  # the phrase holds it: "was allowed to", "isn't allowed"
            passive = not norms[first + 1].endswith("ing")
        else:
            passive = (_be_before(sentence, first) and not sentence.clause_break(first)
                       and not norms[first].endswith("ing")) or (  # "was fed", not "feeding"
                norms[first] in REDUCED_PASSIVE and first < last
                and (first == 0 or sentence.sentence_break(first)
                     or not sentence.clause_break(first))
                and (first == 0 or sentence.sentence_break(first) or (
                    norms[first - 1] not in ("i", "we", "you", "they")
                    and norms[first - 1] not in PRONOUNS_PERSON
                    and norms[first - 1] not in PRONOUNS_OTHER))
                and norms[first + 1] in REDUCED_AFTER)  # "Omar taken out to Tesco",
        # "put to bed 8pm, all secure": a note that leaves out who was put
        # "Staff made to wait outside" (done to staff); not "Staff put Dot to bed"
        if _done_to_its_subject(norms, first, last):
            if last + 1 < len(norms) and norms[last + 1] in ("myself", "ourselves"):
                return WRITER_SIDE  # "Needed feeding myself after a twelve hour shift"
            passive = True
        if not passive:
            if norms[last] == "her" and _owned_after(sentence, last):
                return OTHER  # "we let her daughter know": "her" owns the daughter
            found = object_after(sentence, first, last)
            subject, where = _subject(sentence, first)
            if subject == WRITER_SIDE and norms[where] not in WRITER \
                    and not (where > 0 and norms[where - 1] in WRITER) \
                    and not any(norms[k] in WRITER for k in range(max(0, where - 3), where)):
                return OTHER  # "the grandkids let her win": a family's doing, not a service's
                # ("My colleague Trish toileted him", "Me and Andrea allowed him" are ours)
            if norms[first] in LETTING_OR_TAKING and _their_relative(sentence, where):
                return OTHER  # "his mum never let him", "her late husband let her win", "his
                # brother took him out" (but "her daughter feeds her" is still feeding)
            if found == PERSON and subject == PERSON and _named(sentence, where) \
                    and (not sentence.people or norms[where] in sentence.people) and (
                    norms[first] in LETTING or not any(sentence.words.gap(at).strip()
                                                       for at in range(where + 1, first + 1))):
                return OTHER  # "Dot let her do the dressing": the person is the one allowing
            pronoun = next((k for k in range(first, min(len(norms), last + 2))
                            if norms[k] in ("him", "her")), -1)
            if found == PERSON and pronoun > 0 and _the_writers_own_before(
                    sentence, pronoun, skip=where):
                return WRITER_SIDE  # "Our student social worker finishes her placement, so
                # the team is taking her out for lunch" (not "My colleague took her out")
            if found is not None:
                return found
            return subject if subject == OTHER else None
        if _by_the_writers_family(sentence, last):
            return OTHER  # "My two were put to bed by my mum": a family's doing
        if first > 0 and norms[first] in REDUCED_PASSIVE and norms[first - 1] != "all" \
                and norms[first - 1] in EVERYONE and not sentence.clause_break(first):
            return PERSON  # "nights want everyone put to bed by 9" (not "the glass all
            # taken out to the bins")
        subject, where = _subject(sentence, first)
        if subject == WRITER_SIDE and where >= 0 and norms[where] not in WRITER \
                and not any(norms[k] in WRITER for k in range(max(0, where - 3), where)):
            return OTHER  # "My teenage daughter isn't allowed out": a family's rule
    if _describes_thing_after(sentence, last):
        return OTHER  # "the uncooperative weather"
    if about == "person" and category == "labels" and first > 0 \
            and sentence.words.norms[first - 1] in ("our", "my") \
            and not sentence.clause_break(first) and not _a_verb(sentence.words.norms[last]):
        return PERSON  # "Our frequent flyer Darren rang twice": one of ours, named by a label
    after = _past_describing(sentence, last + 1)
    if about == "person" and after < len(sentence.words.norms) \
            and (sentence.words.norms[after] in PERSON_NOUNS
                 or sentence.words.norms[after] in GROUP_NOUNS
                 or (after > last + 1 and sentence.words.norms[after] == "carers")) \
            and sentence.words.gap(after) == " " \
            and sentence.words.norms[after] not in NOT_SUPPORTED \
            and sentence.words.norms[last] not in PREPOSITIONS \
            and (not sentence.words.norms[last].endswith(("ed", "ing", "s"))
                 or _an_adjective(sentence.words.norms[last])):
        kind, at = _subject(sentence, first)
        if not (kind in (WRITER_SIDE, OTHER) and _be_a(sentence, at, first)):
            return PERSON  # "so many demented people": the word describes the person after
        # it; "hard to reach young people", "the hardest to reach group"; but "My sister is
        # the most manipulative person at Monopoly" is said of the sister
    if category in NAMING_CATEGORIES and _a_label_object(sentence, first, category):
        return None  # "We've got a frequent flyer on the line": the label is the one got
    if about == "person" and _done_by_a_person(sentence, last):
        return PERSON  # "Tablets refused by Pat at 8pm": Pat refused them
    kind, at = _subject(sentence, first)
    if kind == WRITER_SIDE and about == "person" and first > 0 \
            and sentence.words.norms[first - 1] in sentence.people \
            and _possessive(sentence, first - 1):
        return PERSON  # "I need to write up Esi's non-compliance": Esi's, not the writer's
    if kind == PERSON and sentence.words.norms[at] in HE_OR_SHE \
            and _the_writers_own_before(sentence, at):
        return WRITER_SIDE  # "My husband's team lost and he sulked all evening"
    if kind == OTHER and _a_persons_condition(sentence, at):
        return PERSON  # "Rita's dementia is a burden on the family": Rita is
    if about == "person" and kind == OTHER and _it_is(sentence, at, first):
        return None  # "staff feel its attention seeking": what she did, said of her
    if kind is None and about == "person" and _a_feeling_opens(sentence, first):
        return WRITER_SIDE  # "feeling very resistant to the new paperwork tbh": a note of
        # the writer's own, written without the "I"
    return kind


def _sentence_opening(sentence: Sentence, first: int, reach: int) -> int:
    """Where the match's sentence starts, when that is at most `reach` words before the match
    with no clause break between; -1 otherwise."""
    begin = sentence_around(sentence, first)[0]
    if not 0 < first - begin <= reach \
            or any(sentence.clause_break(at) for at in range(begin + 1, first + 1)):
        return -1
    return begin


def _the_writers_as_a(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the match ends an "As a ..." opening that the writer ("I") then follows: "As
    a fellow hay fever sufferer I sympathised", "As a migraine sufferer myself"."""
    norms = sentence.words.norms
    begin = _sentence_opening(sentence, first, 6)
    return begin >= 0 and norms[begin] == "as" and norms[begin + 1] in ("a", "an") \
        and last + 1 < len(norms) and norms[last + 1] in ("i", "i'm", "im", "i've", "ive",
                                                          "myself", "me")


def _a_feeling_opens(sentence: Sentence, first: int) -> bool:
    """Whether the match's sentence opens with "feeling" or "felt" at most three words
    before it, in one clause: a note that leaves out "I"."""
    begin = _sentence_opening(sentence, first, 3)
    return begin >= 0 and sentence.words.norms[begin] in ("feeling", "felt")


# Words that say which people before a person word ("hard to reach young people") and the
# group words that stand for people there ("the hardest to reach group").
PEOPLE_DESCRIBED = frozenset(
    "young younger old older elderly unpaid family local isolated lone single working "
    "teenage adult disabled vulnerable minority rural".split())
GROUP_NOUNS = frozenset("group groups community communities parents dads households".split())


def _past_describing(sentence: Sentence, at: int) -> int:
    """at, or past up to two words that say which people ("young", "unpaid") when a person
    or group word follows them."""
    norms = sentence.words.norms
    end = at
    while end < len(norms) and end < at + 2 and norms[end] in PEOPLE_DESCRIBED \
            and sentence.words.gap(end + 1 if end + 1 < len(norms) else end) == " ":
        end += 1
    if end == at or end >= len(norms):
        return at
    word = norms[end]
    return end if word in PERSON_NOUNS or word in GROUP_NOUNS or word == "carers" else at


RELATIVES = frozenset(
    "mum dad mother father husband wife partner nan nana gran granny grandma grandad sister "
    "brother auntie aunt uncle son daughter mam mom".split())
HE = frozenset("he he's he'd he'll hes".split())
SHE = frozenset("she she's she'd she'll shes".split())
HE_OR_SHE = HE | SHE
MEN = frozenset("husband son dad father brother grandad grandson uncle nephew boyfriend "
                "hubby".split())
WOMEN = frozenset("wife daughter mum mam mom mother sister nan nana gran granny grandma "
                  "granddaughter aunt auntie niece girlfriend".split())


def _the_writers_own_before(sentence: Sentence, at: int, skip: int = -1) -> bool:
    """Whether "he" or "she" at `at` goes back, within its sentence, to the writer's own
    relative or colleague ("my husband", "my colleague"): the nearest person before it who
    can be "he" or "she" is theirs, and nobody reports speech between ("My colleague said he
    refused" may be about anyone)."""
    norms = sentence.words.norms
    begin, _ = sentence_around(sentence, at)
    male = norms[at] in HE or norms[at] in ("his", "him")
    wrong = WOMEN if male else MEN
    for k in range(at - 1, max(begin, at - 20) - 1, -1):
        word = norms[k]
        if k == skip:
            continue  # "My colleague took her out": "her" is not who took her
        if word in REPORTING_VERBS or word in sentence.people or word in TITLES \
                or (word in HE_OR_SHE and (word in HE) != male):
            return False
        if word in wrong:
            continue
        if word in RELATIVES or word in STAFF_WORDS or word in MEN or word in WOMEN:
            return any(norms[j] in POSSESSIVE_WRITER for j in range(max(begin, k - 3), k))
        if sentence.capitalised(k) and not sentence.sentence_break(k) and word not in WRITER \
                and word not in NOT_NAMES:  # "on Friday" is no one
            before = norms[k - 1]  # "my colleague Abena": the name of the writer's own
            return (before in RELATIVES or before in STAFF_WORDS) and any(
                norms[j] in POSSESSIVE_WRITER for j in range(max(begin, k - 3), k - 1))
            # a name: "Harold's wife rang to say he's a burden"
    return False


def _by_the_writers_family(sentence: Sentence, last: int) -> bool:
    """Whether "by my mum" (or another of the writer's family) follows a passive match, in
    its clause: what was done was done in the writer's family."""
    norms = sentence.words.norms
    for at in range(last + 1, min(len(norms) - 2, last + 5)):
        if sentence.clause_break(at):
            return False
        if norms[at] == "by":
            return norms[at + 1] in POSSESSIVE_WRITER and norms[at + 2] in RELATIVES
    return False


def _done_by_a_person(sentence: Sentence, last: int) -> bool:
    """Whether "by" and a person follow the match: "refused by Pat", "declined by her"."""
    norms = sentence.words.norms
    at = last + 1
    if at + 1 >= len(norms) or norms[at] != "by" or sentence.clause_break(at):
        return False
    return classify(sentence, at + 1, at + 1, generic=False) == PERSON and \
        norms[at + 1] not in WRITER


IT_WORDS = frozenset("it its it's that this".split())
IT_FILLER = frozenset("just all pure total classic so very really typical".split())


def _it_is(sentence: Sentence, at: int, first: int) -> bool:
    """Whether the subject at `at` is "it" or "that" with only "is" and words of degree
    before the match ("it's attention seeking", "that was just manipulative")."""
    norms = sentence.words.norms
    if at < 0 or norms[at] not in IT_WORDS:
        return False
    between = norms[at + 1:first]
    raw = sentence.raw(at).lower().replace("\u2019", "'")
    is_said = raw in ("it's", "its", "that's") or any(word in BE or word in AFTER_BE
                                                     for word in between)
    return is_said and all(word in BE or word in AFTER_BE or word in IT_FILLER
                           for word in between)


CONDITIONS = frozenset(
    "dementia alzheimer's alzheimers illness disability disabilities needs care caring "
    "condition diabetes epilepsy asthma sugars bloods".split())


def _a_persons_condition(sentence: Sentence, at: int) -> bool:
    """Whether the word at `at` is a person's condition or care ("her dementia", "Rita's
    needs"), so what is said of it is said of the person."""
    norms = sentence.words.norms
    if at < 1 or norms[at] not in CONDITIONS:
        return False
    return norms[at - 1] in POSSESSIVE_PERSON or (
        _possessive(sentence, at - 1) and classify(sentence, at - 1, at) == PERSON)


LABEL_DETERMINERS = frozenset("a an another the those these".split())
LETTING = frozenset("let lets letting".split())  # "Vera was a good girl, let her do it"
GROUP_DETERMINERS = frozenset("the those these".split())  # "took the oldies", not "had a tantrum"


def _a_label_object(sentence: Sentence, first: int, category: str) -> bool:
    """Whether the match is a noun phrase ("a frequent flyer") right after a doing verb."""
    norms = sentence.words.norms
    det = _own_phrase(sentence, first) - 1
    determiners = LABEL_DETERMINERS if category == "labels" else GROUP_DETERMINERS
    if det < 1 or norms[det] not in determiners or sentence.clause_break(det + 1) \
            or sentence.clause_break(det):
        return False
    return norms[det - 1] in DOING


def _owned_after(sentence: Sentence, at: int) -> bool:
    """Whether the word after "her" at `at` is a person or thing she owns ("her daughter")."""
    norms = sentence.words.norms
    after = at + 1
    if after >= len(norms) or sentence.clause_break(after):
        return False
    word = norms[after]  # a thing stays hers to be allowed: "isn't allowed her phone"
    return word in PERSON_NOUNS or word in FAMILY_OWNERS or word in NOT_SUPPORTED


def _named(sentence: Sentence, at: int) -> bool:
    """Whether the word at `at` names a person (a name, a person word), rather than being a
    pronoun that could be the worker's colleague; a capitalised word opening the sentence
    only if it is a known name ("Spent 40 mins feeding Dora": "Spent" is no one)."""
    if at < 0:
        return False
    word = sentence.words.norms[at]
    if word in PRONOUNS_PERSON:
        return False
    if sentence.sentence_break(at) and word not in sentence.people and word not in PERSON_NOUNS:
        return word in FIRST_NAMES
    return True


def _describes_thing_after(sentence: Sentence, last: int) -> bool:
    """Whether a match that is not a verb ("uncooperative", "frequent flyer") is followed by
    the thing or animal it describes ("weather", "dog", "miles")."""
    norms = sentence.words.norms
    word, after = norms[last], last + 1
    if after >= len(norms) or sentence.clause_break(after) or word.endswith(("ed", "ing")) \
            or word in PREPOSITIONS or word in POSSESSIVE_PERSON or word in DETERMINERS \
            or word in NUMBER_WORDS or word.isdigit():
        # "suffers from knee pain", "claims the night staff took it": what follows is the
        return False  # matter ("allowed her phone", "is allowed one glass of sherry")
    return norms[after] in OTHERS or norms[after] in TREATS  # "frequent flyer miles"


# Food and small pleasures a word may describe: "a naughty slice of cake".
TREATS = frozenset(
    "slice slices cake cakes biscuit biscuits treat treats snack snacks chocolate chocolates "
    "pudding dessert takeaway pint pints glass bottle wine gin".split())
TIMES = frozenset(
    "morning mornings day days afternoon evening evenings weekend weekends night nights "
    "week weeks".split())


def _names_a_thing_after(sentence: Sentence, last: int) -> bool:
    """Whether the match is the first part of a thing's name, right before it: "care call
    button", "double-up bus ticket"; not a possessive ("the service users' rota") nor a time
    ("a non-compliant day")."""
    after = last + 1
    norms = sentence.words.norms
    if after >= len(norms) or sentence.words.gap(after) != " " or norms[after] in TIMES:
        return False
    return (norms[after] in OTHERS and not norms[last].endswith(("ed", "ing"))
            and not sentence.raw(last).lower().endswith(("'s", "\u2019s")))


# Categories whose words are nouns for a person or what they do ("client", "tantrum"): they
# can be what a verb is done to ("took the oldies"), and they describe another noun when one
# follows ("client contract"); service words ("placement breakdown") stay the service's.
NAMING_CATEGORIES = frozenset(("labels", "infantilising", "medicalising"))
NOT_THINGS = frozenset(
    "everyone everybody someone somebody anyone anybody nobody everything something "
    "anything nothing".split())


def _a_noun_before_a_noun(sentence: Sentence, last: int) -> bool:
    """Whether the match ends in a noun that describes the noun right after it, the thing
    spoken of ("a client satisfaction survey", "the doubles darts final", "a tantrum
    ringtone"): not a person's word, not a verb's form, not a possessive."""
    norms = sentence.words.norms
    word, after = norms[last], last + 1
    if after >= len(norms) or sentence.words.gap(after) != " " or sentence.capitalised(after) \
            or sentence.raw(last).lower().endswith(("'s", "\u2019s", "'", "\u2019")) \
            or word not in known_words() or not _a_noun_reading(word) or _a_verb(word):
        return False
    following = norms[after]
    if following in CARE_NOUNS or following in TIMES or following in PRONOUNS_PERSON \
            or following in POSSESSIVE_PERSON or following in POSSESSIVE_WRITER \
            or following in NOT_THINGS:
        return False
    if _a_thing_named_after(sentence, after):
        return True
    then = norms[after + 1] if after + 1 < len(norms) else ""  # "client contract with"
    # "the elderly meets on", "two young offenders start on": a verb, not a compound; after
    # a group named by an adjective, any verb ("the elderly struggle with")
    verb_s = (following.endswith("s") or word.endswith("s") or word in GROUPS_OF_PEOPLE) \
        and _a_verb(following)
    return (following in known_words() and _a_noun_reading(following) and then in PREPOSITIONS
            and then != "to" and not sentence.capitalised(after) and not verb_s)


SLOT_ENDS = frozenset("am pm o'clock oclock".split())
GROUPS_OF_PEOPLE = frozenset(
    "elderly disabled vulnerable homeless poor sick blind deaf handicapped infirm".split())


def _of_an_institution_after(sentence: Sentence, last: int) -> bool:
    """Whether "from" or "at" and an acronym follow the match: "those people from BT"."""
    norms = sentence.words.norms
    at = last + 1
    if at + 1 >= len(norms) or norms[at] not in ("from", "at") or sentence.clause_break(at):
        return False
    raw = sentence.raw(at + 1)
    if raw.isupper() and len(raw) > 1 and norms[at + 1] not in PERSON_NOUNS:
        return True
    if norms[at + 1] != "the":
        return False  # "those people from the fire service", "that lot at the council"
    return norms[at + 2] in INSTITUTIONS or (norms[at + 3:at + 4] == ["service"]
                                              and norms[at + 2] in PUBLIC_SERVICES)


INSTITUTIONS = frozenset(
    "council councils brigade agency company police hospital surgery pharmacy department "
    "jobcentre ministry government insurer insurers dwp".split())
PUBLIC_SERVICES = frozenset("fire ambulance police probation prison civil".split())


WHERE = frozenset(("at", "in", "from", "near"))


def _where_someone_is(sentence: Sentence, first: int, last: int) -> bool:
    """Whether a numbered room or flat that opens the match comes after "at" or "in", so it
    is where the one before it is: "SU at flat 3 was asleep" (not "Flat 3 was asleep")."""
    norms = sentence.words.norms
    return first > 0 and first < last and norms[first] in ROOMS and norms[first + 1][:1].isdigit() \
        and norms[first - 1] in WHERE and not sentence.clause_break(first)


THING_DONE = frozenset(
    "cleaned deep-cleaned stripped serviced repaired painted fixed decorated redecorated "
    "hoovered mopped emptied refurbished aired carpeted recarpeted replaced inspected tiled "
    "plastered unblocked fumigated disinfected sanitised blitzed valeted damp-proofed "
    "rewired re-wired modernised renovated".split())
THING_DONE_BETWEEN = frozenset(
    "has have had been is are was were being needs need needed to be got gets getting just "
    "all finally deep properly already still now".split())
# A numbered place's fittings: "Flat 7 has a new intercom", "Beds 3 and 5 need new pressure
# mattresses", "Flat 8 and flat 9 both had the new smoke alarms fitted"
FITTINGS = frozenset(
    "mattress mattresses intercom intercoms alarm alarms detector detectors boiler boilers "
    "lock locks carpet carpets radiator radiators blind blinds curtain curtains tap taps "
    "bulb bulbs cooker cookers oven ovens heater heaters heating fan fans sensor sensors "
    "window windows door doors frame frames rail rails headboard headboards "
    "toilet toilets sink sinks shower showers wardrobe wardrobes slat slats brake brakes "
    "wheel wheels".split())
HAVING = frozenset("has have had needs need needed got gets getting".split())
FITTING_OPENERS = frozenset("a an the new two three both all its some replacement pressure "
                            "smoke fire grab broken faulty loose".split())
PLACE_LIST = frozenset("and bed beds room rooms flat flats bay bays the spare".split())


def _done_to_a_thing(sentence: Sentence, last: int) -> bool:
    """Whether what is said of the match is done to a room, a bed or a thing: "Bed 9 has been
    stripped and cleaned", "rooms 4 and 9 are being deep cleaned", "The hoist on the first
    floor is due its service" ("its": a thing's)."""
    norms = sentence.words.norms
    if "its" in norms[last + 1:last + 4] and not any(
            sentence.clause_break(k) for k in range(last + 1, min(len(norms), last + 4))):
        return True
    at = last + 1
    while at < len(norms) and at <= last + 5 and norms[at] in THING_DONE_BETWEEN \
            and not sentence.clause_break(at):
        at += 1
    if at > last + 1 and at < len(norms) and norms[at] in THING_DONE \
        and not sentence.clause_break(at):
        return True
    return "one" in norms[max(0, last - 4):last] and _is_a_thing(sentence, last) \
        or _a_places_fittings(sentence, last)


def _a_places_fittings(sentence: Sentence, last: int) -> bool:
    """Whether a numbered place (or a list of them) has or needs a fitting, or is done to:
    "Flat 7 has a new intercom", "Bed 2, bed 7 and the spare bed all stripped"."""
    norms = sentence.words.norms
    at = last + 1
    while at < len(norms) and at <= last + 8 and not sentence.sentence_break(at) and (
            norms[at] in PLACE_LIST or norms[at].isdigit() or norms[at] == "both"):
        at += 1  # past the rest of a list of places
    if at < len(norms) and norms[at] in ("on", "in") and not sentence.clause_break(at):
        verb = next((k for k in range(at + 1, min(len(norms), at + 8))
                     if norms[k] in HAVING or norms[k] in BE), -1)
        if verb > 0 and not any(sentence.clause_break(k) for k in range(at + 1, verb + 1)):
            at = verb  # "Bed 9 on Ward 12 has been stripped": past where the place is
    having = norms[last] in HAVING  # "Beds 3 and 5 need": the match ends on its verb
    while at < len(norms) and at <= last + 12 and not sentence.sentence_break(at):
        word = norms[at]
        if word in THING_DONE or (word in ("fitted", "installed", "ordering", "ordered")
                                  and having):
            return True
        if having and word in FITTINGS:
            return True
        if word in HAVING:
            having = True
        elif not (word in THING_DONE_BETWEEN or word in FITTING_OPENERS):
            return False
        at += 1
    return False


THING_STATES = frozenset("broken free empty locked faulty flat".split())
FURNISHINGS = frozenset(
    "sling chair chairs armchair armchairs laundry lamp office kitchen bathroom toilet cupboard "
    "store storeroom lounge bed mattress hoist shower bath table sofa settee telly tv "
    "fridge kettle window door key keys".split())


def _is_a_thing(sentence: Sentence, last: int) -> bool:
    """Whether "is" or "was" after "the one in room 12" says it is a thing or a thing's
    state ("is the better hoist sling", "is broken", "is the laundry")."""
    norms = sentence.words.norms
    at = last + 1
    if at >= len(norms) or norms[at] not in ("is", "was", "'s") or sentence.clause_break(at):
        return False
    at += 1
    if at < len(norms) and norms[at] in THING_STATES:
        return True
    while at < len(norms) and at <= last + 6 and not sentence.clause_break(at) and (
            norms[at] in DETERMINERS or norms[at] in DEGREE or norms[at] in ADJECTIVES
            or norms[at].endswith(("est", "er"))):
        at += 1
    return at < len(norms) and not sentence.clause_break(at) and (
        norms[at] in FURNISHINGS or (norms[at] in OTHERS and norms[at] not in PERSON_NOUNS))


def _a_number_before_a_thing(sentence: Sentence, last: int) -> bool:
    """Whether a match ending in a time or a number ("the 2am", "bay 3") is followed by a
    noun in its plain singular form, the thing it is the time or place of ("the 2am check"),
    not by what a person does ("Bed 4 wants", "my 9 o'clock is")."""
    norms = sentence.words.norms
    word, after = norms[last], last + 1
    timed = word in SLOT_ENDS or (word.endswith(("am", "pm")) and word[:1].isdigit())
    if not (timed or word[-1:].isdigit()) or after >= len(norms) \
            or sentence.words.gap(after) != " ":
        return False
    following = norms[after]
    if following in POSSESSIVE_PERSON or following in DETERMINERS or following in CONJUNCTIONS \
            or following in ("whether", "as", "since", "til", "till"):
        return False  # "Gave Bed 2 his painkillers": bed 2 is who was given them; "ask bed 15
        # whether she wants": a conjunction, not a thing
    if following in PERSON_NOUNS or following in sentence.people or following in WRITER \
            or following in PRONOUNS_PERSON or sentence.capitalised(after):
        return False
    if _a_plain_noun(following):
        return True
    then = norms[after + 1] if after + 1 < len(norms) else ""
    clock = timed or ((":" in word or "." in word) and word[:1].isdigit())
    if clock and following in ("to", "till", "until") and then[:1].isdigit():
        return True  # "the 7.30 to 9.30 slot": a stretch of time; not "flats 1 to 4"
    if timed and following.endswith("s") and following not in PEOPLE_AS_TASKS \
            and _a_plain_noun(following[:-1]) and (
                not _a_verb(following) or _a_plural_verb(then)):
        return True  # "my 8am alarms went off", "my 6 o'clock starts are": a plural thing
        # then its verb; not "my 10am needs more time" nor "the 8am doubles were late"
    return timed and following.endswith("ing") and _a_plain_noun(then)  # "Your 6 o'clock
    # training session"


PLURAL_VERBS = frozenset("are were aren't weren't have haven't do don't did didn't".split())


def _a_plural_verb(word: str) -> bool:
    """Whether the word is a verb that agrees with a plural subject: "are", "have", or a
    past form ("went", "started"), not "needs" nor "needing"."""
    from lemminflect import getAllLemmas

    if word in PLURAL_VERBS:
        return True
    lemmas = getAllLemmas(word).get("VERB", ())
    return bool(lemmas) and word not in lemmas and not word.endswith(("s", "ing"))


# Plurals that name people by the help they need: "the 8am doubles were late".
PEOPLE_AS_TASKS = frozenset("doubles singles double-ups hoists feeds".split())


@cache
def _a_plain_noun(word: str) -> bool:
    """Whether lemminflect knows the word as a noun in its own singular form and not as a
    verb's other form or a function word ("check", "mattress"; not "wants", "was", "in")."""
    from lemminflect import getAllLemmas

    kinds = getAllLemmas(word)
    if word not in kinds.get("NOUN", ()) or kinds.keys() & {"AUX", "ADV", "ADP", "PRON"}:
        return False
    return all(word in lemmas for lemmas in kinds.values())


def _be_before(sentence: Sentence, first: int) -> bool:
    """Whether a form of "be" (or "get") comes just before word first, "we're" included."""
    if first == 0:
        return False
    raw = sentence.raw(first - 1).lower().replace("\u2019", "'")
    return sentence.words.norms[first - 1] in BE or raw.endswith(("'re", "'m", "'s"))


def subject_before(sentence: Sentence, first: int) -> str | None:
    """The nearest noun or pronoun before word first in its clause; if the clause has none,
    the first one of the clause before (as in "The car broke down and refused to start")."""
    return _subject(sentence, first)[0]


def someone_before(sentence: Sentence, first: int) -> bool:
    """Whether who does or is it is surely a person: a pronoun, a person word, one of the
    entry's people, a titled name, or a capitalised word mid-sentence. A capitalised word
    that starts the sentence may be any noun ("Supervision was challenging")."""
    if _describes_thing_after(sentence, first):
        return False
    if sentence.words.norms[first] in PRONOUNS_PERSON and first < len(sentence.words.norms) - 1:
        return True  # the phrase holds its person: "she's hard work", "he was being difficult"
    kind, at = _subject(sentence, first)
    if kind != PERSON or at < 0:
        return False
    norms = sentence.words.norms
    word = norms[at]
    opens = at - 1 - (at > 1 and norms[at - 1] in TITLES)
    if opens >= 0 and norms[opens].endswith("ing") and sentence.sentence_break(opens) \
            and word not in PRONOUNS_PERSON:
        return False  # "Learning Welsh has been challenging": the doing is, not a person
    if word in sentence.people or word in PRONOUNS_PERSON or word in PERSON_NOUNS:
        return True
    if at > 0 and norms[at - 1] in TITLES:
        return True
    if not sentence.sentence_break(at):
        return True  # a capitalised word mid-sentence
    return not sentence.people and word in FIRST_NAMES  # "Grace was very challenging"


def _subject(sentence: Sentence, first: int) -> tuple[str | None, int]:
    """subject_before, with where the subject is (-1 when none is found)."""
    head = _own_phrase(sentence, first)
    norms = sentence.words.norms
    if head > 0 and norms[head - 1] in REPORTING_VERBS:
        return None, -1  # "GP letter says non compliant": said of the person, not the letter
    of = head - 1 - (head > 0 and norms[head - 1] in DETERMINERS)  # "a bit of (a) ..."
    if of >= 0 and norms[of] == "like" and not sentence.clause_break(of + 1) \
            and not sentence.clause_break(of):  # "kept her aids in all day like a good
        return _first_in_clause(sentence, of)  # girl": who is likened is the clause's subject
    if of > 0 and norms[of] == "of" and norms[of - 1] in QUANTIFIERS:
        head = of - 1  # "I'm a bit of a burden": the subject is before "a bit of"
        head -= head > 0 and norms[head - 1] in DETERMINERS
    elif head > 0 and norms[head - 1] in PREPOSITIONS - {"to"}:
        if head > 1 and norms[head - 2] in NOT_SUPPORTED and not sentence.clause_break(head - 1):
            return WRITER_SIDE, head - 2  # "her granddaughter in her nappy"
        return None, -1  # "an incident of aggression": a noun after a preposition
    at, limit = head, max(0, first - SCAN)
    while at > limit:
        if sentence.sentence_break(at):
            return None, -1
        if sentence.clause_break(at):  # "Pat ate her porridge, good girl": the clause before
            if at == head and norms[at - 1] in TIME_HEADINGS and ":" in sentence.words.gap(at):
                return None, -1  # "Evening: took them out": when, not who did it
            if norms[at - 1] in SHIFT_HEADINGS and sentence_around(sentence, at)[0] >= at - 3:
                return None, -1  # "Bank shift, three to feed at lunch": the shift, a heading
            if norms[at] in ("and", "or") and at == head - 1:
                shared = _shared_be(sentence, at)  # "the referee was difficult and
                if shared is not None:  # manipulative", "was tired, rude and demanding"
                    return _subject(sentence, shared + 1)
            return _first_in_clause(sentence, at)
        at -= 1
        kind = classify(sentence, at, head)
        if kind == OTHER and _an_object(sentence, at):
            continue  # "Mabel's pressing the buzzer again just for attention": not the buzzer
        if kind is not None and not _in_phrase_after_preposition(sentence, at):
            if norms[at] == "who" and at > 0 and not sentence.clause_break(at):
                before = classify(sentence, at - 1, at)  # "staff who refuse overtime"
                if before is not None:
                    return before, at - 1
                if at > 2 and norms[at - 2:at] == ["the", "one"] and _i_am(norms, at - 3):
                    return WRITER_SIDE, at - 3  # "I was the one who kicked off"
            return _antecedent(sentence, at) or (_owner_of_relative(sentence, at) or kind, at)
    return None, -1


COPULAS = frozenset("is was are were be been being am 's".split())
SHIFT_HEADINGS = frozenset("shift nights lates earlies sleep-in".split())
TIME_HEADINGS = frozenset(
    "morning evening afternoon night lunch lunchtime tea teatime breakfast dinner supper "
    "bedtime am pm call visit today tonight monday tuesday wednesday thursday friday "
    "saturday sunday".split())


def _be_a(sentence: Sentence, subject: int, first: int) -> bool:
    """Whether "is", "was" or the like joins the subject at `subject` to the match at first,
    with only small words between it and the match ("is the most manipulative")."""
    norms = sentence.words.norms
    at = first - 1
    while at > subject and (norms[at] in BETWEEN_BE or norms[at] in DEGREE):
        at -= 1
    return at > subject and (norms[at] in COPULAS or norms[at] in I_AM)  # not "we've got a"


def _shared_be(sentence: Sentence, conjunction: int) -> int | None:
    """Where the "is" or "was" is that the words joined by "and" or "or" at conjunction
    share ("was tired, rude and demanding"), when only words that describe stand between;
    None otherwise."""
    norms = sentence.words.norms
    at = conjunction - 1
    while at > max(0, conjunction - 6):
        if sentence.sentence_break(at + 1):
            return None
        word = norms[at - 1]
        if word in BE and at < conjunction:
            return at - 1
        if classify(sentence, at, conjunction) is not None or word in CONJUNCTIONS \
                or not word.isalpha():
            return None
        at -= 1
    return None


DOING = frozenset(
    "got get gets have has had see saw seen met meet visited visit took take takes gave "
    "give gives made make pressed press presses used use uses brought bring".split())


def _an_object(sentence: Sentence, at: int) -> bool:
    """Whether the noun at `at` is what a verb is done to ("pressing the buzzer", "took the
    car"), so the one doing it is further back."""
    norms = sentence.words.norms
    det = at - 1
    if det < 1 or norms[det] not in DETERMINERS or sentence.clause_break(det + 1) \
            or sentence.clause_break(det):
        return False
    verb = norms[det - 1]
    return verb not in BE and (verb.endswith("ing") or verb in DOING)


def _antecedent(sentence: Sentence, at: int) -> tuple[str, int] | None:
    """For a noun inside a relative clause ("people who need two carers are a burden"), the
    noun the clause is about: the one before "who" or "which"."""
    norms = sentence.words.norms
    for back in range(at - 1, max(0, at - 6), -1):
        if sentence.clause_break(back + 1) and norms[back + 1] not in ("who", "which"):
            return None
        if norms[back] in ("who", "which"):
            kind = classify(sentence, back - 1, back)
            return (kind, back - 1) if kind is not None else None
    return None


def _owner_of_relative(sentence: Sentence, at: int) -> str | None:
    """For "I" or "we" right after a noun ("the people I support are allowed to"), the
    noun: the writer is inside a relative clause about it."""
    norms = sentence.words.norms
    if at == 0 or norms[at] not in ("i", "we") or sentence.clause_break(at):
        return None
    if sentence.sentence_break(at - 1) and norms[at - 1] in THINKING:
        return None  # "Think I was attention seeking at handover": the writer's own doubt
    return classify(sentence, at - 1, at)


THINKING = frozenset("think thought reckon guess suppose maybe perhaps probably".split())


def _in_phrase_after_preposition(sentence: Sentence, at: int) -> bool:
    """Whether the noun at `at` follows a preposition ("families in the north of the
    borough": not the borough), so the subject is further back."""
    norms = sentence.words.norms
    back = at - 1
    if sentence.capitalised(at) and norms[at] not in sentence.people:
        while back > 0 and back > at - 3 and sentence.capitalised(back) \
                and not sentence.clause_break(back + 1) and not sentence.sentence_break(back):
            back -= 1  # "the washing machine at Oak House is": a place's name
    elif back > 0 and norms[back] in TITLES:
        back -= 1  # "the washing machine at Mrs Hart's was"
    if back >= 0 and norms[back] in DETERMINERS | POSSESSIVE_PERSON | POSSESSIVE_WRITER:
        back -= 1
    if back > 0 and norms[back] == "of" and norms[at] in PERSON_NOUNS and (
            norms[back - 1] in NUMBER_WORDS or norms[back - 1] in PARTITIVES):
        return False  # "Two of the lads absconded": the lads did
    return (back >= 0 and norms[back] in PREPOSITIONS and norms[at] not in PRONOUNS_PERSON
            and (not sentence.clause_break(back + 1) or (  # "on that estate": a determiner
                norms[back + 1] == "that" and back + 1 < at and not sentence.capitalised(at)
                and norms[at] not in sentence.people and norms[at] not in PERSON_NOUNS
                and CLAUSE_MARKS.isdisjoint(sentence.words.gap(back + 1)))))


# Words that take part of a group with "of": "some of the residents", "most of them".
PARTITIVES = frozenset("all both each some any none either neither most many few several "
                       "half one lots lot loads majority couple plenty".split())


def _own_phrase(sentence: Sentence, first: int) -> int:
    """Where the match's own noun phrase starts: "a real tantrum" starts at "real" (the
    determiner "a" before it then owns the match, not a thing); first if it has none."""
    at = first
    while at > max(0, first - 3) and not sentence.clause_break(at):
        word = sentence.words.norms[at - 1]
        if word in DETERMINERS or word in POSSESSIVE_PERSON or word in POSSESSIVE_WRITER:
            return at
        if not (word in ADJECTIVES or word.endswith(ADJECTIVE_ENDINGS)
                or word in NUMBER_WORDS or _a_name_as_a_kind(sentence, at - 1)):
            return first  # "the taxi driver refused": not the match's own words
        # "our two little old dears"; "a total Strictly addict": what kind, not who
        at -= 1
    return first


def _a_name_as_a_kind(sentence: Sentence, at: int) -> bool:
    """Whether a word inside a noun phrase says what kind: a capitalised one after "a", "an"
    or an adjective ("a Strictly addict", "a total Minecraft addict"), or a noun right after
    "a" or "an" ("a heroin addict"); never at a sentence's start."""
    if at < 1 or sentence.sentence_break(at):
        return False
    before = sentence.words.norms[at - 1]
    if not sentence.capitalised(at):  # "a heroin addict", "an alcohol user"
        word = sentence.words.norms[at]
        return before in ("a", "an") and word in known_words() and _a_noun_reading(word) \
            and word not in WRITER and word not in PERSON_NOUNS and word not in NOT_SUPPORTED
        # but "a colleague kicked off": who did it
    return before in ("a", "an") or before in ADJECTIVES or before in DEGREE \
        or before in ("total", "real", "proper", "right", "massive", "huge", "big")


def _first_in_clause(sentence: Sentence, end: int) -> tuple[str | None, int]:
    """The first noun or pronoun of the clause that ends before word end."""
    start = end - 1
    while start > max(0, end - SCAN) and not sentence.clause_break(start):
        start -= 1
    norms = sentence.words.norms
    if 0 < start < end and norms[start] in ("a", "an") and "," in sentence.words.gap(start) \
            and "," in sentence.words.gap(end) and norms[start - 1] in sentence.people:
        return PERSON, start - 1  # "Mrs Rowlands, a retired teacher from Aberaeron, suffers
        # from": the words between the commas only say who she is
    for at in range(start, end):
        kind = classify(sentence, at, end)
        if kind is not None:  # "the service user": the last word of a compound is its head
            following = norms[at + 1] if at + 1 < end else ""
            if following in PERSON_NOUNS and norms[at] in POSSESSIVE_WRITER:
                return classify(sentence, at + 1, end) or PERSON, at + 1  # "my nan": ours
            return (PERSON if following in PERSON_NOUNS else kind), at
    return None, -1


def object_after(sentence: Sentence, first: int, last: int) -> str | None:
    """Who a verb matched at words first..last is done to: a pronoun in the match ("allowed
    him to"), or the pronoun or noun that follows it."""
    norms = sentence.words.norms
    if any(norms[at] in ("him", "her", "them") or norms[at] in sentence.people
           or (at > first and sentence.capitalised(at)) for at in range(first, last)):
        return PERSON  # "allowed him to", "took Mikey out": the person is in the match
    if norms[last] in sentence.people or (sentence.capitalised(last)
                                          and not sentence.sentence_break(last)):
        return PERSON  # "let Daisy": a name in the pronoun's place
    word = norms[last]
    if word in ("him", "them") or word in EVERYONE or (last > first and word in PERSON_NOUNS):
        return PERSON  # "to feed everyone on the unit", "fed three people at teatime"
    at = last if word in POSSESSIVE_PERSON else last + 1
    end = min(len(norms), last + 1 + SCAN // 2)
    while at < end:
        if at > last and sentence.clause_break(at):
            return None
        word = norms[at]
        if word in POSSESSIVE_PERSON:
            following = norms[at + 1] if at + 1 < len(norms) else ""
            owned = following in OTHERS and not sentence.clause_break(at + 1)
            return OTHER if owned else PERSON
        if word not in DETERMINERS:
            kind = classify(sentence, at, at, generic=False)
            if kind is not None or at > last + 2:
                return kind
        at += 1
    return None


MOST = frozenset(("most", "more", "least"))


def classify(sentence: Sentence, at: int, match: int, generic: bool = True) -> str | None:
    """PERSON, OTHER, or None when the word at `at` is not a noun or pronoun we can place.
    match is where the matched wording starts (a determiner just before it owns it);
    generic: a word after "the", "a" or "my" counts as a thing ("the fire door")."""
    norms = sentence.words.norms
    word = norms[at]
    before = norms[at - 1] if at > 0 and not sentence.sentence_break(at) else ""
    if word in sentence.people or before in TITLES:
        return PERSON
    if word in POSSESSIVE_PERSON:
        return PERSON if at + 1 == match else None
    if word == "my" and at + 2 < len(norms) and norms[at + 1] in BROOD \
            and _a_verb(norms[at + 2]) and not sentence.clause_break(at + 2):
        return WRITER_SIDE  # "My two kicked off at bedtime": the writer's own children
    if word in POSSESSIVE_WRITER and at + 1 == match and at + 1 < len(norms) \
            and (norms[at + 1] in NUMBER_WORDS or norms[at + 1] in FOND):
        return None  # "Rose and Elsie, our two little old dears": ours to care for, not us
    if word in POSSESSIVE_WRITER and at + 2 == match and norms[at + 1] in MOST:
        return None  # "Our most difficult lady", "one of our more challenging young people"
    if word in PERSONS_OWN:
        return PERSON  # "Jade's behaviour escalated": the person's own
    if word in QUANTIFIERS and at + 1 < len(norms) and norms[at + 1] != "of":
        return None  # "Brenda being a bit naughty": how much, not who
    if word in PERSON_NOUNS:
        if before in TRADES:
            return WRITER_SIDE  # "the bin men", "the delivery man": not people we support
        if before == "little" and word not in CARE_NOUNS:
            return OTHER  # "Jade's little boy": a small child, not a person we support
        if before in RELATIVES and at > 1 and norms[at - 2] in POSSESSIVE_WRITER \
                and _possessive(sentence, at - 1):
            return WRITER_SIDE  # "My sister's family aren't like us": the writer's family's
        if word in CHILD_NOUNS and (_children_elsewhere(sentence, at) or (
                (before in NOT_SUPPORTED or before in FAMILY_OWNERS)
                and _possessive(sentence, at - 1))):
            return WRITER_SIDE  # "the kids next door", "the neighbour's kids"
        own = (before == "own" or before in OWN_AGES) and at > 1 \
            and norms[at - 2] in POSSESSIVE_WRITER  # "my own kids", "my teenage daughter"
        mine = (before in POSSESSIVE_WRITER or own) and word not in CARE_NOUNS
        return WRITER_SIDE if mine else PERSON
    if word == "door" and before == "next":
        return None  # "the man next door"
    if word in WRITER or word in NOT_SUPPORTED:
        return WRITER_SIDE
    if word in PRONOUNS_OTHER or word in OTHERS:
        return OTHER
    if word in PRONOUNS_PERSON:
        return PERSON
    if (word in DETERMINERS or word in CONJUNCTIONS or word in BE or word in NEGATORS
            or word in NOT_NOUNS):
        return None
    raw = sentence.raw(at)
    if raw.isupper() and len(raw) > 1:
        return OTHER  # NHS, DWP, GP: an acronym that is not a person word is an institution
    if at > 0 and raw[:1].isupper() and word not in sentence.people and not raw.isupper() \
            and sentence.raw(at - 1).isupper() and len(sentence.raw(at - 1)) > 2 \
            and sentence.raw(at - 1).isalpha() and norms[at - 1] not in WRITER:
        return OTHER  # "HMP Bristol has been resistant", "NHS Lothian": an institution's name
    adverb = word.endswith("ly") and sentence.sentence_break(at)  # "Sadly", not "Sally"
    if sentence.sentence_break(at) and len(word) > 5 \
            and word.endswith("ing") and at + 1 < len(norms) and word not in sentence.people \
            and (norms[at + 1] in AFTER_BE or norms[at + 1] in NEGATORS):
        return OTHER  # "Smoking is not allowed": a doing, not a name ("Feeling a burden, she")
    if raw[:1].isupper() and sentence.sentence_break(at) and len(word) > 5 \
            and word.endswith("ing") and word not in sentence.people \
            and word not in FIRST_NAMES and word in known_words():
        ahead = norms[at + 1:at + 4]
        if any(w in sentence.people or w in PRONOUNS_PERSON for w in ahead):
            return None  # "Caring for Joan has become a burden": said of Joan
        return OTHER  # "Training kicked off at 6": a doing, not a name
    if word.endswith("s") and word[:-1] in sentence.people:
        return PERSON  # "Doreens been a right burden": "Doreen's" without its apostrophe
    if raw[:1].isupper() and sentence.sentence_break(at) and at + 1 < len(norms) \
            and norms[at + 1] == "of" and word not in sentence.people \
            and word not in FIRST_NAMES and word in known_words() and _a_noun_reading(word):
        return OTHER  # "Price of bread has escalated"
    if raw[:1].isupper() and word not in sentence.people \
            and word not in FIRST_NAMES and sentence.sentence_break(at) \
            and word in known_words() and _a_noun(word) and (
                sentence.people or (word not in EVERYONE and word not in PLACES_AS_PEOPLE
                                    and word not in PEOPLE_WORDS and word not in LABEL_PEOPLE
                                    and _a_noun_reading(word))):
        return OTHER  # "Price of bread has escalated": a word, when the entry names others
    if raw[:1].isupper() and word in BUILDINGS and at > 0 and sentence.capitalised(at - 1) \
            and not sentence.sentence_break(at):
        return OTHER  # "Cedar House is managed by": a place's name, not a person's
    if raw[:1].isupper() and word not in sentence.people and word not in FIRST_NAMES \
            and _owned_thing(sentence, at):
        return OTHER  # "Bert's old Ford refused to start": a thing of Bert's, not a name
    if raw[:1].isupper() and word not in NOT_NAMES and not adverb:
        if at + 1 < match and _a_thing_named_after(sentence, at + 1):
            return OTHER  # "the Three Peaks walk was challenging": the walk, not a name
        if (before in WRITER or before in NOT_SUPPORTED or before in STAFF_WORDS) \
                and ":" not in sentence.words.gap(at):
            return WRITER_SIDE  # "my colleague Jo", "the driver Dave", "our new team leader
            # Raj" (not "Staff: Jo")
        if before in RELATIVES and at > 1 and norms[at - 2] in POSSESSIVE_WRITER \
                and word not in sentence.people and sentence.words.gap(at) == " ":
            return WRITER_SIDE  # "My son Josh refused to go to school", "my brother Kane"
        return OTHER if before in OTHERS else PERSON  # a name ("our dog Biscuit": a pet's)
    if word in NUMBER_WORDS or word.isdigit() or word in DEGREE:
        return None  # "our two little old dears": how many, not what; "a very difficult"
    if word in LABEL_PEOPLE:
        return PERSON  # "our epileptic had 2 fits": a label for a person is a person
    if generic and before in LABEL_DETERMINERS and at < match and word in PARTICIPLES:
        return None  # "a known absconder": how the label is held, not a thing
    if generic and (before in DETERMINERS or before in POSSESSIVE_WRITER
                    or (_possessive(sentence, at - 1) and not word.endswith("ing")
                        and word in known_words() and (_a_noun_reading(word) or _headed(
                            sentence, at)))):  # not "Dot's gone"; "Pearl's tin of biscuits"
        return OTHER  # "the fire door", "my car", "the shop's card machine"
    if generic and before in ADJECTIVES and at > 1 and _possessive(sentence, at - 2) \
            and word in known_words() and _a_noun(word):
        return OTHER  # "Leah's new job"
    if generic and at > 1 and before.endswith("ing") and not sentence.capitalised(at - 1) \
            and _possessive(sentence, at - 2) and not sentence.clause_break(at - 1) \
            and word in known_words() and _a_noun(word) and not word.endswith("ing"):
        return OTHER  # "Rhiannon's kickboxing class kicks off": an activity's class
    return None


def _owned_thing(sentence: Sentence, at: int) -> bool:
    """Whether the word at `at` comes right after an owner, with only words that describe
    between ("Bert's old Ford", "his new Kindle"): something owned, not a person's name."""
    norms = sentence.words.norms
    back = at - 1
    while back >= 0 and norms[back] in ADJECTIVES and not sentence.clause_break(back + 1):
        back -= 1
    if back < 0 or sentence.clause_break(back + 1):
        return False
    return norms[back] in POSSESSIVE_PERSON or norms[back] == "my" or _possessive(sentence, back)


BUILDINGS = frozenset(
    "house lodge court hall centre center manor grange surgery hospital school ward unit "
    "gardens view place road lane street close avenue drive park trust council college "
    "mews villa villas cottage cottages farm".split())
PARTICIPLES = frozenset("known so-called self-confessed proper real right total".split())
FOND = frozenset("little lovely sweet dear old".split())  # "our little old dears"
ALL_WORDS = frozenset("all both each every some any no none either neither".split())


def _a_thing_named_after(sentence: Sentence, at: int) -> bool:
    """Whether the word at `at`, right after a capitalised word, is a lowercase noun that the
    name describes ("Peaks walk", "Everton match"): a noun that is not a verb, or one that
    "is" or "was" follows ("walk was")."""
    norms = sentence.words.norms
    word = norms[at]
    if sentence.capitalised(at) or sentence.clause_break(at) or word in PERSON_NOUNS \
            or word in sentence.people or word in NOT_NAMES or word in PREPOSITIONS \
            or word in QUANTIFIERS or word in ALL_WORDS or word not in known_words() \
            or not _a_noun(word):
        return False
    following = norms[at + 1] if at + 1 < len(norms) else ""
    return not _a_verb(word) or following in AFTER_BE


@cache
def _a_verb(word: str) -> bool:
    """Whether lemminflect knows the word as a verb or an auxiliary."""
    from lemminflect import getAllLemmas

    return not {"VERB", "AUX"}.isdisjoint(getAllLemmas(word))


def _headed(sentence: Sentence, at: int) -> bool:
    """Whether "of" or "is" follows the word at `at`, so it heads a noun phrase ("tin of")."""
    norms = sentence.words.norms
    return at + 1 < len(norms) and (norms[at + 1] == "of" or norms[at + 1] in AFTER_BE)


DEGREE = frozenset("very really quite rather so most more too fairly pretty extremely".split())
LABEL_PEOPLE = frozenset(
    "epileptic epileptics diabetic diabetics depressive depressives schizophrenic "
    "schizophrenics asthmatic asthmatics amputee amputees sufferer sufferers".split())
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve both".split())


@cache
def _an_adjective(word: str) -> bool:
    """Whether lemminflect knows the word as an adjective ("demented", "challenging")."""
    from lemminflect import getAllLemmas

    return "ADJ" in getAllLemmas(word)


@cache
def _a_noun_reading(word: str) -> bool:
    """Whether lemminflect knows the word as a noun and not as an adverb or an auxiliary
    ("tin", "bag"; not "gone", "well")."""
    from lemminflect import getAllLemmas

    kinds = set(getAllLemmas(word))
    return "NOUN" in kinds and not kinds & {"ADV", "AUX", "INTJ", "PROPN"}


def a_noun(word: str) -> bool:
    """_a_noun, for the name matcher."""
    return _a_noun(word)


@cache
def _a_noun(word: str) -> bool:
    """Whether lemminflect knows the word as a noun and not as an adverb, an adjective or an
    interjection ("Price", not "Well" or "Sadly")."""
    from lemminflect import getAllLemmas

    kinds = set(getAllLemmas(word))
    return "NOUN" in kinds and not kinds & {"ADV", "ADJ", "INTJ", "PROPN"}


def _children_elsewhere(sentence: Sentence, at: int) -> bool:
    """Whether the child word at `at` is followed by where the children are from: "next
    door", "from the school", "at the next table"."""
    norms = sentence.words.norms
    after = norms[at + 1:at + 4]
    if not after or sentence.clause_break(at + 1):
        return False
    if after[0] == "next" and len(after) > 1 and after[1] == "door":
        return True
    return after[0] in ("from", "at", "in") and any(
        norms[place] in CHILD_PLACES and not sentence.capitalised(place)
        for place in range(at + 2, min(len(norms), at + 4)))  # not "the lads from Larch
    # Road": a house by its address, where the people supported live


def _possessive(sentence: Sentence, at: int) -> bool:
    """Whether the word at `at` is an owner ("the shop's"), not a contraction ("he's")."""
    if at < 0 or sentence.words.norms[at] in NOT_OWNERS:
        return False
    return sentence.raw(at).lower().endswith(("'s", "\u2019s"))


# -- quotation, mention, negation, names -----------------------------------------------------
def quoted(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the match sits inside quotation marks (straight or curly; an apostrophe
    inside a word, or after a plural's s, opens nothing)."""
    start, end = sentence.words.starts[first], sentence.words.ends[last]
    return any(opening < start and (end <= closing or start < closing < end)
               for opening, closing in sentence.quotations())  # or its first word: '"placed" with'


def quotations(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the quotations in text: each closes on its own line and
    within QUOTE_SPAN characters, and a mark that neither opens nor closes is skipped."""
    found: list[tuple[int, int]] = []
    if QUOTE_MARKS.search(text) is None:
        return found
    waiting: list[tuple[int, str]] = []  # open quotations: where, and what closes them
    for mark in QUOTE_MARKS.finditer(text):
        at, char = mark.start(), mark.group()
        if char == "\n":
            waiting.clear()
            continue
        if char in CLOSERS and _closes(text, at):
            for index in range(len(waiting) - 1, -1, -1):
                opening, closers = waiting[index]
                if char in closers and at - opening <= QUOTE_SPAN:
                    found.append((opening, at))
                    del waiting[index:]
                    break
            else:
                if char in QUOTES and _opens(text, at):
                    waiting.append((at, QUOTES[char]))
            continue
        if char in QUOTES and _opens(text, at):
            waiting.append((at, QUOTES[char]))
    return found


def _opens(text: str, at: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return not before.isalnum() and (after.isalnum() or after in "\u2026")


def _closes(text: str, at: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isalnum() or before in ".,!?\u2026") and not after.isalnum()


def mentioned(sentence: Sentence, first: int) -> bool:
    """Whether words just before the match name it as a word: "the word", "the term",
    "called her a", "called Mr Pearce a", "described as", "I nearly wrote", "labelled"."""
    norms = sentence.words.norms
    feeling = (first - 2 if first > 1 and norms[first - 1] in ("like", "a", "an")
               and norms[first - 2] in FEELING else
               first - 1 if first and norms[first - 1] in FEELING else -1)
    if feeling > 0 and norms[feeling - 1] not in WRITER:
        return True  # "she feels like a burden": her own word for how she feels
    if feeling == 0:
        return True  # "Feel like a burden asking for another weekend off": the writer's own
    if "why" in norms[max(0, first - 8):first] and _why_we_say(sentence, first):
        return True  # "why we write that someone won't engage"
    if _struck_out(sentence, first) or _nearly_wrote_that(sentence, first):
        return True  # "I crossed out non-compliant", "about to write that Len refused"
    if _instead_of(sentence, first) and "saying" in norms[max(0, first - 8):first]:
        return True  # "I've started saying Mr Pearson instead of Bed 4": the word given up
    if _said_and_disliked(sentence, first):
        return True  # "Hassan's mum hates it when people say he's an epileptic"
    if _used_to_think(sentence, first):
        return True  # "I used to think self harm was attention seeking until I met Parveen"
    if first > 1 and norms[first - 1] in HEARING and norms[first - 2] in HOLDING_BACK \
            and not sentence.clause_break(first):
        return True  # "keep hearing us and them in the staff room", "hate hearing bless her"
    if first > 1 and norms[first - 1] == "into" and norms[first - 2] in SLIPPING:
        return True  # "I notice I slip into them and us when I'm tired": a habit, reflected on
    if _saying_given_up(sentence, first):
        return True  # "Stop saying the canal lads are hard to reach"
    if _caught_myself(sentence, first):
        return True  # "Caught myself telling Cyril he'd been naughty, he's an ex RAF engineer"
    if _named_as(sentence, first) or _in_a_list_of_words(sentence, first):
        return True  # "referred to the lads here as those people", "the DEEP list: sufferer"
    called = first > 1 and norms[first - 1] in ("a", "an") and not MENTION_CUES.isdisjoint(
        norms[max(0, first - 10):first - 5]) and _called_a_place(sentence, first)
    if MENTION_CUES.isdisjoint(norms[max(0, first - 5):first]) and not called:
        return False  # most matches: no cue anywhere near
    at, skipped, plain = first - 1, 0, True  # plain: only filler words skipped so far
    most = 4 if first and norms[first - 1] in ("a", "an", "as") else 3  # "call her X a bib",
    # "referred to Mr Price as demented"
    if called or (most == 4 and _called_a_place(sentence, first)):
        most = 8  # "stop calling the empty flat at Linden Court a void"
    while at >= 0 and skipped <= most and not sentence.clause_break(at + 1):
        word = norms[at]
        before = norms[at - 1] if at > 0 else ""
        if word in NAMING_VERBS and (before not in DETERMINERS or word.endswith("ing")) \
                and not before.isdigit() and norms[at + 1] not in ("out", "back", "round") \
                and not _a_care_call(sentence, at) \
                and (word != "known" or norms[at + 1] == "as"):  # not "the call", "known for"
            return not any(norms[k] in BE for k in range(at + 1, first))
        if word in MENTION_NOUNS and plain and before in DETERMINERS | POSSESSIVE_WRITER:
            return True  # "the word", "that phrase"; not "a long term sufferer"
        if word in ("like", "as") and skipped <= 1 and (before in MENTION_NOUNS or (
                before == "such" and at > 1 and norms[at - 2] in MENTION_NOUNS)):
            return True  # "words like challenging", "terms such as"
        if word in WRITING_VERBS:
            held = before in HOLDING_BACK or _instead_of(sentence, at) or (
                before == "to" and at > 1 and norms[at - 2] in STARTED_TO
            ) or _halfway_through(norms, at)  # "about to write that Len refused"
            return skipped == 0 or norms[at + 1] in ("down", "it") or held
        if word == "put" and skipped == 0 and (before in HOLDING_BACK or before in CANNOT) \
                and _a_document_after(sentence, first):
            return True  # "we cant put SU in the notes anymore", "nearly put it on the form"
        if word in SAYING_VERBS:  # "I nearly said", "we stopped saying", "he said nappy"
            held = before in HOLDING_BACK or _instead_of(sentence, at) or (
                before == "to" and at > 1 and norms[at - 2] in ("not", "never")) or (
                before == "me" and at > 1 and norms[at - 2] in OVERHEARD) or _halfway_through(
                norms, at)  # "not to say", "a
            # relative overheard me say Paddy was playing up"
            if 1 <= skipped <= 2 and (norms[at + 1] in PRONOUNS_PERSON | WRITER
                                      or norms[at + 1] in sentence.people
                                      or sentence.capitalised(at + 1)) and all(
                    norms[k] in SAID_AUX for k in range(at + 2, first)
                    if norms[k] not in TITLES and not sentence.capitalised(k)):
                return held  # "nobody says they mobilised", "instead of saying Ivy refused",
                # "she would never say she was toileted"
            return skipped == 0 and (held or before in HABIT or _said_as_a_word(sentence, at))
        if word == "instead" or (word == "than" and at > 0 and norms[at - 1] == "rather"):
            return skipped == 0 or (skipped == 1 and norms[at + 1] == "of")
        plain = plain and (word in NAMING_FILLER or word in TITLES
                           or sentence.capitalised(at) or word in sentence.people)
        at, skipped = at - 1, skipped + (word not in TITLES)  # "calls Mr Dlamini's old room a
        # void": a title is part of the name
    return False


CALL_KINDS = frozenset("bedtime morning lunch lunchtime tea teatime evening night late early "
                       "double single welfare care phone first last next breakfast".split())


def _a_care_call(sentence: Sentence, at: int) -> bool:
    """Whether "call" or "calls" at `at` is a visit, not a naming: "Bogdan's bedtime call is
    now a double-up", "Mr Field's calls have gone to double-up"."""
    if sentence.words.norms[at] not in ("call", "calls") or at == 0:
        return False
    before = sentence.words.norms[at - 1]
    return before in CALL_KINDS or sentence.raw(at - 1).lower().replace(
        "\u2019", "'").endswith("'s")


PLACE_WORDS = frozenset("flat room house bungalow home bedroom unit place property".split())


def _called_a_place(sentence: Sentence, first: int) -> bool:
    """Whether a naming verb and a place ("the empty room at Ash Lodge") come before "a"
    and the match, with no verb or clause mark between: calling a place by the word."""
    norms = sentence.words.norms
    place = False
    for at in range(first - 2, max(-1, first - 10), -1):
        if sentence.clause_break(at + 1):
            return False
        word = norms[at]
        if word in NAMING_VERBS:
            return place
        place = place or word in PLACE_WORDS
        if word in BE or (not sentence.capitalised(at) and word not in NAMING_FILLER
                          and word not in PREPOSITIONS and word not in PLACE_WORDS
                          and word not in ADJECTIVES and not word.endswith(ADJECTIVE_ENDINGS)
                          and word not in ("empty", "old", "spare", "new")):
            return False
    return False


DISLIKING = frozenset("hate hates hated hating dislike dislikes disliked objects objected "
                      "corrected corrects".split())
TELLING_OFF = frozenset(("pulled", "picked", "told", "tells", "pulls", "picks"))
HEARD_SAYING = frozenset("say says saying said hearing".split())
DISLIKE_CUES = DISLIKING | TELLING_OFF


LIST_NOUNS = MENTION_NOUNS | frozenset(("list", "lists"))


def _named_as(sentence: Sentence, first: int) -> bool:
    """Whether "as" (with "a", "an" or "the" and a describing word or two) comes just before
    the match, after a naming verb up to eight words back in its clause: "referred to the
    lads here as those people", "described Mr Okon as a dementia sufferer"."""
    norms = sentence.words.norms
    at = first - 1
    while at > 0 and first - at <= 3 and norms[at] != "as" and not sentence.clause_break(at + 1):
        at -= 1
    if at <= 0 or norms[at] != "as" or sentence.clause_break(at + 1):
        return False
    for verb in range(at - 1, max(-1, at - 9), -1):
        if sentence.clause_break(verb + 1):
            return False
        if norms[verb] in NAMING_VERBS and norms[verb] not in ("known", "listed", "lists"):
            return verb == 0 or norms[verb - 1] not in WRITER_SAYS  # not "I'd describe him as"
    return False


WRITER_SAYS = frozenset("i i'd id we we'd wed would".split())


def _in_a_list_of_words(sentence: Sentence, first: int) -> bool:
    """Whether the match is one item of a list after "list:" or "words:" (or "words I'm
    trying to drop:"), with only other short items between: "In training we went through the
    DEEP list: sufferer, senile"."""
    norms, words = sentence.words.norms, sentence.words
    if ":" not in sentence.text[words.starts[max(0, first - 12)]:words.starts[first]]:
        return False  # most matches: no colon in the words before them
    at, items = first, 0
    while at > 0 and first - at < 12:
        gap = words.gap(at)
        if ":" in gap:
            return norms[at - 1] in LIST_NOUNS or (
                first - at < 6 and not LIST_NOUNS.isdisjoint(norms[max(0, at - 7):at - 1])
                and not any(sentence.sentence_break(k) for k in range(max(1, at - 7), at)))
        if any(mark in gap for mark in ".!?;"):
            return False
        if "," in gap or norms[at - 1] in ("and", "or"):
            items += 1
        at -= 1
    return False


def _pair_before(sentence: Sentence, first: int, reach: int, earlier: frozenset[str],
                 later: frozenset[str], clause: bool) -> bool:
    """Whether a word of `later`, right after a word of `earlier`, comes up to `reach` words
    before the match, with no sentence break (or, with clause, no clause break) between."""
    norms = sentence.words.norms
    if later.isdisjoint(norms[max(0, first - reach):first]):
        return False  # most matches
    broken = sentence.clause_break if clause else sentence.sentence_break
    for at in range(first - 1, max(0, first - reach - 1), -1):
        if broken(at + 1):
            return False
        if norms[at] in later and norms[at - 1] in earlier:
            return True
    return False


CATCHING = frozenset(("caught", "catch", "catching"))
MYSELF = frozenset(("myself",))


def _caught_myself(sentence: Sentence, first: int) -> bool:
    """Whether "caught myself" (or "catch myself") comes up to eight words before the match
    in its sentence: the writer noticing their own word."""
    return _pair_before(sentence, first, 8, CATCHING, MYSELF, clause=False)


GIVING_UP = frozenset("stop stopped stopping quit avoid avoided nearly almost".split())
SAYING_OR_WRITING = SAYING_VERBS | WRITING_VERBS


def _saying_given_up(sentence: Sentence, first: int) -> bool:
    """Whether a saying or writing verb the writer gives up ("stop saying", "nearly wrote")
    governs the match, up to seven words before it in its clause: "Stop saying the canal
    lads are hard to reach"."""
    return _pair_before(sentence, first, 7, GIVING_UP, SAYING_OR_WRITING, clause=True)


def _used_to_think(sentence: Sentence, first: int) -> bool:
    """Whether "I used to think" (or "believe", "call", "say") comes shortly before the match
    in its sentence: a view the writer has left behind."""
    norms = sentence.words.norms
    if "used" not in norms[max(0, first - 10):first]:
        return False  # most matches
    for at in range(first - 1, max(1, first - 9), -1):
        if sentence.sentence_break(at + 1):
            return False
        if norms[at] in ("think", "believe", "call", "say", "write") and norms[at - 1] == "to" \
                and at > 1 and norms[at - 2] == "used":
            return True
    return False


def _said_and_disliked(sentence: Sentence, first: int) -> bool:
    """Whether the words are what someone says that another dislikes or pulls them up for:
    "hates it when people say he's an epileptic", "hates hearing staff say they feed him",
    "pulled me up for saying service users kicked off". The match is within six words of the
    saying, in its clause; the dislike is at most five words before the saying."""
    norms = sentence.words.norms
    if DISLIKE_CUES.isdisjoint(norms[max(0, first - 13):first]):
        return False  # most matches: nobody dislikes anything near
    at = first - 1
    while at >= max(0, first - 7) and not sentence.clause_break(at + 1):
        if norms[at] in HEARD_SAYING:
            before = norms[max(0, at - 5):at]
            if not DISLIKING.isdisjoint(before):
                return True
            return any(word in ("up", "off") and k > 0 and (before[k - 1] in TELLING_OFF or (
                k > 1 and before[k - 2] in TELLING_OFF)) for k, word in enumerate(before))
        at -= 1
    return False


def _a_document_after(sentence: Sentence, first: int) -> bool:
    """Whether a document is named within six words after the match's start, in its clause:
    "SU in the notes", "it on the form"."""
    norms = sentence.words.norms
    for at in range(first + 1, min(len(norms), first + 7)):
        if sentence.clause_break(at):
            return False
        if norms[at] in DOCUMENTS:
            return True
    return False


STRUCK = frozenset("crossed took taken scribbled rubbed struck scored".split())
DROPPING = frozenset("drop drops dropped dropping".split())
UNSAID = frozenset("deleted reworded ban bans banned banning".split())
CHANGED = frozenset("changed replaced swapped".split())  # only "to" or "for" something


# "about to write that", "went to write that Ray was refusing" (and stopped)
STARTED_TO = frozenset("about going tempted wanted went started began".split())
HALFWAY = frozenset("halfway midway half-way".split())


def _halfway_through(norms: list[str], at: int) -> bool:
    """Whether "halfway through" comes just before the verb at `at`: "I was halfway through
    saying Fran had kicked off when I realised" (the saying broken off)."""
    return at > 1 and norms[at - 1] == "through" and norms[at - 2] in HALFWAY


def _nearly_wrote_that(sentence: Sentence, first: int) -> bool:
    """Whether "that" a little before the match follows a writing or saying verb held back:
    "I nearly wrote that Dot refused", "about to write that Len refused"."""
    norms = sentence.words.norms
    for that in range(max(2, first - 3), first):
        if norms[that] != "that" or norms[that - 1] not in WRITING_VERBS | SAYING_VERBS:
            continue
        before = norms[that - 2]  # "Nearly wrote that Zac had absconded": "I" left out
        return before in HOLDING_BACK or (before == "to" and that > 2
                                          and norms[that - 3] in STARTED_TO) \
            or _halfway_through(norms, that - 1)
    return False


def _struck_out(sentence: Sentence, first: int) -> bool:
    """Whether the match is words the writer took out of a record: "crossed out
    non-compliant", "changed 'refused' to"."""
    norms = sentence.words.norms
    if first < 1 or sentence.clause_break(first):
        return False
    before = norms[first - 1]
    if before in UNSAID or (before in DROPPING and _a_document_after(sentence, first)):
        return True  # "we're dropping PWS from the paperwork"
    changed = before in CHANGED or (before == "the" and first > 1 and norms[first - 2] in CHANGED)
    if changed:  # "changed 'refused' to 'didn't want'", not "changed nappies on the corridor"
        return not {"to", "into", "for"}.isdisjoint(norms[first + 1:first + 5])
    return before == "out" and first > 1 and norms[first - 2] in STRUCK


FEELING = frozenset("feel feels felt feeling".split())
SPEAKING = WRITING_VERBS | SAYING_VERBS | frozenset("call calls use".split())


def _why_we_say(sentence: Sentence, first: int) -> bool:
    """Whether "why we say", "why they write" or "why do we call" comes shortly before the
    match in its sentence."""
    norms = sentence.words.norms
    for at in range(first - 1, max(-1, first - 9), -1):
        if sentence.sentence_break(at + 1):
            return False
        if norms[at] == "why":
            between = norms[at + 1:first]
            return not SPEAKING.isdisjoint(between[:4])
    return False


HABIT = frozenset("to still always often usually".split())  # "we used to say", "we still say"
SAID_AUX = frozenset("was is has had 's would did does".split())  # "say she was toileted"


def _instead_of(sentence: Sentence, at: int) -> bool:
    """Whether "instead of" or "rather than" comes just before the word at `at`."""
    norms = sentence.words.norms
    return at > 1 and (norms[at - 2], norms[at - 1]) in (("instead", "of"), ("rather", "than"))


THEIR_WORD = frozenset("their his her the its someone's staff's".split())
AFTER_BE = frozenset("is are was were isn't aren't wasn't weren't 's".split())
AFTER_FILLER = frozenset("not just only such a an another the really very so cold horrible "
                         "awful ugly old loaded lazy hard harsh nasty unkind punitive blaming "
                         "terrible dreadful outdated old-fashioned clinical medical prison "
                         "hurtful stigmatising judgemental big controlling divisive offensive "
                         "dated negative othering institutional unhelpful dehumanising "
                         "derogatory patronising demeaning wrong".split())


def named_after(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the words after the match say it is a word: "service user is such a cold
    word", "the doubles aren't a thing", "'placement' is just a label"."""
    norms = sentence.words.norms
    at = last + 1
    if at + 1 < len(norms) and norms[at] in THEIR_WORD and norms[at + 1] in ("word", "words",
                                                                           "term", "phrase"):
        return True  # "bed blocker (their word, not mine)"
    following = norms[at] if at < len(norms) else ""
    if following in WRITTEN and not sentence.clause_break(at):
        return True  # "Tom saw SU written on the whiteboard"
    if following == "in" and at + 2 < len(norms) and norms[at + 1] in ("our", "your", "my") \
            and (norms[at + 2] == "own" or (norms[at + 1] == "your"
                                            and norms[at + 2] in ("house", "home", "flat"))):
        return True  # "any of us has a void in our own house": the guides' test
    if following in ("and", "or") and at + 1 < len(norms) and sentence.words.gap(at) == " ":
        for ahead in range(at + 2, min(len(norms), at + 4)):  # "demented and senile are
            if norms[ahead] in AFTER_BE and not sentence.clause_break(ahead):  # words"
                at = ahead
                break
    if at + 2 < len(norms) and norms[at] == "way" and norms[at + 1] == "of" \
            and norms[at + 2].endswith("ing") and not sentence.clause_break(at):
        at += 2  # "a them and us way of thinking": the idea, named
    if at < len(norms) and norms[at] in CONCEPT_NOUNS and not sentence.clause_break(at) \
            and not (first > 0 and norms[first - 1] in ASSERTING):
        return True  # "Us and them thinking creeps in on nights": the idea, named; not "a
        # real them and us feeling between the staff and the people who live here"
    if at < len(norms) and norms[at] in MEANS and not sentence.clause_break(at) and (
            first == 0 or sentence.clause_break(first) or norms[first - 1] in ("because",)):
        return True  # "because respite means laying down a burden", "Respite sounds like"
    if at >= len(norms) or norms[at] not in AFTER_BE or sentence.clause_break(at):
        return False
    negative = norms[at].endswith("n't")
    at += 1
    while at < min(len(norms), last + 7) and not sentence.clause_break(at):
        word = norms[at]
        negative = negative or word == "not"
        if word in MENTION_NOUNS or (word == "thing" and negative):
            return True
        if word in PERSONHOOD and "not" in norms[at + 1:at + 3]:
            return True  # "my 9 o'clock is a person not a time slot"
        if word not in AFTER_FILLER:
            return False
        at += 1
    return False


PERSONHOOD = frozenset("person people human humans".split())
MEANS = frozenset("means meant sounds sounded implies implied suggests".split())
WRITTEN = frozenset("written scrawled printed typed".split())


CONCEPT_NOUNS = frozenset("thinking mentality mindset attitude attitudes feeling culture".split())
ASSERTING = frozenset("real proper right definite definitely big huge massive strong".split())
SAID_BY = REPORTING_VERBS | NAMING_VERBS | WRITING_VERBS | frozenset("put used".split())
NOT_WHAT_OWNERS = frozenset("which that this it and".split())


DOCUMENTS = frozenset(
    "letter letters file files referral referrals notes report reports plan plans form forms "
    "records record assessment assessments summary chart charts paperwork whiteboard sheet "
    "sheets profile profiles minutes leaflet leaflets policy email emails "
    "daybook diary log logs system rules rule sign signs notice notices poster posters "
    "handbook guidance memo memos board booklet booklets website newsletter "
    "template templates handout handouts slide slides manual agenda heading training "
    "trainer course workshop module e-learning video".split())  # what a course teaches
DOCUMENT_VERBS = frozenset(
    "says said states stated reads describes described calls called lists listed "
    "labels labelled labeled refers referred puts uses".split())  # "the memo says ADLs",
# "the policy still uses PWS"


SAYS_TO = frozenset(("says", "said", "states", "stated"))


def _in_a_documents_words(sentence: Sentence, first: int) -> bool:
    """Whether a document's words come before the match in its sentence: "The hospital
    letter says non-compliant", "Her file from age 14 says Kayleigh is manipulative" (the
    writers mark what a file says as a mention: it is the file's word, held up)."""
    norms = sentence.words.norms
    if DOCUMENT_VERBS.isdisjoint(norms[max(0, first - 12):first]):
        return False  # most matches: no document speaks before them
    at = first - 1
    while at > 0 and at >= first - 12 and not sentence.clause_break(at + 1):
        if norms[at] in DOCUMENT_VERBS and norms[at + 1] == "to" and norms[at] in SAYS_TO:
            return False  # "Heatwave plan says to check on the elderly": what it asks for,
            # in the writer's words
        if norms[at] in DOCUMENT_VERBS:
            for document in range(at - 1, max(-1, at - 5), -1):
                if norms[document] in DOCUMENTS:
                    return not any(sentence.clause_break(k)
                                   for k in range(document + 1, at + 1))
        at -= 1
    return False


# Words one of the entry's people tells of how others see or treat them: theirs, held up.
ACCOUNT_CATEGORIES = frozenset(("othering", "infantilising", "blame", "medicalising"))
# How someone else's words are reported: "Olek said", "Mrs Afolabi laughed that".
REPORTED_SPEECH = frozenset("said says told tells reckons reckoned complained complains "
                            "explained explains".split())
TELLING = REPORTED_SPEECH | frozenset("thinks thought feels felt".split())


def _what_someone_says(sentence: Sentence, first: int) -> bool:
    """Whether the match comes straight after "says", with someone or something other than
    the writer saying it: "The funding bid says the learning disabled all the way through",
    "Alzheimer's Society says patient is for medical settings" (their wording, held up)."""
    norms = sentence.words.norms
    return first > 1 and norms[first - 1] == "says" and not sentence.clause_break(first) \
        and not sentence.clause_break(first - 1) and norms[first - 2] not in WRITER


SAYS_THAT = REPORTED_SPEECH | frozenset(
    "laughed laughs joked jokes insisted insists claimed claims".split())


def _reported_that(sentence: Sentence, first: int) -> bool:
    """Whether the match follows "said that he", "laughed that she", "told me that he" with
    someone other than the writer saying it: their account, reported ("Mrs Afolabi laughed
    that she needed my permission to eat a biscuit")."""
    norms = sentence.words.norms
    if first < 3 or norms[first - 1] not in ("he", "she", "they") or norms[first - 2] != "that":
        return False
    verb = first - 3 - (norms[first - 3] in ("me", "us"))
    return verb > 0 and norms[verb] in SAYS_THAT and norms[verb - 1] not in WRITER \
        and all(CLAUSE_MARKS.isdisjoint(sentence.words.gap(at)) for at in range(verb + 1,
                                                                                 first + 1))


# What someone said, once ("his son says she has refused every bath" passes on news: the
# writer's own report, in the writer's words).
SAID = frozenset("said told reckoned complained explained".split())


def _a_relative_said(sentence: Sentence, first: int) -> bool:
    """Whether a relative of the person ("Mr Kelly's daughter", "his mum") said or told,
    up to eight words before the match in its sentence, what the match says: their words,
    reported ("Mr Kelly's daughter said he's a burden", "Ravi's mum told the review he's
    always been attention seeking"), not the writer's."""
    norms = sentence.words.norms
    if SAID.isdisjoint(norms[max(0, first - 8):first]):
        return False  # most matches
    for verb in range(first - 1, max(1, first - 9), -1):
        if sentence.clause_break(verb + 1):
            return False
        if norms[verb] in SAID:
            speaker = verb - 1
            return norms[speaker] in RELATIVES and speaker > 0 and (
                norms[speaker - 1] in POSSESSIVE_PERSON or _possessive(sentence, speaker - 1))
    return False


MAKING = frozenset("make makes made making".split())
SOUNDING = frozenset("sound sounds seem seems".split())


def _what_a_word_sounds_like(sentence: Sentence, first: int) -> bool:
    """Whether the match is what a word "makes it sound like", a few words before it in its
    clause: "'refused' makes it sound like the person is being awkward" (the word's ring,
    not said of anyone)."""
    norms = sentence.words.norms
    for at in range(first - 1, max(1, first - 6), -1):
        if sentence.clause_break(at + 1):
            return False
        if norms[at] in SOUNDING:
            return norms[at - 2] in MAKING
    return False


SAYING_ABOUT = frozenset("say says said saying call calls called calling".split())


def _said_about(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the match is said or called "about" someone: "Saying nappies about grown
    adults", "staff say bless her about Mrs Lee" (the words, held up)."""
    norms = sentence.words.norms
    return first > 0 and last + 1 < len(norms) and norms[first - 1] in SAYING_ABOUT \
        and norms[last + 1] == "about" and not sentence.clause_break(first) \
        and not sentence.clause_break(last + 1)


def _told_by_one_of_the_people(sentence: Sentence, first: int) -> bool:
    """Whether the match is in what one of the entry's people said, in the clause their
    saying verb opens: "Olek said the staff only ever see it as them and us", "Glen said the
    support worker told him off like a kid" (their account, not the writer's words)."""
    norms = sentence.words.norms
    at = first - 1
    while at >= max(1, first - 12) and not sentence.clause_break(at + 1):
        if norms[at] in TELLING:
            speaker = at - 1 - (at > 1 and norms[at - 1] in ("always", "just", "has", "had",
                                                            "once", "then", "also"))
            if norms[speaker] in sentence.people:
                return True
        at -= 1
    return False


SPEECH_VERBS = frozenset("said says asked asks shouted shouts told tells called calls".split())


def _said_by_one_of_the_people(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the match is in the words that open a sentence and are then given to one of
    the entry's people: "Good boy, said Fred to his Jack Russell" (Fred's own words)."""
    norms = sentence.words.norms
    if not sentence.people or not any(
            sentence.sentence_break(at) for at in range(max(0, first - 3), first + 1)):
        return False
    at = last + 1
    while at + 1 < len(norms) and at <= last + 4 and not sentence.sentence_break(at):
        if sentence.clause_break(at) and norms[at] in SPEECH_VERBS:
            return norms[at + 1] in sentence.people
        at += 1
    return False


def said_by_others(sentence: Sentence, last: int) -> bool:
    """Whether the words before "is what ... said" are reported as someone's words: "The
    service user refused personal care is what the old notes would have said" (not "which is
    what the notes said she would do")."""
    norms = sentence.words.norms
    end = min(len(norms), last + 16)
    if "what" not in norms[last + 1:end]:
        return False  # most matches
    at = last + 2
    while at < end and not sentence.sentence_break(at):
        if norms[at] == "what":
            be = norms[at - 1] in AFTER_BE or sentence.raw(at - 1).lower().endswith(
                ("'s", "\u2019s"))
            if not be or norms[at - 2] in NOT_WHAT_OWNERS:
                return False
            return _said_soon(sentence, at + 1)
        at += 1
    return False


def _said_soon(sentence: Sentence, at: int) -> bool:
    """Whether a saying, naming or writing verb comes within a few words of `at`, in its
    sentence ("what the old notes would have said")."""
    norms = sentence.words.norms
    for k in range(at, min(len(norms), at + 8)):
        if sentence.sentence_break(k):
            return False
        if norms[k] in SAID_BY:
            return True
    return False


def _said_as_a_word(sentence: Sentence, at: int) -> bool:
    """Whether a person said the words right after "said" at `at` as words: "the agency
    worker said nappy in front of him", not "Mum said refused" followed by a verb, nor a
    document ("the review said case was adequate")."""
    if at == 0 or sentence.clause_break(at):
        return False
    norms = sentence.words.norms
    speaker = norms[at - 1]
    if speaker not in SPEAKERS and not (sentence.capitalised(at - 1)
                                        and speaker not in NOT_NAMES):
        return False
    after = at + 2  # the word after a one-word match; a longer match ends a clause anyway
    return after >= len(norms) or sentence.clause_break(after) or (
        norms[after] not in BE and norms[after] not in PRONOUNS_PERSON
        and not norms[after].endswith("ed"))


REPORTED_BY = REPORTING_VERBS | WRITING_VERBS | frozenset(
    "say called calls reckons reckoned put puts".split())
# How the writer answers someone else's word in the clause after it: "The OT said Ivy is in
# denial, I think she is scared", "the hospital said he was bed blocking, he is just waiting".
ANSWERS = (("i", "think"), ("i", "wrote"), ("i", "said"), ("i", "told"), ("i", "reminded"),
           ("i", "asked"), ("i", "explained"), ("i", "know"), ("her", "words"),
           ("have", "never"), ("i've", "never"), ("ive", "never"), ("we", "say"),
           ("we", "call"), ("we", "write"), ("he", "laughed"), ("she", "laughed"),
           ("his", "words"), ("their", "words"), ("he", "has"), ("she", "has"),
           ("they", "have"), ("he", "just"), ("she", "just"), ("he", "is just"),
           ("i", "disagree"), ("don't", "agree"), ("dont", "agree"), ("not", "true"),
           ("isn't", "fair"), ("isnt", "fair"), ("not", "fair"))  # "I don't agree at all"
ANSWER_WORDS = frozenset(("nobody", "actually", "just"))
LAUGHING = frozenset("laughed laughs smiled".split())  # "Peter laughed and said"
DOUBTS = frozenset("but though although actually really whereas".split())
CORRECTING = frozenset(
    "explained queried questioned challenged corrected changed crossed deleted tore binned "
    "ripped updated amended reworded".split())


def reported_then_doubted(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the words are what someone else said or wrote, and the writer then says
    otherwise: "Handover said Moira was playing up but she was in pain"."""
    norms = sentence.words.norms
    back = first - 1
    while back >= max(0, first - 8) and not sentence.sentence_break(back + 1):
        if norms[back] in REPORTED_BY:
            break
        back -= 1
    else:
        return False
    if back < max(0, first - 8) or norms[back] not in REPORTED_BY:
        return False
    reporter = norms[back - 1] if back else ""
    someone_else = bool(reporter) and reporter not in ("i", "we", "myself")
    at, breaks = last + 1, 0
    while at < min(len(norms), last + 20):
        breaks += sentence.sentence_break(at)
        if breaks > 1:
            return False
        if (norms[at] in DOUBTS and not breaks) or norms[at] in CORRECTING:
            return True
        if sentence.clause_break(at) and (_answered(norms, at) or (
                someone_else and _said_otherwise(norms, at))):
            return True
        if norms[at] == norms[last] and any(  # "son said he was a burden. He isn't a burden"
                word in NEGATORS or word.endswith("n't") for word in norms[at - 3:at]):
            return True
        at += 1
    return False


def _answered(norms: list[str], at: int) -> bool:
    """Whether the clause starting at `at` is the writer's answer to a reported word."""
    words = norms[at:at + 4]
    if words[:1] and words[0] in ANSWER_WORDS or (len(words) > 1 and words[1] in LAUGHING):
        return True
    pairs = {(words[k], words[k + 1]) for k in range(len(words) - 1)}
    return not pairs.isdisjoint(ANSWERS) or (len(words) > 2 and words[1] in ("is", "was")
                                              and words[2] == "just")


OTHERWISE = frozenset(
    "is was has had went gets got isn't wasn't isnt wasnt just never can't cannot cant "
    "wanted needed needs wants likes liked loves loved".split())


def _said_otherwise(norms: list[str], at: int) -> bool:
    """Whether the clause at `at` says how the person is after someone else's word: "the
    discharge letter said she was aggressive, she was frightened"."""
    words = norms[at:at + 3]
    if words[:1] == ["at"] and len(words) > 2:
        words = norms[at + 2:at + 5]  # "at school he is calm"
    return len(words) > 1 and words[0] in ("he", "she", "they") and words[1] in OTHERWISE


SELF_SAYING = frozenset("says said saying tells told reckons calls called describes".split())
SELF_WORDS = frozenset("i i'm im she he she's he's shes hes herself himself".split())


def said_of_self(sentence: Sentence, first: int) -> bool:
    """Whether the person says the words of themselves: "Joan says she suffers with her
    chest", "Bert said I don't need to be allowed", "Pat calls herself a sufferer" (not a
    relative's, a worker's or a document's words)."""
    norms = sentence.words.norms
    for verb in range(first - 1, max(-1, first - 10), -1):
        if sentence.sentence_break(verb + 1) or sentence.clause_break(verb + 1):
            return False
        if norms[verb] not in SELF_SAYING:
            continue
        after = verb + 1 + (verb + 1 < first and norms[verb + 1] in ("me", "us"))
        after += after < first and norms[after] == "that"  # "told me that she is"
        if after > first or (norms[after] not in SELF_WORDS and norms[after] != "being"):
            return False
        speaker = verb - 1 - (verb > 1 and norms[verb - 1] in ("always", "keeps", "often",
                                                                "has", "just"))
        if speaker < 0:
            return False
        who_says = norms[speaker]
        return who_says in sentence.people or (
            sentence.capitalised(speaker) and (who_says in FIRST_NAMES or (
                who_says not in known_words() and not sentence.sentence_break(speaker))))
    return False


def negated(sentence: Sentence, first: int) -> bool:
    """Whether "not", "n't", "never" or "no longer" comes shortly before the match in its
    clause ("he is not attention seeking")."""
    norms = sentence.words.norms
    window = norms[max(0, first - 8):first]  # "I don't think of Sid as a client": eight
    if NEGATORS.isdisjoint(window) and "no" not in window and "n't" not in " ".join(window) \
            and "than" not in window:
        return False  # most matches: nothing negative near
    at, skipped, described = first - 1, 0, 0
    while at >= 0 and skipped <= 3 and not sentence.clause_break(at + 1):
        word = norms[at]
        if word in NEGATORS or word.endswith("n't") or (
                word in ("longer", "one") and at > 0 and norms[at - 1] == "no"):
            return norms[at + 1] != "only" if at + 1 < first else True
        if word == "no" and at > 0 and (norms[at - 1] in AFTER_BE or norms[at - 1] in BE
                                        or sentence.raw(at - 1).lower().endswith(
                                            ("'s", "\u2019s"))) \
                and not (at > 1 and norms[at - 2] in ("there", "here")) \
                and norms[at - 1] not in ("there", "here"):
            return True  # "Ivy is no old dear", "Donna's no bed blocker"; not "there's no"
        if word == "than" and at > 1 and norms[at - 1] == "more" and norms[at - 2] in BE:
            return True  # "Cliff is more than a 1:1"
        if word == "of" and at > 1 and norms[at - 1] == "one":
            at, skipped = at - 2, skipped + 1  # "she's a disabled woman, not one of the
            continue  # disabled"
        if word not in NEGATION_FILLER:
            if described < 2 and word.isalpha() and word not in PREPOSITIONS \
                    and word not in CONJUNCTIONS and word in known_words() \
                    and not _a_verb(word):
                described += 1  # "isn't a dementia sufferer": a word describing the match
                at -= 1
                continue
            return _doubted(sentence, first)
        at, skipped = at - 1, skipped + 1
    return False


BELIEF = frozenset("think thinks thought believe believes believed reckon reckons reckoned "
                   "feel feels felt suppose supposes see sees saw say regard regards "
                   "describe consider".split())  # "I don't see Gemma as manipulative"


def _doubted(sentence: Sentence, first: int) -> bool:
    """Whether the clause before the match is "I don't think ... is" or "I never thought ...
    was": "I don't think Frank is challenging", "I don't think Cyril was playing up"."""
    norms = sentence.words.norms
    at = first - 1
    seen_be = norms[first] in BE  # "is challenging"
    while at > max(0, first - 8) and not sentence.sentence_break(at + 1):
        word = norms[at]
        seen_be = seen_be or word in BE or word in AFTER_BE or word == "as"
        if word in BELIEF:  # "nobody here thinks", "no one really thinks"
            before = [norms[back] for back in range(max(0, at - 3), at)]
            said_no = any(word in NEGATORS or word.endswith("n't") for word in before)
            return seen_be and (said_no or " no one " in f" {' '.join(before)} ")
        at -= 1
    return False


NOBODY = frozenset("nobody noone".split())
PAST_NOT = frozenset("wasn't wasnt weren't werent".split())
RESTRICTING = frozenset("allowed permitted let lets letting allow allows".split())


def _denied(sentence: Sentence, first: int, last: int) -> bool:
    """Whether a doing to a person is said not to have happened: nobody did it ("Nobody fed
    Lily today"), or it wasn't done ("Sam wasn't toileted, he went himself"). A restriction
    stays one, said or denied: "he wasn't allowed out"."""
    norms = sentence.words.norms
    if not RESTRICTING.isdisjoint(norms[first:last + 1]):
        return False
    at = first - 1
    while at >= max(0, first - 6) and not sentence.clause_break(at + 1):
        if norms[at] in NOBODY or (norms[at] == "one" and at > 0 and norms[at - 1] == "no"):
            return True
        at -= 1
    before = norms[first - 1] if first > 0 else ""
    return norms[first] in PAST_NOT or before in PAST_NOT or (
        before == "not" and first > 1 and norms[first - 2] in ("was", "were"))


WRITER_IS = frozenset("i'm im we're were".split()) | frozenset(("am",))


def writers_own(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the wording is about the writer's own life: "my own obs", "some respite
    myself" (a noun, not "I fed him myself")."""
    norms = sentence.words.norms
    if "own" in norms[max(1, first - 3):first] and any(
            norms[at] == "own" and norms[at - 1] in ("my", "our")
            for at in range(max(1, first - 3), first)) and not sentence.clause_break(first):
        return True  # "my own obs", "my own first placement"
    if first > 1 and norms[first - 1] in ("a", "an") and (
            norms[first - 2] in WRITER_IS or (norms[first - 2] == "as" and first > 2
                                             and norms[first - 3] in ("i", "we"))):
        return True  # "I'm a client of the same dentist"
    if "fellow" in norms[max(0, first - 4):first] and not sentence.clause_break(first):
        return True  # "as a fellow hay fever sufferer"
    after = last + 1
    noun = first == last or (last == first + 1 and norms[first] in ("a", "an"))
    return (noun and after < len(norms) and norms[after] in ("myself", "ourselves")
            and not norms[last].endswith(("ed", "ing")) and not sentence.clause_break(after))


def proper_name(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the match is part of a name: every word capitalised, and a title or another
    capitalised word next to it ("Mr Case", "Bedford Wanderers", "Victim Support")."""
    if not sentence.text[sentence.words.starts[first]].isupper():
        norms = sentence.words.norms  # "a Burden", "the Wanderers": a name after its article
        return (norms[first] in DETERMINERS and first < last
                and all(sentence.capitalised(at) for at in range(first + 1, last + 1))
                and _capitalised_inside(sentence, first + 1))
    norms = sentence.words.norms
    if first == 1 and norms[0] == "the" and last + 1 < len(norms) \
            and all(sentence.capitalised(at) for at in range(first, last + 1)) \
            and _a_thing_named_after(sentence, last + 1):
        return True  # "The Void nightclub is closing down": a place's name
    if not all(sentence.capitalised(at) for at in range(first, last + 1)):
        if first > 1 and sentence.capitalised(first) and sentence.capitalised(first - 1) \
                and not sentence.sentence_break(first - 1) \
                and sentence.words.gap(first) == " " and norms[first - 1] not in NOT_NAMES \
                and norms[first - 1] not in sentence.people:
            return True  # "Watched A Very Long Engagement with Zofia": a title's last word
        inner = range(first + 1, last)
        return (last - first >= 2 and sentence.capitalised(last)
                and any(norms[at] in SMALL_NAME_WORDS for at in inner)
                and all(sentence.capitalised(at) or norms[at] in SMALL_NAME_WORDS
                        for at in inner))  # "Them and Us was a team name"
    if last > first and not sentence.sentence_break(first) \
            and ":" not in sentence.words.gap(first):
        return True  # "The Good Boy pub": capitals on every word, mid-sentence (a log
        # line's "12:30 AO: Fed Mrs Hughes" starts after its colon)
    if first > 0 and not sentence.clause_break(first):
        if norms[first - 1] in TITLES or norms[first - 1] in ABBREVIATIONS:
            return True
        if sentence.capitalised(first - 1) and norms[first - 1] not in NOT_NAMES:
            return True
    after = last + 1
    if (after < len(norms) and not sentence.clause_break(after)
            and sentence.capitalised(after) and norms[after] not in TITLES
            and norms[after] not in sentence.people):
        return True  # "Victim Support"; not "Toileted Mr Green", a new name
    return _capitalised_inside(sentence, first)


def _capitalised_inside(sentence: Sentence, first: int) -> bool:
    """Whether a capitalised word sits well inside its sentence, past its first word and not
    just after a quotation mark or a colon: a surname, a place or a team ("Kim's nan was a
    Burden", "a club called the Wanderers")."""
    if first < 2 or sentence.sentence_break(first) or sentence.sentence_break(first - 1):
        return False
    gap = sentence.words.gap(first)
    return QUOTE_MARKS.search(gap) is None and ":" not in gap


# -- a care thing standing for a person -------------------------------------------------------
# Conditions, equipment and tasks that are said to do what only a person does ("the PEG in
# room 2 wants her tea"); body parts only with "the" before them ("the hip in bay 3").
CARE_THINGS = frozenset(
    "peg pegs catheter catheters hip hips stroke strokes dementia dementias oxygen amputee "
    "ulcer ulcers diabetic diabetics parkinson parkinsons alzheimer copd nof fracture feed "
    "feeds hoist hoists wheelchair wheelchairs double doubles single singles transfer "
    "transfers admission admissions 2:1 1:1 3:1 2:1s 1:1s insulin "
    "insulins stoma stomas trachy trach tracheostomy ventilator cancer palliative eol mnd ms "
    "epileptic leg knee arm chest uti commode sling stand-aid aid call calls bedtime "
    "bedtimes washes frame frames walker walkers infection bungalow mattress femur "
    "readmission readmissions discharge discharges korsakoff korsakoff's heavies feeder "
    "feeders lifts".split())
ROOMS = frozenset(
    "room rooms flat flats bay bays bed beds number no table tables side bedroom".split())
THING_OWNERS = frozenset("the our my your that this".split())
SLOT_WORDS = frozenset("o'clock oclock".split())


def personified(sentence: Sentence, first: int) -> tuple[int, int] | None:
    """For words a person does at first ("wants her tea", "was breathless"): the care thing
    said to do them, as (first word, last word) of its own words ("The oxygen", "Flat 3",
    "my 9.30"), or None when who does it is a person, a pronoun, or not a care thing. A room
    after a preposition ("the lady in room 10") is where the one before it is."""
    norms = sentence.words.norms
    before = norms[max(0, first - SCAN):first]
    if CARE_THINGS.isdisjoint(before) and SLOT_WORDS.isdisjoint(before) \
            and not any(word[:1].isdigit() for word in before):
        return None  # most doings: no care thing, room number or time before them
    at = first - 1
    while at >= max(0, first - SCAN):
        if sentence.clause_break(at + 1):
            return None
        word = norms[at]
        if word.isdigit() and at > 0 and norms[at - 1] in ROOMS:
            start = at - 1 - (at > 1 and norms[at - 2] == "side")
            if start > 0 and norms[start - 1] in PREPOSITIONS and not sentence.clause_break(
                    start):
                at = start - 1  # "the lady in room 10": who is before it
                continue
            return start - (start > 0 and norms[start - 1] in THING_OWNERS), at
        if _a_slot(word) and at > 0 and norms[at - 1] in THING_OWNERS:
            return at - 1, at
        if word in CARE_THINGS:
            if at + 1 < first and _a_head_after(sentence, at + 1):
                return None  # "The dementia cafe was lovely": the cafe is, not a person
            owner = _thing_start(sentence, at)
            if word in ("call", "calls") and owner is not None \
                    and not _a_visit(sentence, owner, at):
                return None  # "The call was lovely": a phone call, not the teatime visit
            if owner is not None and owner > 0 and norms[owner - 1] in PREPOSITIONS \
                    and norms[owner - 1] != "of" \
                    and not sentence.clause_break(owner):
                at = owner - 1  # "The MS man in the end bungalow asked": who is before it
                continue
            return (owner, at) if owner is not None else None
        if word in PRONOUNS_PERSON or word in PERSON_NOUNS or word in sentence.people \
                or word in WRITER or word in NOT_SUPPORTED or classify(sentence, at, first) \
                is not None and word not in PREPOSITIONS and not _in_phrase_after_preposition(
                    sentence, at):
            return None
        at -= 1
    return None


VISIT_KINDS = frozenset(
    "teatime bedtime lunch lunchtime morning evening night tea breakfast dinner last first "
    "next double single min mins minute minutes".split())


def _a_visit(sentence: Sentence, owner: int, at: int) -> bool:
    """Whether "call" at `at` is a care visit: "my call", "the teatime call", "the 4:30 call",
    "15 min call"; not a bare "the call" (a phone call)."""
    norms = sentence.words.norms
    return norms[owner] in POSSESSIVE_WRITER or any(
        norms[k] in VISIT_KINDS or _a_slot(norms[k]) or norms[k].isdigit()
        for k in range(owner + 1, at))


def _a_slot(word: str) -> bool:
    """Whether the word is a time: "9am", "12.30", "4:15" or "o'clock"."""
    if word in SLOT_WORDS:
        return True
    if word[:1].isdigit() and word.endswith(("am", "pm")):
        return True
    return len(word) > 3 and word[:1].isdigit() and word[-2:].isdigit() and (
        "." in word or (":" in word and not word.endswith(":1")))


def _a_head_after(sentence: Sentence, at: int) -> bool:
    """Whether the word at `at` is a noun that the care thing before it describes ("the
    dementia cafe", "the PEG site"), written plainly after it."""
    norms = sentence.words.norms
    word = norms[at]
    return sentence.words.gap(at) == " " and not sentence.capitalised(at) \
        and word not in PREPOSITIONS and word not in BE and word not in CONJUNCTIONS \
        and word not in CARE_THINGS and word not in ROOMS and word.isalpha() \
        and (_a_plain_noun(word) or word not in known_words() or word in ING_NOUNS)


# Nouns ending in "ing" that a care thing describes: "the dementia training asked why".
ING_NOUNS = frozenset("training meeting briefing building wing housing funding nursing "
                      "screening clinic".split())


LETTING_OR_TAKING = LETTING | frozenset("take takes took taking".split())
RELATIVE_ADJECTIVES = frozenset("late old little big eldest youngest own older younger".split())


def _their_relative(sentence: Sentence, where: int) -> bool:
    """Whether the word at `where` is a relative of someone else's ("his mum", "her late
    husband", "Tariq's brother"): what they let or take the person to do is a family's doing."""
    norms = sentence.words.norms
    if where < 1 or norms[where] not in RELATIVES:
        return False
    owner = where - 1 - (where > 1 and norms[where - 1] in RELATIVE_ADJECTIVES)
    return norms[owner] in POSSESSIVE_PERSON or (
        norms[owner] in sentence.people and _possessive(sentence, owner))


def _thing_start(sentence: Sentence, at: int) -> int | None:
    """Where the care thing at `at` starts: its "the", "our" or "my" (past a word or two
    that describe it: "the new PEG"), or None when nothing owns it that way ("her hip")."""
    norms = sentence.words.norms
    back = at - 1
    while back >= max(0, at - 3) and not sentence.clause_break(back + 1):
        if norms[back] in THING_OWNERS:
            return back
        if norms[back] in POSSESSIVE_PERSON or norms[back] in PREPOSITIONS:
            return None
        back -= 1
    return None
