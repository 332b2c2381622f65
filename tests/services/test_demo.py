"""The made-up sample entries are varied, hang together, and show every ability."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from carejournal.core.catalogues import find_rung, kindness_acts
from carejournal.core.domain import Entry, EntryDraft, EntryFilter, EntryKind, LinkKind
from carejournal.core.goals import GoalStatus
from carejournal.core.preparation import AgendaKind, Stage
from carejournal.core.registration import Register
from carejournal.core.supervision import ActionStatus, Function
from carejournal.core.templates import fallibility, find_model, models
from carejournal.services.demo import demo_drafts, fill_demo, load_templates
from carejournal.services.demo_cpd import add_cpd
from carejournal.services.demo_extras import DONE_AFTER_DAYS, story_size
from carejournal.services.journal import Journal

TODAY = dt.date(2026, 11, 22)
ACTS = {act.key: number for number, act in enumerate(kindness_acts(), start=1)}
ACTS["remembered"] = len(ACTS) + 1  # the sample worker's own little thing
WITH_PERSON = {"co-design", "co-production"}


def test_default_demo_covers_about_three_months_of_every_kind() -> None:
    drafts = list(demo_drafts(today=TODAY))
    assert {d.kind for d in drafts} == set(EntryKind)
    days = sorted(d.occurred_on for d in drafts)
    assert days[-1] == TODAY and (TODAY - days[0]).days == 89
    assert all("sample" in d.tags for d in drafts)


def test_demo_is_repeatable_and_sized_on_request() -> None:
    assert list(demo_drafts(count=50, seed=3, today=TODAY, acts=ACTS)) == \
        list(demo_drafts(count=50, seed=3, today=TODAY, acts=ACTS))
    assert len(list(demo_drafts(count=2000, today=TODAY))) == 2000


def _texts(d: EntryDraft) -> str:
    return "\n".join([d.title, d.body, d.strengths, *(t for _k, t in d.sections),
                      *(x.text for x in d.decisions), *(a.text for a in d.actions)])


def test_demo_details_are_consistent() -> None:
    for d in demo_drafts(count=600, today=TODAY, acts=ACTS):
        if d.feeling:
            low = d.feeling.word in {"tired", "flat", "uneasy", "rushed"}
            assert low == (d.feeling.score <= 2), d.feeling
        if d.title in {"The door sensor", "Sugar in the tea"} and d.feeling:
            assert d.feeling.score <= 3
        if d.title.startswith("Morning visit") and d.occurred_time:
            assert d.occurred_time.hour < 12
        if d.kind is EntryKind.INTERACTION and d.occurred_time:
            assert d.shift == ("early" if d.occurred_time.hour < 14 else "late")
        assert "{person}" not in _texts(d)
        if d.people:
            assert d.people[0] in _texts(d)
        for item in d.actions:
            assert item.review_on and item.review_on > d.occurred_on
            old = item.review_on < TODAY - dt.timedelta(days=DONE_AFTER_DAYS)
            assert (item.done_on is not None) == old, item


def test_drafts_carry_strengths_decisions_little_things_and_sections() -> None:
    drafts = list(demo_drafts(count=600, today=TODAY, acts=ACTS))
    by_kind = {kind: [d for d in drafts if d.kind is kind] for kind in EntryKind}
    meetings = by_kind[EntryKind.INTERACTION]
    assert 0.7 < sum(bool(d.strengths) for d in meetings) / len(meetings) < 1
    assert all(d.decisions and d.acts for d in meetings)
    assert all(len(d.acts) == 1 for d in by_kind[EntryKind.KINDNESS])
    assert {a.act_id for d in drafts for a in d.acts} <= set(ACTS.values())
    areas = {o.key for o in fallibility().section("area").options}
    for d in by_kind[EntryKind.FALLIBILITY]:
        assert [k for k, _t in d.sections] == ["area", "treated", "expectations"]
        assert d.section("area") in areas
    used = Counter(d.model for d in by_kind[EntryKind.REFLECTION])
    assert set(used) == {m.key for m in models()}
    assert not any(d.acts for d in drafts if d.kind is not EntryKind.INTERACTION
                   and d.kind is not EntryKind.KINDNESS)


def test_drafts_without_act_ids_record_no_little_things() -> None:
    assert not any(d.acts for d in demo_drafts(count=200, today=TODAY))


def test_demo_texts_name_only_real_rungs_models_sections_and_acts() -> None:
    data = load_templates()
    acts = set(ACTS) | {own["key"] for own in data["own_act"]}
    stories = {story["key"] for story in data["story"]}
    for template in data["interaction"] + data["story"]:
        for decision in template.get("decisions", ()):
            find_rung(decision["rung"])  # raises for an unknown rung
        assert set(template.get("acts", ())) <= acts, template["title"]
    assert {t["act"] for t in data["kindness"]} <= acts
    for template in data["reflection"] + data["story"]:
        if "model" in template:
            keys = {s.key for s in find_model(template["model"]).sections}
            assert set(template["sections"]) <= keys, template["title"]
    for goal in data["goal"]:
        assert {a["entry"] for a in goal["attempts"] if "entry" in a} <= stories
    assert {mirror["of"] for mirror in data["mirror"]} <= stories


# -- the whole sample, as `carejournal demo` makes it -------------------------------------------
@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Journal, int]]:
    """A journal filled once with the default sample."""
    journal = Journal.open(tmp_path_factory.mktemp("demo") / "journal.sqlite", create=True)
    added = fill_demo(journal, today=TODAY)
    yield journal, added
    journal.close()


@pytest.fixture(scope="module")
def entries(demo: tuple[Journal, int]) -> list[Entry]:
    journal, _added = demo
    return [journal.get(row.id) for row in journal.rows(EntryFilter())]


def test_fill_demo_adds_every_kind_all_tagged_sample(demo: tuple[Journal, int],
                                                   entries: list[Entry]) -> None:
    journal, added = demo
    assert added == len(entries) == journal.count() == 180
    assert {e.kind for e in entries} == set(EntryKind)
    assert all("sample" in e.tags for e in entries)
    assert max(e.occurred_on for e in entries) == TODAY


def test_fill_demo_uses_every_reflective_model_and_most_of_the_ladder(
        entries: list[Entry]) -> None:
    reflections = [e for e in entries if e.kind is EntryKind.REFLECTION]
    assert {e.model for e in reflections} == {m.key for m in models()}
    assert all(e.sections for e in reflections if e.model != "free")
    schon = [e.section("mode") for e in reflections if e.model == "schon"]
    assert set(schon) == {"in-action", "on-action"}
    decisions = [d for e in entries for d in e.decisions]
    assert len({d.rung for d in decisions}) >= 5
    assert sum(d.rung in WITH_PERSON for d in decisions) > len(decisions) / 2
    assert sum(d.rung == "coercion" for d in decisions) < len(decisions) / 10
    assert {d.choices_offered for d in decisions} >= {True, False}


def test_fill_demo_notes_strengths_and_little_things(demo: tuple[Journal, int],
                                                   entries: list[Entry]) -> None:
    journal, _added = demo
    meetings = [e for e in entries if e.kind is EntryKind.INTERACTION]
    assert sum(bool(e.strengths) for e in meetings) > 0.7 * len(meetings)
    assert all(e.acts for e in entries if e.kind is EntryKind.KINDNESS)
    own = journal.kindness.find("Remembered something they told me last time")
    assert own.key is None and own.uses > 0
    assert journal.kindness.logged(since=TODAY - dt.timedelta(days=7))


def test_fill_demo_links_mirror_notes_both_ways(demo: tuple[Journal, int],
                                                entries: list[Entry]) -> None:
    journal, _added = demo
    mirrors = [e for e in entries if any(link.outgoing for link in e.links)]
    assert len(mirrors) >= 3
    for mirror in mirrors:
        assert mirror.kind is EntryKind.FALLIBILITY and mirror.section("area")
        (link,) = mirror.links
        assert link.kind is LinkKind.MIRROR and link.other_kind is EntryKind.INTERACTION
        back = journal.get(link.entry_id).links
        assert [(b.entry_id, b.outgoing) for b in back] == [(mirror.id, False)]


def test_fill_demo_has_goals_in_every_status_with_attempts(demo: tuple[Journal, int]) -> None:
    journal, _added = demo
    goals = journal.goals.list()
    statuses = {g.status for g in goals}
    assert statuses >= {GoalStatus.ACTIVE, GoalStatus.PAUSED, GoalStatus.ACHIEVED,
                        GoalStatus.DISCONTINUED}
    assert all(g.attempts for g in goals)
    assert len({g.person for g in goals}) >= 4
    attempts = [a for g in goals for a in journal.goals.attempts(g.id)]
    linked = [a for a in attempts if a.entry_id is not None]
    assert len(linked) >= 5 and all(a.occurred_on <= TODAY for a in attempts)
    assert all(journal.get(a.entry_id).people == (journal.goals.get(a.goal_id).person,)
               for a in linked)


def test_fill_demo_asks_before_a_goal_is_ended_early(demo: tuple[Journal, int]) -> None:
    journal, _added = demo
    (ended,) = journal.goals.list(statuses=[GoalStatus.DISCONTINUED])
    assert ended.attempts < journal.goals.threshold()
    assert ended.asked_at is not None and ended.own_attempts and ended.own_attempts > 1
    reflection = journal.get(ended.reflection_id)
    assert reflection.kind is EntryKind.FALLIBILITY and reflection.people == (ended.person,)
    assert reflection.occurred_on == TODAY and "sample" in reflection.tags
    assert reflection.section("area") and reflection.section("expectations")


def test_fill_demo_has_action_items_due_around_today(demo: tuple[Journal, int]) -> None:
    journal, _added = demo
    due = journal.actions_due(TODAY)
    assert due and all(TODAY - a.review_on < dt.timedelta(days=14) for a in due)
    assert any(a.review_on > TODAY for a in journal.actions_due(TODAY, days_ahead=3))


def test_fill_demo_sets_the_usual_shifts(demo: tuple[Journal, int]) -> None:
    journal, _added = demo
    shifts = {s.name: s.hours_text() for s in journal.settings.shifts()}
    assert shifts == {"early": "07:00–15:00", "late": "14:00–22:00"}
    assert journal.settings.reminders_on()


def _snapshot(path: Path, count: int | None) -> tuple[object, ...]:
    journal = Journal.open(path, create=True)
    try:
        added = fill_demo(journal, count=count, seed=5, today=TODAY)
        rows = [(r.kind, r.occurred_on, r.occurred_time, r.summary, r.people)
                for r in journal.rows(EntryFilter())]
        goals = [(g.person, g.text, g.status, g.attempts) for g in journal.goals.list()]
        links = sum(len(journal.get(r.id).links) for r in journal.rows(EntryFilter()))
        sessions = [s.as_json() for s in journal.supervision.sessions()]
        upcoming = journal.supervision.next_session(TODAY)
        prep = journal.supervision.preparation(upcoming.id, TODAY).to_json() if upcoming \
            else None
        return added, journal.count(), rows, goals, links, sessions, prep
    finally:
        journal.close()


def test_fill_demo_is_repeatable_and_its_extras_do_not_grow_with_size(tmp_path: Path) -> None:
    first = _snapshot(tmp_path / "a.sqlite", 60)
    assert first == _snapshot(tmp_path / "b.sqlite", 60)
    added, count, _rows, goals, links, sessions, prep = first
    assert len(sessions) == 3 and prep is not None
    bigger = _snapshot(tmp_path / "c.sqlite", 400)
    assert (added, count) == (60, 60) and bigger[:2] == (400, 400)
    assert (bigger[3], bigger[4]) == (goals, links) and len(goals) >= 4


def test_fill_demo_too_small_for_the_stories_adds_plain_entries(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "small.sqlite", create=True)
    try:
        small = story_size(load_templates()) - 1
        assert fill_demo(journal, count=small, today=TODAY) == journal.count() == small
        assert journal.goals.list() == [] and journal.settings.shifts()
    finally:
        journal.close()


def test_fill_demo_has_a_nurses_learning_and_feedback(demo: tuple[Journal, int]) -> None:
    journal, _added = demo
    learning = journal.cpd.learning()
    assert len(learning) == 5 and len(journal.cpd.feedback()) == 3
    assert [e.name for r in learning for e in r.evidence] == ["certificate-dysphagia.txt"]
    status = journal.cpd.status()
    assert status.text.startswith("Revalidation by ")
    assert "CPD 22 of 35 hours (16 of 20 participatory), feedback 3 of 5" in status.text
    assert "reflective accounts 2 of 5" in status.text  # written from two reflections
    titles = {journal.get(entry_id).title for entry_id, _day in journal.cpd.accounts()}
    assert titles == {"Four goes at the bus", "Efe is a singer, not a swimmer"}


# -- a social worker's year, and the supervision both samples share -----------------------
@pytest.fixture(scope="module")
def social_work(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    """A journal filled once with the sample for Social Work England."""
    journal = Journal.open(tmp_path_factory.mktemp("swe") / "journal.sqlite", create=True)
    fill_demo(journal, today=TODAY, register=Register.SWE)
    yield journal
    journal.close()


def test_fill_demo_for_swe_has_a_social_workers_year(social_work: Journal) -> None:
    journal = social_work
    assert journal.cpd.register() is Register.SWE and journal.cpd.revalidation_on() is None
    start, end = dt.date(2025, 12, 1), dt.date(2026, 11, 30)
    learning = journal.cpd.learning()
    this_year = [r for r in learning if start <= r.ended_on <= end]
    assert len(this_year) >= 3 and len(learning) > len(this_year)  # one from the year before
    assert len({r.method for r in this_year}) == len(this_year)  # each of a different type
    assert any("peer reflection" in r.method.lower() for r in this_year)
    peer = [r for r in this_year if r.peer_reflection]
    assert len(peer) == 1 and peer[0].participatory_minutes > 0
    for record in learning:  # what I learnt, and what changed in my practice, in my words
        learnt, impact = record.changed.split("\n\n")
        assert learnt.startswith("I learnt") and " I " in impact, record.topic
        assert not record.themes  # the NMC Code's themes are the nurse's
    assert [e.name for r in learning for e in r.evidence] == [
        "certificate-strengths-based-practice.txt"]
    assert len(journal.cpd.feedback()) == 2


def test_fill_demo_for_swe_shows_the_registration_year_on_the_tracker(
        social_work: Journal) -> None:
    status = social_work.cpd.status(TODAY)
    assert status.text == ("Registration year to 30 November: CPD 4 of 2, with peer "
                           "reflection 1 of 1")
    figures = {f.key: (f.done, f.needed) for f in status.figures}
    assert figures == {"cpd": (4, 2), "peer_reflection": (1, 1)}
    assert status.deadline == dt.date(2026, 11, 30)


def test_the_swe_year_just_begun_still_shows_its_peer_reflection(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "december.sqlite", create=True)
    try:
        december = dt.date(2026, 12, 3)
        add_cpd(journal, december, Register.SWE)
        assert journal.cpd.status(december).text == (
            "Registration year to 30 November: CPD 1 of 2, with peer reflection 1 of 1")
        (latest, *earlier) = journal.cpd.learning()
        assert latest.peer_reflection and latest.ended_on == dt.date(2026, 12, 1)
        assert all(r.ended_on < dt.date(2026, 12, 1) for r in earlier)
    finally:
        journal.close()


def test_fill_demo_for_nmc_is_the_default_and_unchanged(demo: tuple[Journal, int]) -> None:
    journal, _added = demo
    assert journal.cpd.register() is Register.NMC
    assert journal.cpd.status(TODAY).text.startswith("Revalidation by 25 February 2028: CPD 22")


@pytest.mark.parametrize("register", [Register.NMC, Register.SWE])
def test_fill_demo_has_supervision_with_actions_linked_to_the_four_functions(
        register: Register, demo: tuple[Journal, int], social_work: Journal) -> None:
    journal = demo[0] if register is Register.NMC else social_work
    sessions = journal.supervision.sessions()
    held = [s for s in sessions if s.held_on < TODAY]
    assert len(held) == 2 and len(sessions) == 3
    assert {s.supervisor for s in sessions} == {
        "Deputy manager" if register is Register.NMC else "Team manager"}
    actions = [a for s in held for a in s.actions]
    assert all(a.function is not None for a in actions)
    assert {a.function for a in actions} == set(Function)
    assert {a.status for a in actions} >= {ActionStatus.DONE, ActionStatus.IN_PROGRESS,
                                           ActionStatus.OPEN}
    upcoming, line = journal.supervision.prompt(TODAY) or (None, "")
    assert upcoming is not None and upcoming.held_on == TODAY + dt.timedelta(days=2)
    assert line.startswith("Supervision on ")


def test_fill_demo_prepares_the_next_session_on_the_four_functions(
        demo: tuple[Journal, int], entries: list[Entry]) -> None:
    journal, _added = demo
    upcoming = journal.supervision.next_session(TODAY)
    assert upcoming is not None and upcoming.id is not None
    prep = journal.supervision.preparation(upcoming.id, TODAY)
    assert prep.since == held_before(journal, upcoming.held_on) and prep.until == TODAY
    assert all(item.function is not None for item in prep.agenda)
    assert {item.function for item in prep.agenda} == set(Function)
    assert {item.kind for item in prep.agenda} >= {AgendaKind.QUESTION, AgendaKind.ENTRY,
                                                   AgendaKind.POWER, AgendaKind.DEVELOPMENT}
    discussed = [e for e in entries if e.id in prep.to_discuss]
    assert len(discussed) == 2 and all(e.kind is EntryKind.REFLECTION for e in discussed)
    assert prep.situation is not None
    situation = journal.get(prep.situation.entry_id)
    assert situation.title == "Four goes at the bus" and situation.id in prep.to_discuss
    assert all(len(prep.situation.words(stage)) > 40 for stage in Stage)
    assert prep.how_i_am.text and prep.how_i_am.include is False


def held_before(journal: Journal, day: dt.date) -> dt.date:
    """The day of the last session held before day."""
    return max(s.held_on for s in journal.supervision.sessions() if s.held_on < day)


def test_the_how_i_am_of_the_sample_stays_out_of_its_pack(demo: tuple[Journal, int]) -> None:
    from carejournal.services.packs import plan_pack

    journal, _added = demo
    upcoming = journal.supervision.next_session(TODAY)
    assert upcoming is not None and upcoming.id is not None
    prep = journal.supervision.preparation(upcoming.id, TODAY)
    content = plan_pack(journal, prep).content
    assert prep.how_i_am.text and content.how_i_am == ""
    assert content.situation is not None and len(content.situation.stages) == len(Stage)


def _new_texts(journal: Journal) -> list[str]:
    """Every text the sample's learning, feedback and supervision hold."""
    texts = [t for r in journal.cpd.learning() for t in (r.method, r.topic, r.changed)]
    texts += [t for f in journal.cpd.feedback() for t in (f.from_role, f.said, f.changed)]
    for session in journal.supervision.sessions():
        texts += [session.notes, *(a.text for a in session.actions)]
    upcoming = journal.supervision.next_session(TODAY)
    assert upcoming is not None and upcoming.id is not None
    prep = journal.supervision.preparation(upcoming.id, TODAY)
    assert prep.situation is not None
    texts += [item.text for item in prep.agenda if item.kind is not AgendaKind.ENTRY]
    texts += [prep.situation.words(stage) for stage in Stage] + [prep.how_i_am.text]
    return [t for t in texts if t]


@pytest.mark.parametrize("register", [Register.NMC, Register.SWE])
def test_the_lens_finds_nothing_in_the_samples_learning_and_supervision(
        register: Register, demo: tuple[Journal, int], social_work: Journal) -> None:
    journal = demo[0] if register is Register.NMC else social_work
    lens = journal.lens.lens()
    texts = _new_texts(journal)
    assert len(texts) > 30
    found = [(text[:60], f.text) for text in texts for f in lens.check(text)]
    assert found == []
    assert lens.check("She refused her meds and is non-compliant.")  # the lens is on
