"""The lens on sentences written independently of it (tests/lens/written/set_*.toml, by
writers who never saw the lexicon; format in tests/lens/scoring.py): precision and recall of
wording that is used, by category, for the development part and the held-out part, and how
mentions fare. The figures are printed after the run (tests/lens/conftest.py).

The lens may be tuned on the development part only. Nothing of the held-out part is ever
printed but its figures, and its floors are not asserted. Set CAREJOURNAL_LENS_MISSES=1 to
print the development part's misses.

tests/lens/engine_sentences.toml is the engine's own small set in the same format (written
with the engine, so it checks the scorer and guards the context rules, not the lens's worth).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from carejournal.lens.matcher import Lens, shipped_lens
from tests.lens import scoring
from tests.lens.conftest import SCORES

WRITTEN = Path(__file__).with_name("written")
OWN = Path(__file__).with_name("engine_sentences.toml")
# precision, recall: loose at first, raised as the lens improves. Measured with step 11's
# lexicon and engine together: 0.897 and 0.725 (held out: 0.826 and 0.706); after tuning on
# the development part: 0.968 and 0.956 (held out: 0.830 and 0.749). After the second round
# (families written with choices, "someone" rules, names inside a sentence, more mentions):
# 0.992 and 0.972 (held out: 0.847 and 0.826). After the precision round (relatives' children,
# exceptions after "the", things named after task words, more mentions): 0.992 and 0.972
# (held out: 0.858 and 0.826; traps2, written before that round: 0.657 -> 0.915 precision).
# After the generalising round (rule words misspelt, run together or dotted; mention words;
# who a word is about; the third round's sets, tests/lens/written/round3_*.toml): 0.996 and
# 0.996 (held out: 0.893 and 0.851; round3, untuned 0.878 and 0.837, then 0.972 and 0.970;
# traps2 1.000 and 0.985; fresh 0.976 and 0.988). After the fourth round (a name's contracted
# "is", a time written with a dot, a time or number before a thing, a care thing doing what a
# person does, a "was" shared by joined words, people named by what they do or by a task;
# tuned on round4 and round6, tests/lens/written/round4.toml and round6.toml, never on their
# held halves): 0.996 and 0.996 (held out: 0.894 and 0.860, objectifying recall 0.690 ->
# 0.759; round3 0.977 and 0.970; round4_held 0.918 and 0.770, unchanged; round6_held 0.764
# and 0.625 -> 0.776 and 0.670). After the seventh to fourteenth rounds (mentions by
# correction, answer and the person's own words; a noun before a noun; 'unless' words; about
# 70 new rules; each round's held half scored before the round was read): 0.996 and 1.000
# (held out: 0.904 and 0.885).
DEV_FLOORS = (0.98, 0.98)
# the share of development rewrite pairs where an offered rewrite gives an expected sentence:
# 0.241 at first, 0.407 after tuning (held out: 0.292, then 0.349); 0.778 after the second
# round's rewrites (held out: 0.472: much of the gain is the development pairs' own wording);
# 0.861 after the generalising round's grammar (the verb after "to" and after a plural made
# one, "both su's", a label before a name, "by" after a passive made active; held out 0.500).
# Round 5 (tests/lens/written/rewrites_round5.toml, 325 pairs written independently, split
# alternately into "round5", tuned on, and "round5_held", never read): untouched, with dev
# 0.861 and held out 0.491, round5 0.423 (69 of 163) and round5_held 0.321 (52 of 162).
# After the rewrite round (grammar around the swap, clause-level rewrites for the blame and
# power verbs, names for labels, and rewrites for rules that offered none): dev 0.907, held
# out 0.604, round5 0.712 (116), round5_held 0.377 (61; 38 of its 162 have no finding).
REWRITE_FLOOR = 0.88


def _report(name: str, scores: dict[str, scoring.Score]) -> None:
    for part, score in scores.items():
        if score.sentences:
            SCORES[f"{name} {part}"] = "\n".join(score.lines(f"{name}, {part}"))
    dev = scores["dev"]
    if os.environ.get("CAREJOURNAL_LENS_MISSES") and dev.misses:
        SCORES[f"{name} dev misses"] = "\n".join(dev.misses)


def test_the_written_sets() -> None:
    paths = sorted(WRITTEN.glob("set_*.toml"))
    if not paths:
        pytest.skip("no tests/lens/written/set_*.toml yet: the independent sets have not "
                    "been merged in")
    sentences = scoring.load(paths)
    scores = scoring.score(shipped_lens(), sentences)
    _report("written sets", scores)
    dev = scores["dev"]
    assert dev.sentences, "the written sets have no development part"
    assert dev.precision() >= DEV_FLOORS[0] and dev.recall() >= DEV_FLOORS[1], dev.lines("dev")


def test_a_fresh_check() -> None:
    """tests/lens/written/fresh.toml: a third, small set written from the guides before the
    step's later changes (part "fresh"). Its figures are printed, its misses never are, and
    no floor is asserted: it is an honest check against tuning on the development part."""
    paths = sorted(WRITTEN.glob("fresh*.toml"))
    if not paths:
        pytest.skip("no tests/lens/written/fresh*.toml")
    sentences = scoring.load(paths)
    assert {s.part for s in sentences} == {"fresh"}
    scores = scoring.score(shipped_lens(), sentences, shown=())
    fresh = scores["fresh"]
    SCORES["fresh check"] = "\n".join(fresh.lines("fresh check"))
    assert fresh.sentences >= 150 and fresh.misses == []


def test_the_second_traps() -> None:
    """tests/lens/written/traps2.toml: a fourth part ("traps2"), written in a later round before
    that round's fixes: mostly clean traps (the lexicon's words in harmless senses, about
    things, animals, the writer or relatives' children, names, idioms, quotations) and some
    wording the guides object to. Its figures are printed; its misses with the development
    part's (CAREJOURNAL_LENS_MISSES=1). No floor: it measures precision on untuned text.
    Before that round's fixes: precision 0.657, recall 0.985 (65 found, 34 flagged wrongly)."""
    sentences = scoring.load([WRITTEN / "traps2.toml"])
    assert {s.part for s in sentences} == {"traps2"} and len(sentences) >= 260
    assert sum(not s.flags for s in sentences) >= 200
    scores = scoring.score(shipped_lens(), sentences, shown=("traps2",))
    traps = scores["traps2"]
    SCORES["traps2"] = "\n".join(traps.lines("traps2"))
    if os.environ.get("CAREJOURNAL_LENS_MISSES") and traps.misses:
        SCORES["traps2 misses"] = "\n".join(traps.misses)


def test_the_third_round() -> None:
    """tests/lens/written/round3_a.toml and round3_b.toml: a fifth part ("round3"), written
    by two writers who never saw the lexicon or the lens, from the published guides (half of
    it clean traps). Its figures are printed; its misses with the development part's
    (CAREJOURNAL_LENS_MISSES=1). No floor is asserted.
    Untuned figures, scored before any change was made for them: with the lens of main as it
    was (8fa76c9), precision 0.878, recall 0.837 (396 found, 55 flagged wrongly, 77 missed;
    a: 0.876 and 0.872, b: 0.880 and 0.808), 64 of 91 mentions shown as mentions; with the
    step's first two changes (tolerant matching, mention words; made before these sets were
    read), precision 0.878, recall 0.839, 72 of 91 mentions shown. After tuning on them
    (and on the other parts one may tune on): precision 0.972, recall 0.970 (459 found, 13
    flagged wrongly, 14 missed), 84 of 91 mentions shown."""
    paths = [WRITTEN / "round3_a.toml", WRITTEN / "round3_b.toml"]
    sentences = scoring.load(paths)
    assert {s.part for s in sentences} == {"round3"} and len(sentences) >= 1000
    assert sum(not s.flags for s in sentences) >= 500
    scores = scoring.score(shipped_lens(), sentences, shown=("round3",))
    third = scores["round3"]
    SCORES["round3"] = "\n".join(third.lines("round3"))
    if os.environ.get("CAREJOURNAL_LENS_MISSES") and third.misses:
        SCORES["round3 misses"] = "\n".join(third.misses)


def _split_round(file: str, name: str, minimum: int) -> None:
    """Scores a round split in two halves: NAME (tuned on, misses printed with
    CAREJOURNAL_LENS_MISSES=1) and NAME_held (figures only, never read)."""
    sentences = scoring.load([WRITTEN / file])
    held = f"{name}_held"
    assert {s.part for s in sentences} == {name, held} and len(sentences) >= minimum
    scores = scoring.score(shipped_lens(), sentences, shown=(name,))
    for part in (name, held):
        SCORES[part] = "\n".join(scores[part].lines(part))
    if os.environ.get("CAREJOURNAL_LENS_MISSES") and scores[name].misses:
        SCORES[f"{name} misses"] = "\n".join(scores[name].misses)


def test_the_fourth_round() -> None:
    """tests/lens/written/round4.toml: a sixth, independent set (460 sentences), split by
    alternating sentences within each group (each new group starting on the other half, so
    the halves are even): "round4" (235, may be tuned on) and "round4_held" (225, only its
    figures are ever printed). No floor is asserted.
    Untuned figures (main at e1b56ab): round4 precision 0.860, recall 0.929
    (92 found, 15 flagged wrongly, 7 missed), 24 of 26 mentions shown; round4_held precision
    0.918, recall 0.770 (67 found, 6 flagged wrongly, 20 missed), 22 of 26 mentions shown.
    After the round: round4 0.905 and 0.960 (95/10/4); round4_held 0.918 and 0.770
    (unchanged: none of the round's mechanisms reached it)."""
    _split_round("round4.toml", "round4", 400)


def test_the_sixth_round() -> None:
    """tests/lens/written/round6.toml: a seventh, independent set focused on objectifying and
    othering, split like the fourth round: "round6" (may be tuned on) and "round6_held"
    (only its figures are ever printed). No floor is asserted.
    Untuned figures (main at e1b56ab): round6 (219 sentences) precision
    0.734, recall 0.667 (58 found, 21 flagged wrongly, 29 missed), 15 of 24 mentions shown;
    round6_held (224) precision 0.764, recall 0.625 (55 found, 17 flagged wrongly, 33
    missed), 23 of 26 mentions shown. With this round's first changes (made before
    the set was read): round6 precision 0.738,
    recall 0.678 (59/21/28), round6_held unchanged. After the round: round6 0.857 and 0.966
    (84/14/3), 23 of 24 mentions shown; round6_held 0.776 and 0.670 (59/17/29; objectifying
    recall 0.531 -> 0.625, othering 0.600 -> 0.640), 23 of 26 mentions shown."""
    _split_round("round6.toml", "round6", 300)


def test_the_rewrite_pairs() -> None:
    """Every part's share is printed; the misses of "dev", "round5" and "round8" only, with
    CAREJOURNAL_LENS_MISSES=1 (never those of "held_out", "round5_held" or "round8_held").
    tests/lens/written/rewrites_round8.toml: 320 more pairs by an independent writer, 40 per
    category; untuned (main at df5a46b) round8 0.544 (87 of 160; 25 with no finding on the
    target), round8_held 0.431 (69 of 160; 25)."""
    paths = sorted(WRITTEN.glob("rewrites_*.toml"))
    if not paths:
        pytest.skip("no tests/lens/written/rewrites_*.toml yet")
    scores = scoring.score_rewrites(shipped_lens(), scoring.load_pairs(paths),
                                    shown=("dev", "round5", "round8"))
    for part, score in scores.items():
        if score.pairs:
            SCORES[f"rewrites {part}"] = score.line(part)
    for part in ("dev", "round5", "round8"):  # never held_out, round5_held or round8_held
        misses = scores[part].misses if part in scores else []
        if os.environ.get("CAREJOURNAL_LENS_MISSES") and misses:
            SCORES[f"rewrites {part} misses"] = "\n".join(misses)
    dev = scores["dev"]
    assert dev.pairs, "the rewrite pairs have no development part"
    assert dev.share() >= REWRITE_FLOOR, dev.line("dev")


def test_the_engines_own_sentences() -> None:
    sentences = scoring.load([OWN])
    assert len(sentences) >= 60 and sum(not s.flags for s in sentences) >= 30
    scores = scoring.score(shipped_lens(), sentences, shown=scoring.PARTS)  # ours: all seen
    _report("engine's own set", scores)
    for part in scoring.PARTS:
        score = scores[part]
        assert score.precision() >= 0.95 and score.recall() >= 0.95, score.misses
        assert score.mentions_shown == score.mentions, score.misses


def test_the_scorer_counts_overlaps_categories_and_mentions(tmp_path: Path) -> None:
    path = tmp_path / "set_x.toml"
    path.write_text('''
[[sentence]]
group = "g"
part = "dev"
text = "The service user refused, and the service user said no."
  [[sentence.flag]]
  text = "service user"
  occurrence = 2
  category = "labels"
  mention = false
  [[sentence.flag]]
  text = "refused"
  category = "blame"
  mention = false
[[sentence]]
group = "g"
part = "held_out"
text = "I nearly wrote 'non-compliant'. The car refused to start."
  [[sentence.flag]]
  text = "non-compliant"
  category = "blame"
  mention = true
''', encoding="utf-8")
    scores = scoring.score(Lens(shipped_lens().lexicon), scoring.load([path]))
    dev, held = scores["dev"], scores["held_out"]
    # the first "service user" is not marked: one wrong flag; the second and "refused" found
    assert (dev.tp, dev.fp, dev.fn) == ({"labels": 1, "blame": 1}, {"labels": 1}, {})
    assert dev.precision() == pytest.approx(2 / 3) and dev.recall() == 1.0
    assert dev.precision("blame") == 1.0 and dev.precision("labels") == 0.5
    assert (held.mentions, held.mentions_shown, held.mentions_made) == (1, 1, 1)
    assert sum(held.fp.values()) == 0 and held.misses == []
    assert all("nearly" not in line for line in held.lines("held_out"))


def test_the_seventh_round() -> None:
    """tests/lens/written/round7.toml: 1,350 sentences by three independent writers (one on
    jargon and objectifying, one on infantilising and medicalising, one on blame, power,
    labels and othering), split like the fourth round: "round7" (745, may be tuned on) and
    "round7_held" (605, only its figures are ever printed). No floor is asserted.
    Untuned figures (main at df5a46b): round7 precision 0.920, recall 0.749 (298 found, 26
    flagged wrongly, 100 missed), 65 of 81 mentions shown; round7_held precision 0.921,
    recall 0.781 (139 found, 12 flagged wrongly, 39 missed), 50 of 57 mentions shown. With
    the round's first changes (gaps the fifth round's rewrite pairs showed, made before this
    set was read): round7 0.918 and 0.756, round7_held 0.921 and 0.787."""
    _split_round("round7.toml", "round7", 1300)


def test_the_eighth_round() -> None:
    """tests/lens/written/round8.toml: 916 sentences by two independent writers (one of long,
    mixed handover entries across all eight categories; one of the hard cases: clean traps,
    mentions and less obvious uses), split like the fourth round: "round8" (458, may be tuned
    on) and "round8_held" (458, only its figures are ever printed). No floor is asserted.
    Untuned figures (main at df5a46b): round8 precision 0.814, recall 0.836 (127 found, 29
    flagged wrongly, 25 missed), 61 of 71 mentions shown; round8_held precision 0.803,
    recall 0.857 (126 found, 31 flagged wrongly, 21 missed), 53 of 70 mentions shown. With
    the seventh round's changes (made before this set was read): round8 0.825 and 0.836,
    round8_held 0.809 and 0.864."""
    _split_round("round8.toml", "round8", 900)


def test_the_ninth_round() -> None:
    """tests/lens/written/round9.toml: 960 sentences by two independent writers (one applying
    SOURCES_B.md's categories and consistency rules as its author did, one SOURCES_A.md's),
    each group one type (uses, clean traps or mentions), split like the fourth round:
    "round9" (480, may be tuned on) and "round9_held" (480, only its figures are printed).
    Untuned figures (main at df5a46b): round9 precision 0.780, recall 0.867 (156 found, 44
    flagged wrongly, 24 missed), 35 of 63 mentions shown; round9_held precision 0.778,
    recall 0.868 (158/45/24), 35 of 63 mentions shown. With this session's changes for the
    seventh and eighth rounds (made before this set was read): round9 0.805 and 0.894,
    round9_held 0.812 and 0.879, 40 of 63 mentions shown."""
    _split_round("round9.toml", "round9", 950)


def test_the_tenth_round() -> None:
    """tests/lens/written/round10.toml: 960 sentences by two independent writers (one of
    workers' own reflective journal entries, many reflecting on language; one of records from
    settings the earlier rounds left out), split like the fourth round: "round10" (480, may be
    tuned on) and "round10_held" (480, only its figures are printed).
    Untuned figures (main at df5a46b): round10 precision 0.808, recall 0.875 (147 found, 35
    flagged wrongly, 21 missed); round10_held precision 0.821, recall 0.855 (142/31/24).
    With this session's changes for the seventh to ninth rounds (made before this set was
    read): round10 0.844 and 0.899, round10_held 0.868 and 0.873."""
    _split_round("round10.toml", "round10", 950)


def test_the_eleventh_round() -> None:
    """tests/lens/written/round11.toml: 960 sentences by two independent writers, each
    writing a second set as the author of one sources file would (SOURCES_B.md's four
    categories; SOURCES_A.md's four), split like the fourth round: "round11" (480, may be
    tuned on) and "round11_held" (480, only its figures are printed).
    Untuned figures (main at df5a46b): round11 precision 0.867, recall 0.841 (143 found, 22
    flagged wrongly, 27 missed); round11_held precision 0.826, recall 0.840 (142/30/27).
    With this session's changes for the seventh to tenth rounds (made before this set was
    read): round11 0.895 and 0.853, round11_held 0.854 and 0.864."""
    _split_round("round11.toml", "round11", 950)


def test_the_twelfth_round() -> None:
    """tests/lens/written/round12.toml: 960 sentences by two independent writers (one on
    objectifying and jargon, one on blame, infantilising and medicalising), split like the
    fourth round: "round12" (480, may be tuned on) and "round12_held" (480, only its
    figures are printed).
    Untuned figures (main at df5a46b): round12 precision 0.936, recall 0.737 (146 found, 10
    flagged wrongly, 52 missed); round12_held precision 0.881, recall 0.716 (141/19/56).
    With this session's changes for the seventh to eleventh rounds (made before this set
    was read): round12 0.943 and 0.753, round12_held 0.921 and 0.766."""
    _split_round("round12.toml", "round12", 950)


def test_the_thirteenth_round() -> None:
    """tests/lens/written/round13.toml: 960 sentences by two independent writers (one of notes
    written as on a phone at the end of a long day; one of the hardest cases, many mentions and
    clean traps), split like the fourth round: "round13" (480, may be tuned on) and
    "round13_held" (480, only its figures are printed).
    Untuned figures (main at df5a46b): round13 precision 0.814, recall 0.809 (127 found, 29
    flagged wrongly, 30 missed); round13_held precision 0.849, recall 0.844 (135/24/25).
    With this session's changes for the seventh to twelfth rounds (made before this set was
    read): round13 0.850 and 0.828, round13_held 0.867 and 0.856."""
    _split_round("round13.toml", "round13", 950)


def test_the_fourteenth_round() -> None:
    """tests/lens/written/round14.toml: 960 sentences by two independent writers (one with
    SOURCES_B.md's categories first, built from 240 frames used twice within one part; one
    with SOURCES_A.md's first), split like the fourth round: "round14" (480, may be tuned on)
    and "round14_held" (480, only its figures are printed).
    Untuned figures (main at df5a46b): round14 precision 0.902, recall 0.892 (174 found, 19
    flagged wrongly, 21 missed); round14_held precision 0.895, recall 0.923 (179/21/15).
    With this session's changes for the seventh to thirteenth rounds (made before this set
    was read): round14 0.943 and 0.928, round14_held 0.934 and 0.954."""
    _split_round("round14.toml", "round14", 950)


def test_the_fifteenth_round() -> None:
    """tests/lens/written/round15.toml: 1,440 sentences by three independent writers (all
    eight categories as the first writers did; objectifying and service jargon; infantilising,
    labels and othering), split like the fourth round: "round15" (720, may be tuned on) and
    "round15_held" (720, only its figures are printed).
    Untuned figures (main at df5a46b): round15 precision 0.856, recall 0.760 (190 found, 32
    flagged wrongly, 60 missed); round15_held 0.817 and 0.743 (188/42/65). On arrival, with
    the changes for the seventh to fourteenth rounds (main at 821e134, before this set was
    read): round15 0.891 and 0.784, round15_held 0.846 and 0.759 (192/35/61)."""
    _split_round("round15.toml", "round15", 1400)


def test_the_sixteenth_round() -> None:
    """tests/lens/written/round16.toml: 1,440 sentences by three independent writers (all
    eight categories in short notes and longer entries; blame, power and medicalising; the
    hardest cases, a quarter of them mentions), split like the fourth round: "round16" (720,
    may be tuned on) and "round16_held" (720, only its figures are printed).
    Untuned figures (main at df5a46b): round16 precision 0.849, recall 0.814 (197 found, 35
    flagged wrongly, 45 missed); round16_held 0.828 and 0.825 (198/41/42). On arrival (main
    at 83e2b68, with the fifteenth round's changes, before this set was read): round16 0.893
    and 0.860, round16_held 0.888 and 0.858 (206/26/34)."""
    _split_round("round16.toml", "round16", 1400)


def test_the_seventeenth_round() -> None:
    """tests/lens/written/round17.toml: 1,440 sentences by three independent writers
    (SOURCES_B.md's four categories, as its first writer did; SOURCES_A.md's four, likewise;
    whole journal entries, two thirds of them clean), split like the fourth round: "round17"
    (720, may be tuned on) and "round17_held" (720, only its figures are printed).
    Untuned figures (main at df5a46b): round17 precision 0.886, recall 0.878 (209 found, 27
    flagged wrongly, 29 missed); round17_held 0.874 and 0.826 (195/28/41). At the start of
    this session (821e134): round17_held 0.907 and 0.869; on arrival (984604a, with the
    fifteenth and sixteenth rounds' changes, before this set was read): round17 0.920 and
    0.916, round17_held 0.912 and 0.877 (207/20/29)."""
    _split_round("round17.toml", "round17", 1400)


def test_the_eighteenth_round() -> None:
    """tests/lens/written/round18.toml: 1,440 sentences by three independent writers
    (children's homes and fostering; learning disability and autism services; older people's
    services), split like the fourth round: "round18" (720, may be tuned on) and
    "round18_held" (720, only its figures are printed).
    Untuned figures (main at df5a46b): round18 precision 0.859, recall 0.725 (195 found, 32
    flagged wrongly, 74 missed); round18_held 0.883 and 0.734 (196/26/71). At the start of
    this session (821e134): round18_held 0.909 and 0.749; on arrival (c277205, before this set
    was read): round18 0.907 and 0.766, round18_held 0.917 and 0.749 (200/18/67)."""
    _split_round("round18.toml", "round18", 1400)


def test_the_nineteenth_round() -> None:
    """tests/lens/written/round19.toml: 1,440 sentences by three independent writers (mental
    health services; social workers' case notes and panel reports; the hardest cases again,
    long entries, a quarter of them mentions), split like the fourth round: "round19" (720,
    may be tuned on) and "round19_held" (720, only its figures are printed).
    Untuned figures (main at df5a46b): round19 precision 0.889, recall 0.832 (208 found, 26
    flagged wrongly, 42 missed); round19_held 0.863 and 0.805 (202/32/49). At the start of
    this session (821e134): round19_held 0.886 and 0.833; on arrival (c5b1e6c, before this set
    was read): round19 0.946 and 0.844, round19_held 0.896 and 0.861 (216/25/35)."""
    _split_round("round19.toml", "round19", 1400)


def test_the_twentieth_round() -> None:
    """tests/lens/written/round20.toml: 1,440 sentences by three independent writers (home
    care notes written on a phone; workers' own reflective journals in the seeds' style, two
    thirds clean; infantilising and medicalising), split like the fourth round: "round20"
    (720, may be tuned on) and "round20_held" (720, only its figures are printed).
    Untuned figures (main at df5a46b): round20 precision 0.838, recall 0.834 (191 found, 37
    flagged wrongly, 38 missed); round20_held 0.828 and 0.825 (188/39/40). At the start of
    this session (821e134): round20_held 0.897 and 0.838; on arrival (74d5116, before this set
    was read): round20 0.900 and 0.869, round20_held 0.901 and 0.842 (192/21/36)."""
    _split_round("round20.toml", "round20", 1400)


def test_the_twenty_first_round() -> None:
    """tests/lens/written/round21.toml: 1,440 sentences by three independent writers (labels
    and othering; service jargon and power; all eight categories, as the first writers did),
    split like the fourth round: "round21" (720, may be tuned on) and "round21_held" (720,
    only its figures are printed).
    Untuned figures (main at df5a46b): round21 precision 0.777, recall 0.819 (212 found, 61
    flagged wrongly, 47 missed); round21_held 0.798 and 0.804 (209/53/51). At the start of
    this session (821e134): round21_held 0.825 and 0.850; on arrival (a454c80, before this set
    was read): round21 0.829 and 0.880, round21_held 0.844 and 0.850 (221/41/39)."""
    _split_round("round21.toml", "round21", 1400)


def test_the_twenty_second_round() -> None:
    """tests/lens/written/round22.toml: 1,440 sentences by three independent writers
    (SOURCES_B.md's four categories and SOURCES_A.md's four, as their first writers did;
    objectifying only), split like the fourth round: "round22" (720, may be tuned on) and
    "round22_held" (720, only its figures are printed).
    Untuned figures (main at df5a46b): round22 precision 0.908, recall 0.708 (187 found, 19
    flagged wrongly, 77 missed); round22_held 0.862 and 0.639 (168/27/95). At the start of
    this session (821e134): round22_held 0.903 and 0.673; on arrival (27e55e4, before this set
    was read): round22 0.966 and 0.761, round22_held 0.920 and 0.696 (183/16/80)."""
    _split_round("round22.toml", "round22", 1400)


def test_the_twenty_third_round() -> None:
    """tests/lens/written/round23.toml: 1,440 sentences by three independent writers
    (SOURCES_A.md's four categories and SOURCES_B.md's four, as their first writers did;
    all eight as end-of-shift reflective entries, two thirds clean), split like the fourth
    round: "round23" (720, may be tuned on) and "round23_held" (720, only its figures are
    printed). On arrival (9ef1515, before this set was read): round23 precision 0.948,
    recall 0.943 (217 found, 12 flagged wrongly, 13 missed); round23_held 0.936 and 0.883
    (204/14/27)."""
    _split_round("round23.toml", "round23", 1400)


def test_the_twenty_fourth_round() -> None:
    """tests/lens/written/round24.toml: 1,440 sentences by three independent writers (all
    eight categories in supported living, mental health, drug and alcohol, homelessness and
    leaving-care services; objectifying and labels only, with as many clean sentences about
    the same tasks and equipment; all eight as social workers' and nurses' case notes and
    reflective accounts), split like the fourth round: "round24" and "round24_held". On
    arrival (9ef1515): round24 precision 0.965, recall 0.849 (220/8/39); round24_held 0.968
    and 0.819 (212/7/47)."""
    _split_round("round24.toml", "round24", 1400)


def test_the_twenty_fifth_round() -> None:
    """tests/lens/written/round25.toml: 1,440 sentences by three independent writers
    (SOURCES_A.md's four categories and SOURCES_B.md's four, as their first writers did, in
    other settings; all eight as hurried end-of-shift notes), split like the fourth round:
    "round25" and "round25_held". On arrival (the lens after rounds 23 and 24, before this set
    was read): round25 precision 0.932, recall 0.961 (248/18/10); round25_held 0.914 and 0.928
    (244/23/19). At the start of the session (9ef1515): round25_held 0.910 and 0.924."""
    _split_round("round25.toml", "round25", 1400)


def test_the_twenty_sixth_round() -> None:
    """tests/lens/written/round26.toml: 1,440 sentences by three independent writers
    (othering and labels; jargon and infantilising; blame, power and medicalising; each with
    as many clean sentences using the same words otherwise), split like the fourth round:
    "round26" and "round26_held". On arrival (after rounds 23 and 24): round26 precision
    0.892, recall 0.938 (240/29/16); round26_held 0.860 and 0.903 (233/38/25). At the start
    of the session (9ef1515): round26_held 0.859 and 0.895."""
    _split_round("round26.toml", "round26", 1400)


def test_the_twenty_seventh_round() -> None:
    """tests/lens/written/round27.toml: 1,440 sentences by three independent writers
    (SOURCES_A.md's four categories and SOURCES_B.md's four, as their first writers did, two
    thirds clean; all eight with mentions as the main subject), split like the fourth round:
    "round27" and "round27_held". On arrival (after rounds 23 to 26): round27 precision
    0.913, recall 0.973 (178/17/5); round27_held 0.894 and 0.933 (168/20/12). At the start
    of the session (9ef1515): round27_held 0.892 and 0.917."""
    _split_round("round27.toml", "round27", 1400)


def test_the_twenty_eighth_round() -> None:
    """tests/lens/written/round28.toml: 1,440 sentences by three independent writers (all
    eight categories in children's services; all eight in older people's services, with
    local and affectionate talk; objectifying, medicalising and infantilising on wards and in
    nursing homes), split like the fourth round: "round28" and "round28_held". On arrival
    (after rounds 23 to 27): round28 precision 0.931, recall 0.903 (242/18/26); round28_held
    0.926 and 0.863 (226/18/36). At the start of the session (9ef1515): round28_held 0.926
    and 0.855."""
    _split_round("round28.toml", "round28", 1400)


def test_the_twenty_ninth_round() -> None:
    """tests/lens/written/round29.toml: 1,440 sentences by three independent writers
    (SOURCES_A.md's four categories and SOURCES_B.md's four, as their first writers did, in
    their group schemes; all eight with clean sentences using the words a checker might flag
    in everyday senses), split like the fourth round: "round29" and "round29_held". On
    arrival (after rounds 23 to 28): round29 precision 0.938, recall 0.964 (240/16/9);
    round29_held 0.901 and 0.915 (227/25/21). At the start of the session (9ef1515):
    round29_held 0.897 and 0.915."""
    _split_round("round29.toml", "round29", 1400)


def test_the_thirtieth_round() -> None:
    """tests/lens/written/round30.toml: 1,440 sentences by three independent writers
    (SOURCES_A.md's four categories and SOURCES_B.md's four, as their first writers did, with
    many names and longer sentences; all eight with the writer's own life and colleagues in
    the same sentences as the people supported), split like the fourth round: "round30" and
    "round30_held". On arrival (after rounds 23 to 29): round30 precision 0.912, recall 0.898
    (238/23/27); round30_held 0.927 and 0.900 (242/19/27). At the start of the session
    (9ef1515): round30_held 0.919 and 0.888."""
    _split_round("round30.toml", "round30", 1400)


def test_the_thirty_second_round() -> None:
    """tests/lens/written/round32.toml: 1,440 sentences by three independent writers (all
    eight categories in mental health and learning disability services; as hurried home care
    notes on a phone, misspelt; as a registered manager's entries), split like the fourth
    round: "round32" and "round32_held". On arrival (after rounds 23 to 30): round32
    precision 0.939, recall 0.961 (248/16/10); round32_held 0.899 and 0.923 (240/27/20). At
    the start of the session (9ef1515): round32_held 0.887 and 0.904."""
    _split_round("round32.toml", "round32", 1400)


def test_the_thirty_first_round() -> None:
    """tests/lens/written/round31.toml: 1,440 sentences by three independent writers
    (SOURCES_A.md's four categories and SOURCES_B.md's four, as their first writers did, with
    the guides' own words; all eight with mentions as the main subject), split like the
    fourth round: "round31" and "round31_held". On arrival (after rounds 23 to 30 and 32):
    writer A's held quarter 0.929 and 0.898, B's 0.908 and 0.929, C's 0.908 and 0.967 (A and
    B were tuned on before C arrived). At the start of the session (9ef1515): round31_held
    0.909 and 0.897."""
    _split_round("round31.toml", "round31", 1400)


def test_the_thirty_third_round() -> None:
    """tests/lens/written/round33.toml: 1,440 sentences by three independent writers
    (SOURCES_A.md's four categories and SOURCES_B.md's four, as their first writers did, in
    other settings; all eight with a flaggable word and a clean one side by side), split like
    the fourth round: "round33" and "round33_held". On arrival (after rounds 23 to 32):
    round33 precision 0.955, recall 0.929 (236/11/18); round33_held 0.935 and 0.902
    (229/16/25). At the start of the session (9ef1515): round33_held 0.919 and 0.894."""
    _split_round("round33.toml", "round33", 1400)


def test_the_thirty_fourth_round() -> None:
    """tests/lens/written/round34.toml: 1,440 sentences by three independent writers (all
    eight categories in the voice of workers with English as a second language; as long
    reflective paragraphs; labels, othering and blame in compounds and names of services),
    split like the fourth round: "round34" and "round34_held". On arrival (after rounds 23
    to 33): writer A's held third 0.943 and 0.965, B's 0.931 and 0.910, C's 0.879 and 0.952.
    At the start of the session (9ef1515): round34_held 0.890 and 0.942."""
    _split_round("round34.toml", "round34", 1400)


def test_the_thirty_fifth_round() -> None:
    """tests/lens/written/round35.toml: 1,440 sentences by three independent writers
    (SOURCES_A.md's four categories and SOURCES_B.md's four, as their first writers did; all
    eight with the guides' respectful versions and the writer's off days as the clean
    sentences), split like the fourth round: "round35" and "round35_held". On arrival (after
    rounds 23 to 34): round35 precision 0.950, recall 0.976 (249/13/6); round35_held 0.925
    and 0.917 (233/19/21). At the start of the session (9ef1515): round35_held 0.909 and
    0.909."""
    _split_round("round35.toml", "round35", 1400)


def test_the_thirty_sixth_round() -> None:
    """tests/lens/written/round36.toml: 1,440 sentences by three independent writers (blame,
    power and jargon; infantilising, medicalising and objectifying; labels and othering; each
    with many clean sentences using the same words otherwise), split like the fourth round:
    "round36" and "round36_held". On arrival (after rounds 23 to 34): round36 precision
    0.913, recall 0.938 (240/23/16); round36_held 0.927 and 0.938 (242/19/16). At the start
    of the session (9ef1515): round36_held 0.888 and 0.926."""
    _split_round("round36.toml", "round36", 1400)


def test_the_thirty_seventh_round() -> None:
    """tests/lens/written/round37.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four, each as its first writer wrote them,
    in new settings; all eight in nurses' and social workers' revalidation accounts, mostly
    clean), split like the fourth round: "round37" and "round37_held". On arrival (after
    rounds 23 to 36): round37 precision 0.962, recall 0.946 (229/9/13); round37_held 0.941
    and 0.933 (224/14/16). At the start of session 30 (9ef1515): round37_held 0.936 and
    0.921."""
    _split_round("round37.toml", "round37", 1400)


def test_the_thirty_eighth_round() -> None:
    """tests/lens/written/round38.toml: 1,440 sentences by three independent writers (all
    eight categories in long handover sentences; as close calls whose clean sentences use
    the guides' own wording; in staff text messages and team chat), split like the fourth
    round: "round38" and "round38_held". On arrival (after round 37): round38 precision
    0.917, recall 0.949 (244/22/13); round38_held 0.953 and 0.931 (243/12/18). At the start
    of session 30 (9ef1515): round38_held 0.942 and 0.927."""
    _split_round("round38.toml", "round38", 1400)


def test_the_thirty_ninth_round() -> None:
    """tests/lens/written/round39.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four, each as its first writer wrote them,
    in children's and adults' services; all eight with mentions as the main subject), split
    like the fourth round: "round39" and "round39_held". On arrival (after round 40):
    round39 precision 0.932, recall 0.940 (205/15/13); round39_held 0.931 and 0.914
    (201/15/19). At the start of session 30 (9ef1515): round39_held 0.909 and 0.905."""
    _split_round("round39.toml", "round39", 1400)


def test_the_fortieth_round() -> None:
    """tests/lens/written/round40.toml: 1,440 sentences by three independent writers (all
    eight categories in senior carers' supervision notes, minutes and handover sheets; with
    most sentences clean ones about the writer's life outside work; in the regional and
    community Englishes of UK care workers), split like the fourth round: "round40" and
    "round40_held". On arrival (after round 38): round40 precision 0.895, recall 0.946
    (229/27/13); round40_held 0.907 and 0.929 (223/23/17). At the start of session 30
    (9ef1515): round40_held 0.899 and 0.929."""
    _split_round("round40.toml", "round40", 1400)


def test_the_forty_first_round() -> None:
    """tests/lens/written/round41.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four, each as its first writer wrote them,
    in mental health, homelessness, dementia and end-of-life settings; all eight with half
    the clean sentences using the words in names and fixed expressions), split like the
    fourth round: "round41" and "round41_held". On arrival (after round 40): round41
    precision 0.949, recall 0.934 (241/13/17); round41_held 0.930 and 0.937 (239/18/16). At
    the start of session 30 (9ef1515): round41_held 0.915 and 0.925."""
    _split_round("round41.toml", "round41", 1400)


def test_the_forty_second_round() -> None:
    """tests/lens/written/round42.toml: 1,440 sentences by three independent writers (all
    eight categories with the same words said of colleagues, relatives, the writer and
    things; SOURCES_A's four and SOURCES_B's four with many mentions), split like the fourth
    round: "round42" and "round42_held". On arrival (after round 40): round42 precision
    0.909, recall 0.930 (239/24/18); round42_held 0.933 and 0.912 (237/17/23). At the start
    of session 30 (9ef1515): round42_held 0.902 and 0.888."""
    _split_round("round42.toml", "round42", 1400)


def test_the_forty_third_round() -> None:
    """tests/lens/written/round43.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four, each as its first writer wrote them,
    in home care and in learning disability and autism services; all eight in workers'
    reflections on their own practice), split like the fourth round: "round43" and
    "round43_held". On arrival (after round 42): round43 precision 0.956, recall 0.952
    (239/11/12); round43_held 0.942 and 0.931 (229/14/17). At the start of session 30
    (9ef1515): round43_held 0.927 and 0.927."""
    _split_round("round43.toml", "round43", 1400)


def test_the_forty_fourth_round() -> None:
    """tests/lens/written/round44.toml: 1,440 sentences by three independent writers (all
    eight categories in very short log lines; with a word in two senses in each sentence; in
    children's services), split like the fourth round: "round44" and "round44_held". On
    arrival (after round 42): round44 precision 0.934, recall 0.894 (227/16/27);
    round44_held 0.914 and 0.868 (223/21/34). At the start of session 30 (9ef1515):
    round44_held 0.891 and 0.856."""
    _split_round("round44.toml", "round44", 1400)


def test_the_forty_fifth_round() -> None:
    """tests/lens/written/round45.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four, each as its first writer wrote them;
    all eight in entries by agency staff, students and volunteers), split like the fourth
    round: "round45" and "round45_held". On arrival (after round 44): round45 precision
    0.976, recall 0.950 (249/6/13); round45_held 0.950 and 0.939 (245/13/16). At the start
    of session 30 (9ef1515): round45_held 0.914 and 0.939."""
    _split_round("round45.toml", "round45", 1400)


def test_the_forty_sixth_round() -> None:
    """tests/lens/written/round46.toml: 1,440 sentences by three independent writers (all
    eight categories in entries drafted for supervision; in entries about groups; around
    health appointments and medication), split like the fourth round: "round46" and
    "round46_held". On arrival (after round 45): round46 precision 0.952, recall 0.906
    (240/12/25); round46_held 0.949 and 0.920 (243/13/21). At the start of session 30
    (9ef1515): round46_held 0.938 and 0.909."""
    _split_round("round46.toml", "round46", 1400)


def test_the_forty_seventh_round() -> None:
    """tests/lens/written/round47.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four, each as its first writer wrote them;
    all eight with the hardest clean sentences the writer could make), split like the
    fourth round: "round47" and "round47_held". On arrival (after round 46): round47
    precision 0.947, recall 0.980 (251/14/5); round47_held 0.942 and 0.949 (242/15/13). At
    the start of session 30 (9ef1515): round47_held 0.912 and 0.937."""
    _split_round("round47.toml", "round47", 1400)


def test_the_forty_eighth_round() -> None:
    """tests/lens/written/round48.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories in notes about parents and families; SOURCES_B's four in
    care home night notes; all eight in sentences naming several people at once), split like
    the fourth round: "round48" and "round48_held". On arrival (after round 47): round48
    precision 0.935, recall 0.925 (246/17/20); round48_held 0.928 and 0.882 (232/18/31). At
    the start of session 30 (9ef1515): round48_held 0.903 and 0.882."""
    _split_round("round48.toml", "round48", 1400)


def test_the_forty_ninth_round() -> None:
    """tests/lens/written/round49.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four, each as its first writer wrote them;
    all eight in the voices of the seed documents' authors), split like the fourth round:
    "round49" and "round49_held". On arrival (after round 48): round49 precision 0.929,
    recall 0.961 (249/19/10); round49_held 0.911 and 0.946 (247/24/14). At the start of
    session 30 (9ef1515): round49_held 0.869 and 0.939."""
    _split_round("round49.toml", "round49", 1400)


def test_the_fiftieth_round() -> None:
    """tests/lens/written/round50.toml: 1,440 sentences by three independent writers (all
    eight categories in uncommon and oddly spelt forms; in entries about people's rights and
    choices; in entries about distress, risk and incidents), split like the fourth round:
    "round50" and "round50_held". On arrival (after round 48): round50 precision 0.968,
    recall 0.931 (242/8/18); round50_held 0.935 and 0.871 (230/16/34). At the start of
    session 30 (9ef1515): round50_held 0.920 and 0.871."""
    _split_round("round50.toml", "round50", 1400)


def test_the_fifty_first_round() -> None:
    """tests/lens/written/round51.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four, each as its first writer wrote them,
    in the voices of several kinds of worker; all eight in warm entries about the little
    things), split like the fourth round: "round51" and "round51_held". On arrival (after
    round 50): round51_held 0.942 and 0.931 (244/15/18). With the lens at the start of
    session 31 (51ff455): round51_held 0.920 and 0.927; at the start of session 30
    (9ef1515): 0.916 and 0.920."""
    _split_round("round51.toml", "round51", 1400)


def test_the_fifty_second_round() -> None:
    """tests/lens/written/round52.toml: 1,440 sentences by three independent writers (all
    eight categories with the writer's own off days in the same words; written on a phone;
    beside strengths and shared decisions), split like the fourth round: "round52" and
    "round52_held". On arrival (after round 51): round52 precision 0.930, recall 0.958
    (251/19/11); round52_held 0.943 and 0.939 (247/15/16). With the lens at the start of
    session 31 (51ff455): round52_held 0.935 and 0.928; at the start of session 30
    (9ef1515): 0.924 and 0.928."""
    _split_round("round52.toml", "round52", 1400)


def test_the_fifty_third_round() -> None:
    """tests/lens/written/round53.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in supported living and
    homecare; SOURCES_B's four the same way, in mental health services; all eight beside what
    people supported themselves did and chose), split like the fourth round: "round53" and
    "round53_held". On arrival (the lens of stop 31, b8f4532): round53 precision 0.957,
    recall 0.953 (245/11/12); round53_held 0.944 and 0.915 (238/14/22). With the lens at the
    start of session 31 (51ff455): round53_held 0.926 and 0.915."""
    _split_round("round53.toml", "round53", 1400)


def test_the_fifty_fourth_round() -> None:
    """tests/lens/written/round54.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories in several workers' voices; SOURCES_B's four in hospital
    discharge, reablement and GP surgeries; all eight about meals, washing, sleep and getting
    about, the same words about equipment, pets and staff), split like the fourth round:
    "round54" and "round54_held". On arrival (the lens of stop 31, b8f4532): round54 precision
    0.970, recall 0.956 (262/8/12); round54_held 0.966 and 0.913 (253/9/24). With the lens at
    the start of session 31 (51ff455): round54_held 0.955 and 0.913."""
    _split_round("round54.toml", "round54", 1400)


def test_the_fifty_fifth_round() -> None:
    """tests/lens/written/round55.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in older people's care;
    SOURCES_B's four the same way, in learning disability supported living; all eight with
    the same words about the writer, colleagues, relatives or pets beside a person
    supported), split like the fourth round: "round55" and "round55_held". On arrival (the
    lens after rounds 53 and 54, 1ae5f0f): round55 precision 0.938, recall 0.956 (241/16/11);
    round55_held 0.893 and 0.921 (234/28/20). With the lens at the start of session 31
    (51ff455): round55_held 0.880 and 0.921."""
    _split_round("round55.toml", "round55", 1400)


def test_the_fifty_sixth_round() -> None:
    """tests/lens/written/round56.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in homelessness, substance
    use and refugee support; SOURCES_B's four in several workers' voices; all eight in
    reflective accounts for supervision or revalidation), split like the fourth round:
    "round56" and "round56_held". On arrival (the lens after rounds 53 and 54, 1ae5f0f):
    round56 precision 0.972, recall 0.957 (247/7/11); round56_held 0.936 and 0.925
    (235/16/19). With the lens at the start of session 31 (51ff455): round56_held 0.936 and
    0.925."""
    _split_round("round56.toml", "round56", 1400)


def test_the_fifty_seventh_round() -> None:
    """tests/lens/written/round57.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four, each as its first writer wrote them,
    in varied settings; all eight in entries that quote or report other people's wording),
    split like the fourth round: "round57" and "round57_held". On arrival (96fde94):
    round57 precision 0.958, recall 0.950 (248/11/13); round57_held 0.946 and 0.939
    (246/14/16). With the lens at the start of session 31 (51ff455): round57_held 0.935 and
    0.939."""
    _split_round("round57.toml", "round57", 1400)


def test_the_fifty_eighth_round() -> None:
    """tests/lens/written/round58.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in children's services;
    SOURCES_B's four in nursing homes, hospices and district nursing; all eight beside the
    same words in their everyday senses about a named person supported), split like the
    fourth round: "round58" and "round58_held". On arrival (96fde94): round58 precision 0.968,
    recall 0.949 (243/8/13); round58_held 0.963 and 0.925 (236/9/19). With the lens at the
    start of session 31 (51ff455): round58_held 0.956 and 0.929."""
    _split_round("round58.toml", "round58", 1400)


def test_the_fifty_ninth_round() -> None:
    """tests/lens/written/round59.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in adult social work case
    notes; SOURCES_B's four in homecare runs, night sits and extra care; all eight with the
    words negated, contrasted or replaced in the clean sentences), split like the fourth
    round: "round59" and "round59_held". On arrival (8f6b301): round59 precision 0.943,
    recall 0.965 (249/15/9); round59_held 0.925 and 0.915 (236/19/22). With the lens at the
    start of session 31 (51ff455): round59_held 0.908 and 0.915."""
    _split_round("round59.toml", "round59", 1400)


def test_the_sixtieth_round() -> None:
    """tests/lens/written/round60.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in several workers' voices;
    SOURCES_B's four in dementia day centres, memory cafes and respite houses; all eight in
    long end-of-shift sentences), split like the fourth round: "round60" and "round60_held".
    On arrival (56f8e0c): round60 precision 0.935, recall 0.963 (260/18/10); round60_held
    0.928 and 0.907 (244/19/25). With the lens at the start of session 31 (51ff455):
    round60_held 0.910 and 0.903."""
    _split_round("round60.toml", "round60", 1400)


def test_the_sixty_second_round() -> None:
    """tests/lens/written/round62.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in residential and nursing
    homes; SOURCES_B's four in brain and spinal injury rehab and disability services; all
    eight beside the same words about events, objects, weather, sport and TV), split like the
    fourth round: "round62" and "round62_held". On arrival (f3d2e4b): round62 precision
    0.958, recall 0.962 (252/11/10); round62_held 0.911 and 0.939 (246/24/16). With the lens
    at the start of session 31 (51ff455): round62_held 0.888 and 0.935."""
    _split_round("round62.toml", "round62", 1400)


def test_the_sixty_first_round() -> None:
    """tests/lens/written/round61.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in day services and
    advocacy groups; SOURCES_B's four as handover notes and reflective entries in turn; all
    eight beside the people supported using the words about their own lives), split like the
    fourth round: "round61" and "round61_held". On arrival (606720f): round61 precision
    0.957, recall 0.953 (242/11/12); round61_held 0.933 and 0.933 (237/17/17). With the lens
    at the start of session 31 (51ff455): round61_held 0.912 and 0.933."""
    _split_round("round61.toml", "round61", 1400)


def test_the_sixty_third_round() -> None:
    """tests/lens/written/round63.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four, each as its first writer wrote them,
    with the hardest clean sentences they could write; all eight in the voices of care
    workers whose first language is not English), split like the fourth round: "round63" and
    "round63_held". On arrival (25e07e9): round63 precision 0.961, recall 0.954 (249/10/12);
    round63_held 0.960 and 0.935 (243/10/17). With the lens at the start of session 31
    (51ff455): round63_held 0.949 and 0.931."""
    _split_round("round63.toml", "round63", 1400)


def test_the_sixty_fourth_round() -> None:
    """tests/lens/written/round64.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in supported living and
    homecare; SOURCES_B's four in care homes and day services; all eight with two people
    supported and a member of staff or a relative in every sentence), split like the fourth
    round: "round64" and "round64_held". On arrival (28ad112): round64 precision 0.946,
    recall 0.968 (244/14/8); round64_held 0.945 and 0.957 (242/14/11). With the lens at the
    start of session 31 (51ff455): round64_held 0.926 and 0.945."""
    _split_round("round64.toml", "round64", 1400)


def test_the_sixty_fifth_round() -> None:
    """tests/lens/written/round65.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in mental health supported
    housing, crisis teams and forensic step-down; SOURCES_B's four in several workers' voices;
    all eight in supervision preparation notes), split like the fourth round: "round65" and
    "round65_held". On arrival (8b88424): round65 precision 0.964, recall 0.934 (241/9/17);
    round65_held 0.956 and 0.915 (238/11/22). With the lens at the start of session 31
    (51ff455): round65_held 0.944 and 0.912."""
    _split_round("round65.toml", "round65", 1400)


def test_the_sixty_sixth_round() -> None:
    """tests/lens/written/round66.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in learning disability day
    services, shared lives and short breaks; SOURCES_B's four in hospital discharge, district
    nursing and reablement; all eight, half of them clean sentences with the guides' words in
    another sense or about staff, family, things or organisations), split like the fourth
    round: "round66" and "round66_held". On arrival (0471a83, the same figures as the lens at
    the start of session 34, b1ab183): round66 precision 0.950, recall 0.932 (248/13/18);
    round66_held 0.935 and 0.914 (246/17/23)."""
    _split_round("round66.toml", "round66", 1400)


def test_the_sixty_seventh_round() -> None:
    """tests/lens/written/round67.toml: 1,440 sentences by three independent writers (all
    eight categories in reflective accounts for a regulator's CPD record; SOURCES_A's four as
    its first writer wrote them, in children's homes, fostering and leaving care; SOURCES_B's
    four in dementia care at home and extra care housing, written on a phone), split like the
    fourth round: "round67" and "round67_held". On arrival (27e5e1c): round67 precision
    0.958, recall 0.951 (250/11/13); round67_held 0.952 and 0.891 (236/12/29). With the lens
    at the start of session 34 (b1ab183): round67_held 0.951 and 0.883 (234/12/31)."""
    _split_round("round67.toml", "round67", 1400)


def test_the_sixty_eighth_round() -> None:
    """tests/lens/written/round68.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in homeless hostels, drug and
    alcohol services and supported housing; SOURCES_B's four in nursing homes, hospices and
    palliative care at home; all eight as clipped daily log lines), split like the fourth
    round: "round68" and "round68_held". On arrival (9d8b398): round68 precision 0.960,
    recall 0.941 (241/10/15); round68_held 0.957 and 0.945 (242/11/14). With the lens at the
    start of session 34 (b1ab183): round68_held the same."""
    _split_round("round68.toml", "round68", 1400)


def test_the_sixty_ninth_round() -> None:
    """tests/lens/written/round69.toml: 1,440 sentences by three independent writers (all
    eight categories, every clean sentence using the guides' words about the writer, their
    family, colleagues or pets; SOURCES_A's four as its first writer wrote them, in long
    reflective sentences; SOURCES_B's four in community mental health, early intervention in
    psychosis and eating disorder services), split like the fourth round: "round69" and
    "round69_held". On arrival (6fd89df): round69 precision 0.907, recall 0.928 (233/24/18);
    round69_held 0.873 and 0.908 (226/33/23). With the lens at the start of session 34
    (b1ab183): the same."""
    _split_round("round69.toml", "round69", 1400)


def test_the_seventieth_round() -> None:
    """tests/lens/written/round70.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in rural homecare for older
    people; SOURCES_B's four in learning disability supported living and autism services; all
    eight, a third each of mentions of every kind, flagged uses in the same shapes and clean
    sentences), split like the fourth round: "round70" and "round70_held". On arrival
    (6b36fc8, the same as the lens at the start of session 34, b1ab183): round70 precision
    0.956, recall 0.948 (239/11/13); round70_held 0.926 and 0.926 (237/19/19)."""
    _split_round("round70.toml", "round70", 1400)


def test_the_seventy_first_round() -> None:
    """tests/lens/written/round71.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in home care visits and
    supported living; SOURCES_B's four in a mental health rehabilitation unit and a children's
    home; all eight, clean sentences weighted to the guides' words about the writer,
    colleagues, family, pets, sport, machines and organisations beside a person supported),
    split like the fourth round: "round71" and "round71_held". On arrival (c1424f9, the lens
    at the start of session 35): round71 precision 0.968, recall 0.916 (241/8/22);
    round71_held 0.961 and 0.943 (249/10/15)."""
    _split_round("round71.toml", "round71", 1400)


def test_the_seventy_second_round() -> None:
    """tests/lens/written/round72.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in youth offending, homeless
    outreach and refugee resettlement; SOURCES_B's four in care home nights, hospital wards
    and residential dementia care; all eight, in supervision notes where the worker reflects
    on their own wording and slips into it), split like the fourth round: "round72" and
    "round72_held". On arrival (f4d4556): round72 precision 0.948, recall 0.914 (235/13/22);
    round72_held 0.934 and 0.937 (239/17/16). With the lens at the start of session 35
    (c1424f9): round72 0.947 and 0.911 (234/13/23); round72_held 0.930 and 0.937
    (239/18/16)."""
    _split_round("round72.toml", "round72", 1400)


def test_the_seventy_third_round() -> None:
    """tests/lens/written/round73.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in adult social care
    assessments, safeguarding and family support; SOURCES_B's four in learning disability
    homes, autism and day services, as daily notes; all eight, clean sentences mostly the
    guides' words in their everyday senses beside people supported), split like the fourth
    round: "round73" and "round73_held". On arrival (dd03a72): round73 precision 0.946,
    recall 0.957 (247/14/11); round73_held 0.928 and 0.939 (245/19/16). With the lens at the
    start of session 35 (c1424f9): round73 0.946 and 0.953 (246/14/12); round73_held the
    same."""
    _split_round("round73.toml", "round73", 1400)


def test_the_seventy_fourth_round() -> None:
    """tests/lens/written/round74.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in a care home for older
    people and a home care agency; SOURCES_B's four in supported living and a community mental
    health team; all eight, every sentence naming a person supported and a colleague,
    relative or friend), split like the fourth round: "round74" and "round74_held". On
    arrival (d35ea21): round74 precision 0.945, recall 0.949 (241/14/13); round74_held 0.960
    and 0.941 (239/10/15). With the lens at the start of session 35 (c1424f9): round74 the
    same; round74_held 0.959 and 0.925 (235/10/19)."""
    _split_round("round74.toml", "round74", 1400)


def test_the_seventy_fifth_round() -> None:
    """tests/lens/written/round75.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in children's social work,
    fostering and leaving care; SOURCES_B's four in home care, reablement and end-of-life care
    at home, typed on a phone; all eight in everyday log-line shapes), split like the fourth
    round: "round75" and "round75_held". On arrival (17eff6f): round75 precision 0.964,
    recall 0.938 (242/9/16); round75_held 0.933 and 0.922 (236/17/20). With the lens at the
    start of session 35 (c1424f9): round75 the same; round75_held 0.932 and 0.910
    (233/17/23)."""
    _split_round("round75.toml", "round75", 1400)


def test_the_seventy_sixth_round() -> None:
    """tests/lens/written/round76.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in hospital discharge,
    intermediate care, drug and alcohol services and supported housing; SOURCES_B's four in
    nursing homes, hospices and day centres; all eight, a third flagged uses, a sixth mentions
    and the rest the guides' recommended wording or the same words about staff, family and
    things), split like the fourth round: "round76" and "round76_held". On arrival (8a527b4):
    round76 precision 0.961, recall 0.954 (247/10/12); round76_held 0.949 and 0.934
    (240/13/17). With the lens at the start of session 35 (c1424f9): round76 0.957 and 0.946
    (245/11/14); round76_held 0.944 and 0.911 (234/14/23)."""
    _split_round("round76.toml", "round76", 1400)


def test_the_seventy_seventh_round() -> None:
    """tests/lens/written/round77.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four as their first writers wrote them,
    across every adult and children's setting, half short log lines and half long
    reflections; all eight in both schemes), split like the fourth round: "round77" and
    "round77_held". On arrival (3704c11): round77 precision 0.972, recall 0.961 (246/7/10);
    round77_held 0.937 and 0.937 (239/16/16). With the lens at the start of session 35
    (c1424f9): round77 0.968 and 0.941 (241/8/15); round77_held 0.940 and 0.929
    (237/15/18)."""
    _split_round("round77.toml", "round77", 1400)


def test_the_seventy_eighth_round() -> None:
    """tests/lens/written/round78.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories in supported living, secure wards, foster care and hostels;
    SOURCES_B's four in nursing homes, day centres, hospice and reablement; both worked from
    the public guides without reading SOURCES_A.md or SOURCES_B.md; all eight in journal
    entries, messages, supervision and handover notes), split like the fourth round:
    "round78" and "round78_held". On arrival (6e99e6e plus the client change of session 36,
    which moved none of it): round78 precision 0.938, recall 0.894 (228/15/27);
    round78_held 0.942 and 0.938 (242/15/16)."""
    _split_round("round78.toml", "round78", 1400)


def test_the_seventy_ninth_round() -> None:
    """tests/lens/written/round79.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories as its first writer wrote them, in home care, mental
    health, youth justice, children's homes and family support; SOURCES_B's four on wards, in
    dementia homes, day services and home-care rounds; all eight, half in text-message
    shorthand), split like the fourth round: "round79" and "round79_held". On arrival (after
    round 78 and four of session 36's changes, none of which moved it; the same with the lens
    at the start of session 36, 6e99e6e): round79 precision 0.980, recall 0.941 (240/5/15);
    round79_held 0.956 and 0.945 (241/11/14)."""
    _split_round("round79.toml", "round79", 1400)


def test_the_eightieth_round() -> None:
    """tests/lens/written/round80.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four as their first writers wrote them, with
    care words beside a name, a room, a time or a list, and clean sentences in the same
    shapes; all eight in reflective accounts for a regulator and supervision notes), split
    like the fourth round: "round80" and "round80_held". On arrival (2eab52e): round80
    precision 0.945, recall 0.949 (241/14/13); round80_held 0.949 and 0.945 (240/13/14).
    With the lens at the start of session 36 (6e99e6e): round80_held 0.948 and 0.941
    (239/13/15)."""
    _split_round("round80.toml", "round80", 1400)


def test_the_eighty_first_round() -> None:
    """tests/lens/written/round81.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four as their first writers wrote them, in
    Scottish, Welsh and Northern Irish services and other new settings; all eight in two- and
    three-clause sentences with clean ones about the writer's own life), split like the
    fourth round: "round81" and "round81_held". On arrival (8d98cbc; the same with the lens
    at the start of session 36, 6e99e6e): round81 precision 0.957, recall 0.957 (245/11/11);
    round81_held 0.923 and 0.931 (241/20/18)."""
    _split_round("round81.toml", "round81", 1400)


def test_the_eighty_second_round() -> None:
    """tests/lens/written/round82.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four as their first writers wrote them, with
    many clean sentences where the same words describe events, sport, weather, machines,
    shops, pets, the writer's children and colleagues; all eight as log lines, reflections
    and messages to other agencies), split like the fourth round: "round82" and
    "round82_held". On arrival (2dfb65d; the same with the lens at the start of session 36,
    6e99e6e): round82 precision 0.954, recall 0.954 (251/12/12); round82_held 0.938 and
    0.916 (240/16/22). After the next change (a numbered bed said where it is): round82_held
    0.941 and 0.916 (240/15/22)."""
    _split_round("round82.toml", "round82", 1400)


def test_the_eighty_third_round() -> None:
    """tests/lens/written/round83.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four as their first writers wrote them, with
    the writer's own off days and what relatives, professionals and managers said; all eight
    on the little things that made a difference, in plain words), split like the fourth
    round: "round83" and "round83_held". On arrival (after session 36's changes to here):
    round83 precision 0.957, recall 0.957 (247/11/11); round83_held 0.935 and 0.957
    (246/17/11). With the lens at the start of session 36 (6e99e6e): round83 0.957 and 0.953
    (246/11/12); round83_held the same as on arrival."""
    _split_round("round83.toml", "round83", 1400)


def test_the_eighty_fourth_round() -> None:
    """tests/lens/written/round84.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four as their first writers wrote them, as a
    tired worker writes at the end of a long shift; all eight in a new worker's first weeks),
    split like the fourth round: "round84" and "round84_held". It arrived after every change
    of session 36 (a01768d): round84 precision 0.984, recall 0.965 (250/4/9); round84_held
    0.963 and 0.977 (259/10/6). With the lens at the start of session 36 (6e99e6e): round84
    the same; round84_held 0.963 and 0.970 (257/10/8)."""
    _split_round("round84.toml", "round84", 1400)


def test_the_eighty_fifth_round() -> None:
    """tests/lens/written/round85.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four as their first writers wrote them, with
    words negated, hedged, contrasted or said of the writer's own team as well as plainly
    used; all eight in night-shift, weekend and bank-holiday entries), split like the fourth
    round: "round85" and "round85_held". It arrived after session 36's changes to 6acbd0e:
    round85 precision 0.962, recall 0.977 (251/10/6); round85_held 0.957 and 0.949
    (242/11/13). With the lens at the start of session 36 (6e99e6e): round85 0.962 and 0.973
    (250/10/7); round85_held the same as on arrival."""
    _split_round("round85.toml", "round85", 1400)


def test_the_eighty_sixth_round() -> None:
    """tests/lens/written/round86.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four as their first writers wrote them, in
    the voice of experienced workers mixing old habits with newer wording; all eight in
    unusual sentence shapes), split like the fourth round: "round86" and "round86_held". It
    arrived after every change of session 36 (6e43fc0): round86 precision 0.961, recall
    0.957 (247/10/11); round86_held 0.956 and 0.953 (241/11/12). With the lens at the start
    of session 36 (6e99e6e): round86 the same; round86_held 0.956 and 0.945 (239/11/14)."""
    _split_round("round86.toml", "round86", 1400)


def test_the_eighty_seventh_round() -> None:
    """tests/lens/written/round87.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories in hostels, youth justice, mental health, day services and
    children's homes; SOURCES_B's four on wards, in nursing homes, home care and schools; both
    as hurried handovers and longer reflections; all eight in quoted and reported speech and
    team meetings), split like the fourth round: "round87" and "round87_held". It arrived
    after session 37's first change (7b1f8b2): round87 precision 0.957, recall 0.961
    (245/11/10); round87_held 0.954 and 0.950 (247/12/13). With the lens at the start of
    session 37 (bf3d781): the same on both halves."""
    _split_round("round87.toml", "round87", 1400)


def test_the_eighty_eighth_round() -> None:
    """tests/lens/written/round88.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories in learning disability, supported living, care homes and
    child protection; SOURCES_B's four on mental health wards, in dementia care, day services
    and hospice; both in the voice of agency staff, students and newly qualified workers; all
    eight with the same words used of the writer's own family, pets and colleagues), split
    like the fourth round: "round88" and "round88_held". It arrived after session 37's
    changes to c931fbf: round88 precision 0.942, recall 0.953 (245/15/12); round88_held
    0.943 and 0.947 (248/15/14). With the lens at the start of session 37 (bf3d781): round88
    the same; round88_held 0.939 and 0.947 (248/16/14)."""
    _split_round("round88.toml", "round88", 1400)


def test_the_eighty_ninth_round() -> None:
    """tests/lens/written/round89.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories in homelessness, drug and alcohol services, refuges, care
    leavers' services and probation, as phone notes and team chat; SOURCES_B's four in
    district nursing, rehab, short breaks and palliative care, with clinical facts stated
    respectfully; all eight in long sentences with lists, brackets and dashes), split like
    the fourth round: "round89" and "round89_held". It arrived after session 37's changes to
    132692d: round89 precision 0.980, recall 0.916 (240/5/22); round89_held 0.960 and 0.930
    (238/10/18). With the lens at the start of session 37 (bf3d781): the same on both."""
    _split_round("round89.toml", "round89", 1400)


def test_the_ninetieth_round() -> None:
    """tests/lens/written/round90.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories in the voice of managers and team leaders; SOURCES_B's four
    in the voice of night staff, bank staff and live-in carers; all eight in short fragments
    and one-line log entries), split like the fourth round: "round90" and "round90_held". It
    arrived after session 37's changes to e4f0b25: round90 precision 0.972, recall 0.961
    (245/7/10); round90_held 0.975 and 0.930 (238/6/18). With the lens at the start of
    session 37 (bf3d781): the same on both halves."""
    _split_round("round90.toml", "round90", 1400)


def test_the_ninety_first_round() -> None:
    """tests/lens/written/round91.toml: 1,440 sentences by three independent writers
    (SOURCES_A's four categories and SOURCES_B's four as their first writers wrote them, in
    every setting, voice and length; all eight in any sentence shape), split like the fourth
    round: "round91" and "round91_held". It arrived after every change of session 37
    (788ae2f) and was not tuned on: round91 precision 0.977, recall 0.970 (259/6/8);
    round91_held 0.984 and 0.958 (254/4/11). With the lens at the start of session 37
    (bf3d781): round91 0.970 and 0.970 (259/8/8); round91_held the same as on arrival."""
    _split_round("round91.toml", "round91", 1400)


def test_the_ninety_second_round() -> None:
    """tests/lens/written/round92.toml: 1,333 sentences by four independent writers, each
    given one sources file's guides and rules and the development part of its set (set_a or
    set_b) as examples of that author's style and labelling, and asked for new sentences of
    the same kinds, group by group; none saw the held-out part. Split like the fourth round:
    "round92" (664) and "round92_held" (669). On arrival (main at beb4fbd, session 37's
    lens): round92 precision 0.973, recall 0.895 (291/8/34), 50 of 51 mentions shown;
    round92_held 0.932 and 0.889 (289/21/36), 50 of 56 mentions shown: as hard as the
    held-out part (0.926 and 0.906), where the other recent rounds scored 0.96 to 0.98."""
    _split_round("round92.toml", "round92", 1300)


def test_the_ninety_third_round() -> None:
    """tests/lens/written/round93.toml: 1,333 sentences by four more writers briefed as for
    the ninety-second round (set A's and set B's authors imitated from their development
    parts), split like the fourth round: "round93" (664) and "round93_held" (669). On
    arrival, with the lens at the start of session 38 (beb4fbd): round93 precision 0.967,
    recall 0.890 (290/10/36), 47 of 51 mentions shown; round93_held 0.957 and 0.870
    (289/13/43), 51 of 57 mentions shown. With the session's first changes (made for the
    ninety-second round before this set arrived): round93 291/10/35, round93_held the
    same."""
    _split_round("round93.toml", "round93", 1300)


def test_the_ninety_fifth_round() -> None:
    """tests/lens/written/round95.toml: 1,333 sentences by four more writers briefed as for
    the ninety-second round, split like the fourth round: "round95" (664) and
    "round95_held" (669). It arrived after the session's changes for the ninety-second and
    ninety-third rounds (27e6400): round95 precision 0.977, recall 0.909 (299/7/30), 47 of
    51 mentions shown; round95_held 0.947 and 0.856 (285/16/48), 51 of 54 mentions shown.
    With the lens at the start of session 38 (beb4fbd): round95 296/7/33, round95_held
    283/16/50."""
    _split_round("round95.toml", "round95", 1300)


def test_the_ninety_sixth_round() -> None:
    """tests/lens/written/round96.toml: 1,333 sentences by four more writers briefed as for
    the ninety-second round, split like the fourth round: "round96" (664) and
    "round96_held" (669). It arrived after the session's changes for the ninety-second,
    ninety-third and ninety-fifth rounds (44e8ff8): round96 precision 0.983, recall 0.898
    (292/5/33), 49 of 51 mentions shown; round96_held 0.966 and 0.919 (308/11/27), 52 of 55
    mentions shown. With the lens at the start of session 38 (beb4fbd): round96 290/6/35,
    round96_held 305/11/30."""
    _split_round("round96.toml", "round96", 1300)


def test_the_ninety_seventh_round() -> None:
    """tests/lens/written/round97.toml: 1,333 sentences by four more writers briefed as for
    the ninety-second round, split like the fourth round: "round97" (664) and
    "round97_held" (669). It arrived after the session's changes for the ninety-second to
    ninety-sixth rounds (4ec461b): round97 precision 0.949, recall 0.905 (296/16/31), 50 of
    51 mentions shown; round97_held 0.980 and 0.889 (287/6/36), 50 of 55 mentions shown.
    With the lens at the start of session 38 (beb4fbd): round97 296/17/31, round97_held
    283/8/40."""
    _split_round("round97.toml", "round97", 1300)


def test_the_ninety_fourth_round() -> None:
    """tests/lens/written/round94.toml: 1,333 sentences by four writers briefed as for the
    ninety-second round, split like the fourth round: "round94" (664) and "round94_held"
    (669). It arrived early in session 38 and was kept aside, neither half read nor scored,
    until every change of the session was made: a check on text nothing was tuned on.
    With the lens at the start of session 38 (beb4fbd): round94 precision 0.974, recall
    0.917 (297/8/27); round94_held 0.957 and 0.893 (292/13/35). With the session's last
    lens (efff421, and the same with af829be): round94 0.974 and 0.929 (301/8/23);
    round94_held 0.961 and 0.908 (297/12/30). Mentions: 50 of 51 and 49 of 55 shown with
    both."""
    _split_round("round94.toml", "round94", 1300)
